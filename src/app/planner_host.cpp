#include "app/planner_host.h"

#include <charconv>
#include <chrono>

namespace wb {
using namespace planner;

namespace {

// "meta" -> true; "c12" -> chunk 12. Anything else is not ours.
bool ParseKey(std::string_view key, bool& is_meta, uint32_t& chunk) {
    is_meta = key == "meta";
    if (is_meta) return true;
    if (key.size() < 2 || key[0] != 'c') return false;
    auto r = std::from_chars(key.data() + 1, key.data() + key.size(), chunk);
    return r.ec == std::errc() && r.ptr == key.data() + key.size();
}

std::string ChunkKey(uint32_t chunk) { return "c" + std::to_string(chunk); }

}  // namespace

void PlannerHost::AddStoredPart(std::string_view key, std::string_view text) {
    bool meta = false;
    uint32_t chunk = 0;
    if (!ParseKey(key, meta, chunk)) return;
    if (meta) stored_meta_ = text;
    else {
        stored_chunks_.emplace_back(chunk, std::string(text));
        stored_chunk_ids_.insert(chunk);
    }
}

bool PlannerHost::FinishLoad() {
    PlannerLoad load = DecodePlanner(stored_meta_, stored_chunks_);
    stored_meta_.clear();
    stored_chunks_.clear();
    stored_chunks_.shrink_to_fit();
    planner_ = std::move(load.planner);
    loaded_ = true;
    newer_schema_ = load.newer_schema;
    ui.rows_dirty = true;
    if (!load.problems.empty()) {
        load_problem_ = newer_schema_
            ? "Your planner was saved by a newer version of the workbook, so this version will not change it. "
              "Reload the page to get the newer version. "
            : "Part of your saved planner could not be read, so it was set aside unchanged. ";
        for (const std::string& p : load.problems) load_problem_ += p + " ";
        if (!newer_schema_) load_problem_ += "The rest of your planner is here; you can download the set-aside data from the notice.";
        // Damaged chunks are rewritten from what could be read (their original bytes are quarantined first).
        for (uint32_t c : load.damaged_chunks) dirty_chunks_.insert(c);
        if (load.meta_damaged) meta_dirty_ = true;
    }
    return load.quarantine;
}

void PlannerHost::LoadFailed(const std::string& why) {
    loaded_ = true;
    unavailable_ = true;
    load_problem_ = "This browser would not open the workbook's database (" + why +
                    "), so your planner is kept only while this page is open. Export it (Contacts, then Export) "
                    "or download a backup from Settings to keep it.";
}

std::string PlannerHost::DirtyKeys() const {
    if (unavailable_ || newer_schema_) return "";
    std::string keys;
    if (meta_dirty_) keys = "meta";
    for (uint32_t c : dirty_chunks_) {
        if (!keys.empty()) keys += ',';
        keys += ChunkKey(c);
    }
    return keys;
}

std::string PlannerHost::EncodePart(std::string_view key) {
    bool meta = false;
    uint32_t chunk = 0;
    if (!ParseKey(key, meta, chunk)) return "";
    if (meta) {
        meta_dirty_ = false;
        meta_inflight_ = true;
        return EncodeMeta(planner_);
    }
    dirty_chunks_.erase(chunk);
    inflight_chunks_.insert(chunk);
    std::string text = EncodeChunk(planner_, chunk);
    if (text.empty()) stored_chunk_ids_.erase(chunk);
    else stored_chunk_ids_.insert(chunk);
    return text;
}

std::string PlannerHost::SaveFinished(SaveStatus status, const std::string& message) {
    if (status == SaveStatus::Saved) {
        inflight_chunks_.clear();
        meta_inflight_ = false;
        return "";
    }
    // Nothing is dropped: what was being written is written again on the next try.
    dirty_chunks_.insert(inflight_chunks_.begin(), inflight_chunks_.end());
    inflight_chunks_.clear();
    meta_dirty_ = meta_dirty_ || meta_inflight_;
    meta_inflight_ = false;
    if (status == SaveStatus::QuotaFull)
        return "Your latest planner changes are not saved yet: this browser's storage for the workbook is full. They "
               "are kept in this page and saving is retried; freeing space, or exporting your contacts, keeps them safe.";
    return "Your latest planner changes are not saved yet: the browser's database refused them (" + message +
           "). They are kept in this page and saving is retried; export your contacts to keep them safe.";
}

void PlannerHost::MergeStoredPart(std::string_view key, std::string_view text) {
    bool meta = false;
    uint32_t chunk = 0;
    if (!ParseKey(key, meta, chunk)) return;
    if (meta) merge_meta_ = text;
    else merge_chunks_.emplace_back(chunk, std::string(text));
}

bool PlannerHost::MergeStoredDone() {
    if (!loaded_ || newer_schema_) {
        merge_meta_.clear();
        merge_chunks_.clear();
        return false;
    }
    // Without their meta, stand in our own: it carries our generation and
    // records, so only the contacts in the chunks are merged.
    std::string meta = merge_meta_.empty() ? EncodeMeta(planner_) : std::move(merge_meta_);
    PlannerLoad theirs = DecodePlanner(meta, merge_chunks_);
    merge_meta_.clear();
    merge_chunks_.clear();
    if (theirs.newer_schema) return false;  // another tab runs a newer build: leave its data alone
    MergePlanners(planner_, theirs.planner);
    ui.rows_dirty = true;  // the table queries again
    return true;
}

void PlannerHost::Replace(Planner next) {
    for (uint32_t c : stored_chunk_ids_) dirty_chunks_.insert(c);  // emptied chunks are deleted
    planner_ = std::move(next);
    for (uint32_t c : ChunksOf(planner_)) dirty_chunks_.insert(c);
    meta_dirty_ = true;
    ui.rows_dirty = true;
    ui.contact = 0;
    ui.draft_loaded = false;
}

void PlannerHost::StepImport(size_t rows) {
    if (!job_ || job_->Done()) return;
    auto t0 = std::chrono::steady_clock::now();
    job_->Step(rows);
    import_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void PlannerHost::StartImport(const Planner& p, std::string filename, std::string bytes, Day today) {
    import_filename_ = filename;
    import_ms_ = 0;
    job_ = std::make_unique<ImportJob>(p, std::move(filename), std::move(bytes), today);
}

}  // namespace wb
