// One contact: log a touch, their details, tier, cadence and stage, history,
// message templates, delete.
#include <algorithm>
#include <cstdio>

#include "imgui_internal.h"  // GetActiveID
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const char* const kTierHints[] = {"monthly", "every 2 months", "quarterly", "yearly"};
const char* const kChannels[] = {"In person", "Call", "Email", "Message", "Event", "Social"};

// The contact page's fields sit alone on their line: as wide as FieldWidth(),
// identified by their label.
bool ContactField(const char* label, std::string& text, const char* hint = nullptr) {
    std::string id = std::string("##") + label;
    return Field(id.c_str(), label, text, FieldWidth(), hint);
}

}  // namespace

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
    // "Connected on" is a fact from the import, not a touch: said apart from the last touch.
    WrappedText(DueWords(c, v.today) + (LastTouch(c) != kNoDay ? " \xC2\xB7 last touch " + FormatDay(LastTouch(c)) : std::string()) +
                    (c.connected != kNoDay ? " \xC2\xB7 connected on " + FormatDay(c.connected) : std::string()),
                StatusOf(c, v.today) == FollowUpStatus::Overdue ? Colors().error : Colors().text_muted);

    // One-off actions first: what the learner most often comes here for.
    HeadingText(GetFonts().h2, "Log a touch", 2);
    // The field starts at today and then holds exactly what is typed: emptied, it
    // stays empty (and blocks the log), so typing a date never mixes with today's.
    if (ui.touch_day_for != c.id) {
        ui.touch_day = FormatDay(v.today);
        ui.touch_day_for = c.id;
        ui.touch_day_error.clear();
        ui.touch_future_confirm = false;
    }
    if (CheckedField("##touch_day", "Date of the touch", ui.touch_day, FieldWidth(), "YYYY-MM-DD, or T for today",
                     ui.touch_day_error)) {
        ui.touch_day_error.clear();  // said again at the next Log if still wrong
        ui.touch_future_confirm = false;
    }
    if (DatePicker(ui.calendar, "##touch_day", "Date of the touch", ui.touch_day, FieldWidth())) {
        ui.touch_day_error.clear();
        ui.touch_future_confirm = false;
    }
    int ch = RadioPills("Channel", Options(kChannels, 6), ui.touch_channel, ImGui::GetContentRegionAvail().x);
    if (ch >= 0) ui.touch_channel = ch;
    ContactField("What happened", ui.touch_note, "e.g. Coffee chat about the data team");
    Day touch_day = kNoDay;
    std::string why;
    const bool date_ok = ParseDateInput(ui.touch_day, v.today, touch_day, why);
    bool log = false;
    if (ui.touch_future_confirm && date_ok && touch_day > v.today) {
        const std::string when = FormatDay(touch_day);
        ImVec2 qa = ImGui::GetCursorScreenPos();
        const std::string q = when + " is in the future (" + DaysFromNow(touch_day, v.today) +
                              "). A touch is something that happened: log it on that date anyway?";
        SemScope scope(Role::Group, q.c_str(), qa, ImVec2(qa.x + FieldWidth(), qa.y + Em() * 3));
        WrappedText(q, Colors().text);
        if (Button(("Yes, log it on " + when + "##log_future").c_str())) log = true;
        ImGui::SameLine();
        if (Button("Change the date##no_future")) ui.touch_future_confirm = false;
    } else if (Button("Log this touch##log")) {
        if (!date_ok) ui.touch_day_error = "Date of the touch: " + why + " Nothing was logged.";
        else if (touch_day > v.today) ui.touch_future_confirm = true;
        else log = true;
    }
    if (log) {
        Interaction i;
        i.day = touch_day;
        i.channel = static_cast<Channel>(ui.touch_channel);
        i.note = ui.touch_note;
        out.log_touch = std::make_pair(c.id, i);
        ui.touch_note.clear();
        ui.touch_day = FormatDay(v.today);
        ui.touch_day_error.clear();
        ui.touch_future_confirm = false;
    }
    ImGui::SameLine();
    if (Button("Snooze a week##snooze")) out.snooze = std::make_pair(c.id, v.today + 7);

    Gap(0.4f);
    HeadingText(GetFonts().h2, "Details", 2);
    changed |= ContactField("Name", c.name);
    changed |= ContactField("Company", c.company);
    changed |= ContactField("Role", c.role);
    changed |= ContactField("Industry", c.industry);
    changed |= ContactField("Location", c.location);
    changed |= ContactField("Email", c.email);
    changed |= ContactField("Profile URL", c.profile_url, "https://");
    changed |= ContactField("How and where we met", c.met);
    if (ui.tags_for != c.id) ui.tags_typed = JoinList(c.tags);
    if (ContactField("Tags (comma-separated)", ui.tags_typed)) {
        ui.tags_for = c.id;
        c.tags = SplitList(ui.tags_typed);
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

    float avail = ImGui::GetContentRegionAvail().x;
    if (c.tier == Tier::None && c.not_now != kNoDay)
        MutedText("Set aside with \"Not now\" in Triage on " + FormatDay(c.not_now) +
                  ": Triage no longer offers this contact, and nothing is scheduled until you give a tier.");
    FieldLabel(c.tier == Tier::None ? "Tier (how often to keep in touch; none yet, so nothing is scheduled)"
                                    : "Tier (how often to keep in touch)",
               avail);
    std::vector<std::string> tiers;
    for (int i = 0; i < 4; ++i) tiers.push_back(std::string(TierName(static_cast<Tier>(i))) + " (" + kTierHints[i] + ")");
    int t = RadioPills("Tier", tiers, static_cast<int>(c.tier), avail);
    if (t >= 0 && t != static_cast<int>(c.tier)) {
        c.tier = static_cast<Tier>(t);
        c.not_now = kNoDay;  // a tier is the decision now (as in Triage)
        changed = true;
    }
    // Applied as soon as it reads as a number; otherwise kept as typed (here, not in
    // the contact) with what is wrong said under it, until it is fixed or left empty.
    if (ui.cadence_for != c.id) ui.cadence = c.cadence_days ? std::to_string(c.cadence_days) : std::string();
    char hint[64];
    if (c.tier == Tier::None) std::snprintf(hint, sizeof hint, "no tier: no default");
    else std::snprintf(hint, sizeof hint, "tier default: %d", DefaultCadenceDays(c.tier));
    int days = 0;
    if (ContactField("Keep in touch every N days (empty = the tier's)", ui.cadence, hint)) {
        ui.cadence_for = c.id;
        if (ParseCadenceDays(ui.cadence, days) && days != c.cadence_days) {
            c.cadence_days = days;
            changed = true;
        }
    }
    if (ui.cadence_for == c.id && !ParseCadenceDays(ui.cadence, days)) {
        WrappedText("Keep in touch every N days: \"" + ui.cadence +
                        "\" is not a number of days. Type a whole number up to 9999, or leave it empty for the tier's " +
                        std::to_string(DefaultCadenceDays(c.tier)) + " days; until then it stays at " +
                        (c.cadence_days ? std::to_string(c.cadence_days) + " days." : std::string("the tier's default.")),
                    Colors().error);
    } else if (ui.cadence_for == c.id && !FieldEditing()) {
        ui.cadence_for = 0;  // valid and left: show the contact's value again
    }
    FieldLabel("Stage", avail);
    std::vector<std::string> stages;
    for (int i = 0; i < 6; ++i) stages.push_back(StageName(static_cast<Stage>(i)));
    int s = RadioPills("Stage", stages, static_cast<int>(c.stage), avail);
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
    {
        SemScope scope(Role::List, "History", la, ImVec2(la.x + ImGui::GetContentRegionAvail().x, la.y + Em() * 2));
        for (size_t i = c.log.size(); i-- > 0;) {
            const Interaction& it = c.log[i];
            std::string line = FormatDay(it.day) + " \xC2\xB7 " + kChannels[static_cast<int>(it.channel) % 6];
            if (!it.note.empty()) line += " \xC2\xB7 " + it.note;
            if (it.help != Help::None) line += std::string(it.help == Help::Given ? " \xC2\xB7 help given" : " \xC2\xB7 help received") +
                                              (it.help_note.empty() ? "" : ": " + it.help_note);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::Bullet();  // then the line, which may hold any script (Text, not BulletText)
            Text(line);
            ImGui::PopTextWrapPos();
            SemListItem(line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
    }

    if (v.templates && (!v.templates->outreach.empty() || !v.templates->thank_you.empty())) {
        Gap(0.4f);
        HeadingText(GetFonts().h2, "Message templates", 2);
        MutedText("Filled in with this contact's details; a part in [brackets] is for you to fill. Copy one, then make "
                  "it your own before you send it.");
        // {event}: the latest event this person was met at, if any.
        std::string met_at;
        Day met_day = kNoDay;
        for (const Event& e : p.events)
            if (std::find(e.met.begin(), e.met.end(), c.id) != e.met.end() && (met_at.empty() || e.day > met_day)) {
                met_at = e.name;
                met_day = e.day;
            }
        auto show = [&](const MessageTemplate& m) {
            std::string text = FillTemplate(m.text, c, met_at);
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
        SemScope scope(Role::Dialog, "Delete this contact?", da, ImVec2(da.x + Em() * 30, da.y + Em() * 5));
        WrappedText("Delete " + c.name + " and their history? This cannot be undone.", Colors().text);
        if (Button("Delete##confirm_del")) {
            out.remove = std::make_pair(RecordKind::Contact, c.id);
            ui.confirm_delete = false;
        }
        ImGui::SameLine();
        if (Button("Keep##cancel_del", "Keep this contact")) ui.confirm_delete = false;
    }
    if (changed) out.put_contact = c;
}

}  // namespace wb::ui
