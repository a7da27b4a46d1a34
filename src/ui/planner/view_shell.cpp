// The planner's shell: its navigation (a column when wide, a row on top when
// narrow) and the page the learner is on.
#include "ui/planner/widgets.h"
#include "core/strings.h"

namespace wb::ui {
using namespace planner;

void DrawPlanner(const PlannerView& v, PlannerUi& ui, bool wide, PlannerIntents& out) {
    ui.calendar.today = v.today;
    auto nav = [&]() {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Navigation, Tr("common.planner"), a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 20));
        HeadingText(GetFonts().bold, Tr("common.planner"), 2);
        // Wide: a column. Narrow: the pages flow in rows, each as wide as its name
        // (a full-width row would catch every press meant for the ones after it).
        float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        bool first = true;
        for (const PlannerPageInfo& i : kPlannerPages) {
            if (i.page == PlannerPage::Contact) continue;  // reached from a contact, not from the menu
            bool current = ui.page == i.page || (i.page == PlannerPage::Contacts && ui.page == PlannerPage::Contact);
            std::string label = std::string(Tr(i.name)) + "##pl_" + i.slug;
            std::string href = std::string("#/planner/") + i.slug;
            float w = 0;
            if (!wide) {
                w = ImGui::CalcTextSize(Tr(i.name)).x;
                if (!first) {
                    ImGui::SameLine();
                    if (ImGui::GetCursorScreenPos().x + w + ImGui::GetStyle().ItemSpacing.x > right) ImGui::NewLine();
                }
            }
            first = false;
            if (LinkRow(label.c_str(), current, Tr(i.name), nullptr, href.c_str(), 0, w)) out.go = i.page;
        }
    };
    if (wide) {
        ImGui::BeginChild("##planner_nav", ImVec2(Em() * 13, 0), ImGuiChildFlags_None);
        nav();
        ImGui::EndChild();
        ImGui::SameLine();
    } else {
        nav();
        ImGui::Separator();
    }
    ImGui::BeginChild("##planner_page", ImVec2(0, 0), ImGuiChildFlags_None);
    ImVec2 a = ImGui::GetCursorScreenPos();
    {
        // An import's progress and preview are a page of their own (focus goes to their heading).
        const bool importing = v.import || v.import_progress < 1.0f;
        SemScope scope(Role::Main, importing ? Tr("common.import_contacts") : PlannerPageName(ui.page), a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + ImGui::GetWindowHeight()));
        if (v.in_lms) MutedText(Tr("planner.your_planner_is_kept_on"));
        if (!v.load_problem.empty()) WrappedText(v.load_problem, Colors().error);
        if (v.quarantined && Button(TrId("planner.download_the_set_aside_planner", "dlpq"))) out.download_quarantine = true;
        if (!v.loaded) {
            PageHeading(PlannerPageName(ui.page));
            MutedText(Tr("planner.opening_your_planner"));
        } else if (importing) {
            DrawImport(v, ui, out);
        } else {
            switch (ui.page) {
                case PlannerPage::Week: DrawWeek(v, ui, out); break;
                case PlannerPage::Contacts: DrawContacts(v, ui, out); break;
                case PlannerPage::Contact: DrawContactDetail(v, ui, out); break;
                case PlannerPage::Organizations: DrawOrganizations(v, ui, out); break;
                case PlannerPage::Events: DrawEvents(v, ui, out); break;
                case PlannerPage::Social: DrawSocial(v, ui, out); break;
                case PlannerPage::Targets: DrawTargets(v, ui, out); break;
                case PlannerPage::Goals: DrawGoals(v, ui, out); break;
                case PlannerPage::Map: DrawMap(v, ui, out); break;
                case PlannerPage::Metrics: DrawMetrics(v, ui, out); break;
                case PlannerPage::Triage: DrawTriage(v, ui, out); break;
            }
        }
        Gap(1.0f);
    }
    ImGui::EndChild();
}

std::vector<Id> EditedRecords(const PlannerIntents& in, const PlannerUi& ui, const ImportJob* import) {
    std::vector<Id> ids;
    auto add = [&](Id id) {
        if (id) ids.push_back(id);
    };
    if (in.put_contact) add(in.put_contact->id);
    if (in.put_org) add(in.put_org->id);
    if (in.put_event) add(in.put_event->id);
    if (in.put_social) add(in.put_social->id);
    if (in.put_target) add(in.put_target->id);
    if (in.put_goal) add(in.put_goal->id);
    if (in.log_touch) add(in.log_touch->first);
    if (in.snooze) add(in.snooze->first);
    if (in.social_done) add(*in.social_done);
    if (in.attended) {
        add(in.attended->first);
        for (Id id : in.attended->second) add(id);
    }
    if (in.triage)
        for (Id id : in.triage->ids) add(id);
    if (in.triage_undo && !ui.triage.undo.empty())
        for (const TriageUndo& u : ui.triage.undo.back()) add(u.id);
    if (in.commit_import && import && import->Done())
        for (const ImportItem& it : import->Preview().items) add(it.existing);
    return ids;
}

void FollowMovedIds(PlannerUi& ui, const std::vector<std::pair<Id, Id>>& moved) {
    auto to = [&](Id& id) {
        for (const auto& [from, next] : moved)
            if (id == from) {
                id = next;
                return;
            }
    };
    for (Id* id : {&ui.contact, &ui.draft.id, &ui.touch_day_for, &ui.cadence_for, &ui.tags_for, &ui.editing,
                   &ui.forms.confirm_id, &ui.forms.target_open, &ui.forms.org.id, &ui.forms.event.id, &ui.forms.social.id,
                   &ui.forms.goal.id})
        to(*id);
    for (Id& id : ui.met) to(id);
    for (auto& step : ui.triage.undo)
        for (TriageUndo& u : step) to(u.id);
}

}  // namespace wb::ui
