#include "harness.h"

#include <doctest/doctest.h>

#include <cmath>

#include "app/assets.h"
#include "imgui_internal.h"
#include "ui/theme.h"

namespace wbtest {

Ui::Ui(float width, float height, std::string_view stored) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // As in the browser: no ImGui keyboard navigation (DOM focus in the semantics mirror is the keyboard focus).
    io.ConfigInputTextCursorBlink = false;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;

    wb::Sem().requests = {};  // the tree is a process-wide singleton: no requests left by an earlier test
    wb::Sem().edit = {};
    wb::Sem().dom_select = {};
    wb::Sem().notice = {};
    wb::Sem().announcement.clear();

    std::string error;
    std::string_view content(reinterpret_cast<const char*>(wb::assets::content_bin), wb::assets::content_bin_size);
    if (!g_content_override.empty()) content = g_content_override;
    REQUIRE_MESSAGE(app.Init(content, error), error);
    app.LoadState(stored);  // as the platform does at start, even with nothing stored
    app.SetToday(kToday);
    app.SetClock(1764115200000);  // 2025-11-26 00:00 UTC: fixed, so revisions are predictable
    app.SetTemplates(!g_templates_override.empty()
                         ? std::string_view(g_templates_override)
                         : std::string_view(reinterpret_cast<const char*>(wb::assets::planner_templates),
                                            wb::assets::planner_templates_size));
    // As the platform does once IndexedDB has been read: here, an empty planner.
    app.PlannerLoaded(app.planner().FinishLoad());
    app.SetViewportWide(width >= 17.0f * 48);  // the platform's rule at 100% text

    wb::ui::BuildFonts(app.TextScale(), 1.0f, true);
    built_scale_ = app.TextScale();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    app.out.fonts_dirty = false;
    wb::ui::ApplyTheme(app.CurrentPalette(), app.HighContrast(), app.TextScale());
    app.out.style_dirty = false;
}

Ui::~Ui() {
    ImGui::DestroyContext(ctx_);
    wb::Sem().requests = {};
}

void Ui::Frame() {
    ImGuiIO& io = ImGui::GetIO();
    // As src/platform/web_main.cpp DrawFrame: rebuild fonts, then the style.
    if (app.out.fonts_dirty || app.TextScale() != built_scale_) {
        wb::ui::BuildFonts(app.TextScale(), 1.0f, true);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        built_scale_ = app.TextScale();
        app.out.fonts_dirty = false;
        app.out.style_dirty = true;
    }
    if (app.out.style_dirty) {
        wb::ui::ApplyTheme(app.CurrentPalette(), app.HighContrast(), app.TextScale());
        app.out.style_dirty = false;
    }
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    if (hosted_) {
        wb::Sem().BeginFrame();
        ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->Pos);
        ImGui::SetNextWindowSize(vp->Size);
        ImGui::Begin("##host", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        hosted_();
        ImGui::End();
    } else {
        app.Frame();
    }
    ImGui::Render();
    CheckSemanticsShape();
    BrowserAfterFrame();
}

// Every frame of every test: a container opened by hand (Sem().Open) and not
// closed would swallow the rest of the page into it.
void Ui::CheckSemanticsShape() {
    CHECK_MESSAGE(wb::Sem().OpenDepth() == 0, "a semantics container was left open at the end of a frame");
}

// What web_bridge.js does with the app's requests after a frame: a field asked
// for DOM focus or chose a selection with the pointer; its element takes them
// and reports back its focus and selection (Sem().edit).
void Ui::BrowserAfterFrame() {
    wb::Semantics& sem = wb::Sem();
    if (sem.dom_select.id) {
        sem.edit = {sem.dom_select.id, sem.dom_select.start, sem.dom_select.end, sem.dom_select.backward, 0, 0};
        sem.dom_select = {};
    }
    if (sem.dom_focus_request) {
        dom_focused = sem.dom_focus_request;
        const wb::SemNode* n = sem.Find(sem.dom_focus_request);
        bool text = n && (n->role == wb::Role::TextField || n->role == wb::Role::TextArea);
        if (text && sem.edit.id != n->id) {
            int end = static_cast<int>(n->value.size());
            sem.edit = {n->id, end, end, false, 0, 0};
        } else if (!text) {
            sem.edit = {};
        }
        sem.dom_focus_request = 0;
    }
}

std::string Ui::H1() const {
    for (const wb::SemNode* n : All(wb::Role::Heading))
        if (n->level == 1) return n->name;
    return "";
}

void Ui::Host(std::function<void()> draw) { hosted_ = std::move(draw); }

void Ui::FrameWith(std::function<void()> draw) {
    Host(std::move(draw));
    Frame();
}

void Ui::Frames(int n) {
    for (int i = 0; i < n; ++i) Frame();
}

void Ui::Resize(float width, float height) { ImGui::GetIO().DisplaySize = ImVec2(width, height); }

const std::vector<wb::SemNode>& Ui::Nodes() const { return wb::Sem().Nodes(); }

