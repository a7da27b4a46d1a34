// The planner's secondary pages: organizations, events, social media plan,
// target companies, goals, the network map and metrics.
//
// Every edit goes out as an intent: a page edits a copy of the record (a draft
// kept here between frames) and, when a field changes, sends the copy whole
// (`out.put_org = draft`); adding sends a record with id 0; deleting asks first.
//
// Index
//   Core adapters   the few calls into core/planner whose exact shape may move
//   Helpers         layout (flow of buttons, labelled fields), colours, deleting
//   Organizations   DrawOrganizations
//   Events          DrawEvents (checklist, people met and their follow-ups)
//   Social          DrawSocial
//   Targets         DrawTargets
//   Goals           DrawGoals
//   Map             DrawMap: cached layout, culling, aggregated cells, hover, zoom and pan
//   Metrics         DrawMetrics: bar charts with text equivalents
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/search.h"
#include "imgui_internal.h"
#include "ui/planner_views.h"
#include "ui/view_util.h"

namespace wb::ui {

using namespace wb::planner;

namespace {

// --- Core adapters ----------------------------------------------------------
// The core is being written alongside these pages; everything the pages ask of
// it goes through here so a change of shape is a change in one place.

std::vector<std::string> OrgKinds(const PlannerView& v) {
    if (v.templates && !v.templates->organization_kinds.empty()) return v.templates->organization_kinds;
    return {"Professional association", "Alumni network", "Industry group", "Online community"};
}

std::vector<std::string> EventKinds(const PlannerView& v) {
    if (v.templates && !v.templates->event_kinds.empty()) return v.templates->event_kinds;
    return {"Conference", "Meetup", "Workshop", "Networking event"};
}

// The record's kind as a radio group over the suggested kinds (plus the
// record's own, when it is not one of them). True when the learner changed it.
bool PickKind(std::vector<std::string> kinds, std::string& kind, float width);

std::vector<SocialPlan> SocialStarters(const PlannerView& v) {
    return v.templates ? v.templates->social : std::vector<SocialPlan>{};
}

std::vector<Goal> GoalStarters(const PlannerView& v) { return v.templates ? v.templates->goals : std::vector<Goal>{}; }

// Where a contact's follow-up stands on `today`, as the pages draw it (a
// snoozed follow-up is drawn as one that is not due yet).
enum class Standing : uint8_t { Never, Fine, Due, Overdue };
Standing StandingOf(FollowUpStatus f) {
    switch (f) {
        case FollowUpStatus::Overdue: return Standing::Overdue;
        case FollowUpStatus::DueThisWeek: return Standing::Due;
        case FollowUpStatus::NeverContacted: return Standing::Never;
        default: return Standing::Fine;
    }
}
Standing StandingOf(const Contact& c, Day today) { return StandingOf(StatusOf(c, today)); }

// --- Helpers ----------------------------------------------------------------

float PageWidth() { return std::max(Em() * 8, std::min(ImGui::GetContentRegionAvail().x, Em() * 42)); }

bool IsDark() { return ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f; }

// Colours for marks on the page background. Each reaches at least 3:1 against
// the light, dark and high-contrast backgrounds (WCAG 1.4.11 for graphics);
// the map also tells the statuses apart by shape, not by colour alone.
ImU32 StandingColor(Standing s) {
    bool dark = IsDark();
    switch (s) {
        case Standing::Overdue: return dark ? IM_COL32(255, 120, 110, 255) : IM_COL32(190, 30, 30, 255);
        case Standing::Due: return dark ? IM_COL32(245, 190, 60, 255) : IM_COL32(150, 90, 0, 255);
        case Standing::Fine: return dark ? IM_COL32(100, 210, 130, 255) : IM_COL32(20, 120, 55, 255);
        default: return dark ? IM_COL32(160, 165, 175, 255) : IM_COL32(110, 112, 120, 255);
    }
}
ImU32 ErrorColor() { return StandingColor(Standing::Overdue); }
ImU32 WithAlpha(ImU32 c, float a) {
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * 255) << IM_COL32_A_SHIFT);
}

const char* StandingWord(Standing s) {
    switch (s) {
        case Standing::Overdue: return "overdue";
        case Standing::Due: return "due this week";
        case Standing::Fine: return "up to date";
        default: return "never contacted";
    }
}

// Lays buttons out left to right, starting a new line when the next one would
// not fit (narrow screens, 200% text).
struct Flow {
    float right = 0;
    bool first = true;
    explicit Flow(float width) : right(ImGui::GetCursorPosX() + width) {}
    void Next(const char* label) {
        float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        Place(w);
    }
    void Place(float w) {
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        first = false;
    }
};

// A field with its label above it, as wide as the page.
bool Field(const char* id, const char* label, std::string& text, float width, const char* hint = nullptr) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(width);
    return TextField(id, label, text, hint);
}

// A field whose text is checked before it is applied: `error` (what is wrong,
// where, what to do) is shown under it and recorded as the field's invalid message.
bool CheckedField(const char* id, const char* label, std::string& text, float width, const char* hint,
                  const std::string& error) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(width);
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, ErrorColor());
    bool changed = TextFieldWithError(id, label, text, hint, error.c_str());
    if (!error.empty()) {
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, ErrorColor());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(error.c_str());  // recorded on the field (desc), not again as text
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    return changed;
}

// A radio group laid out in a flow. Returns the chosen index when it changes, or -1.
int RadioFlow(const char* group, const std::vector<std::string>& options, int current, float width) {
    ImVec2 a = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::RadioGroup, group, a, ImVec2(a.x + width, a.y + Em() * 2));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(group);
    ImGui::PopTextWrapPos();
    int chosen = -1;
    Flow flow(width);
    ImGui::PushID(group);
    for (int i = 0; i < static_cast<int>(options.size()); ++i) {
        float w = std::min(width, ImGui::CalcTextSize(options[i].c_str()).x + Em() * 3);
        flow.Place(w);
        ImGui::PushID(i);
        if (ChoiceRow("##opt", options[i], i == current, true, w) && i != current) chosen = i;
        ImGui::PopID();
    }
    ImGui::PopID();
    EndSemRegion();
    return chosen;
}

