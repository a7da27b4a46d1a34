// Contrast of every theme, measured from its colours with the WCAG 2 formula:
// axe and Lighthouse cannot see it (the canvas draws the text; the mirror's
// text is transparent), so this is where it is checked.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "harness.h"
#include "ui/theme.h"

namespace {

double Channel(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double Luminance(ImVec4 c) { return 0.2126 * Channel(c.x) + 0.7152 * Channel(c.y) + 0.0722 * Channel(c.z); }

// A colour with alpha, laid over an opaque background (as the canvas blends it).
ImVec4 Over(ImVec4 fg, ImVec4 bg) {
    float a = fg.w;
    return ImVec4(fg.x * a + bg.x * (1 - a), fg.y * a + bg.y * (1 - a), fg.z * a + bg.z * (1 - a), 1);
}

double Ratio(ImVec4 fg, ImVec4 bg) {
    double a = Luminance(Over(fg, bg)), b = Luminance(bg);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

ImVec4 U32(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

TEST_CASE("theme: text at least 4.5:1 and control boundaries and the focus ring at least 3:1, in every theme") {
    wbtest::Ui ui;
    for (wb::ui::Palette p : {wb::ui::Palette::Light, wb::ui::Palette::Dark}) {
        for (bool high_contrast : {false, true}) {
            std::string palette = p == wb::ui::Palette::Dark ? "dark" : "light";
            CAPTURE(palette);
            CAPTURE(high_contrast);
            wb::ui::ApplyTheme(p, high_contrast, 1.0f);
            const ImVec4* c = ImGui::GetStyle().Colors;
            const wb::ui::ThemeColors& t = wb::ui::Colors();
            ImVec4 page = c[ImGuiCol_WindowBg];
            ImVec4 field = c[ImGuiCol_FrameBg];
            ImVec4 button = Over(c[ImGuiCol_Button], page);
            ImVec4 callout = U32(t.callout_bg);
            // Text (WCAG 1.4.3): body, muted, links and the status colours on the page;
            // text on a field, a button and a takeaway's callout.
            for (ImU32 ink : {t.text, t.text_muted, t.link, t.error, t.warn, t.good}) CHECK(Ratio(U32(ink), page) >= 4.5);
            CHECK(Ratio(c[ImGuiCol_Text], field) >= 4.5);
            CHECK(Ratio(c[ImGuiCol_Text], button) >= 4.5);
            CHECK(Ratio(U32(t.text), callout) >= 4.5);
            CHECK(Ratio(U32(t.link), callout) >= 4.5);
            // Boundaries and states (WCAG 1.4.11): a field's border against the page,
            // a radio's dot or a box's tick on the field, the focus ring on the page.
            CHECK(Ratio(c[ImGuiCol_Border], page) >= 3.0);
            CHECK(Ratio(c[ImGuiCol_CheckMark], field) >= 3.0);
            CHECK(Ratio(c[ImGuiCol_NavHighlight], page) >= 3.0);
        }
    }
}
