// Quizzes: the decoded quiz content, the learner's quiz state, and the engine
// that grades, reveals, submits, retries, shuffles and summarises.
// Plain data and free functions; no JSON, no ImGui, never throws.
//
// Index of this header:
//   Model       QuestionKind, ScoringRule, FeedbackMode, Option, Question, Quiz
//   Hash        QuestionHash (FNV-1a 64 of a question's canonical text)
//   State       Response, QuestionResult, Attempt, QuizProgress (what must be stored)
//   Answering   Choose, SetOrder, MoveItem, CurrentOrder, Rate, ClearAnswer, IsLocked
//   Grading     Grade, GradeQuestion, GradeAnswer
//   Reveal      Reveal, WhatToShow, CheckAnswer
//   Attempts    SubmitQuiz, RetryAll, RetryWrong
//   Staleness   IsStale, StaleAnswers
//   Shuffle     ShuffledOptions, InitialOrder
//   Reports     Summarize, SelfAssessment, Recommend
//
// Where the content comes from: content/quizzes/*.json, compiled by contentc
// into the chapter document's "quizzes" array (format in content.cpp) and
// decoded by DecodeContent into Content::quizzes.
//
// Scoring (each question scores 0..1; a quiz's score is the mean over its
// graded questions; self-ratings are never graded):
//   single, scenario, true_false  1 if exactly the correct option is chosen, else 0.
//   multiple, all_or_nothing      1 if the chosen set equals the correct set, else 0.
//   multiple, partial             max(0, (correct chosen - wrong chosen) / correct total).
//   ordering, all_or_nothing      1 if every item is in its right position, else 0.
//   ordering, partial             items in their right position / items.
//   A question is "correct" when it scores 1. A quiz passes when
//   score >= pass_mark (with a 1e-9 tolerance, so 4 of 5 passes a 0.8 mark).
//   Unanswered and stale answers score 0.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb {

//-----------------------------------------------------------------------------
// Model (the decoded content)
//-----------------------------------------------------------------------------

enum class QuestionKind : uint8_t {
    Single,      // one correct option
    Multiple,    // one or more correct options, learner picks any number
    TrueFalse,   // options "true" and "false", never shuffled
    Scenario,    // a workplace situation + single choice
    Ordering,    // put the items in order; options hold the items in the correct order
    SelfRating,  // 1..5 self-assessment, not graded
};
enum class ScoringRule : uint8_t { AllOrNothing, Partial };
enum class FeedbackMode : uint8_t {
    Immediate,  // each answer can be checked on its own
    OnSubmit,   // nothing is revealed until the quiz is submitted
};

// Names as written in the JSON ("single", "multiple", "true_false",
// "scenario", "ordering", "self_rating"; "all_or_nothing", "partial";
// "immediate", "on_submit"). Parse* return false for an unknown name.
const char* QuestionKindName(QuestionKind k);
const char* ScoringRuleName(ScoringRule r);
const char* FeedbackModeName(FeedbackMode m);
bool ParseQuestionKind(std::string_view name, QuestionKind& out);
bool ParseScoringRule(std::string_view name, ScoringRule& out);
bool ParseFeedbackMode(std::string_view name, FeedbackMode& out);

constexpr int kRatingMin = 1;
constexpr int kRatingMax = 5;

struct Option {
    std::string id;        // stable within its question ("a", "true", "research"): answers store ids, not positions
    std::string text;
    bool correct = false;  // choice kinds only
    std::string feedback;  // shown when the learner chose this option; always present on wrong options
    bool operator==(const Option&) const = default;
};

struct Question {
    std::string id;                 // "<quiz-id>.<local-id>", unique across the chapter
    QuestionKind kind = QuestionKind::Single;
    std::string scenario;           // Scenario: the situation, shown before the prompt
    std::string prompt;
    std::vector<Option> options;    // choices; TrueFalse: "true","false"; Ordering: the items in the correct order
    std::string explanation;        // graded: why; the UI shows "From <title of cite>: " before it
    std::string cite;               // graded: the section the explanation comes from (links to #/read/<cite>)
    std::string tip;                // SelfRating: the tip section it measures
    std::string min_label, max_label;  // SelfRating: what 1 and 5 mean
    std::string hash;               // QuestionHash, computed by the compiler

    bool Graded() const { return kind != QuestionKind::SelfRating; }
    bool IsChoice() const { return kind != QuestionKind::Ordering && kind != QuestionKind::SelfRating; }
    int FindOption(std::string_view option_id) const;  // index or -1
    bool operator==(const Question&) const = default;
};

struct Quiz {
    std::string id;       // stable: keys the learner's progress
    std::string section;  // the section it belongs to (one quiz per section)
    std::string title;
    double pass_mark = 0.8;
    FeedbackMode feedback = FeedbackMode::Immediate;
    ScoringRule scoring = ScoringRule::AllOrNothing;
    // Tip quizzes: what to suggest when this tip needs work. The action id is
    // stable; the planner implements it (e.g. "set-follow-up-rhythm").
    std::string action;
    std::string action_text;
    std::vector<Question> questions;

