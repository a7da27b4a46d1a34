// Goals: weekly or monthly targets with progress, starters, your own.
#include <algorithm>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

// Each GoalKind, in its order: its name, and what it counts.
struct GoalWords {
    const char* name;
    const char* noun;
};
const GoalWords kGoalWords[] = {{"New contacts", "new contacts"},
                                {"Follow-ups", "follow-ups"},
                                {"Events", "events attended"},
                                {"Social media actions", "social media actions"}};
const char* const kGoalNounsOne[] = {"new contact", "follow-up", "event attended", "social media action"};
// The noun that agrees with `n`: "1 new contact a week", "2 new contacts a week".
const char* GoalNoun(GoalKind k, int n = 2) {
    return n == 1 ? kGoalNounsOne[static_cast<int>(k) & 3] : kGoalWords[static_cast<int>(k) & 3].noun;
}
std::vector<std::string> GoalKindNames() {
    std::vector<std::string> names;
    for (const GoalWords& w : kGoalWords) names.push_back(w.name);
    return names;
}
const char* PeriodWords(const Goal& g) { return g.period == GoalPeriod::Week ? " this week" : " this month"; }
std::string GoalText(const Goal& g, int done) {
    return std::to_string(done) + " of " + std::to_string(g.target) + " " + GoalNoun(g.kind, g.target) + PeriodWords(g);
}
std::string GoalLabel(const Goal& g) {
    return std::to_string(g.target) + " " + GoalNoun(g.kind, g.target) + (g.period == GoalPeriod::Week ? " a week" : " a month");
}

}  // namespace

// Each goal with its progress this period, then starters from the templates and a form for one's own.
void DrawGoals(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    float width = PageStart("Goals", v.planner.goals.empty(),
                            "No goals yet. A small weekly number \xE2\x80\x94 say five follow-ups \xE2\x80\x94 turns "
                            "networking into a habit you can see. Pick a starter goal below or set your own.");
    const Planner& p = v.planner;

    for (const Goal& g : p.goals) {
        ImGui::PushID(static_cast<int>(g.id));
        Gap(0.4f);
        int done = Progress(p, g, v.today);
        std::string text = GoalText(g, done);
        if (g.target > 0 && done >= g.target) text += " \xE2\x9C\x93 reached";
        WrappedText(text, Colors().text);
        std::string name = std::string(kGoalWords[static_cast<int>(g.kind) & 3].name) +
                           (g.period == GoalPeriod::Week ? " per week" : " per month");
        ProgressBar(g.target > 0 ? static_cast<float>(done) / g.target : 0.0f, name.c_str(), text.c_str(), width);
        Flow flow(width);
        bool editing = ui.editing == g.id;
        flow.Next("Change target");
        if (Button(editing ? "Close##edit" : "Change target##edit", ((editing ? "Close " : "Change target: ") + name).c_str())) {
            ui.editing = editing ? 0 : g.id;
        }
        flow.Next("Delete");
        DeleteWithConfirm(f, RecordKind::Goal, g.id, name, width, out);
        if (ui.editing == g.id) {
            if (!Continuing(f.goal_seen) || f.goal.id != g.id || f.goal.rev != g.rev) f.goal = g;
            if (SliderInt("##target", ("Target: " + name).c_str(), f.goal.target, 1, 50, std::min(width, Em() * 16)))
                out.put_goal = f.goal;
        }
        ImGui::PopID();
    }

    SubHeading("Add a goal");
    if (v.templates)
        for (size_t i = 0; i < v.templates->goals.size(); ++i) {
            Goal g = v.templates->goals[i];
            g.id = 0;
            if (StarterRow(i, GoalLabel(g), "Add goal: ")) out.put_goal = g;
        }
    if (AddToggle(f, RecordKind::Goal, "Set your own##add", "Set your own goal")) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Region, "Your own goal", a, ImVec2(a.x + width, a.y + Em() * 8));
        LabelledRadio("What to count", GoalKindNames(), f.add_kind, width);
        LabelledRadio("Per", {"Week", "Month"}, f.add_period, width);
        SliderInt("##add_target", "Target", f.add_target, 1, 50, std::min(width, Em() * 16));
        if (AddFormEnd(f, "Add##add_goal", "Add the goal", "Cancel adding a goal", width)) {
            f.adding.reset();
            Goal& g = out.put_goal.emplace();
            g.kind = static_cast<GoalKind>(std::clamp(f.add_kind, 0, 3));
            g.period = static_cast<GoalPeriod>(std::clamp(f.add_period, 0, 1));
            g.target = f.add_target;
        }
    }
}

}  // namespace wb::ui