bool PickKind(std::vector<std::string> kinds, std::string& kind, float width) {
    if (!kind.empty() && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    int current = static_cast<int>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
    int k = RadioFlow("Kind", kinds, current, width);
    if (k < 0) return false;
    kind = kinds[k];
    return true;
}

void PageHeading(const char* name) { HeadingText(GetFonts().h1, name, 1); }
void SubHeading(const std::string& name) {
    Gap(0.4f);
    HeadingText(GetFonts().h2, name, 2);
}

std::string Money(int64_t cents) {
    char b[32];
    std::snprintf(b, sizeof b, "%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
    return b;
}

// "120", "49.5", "1,200.00", "$120": cents. False if it is not an amount.
bool ParseMoney(const std::string& text, int64_t& cents) {
    int64_t whole = 0, frac = 0;
    int frac_digits = -1, digits = 0;
    for (char ch : text) {
        if (ch == ' ' || ch == ',' || ch == '$' || ch == '\xE2' || ch == '\x82' || ch == '\xAC') continue;  // € is E2 82 AC
        if (ch == '.') {
            if (frac_digits >= 0) return false;
            frac_digits = 0;
        } else if (ch >= '0' && ch <= '9') {
            if (frac_digits >= 0) {
                if (++frac_digits > 2) return false;
                frac = frac * 10 + (ch - '0');
            } else {
                if (++digits > 12) return false;
                whole = whole * 10 + (ch - '0');
            }
        } else {
            return false;
        }
    }
    if (digits == 0 && frac_digits <= 0) return text.find_first_not_of(' ') == std::string::npos ? (cents = 0, true) : false;
    if (frac_digits == 1) frac *= 10;
    cents = whole * 100 + frac;
    return true;
}

// "" = no date; otherwise YYYY-MM-DD. The message says what, where and what to do.
bool ParseDateField(const std::string& text, const char* field, Day& out, std::string& error) {
    error.clear();
    std::string t = text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    if (t.empty()) {
        out = kNoDay;
        return true;
    }
    if (ParseDay(t, out)) return true;
    error = std::string(field) + ": \xE2\x80\x9C" + t +
            "\xE2\x80\x9D is not a date. Type it as year-month-day, for example 2026-03-31, or leave it empty. "
            "It is saved once it is a real date.";
    return false;
}

std::string JoinComma(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}
std::vector<std::string> SplitComma(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        size_t a = item.find_first_not_of(' '), b = item.find_last_not_of(' ');
        if (a != std::string::npos) out.push_back(item.substr(a, b - a + 1));
        start = end + 1;
    }
    return out;
}

std::string DaysFromNow(Day day, Day today) {
    int d = day - today;
    if (d == 0) return "today";
    if (d == 1) return "tomorrow";
    if (d == -1) return "yesterday";
    return d > 0 ? "in " + std::to_string(d) + " days" : std::to_string(-d) + " days ago";
}

// State of the pages that lives between frames but is not stored: the drafts
// being edited and the open add and delete forms. One learner, one planner:
// a single instance is enough.
struct PagesState {
    // What is being deleted, waiting for the learner's yes.
    char confirm_kind = 0;
    Id confirm_id = 0;
    // Add forms (one open at a time).
    char adding = 0;
    std::string add_name, add_text, add_day, add_error;
    int add_kind = 0, add_action = 1, add_every = 7, add_period = 0, add_target = 5;

    Organization org;
    std::string org_dues, org_renewal, org_roles, org_dues_error, org_renewal_error;
    Event event;
    std::string event_day, event_day_error, prep_new;
    bool picking_met = false;
    Id target_open = 0;  // target whose notes are open
    SocialPlan social;
    Goal goal;
    // The frame each part was last drawn: a form or draft not drawn in the
    // previous frame (the learner left the page) starts afresh.
    int confirm_seen = -2, adding_seen = -2, org_seen = -2, event_seen = -2, social_seen = -2, goal_seen = -2;
};
PagesState& Pages() {
    static PagesState s;
    return s;
}

// True when the part drawn with `seen` was also drawn in the previous frame.
bool Continuing(int& seen) {
    int frame = ImGui::GetFrameCount();
    bool yes = seen == frame - 1 || seen == frame;
    seen = frame;
    return yes;
}

// Delete with a confirmation: a "Delete" button, then "Delete X?" with yes and no.
void DeleteWithConfirm(char kind, Id id, const std::string& what, float width, PlannerIntents& out) {
    PagesState& st = Pages();
    ImGui::PushID("delete");
    if (st.confirm_kind == kind && st.confirm_id == id && Continuing(st.confirm_seen)) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        std::string q = "Delete \xE2\x80\x9C" + what + "\xE2\x80\x9D? This cannot be undone.";
        BeginSemRegion(Role::Group, q.c_str(), a, ImVec2(a.x + width, a.y + Em() * 3));
        WrappedText(q, Colors().text);
        Flow flow(width);
        std::string yes = "Yes, delete \xE2\x80\x9C" + what + "\xE2\x80\x9D";
        flow.Next("Yes, delete");
        if (Button("Yes, delete##yes", yes.c_str())) {
            out.remove = std::make_pair(kind, id);
            st.confirm_kind = 0;
            st.confirm_id = 0;
        }
        flow.Next("Keep it");
        if (Button("Keep it##no")) {
            st.confirm_kind = 0;
            st.confirm_id = 0;
        }
        EndSemRegion();
    } else {
        std::string name = "Delete " + what;
        if (Button("Delete##ask", name.c_str())) {
            st.confirm_kind = kind;
            st.confirm_id = id;
            st.confirm_seen = ImGui::GetFrameCount();
        }
    }
    ImGui::PopID();
}

// Opens the add form `kind`, closing others.
bool AddToggle(char kind, const char* label, const char* name) {
    PagesState& st = Pages();
    if (st.adding == kind && Continuing(st.adding_seen)) return true;
    if (Button(label, name)) {
        st.adding_seen = ImGui::GetFrameCount();
        st.adding = kind;
        st.add_name.clear();
        st.add_text.clear();
        st.add_day.clear();
        st.add_error.clear();
        st.add_kind = 0;
        st.add_every = 7;
        st.add_target = 5;
        Sem().FocusNextControl();  // onto the form's first field
        return true;
    }
    return false;
}

// --- Organizations ----------------------------------------------------------
const char* const kOrgStatus[] = {"Researching", "Applied", "Member", "Lapsed"};

// Loads the record into the draft when another one is opened, or when the stored
// one changed (another tab, or the app applied our edit). Typed text that still
// means the stored value is kept, so an edit is not reformatted under the cursor.
void LoadOrgDraft(const Organization& o) {
    PagesState& st = Pages();
    bool same = Continuing(st.org_seen) && st.org.id == o.id;
    if (same && st.org.rev == o.rev) return;
    int64_t typed_cents = -1;
    Day typed_day = -1;
    std::string err;
    bool keep_dues = same && ParseMoney(st.org_dues, typed_cents) && typed_cents == o.dues_cents;
    bool keep_day = same && ParseDateField(st.org_renewal, "", typed_day, err) && typed_day == o.renewal;
    bool keep_roles = same && SplitComma(st.org_roles) == o.roles;
    st.org = o;
    if (!keep_dues) st.org_dues = o.dues_cents ? Money(o.dues_cents) : "";
    if (!keep_day) st.org_renewal = FormatDay(o.renewal);
    if (!keep_roles) st.org_roles = JoinComma(o.roles);
    if (!same) {
        st.org_dues_error.clear();
        st.org_renewal_error.clear();
    }
}

void DrawOrgEditor(const PlannerView& v, PlannerUi& ui, const Organization& stored, float width, PlannerIntents& out) {
    PagesState& st = Pages();
    LoadOrgDraft(stored);
    Organization& d = st.org;
    ImGui::PushID(static_cast<int>(d.id));
    ImVec2 a = ImGui::GetCursorScreenPos();
    std::string region = "Editing " + (d.name.empty() ? std::string("organization") : d.name);
    BeginSemRegion(Role::Region, region.c_str(), a, ImVec2(a.x + width, a.y + Em() * 20));
    SubHeading(region);
    bool put = false;
    put |= Field("##name", "Name", d.name, width);

    put |= PickKind(OrgKinds(v), d.kind, width);
    int s = RadioFlow("Status", {kOrgStatus, kOrgStatus + 4}, static_cast<int>(d.status), width);
    if (s >= 0) {
        d.status = static_cast<OrgStatus>(s);
        put = true;
    }
    if (CheckedField("##dues", "Dues per year", st.org_dues, width, "e.g. 120.00", st.org_dues_error)) {
        int64_t cents = 0;
        if (ParseMoney(st.org_dues, cents)) {
            st.org_dues_error.clear();
            if (cents != d.dues_cents) {
                d.dues_cents = cents;
                put = true;
            }
        } else {
            st.org_dues_error = "Dues per year: \xE2\x80\x9C" + st.org_dues +
                                "\xE2\x80\x9D is not an amount. Type a number such as 120 or 49.50 (no letters). "
                                "It is saved once it is an amount.";
        }
    }
    if (CheckedField("##renewal", "Renewal date (YYYY-MM-DD)", st.org_renewal, width, "YYYY-MM-DD", st.org_renewal_error)) {
        Day day = kNoDay;
        if (ParseDateField(st.org_renewal, "Renewal date", day, st.org_renewal_error) && day != d.renewal) {
            d.renewal = day;
            put = true;
        }
    }
    put |= Field("##want", "What I want from it", d.want, width, "e.g. a mentor, speaking practice");
    if (Field("##roles", "Roles taken (separated by commas)", st.org_roles, width, "e.g. volunteer, committee member")) {
        d.roles = SplitComma(st.org_roles);
        put = true;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted("Notes");
    ImGui::PopTextWrapPos();
    put |= TextArea("##notes", "Notes", d.notes, ImVec2(width, Em() * 4));
    if (put) out.put_org = d;
    Gap(0.3f);
    Flow flow(width);
    flow.Next("Done");
    if (Button("Done##close", ("Done editing " + d.name).c_str())) ui.editing = 0;
    flow.Next("Delete");
    DeleteWithConfirm('o', d.id, d.name, width, out);
    EndSemRegion();
    ImGui::PopID();
}

}  // namespace

