// The course system (SCORM) link: starts it, sends the app's report, checks
// the LMS holds it, retries what did not arrive, and ends the session once.
// See web_lms.h.
//
// When values are sent: after every save on this device (debounced, the same
// moments); Commit when the status, success or score changes, when the page
// is hidden and on pagehide, which also calls Finish/Terminate (exactly once:
// lms_bridge.js guards it; an API without it just ends with the commit).
// After every send (and so every commit) the status, score and suspend_data are read back: an LMS
// may say true (and GetLastError 0) and still not hold them. A refused value,
// a refused commit or a read-back that differs: the learner is told that
// progress is not reaching the course yet and what to do, the work stays on
// this device, and the whole report is sent again with a growing delay
// (2 s .. 60 s, 8 times), and again with every later save or when the page is
// hidden.
#include "platform/web_lms.h"
#include "core/strings.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/app.h"
#include "core/lms.h"

extern "C" {
int wb_js_lms_start();                         // 0 none, 12 or 2004 connected, < 0: found but Initialize failed (-code)
char* wb_js_lms_get(const char* element);      // malloc'd; "" when not readable
char* wb_js_lms_course();                      // malloc'd: the folder the package is served from
int wb_js_lms_send(const char* values, int commit, int terminate);  // 0 ok, else the first error code
int wb_js_lms_verify(const char* values);      // how many of these the LMS does not hold
char* wb_js_lms_error_text(int code);          // malloc'd
double wb_js_now();
int wb_js_storage_set(const char* key, const char* value);
}

namespace wb::web {
namespace {

constexpr int kNotHeld = -1;  // the LMS said yes but does not hold what was sent

struct Link {
    App* app = nullptr;
    void (*redraw)() = nullptr;
    int found = 0;                // wb_js_lms_start's answer
    LmsVersion version = LmsVersion::None;
    LmsRecord record;             // as read at launch
    std::string scope;            // the device copy in use (LmsConnect)
    double start_ms = 0;
    std::string last_status_key;  // completion/success/score last committed
    int failures = 0;             // in a row
    bool retry_pending = false;
    bool ended = false;
};
Link L;

std::string Take(char* s) {
    std::string text = s ? s : "";
    std::free(s);
    return text;
}

std::string Get(const char* element) { return Take(wb_js_lms_get(element)); }

std::string ErrorText(int code) { return Take(wb_js_lms_error_text(code)); }

// Safe in a storage key: letters, digits, - _ . kept; anything else as %XX.
std::string KeyPart(const std::string& s) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : s) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.') {
            out += char(ch);
        } else {
            out += '%';
            out += kHex[ch >> 4];
            out += kHex[ch & 15];
        }
    }
    return out;
}

bool IsCheckedElement(const std::string& e) {
    return e == "cmi.core.lesson_status" || e == "cmi.completion_status" || e == "cmi.success_status" ||
           e == "cmi.core.score.raw" || e == "cmi.score.raw" || e == "cmi.suspend_data";
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
    if (key != L.last_status_key) commit = true;  // status or score changed: commit them together
    if (terminate) commit = true;
    std::string wire, check;
    // Session time: exactly the time since launch, in hundredths, at this moment.
    for (const auto& [element, value] : LmsValues(r, L.version, static_cast<int64_t>(now - L.start_ms))) {
        std::string rec = element + '\x1f' + value + '\x1e';
        wire += rec;
        if (IsCheckedElement(element)) check += rec;
    }
    int code = wb_js_lms_send(wire.c_str(), commit, 0);
    // Read back what matters: an LMS may answer true (and GetLastError 0) and not hold it.
    if (code == 0 && wb_js_lms_verify(check.c_str()) > 0) code = kNotHeld;
    if (terminate) {
        int end = wb_js_lms_send("", 0, 1);
        code = code ? code : end;
        L.ended = true;
    }
    if (code == 0) {
        if (commit) {
            L.last_status_key = key;
            app.LmsSaved(r);
        }
        L.failures = 0;
        app.SetLmsStatus("");
    } else {
        // Sends made by saves while a retry waits do not count: the delay grows with the retries.
        if (!L.retry_pending) ++L.failures;
        std::string why;
        if (code == kNotHeld) {
            why = Tr("lms_web.your_course_system_answered_the");
        } else {
            std::string what = ErrorText(code);
            why = Tr("lms_web.your_course_system_did_not") + std::to_string(code) +
                  (what.empty() ? "" : ": " + what) + ")";
        }
        std::string msg = Tr("lms_web.your_progress_is_not_reaching") + why + Tr("lms_web.your_work_is_kept_on");
        if (L.ended) {
            msg += Tr("lms_web.open_the_workbook_from_your");
        } else if (L.failures <= 8) {
            int delay = std::min(60, 1 << L.failures);
            msg += Tr("lms_web.and_will_be_sent_again") + std::to_string(delay) +
                   Tr("lms_web.seconds_keep_this_page_open");
            if (!L.retry_pending) {
                L.retry_pending = true;
                emscripten_set_timeout(OnRetry, delay * 1000.0, nullptr);
            }
        } else {
            msg += Tr("lms_web.and_will_be_sent_again_2");
        }
        app.SetLmsStatus(msg);
    }
    if (L.redraw) L.redraw();
}

}  // namespace

