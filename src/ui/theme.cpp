#include "ui/theme.h"

#include <algorithm>
#include <vector>

#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace wb::ui {

Fonts& GetFonts() {
    static Fonts f;
    return f;
}

namespace {
ThemeColors g_colors;

// True when `pred` holds for a character of the UTF-8 text (to text_end, or to its NUL).
template <class Pred>
bool AnyChar(const char* text, const char* text_end, Pred pred) {
    const char* p = text;
    while (text_end ? p < text_end : *p) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, text_end);
        if (n <= 0) break;
        p += n;
        if (pred(c)) return true;
    }
    return false;
}

// In one of the (first, last) pairs of a 0-terminated glyph range list.
bool InRanges(unsigned c, const ImWchar* r) {
    for (; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

struct ExtraFonts {
    const unsigned char* regular = nullptr;
    const unsigned char* bold = nullptr;
    size_t regular_size = 0, bold_size = 0;
};
ExtraFonts g_extra;
FontData g_fonts{};  // SetFontData

// `merge`: glyphs added to the font added just before (the other scripts).
ImFont* AddFont(const unsigned char* data, size_t size, float px, float dpr, const ImWchar* ranges, bool merge = false) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // embedded, or kept by the platform, for the whole run
    cfg.OversampleH = 1;               // rasterised at device pixels already
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.MergeMode = merge;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                      px * dpr, &cfg, ranges);
}

// A font of the UI plus, once the platform has them, the other scripts.
ImFont* AddFontWithExtra(const unsigned char* data, size_t size, const unsigned char* extra, size_t extra_size,
                         float px, float dpr, const ImWchar* ranges) {
    ImFont* f = AddFont(data, size, px, dpr, ranges);
    if (extra) AddFont(extra, extra_size, px, dpr, kExtraRanges, true);
    return f;
}
}  // namespace

const ImWchar kExtraRanges[] = {0x0180, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF, 0};

void SetFontData(const FontData& data) { g_fonts = data; }

void SetExtraFonts(const unsigned char* regular, size_t regular_size, const unsigned char* bold, size_t bold_size) {
    g_extra = ExtraFonts{regular, bold, regular_size, bold_size};
}
bool HasExtraFonts() { return g_extra.regular != nullptr; }

bool NeedsExtraGlyphs(const char* text, const char* text_end) {
    return AnyChar(text, text_end, [](unsigned c) { return c >= 0x0180 && InRanges(c, kExtraRanges); });
}

namespace {
// ASCII, every character the chapter uses and the UI's own symbols; with
// `latin1`, also Latin-1 (what body text holds even before all_latin). Built
// from the sorted code points rather than ImFontGlyphRangesBuilder, whose
// BuildRanges walks all 65,536 bits: it runs at start-up, before any wasm is warm.
ImVector<ImWchar> BuildRanges(bool latin1) {
    std::vector<ImWchar> cps;
    for (ImWchar c = 0x20; c <= (latin1 ? 0xFF : 0x7E); ++c) cps.push_back(c);
    auto add_text = [&](const char* p, const char* end) {
        while (p < end) {
            unsigned int c = 0;
            int n = ImTextCharFromUtf8(&c, p, end);
            if (n <= 0) break;
            p += n;
            if (c >= 0x20 && c <= IM_UNICODE_CODEPOINT_MAX) cps.push_back(static_cast<ImWchar>(c));
        }
    };
    const FontData& d = g_fonts;
    const char* glyphs = reinterpret_cast<const char*>(d.content_glyphs);
    add_text(glyphs, glyphs + d.content_glyphs_size);
    // What the UI itself draws: ← → ↑ ↓ ● ✓ · … — “ ” ‘ ’ • −
    static const char kUi[] = "\xE2\x86\x90\xE2\x86\x92\xE2\x86\x91\xE2\x86\x93\xE2\x97\x8F\xE2\x9C\x93\xC2\xB7\xE2\x80\xA6"
                              "\xE2\x80\x94\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x98\xE2\x80\x99\xE2\x80\xA2\xE2\x88\x92";
    add_text(kUi, kUi + sizeof kUi - 1);
    std::sort(cps.begin(), cps.end());
    ImVector<ImWchar> ranges;  // pairs of first and last code point, then 0
    for (size_t i = 0; i < cps.size(); ++i) {
        if (!ranges.empty() && cps[i] <= ranges.back() + 1) {
            ranges.back() = std::max(ranges.back(), cps[i]);
        } else {
            ranges.push_back(cps[i]);
            ranges.push_back(cps[i]);
        }
    }
    ranges.push_back(0);
    return ranges;
}
const ImVector<ImWchar>& ContentRanges() {
    static const ImVector<ImWchar> ranges = BuildRanges(true);
    return ranges;
}
const ImVector<ImWchar>& ChapterRanges() {
    static const ImVector<ImWchar> ranges = BuildRanges(false);
    return ranges;
}
}  // namespace

