// Metrics: bar charts with their text equivalents.
#include <algorithm>
#include "core/strings.h"
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

struct Bar {
    std::string label;
    int value;
};

// A horizontal bar chart on the draw list, with its text equivalent recorded
// as a list ("Inner: 12"). `goal` > 0 draws a goal line.
void BarChart(const std::string& title, const std::vector<Bar>& bars, float width, int goal = 0, const char* goal_name = nullptr) {
    SubHeading(title);
    if (bars.empty()) {
        MutedText(Tr("metrics.nothing_to_show_yet"));
        return;
    }
    int most = std::max(goal, 1);
    for (const Bar& b : bars) most = std::max(most, b.value);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Label beside the bar; on a narrow page (a phone, large text) the label
    // goes above its bar so neither is squeezed.
    float num_w = ImGui::CalcTextSize(std::to_string(most).c_str()).x + Em() * 0.6f;
    float label_w = std::min(width * 0.42f, Em() * 12);
    bool stacked = width - label_w - num_w - Em() * 0.5f < Em() * 5;
    if (stacked) label_w = width;
    float bar_w = stacked ? width - num_w : width - label_w - num_w - Em() * 0.5f;
    ImVec2 la = ImGui::GetCursorScreenPos();
    {
        SemScope scope(Role::List, title.c_str(), la, ImVec2(la.x + width, la.y + Em() * 2));
        for (size_t i = 0; i < bars.size(); ++i) {
            const Bar& bar = bars[i];
            ImGui::PushID(static_cast<int>(i));
            ImVec2 p0 = ImGui::GetCursorScreenPos();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_w);
            Text(bar.label);
            ImGui::PopTextWrapPos();
            float label_h = ImGui::GetItemRectSize().y;
            float row_y = stacked ? p0.y + label_h : p0.y;
            float h = stacked ? Em() : std::max(label_h, Em());
            float x = stacked ? p0.x : p0.x + label_w + Em() * 0.5f;
            ImVec2 b0(x, row_y + 2), b1(x + bar_w, row_y + h - 2);
            dl->AddRectFilled(b0, b1, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
            dl->AddRect(b0, b1, ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
            if (bar.value > 0)
                dl->AddRectFilled(b0, ImVec2(b0.x + bar_w * bar.value / most, b1.y), Colors().accent, 3.0f);
            if (goal > 0) {
                float gx = b0.x + bar_w * goal / most;
                dl->AddLine(ImVec2(gx, b0.y - 2), ImVec2(gx, b1.y + 2), Colors().text, 2.0f);
            }
            std::string num = std::to_string(bar.value);
            dl->AddText(ImVec2(b1.x + Em() * 0.3f, row_y), Colors().text, num.c_str());
            float bottom = row_y + h;
            SemListItem(bar.label + ": " + num, p0, ImVec2(p0.x + width, bottom));
            ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + ImGui::GetStyle().ItemSpacing.y * 0.5f));
            ImGui::Dummy(ImVec2(0, 0));
            ImGui::PopID();
        }
    }
    if (goal > 0 && goal_name) MutedText(std::string(Tr("metrics.the_line_marks")) + goal_name + ": " + std::to_string(goal) + ".");
}

}  // namespace

void DrawMetrics(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = PageStart(Tr("metrics.metrics"), p.contacts.empty(),
                            Tr("metrics.no_metrics_yet_once_you"));
    if (p.contacts.empty()) return;
    // Metrics walk every contact and interaction: once per change, not per frame.
    MetricsCache& mc = ui.metrics;
    int64_t rev = NewestContactRev(p);
    if (mc.planner != &p || mc.contacts != p.contacts.size() || mc.newest_rev != rev || mc.today != v.today) {
        mc.metrics = ComputeMetrics(p, v.today);
        mc.planner = &p;
        mc.contacts = p.contacts.size();
        mc.newest_rev = rev;
        mc.today = v.today;
    }
    const Metrics& m = mc.metrics;

    const int total = static_cast<int>(p.contacts.size());
    int tiered = 0;
    for (int n : m.per_tier) tiered += n;
    WrappedText(TrN("metrics.summary", total, {{"weak", std::to_string(static_cast<int>(m.weak_tie_share * 100 + 0.5f))},
                                                {"overdue", std::to_string(m.overdue)}}),
                Colors().text);

    std::vector<Bar> tiers;
    for (int t = 0; t < kTierCount; ++t) tiers.push_back({TierName(static_cast<Tier>(t)), m.per_tier[t]});
    if (total > tiered) tiers.push_back({TierName(Tier::None), total - tiered});
    BarChart(Tr("metrics.contacts_per_tier"), tiers, width);

    std::vector<Bar> industries;
    // Contacts with no industry or company get a bar with a name, not an empty label.
    for (const auto& [name, n] : m.industries) industries.push_back({name.empty() ? Tr("metrics.no_industry") : name, n});
    BarChart(Tr("metrics.industry_spread"), industries, width);

    std::vector<Bar> companies;
    for (size_t i = 0; i < m.companies.size() && i < 10; ++i) companies.push_back({m.companies[i].first.empty() ? Tr("metrics.no_company") : m.companies[i].first, m.companies[i].second});
    BarChart(Tr("metrics.companies_top_10"), companies, width);

    int weekly_goal = 0;
    for (const Goal& g : p.goals)
        if (g.kind == GoalKind::FollowUps && g.period == GoalPeriod::Week) weekly_goal = g.target;
    std::vector<Bar> weeks;
    Day this_week = WeekStart(v.today);
    int n = static_cast<int>(m.touches_per_week.size());
    for (int i = 0; i < n; ++i) weeks.push_back({Tr("metrics.week_of") + FormatDay(this_week - 7 * (n - 1 - i)), m.touches_per_week[i]});
    BarChart(Tr("metrics.touches_per_week_last_12"), weeks, width, weekly_goal, Tr("metrics.your_weekly_follow_up_goal"));
}

}  // namespace wb::ui