std::string LmsConnect() {
    L.start_ms = wb_js_now();
    L.found = wb_js_lms_start();
    if (L.found <= 0) return "";  // no LMS (or one that could not start): nothing to read, the standalone storage
    L.version = L.found == 12 ? LmsVersion::Scorm12 : LmsVersion::Scorm2004;
    const bool v12 = L.version == LmsVersion::Scorm12;
    LmsRecord& r = L.record;
    r.learner_id = Get(v12 ? "cmi.core.student_id" : "cmi.learner_id");
    r.learner_name = Get(v12 ? "cmi.core.student_name" : "cmi.learner_name");
    r.entry = Get(v12 ? "cmi.core.entry" : "cmi.entry");
    // Whatever entry says: some LMSs always answer ab-initio and still hold the learner's work.
    r.suspend_data = Get("cmi.suspend_data");
    r.location = Get(v12 ? "cmi.core.lesson_location" : "cmi.location");
    r.status = Get(v12 ? "cmi.core.lesson_status" : "cmi.completion_status");
    if (!v12) r.success = Get("cmi.success_status");
    r.score_raw = Get(v12 ? "cmi.core.score.raw" : "cmi.score.raw");
    if (r.learner_id.empty()) return L.scope = "-";
    return L.scope = "lms/" + KeyPart(Take(wb_js_lms_course())) + "/" + KeyPart(r.learner_id);
}

void LmsStart(App& app, void (*redraw)(), bool safe_mode) {
    L.app = &app;
    L.redraw = redraw;
    if (L.found == 0) return;
    if (safe_mode && L.found > 0) {
        // The record the LMS holds may be what made the workbook stop: it is not read,
        // and nothing is written over it in this session.
        L.ended = true;
        app.SetLmsStatus(Tr("lms_web.safe_mode_this_session_reads"));
        return;
    }
    if (L.found < 0) {
        std::string what = ErrorText(-L.found);
        app.SetLmsStatus(Tr("lms_web.your_progress_is_not_reaching_2") +
                         std::to_string(-L.found) + (what.empty() ? "" : ": " + what) +
                         Tr("lms_web.your_work_is_kept_on_2"));
        return;
    }
    app.SetClock(static_cast<int64_t>(L.start_ms));
    if (!app.StartLms(L.version, L.record) && L.scope != "-") {
        // Kept aside on this learner's device copy; it is never written back to the LMS.
        wb_js_storage_set(("networking-workbook/" + L.scope + "/lms-unreadable").c_str(), L.record.suspend_data.c_str());
    }
    Send(true, false);
}

void LmsAfterSave() { Send(false, false); }

}  // namespace wb::web

extern "C" {
// The page is hidden (terminate 0) or left (pagehide, terminate 1): commit; end the session once.
EMSCRIPTEN_KEEPALIVE void wb_lms_flush(int terminate) { wb::web::Send(true, terminate != 0); }
}
