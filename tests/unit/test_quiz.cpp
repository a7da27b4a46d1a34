// Tests for the quiz engine (src/core/quiz.*): grading of every kind, reveal
// rules, submit and retry, stale answers, shuffling, summaries, the
// self-assessment profile and recommendations. Compiled natively and to wasm
// (no structured bindings in lambdas or CAPTURE, no POSIX).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/quiz.h"

namespace {

using wb::Option;
using wb::Question;
using wb::QuestionKind;
using wb::Quiz;
using wb::QuizProgress;
using wb::Reveal;
using wb::ScoringRule;
using Ids = std::vector<std::string>;

Question Make(const std::string& id, QuestionKind kind, std::vector<Option> options) {
    Question q;
    q.id = id;
    q.kind = kind;
    q.prompt = "Prompt of " + id;
    q.options = std::move(options);
    if (q.Graded()) {
        q.explanation = "Because.";
        q.cite = "sec";
    }
    q.hash = wb::QuestionHash(q);
    return q;
}

// One question of every kind:
//   t.single  a (right), b, c        t.multi  a, b (right), c, d
//   t.tf      true (right), false    t.scen   a, b (right)
//   t.order   w, x, y, z (in order)  t.rate   self-rating for "tip-a"
Quiz MakeQuiz(ScoringRule rule = ScoringRule::AllOrNothing, wb::FeedbackMode mode = wb::FeedbackMode::Immediate) {
    Quiz quiz;
    quiz.id = "t";
    quiz.section = "sec";
    quiz.title = "Test";
    quiz.scoring = rule;
    quiz.feedback = mode;
    quiz.questions.push_back(Make("t.single", QuestionKind::Single,
                                  {{"a", "A", true, ""}, {"b", "B", false, "Not B"}, {"c", "C", false, "Not C"}}));
    quiz.questions.push_back(Make("t.multi", QuestionKind::Multiple,
                                  {{"a", "A", true, "Yes A"}, {"b", "B", true, ""}, {"c", "C", false, "Not C"}, {"d", "D", false, "Not D"}}));
    quiz.questions.push_back(Make("t.tf", QuestionKind::TrueFalse, {{"true", "True", true, ""}, {"false", "False", false, "It is true"}}));
    quiz.questions.push_back(Make("t.scen", QuestionKind::Scenario, {{"a", "A", false, "Not A"}, {"b", "B", true, ""}}));
    quiz.questions.push_back(Make("t.order", QuestionKind::Ordering, {{"w", "W", false, ""}, {"x", "X", false, ""}, {"y", "Y", false, ""}, {"z", "Z", false, ""}}));
    Question rate = Make("t.rate", QuestionKind::SelfRating, {});
    rate.tip = "tip-a";
    rate.min_label = "Never";
    rate.max_label = "Always";
    rate.hash = wb::QuestionHash(rate);
    quiz.questions.push_back(rate);
    return quiz;
}

// Answers every graded question correctly.
void AnswerAllRight(const Quiz& quiz, QuizProgress& p) {
    REQUIRE(wb::Choose(quiz, p, "t.single", "a"));
    REQUIRE(wb::Choose(quiz, p, "t.multi", "a"));
    REQUIRE(wb::Choose(quiz, p, "t.multi", "b"));
    REQUIRE(wb::Choose(quiz, p, "t.tf", "true"));
    REQUIRE(wb::Choose(quiz, p, "t.scen", "b"));
    REQUIRE(wb::SetOrder(quiz, p, "t.order", {"w", "x", "y", "z"}));
}

double Score(const Quiz& quiz, const QuizProgress& p, const char* id) { return wb::GradeAnswer(quiz, p, id).score; }

const wb::OptionMark& Mark(const wb::Grade& g, const std::string& option) {
    auto it = std::find_if(g.marks.begin(), g.marks.end(), [&](const wb::OptionMark& m) { return m.option == option; });
    REQUIRE(it != g.marks.end());
    return *it;
}

// Rewords a question, as a content edit would, and recomputes its hash.
void Reword(Quiz& quiz, const char* id) {
    for (auto& q : quiz.questions)
        if (q.id == id) {
            q.prompt += " (reworded)";
            q.hash = wb::QuestionHash(q);
        }
}

}  // namespace

//-----------------------------------------------------------------------------
// Names and hash
//-----------------------------------------------------------------------------

TEST_CASE("quiz: names round-trip") {
    for (QuestionKind k : {QuestionKind::Single, QuestionKind::Multiple, QuestionKind::TrueFalse, QuestionKind::Scenario,
                           QuestionKind::Ordering, QuestionKind::SelfRating}) {
        QuestionKind back = QuestionKind::Single;
        CHECK(wb::ParseQuestionKind(wb::QuestionKindName(k), back));
        CHECK(back == k);
    }
    wb::ScoringRule r;
    CHECK(wb::ParseScoringRule("partial", r));
    CHECK(r == ScoringRule::Partial);
    CHECK(std::string(wb::ScoringRuleName(ScoringRule::AllOrNothing)) == "all_or_nothing");
    wb::FeedbackMode m;
    CHECK(wb::ParseFeedbackMode("on_submit", m));
    CHECK(m == wb::FeedbackMode::OnSubmit);
    QuestionKind k = QuestionKind::Multiple;
    CHECK_FALSE(wb::ParseQuestionKind("essay", k));
    CHECK(k == QuestionKind::Multiple);
    CHECK_FALSE(wb::ParseScoringRule("most", r));
    CHECK_FALSE(wb::ParseFeedbackMode("later", m));
}

