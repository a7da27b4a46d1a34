// The planner's views: this week, contacts (table + detail), organizations,
// events, social plan, targets, goals, network map, metrics, import preview.
// Like the reader's views, each is a free function over what it shows; edits
// come back as intents (a changed record is sent whole), the app applies them.
// One view per file in this folder (view_*.cpp); the helpers they share are in
// widgets.h. Everything they keep between frames is in PlannerUi, below.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/interchange.h"
#include "core/planner.h"
#include "imgui.h"
#include "core/strings.h"
#include "ui/planner/map_geometry.h"

namespace wb::ui {

enum class PlannerPage : uint8_t { Week, Contacts, Contact, Organizations, Events, Social, Targets, Goals, Map, Metrics, Triage };

// The pages' names and URL slugs. Inline, as the app routes with them before the
// planner's own code (workbook.deferred.wasm on the web) has arrived.
struct PlannerPageInfo { PlannerPage page; Key name; const char* slug; };
inline constexpr PlannerPageInfo kPlannerPages[] = {
    {PlannerPage::Week, Key("planner.page_week"), "week"},
    {PlannerPage::Contacts, Key("planner.page_contacts"), "contacts"},
    {PlannerPage::Triage, Key("planner.page_triage"), "triage"},
    {PlannerPage::Contact, Key("planner.page_contact"), "contact"},
    {PlannerPage::Organizations, Key("planner.page_organizations"), "organizations"},
    {PlannerPage::Events, Key("planner.page_events"), "events"},
    {PlannerPage::Social, Key("planner.page_social"), "social"},
    {PlannerPage::Targets, Key("planner.page_targets"), "targets"},
    {PlannerPage::Goals, Key("planner.page_goals"), "goals"},
    {PlannerPage::Map, Key("planner.page_map"), "map"},
    {PlannerPage::Metrics, Key("planner.page_metrics"), "metrics"},
};
inline const char* PlannerPageName(PlannerPage p) {  // "This week", ...
    for (const PlannerPageInfo& i : kPlannerPages)
        if (i.page == p) return Tr(i.name);
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

// Which kind of record a delete (or an add form) is about.
enum class RecordKind : uint8_t { Contact, Organization, Event, Social, Target, Goal };
// What the contacts page exports.
enum class ExportKind : uint8_t { Calendar, Cards, Spreadsheet };  // .ics, .vcf, .csv

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
    // The organization or event put with id 0 opens for editing: only the app
    // knows the id it gives the record, so it sets PlannerUi::editing.
    bool edit_added = false;
    std::optional<std::pair<RecordKind, planner::Id>> remove;
    std::optional<std::pair<planner::Id, planner::Interaction>> log_touch;
    std::optional<std::pair<planner::Id, planner::Day>> snooze;
    std::optional<std::pair<planner::Id, std::vector<planner::Id>>> attended;  // event, people met
    std::optional<planner::Id> social_done;            // done today
    // Someone met at this event who is not a contact yet: add them (by this name) and choose them as met.
    std::optional<std::pair<planner::Id, std::string>> add_met_contact;
    bool download_quarantine = false;                  // the planner's set-aside (damaged) records
    bool choose_import = false;
    bool commit_import = false;
    bool cancel_import = false;
    std::optional<ExportKind> export_kind;
    // Triage: give these contacts a tier (Tier::None = "Not now"), one undo step
    // for all of them; undo the last such step.
    struct TriageDecision {
        std::vector<planner::Id> ids;
        planner::Tier tier = planner::Tier::None;
    };
    std::optional<TriageDecision> triage;
    bool triage_undo = false;
};

// Where a contact's follow-up stands, as the pages draw it (a snoozed
// follow-up is drawn as one that is not due yet).
enum class Standing : uint8_t { Never, Fine, Due, Overdue };

// Drafts and open forms of the secondary pages (organizations, events, social,
// targets, goals): not stored, and started afresh when the learner leaves a page.
struct PlannerForms {
    // What is being deleted, waiting for the learner's yes.
    std::optional<RecordKind> confirm_kind;
    planner::Id confirm_id = 0;
    // Add forms (one open at a time).
    std::optional<RecordKind> adding;
    std::string add_name, add_day, add_error, add_day_error;
    bool add_day_set = false;  // the add form's date got its default (events: a week from today)
    int add_kind = 0, add_action = 1, add_every = 7, add_period = 0, add_target = 5;

