// The social media plan: habits with streaks, starters from the templates, your own.
#include <algorithm>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const char* const kActions[] = {"Update profile", "Post", "Comment", "Share"};
// What each SocialAction asks of the learner, in its order.
const char* const kActionVerbs[] = {"update your profile", "post", "comment on others' posts", "share something useful"};
const char* ActionVerb(SocialAction a) { return kActionVerbs[static_cast<int>(a) & 3]; }
std::string PlanTitle(const SocialPlan& s) {
    return (s.platform.empty() ? std::string("Social media") : s.platform) + ": " + ActionVerb(s.action) + " every " +
           std::to_string(s.every_days) + (s.every_days == 1 ? " day" : " days");
}

}  // namespace

void DrawSocial(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    const Planner& p = v.planner;
    float width = PageStart("Social media plan", p.social.empty(),
                            "No social media plan yet. A small habit kept up \xE2\x80\x94 a comment twice a week, a "
                            "post a month \xE2\x80\x94 keeps you visible to your network. Start with one of these, or "
                            "make your own.");

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
            if (!Continuing(f.social_seen) || f.social.id != s.id || f.social.rev != s.rev) f.social = s;
            SocialPlan& d = f.social;
            bool put = Field("##platform", "Platform", d.platform, width, "e.g. LinkedIn");
            int action = static_cast<int>(d.action);
            if (LabelledRadio("Action", Options(kActions, 4), action, width)) {
                d.action = static_cast<SocialAction>(action);
                put = true;
            }
            put |= SliderInt("##every", "Every how many days", d.every_days, 1, 60, width);
            if (put) out.put_social = d;
            DeleteWithConfirm(f, RecordKind::Social, s.id, title, width, out);
        }
        ImGui::PopID();
    }

    SubHeading("Add to the plan");
    const std::vector<SocialPlan> none;
    const std::vector<SocialPlan>& starters = v.templates ? v.templates->social : none;
    for (size_t i = 0; i < starters.size(); ++i) {
        SocialPlan plan = starters[i];
        plan.id = 0;
        plan.done.clear();
        plan.every_days = std::max(1, plan.every_days);
        if (StarterRow(i, PlanTitle(plan), "Add: ")) out.put_social = plan;
    }
    if (AddToggle(f, RecordKind::Social, "Make your own##add", "Add your own social media habit")) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Region, "Your own habit", a, ImVec2(a.x + width, a.y + Em() * 8));
        Field("##add_platform", "Platform", f.add_name, width, "e.g. LinkedIn");
        LabelledRadio("Action", Options(kActions, 4), f.add_action, width);
        SliderInt("##add_every", "Every how many days", f.add_every, 1, 60, width);
        if (AddFormEnd(f, "Add##add_social", "Add the habit", "Cancel adding a habit", width, f.add_name.empty())) {
            SocialPlan plan;
            plan.platform = f.add_name;
            plan.action = static_cast<SocialAction>(std::clamp(f.add_action, 0, 3));
            plan.every_days = f.add_every;
            out.put_social = plan;
            f.adding.reset();
        }
    }
}

}  // namespace wb::ui
