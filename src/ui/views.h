// The views. Each is a free function over what it shows; it reports what the
// learner did as intents and never touches storage or the browser.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/quiz.h"
#include "core/search.h"
#include "core/state.h"
#include "imgui.h"
#include "ui/planner/planner_views.h"

namespace wb::ui {

// Something the learner did in a quiz.
struct QuizIntent {
    enum class Kind { Choose, Move, Rate, Check, Submit, RetryAll, RetryWrong } kind = Kind::Choose;
    std::string quiz, question, option;
    int from = 0, to = 0;  // Move: positions in the current order
    int rating = 0;        // Rate: 1..5
};

// What the learner asked for this frame; the app applies it to the model.
struct Intents {
    std::optional<QuizIntent> quiz;
    bool toggle_results = false;
    bool toggle_planner = false;
    std::optional<std::string> planner_action;  // a recommendation's "do it in the planner" (action id)
    std::optional<int> go_to_section;           // open this section
    std::optional<int> end_seen;                // this section's end was on screen
    std::optional<std::pair<std::string, std::string>> reflection_edit;  // prompt id, new text
    // A reflection's offer taken: its prompt id and the names ticked, to add to the planner.
    std::optional<std::pair<std::string, std::vector<std::string>>> add_from_reflection;
    std::optional<ReflectionPlanner> show_in_planner;  // the planner's page for what a reflection added
    std::optional<float> scrolled;              // the reader's scroll offset changed
    std::optional<std::string> open_external;   // an external link the learner clicked
    std::optional<ThemeChoice> set_theme;
    std::optional<int> set_text_size;           // percent
    std::optional<bool> set_high_contrast;
    std::optional<std::string> search_query;
    std::optional<SearchHit> open_hit;
    bool toggle_search = false;
    bool toggle_settings = false;
    bool toggle_contents = false;
    bool dismiss_notice = false;
    bool download_quarantine = false;
    bool download_backup = false;
    bool choose_restore = false;   // open the file chooser
    bool confirm_restore = false;
    bool cancel_restore = false;
    bool ask_reset = false;
    bool confirm_reset = false;
    bool cancel_reset = false;
};

// What the browser said about keeping this site's data (navigator.storage.persist).
enum class Persistence { Unknown, Granted, NotGranted, Unsupported };

// A checked backup waiting for the learner's yes: what it would change.
struct RestorePreview {
    struct Row { const char* what; int now; int from_file; };
    std::string filename;
    std::string whose;  // "It holds the work of ..." ("" = the backup does not say)
    std::vector<Row> rows;
};

// What a reflection answer names that the planner can hold (core/reflection_names.h):
// offered under the answer, each ticked unless the learner unticks it.
struct ReflectionOffer {
    std::string prompt;  // the prompt's id
    ReflectionPlanner kind = ReflectionPlanner::None;
    struct Item {
        std::string name;
        bool in_planner = false;  // already there (same name, any case or accents): not offered again
    };
    std::vector<Item> items;
};

// UI-only state that lives between frames but is not stored.
struct ShellUi {
    bool search_open = false;
    bool settings_open = false;
    bool contents_open = false;   // the drawer on narrow screens
    std::string query;
    std::vector<SearchHit> hits;
    std::string highlight;        // the query to mark in the text after opening a hit
    int scroll_to_block = -1;     // after opening a hit: bring this block into view
    std::optional<float> restore_scroll;  // after opening a section: scroll here
    int restore_frames = 0;
    bool focus_search = false;
    bool confirm_reset = false;   // "Reset my data?" is showing
    bool results_open = false;
    bool planner_open = false;    // the planner instead of the chapter
    bool only_unanswered = false; // results: show only quizzes with unanswered questions
    std::set<std::string> offer_unticked;  // "<prompt id>\x1f<name>": a reflection offer's names left out
    std::string offer_taken;  // the prompt whose offer was just taken: its "Open the planner" takes the focus
};

enum class SectionStatus { NotStarted, Read, QuizPassed };

struct WorkbookView {
    WorkbookView(const Content& c, const LearnerState& s) : content(c), state(s) {}
    const Content& content;
    const LearnerState& state;
    int section = 0;
    std::vector<SectionStatus> status;  // per section
    std::string notice;        // storage or content problem, shown on top
    bool notice_has_download = false;
    bool notice_set_aside = false;    // safe mode: the download is the stored data set aside
    bool wide = true;          // room for the contents beside the text
    std::string save_problem;  // the last save failed: why ("" = saved)
    bool storage_unavailable = false;
    Persistence persistence = Persistence::Unknown;
    std::optional<RestorePreview> restore;
    uint64_t seed = 0;         // the learner's shuffle seed
    std::string planner_week;  // the results page's line on planner activity this week ("" = no planner yet)
    bool in_lms = false;       // launched by a course system (SCORM): progress and scores go to it; the planner never does
    std::string lms_status;    // a problem talking to the course system ("" = none)
    std::string lms_learner;   // whose data this is inside the LMS ("" = the LMS gave no learner id)
    // The planner is open but its code has not arrived (workbook.deferred.wasm): what to say instead.
    std::string planner_pending;
    // What the section's reflection answers name for the planner (once its code and records are here).
    const std::vector<ReflectionOffer>* offers = nullptr;
};

// The quiz of the section being read (drawn inside the reader).
void DrawQuiz(const WorkbookView& v, const Quiz& quiz, float width, Intents& out);
// Results: per-section scores, the self-assessment profile, recommendations.
void DrawResults(const WorkbookView& v, ShellUi& ui, Intents& out);

// The planner as the shell draws it, when it is open.
struct PlannerPane {
    const PlannerView& view;
    PlannerUi& ui;
    PlannerIntents& out;
};

// Under an answer that names people, an event or an organization: what the planner
// would get (each ticked; unticking leaves one out), then one button adds them
// (planner/view_reflection_offer.cpp: drawn only once the planner's code is here).
void DrawReflectionOffer(const ReflectionOffer& o, ShellUi& ui, float width, Intents& out);

// The whole window: top bar, contents, reader (or the planner), search and settings panels.
void DrawWorkbook(const WorkbookView& v, ShellUi& ui, Intents& out, const PlannerPane* planner = nullptr);

// What search found, in words ("3 matches"): shown under the field and announced.
std::string SearchCount(const Content& c, size_t hits);

}  // namespace wb::ui
