// This week: overdue, due, never contacted and coming events, each contact
// with one-click "log a touch" and "snooze".
#include <algorithm>
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
    std::string summary = std::to_string(ag.overdue.size()) + " overdue, " + std::to_string(ag.due.size()) +
                          " due in the next 7 days, " + std::to_string(ag.never_contacted.size()) + " never contacted, " +
                          CountOf(ag.upcoming_events.size(), "event", "events") + " coming up.";
    WrappedText(summary, Colors().text);
    if (ag.untiered > 0) {
        // Imported connections start without a tier: say so, and where to sort them.
        size_t imported = 0;
        for (const Contact& c : p.contacts) imported += c.tier == Tier::None && c.source != "manual" && !c.source.empty();
        Gap(0.3f);
        std::string what = imported == ag.untiered
                               ? "You imported " + CountOf(imported, "connection", "connections") + ". " +
                                     (imported == 1 ? "It is" : "None is") +
                                     " due: an imported connection has no tier and no follow-up until you give it one."
                               : CountOf(ag.untiered, "contact has", "contacts have") +
                                     " no tier yet, so no follow-up is scheduled for them.";
        WrappedText(what + " Give the people who matter a tier (Inner, Close, Active or Extended): their follow-ups "
                           "start from your last touch.",
                    Colors().text);
        // Triage first: one card at a time, one key each.
        Flow flow(ImGui::GetContentRegionAvail().x);
        if (ag.awaiting_triage > 0) {
            std::string sort = "Sort the " + CountOf(ag.awaiting_triage, "contact", "contacts") + " waiting, one by one##triage";
            flow.Next(sort.c_str());
            if (Button(sort.c_str())) out.go = PlannerPage::Triage;
        }
        std::string label = "Show the " + CountOf(ag.untiered, "contact", "contacts") + " without a tier##untiered";
        flow.Next(label.c_str());
        if (Button(label.c_str())) {
            ui.query = {};
            ui.query.tier = static_cast<int>(Tier::None);
            ui.rows_dirty = true;
            out.go = PlannerPage::Contacts;
        }
        if (ag.awaiting_triage < ag.untiered)
            MutedText(CountOf(ag.untiered - ag.awaiting_triage, "of them was", "of them were") +
                      " set aside with \"Not now\" in Triage.");
    }
    for (const Goal& g : p.goals) {
        int have = Progress(p, g, v.today);
        static const char* kinds[] = {"new contacts", "follow-ups", "events", "social media actions"};
        static const char* kinds_one[] = {"new contact", "follow-up", "event", "social media action"};
        char line[160];
        std::snprintf(line, sizeof line, "Goal: %d of %d %s this %s", have, g.target,
                      (g.target == 1 ? kinds_one : kinds)[static_cast<int>(g.kind) & 3],
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
        size_t n = std::min(ids.size(), cap);
        {
            SemScope scope(Role::List, title, a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 3));
            for (size_t i = 0; i < n; ++i)
                if (const Contact* c = FindContact(p, ids[i])) ContactActions(*c, v.today, out);
        }
        if (ids.size() > n) {
            MutedText(std::to_string(ids.size() - n) + " more. Open Contacts and choose \"Only overdue or due this week\" to see them all.");
        }
    };
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
