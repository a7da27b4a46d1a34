// Two tabs merging record by record, and backup files.
#include <doctest/doctest.h>

#include <string>

#include "core/state.h"

using wb::LearnerState;
using wb::MergeStates;
using wb::Rev;

namespace {
LearnerState WithAnswer(const std::string& id, const std::string& text, int64_t at, const std::string& tab) {
    LearnerState s;
    s.generation = "100-g";
    s.reflections[id] = text;
    s.reflection_revs[id] = Rev{at, tab};
    return s;
}
}  // namespace

TEST_CASE("merge: concurrent edits to different answers both survive, in both directions") {
    LearnerState a = WithAnswer("x.r1", "from A", 1000, "a");
    LearnerState b = WithAnswer("x.r2", "from B", 1001, "b");
    LearnerState a2 = a, b2 = b;
    CHECK(MergeStates(a2, b));  // A still holds r1, which B lacks
    CHECK(MergeStates(b2, a));
    CHECK(a2.reflections == b2.reflections);
    CHECK(a2.reflections.at("x.r1") == "from A");
    CHECK(a2.reflections.at("x.r2") == "from B");
}

TEST_CASE("merge: the same answer edited twice keeps the later edit, and ties break by tab") {
    LearnerState early = WithAnswer("x.r1", "early", 1000, "a");
    LearnerState late = WithAnswer("x.r1", "late", 2000, "b");
    LearnerState m = early;
    CHECK_FALSE(MergeStates(m, late));  // nothing of early's is newer
    CHECK(m.reflections.at("x.r1") == "late");
    LearnerState m2 = late;
    CHECK(MergeStates(m2, early));  // late is newer: what is stored needs it
    CHECK(m2.reflections.at("x.r1") == "late");
    LearnerState tie_a = WithAnswer("x.r1", "tab a", 1000, "a"), tie_b = WithAnswer("x.r1", "tab b", 1000, "b");
    MergeStates(tie_a, tie_b);
    CHECK(tie_a.reflections.at("x.r1") == "tab b");
}

TEST_CASE("merge: sections read are a union; scroll stays this tab's; settings follow the later change") {
    LearnerState a, b;
    a.generation = b.generation = "1-g";
    a.reader.read = {"intro"};
    b.reader.read = {"be-proactive"};
    a.reader.scroll["intro"] = 40;
    b.reader.scroll["intro"] = 900;
    b.settings.text_size_pct = 150;
    b.settings_rev = Rev{5, "b"};
    CHECK(MergeStates(a, b));  // a has "intro" read, which b lacks
    CHECK(a.reader.read == std::set<std::string>{"intro", "be-proactive"});
    CHECK(a.reader.scroll.at("intro") == 40);
    CHECK(a.settings.text_size_pct == 150);
}

TEST_CASE("merge: a newer generation (reset or restore elsewhere) replaces older data whole") {
    LearnerState old_tab = WithAnswer("x.r1", "kept before the reset", 500, "a");
    old_tab.generation = "100-a";
    LearnerState after_reset;
    after_reset.generation = "900-b";
    CHECK_FALSE(MergeStates(old_tab, after_reset));
    CHECK(old_tab.reflections.empty());
    CHECK(old_tab.generation == "900-b");
    // And the tab that reset keeps its data when it sees the old generation.
    LearnerState reset_tab = after_reset;
    CHECK(MergeStates(reset_tab, WithAnswer("x.r1", "stale", 500, "a")));
    CHECK(reset_tab.reflections.empty());
}

TEST_CASE("merge: nothing new on either side reports no news (no save ping-pong between tabs)") {
    LearnerState a = WithAnswer("x.r1", "same", 1000, "a");
    LearnerState b = a;
    b.reader.scroll["x"] = 300;  // tab-local, not news
    CHECK_FALSE(MergeStates(a, b));
}

TEST_CASE("backup: a backup restores exactly what was exported") {
    LearnerState s = WithAnswer("be-proactive.r1", "Ask Ana about product roles", 1234, "t");
    s.reader.read = {"introduction", "be-proactive"};
    s.reader.current = "be-proactive";
    s.settings.theme = wb::ThemeChoice::Dark;
    std::string file = wb::EncodeBackup(s, 1700000000000);
    wb::BackupRead r = wb::DecodeBackup(file);
    REQUIRE(r.ok);
    CHECK(r.exported_at == 1700000000000);
    CHECK(r.state.reflections == s.reflections);
    CHECK(r.state.reader.read == s.reader.read);
    CHECK(r.state.reader.current == "be-proactive");
    CHECK(r.state.settings.theme == wb::ThemeChoice::Dark);
}

TEST_CASE("backup: a file that is not JSON is refused with its line and column") {
    wb::BackupRead r = wb::DecodeBackup("{\n  \"format\": \"networking-workbook-backup\",\n  oops\n}");
    CHECK_FALSE(r.ok);
    CHECK(r.error == "This file is not valid JSON (line 3, column 3). Choose a backup file downloaded from the workbook.");
}

