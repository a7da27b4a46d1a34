// Backups: the export, and the restore. The restore is strict (any problem refuses
// the whole file, so a restore never half-applies) and reads the workbook's
// largest backups (100,000 contacts with 1 KB notes: 121 MiB) without holding
// them as one JSON document: the planner's chunks are cut out of the text and
// parsed one at a time. Loaded after the first frame with the planner's code
// (CMakeLists.txt, WB_DEFERRED_SOURCES).
#include <unordered_set>
#include "core/strings.h"

#include <nlohmann/json.hpp>

#include "core/planner.h"
#include "core/state.h"
#include "core/utf8.h"

namespace wb {
using nlohmann::json;

// --- Export ------------------------------------------------------------------

std::string EncodeBackup(const LearnerState& s, int64_t now_ms, const StoredPlanner* planner, const BackupOwner* owner) {
    json doc = {{"format", kBackupFormat}, {"version", 1}, {"exported_at", now_ms}};
    if (owner && !owner->where.empty()) {
        json o = {{"where", owner->where}};
        if (owner->where == "lms") {
            o["learner_id"] = owner->learner_id;
            o["learner_name"] = owner->learner_name;
        }
        doc["owner"] = std::move(o);
    }
    doc["state"] = json::parse(EncodeState(s));  // the stored form, as a document
    std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace);
    if (!planner || planner->meta.empty()) return text;
    // The planner's records are JSON already: spliced in as they are, not re-parsed
    // (30,000 contacts as a JSON DOM would cost tens of MB of heap).
    text.pop_back();  // the closing brace
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    text += ",\n  \"planner\": {\n    \"meta\": " + planner->meta + ",\n    \"chunks\": [";
    for (size_t i = 0; i < planner->chunks.size(); ++i) text += (i ? ",\n      " : "\n      ") + planner->chunks[i].second;
    text += "\n    ]\n  }\n}";
    return text;
}

namespace {

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Spans in text already known to be valid JSON: enough to find one member's value
// and the elements of an array without building their DOM.
size_t SkipSpace(std::string_view t, size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    return i;
}
size_t SkipString(std::string_view t, size_t i) {  // i at the opening quote; returns past the closing one
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\') ++i;
        else if (t[i] == '"') return i + 1;
    }
    return t.size();
}
size_t SkipValue(std::string_view t, size_t i) {
    if (i >= t.size()) return i;
    if (t[i] == '"') return SkipString(t, i);
    if (t[i] == '{' || t[i] == '[') {
        int depth = 0;
        while (i < t.size()) {
            char c = t[i];
            if (c == '"') { i = SkipString(t, i); continue; }
            if (c == '{' || c == '[') ++depth;
            else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
            ++i;
        }
        return i;
    }
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t') ++i;
    return i;
}
// The value of `key` in the object at [begin, end): its span, or npos. The last
// one wins when a key repeats, as in the parsed document.
std::pair<size_t, size_t> MemberSpan(std::string_view t, size_t begin, std::string_view key) {
    std::pair<size_t, size_t> found{std::string_view::npos, 0};
    size_t i = SkipSpace(t, begin);
    if (i >= t.size() || t[i] != '{') return found;
    i = SkipSpace(t, i + 1);
    while (i < t.size() && t[i] == '"') {
        size_t k_end = SkipString(t, i);
        std::string_view raw = t.substr(i + 1, k_end - i - 2);
        bool match = raw == key;
        if (!match && raw.find('\\') != std::string_view::npos) {  // an escaped key: decoded to compare
            json k = json::parse(t.substr(i, k_end - i), nullptr, false);
            match = k.is_string() && k.get_ref<const std::string&>() == key;
        }
        i = SkipSpace(t, SkipSpace(t, k_end) + 1);  // past ':'
        size_t v_end = SkipValue(t, i);
        if (match) found = {i, v_end};
        i = SkipSpace(t, v_end);
        if (i < t.size() && t[i] == ',') i = SkipSpace(t, i + 1);
    }
    return found;
}
// Calls fn(span) for each element of the array at [begin, end); stops when it returns false.
template <class Fn>
void EachElement(std::string_view t, size_t begin, Fn&& fn) {
    size_t i = SkipSpace(t, begin + 1);
    while (i < t.size() && t[i] != ']') {
        size_t e = SkipValue(t, i);
        if (!fn(t.substr(i, e - i))) return;
        i = SkipSpace(t, e);
        if (i < t.size() && t[i] == ',') i = SkipSpace(t, i + 1);
    }
}

}  // namespace

