// One contact: log a touch, their details, tier, cadence and stage, history,
// message templates, delete.
#include <algorithm>
#include "core/strings.h"
#include <cstdio>

#include "imgui_internal.h"  // GetActiveID
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const Key kTierHints[] = {Key("tier.monthly"), Key("common.every_2_months"), Key("tier.quarterly"), Key("tier.yearly")};
const Key kChannels[] = {Key("contact.in_person"), Key("contact.call"), Key("common.email"), Key("contact.message"), Key("contact.event"), Key("contact.social")};

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
    if (Button(TrId("contact.all_contacts", "back"), Tr("contact.back_to_all_contacts"))) out.go = PlannerPage::Contacts;
    if (!found) {
        PageHeading(Tr("contact.contact"));
        MutedText(Tr("contact.this_contact_is_no_longer"));
        return;
    }
    Contact c = *found;  // edited here; sent back whole when anything changed
    bool changed = false;
    PageHeading(c.name.empty() ? Tr("common.no_name") : c.name.c_str());
    // "Connected on" is a fact from the import, not a touch: said apart from the last touch.
    WrappedText(DueWords(c, v.today) + (LastTouch(c) != kNoDay ? Tr("contact.last_touch") + FormatDay(LastTouch(c)) : std::string()) +
                    (c.connected != kNoDay ? Tr("contact.connected_on") + FormatDay(c.connected) : std::string()),
                StatusOf(c, v.today) == FollowUpStatus::Overdue ? Colors().error : Colors().text_muted);

    // One-off actions first: what the learner most often comes here for.
    HeadingText(GetFonts().h2, Tr("common.log_a_touch"), 2);
    // The field starts at today and then holds exactly what is typed: emptied, it
    // stays empty (and blocks the log), so typing a date never mixes with today's.
    if (ui.touch_day_for != c.id) {
        ui.touch_day = FormatDay(v.today);
        ui.touch_day_for = c.id;
        ui.touch_day_error.clear();
        ui.touch_future_confirm = false;
    }
    if (CheckedField("##touch_day", Tr("contact.date_of_the_touch"), ui.touch_day, FieldWidth(), Tr("contact.yyyy_mm_dd_or_t"),
                     ui.touch_day_error)) {
        ui.touch_day_error.clear();  // said again at the next Log if still wrong
        ui.touch_future_confirm = false;
    }
    if (DatePicker(ui.calendar, "##touch_day", Tr("contact.date_of_the_touch"), ui.touch_day, FieldWidth())) {
        ui.touch_day_error.clear();
        ui.touch_future_confirm = false;
    }
    int ch = RadioPills(Tr("contact.channel"), Options(kChannels, 6), ui.touch_channel, ImGui::GetContentRegionAvail().x);
    if (ch >= 0) ui.touch_channel = ch;
    ContactField(Tr("contact.what_happened"), ui.touch_note, Tr("contact.e_g_coffee_chat_about"));
    Day touch_day = kNoDay;
    std::string why;
    const bool date_ok = ParseDateInput(ui.touch_day, v.today, touch_day, why);
    bool log = false;
    if (ui.touch_future_confirm && date_ok && touch_day > v.today) {
        const std::string when = FormatDay(touch_day);
        ImVec2 qa = ImGui::GetCursorScreenPos();
        const std::string q = TrF("contact.touch_in_the_future_q", {{"date", when}, {"from_now", DaysFromNow(touch_day, v.today)}});
        SemScope scope(Role::Group, q.c_str(), qa, ImVec2(qa.x + FieldWidth(), qa.y + Em() * 3));
        WrappedText(q, Colors().text);
        if (Button((TrF("contact.yes_log_it_on_date", {{"date", when}}) + "##log_future").c_str())) log = true;
        ImGui::SameLine();
        if (Button(TrId("contact.change_the_date", "no_future"))) ui.touch_future_confirm = false;
    } else if (Button(TrId("contact.log_this_touch", "log"))) {
        if (!date_ok) ui.touch_day_error = TrF("contact.touch_date_problem", {{"why", why}});
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
    if (Button(TrId("common.snooze_a_week", "snooze"))) out.snooze = std::make_pair(c.id, v.today + 7);

    Gap(0.4f);
    HeadingText(GetFonts().h2, Tr("contact.details"), 2);
    changed |= ContactField(Tr("common.name"), c.name);
    changed |= ContactField(Tr("common.company"), c.company);
    changed |= ContactField(Tr("contact.role"), c.role);
    changed |= ContactField(Tr("common.industry"), c.industry);
    changed |= ContactField(Tr("common.location"), c.location);
    changed |= ContactField(Tr("common.email"), c.email);
    changed |= ContactField(Tr("contact.profile_url"), c.profile_url, "https://");
    changed |= ContactField(Tr("contact.how_and_where_we_met"), c.met);
    if (ui.tags_for != c.id) ui.tags_typed = JoinList(c.tags);
    if (ContactField(Tr("contact.tags_comma_separated"), ui.tags_typed)) {
        ui.tags_for = c.id;
        c.tags = SplitList(ui.tags_typed);
        changed = true;
    } else if (ui.tags_for == c.id && !FieldEditing()) {
        ui.tags_for = 0;  // left: show the tags as stored
    }
    if (c.introduced_by) {
        if (const Contact* by = FindContact(p, c.introduced_by)) {
            std::string l = TrF("contact.introduced_by_name", {{"name", by->name}});
            if (LinkRow((l + "##introducer").c_str(), false, l.c_str())) out.open_contact = by->id;
        }
    }

    float avail = ImGui::GetContentRegionAvail().x;
    if (c.tier == Tier::None && c.not_now != kNoDay)
        MutedText(TrF("contact.set_aside_not_now_on", {{"date", FormatDay(c.not_now)}}));
    FieldLabel(c.tier == Tier::None ? Tr("contact.tier_how_often_to_keep")
                                    : Tr("contact.tier_how_often_to_keep_2"),
               avail);
    std::vector<std::string> tiers;
    for (int i = 0; i < 4; ++i) tiers.push_back(std::string(TierName(static_cast<Tier>(i))) + " (" + Tr(kTierHints[i]) + ")");
    int t = RadioPills(Tr("common.tier"), tiers, static_cast<int>(c.tier), avail);
    if (t >= 0 && t != static_cast<int>(c.tier)) {
        c.tier = static_cast<Tier>(t);
        c.not_now = kNoDay;  // a tier is the decision now (as in Triage)
        changed = true;
    }
    // Applied as soon as it reads as a number; otherwise kept as typed (here, not in
    // the contact) with what is wrong said under it, until it is fixed or left empty.
    if (ui.cadence_for != c.id) ui.cadence = c.cadence_days ? std::to_string(c.cadence_days) : std::string();
    const std::string hint = c.tier == Tier::None ? std::string(Tr("contact.no_tier_no_default"))
                                                  : TrF("contact.tier_default", {{"days", std::to_string(DefaultCadenceDays(c.tier))}});
    int days = 0;
    if (ContactField(Tr("contact.keep_in_touch_every_n"), ui.cadence, hint.c_str())) {
        ui.cadence_for = c.id;
        if (ParseCadenceDays(ui.cadence, days) && days != c.cadence_days) {
            c.cadence_days = days;
            changed = true;
        }
    }
    if (ui.cadence_for == c.id && !ParseCadenceDays(ui.cadence, days)) {
        const std::string tier_days = std::to_string(DefaultCadenceDays(c.tier));
        WrappedText(c.cadence_days ? TrF("contact.cadence_invalid_kept", {{"typed", ui.cadence}, {"tier_days", tier_days},
                                                                         {"days", std::to_string(c.cadence_days)}})
                                   : TrF("contact.cadence_invalid_default", {{"typed", ui.cadence}, {"tier_days", tier_days}}),
                    Colors().error);
    } else if (ui.cadence_for == c.id && !FieldEditing()) {
        ui.cadence_for = 0;  // valid and left: show the contact's value again
    }
    FieldLabel(Tr("common.stage"), avail);
    std::vector<std::string> stages;
    for (int i = 0; i < 6; ++i) stages.push_back(StageName(static_cast<Stage>(i)));
    int s = RadioPills(Tr("common.stage"), stages, static_cast<int>(c.stage), avail);
    if (s >= 0 && s != static_cast<int>(c.stage)) {
        c.stage = static_cast<Stage>(s);
        changed = true;
    }
    ImGui::TextUnformatted(Tr("common.notes"));
    changed |= TextArea("##notes", Tr("common.notes"), c.notes, ImVec2(std::min(ImGui::GetContentRegionAvail().x, Em() * 32), Em() * 6));

    Gap(0.4f);
    const std::string hh = TrF("contact.history_heading", {{"n", Grouped(c.log.size())}});
    HeadingText(GetFonts().h2, hh.c_str(), 2);
    if (c.log.empty()) MutedText(Tr("contact.no_touches_yet_the_first"));
    ImVec2 la = ImGui::GetCursorScreenPos();
    {
        SemScope scope(Role::List, Tr("contact.history"), la, ImVec2(la.x + ImGui::GetContentRegionAvail().x, la.y + Em() * 2));
        for (size_t i = c.log.size(); i-- > 0;) {
            const Interaction& it = c.log[i];
            std::string line = FormatDay(it.day) + " \xC2\xB7 " + Tr(kChannels[static_cast<int>(it.channel) % 6]);
            if (!it.note.empty()) line += " \xC2\xB7 " + it.note;
            if (it.help != Help::None) line += std::string(it.help == Help::Given ? Tr("contact.help_given") : Tr("contact.help_received")) +
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
        HeadingText(GetFonts().h2, Tr("contact.message_templates"), 2);
        MutedText(Tr("contact.filled_in_with_this_contact"));
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
            std::string name = Tr("contact.copy") + m.title + "\"";
            if (Button(TrId("contact.copy_2", "copy"), name.c_str())) ImGui::SetClipboardText(text.c_str());
            ImGui::PopID();
        };
        for (const MessageTemplate& m : v.templates->outreach) show(m);
        for (const MessageTemplate& m : v.templates->thank_you) show(m);
    }

    Gap(0.6f);
    if (!ui.confirm_delete) {
        if (Button(TrId("contact.delete_this_contact", "del"), Tr("contact.delete_this_contact_2"))) ui.confirm_delete = true;
    } else {
        ImVec2 da = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Dialog, Tr("contact.delete_this_contact_3"), da, ImVec2(da.x + Em() * 30, da.y + Em() * 5));
        WrappedText(TrF("contact.delete_with_history_q", {{"name", c.name}}), Colors().text);
        if (Button(TrId("common.delete_2", "confirm_del"))) {
            out.remove = std::make_pair(RecordKind::Contact, c.id);
            ui.confirm_delete = false;
        }
        ImGui::SameLine();
        if (Button(TrId("contact.keep", "cancel_del"), Tr("contact.keep_this_contact"))) ui.confirm_delete = false;
    }
    if (changed) out.put_contact = c;
}

}  // namespace wb::ui
