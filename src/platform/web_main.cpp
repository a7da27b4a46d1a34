// The browser platform: the only code that knows it runs in a page.
//
// Index
//   Bridge       functions implemented in web_bridge.js
//   Frames       render on demand: draw a few frames after input, then stop rAF
//   Input        pointer, wheel, touch (on the container only), keyboard
//   Exports      entry points the JS side calls (resize, hash, semantics, text fields)
//   Storage      load at start, debounced save, quarantine of unreadable data
//   main
//
// Built on emscripten/html5.h rather than -sUSE_GLFW=3: the built-in GLFW has
// no HiDPI, broken touch, a no-op clipboard, no IME, and puts its wheel handler
// on the document, which stops the page around an embedded workbook scrolling.
#include <emscripten.h>
#include "core/strings.h"
#include <emscripten/html5.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app/app.h"
#include "app/assets.h"
#include "core/quiz.h"  // Fnv1a64
#include "imgui.h"
#include "imgui_internal.h"  // the input queue (render on demand)
#include "platform/gl_renderer.h"
#include "platform/web_lms.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/text_runs.h"

// --- Bridge -----------------------------------------------------------------
extern "C" {
void wb_js_init();
double wb_js_dpr();
void wb_js_css_size(double* w, double* h);
char* wb_js_storage_get(const char* key);                 // malloc'd, or null
int wb_js_storage_set(const char* key, const char* value);  // 0 ok, 1 quota, 2 unavailable
int wb_js_storage_available();
char* wb_js_get_hash();
void wb_js_push_hash(const char* hash);
void wb_js_set_title(const char* title);
void wb_js_set_clipboard(const char* text);
void wb_js_set_cursor(const char* css_cursor);
void wb_js_sem_update(const char* serialized);
void wb_js_sem_focus_element(unsigned id);
void wb_js_sem_select(unsigned id, int start, int end, int backward);  // UTF-8 offsets; focuses the field
void wb_js_announce(const char* text);
void wb_js_open_url(const char* url);
void wb_js_download(const char* filename, const char* mime, const char* data);
int wb_js_prefers_dark();
int wb_js_forced_colors(uint32_t* rgba8);  // under forced-colors: the 8 SystemColors (RGBA bytes), returns 1
double wb_js_now();                 // Date.now()
char* wb_js_tab_id();               // a random id for this tab (record revisions)
void wb_js_choose_file(int purpose); // the hidden <input type=file>; answers via wb_on_file (0 restore, 1 import)
int wb_js_today();                  // the learner's local date as yyyymmdd
void wb_js_fetch_extra_fonts();     // answers via wb_extra_fonts, if the fonts arrive
void wb_js_planner_load();          // reads IndexedDB; answers via wb_planner_part / wb_planner_loaded
void wb_js_planner_save();          // read-merge-write of the dirty records; answers via wb_planner_saved
// Damaged stored answers, kept aside (IndexedDB, dated) before anything is written
// over them; answers via wb_state_kept. `legacy`: the localStorage key used when no database can.
void wb_js_keep_state_aside(const char* key, const char* legacy);
// Safe mode (web/boot.js, after two aborted starts): set this learner's stored data aside,
// then remove it (answers via wb_state_kept; the planner's load waits for it).
int wb_js_safe_mode();
void wb_js_set_aside_all(const char* state_key);
// Every kept copy of "state", "planner" or "safe-mode", a file each; `original`: a key whose text is not kept yet.
void wb_js_download_kept(const char* kind, const char* legacy, const char* original);
void wb_js_stat(const char* name, double value);  // window.__wbStats[name] = value (read by the benchmarks)
void wb_js_request_persist();       // navigator.storage.persist(); answers via wb_on_persist
void wb_js_app_ready();
void wb_js_fatal(const char* message);
// Words the fonts of the module cannot draw (ui/text_runs.h), by the browser's Canvas 2D.
float wb_js_run_measure(const char* text, int len, int face, float px, int rtl);
int wb_js_run_draw(const char* text, int len, int face, float px, int rtl, unsigned rgb, unsigned tex, int x, int y,
                   int w, int h, float pen_x, float baseline);
}

