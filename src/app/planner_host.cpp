#include "app/planner_host.h"
#include "core/strings.h"

#include <algorithm>
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
    side_.published = planner_.next_id;
    loaded_ = true;
    ++changes_;
    newer_schema_ = load.newer_schema;
    ui.rows_dirty = true;
    if (!load.problems.empty()) {
        load_problem_ = newer_schema_
            ? Tr("planner_store.your_planner_was_saved_by")
            : Tr("planner_store.part_of_your_saved_planner");
        for (const std::string& p : load.problems) load_problem_ += p + " ";
        if (!newer_schema_) load_problem_ += Tr("planner_store.the_rest_of_your_planner");
        // Damaged chunks are rewritten from what could be read (their original bytes are quarantined first).
        for (uint32_t c : load.damaged_chunks) dirty_chunks_.insert(c);
        if (load.meta_damaged) meta_dirty_ = true;
    }
    return load.quarantine;
}

void PlannerHost::LoadFailed(const std::string& why) {
    loaded_ = true;
    unavailable_ = true;
    load_problem_ = Tr("planner_store.this_browser_would_not_open") + why +
                    Tr("planner_store.so_your_planner_is_kept");
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
        if (undo_) replace_inflight_ = true;  // this save carries the replacing planner's meta
        encoded_next_id_ = planner_.next_id;
        MoveBases(base_, encoded_base_, BasePart::Meta);
        return EncodeMeta(planner_);
    }
    dirty_chunks_.erase(chunk);
    inflight_chunks_.insert(chunk);
    MoveBases(base_, encoded_base_, BasePart::Chunk, chunk);
    std::string text = EncodeChunk(planner_, chunk);
    if (text.empty()) stored_chunk_ids_.erase(chunk);
    else stored_chunk_ids_.insert(chunk);
    return text;
}

std::string PlannerHost::SaveFinished(SaveStatus status, const std::string& message) {
    if (status == SaveStatus::Saved) {
        inflight_chunks_.clear();
        if (meta_inflight_) side_.published = std::max(side_.published, encoded_next_id_);
        meta_inflight_ = false;
        encoded_base_ = {};  // stored as they are now: no base needed
        if (replace_inflight_) {
            undo_.reset();
            replace_inflight_ = false;
            replace_outcome_ = ReplaceOutcome::Saved;
        }
        return "";
    }
    if (replace_inflight_) {
        // Nothing of that transaction was written: storage holds the old planner,
        // so this tab goes back to it, with what was still to save then.
        Undo& u = *undo_;
        planner_ = std::move(u.planner);
        base_ = std::move(u.base);
        stored_chunk_ids_ = std::move(u.stored_chunk_ids);
        dirty_chunks_ = std::move(u.dirty_chunks);
        meta_dirty_ = u.meta_dirty;
        side_.published = u.published;
        encoded_base_ = {};
        inflight_chunks_.clear();
        meta_inflight_ = replace_inflight_ = false;
        undo_.reset();
        replace_outcome_ = ReplaceOutcome::Undone;
        ui.rows_dirty = true;
        ++changes_;
        return "";
    }
    // Nothing is dropped: what was being written is written again on the next try,
    // and the records still differ from what is stored, so their bases come back.
    MoveBases(encoded_base_, base_, BasePart::All);
    dirty_chunks_.insert(inflight_chunks_.begin(), inflight_chunks_.end());
    inflight_chunks_.clear();
    meta_dirty_ = meta_dirty_ || meta_inflight_;
    meta_inflight_ = false;
    if (status == SaveStatus::Held)
        return Tr("planner_store.your_planner_changes_are_not") + message + Tr("planner_store.so_nothing_is_written_over");
    if (status == SaveStatus::QuotaFull)
        return Tr("planner_store.your_latest_planner_changes_are");
    return Tr("planner_store.your_latest_planner_changes_are_2") + message +
           Tr("planner_store.they_are_kept_in_this");
}

void PlannerHost::MergeStoredPart(std::string_view key, std::string_view text) {
    bool meta = false;
    uint32_t chunk = 0;
    if (!ParseKey(key, meta, chunk)) return;
    if (meta) merge_meta_ = text;
    else merge_chunks_.emplace_back(chunk, std::string(text));
}

void PlannerHost::WillEdit(Id id) {
    if (id != 0 && id < side_.published) KeepBase(planner_, id, base_);  // else never stored: nothing to merge against
}

bool PlannerHost::MergeStoredDone(const Rev& now) {
    if (!loaded_ || newer_schema_) {
        merge_meta_.clear();
        merge_chunks_.clear();
        return false;
    }
    // Without their meta, stand in an empty one with our generation, so that only
    // the contacts in the chunks are merged.
    std::string meta = std::move(merge_meta_);
    if (meta.empty()) {
        Planner none;
        none.generation = planner_.generation;
        meta = EncodeMeta(none);
    }
    PlannerLoad theirs = DecodePlanner(meta, merge_chunks_);
    merge_meta_.clear();
    merge_chunks_.clear();
    if (theirs.newer_schema) return false;  // another tab runs a newer build: leave its data alone
    const size_t moved_before = side_.moved.size();
    side_.base = &base_;
    side_.now = now;
    const std::string generation = planner_.generation;
    MergePlanners(planner_, theirs.planner, &side_);
    side_.base = nullptr;
    if (planner_.generation != generation) encoded_base_ = {};  // replaced whole
    // Moved records are written at their new ids (and the old ids' chunks hold theirs).
    for (size_t i = moved_before; i < side_.moved.size(); ++i) {
        const auto [from, to] = side_.moved[i];
        if (FindContact(planner_, to)) {
            dirty_chunks_.insert(ChunkOf(from));
            dirty_chunks_.insert(ChunkOf(to));
        }
    }
    if (side_.moved.size() > moved_before) meta_dirty_ = true;
    ui.rows_dirty = true;  // the table queries again
    ++changes_;
    return true;
}

void PlannerHost::Replace(Planner next) {
    for (uint32_t c : stored_chunk_ids_) dirty_chunks_.insert(c);  // emptied chunks are deleted
    planner_ = std::move(next);
    side_.published = planner_.next_id;
    base_ = {};  // a new data set: it replaces what is stored whole
    encoded_base_ = {};
    for (uint32_t c : ChunksOf(planner_)) dirty_chunks_.insert(c);
    meta_dirty_ = true;
    ui.rows_dirty = true;
    ++changes_;
    ui.contact = 0;
    ui.draft_loaded = false;
}

void PlannerHost::ReplaceOrUndo(Planner next) {
    if (!undo_) {  // a second replace before the first is saved keeps the first's undo
        undo_ = std::make_unique<Undo>();
        undo_->planner = std::move(planner_);
        undo_->base = std::move(base_);
        undo_->stored_chunk_ids = stored_chunk_ids_;
        undo_->dirty_chunks = dirty_chunks_;
        undo_->dirty_chunks.insert(inflight_chunks_.begin(), inflight_chunks_.end());
        undo_->meta_dirty = meta_dirty_ || meta_inflight_;
        undo_->published = side_.published;
    }
    replace_inflight_ = false;  // a save already in flight carries the old meta
    Replace(std::move(next));
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
