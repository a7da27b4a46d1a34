// The planner's shell and its everyday pages.
//
// Index
//   Names        page names and slugs; tier, stage and channel words
//   Helpers      contact lines, date fields, radio groups
//   Shell        DrawPlanner: navigation and the page
//   Week         overdue, due, never contacted, coming events, one-click touches
//   Contacts     search, filters, sort, a clipped table of up to 30,000 rows, import and export
//   Detail       one contact's fields, tier and stage, history, log a touch, message templates
//   Import       progress while a file is read, then the preview to commit or cancel
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/search.h"
#include "imgui_internal.h"
#include "ui/planner_views.h"
#include "ui/view_util.h"

namespace wb::ui {
using namespace planner;

// --- Names --------------------------------------------------------------------
namespace {
const char* kTiers[] = {"Inner", "Close", "Active", "Extended"};
const char* kTierHints[] = {"monthly", "every 2 months", "quarterly", "yearly"};
const char* kStages[] = {"Identified", "Contacted", "Replied", "Met", "Thank-you sent", "Advocate"};
const char* kChannels[] = {"In person", "Call", "Email", "Message", "Event", "Social"};
}  // namespace


// --- Helpers ------------------------------------------------------------------
namespace {

std::string DueWords(const Contact& c, Day today) {
    Day next = NextFollowUp(c);
    if (next == kNoDay) return "never contacted";
    int d = next - today;
    if (d < 0) return "overdue by " + std::to_string(-d) + (d == -1 ? " day" : " days");
    if (d == 0) return "due today";
    if (d == 1) return "due tomorrow";
    return "due " + FormatDay(next);
}

std::string ContactLine(const Contact& c, Day today) {
    std::string s = c.name.empty() ? std::string("(no name)") : c.name;
    if (!c.company.empty()) s += " \xC2\xB7 " + c.company;
    s += " \xC2\xB7 " + DueWords(c, today);
    return s;
}

// A row of pills for one choice, recorded as a radio group. Returns the chosen index or -1.
int RadioPills(const char* group, const char* const* labels, int n, int selected) {
    ImVec2 a = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::RadioGroup, group, a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 2));
    int chosen = -1;
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int i = 0; i < n; ++i) {
        if (i > 0) {
            ImGui::SameLine();
            float w = ImGui::CalcTextSize(labels[i]).x + ImGui::GetStyle().FramePadding.x * 2;
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        char id[96];
        std::snprintf(id, sizeof id, "##%s%d", group, i);
        ImGui::PushID(id);
        if (RadioPill("##pill", labels[i], i == selected)) chosen = i;
        ImGui::PopID();
    }
    EndSemRegion();
    return chosen;
}

// A labelled single-line field; returns true when the learner changed it.
bool Field(const char* label, std::string& text, const char* hint = nullptr) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Em() * 26));
    std::string id = std::string("##") + label;
    return TextField(id.c_str(), label, text, hint);
}

// A date field ("YYYY-MM-DD", empty = none). Applies only a valid date; says what is wrong otherwise.
bool DateField(const char* label, Day& day, std::string& buffer, bool& editing) {
    if (!editing) buffer = FormatDay(day);
    bool changed_day = false;
    if (Field(label, buffer, "YYYY-MM-DD")) {
        editing = true;
        Day d = kNoDay;
        if (buffer.empty()) {
            changed_day = day != kNoDay;
            day = kNoDay;
        } else if (ParseDay(buffer, d)) {
            changed_day = d != day;
            day = d;
        }
    }
    if (!FieldEditing() && editing) {
        Day d = kNoDay;
        if (buffer.empty() || ParseDay(buffer, d)) editing = false;
    }
    Day d = kNoDay;
    if (editing && !buffer.empty() && !ParseDay(buffer, d)) {
        std::string msg = std::string(label) + ": \"" + buffer + "\" is not a date. Type it as year-month-day, e.g. 2026-03-14; "
                          "until then the saved date stays " + (day == kNoDay ? std::string("empty") : FormatDay(day)) + ".";
        WrappedText(msg, Colors().error);
    }
    return changed_day;
}