TEST_CASE("quiz: FNV-1a 64 and the question hash") {
    // Reference values of FNV-1a 64.
    CHECK(wb::Fnv1a64("") == 0xcbf29ce484222325ull);
    CHECK(wb::Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(wb::Fnv1a64("foobar") == 0x85944171f73967e8ull);

    const Quiz quiz = MakeQuiz();
    Question q = quiz.questions[0];
    const std::string h = wb::QuestionHash(q);
    CHECK(h.size() == 16);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
    // Explanations and feedback may be reworded freely...
    q.explanation = "Reworded.";
    q.options[1].feedback = "Reworded.";
    q.cite = "elsewhere";
    CHECK(wb::QuestionHash(q) == h);
    // ...but the prompt, options and answer are what the learner answered.
    Question p = q;
    p.prompt += "!";
    CHECK(wb::QuestionHash(p) != h);
    p = q;
    p.options[2].text = "C!";
    CHECK(wb::QuestionHash(p) != h);
    p = q;
    p.options[0].correct = false;
    p.options[1].correct = true;
    CHECK(wb::QuestionHash(p) != h);
    p = q;
    std::swap(p.options[1], p.options[2]);
    CHECK(wb::QuestionHash(p) != h);
    // Field boundaries count: moving text between fields changes the hash.
    Question a = q, b = q;
    a.options[1].id = "b";
    a.options[1].text = "xB";
    b.options[1].id = "bx";
    b.options[1].text = "B";
    CHECK(wb::QuestionHash(a) != wb::QuestionHash(b));
    // Ordering: the item order is the answer.
    Question o = quiz.questions[4];
    const std::string oh = wb::QuestionHash(o);
    std::swap(o.options[0], o.options[1]);
    CHECK(wb::QuestionHash(o) != oh);
    // Self-rating: the tip and labels are part of what was rated.
    Question r = quiz.questions[5];
    const std::string rh = wb::QuestionHash(r);
    r.max_label = "Every day";
    CHECK(wb::QuestionHash(r) != rh);
}

//-----------------------------------------------------------------------------
// Grading, kind by kind
//-----------------------------------------------------------------------------

TEST_CASE("quiz: single choice") {
    const Quiz quiz = MakeQuiz();
    QuizProgress p;
    wb::Grade g = wb::GradeAnswer(quiz, p, "t.single");
    CHECK(g.graded);
    CHECK_FALSE(g.answered);
    CHECK(g.score == 0);
    CHECK_FALSE(g.correct);
    CHECK(g.marks.size() == 3);

    REQUIRE(wb::Choose(quiz, p, "t.single", "b"));
    g = wb::GradeAnswer(quiz, p, "t.single");
    CHECK(g.answered);
    CHECK(g.score == 0);
    CHECK(Mark(g, "b").chosen);
    CHECK(Mark(g, "b").feedback == "Not B");
    CHECK(Mark(g, "c").feedback.empty());  // feedback only for what was chosen
    CHECK(Mark(g, "a").correct);

    REQUIRE(wb::Choose(quiz, p, "t.single", "a"));  // replaces b
    CHECK(p.answers["t.single"].chosen == Ids{"a"});
    g = wb::GradeAnswer(quiz, p, "t.single");
    CHECK(g.score == 1);
    CHECK(g.correct);

    CHECK_FALSE(wb::Choose(quiz, p, "t.single", "nope"));
    CHECK_FALSE(wb::Choose(quiz, p, "t.none", "a"));
    CHECK_FALSE(wb::Choose(quiz, p, "t.order", "w"));  // wrong kind
    CHECK(p.answers["t.single"].hash == quiz.questions[0].hash);

    // A stored response with several ids (only possible from bad storage) is wrong.
    wb::Response both{{"a", "b"}, 0, quiz.questions[0].hash, false};
    CHECK(wb::GradeQuestion(quiz.questions[0], ScoringRule::Partial, &both).score == 0);
}

TEST_CASE("quiz: multiple select, all or nothing") {
    const Quiz quiz = MakeQuiz(ScoringRule::AllOrNothing);
    QuizProgress p;
    CHECK(Score(quiz, p, "t.multi") == 0);
    REQUIRE(wb::Choose(quiz, p, "t.multi", "b"));
    CHECK(Score(quiz, p, "t.multi") == 0);  // half right is wrong here
    REQUIRE(wb::Choose(quiz, p, "t.multi", "a"));
    CHECK(p.answers["t.multi"].chosen == Ids{"a", "b"});  // kept in option order
    CHECK(wb::GradeAnswer(quiz, p, "t.multi").correct);
    REQUIRE(wb::Choose(quiz, p, "t.multi", "c"));
    CHECK(Score(quiz, p, "t.multi") == 0);
    REQUIRE(wb::Choose(quiz, p, "t.multi", "d"));  // all options chosen
    CHECK(Score(quiz, p, "t.multi") == 0);
    REQUIRE(wb::Choose(quiz, p, "t.multi", "c"));  // toggles off
    REQUIRE(wb::Choose(quiz, p, "t.multi", "d"));
    CHECK(Score(quiz, p, "t.multi") == 1);
    const wb::Grade g = wb::GradeAnswer(quiz, p, "t.multi");
    CHECK(Mark(g, "a").feedback == "Yes A");  // a right option may explain itself too
}

TEST_CASE("quiz: multiple select, partial credit") {
    const Quiz quiz = MakeQuiz(ScoringRule::Partial);
    auto score = [&](const Ids& chosen) {
        QuizProgress p;
        for (const auto& id : chosen) REQUIRE(wb::Choose(quiz, p, "t.multi", id));
        return Score(quiz, p, "t.multi");
    };
    // (correct chosen - wrong chosen) / correct total, floored at 0.
    CHECK(score({}) == 0);
    CHECK(score({"a"}) == 0.5);
    CHECK(score({"a", "b"}) == 1);
    CHECK(score({"a", "c"}) == 0);
    CHECK(score({"a", "b", "c"}) == 0.5);
    CHECK(score({"a", "b", "c", "d"}) == 0);  // all options chosen
    CHECK(score({"c", "d"}) == 0);            // floored, not negative
    QuizProgress p;
    REQUIRE(wb::Choose(quiz, p, "t.multi", "a"));
    CHECK_FALSE(wb::GradeAnswer(quiz, p, "t.multi").correct);
    // Partial credit applies to multiple select only.
    REQUIRE(wb::Choose(quiz, p, "t.single", "b"));
    CHECK(Score(quiz, p, "t.single") == 0);
}

TEST_CASE("quiz: true/false and scenario") {
    const Quiz quiz = MakeQuiz(ScoringRule::Partial);
    QuizProgress p;
    REQUIRE(wb::Choose(quiz, p, "t.tf", "false"));
    wb::Grade g = wb::GradeAnswer(quiz, p, "t.tf");
    CHECK(g.score == 0);
    CHECK(Mark(g, "false").feedback == "It is true");
    REQUIRE(wb::Choose(quiz, p, "t.tf", "true"));
    CHECK(Score(quiz, p, "t.tf") == 1);

    REQUIRE(wb::Choose(quiz, p, "t.scen", "a"));
    CHECK(Score(quiz, p, "t.scen") == 0);
    CHECK(Mark(wb::GradeAnswer(quiz, p, "t.scen"), "a").feedback == "Not A");
    REQUIRE(wb::Choose(quiz, p, "t.scen", "b"));
    CHECK(Score(quiz, p, "t.scen") == 1);
}

TEST_CASE("quiz: ordering, all or nothing and partial") {
    const Quiz strict = MakeQuiz(ScoringRule::AllOrNothing);
    const Quiz partial = MakeQuiz(ScoringRule::Partial);
    QuizProgress p;
    CHECK_FALSE(wb::GradeAnswer(strict, p, "t.order").answered);
    CHECK(Score(strict, p, "t.order") == 0);

    CHECK_FALSE(wb::SetOrder(strict, p, "t.order", {"w", "x", "y"}));       // missing one
    CHECK_FALSE(wb::SetOrder(strict, p, "t.order", {"w", "x", "y", "y"}));  // twice
    CHECK_FALSE(wb::SetOrder(strict, p, "t.order", {"w", "x", "y", "q"}));  // unknown
    CHECK_FALSE(wb::SetOrder(strict, p, "t.single", {"a", "b", "c"}));      // wrong kind
    CHECK(p.answers.empty());

    REQUIRE(wb::SetOrder(strict, p, "t.order", {"w", "x", "z", "y"}));  // two in place
    CHECK(Score(strict, p, "t.order") == 0);
    CHECK(Score(partial, p, "t.order") == 0.5);
    const wb::Grade g = wb::GradeAnswer(partial, p, "t.order");
    CHECK(Mark(g, "z").position == 2);
    CHECK(Mark(g, "z").correct_position == 3);
    CHECK_FALSE(Mark(g, "z").correct);
    CHECK(Mark(g, "w").correct);

    REQUIRE(wb::SetOrder(strict, p, "t.order", {"x", "y", "z", "w"}));  // each one off by one
    CHECK(Score(partial, p, "t.order") == 0);
    REQUIRE(wb::SetOrder(strict, p, "t.order", {"w", "x", "y", "z"}));
    CHECK(Score(strict, p, "t.order") == 1);
    CHECK(wb::GradeAnswer(strict, p, "t.order").correct);

    // A stored order that is not a permutation (bad storage) scores 0.
    p.answers["t.order"].chosen = {"w", "w", "y", "z"};
    CHECK(Score(partial, p, "t.order") == 0);
}

TEST_CASE("quiz: ordering by moving items") {
    const Quiz quiz = MakeQuiz(ScoringRule::Partial);
    QuizProgress p;
    const uint64_t seed = 42;
    const Ids start = wb::CurrentOrder(quiz, p, seed, "t.order");
    CHECK(start == wb::InitialOrder(quiz.questions[4], seed));
    CHECK(p.answers.empty());  // showing the start is not an answer

    REQUIRE(wb::MoveItem(quiz, p, seed, "t.order", 0, 3));
    Ids expected = start;
    std::rotate(expected.begin(), expected.begin() + 1, expected.end());
    CHECK(p.answers["t.order"].chosen == expected);
    CHECK(wb::CurrentOrder(quiz, p, seed, "t.order") == expected);
    CHECK_FALSE(wb::MoveItem(quiz, p, seed, "t.order", 4, 0));
    CHECK(wb::CurrentOrder(quiz, p, seed, "t.single").empty());

    // Sort it into place by moves alone.
    for (size_t target = 0; target < 4; ++target) {
        const Ids cur = wb::CurrentOrder(quiz, p, seed, "t.order");
        const size_t from = size_t(std::find(cur.begin(), cur.end(), quiz.questions[4].options[target].id) - cur.begin());
        REQUIRE(wb::MoveItem(quiz, p, seed, "t.order", from, target));
    }
    CHECK(Score(quiz, p, "t.order") == 1);
}

TEST_CASE("quiz: self-ratings are not graded and not in the score") {
    const Quiz quiz = MakeQuiz();
    QuizProgress p;
    CHECK_FALSE(wb::Rate(quiz, p, "t.rate", 0));
    CHECK_FALSE(wb::Rate(quiz, p, "t.rate", 6));
    CHECK_FALSE(wb::Rate(quiz, p, "t.single", 3));
    REQUIRE(wb::Rate(quiz, p, "t.rate", 1));
    const wb::Grade g = wb::GradeAnswer(quiz, p, "t.rate");
    CHECK_FALSE(g.graded);
    CHECK(g.answered);
    CHECK(g.score == 0);
    CHECK(quiz.GradedCount() == 5);
    CHECK_FALSE(wb::CheckAnswer(quiz, p, "t.rate"));
    CHECK(wb::WhatToShow(quiz, p, "t.rate") == Reveal::Nothing);

    AnswerAllRight(quiz, p);
    const wb::Attempt a = wb::SubmitQuiz(quiz, p, 100);
    CHECK(a.score == 1);  // a rating of 1 does not pull the score down
    CHECK(a.results.size() == 5);
    // Ratings stay editable after a submit: they are not a try.
    CHECK(wb::Rate(quiz, p, "t.rate", 4));
    CHECK(p.answers["t.rate"].rating == 4);
}

//-----------------------------------------------------------------------------
// Reveal
//-----------------------------------------------------------------------------

TEST_CASE("quiz: immediate feedback reveals only after a checked answer") {
    const Quiz quiz = MakeQuiz();
    QuizProgress p;
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Nothing);
    CHECK_FALSE(wb::CheckAnswer(quiz, p, "t.single"));  // nothing to check
    CHECK(p.answers.empty());

    REQUIRE(wb::Choose(quiz, p, "t.single", "b"));
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Nothing);  // answered, not checked
    REQUIRE(wb::CheckAnswer(quiz, p, "t.single"));
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Feedback);  // wrong: no solution yet
    CHECK(wb::IsLocked(quiz, p, quiz.questions[0]));
    CHECK_FALSE(wb::Choose(quiz, p, "t.single", "a"));
    CHECK_FALSE(wb::ClearAnswer(quiz, p, "t.single"));

    REQUIRE(wb::Choose(quiz, p, "t.scen", "b"));
    REQUIRE(wb::CheckAnswer(quiz, p, "t.scen"));
    CHECK(wb::WhatToShow(quiz, p, "t.scen") == Reveal::Solution);  // right: the solution is what they chose

    // A multiple select with no option ticked any more has no answer to check.
    REQUIRE(wb::Choose(quiz, p, "t.multi", "a"));
    REQUIRE(wb::Choose(quiz, p, "t.multi", "a"));
    CHECK_FALSE(wb::CheckAnswer(quiz, p, "t.multi"));

    wb::SubmitQuiz(quiz, p, 1);
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Solution);
    CHECK(wb::WhatToShow(quiz, p, "t.order") == Reveal::Solution);  // unanswered too, after submit
    CHECK_FALSE(wb::CheckAnswer(quiz, p, "t.tf"));
}

