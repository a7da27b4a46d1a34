// Text fields: the browser edits, ImGui draws.
//
// A field's mirrored <input> or <textarea> in the semantics layer is its editor.
// Whatever reaches a field (mouse, touch, Tab, a screen reader) ends with DOM
// focus on that element, and the browser does the editing: characters,
// selection keys, IME composition, paste, undo, spell check, dictation and
// on-screen keyboards. The platform reports the element's value (set_value)
// and selection (Sem().edit); this file draws them, and turns a press or drag
// inside the field into a selection that the platform applies to the element
// (Sem().dom_select). ImGui's own InputText is not used: its edit buffer would
// be a second copy of the text that could disagree with the browser's.
//
// Index
//   Layout     lines (wrapped in multi-line fields), caret positions, hit testing
//   Pointer    click, drag, double and triple click, Shift+click
//   Draw       frame, text, selection, caret, focus ring
//   Widgets    TextField, TextFieldWithError, TextArea
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "imgui_internal.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace wb::ui {

namespace {

// --- Layout -------------------------------------------------------------------
struct Line {
    int begin, end;  // byte offsets; `end` excludes a '\n'
    bool rtl = false;  // in a multi-line field, its paragraph is right-to-left: drawn against the right edge
};

int CharLen(const char* s, const char* end) {
    unsigned c = 0;
    int n = ImTextCharFromUtf8(&c, s, end);
    return n > 0 ? n : 1;
}

// Lines of `text`: one per paragraph, or wrapped to `wrap` (> 0). Spaces at a
// wrap stay at the end of the line they follow, as in a browser's textarea.
void LayoutLines(const std::string& text, float wrap, std::vector<Line>& out) {
    out.clear();
    ImFont* font = ImGui::GetFont();
    const char* s = text.data();
    const char* end = s + text.size();
    const char* p = s;
    for (;;) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        const char* para_end = nl ? nl : end;
        const bool rtl = wrap > 0 && StartsRtl(p, para_end);  // prose fields only; a name's field stays left
        if (wrap <= 0 || p == para_end) {
            out.push_back({static_cast<int>(p - s), static_cast<int>(para_end - s), rtl});
        } else {
            const char* q = p;
            while (q < para_end) {
                const char* brk = WrapPosition(font, ImGui::GetFontSize(), q, para_end, wrap);
                if (brk <= q) brk = q + CharLen(q, para_end);
                while (brk < para_end && *brk == ' ') brk++;
                out.push_back({static_cast<int>(q - s), static_cast<int>(brk - s), rtl});
                q = brk;
            }
        }
        if (!nl) break;
        p = nl + 1;
    }
}

// The line that shows byte `pos`: at a wrap, the caret goes to the next line's start.
int LineOf(const std::vector<Line>& lines, int pos) {
    int lo = 0, hi = static_cast<int>(lines.size()) - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (lines[mid].begin <= pos) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

float TextWidth(const char* b, const char* e) { return TextSize(ImGui::GetFont(), ImGui::GetFontSize(), b, e).x; }

// The byte offset in `line` nearest to x (relative to the line's start).
int HitLine(const std::string& text, const Line& line, float x) {
    ImFont* font = ImGui::GetFont();
    float scale = ImGui::GetFontSize() / font->FontSize;
    const char* s = text.data() + line.begin;
    const char* e = text.data() + line.end;
    if (NeedsRuns(s, e)) {
        // Words the browser draws: the character boundary whose prefix ends nearest to x.
        const char* best = s;
        float best_d = x < 0 ? 0 : x;
        for (const char* p = s; p < e;) {
            p += CharLen(p, e);
            float d = std::abs(TextWidth(s, p) - x);
            if (d < best_d) best = p, best_d = d;
        }
        return static_cast<int>(best - text.data());
    }
    float acc = 0;
    while (s < e) {
        unsigned c = 0;
        int n = ImTextCharFromUtf8(&c, s, e);
        if (n <= 0) n = 1;
        float adv = font->GetCharAdvance(static_cast<ImWchar>(c < 0x10000 ? c : IM_UNICODE_CODEPOINT_INVALID)) * scale;
        if (x < acc + adv * 0.5f) break;
        acc += adv;
        s += n;
    }
    return static_cast<int>(s - text.data());
}

bool IsWordChar(unsigned c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c == '\''; }

// The word (or run of other characters) around byte `pos`.
void WordAt(const std::string& text, int pos, int& b, int& e) {
    auto cls = [&](int i) {
        unsigned c = 0;
        ImTextCharFromUtf8(&c, text.data() + i, text.data() + text.size());
        return c == ' ' || c == '\t' ? 0 : c == '\n' ? 3 : IsWordChar(c) ? 1 : 2;
    };
    int n = static_cast<int>(text.size());
    if (n == 0) {
        b = e = 0;
        return;
    }
    if (pos >= n) pos = n - 1;
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) pos--;
    int k = cls(pos);
    b = pos;
    while (b > 0) {
        int p = b - 1;
        while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) p--;
        if (cls(p) != k) break;
        b = p;
    }
    e = pos;
    while (e < n && cls(e) == k) e += CharLen(text.data() + e, text.data() + n);
}

