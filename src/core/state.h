// The learner's stored state: plain structs, a versioned JSON codec, and the
// checks that keep a bad stored document from ever being silently replaced.
#pragma once
#include <cstdint>
#include <utility>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz.h"

namespace wb {

enum class ThemeChoice : uint8_t { System, Light, Dark };

struct Settings {
    ThemeChoice theme = ThemeChoice::System;
    int text_size_pct = 100;  // 100..200, WCAG 1.4.4
    bool high_contrast = false;
};

struct ReaderProgress {
    std::string current;                 // section id; empty = start at the first
    std::map<std::string, float> scroll; // section id -> scroll offset in CSS px (at the text size in use)
    std::set<std::string> read;          // sections whose end has been on screen
};

// When and where a record was last changed: two tabs (or a restored backup)
// merge record by record, the later change winning, so concurrent edits to
// different records both survive. `by` (a per-tab id) breaks ties.
struct Rev {
    int64_t at = 0;  // ms since the epoch; 0 = never changed (defaults, migrated data)
    std::string by;
    bool operator<(const Rev& o) const { return at != o.at ? at < o.at : by < o.by; }
    bool operator==(const Rev& o) const { return at == o.at && by == o.by; }
};

struct LearnerState {
    // 1: first release. 2: per-record revisions and the data generation.
    // 3: quiz progress and the learner's shuffle seed.
    static constexpr int kSchema = 3;
    // Changes when the learner resets or restores: a tab holding an older
    // generation takes the stored one whole instead of merging into it.
    std::string generation;
    Settings settings;
    Rev settings_rev;
    ReaderProgress reader;
    Rev current_rev;                                  // of reader.current
    std::map<std::string, std::string> reflections;   // prompt id -> the learner's answer
    std::map<std::string, Rev> reflection_revs;       // prompt id -> its revision
    QuizProgressMap quizzes;                          // quiz id -> answers, attempts, mastery
    std::map<std::string, Rev> quiz_revs;             // quiz id -> its revision
    uint64_t shuffle_seed = 0;                        // 0 = not made yet; then never changes

    // Counts for summaries ("what will change" before a restore).
    int AnsweredReflections() const;
};

// Merges `theirs` (stored by another tab, or on disk) into `mine`, record by
// record; the later revision wins. Sections read are a union; scroll offsets
// stay this tab's. A different generation: the later one replaces the other.
// Returns true when `mine` holds something `theirs` lacks (a newer record, a
// section read), i.e. when what is stored needs this tab's save to be whole.
bool MergeStates(LearnerState& mine, const LearnerState& theirs);

// Guards applied before any JSON from storage or a file is parsed.
constexpr size_t kMaxJsonBytes = 32u << 20;
// A backup may be larger: it must hold the workbook's own largest (100,000 contacts
// with 1 KB of notes each make 121 MiB); its chunks are parsed one at a time.
constexpr size_t kMaxBackupBytes = 256u << 20;
constexpr int kMaxJsonDepth = 64;

// Checks size and nesting depth without parsing (nlohmann recurses, and a deep
// document overflows the wasm stack). Returns "" if fine, else the reason.
std::string CheckJsonLimits(std::string_view text, size_t max_bytes = kMaxJsonBytes);

// Where a text stops being JSON: the byte offset of the problem, and nlohmann's
// error id (101: syntax; 406: a number too large for a double). Found with a
// parse that keeps nothing and throws nothing (the wasm build has no exceptions):
// call it after json::parse(text, nullptr, false) came back discarded.
struct JsonError {
    size_t offset = 0;
    int id = 0;
};
JsonError FindJsonError(std::string_view text);

struct StateLoad {
    enum class Status : uint8_t {
        Empty,      // nothing stored: a new learner
        Ok,         // loaded as is (possibly migrated)
        Partial,    // loaded what could be read; the rest is reported in problems
        Unreadable, // nothing usable; defaults are used
    };
    Status status = Status::Empty;
    LearnerState state;
    int stored_schema = 0;
    std::vector<std::string> problems;  // plain words: what was found and where
    // True when the stored bytes must be kept aside (quarantined) before this
    // build ever writes the key again.
    bool quarantine() const { return status == Status::Partial || status == Status::Unreadable; }
};

// Decodes a stored document of any schema up to kSchema, migrating older
// ones. Never throws; reads what it can.
StateLoad DecodeState(std::string_view text);
std::string EncodeState(const LearnerState& s);

// --- Backup files ------------------------------------------------------------
// One JSON file with everything: {"format": "networking-workbook-backup",
// "version": 1, "exported_at": <ms>, "state": <stored document>}.
// The planner travels in the same file as its stored records (see
// planner.h, "Storage"): "planner": {"meta": {...}, "chunks": [{...}, ...]}.
// A backup without it (made before the planner existed) leaves the planner alone.
struct StoredPlanner {
    std::string meta;                                    // "" = none
    std::vector<std::pair<uint32_t, std::string>> chunks;  // chunk number, its record
};
// Whose data a backup holds: "owner": {"where": "lms", "learner_id", "learner_name"}
// for a learner in a course, {"where": "browser"} for the standalone workbook.
// Older backups have none (owner.where == "").
struct BackupOwner {
    std::string where;         // "lms", "browser", or "" = not said
    std::string learner_id;    // in a course
    std::string learner_name;
    bool operator==(const BackupOwner&) const = default;
};
// A backup file says what it is: {"format": kBackupFormat, "version": 1, ...}.
inline constexpr const char* kBackupFormat = "networking-workbook-backup";
std::string EncodeBackup(const LearnerState& s, int64_t now_ms, const StoredPlanner* planner = nullptr,
                         const BackupOwner* owner = nullptr);

struct BackupRead {
    bool ok = false;
    std::string error;  // what is wrong and where, for the learner
    LearnerState state;
    int64_t exported_at = 0;
    BackupOwner owner;
    bool has_planner = false;
    StoredPlanner planner;  // checked by the caller (DecodePlanner), which refuses the file if it is damaged
};
// Strict: any problem refuses the whole file (a restore must not half-apply). In backup.cpp.
BackupRead DecodeBackup(std::string_view text);

// Line and column (1-based, in characters) of a byte offset.
void LineColumnOf(std::string_view text, size_t offset, size_t& line, size_t& column);
// "Line L, column C" of a byte offset, for messages about files.
std::string DescribeOffset(std::string_view text, size_t offset);

int CountWords(std::string_view text);

}  // namespace wb
