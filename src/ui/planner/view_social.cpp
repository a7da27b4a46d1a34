// The social media plan: habits with streaks, starters from the templates, your own.
#include <algorithm>
#include "core/strings.h"
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const Key kActions[] = {Key("social.update_profile"), Key("social.post"), Key("social.comment"), Key("social.share")};
// What each SocialAction asks of the learner, in its order.
const Key kActionVerbs[] = {Key("social.update_your_profile"), Key("social.post_verb"), Key("social.comment_on_others_posts"), Key("social.share_something_useful")};
const char* ActionVerb(SocialAction a) { return Tr(kActionVerbs[static_cast<int>(a) & 3]); }
std::string PlanTitle(const SocialPlan& s) {
    return TrN("social.plan_title", s.every_days,
               {{"platform", s.platform.empty() ? std::string_view(Tr("social.social_media")) : std::string_view(s.platform)},
                {"action", ActionVerb(s.action)}});
}

}  // namespace

void DrawSocial(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    const Planner& p = v.planner;
    float width = PageStart(Tr("social.social_media_plan"), p.social.empty(),
                            Tr("social.no_social_media_plan_yet"));

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
        std::string line = done_today ? Tr("social.done_today") : due ? Tr("social.due_now") : TrF("social.done_for_now_next_due_date", {{"date", FormatDay(next_period)}});
        line += " " + (streak > 0 ? TrF("social.streak_in_a_row", {{"n", std::to_string(streak)}}) : std::string(Tr("social.no_streak_yet")));
        WrappedText(line, due ? StandingColor(Standing::Due) : Colors().text);
        if (!s.done.empty()) {
            std::string dates;
            int n = 0;
            for (auto it = s.done.rbegin(); it != s.done.rend() && n < 5; ++it, ++n) dates += (n ? Tr("list.separator") : "") + FormatDay(*it);
            MutedText(TrF("social.last_done_dates", {{"dates", dates}}));
        }
        Flow flow(width);
        flow.Next(Tr("social.done_today_2"));
        if (Button(TrId("social.done_today_2", "done"), TrF("social.done_today_name", {{"name", title}}).c_str(), ImVec2(0, 0), done_today)) out.social_done = s.id;
        flow.Next(Tr("common.edit"));
        bool editing = ui.editing == s.id;
        if (Button(editing ? TrId("common.close", "edit") : TrId("common.edit", "edit"), TrF(editing ? Key("common.close_name") : Key("common.edit_name"), {{"name", title}}).c_str())) {
            ui.editing = editing ? 0 : s.id;
        }
        if (ui.editing == s.id) {
            if (!Continuing(f.social_seen) || f.social.id != s.id || f.social.rev != s.rev) f.social = s;
            SocialPlan& d = f.social;
            bool put = Field("##platform", Tr("social.platform"), d.platform, width, Tr("social.e_g_linkedin"));
            int action = static_cast<int>(d.action);
            if (LabelledRadio(Tr("social.action"), Options(kActions, 4), action, width)) {
                d.action = static_cast<SocialAction>(action);
                put = true;
            }
            put |= SliderInt("##every", Tr("social.every_how_many_days"), d.every_days, 1, 60, width);
            if (put) out.put_social = d;
            DeleteWithConfirm(f, RecordKind::Social, s.id, title, width, out);
        }
        ImGui::PopID();
    }

    SubHeading(Tr("social.add_to_the_plan"));
    const std::vector<SocialPlan> none;
    const std::vector<SocialPlan>& starters = v.templates ? v.templates->social : none;
    for (size_t i = 0; i < starters.size(); ++i) {
        SocialPlan plan = starters[i];
        plan.id = 0;
        plan.done.clear();
        plan.every_days = std::max(1, plan.every_days);
        if (StarterRow(i, PlanTitle(plan), Tr("social.add_what"))) out.put_social = plan;
    }
    if (AddToggle(f, RecordKind::Social, TrId("social.make_your_own", "add"), Tr("social.add_your_own_social_media"))) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Region, Tr("social.your_own_habit"), a, ImVec2(a.x + width, a.y + Em() * 8));
        Field("##add_platform", Tr("social.platform"), f.add_name, width, Tr("social.e_g_linkedin"));
        LabelledRadio(Tr("social.action"), Options(kActions, 4), f.add_action, width);
        SliderInt("##add_every", Tr("social.every_how_many_days"), f.add_every, 1, 60, width);
        if (AddFormEnd(f, TrId("common.add_2", "add_social"), Tr("social.add_the_habit"), Tr("social.cancel_adding_a_habit"), width, f.add_name.empty())) {
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