bool AtlasHas(unsigned c) {
    if (c < 0x0250 || (c >= 0x0370 && c <= 0x04FF && !(c >= 0x0483 && c <= 0x0489)) ||
        (c >= 0x1E00 && c <= 0x1EFF))
        return true;
    return c <= IM_UNICODE_CODEPOINT_MAX && InRanges(c, ContentRanges().Data);
}

bool NeedsAllLatin(const char* text, const char* text_end) {
    const ImWchar* r = ContentRanges().Data;
    return AnyChar(text, text_end, [r](unsigned c) { return c >= 0x80 && !InRanges(c, r); });
}

void BuildFonts(float text_scale, float dpr, bool all_latin) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL 2 takes any size: upload only rows in use
    // Latin, Latin-1 and Latin Extended-A (people's names), general punctuation
    // (curly quotes, dashes, ellipsis, bullet) and a few symbols the UI uses.
    static const ImWchar kRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
                                      0x2190, 0x2193, 0x2212, 0x2212, 0x25CF, 0x25CF, 0x2713, 0x2713, 0};
    // Body text also shows what is not the chapter's (a backup's file name), so it
    // always has Latin-1. The other fonts draw only the chapter and the UI's own
    // words: without all_latin they skip Latin-1, about 40% of their glyphs,
    // which is that much less to rasterise before the first frame.
    const ImWchar* content_ranges = ContentRanges().Data;
    const ImWchar* styled_ranges = all_latin ? content_ranges : ChapterRanges().Data;
    Fonts& f = GetFonts();
    f.body_size = kBaseFontPx * text_scale;
    const FontData& d = g_fonts;
    const ExtraFonts& x = g_extra;
    f.body = AddFontWithExtra(d.regular, d.regular_size, x.regular, x.regular_size, f.body_size, dpr,
                              all_latin ? kRanges : content_ranges);
    // Bold and headings show people's names too (a contact's page): all of Latin when needed.
    const ImWchar* name_ranges = all_latin ? kRanges : styled_ranges;
    f.bold = AddFontWithExtra(d.bold, d.bold_size, x.bold, x.bold_size, f.body_size, dpr, name_ranges);
    // Emphasis is the chapter's only (learner text is never italic): its file holds
    // just the characters of the emphasized spans (contentc --emphasis-glyphs); the
    // ranges' other characters are not in it and are skipped.
    f.italic = AddFont(d.italic, d.italic_size, f.body_size, dpr, ChapterRanges().Data);
    f.h2 = AddFontWithExtra(d.bold, d.bold_size, x.bold, x.bold_size, f.body_size * 1.25f, dpr, name_ranges);
    f.h1 = AddFontWithExtra(d.bold, d.bold_size, x.bold, x.bold_size, f.body_size * 1.6f, dpr, name_ranges);
    io.Fonts->Build();
    // ImGui lays out in CSS pixels; glyphs were rasterised at device pixels.
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = f.body;
}

const ThemeColors& Colors() { return g_colors; }

namespace {
// Forced colors: the system's palette in every role, no tints or muted text.
void ApplySystemColors(ImGuiStyle& style, const SystemColors& sc) {
    auto v4 = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
    ImVec4* c = style.Colors;
    for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = v4(sc.canvas);
    c[ImGuiCol_Text] = v4(sc.canvas_text);
    c[ImGuiCol_TextDisabled] = v4(sc.gray_text);
    c[ImGuiCol_Border] = v4(sc.button_text);
    c[ImGuiCol_FrameBg] = v4(sc.canvas);
    c[ImGuiCol_Button] = v4(sc.button_face);
    for (ImGuiCol hot : {ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive,
                         ImGuiCol_Header, ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive}) {
        ImVec4 h = v4(sc.highlight);
        h.w = 0.35f;  // the control's text (CanvasText) stays readable over it
        c[hot] = h;
    }
    c[ImGuiCol_CheckMark] = v4(sc.canvas_text);
    c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = v4(sc.canvas_text);
    c[ImGuiCol_ScrollbarGrab] = c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrabActive] = v4(sc.button_text);
    c[ImGuiCol_Separator] = v4(sc.canvas_text);
    c[ImGuiCol_NavHighlight] = v4(sc.highlight);
    c[ImGuiCol_TextSelectedBg] = v4(sc.highlight);
    c[ImGuiCol_PlotHistogram] = c[ImGuiCol_PlotLines] = v4(sc.canvas_text);
    style.FrameBorderSize = 1;

