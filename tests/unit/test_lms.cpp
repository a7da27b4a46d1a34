// The LMS (SCORM) report and the suspend_data codec, on the real chapter.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/content.h"
#include "core/lms.h"
#include "core/quiz.h"
#include "../support/full_learner.h"

#ifndef WB_CONTENT_JSON
#error "WB_CONTENT_JSON (the compiled chapter) must be defined by the build"
#endif

using namespace wb;

namespace {

const Content& Chapter() {
    static const Content c = [] {
        std::ifstream f(WB_CONTENT_JSON, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        ContentResult r = DecodeContent(ss.str());
        REQUIRE_MESSAGE(r.ok, r.error);
        return r.content;
    }();
    return c;
}

using wbtest::AnswerAll;
LearnerState FullLearner(size_t reflection_chars) { return wbtest::FullLearner(Chapter(), reflection_chars); }

std::vector<std::string> AllQuestionIds() {
    std::vector<std::string> ids;
    for (const Quiz& quiz : Chapter().quizzes)
        for (const Question& q : quiz.questions) ids.push_back(q.id);
    return ids;
}

}  // namespace

TEST_CASE("lms: the completion rule comes from content/chapter.json") {
    const Content& c = Chapter();
    CHECK(c.completion.sections.size() == c.sections.size());
    CHECK(c.completion.final_quiz == "final-check");
    // And survives the binary form the workbook embeds.
    ContentResult bin = DecodeContentBinary(EncodeContentBinary(c));
    REQUIRE(bin.ok);
    CHECK(bin.content.completion == c.completion);
}

TEST_CASE("lms: suspend_data of a learner who has answered everything fits the budget and round-trips") {
    const Content& c = Chapter();
    LearnerState s = FullLearner(120);
    std::vector<std::string> order = AllQuestionIds();
    std::string data = EncodeSuspendData(c, s, order, 1700000000123);
    MESSAGE("suspend_data, everything answered, 20 reflections of 120 bytes: " << Utf16Length(data) << " characters");
    CHECK(Utf16Length(data) <= kSuspendBudget);
    CHECK(data.rfind("w1|", 0) == 0);

    SuspendRead r = DecodeSuspendData(c, data);
    REQUIRE_MESSAGE(r.ok, r.problem);
    CHECK(r.cut.empty());
    CHECK(r.saved_at == 1700000000123);
    CHECK(r.order == order);
    CHECK(r.state.shuffle_seed == s.shuffle_seed);
    CHECK(r.state.reader.current == s.reader.current);
    CHECK(r.state.reader.read == s.reader.read);
    CHECK(r.state.reader.scroll == s.reader.scroll);
    CHECK(r.state.reflections == s.reflections);
    // Two attempts each: up to three are kept whole, so the quiz state is exact.
    CHECK(r.state.quizzes == s.quizzes);
    CHECK(r.state.quiz_revs.at("final-check") == Rev{1700000000123, "lms"});
    // And it encodes to the same text again.
    CHECK(EncodeSuspendData(c, r.state, r.order, 1700000000123) == data);
}

TEST_CASE("lms: long reflections are cut with a marker to keep suspend_data within 4,000 characters") {
    const Content& c = Chapter();
    LearnerState s = FullLearner(2000);
    s.reflections["introduction.r1"] = "Short and whole.";
    std::vector<std::string> order = AllQuestionIds();
    std::string data = EncodeSuspendData(c, s, order, 1);
    MESSAGE("suspend_data, everything answered, 19 reflections of 2,000 bytes: " << Utf16Length(data) << " characters");
    CHECK(Utf16Length(data) <= kSuspendBudget);
    CHECK(Utf16Length(data) > kSuspendBudget - 40);  // the room is used, not wasted
    SuspendRead r = DecodeSuspendData(c, data);
    REQUIRE_MESSAGE(r.ok, r.problem);
    CHECK(r.cut.size() == 19);
    CHECK_FALSE(r.cut.count("introduction.r1"));
    CHECK(r.state.reflections.at("introduction.r1") == "Short and whole.");
    for (const std::string& id : r.cut) {
        const std::string& got = r.state.reflections.at(id);
        const std::string marker = kCutMarker;
        REQUIRE(got.size() > marker.size());
        CHECK(got.compare(got.size() - marker.size(), marker.size(), marker) == 0);
        std::string kept = got.substr(0, got.size() - marker.size());
        CHECK(kept.size() > 60);
        CHECK(s.reflections.at(id).compare(0, kept.size(), kept) == 0);  // a prefix of what was written
    }
    CHECK(r.state.quizzes == s.quizzes);  // quiz state is never cut
}

TEST_CASE("lms: the attempt history keeps its count, best and last attempt") {
    const Content& c = Chapter();
    const Quiz& quiz = *c.FindQuiz("be-proactive-quiz");
    LearnerState s;
    QuizProgress& p = s.quizzes[quiz.id];
    AnswerAll(quiz, p, true, 0);
    SubmitQuiz(quiz, p, 10);
    for (int i = 0; i < 4; ++i) {
        RetryAll(quiz, p);
        AnswerAll(quiz, p, false, 0);
        SubmitQuiz(quiz, p, 11 + i);
    }
    SuspendRead r = DecodeSuspendData(c, EncodeSuspendData(c, s, {}, 5));
    REQUIRE_MESSAGE(r.ok, r.problem);
    const QuizProgress& got = r.state.quizzes.at(quiz.id);
    REQUIRE(got.attempts.size() == 5);
    CHECK(got.attempts.back() == p.attempts.back());
    CHECK(got.attempts.front() == p.attempts.front());  // the best (here the first)
    QuizSummary a = Summarize(c.quizzes, s.quizzes), b = Summarize(c.quizzes, r.state.quizzes);
    CHECK(a.quizzes.size() == b.quizzes.size());
    for (size_t i = 0; i < a.quizzes.size(); ++i) {
        CHECK(a.quizzes[i].attempts == b.quizzes[i].attempts);
        CHECK(a.quizzes[i].best_score == b.quizzes[i].best_score);
        CHECK(a.quizzes[i].last_score == b.quizzes[i].last_score);
        CHECK(a.quizzes[i].mastered == b.quizzes[i].mastered);
    }
    CHECK(got.answers == p.answers);
}

TEST_CASE("lms: suspend_data for other content or damaged is refused, never misapplied") {
    const Content& c = Chapter();
    std::string data = EncodeSuspendData(c, FullLearner(50), AllQuestionIds(), 7);
    Content changed = c;
    changed.quizzes[0].questions[0].hash = "0000000000000000";
    SuspendRead r = DecodeSuspendData(changed, data);
    CHECK_FALSE(r.ok);
    CHECK(r.problem == "the course content has changed since it was saved");
    CHECK(DecodeSuspendData(c, "").problem == "nothing is stored");
    CHECK(DecodeSuspendData(c, "w2|x").problem == "it was saved by a newer version of the workbook");
    CHECK(DecodeSuspendData(c, "{\"json\":1}").problem == "it is not in the workbook's format");
    // Every cut-short or changed copy is refused, without crashing.
    int accepted = 0;
    for (size_t n = 0; n < data.size(); n += 3) {
        SuspendRead x = DecodeSuspendData(c, std::string_view(data).substr(0, n));
        accepted += x.ok;
        CHECK_FALSE(x.problem.empty());
    }
    CHECK(accepted == 0);
    for (size_t i = 0; i < data.size(); i += 11) {
        std::string bad = data;
        bad[i] = bad[i] == '1' ? '2' : '1';
        accepted += DecodeSuspendData(c, bad).ok;
    }
    CHECK(accepted == 0);
    CHECK(DecodeSuspendData(c, data).ok);
}

TEST_CASE("lms: completion, success and score follow the content's rule") {
    const Content& c = Chapter();
    LearnerState s;
    std::vector<std::string> order;
    LmsReport r = BuildLmsReport(c, s, order, 0);
    CHECK_FALSE(r.completed);
    CHECK(r.passed == -1);
    CHECK(r.raw < 0);
    auto values = LmsValues(r, LmsVersion::Scorm12, 0);
    auto value = [&](const std::string& k) {
        for (auto& kv : values)
            if (kv.first == k) return kv.second;
        return std::string("<unset>");
    };
    CHECK(value("cmi.core.lesson_status") == "incomplete");
    CHECK(value("cmi.core.score.raw") == "<unset>");
    CHECK(value("cmi.core.exit") == "suspend");

    for (const Section& sec : c.sections) s.reader.read.insert(sec.id);
    s.reader.current = "conclusion";
    r = BuildLmsReport(c, s, order, 0);
    CHECK_FALSE(r.completed);  // the final check is not attempted yet
    CHECK(r.progress == doctest::Approx(11.0 / 12).epsilon(0.001));

    const Quiz& final_check = *c.FindQuiz("final-check");
    QuizProgress& p = s.quizzes[final_check.id];
    AnswerAll(final_check, p, false, 0);
    SubmitQuiz(final_check, p, 1);
    r = BuildLmsReport(c, s, order, 0);
    CHECK(r.completed);
    CHECK(r.passed == 0);
    CHECK(r.raw >= 0);
    CHECK(r.raw < 80);
    values = LmsValues(r, LmsVersion::Scorm12, 0);
    CHECK(value("cmi.core.lesson_status") == "failed");
    CHECK(value("cmi.core.exit") == "");
    CHECK(value("cmi.core.lesson_location") == "conclusion");

    RetryAll(final_check, p);
    AnswerAll(final_check, p, true, 0);
    SubmitQuiz(final_check, p, 2);
    r = BuildLmsReport(c, s, order, 0);
    CHECK(r.passed == 1);
    CHECK(r.raw == 100);
    values = LmsValues(r, LmsVersion::Scorm2004, 65432);
    CHECK(value("cmi.completion_status") == "completed");
    CHECK(value("cmi.success_status") == "passed");
    CHECK(value("cmi.score.scaled") == "1");
    CHECK(value("cmi.score.raw") == "100");
    CHECK(value("cmi.exit") == "normal");
    CHECK(value("cmi.session_time") == "PT0H1M5.43S");
    CHECK(value("cmi.location") == "conclusion");
    CHECK(value("cmi.objectives.10.id") == "conclusion");
    CHECK(value("cmi.objectives.10.success_status") == "passed");
    CHECK(value("cmi.objectives.0.completion_status") == "completed");   // the introduction: read, no quiz
    CHECK(value("cmi.objectives.5.completion_status") == "incomplete");  // read, its quiz not attempted
}

TEST_CASE("lms: one interaction per answered question, with legal ids and responses, indexes kept") {
    const Content& c = Chapter();
    const Quiz& quiz = *c.FindQuiz("be-proactive-quiz");
    LearnerState s;
    QuizProgress& p = s.quizzes[quiz.id];
    std::vector<std::string> order;
    // The third question first, then the first: indexes follow the order of first answers.
    const Question& q3 = quiz.questions[2];
    const Question& q1 = quiz.questions[0];
    Choose(quiz, p, q3.id, q3.options[1].id);
    BuildLmsReport(c, s, order, 0);
    for (const Option& o : q1.options)
        if (o.correct) Choose(quiz, p, q1.id, o.id);
    CheckAnswer(quiz, p, q1.id);
    LmsReport r = BuildLmsReport(c, s, order, 0);
    REQUIRE(r.interactions.size() == 2);
    CHECK(r.interactions[0].id == "be-proactive-quiz_q3");
    CHECK(r.interactions[0].index == 0);
    CHECK(r.interactions[0].result == LmsInteraction::Result::None);  // not checked yet: no verdict sent
    CHECK(r.interactions[1].id == "be-proactive-quiz_q1");
    CHECK(r.interactions[1].index == 1);
    CHECK(r.interactions[1].result == LmsInteraction::Result::Correct);

    // Everything answered: ids legal in SCORM 1.2 (strict CMIIdentifier) and 2004.
    LearnerState full = FullLearner(10);
    order.clear();
    r = BuildLmsReport(c, full, order, 0);
    size_t questions = 0;
    for (const Quiz& qz : c.quizzes) questions += qz.questions.size();
    CHECK(r.interactions.size() == questions);
    const std::regex id12("^[A-Za-z0-9_-]{1,255}$");
    const std::regex choice12("^[a-z0-9](,[a-z0-9])*$");
    const std::regex list2004("^[A-Za-z0-9_-]+(\\[,\\][A-Za-z0-9_-]+)*$");
    for (const LmsInteraction& x : r.interactions) {
        CHECK(std::regex_match(x.id, id12));
        switch (x.type) {
            case LmsInteraction::Type::TrueFalse:
                CHECK((x.response12 == "t" || x.response12 == "f"));
                CHECK((x.response2004 == "true" || x.response2004 == "false"));
                break;
            case LmsInteraction::Type::Likert:
                CHECK(x.response12 == "4");
                CHECK(x.result == LmsInteraction::Result::Neutral);
                break;
            default:
                CHECK(std::regex_match(x.response12, choice12));
                CHECK(std::regex_match(x.response2004, list2004));
        }
        if (x.type != LmsInteraction::Type::Likert) CHECK(x.result == LmsInteraction::Result::Correct);
    }
    // Values: each interaction's id, then type, then response.
    auto values = LmsValues(r, LmsVersion::Scorm12, 0);
    for (size_t i = 0; i < values.size(); ++i)
        if (values[i].first.size() > 3 && values[i].first.rfind("cmi.interactions.", 0) == 0 &&
            values[i].first.substr(values[i].first.size() - 3) == ".id") {
            REQUIRE(i + 2 < values.size());
            CHECK(values[i + 1].first.substr(values[i + 1].first.size() - 5) == ".type");
            CHECK(values[i + 2].first.substr(values[i + 2].first.size() - 17) == ".student_response");
        }
}

TEST_CASE("lms: session time in each version's format") {
    CHECK(FormatSessionTime(0, LmsVersion::Scorm12) == "0000:00:00.00");
    CHECK(FormatSessionTime(3723450, LmsVersion::Scorm12) == "0001:02:03.45");
    CHECK(FormatSessionTime(3723450, LmsVersion::Scorm2004) == "PT1H2M3.45S");
    CHECK(FormatSessionTime(5000, LmsVersion::Scorm2004) == "PT0H0M5S");
}

TEST_CASE("lms: UTF-16 length as the LMS counts it") {
    CHECK(Utf16Length("abc") == 3);
    CHECK(Utf16Length("\xC3\xA9") == 1);          // é
    CHECK(Utf16Length("\xE2\x80\xA6") == 1);      // …
    CHECK(Utf16Length("\xF0\x9F\x98\x80") == 2);  // an emoji: a surrogate pair
}