void DrawOrganizations(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PagesState& st = Pages();
    const Planner& p = v.planner;
    float width = PageWidth();
    PageHeading("Organizations");
    if (p.organizations.empty())
        WrappedText("No organizations yet. Professional organizations give you a room full of people in your field, "
                    "news before it is public and roles that make you visible \xE2\x80\x94 add one you belong to or are "
                    "considering.", Colors().text);

    // Add: a name and a kind, then the new record opens for editing.
    if (AddToggle('o', "Add an organization##add", nullptr)) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Region, "Add an organization", a, ImVec2(a.x + width, a.y + Em() * 8));
        SubHeading("Add an organization");
        Field("##add_name", "Name", st.add_name, width, "e.g. Society of Data Analysts");
        std::vector<std::string> kinds = OrgKinds(v);
        int k = RadioFlow("Kind", kinds, st.add_kind, width);
        if (k >= 0) st.add_kind = k;
        if (!st.add_error.empty()) WrappedText(st.add_error, ErrorColor());
        Flow flow(width);
        flow.Next("Add");
        if (Button("Add##add_org", "Add the organization")) {
            if (st.add_name.find_first_not_of(' ') == std::string::npos) {
                st.add_error = "Name: empty. Type the organization's name above, then press Add.";
            } else {
                Organization o;
                o.name = st.add_name;
                o.kind = kinds[std::clamp(st.add_kind, 0, static_cast<int>(kinds.size()) - 1)];
                out.put_org = o;
                ui.editing = p.next_id;  // the id the app gives the new record
                st.adding = 0;
            }
        }
        flow.Next("Cancel");
        if (Button("Cancel##add_cancel", "Cancel adding an organization")) st.adding = 0;
        EndSemRegion();
    }

    // Renewals first when they are close; then by name.
    std::vector<const Organization*> list;
    for (const Organization& o : p.organizations) list.push_back(&o);
    auto soon = [&](const Organization* o) { return o->renewal != kNoDay && o->renewal >= v.today && o->renewal - v.today <= 30; };
    std::stable_sort(list.begin(), list.end(), [&](const Organization* a, const Organization* b) {
        if (soon(a) != soon(b)) return soon(a);
        return a->name < b->name;
    });
    for (const Organization* o : list) {
        ImGui::PushID(static_cast<int>(o->id));
        Gap(0.4f);
        if (ui.editing == o->id) {
            DrawOrgEditor(v, ui, *o, width, out);
            ImGui::PopID();
            continue;
        }
        ImVec2 a = ImGui::GetCursorScreenPos();
        if (soon(o)) {
            // Highlighted in words and with a bar, not with colour alone.
            ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + Em() * 0.25f, a.y + Em() * 2.6f), Colors().highlight);
            ImGui::Indent(Em() * 0.6f);
        }
        HeadingText(GetFonts().bold, o->name.empty() ? "(no name)" : o->name, 3);
        std::string line = (o->kind.empty() ? std::string("Organization") : o->kind) + " \xC2\xB7 " +
                           kOrgStatus[static_cast<int>(o->status)];
        if (o->dues_cents) line += " \xC2\xB7 dues " + Money(o->dues_cents) + " a year";
        if (o->renewal != kNoDay) line += " \xC2\xB7 renews " + FormatDay(o->renewal);
        MutedText(line);
        if (soon(o)) WrappedText("Renewal " + DaysFromNow(o->renewal, v.today) + ": decide whether to renew.", Colors().text);
        if (soon(o)) ImGui::Unindent(Em() * 0.6f);
        if (Button("Edit##edit", ("Edit " + o->name).c_str())) {
            ui.editing = o->id;
            Sem().FocusNextControl();
        }
        ImGui::PopID();
    }
}

