// The App: owns the model and the UI state, draws a frame, applies intents.
// It knows nothing of the browser: the platform feeds it events and carries out
// what it puts in the outbox (address, title, saves, announcements).
#pragma once
#include <string>
#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "app/planner_host.h"
#include "core/content.h"
#include "core/lms.h"
#include "core/state.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace wb {

struct HeldNames;  // core/reflection_names.h

// Requests from the app to the platform, collected during a frame.
struct Outbox {
    std::string route;            // new address hash to push ("" = unchanged)
    std::string title;            // document title when it changed
    bool state_dirty = false;     // learner state changed: save (the platform debounces)
    std::string announce;         // polite live-region text
    std::string open_url;         // an external link the learner clicked
    bool download_quarantine = false;
    bool fonts_dirty = false;     // text size changed: rebuild the atlas
    bool style_dirty = false;     // theme changed
    // A file for the learner to keep (backup, quarantined data).
    struct Download { std::string filename, mime, data; };
    std::vector<Download> downloads;
    bool choose_restore_file = false;  // open the file chooser for a backup
    bool request_persist = false;      // ask the browser for persistent storage (once, when there is real data)
    bool state_replaced = false;       // reset or restore: save at once, not debounced
    // The planner (IndexedDB): something to save (debounced), or save at once.
    bool planner_dirty = false;
    bool planner_save_now = false;
    bool download_planner_quarantine = false;
    bool choose_import_file = false;   // the file chooser, for contacts to import
    bool busy = false;                 // work continues over frames (an import): keep drawing
};


// "Ana, learner id 42" (or "learner id 42" without a name): whose work it is inside a course system.
std::string LearnerLabel(const std::string& name, const std::string& id);

class App {
public:
    // Hands the embedded fonts to the theme (ui knows no assets of the app's).
    App();

    // Decodes the embedded chapter (content.bin). False (with a message) if it is unusable.
    bool Init(std::string_view compiled_chapter, std::string& error);

    // Stored state as found by the platform (empty = none). Never overwrites
    // anything: if the text is unreadable, `quarantine_needed()` says so and the
    // platform keeps the original bytes aside before the first save.
    void LoadState(std::string_view stored);
    bool QuarantineNeeded() const { return quarantine_needed_; }
    void SetStorageUnavailable();
    // Safe mode (after two aborted starts): the stored data was set aside, the workbook starts fresh.
    void SetSafeMode();

    // Time and tab identity for record revisions (two-tab merging).
    void SetClock(int64_t now_ms) { now_ms_ = now_ms; }
    void SetTabId(std::string id) { tab_id_ = std::move(id); }

    // Another tab saved (the storage event), or a save is about to write: merge
    // the stored document into this tab's state, record by record (what can be
    // read of it, when it is damaged).
    struct MergeResult {
        bool news = false;        // this tab holds records the stored text lacks: save soon
        bool quarantine = false;  // the stored text is damaged: keep its bytes aside first
    };
    MergeResult MergeStored(std::string_view stored);
    // The platform's save result: "" when saved, else what went wrong.
    void SetSaveProblem(const std::string& problem);
    // How the write that out.state_replaced asked for ended (a restore goes on or is undone).
    void ReplacedStateSaved(bool ok);
    void SetPersistence(ui::Persistence p) { persistence_ = p; }
    // A file the learner chose for restoring a backup.
    void OnRestoreFile(const std::string& filename, std::string_view text);

    void OnRoute(std::string_view hash);  // the address hash changed (or at start)
    void SetToday(planner::Day today) { today_ = today; }  // the learner's local date

    // --- The planner, stored by the platform in IndexedDB (see PlannerHost).
    PlannerHost& planner() { return planner_; }
    void PlannerLoaded(bool quarantined);   // after FinishLoad or LoadFailed
    // `status` as the platform reports it: 0 saved, 1 storage full, 2 refused (PlannerHost::SaveStatus).
    void PlannerSaveFinished(int status, const std::string& message);
    void MergeStoredPlanner();              // another tab's records were handed over: merge them
    void PlannerMerged();                   // another tab's records were merged: the views follow
    void OnImportFile(const std::string& filename, std::string bytes);
    // Planner templates (content/planner/templates.json, embedded).
    void SetTemplates(std::string_view json);
    // The planner's code. On the web it arrives after the first frame (workbook.deferred.wasm,
    // scripts/split-wasm.py); until then the planner says it is on its way and nothing calls it.
    void PlannerCodePending() { planner_code_ = PlannerCode::Pending; }
    void PlannerCodeArrived();
    void PlannerCodeFailed(const std::string& why);
    void SetSystemDark(bool dark);        // prefers-color-scheme
    // forced-colors: active (the system's palette), or nullopt when not forced.
    void SetForcedColors(const std::optional<ui::SystemColors>& colors);
    const ui::SystemColors* ForcedColors() const { return forced_colors_ ? &*forced_colors_ : nullptr; }
    void SetViewportWide(bool wide) { wide_ = wide; }

    // Draws one frame (between ImGui::NewFrame and ImGui::Render).
    void Frame();

    ui::Palette CurrentPalette() const;
    float TextScale() const { return state_.settings.text_size_pct / 100.0f; }
    bool HighContrast() const { return state_.settings.high_contrast; }
    // Does any learner text need glyphs beyond ASCII and the chapter's own?
    bool NeedsAllLatin() const;
    // Does any learner text need the fonts of other scripts (ui::kExtraRanges)? Once
    // true it stays true: the platform fetches those fonts once.
    bool NeedsExtraGlyphs();
    std::string SaveState() const { return EncodeState(state_); }

