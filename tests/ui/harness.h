// Headless UI harness: the real App and views on ImGui with no renderer,
// driven by simulated mouse, keyboard and text input, or by the requests the
// DOM mirror would send (wb::Sem().requests). Tests assert on the model
// (App) and on the semantics tree, never on pixels.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/planner.h"
#include "imgui.h"
#include "ui/semantics.h"

struct ImGuiWindow;

namespace wbtest {

// The chapter and planner templates a Ui is built with: the embedded ones
// unless a test sets these (test_pseudo.cpp builds from a pseudo-localised copy).
inline std::string g_content_override, g_templates_override;

// The learner's "today" in every UI test.
inline const wb::planner::Day kToday = wb::planner::DayFromYmd(2026, 11, 26);

struct Ui {
    // Creates an ImGui context and an App holding the embedded chapter, with
    // `stored` as the learner's saved state ("" = a new learner). Does not draw.
    explicit Ui(float width = 1280, float height = 800, std::string_view stored = {});
    ~Ui();
    Ui(const Ui&) = delete;
    Ui& operator=(const Ui&) = delete;

    wb::App app;

    // One frame as the platform draws it: fonts/style rebuilt when the app asks,
    // NewFrame, App::Frame, Render.
    void Frame();
    void Frames(int n);
    void Resize(float width, float height);

    // Hosts a view without the App: from now on Frame() (and so Click,
    // Activate, Type...) draws `draw` inside a full-screen window with a fresh
    // semantics tree, as the App's frame would. Empty = the App again.
    void Host(std::function<void()> draw);
    // Host(draw), then one frame.
    void FrameWith(std::function<void()> draw);

    // Semantics of the last frame.
    const std::vector<wb::SemNode>& Nodes() const;
    const wb::SemNode* Find(wb::Role role, const std::string& name) const;         // exact name
    const wb::SemNode* FindContaining(wb::Role role, const std::string& part) const;  // name contains part
    std::vector<const wb::SemNode*> All(wb::Role role) const;
    std::string H1() const;  // the level-1 heading on screen (the page or section), or ""

    // Mouse: move to the node's centre, press, release (a frame between each).
    // REQUIREs that the node exists. Returns false if the node is not on screen.
    void Click(wb::Role role, const std::string& name);
    void ClickAt(ImVec2 p);
    void Wheel(ImVec2 over, float dy, int frames = 4);  // dy < 0 scrolls down
    // The DOM path: the mirrored element was clicked (Enter/Space).
    void Activate(wb::Role role, const std::string& name);
    // Keyboard: a key ImGui gets (no text field focused), or text typed into the
    // field that holds DOM focus (the browser's edit of its mirrored element).
    void Press(ImGuiKey key);
    void Type(const std::string& utf8);

    // The element the app last moved DOM focus to (Semantics::dom_focus_request), 0 = none yet.
    ImGuiID dom_focused = 0;

    // The reader's child window (for its scroll offset), or null.
    ImGuiWindow* ReaderWindow() const;
    float ReaderScrollY() const;
    float ReaderScrollMaxY() const;
    ImVec2 ReaderCentre() const;

private:
    void BrowserAfterFrame();
    void CheckSemanticsShape();
    ImGuiContext* ctx_ = nullptr;
    float built_scale_ = 0;
    std::function<void()> hosted_;
};

ImVec2 Centre(const wb::SemNode& n);
std::string Describe(const wb::SemNode* n);

}  // namespace wbtest