namespace {

// The standalone workbook's keys; inside an LMS, the learner's own (LoadState).
const char* kStateKey = "networking-workbook/state";
const char* kQuarantineKey = "networking-workbook/quarantine";

struct Platform {
    wb::App app;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    double dpr = 1.0;
    double css_w = 0, css_h = 0;
    int frames_left = 0;       // frames still to draw after the last input
    double frame_count = 0;    // frames drawn since start (window.__wbStats.frames)
    bool raf_pending = false;
    bool save_pending = false;
    bool planner_save_pending = false;
    // Damaged stored answers being kept aside (or refused): nothing is written over them meanwhile.
    enum class Keep { None, Pending, Failed } state_keep = Keep::None;
    bool safe_mode = false;  // started with the stored data set aside (web/boot.js)
    uint64_t keeping_hash = 0, kept_hash = 0;  // of the damaged text being kept / last kept: kept once
    std::string out_text;      // returned to JS by the wb_planner_* string functions
    bool storage_ok = true;
    bool app_ready_sent = false;
    bool typed_extra = false;      // the learner typed or pasted text in other scripts
    bool extra_requested = false;  // their fonts were asked for (once)
    float built_scale = 0, built_dpr = 0;
    bool built_all_latin = false;
    std::string last_semantics;
    std::string clipboard;
    std::string last_cursor;
};
Platform P;

// --- Frames -----------------------------------------------------------------
EM_BOOL OnAnimationFrame(double, void*);

// Asks for `n` more frames. ImGui needs a couple after an event to settle
// hover and release states; after that nothing is drawn until the next event.
void RequestFrames(int n = 3) {
    if (P.frames_left < n) P.frames_left = n;
    if (!P.raf_pending) {
        P.raf_pending = true;
        wb_js_stat("idle", 0);
        emscripten_request_animation_frame(OnAnimationFrame, nullptr);
    }
}

int SaveNow(bool merge = true);  // 0 written (or no device storage), else as wb_js_storage_set
void OnSaveTimer(void*) {
    P.save_pending = false;
    SaveNow();
    RequestFrames(1);  // show the save status
}

void OnPlannerSaveTimer(void*) {
    P.planner_save_pending = false;
    wb_js_planner_save();
}
void SchedulePlannerSave(int ms) {
    if (P.planner_save_pending) return;
    P.planner_save_pending = true;
    emscripten_set_timeout(OnPlannerSaveTimer, ms, nullptr);
}

wb::planner::Day Today() {
    int ymd = wb_js_today();
    return wb::planner::DayFromYmd(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

void ApplyScaleIfNeeded() {
    // Other scripts (Greek, Cyrillic, more of Latin): their fonts are fetched once
    // learner text has them, and merged in by the rebuild their arrival asks for.
    if (!P.extra_requested && (P.typed_extra || P.app.NeedsExtraGlyphs())) {
        P.extra_requested = true;
        wb_js_fetch_extra_fonts();
    }
    float scale = P.app.TextScale();
    // All of Latin once the learner is in a text field, or has typed beyond the chapter's characters.
    bool all_latin = P.built_all_latin || wb::Sem().edit.id != 0 || P.app.NeedsAllLatin();
    if (scale == P.built_scale && static_cast<float>(P.dpr) == P.built_dpr && all_latin == P.built_all_latin &&
        !P.app.out.fonts_dirty)
        return;
    wb::ui::BuildFonts(scale, static_cast<float>(P.dpr), all_latin);
    if (wb::ui::HasExtraFonts()) wb_js_stat("extra_fonts", 1);
    P.built_all_latin = all_latin;
    wb::gl::UploadFonts();
    P.built_scale = scale;
    P.built_dpr = static_cast<float>(P.dpr);
    P.app.out.fonts_dirty = false;
    P.app.out.style_dirty = true;
}

void CarryOutOutbox() {
    wb::Outbox& o = P.app.out;
    if (!o.route.empty()) wb_js_push_hash(o.route.c_str());
    if (!o.title.empty()) wb_js_set_title(o.title.c_str());
    if (!o.announce.empty()) wb_js_announce(o.announce.c_str());
    if (!o.open_url.empty()) wb_js_open_url(o.open_url.c_str());
    for (const wb::Outbox::Download& d : o.downloads) wb_js_download(d.filename.c_str(), d.mime.c_str(), d.data.c_str());
    o.downloads.clear();
    if (o.choose_restore_file) wb_js_choose_file(0);
    if (o.choose_import_file) wb_js_choose_file(1);
    if (o.request_persist) wb_js_request_persist();
    o.choose_restore_file = o.choose_import_file = o.request_persist = false;
    if (o.download_planner_quarantine) wb_js_download_kept("planner", nullptr, nullptr);
    o.download_planner_quarantine = false;
    if (o.planner_save_now) wb_js_planner_save();  // reset or restore: at once
    else if (o.planner_dirty) SchedulePlannerSave(500);  // debounced: at most 0.5 s late
    o.planner_save_now = o.planner_dirty = false;
    if (o.busy) {
        o.busy = false;
        RequestFrames(2);
    }
    if (o.download_quarantine && P.safe_mode) wb_js_download_kept("safe-mode", nullptr, nullptr);
    else if (o.download_quarantine)
        wb_js_download_kept("state", kQuarantineKey, P.state_keep == Platform::Keep::None ? nullptr : kStateKey);
    if (o.state_replaced) {
        // Reset or restore: write at once, replacing (not merging with) what is stored.
        o.state_replaced = false;
        o.state_dirty = false;
        P.app.ReplacedStateSaved(SaveNow(/*merge=*/false) == 0);
    }
    if (o.state_dirty && !P.save_pending) {
        // Debounced: at most 0.5 s late; hidden/pagehide save at once (see bridge).
        P.save_pending = true;
        emscripten_set_timeout(OnSaveTimer, 500, nullptr);
    }
    o.route.clear();
    o.title.clear();
    o.announce.clear();
    o.open_url.clear();
    o.download_quarantine = false;
    o.state_dirty = false;
}

const wb::ui::RunBackend kRunBackend{wb_js_run_measure, wb_js_run_draw, wb::gl::NewRgbaTexture, emscripten_get_now};

size_t HeapBytes() { return __builtin_wasm_memory_size(0) * 65536; }

void DrawFrame() {
    double t0 = emscripten_get_now();
    ApplyScaleIfNeeded();
    if (P.app.out.style_dirty) {
        wb::ui::ApplyTheme(P.app.CurrentPalette(), P.app.HighContrast(), P.app.TextScale(), P.app.ForcedColors());
        P.app.out.style_dirty = false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(P.css_w), static_cast<float>(P.css_h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(P.dpr), static_cast<float>(P.dpr));
    P.app.SetViewportWide(P.css_w >= wb::ui::GetFonts().body_size * 48);

    P.app.SetClock(static_cast<int64_t>(wb_js_now()));
    P.app.SetToday(Today());
    ImGui::NewFrame();
    P.app.Frame();
    ImGui::Render();

    int fb_w = static_cast<int>(std::lround(P.css_w * P.dpr)), fb_h = static_cast<int>(std::lround(P.css_h * P.dpr));
    wb::gl::Render(ImGui::GetDrawData(), fb_w, fb_h, ImGui::ColorConvertU32ToFloat4(wb::ui::Colors().page_bg));


    // Semantics: mirror into the DOM only when the tree changed.
    std::string sem = wb::Sem().Serialize();
    if (sem != P.last_semantics) {
        P.last_semantics = std::move(sem);
        wb_js_sem_update(P.last_semantics.c_str());
    }
    if (wb::Sem().dom_focus_request) {
        wb_js_sem_focus_element(wb::Sem().dom_focus_request);
        wb::Sem().dom_focus_request = 0;
    }
    // A press or drag in a text field chose a selection: the field's element takes it.
    if (wb::DomSelect& d = wb::Sem().dom_select; d.id) {
        wb_js_sem_select(d.id, d.start, d.end, d.backward);
        d = {};
    }

    static const char* kCursors[] = {"default", "text", "move", "ns-resize", "ew-resize", "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
    ImGuiMouseCursor c = ImGui::GetMouseCursor();
    const char* css = c >= 0 && c < IM_ARRAYSIZE(kCursors) ? kCursors[c] : "default";
    if (P.last_cursor != css) {
        P.last_cursor = css;
        wb_js_set_cursor(css);
    }
    CarryOutOutbox();
    // CPU time of this frame (to the GL calls, not the GPU's work) and what the
    // planner last measured: the scale benchmark reads them.
    wb_js_stat("frame_ms", emscripten_get_now() - t0);
    wb_js_stat("query_ms", P.app.planner().ui.query_ms);
    wb_js_stat("import_ms", P.app.planner().import_ms());
    wb_js_stat("heap_bytes", static_cast<double>(HeapBytes()));
    if (const wb::ui::RunStats& rs = wb::ui::GetRunStats(); rs.drawn) {
        wb_js_stat("unrenderable_glyphs", rs.unrenderable);
        wb_js_stat("run_images", rs.images);
        wb_js_stat("run_raster_ms", rs.raster_ms);
    }
    if (wb::ui::GetRunStats().waiting) RequestFrames(1);  // words over this frame's budget: the next draws them
    // Work not yet handed to storage (tests wait for 0 before a reload).
    wb_js_stat("unsaved", P.save_pending || P.planner_save_pending || P.app.out.state_dirty || P.app.planner().dirty() ||
                              P.state_keep == Platform::Keep::Pending);
    if (!P.app_ready_sent) {
        P.app_ready_sent = true;
        wb_js_app_ready();
    }
}

EM_BOOL OnAnimationFrame(double, void*) {
    P.raf_pending = false;
    // ImGui takes queued input a step a frame (a tap's move, press and release);
    // while any was waiting, draw on until its effect has been drawn too.
    bool had_input = !GImGui->InputEventsQueue.empty();
    DrawFrame();
    if (had_input && P.frames_left < 3) P.frames_left = 3;
    // Tests wait on these: a frame drawn after their action, and the runner gone idle
    // (nothing moves until the next event).
    wb_js_stat("frames", ++P.frame_count);
    if (--P.frames_left > 0) {
        P.raf_pending = true;
        emscripten_request_animation_frame(OnAnimationFrame, nullptr);
    } else {
        wb_js_stat("idle", 1);
    }
    return EM_FALSE;
}

const char* GetClipboard(void*) { return P.clipboard.c_str(); }
void SetClipboard(void*, const char* text) {
    P.clipboard = text;
    wb_js_set_clipboard(text);
}

// --- Input ------------------------------------------------------------------
ImGuiKey KeyFromEvent(const EmscriptenKeyboardEvent* e) {
    struct Named { const char* name; ImGuiKey key; };
    static const Named kNamed[] = {
        {"Tab", ImGuiKey_Tab}, {"Enter", ImGuiKey_Enter}, {"Backspace", ImGuiKey_Backspace},
        {"Escape", ImGuiKey_Escape}, {"Delete", ImGuiKey_Delete}, {"Insert", ImGuiKey_Insert},
        {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"PageUp", ImGuiKey_PageUp}, {"PageDown", ImGuiKey_PageDown}, {" ", ImGuiKey_Space},
        {"Shift", ImGuiKey_LeftShift}, {"Control", ImGuiKey_LeftCtrl}, {"Alt", ImGuiKey_LeftAlt}, {"Meta", ImGuiKey_LeftSuper},
    };
    for (const Named& n : kNamed)
        if (std::strcmp(e->key, n.name) == 0) return n.key;
    // Letters and digits by the physical key, so Ctrl+C works on any layout.
    const char* code = e->code;
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    return ImGuiKey_None;
}

// Where keyboard focus is (web_bridge.js): 0 outside the workbook, 1 the canvas
// or the page, 2 a mirrored control, 3 a mirrored text field (or other input),
// 4 a mirrored radio button.
extern "C" int wb_js_focus_kind();

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
    int where = wb_js_focus_kind();
    if (where == 0) return EM_FALSE;
    ImGuiKey key = KeyFromEvent(e);
    // The workbook's search (Ctrl+F) opens from anywhere, a text field included.
    bool find = (e->ctrlKey || e->metaKey) && key == ImGuiKey_F;
    ImGuiIO& io = ImGui::GetIO();
    if (where == 3 && !find) {
        // A mirrored text field edits itself in the DOM; its caret is drawn next
        // frame. ImGui still learns the modifiers, so none stays held for a click.
        io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
        io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
        io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
        io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
        RequestFrames();
        return EM_FALSE;
    }
    if (key == ImGuiKey_None) return EM_FALSE;
    // Tab always stays with the browser: DOM focus walks the semantics mirror
    // (skip link first) and ImGui's focus follows it, so focus is never trapped
    // in the canvas. On a mirrored control, Enter or Space is that element's
    // click, which activates the control once.
    if (key == ImGuiKey_Tab) return EM_FALSE;
    if ((where == 2 || where == 4) && (key == ImGuiKey_Enter || key == ImGuiKey_Space)) return EM_FALSE;
    // In a radio group the arrows are the browser's: they check the next radio
    // (its click activates it in the app) and keep the group one Tab stop.
    if (where == 4 && (key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow || key == ImGuiKey_LeftArrow ||
                       key == ImGuiKey_RightArrow))
        return EM_FALSE;
    bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    io.AddKeyEvent(key, down);
    RequestFrames();
    // The browser keeps Ctrl+C/X/V: its copy and paste events carry the text.
    if ((e->ctrlKey || e->metaKey) && (key == ImGuiKey_V || key == ImGuiKey_C || key == ImGuiKey_X)) return EM_FALSE;
    return key != ImGuiKey_LeftShift && key != ImGuiKey_LeftCtrl && key != ImGuiKey_LeftAlt && key != ImGuiKey_LeftSuper;
}

double g_last_touch_ms = -1e9;  // when the last touch event arrived

EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
    // A tap already reached ImGui as a click (OnTouch); the mouse events the
    // browser emulates after it would click a second time (toggling back what
    // the tap opened). They still do their browser work (focus).
    if (emscripten_get_now() - g_last_touch_ms < 1000) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    else io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);  // Shift+click extends a selection
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        int b = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
        if (b >= 0) io.AddMouseButtonEvent(b, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    RequestFrames();
    return EM_FALSE;  // keep the browser's focus handling
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    // deltaMode: pixels, lines or pages. One ImGui wheel unit scrolls ~5 lines.
    float scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100.0f : e->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f : 1.0f;
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX) * scale, static_cast<float>(-e->deltaY) * scale);
    RequestFrames();
    return EM_TRUE;  // over the workbook the wheel scrolls the workbook; elsewhere it never reaches here
}

// Touch: a tap is a click; a vertical drag scrolls.
EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    ImGuiIO& io = ImGui::GetIO();
    static float last_y = 0, start_y = 0;
    static bool dragging = false;
    float x = static_cast<float>(t.targetX), y = static_cast<float>(t.targetY);
    g_last_touch_ms = emscripten_get_now();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        io.AddMousePosEvent(x, y);
        last_y = start_y = y;
        dragging = false;
    } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        if (std::fabs(y - start_y) > 8) dragging = true;
        if (dragging) {
            io.AddMouseWheelEvent(0, (y - last_y) / (ImGui::GetTextLineHeightWithSpacing() * 5));
            last_y = y;
        }
    } else {
        if (!dragging && type == EMSCRIPTEN_EVENT_TOUCHEND) {
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(0, true);
            io.AddMouseButtonEvent(0, false);
        }
        dragging = false;
    }
    RequestFrames();
    return dragging ? EM_TRUE : EM_FALSE;  // a tap keeps its browser default (focus, synthetic click)
}

