// Target companies, ranked by advocacy + motivation + openings.
#include <algorithm>
#include "core/strings.h"
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

void DrawTargets(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = PageStart(Tr("targets.target_companies"), p.targets.empty(),
                            Tr("targets.no_target_companies_yet_rank"));
    if (!p.targets.empty()) MutedText(Tr("targets.ranked_by_score_advocacy_motivation"));
    PlannerForms& f = ui.forms;

    std::vector<uint32_t> order = RankTargets(p);
    int rank = 0;
    for (uint32_t i : order) {
        if (i >= p.targets.size()) continue;
        const Target& t = p.targets[i];
        ImGui::PushID(static_cast<int>(t.id));
        Gap(0.4f);
        const std::string head = TrF("targets.heading", {{"rank", std::to_string(++rank)}, {"company", t.company},
                                                         {"score", std::to_string(Score(t))}});
        HeadingText(GetFonts().bold, head.c_str(), 3);
        Target d = t;  // sliders send the record whole with the one value changed
        bool put = false;
        struct Scale { const char* id; const char* what; int* v; };
        const Scale scales[] = {{"##advocacy", Tr("targets.advocacy_people_there_who_would"), &d.advocacy},
                                {"##motivation", Tr("targets.motivation_how_much_you_want"), &d.motivation},
                                {"##openings", Tr("targets.openings_how_likely_they_hire"), &d.openings}};
        for (const Scale& s : scales) {
            FieldLabel(s.what, width);
            const std::string name = TrF("targets.scale_for", {{"scale", std::string(s.what).substr(0, std::string(s.what).find(':'))},
                                                                {"company", t.company}});
            put |= SliderInt(s.id, name.c_str(), *s.v, 0, 5, std::min(width, Em() * 16));
        }
        bool open = f.target_open == t.id || !t.notes.empty();
        if (open) {
            FieldLabel(Tr("common.notes"), width);
            put |= TextArea("##notes", (Tr("targets.notes_on") + t.company).c_str(), d.notes, ImVec2(width, Em() * 3));
        }
        if (put) out.put_target = d;
        Flow flow(width);
        if (!open) {
            flow.Next(Tr("targets.add_notes"));
            if (Button(TrId("targets.add_notes", "notes_open"), (Tr("targets.add_notes_on") + t.company).c_str())) {
                f.target_open = t.id;
                Sem().FocusNextControl();
            }
        }
        flow.Next(Tr("common.delete_2"));
        DeleteWithConfirm(f, RecordKind::Target, t.id, t.company, width, out);
        ImGui::PopID();
    }

    Gap(0.4f);
    if (AddToggle(f, RecordKind::Target, TrId("targets.add_a_company", "add"), Tr("targets.add_a_target_company"))) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Region, Tr("targets.add_a_target_company"), a, ImVec2(a.x + width, a.y + Em() * 4));
        Field("##add_company", Tr("common.company"), f.add_name, width, Tr("targets.e_g_northwind"));
        bool blank = f.add_name.find_first_not_of(' ') == std::string::npos;
        if (AddFormEnd(f, TrId("common.add_2", "add_target"), Tr("targets.add_the_company"), Tr("targets.cancel_adding_a_company"), width, blank)) {
            Target t;
            t.company = f.add_name;
            out.put_target = t;
            f.adding.reset();
        }
    }
}

}  // namespace wb::ui
