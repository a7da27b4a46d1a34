// Text the embedded fonts cannot draw: Chinese, Japanese, Korean, Arabic,
// Hebrew, Indic scripts, Thai, emoji, combining accents.
//
// Such words are drawn by the browser's own text engine (the platform's
// RunBackend: Canvas 2D shapes, joins, orders within the word and falls back to
// the system's fonts), cached as images in textures of their own and drawn as
// quads. Latin, Greek and Cyrillic stay in ImGui's atlas: text without those
// characters takes ImGui's own path, at ImGui's speed.
//
// Layout is the workbook's, by word: a paragraph's direction is its first
// strong letter's; words are ordered on each line as the Unicode bidi algorithm
// orders runs (right-to-left words reversed, numbers and Latin kept in their
// order inside them); a right-to-left paragraph aligns right when it wraps;
// lines break at spaces and between CJK characters, never inside a word.
// Right-to-left paragraphs align right in text of more than one line (prose:
// reflections, notes); a single line (a name, a heading) stays where it is.
//
// Draw learner text through Text/TextSize/DrawText (not ImGui::TextUnformatted,
// CalcTextSize or AddText): they take ImGui's path when they can.
#pragma once
#include <string_view>
#include <vector>

#include "imgui.h"

namespace wb::ui {

// The browser's text engine, set by the platform. Sizes in device pixels.
struct RunBackend {
    // The advance of `text` (UTF-8, `len` bytes) in the body (face 0), bold (1)
    // or italic (2) face at `px`, laid out `rtl` or not.
    float (*measure)(const char* text, int len, int face, float px, int rtl);
    // Replaces the w x h pixels of RGBA texture `tex` at (x, y) with it, drawn in
    // colour `rgb` (0xRRGGBB), its pen at (pen_x, baseline) in that box. Returns
    // how many characters no font could draw (each a box naming its code point).
    int (*draw)(const char* text, int len, int face, float px, int rtl, unsigned rgb, unsigned tex, int x, int y, int w,
                int h, float pen_x, float baseline);
    unsigned (*new_texture)(int w, int h);  // an empty RGBA texture
    double (*now_ms)();
};
void SetRunBackend(const RunBackend* backend);  // null: runs draw as ImGui would ("?")

// True when some character of the text needs the browser (see the top).
bool NeedsRuns(const char* b, const char* e);

// Size, as ImGui::CalcTextSize(b, e, false, wrap) (wrap <= 0: no wrapping).
ImVec2 TextSize(ImFont* font, float size, const char* b, const char* e, float wrap = 0.0f);
inline ImVec2 TextSize(std::string_view s, float wrap = 0.0f) {
    return TextSize(ImGui::GetFont(), ImGui::GetFontSize(), s.data(), s.data() + s.size(), wrap);
}
// Draws as ImDrawList::AddText(font, size, pos, col, b, e, wrap) does.
void DrawText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* b, const char* e,
              float wrap = 0.0f);
inline void DrawText(ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view s) {
    DrawText(dl, ImGui::GetFont(), ImGui::GetFontSize(), pos, col, s.data(), s.data() + s.size());
}
// An item of text, as ImGui::TextUnformatted (it wraps at PushTextWrapPos).
void Text(std::string_view s);
// True when the paragraph's first letter with a direction is right-to-left.
bool StartsRtl(const char* b, const char* e);
// Where a line of [b, e) that must fit `wrap` ends (as ImFont::CalcWordWrapPositionA).
const char* WrapPosition(ImFont* font, float size, const char* b, const char* e, float wrap);

// Once per frame, before drawing (App::Frame): starts the frame's budget for new images.
void BeginRunFrame();
struct RunStats {
    int images = 0;         // cached images
    int drawn = 0;          // images rasterised so far
    int unrenderable = 0;   // characters drawn as a code-point box, so far
    int waiting = 0;        // images this frame left for the next (over its budget)
    double raster_ms = 0;   // time spent rasterising, so far
};
const RunStats& GetRunStats();

// --- Layout (exposed for tests) ----------------------------------------------
enum class Dir : unsigned char { Neutral, Ltr, Rtl };
Dir StrongDir(unsigned c);
struct Piece {
    const char* b;
    const char* e;
    float x = 0, w = 0;  // in the line, after ordering (CSS px)
    bool run = false;    // drawn by the browser
    Dir dir = Dir::Neutral;
};
struct LaidLine {
    std::vector<Piece> pieces;  // visual order, left to right
    float width = 0;
    bool rtl = false;  // its paragraph's direction
};
struct Layout {
    std::vector<LaidLine> lines;
    bool rtl = false;  // the (first) paragraph's direction
    float width = 0;
};
void LayOut(ImFont* font, float size, const char* b, const char* e, float wrap, Layout& out);

}  // namespace wb::ui
