// Goals: weekly or monthly targets with progress, starters, your own.
#include <algorithm>
#include "core/strings.h"
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

// Each GoalKind, in its order: its name, and what it counts.
struct GoalWords {
    Key name;
    Key noun;
};
const GoalWords kGoalWords[] = {{Key("goals.new_contacts"), Key("goals.new_contacts_2")},
                                {Key("goals.follow_ups"), Key("goals.follow_ups_noun")},
                                {Key("common.events"), Key("goals.events_attended")},
                                {Key("goals.social_media_actions"), Key("goals.social_media_actions_2")}};
const Key kGoalNounsOne[] = {Key("goals.new_contact"), Key("goals.follow_up_noun"), Key("goals.event_attended"), Key("goals.social_media_action")};
// The noun that agrees with `n`: "1 new contact a week", "2 new contacts a week".
const char* GoalNoun(GoalKind k, int n = 2) {
    return n == 1 ? Tr(kGoalNounsOne[static_cast<int>(k) & 3]) : Tr(kGoalWords[static_cast<int>(k) & 3].noun);
}
std::vector<std::string> GoalKindNames() {
    std::vector<std::string> names;
    for (const GoalWords& w : kGoalWords) names.push_back(Tr(w.name));
    return names;
}
const char* PeriodWords(const Goal& g) { return g.period == GoalPeriod::Week ? Tr("goals.this_week") : Tr("goals.this_month"); }
std::string GoalText(const Goal& g, int done) {
    return TrF("goals.progress", {{"done", std::to_string(done)}, {"target", std::to_string(g.target)},
                                  {"noun", GoalNoun(g.kind, g.target)}, {"period", PeriodWords(g)}});
}
std::string GoalLabel(const Goal& g) {
    return TrF("goals.label", {{"target", std::to_string(g.target)}, {"noun", GoalNoun(g.kind, g.target)},
                               {"period", g.period == GoalPeriod::Week ? Tr("goals.a_week") : Tr("goals.a_month")}});
}

}  // namespace

// Each goal with its progress this period, then starters from the templates and a form for one's own.
void DrawGoals(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    float width = PageStart(Tr("goals.goals"), v.planner.goals.empty(),
                            Tr("goals.no_goals_yet_a_small"));
    const Planner& p = v.planner;

    for (const Goal& g : p.goals) {
        ImGui::PushID(static_cast<int>(g.id));
        Gap(0.4f);
        int done = Progress(p, g, v.today);
        std::string text = GoalText(g, done);
        if (g.target > 0 && done >= g.target) text = TrF("goals.progress_reached", {{"progress", text}});
        WrappedText(text, Colors().text);
        std::string name = TrF(g.period == GoalPeriod::Week ? Key("goals.kind_per_week") : Key("goals.kind_per_month"),
                               {{"kind", Tr(kGoalWords[static_cast<int>(g.kind) & 3].name)}});
        ProgressBar(g.target > 0 ? static_cast<float>(done) / g.target : 0.0f, name.c_str(), text.c_str(), width);
        Flow flow(width);
        bool editing = ui.editing == g.id;
        flow.Next(Tr("goals.change_target"));
        if (Button(editing ? TrId("common.close", "edit") : TrId("goals.change_target", "edit"), TrF(editing ? Key("common.close_name") : Key("goals.change_target_name"), {{"name", name}}).c_str())) {
            ui.editing = editing ? 0 : g.id;
        }
        flow.Next(Tr("common.delete_2"));
        DeleteWithConfirm(f, RecordKind::Goal, g.id, name, width, out);
        if (ui.editing == g.id) {
            if (!Continuing(f.goal_seen) || f.goal.id != g.id || f.goal.rev != g.rev) f.goal = g;
            if (SliderInt("##target", TrF("goals.target_name", {{"name", name}}).c_str(), f.goal.target, 1, 50, std::min(width, Em() * 16)))
                out.put_goal = f.goal;
        }
        ImGui::PopID();
    }

    SubHeading(Tr("goals.add_a_goal"));
    if (v.templates)
        for (size_t i = 0; i < v.templates->goals.size(); ++i) {
            Goal g = v.templates->goals[i];
            g.id = 0;
            if (StarterRow(i, GoalLabel(g), Tr("goals.add_goal_what"))) out.put_goal = g;
        }
    if (AddToggle(f, RecordKind::Goal, TrId("goals.set_your_own", "add"), Tr("goals.set_your_own_goal"))) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Region, Tr("goals.your_own_goal"), a, ImVec2(a.x + width, a.y + Em() * 8));
        LabelledRadio(Tr("goals.what_to_count"), GoalKindNames(), f.add_kind, width);
        LabelledRadio(Tr("goals.per"), {Tr("goals.week"), Tr("goals.month")}, f.add_period, width);
        SliderInt("##add_target", Tr("goals.target_2"), f.add_target, 1, 50, std::min(width, Em() * 16));
        if (AddFormEnd(f, TrId("common.add_2", "add_goal"), Tr("goals.add_the_goal"), Tr("goals.cancel_adding_a_goal"), width)) {
            f.adding.reset();
            Goal& g = out.put_goal.emplace();
            g.kind = static_cast<GoalKind>(std::clamp(f.add_kind, 0, 3));
            g.period = static_cast<GoalPeriod>(std::clamp(f.add_period, 0, 1));
            g.target = f.add_target;
        }
    }
}

}  // namespace wb::ui