// --- Events -------------------------------------------------------------------
namespace {

void LoadEventDraft(const Event& e) {
    PagesState& st = Pages();
    bool same = Continuing(st.event_seen) && st.event.id == e.id;
    if (same && st.event.rev == e.rev) return;
    Day typed = -1;
    std::string err;
    bool keep_day = same && ParseDateField(st.event_day, "", typed, err) && typed == e.day;
    st.event = e;
    if (!keep_day) st.event_day = FormatDay(e.day);
    if (!same) {
        st.event_day_error.clear();
        st.prep_new.clear();
        st.picking_met = false;
    }
}

std::string ContactLine(const Contact& c) { return c.company.empty() ? c.name : c.name + " (" + c.company + ")"; }

// The follow-up owed to someone met at an event, in words.
std::string MetFollowUp(const Contact& c, const Event& e, Day today) {
    if (c.follow_up_by != kNoDay) {
        if (c.follow_up_by < today) return "follow-up overdue (was due " + FormatDay(c.follow_up_by) + ")";
        return "follow up by " + FormatDay(c.follow_up_by) + " (" + DaysFromNow(c.follow_up_by, today) + ")";
    }
    Day last = LastTouch(c);
    if (last != kNoDay && e.day != kNoDay && last >= e.day) return "followed up on " + FormatDay(last);
    return std::string("follow-up: ") + StandingWord(StandingOf(c, today));
}

// Finding people met: contacts whose name has the query, not already chosen.
void DrawMetPicker(const PlannerView& v, PlannerUi& ui, const Event& e, float width, PlannerIntents& out) {
    PagesState& st = Pages();
    const Planner& p = v.planner;
    ImVec2 a = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::Region, "People you met", a, ImVec2(a.x + width, a.y + Em() * 8));
    SubHeading("Who did you meet?");
    MutedText("Find each person by name and add them. Each one gets a follow-up due within 48 hours.");
    Field("##met_query", "Find a contact by name", ui.met_query, width, "type part of a name");
    if (ui.met_query.size() >= 1) {
        int shown = 0;
        for (const Contact& c : p.contacts) {
            if (FindNoCase(c.name, ui.met_query) == std::string::npos) continue;
            if (std::find(ui.met.begin(), ui.met.end(), c.id) != ui.met.end()) continue;
            if (std::find(e.met.begin(), e.met.end(), c.id) != e.met.end()) continue;
            if (++shown > 8) {
                MutedText("More match: type more of the name.");
                break;
            }
            ImGui::PushID(static_cast<int>(c.id));
            std::string label = "Add " + ContactLine(c);
            if (Button((label + "##pick").c_str(), label.c_str())) ui.met.push_back(c.id);
            ImGui::PopID();
        }
        if (shown == 0) MutedText("No contact has \xE2\x80\x9C" + ui.met_query + "\xE2\x80\x9D in their name. Add them under Contacts first.");
    }
    if (!ui.met.empty()) {
        MutedText("Chosen:");
        for (size_t i = 0; i < ui.met.size(); ++i) {
            const Contact* c = FindContact(p, ui.met[i]);
            std::string who = c ? ContactLine(*c) : "#" + std::to_string(ui.met[i]);
            ImGui::PushID(static_cast<int>(ui.met[i]));
            WrappedText("\xE2\x80\xA2 " + who, Colors().text);
            if (Button("Remove##unpick", ("Remove " + who).c_str())) {
                ui.met.erase(ui.met.begin() + static_cast<long>(i));
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
    }
    Flow flow(width);
    std::string save = e.attended ? "Add these people" : "Mark attended";
    flow.Next(save.c_str());
    if (Button((save + "##attend").c_str(),
               (save + (ui.met.empty() ? std::string() : " with " + std::to_string(ui.met.size()) + " people met")).c_str(),
               ImVec2(0, 0), e.attended && ui.met.empty())) {
        out.attended = std::make_pair(e.id, ui.met);
        ui.met.clear();
        ui.met_query.clear();
        st.picking_met = false;
    }
    flow.Next("Cancel");
    if (Button("Cancel##cancel_met", "Cancel choosing people met")) {
        ui.met.clear();
        ui.met_query.clear();
        st.picking_met = false;
    }
    EndSemRegion();
}

void DrawEventEditor(const PlannerView& v, PlannerUi& ui, const Event& stored, float width, PlannerIntents& out) {
    PagesState& st = Pages();
    LoadEventDraft(stored);
    Event& d = st.event;
    ImVec2 a = ImGui::GetCursorScreenPos();
    std::string region = "Editing " + (d.name.empty() ? std::string("event") : d.name);
    BeginSemRegion(Role::Region, region.c_str(), a, ImVec2(a.x + width, a.y + Em() * 20));
    SubHeading(region);
    bool put = false;
    put |= Field("##name", "Name", d.name, width);
    put |= PickKind(EventKinds(v), d.kind, width);
    if (CheckedField("##day", "Date (YYYY-MM-DD)", st.event_day, width, "YYYY-MM-DD", st.event_day_error)) {
        Day day = kNoDay;
        if (ParseDateField(st.event_day, "Date", day, st.event_day_error) && day != d.day) {
            d.day = day;
            put = true;
        }
    }
    put |= Field("##place", "Place", d.place, width, "venue and city");
    put |= Field("##link", "Online link", d.link, width, "https://");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted("Goal: people to meet");
    ImGui::PopTextWrapPos();
    put |= TextArea("##goal", "Goal: people to meet", d.goal, ImVec2(width, Em() * 3));

    SubHeading("Preparation");
    if (d.prep.empty()) MutedText("Nothing on the checklist yet: e.g. update your profile, prepare a 30-second introduction.");
    ImVec2 la = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::Group, "Preparation checklist", la, ImVec2(la.x + width, la.y + Em() * 2));
    for (size_t i = 0; i < d.prep.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        float remove_w = ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2;
        bool done = d.prep[i].done;
        if (Checkbox((d.prep[i].text + "##check").c_str(), done, std::max(Em() * 6, width - remove_w - Em()))) {
            d.prep[i].done = done;
            put = true;
        }
        ImGui::SameLine();
        if (Button("Remove##remove", ("Remove " + d.prep[i].text + " from the checklist").c_str())) {
            d.prep.erase(d.prep.begin() + static_cast<long>(i));
            put = true;
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    EndSemRegion();
    Field("##prep_new", "New checklist item", st.prep_new, width);
    if (Button("Add item##prep_add", "Add the item to the checklist", ImVec2(0, 0), st.prep_new.empty())) {
        d.prep.push_back({st.prep_new, false});
        st.prep_new.clear();
        put = true;
    }
    if (put) out.put_event = d;

    // Attending: who was met, and the follow-up each is owed. The app records
    // these (the attended intent), so they are read from the stored record.
    SubHeading(stored.attended ? "Attended" : "After the event");
    const Planner& p = v.planner;
    if (stored.attended) {
        if (stored.met.empty()) MutedText("No one recorded as met.");
        for (Id id : stored.met) {
            const Contact* c = FindContact(p, id);
            if (!c) continue;
            ImGui::PushID(static_cast<int>(id));
            std::string text = ContactLine(*c) + ": " + MetFollowUp(*c, stored, v.today);
            if (WrappedLink("##met", text, width, ("#/planner/contact/" + std::to_string(id)).c_str()))
                out.open_contact = id;
            ImGui::PopID();
        }
    }
    if (st.picking_met) {
        DrawMetPicker(v, ui, stored, width, out);
    } else if (Button(stored.attended ? "Add people you met##pick_met" : "I attended: choose people met##pick_met")) {
        st.picking_met = true;
        ui.met.clear();
        ui.met_query.clear();
        Sem().FocusNextControl();
    }
    Gap(0.3f);
    Flow flow(width);
    flow.Next("Done");
    if (Button("Done##close", ("Done editing " + d.name).c_str())) ui.editing = 0;
    flow.Next("Delete");
    DeleteWithConfirm('e', d.id, d.name, width, out);
    EndSemRegion();
}

void DrawEventRow(const PlannerView& v, PlannerUi& ui, const Event& e, float width, PlannerIntents& out) {
    ImGui::PushID(static_cast<int>(e.id));
    Gap(0.3f);
    if (ui.editing == e.id) {
        DrawEventEditor(v, ui, e, width, out);
        ImGui::PopID();
        return;
    }
    HeadingText(GetFonts().bold, e.name.empty() ? "(no name)" : e.name, 3);
    std::string line = e.day == kNoDay ? "No date yet" : FormatDay(e.day) + " (" + DaysFromNow(e.day, v.today) + ")";
    if (!e.kind.empty()) line += " \xC2\xB7 " + e.kind;
    if (!e.place.empty()) line += " \xC2\xB7 " + e.place;
    int done = 0;
    for (const ChecklistItem& i : e.prep) done += i.done;
    if (!e.prep.empty()) line += " \xC2\xB7 prepared " + std::to_string(done) + " of " + std::to_string(e.prep.size());
    if (e.attended) line += " \xC2\xB7 attended, met " + std::to_string(e.met.size());
    MutedText(line);
    if (Button("Open##edit", ("Open " + e.name).c_str())) {
        ui.editing = e.id;
        Sem().FocusNextControl();
    }
    ImGui::PopID();
}

}  // namespace

void DrawEvents(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PagesState& st = Pages();
    const Planner& p = v.planner;
    float width = PageWidth();
    PageHeading("Events");
    if (p.events.empty())
        WrappedText("No events yet. Conferences, meetups and workshops are where new people become contacts \xE2\x80\x94 "
                    "add one you plan to go to, set a goal for whom to meet, and prepare.", Colors().text);

    if (AddToggle('e', "Add an event##add", nullptr)) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Region, "Add an event", a, ImVec2(a.x + width, a.y + Em() * 8));
        SubHeading("Add an event");
        Field("##add_name", "Name", st.add_name, width, "e.g. Data Summit 2026");
        std::vector<std::string> kinds = EventKinds(v);
        int k = RadioFlow("Kind", kinds, st.add_kind, width);
        if (k >= 0) st.add_kind = k;
        CheckedField("##add_day", "Date (YYYY-MM-DD)", st.add_day, width, "YYYY-MM-DD", st.add_error);
        Flow flow(width);
        flow.Next("Add");
        if (Button("Add##add_event", "Add the event")) {
            Day day = kNoDay;
            if (st.add_name.find_first_not_of(' ') == std::string::npos) {
                st.add_error = "Name: empty. Type the event's name above, then press Add.";
            } else if (ParseDateField(st.add_day, "Date", day, st.add_error)) {
                Event e;
                e.name = st.add_name;
                e.kind = kinds[std::clamp(st.add_kind, 0, static_cast<int>(kinds.size()) - 1)];
                e.day = day;
                out.put_event = e;
                ui.editing = p.next_id;
                st.adding = 0;
            }
        }
        flow.Next("Cancel");
        if (Button("Cancel##add_cancel", "Cancel adding an event")) st.adding = 0;
        EndSemRegion();
    }

    std::vector<const Event*> upcoming, past;
    for (const Event& e : p.events) (e.day == kNoDay || e.day >= v.today ? upcoming : past).push_back(&e);
    std::stable_sort(upcoming.begin(), upcoming.end(), [](const Event* a, const Event* b) {
        return (a->day == kNoDay ? INT32_MAX : a->day) < (b->day == kNoDay ? INT32_MAX : b->day);
    });
    std::stable_sort(past.begin(), past.end(), [](const Event* a, const Event* b) { return a->day > b->day; });
    if (!p.events.empty()) {
        SubHeading("Upcoming");
        if (upcoming.empty()) MutedText("Nothing planned. Add the next event you could go to.");
        for (const Event* e : upcoming) DrawEventRow(v, ui, *e, width, out);
        SubHeading("Past");
        if (past.empty()) MutedText("No past events yet.");
        for (const Event* e : past) DrawEventRow(v, ui, *e, width, out);
    }
}

// --- Social -------------------------------------------------------------------
namespace {
const char* const kActions[] = {"Update profile", "Post", "Comment", "Share"};
const char* ActionVerb(SocialAction a) {
    switch (a) {
        case SocialAction::UpdateProfile: return "update your profile";
        case SocialAction::Post: return "post";
        case SocialAction::Comment: return "comment on others' posts";
        default: return "share something useful";
    }
}
std::string PlanTitle(const SocialPlan& s) {
    return (s.platform.empty() ? std::string("Social media") : s.platform) + ": " + ActionVerb(s.action) + " every " +
           std::to_string(s.every_days) + (s.every_days == 1 ? " day" : " days");
}
}  // namespace

