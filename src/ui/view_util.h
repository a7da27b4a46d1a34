// Small drawing helpers shared by the views (text with semantics, spacing).
#pragma once
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace wb::ui {

inline float Em() { return GetFonts().body_size; }

// Vertical space in multiples of the font size, in whole pixels: ImGui
// truncates cursor positions, so fractional gaps would make a section's height
// depend on its scroll offset.
inline void Gap(float em) { ImGui::Dummy(ImVec2(0, std::round(Em() * em))); }

// A heading that wraps, recorded as a heading of `level` for screen readers.
inline void HeadingText(ImFont* font, const std::string& text, uint8_t level) {
    ImGui::PushFont(font);
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(0.0f);
    Text(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    SemText(Role::Heading, text, a, ImGui::GetItemRectMax(), level);
}

// Wrapped text in a colour (default: muted), recorded as text.
inline void WrappedText(const std::string& text, ImU32 color = 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : Colors().text_muted);
    ImGui::PushTextWrapPos(0.0f);
    Text(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    SemText(Role::Text, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}
inline void MutedText(const std::string& text) { WrappedText(text); }

}  // namespace wb::ui