std::string JoinTags(const std::vector<std::string>& tags) {
    std::string s;
    for (const std::string& t : tags) {
        if (!s.empty()) s += ", ";
        s += t;
    }
    return s;
}

std::vector<std::string> SplitTags(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i <= text.size()) {
        size_t j = text.find(',', i);
        if (j == std::string::npos) j = text.size();
        size_t a = i, b = j;
        while (a < b && text[a] == ' ') ++a;
        while (b > a && text[b - 1] == ' ') --b;
        if (b > a) out.emplace_back(text.substr(a, b - a));
        i = j + 1;
    }
    return out;
}

void PageHeading(const char* title) {
    Gap(0.3f);
    HeadingText(GetFonts().h1, title, 1);
    Gap(0.2f);
}

// One-click actions on a contact line (This week).
void ContactActions(const Contact& c, Day today, PlannerIntents& out) {
    std::string line = ContactLine(c, today);
    ImGui::PushID(static_cast<int>(c.id));
    std::string href = "#/planner/contact/" + std::to_string(c.id);
    if (LinkRow((line + "##open").c_str(), false, line.c_str(), nullptr, href.c_str())) out.open_contact = c.id;
    std::string touch = "Log a touch with " + c.name;
    if (Button("Log a touch##touch", touch.c_str())) {
        Interaction i;
        i.day = today;
        i.channel = Channel::Message;
        out.log_touch = std::make_pair(c.id, i);
    }
    ImGui::SameLine();
    std::string snooze = "Snooze " + c.name + " for a week";
    if (Button("Snooze a week##snooze", snooze.c_str())) out.snooze = std::make_pair(c.id, today + 7);
    ImGui::PopID();
    Gap(0.2f);
}

}  // namespace

// --- Shell --------------------------------------------------------------------
void DrawPlanner(const PlannerView& v, PlannerUi& ui, bool wide, PlannerIntents& out) {
    auto nav = [&]() {
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Navigation, "Planner", a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 20));
        HeadingText(GetFonts().bold, "Planner", 2);
        // Wide: a column. Narrow: the pages flow in rows, each as wide as its name
        // (a full-width row would catch every press meant for the ones after it).
        float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        bool first = true;
        for (const PlannerPageInfo& i : kPlannerPages) {
            if (i.page == PlannerPage::Contact) continue;  // reached from a contact, not from the menu
            bool current = ui.page == i.page || (i.page == PlannerPage::Contacts && ui.page == PlannerPage::Contact);
            std::string label = std::string(i.name) + "##pl_" + i.slug;
            std::string href = std::string("#/planner/") + i.slug;
            float w = 0;
            if (!wide) {
                w = ImGui::CalcTextSize(i.name).x;
                if (!first) {
                    ImGui::SameLine();
                    if (ImGui::GetCursorScreenPos().x + w + ImGui::GetStyle().ItemSpacing.x > right) ImGui::NewLine();
                }
            }
            first = false;
            if (LinkRow(label.c_str(), current, i.name, nullptr, href.c_str(), 0, w)) out.go = i.page;
        }
        EndSemRegion();
    };
    if (wide) {
        ImGui::BeginChild("##planner_nav", ImVec2(Em() * 13, 0), ImGuiChildFlags_None);
        nav();
        ImGui::EndChild();
        ImGui::SameLine();
    } else {
        nav();
        ImGui::Separator();
    }
    ImGui::BeginChild("##planner_page", ImVec2(0, 0), ImGuiChildFlags_None);
    ImVec2 a = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::Main, PlannerPageName(ui.page), a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + ImGui::GetWindowHeight()));
    if (v.in_lms) MutedText("Your planner is kept on this device only: it is never sent to your course system.");
    if (!v.load_problem.empty()) WrappedText(v.load_problem, Colors().error);
    if (v.quarantined && Button("Download the set-aside planner data##dlpq")) out.download_quarantine = true;
    if (!v.loaded) {
        PageHeading(PlannerPageName(ui.page));
        MutedText("Opening your planner\xE2\x80\xA6");
    } else if (v.import || v.import_progress < 1.0f) {
        DrawImport(v, ui, out);
    } else {
        switch (ui.page) {
            case PlannerPage::Week: DrawWeek(v, ui, out); break;
            case PlannerPage::Contacts: DrawContacts(v, ui, out); break;
            case PlannerPage::Contact: DrawContactDetail(v, ui, out); break;
            case PlannerPage::Organizations: DrawOrganizations(v, ui, out); break;
            case PlannerPage::Events: DrawEvents(v, ui, out); break;
            case PlannerPage::Social: DrawSocial(v, ui, out); break;
            case PlannerPage::Targets: DrawTargets(v, ui, out); break;
            case PlannerPage::Goals: DrawGoals(v, ui, out); break;
            case PlannerPage::Map: DrawMap(v, ui, out); break;
            case PlannerPage::Metrics: DrawMetrics(v, ui, out); break;
        }
    }
    Gap(1.0f);
    EndSemRegion();
    ImGui::EndChild();
}