const wb::SemNode* Ui::Find(wb::Role role, const std::string& name) const { return wb::Sem().FindByName(role, name); }

const wb::SemNode* Ui::FindContaining(wb::Role role, const std::string& part) const {
    for (const wb::SemNode& n : Nodes())
        if (n.role == role && n.name.find(part) != std::string::npos) return &n;
    return nullptr;
}

std::vector<const wb::SemNode*> Ui::All(wb::Role role) const {
    std::vector<const wb::SemNode*> out;
    for (const wb::SemNode& n : Nodes())
        if (n.role == role) out.push_back(&n);
    return out;
}

ImVec2 Centre(const wb::SemNode& n) { return ImVec2((n.min.x + n.max.x) * 0.5f, (n.min.y + n.max.y) * 0.5f); }

std::string Describe(const wb::SemNode* n) {
    if (!n) return "(no node)";
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s \"%s\" at (%.0f,%.0f)-(%.0f,%.0f)", wb::RoleName(n->role), n->name.c_str(), n->min.x,
                  n->min.y, n->max.x, n->max.y);
    return buf;
}

void Ui::ClickAt(ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(p.x, p.y);
    Frame();  // hover settles
    // As web_bridge.js on mousedown: a field under the pointer takes DOM focus;
    // a press anywhere else takes it from the field that had it.
    const wb::SemNode* field = nullptr;
    for (const wb::SemNode& n : Nodes())
        if ((n.role == wb::Role::TextField || n.role == wb::Role::TextArea) && p.x >= n.min.x && p.y >= n.min.y &&
            p.x < n.max.x && p.y < n.max.y)
            field = &n;
    if (!field) wb::Sem().edit = {};
    else if (wb::Sem().edit.id != field->id) wb::Sem().edit = {field->id, 0, 0, false, 0, 0};
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    Frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    Frame();  // pressed on release
    Frame();  // the intent's effects are drawn
}

void Ui::Click(wb::Role role, const std::string& name) {
    const wb::SemNode* n = Find(role, name);
    REQUIRE_MESSAGE(n != nullptr, "no ", wb::RoleName(role), " named \"", name, "\" to click");
    ImVec2 c = Centre(*n);
    ImVec2 display = ImGui::GetIO().DisplaySize;
    REQUIRE_MESSAGE((c.x >= 0 && c.y >= 0 && c.x < display.x && c.y < display.y), Describe(n), " is off screen");
    ClickAt(c);
}

void Ui::Wheel(ImVec2 over, float dy, int frames) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(over.x, over.y);
    Frame();
    io.AddMouseWheelEvent(0.0f, dy);
    Frames(frames);
}

void Ui::Activate(wb::Role role, const std::string& name) {
    const wb::SemNode* n = Find(role, name);
    REQUIRE_MESSAGE(n != nullptr, "no ", wb::RoleName(role), " named \"", name, "\" to activate");
    wb::Sem().requests.activate = n->id;
    Frame();
    Frame();  // the intent's effects are drawn
}

void Ui::Press(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    Frame();
    io.AddKeyEvent(key, false);
    Frame();
    Frame();
}

// As the browser edits the focused field's element: the typed text replaces
// its selection, and the element reports its value and caret.
void Ui::Type(const std::string& utf8) {
    wb::TextEdit& e = wb::Sem().edit;
    REQUIRE_MESSAGE(e.id != 0, "no text field has DOM focus to type \"", utf8, "\" into");
    const wb::SemNode* n = wb::Sem().Find(e.id);
    REQUIRE_MESSAGE(n != nullptr, "the focused text field is not drawn");
    std::string value = n->value;
    int a = std::min(e.sel_start, e.sel_end), b = std::max(e.sel_start, e.sel_end);
    value.replace(static_cast<size_t>(a), static_cast<size_t>(b - a), utf8);
    wb::Sem().requests.set_value_id = e.id;
    wb::Sem().requests.set_value = value;
    e.sel_start = e.sel_end = a + static_cast<int>(utf8.size());
    Frames(2);
}

ImGuiWindow* Ui::ReaderWindow() const {
    for (ImGuiWindow* w : GImGui->Windows)
        if (std::string(w->Name).find("/##reader_") != std::string::npos) return w;
    return nullptr;
}

float Ui::ReaderScrollY() const {
    ImGuiWindow* w = ReaderWindow();
    REQUIRE(w != nullptr);
    return w->Scroll.y;
}

float Ui::ReaderScrollMaxY() const {
    ImGuiWindow* w = ReaderWindow();
    REQUIRE(w != nullptr);
    return w->ScrollMax.y;
}

ImVec2 Ui::ReaderCentre() const {
    ImGuiWindow* w = ReaderWindow();
    REQUIRE(w != nullptr);
    return ImVec2(w->Pos.x + w->Size.x * 0.5f, w->Pos.y + w->Size.y * 0.5f);
}

}  // namespace wbtest
