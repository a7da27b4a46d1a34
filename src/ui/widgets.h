// Widget helpers: each draws an ImGui control and records its semantics node in
// the same call, so no view can draw a control a screen reader cannot see.
#pragma once
#include <string>

#include "imgui.h"
#include "ui/semantics.h"
#include "ui/text_runs.h"

namespace wb::ui {

// Applies what the DOM side asked of the control with this id (focus moved
// onto its mirror), or a view's FocusNextControl(), before the control is
// drawn. Every control helper calls it; controls drawn elsewhere (links in
// rich text) call it too.
void BeforeControl(ImGuiID id, bool text_field = false);

// A push button. `name` overrides the accessible name (defaults to the label
// without its "##id" suffix).
// `flags` adds states such as SemFlag_Expanded/SemFlag_Collapsed (a disclosure button).
bool Button(const char* label, const char* name = nullptr, ImVec2 size = ImVec2(0, 0), bool disabled = false,
            uint16_t flags = 0);

// A clickable row that behaves as a link (table of contents, search hits).
// `href` is what the mirrored <a> points at (e.g. "#/read/<id>"), for screen readers.
// `width` 0: the rest of the line; `height` at least kMinTarget (a pointer target).
bool LinkRow(const char* label, bool current, const char* name = nullptr, const char* desc = nullptr,
             const char* href = nullptr, ImGuiSelectableFlags flags = 0, float width = 0, float height = 0);
// The smallest pointer target, in CSS px (WCAG 2.5.8).
constexpr float kMinTarget = 24.0f;

// Text fields (ui/text_field.cpp). The browser edits them in their mirrored
// element; these draw the text, caret and selection and return true when the
// text changed. The most characters a field takes (a longer paste is refused
// with a message under the field):
constexpr int kShortTextLimit = 2000;     // names, search, dates, single lines
constexpr int kLongTextLimit = 100000;    // reflections and notes
// Multi-line; grows with its text (wrapped to the width), at least size.y tall.
bool TextArea(const char* id, const char* name, std::string& text, ImVec2 size);
// Single-line field.
bool TextField(const char* id, const char* name, std::string& text, const char* hint = nullptr);
// About the text field drawn last: it holds DOM focus (the learner is in it);
// Enter was pressed in it this frame.
bool FieldEditing();
bool FieldSubmitted();

// One option of a choice question: a radio circle or a check box and a label
// that wraps to `width`. Records Role::Radio or Role::Checkbox. `tint` (0 =
// none) colours the row to show a verdict. Returns true when activated.
bool ChoiceRow(const char* id, const std::string& text, bool selected, bool radio, float width, ImU32 tint = 0,
               bool disabled = false);

// One option of a short choice drawn inline as a pill (tier, stage, channel).
// Records Role::Radio; put the pills of one choice inside a RadioGroup region.
bool RadioPill(const char* id_label, const char* text, bool selected);

// Records a text node over the last drawn item (or an explicit rectangle).
void SemText(Role role, const std::string& text, ImVec2 min, ImVec2 max, uint8_t level = 0);

// One item of a list, holding its text (the DOM mirror reads a list item's
// text from its children, as for rich text).
void SemListItem(const std::string& text, ImVec2 min, ImVec2 max);

// A container in the semantics tree (a region, list, dialog, group) around
// what is drawn while it lives: it opens at the cursor across the available
// width and, when it goes out of scope, closes itself and grows to cover every
// node recorded inside and what was drawn. Its id comes from `id_label` when
// given, else from the name: give one when the name changes with what the
// learner types. The second form starts from explicit bounds (a canvas area).
class SemScope {
public:
    SemScope(Role role, const std::string& name, const char* id_label = nullptr);
    SemScope(Role role, const std::string& name, ImVec2 min, ImVec2 max, const char* id_label = nullptr,
             uint16_t flags = 0);
    ~SemScope();
    SemScope(const SemScope&) = delete;
    SemScope& operator=(const SemScope&) = delete;
};

// Text drawn as an item (a table cell, a value beside a label) and recorded
// over it, so a screen reader reads what the eye sees.
void TextItem(const std::string& text, Role role = Role::Text, ImU32 color = 0);

// Records a control drawn by hand (an InvisibleButton with its own drawing,
// as rich text's links) over the last item, with its focus state.
void RecordControl(Role role, ImGuiID id, const std::string& name, uint16_t flags = 0, std::string value = {},
                   std::string desc = {});

// At the end of a frame: a ring around the control that holds keyboard focus,
// when the keyboard put it there (Semantics::focus_visible). Text fields draw
// their own (for the mouse too).
void DrawFocusRing();

// Strips "##..." and "###..." ImGui id suffixes.
std::string VisibleLabel(const char* label);

}  // namespace wb::ui

namespace wb::ui {

// A check box with a label that wraps to `width` (0 = the rest of the line).
// Toggles `v` when activated (mouse, or the DOM mirror) and returns true then.
bool Checkbox(const char* label, bool& v, float width = 0);

// An integer slider from lo to hi. The DOM mirror's range input sends the new
// value as text (set_value); arrow keys step it while it has the focus.
// Records Role::Slider with the value as text. Returns true when changed.
bool SliderInt(const char* label, const char* name, int& v, int lo, int hi, float width = 0);

// A single-line field whose text failed a check: `error` (what is wrong, where,
// what to do; "" = none) is recorded as the field's invalid message.
bool TextFieldWithError(const char* id, const char* name, std::string& text, const char* hint, const char* error);

// A link whose text wraps to `width` (LinkRow keeps to one line): for
// names and details that may be long on a phone. `id` is the ImGui id label.
bool WrappedLink(const char* id, const std::string& text, float width, const char* href = nullptr);

// A thin progress bar (not a control: no focus) with no text on it (the
// caller writes the text where it can wrap). `value_text` is what a screen
// reader says ("3 of 5 follow-ups this week"); default: the percentage.
void ProgressBar(float fraction, const char* name, const char* value_text = nullptr, float width = 0);

}  // namespace wb::ui
