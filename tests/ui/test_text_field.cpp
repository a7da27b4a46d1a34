// Text fields (src/ui/text_field.cpp): the browser edits the mirrored element,
// the canvas draws. These drive the pointer as the platform feeds it and check
// the selection the field hands to the DOM, the text it takes back, and that
// the semantics wire format carries any text.
#include <doctest/doctest.h>

#include "harness.h"
#include "imgui_internal.h"
#include "ui/widgets.h"

using wb::Role;
using wbtest::Ui;

namespace {

const char* kName = "Test field";

// A page with one single-line field and one multi-line field, bound to these strings.
struct Page {
    std::string line = "alpha beta gamma";
    std::string para = "one two\nthree four";
    bool submitted = false;
    bool editing_line = false;
    void Draw() {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
        wb::ui::TextField("##line", kName, line);
        submitted |= wb::ui::FieldSubmitted();
        editing_line = wb::ui::FieldEditing();
        wb::ui::TextArea("##para", "Paragraph", para, ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 4));
        wb::ui::Button("Elsewhere");
    }
};

// The x of byte `pos` in a single-line field that starts at `n`'s left edge.
float XOf(const wb::SemNode& n, const std::string& text, int pos) {
    return n.min.x + ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize(text.c_str(), text.c_str() + pos).x;
}

// `n` quick clicks at `p` (a double or triple click), a frame between each event.
void Clicks(Ui& ui, ImVec2 p, int n) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(p.x, p.y);
    ui.Frame();
    for (int i = 0; i < n; i++) {
        io.AddMouseButtonEvent(0, true);
        ui.Frame();
        io.AddMouseButtonEvent(0, false);
        ui.Frame();
    }
}

}  // namespace

TEST_CASE("text field: a click puts the caret at the clicked character and gives the element DOM focus") {
    Ui ui(1000, 600);
    Page page;
    ui.FrameWith([&] { page.Draw(); });
    ui.Frame();
    const wb::SemNode* n = ui.Find(Role::TextField, kName);
    REQUIRE(n != nullptr);
    CHECK(n->max_chars == wb::ui::kShortTextLimit);
    // Just after the 'b' of "beta" (byte 7): the caret lands there.
    float x = XOf(*n, page.line, 7) - 1;
    ui.ClickAt(ImVec2(x, (n->min.y + n->max.y) / 2));
    CHECK(wb::Sem().edit.id == n->id);
    CHECK(wb::Sem().edit.sel_start == 7);
    CHECK(wb::Sem().edit.sel_end == 7);
    CHECK(page.editing_line);
    // Typing (the browser's edit of the element) inserts there.
    ui.Type("X");
    CHECK(page.line == "alpha bXeta gamma");
    n = ui.Find(Role::TextField, kName);
    CHECK((n->flags & wb::SemFlag_Focused) != 0);
    // A click elsewhere takes DOM focus from the field.
    ui.Click(Role::Button, "Elsewhere");
    CHECK(wb::Sem().edit.id == 0);
    CHECK_FALSE(page.editing_line);
}

