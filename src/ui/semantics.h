// The semantics tree: what a screen reader, a keyboard-only learner and the
// end-to-end tests see of the canvas. Views record nodes while they draw,
// through the widget helpers in widgets.h (one call draws and records), and the
// platform mirrors the tree into real DOM elements over the canvas.
//
// Model: Flutter's web semantics. Nodes are flat with a parent index; ids are
// the ImGui ids of the controls, so they are stable across frames and a DOM
// element can be diffed by id.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "imgui.h"

namespace wb {

enum class Role : uint8_t {
    Main, Navigation, Region, Heading, Text, Link, Button, Checkbox, Radio, RadioGroup,
    TextField, TextArea, Slider, List, ListItem, Dialog, Progress, Status,
    Paragraph,  // rich text: a container of TextRun and Link children (name = all its text)
    TextRun,    // a piece of text inside a Paragraph or ListItem
    Group,      // related controls under one name (a multiple-select question)
    Table, Row, ColumnHeader, RowHeader, Cell,  // a data table (the contacts); cells hold text or a control
};
const char* RoleName(Role r);

enum SemFlags : uint16_t {
    SemFlag_None = 0,
    SemFlag_Checked = 1 << 0,
    SemFlag_Collapsed = 1 << 1, // a disclosure button whose panel is closed (aria-expanded=false)
    SemFlag_Expanded = 1 << 2,  // ... and open (aria-expanded=true)
    SemFlag_Disabled = 1 << 3,
    SemFlag_Invalid = 1 << 4,
    SemFlag_Focusable = 1 << 5,
    SemFlag_Current = 1 << 6,   // aria-current: the section being read
    SemFlag_Focused = 1 << 7,   // has ImGui's keyboard focus
    SemFlag_OutOfView = 1 << 8, // a control scrolled wholly out of its window's view
    SemFlag_SkipTarget = 1 << 9, // a region the page's "Skip to the quiz" link leads to
    SemFlag_Grid = 1 << 10,      // a radio group laid out in rows (a calendar): its arrow keys come to the app
};

struct SemNode {
    ImGuiID id = 0;
    int parent = -1;      // index into nodes, -1 = root
    Role role = Role::Text;
    uint8_t level = 0;    // heading level
    uint16_t flags = 0;
    std::string name;     // accessible name
    std::string value;    // text field contents, slider value, progress value
    std::string desc;     // description or the invalid message
    int max_chars = 0;    // text fields: the most characters the editor accepts
    ImVec2 min, max;      // bounds in CSS pixels (ImGui's coordinates)
};

// The text field whose mirrored element holds DOM focus, and that element's
// selection: the browser edits the text (see ui/text_field.cpp). Offsets are
// UTF-8 bytes into the field's value.
struct TextEdit {
    ImGuiID id = 0;  // 0: no text field has DOM focus
    int sel_start = 0, sel_end = 0;
    bool backward = false;            // the caret is at sel_start
    int comp_start = 0, comp_end = 0;  // IME composition in progress (empty when equal)
    bool reveal = false;               // scroll the caret into view (the visible area shrank)
};

// A selection made with the pointer, for the platform to apply to the element.
struct DomSelect {
    ImGuiID id = 0;
    int start = 0, end = 0;
    bool backward = false;
};

// A message under a field: the editor refused an edit (a paste over the limit).
struct FieldNotice {
    ImGuiID id = 0;
    std::string text;
};

// Keys a grid of radios (a calendar) handles itself; the browser's own radio
// arrows would only step through the group in a line.
enum class GridKey : uint8_t { None, Left, Right, Up, Down, PageUp, PageDown, Home, End, Escape, Enter };

// What the DOM side asked of the app since the last frame.
struct SemRequests {
    ImGuiID activate = 0;  // a click, Enter or Space on a mirrored element
    ImGuiID focus = 0;     // DOM focus moved onto a mirrored control
    bool focus_reading = false;  // DOM focus moved onto text (or the page): no control has focus
    ImGuiID set_value_id = 0;  // a mirrored text field's new contents
    std::string set_value;
    ImGuiID submit = 0;        // Enter in a mirrored single-line field
    ImGuiID key_id = 0;        // a key pressed on a radio of a SemFlag_Grid group ...
    GridKey key{};             // ... and which
};

class Semantics {
public:
    void BeginFrame();
    int Add(const SemNode& n);         // returns the node index; parent = the open container
    int Open(const SemNode& n);        // a container (list, region, dialog); closed by Close()
    // Closes the innermost open container and grows its bounds to cover every
    // node recorded inside it and `drawn_max` (the bottom right of what was drawn).
    void Close(ImVec2 drawn_max = ImVec2(0, 0));
    int OpenDepth() const { return static_cast<int>(open_.size()); }  // 0 after a well-formed frame
    const std::vector<SemNode>& Nodes() const { return nodes_; }
    const SemNode* Find(ImGuiID id) const;
    const SemNode* FindByName(Role role, const std::string& name) const;  // for tests

    // Compact text form for the DOM mirror: one record per node ('\x1e'), fields
    // split by '\x1f'; text fields escape those, ESC and NUL (EscapeWire), so any
    // text is carried as it is. The platform skips the DOM when it is unchanged.
    std::string Serialize() const;

    SemRequests requests;   // filled by the platform (or a test), consumed by widgets
    std::string announcement;  // polite live-region text a widget set this frame; the app moves it to its outbox

    // Used by widget helpers: did the DOM activate this control?
    bool TakeActivate(ImGuiID id);
    bool TakeFocus(ImGuiID id);
    GridKey TakeKey(ImGuiID id);  // GridKey::None unless a grid key came for this control

    // App -> DOM focus. A view that moves focus (e.g. into the search field
    // after the search button was pressed) asks for it; the next control
    // recorded takes ImGui's focus, and, if the learner is using the DOM
    // (keyboard, screen reader), the platform moves DOM focus onto its mirror.
    void FocusNextControl() { focus_next_ = true; }
    bool ConsumeFocusNext() { bool f = focus_next_; focus_next_ = false; return f; }
    ImGuiID dom_focus_request = 0;  // read and cleared by the platform
    // An action whose outcome is text (a verdict, a score): when the learner acted
    // through the DOM, the text drawn under `key` in one of the next frames takes
    // DOM focus, so a screen reader reads it and Tab goes on from there.
    void FocusOutcome(ImGuiID key) {
        if (last_activation_from_dom) { outcome_key_ = key; outcome_frames_ = 3; }
    }
    // Call right after recording the outcome's text under `key`.
    void OutcomeDrawn(ImGuiID key);
    TextEdit edit;                  // kept by the platform from the DOM's focus and selection
    DomSelect dom_select;           // read and cleared by the platform
    FieldNotice notice;
    bool last_activation_from_dom = false;  // the latest activation came through the mirror
    // The mirrored control with DOM focus got it from the keyboard (the browser's
    // :focus-visible): the canvas draws a focus ring around it (ui::DrawFocusRing).
    bool focus_visible = false;

private:
    std::vector<SemNode> nodes_;
    std::vector<int> open_;
    std::unordered_set<ImGuiID> used_;
    bool focus_next_ = false;
    ImGuiID outcome_key_ = 0;
    int outcome_frames_ = 0;  // an outcome not drawn by then (the action failed) is dropped
};

Semantics& Sem();  // the one tree of the running UI

}  // namespace wb
