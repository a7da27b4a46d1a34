// Target companies, ranked by advocacy + motivation + openings.
#include <algorithm>
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

void DrawTargets(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = PageStart("Target companies", p.targets.empty(),
                            "No target companies yet. Rank the places you would like to work by who could speak for "
                            "you there, how much you want it and how likely they are hiring \xE2\x80\x94 add the first "
                            "company on your list.");
    if (!p.targets.empty()) MutedText("Ranked by score: advocacy + motivation + openings, each 0 to 5.");
    PlannerForms& f = ui.forms;

    std::vector<uint32_t> order = RankTargets(p);
    int rank = 0;
    for (uint32_t i : order) {
        if (i >= p.targets.size()) continue;
        const Target& t = p.targets[i];
        ImGui::PushID(static_cast<int>(t.id));
        Gap(0.4f);
        char head[256];
        std::snprintf(head, sizeof head, "%d. %s \xE2\x80\x94 score %d of 15", ++rank, t.company.c_str(), Score(t));
        HeadingText(GetFonts().bold, head, 3);
        Target d = t;  // sliders send the record whole with the one value changed
        bool put = false;
        struct Scale { const char* id; const char* what; int* v; };
        const Scale scales[] = {{"##advocacy", "Advocacy: people there who would speak for you", &d.advocacy},
                                {"##motivation", "Motivation: how much you want to work there", &d.motivation},
                                {"##openings", "Openings: how likely they hire in your field", &d.openings}};
        for (const Scale& s : scales) {
            FieldLabel(s.what, width);
            std::string name = std::string(s.what).substr(0, std::string(s.what).find(':')) + " for " + t.company;
            put |= SliderInt(s.id, name.c_str(), *s.v, 0, 5, std::min(width, Em() * 16));
        }
        bool open = f.target_open == t.id || !t.notes.empty();
        if (open) {
            FieldLabel("Notes", width);
            put |= TextArea("##notes", ("Notes on " + t.company).c_str(), d.notes, ImVec2(width, Em() * 3));
        }
        if (put) out.put_target = d;
        Flow flow(width);
        if (!open) {
            flow.Next("Add notes");
            if (Button("Add notes##notes_open", ("Add notes on " + t.company).c_str())) {
                f.target_open = t.id;
                Sem().FocusNextControl();
            }
        }
        flow.Next("Delete");
        DeleteWithConfirm(f, RecordKind::Target, t.id, t.company, width, out);
        ImGui::PopID();
    }

    Gap(0.4f);
    if (AddToggle(f, RecordKind::Target, "Add a company##add", "Add a target company")) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Region, "Add a target company", a, ImVec2(a.x + width, a.y + Em() * 4));
        Field("##add_company", "Company", f.add_name, width, "e.g. Northwind");
        bool blank = f.add_name.find_first_not_of(' ') == std::string::npos;
        if (AddFormEnd(f, "Add##add_target", "Add the company", "Cancel adding a company", width, blank)) {
            Target t;
            t.company = f.add_name;
            out.put_target = t;
            f.adding.reset();
        }
    }
}

}  // namespace wb::ui