void DrawSocial(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PagesState& st = Pages();
    const Planner& p = v.planner;
    float width = PageWidth();
    PageHeading("Social media plan");
    if (p.social.empty())
        WrappedText("No social media plan yet. A small habit kept up \xE2\x80\x94 a comment twice a week, a post a month "
                    "\xE2\x80\x94 keeps you visible to your network. Start with one of these, or make your own.",
                    Colors().text);

    for (const SocialPlan& s : p.social) {
        ImGui::PushID(static_cast<int>(s.id));
        Gap(0.4f);
        std::string title = PlanTitle(s);
        HeadingText(GetFonts().bold, title, 3);
        int streak = CurrentStreak(s, v.today);
        bool due = DueNow(s, v.today);
        bool done_today = !s.done.empty() && s.done.back() == v.today;
        // Periods of every_days; the next one starts on this day.
        Day next_period = (PeriodOf(s, v.today) + 1) * std::max(1, s.every_days) + 4;
        std::string line = done_today ? "Done today." : due ? "Due now." : "Done for now; next due from " + FormatDay(next_period) + ".";
        line += streak > 0 ? " Streak: " + std::to_string(streak) + " in a row." : " No streak yet.";
        WrappedText(line, due ? StandingColor(Standing::Due) : Colors().text);
        if (!s.done.empty()) {
            std::string log = "Last done: ";
            int n = 0;
            for (auto it = s.done.rbegin(); it != s.done.rend() && n < 5; ++it, ++n) log += (n ? ", " : "") + FormatDay(*it);
            MutedText(log);
        }
        Flow flow(width);
        flow.Next("Done today");
        if (Button("Done today##done", ("Done today: " + title).c_str(), ImVec2(0, 0), done_today)) out.social_done = s.id;
        flow.Next("Edit");
        bool editing = ui.editing == s.id;
        if (Button(editing ? "Close##edit" : "Edit##edit", ((editing ? "Close " : "Edit ") + title).c_str())) {
            ui.editing = editing ? 0 : s.id;
        }
        if (ui.editing == s.id) {
            if (!Continuing(st.social_seen) || st.social.id != s.id || st.social.rev != s.rev) st.social = s;
            SocialPlan& d = st.social;
            bool put = Field("##platform", "Platform", d.platform, width, "e.g. LinkedIn");
            int a = RadioFlow("Action", {kActions, kActions + 4}, static_cast<int>(d.action), width);
            if (a >= 0) {
                d.action = static_cast<SocialAction>(a);
                put = true;
            }
            put |= SliderInt("##every", "Every how many days", d.every_days, 1, 60, width);
            if (put) out.put_social = d;
            DeleteWithConfirm('s', s.id, title, width, out);
        }
        ImGui::PopID();
    }

    SubHeading("Add to the plan");
    std::vector<SocialPlan> starters = SocialStarters(v);
    for (size_t i = 0; i < starters.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        SocialPlan plan = starters[i];
        plan.id = 0;
        plan.done.clear();
        plan.every_days = std::max(1, plan.every_days);
        std::string label = PlanTitle(plan);
        WrappedText(label, Colors().text);
        if (Button("Add##starter", ("Add: " + label).c_str())) out.put_social = plan;
        ImGui::PopID();
    }
    if (AddToggle('s', "Make your own##add", "Add your own social media habit")) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Region, "Your own habit", a, ImVec2(a.x + width, a.y + Em() * 8));
        Field("##add_platform", "Platform", st.add_name, width, "e.g. LinkedIn");
        int act = RadioFlow("Action", {kActions, kActions + 4}, st.add_action, width);
        if (act >= 0) st.add_action = act;
        SliderInt("##add_every", "Every how many days", st.add_every, 1, 60, width);
        Flow flow(width);
        flow.Next("Add");
        if (Button("Add##add_social", "Add the habit", ImVec2(0, 0), st.add_name.empty())) {
            SocialPlan plan;
            plan.platform = st.add_name;
            plan.action = static_cast<SocialAction>(std::clamp(st.add_action, 0, 3));
            plan.every_days = st.add_every;
            out.put_social = plan;
            st.adding = 0;
        }
        flow.Next("Cancel");
        if (Button("Cancel##add_cancel", "Cancel adding a habit")) st.adding = 0;
        EndSemRegion();
    }
}

// --- Targets ------------------------------------------------------------------
void DrawTargets(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PagesState& st = Pages();
    const Planner& p = v.planner;
    float width = PageWidth();
    PageHeading("Target companies");
    if (p.targets.empty())
        WrappedText("No target companies yet. Rank the places you would like to work by who could speak for you there, "
                    "how much you want it and how likely they are hiring \xE2\x80\x94 add the first company on your list.",
                    Colors().text);
    else
        MutedText("Ranked by score: advocacy + motivation + openings, each 0 to 5.");

    std::vector<uint32_t> order = RankTargets(p);
    int rank = 0;
    for (uint32_t i : order) {
        if (i >= p.targets.size()) continue;
        const Target& t = p.targets[i];
        ImGui::PushID(static_cast<int>(t.id));
        Gap(0.4f);
        char head[256];
        std::snprintf(head, sizeof head, "%d. %s \xE2\x80\x94 score %d of 15", ++rank, t.company.c_str(), Score(t));
        HeadingText(GetFonts().bold, head, 3);
        Target d = t;  // sliders send the record whole with the one value changed
        bool put = false;
        struct Scale { const char* id; const char* what; int* v; };
        const Scale scales[] = {{"##advocacy", "Advocacy: people there who would speak for you", &d.advocacy},
                                {"##motivation", "Motivation: how much you want to work there", &d.motivation},
                                {"##openings", "Openings: how likely they hire in your field", &d.openings}};
        for (const Scale& s : scales) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            ImGui::TextUnformatted(s.what);
            ImGui::PopTextWrapPos();
            std::string name = std::string(s.what).substr(0, std::string(s.what).find(':')) + " for " + t.company;
            put |= SliderInt(s.id, name.c_str(), *s.v, 0, 5, std::min(width, Em() * 16));
        }
        bool open = st.target_open == t.id || !t.notes.empty();
        if (open) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            ImGui::TextUnformatted("Notes");
            ImGui::PopTextWrapPos();
            put |= TextArea("##notes", ("Notes on " + t.company).c_str(), d.notes, ImVec2(width, Em() * 3));
        }
        if (put) out.put_target = d;
        Flow flow(width);
        if (!open) {
            flow.Next("Add notes");
            if (Button("Add notes##notes_open", ("Add notes on " + t.company).c_str())) {
                st.target_open = t.id;
                Sem().FocusNextControl();
            }
        }
        flow.Next("Delete");
        DeleteWithConfirm('t', t.id, t.company, width, out);
        ImGui::PopID();
    }

    Gap(0.4f);
    if (AddToggle('t', "Add a company##add", "Add a target company")) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Region, "Add a target company", a, ImVec2(a.x + width, a.y + Em() * 4));
        Field("##add_company", "Company", st.add_name, width, "e.g. Northwind");
        Flow flow(width);
        flow.Next("Add");
        if (Button("Add##add_target", "Add the company", ImVec2(0, 0), st.add_name.find_first_not_of(' ') == std::string::npos)) {
            Target t;
            t.company = st.add_name;
            out.put_target = t;
            st.adding = 0;
        }
        flow.Next("Cancel");
        if (Button("Cancel##add_cancel", "Cancel adding a company")) st.adding = 0;
        EndSemRegion();
    }
}

// --- Goals --------------------------------------------------------------------
namespace {
const char* const kGoalKinds[] = {"New contacts", "Follow-ups", "Events", "Social media actions"};
const char* GoalNoun(GoalKind k) {
    switch (k) {
        case GoalKind::NewContacts: return "new contacts";
        case GoalKind::FollowUps: return "follow-ups";
        case GoalKind::Events: return "events attended";
        default: return "social media actions";
    }
}
const char* PeriodWords(const Goal& g) { return g.period == GoalPeriod::Week ? " this week" : " this month"; }
std::string GoalText(const Goal& g, int done) {
    return std::to_string(done) + " of " + std::to_string(g.target) + " " + GoalNoun(g.kind) + PeriodWords(g);
}
std::string GoalLabel(const Goal& g) {
    return std::to_string(g.target) + " " + GoalNoun(g.kind) + (g.period == GoalPeriod::Week ? " a week" : " a month");
}
}  // namespace

