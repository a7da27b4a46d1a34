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

//-----------------------------------------------------------------------------
// The LMS record comes first: merge and never-regress rules (issue #18)
//-----------------------------------------------------------------------------

namespace {

// A learner who read two sections, wrote a reflection and passed the final check.
LearnerState PassedLearner() {
    const Content& c = Chapter();
    LearnerState s;
    s.shuffle_seed = 42;
    s.reader.read = {c.sections[0].id, c.sections[1].id};
    s.reader.current = c.sections[1].id;
    s.current_rev = Rev{100, "lms"};
    s.reflections["introduction.r1"] = "Call Ana about the meetup.";
    s.reflection_revs["introduction.r1"] = Rev{100, "lms"};
    const Quiz& fc = *c.FindQuiz("final-check");
    AnswerAll(fc, s.quizzes[fc.id], true, 0);
    SubmitQuiz(fc, s.quizzes[fc.id], 50);
    s.quiz_revs[fc.id] = Rev{100, "lms"};
    return s;
}

std::string ValueOf(const std::vector<std::pair<std::string, std::string>>& values, const std::string& k) {
    for (auto& kv : values)
        if (kv.first == k) return kv.second;
    return "<unset>";
}

}  // namespace

TEST_CASE("lms record: read whatever entry says; the floor comes from status and score") {
    LmsRecord rec;
    rec.status = "passed";
    rec.score_raw = "90";
    LmsFloor f = FloorOf(rec, LmsVersion::Scorm12);
    CHECK(f.completed);
    CHECK(f.passed == 1);
    CHECK(f.raw == 90);
    rec.status = "incomplete";
    rec.score_raw = "garbage";
    f = FloorOf(rec, LmsVersion::Scorm12);
    CHECK_FALSE(f.completed);
    CHECK(f.passed == -1);
    CHECK(f.raw == -1);
    rec.status = "completed";
    rec.success = "failed";
    rec.score_raw = "40.5";
    f = FloorOf(rec, LmsVersion::Scorm2004);
    CHECK(f.completed);
    CHECK(f.passed == 0);
    CHECK(f.raw == doctest::Approx(40.5));
    CHECK(SuspendLimit(LmsVersion::Scorm12) == 4096);
    CHECK(SuspendLimit(LmsVersion::Scorm2004) == 64000);
}

TEST_CASE("lms record: completion and success never go back; the score never drops") {
    const Content& c = Chapter();
    LearnerState blank;  // a device that opened blank
    std::vector<std::string> order;
    LmsReport r = BuildLmsReport(c, blank, order, 0);
    LmsFloor f;
    f.completed = true;
    f.passed = 1;
    f.raw = 100;
    ApplyFloor(r, f);
    CHECK(r.completed);
    CHECK(r.passed == 1);
    CHECK(r.raw == 100);
    CHECK(r.scaled == doctest::Approx(1));
    auto v12 = LmsValues(r, LmsVersion::Scorm12, 0);
    CHECK(ValueOf(v12, "cmi.core.lesson_status") == "passed");
    CHECK(ValueOf(v12, "cmi.core.exit") == "");
    auto v2004 = LmsValues(r, LmsVersion::Scorm2004, 0);
    CHECK(ValueOf(v2004, "cmi.completion_status") == "completed");
    CHECK(ValueOf(v2004, "cmi.success_status") == "passed");
    CHECK(ValueOf(v2004, "cmi.exit") == "normal");
    // A better score than the floor goes through.
    LmsReport better;
    better.raw = 100;
    LmsFloor low;
    low.raw = 60;
    ApplyFloor(better, low);
    CHECK(better.raw == 100);
    // The score is set before the status, in both versions.
    LearnerState s = PassedLearner();
    r = BuildLmsReport(c, s, order, 0);
    for (LmsVersion v : {LmsVersion::Scorm12, LmsVersion::Scorm2004}) {
        auto values = LmsValues(r, v, 0);
        size_t score = 0, status = 0;
        for (size_t i = 0; i < values.size(); ++i) {
            if (values[i].first == (v == LmsVersion::Scorm12 ? "cmi.core.score.raw" : "cmi.score.raw")) score = i;
            if (values[i].first == (v == LmsVersion::Scorm12 ? "cmi.core.lesson_status" : "cmi.success_status")) status = i;
        }
        CHECK(score > 0);
        CHECK(score < status);
    }
}