    const Question* Find(std::string_view question_id) const;  // nullptr if none
    int GradedCount() const;
    bool operator==(const Quiz&) const = default;
};

//-----------------------------------------------------------------------------
// Hash
//-----------------------------------------------------------------------------

uint64_t Fnv1a64(std::string_view bytes);

// 16 lowercase hex digits: FNV-1a 64 of the question's canonical text, i.e.
// what a learner answers against: kind, scenario, prompt, every option's id
// and text in order, the correct answer (choice: correct ids; ordering: the
// item order), and for self-ratings the tip and both labels. Explanations and
// feedback are left out on purpose: rewording them does not make an answer
// out of date. Fields are separated by 0x1F, records by 0x1E.
std::string QuestionHash(const Question& q);

//-----------------------------------------------------------------------------
// Learner state. Value types; the stored-state codec must keep every field:
//   QuizProgressMap (quiz id -> QuizProgress), each with
//     answers:   question id -> {chosen[], rating, hash, checked}
//     attempts:  [{time, score, passed, results:[{question, score, correct, answered, stale}]}]
//     mastered, submitted
//   plus the learner's 64-bit shuffle seed (kept once per learner, never
//   regenerated, so option order is the same in every session).
//-----------------------------------------------------------------------------

struct Response {
    // Choice kinds: the chosen option ids, in the question's option order.
    // Ordering: every item id, in the learner's order.
    std::vector<std::string> chosen;
    int rating = 0;         // SelfRating: 1..5; 0 = not rated
    std::string hash;       // Question::hash when this response was given
    bool checked = false;   // Immediate mode: the learner asked to check it
    bool operator==(const Response&) const = default;
};

struct QuestionResult {
    std::string question;   // question id
    double score = 0;       // 0..1
    bool correct = false;   // score == 1
    bool answered = false;  // a current (not stale) response existed
    bool stale = false;     // a response existed but was given to an older version
    bool operator==(const QuestionResult&) const = default;
};

struct Attempt {
    int64_t time = 0;       // supplied by the caller (e.g. Unix seconds)
    double score = 0;       // 0..1 over graded questions
    bool passed = false;
    std::vector<QuestionResult> results;  // graded questions, in quiz order
    bool operator==(const Attempt&) const = default;
};

struct QuizProgress {
    std::map<std::string, Response> answers;  // question id -> response
    std::vector<Attempt> attempts;            // oldest first
    bool mastered = false;   // passed at least once; a later failed attempt does not undo it
    bool submitted = false;  // reviewing the last submit: everything revealed, graded answers locked until a retry
    bool operator==(const QuizProgress&) const = default;
};

using QuizProgressMap = std::map<std::string, QuizProgress>;  // quiz id -> progress

//-----------------------------------------------------------------------------
// Answering. Each returns false (and changes nothing) for an unknown question
// or option, a wrong kind, or a locked question. Every change stamps the
// question's current hash, so it also replaces a stale response.
//-----------------------------------------------------------------------------

// Graded answers are locked after a submit (until a retry) and, in immediate
// mode, once checked. Self-ratings are never locked.
bool IsLocked(const Quiz& quiz, const QuizProgress& p, const Question& q);

// Single, Scenario, TrueFalse: selects option (replacing any other).
// Multiple: toggles option.
bool Choose(const Quiz& quiz, QuizProgress& p, std::string_view question, std::string_view option);
// Ordering: order must hold every item id exactly once.
bool SetOrder(const Quiz& quiz, QuizProgress& p, std::string_view question, const std::vector<std::string>& order);
// Ordering: the order shown now: the learner's, else the shuffled start.
std::vector<std::string> CurrentOrder(const Quiz& quiz, const QuizProgress& p, uint64_t seed, std::string_view question);
// Ordering: moves the item at position from to position to (0-based) in
// CurrentOrder and stores the result (the keyboard's move up/down).
bool MoveItem(const Quiz& quiz, QuizProgress& p, uint64_t seed, std::string_view question, size_t from, size_t to);
// SelfRating: rating 1..5.
bool Rate(const Quiz& quiz, QuizProgress& p, std::string_view question, int rating);
bool ClearAnswer(const Quiz& quiz, QuizProgress& p, std::string_view question);

//-----------------------------------------------------------------------------
// Grading
//-----------------------------------------------------------------------------

// One option (or ordering item), in the question's authored option order.
struct OptionMark {
    std::string option;         // option id
    bool chosen = false;        // choice: the learner chose it; ordering: always true once answered
    bool correct = false;       // choice: a correct option; ordering: the item sits in its right position
    int position = -1;          // ordering: where the learner put it (0-based), -1 if unanswered
    int correct_position = -1;  // ordering: where it belongs
    std::string feedback;       // choice: the option's feedback if it was chosen, else empty
};

struct Grade {
    bool graded = false;    // false for self-ratings
    bool answered = false;  // a current response exists
    bool stale = false;     // a response exists but was given to an older version of the question
    double score = 0;       // 0..1
    bool correct = false;   // score == 1
    std::vector<OptionMark> marks;
};