void DrawGoals(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PagesState& st = Pages();
    const Planner& p = v.planner;
    float width = PageWidth();
    PageHeading("Goals");
    if (p.goals.empty())
        WrappedText("No goals yet. A small weekly number \xE2\x80\x94 say five follow-ups \xE2\x80\x94 turns networking "
                    "into a habit you can see. Pick a starter goal below or set your own.", Colors().text);

    for (const Goal& g : p.goals) {
        ImGui::PushID(static_cast<int>(g.id));
        Gap(0.4f);
        int done = Progress(p, g, v.today);
        std::string text = GoalText(g, done);
        if (g.target > 0 && done >= g.target) text += " \xE2\x9C\x93 reached";
        WrappedText(text, Colors().text);
        std::string name = std::string(kGoalKinds[static_cast<int>(g.kind)]) +
                           (g.period == GoalPeriod::Week ? " per week" : " per month");
        ProgressBar(g.target > 0 ? static_cast<float>(done) / g.target : 0.0f, name.c_str(), text.c_str(), width);
        Flow flow(width);
        bool editing = ui.editing == g.id;
        flow.Next("Change target");
        if (Button(editing ? "Close##edit" : "Change target##edit", ((editing ? "Close " : "Change target: ") + name).c_str())) {
            ui.editing = editing ? 0 : g.id;
        }
        flow.Next("Delete");
        DeleteWithConfirm('g', g.id, name, width, out);
        if (ui.editing == g.id) {
            if (!Continuing(st.goal_seen) || st.goal.id != g.id || st.goal.rev != g.rev) st.goal = g;
            if (SliderInt("##target", ("Target: " + name).c_str(), st.goal.target, 1, 50, std::min(width, Em() * 16)))
                out.put_goal = st.goal;
        }
        ImGui::PopID();
    }

    SubHeading("Add a goal");
    std::vector<Goal> starters = GoalStarters(v);
    for (size_t i = 0; i < starters.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        Goal g = starters[i];
        g.id = 0;
        std::string label = GoalLabel(g);
        WrappedText(label, Colors().text);
        if (Button("Add##starter", ("Add goal: " + label).c_str())) out.put_goal = g;
        ImGui::PopID();
    }
    if (AddToggle('g', "Set your own##add", "Set your own goal")) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Region, "Your own goal", a, ImVec2(a.x + width, a.y + Em() * 8));
        int k = RadioFlow("What to count", {kGoalKinds, kGoalKinds + 4}, st.add_kind, width);
        if (k >= 0) st.add_kind = k;
        int per = RadioFlow("Per", {"Week", "Month"}, st.add_period, width);
        if (per >= 0) st.add_period = per;
        SliderInt("##add_target", "Target", st.add_target, 1, 50, std::min(width, Em() * 16));
        Flow flow(width);
        flow.Next("Add");
        if (Button("Add##add_goal", "Add the goal")) {
            Goal g;
            g.kind = static_cast<GoalKind>(std::clamp(st.add_kind, 0, 3));
            g.period = static_cast<GoalPeriod>(std::clamp(st.add_period, 0, 1));
            g.target = st.add_target;
            out.put_goal = g;
            st.adding = 0;
        }
        flow.Next("Cancel");
        if (Button("Cancel##add_cancel", "Cancel adding a goal")) st.adding = 0;
        EndSemRegion();
    }
}

// --- Map ----------------------------------------------------------------------
namespace {

// The layout in map units (the outermost ring at radius 1), computed when the
// planner changes, not every frame: with 30,000 people the layout and the
// aggregation cost more than a frame's budget.
struct MapCache {
    const Planner* planner = nullptr;
    size_t contacts = 0;
    Id next_id = 0;
    int64_t newest_rev = -1;
    Day today = kNoDay;

    struct Dot {
        float x, y;  // map units, centre (0,0), outer ring radius 1
        Id id;
        uint32_t contact;  // index into planner.contacts
        Standing standing;
    };
    std::vector<Dot> dots;
    std::vector<MapCell> cells;
    std::array<float, 4> ring_outer{};  // each tier's outer edge (RingOf)
    float ring_inner = 0;               // the Inner ring's inner edge: you are inside it
    struct Label {
        std::string text;
        float angle;   // the middle of the sector: where its name goes
        float angle0;  // where it starts: a spoke is drawn there
    };
    std::vector<Label> sectors;
    int counts[4] = {0, 0, 0, 0};  // by Standing
};

MapCache& Cache() {
    static MapCache c;
    return c;
}

int64_t NewestRev(const Planner& p) {
    int64_t r = 0;
    for (const Contact& c : p.contacts) r = std::max(r, c.rev.at);
    return r;
}

const MapCache& MapFor(const PlannerView& v) {
    MapCache& m = Cache();
    const Planner& p = v.planner;
    int64_t rev = NewestRev(p);  // ~20 µs for 30,000 people: far cheaper than a new layout
    if (m.planner == &p && m.contacts == p.contacts.size() && m.next_id == p.next_id && m.newest_rev == rev &&
        m.today == v.today)
        return m;
    m.planner = &p;
    m.contacts = p.contacts.size();
    m.next_id = p.next_id;
    m.newest_rev = rev;
    m.today = v.today;

    std::vector<MapPoint> pts = LayoutMap(p, v.today);  // in p.contacts order, radius 0..1
    m.dots.clear();
    m.dots.reserve(pts.size());
    std::fill(std::begin(m.counts), std::end(m.counts), 0);
    for (uint32_t i = 0; i < pts.size() && i < p.contacts.size(); ++i) {
        const MapPoint& pt = pts[i];
        MapCache::Dot d{std::cos(pt.angle) * pt.radius, std::sin(pt.angle) * pt.radius, pt.id, i,
                        StandingOf(static_cast<FollowUpStatus>(pt.status))};
        m.dots.push_back(d);
        m.counts[static_cast<int>(d.standing)]++;
    }
    for (int t = 0; t < 4; ++t) {
        float r0 = 0;
        RingOf(static_cast<Tier>(t), r0, m.ring_outer[t]);
        if (t == 0) m.ring_inner = r0;
    }
    m.sectors.clear();
    for (const MapSector& sec : MapSectors(p)) {
        m.sectors.push_back({sec.industry.empty() ? "Industry not set" : sec.industry, (sec.angle0 + sec.angle1) * 0.5f,
                             sec.angle0});
    }
    m.cells = AggregateMap(p, v.today);
    return m;
}

// A person's mark: the shape says the status too (colour is not enough for
// everyone): overdue a square, due a triangle, fine a disc, never a ring.
void DrawDot(ImDrawList* dl, ImVec2 c, float r, Standing s) {
    ImU32 col = StandingColor(s);
    switch (s) {
        case Standing::Overdue: dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col); break;
        case Standing::Due:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.1f, c.y + r * 0.8f),
                                  ImVec2(c.x - r * 1.1f, c.y + r * 0.8f), col);
            break;
        case Standing::Fine: dl->AddCircleFilled(c, r, col, 8); break;
        default: dl->AddCircle(c, r * 0.85f, col, 8, std::max(1.0f, r * 0.4f)); break;
    }
}

// More dots than this in view and the map draws density cells instead.
constexpr int kMaxDots = 2500;
// The people listed under the map for screen readers and the keyboard.
constexpr int kListed = 20;

}  // namespace

