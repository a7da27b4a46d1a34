#include "ui/widgets.h"

#include "core/strings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "imgui_internal.h"

namespace wb::ui {

std::string VisibleLabel(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

// SetKeyboardFocusHere (1.90.1) only lands on items in the nav focus scope,
// which stays the root window's even when the control is in a child window:
// move the window and the scope here first.
static void FocusHere() {
    ImGuiContext& g = *GImGui;
    ImGui::FocusWindow(g.CurrentWindow);
    g.NavFocusScopeId = g.CurrentFocusScopeId;
    ImGui::SetKeyboardFocusHere();
}

// Applies DOM-side requests for this control before it is drawn. A text field
// moved to by the app always takes DOM focus: only there can the learner type.
void BeforeControl(ImGuiID id, bool text_field) {
    Semantics& sem = Sem();
    if (sem.TakeFocus(id)) {
        FocusHere();
        GImGui->NavDisableHighlight = false;  // focus came from the keyboard (DOM): show the ring
    } else if (sem.ConsumeFocusNext()) {
        FocusHere();
        if (sem.last_activation_from_dom || text_field) sem.dom_focus_request = id;
    }
}

namespace {

uint16_t FocusFlags(uint16_t flags) {
    if (ImGui::IsItemFocused()) flags |= SemFlag_Focused;
    return flags | SemFlag_Focusable;
}

void Record(Role role, ImGuiID id, const std::string& name, uint16_t flags, std::string value = {}, std::string desc = {}) {
    SemNode n;
    n.id = id;
    n.role = role;
    n.name = name;
    n.flags = FocusFlags(flags);
    n.value = std::move(value);
    n.desc = std::move(desc);
    n.min = ImGui::GetItemRectMin();
    n.max = ImGui::GetItemRectMax();
    // A control scrolled partly out of view is mirrored as its visible part, so that
    // its element never lies over another control (the top bar's buttons) and a
    // pointer lands where the canvas shows it. One wholly out of view keeps its
    // bounds (tests and screen readers still reach it) but sits under every control
    // in view. Text fields keep their bounds: their element's size is the editor's.
    if (role != Role::TextField && role != Role::TextArea) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
        ImVec2 lo(std::max(n.min.x, clip_min.x), std::max(n.min.y, clip_min.y));
        ImVec2 hi(std::min(n.max.x, clip_max.x), std::min(n.max.y, clip_max.y));
        // A sliver (less than a target's height showing) counts as out of view.
        if (lo.x < hi.x && hi.y - lo.y >= std::min(kMinTarget, n.max.y - n.min.y)) {
            n.min = lo;
            n.max = hi;
        } else {
            n.flags |= SemFlag_OutOfView;
        }
    }
    Sem().Add(n);
}

// A mirrored DOM control (a slider's range input) sent a new value.
bool TakeValue(ImGuiID id, std::string& text) {
    SemRequests& r = Sem().requests;
    if (r.set_value_id != id) return false;
    text = std::move(r.set_value);
    r.set_value_id = 0;
    r.set_value.clear();
    return true;
}

}  // namespace

bool Button(const char* label, const char* name, ImVec2 size, bool disabled, uint16_t flags) {
    ImGuiID id = ImGui::GetID(label);
    BeforeControl(id);
    // A label the browser draws (ui/text_runs.h): ImGui's own drawing of it is hidden.
    const std::string visible = VisibleLabel(label);
    const bool runs = NeedsRuns(visible.data(), visible.data() + visible.size());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    ImVec2 ts;
    if (runs) {
        ts = TextSize(visible);
        if (size.x == 0) size.x = ts.x + pad.x * 2;
        ImGui::PushStyleColor(ImGuiCol_Text, 0u);
    }
    if (disabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label, size);
    if (disabled) ImGui::EndDisabled();
    if (runs) {
        ImGui::PopStyleColor();
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImVec2 at(std::max(a.x + pad.x, (a.x + b.x - ts.x) * 0.5f), std::max(a.y + pad.y, (a.y + b.y - ts.y) * 0.5f));
        ImU32 ink = ImGui::GetColorU32(disabled ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        DrawText(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(), at, ink, visible.data(),
                 visible.data() + visible.size());
    }
    Record(Role::Button, id, name ? name : VisibleLabel(label), flags | (disabled ? SemFlag_Disabled : 0));
    if (!disabled && Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;  // pressed with the mouse
    return pressed;
}

bool LinkRow(const char* label, bool current, const char* name, const char* desc, const char* href,
             ImGuiSelectableFlags flags, float width, float height) {
    ImGuiID id = ImGui::GetID(label);
    BeforeControl(id);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    // A label the browser draws (ui/text_runs.h): ImGui's own drawing of it is hidden.
    const std::string visible = VisibleLabel(label);
    const bool runs = NeedsRuns(visible.data(), visible.data() + visible.size());
    if (runs) ImGui::PushStyleColor(ImGuiCol_Text, 0u);
    bool pressed = ImGui::Selectable(label, current, flags, ImVec2(width, std::max({height, kMinTarget, ImGui::GetTextLineHeight()})));
    if (runs) {
        ImGui::PopStyleColor();
        ImVec2 a = ImGui::GetItemRectMin();
        float h = ImGui::GetItemRectSize().y;
        DrawText(ImGui::GetWindowDrawList(), ImVec2(a.x, a.y + (h - ImGui::GetFontSize()) * 0.5f),
                 ImGui::GetColorU32(ImGuiCol_Text), visible);
    }
    ImGui::PopStyleVar();
    Record(Role::Link, id, name ? name : VisibleLabel(label), current ? SemFlag_Current : 0, href ? href : "", desc ? desc : "");
    if (Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;
    return pressed;
}

bool ChoiceRow(const char* id_label, const std::string& text, bool selected, bool radio, float width, ImU32 tint,
               bool disabled) {
    ImGuiID id = ImGui::GetID(id_label);
    BeforeControl(id);
    const ImGuiStyle& st = ImGui::GetStyle();
    float box = ImGui::GetFontSize();
    float text_x = box + st.ItemInnerSpacing.x * 2;
    float wrap = std::max(box * 4, width - text_x - st.FramePadding.x * 2);
    ImVec2 text_size = TextSize(text, wrap);
    ImVec2 size(width, std::max(box, text_size.y) + st.FramePadding.y * 2);
    ImVec2 a = ImGui::GetCursorScreenPos();
    if (disabled) ImGui::BeginDisabled();
    bool pressed = ImGui::InvisibleButton(id_label, size);
    if (disabled) ImGui::EndDisabled();
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = tint ? tint : ImGui::GetColorU32(hovered && !disabled ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    dl->AddRectFilled(a, ImVec2(a.x + size.x, a.y + size.y), bg, st.FrameRounding);
    dl->AddRect(a, ImVec2(a.x + size.x, a.y + size.y), ImGui::GetColorU32(selected ? ImGuiCol_CheckMark : ImGuiCol_Border),
                st.FrameRounding, 0, selected ? 2.0f : 1.0f);
    ImVec2 c(a.x + st.FramePadding.x + box * 0.5f, a.y + st.FramePadding.y + box * 0.5f);
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 mark = ImGui::GetColorU32(ImGuiCol_CheckMark);
    if (radio) {
        dl->AddCircle(c, box * 0.45f, ink, 0, 1.5f);
        if (selected) dl->AddCircleFilled(c, box * 0.25f, mark);
    } else {
        ImVec2 b0(c.x - box * 0.45f, c.y - box * 0.45f), b1(c.x + box * 0.45f, c.y + box * 0.45f);
        dl->AddRect(b0, b1, ink, 2.0f, 0, 1.5f);
        if (selected) {
            dl->AddRectFilled(ImVec2(b0.x + 3, b0.y + 3), ImVec2(b1.x - 3, b1.y - 3), mark, 1.0f);
        }
    }
    DrawText(dl, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + st.FramePadding.x + text_x, a.y + st.FramePadding.y),
             ink, text.data(), text.data() + text.size(), wrap);
    if (hovered && !disabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    Record(radio ? Role::Radio : Role::Checkbox, id, text,
           (selected ? SemFlag_Checked : 0) | (disabled ? SemFlag_Disabled : 0));
    if (!disabled && Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;
    return pressed && !disabled;
}

bool RadioPill(const char* id_label, const char* text, bool selected) {
    ImGuiID id = ImGui::GetID(id_label);
    BeforeControl(id);
    const ImGuiStyle& st = ImGui::GetStyle();
    ImVec2 ts = ImGui::CalcTextSize(text);
    ImVec2 size(ts.x + st.FramePadding.x * 2, ts.y + st.FramePadding.y * 2);
    ImVec2 a = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id_label, size);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = ImGui::GetColorU32(selected ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    dl->AddRectFilled(a, ImVec2(a.x + size.x, a.y + size.y), bg, size.y * 0.5f);
    dl->AddRect(a, ImVec2(a.x + size.x, a.y + size.y), ImGui::GetColorU32(selected ? ImGuiCol_CheckMark : ImGuiCol_Border),
                size.y * 0.5f, 0, selected ? 2.0f : 1.0f);
    dl->AddText(ImVec2(a.x + st.FramePadding.x, a.y + st.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text), text);
    if (ImGui::IsItemFocused() && !GImGui->NavDisableHighlight) ImGui::RenderNavHighlight(ImRect(a, ImVec2(a.x + size.x, a.y + size.y)), id);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    Record(Role::Radio, id, text, selected ? SemFlag_Checked : 0);
    if (Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;
    return pressed;
}

void SemText(Role role, const std::string& text, ImVec2 min, ImVec2 max, uint8_t level) {
    SemNode n;
    // Stable for the same words in the same window; salted by role so a text
    // never takes the id of a control with the same label.
    n.id = ImGui::GetID(text.c_str()) ^ (0x9e3779b9u * (static_cast<unsigned>(role) + 1));
    n.role = role;
    n.level = level;
    n.name = text;
    n.min = min;
    n.max = max;
    Sem().Add(n);
}

void SemListItem(const std::string& text, ImVec2 min, ImVec2 max) {
    SemNode li;
    li.id = ImGui::GetID(text.c_str()) ^ 0x6c69u;
    li.role = Role::ListItem;
    li.name = text;
    li.min = min;
    li.max = max;
    Sem().Open(li);
    SemNode run = li;
    run.role = Role::TextRun;
    run.id ^= 0x7275u;
    Sem().Add(run);
    Sem().Close();
}

SemScope::SemScope(Role role, const std::string& name, const char* id_label)
    : SemScope(role, name, ImGui::GetCursorScreenPos(),
               ImVec2(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y),
               id_label) {}

SemScope::SemScope(Role role, const std::string& name, ImVec2 min, ImVec2 max, const char* id_label, uint16_t flags) {
    SemNode n;
    n.flags = flags;
    n.id = id_label ? ImGui::GetID(id_label) : ImGui::GetID(name.data(), name.data() + name.size());
    n.role = role;
    n.name = name;
    n.min = min;
    n.max = max;
    Sem().Open(n);
}

SemScope::~SemScope() {
    // The cursor is where the next item would go: the scope's drawing ends above it.
    ImVec2 end = ImGui::GetCursorScreenPos();
    ImVec2 item = ImGui::GetItemRectMax();
    Sem().Close(ImVec2(std::max(item.x, end.x), std::max(item.y, end.y - ImGui::GetStyle().ItemSpacing.y)));
}

void TextItem(const std::string& text, Role role, ImU32 color) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    Text(text);
    if (color) ImGui::PopStyleColor();
    SemText(role, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void DrawFocusRing() {
    const Semantics& sem = Sem();
    if (!sem.focus_visible) return;
    for (const SemNode& n : sem.Nodes()) {
        if (!(n.flags & SemFlag_Focused)) continue;
        if (n.role == Role::TextField || n.role == Role::TextArea) return;
        float t = std::max(2.0f, std::round(ImGui::GetFontSize() / 8.0f));
        ImRect r(n.min, n.max);
        r.Expand(t + 1.0f);
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        // A halo of the page's colour under the accent ring: the ring keeps its
        // contrast on a filled button, a tinted row or the bare page alike.
        dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_WindowBg), t * 2, 0, t + 2.0f);
        dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight), t * 2, 0, t);
        return;
    }
}

void RecordControl(Role role, ImGuiID id, const std::string& name, uint16_t flags, std::string value,
                   std::string desc) {
    Record(role, id, name, flags, std::move(value), std::move(desc));
}

}  // namespace wb::ui

namespace wb::ui {

bool Checkbox(const char* label, bool& v, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    if (!ChoiceRow(label, VisibleLabel(label), v, false, width)) return false;
    v = !v;
    return true;
}

bool SliderInt(const char* label, const char* name, int& v, int lo, int hi, float width) {
    ImGuiID id = ImGui::GetID(label);
    BeforeControl(id);
    bool changed = false;
    std::string text;
    if (TakeValue(id, text)) {
        int n = std::atoi(text.c_str());
        n = std::clamp(n, lo, hi);
        changed = n != v;
        v = n;
    }
    if (width > 0) ImGui::SetNextItemWidth(width);
    changed |= ImGui::SliderInt(label, &v, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
    // ImGui's own keyboard stepping needs its keyboard navigation, which is
    // off (DOM focus is the keyboard focus): step with the arrows here.
    if (ImGui::IsItemFocused() && !ImGui::IsItemActive()) {
        int step = 0;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow)) step = -1;
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)) step = 1;
        int n = std::clamp(v + step, lo, hi);
        if (n != v) {
            v = n;
            changed = true;
        }
    }
    Record(Role::Slider, id, name ? name : VisibleLabel(label), 0, std::to_string(v),
           TrF("ui.range", {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}}));
    return changed;
}