TEST_CASE("quiz: on-submit feedback reveals everything only after submit") {
    const Quiz quiz = MakeQuiz(ScoringRule::AllOrNothing, wb::FeedbackMode::OnSubmit);
    QuizProgress p;
    REQUIRE(wb::Choose(quiz, p, "t.single", "b"));
    CHECK_FALSE(wb::CheckAnswer(quiz, p, "t.single"));
    CHECK_FALSE(p.answers["t.single"].checked);
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Nothing);
    REQUIRE(wb::Choose(quiz, p, "t.single", "c"));  // still free to change
    REQUIRE(wb::ClearAnswer(quiz, p, "t.single"));
    REQUIRE(wb::Choose(quiz, p, "t.single", "a"));

    wb::SubmitQuiz(quiz, p, 5);
    CHECK(p.submitted);
    for (const auto& q : quiz.questions)
        CHECK(wb::WhatToShow(quiz, p, q.id) == (q.Graded() ? Reveal::Solution : Reveal::Nothing));
    CHECK_FALSE(wb::Choose(quiz, p, "t.single", "b"));  // locked for review
    CHECK(wb::Rate(quiz, p, "t.rate", 2));               // ratings never are
    wb::RetryAll(quiz, p);
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Nothing);
    CHECK(wb::Choose(quiz, p, "t.single", "b"));
}

