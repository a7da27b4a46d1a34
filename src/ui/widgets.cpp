#include "ui/widgets.h"

#include <cstring>

#include "imgui_internal.h"

namespace wb::ui {

std::string VisibleLabel(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

namespace {

// SetKeyboardFocusHere (1.90.1) only lands on items in the nav focus scope,
// which stays the root window's even when the control is in a child window:
// move the window and the scope here first.
void FocusHere() {
    ImGuiContext& g = *GImGui;
    ImGui::FocusWindow(g.CurrentWindow);
    g.NavFocusScopeId = g.CurrentFocusScopeId;
    ImGui::SetKeyboardFocusHere();
}

// Applies DOM-side requests for this control before it is drawn.
void BeforeControl(ImGuiID id) {
    Semantics& sem = Sem();
    if (sem.TakeFocus(id)) {
        FocusHere();
        GImGui->NavDisableHighlight = false;  // focus came from the keyboard (DOM): show the ring
    } else if (sem.ConsumeFocusNext()) {
        FocusHere();
        if (sem.last_activation_from_dom) sem.dom_focus_request = id;
    }
}

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
    Sem().Add(n);
}

int StringResize(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(data->BufTextLen);
        data->Buf = s->data();
    }
    return 0;
}

// A mirrored DOM field sent new text: take it, even if ImGui is editing the field.
bool TakeValue(ImGuiID id, std::string& text) {
    SemRequests& r = Sem().requests;
    if (r.set_value_id != id) return false;
    if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();  // drop ImGui's stale edit buffer
    text = std::move(r.set_value);
    r.set_value_id = 0;
    r.set_value.clear();
    return true;
}

}  // namespace

bool Button(const char* label, const char* name, ImVec2 size, bool disabled) {
    ImGuiID id = ImGui::GetID(label);
    BeforeControl(id);
    if (disabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label, size);
    if (disabled) ImGui::EndDisabled();
    Record(Role::Button, id, name ? name : VisibleLabel(label), disabled ? SemFlag_Disabled : 0);
    if (!disabled && Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;  // pressed with the mouse
    return pressed;
}

bool LinkRow(const char* label, bool current, const char* name, const char* desc, const char* href) {
    ImGuiID id = ImGui::GetID(label);
    BeforeControl(id);
    bool pressed = ImGui::Selectable(label, current);
    Record(Role::Link, id, name ? name : VisibleLabel(label), current ? SemFlag_Current : 0, href ? href : "", desc ? desc : "");
    if (Sem().TakeActivate(id)) pressed = true;
    else if (pressed) Sem().last_activation_from_dom = false;
    return pressed;
}

bool TextArea(const char* id_label, const char* name, std::string& text, ImVec2 size) {
    ImGuiID id = ImGui::GetID(id_label);
    BeforeControl(id);
    bool changed = TakeValue(id, text);
    changed |= ImGui::InputTextMultiline(id_label, text.data(), text.capacity() + 1, size,
                                         ImGuiInputTextFlags_CallbackResize, StringResize, &text);
    Record(Role::TextArea, id, name, 0, text);
    return changed;
}

bool TextField(const char* id_label, const char* name, std::string& text, const char* hint) {
    ImGuiID id = ImGui::GetID(id_label);
    BeforeControl(id);
    bool changed = TakeValue(id, text);
    changed |= ImGui::InputTextWithHint(id_label, hint ? hint : "", text.data(), text.capacity() + 1,
                                        ImGuiInputTextFlags_CallbackResize, StringResize, &text);
    Record(Role::TextField, id, name, 0, text);
    return changed;
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

void BeginSemRegion(Role role, const char* name, ImVec2 min, ImVec2 max) {
    SemNode n;
    n.id = ImGui::GetID(name);
    n.role = role;
    n.name = name;
    n.min = min;
    n.max = max;
    Sem().Open(n);
}

void EndSemRegion() { Sem().Close(); }

}  // namespace wb::ui
