// Fonts and colours. Sizes are in CSS pixels and multiples of the font size;
// the platform passes the device pixel ratio so glyphs are rasterised sharp.
#pragma once
#include "imgui.h"

namespace wb::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* h1 = nullptr;  // section title
    ImFont* h2 = nullptr;  // headings inside a section
    float body_size = 0;   // CSS px
};
Fonts& GetFonts();

constexpr float kBaseFontPx = 17.0f;  // body text at 100%

// Rebuilds the atlas for a text size (1.0..2.0) and device pixel ratio. The
// caller uploads the texture again (the renderer backend is the platform's).
// Every font holds ASCII, the characters the chapter uses and the UI's own
// symbols; body text also Latin-1. Bold, italic and headings hold no more, as
// they draw only the chapter and the UI's words: draw learner text in body.
// `all_latin` (once learners type, or have typed, beyond that): body gets
// Latin Extended-A too (names), bold and headings Latin-1 (italic never: it
// draws only the chapter's emphasis). Fewer glyphs to
// rasterise shortens the time to the first frame.
void BuildFonts(float text_scale, float dpr, bool all_latin);

// The embedded font files and every character the chapter uses (UTF-8). The
// app owns them (they are build assets) and hands them over before the first
// BuildFonts; the data must outlive the atlas.
struct FontData {
    const unsigned char* regular;
    size_t regular_size;
    const unsigned char* bold;
    size_t bold_size;
    const unsigned char* italic;
    size_t italic_size;
    const unsigned char* content_glyphs;
    size_t content_glyphs_size;
};
void SetFontData(const FontData& data);

// True when the body font can draw `c` once its scripts are in (Latin, Greek,
// Cyrillic, the chapter's and the UI's symbols); the rest is drawn by the
// browser (ui/text_runs.h).
bool AtlasHas(unsigned c);

// True when `text` has a character body text built without all_latin lacks.
bool NeedsAllLatin(const char* text, const char* text_end = nullptr);

// The scripts the embedded fonts lack: Latin Extended-B and Additional (e.g.
// Vietnamese), Greek, Cyrillic. Their fonts are not in the module: the platform
// fetches them when learner text needs them (NeedsExtraGlyphs) and hands them over
// here; from the next BuildFonts on, body and bold text (headings too) draw them.
// The data must outlive the atlas. Other scripts: ui/text_runs.h.
extern const ImWchar kExtraRanges[];
void SetExtraFonts(const unsigned char* regular, size_t regular_size, const unsigned char* bold, size_t bold_size);
bool HasExtraFonts();
bool NeedsExtraGlyphs(const char* text, const char* text_end = nullptr);

enum class Palette { Light, Dark };
struct ThemeColors {
    ImU32 text, text_muted, link, accent, callout_bg, callout_border, highlight, page_bg;
    ImU32 error, warn, good;  // problems and overdue; due soon; fine (each >= 4.5:1 on the page)
};
const ThemeColors& Colors();

// The system's colours under forced colors (Windows high contrast and the like),
// read by the platform from the CSS system colour keywords. The canvas draws
// with these alone, as the browser does the rest of the page.
struct SystemColors {
    ImU32 canvas, canvas_text, link_text, highlight, highlight_text, button_face, button_text, gray_text;
};

// Applies style sizes for the text scale and the palette's colours; `forced`
// (not null) replaces every colour with the system's.
void ApplyTheme(Palette p, bool high_contrast, float text_scale, const SystemColors* forced = nullptr);

}  // namespace wb::ui