//-----------------------------------------------------------------------------
// Submit, pass mark, retry
//-----------------------------------------------------------------------------

TEST_CASE("quiz: submit records an attempt; exactly the pass mark passes") {
    const Quiz quiz = MakeQuiz();
    QuizProgress p;
    AnswerAllRight(quiz, p);
    wb::RetryAll(quiz, p);  // nothing submitted yet: simply clears
    CHECK(p.attempts.empty());

    // 4 of 5 right = 0.8 = the default pass mark.
    AnswerAllRight(quiz, p);
    REQUIRE(wb::SetOrder(quiz, p, "t.order", {"x", "w", "y", "z"}));
    wb::Attempt a = wb::SubmitQuiz(quiz, p, 1000);
    CHECK(a.time == 1000);
    CHECK(a.score == doctest::Approx(0.8));
    CHECK(a.passed);
    CHECK(p.mastered);
    REQUIRE(a.results.size() == 5);
    CHECK(a.results[4].question == "t.order");
    CHECK_FALSE(a.results[4].correct);
    CHECK(a.results[4].answered);
    CHECK(a.results[0].correct);
    REQUIRE(p.attempts.size() == 1);
    CHECK(p.attempts[0] == a);

    // 3 of 5 fails; mastery once earned is kept.
    wb::RetryAll(quiz, p);
    CHECK(p.attempts.size() == 1);  // attempts survive a retry
    REQUIRE(wb::Choose(quiz, p, "t.single", "a"));
    REQUIRE(wb::Choose(quiz, p, "t.tf", "true"));
    REQUIRE(wb::Choose(quiz, p, "t.scen", "b"));
    a = wb::SubmitQuiz(quiz, p, 2000);
    CHECK(a.score == doctest::Approx(0.6));
    CHECK_FALSE(a.passed);
    CHECK(p.mastered);
    CHECK(p.attempts.size() == 2);
    CHECK_FALSE(a.results[1].answered);  // unanswered scores 0

    // Partial scores summing to the mark pass too: 1 + 1 + 1 + 0.5 + 0 = 3.5 of 5 = 0.7.
    Quiz q7 = MakeQuiz(ScoringRule::Partial);
    q7.pass_mark = 0.7;
    QuizProgress p7;
    REQUIRE(wb::Choose(q7, p7, "t.single", "a"));
    REQUIRE(wb::Choose(q7, p7, "t.tf", "true"));
    REQUIRE(wb::Choose(q7, p7, "t.scen", "b"));
    REQUIRE(wb::Choose(q7, p7, "t.multi", "a"));
    CHECK(wb::SubmitQuiz(q7, p7, 1).passed);

    // Nothing answered: 0, not passed, still recorded.
    QuizProgress empty;
    a = wb::SubmitQuiz(quiz, empty, 3);
    CHECK(a.score == 0);
    CHECK_FALSE(a.passed);
    CHECK_FALSE(empty.mastered);
    CHECK(empty.attempts.size() == 1);
}

