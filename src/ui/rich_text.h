// Rich text for the reader: word-wrapped runs of styled spans, drawn with the
// draw list, links as real controls. Layout is separate from drawing so it can
// be tested and measured without a renderer.
#pragma once
#include <string>
#include <vector>

#include "core/content.h"
#include "imgui.h"
#include "ui/semantics.h"

namespace wb::ui {

struct TextRun {
    ImFont* font = nullptr;
    int span = 0;            // index into the spans laid out
    size_t begin = 0, end = 0;  // byte range in that span's text
    ImVec2 pos;              // top-left, relative to the block's origin
    float width = 0;
};

struct TextLayout {
    std::vector<TextRun> runs;
    float height = 0;
    float line_height = 0;
};

// Wraps spans to `width` (CSS px). Breaks at spaces; a word longer than the
// line is broken at the line end rather than overflowing (WCAG 1.4.10).
TextLayout LayoutSpans(const std::vector<Span>& spans, float font_size, float width);

struct DrawTextResult {
    std::string clicked_link;  // a link the learner activated this frame
};

// Draws a laid-out block at the cursor and advances it. Records one semantics
// container (`role`: Paragraph or ListItem) holding the block's text runs and
// links in reading order. `highlight` marks case-insensitive matches.
DrawTextResult DrawRichText(const char* id, const std::vector<Span>& spans, const TextLayout& layout, ImU32 color,
                            const std::string& highlight, Role role = Role::Paragraph);

}  // namespace wb::ui