TEST_CASE("lms record: a blank device merged with the LMS's record gets everything back") {
    const Content& c = Chapter();
    LearnerState lms = PassedLearner();
    std::vector<std::string> order;
    std::string data = EncodeSuspendData(c, lms, order, 100);
    SuspendRead read = DecodeSuspendData(c, data);
    REQUIRE(read.ok);
    LearnerState device;  // a second device, nothing on it
    device.generation = "g";
    read.state.generation = device.generation;
    MergeLmsRecord(device, read.state);
    CHECK(device.reflections.at("introduction.r1") == "Call Ana about the meetup.");
    CHECK(device.reader.read == lms.reader.read);
    CHECK(device.quizzes.at("final-check").mastered);
    // And what it would write back loses nothing: same length, same records.
    std::string back = EncodeSuspendData(c, device, read.order, 100);
    CHECK(back == data);
}

TEST_CASE("lms record: a newer device record never drops what the LMS held") {
    const Content& c = Chapter();
    LearnerState lms = PassedLearner();
    LearnerState device;
    device.generation = lms.generation;
    // The device retried the final check later (newer revision) and got one wrong: one attempt, failed.
    const Quiz& fc = *c.FindQuiz("final-check");
    QuizProgress& p = device.quizzes[fc.id];
    AnswerAll(fc, p, false, 0);
    SubmitQuiz(fc, p, 60);
    device.quiz_revs[fc.id] = Rev{200, "tab"};
    device.reflections["introduction.r1"] = "";  // emptied on this device
    device.reflection_revs["introduction.r1"] = Rev{200, "tab"};
    MergeLmsRecord(device, lms);
    const QuizProgress& got = device.quizzes.at(fc.id);
    CHECK(got.mastered);  // passed stays passed
    double best = 0;
    for (const Attempt& a : got.attempts) best = std::max(best, a.score);
    CHECK(best == doctest::Approx(1.0));  // the best recorded stays
    CHECK(got.attempts.size() == 2);
    CHECK(got.attempts.front().time == 50);  // in time order
    CHECK(device.reflections.at("introduction.r1") == "Call Ana about the meetup.");  // never dropped
    CHECK(device.reader.read.size() == 2);
    std::vector<std::string> order;
    LmsReport r = BuildLmsReport(c, device, order, 0);
    CHECK(r.passed == 1);
    CHECK(r.raw == 100);
}

TEST_CASE("lms record: KeepHeldRecords fills in answers, reflections and reads, never replaces") {
    const Content& c = Chapter();
    const Quiz& quiz = *c.FindQuiz("be-proactive-quiz");
    LearnerState held;
    AnswerAll(quiz, held.quizzes[quiz.id], true, 0);
    held.reflections["introduction.r1"] = "held";
    held.reader.read.insert(c.sections[2].id);
    LearnerState s;
    const Question& q1 = quiz.questions[0];
    Choose(quiz, s.quizzes[quiz.id], q1.id, q1.options.back().id);  // a different answer to q1
    s.reflections["introduction.r1"] = "mine";
    CHECK(KeepHeldRecords(s, held));
    CHECK(s.reflections.at("introduction.r1") == "mine");                    // this copy's answer stays
    CHECK(s.quizzes.at(quiz.id).answers.at(q1.id).chosen == std::vector<std::string>{q1.options.back().id});
    CHECK(s.quizzes.at(quiz.id).answers.size() == held.quizzes.at(quiz.id).answers.size());  // the rest filled in
    CHECK(s.reader.read.count(c.sections[2].id));
    CHECK_FALSE(KeepHeldRecords(s, held));  // nothing more to add
}