TEST_CASE("quiz: retry all and retry wrong only") {
    const Quiz quiz = MakeQuiz(ScoringRule::Partial);
    QuizProgress p;
    REQUIRE(wb::Choose(quiz, p, "t.single", "a"));   // right
    REQUIRE(wb::CheckAnswer(quiz, p, "t.single"));
    REQUIRE(wb::Choose(quiz, p, "t.multi", "a"));    // partial: 0.5
    REQUIRE(wb::Choose(quiz, p, "t.tf", "false"));   // wrong
    REQUIRE(wb::Choose(quiz, p, "t.scen", "b"));     // right
    REQUIRE(wb::SetOrder(quiz, p, "t.order", {"w", "x", "y", "z"}));  // right
    REQUIRE(wb::Rate(quiz, p, "t.rate", 3));
    wb::SubmitQuiz(quiz, p, 1);

    QuizProgress wrong_only = p;
    wb::RetryWrong(quiz, wrong_only);
    CHECK_FALSE(wrong_only.submitted);
    CHECK(wrong_only.answers.count("t.single") == 1);
    CHECK(wrong_only.answers["t.single"].checked);  // still revealed and locked
    CHECK(wb::WhatToShow(quiz, wrong_only, "t.single") == Reveal::Solution);
    CHECK(wrong_only.answers.count("t.scen") == 1);
    CHECK(wrong_only.answers.count("t.order") == 1);
    CHECK(wrong_only.answers.count("t.multi") == 0);  // partial credit is not right
    CHECK(wrong_only.answers.count("t.tf") == 0);
    CHECK(wrong_only.answers["t.rate"].rating == 3);
    CHECK(wrong_only.attempts.size() == 1);
    CHECK(wb::Choose(quiz, wrong_only, "t.tf", "true"));

    QuizProgress all = p;
    wb::RetryAll(quiz, all);
    CHECK(all.answers.size() == 1);  // only the self-rating
    CHECK(all.answers.count("t.rate") == 1);
    CHECK(all.attempts == p.attempts);
    CHECK(all.mastered == p.mastered);
}

