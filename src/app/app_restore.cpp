// Backups: the download, checking a chosen file, and the restore, all or nothing
// (answers first, then the planner; either refused puts both back); and safe
// mode's notice (web/boot.js sets the stored data aside after two aborted starts).
// Loaded after the first frame with the planner's code (CMakeLists.txt, WB_DEFERRED_SOURCES).
#include <cctype>
#include "core/strings.h"

#include "app/app.h"

namespace wb {

void App::SetSafeMode() {
    safe_mode_ = quarantine_needed_ = true;  // the notice offers the set-aside data
    notice_ = Tr("restore.the_workbook_stopped_twice_in");
    out.announce = notice_;
}

void App::DownloadBackup() {
    StoredPlanner sp;
    if (planner_.loaded()) {
        sp.meta = planner::EncodeMeta(planner_.model());
        for (uint32_t c : planner::ChunksOf(planner_.model())) sp.chunks.emplace_back(c, planner::EncodeChunk(planner_.model(), c));
    }
    // Inside an LMS the file says whose it is (learner ids are kept to safe file-name characters).
    std::string name = "networking-workbook-backup";
    if (lms_ != LmsVersion::None && !lms_learner_id_.empty()) {
        name += "-learner-";
        for (char ch : lms_learner_id_.substr(0, 40))
            name += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_') ? ch : '_';
    }
    // And inside the file: whose work it is, so a restore in a course can refuse another learner's.
    BackupOwner owner;
    owner.where = lms_ != LmsVersion::None ? "lms" : "browser";
    owner.learner_id = lms_learner_id_;
    owner.learner_name = lms_learner_name_;
    if (owner.where == "lms" && owner.learner_id.empty()) owner.where.clear();  // no learner: nobody to name
    out.downloads.push_back({name + ".json", "application/json", EncodeBackup(state_, now_ms_, &sp, &owner)});
}

void App::ConfirmRestore() {
    RestoreInFlight r;
    r.name = pending_restore_name_;
    r.old_state = state_;
    if (pending_restore_->has_planner) {
        planner::PlannerLoad pl = planner::DecodePlanner(pending_restore_->planner.meta, pending_restore_->planner.chunks);
        pl.planner.generation = std::to_string(now_ms_) + "-" + tab_id_;
        planner::RemoveStrayText(pl.planner);  // a backup's text is as clean as typed text
        r.planner = std::move(pl.planner);
    }
    LearnerState next = std::move(pending_restore_->state);
    pending_restore_.reset();
    restoring_ = std::move(r);
    ReplaceState(std::move(next), Tr("restore.restoring_your_backup"));  // ReplacedStateSaved goes on
}

void App::ReplacedStateSaved(bool ok) {
    if (!restoring_) return;
    RestoreInFlight& r = *restoring_;
    if (r.undoing) {  // the old answers are written back (or kept here and retried)
        notice_ = r.why;
        out.announce = notice_;
        restoring_.reset();
        return;
    }
    if (!ok) {
        // Nothing was written: storage still holds the old answers and planner, and so does this page again.
        std::string name = r.name;
        LearnerState old = std::move(r.old_state);
        restoring_.reset();
        auto scroll = std::move(state_.reader.scroll);
        state_ = std::move(old);
        if (state_.reader.scroll.empty()) state_.reader.scroll = std::move(scroll);
        out.state_dirty = false;
        out.fonts_dirty = out.style_dirty = true;
        SetSaveProblem("");
        int i = content_.FindSection(state_.reader.current);
        OpenSection(i >= 0 ? i : 0, true);
        notice_ = "\"" + name + Tr("restore.could_not_be_restored_the");
        out.announce = notice_;
        return;
    }
    if (r.planner) {
        planner::Planner next = std::move(*r.planner);
        r.planner.reset();
        RestoreSaved(std::move(next));
        return;
    }
    RestoreFinished();
}

void App::RestoreFinished() {
    // Said on the page too: the restore moves to the backup's section, and a sighted
    // learner would otherwise see no sign that it worked.
    notice_ = Tr("restore.your_backup_was_restored") + restoring_->name + Tr("restore.replaced_the_answers_and_planner");
    out.announce = notice_;
    restoring_.reset();
}

void App::OnRestoreFile(const std::string& filename, std::string_view text) {
    BackupRead r;
    if (text.empty()) r.error = Tr("restore.the_file_is_empty_or");
    else r = DecodeBackup(text);
    if (!r.ok) {
        notice_ = TrF("restore.file_not_restored_why", {{"file", filename}, {"why", r.error}});
        out.announce = notice_;
        pending_restore_.reset();
        return;
    }
    // Inside a course, a backup of another learner's work is never restored into this learner's.
    if (lms_ != LmsVersion::None && r.owner.where == "lms" && r.owner.learner_id != lms_learner_id_) {
        std::string mine = lms_learner_id_.empty() ? Tr("restore.a_learner_your_course_system") : LmsLearnerLabel();
        notice_ = TrF("restore.another_learners_backup", {{"file", filename}, {"theirs", LearnerLabel(r.owner.learner_name, r.owner.learner_id)}, {"mine", mine}});
        out.announce = notice_;
        pending_restore_.reset();
        return;
    }
    if (r.has_planner) {
        if (PlannerUnavailable()) return;  // the planner's code reads its part of the backup
        planner::PlannerLoad pl = planner::DecodePlanner(r.planner.meta, r.planner.chunks);
        if (!pl.problems.empty()) {
            notice_ = TrF("restore.planner_damaged", {{"file", filename}, {"why", pl.problems.front()}});
            out.announce = notice_;
            pending_restore_.reset();
            return;
        }
        restore_counts_ = {static_cast<int>(pl.planner.contacts.size()), static_cast<int>(pl.planner.organizations.size()),
                           static_cast<int>(pl.planner.events.size())};
    }
    pending_restore_ = std::move(r);
    pending_restore_name_ = filename;
    ui_.settings_open = true;
    out.announce = Tr("restore.backup_checked_confirm_to_replace");
}

}  // namespace wb