TEST_CASE("lms record: suspend_data claiming huge attempt counts is refused before anything is reserved") {
    const Content& c = Chapter();
    // A valid text, then every quiz record's attempt count rewritten to 100,000 with a fresh checksum.
    LearnerState s = FullLearner(10);
    std::string data = EncodeSuspendData(c, s, {}, 1);
    auto f = std::vector<std::string>{};
    {
        size_t start = 0;
        for (size_t i = 0; i <= data.size(); ++i) {
            if (i == data.size() || (data[i] == '|' && (i == 0 || data[i - 1] != '\\'))) {
                f.push_back(data.substr(start, i - start));
                start = i + 1;
            }
        }
    }
    REQUIRE(f.size() == 11);
    std::string quizzes;
    size_t pos = 0;
    int records = 0;
    while (pos <= f[8].size()) {
        size_t end = f[8].find('~', pos);
        if (end == std::string::npos) end = f[8].size();
        std::string rec = f[8].substr(pos, end - pos);
        size_t comma = rec.rfind(',');
        // count 100,000 (base 36 "255s"), best, last
        size_t slash = rec.find('/', comma);
        std::string attempt = rec.substr(slash + 1, rec.find('/', slash + 1) - slash - 1);
        rec = rec.substr(0, comma + 1) + "255s/" + attempt + "/=";
        quizzes += (records++ ? "~" : "") + rec;
        pos = end + 1;
    }
    f[8] = quizzes;
    std::string body;
    for (size_t i = 0; i < 10; ++i) body += f[i] + "|";
    body.pop_back();
    // The checksum as the encoder makes it: encode the body through a round trip is not possible
    // (it is refused), so recompute with the codec's own rule via a known-good text of the same body.
    std::string sum;
    {
        uint64_t v = Fnv1a64(body) % 1679616ull;
        const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 4; ++i) {
            sum.insert(sum.begin(), digits[v % 36]);
            v /= 36;
        }
    }
    std::string huge = body + "|" + sum;
    SuspendRead r = DecodeSuspendData(c, huge);
    CHECK_FALSE(r.ok);
    CHECK(r.problem == "it claims more quiz attempts than the workbook keeps");
    CHECK(records >= 10);
}

namespace {

// The codec's checksum rule (lms.cpp): Fnv1a64 of the body, mod 36^4, 4 base-36 digits.
std::string WithChecksum(const std::string& body) {
    uint64_t v = Fnv1a64(body) % 1679616ull;
    std::string sum;
    for (int i = 0; i < 4; ++i) {
        sum.insert(sum.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
        v /= 36;
    }
    return body + "|" + sum;
}

// #23 finding 1: every quiz submitted once (nothing else), then each record's count set to
// 100,000 with its best and last attempt, under a valid checksum: about 250 characters.
std::string HugeAttemptsRecord() {
    const Content& c = Chapter();
    LearnerState s;
    for (const Quiz& quiz : c.quizzes) SubmitQuiz(quiz, s.quizzes[quiz.id], 1);
    std::string data = EncodeSuspendData(c, s, {}, 1);
    REQUIRE(DecodeSuspendData(c, data).ok);
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t i = 0; i <= data.size(); ++i)
        if (i == data.size() || data[i] == '|') {
            f.push_back(data.substr(start, i - start));
            start = i + 1;
        }
    REQUIRE(f.size() == 11);
    std::string quizzes, rec;
    std::stringstream in(f[8]);
    while (std::getline(in, rec, '~')) {
        size_t comma = rec.rfind(',');
        std::string attempt = rec.substr(rec.find('/', comma) + 1);
        quizzes += (quizzes.empty() ? "" : "~") + rec.substr(0, comma + 1) + "255s/" + attempt + "/=";  // 100,000
    }
    f[8] = quizzes;
    std::string body;
    for (size_t i = 0; i < 10; ++i) body += f[i] + (i < 9 ? "|" : "");
    return WithChecksum(body);
}

}  // namespace

TEST_CASE("lms record: 10 quizzes x 100,000 attempts in a short suspend_data with a valid checksum is refused as damage") {
    const Content& c = Chapter();
    std::string huge = HugeAttemptsRecord();
    MESSAGE("suspend_data claiming 10 x 100,000 attempts: " << huge.size() << " characters");
    CHECK(huge.size() < 300);
    CHECK(c.quizzes.size() == 10);
    SuspendRead r = DecodeSuspendData(c, huge);
    CHECK_FALSE(r.ok);
    CHECK(r.problem == "it claims more quiz attempts than the workbook keeps");
    CHECK(r.state.quizzes.empty());  // nothing made for it
    // The fuzz target's seed is such a text too (made for the chapter of its day: with today's
    // fingerprint and checksum it is refused for its attempts, not for its content).
    std::ifstream seed(std::string(WB_SOURCE_DIR) + "/tests/fuzz/corpus/suspend_decode/huge-attempts.txt", std::ios::binary);
    std::stringstream ss;
    ss << seed.rdbuf();
    std::string text = ss.str();
    REQUIRE(text.size() > 20);
    std::string body = text.substr(0, text.rfind('|'));
    body.replace(3, 6, ContentFingerprint(c));
    CHECK(DecodeSuspendData(c, WithChecksum(body)).problem == "it claims more quiz attempts than the workbook keeps");
}