    g_colors.page_bg = sc.canvas;
    g_colors.text = g_colors.text_muted = sc.canvas_text;
    g_colors.link = sc.link_text;
    g_colors.accent = sc.highlight;
    g_colors.callout_bg = sc.canvas;
    g_colors.callout_border = sc.canvas_text;
    g_colors.highlight = sc.highlight;
    // Colour carries no meaning here: the words say overdue, due or fine.
    g_colors.error = g_colors.warn = g_colors.good = sc.canvas_text;
}
}  // namespace

void ApplyTheme(Palette p, bool high_contrast, float text_scale, const SystemColors* forced) {
    ImGuiStyle style;
    if (p == Palette::Dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarSize = 14;
    style.WindowBorderSize = 0;
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.WindowPadding = ImVec2(16, 16);
    style.ScaleAllSizes(text_scale);

    ImVec4* c = style.Colors;
    bool dark = p == Palette::Dark;
    // Colours chosen for WCAG AA contrast on the page background (>= 4.5:1 for text).
    ImVec4 bg = dark ? ImVec4(0.09f, 0.10f, 0.12f, 1) : ImVec4(0.99f, 0.99f, 0.98f, 1);
    ImVec4 panel = dark ? ImVec4(0.12f, 0.13f, 0.16f, 1) : ImVec4(0.95f, 0.95f, 0.94f, 1);
    ImVec4 text = dark ? ImVec4(0.92f, 0.93f, 0.95f, 1) : ImVec4(0.10f, 0.11f, 0.13f, 1);
    ImVec4 accent = dark ? ImVec4(0.45f, 0.68f, 1.00f, 1) : ImVec4(0.05f, 0.33f, 0.75f, 1);
    if (high_contrast) {
        bg = dark ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1);
        panel = bg;
        text = dark ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1);
        accent = dark ? ImVec4(1.0f, 0.85f, 0.2f, 1) : ImVec4(0.0f, 0.2f, 0.6f, 1);
        style.FrameBorderSize = 1;
    }
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = bg;
    c[ImGuiCol_PopupBg] = panel;
    c[ImGuiCol_MenuBarBg] = panel;
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_Header] = ImVec4(accent.x, accent.y, accent.z, 0.18f);
    c[ImGuiCol_HeaderHovered] = ImVec4(accent.x, accent.y, accent.z, 0.28f);
    c[ImGuiCol_HeaderActive] = ImVec4(accent.x, accent.y, accent.z, 0.38f);
    c[ImGuiCol_Button] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.25f : 0.12f);
    c[ImGuiCol_ButtonHovered] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.40f : 0.22f);
    c[ImGuiCol_ButtonActive] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.55f : 0.32f);
    c[ImGuiCol_FrameBg] = dark ? ImVec4(0.16f, 0.17f, 0.21f, 1) : ImVec4(1, 1, 1, 1);
    // Borders of fields and controls: at least 3:1 on the page (WCAG 1.4.11; tests/ui/test_theme.cpp).
    c[ImGuiCol_Border] = dark ? ImVec4(0.44f, 0.46f, 0.51f, 1) : ImVec4(0.55f, 0.56f, 0.58f, 1);
    style.FrameBorderSize = 1;
    ImGui::GetStyle() = style;

    g_colors.page_bg = ImGui::ColorConvertFloat4ToU32(bg);
    g_colors.text = ImGui::ColorConvertFloat4ToU32(text);
    g_colors.text_muted = dark ? IM_COL32(170, 175, 185, 255) : IM_COL32(85, 88, 95, 255);
    g_colors.link = ImGui::ColorConvertFloat4ToU32(accent);
    g_colors.accent = g_colors.link;
    g_colors.callout_bg = dark ? IM_COL32(30, 45, 70, 255) : IM_COL32(232, 241, 253, 255);
    g_colors.callout_border = g_colors.link;
    g_colors.highlight = dark ? IM_COL32(140, 110, 0, 200) : IM_COL32(255, 220, 80, 200);
    g_colors.error = dark ? IM_COL32(255, 138, 128, 255) : IM_COL32(178, 34, 34, 255);
    g_colors.warn = dark ? IM_COL32(240, 190, 80, 255) : IM_COL32(140, 84, 0, 255);
    g_colors.good = dark ? IM_COL32(110, 210, 140, 255) : IM_COL32(20, 110, 50, 255);
    if (high_contrast) g_colors.text_muted = g_colors.text;
    if (forced) ApplySystemColors(ImGui::GetStyle(), *forced);
}

}  // namespace wb::ui
