// The planner's views: this week, contacts (table + detail), organizations,
// events, social plan, targets, goals, network map, metrics, import preview.
// Like the reader's views, each is a free function over what it shows; edits
// come back as intents (a changed record is sent whole), the app applies them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/interchange.h"
#include "core/planner.h"
#include "imgui.h"

namespace wb::ui {

enum class PlannerPage : uint8_t { Week, Contacts, Contact, Organizations, Events, Social, Targets, Goals, Map, Metrics };

// The pages' names and URL slugs. Inline, as the app routes with them before the
// planner's own code (workbook.deferred.wasm on the web) has arrived.
struct PlannerPageInfo { PlannerPage page; const char* name; const char* slug; };
inline constexpr PlannerPageInfo kPlannerPages[] = {
    {PlannerPage::Week, "This week", "week"},
    {PlannerPage::Contacts, "Contacts", "contacts"},
    {PlannerPage::Contact, "Contact", "contact"},
    {PlannerPage::Organizations, "Organizations", "organizations"},
    {PlannerPage::Events, "Events", "events"},
    {PlannerPage::Social, "Social media", "social"},
    {PlannerPage::Targets, "Target companies", "targets"},
    {PlannerPage::Goals, "Goals", "goals"},
    {PlannerPage::Map, "Network map", "map"},
    {PlannerPage::Metrics, "Metrics", "metrics"},
};
inline const char* PlannerPageName(PlannerPage p) {  // "This week", ...
    for (const PlannerPageInfo& i : kPlannerPages)
        if (i.page == p) return i.name;
    return "";
}
inline const char* PlannerPageSlug(PlannerPage p) {  // "week", ... (for #/planner/<slug>)
    for (const PlannerPageInfo& i : kPlannerPages)
        if (i.page == p) return i.slug;
    return "";
}
inline bool PlannerPageFromSlug(std::string_view slug, PlannerPage& out) {
    for (const PlannerPageInfo& i : kPlannerPages)
        if (slug == i.slug) {
            out = i.page;
            return true;
        }
    return false;
}

// What the learner did in the planner this frame.
struct PlannerIntents {
    std::optional<PlannerPage> go;
    std::optional<planner::Id> open_contact;          // show this contact's detail
    std::optional<planner::Contact> put_contact;      // id 0 = add
    std::optional<planner::Organization> put_org;
    std::optional<planner::Event> put_event;
    std::optional<planner::SocialPlan> put_social;
    std::optional<planner::Target> put_target;
    std::optional<planner::Goal> put_goal;
    // Which kind of record to delete: 'c'ontact, 'o'rganization, 'e'vent, 's'ocial, 't'arget, 'g'oal.
    std::optional<std::pair<char, planner::Id>> remove;
    std::optional<std::pair<planner::Id, planner::Interaction>> log_touch;
    std::optional<std::pair<planner::Id, planner::Day>> snooze;
    std::optional<std::pair<planner::Id, std::vector<planner::Id>>> attended;  // event, people met
    std::optional<planner::Id> social_done;            // done today
    bool download_quarantine = false;                  // the planner's set-aside (damaged) records
    bool choose_import = false;
    bool commit_import = false;
    bool cancel_import = false;
    std::optional<char> export_kind;                   // 'i'cs, 'v'cf, 'c'sv
};

// UI state of the planner that lives between frames but is not stored.
struct PlannerUi {
    PlannerPage page = PlannerPage::Week;
    planner::Id contact = 0;               // the contact shown in detail
    planner::Contact draft;                // its fields as being edited
    bool draft_loaded = false;
    planner::ContactQuery query;           // the table's search, filters and sort
    std::vector<uint32_t> rows;            // the query's result (indexes into contacts)
    bool rows_dirty = true;                // re-run the query before drawing
    std::vector<std::string> tags;         // every tag in use (refreshed with the rows)
    double query_ms = 0;                   // how long the last query took (the scale benchmark reads it)
    std::string touch_note;                // the "log a touch" form in the detail view
    int touch_channel = 3;                 // Channel::Message
    std::string touch_day;                 // "" = today
    std::string cadence;                   // "keep in touch every N days" as typed, while it is not a number
    planner::Id cadence_for = 0;           // the contact `cadence` was typed for (0 = none)
    std::string tags_typed;                // the tags field as typed: a trailing comma or space is kept while typing
    planner::Id tags_for = 0;              // the contact `tags_typed` was typed for (0 = none)
    bool confirm_delete = false;
    planner::Id editing = 0;               // organizations/events/...: the record open for editing
    std::string met_query;                 // events: finding people met
    std::vector<planner::Id> met;          // events: people met, picked so far
    // Network map: zoom and pan.
    float map_zoom = 1.0f;
    ImVec2 map_pan = ImVec2(0, 0);
};

struct PlannerView {
    const planner::Planner& planner;
    planner::Day today = planner::kNoDay;
    bool loaded = false;                   // the stored planner has been read
    std::string load_problem;              // the stored planner could not be read whole
    bool quarantined = false;              // its damaged records were set aside: offer them as a download
    bool in_lms = false;                   // inside a course system: say the planner stays on this device
    const planner::Templates* templates = nullptr;
    // An import waiting for the learner's commit (or still being read).
    const planner::ImportPreview* import = nullptr;
    float import_progress = 1.0f;          // < 1 while a big file is being read
    std::string import_filename;
};

// The planner: its own navigation on the left (or on top when narrow), the page on the right.
void DrawPlanner(const PlannerView& v, PlannerUi& ui, bool wide, PlannerIntents& out);

// The pages, in planner_views.cpp (week, contacts, detail, import) and
// planner_pages.cpp (organizations, events, social, targets, goals, map, metrics).
void DrawWeek(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawContacts(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawContactDetail(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawImport(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawOrganizations(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawEvents(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawSocial(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawTargets(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawGoals(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawMap(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);
void DrawMetrics(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);

}  // namespace wb::ui