// --- Storage ----------------------------------------------------------------
// Keeps the damaged stored answers aside (dated, beside earlier copies) before
// anything may be written over them; SaveNow waits for wb_state_kept.
void KeepStateAside(std::string_view damaged) {
    if (P.state_keep == Platform::Keep::Pending) return;
    P.keeping_hash = wb::Fnv1a64(damaged);
    if (P.keeping_hash == P.kept_hash) return;  // this very text is kept already
    P.state_keep = Platform::Keep::Pending;
    wb_js_keep_state_aside(kStateKey, kQuarantineKey);
}

void RetrySaveLater() {
    if (P.save_pending) return;
    P.save_pending = true;
    emscripten_set_timeout(OnSaveTimer, 3000, nullptr);
}

// Read, merge, write: another tab may have saved since this one loaded, and its
// records must survive this write (each record keeps the later revision).
int SaveNow(bool merge) {
    if (!P.storage_ok) {
        wb::web::LmsAfterSave();  // a course system still gets the work
        return 0;
    }
    P.app.SetClock(static_cast<int64_t>(wb_js_now()));
    if (P.state_keep != Platform::Keep::None) {
        // The damaged original is not kept aside yet: nothing is written over it.
        if (P.state_keep == Platform::Keep::Failed) {
            P.state_keep = Platform::Keep::None;  // try again: space may have been freed
            char* stored = wb_js_storage_get(kStateKey);
            KeepStateAside(stored ? stored : "");
            std::free(stored);
        }
        RetrySaveLater();
        return 1;
    }
    if (merge) {
        char* stored = wb_js_storage_get(kStateKey);
        if (stored) {
            if (P.app.MergeStored(stored).quarantine) KeepStateAside(stored);
            std::free(stored);
            if (P.state_keep != Platform::Keep::None) {
                RetrySaveLater();
                return 1;
            }
        }
    }
    std::string doc = P.app.SaveState();
    int r = wb_js_storage_set(kStateKey, doc.c_str());
    wb::web::LmsAfterSave();  // launched by a course system (SCORM): send what changed
    wb_js_stat("save_problem", r == 0 ? 0 : 1);  // tests wait on a refused save
    if (r == 0) {
        P.app.SetSaveProblem("");
        return 0;
    }
    // The last saved copy stays as it was; this change stays in memory and is retried.
    P.app.SetSaveProblem(r == 1 ? wb::Tr("web.your_latest_changes_are_not")
                                : wb::Tr("web.your_latest_changes_are_not_2"));
    RetrySaveLater();
    return r;
}

