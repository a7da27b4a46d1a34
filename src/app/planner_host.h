// The planner as the app holds it: the model, what is loaded and what still
// needs saving (chunk by chunk, for IndexedDB), an import in progress, and the
// planner's UI state. The App owns one and forwards the platform's calls.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/interchange.h"
#include "core/planner.h"
#include "ui/planner/planner_views.h"

namespace wb {

class PlannerHost {
public:
    // --- Loading: the platform hands over every stored record, then finishes.
    // Keys: "meta" and "c<N>" (contact chunk N).
    void AddStoredPart(std::string_view key, std::string_view text);
    // Decodes what was handed over. Returns true when the stored bytes must be
    // kept aside (quarantined) before anything is written back.
    bool FinishLoad();
    // IndexedDB could not be opened: the planner works in memory only.
    void LoadFailed(const std::string& why);
    bool loaded() const { return loaded_; }
    bool unavailable() const { return unavailable_; }
    const std::string& load_problem() const { return load_problem_; }
    bool newer_schema() const { return newer_schema_; }

    // --- Saving: keys to write ("meta,c3"), each encoded when it is written
    // ("" = delete the record). A failed save puts the keys back.
    std::string DirtyKeys() const;
    std::string EncodePart(std::string_view key);
    // How a save ended, as the platform reports it (0-3 from web_bridge.js). Held:
    // stored records could not be read and no copy of them could be kept aside, so
    // nothing is written over them.
    enum class SaveStatus : int { Saved = 0, QuotaFull = 1, Refused = 2, Held = 3 };
    static SaveStatus SaveStatusFrom(int status) {
        return status == 0 ? SaveStatus::Saved : status == 1 ? SaveStatus::QuotaFull : status == 3 ? SaveStatus::Held : SaveStatus::Refused;
    }
    // Returns the learner-facing problem ("" = saved).
    std::string SaveFinished(SaveStatus status, const std::string& message);
    bool dirty() const { return meta_dirty_ || !dirty_chunks_.empty(); }

    // --- Another tab wrote these records: merge them (see planner::MergePlanners).
    void MergeStoredPart(std::string_view key, std::string_view text);
    // Returns true when anything visible changed. `now`: the revision of a record
    // merged field by field.
    bool MergeStoredDone(const Rev& now);
    // This tab's new records that the last merges moved to new ids (another tab had
    // handed out the same ids first): (old, new), for the UI state that names them.
    std::vector<std::pair<planner::Id, planner::Id>> TakeMoved() { return std::move(side_.moved); }

    // --- Editing (each marks what it touches for saving).
    // Before a stored record is changed in place: keeps it as it was, the base
    // against which another tab's change to the same record merges field by field.
    void WillEdit(planner::Id id);
    planner::Planner& model() { return planner_; }
    const planner::Planner& model() const { return planner_; }
    void TouchContact(planner::Id id) { dirty_chunks_.insert(planner::ChunkOf(id)); ui.rows_dirty = true; ++changes_; }
    void TouchMeta() { meta_dirty_ = true; ++changes_; }
    // Moves on whenever the planner's records may have changed (edits, loads, merges,
    // replacing it): what is worked out from them is worked out again.
    uint64_t changes() const { return changes_; }
    // Replaces the whole planner (restore, reset): every stored chunk is rewritten or deleted.
    void Replace(planner::Planner next);
    // Replace, keeping what it replaces: if the save that carries the new planner
    // fails, the host goes back to the old one as it was (storage still holds it,
    // the write is one transaction), so a restore is all or nothing.
    void ReplaceOrUndo(planner::Planner next);
    // How the save that carried ReplaceOrUndo's planner ended (None while in flight).
    enum class ReplaceOutcome { None, Saved, Undone };
    ReplaceOutcome TakeReplaceOutcome() { return std::exchange(replace_outcome_, ReplaceOutcome::None); }

    // --- Import in progress.
    void StartImport(const planner::Planner& p, std::string filename, std::string bytes, planner::Day today);
    bool ImportRunning() const { return job_ && !job_->Done(); }
    void StepImport(size_t rows);
    double import_ms() const { return import_ms_; }  // compute time of the import so far
    const planner::ImportJob* import_job() const { return job_.get(); }
    const std::string& import_filename() const { return import_filename_; }
    void EndImport() { job_.reset(); import_filename_.clear(); }

    ui::PlannerUi ui;
    planner::Templates templates;

private:
    planner::Planner planner_;
    bool loaded_ = false, unavailable_ = false, newer_schema_ = false;
    std::string load_problem_;
    std::string stored_meta_;
    std::vector<std::pair<uint32_t, std::string>> stored_chunks_;
    std::set<uint32_t> stored_chunk_ids_;   // chunks that exist in storage (to delete emptied ones)
    std::set<uint32_t> dirty_chunks_, inflight_chunks_;
    bool meta_dirty_ = false, meta_inflight_ = false;
    uint64_t changes_ = 0;
    // What merges need besides the records: next_id as stored, and the records
    // edited since they were stored, as they were (base_; those encoded into the
    // save in flight wait in encoded_base_ until it ends).
    planner::MergeSide side_;
    planner::Planner base_, encoded_base_;
    planner::Id encoded_next_id_ = 0;
    // Another tab's records, gathered until MergeStoredDone.
    std::string merge_meta_;
    std::vector<std::pair<uint32_t, std::string>> merge_chunks_;
    // What ReplaceOrUndo replaced, until the save that carries its meta ends.
    struct Undo {
        planner::Planner planner, base;
        std::set<uint32_t> stored_chunk_ids, dirty_chunks;
        bool meta_dirty = false;
        planner::Id published = 1;
    };
    std::unique_ptr<Undo> undo_;
    bool replace_inflight_ = false;
    ReplaceOutcome replace_outcome_ = ReplaceOutcome::None;
    std::unique_ptr<planner::ImportJob> job_;
    std::string import_filename_;
    double import_ms_ = 0;
};

}  // namespace wb
