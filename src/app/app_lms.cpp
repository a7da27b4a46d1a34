// The App's side of a course system (SCORM): merging what the LMS stored at
// launch, building what to tell it, and the status the learner sees.
//
// The LMS record comes first: it is read whatever cmi.entry says, merged with
// this learner's device copy record by record, and what it held is never
// written back with less (KeepHeldRecords on the state, ApplyFloor on the
// status and score).
#include "app/app.h"
#include "core/strings.h"

namespace wb {

bool App::StartLms(LmsVersion v, const LmsRecord& rec) {
    lms_ = v;
    if (v == LmsVersion::None) return true;
    lms_learner_id_ = rec.learner_id;
    lms_learner_name_ = rec.learner_name;
    lms_floor_ = FloorOf(rec, v);
    // The LMS's bookmark, when its suspend_data cannot say (or says nothing).
    auto open_bookmark = [&] {
        if (!rec.location.empty() && content_.FindSection(rec.location) >= 0 &&
            (state_.reader.current.empty() || state_.current_rev.by == tab_id_)) {
            state_.reader.current = rec.location;
            state_.current_rev = Rev{};
            OpenSection(content_.FindSection(rec.location), false);
        }
    };
    if (rec.suspend_data.empty()) {
        open_bookmark();
        return true;
    }
    SuspendRead r;
    if (Utf16Length(rec.suspend_data) > SuspendLimit(v)) {
        r.problem = TrF("lms.suspend_too_long", {{"version", v == LmsVersion::Scorm12 ? "1.2" : "2004"}});
    } else {
        r = DecodeSuspendData(content_, rec.suspend_data);
    }
    if (!r.ok) {
        // Never applied, never written back: this device's copy is used and sent instead (the
        // platform keeps the LMS's text aside on this device first). Status and score still
        // never go below what the LMS recorded (lms_floor_).
        notice_ = Tr("lms.your_course_system_s_saved") + r.problem +
                  Tr("lms.so_your_work_on_this");
        out.announce = notice_;
        open_bookmark();
        return false;
    }
    LearnerState lms = std::move(r.state);
    lms.generation = state_.generation;
    lms.settings = state_.settings;
    lms.settings_rev = state_.settings_rev;
    lms_held_ = lms;  // what the LMS holds: every later write keeps it
    // A reflection cut to fit the LMS never replaces the whole answer kept on this device.
    for (const std::string& id : r.cut) {
        if (state_.reflections.count(id) && !state_.reflections.at(id).empty()) {
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
    MergeLmsRecord(state_, lms, &content_);
    // Scroll offsets: this device's where it has them, the LMS's elsewhere (another device).
    for (const auto& kv : lms.reader.scroll)
        if (!scroll.count(kv.first)) state_.reader.scroll[kv.first] = kv.second;
    lms_order_ = std::move(r.order);
    MarkDirty();  // the merged state is saved on this device and sent back
    int i = content_.FindSection(state_.reader.current);
    OpenSection(i >= 0 ? i : 0, false);
    return true;
}

LmsReport App::LmsReportNow() {
    LearnerState s = state_;
    KeepHeldRecords(s, lms_held_, &content_);
    LmsReport r = BuildLmsReport(content_, s, lms_order_, now_ms_, &lms_held_);
    ApplyFloor(r, lms_floor_);
    return r;
}

void App::LmsSaved(const LmsReport& r) {
    // What the LMS now holds (read back and matched by the platform) is the new floor.
    if (r.completed) lms_floor_.completed = true;
    if (r.passed > lms_floor_.passed) lms_floor_.passed = r.passed;
    if (r.raw > lms_floor_.raw) lms_floor_.raw = r.raw;
}

std::string App::LmsLearnerLabel() const {
    if (lms_ == LmsVersion::None) return "";
    if (lms_learner_id_.empty()) return "";
    return LearnerLabel(lms_learner_name_, lms_learner_id_);
}

std::string LearnerLabel(const std::string& name, const std::string& id) {
    return name.empty() ? TrF("common.learner_id_n", {{"id", id}}) : TrF("common.learner_named_id", {{"name", name}, {"id", id}});
}

void App::SetLmsStatus(const std::string& status) {
    if (status == lms_status_) return;
    if (status.empty() && !lms_status_.empty()) out.announce = Tr("lms.your_course_system_has_your");
    else if (!status.empty()) out.announce = status;
    lms_status_ = status;
}

}  // namespace wb
