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
    // How a save ended, as the platform reports it (0, 1, 2 from web_bridge.js).
    enum class SaveStatus : int { Saved = 0, QuotaFull = 1, Refused = 2 };
    static SaveStatus SaveStatusFrom(int status) {
        return status == 0 ? SaveStatus::Saved : status == 1 ? SaveStatus::QuotaFull : SaveStatus::Refused;
    }
    // Returns the learner-facing problem ("" = saved).
    std::string SaveFinished(SaveStatus status, const std::string& message);
    bool dirty() const { return meta_dirty_ || !dirty_chunks_.empty(); }

    // --- Another tab wrote these records: merge them, record by record.
    void MergeStoredPart(std::string_view key, std::string_view text);
    // Returns true when anything visible changed.
    bool MergeStoredDone();

    // --- Editing (each marks what it touches for saving).
    planner::Planner& model() { return planner_; }
    const planner::Planner& model() const { return planner_; }
    void TouchContact(planner::Id id) { dirty_chunks_.insert(planner::ChunkOf(id)); ui.rows_dirty = true; }
    void TouchMeta() { meta_dirty_ = true; }
    // Replaces the whole planner (restore, reset): every stored chunk is rewritten or deleted.
    void Replace(planner::Planner next);

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
    // Another tab's records, gathered until MergeStoredDone.
    std::string merge_meta_;
    std::vector<std::pair<uint32_t, std::string>> merge_chunks_;
    std::unique_ptr<planner::ImportJob> job_;
    std::string import_filename_;
    double import_ms_ = 0;
};

}  // namespace wb