    planner::Organization org;
    std::string org_dues, org_renewal, org_roles, org_dues_error, org_renewal_error;
    planner::Event event;
    std::string event_day, event_day_error, prep_new;
    bool picking_met = false;
    planner::Id target_open = 0;  // target whose notes are open
    planner::SocialPlan social;
    planner::Goal goal;
    // The frame each part was last drawn: a form or draft not drawn in the
    // previous frame (the learner left the page) starts afresh.
    int confirm_seen = -2, adding_seen = -2, org_seen = -2, event_seen = -2, social_seen = -2, goal_seen = -2;
};

// The network map's layout in map units (the outermost ring at radius 1),
// computed when the planner changes, not every frame: with 30,000 people the
// layout and the aggregation cost more than a frame's budget.
struct MapCache {
    const planner::Planner* planner = nullptr;
    size_t contacts = 0;
    planner::Id next_id = 0;
    int64_t newest_rev = -1;
    planner::Day today = planner::kNoDay;

    struct Dot {
        float x, y;  // map units, centre (0,0), outer ring radius 1
        planner::Id id;
        uint32_t contact;  // index into planner.contacts
        Standing standing;
    };
    std::vector<Dot> dots;
    std::vector<planner::MapCell> cells;
    std::array<float, 4> ring_outer{};  // each tier's outer edge (RingOf)
    float ring_inner = 0;               // the Inner ring's inner edge: you are inside it
    struct Label {
        std::string text;
        float angle;   // the middle of the sector: where its name goes
        float angle0;  // where it starts: a spoke is drawn there
    };
    std::vector<Label> sectors;
    int counts[4] = {0, 0, 0, 0};  // by Standing
    std::vector<uint32_t> visible;  // the dots in view this frame (kept to reuse its memory)
    uint32_t layout_version = 0;     // bumped with each new layout: placed labels refer to it

