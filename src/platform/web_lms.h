// The course system (SCORM) link of the browser platform: web_lms.cpp with
// lms_bridge.js (API discovery, SetValue/Commit, Finish/Terminate).
#pragma once

namespace wb {
class App;
}

namespace wb::web {

// Looks for an LMS (window.parent chain, then opener). Found: initializes it,
// merges its stored data into the app and sends the first report. Call after
// the app loaded local storage and before the first frame.
void LmsStart(App& app, void (*redraw)());
// The learner's state was just saved on this device: send what changed.
void LmsAfterSave();

}  // namespace wb::web
