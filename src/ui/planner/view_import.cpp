// Import: progress while a file is read, then the preview to commit or cancel.
#include <algorithm>
#include "core/strings.h"
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

void DrawImport(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PageHeading(Tr("common.import_contacts"));
    WrappedText(Tr("import.file") + v.import_filename, Colors().text);
    if (v.import_progress < 1.0f || !v.import) {
        const std::string pct_text = TrF("import.reading", {{"percent", std::to_string(static_cast<int>(v.import_progress * 100))}});
        const char* pct = pct_text.c_str();
        ImGui::ProgressBar(v.import_progress, ImVec2(std::min(ImGui::GetContentRegionAvail().x, Em() * 26), 0), pct);
        SemNode n;
        n.id = ImGui::GetID("##import_progress");
        n.role = Role::Progress;
        n.name = Tr("import.reading_the_file");
        n.value = std::to_string(static_cast<int>(v.import_progress * 100));
        n.min = ImGui::GetItemRectMin();
        n.max = ImGui::GetItemRectMax();
        Sem().Add(n);
        if (Button(TrId("common.cancel", "cancel_import"), Tr("import.cancel_the_import"))) out.cancel_import = true;
        return;
    }
    const ImportPreview& pv = *v.import;
    if (!pv.ok()) {
        WrappedText(TrF("import.refused_nothing_changed", {{"why", pv.error}}), Colors().error);
        if (Button(TrId("common.close", "close_import"), Tr("import.close_the_import"))) out.cancel_import = true;
        return;
    }
    WrappedText(ImportSummary(pv), Colors().text);
    if (std::string changed = DescribeImportChanges(pv); !changed.empty()) WrappedText(changed, Colors().text);
    MutedText(Tr("import.nothing_has_changed_yet_check"));
    if (Button(TrId("import.add_to_my_planner", "commit_import"), nullptr, ImVec2(0, 0), pv.new_count + pv.update_count == 0))
        out.commit_import = true;
    ImGui::SameLine();
    if (Button(TrId("common.cancel", "cancel_import"), Tr("import.cancel_the_import"))) out.cancel_import = true;
    Gap(0.3f);
    // Show one outcome at a time: at 30,000 rows the skipped or merged ones are otherwise lost.
    const int counts[] = {pv.new_count, pv.update_count, pv.skip_count, pv.merged_count};
    const char* names[] = {Tr("import.new"), Tr("import.update"), Tr("import.skipped"), Tr("import.merged")};
    std::vector<std::string> pills = {Tr("import.all") + std::to_string(pv.items.size()) + ")"};
    for (int k = 0; k < 4; ++k) pills.push_back(std::string(names[k]) + " (" + std::to_string(counts[k]) + ")");
    int picked = RadioPills(Tr("import.show"), pills, ui.import_filter + 1, ImGui::GetContentRegionAvail().x);
    if (picked >= 0) ui.import_filter = picked - 1;
    ui.import_rows.clear();
    if (ui.import_filter >= 0)
        for (uint32_t i = 0; i < pv.items.size(); ++i)
            if (static_cast<int>(pv.items[i].outcome) == ui.import_filter) ui.import_rows.push_back(i);
    const int shown = ui.import_filter < 0 ? static_cast<int>(pv.items.size()) : static_cast<int>(ui.import_rows.size());
    if (shown == 0) MutedText(Tr("import.no_lines_with_this_outcome"));
    float height = std::max(Em() * 10, ImGui::GetContentRegionAvail().y - Em());
    ImVec2 la = ImGui::GetCursorScreenPos();
    SemScope scope(Role::List, Tr("import.what_the_file_holds"), la, ImVec2(la.x + ImGui::GetContentRegionAvail().x, la.y + height));
    ImGui::BeginChild("##import_rows", ImVec2(0, height), ImGuiChildFlags_Border);
    ImGuiListClipper clip;
    clip.Begin(shown);
    while (clip.Step()) {
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            const ImportItem& it = pv.items[ui.import_filter < 0 ? static_cast<size_t>(r) : ui.import_rows[static_cast<size_t>(r)]];
            const char* what = it.outcome == ImportItem::New      ? Tr("import.new")
                               : it.outcome == ImportItem::Update ? Tr("import.update")
                               : it.outcome == ImportItem::Merged ? Tr("import.merged")
                                                                  : Tr("import.skip");
            // Whole (a fixed buffer could cut a name inside a character).
            std::string line = TrF("import.row_line", {{"n", std::to_string(it.line)}}) + " \xC2\xB7 " + what + " \xC2\xB7 " +
                               (it.contact.name.empty() ? std::string(Tr("common.no_name")) : it.contact.name);
            if (!it.contact.company.empty()) line += ", " + it.contact.company;
            if (!it.reason.empty()) line += " \xC2\xB7 " + it.reason;
            ImGui::PushStyleColor(ImGuiCol_Text, it.outcome == ImportItem::Skip || it.outcome == ImportItem::Merged ? Colors().text_muted : Colors().text);
            Text(line);
            ImGui::PopStyleColor();
            SemListItem(line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
    }
    ImGui::EndChild();
}

}  // namespace wb::ui