//-----------------------------------------------------------------------------
// Stale answers
//-----------------------------------------------------------------------------

TEST_CASE("quiz: answers to a changed question are stale, kept, and not counted") {
    Quiz quiz = MakeQuiz();
    QuizProgress p;
    AnswerAllRight(quiz, p);
    REQUIRE(wb::CheckAnswer(quiz, p, "t.single"));
    REQUIRE(wb::Rate(quiz, p, "t.rate", 5));
    CHECK(wb::StaleAnswers(quiz, p).empty());

    Reword(quiz, "t.single");
    Reword(quiz, "t.rate");
    CHECK(wb::StaleAnswers(quiz, p) == Ids{"t.single", "t.rate"});
    CHECK(p.answers.count("t.single") == 1);  // kept
    wb::Grade g = wb::GradeAnswer(quiz, p, "t.single");
    CHECK(g.stale);
    CHECK_FALSE(g.answered);
    CHECK(g.score == 0);
    CHECK(wb::WhatToShow(quiz, p, "t.single") == Reveal::Nothing);
    CHECK_FALSE(wb::IsLocked(quiz, p, quiz.questions[0]));  // the old check no longer locks
    CHECK_FALSE(wb::CheckAnswer(quiz, p, "t.single"));
    CHECK_FALSE(wb::SelfAssessment({quiz}, {{"t", p}})[0].HasRating());

    const wb::QuizSummary s = wb::Summarize({quiz}, {{"t", p}});
    CHECK(s.quizzes[0].stale == 1);
    CHECK(s.quizzes[0].answered == 4);
    CHECK(s.quizzes[0].unanswered == 1);

    QuizProgress submitted = p;
    const wb::Attempt a = wb::SubmitQuiz(quiz, submitted, 9);
    CHECK(a.score == doctest::Approx(0.8));
    CHECK(a.results[0].stale);
    CHECK_FALSE(a.results[0].answered);

    // Answering again replaces the stale response with a current one.
    REQUIRE(wb::Choose(quiz, p, "t.single", "a"));
    CHECK_FALSE(p.answers["t.single"].checked);
    CHECK(wb::StaleAnswers(quiz, p) == Ids{"t.rate"});
    CHECK(wb::GradeAnswer(quiz, p, "t.single").correct);
    // A retry clears stale graded answers.
    Reword(quiz, "t.tf");
    wb::RetryWrong(quiz, p);
    CHECK(p.answers.count("t.tf") == 0);
    CHECK(p.answers.count("t.single") == 1);
}

//-----------------------------------------------------------------------------
// Shuffle
//-----------------------------------------------------------------------------

TEST_CASE("quiz: shuffling is stable per learner and question, and not the identity") {
    const Quiz quiz = MakeQuiz();
    const Question& multi = quiz.questions[1];
    const Ids authored = {"a", "b", "c", "d"};
    const uint64_t seed = 0x5eed5eed12345678ull;

    const Ids first = wb::ShuffledOptions(multi, seed);
    CHECK(wb::ShuffledOptions(multi, seed) == first);              // same session
    CHECK(wb::ShuffledOptions(Question(multi), seed) == first);    // same question, another copy
    Ids sorted = first;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == authored);  // a permutation

    // Pinned, so native and wasm (and future builds) agree: stored answers are
    // ids, but learners should not see options jump around between sessions.
    CHECK(wb::ShuffledOptions(multi, 1) == wb::ShuffledOptions(multi, 1));
    const Ids pinned = wb::ShuffledOptions(multi, 7);
    CHECK(pinned == Ids{"c", "d", "a", "b"});

    std::set<Ids> orders;
    int identity = 0;
    for (uint64_t s = 0; s < 64; ++s) {
        const Ids o = wb::ShuffledOptions(multi, s);
        orders.insert(o);
        identity += o == authored;
    }
    CHECK(orders.size() > 10);  // depends on the seed
    CHECK(identity < 10);       // rarely the authored order
    // Depends on the question id too: another question with the same options.
    Question other = multi;
    other.id = "t.other";
    int same = 0;
    for (uint64_t s = 0; s < 32; ++s) same += wb::ShuffledOptions(other, s) == wb::ShuffledOptions(multi, s);
    CHECK(same < 16);

    // True/false is never shuffled; self-ratings have no options.
    for (uint64_t s = 0; s < 32; ++s) CHECK(wb::ShuffledOptions(quiz.questions[2], s) == Ids{"true", "false"});
    CHECK(wb::ShuffledOptions(quiz.questions[5], seed).empty());
}