BackupRead DecodeBackup(std::string_view text) {
    BackupRead out;
    if (std::string why = CheckJsonLimits(text, kMaxBackupBytes); !why.empty()) {
        out.error = TrF("backup.cannot_be_a_backup", {{"why", why}});
        return out;
    }
    // Checked whole without a DOM first; then the planner's chunks (nearly all of a
    // large backup) are cut out and read one at a time, and the rest is parsed.
    JsonError invalid = FindJsonError(text);
    std::string rest;
    std::string_view chunks_text;
    if (invalid.id == 0) {
        auto [pb, pe] = MemberSpan(text, 0, "planner");
        if (pb != std::string_view::npos) {
            auto [cb, ce] = MemberSpan(text, pb, "chunks");
            if (cb != std::string_view::npos && text[cb] == '[') {
                chunks_text = text.substr(cb, ce - cb);
                rest.reserve(text.size() - chunks_text.size() + 2);
                rest.append(text.substr(0, cb)).append("[]").append(text.substr(ce));
            }
        }
    }
    json doc = invalid.id ? json(json::value_t::discarded) : json::parse(chunks_text.empty() ? text : std::string_view(rest), nullptr, false);
    if (doc.is_discarded()) {
        JsonError e = invalid.id ? invalid : FindJsonError(text);
        // nlohmann refuses a number too large for a double ("1e999") as an error of its own.
        out.error = e.id == 406 ? Tr("backup.this_file_is_not_valid")
                                : TrF("backup.not_json_at", {{"at", DescribeOffset(text, e.offset)}});
        return out;
    }
    // Compared as JSON, not read with value(): a "format" that is not text must not throw.
    if (!doc.is_object() || !doc.contains("format") || doc["format"] != kBackupFormat) {
        out.error = Tr("backup.this_json_file_is_not") +
                    std::string(kBackupFormat) + Tr("backup.choose_a_backup_file_downloaded_2");
        return out;
    }
    auto version = doc.find("version");
    // Compared as 64 bits: 4294967297 must not narrow to 1 (values past INT64_MAX read as negative).
    if (version == doc.end() || !version->is_number_integer() || version->get<int64_t>() != 1) {
        out.error = Tr("backup.this_backup_was_made_by");
        return out;
    }
    if (auto at = doc.find("exported_at"); at != doc.end() && at->is_number_integer()) out.exported_at = at->get<int64_t>();
    if (auto o = doc.find("owner"); o != doc.end()) {
        // Read with care: whose data it is decides whether it may be restored inside a course.
        auto text = [&](const char* k) -> const json* {
            auto it = o->find(k);
            return it != o->end() && it->is_string() ? &*it : nullptr;
        };
        const json* where = o->is_object() ? text("where") : nullptr;
        if (!where || (*where != "lms" && *where != "browser")) {
            out.error = Tr("backup.this_backup_s_owner_whose");
            return out;
        }
        out.owner.where = where->get<std::string>();
        if (out.owner.where == "lms") {
            const json* id = text("learner_id");
            const json* name = text("learner_name");
            if (!id || id->get_ref<const std::string&>().empty()) {
                out.error = Tr("backup.this_backup_s_owner_names");
                return out;
            }
            out.owner.learner_id = id->get<std::string>();
            if (name) out.owner.learner_name = name->get<std::string>();
        }
    }
    auto state = doc.find("state");
    if (state == doc.end() || !state->is_object()) {
        out.error = Tr("backup.this_backup_has_no_learner");
        return out;
    }
    StateLoad load = DecodeState(Dump(*state));
    if (load.status != StateLoad::Status::Ok) {
        out.error = TrF("backup.damaged_why", {{"why", load.problems.empty() ? std::string(Tr("backup.it_is_empty")) : load.problems.front()}});
        return out;
    }
    if (auto pl = doc.find("planner"); pl != doc.end()) {
        auto meta = pl->is_object() ? pl->find("meta") : pl->end();
        auto chunks = pl->is_object() ? pl->find("chunks") : pl->end();
        if (!pl->is_object() || meta == pl->end() || !meta->is_object() || chunks == pl->end() || !chunks->is_array()) {
            out.error = Tr("backup.this_backup_s_planner_is");
            return out;
        }
        // Numbers checked before anything is kept: each chunk number once, and only
        // numbers an id can fall in (a uint32 cast would fold 2^32 + 1 onto chunk 1).
        size_t count = 0;
        if (!chunks_text.empty()) EachElement(chunks_text, 0, [&](std::string_view) { return ++count <= planner::kMaxChunks; });
        if (count > planner::kMaxChunks) {
            out.error = Tr("backup.this_backup_s_planner_is_2") + std::to_string(planner::kMaxChunks) +
                        Tr("backup.contact_chunks_and_no_planner");
            return out;
        }
        std::unordered_set<uint32_t> seen;
        out.has_planner = true;
        out.planner.meta = Dump(*meta);
        size_t i = 0;
        if (!chunks_text.empty()) EachElement(chunks_text, 0, [&](std::string_view element) {
            const json c = json::parse(element, nullptr, false);  // one chunk's DOM at a time
            auto n = c.is_object() ? c.find("chunk") : c.end();
            if (n == c.end() || !n->is_number_unsigned()) {
                out.error = Tr("backup.this_backup_s_planner_is_3") + std::to_string(i + 1) +
                            Tr("backup.has_no_number_so_nothing");
                return false;
            }
            if (n->get<uint64_t>() >= planner::kMaxChunks) {
                out.error = TrF("backup.chunk_past_last", {{"chunk", std::to_string(i + 1)}, {"number", n->dump()},
                                                           {"last", std::to_string(planner::kMaxChunks - 1)}});
                return false;
            }
            const auto key = static_cast<uint32_t>(n->get<uint64_t>());
            if (!seen.insert(key).second) {
                out.error = Tr("backup.this_backup_s_planner_is_3") + std::to_string(i + 1) + Tr("backup.repeats_the_number") +
                            std::to_string(key) + Tr("backup.so_nothing_was_restored");
                return false;
            }
            out.planner.chunks.emplace_back(key, Dump(c));
            ++i;
            return true;
        });
        if (!out.error.empty()) {
            out.has_planner = false;
            out.planner = {};
            return out;
        }
    }
    out.ok = true;
    out.state = std::move(load.state);
    // A backup's answers are as clean as typed ones: no control characters (tab and newline stay).
    for (auto& kv : out.state.reflections) RemoveStrayControls(kv.second, true);
    return out;
}

}  // namespace wb