// --- Pointer ------------------------------------------------------------------
struct FieldGeometry {
    ImRect frame, inner;  // inner: where text is drawn (frame minus padding)
    float line_h;
    float scroll_x;       // single-line fields scroll sideways to keep the caret in view
};

// A right-to-left line's width and how far from the left it starts (0 for others).
struct LineSpan {
    float width = 0, offset = 0;
};
LineSpan SpanOf(const std::string& text, const Line& l, const FieldGeometry& g) {
    if (!l.rtl) return {};
    float w = TextWidth(text.data() + l.begin, text.data() + l.end);
    return {w, std::max(0.0f, g.inner.GetWidth() - w)};
}

// Where the caret at byte `pos` of line `l` stands, from the text's left edge. In a
// right-to-left line, measured from its right end (exact for right-to-left words;
// a Latin word inside is placed as a whole).
float XInLine(const std::string& text, const Line& l, const FieldGeometry& g, int pos) {
    float x = TextWidth(text.data() + l.begin, text.data() + pos);
    if (!l.rtl) return x;
    LineSpan span = SpanOf(text, l, g);
    return span.offset + span.width - x;
}

ImVec2 CaretPos(const std::string& text, const std::vector<Line>& lines, const FieldGeometry& g, int pos) {
    int li = LineOf(lines, pos);
    float x = XInLine(text, lines[li], g, pos);
    return ImVec2(g.inner.Min.x - g.scroll_x + x, g.inner.Min.y + li * g.line_h);
}

int HitTest(const std::string& text, const std::vector<Line>& lines, const FieldGeometry& g, ImVec2 p) {
    int li = static_cast<int>((p.y - g.inner.Min.y) / g.line_h);
    li = std::clamp(li, 0, static_cast<int>(lines.size()) - 1);
    float x = p.x - g.inner.Min.x + g.scroll_x;
    if (lines[li].rtl) {
        LineSpan span = SpanOf(text, lines[li], g);
        x = span.offset + span.width - x;
    }
    return HitLine(text, lines[li], x);
}

// Applies a selection made with the pointer: drawn at once, and sent to the DOM element.
void Select(ImGuiID id, int start, int end, bool backward) {
    TextEdit& e = Sem().edit;
    e.id = id;
    e.sel_start = start;
    e.sel_end = end;
    e.backward = backward;
    Sem().dom_select = {id, start, end, backward};
}

struct PointerState {
    int anchor = 0;   // where the press started (or the word/paragraph it selected)
    int anchor_end = 0;
};

PointerState& Pointer() {
    static PointerState s;
    return s;
}