    const Content& content() const { return content_; }
    const LearnerState& state() const { return state_; }
    int section() const { return section_; }
    const ui::ShellUi& shell() const { return ui_; }
    const std::string& notice() const { return notice_; }

    Outbox out;

    // --- Course system (SCORM), in app_lms.cpp ---------------------------------
    // Launched by an LMS: merges what it stored (suspend_data; "" on a first
    // launch) into the state, record by record, the later change winning.
    // False when suspend_data was there but unusable (the app says why).
    // Everything the LMS handed back is read, whatever cmi.entry said.
    bool StartLms(LmsVersion v, const LmsRecord& record);
    LmsVersion lms() const { return lms_; }
    // What to tell the LMS now (adds newly answered questions to the interaction order).
    LmsReport LmsReportNow();
    // The LMS was read back holding report r: it is the least ever sent again.
    void LmsSaved(const LmsReport& r);
    // Whose data this is inside an LMS ("Ana, learner id 42"); "" standalone or without an id.
    std::string LmsLearnerLabel() const;
    // "" = in step with the LMS; else what went wrong, for the learner.
    void SetLmsStatus(const std::string& status);

private:
    void OpenSection(int index, bool push_route);
    void Apply(const ui::Intents& in);
    void MarkDirty();
    Rev NewRev() const { return Rev{now_ms_, tab_id_}; }
    void ReplaceState(LearnerState next, const char* announcement);
    void ApplyQuiz(const ui::QuizIntent& in);
    void ApplyPlanner(const ui::PlannerIntents& in);
    void OpenPlanner(ui::PlannerPage page, planner::Id contact, bool push_route);
    void MarkPlannerDirty() {
        out.planner_dirty = true;
        planner_week_stale_ = extra_glyphs_stale_ = true;
    }
    std::string PlannerNotice() const;
    std::string PlannerWeekLine() const;
    // Reflection answers that name people, an event or an organization: what the
    // reader offers to add to the planner (app_planner.cpp). Worked out again only
    // when the section, its answers or the planner change.
    void UpdateReflectionOffers();
    void AddFromReflection(const std::string& prompt, const std::vector<std::string>& names);
    const HeldNames& HeldNow();  // the planner's names now (made again after it changed)
    void DoPlannerAction(const std::string& action);

    Content content_;
    LearnerState state_;
    ui::ShellUi ui_;
    int section_ = 0;
    bool system_dark_ = false;
    std::optional<ui::SystemColors> forced_colors_;
    bool wide_ = true;
    bool quarantine_needed_ = false;
    bool safe_mode_ = false;  // SetSafeMode
    bool storage_unavailable_ = false;
    bool persist_requested_ = false;
    std::string notice_;
    std::string save_problem_;
    int64_t now_ms_ = 0;
    std::string tab_id_ = "tab";
    // The option order shown before the first answer; stored as the learner's
    // shuffle seed when they answer, so the order never changes under them.
    uint64_t ShuffleSeed();
    uint64_t shown_seed_ = 0;
    // A page change says the new page's name (a screen reader hears where it
    // went), unless something more specific was said; not at start-up.
    void AnnouncePage(const std::string& name);
    bool drawn_ = false;  // a frame has been drawn
    ui::Persistence persistence_ = ui::Persistence::Unknown;
    std::optional<BackupRead> pending_restore_;
    std::string pending_restore_name_;
    // A confirmed restore, all or nothing: the answers are written first, then the
    // planner (one IndexedDB transaction); if either write fails, what was there
    // before is put back, in this page and in storage.
    struct RestoreInFlight {
        std::string name;
        LearnerState old_state;
        std::optional<planner::Planner> planner;  // still to write once the answers are stored
        bool undoing = false;                     // the old answers are being written back
        std::string why;                          // what failed, said once they are back
    };
    std::optional<RestoreInFlight> restoring_;
    void DownloadBackup();
    void ConfirmRestore();
    void RestoreSaved(planner::Planner&& next);  // the answers are stored: the planner follows
    void RestoreFinished();
    PlannerHost planner_;
    planner::Day today_ = planner::kNoDay;
    std::string planner_save_problem_;
    bool planner_quarantined_ = false;
    enum class PlannerCode : uint8_t { Ready, Pending, Failed };
    PlannerCode planner_code_ = PlannerCode::Ready;
    std::string planner_code_problem_;
    bool PlannerUnavailable();  // says why (a notice) when the planner's code is not here
    std::vector<ui::ReflectionOffer> offers_;
    std::string offers_key_;    // what offers_ was worked out from
    std::shared_ptr<const HeldNames> held_names_;  // the planner's names, as of planner_.changes() == held_at_
    uint64_t held_at_ = 0;
    std::string planner_week_;  // the results page's line on this week's planner activity
    planner::Day planner_week_day_ = planner::kNoDay;
    bool planner_week_stale_ = true;
    bool extra_glyphs_stale_ = true;     // the planner changed since NeedsExtraGlyphs read it
    bool planner_extra_glyphs_ = false;  // it holds text in other scripts
    std::array<int, 3> restore_counts_{};  // contacts, organizations, events in the backup being checked
    LmsVersion lms_ = LmsVersion::None;
    std::vector<std::string> lms_order_;  // question ids in cmi.interactions order
    std::string lms_status_;
    std::string lms_learner_id_, lms_learner_name_;
    LmsFloor lms_floor_;       // status and score the LMS holds: never reported lower
    LearnerState lms_held_;    // the LMS's suspend_data as read at launch: never written back with less
};

}  // namespace wb
