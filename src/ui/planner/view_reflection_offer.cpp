// A reflection's offer to the planner, under the answer (views.h ReflectionOffer).
// With the planner's code (workbook.deferred.wasm): an offer is only made once it
// has arrived and the planner is loaded.
#include <algorithm>

#include "core/strings.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/view_util.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace wb::ui {

void DrawReflectionOffer(const ReflectionOffer& o, ShellUi& ui, float width, Intents& out) {
    static constexpr Key kOffer[] = {Key("reflection.offer_contacts"), Key("reflection.offer_contacts"),
                                     Key("reflection.offer_event"), Key("reflection.offer_organization")};
    Gap(0.3f);
    const bool all_held = std::all_of(o.items.begin(), o.items.end(), [](const ReflectionOffer::Item& i) { return i.in_planner; });
    const char* title = all_held ? Tr("reflection.all_in_planner") : Tr(kOffer[static_cast<int>(o.kind)]);
    ImGui::PushFont(GetFonts().bold);
    TextItem(title);
    ImGui::PopFont();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    SemScope group(Role::Group, title, top, ImVec2(top.x + width, top.y + Em() * 2));
    std::vector<std::string> ticked;
    bool held = false;
    size_t offered = 0;
    for (size_t i = 0; i < o.items.size(); ++i) {
        const ReflectionOffer::Item& it = o.items[i];
        if (it.in_planner) {
            MutedText(TrF("reflection.in_planner", {{"name", it.name}}));
            held = true;
            continue;
        }
        ++offered;
        const std::string key = o.prompt + '\x1f' + it.name;
        const bool on = !ui.offer_unticked.count(key);
        ImGui::PushID(static_cast<int>(i));
        if (ChoiceRow("##offer", it.name, on, false, width)) {
            if (on) ui.offer_unticked.insert(key);
            else ui.offer_unticked.erase(key);
        }
        ImGui::PopID();
        if (on) ticked.push_back(it.name);
    }
    if (offered > 0) {
        const std::string add = o.kind == ReflectionPlanner::Contacts ? TrN("reflection.add_contacts", static_cast<long long>(ticked.size()))
                                : o.kind == ReflectionPlanner::Event   ? std::string(Tr("reflection.add_event"))
                                                                       : std::string(Tr("reflection.add_organization"));
        if (Button((add + "##add").c_str(), nullptr, ImVec2(0, 0), ticked.empty())) {
            out.add_from_reflection = {o.prompt, ticked};
            ui.offer_taken = o.prompt;
        }
    }
    if (!held) return;
    if (ui.offer_taken == o.prompt) {  // the button pressed may be gone: the focus goes on to the planner's
        Sem().FocusNextControl();
        ui.offer_taken.clear();
    }
    if (Button(TrId("reflection.open_planner", "open"))) out.show_in_planner = o.kind;
}

}  // namespace wb::ui
