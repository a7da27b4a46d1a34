// A course system (LMS) as the workbook sees it through SCORM 1.2 or 2004:
// what is reported (status, score, location, interactions, objectives) and
// the compact suspend_data that carries the learner's work between launches.
// Plain data and free functions; no browser, never throws. The browser side
// (API discovery, SetValue/Commit, retries) is src/platform/web_lms.cpp and
// src/platform/lms_bridge.js.
//
// What is sent: reading progress, reflection answers and quiz state. The
// planner is never part of it (it is not in LearnerState's reported parts).
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/content.h"
#include "core/state.h"

namespace wb {

enum class LmsVersion : uint8_t { None, Scorm12, Scorm2004 };

//-----------------------------------------------------------------------------
// suspend_data: "w1|" then fields split by '|'. Positions (section, prompt,
// quiz, question, option indexes) stand for ids: they are stable because a
// fingerprint of the content's structure comes first, and data saved against
// other content is refused, never misapplied. Only ASCII except inside
// reflection texts; '\' escapes '\', '|', '~' and line breaks in texts.
//
//   w1|FP|SAVED|SEED|CUR|READ|SCROLL|REFL|QUIZ|ORDER|SUM
//   FP      6 base-36 digits: Fnv1a64 of the structure (see ContentFingerprint)
//   SAVED   ms since the epoch when encoded, base 36 (revision of every record)
//   SEED    the shuffle seed, base 36
//   CUR     current section index, base 36 ("" = none)
//   READ    read sections: a bit set, 6 sections a digit (B64 digits, low first)
//   SCROLL  section:offset pairs (base 36, whole CSS px) joined by '~'
//   REFL    records joined by '~': section (B64) prompt (B64) ['*' = cut] text
//   QUIZ    records joined by '~': quiz (B64) flags (B64: 1 mastered, 2 submitted)
//           ',' answers ',' attempts
//           answers:  tokens joined by ':': question (B64) ['!' checked] payload
//                     choice: the chosen option indexes as a bit set (6 a digit)
//                     ordering: the learner's order, one B64 item index each
//                     self-rating: the rating digit
//           attempts: count (base 36), then up to 3 attempts each after a '/'
//                     (oldest first); more: '/' BEST '/' LAST, LAST "=" when the same
//                     attempt: time (base 36) '.' passed (0/1) '.' one B64 digit a
//                     graded question: score*den*4 + answered*2 + stale, where den
//                     is what the engine divides by (partial multiple: right
//                     options; partial ordering: items; else 1)
//   ORDER   questions in the order of cmi.interactions: quiz (B64) question (B64)
//   SUM     4 base-36 digits: Fnv1a64 of everything before the last '|'
//           (an LMS that cut the text short, or changed it, is noticed)
// B64 digits: 0-9 a-z A-Z - _. Stale answers (given to an older wording) are
// not sent. Of a history of more than 3 attempts only its count, best and last
// attempt are kept (all the workbook shows); a decode repeats the best to make
// up the count.
//-----------------------------------------------------------------------------

constexpr size_t kSuspendBudget = 4000;       // the budget (SCORM 1.2 allows 4,096)
constexpr const char* kCutMarker = " [\xE2\x80\xA6]";  // " […]" ends a reflection cut to fit

// Length as the LMS counts it: UTF-16 code units (a JavaScript string's length).
size_t Utf16Length(std::string_view utf8);

// 6 base-36 digits over section ids, reflection prompt ids, quiz ids,
// question ids and hashes, option and item counts.
std::string ContentFingerprint(const Content& c);

// Encodes what the LMS keeps. order: question ids in interaction order.
// Reflections are cut (longest first, each ending with kCutMarker) only when
// everything would not fit in budget. held: the LMS's copy as read at launch;
// a cut never leaves a reflection shorter than held had it (the policy is in
// lms.cpp), so new text is cut before what the LMS already holds.
std::string EncodeSuspendData(const Content& c, const LearnerState& s, const std::vector<std::string>& order,
                              int64_t now_ms, size_t budget = kSuspendBudget, const LearnerState* held = nullptr);

struct SuspendRead {
    bool ok = false;
    std::string problem;                 // in plain words, when !ok
    LearnerState state;                  // every record's revision: {saved_at, "lms"}
    std::vector<std::string> order;      // question ids in interaction order
    std::set<std::string> cut;           // reflection ids that were cut to fit
    int64_t saved_at = 0;
};
// Strict: any malformed field refuses the whole text (nothing half-applied),
// and so do counts no learner reaches (kMaxAttempts), before anything is made.
SuspendRead DecodeSuspendData(const Content& c, std::string_view text);

constexpr uint64_t kMaxAttempts = 1000;       // attempts at one quiz a suspend_data may claim
constexpr uint64_t kMaxAttemptsTotal = 2000;  // and at all quizzes together

// The longest suspend_data each version allows (SCORM 1.2: 4,096; 2004: 64,000).
size_t SuspendLimit(LmsVersion v);

//-----------------------------------------------------------------------------
// The LMS record comes first. What the LMS handed back at launch is read
// whatever cmi.entry says (some LMSs always answer ab-initio), merged with the
// device copy record by record, and never regressed by a later write.
//-----------------------------------------------------------------------------

struct LmsRecord {
    std::string learner_id;      // cmi.core.student_id / cmi.learner_id ("" = none given)
    std::string learner_name;    // cmi.core.student_name / cmi.learner_name
    std::string entry;           // as the LMS said; informational only
    std::string suspend_data;
    std::string location;
    std::string status;          // 1.2 lesson_status, 2004 completion_status
    std::string success;         // 2004 success_status
    std::string score_raw;       // "" = none
};

// The least the workbook may ever tell the LMS again: what it already holds.
struct LmsFloor {
    bool completed = false;
    int passed = -1;             // -1 unknown, 0 failed, 1 passed
    double raw = -1;             // best score recorded, percent; -1 = none
};
LmsFloor FloorOf(const LmsRecord& r, LmsVersion v);

// Fills into `s` what `held` (the LMS's copy) has and `s` lacks, so a write
// never loses it: sections read, reflections (a missing or empty one), quiz
// answers to questions `s` has none for, mastery, and the longer attempt
// history (plus `held`'s best attempt when it beats every one kept). Returns
// true when something was added.
// Answers follow the quiz's rounds (attempts, and whether the last one is being
// reviewed): an answer `held` gave before a retry made here never comes back
// as a current one, and a copy that retried or submitted later wins the
// graded answers. content: to tell self-ratings (never cleared by a retry)
// from graded questions.
bool KeepHeldRecords(LearnerState& s, const LearnerState& held, const Content* content = nullptr);

// The launch merge: record by record, the later change winning (MergeStates,
// as two tabs merge), then KeepHeldRecords in both directions' favour: nothing
// either copy had is lost. `lms` must carry `device`'s generation.
void MergeLmsRecord(LearnerState& device, const LearnerState& lms, const Content* content = nullptr);

//-----------------------------------------------------------------------------
// The report
//-----------------------------------------------------------------------------

struct LmsInteraction {
    enum class Type : uint8_t { Choice, TrueFalse, Sequencing, Likert };
    enum class Result : uint8_t { None, Correct, Wrong, Neutral };  // None: not judged yet (not set)
    int index = 0;               // n in cmi.interactions.n
    std::string id;              // "<quiz-id>_<question>", legal in both versions
    Type type = Type::Choice;
    std::string response12;      // 1.2 student_response: letters by authored option order, "t"/"f", a digit
    std::string response2004;    // 2004 learner_response: option ids joined by "[,]", "true"/"false", a digit
    Result result = Result::None;
};

struct LmsObjective {
    std::string id;              // the section id
    bool completed = false;      // read to the end (and its quiz, if any, attempted)
    bool started = false;        // read, opened or answered
    int passed = -1;             // the section's quiz: -1 unknown / no quiz, 0 failed, 1 passed
    double score = -1;           // best quiz score 0..1; -1 = none
};

struct LmsReport {
    bool completed = false;      // Content::completion met
    int passed = -1;             // the final quiz: -1 not attempted, 0 failed, 1 passed
    double raw = -1, min = 0, max = 100, scaled = -1;  // the final quiz's best score; raw -1 = none yet
    double progress = 0;         // share of the completion items done, 0..1
    std::string location;        // current section id
    std::vector<LmsInteraction> interactions;
    std::vector<LmsObjective> objectives;
    std::string suspend_data;
};

// Builds the report. order (question ids in cmi.interactions order) gains the
// questions answered for the first time, so every question keeps its index
// for good (an LMS cannot delete an interaction).
LmsReport BuildLmsReport(const Content& c, const LearnerState& s, std::vector<std::string>& order, int64_t now_ms,
                         const LearnerState* held = nullptr);

// Completion and success never go back; the score never drops below the best recorded.
void ApplyFloor(LmsReport& r, const LmsFloor& f);

// "0000:01:05.20" (1.2 CMITimespan) or "PT1M5.2S" (2004 ISO 8601 duration).
std::string FormatSessionTime(int64_t ms, LmsVersion v);

// The data model elements and values to set, in a legal order (an
// interaction's id and type before its response). session_ms: this session's
// time so far. Exit: "suspend" until completed, then "" (1.2) / "normal" (2004).
// The score comes before the status (an LMS that judges on the status sees it).
std::vector<std::pair<std::string, std::string>> LmsValues(const LmsReport& r, LmsVersion v, int64_t session_ms);

}  // namespace wb