TEST_CASE("lms record: repeated records and over-long lists are refused before they are used") {
    const Content& c = Chapter();
    LearnerState s = PassedLearner();
    std::vector<std::string> order = {c.quizzes.back().questions[0].id};
    std::string data = EncodeSuspendData(c, s, order, 100);
    REQUIRE(DecodeSuspendData(c, data).ok);
    std::string body = data.substr(0, data.rfind('|'));
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t i = 0; i <= body.size(); ++i)
        if (i == body.size() || (body[i] == '|' && body[i - 1] != '\\')) {
            f.push_back(body.substr(start, i - start));
            start = i + 1;
        }
    REQUIRE(f.size() == 10);
    auto with = [&](size_t field, const std::string& value) {
        std::vector<std::string> g = f;
        g[field] = value;
        std::string b;
        for (size_t i = 0; i < g.size(); ++i) b += g[i] + (i + 1 < g.size() ? "|" : "");
        return DecodeSuspendData(c, WithChecksum(b));
    };
    CHECK(with(8, f[8] + "~" + f[8]).problem == "a quiz record appears twice");
    CHECK(with(7, f[7] + "~" + f[7]).problem == "a reflection answer appears twice");
    CHECK(with(9, f[9] + f[9]).problem == "its list of interactions names a question twice");
    size_t questions = 0;
    for (const Quiz& quiz : c.quizzes) questions += quiz.questions.size();
    CHECK(with(9, std::string(2 * (questions + 1), '0')).problem == "its list of interactions is damaged");  // longer than possible
    std::string many;
    for (int i = 0; i < 11; ++i) many += (i ? "~" : "") + f[8];
    CHECK(with(8, many).problem == "it has more quiz records than the course has quizzes");
}

TEST_CASE("lms record: when the budget forces a cut, what the LMS held is kept over new text") {
    const Content& c = Chapter();
    // The LMS holds 10 reflections of 250 characters, whole (they fitted).
    LearnerState held;
    std::vector<std::string> ids;
    for (const Section& sec : c.sections)
        for (const ReflectionPrompt& p : sec.reflections) ids.push_back(p.id);
    REQUIRE(ids.size() == 20);
    for (size_t i = 0; i < 10; ++i) held.reflections[ids[i]] = std::string(250, char('a' + i));
    std::string held_text = EncodeSuspendData(c, held, {}, 1);
    REQUIRE(Utf16Length(held_text) <= kSuspendBudget);
    LearnerState held_read = DecodeSuspendData(c, held_text).state;
    // This device has them too, and 10 new ones of 2,000 characters: everything cannot fit.
    LearnerState s = held;
    for (size_t i = 10; i < 20; ++i) s.reflections[ids[i]] = std::string(2000, char('A' + i));
    std::string out = EncodeSuspendData(c, s, {}, 2, kSuspendBudget, &held_read);
    CHECK(Utf16Length(out) <= kSuspendBudget);
    SuspendRead r = DecodeSuspendData(c, out);
    REQUIRE(r.ok);
    for (size_t i = 0; i < 10; ++i) {
        CHECK(r.state.reflections.at(ids[i]) == held.reflections.at(ids[i]));  // whole, as the LMS had them
        CHECK_FALSE(r.cut.count(ids[i]));
    }
    for (size_t i = 10; i < 20; ++i) {
        CHECK(r.cut.count(ids[i]));  // the new ones are cut, and still say something
        CHECK(r.state.reflections.at(ids[i]).size() > std::string(kCutMarker).size());
    }
    // Without the LMS's copy to honour, the common cap would cut the held ones too: the rule matters.
    SuspendRead plain = DecodeSuspendData(c, EncodeSuspendData(c, s, {}, 2));
    REQUIRE(plain.ok);
    CHECK(plain.cut.count(ids[0]));

    // The LMS held cut copies (20 answers of 600 characters); this device then made one answer longer:
    // every answer the LMS held keeps at least what it had.
    LearnerState long_one;
    for (size_t i = 0; i < 20; ++i) long_one.reflections[ids[i]] = std::string(600, char('a' + i));
    SuspendRead first = DecodeSuspendData(c, EncodeSuspendData(c, long_one, {}, 1));
    REQUIRE(first.ok);
    REQUIRE(first.cut.count(ids[0]));
    LearnerState edited = long_one;
    edited.reflections[ids[0]] = std::string(3000, 'a');
    SuspendRead next = DecodeSuspendData(c, EncodeSuspendData(c, edited, {}, 2, kSuspendBudget, &first.state));
    REQUIRE(next.ok);
    for (const std::string& id : ids) CHECK(next.state.reflections.at(id).size() >= first.state.reflections.at(id).size());
    // When the rest of the record grows (a quiz answered), the held answers give way only as much as
    // that needs, and still fit the budget.
    LearnerState more = long_one;
    const Quiz& fc = *c.FindQuiz("final-check");
    AnswerAll(fc, more.quizzes[fc.id], true, 0);
    SubmitQuiz(fc, more.quizzes[fc.id], 5);
    std::string grown = EncodeSuspendData(c, more, {}, 2, kSuspendBudget, &first.state);
    CHECK(Utf16Length(grown) <= kSuspendBudget);
    SuspendRead g = DecodeSuspendData(c, grown);
    REQUIRE(g.ok);
    for (const std::string& id : ids) CHECK(g.state.reflections.at(id).size() + 20 >= first.state.reflections.at(id).size());
}

