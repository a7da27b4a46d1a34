// Import: progress while a file is read, then the preview to commit or cancel.
#include <algorithm>
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

void DrawImport(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    PageHeading("Import contacts");
    WrappedText("File: " + v.import_filename, Colors().text);
    if (v.import_progress < 1.0f || !v.import) {
        char pct[64];
        std::snprintf(pct, sizeof pct, "Reading the file: %d%%", static_cast<int>(v.import_progress * 100));
        ImGui::ProgressBar(v.import_progress, ImVec2(std::min(ImGui::GetContentRegionAvail().x, Em() * 26), 0), pct);
        SemNode n;
        n.id = ImGui::GetID("##import_progress");
        n.role = Role::Progress;
        n.name = "Reading the file";
        n.value = std::to_string(static_cast<int>(v.import_progress * 100));
        n.min = ImGui::GetItemRectMin();
        n.max = ImGui::GetItemRectMax();
        Sem().Add(n);
        if (Button("Cancel##cancel_import", "Cancel the import")) out.cancel_import = true;
        return;
    }
    const ImportPreview& pv = *v.import;
    if (!pv.ok()) {
        WrappedText("This file cannot be imported. " + pv.error + " Nothing in your planner was changed.", Colors().error);
        if (Button("Close##close_import", "Close the import")) out.cancel_import = true;
        return;
    }
    WrappedText(ImportSummary(pv), Colors().text);
    if (std::string changed = DescribeImportChanges(pv); !changed.empty()) WrappedText(changed, Colors().text);
    MutedText("Nothing has changed yet. Check the list, then add them to your planner or cancel. Your notes, tiers and "
              "history are never overwritten by an import.");
    if (Button("Add to my planner##commit_import", nullptr, ImVec2(0, 0), pv.new_count + pv.update_count == 0))
        out.commit_import = true;
    ImGui::SameLine();
    if (Button("Cancel##cancel_import", "Cancel the import")) out.cancel_import = true;
    Gap(0.3f);
    // Show one outcome at a time: at 30,000 rows the skipped or merged ones are otherwise lost.
    const int counts[] = {pv.new_count, pv.update_count, pv.skip_count, pv.merged_count};
    const char* names[] = {"New", "Update", "Skipped", "Merged"};
    std::vector<std::string> pills = {"All (" + std::to_string(pv.items.size()) + ")"};
    for (int k = 0; k < 4; ++k) pills.push_back(std::string(names[k]) + " (" + std::to_string(counts[k]) + ")");
    int picked = RadioPills("Show", pills, ui.import_filter + 1, ImGui::GetContentRegionAvail().x);
    if (picked >= 0) ui.import_filter = picked - 1;
    ui.import_rows.clear();
    if (ui.import_filter >= 0)
        for (uint32_t i = 0; i < pv.items.size(); ++i)
            if (static_cast<int>(pv.items[i].outcome) == ui.import_filter) ui.import_rows.push_back(i);
    const int shown = ui.import_filter < 0 ? static_cast<int>(pv.items.size()) : static_cast<int>(ui.import_rows.size());
    if (shown == 0) MutedText("No lines with this outcome.");
    float height = std::max(Em() * 10, ImGui::GetContentRegionAvail().y - Em());
    ImVec2 la = ImGui::GetCursorScreenPos();
    SemScope scope(Role::List, "What the file holds", la, ImVec2(la.x + ImGui::GetContentRegionAvail().x, la.y + height));
    ImGui::BeginChild("##import_rows", ImVec2(0, height), ImGuiChildFlags_Border);
    ImGuiListClipper clip;
    clip.Begin(shown);
    while (clip.Step()) {
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            const ImportItem& it = pv.items[ui.import_filter < 0 ? static_cast<size_t>(r) : ui.import_rows[static_cast<size_t>(r)]];
            const char* what = it.outcome == ImportItem::New      ? "New"
                               : it.outcome == ImportItem::Update ? "Update"
                               : it.outcome == ImportItem::Merged ? "Merged"
                                                                  : "Skip";
            // Whole (a fixed buffer could cut a name inside a character).
            std::string line = "Line " + std::to_string(it.line) + " \xC2\xB7 " + what + " \xC2\xB7 " +
                               (it.contact.name.empty() ? std::string("(no name)") : it.contact.name);
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
