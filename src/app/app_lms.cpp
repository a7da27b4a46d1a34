// The App's side of a course system (SCORM): merging what the LMS stored at
// launch, building what to tell it, and the status the learner sees.
#include "app/app.h"

namespace wb {

bool App::StartLms(LmsVersion v, std::string_view suspend_data) {
    lms_ = v;
    if (v == LmsVersion::None || suspend_data.empty()) return true;
    SuspendRead r = DecodeSuspendData(content_, suspend_data);
    if (!r.ok) {
        // What the LMS holds is left as it was until this session's first save replaces it;
        // the platform keeps a copy on this device before that (see web_lms.cpp).
        notice_ = "Your course system's saved copy of this workbook could not be used (" + r.problem +
                  "), so your work on this device is used instead and will be sent to it.";
        out.announce = notice_;
        return false;
    }
    LearnerState lms = std::move(r.state);
    // Record by record, the later change wins: the LMS's copy carries the time it was saved.
    lms.generation = state_.generation;
    lms.settings = state_.settings;
    lms.settings_rev = state_.settings_rev;
    // A reflection cut to fit the LMS never replaces the whole answer kept on this device.
    for (const std::string& id : r.cut) {
        if (state_.reflections.count(id)) {
            lms.reflections.erase(id);
            lms.reflection_revs.erase(id);
        }
    }
    // A reading position set by this page load itself (a new learner opens the first
    // section) is no choice of the learner's: the LMS's bookmark wins over it.
    if (!lms.reader.current.empty() && state_.current_rev.by == tab_id_) state_.current_rev = Rev{};
    auto scroll = state_.reader.scroll;
    if (state_.shuffle_seed == 0) state_.shuffle_seed = lms.shuffle_seed;
    else if (lms.shuffle_seed != 0) lms.shuffle_seed = state_.shuffle_seed;  // the order shown on this device stays
    bool news = MergeStates(state_, lms);
    // Scroll offsets: this device's where it has them, the LMS's elsewhere (another device).
    for (const auto& kv : lms.reader.scroll)
        if (!scroll.count(kv.first)) state_.reader.scroll[kv.first] = kv.second;
    lms_order_ = std::move(r.order);
    (void)news;
    MarkDirty();  // the merged state is saved on this device and sent back
    int i = content_.FindSection(state_.reader.current);
    OpenSection(i >= 0 ? i : 0, false);
    return true;
}

LmsReport App::LmsReportNow() { return BuildLmsReport(content_, state_, lms_order_, now_ms_); }

void App::SetLmsStatus(const std::string& status) {
    if (status == lms_status_) return;
    if (status.empty() && !lms_status_.empty()) out.announce = "Your course system has your latest work.";
    else if (!status.empty()) out.announce = status;
    lms_status_ = status;
}

}  // namespace wb
