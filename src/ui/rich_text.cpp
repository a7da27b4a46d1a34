#include "ui/rich_text.h"

#include <cctype>
#include <cmath>

#include "core/search.h"  // FindNoCase
#include "imgui_internal.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace wb::ui {

static ImFont* FontFor(uint8_t style) {
    Fonts& f = GetFonts();
    if (style & SpanStyle_Strong) return f.bold;
    if (style & SpanStyle_Em) return f.italic;
    return f.body;
}

static float Measure(ImFont* font, float size, const char* b, const char* e) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
}

TextLayout LayoutSpans(const std::vector<Span>& spans, float font_size, float width) {
    TextLayout out;
    out.line_height = std::round(font_size * 1.5f);  // comfortable reading leading, whole pixels
    float x = 0, y = 0;
    for (int si = 0; si < static_cast<int>(spans.size()); ++si) {
        const Span& span = spans[si];
        ImFont* font = FontFor(span.style);
        const std::string& t = span.text;
        static const char kSpace[] = " ";
        float space = Measure(font, font_size, kSpace, kSpace + 1);
        size_t i = 0;
        while (i < t.size()) {
            // One word and the spaces after it.
            size_t word_end = t.find(' ', i);
            if (word_end == std::string::npos) word_end = t.size();
            size_t next = word_end;
            while (next < t.size() && t[next] == ' ') ++next;
            float w = Measure(font, font_size, t.data() + i, t.data() + word_end);
            if (x > 0 && x + w > width) {  // wrap before this word
                x = 0;
                y += out.line_height;
            }
            size_t b = i;
            while (w > width && word_end - b > 1) {  // a word wider than the line: break it
                size_t cut = b + 1;
                while (cut < word_end && Measure(font, font_size, t.data() + b, t.data() + cut + 1) <= width - x) ++cut;
                out.runs.push_back({font, si, b, cut, ImVec2(x, y), Measure(font, font_size, t.data() + b, t.data() + cut)});
                x = 0;
                y += out.line_height;
                b = cut;
                w = Measure(font, font_size, t.data() + b, t.data() + word_end);
            }
            // Extend the previous run (spaces included) when it is the same span on the same line.
            if (!out.runs.empty() && out.runs.back().span == si && out.runs.back().pos.y == y) {
                out.runs.back().end = word_end;
                out.runs.back().width = x + w - out.runs.back().pos.x;
            } else {
                out.runs.push_back({font, si, b, word_end, ImVec2(x, y), w});
            }
            x += w + space * static_cast<float>(next - word_end);
            i = next;
        }
    }
    out.height = out.runs.empty() ? 0 : y + out.line_height;
    return out;
}

DrawTextResult DrawRichText(const char* id, const std::vector<Span>& spans, const TextLayout& layout, ImU32 color,
                            const std::string& highlight, Role role) {
    DrawTextResult result;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    SemNode block;
    block.id = ImGui::GetID("block");
    block.role = role;
    for (const Span& sp : spans) block.name += sp.text;
    block.min = origin;
    block.max = ImVec2(origin.x + ImGui::GetContentRegionAvail().x, origin.y + layout.height);
    Sem().Open(block);
    // Text runs for the screen reader, one per span that is not a link.
    auto record_text = [&](int span_index, ImVec2 at) {
        SemNode n;
        n.id = ImGui::GetID(reinterpret_cast<const void*>(static_cast<intptr_t>(span_index + 1)));
        n.role = Role::TextRun;
        n.name = spans[span_index].text;
        n.min = n.max = at;
        Sem().Add(n);
    };
    float size = GetFonts().body_size;
    float baseline_pad = (layout.line_height - size) * 0.5f;
    const ThemeColors& tc = Colors();

    for (size_t ri = 0; ri < layout.runs.size(); ++ri) {
        const TextRun& r = layout.runs[ri];
        const Span& span = spans[r.span];
        const char* b = span.text.data() + r.begin;
        const char* e = span.text.data() + r.end;
        ImVec2 p(origin.x + r.pos.x, origin.y + r.pos.y + baseline_pad);
        if (!highlight.empty()) {
            std::string run(b, e);
            for (size_t at = FindNoCase(run, highlight); at != std::string::npos; at = FindNoCase(run, highlight, at + 1)) {
                float x0 = Measure(r.font, size, b, b + at);
                float x1 = Measure(r.font, size, b, b + at + highlight.size());
                dl->AddRectFilled(ImVec2(p.x + x0, p.y - 1), ImVec2(p.x + x1, p.y + size + 2), tc.highlight, 2.0f);
            }
        }
        ImU32 col = span.link.empty() ? color : tc.link;
        dl->AddText(r.font, size, p, col, b, e);
        bool first_piece = ri == 0 || layout.runs[ri - 1].span != r.span;
        if (span.link.empty() && first_piece) record_text(r.span, p);
        if (!span.link.empty()) {
            // Each piece of a link is a control of its own (a link can wrap).
            ImGui::SetCursorScreenPos(ImVec2(origin.x + r.pos.x, origin.y + r.pos.y));
            ImGui::PushID(static_cast<int>(ri));
            ImGuiID lid = ImGui::GetID("link");
            BeforeControl(lid);
            bool clicked = ImGui::InvisibleButton("link", ImVec2(r.width > 1 ? r.width : 1, layout.line_height));
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            float uy = p.y + size + 1;
            dl->AddLine(ImVec2(p.x, uy), ImVec2(p.x + r.width, uy), col, ImGui::IsItemHovered() ? 2.0f : 1.0f);
            // Only the first piece of a wrapped link is announced.
            if (first_piece) {
                RecordControl(Role::Link, lid, span.text, SemFlag_None, span.link);
                if (Sem().TakeActivate(lid)) clicked = true;
            }
            if (clicked) result.clicked_link = span.link;
            ImGui::PopID();
        }
    }
    Sem().Close();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(1, layout.height));
    ImGui::PopID();
    return result;
}

}  // namespace wb::ui