TEST_CASE("quiz: ordering items never start in the right order") {
    const Quiz quiz = MakeQuiz();
    const Question& order = quiz.questions[4];
    const Ids right = {"w", "x", "y", "z"};
    Question two = Make("t.two", QuestionKind::Ordering, {{"p", "P", false, ""}, {"q", "Q", false, ""}});
    std::set<Ids> starts;
    for (uint64_t s = 0; s < 200; ++s) {
        const Ids o = wb::InitialOrder(order, s);
        CHECK(o != right);
        Ids sorted = o;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == right);
        starts.insert(o);
        CHECK(wb::InitialOrder(two, s) == Ids{"q", "p"});  // the only wrong order
    }
    CHECK(starts.size() > 15);  // 23 wrong orders exist; most of them show up
    CHECK(wb::InitialOrder(order, 3) == wb::InitialOrder(order, 3));
    CHECK(wb::ShuffledOptions(order, 3) == wb::InitialOrder(order, 3));
    // An unanswered ordering question scores 0 even though it shows an order.
    QuizProgress p;
    CHECK(Score(quiz, p, "t.order") == 0);
}

//-----------------------------------------------------------------------------
// Summary, profile, recommendations
//-----------------------------------------------------------------------------

namespace {

// Five small tip quizzes, each with one graded question and two ratings.
std::vector<Quiz> TipQuizzes() {
    std::vector<Quiz> out;
    for (const char* tip : {"tip-a", "tip-b", "tip-c", "tip-d", "tip-e"}) {
        Quiz quiz;
        quiz.id = std::string(tip) + "-quiz";
        quiz.section = tip;
        quiz.action = std::string("act-") + tip;
        quiz.action_text = std::string("Do ") + tip;
        quiz.questions.push_back(Make(quiz.id + ".q1", QuestionKind::Single, {{"a", "A", true, ""}, {"b", "B", false, "No"}}));
        for (const char* r : {".r1", ".r2"}) {
            Question q = Make(quiz.id + r, QuestionKind::SelfRating, {});
            q.tip = tip;
            q.hash = wb::QuestionHash(q);
            quiz.questions.push_back(q);
        }
        out.push_back(quiz);
    }
    return out;
}

Ids Actions(const std::vector<wb::Recommendation>& recs) {
    Ids out;
    for (const auto& r : recs) out.push_back(r.action);
    return out;
}

}  // namespace

TEST_CASE("quiz: summary per section and in total") {
    const std::vector<Quiz> quizzes = {MakeQuiz(), TipQuizzes()[0]};
    wb::QuizProgressMap progress;
    QuizProgress& p = progress["t"];
    REQUIRE(wb::Choose(quizzes[0], p, "t.single", "a"));
    REQUIRE(wb::Choose(quizzes[0], p, "t.tf", "false"));
    wb::SubmitQuiz(quizzes[0], p, 1);  // 1 of 5 = 0.2
    wb::RetryAll(quizzes[0], p);
    AnswerAllRight(quizzes[0], p);
    wb::SubmitQuiz(quizzes[0], p, 2);  // 1.0
    wb::RetryWrong(quizzes[0], p);
    REQUIRE(wb::Rate(quizzes[0], p, "t.rate", 4));

    const wb::QuizSummary s = wb::Summarize(quizzes, progress);
    REQUIRE(s.quizzes.size() == 2);
    const wb::QuizStatus* t = s.ForSection("sec");
    REQUIRE(t);
    CHECK(t->quiz == "t");
    CHECK(t->graded == 5);
    CHECK(t->answered == 5);
    CHECK(t->unanswered == 0);
    CHECK(t->attempts == 2);
    CHECK(t->best_score == doctest::Approx(1.0));
    CHECK(t->last_score == doctest::Approx(1.0));
    CHECK(t->mastered);
    const wb::QuizStatus* a = s.ForSection("tip-a");
    REQUIRE(a);
    CHECK(a->graded == 1);
    CHECK(a->answered == 0);
    CHECK(a->unanswered == 1);
    CHECK(a->attempts == 0);
    CHECK_FALSE(a->mastered);
    CHECK(s.ForSection("nowhere") == nullptr);
    CHECK(s.quiz_count == 2);
    CHECK(s.mastered == 1);
    CHECK(s.graded == 6);
    CHECK(s.answered == 5);
    CHECK(s.unanswered == 1);
    CHECK(s.attempts == 2);
    CHECK(s.score == doctest::Approx(0.5));  // mean of best scores: (1 + 0) / 2

    const wb::QuizSummary none = wb::Summarize({}, {});
    CHECK(none.quiz_count == 0);
    CHECK(none.score == 0);
}