    // The ring and sector names as last placed, kept while the view is unchanged:
    // placing them tests many spots against what is drawn.
    struct PlacedLabel {
        MapRect rect;
        std::string text;
        bool ring;  // a tier's name (else an industry's)
    };
    std::vector<PlacedLabel> labels;
    struct LabelKey {
        uint32_t layout_version;
        float zoom, pan_x, pan_y, x, y, side, em;
        bool aggregated;
        bool operator==(const LabelKey&) const = default;
    };
    LabelKey labels_for{};
    MapObstacles obstacles;  // kept to reuse its memory
};

// Metrics walk every contact and interaction: computed once per change.
struct MetricsCache {
    const planner::Planner* planner = nullptr;
    size_t contacts = 0;
    int64_t newest_rev = -1;
    planner::Day today = planner::kNoDay;
    planner::Metrics metrics;
};

// Triage's list of the contacts it still offers (AwaitingTriage, matching the
// filter), by id. Rebuilt when the planner changes in a way it did not hear of
// (another tab, an import, an edit elsewhere): one pass over the contacts. Its
// own decisions and undos update it in place (TriageNoteChange), so a decision
// at 30,000 contacts costs no pass; each frame only compares the key.
struct TriageCache {
    const planner::Planner* planner = nullptr;
    size_t contacts = 0;
    planner::Id next_id = 0;
    int64_t newest_rev = -1;
    std::string filter;             // the filter `ids` were found with
    std::vector<planner::Id> ids;   // ascending; a decided one stays until the next rebuild (skipped)
    size_t cursor = 0;              // every id before it is decided
    size_t shown = 0;               // of ids, how many still await triage
    size_t to_go = 0;               // awaiting triage in the whole planner
    // Facts about the contact on the card that need a pass (others at the same company).
    planner::Id facts_for = 0;
    int64_t facts_rev = -1;
    size_t same_company = 0, same_company_tiered = 0;
};
// One contact's state before a triage decision, to put back on undo.
struct TriageUndo {
    planner::Id id = 0;
    planner::Tier tier = planner::Tier::None;
    planner::Day not_now = planner::kNoDay;
};
struct TriageUi {
    std::string filter;                            // name, company, ... as in the contacts' search
    TriageCache cache;
    std::vector<std::vector<TriageUndo>> undo;     // one step per decision (a bulk one is one step); the app pushes
    int confirm_tier = -1;                         // "Set all N shown to ..." waiting for the learner's yes (4 = Not now)
    size_t confirm_count = 0;                      // N, as the question named it
    int confirm_seen = -2;
    bool list = false;                             // the fast list (a page of rows) instead of one card
    // List: the row decided with the keyboard, so the next row's same button takes focus.
    planner::Id refocus_after = 0;
    int refocus_choice = -1;
    int refocus_frame = -2;
};

// The calendar open under a date field (one at a time; see DatePicker).
struct CalendarUi {
    ImGuiID field = 0;                       // the date field it belongs to; 0 = closed
    planner::Day cursor = planner::kNoDay;   // the day the keyboard is on; the month shown is its month
    bool focus_cursor = false;               // move focus onto the cursor's day (it moved, or the calendar opened)
    ImGuiID focus_toggle = 0;                // closed: focus goes back to this field's "Calendar" button
    int seen = -2;                           // the frame it was last drawn (a page left closes it)
    planner::Day today = planner::kNoDay;    // the planner's today (set by DrawPlanner every frame)
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
    std::string touch_day;                 // as typed; filled with today when a contact is opened
    planner::Id touch_day_for = 0;         // the contact touch_day was filled for (0 = fill it)
    std::string touch_day_error;           // why the last "Log this touch" was refused (shown in the field)
    bool touch_future_confirm = false;     // a future date: asking "log it anyway?"
    std::string cadence;                   // "keep in touch every N days" as typed, while it is not a number
    planner::Id cadence_for = 0;           // the contact `cadence` was typed for (0 = none)
    std::string tags_typed;                // the tags field as typed: a trailing comma or space is kept while typing
    planner::Id tags_for = 0;              // the contact `tags_typed` was typed for (0 = none)
    bool confirm_delete = false;
    planner::Id editing = 0;               // organizations/events/...: the record open for editing
    std::string met_query;                 // events: finding people met
    std::vector<planner::Id> met;          // events: people met, picked so far
    std::string new_name;                  // contacts: the name typed into "Add contact"
    int import_filter = -1;                // import preview: an ImportItem::Outcome to show, -1 = all
    std::vector<uint32_t> import_rows;     // its rows (indexes into the preview's items)
    PlannerForms forms;
    // Network map: zoom and pan.
    float map_zoom = 1.0f;
    ImVec2 map_pan = ImVec2(0, 0);
    MapCache map;
    MetricsCache metrics;
    TriageUi triage;
    CalendarUi calendar;
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

// The pages, each in its own view_*.cpp here.
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
void DrawTriage(const PlannerView& v, PlannerUi& ui, PlannerIntents& out);

// Triage's bookkeeping, for the app around a decision it applies: whether the
// cache is current (call before changing the planner), then what changed
// (`waiting`: the contacts await triage again, as after an undo), which keeps
// a current cache current without a pass over the contacts.
bool TriageCacheFresh(const TriageCache& c, const planner::Planner& p);
void TriageNoteChange(TriageCache& c, const planner::Planner& p, const std::vector<planner::Id>& ids, bool waiting);
// "42 sorted, 29,929 to go" for the whole planner.
std::string TriageProgress(const planner::Planner& p, size_t to_go);

// For merging with other tabs (view_shell.cpp): the ids of the records these
// intents change in place (`import`: the import they would commit, if any), so
// the app keeps each one's base first; and, after a merge moved this tab's new
// records to other ids, everything the UI holds by id follows them.
std::vector<planner::Id> EditedRecords(const PlannerIntents& in, const PlannerUi& ui, const planner::ImportJob* import);
void FollowMovedIds(PlannerUi& ui, const std::vector<std::pair<planner::Id, planner::Id>>& moved);

}  // namespace wb::ui