// lms_bridge.js: which device copy the planner's database follows ("" standalone, "-" none).
extern "C" void wb_js_storage_scope(const char* scope);

void LoadState() {
    // Inside an LMS the device copy belongs to the LMS's learner in this course: another
    // learner on this browser never sees it, and a learner without an id gets none.
    std::string scope = wb::web::LmsConnect();
    wb_js_storage_scope(scope.c_str());
    if (scope == "-") {
        P.storage_ok = false;  // the LMS record only (saves still go to it)
        P.app.LoadState("");
        return;
    }
    if (!scope.empty()) {
        static std::string state_key, quarantine_key;
        state_key = "networking-workbook/" + scope + "/state";
        quarantine_key = "networking-workbook/" + scope + "/quarantine";
        kStateKey = state_key.c_str();
        kQuarantineKey = quarantine_key.c_str();
    }
    P.storage_ok = wb_js_storage_available();
    if (!P.storage_ok) {
        P.app.LoadState("");
        P.app.SetStorageUnavailable();
        return;
    }
    if (wb_js_safe_mode()) {
        // Twice in a row the workbook stopped while starting: this time nothing stored is
        // read. It is set aside whole (kept, downloadable) and the workbook starts fresh;
        // nothing is saved until the copy is kept.
        P.safe_mode = true;
        P.state_keep = Platform::Keep::Pending;
        wb_js_set_aside_all(kStateKey);
        P.app.LoadState("");
        P.app.SetSafeMode();
        return;
    }
    char* stored = wb_js_storage_get(kStateKey);
    std::string text = stored ? stored : "";
    std::free(stored);
    // Test-only: a stored record that makes the module abort at start, as a damaged
    // record that hit a bug would (tests/e2e/journeys/crash.test.mjs).
    if (text.find("\"wb_test_abort_at_start\":true") != std::string::npos) std::abort();
    P.app.LoadState(text);
    if (P.app.QuarantineNeeded()) KeepStateAside(text);
}

}  // namespace