TEST_CASE("quiz: self-assessment profile") {
    const std::vector<Quiz> quizzes = TipQuizzes();
    wb::QuizProgressMap progress;
    REQUIRE(wb::Rate(quizzes[0], progress["tip-a-quiz"], "tip-a-quiz.r1", 2));
    REQUIRE(wb::Rate(quizzes[0], progress["tip-a-quiz"], "tip-a-quiz.r2", 5));
    REQUIRE(wb::Rate(quizzes[2], progress["tip-c-quiz"], "tip-c-quiz.r2", 1));
    const std::vector<wb::TipRating> profile = wb::SelfAssessment(quizzes, progress);
    REQUIRE(profile.size() == 5);
    CHECK(profile[0].tip == "tip-a");
    CHECK(profile[0].questions == 2);
    CHECK(profile[0].rated == 2);
    CHECK(profile[0].average == doctest::Approx(3.5));
    CHECK_FALSE(profile[1].HasRating());
    CHECK(profile[1].average == 0);
    CHECK(profile[2].rated == 1);
    CHECK(profile[2].average == doctest::Approx(1.0));
    CHECK(wb::SelfAssessment({MakeQuiz()}, {})[0].tip == "tip-a");
}

TEST_CASE("quiz: recommendations, lowest-rated tips first, ties broken deterministically") {
    const std::vector<Quiz> quizzes = TipQuizzes();
    // Nothing known: the first three tips in chapter order.
    CHECK(Actions(wb::Recommend(quizzes, {})) == Ids{"act-tip-a", "act-tip-b", "act-tip-c"});
    CHECK(wb::Recommend(quizzes, {}, 10).size() == 5);
    CHECK(wb::Recommend(quizzes, {}, 0).empty());

    wb::QuizProgressMap progress;
    auto rate = [&](size_t i, int r1, int r2) {
        const std::string id = quizzes[i].id;
        REQUIRE(wb::Rate(quizzes[i], progress[id], id + ".r1", r1));
        REQUIRE(wb::Rate(quizzes[i], progress[id], id + ".r2", r2));
    };
    rate(0, 2, 2);  // a: 2
    rate(2, 1, 1);  // c: 1
    rate(3, 5, 5);  // d: 5, below every unrated tip (which count as 3)
    rate(4, 2, 2);  // e: 2, ties with a
    // Break the a/e tie with the quiz: e scored 0 on its quiz, a scored 1.
    REQUIRE(wb::Choose(quizzes[0], progress["tip-a-quiz"], "tip-a-quiz.q1", "a"));
    wb::SubmitQuiz(quizzes[0], progress["tip-a-quiz"], 1);
    REQUIRE(wb::Choose(quizzes[4], progress["tip-e-quiz"], "tip-e-quiz.q1", "b"));
    wb::SubmitQuiz(quizzes[4], progress["tip-e-quiz"], 1);

    std::vector<wb::Recommendation> recs = wb::Recommend(quizzes, progress, 5);
    CHECK(Actions(recs) == Ids{"act-tip-c", "act-tip-e", "act-tip-a", "act-tip-b", "act-tip-d"});
    CHECK(recs[0].tip == "tip-c");
    CHECK(recs[0].text == "Do tip-c");
    CHECK(recs[0].rating == doctest::Approx(1.0));
    CHECK(recs[0].quiz_score == -1);  // not attempted
    CHECK(recs[1].quiz_score == 0);
    CHECK(recs[2].quiz_score == 1);
    CHECK(recs[3].rating == 0);  // unrated
    CHECK(Actions(wb::Recommend(quizzes, progress)) == Ids{"act-tip-c", "act-tip-e", "act-tip-a"});

    // A rating of exactly 3 ranks before an unrated tip at the same level.
    rate(1, 3, 3);
    recs = wb::Recommend(quizzes, progress, 5);
    CHECK(Actions(recs) == Ids{"act-tip-c", "act-tip-e", "act-tip-a", "act-tip-b", "act-tip-d"});
    wb::QuizProgressMap only_b;
    REQUIRE(wb::Rate(quizzes[1], only_b["tip-b-quiz"], "tip-b-quiz.r1", 3));
    CHECK(Actions(wb::Recommend(quizzes, only_b)) == Ids{"act-tip-b", "act-tip-a", "act-tip-c"});

    // Quizzes without an action (benefits, the final check) recommend nothing.
    CHECK(wb::Recommend({MakeQuiz()}, {}).empty());
}

TEST_CASE("quiz: value semantics") {
    const Quiz quiz = MakeQuiz();
    QuizProgress a;
    AnswerAllRight(quiz, a);
    QuizProgress b = a;
    CHECK(a == b);
    REQUIRE(wb::Choose(quiz, b, "t.single", "b"));
    CHECK_FALSE(a == b);
    CHECK(a.answers["t.single"].chosen == Ids{"a"});
    CHECK(quiz == MakeQuiz());
    CHECK(quiz.Find("t.tf") == &quiz.questions[2]);
    CHECK(quiz.Find("t.none") == nullptr);
    CHECK(quiz.questions[1].FindOption("c") == 2);
    CHECK(quiz.questions[1].FindOption("q") == -1);
}
