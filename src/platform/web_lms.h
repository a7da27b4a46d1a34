// The course system (SCORM) link of the browser platform: web_lms.cpp with
// lms_bridge.js (API discovery, SetValue/Commit, read-back, Finish/Terminate).
#pragma once

#include <string>

namespace wb {
class App;
}

namespace wb::web {

// Looks for an LMS (window.parent chain, then opener) and, when found,
// initializes it and reads what it holds for this learner (whatever
// cmi.entry says). Call first, before storage is read: the answer says which
// device copy to use.
//   ""      no LMS: the standalone workbook's own storage
//   "lms/<course>/<learner>"  this learner's copy in this course
//   "-"     an LMS that gave no learner id: no device copy at all
std::string LmsConnect();
// Merges what the LMS holds into the app and sends the first report. Call
// after the app loaded this learner's device copy and before the first frame.
void LmsStart(App& app, void (*redraw)(), bool safe_mode = false);
// The learner's state was just saved on this device: send what changed.
void LmsAfterSave();

}  // namespace wb::web