TEST_CASE("lms record: after a retry the LMS's older answers do not come back; the best score and status stay") {
    const Content& c = Chapter();
    const Quiz& fc = *c.FindQuiz("final-check");
    // The LMS holds the final check passed (attempt 1, every answer right).
    LearnerState lms = PassedLearner();
    SuspendRead held = DecodeSuspendData(c, EncodeSuspendData(c, lms, {}, 100));
    REQUIRE(held.ok);
    // This device (same learner, it was here too) then pressed Retry all: answers cleared.
    LearnerState device = lms;
    RetryAll(fc, device.quizzes[fc.id]);
    device.quiz_revs[fc.id] = Rev{200, "tab"};
    held.state.generation = device.generation;

    auto graded_answers = [&](const QuizProgress& p) {
        int n = 0;
        for (const Question& q : fc.questions) n += q.Graded() && p.answers.count(q.id);
        return n;
    };
    // What is sent during the session: KeepHeldRecords against the LMS's copy.
    LearnerState sent = device;
    KeepHeldRecords(sent, held.state, &c);
    CHECK(graded_answers(sent.quizzes.at(fc.id)) == 0);
    CHECK_FALSE(sent.quizzes.at(fc.id).submitted);
    CHECK(sent.quizzes.at(fc.id).mastered);
    // Self-ratings are not tries: kept.
    for (const Question& q : fc.questions)
        if (!q.Graded()) CHECK(sent.quizzes.at(fc.id).answers.count(q.id));
    // The launch merge on another relaunch: the retry wins too.
    LearnerState merged = device;
    MergeLmsRecord(merged, held.state, &c);
    CHECK(graded_answers(merged.quizzes.at(fc.id)) == 0);
    // And the report keeps the best score and the pass.
    std::vector<std::string> order;
    LmsReport r = BuildLmsReport(c, sent, order, 300, &held.state);
    CHECK(r.passed == 1);
    CHECK(r.raw == 100);
    SuspendRead back = DecodeSuspendData(c, r.suspend_data);
    REQUIRE(back.ok);
    CHECK(graded_answers(back.state.quizzes.at(fc.id)) == 0);

    // The other way round: the LMS's copy retried later (another device) while this one still shows the
    // submitted attempt: the LMS's round wins, its answers are the current ones.
    LearnerState other = lms;
    RetryAll(fc, other.quizzes[fc.id]);
    const Question& q0 = fc.questions[0];
    Choose(fc, other.quizzes[fc.id], q0.id, q0.options.back().id);
    LearnerState mine = lms;
    KeepHeldRecords(mine, other, &c);
    CHECK_FALSE(mine.quizzes.at(fc.id).submitted);
    CHECK(graded_answers(mine.quizzes.at(fc.id)) == 1);
    CHECK(mine.quizzes.at(fc.id).answers.at(q0.id).chosen == std::vector<std::string>{q0.options.back().id});
    CHECK(mine.quizzes.at(fc.id).mastered);
    // Same round (both answering, unsubmitted): the missing answers are filled in, as before.
    LearnerState a, b;
    Choose(fc, a.quizzes[fc.id], q0.id, q0.options.front().id);
    AnswerAll(fc, b.quizzes[fc.id], true, 0);
    KeepHeldRecords(a, b, &c);
    CHECK(a.quizzes.at(fc.id).answers.size() == b.quizzes.at(fc.id).answers.size());
    CHECK(a.quizzes.at(fc.id).answers.at(q0.id).chosen == std::vector<std::string>{q0.options.front().id});
}
