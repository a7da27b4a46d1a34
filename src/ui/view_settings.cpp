// The settings page: theme, text size, contrast; where the work is kept; backup,
// restore (checked and previewed first) and reset. Loaded after the first frame
// with the planner's code (CMakeLists.txt, WB_DEFERRED_SOURCES): nobody opens
// settings before the first frame.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "imgui_internal.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/view_util.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace wb::ui {

void DrawSettings(const WorkbookView& v, ShellUi& ui, Intents& out) {
    const Content& c = v.content;
    const Settings& s = v.state.settings;
    float width = std::min(ImGui::GetContentRegionAvail().x, Em() * 38.0f);
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Region, c.Str("settings.title"), a, ImVec2(a.x + width, a.y + ImGui::GetContentRegionAvail().y));
    HeadingText(GetFonts().h1, c.Str("settings.title"), 1);
    if (Button("Close settings##close")) out.toggle_settings = true;

    HeadingText(GetFonts().h2, "Appearance", 2);
    ImGui::TextUnformatted(c.Str("settings.theme"));
    const std::pair<ThemeChoice, const char*> themes[] = {{ThemeChoice::System, "settings.theme_system"},
                                                          {ThemeChoice::Light, "settings.theme_light"},
                                                          {ThemeChoice::Dark, "settings.theme_dark"}};
    for (auto& [t, key] : themes) {
        ImGui::SameLine();
        std::string label = std::string(s.theme == t ? "\xE2\x97\x8F " : "") + c.Str(key) + "##theme" + key;
        std::string name = std::string(c.Str("settings.theme")) + ": " + c.Str(key) + (s.theme == t ? " (selected)" : "");
        if (Button(label.c_str(), name.c_str())) out.set_theme = t;
    }
    char size[64];
    std::snprintf(size, sizeof size, "%s: %d%%", c.Str("settings.text_size"), s.text_size_pct);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(size);
    SemText(Role::Status, size, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    if (Button("A-##smaller", "Smaller text", ImVec2(0, 0), s.text_size_pct <= 100)) out.set_text_size = std::max(100, s.text_size_pct - 25);
    ImGui::SameLine();
    if (Button("A+##larger", "Larger text", ImVec2(0, 0), s.text_size_pct >= 200)) out.set_text_size = std::min(200, s.text_size_pct + 25);
    if (Button(s.high_contrast ? "High contrast: on##hc" : "High contrast: off##hc")) out.set_high_contrast = !s.high_contrast;

    Gap(0.5f);
    HeadingText(GetFonts().h2, "Your data", 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    std::string where;
    if (v.storage_unavailable) {
        where = "This browser is not letting the workbook store anything, so your work lasts only while this page is open. "
                "Download a backup to keep it.";
    } else if (!v.save_problem.empty()) {
        where = v.save_problem;
    } else if (v.in_lms && v.lms_learner.empty()) {
        where = "Your course system did not say who you are, so nothing is kept in this browser: your reading progress, "
                "reflection answers and quiz answers and scores go to your course system only, and your planner lasts "
                "only while this page is open.";
    } else if (v.in_lms) {
        where = "This is the work of " + v.lms_learner + " in this course. It is saved in this browser apart from anyone "
                "else's, and your course system also receives your reading progress, reflection answers and quiz answers "
                "and scores; your planner is kept on this device only.";
    } else {
        where = "Everything you do here is saved in this browser, on this device only. Nothing is sent anywhere.";
    }
    MutedText(where);
    const char* persist = nullptr;
    switch (v.persistence) {
        case Persistence::Granted:
            persist = "The browser has agreed to keep this data until you delete it.";
            break;
        case Persistence::NotGranted:
            persist = "The browser may clear this data if the device runs short of space (Safari clears it after 7 days "
                      "without a visit), so download a backup now and then.";
            break;
        case Persistence::Unsupported:
            persist = "This browser may clear site data on its own, so download a backup now and then.";
            break;
        default: break;
    }
    if (persist) MutedText(persist);
    ImGui::PopTextWrapPos();
    if (Button("Download a backup##backup")) out.download_backup = true;
    ImGui::SameLine();
    if (Button("Restore from a backup...##restore", "Restore from a backup")) out.choose_restore = true;

    if (v.restore) {
        Gap(0.3f);
        ImVec2 ra = ImGui::GetCursorScreenPos();
        SemScope dialog(Role::Dialog, "Restore this backup?", ra, ImVec2(ra.x + width, ra.y + Em() * 8));
        HeadingText(GetFonts().bold, "Restore this backup?", 3);
        MutedText("\"" + v.restore->filename + "\" was checked and can be restored. It replaces what is saved now:");
        if (!v.restore->whose.empty()) MutedText(v.restore->whose);
        for (const RestorePreview::Row& row : v.restore->rows) {
            char line[160];
            std::snprintf(line, sizeof line, "%s: %d now, %d in the backup", row.what, row.now, row.from_file);
            ImGui::BulletText("%s", line);
            SemText(Role::Text, line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        if (Button("Replace my data with the backup##confirm_restore")) out.confirm_restore = true;
        ImGui::SameLine();
        if (Button("Cancel##cancel_restore", "Cancel restore")) out.cancel_restore = true;
    }

    Gap(0.3f);
    if (!ui.confirm_reset) {
        if (Button("Reset my data...##reset", "Reset my data")) out.ask_reset = true;
    } else {
        ImVec2 ra = ImGui::GetCursorScreenPos();
        SemScope dialog(Role::Dialog, "Reset my data?", ra, ImVec2(ra.x + width, ra.y + Em() * 6));
        HeadingText(GetFonts().bold, "Reset my data?", 3);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (v.in_lms)
            MutedText("This deletes " + std::string(v.lms_learner.empty() ? "your" : v.lms_learner + "'s") +
                      " reading progress, reflection answers, settings and planner from this browser, and no one else's. "
                      "Your course system keeps what it already received. It cannot be undone: download a backup first "
                      "if you may want them back.");
        else
            MutedText("This deletes your reading progress, reflection answers and settings from this browser. It cannot be "
                      "undone: download a backup first if you may want them back.");
        ImGui::PopTextWrapPos();
        if (Button("Delete everything and start again##confirm_reset")) out.confirm_reset = true;
        ImGui::SameLine();
        if (Button("Keep my data##cancel_reset")) out.cancel_reset = true;
    }
}

}  // namespace wb::ui