// r may be null (no answer). A stale r grades as unanswered (stale = true).
Grade GradeQuestion(const Question& q, ScoringRule rule, const Response* r);
// Convenience: the stored answer to question in p (a default Grade for an unknown id).
Grade GradeAnswer(const Quiz& quiz, const QuizProgress& p, std::string_view question);

//-----------------------------------------------------------------------------
// Reveal: what the UI may show for a question right now
//-----------------------------------------------------------------------------

enum class Reveal : uint8_t {
    Nothing,   // no verdict, no feedback
    Feedback,  // verdict, feedback of the chosen options, explanation; not which answer is right
    Solution,  // all of the above plus the correct answer
};

// Immediate mode: Nothing until a current answer was checked; then Solution
// if it was correct, else Feedback (the solution stays hidden so "retry
// wrong" remains a real second try). OnSubmit mode: Nothing until submitted.
// After a submit, in either mode: Solution for every graded question.
// Self-ratings: always Nothing.
Reveal WhatToShow(const Quiz& quiz, const QuizProgress& p, std::string_view question);

// Immediate mode: marks the current answer checked (and so locks it). Returns
// false, changing nothing, without an answer, in OnSubmit mode, or for a
// self-rating.
bool CheckAnswer(const Quiz& quiz, QuizProgress& p, std::string_view question);

//-----------------------------------------------------------------------------
// Attempts
//-----------------------------------------------------------------------------

// Grades every graded question, appends the attempt, sets mastered if it
// passed and submitted (review mode). Unanswered questions score 0. Returns
// a copy of the recorded attempt.
Attempt SubmitQuiz(const Quiz& quiz, QuizProgress& p, int64_t now);
// Clears every graded answer (self-ratings stay: they are the learner's
// profile, not a try), leaves review mode; attempts and mastered are kept.
void RetryAll(const Quiz& quiz, QuizProgress& p);
// Like RetryAll but keeps current answers that score 1 (checked flag too).
void RetryWrong(const Quiz& quiz, QuizProgress& p);

//-----------------------------------------------------------------------------
// Staleness: a response whose hash differs from its question's current hash
// was given to an older wording. It is kept (the learner can see what they
// said) but counts as unanswered everywhere.
//-----------------------------------------------------------------------------

bool IsStale(const Question& q, const Response& r);
// Question ids with a stale response, in quiz order.
std::vector<std::string> StaleAnswers(const Quiz& quiz, const QuizProgress& p);

//-----------------------------------------------------------------------------
// Shuffle: deterministic per learner (seed) and question id, so the order is
// the same in every session and differs between learners.
//-----------------------------------------------------------------------------

// Option ids in display order. TrueFalse keeps True, False; Ordering returns
// InitialOrder; SelfRating returns no ids.
std::vector<std::string> ShuffledOptions(const Question& q, uint64_t seed);
// Ordering: the starting order; never the correct one (for 2+ items).
std::vector<std::string> InitialOrder(const Question& q, uint64_t seed);

//-----------------------------------------------------------------------------
// Reports
//-----------------------------------------------------------------------------

struct QuizStatus {
    std::string quiz, section;
    int graded = 0;       // graded questions in the quiz
    int answered = 0;     // graded questions with a current answer
    int unanswered = 0;   // graded - answered (stale ones included)
    int stale = 0;        // graded questions whose answer is stale
    int attempts = 0;
    double best_score = 0;  // 0..1; 0 without attempts
    double last_score = 0;
    bool mastered = false;
};

struct QuizSummary {
    std::vector<QuizStatus> quizzes;  // quiz order (= section reading order)
    int quiz_count = 0, mastered = 0;
    int graded = 0, answered = 0, unanswered = 0, stale = 0, attempts = 0;
    double score = 0;  // mean of best scores over all quizzes; unattempted ones count 0

    const QuizStatus* ForSection(std::string_view section) const;  // nullptr if none
};

QuizSummary Summarize(const std::vector<Quiz>& quizzes, const QuizProgressMap& progress);

struct TipRating {
    std::string tip;      // tip section id
    int questions = 0;    // self-ratings measuring this tip
    int rated = 0;        // of those, with a current rating
    double average = 0;   // 1..5 when rated > 0, else 0 (none)
    bool HasRating() const { return rated > 0; }
};

// One entry per tip that any self-rating measures, in quiz order.
std::vector<TipRating> SelfAssessment(const std::vector<Quiz>& quizzes, const QuizProgressMap& progress);

struct Recommendation {
    std::string action;       // stable action id from the tip's quiz ("set-follow-up-rhythm")
    std::string tip;          // tip section id
    std::string text;         // what to do, in the content's words
    double rating = 0;        // the tip's average self-rating, 0 = not rated
    double quiz_score = -1;   // best score on the tip's quiz, -1 = not attempted
};

// Up to count recommendations, one per tip whose quiz has an action. Order:
// lowest average self-rating first, an unrated tip counting as 3 (the
// midpoint); at the same level a rated tip before an unrated one, then the
// lower best quiz score (unattempted counts as 0), then the tip that comes
// first in quiz order, so the result is deterministic.
std::vector<Recommendation> Recommend(const std::vector<Quiz>& quizzes, const QuizProgressMap& progress, size_t count = 3);

}  // namespace wb