void HandlePointer(ImGuiID id, const std::string& text, const std::vector<Line>& lines, const FieldGeometry& g,
                   bool pressed, bool held) {
    ImGuiIO& io = ImGui::GetIO();
    TextEdit& e = Sem().edit;
    PointerState& ps = Pointer();
    int k = HitTest(text, lines, g, io.MousePos);
    if (pressed) {
        int clicks = io.MouseClickedCount[0];
        if (io.KeyShift && e.id == id) {
            int anchor = e.backward ? e.sel_end : e.sel_start;
            ps.anchor = ps.anchor_end = anchor;
            Select(id, std::min(anchor, k), std::max(anchor, k), k < anchor);
        } else if (clicks >= 3) {  // the paragraph
            int b = k, en = k;
            while (b > 0 && text[b - 1] != '\n') b--;
            while (en < static_cast<int>(text.size()) && text[en] != '\n') en++;
            ps.anchor = b;
            ps.anchor_end = en;
            Select(id, b, en, false);
        } else if (clicks == 2) {
            int b, en;
            WordAt(text, k, b, en);
            ps.anchor = b;
            ps.anchor_end = en;
            Select(id, b, en, false);
        } else {
            ps.anchor = ps.anchor_end = k;
            Select(id, k, k, false);
        }
    } else if (held && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        // Drag: from the anchor (a word or paragraph stays whole) to the pointer.
        if (k < ps.anchor) Select(id, k, ps.anchor_end, true);
        else Select(id, ps.anchor, std::max(k, ps.anchor_end), false);
    }
}

// --- Draw -----------------------------------------------------------------------
void DrawField(ImGuiID id, const std::string& text, const char* hint, const std::vector<Line>& lines,
               const FieldGeometry& g, bool invalid) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& st = ImGui::GetStyle();
    const TextEdit& e = Sem().edit;
    bool editing = e.id == id;
    bool hovered = ImGui::IsItemHovered();  // shown by the I-beam pointer: a tinted field would read as selected
    dl->AddRectFilled(g.frame.Min, g.frame.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), st.FrameRounding);
    ImU32 border = invalid ? Colors().error : ImGui::GetColorU32(ImGuiCol_Border);
    dl->AddRect(g.frame.Min, g.frame.Max, border, st.FrameRounding, 0, std::max(1.0f, st.FrameBorderSize));

    ImRect clip = g.inner;
    clip.Min.x -= 1;  // room for a caret at the very start
    // Marks above and below the line (Arabic, Thai, Devanagari) may reach into the padding.
    clip.Min.y = std::min(clip.Min.y, g.frame.Min.y + 1);
    clip.Max.y = std::max(clip.Max.y, g.frame.Max.y - 1);
    clip.ClipWith(ImGui::GetCurrentWindow()->ClipRect);
    dl->PushClipRect(clip.Min, clip.Max, true);
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    if (text.empty()) {
        if (hint && *hint)
            dl->AddText(ImVec2(g.inner.Min.x, g.inner.Min.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    } else {
        // Only the lines in view: a long answer costs no more per frame than a short one.
        int first = std::max(0, static_cast<int>((clip.Min.y - g.inner.Min.y) / g.line_h));
        int last = std::min(static_cast<int>(lines.size()) - 1, static_cast<int>((clip.Max.y - g.inner.Min.y) / g.line_h));
        int s0 = std::min(e.sel_start, e.sel_end), s1 = std::max(e.sel_start, e.sel_end);
        for (int i = first; i <= last; i++) {
            const Line& l = lines[i];
            float y = g.inner.Min.y + i * g.line_h;
            float x0 = g.inner.Min.x - g.scroll_x;
            if (editing && s0 != s1 && s0 <= l.end && s1 >= l.begin) {
                int a = std::max(s0, l.begin), b = std::min(s1, l.end);
                float xa = x0 + XInLine(text, l, g, a);
                float xb = x0 + XInLine(text, l, g, b);
                if (xb < xa) std::swap(xa, xb);
                if (s1 > l.end) xb += ImGui::GetFontSize() * 0.3f;  // the selected line break
                dl->AddRectFilled(ImVec2(xa, y), ImVec2(xb, y + g.line_h), ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
            }
            DrawText(dl, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x0 + SpanOf(text, l, g).offset, y), ink,
                     text.data() + l.begin, text.data() + l.end);
            if (editing && e.comp_end > e.comp_start && e.comp_start <= l.end && e.comp_end >= l.begin) {
                // IME composition: underlined in place until it is committed.
                int a = std::max(e.comp_start, l.begin), b = std::min(e.comp_end, l.end);
                float xa = x0 + XInLine(text, l, g, a);
                float xb = x0 + XInLine(text, l, g, b);
                if (xb < xa) std::swap(xa, xb);
                dl->AddLine(ImVec2(xa, y + g.line_h - 1), ImVec2(xb, y + g.line_h - 1), ink, 1.0f);
            }
        }
    }
    if (editing) {
        int caret = e.backward ? std::min(e.sel_start, e.sel_end) : std::max(e.sel_start, e.sel_end);
        ImVec2 c = CaretPos(text, lines, g, std::clamp(caret, 0, static_cast<int>(text.size())));
        float w = std::max(1.0f, ImGui::GetFontSize() / 14.0f);
        dl->AddRectFilled(ImVec2(c.x, c.y), ImVec2(c.x + w, c.y + g.line_h), ink);
    }
    dl->PopClipRect();
    // The field that holds DOM focus has a ring (text fields show it for the mouse too, as browsers do).
    if (editing) {
        float t = std::max(2.0f, ImGui::GetFontSize() / 8.0f);
        ImRect r = g.frame;
        r.Expand(t * 0.5f + 1);
        dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight), st.FrameRounding + t, 0, t);
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
}

