// The course system (SCORM) link: starts it, sends the app's report, retries
// what the LMS refused, and ends the session once. See web_lms.h.
//
// When values are sent: after every save on this device (debounced, the same
// moments); Commit when the status, success or score changes, when the page
// is hidden and on pagehide, which also calls Finish/Terminate (exactly once:
// lms_bridge.js guards it). A refused value or commit: the learner sees why,
// the work stays on this device (local saving goes on as always), and the
// whole report is sent again with a growing delay (2 s .. 60 s, 8 times), and
// again with every later save or when the page is hidden.
#include "platform/web_lms.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/app.h"
#include "core/lms.h"

extern "C" {
int wb_js_lms_start();                         // 0 none, 12 or 2004 connected, < 0: found but Initialize failed (-code)
char* wb_js_lms_get(const char* element);      // malloc'd; "" when not readable
int wb_js_lms_send(const char* values, int commit, int terminate);  // 0 ok, else the first error code
char* wb_js_lms_error_text(int code);          // malloc'd
double wb_js_now();
int wb_js_storage_set(const char* key, const char* value);
}

namespace wb::web {
namespace {

struct Link {
    App* app = nullptr;
    void (*redraw)() = nullptr;
    LmsVersion version = LmsVersion::None;
    double start_ms = 0;
    std::string last_status_key;  // completion/success/score last committed
    int failures = 0;             // in a row
    bool retry_pending = false;
    bool ended = false;
};
Link L;

std::string ErrorText(int code) {
    std::string text;
    if (char* t = wb_js_lms_error_text(code)) {
        text = t;
        std::free(t);
    }
    return text;
}

void Send(bool commit, bool terminate);

void OnRetry(void*) {
    L.retry_pending = false;
    Send(true, false);
}

void Send(bool commit, bool terminate) {
    if (!L.app || L.version == LmsVersion::None || L.ended) return;
    App& app = *L.app;
    double now = wb_js_now();
    app.SetClock(static_cast<int64_t>(now));
    LmsReport r = app.LmsReportNow();
    char key[96];
    std::snprintf(key, sizeof key, "%d|%d|%.4f", r.completed, r.passed, r.raw);
    if (key != L.last_status_key) commit = true;
    std::string wire;
    for (const auto& [element, value] : LmsValues(r, L.version, static_cast<int64_t>(now - L.start_ms))) {
        wire += element;
        wire += '\x1f';
        wire += value;
        wire += '\x1e';
    }
    int code = wb_js_lms_send(wire.c_str(), commit || terminate, terminate);
    if (terminate) L.ended = true;
    if (code == 0) {
        if (commit || terminate) L.last_status_key = key;
        L.failures = 0;
        app.SetLmsStatus("");
    } else {
        ++L.failures;
        std::string what = ErrorText(code);
        std::string msg = "Your course system did not accept the last save (error " + std::to_string(code) +
                          (what.empty() ? "" : ": " + what) + "). Your work is kept on this device";
        if (L.ended) {
            msg += "; open the workbook from your course again to send it.";
        } else if (L.failures <= 8) {
            int delay = std::min(60, 1 << L.failures);
            msg += " and will be sent again in " + std::to_string(delay) + " seconds.";
            if (!L.retry_pending) {
                L.retry_pending = true;
                emscripten_set_timeout(OnRetry, delay * 1000.0, nullptr);
            }
        } else {
            msg += " and will be sent again with your next change.";
        }
        app.SetLmsStatus(msg);
    }
    if (L.redraw) L.redraw();
}

}  // namespace

void LmsStart(App& app, void (*redraw)()) {
    L.app = &app;
    L.redraw = redraw;
    L.start_ms = wb_js_now();
    int found = wb_js_lms_start();
    if (found == 0) return;
    if (found < 0) {
        std::string what = ErrorText(-found);
        app.SetLmsStatus("Your course system could not be reached (error " + std::to_string(-found) +
                         (what.empty() ? "" : ": " + what) +
                         "), so your progress is not being sent to it. Your work is kept on this device.");
        return;
    }
    L.version = found == 12 ? LmsVersion::Scorm12 : LmsVersion::Scorm2004;
    std::string suspend;
    if (char* s = wb_js_lms_get("suspend_data")) {  // "" unless the LMS says this is a resume
        suspend = s;
        std::free(s);
    }
    app.SetClock(static_cast<int64_t>(L.start_ms));
    if (!app.StartLms(L.version, suspend)) {
        // Kept aside on this device before this session's first save replaces it in the LMS.
        wb_js_storage_set("networking-workbook/lms-unreadable", suspend.c_str());
    }
    Send(true, false);
}

void LmsAfterSave() { Send(false, false); }

}  // namespace wb::web

extern "C" {
// The page is hidden (terminate 0) or left (pagehide, terminate 1): commit; end the session once.
EMSCRIPTEN_KEEPALIVE void wb_lms_flush(int terminate) { wb::web::Send(true, terminate != 0); }
}
