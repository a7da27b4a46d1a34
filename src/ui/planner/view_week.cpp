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

}  // namespace wb::ui