// --- Week ---------------------------------------------------------------------
void DrawWeek(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    PageHeading("This week");
    ImGui::PushTextWrapPos(0.0f);
    if (p.contacts.empty()) {
        MutedText("Your planner is empty. The chapter's advice starts with the people you already know: add a few "
                  "contacts, or import your LinkedIn connections (LinkedIn: Settings, Data privacy, Get a copy of your "
                  "data, Connections).");
        if (Button("Add or import contacts##empty_go")) out.go = PlannerPage::Contacts;
        ImGui::PopTextWrapPos();
        return;
    }
    Agenda ag = ComputeAgenda(p, v.today);
    char summary[200];
    std::snprintf(summary, sizeof summary, "%zu overdue, %zu due in the next 7 days, %zu never contacted, %zu events coming up.",
                  ag.overdue.size(), ag.due.size(), ag.never_contacted.size(), ag.upcoming_events.size());
    WrappedText(summary, Colors().text);
    for (const Goal& g : p.goals) {
        int have = Progress(p, g, v.today);
        static const char* kinds[] = {"new contacts", "follow-ups", "events", "social media actions"};
        char line[160];
        std::snprintf(line, sizeof line, "Goal: %d of %d %s this %s", have, g.target, kinds[static_cast<int>(g.kind) & 3],
                      g.period == GoalPeriod::Week ? "week" : "month");
        MutedText(line);
    }

    auto section = [&](const char* title, const std::vector<Id>& ids, size_t cap) {
        Gap(0.4f);
        char h[96];
        std::snprintf(h, sizeof h, "%s (%zu)", title, ids.size());
        HeadingText(GetFonts().h2, h, 2);
        if (ids.empty()) {
            MutedText("Nothing here.");
            return;
        }
        ImVec2 a = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::List, title, a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 3));
        size_t n = std::min(ids.size(), cap);
        for (size_t i = 0; i < n; ++i)
            if (const Contact* c = FindContact(p, ids[i])) ContactActions(*c, v.today, out);
        EndSemRegion();
        if (ids.size() > n) {
            char more[96];
            std::snprintf(more, sizeof more, "%zu more. Open Contacts and filter by \"due\" to see them all.", ids.size() - n);
            MutedText(more);
        }
    };
    if (ag.overdue.size() > 25)
        MutedText("Many people look overdue after an import: a LinkedIn connection made years ago counts as your last "
                  "touch. Start with the people who matter most: give them the Inner or Close tier in Contacts and log "
                  "when you last spoke; snooze the rest.");
    section("Overdue", ag.overdue, 25);
    section("Due this week", ag.due, 25);
    section("Never contacted", ag.never_contacted, 10);

    Gap(0.4f);
    char h[96];
    std::snprintf(h, sizeof h, "Events in the next 30 days (%zu)", ag.upcoming_events.size());
    HeadingText(GetFonts().h2, h, 2);
    if (ag.upcoming_events.empty()) MutedText("None planned. Attending industry events is one of the chapter's tips: plan one in Events.");
    for (Id id : ag.upcoming_events) {
        const Event* e = FindEvent(p, id);
        if (!e) continue;
        std::string line = FormatDay(e->day) + " \xC2\xB7 " + e->name + (e->place.empty() ? "" : " \xC2\xB7 " + e->place);
        ImGui::PushID(static_cast<int>(id));
        if (LinkRow((line + "##ev").c_str(), false, line.c_str(), nullptr, "#/planner/events")) {
            ui.editing = id;
            out.go = PlannerPage::Events;
        }
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

// --- Contacts -----------------------------------------------------------------
void DrawContacts(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    PageHeading("Contacts");
    ContactQuery& q = ui.query;

    // Adding, importing, exporting.
    static std::string new_name;
    // The button beside the field when both fit, else under it (a phone).
    const ImGuiStyle& st = ImGui::GetStyle();
    float add_w = ImGui::CalcTextSize("Add contact").x + st.FramePadding.x * 2;
    float avail = ImGui::GetContentRegionAvail().x;
    bool beside = avail >= Em() * 10 + st.ItemSpacing.x + add_w;
    ImGui::SetNextItemWidth(beside ? std::min(avail - st.ItemSpacing.x - add_w, Em() * 18) : avail);
    TextField("##new_name", "New contact's name", new_name, "New contact's name");
    bool enter = FieldSubmitted();  // Enter in the name adds the contact
    if (beside) ImGui::SameLine();
    bool can_add = !new_name.empty();
    if (Button("Add contact##add", nullptr, ImVec2(0, 0), !can_add) || (can_add && enter)) {
        Contact c;
        c.name = new_name;
        c.source = "manual";
        c.added = v.today;
        out.put_contact = c;
        new_name.clear();
    }
    if (Button("Import contacts...##import", "Import contacts from a LinkedIn, Google Contacts or vCard file")) out.choose_import = true;
    ImGui::SameLine();
    if (Button("Export calendar (.ics)##ics", "Export follow-ups and events as a calendar file")) out.export_kind = 'i';
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + Em() * 12 > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
    if (Button("Export contacts (.vcf)##vcf", "Export contacts as vCards")) out.export_kind = 'v';
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + Em() * 12 > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
    if (Button("Export spreadsheet (.csv)##csv", "Export contacts as a spreadsheet")) out.export_kind = 'c';
    Gap(0.3f);

    // Search and filters.
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Em() * 26));
    if (TextField("##contact_search", "Search contacts", q.text, "Search name, company, role, tags, notes")) ui.rows_dirty = true;
    const char* tiers[] = {"Any tier", kTiers[0], kTiers[1], kTiers[2], kTiers[3]};
    int t = RadioPills("Tier filter", tiers, 5, q.tier + 1);
    if (t >= 0) {
        q.tier = t - 1;
        ui.rows_dirty = true;
    }
    const char* stages[] = {"Any stage", kStages[0], kStages[1], kStages[2], kStages[3], kStages[4], kStages[5]};
    int s = RadioPills("Stage filter", stages, 7, q.stage + 1);
    if (s >= 0) {
        q.stage = s - 1;
        ui.rows_dirty = true;
    }
    if (ChoiceRow("##due_only", "Only overdue or due this week", q.due_only, false, std::min(ImGui::GetContentRegionAvail().x, Em() * 20))) {
        q.due_only = !q.due_only;
        ui.rows_dirty = true;
    }
    if (!ui.tags.empty()) {
        // The first dozen tags as a filter; a tag typed into the search finds the rest.
        std::vector<const char*> labels = {"Any tag"};
        int selected = 0;
        for (size_t i = 0; i < ui.tags.size() && i < 12; ++i) {
            labels.push_back(ui.tags[i].c_str());
            if (q.tag == ui.tags[i]) selected = static_cast<int>(i) + 1;
        }
        int tg = RadioPills("Tag filter", labels.data(), static_cast<int>(labels.size()), selected);
        if (tg >= 0) {
            q.tag = tg == 0 ? std::string() : ui.tags[tg - 1];
            ui.rows_dirty = true;
        }
    }
    const char* sorts[] = {"Name", "Company", "Next follow-up", "Last touch", "Tier", "Stage"};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Sort by");
    ImGui::SameLine();
    int so = RadioPills("Sort by", sorts, 6, static_cast<int>(q.sort));
    if (so >= 0) {
        if (so == static_cast<int>(q.sort)) q.descending = !q.descending;
        else {
            q.sort = static_cast<ContactQuery::Sort>(so);
            q.descending = false;
        }
        ui.rows_dirty = true;
    }
    if (ui.rows_dirty) {
        auto t0 = std::chrono::steady_clock::now();
        ui.rows = QueryContacts(p, q, v.today);
        ui.tags = AllTags(p);
        ui.rows_dirty = false;
        ui.query_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    char count[128];
    std::snprintf(count, sizeof count, "%zu of %zu contacts%s", ui.rows.size(), p.contacts.size(),
                  q.descending ? ", reverse order" : "");
    WrappedText(count);
    if (p.contacts.empty()) {
        MutedText("No contacts yet. Add someone above, or import your LinkedIn connections: LinkedIn lets you download "
                  "them as Connections.csv (Settings, Data privacy, Get a copy of your data).");
        return;
    }

    // The table: only the rows on screen are drawn (and recorded for screen readers).
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp;
    float height = std::max(Em() * 12, ImGui::GetContentRegionAvail().y - Em());
    bool narrow = ImGui::GetContentRegionAvail().x < Em() * 36;
    int columns = narrow ? 2 : 4;
    ImVec2 ta = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::List, "Contacts", ta, ImVec2(ta.x + ImGui::GetContentRegionAvail().x, ta.y + height));
    if (ImGui::BeginTable("##contacts", columns, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", 0, 3.0f);
        if (!narrow) {
            ImGui::TableSetupColumn("Company", 0, 2.5f);
            ImGui::TableSetupColumn("Tier", 0, 1.0f);
        }
        ImGui::TableSetupColumn("Follow-up", 0, 2.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(ui.rows.size()));
        while (clip.Step()) {
            for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
                const Contact& c = p.contacts[ui.rows[r]];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(c.id));
                std::string name = c.name.empty() ? std::string("(no name)") : c.name;
                std::string line = ContactLine(c, v.today);
                std::string href = "#/planner/contact/" + std::to_string(c.id);
                if (LinkRow((name + "##row").c_str(), ui.contact == c.id, line.c_str(), nullptr, href.c_str(),
                            ImGuiSelectableFlags_SpanAllColumns))
                    out.open_contact = c.id;
                if (!narrow) {
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(c.company.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(kTiers[static_cast<int>(c.tier) & 3]);
                }
                ImGui::TableNextColumn();
                std::string due = DueWords(c, v.today);
                FollowUpStatus st = StatusOf(c, v.today);
                ImGui::PushStyleColor(ImGuiCol_Text, st == FollowUpStatus::Overdue ? Colors().error : Colors().text_muted);
                ImGui::TextUnformatted(due.c_str());
                ImGui::PopStyleColor();
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    EndSemRegion();
}

// --- Detail -------------------------------------------------------------------
void DrawContactDetail(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    const Contact* found = FindContact(p, ui.contact);
    if (Button("\xE2\x86\x90 All contacts##back", "Back to all contacts")) out.go = PlannerPage::Contacts;
    if (!found) {
        PageHeading("Contact");
        MutedText("This contact is no longer in your planner (it may have been deleted in another tab).");
        return;
    }
    Contact c = *found;  // edited here; sent back whole when anything changed
    bool changed = false;
    PageHeading(c.name.empty() ? "(no name)" : c.name.c_str());
    WrappedText(DueWords(c, v.today) + (LastTouch(c) != kNoDay ? " \xC2\xB7 last touch " + FormatDay(LastTouch(c)) : std::string()),
                StatusOf(c, v.today) == FollowUpStatus::Overdue ? Colors().error : Colors().text_muted);

    // One-off actions first: what the learner most often comes here for.
    HeadingText(GetFonts().h2, "Log a touch", 2);
    static bool touch_day_editing = false;
    Day touch_day = v.today;
    if (!ui.touch_day.empty()) {
        Day d = kNoDay;
        if (ParseDay(ui.touch_day, d)) touch_day = d;
    }
    DateField("Date of the touch", touch_day, ui.touch_day, touch_day_editing);
    int ch = RadioPills("Channel", kChannels, 6, ui.touch_channel);
    if (ch >= 0) ui.touch_channel = ch;
    Field("What happened", ui.touch_note, "e.g. Coffee chat about the data team");
    if (Button("Log this touch##log")) {
        Interaction i;
        i.day = touch_day;
        i.channel = static_cast<Channel>(ui.touch_channel);
        i.note = ui.touch_note;
        out.log_touch = std::make_pair(c.id, i);
        ui.touch_note.clear();
        ui.touch_day.clear();
    }
    ImGui::SameLine();
    if (Button("Snooze a week##snooze")) out.snooze = std::make_pair(c.id, v.today + 7);

    Gap(0.4f);
    HeadingText(GetFonts().h2, "Details", 2);
    changed |= Field("Name", c.name);
    changed |= Field("Company", c.company);
    changed |= Field("Role", c.role);
    changed |= Field("Industry", c.industry);
    changed |= Field("Location", c.location);
    changed |= Field("Email", c.email);
    changed |= Field("Profile URL", c.profile_url, "https://");
    changed |= Field("How and where we met", c.met);
    if (ui.tags_for != c.id) ui.tags_typed = JoinTags(c.tags);
    if (Field("Tags (comma-separated)", ui.tags_typed)) {
        ui.tags_for = c.id;
        c.tags = SplitTags(ui.tags_typed);
        changed = true;
    } else if (ui.tags_for == c.id && !FieldEditing()) {
        ui.tags_for = 0;  // left: show the tags as stored
    }
    if (c.introduced_by) {
        if (const Contact* by = FindContact(p, c.introduced_by)) {
            std::string l = "Introduced by " + by->name;
            if (LinkRow((l + "##introducer").c_str(), false, l.c_str())) out.open_contact = by->id;
        }
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Tier (how often to keep in touch)");
    const char* tier_labels[4];
    std::string tier_text[4];
    for (int i = 0; i < 4; ++i) {
        tier_text[i] = std::string(kTiers[i]) + " (" + kTierHints[i] + ")";
        tier_labels[i] = tier_text[i].c_str();
    }
    int t = RadioPills("Tier", tier_labels, 4, static_cast<int>(c.tier));
    if (t >= 0 && t != static_cast<int>(c.tier)) {
        c.tier = static_cast<Tier>(t);
        changed = true;
    }
    // Applied as soon as it reads as a number; otherwise kept as typed (here, not in
    // the contact) with what is wrong said under it, until it is fixed or left empty.
    auto as_days = [](const std::string& text, int& days) {
        days = 0;
        if (text.empty()) return true;  // the tier's default
        if (text.size() > 4) return false;
        for (char ch2 : text)
            if (ch2 < '0' || ch2 > '9') return false;
        days = std::stoi(text);
        return true;
    };
    if (ui.cadence_for != c.id) ui.cadence = c.cadence_days ? std::to_string(c.cadence_days) : std::string();
    char hint[64];
    std::snprintf(hint, sizeof hint, "tier default: %d", DefaultCadenceDays(c.tier));
    int days = 0;
    if (Field("Keep in touch every N days (empty = the tier's)", ui.cadence, hint)) {
        ui.cadence_for = c.id;
        if (as_days(ui.cadence, days) && days != c.cadence_days) {
            c.cadence_days = days;
            changed = true;
        }
    }
    if (ui.cadence_for == c.id && !as_days(ui.cadence, days)) {
        WrappedText("Keep in touch every N days: \"" + ui.cadence +
                        "\" is not a number of days. Type a whole number up to 9999, or leave it empty for the tier's " +
                        std::to_string(DefaultCadenceDays(c.tier)) + " days; until then it stays at " +
                        (c.cadence_days ? std::to_string(c.cadence_days) + " days." : std::string("the tier's default.")),
                    Colors().error);
    } else if (ui.cadence_for == c.id && !FieldEditing()) {
        ui.cadence_for = 0;  // valid and left: show the contact's value again
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Stage");
    int s = RadioPills("Stage", kStages, 6, static_cast<int>(c.stage));
    if (s >= 0 && s != static_cast<int>(c.stage)) {
        c.stage = static_cast<Stage>(s);
        changed = true;
    }
    ImGui::TextUnformatted("Notes");
    changed |= TextArea("##notes", "Notes", c.notes, ImVec2(std::min(ImGui::GetContentRegionAvail().x, Em() * 32), Em() * 6));

    Gap(0.4f);
    char hh[64];
    std::snprintf(hh, sizeof hh, "History (%zu)", c.log.size());
    HeadingText(GetFonts().h2, hh, 2);
    if (c.log.empty()) MutedText("No touches yet. The first one starts the follow-up clock.");
    ImVec2 la = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::List, "History", la, ImVec2(la.x + ImGui::GetContentRegionAvail().x, la.y + Em() * 2));
    for (size_t i = c.log.size(); i-- > 0;) {
        const Interaction& it = c.log[i];
        std::string line = FormatDay(it.day) + " \xC2\xB7 " + kChannels[static_cast<int>(it.channel) % 6];
        if (!it.note.empty()) line += " \xC2\xB7 " + it.note;
        if (it.help != Help::None) line += std::string(it.help == Help::Given ? " \xC2\xB7 help given" : " \xC2\xB7 help received") +
                                          (it.help_note.empty() ? "" : ": " + it.help_note);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::BulletText("%s", line.c_str());
        ImGui::PopTextWrapPos();
        SemListItem(line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    EndSemRegion();

    if (v.templates && (!v.templates->outreach.empty() || !v.templates->thank_you.empty())) {
        Gap(0.4f);
        HeadingText(GetFonts().h2, "Message templates", 2);
        MutedText("Filled in with this contact's details. Copy one, then make it your own before you send it.");
        auto show = [&](const MessageTemplate& m) {
            std::string text = FillTemplate(m.text, c, "");
            ImGui::PushID(m.id.c_str());
            HeadingText(GetFonts().bold, m.title, 3);
            WrappedText(text, Colors().text);
            std::string name = "Copy \"" + m.title + "\"";
            if (Button("Copy##copy", name.c_str())) ImGui::SetClipboardText(text.c_str());
            ImGui::PopID();
        };
        for (const MessageTemplate& m : v.templates->outreach) show(m);
        for (const MessageTemplate& m : v.templates->thank_you) show(m);
    }

    Gap(0.6f);
    if (!ui.confirm_delete) {
        if (Button("Delete this contact...##del", "Delete this contact")) ui.confirm_delete = true;
    } else {
        ImVec2 da = ImGui::GetCursorScreenPos();
        BeginSemRegion(Role::Dialog, "Delete this contact?", da, ImVec2(da.x + Em() * 30, da.y + Em() * 5));
        WrappedText("Delete " + c.name + " and their history? This cannot be undone.", Colors().text);
        if (Button("Delete##confirm_del")) {
            out.remove = std::make_pair('c', c.id);
            ui.confirm_delete = false;
        }
        ImGui::SameLine();
        if (Button("Keep##cancel_del", "Keep this contact")) ui.confirm_delete = false;
        EndSemRegion();
    }
    if (changed) out.put_contact = c;
}

// --- Import -------------------------------------------------------------------
void DrawImport(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PageHeading("Import contacts");
    WrappedText("File: " + v.import_filename, Colors().text);
    if (v.import_progress < 1.0f || !v.import) {
        char pct[64];
        std::snprintf(pct, sizeof pct, "Reading the file: %d%%", static_cast<int>(v.import_progress * 100));
        ImGui::ProgressBar(v.import_progress, ImVec2(std::min(ImGui::GetContentRegionAvail().x, Em() * 26), 0), pct);
        SemNode n;
        n.id = ImGui::GetID("##import_progress");
        n.role = Role::Progress;
        n.name = "Reading the file";
        n.value = std::to_string(static_cast<int>(v.import_progress * 100));
        n.min = ImGui::GetItemRectMin();
        n.max = ImGui::GetItemRectMax();
        Sem().Add(n);
        if (Button("Cancel##cancel_import", "Cancel the import")) out.cancel_import = true;
        return;
    }
    const ImportPreview& pv = *v.import;
    if (!pv.ok()) {
        WrappedText("This file cannot be imported. " + pv.error + " Nothing in your planner was changed.", Colors().error);
        if (Button("Close##close_import", "Close the import")) out.cancel_import = true;
        return;
    }
    char summary[256];
    std::snprintf(summary, sizeof summary, "%s: %d new, %d to update (only empty fields are filled in), %d skipped.",
                  pv.format.c_str(), pv.new_count, pv.update_count, pv.skip_count);
    WrappedText(summary, Colors().text);
    MutedText("Nothing has changed yet. Check the list, then add them to your planner or cancel. Your notes, tiers and "
              "history are never overwritten by an import.");
    if (Button("Add to my planner##commit_import", nullptr, ImVec2(0, 0), pv.new_count + pv.update_count == 0))
        out.commit_import = true;
    ImGui::SameLine();
    if (Button("Cancel##cancel_import", "Cancel the import")) out.cancel_import = true;
    Gap(0.3f);
    float height = std::max(Em() * 10, ImGui::GetContentRegionAvail().y - Em());
    ImVec2 la = ImGui::GetCursorScreenPos();
    BeginSemRegion(Role::List, "What the file holds", la, ImVec2(la.x + ImGui::GetContentRegionAvail().x, la.y + height));
    ImGui::BeginChild("##import_rows", ImVec2(0, height), ImGuiChildFlags_Border);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(pv.items.size()));
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const ImportItem& it = pv.items[i];
            const char* what = it.outcome == ImportItem::New ? "New" : it.outcome == ImportItem::Update ? "Update" : "Skip";
            char line[512];
            std::snprintf(line, sizeof line, "Line %d \xC2\xB7 %s \xC2\xB7 %s%s%s%s", it.line, what,
                          it.contact.name.empty() ? "(no name)" : it.contact.name.c_str(),
                          it.contact.company.empty() ? "" : ", ", it.contact.company.c_str(),
                          it.reason.empty() ? "" : (" \xC2\xB7 " + it.reason).c_str());
            ImGui::PushStyleColor(ImGuiCol_Text, it.outcome == ImportItem::Skip ? Colors().text_muted : Colors().text);
            ImGui::TextUnformatted(line);
            ImGui::PopStyleColor();
            SemListItem(line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
    }
    ImGui::EndChild();
    EndSemRegion();
}

}  // namespace wb::ui