// --- Exports ----------------------------------------------------------------
extern "C" {
EMSCRIPTEN_KEEPALIVE void wb_on_resize() {
    wb_js_css_size(&P.css_w, &P.css_h);
    P.dpr = wb_js_dpr();
    wb::Sem().edit.reveal = true;  // an on-screen keyboard may now cover the field being edited
    RequestFrames();
}
EMSCRIPTEN_KEEPALIVE void wb_on_hash(const char* hash) {
    P.app.OnRoute(hash);
    RequestFrames();
}
EMSCRIPTEN_KEEPALIVE void wb_on_color_scheme(int dark) {
    P.app.SetSystemDark(dark != 0);
    RequestFrames();
}
// forced-colors turned on or off, or the system's palette changed.
EMSCRIPTEN_KEEPALIVE void wb_on_forced_colors() {
    uint32_t c[8] = {};
    std::optional<wb::ui::SystemColors> colors;
    if (wb_js_forced_colors(c)) colors = wb::ui::SystemColors{c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]};
    P.app.SetForcedColors(colors);
    RequestFrames();
}
EMSCRIPTEN_KEEPALIVE void wb_sem_activate(unsigned id) {
    wb::Sem().requests.activate = id;
    RequestFrames();
}
// id 0: DOM focus is on text (a heading, a paragraph) or left the mirror.
EMSCRIPTEN_KEEPALIVE void wb_sem_focus(unsigned id) {
    if (id == 0) wb::Sem().requests.focus_reading = true;
    wb::Sem().requests.focus = id;
    RequestFrames();
}
// Whether DOM focus came from the keyboard (:focus-visible): the canvas draws a ring.
EMSCRIPTEN_KEEPALIVE void wb_sem_focus_visible(int visible) {
    if (wb::Sem().focus_visible != (visible != 0)) RequestFrames();
    wb::Sem().focus_visible = visible != 0;
}
EMSCRIPTEN_KEEPALIVE void wb_sem_set_value(unsigned id, const char* text) {
    wb::Sem().requests.set_value_id = id;
    wb::Sem().requests.set_value = text;
    if (wb::ui::NeedsExtraGlyphs(text)) P.typed_extra = true;
    RequestFrames();
}
// The mirrored text field that holds DOM focus (0: none) and its selection and
// IME composition, as UTF-8 offsets into its value.
EMSCRIPTEN_KEEPALIVE void wb_sem_edit(unsigned id, int start, int end, int backward, int comp_start, int comp_end) {
    wb::Sem().edit = {id, start, end, backward != 0, comp_start, comp_end};
    RequestFrames();
}
// A key on a radio of a grid (a calendar's days): code as in wb::GridKey.
EMSCRIPTEN_KEEPALIVE void wb_sem_key(unsigned id, int code) {
    if (code <= 0 || code > static_cast<int>(wb::GridKey::Enter)) return;
    wb::Sem().requests.key_id = id;
    wb::Sem().requests.key = static_cast<wb::GridKey>(code);
    RequestFrames();
}
// Enter in a mirrored single-line field.
EMSCRIPTEN_KEEPALIVE void wb_sem_submit(unsigned id) {
    wb::Sem().requests.submit = id;
    RequestFrames();
}
// The field's element refused an edit that would take it past its limit.
EMSCRIPTEN_KEEPALIVE void wb_sem_refused(unsigned id, double wanted, int limit) {
    const std::string text = wb::TrF("web.paste_too_long", {{"wanted", wb::GroupedNumber(static_cast<long long>(wanted))},
                                                           {"limit", wb::GroupedNumber(limit)}});
    wb::Sem().notice = {id, text};
    wb_js_announce(text.c_str());
    RequestFrames();
}
// Another tab saved: take its records (the storage event).
EMSCRIPTEN_KEEPALIVE void wb_on_storage_changed() {
    char* stored = wb_js_storage_get(kStateKey);
    // If both tabs read before either wrote, the other's write lacks this tab's
    // records: write them back (once; the other tab then has no news to add).
    wb::App::MergeResult r = P.app.MergeStored(stored ? stored : "");
    if (r.quarantine) KeepStateAside(stored ? stored : "");
    std::free(stored);
    if (r.news) P.app.out.state_dirty = true;
    RequestFrames();
}
// The damaged answers are kept aside (ok), or could not be (why): saving may go on, or says why not.
EMSCRIPTEN_KEEPALIVE void wb_state_kept(int ok, const char* why) {
    P.state_keep = ok ? Platform::Keep::None : Platform::Keep::Failed;
    if (ok) {
        P.kept_hash = P.keeping_hash;  // a save waiting for it goes on at its retry
    } else {
        P.app.SetSaveProblem(std::string(wb::Tr("web.your_latest_changes_are_not_3")) + (why ? why : "") +
                             wb::Tr("web.so_nothing_is_written_over"));
        RetrySaveLater();
    }
    RequestFrames();
}
// `size` bytes of text: a file may hold NULs, and everything after one is still read.
EMSCRIPTEN_KEEPALIVE void wb_on_file(int purpose, const char* name, const char* text, int size) {
    const std::string_view bytes(text, size > 0 ? static_cast<size_t>(size) : 0);
    if (purpose == 1) P.app.OnImportFile(name, std::string(bytes));
    else P.app.OnRestoreFile(name, bytes);
    RequestFrames();
}

