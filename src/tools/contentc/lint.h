// contentc's content linter: checks that compile fine but make a quiz easy to
// guess, or the content disagree with itself or with the app's code.
// CompileContent runs it after a clean compile; errors fail the build like any
// other error, warnings are listed and summed up in one line.
//
// What it checks (content/README.md, "What the linter checks"):
//   - single/scenario: where the right option ranks by length (a right option that
//     stands out as the longest is a warning; the chapter-wide share is summed up)
//   - true/false: balance of true and false over the chapter and per quiz; giveaway
//     words ("only", "always", "simply", ...) in the statement
//   - options without feedback (wrong options are already an error in the compiler;
//     a true/false item without it too)
//   - multiple select: fewer wrong options than right ones (ticking everything would
//     earn credit) is an error; "all that apply" in the prompt (the workbook says it)
//   - duplicate (error) or near-duplicate (warning) questions across the chapter
//   - placeholders in planner templates that FillTemplate cannot fill (error)
//   - strings.json keys the code asks for but that are missing (error) or that no
//     source file mentions (warning)
//   - British spellings in learner-facing text (the chapter is US English)
//
// A warning kept on purpose is silenced in the content with its reason: a
// "lint_ok": { "<check>": "<reason>" } object on the question (or, for the
// quiz-wide true/false check, on the quiz). Kept warnings are listed as notes
// with their reason; a lint_ok that silences nothing is itself a warning.
// Errors cannot be silenced.
#pragma once
#include <string>
#include <vector>

#include "core/quiz.h"
#include "tools/contentc/contentc.h"

namespace contentc {

// The warnings a "lint_ok" may keep, by the name the content uses:
//   longest-correct   the right option of a single/scenario question is the longest
//   giveaway-word     an absolute word in a true/false statement
//   all-that-apply    "all that apply" in a multiple select's prompt
//   near-duplicate    a question reads much like another (on either of the two)
//   true-false-alike  (on a quiz) all its true/false statements have the same answer
const std::vector<std::string>& LintCheckNames();

// One "lint_ok" entry: the check it keeps, why, and where it is written.
struct LintOk {
    std::string check, reason;
    int line = 1, col = 1;
};

// Where a compiled question came from.
struct LintQuestion {
    const wb::Question* q = nullptr;
    int line = 1, col = 1;                // the question's '{'
    int prompt_line = 1, prompt_col = 1;  // its "prompt" value
    std::vector<LintOk> ok;               // its "lint_ok"
};
struct LintQuiz {
    const wb::Quiz* quiz = nullptr;
    std::string file;
    std::vector<LintQuestion> questions;  // one per quiz->questions, same order
    std::vector<LintOk> ok;               // the quiz's own "lint_ok"
};
// Learner-facing text files scanned for spelling (sections, quizzes, templates).
struct LintText {
    std::string file, text;
};

struct LintInput {
    std::vector<LintQuiz> quizzes;
    std::vector<LintText> texts;
    std::string strings_file;   // content/strings.json (path and text)
    std::string strings_text;
    std::string templates_file;  // content/planner/templates.json; empty text = no templates
    std::string templates_text;
    std::string sources_dir;     // the app's C++ sources (Str("key") calls); empty = skip the strings check
};

struct LintResult {
    std::vector<Diagnostic> diagnostics;
    // Warnings kept on purpose: where the lint_ok is, and the warning with its reason.
    // error is false; contentc prints them as "file:line:col: note: kept ...".
    std::vector<Diagnostic> kept;
    std::string summary;  // "lint: N errors, N warnings, N kept; ..." (one line)
    std::string report;   // one line per graded question (contentc --lint-report FILE)
};

LintResult Lint(const LintInput& in);

// Exposed for tests.
// Words of s in lower case (letters, digits, apostrophes), in order.
std::vector<std::string> LintWords(const std::string& s);
// 0..1: how alike two questions read (1 = the same words).
double LintSimilarity(const std::string& a, const std::string& b);

}  // namespace contentc