// --- Widgets ----------------------------------------------------------------------
struct LastField {
    bool editing = false;
    bool submitted = false;
};
LastField g_last;

// A mirrored DOM field sent new text.
bool TakeFieldValue(ImGuiID id, std::string& text) {
    SemRequests& r = Sem().requests;
    if (r.set_value_id != id) return false;
    r.set_value_id = 0;
    bool changed = r.set_value != text;
    text = std::move(r.set_value);
    r.set_value.clear();
    return changed;
}

bool EditBox(const char* id_label, const char* name, std::string& text, const char* hint, bool multiline, ImVec2 size,
             const char* error, int max_chars) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGuiID id = ImGui::GetID(id_label);
    BeforeControl(id, /*text_field=*/true);
    bool changed = TakeFieldValue(id, text);
    SemRequests& rq = Sem().requests;
    g_last.submitted = rq.submit == id;
    if (g_last.submitted) rq.submit = 0;
    TextEdit& e = Sem().edit;
    if (Sem().dom_focus_request == id && e.id != id) {  // moved here by the app: the caret at the end until the DOM says
        int n = static_cast<int>(text.size());
        e = {id, n, n, false, 0, 0};
    }
    g_last.editing = e.id == id;
    if (g_last.editing) {  // the DOM's selection may lag a value the model changed
        int n = static_cast<int>(text.size());
        e.sel_start = std::clamp(e.sel_start, 0, n);
        e.sel_end = std::clamp(e.sel_end, 0, n);
    }

    FieldGeometry g;
    g.line_h = ImGui::GetTextLineHeight();
    float width = size.x > 0 ? size.x : size.x < 0 ? ImMax(4.0f, ImGui::GetContentRegionAvail().x + size.x) : ImGui::CalcItemWidth();
    float inner_w = width - st.FramePadding.x * 2;
    static std::vector<Line> lines;
    LayoutLines(text, multiline ? inner_w : 0, lines);
    float height = st.FramePadding.y * 2 + g.line_h * (multiline ? std::max<float>(lines.size(), 1) : 1);
    if (multiline) height = std::max(height, size.y);  // grows with the text: the page scrolls, not the field
    ImVec2 pos = window->DC.CursorPos;
    g.frame = ImRect(pos, ImVec2(pos.x + width, pos.y + height));
    g.inner = ImRect(ImVec2(pos.x + st.FramePadding.x, pos.y + st.FramePadding.y),
                     ImVec2(pos.x + width - st.FramePadding.x, pos.y + height - st.FramePadding.y));

    // Sideways scroll of a single-line field, kept per field.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    ImGuiID scroll_key = id ^ 0x5c0115u, caret_key = id ^ 0xca7e7u;
    g.scroll_x = multiline ? 0 : storage->GetFloat(scroll_key, 0);

    ImGui::ItemSize(g.frame, st.FramePadding.y);
    bool visible = ImGui::ItemAdd(g.frame, id);
    if (visible) {
        bool hovered = false, held = false;
        bool pressed = ImGui::ButtonBehavior(g.frame, id, &hovered, &held, ImGuiButtonFlags_PressedOnClick);
        if (pressed || held) HandlePointer(id, text, lines, g, pressed, held);
        if (pressed) g_last.editing = true;
    }

    // Keep the caret in view when the browser moved it (typing, arrows, a screen reader).
    if (g_last.editing) {
        int caret = e.backward ? std::min(e.sel_start, e.sel_end) : std::max(e.sel_start, e.sel_end);
        caret = std::clamp(caret, 0, static_cast<int>(text.size()));
        ImVec2 c = CaretPos(text, lines, g, caret);
        if (!multiline) {
            float x = c.x + g.scroll_x - g.inner.Min.x;
            float view = g.inner.GetWidth();
            if (x - g.scroll_x > view - 2) g.scroll_x = x - view + 2;
            if (x < g.scroll_x) g.scroll_x = std::max(0.0f, x - view * 0.25f);
            storage->SetFloat(scroll_key, g.scroll_x);
            c = CaretPos(text, lines, g, caret);
        }
        int last = storage->GetInt(caret_key, -1);
        if ((last != caret || e.reveal) && !ImGui::IsItemActive()) {
            e.reveal = false;
            ImRect r(ImVec2(c.x, c.y - g.line_h * 0.5f), ImVec2(c.x + 1, c.y + g.line_h * 1.5f));
            ImGui::ScrollToRect(window, r, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_KeepVisibleEdgeX);
        }
        storage->SetInt(caret_key, caret);
    } else if (!multiline && g.scroll_x != 0 && text.empty()) {
        storage->SetFloat(scroll_key, 0);
    }

    if (visible) DrawField(id, text, hint, lines, g, error && *error);

    SemNode n;
    n.id = id;
    n.role = multiline ? Role::TextArea : Role::TextField;
    n.name = name ? name : VisibleLabel(id_label);
    n.flags = SemFlag_Focusable | (g_last.editing ? SemFlag_Focused : 0) | (error && *error ? SemFlag_Invalid : 0);
    n.value = text;
    n.desc = error && *error ? error : "";
    n.max_chars = max_chars;
    // Where the field can be seen: a press on the mirror's box must never reach a
    // field scrolled under the top bar.
    ImRect shown = g.frame;
    shown.ClipWithFull(window->ClipRect);
    n.min = shown.Min;
    n.max = shown.Max;
    Sem().Add(n);

    // An edit the browser refused (a paste over the limit): said under the field.
    FieldNotice& notice = Sem().notice;
    if (notice.id == id && !notice.text.empty()) {
        if (changed) notice = {};
        else {
            ImGui::PushStyleColor(ImGuiCol_Text, Colors().error);
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            Text(notice.text);
            SemText(Role::Text, notice.text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
    }
    return changed;
}

}  // namespace

bool TextArea(const char* id_label, const char* name, std::string& text, ImVec2 size) {
    return EditBox(id_label, name, text, nullptr, true, size, nullptr, kLongTextLimit);
}

bool TextField(const char* id_label, const char* name, std::string& text, const char* hint) {
    return EditBox(id_label, name, text, hint, false, ImVec2(0, 0), nullptr, kShortTextLimit);
}

bool TextFieldWithError(const char* id_label, const char* name, std::string& text, const char* hint, const char* error) {
    return EditBox(id_label, name, text, hint, false, ImVec2(0, 0), error, kShortTextLimit);
}

bool FieldEditing() { return g_last.editing; }
bool FieldSubmitted() { return g_last.submitted; }

}  // namespace wb::ui
