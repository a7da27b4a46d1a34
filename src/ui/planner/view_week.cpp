// This week: overdue, due, never contacted and coming events, each contact
// with one-click "log a touch" and "snooze".
#include <algorithm>
#include "core/strings.h"
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {


// One-click actions on a contact line (This week).
void ContactActions(const Contact& c, Day today, PlannerIntents& out) {
    std::string line = ContactDueLine(c, today);
    ImGui::PushID(static_cast<int>(c.id));
    std::string href = ContactHref(c.id);
    if (LinkRow((line + "##open").c_str(), false, line.c_str(), nullptr, href.c_str())) out.open_contact = c.id;
    std::string touch = TrF("week.log_a_touch_with_name", {{"name", c.name}});
    if (Button(TrId("common.log_a_touch", "touch"), touch.c_str())) {
        Interaction i;
        i.day = today;
        i.channel = Channel::Message;
        out.log_touch = std::make_pair(c.id, i);
    }
    ImGui::SameLine();
    std::string snooze = TrF("week.snooze_name_a_week", {{"name", c.name}});
    if (Button(TrId("common.snooze_a_week", "snooze"), snooze.c_str())) out.snooze = std::make_pair(c.id, today + 7);
    ImGui::PopID();
    Gap(0.2f);
}

}  // namespace

void DrawWeek(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    PageHeading(Tr("week.this_week"));
    ImGui::PushTextWrapPos(0.0f);
    if (p.contacts.empty()) {
        MutedText(Tr("week.your_planner_is_empty_the"));
        if (Button(TrId("week.add_or_import_contacts", "empty_go"))) out.go = PlannerPage::Contacts;
        ImGui::PopTextWrapPos();
        return;
    }
    Agenda ag = ComputeAgenda(p, v.today);
    const std::string summary = TrN("week.summary", static_cast<long long>(ag.upcoming_events.size()),
                                    {{"overdue", Grouped(ag.overdue.size())},
                                     {"due", Grouped(ag.due.size())},
                                     {"never", Grouped(ag.never_contacted.size())}});
    WrappedText(summary, Colors().text);
    if (ag.untiered > 0) {
        // Imported connections start without a tier: say so, and where to sort them.
        size_t imported = 0;
        for (const Contact& c : p.contacts) imported += c.tier == Tier::None && c.source != "manual" && !c.source.empty();
        Gap(0.3f);
        WrappedText(imported == ag.untiered ? TrN("week.imported_untiered", static_cast<long long>(imported))
                                            : TrN("week.untiered", static_cast<long long>(ag.untiered)),
                    Colors().text);
        // Triage first: one card at a time, one key each.
        Flow flow(ImGui::GetContentRegionAvail().x);
        if (ag.awaiting_triage > 0) {
            std::string sort = Tr("week.sort_the") + TrN("count.contacts", static_cast<long long>(ag.awaiting_triage)) + TrId("week.waiting_one_by_one", "triage");
            flow.Next(sort.c_str());
            if (Button(sort.c_str())) out.go = PlannerPage::Triage;
        }
        std::string label = Tr("week.show_the") + TrN("count.contacts", static_cast<long long>(ag.untiered)) + TrId("week.without_a_tier", "untiered");
        flow.Next(label.c_str());
        if (Button(label.c_str())) {
            ui.query = {};
            ui.query.tier = static_cast<int>(Tier::None);
            ui.rows_dirty = true;
            out.go = PlannerPage::Contacts;
        }
        if (ag.awaiting_triage < ag.untiered)
            MutedText(TrN("week.set_aside_not_now", static_cast<long long>(ag.untiered - ag.awaiting_triage)));
    }
    for (const Goal& g : p.goals) {
        int have = Progress(p, g, v.today);
        static const Key kinds[] = {Key("week.goal_new_contacts"), Key("week.goal_follow_ups"), Key("week.goal_events"), Key("week.goal_social")};
        const Key period = g.period == GoalPeriod::Week ? Key("week.goal_this_week") : Key("week.goal_this_month");
        MutedText(TrN(kinds[static_cast<int>(g.kind) & 3], g.target, {{"have", std::to_string(have)}, {"period", Tr(period)}}));
    }

    auto section = [&](const char* title, const std::vector<Id>& ids, size_t cap) {
        Gap(0.4f);
        const std::string h = TrF("week.section_heading", {{"title", title}, {"n", Grouped(ids.size())}});
        HeadingText(GetFonts().h2, h.c_str(), 2);
        if (ids.empty()) {
            MutedText(Tr("week.nothing_here"));
            return;
        }
        ImVec2 a = ImGui::GetCursorScreenPos();
        size_t n = std::min(ids.size(), cap);
        {
            SemScope scope(Role::List, title, a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 3));
            for (size_t i = 0; i < n; ++i)
                if (const Contact* c = FindContact(p, ids[i])) ContactActions(*c, v.today, out);
        }
        if (ids.size() > n) {
            MutedText(TrN("week.more_in_contacts", static_cast<long long>(ids.size() - n)));
        }
    };
    section(Tr("week.overdue_2"), ag.overdue, 25);
    section(Tr("week.due_this_week"), ag.due, 25);
    section(Tr("common.never_contacted"), ag.never_contacted, 10);

    Gap(0.4f);
    const std::string h = TrF("week.events_heading", {{"n", Grouped(ag.upcoming_events.size())}});
    HeadingText(GetFonts().h2, h.c_str(), 2);
    if (ag.upcoming_events.empty()) MutedText(Tr("week.none_planned_attending_industry_events"));
    for (Id id : ag.upcoming_events) {
        const Event* e = FindEvent(p, id);
        if (!e) continue;
        std::string line = FormatDay(e->day) + " \xC2\xB7 " + e->name + (e->place.empty() ? "" : " \xC2\xB7 " + e->place);
        ImGui::PushID(static_cast<int>(id));
        const std::string href = "#/planner/events/" + std::to_string(id);
        if (LinkRow((line + "##ev").c_str(), false, line.c_str(), nullptr, href.c_str())) {
            ui.editing = id;
            out.go = PlannerPage::Events;
        }
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace wb::ui