TEST_CASE("text field: double-click selects a word, triple-click the paragraph, Shift+click extends, drag selects") {
    Ui ui(1000, 600);
    Page page;
    ui.FrameWith([&] { page.Draw(); });
    ui.Frame();
    const wb::SemNode* n = ui.Find(Role::TextField, kName);
    REQUIRE(n != nullptr);
    ImGuiIO& io = ImGui::GetIO();
    float y = (n->min.y + n->max.y) / 2;
    ImVec2 in_beta(XOf(*n, page.line, 8), y);

    // Double-click on "beta": the word (bytes 6 to 10).
    Clicks(ui, in_beta, 2);
    CHECK(wb::Sem().edit.sel_start == 6);
    CHECK(wb::Sem().edit.sel_end == 10);

    // Shift+click before "alpha"'s end extends from the anchor (the caret's other end).
    ui.ClickAt(ImVec2(XOf(*n, page.line, 2), y));  // a plain click: caret at 2
    CHECK(wb::Sem().edit.sel_start == 2);
    io.AddKeyEvent(ImGuiMod_Shift, true);
    ui.ClickAt(ImVec2(XOf(*n, page.line, 13), y));
    io.AddKeyEvent(ImGuiMod_Shift, false);
    ui.Frame();
    CHECK(wb::Sem().edit.sel_start == 2);
    CHECK(wb::Sem().edit.sel_end == 13);
    CHECK_FALSE(wb::Sem().edit.backward);

    // Drag from "gamma"'s end back to "beta"'s start: a backward selection.
    io.AddMousePosEvent(XOf(*n, page.line, 16), y);
    ui.Frame();
    io.AddMouseButtonEvent(0, true);
    ui.Frame();
    io.AddMousePosEvent(XOf(*n, page.line, 6), y);
    ui.Frame();
    ui.Frame();
    io.AddMouseButtonEvent(0, false);
    ui.Frame();
    CHECK(wb::Sem().edit.sel_start == 6);
    CHECK(wb::Sem().edit.sel_end == 16);
    CHECK(wb::Sem().edit.backward);
    ui.Type("Z");
    CHECK(page.line == "alpha Z");

    // Triple-click in the multi-line field selects the paragraph under the pointer.
    const wb::SemNode* a = ui.Find(Role::TextArea, "Paragraph");
    REQUIRE(a != nullptr);
    float line_h = ImGui::GetTextLineHeight();
    ImVec2 second(a->min.x + ImGui::GetStyle().FramePadding.x + 4, a->min.y + ImGui::GetStyle().FramePadding.y + line_h * 1.5f);
    Clicks(ui, second, 3);
    CHECK(wb::Sem().edit.id == a->id);
    CHECK(wb::Sem().edit.sel_start == 8);   // "three four" starts after "one two\n"
    CHECK(wb::Sem().edit.sel_end == 18);
}

TEST_CASE("text field: a multi-line field wraps and grows with its text; Enter in a single-line field is reported") {
    Ui ui(1000, 600);
    Page page;
    ui.FrameWith([&] { page.Draw(); });
    const wb::SemNode* a = ui.Find(Role::TextArea, "Paragraph");
    REQUIRE(a != nullptr);
    float h0 = a->max.y - a->min.y;
    CHECK(a->max_chars == wb::ui::kLongTextLimit);
    // Forty words: wider than the field, so they wrap onto more lines and the field grows.
    std::string words;
    for (int i = 0; i < 40; i++) words += "networking ";
    wb::Sem().requests.set_value_id = a->id;
    wb::Sem().requests.set_value = words;
    ui.Frames(2);
    CHECK(page.para == words);
    a = ui.Find(Role::TextArea, "Paragraph");
    CHECK(a->max.y - a->min.y > h0 * 1.5f);
    CHECK(a->max.x - a->min.x == doctest::Approx(ImGui::GetFontSize() * 30));

    const wb::SemNode* n = ui.Find(Role::TextField, kName);
    wb::Sem().requests.submit = n->id;
    ui.Frame();
    CHECK(page.submitted);
}

TEST_CASE("text field: a refused edit is said under the field, and the text stays") {
    Ui ui(1000, 600);
    Page page;
    ui.FrameWith([&] { page.Draw(); });
    const wb::SemNode* n = ui.Find(Role::TextField, kName);
    wb::Sem().notice = {n->id, "Not added: that would make 5000016 characters, and this field holds at most 2000."};
    ui.Frame();
    CHECK(page.line == "alpha beta gamma");
    CHECK(ui.FindContaining(Role::Text, "holds at most 2000") != nullptr);
    // The next real edit clears it.
    wb::Sem().requests.set_value_id = n->id;
    wb::Sem().requests.set_value = "alpha";
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "holds at most 2000") == nullptr);
    wb::Sem().notice = {};
}

TEST_CASE("semantics wire format: separators, ESC and NUL in any text are escaped, so no text makes nodes") {
    Ui ui(1000, 600);
    Page page;
    page.line = std::string("evil\x1e" "999\x1f" "0\x1f" "link\x1b" "x", 17) + std::string(1, '\0') + "tail";
    ui.FrameWith([&] { page.Draw(); });
    std::string wire = wb::Sem().Serialize();
    size_t records = 0;
    for (char c : wire) records += c == '\x1e';
    CHECK(records == ui.Nodes().size());  // one separator per node: the value added none
    CHECK(wire.find("evil\x1b" "1999\x1b" "20\x1b" "2link\x1b" "0x\x1b" "3tail") != std::string::npos);
}