void DrawMap(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = std::max(Em() * 8, ImGui::GetContentRegionAvail().x);
    PageHeading("Network map");
    if (p.contacts.empty()) {
        WrappedText("No one on the map yet. The map puts you in the middle and each contact on a ring by how close you "
                    "are \xE2\x80\x94 add your first contacts under Contacts, or import them.", Colors().text);
        return;
    }
    const MapCache& m = MapFor(v);
    ImGuiIO& io = ImGui::GetIO();

    // Controls first, so keyboard users reach zoom and pan before the picture.
    Flow flow(width);
    struct Ctl { const char* label; const char* name; int action; };
    const Ctl ctls[] = {{"+##zin", "Zoom in", 1}, {"\xE2\x88\x92##zout", "Zoom out", 2},
                        {"\xE2\x86\x90##left", "Pan left", 3}, {"\xE2\x86\x92##right", "Pan right", 4},
                        {"\xE2\x86\x91##up", "Pan up", 5}, {"\xE2\x86\x93##down", "Pan down", 6},
                        {"Reset view##reset", "Reset the map view", 7}};
    for (const Ctl& c : ctls) {
        float w = std::max(ImGui::GetFrameHeight(), ImGui::CalcTextSize(c.label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
        flow.Place(w);
        if (Button(c.label, c.name, ImVec2(w, 0))) {
            float step = 0.25f;
            switch (c.action) {
                case 1:
                case 2: {
                    // About the middle of the view: the pan grows with the zoom.
                    float z = std::clamp(ui.map_zoom * (c.action == 1 ? 1.5f : 1 / 1.5f), 0.5f, 64.0f);
                    ui.map_pan = ImVec2(ui.map_pan.x * z / ui.map_zoom, ui.map_pan.y * z / ui.map_zoom);
                    ui.map_zoom = z;
                    break;
                }
                case 3: ui.map_pan.x += step; break;
                case 4: ui.map_pan.x -= step; break;
                case 5: ui.map_pan.y += step; break;
                case 6: ui.map_pan.y -= step; break;
                default: ui.map_zoom = 1.0f; ui.map_pan = ImVec2(0, 0); break;
            }
        }
    }

    // The picture: a square as wide as the page allows and no taller than the window.
    float side = std::min(width, std::max(Em() * 10, ImGui::GetContentRegionAvail().y - Em() * 4));
    side = std::min(side, std::max(Em() * 10, ImGui::GetMainViewport()->Size.y * 0.75f));
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImVec2 b(a.x + side, a.y + side);
    ImGui::InvisibleButton("##map", ImVec2(side, side));
    bool hovered = ImGui::IsItemHovered();
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the wheel zooms the map instead of scrolling the page
    float R = side * 0.5f;
    ImVec2 centre0(a.x + R, a.y + R);
    if (hovered && io.MouseWheel != 0) {
        // Zoom about the mouse: the point under it stays under it.
        ImVec2 ms((io.MousePos.x - centre0.x) / R, (io.MousePos.y - centre0.y) / R);
        ImVec2 q((ms.x - ui.map_pan.x) / ui.map_zoom, (ms.y - ui.map_pan.y) / ui.map_zoom);
        ui.map_zoom = std::clamp(ui.map_zoom * std::pow(1.2f, io.MouseWheel), 0.5f, 64.0f);
        ui.map_pan = ImVec2(ms.x - q.x * ui.map_zoom, ms.y - q.y * ui.map_zoom);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        ui.map_pan.x += io.MouseDelta.x / R;
        ui.map_pan.y += io.MouseDelta.y / R;
    }
    bool clicked = ImGui::IsItemDeactivated() && hovered && io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold;
    float zoom = ui.map_zoom;
    ImVec2 centre(centre0.x + ui.map_pan.x * R, centre0.y + ui.map_pan.y * R);
    float scale = R * zoom * 0.92f;  // map unit (outer ring = 1) -> pixels; a margin for the sector labels
    auto to_screen = [&](float x, float y) { return ImVec2(centre.x + x * scale, centre.y + y * scale); };

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(a, b, true);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg), Em() * 0.3f);
    ImU32 ink = Colors().text_muted;
    static const char* const kTierNames[] = {"Inner", "Close", "Active", "Extended"};
    for (int t = 0; t < 4; ++t) {
        float r = m.ring_outer[t] * scale;
        dl->AddCircle(centre, r, WithAlpha(ink, 0.6f), 96, 1.0f);
        ImVec2 lp(centre.x + 4, centre.y - r + 2);
        dl->AddText(lp, ink, kTierNames[t]);
    }
    if (m.sectors.size() > 1)
        for (const MapCache::Label& l : m.sectors)
            dl->AddLine(to_screen(std::cos(l.angle0) * m.ring_inner, std::sin(l.angle0) * m.ring_inner),
                        to_screen(std::cos(l.angle0), std::sin(l.angle0)), WithAlpha(ink, 0.35f), 1.0f);
    for (const MapCache::Label& l : m.sectors) {
        ImVec2 e = to_screen(std::cos(l.angle), std::sin(l.angle));
        ImVec2 ts = ImGui::CalcTextSize(l.text.c_str());
        float cx = std::cos(l.angle), cy = std::sin(l.angle);
        ImVec2 tp(e.x + (cx < -0.3f ? -ts.x : cx > 0.3f ? 0 : -ts.x * 0.5f), e.y + (cy < -0.3f ? -ts.y : cy > 0.3f ? 0 : -ts.y * 0.5f));
        tp.x = std::clamp(tp.x, a.x + 2, b.x - ts.x - 2);
        tp.y = std::clamp(tp.y, a.y + 2, b.y - ts.y - 2);
        dl->AddText(tp, Colors().text, l.text.c_str());
    }
    // You, in the middle.
    dl->AddCircleFilled(centre, Em() * 0.45f, Colors().accent, 16);

    // Which dots are in view: one pass, no trigonometry (the cache holds x, y).
    float margin = Em();
    float x0 = (a.x - margin - centre.x) / scale, x1 = (b.x + margin - centre.x) / scale;
    float y0 = (a.y - margin - centre.y) / scale, y1 = (b.y + margin - centre.y) / scale;
    static std::vector<uint32_t> visible;
    visible.clear();
    for (uint32_t i = 0; i < m.dots.size(); ++i) {
        const MapCache::Dot& d = m.dots[i];
        if (d.x >= x0 && d.x <= x1 && d.y >= y0 && d.y <= y1) visible.push_back(i);
    }
    bool aggregated = visible.size() > static_cast<size_t>(kMaxDots);
    int hover_dot = -1;
    const MapCell* hover_cell = nullptr;
    ImVec2 mouse = io.MousePos;
    if (aggregated) {
        // Density cells: the more people, the stronger; red-ish where many are overdue.
        int most = 1;
        for (const MapCell& c : m.cells) most = std::max(most, c.count);
        float mr = std::sqrt((mouse.x - centre.x) * (mouse.x - centre.x) + (mouse.y - centre.y) * (mouse.y - centre.y)) / scale;
        float ma = std::atan2(mouse.y - centre.y, mouse.x - centre.x);
        if (ma < 0) ma += 2 * IM_PI;
        for (const MapCell& c : m.cells) {
            if (c.count == 0) continue;
            float r0 = c.r0, r1 = c.r1;
            Standing s = c.overdue * 4 >= c.count ? Standing::Overdue : c.due * 4 >= c.count ? Standing::Due : Standing::Fine;
            ImU32 col = WithAlpha(StandingColor(s), 0.2f + 0.7f * std::sqrt(static_cast<float>(c.count) / most));
            const int steps = 4;
            for (int k = 0; k < steps; ++k) {
                float t0 = c.angle0 + (c.angle1 - c.angle0) * k / steps, t1 = c.angle0 + (c.angle1 - c.angle0) * (k + 1) / steps;
                dl->AddQuadFilled(to_screen(std::cos(t0) * r0, std::sin(t0) * r0), to_screen(std::cos(t0) * r1, std::sin(t0) * r1),
                                  to_screen(std::cos(t1) * r1, std::sin(t1) * r1), to_screen(std::cos(t1) * r0, std::sin(t1) * r0), col);
            }
            float a0 = std::fmod(c.angle0 + 4 * IM_PI, 2 * IM_PI), a1 = a0 + (c.angle1 - c.angle0);
            bool in_angle = (ma >= a0 && ma < a1) || (ma + 2 * IM_PI >= a0 && ma + 2 * IM_PI < a1);
            if (hovered && mr >= r0 && mr < r1 && in_angle) hover_cell = &c;
        }
    } else {
        float r = std::clamp(Em() * 0.18f * std::sqrt(zoom), 2.0f, Em() * 0.4f);
        float best = (r + 4) * (r + 4);
        for (uint32_t i : visible) {
            const MapCache::Dot& d = m.dots[i];
            ImVec2 s = to_screen(d.x, d.y);
            DrawDot(dl, s, r, d.standing);
            if (hovered) {
                float dd = (s.x - mouse.x) * (s.x - mouse.x) + (s.y - mouse.y) * (s.y - mouse.y);
                if (dd <= best) {
                    best = dd;
                    hover_dot = static_cast<int>(i);
                }
            }
        }
        if (hover_dot >= 0) dl->AddCircle(to_screen(m.dots[hover_dot].x, m.dots[hover_dot].y), r + 3, Colors().text, 12, 2.0f);
    }
    dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border), Em() * 0.3f);
    dl->PopClipRect();

    if (hover_dot >= 0) {
        const Contact& c = p.contacts[m.dots[hover_dot].contact];
        Day next = NextFollowUp(c);
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(c.name.c_str());
        if (!c.company.empty()) ImGui::TextUnformatted(c.company.c_str());
        std::string f = next == kNoDay ? "Never contacted" : "Next follow-up: " + FormatDay(next) + " (" + DaysFromNow(next, v.today) + ")";
        ImGui::TextUnformatted(f.c_str());
        ImGui::TextUnformatted("Click to open");
        ImGui::EndTooltip();
        if (clicked) out.open_contact = c.id;
    } else if (hover_cell) {
        ImGui::SetTooltip("%d people here, %d overdue, %d due.\nClick to zoom in.", hover_cell->count, hover_cell->overdue,
                          hover_cell->due);
        if (clicked) {
            ImVec2 ms((mouse.x - centre0.x) / R, (mouse.y - centre0.y) / R);
            ImVec2 q((ms.x - ui.map_pan.x) / ui.map_zoom, (ms.y - ui.map_pan.y) / ui.map_zoom);
            ui.map_zoom = std::min(ui.map_zoom * 3.0f, 64.0f);
            ui.map_pan = ImVec2(ms.x - q.x * ui.map_zoom, ms.y - q.y * ui.map_zoom);
        }
    }

    // For screen readers the map is an image: a summary, then the people in
    // view (overdue first) as links; the same list is drawn for everyone.
    char summary[320];
    std::snprintf(summary, sizeof summary,
                  "Network map: %d people; %d overdue; %d due this week; %d up to date; %d never contacted. "
                  "%d in view at %.0f%% zoom%s.",
                  static_cast<int>(m.dots.size()), m.counts[static_cast<int>(Standing::Overdue)],
                  m.counts[static_cast<int>(Standing::Due)], m.counts[static_cast<int>(Standing::Fine)],
                  m.counts[static_cast<int>(Standing::Never)], static_cast<int>(visible.size()), zoom * 100,
                  aggregated ? ", shown as density (zoom in to see each person)" : "");
    BeginSemRegion(Role::Region, "Network map", a, b);
    SemText(Role::Text, summary, a, b);
    EndSemRegion();
    WrappedText(summary, Colors().text);

    std::vector<uint32_t> listed;
    for (int s = static_cast<int>(Standing::Overdue); s >= 0 && listed.size() < kListed; --s)
        for (uint32_t i : visible) {
            if (static_cast<int>(m.dots[i].standing) != s) continue;
            listed.push_back(i);
            if (listed.size() >= kListed) break;
        }
    if (!listed.empty()) {
        std::string title = visible.size() > listed.size()
                                ? "People in view (" + std::to_string(listed.size()) + " of " + std::to_string(visible.size()) + ", overdue first)"
                                : "People in view";
        SubHeading(title);
        ImVec2 la = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::List, title.c_str(), la, ImVec2(la.x + width, la.y + Em() * 2));
        for (uint32_t i : listed) {
            const MapCache::Dot& d = m.dots[i];
            const Contact& c = p.contacts[d.contact];
            ImGui::PushID(static_cast<int>(d.id));
            std::string text = ContactLine(c) + ": " + StandingWord(d.standing);
            std::string href = "#/planner/contact/" + std::to_string(d.id);
            if (WrappedLink("##who", text, width, href.c_str())) out.open_contact = d.id;
            ImGui::PopID();
        }
        EndSemRegion();
    }
}