bool WrappedLink(const char* id_label, const std::string& text, float width, const char* href) {
    ImGuiID id = ImGui::GetID(id_label);
    BeforeControl(id);
    const ImGuiStyle& st = ImGui::GetStyle();
    float wrap = std::max(ImGui::GetFontSize() * 4, width - st.FramePadding.x * 2);
    ImVec2 ts = TextSize(text, wrap);
    ImVec2 size(std::min(width, ts.x + st.FramePadding.x * 2), std::max(kMinTarget, ts.y + st.FramePadding.y));
    ImVec2 a = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id_label, size);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) {
        dl->AddRectFilled(a, ImVec2(a.x + size.x, a.y + size.y), ImGui::GetColorU32(ImGuiCol_HeaderHovered), st.FrameRounding);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImVec2 tp(a.x + st.FramePadding.x, a.y + (size.y - ts.y) * 0.5f);
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_NavHighlight);  // the theme's link/accent colour
    DrawText(dl, ImGui::GetFont(), ImGui::GetFontSize(), tp, ink, text.data(), text.data() + text.size(), wrap);
    dl->AddLine(ImVec2(tp.x, tp.y + ts.y - 1), ImVec2(tp.x + std::min(ts.x, wrap), tp.y + ts.y - 1), ink, 1.0f);
    Record(Role::Link, id, text, 0, href ? href : "");
    if (Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;
    return pressed;
}

void ProgressBar(float fraction, const char* name, const char* value_text, float width) {
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    char pct[16];
    std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(fraction * 100 + 0.5f));
    const char* value = value_text ? value_text : pct;
    // No text on the bar: it would be cut off on a narrow bar; the page writes it beside.
    ImGui::ProgressBar(fraction, ImVec2(width > 0 ? width : -FLT_MIN, ImGui::GetFontSize() * 0.6f), "");
    SemNode n;
    n.id = ImGui::GetID(name) ^ 0x70726f67u;  // "prog": never a control's id
    n.role = Role::Progress;
    n.name = name;
    n.value = value;
    n.min = ImGui::GetItemRectMin();
    n.max = ImGui::GetItemRectMax();
    Sem().Add(n);
}

}  // namespace wb::ui