// The fonts of other scripts (fonts/extra-*.ttf), in memory the module keeps for good.
EMSCRIPTEN_KEEPALIVE void wb_extra_fonts(unsigned char* regular, int regular_size, unsigned char* bold, int bold_size) {
    wb::ui::SetExtraFonts(regular, static_cast<size_t>(regular_size), bold, static_cast<size_t>(bold_size));
    P.app.out.fonts_dirty = true;
    RequestFrames();
}

// The planner's code (workbook.deferred.wasm) is in place (ok = 1), or could not be fetched (why).
EMSCRIPTEN_KEEPALIVE void wb_planner_code(int ok, const char* why) {
    if (ok) {
        P.app.SetTemplates(std::string_view(reinterpret_cast<const char*>(wb::assets::planner_templates),
                                            wb::assets::planner_templates_size));
        P.app.PlannerCodeArrived();
    } else {
        P.app.PlannerCodeFailed(why ? why : wb::Tr("web.the_planner_could_not_be"));
    }
    RequestFrames();
}

// --- The planner's records in IndexedDB (see wb_js_planner_* in web_bridge.js).
EMSCRIPTEN_KEEPALIVE void wb_planner_part(const char* key, const char* text) { P.app.planner().AddStoredPart(key, text); }
// status 0: every record was handed over; 2: the database could not be opened (message says why).
// Returns 1 when the stored records must be kept aside before anything is written.
EMSCRIPTEN_KEEPALIVE int wb_planner_loaded(int status, const char* message) {
    bool quarantine = false;
    double t0 = emscripten_get_now();
    if (status == 0) quarantine = P.app.planner().FinishLoad();
    else P.app.planner().LoadFailed(message ? message : "unknown error");
    wb_js_stat("planner_decode_ms", emscripten_get_now() - t0);
    P.app.PlannerLoaded(quarantine);
    RequestFrames();
    return quarantine ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE const char* wb_planner_dirty_keys() {
    P.out_text = P.app.planner().DirtyKeys();
    return P.out_text.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* wb_planner_encode(const char* key) {
    P.app.SetClock(static_cast<int64_t>(wb_js_now()));
    P.out_text = P.app.planner().EncodePart(key);
    return P.out_text.c_str();
}
EMSCRIPTEN_KEEPALIVE void wb_planner_saved(int status, const char* message) {
    P.app.PlannerSaveFinished(status, message ? message : "");
    if (status != 0) SchedulePlannerSave(3000);                  // retried; nothing is dropped
    else if (P.app.planner().dirty()) SchedulePlannerSave(500);  // edited while the save ran
    RequestFrames();
}
EMSCRIPTEN_KEEPALIVE void wb_planner_merge_part(const char* key, const char* text) { P.app.planner().MergeStoredPart(key, text); }
EMSCRIPTEN_KEEPALIVE void wb_planner_merge_done() {
    P.app.MergeStoredPlanner();
    if (P.app.planner().dirty()) SchedulePlannerSave(500);  // our records moved to new ids
    RequestFrames();
}
EMSCRIPTEN_KEEPALIVE void wb_on_persist(int result) {  // 1 granted, 0 not, -1 unsupported
    using wb::ui::Persistence;
    P.app.SetPersistence(result > 0 ? Persistence::Granted : result == 0 ? Persistence::NotGranted : Persistence::Unsupported);
    RequestFrames();
}
// The page is being hidden or left (visibilitychange, pagehide): save at once.
EMSCRIPTEN_KEEPALIVE void wb_save_now() {
    if (P.save_pending || P.app.out.state_dirty) SaveNow();
    if (P.app.planner().dirty()) wb_js_planner_save();  // IndexedDB is asynchronous: started now, done if the page lives on
}
}

// --- main -------------------------------------------------------------------
int main() {
    std::string error;
    std::string_view content(reinterpret_cast<const char*>(wb::assets::content_bin), wb::assets::content_bin_size);
    if (!P.app.Init(content, error)) {
        wb_js_fatal(("The workbook's chapter could not be loaded: " + error).c_str());
        return 1;
    }
    // boot.js has made this context already (the same attributes); this finds it.
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    // ImGui's renderer needs WebGL 2 core only; enabling every extension (the
    // default) costs ~30 getExtension calls, the first of which waits for the GPU.
    attrs.enableExtensionsByDefault = EM_FALSE;
    P.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (P.gl <= 0) {
        wb_js_fatal("webgl2");
        return 1;
    }
    emscripten_webgl_make_context_current(P.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window layout is fixed; learner state is stored by us
    // No ImGui keyboard navigation: DOM focus in the semantics mirror is the one
    // keyboard focus (Tab, screen readers), and ImGui's focus follows it. Text
    // fields are edited by the browser in their mirrored elements (ui/text_field.cpp).
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep frames coming forever
    io.SetClipboardTextFn = SetClipboard;
    io.GetClipboardTextFn = GetClipboard;
    io.BackendPlatformName = "wb_platform_html5";
    if (!wb::gl::Init()) {
        wb_js_fatal("webgl2");
        return 1;
    }
    wb::ui::SetRunBackend(&kRunBackend);

    // Pointer and wheel on the workbook's container only (canvas + semantics
    // mirror), so the page around an embedded workbook keeps scrolling.
    const char* host = "#workbook";
    emscripten_set_mousedown_callback(host, nullptr, EM_FALSE, OnMouse);
    emscripten_set_mouseup_callback(host, nullptr, EM_FALSE, OnMouse);
    emscripten_set_mousemove_callback(host, nullptr, EM_FALSE, OnMouse);
    emscripten_set_mouseleave_callback(host, nullptr, EM_FALSE, OnMouse);
    emscripten_set_wheel_callback(host, nullptr, EM_FALSE, OnWheel);
    emscripten_set_touchstart_callback(host, nullptr, EM_FALSE, OnTouch);
    emscripten_set_touchmove_callback(host, nullptr, EM_FALSE, OnTouch);
    emscripten_set_touchend_callback(host, nullptr, EM_FALSE, OnTouch);
    emscripten_set_touchcancel_callback(host, nullptr, EM_FALSE, OnTouch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnKey);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, OnKey);

    P.app.SetSystemDark(wb_js_prefers_dark() != 0);
    wb_on_forced_colors();
    if (char* tab = wb_js_tab_id()) {
        P.app.SetTabId(tab);
        std::free(tab);
    }
    P.app.SetClock(static_cast<int64_t>(wb_js_now()));
    LoadState();
    P.app.PlannerCodePending();  // it follows the first frame: wb_planner_code
    P.app.SetToday(Today());
    // A course system (SCORM) that launched us, if any; in safe mode its record is neither read nor written.
    wb::web::LmsStart(P.app, [] { RequestFrames(); }, P.safe_mode);
    if (char* hash = wb_js_get_hash()) {
        P.app.OnRoute(hash);
        std::free(hash);
    }
    wb_js_init();  // resize observer, hash and focus listeners, text fields, semantics host
    wb_js_planner_load();  // asynchronous: the chapter shows at once, the planner when it is read
    wb_on_resize();
    return 0;
}