// --- Metrics ------------------------------------------------------------------
namespace {

struct Bar {
    std::string label;
    int value;
};

// A horizontal bar chart on the draw list, with its text equivalent recorded
// as a list ("Inner: 12"). `goal` > 0 draws a goal line.
void BarChart(const std::string& title, const std::vector<Bar>& bars, float width, int goal = 0, const char* goal_name = nullptr) {
    SubHeading(title);
    if (bars.empty()) {
        MutedText("Nothing to show yet.");
        return;
    }
    int most = std::max(goal, 1);
    for (const Bar& b : bars) most = std::max(most, b.value);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Label beside the bar; on a narrow page (a phone, large text) the label
    // goes above its bar so neither is squeezed.
    float num_w = ImGui::CalcTextSize(std::to_string(most).c_str()).x + Em() * 0.6f;
    float label_w = std::min(width * 0.42f, Em() * 12);
    bool stacked = width - label_w - num_w - Em() * 0.5f < Em() * 5;
    if (stacked) label_w = width;
    float bar_w = stacked ? width - num_w : width - label_w - num_w - Em() * 0.5f;
    ImVec2 la = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::List, title.c_str(), la, ImVec2(la.x + width, la.y + Em() * 2));
    for (size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        ImGui::PushID(static_cast<int>(i));
        ImVec2 p0 = ImGui::GetCursorScreenPos();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_w);
        ImGui::TextUnformatted(bar.label.c_str());
        ImGui::PopTextWrapPos();
        float label_h = ImGui::GetItemRectSize().y;
        float row_y = stacked ? p0.y + label_h : p0.y;
        float h = stacked ? Em() : std::max(label_h, Em());
        float x = stacked ? p0.x : p0.x + label_w + Em() * 0.5f;
        ImVec2 b0(x, row_y + 2), b1(x + bar_w, row_y + h - 2);
        dl->AddRectFilled(b0, b1, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
        dl->AddRect(b0, b1, ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
        if (bar.value > 0)
            dl->AddRectFilled(b0, ImVec2(b0.x + bar_w * bar.value / most, b1.y), Colors().accent, 3.0f);
        if (goal > 0) {
            float gx = b0.x + bar_w * goal / most;
            dl->AddLine(ImVec2(gx, b0.y - 2), ImVec2(gx, b1.y + 2), Colors().text, 2.0f);
        }
        std::string num = std::to_string(bar.value);
        dl->AddText(ImVec2(b1.x + Em() * 0.3f, row_y), Colors().text, num.c_str());
        float bottom = row_y + h;
        SemListItem(bar.label + ": " + num, p0, ImVec2(p0.x + width, bottom));
        ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + ImGui::GetStyle().ItemSpacing.y * 0.5f));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    EndSemRegion();
    if (goal > 0 && goal_name) MutedText(std::string("The line marks ") + goal_name + ": " + std::to_string(goal) + ".");
}

}  // namespace

void DrawMetrics(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = PageWidth();
    PageHeading("Metrics");
    if (p.contacts.empty()) {
        WrappedText("No metrics yet. Once you add contacts and log your follow-ups, this page shows how your network is "
                    "spread and whether you keep in touch \xE2\x80\x94 start by adding a few contacts.", Colors().text);
        return;
    }
    // Metrics walk every contact and interaction: once per change, not per frame.
    static const Planner* for_planner = nullptr;
    static size_t for_contacts = 0;
    static int64_t for_rev = -1;
    static Day for_today = kNoDay;
    static Metrics metrics;
    int64_t rev = NewestRev(p);
    if (for_planner != &p || for_contacts != p.contacts.size() || for_rev != rev || for_today != v.today) {
        metrics = ComputeMetrics(p, v.today);
        for_planner = &p;
        for_contacts = p.contacts.size();
        for_rev = rev;
        for_today = v.today;
    }
    const Metrics& m = metrics;

    char line[200];
    int total = 0;
    for (int n : m.per_tier) total += n;
    std::snprintf(line, sizeof line, "%d people. Weak ties (Active and Extended tiers): %d%%. Overdue follow-ups: %d.", total,
                  static_cast<int>(m.weak_tie_share * 100 + 0.5f), m.overdue);
    WrappedText(line, Colors().text);

    static const char* const kTierNames[] = {"Inner", "Close", "Active", "Extended"};
    std::vector<Bar> tiers;
    for (int t = 0; t < 4; ++t) tiers.push_back({kTierNames[t], m.per_tier[t]});
    BarChart("Contacts per tier", tiers, width);

    std::vector<Bar> industries;
    for (const auto& [name, n] : m.industries) industries.push_back({name, n});
    BarChart("Industry spread", industries, width);

    std::vector<Bar> companies;
    for (size_t i = 0; i < m.companies.size() && i < 10; ++i) companies.push_back({m.companies[i].first, m.companies[i].second});
    BarChart("Companies (top 10)", companies, width);

    int weekly_goal = 0;
    for (const Goal& g : p.goals)
        if (g.kind == GoalKind::FollowUps && g.period == GoalPeriod::Week) weekly_goal = g.target;
    std::vector<Bar> weeks;
    Day this_week = WeekStart(v.today);
    int n = static_cast<int>(m.touches_per_week.size());
    for (int i = 0; i < n; ++i) weeks.push_back({"Week of " + FormatDay(this_week - 7 * (n - 1 - i)), m.touches_per_week[i]});
    BarChart("Touches per week (last 12 weeks)", weeks, width, weekly_goal, "your weekly follow-up goal");
}

}  // namespace wb::ui