TEST_CASE("backup: JSON that is not a backup, a newer version, a missing or damaged state are refused") {
    CHECK(wb::DecodeBackup("{\"contacts\": []}").error.find("is not a Networking Workbook backup") != std::string::npos);
    CHECK(wb::DecodeBackup("{\"format\": \"networking-workbook-backup\", \"version\": 2, \"state\": {}}").error.find("newer version") !=
          std::string::npos);
    CHECK(wb::DecodeBackup("{\"format\": \"networking-workbook-backup\", \"version\": 1}").error.find("\"state\" is missing") !=
          std::string::npos);
    wb::BackupRead damaged = wb::DecodeBackup(
        "{\"format\": \"networking-workbook-backup\", \"version\": 1, \"state\": {\"schema\": 2, \"settings\": {\"theme\": 5}}}");
    CHECK_FALSE(damaged.ok);
    CHECK(damaged.error == "This backup is damaged, so nothing was restored: settings.theme should be text but is number; it was left out.");
}

TEST_CASE("backup: a file nested too deep is refused before parsing") {
    std::string deep(100, '[');
    CHECK(wb::DecodeBackup(deep).error == "This file cannot be a workbook backup: it nests deeper than 64 levels.");
}

TEST_CASE("DescribeOffset counts lines and characters (not bytes)") {
    CHECK(wb::DescribeOffset("ab\ncd", 4) == "line 2, column 2");
    CHECK(wb::DescribeOffset("\xC3\xA9x", 2) == "line 1, column 2");  // é is one character
}

// --- Schema 3: quiz progress ---------------------------------------------------
#include <fstream>
#include <sstream>

namespace {
std::string ReadV3Fixture() {
    std::ifstream in(std::string(WB_SOURCE_DIR) + "/tests/fixtures/state/v3.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("state: the schema 3 fixture decodes quiz answers, attempts and the seed") {
    wb::StateLoad l = wb::DecodeState(ReadV3Fixture());
    REQUIRE(l.status == wb::StateLoad::Status::Ok);
    CHECK(l.stored_schema == 3);
    const LearnerState& s = l.state;
    CHECK(s.shuffle_seed == 0xdeadbeefull);
    REQUIRE(s.quizzes.count("be-proactive-quiz") == 1);
    const wb::QuizProgress& p = s.quizzes.at("be-proactive-quiz");
    CHECK(p.submitted);
    CHECK_FALSE(p.mastered);
    CHECK(p.answers.at("be-proactive-quiz.q1").chosen == std::vector<std::string>{"a"});
    CHECK(p.answers.at("be-proactive-quiz.q1").checked);
    CHECK(p.answers.at("be-proactive-quiz.sr1").rating == 4);
    REQUIRE(p.attempts.size() == 1);
    CHECK(p.attempts[0].time == 1780000100);
    CHECK(p.attempts[0].score == doctest::Approx(0.2));
    REQUIRE(p.attempts[0].results.size() == 2);
    CHECK(p.attempts[0].results[1].question == "be-proactive-quiz.q4");
    CHECK_FALSE(p.attempts[0].results[1].correct);
    CHECK(s.quiz_revs.at("be-proactive-quiz") == Rev{1780000100000, "m4x2"});
}

TEST_CASE("state: quiz progress survives encode/decode exactly") {
    LearnerState s = wb::DecodeState(ReadV3Fixture()).state;
    wb::StateLoad again = wb::DecodeState(wb::EncodeState(s));
    REQUIRE(again.status == wb::StateLoad::Status::Ok);
    CHECK(again.state.quizzes == s.quizzes);
    CHECK(again.state.shuffle_seed == s.shuffle_seed);
    CHECK(again.state.quiz_revs == s.quiz_revs);
}

TEST_CASE("state: a damaged quiz record is dropped and named; the rest is read") {
    wb::StateLoad l = wb::DecodeState(
        "{\"schema\": 3, \"quizzes\": {\"a-quiz\": {\"answers\": {\"a-quiz.q1\": {\"chosen\": \"not a list\"}}},"
        " \"b-quiz\": {\"mastered\": true}}, \"reflections\": {\"x\": {\"text\": \"kept\"}}}");
    CHECK(l.status == wb::StateLoad::Status::Partial);
    CHECK(l.state.quizzes.count("a-quiz") == 0);
    CHECK(l.state.quizzes.at("b-quiz").mastered);
    CHECK(l.state.reflections.at("x") == "kept");
    REQUIRE(l.problems.size() == 1);
    CHECK(l.problems[0] == "quizzes.a-quiz is damaged; that quiz's answers were left out");
}

TEST_CASE("merge: quiz records merge by revision, and the smaller shuffle seed wins everywhere") {
    LearnerState a, b;
    a.generation = b.generation = "1-g";
    a.quizzes["q-a"].mastered = true;
    a.quiz_revs["q-a"] = Rev{10, "a"};
    b.quizzes["q-b"].submitted = true;
    b.quiz_revs["q-b"] = Rev{11, "b"};
    a.shuffle_seed = 99;
    b.shuffle_seed = 7;
    CHECK(MergeStates(a, b));
    CHECK(a.quizzes.at("q-a").mastered);
    CHECK(a.quizzes.at("q-b").submitted);
    CHECK(a.shuffle_seed == 7);
}
