// Inputs found by the libFuzzer targets (scripts/fuzz.sh) that once crashed the
// state codec, kept as plain tests so the native and wasm suites catch a regression.
#include <doctest/doctest.h>

#include <string>

#include "core/state.h"

TEST_CASE("a backup with a number too large for a double is refused, not thrown") {
    // Found by tests/fuzz/backup_decode.cpp: nlohmann's parser throws out_of_range (406) here.
    wb::BackupRead r = wb::DecodeBackup(R"({"format": "networking-workbook-backup", "version": 1, "x": 75e74432})");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("not valid JSON") != std::string::npos);
    // The stored-state loader parses without exceptions; the same number is simply unreadable.
    CHECK(wb::DecodeState(R"({"schema": 3, "x": 75e74432})").status == wb::StateLoad::Status::Unreadable);
}

TEST_CASE("a backup whose format is not text is refused, not thrown") {
    for (const char* doc : {R"({"format": 1, "version": 1})", R"({"format": ["networking-workbook-backup"]})",
                            R"({"format": null})"}) {
        CAPTURE(doc);
        wb::BackupRead r = wb::DecodeBackup(doc);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("not a Networking Workbook backup") != std::string::npos);
    }
}

TEST_CASE("a scroll offset too large for the encoder is left out, with a problem named") {
    // Found by tests/fuzz/state_decode.cpp: 4e68 read as a float is inf, and the
    // encoder's cast of inf to int is undefined (a trap in wasm).
    wb::StateLoad l = wb::DecodeState(R"({"schema": 3, "reader": {"scroll": {"a": 4e68, "b": -1e300, "c": 1350}}})");
    CHECK(l.status == wb::StateLoad::Status::Partial);
    CHECK(l.state.reader.scroll.count("a") == 0);
    CHECK(l.state.reader.scroll.count("b") == 0);
    CHECK(l.state.reader.scroll.at("c") == 1350.0f);
    CHECK(wb::DecodeState(wb::EncodeState(l.state)).status == wb::StateLoad::Status::Ok);
}

TEST_CASE("a quiz attempt whose fields have the wrong type drops that quiz, not the app") {
    // Found by tests/fuzz/backup_decode.cpp: json::value("score", 0.0) throws type_error
    // when "score" is text, and the wasm build (no exceptions) would abort on it.
    const std::string other = R"("good": {"attempts": [{"time": 5, "score": 0.5, "passed": false}]})";
    for (const char* bad : {R"({"score": "x"})", R"({"time": 1.5})", R"({"passed": 1})",
                            R"({"results": [{"q": 3}]})", R"({"results": [{"score": true}]})", R"({"score": 1.5})",
                            R"({"results": [{"correct": "yes"}]})", R"({"results": [{"stale": null}]})"}) {
        CAPTURE(bad);
        const std::string doc = std::string(R"({"schema": 3, "quizzes": {"bad": {"attempts": [)") + bad + "]}, " + other + "}}";
        wb::StateLoad l = wb::DecodeState(doc);
        CHECK(l.status == wb::StateLoad::Status::Partial);
        CHECK(l.state.quizzes.count("bad") == 0);
        REQUIRE(l.state.quizzes.count("good") == 1);
        CHECK(l.state.quizzes.at("good").attempts.at(0).score == 0.5);
        CHECK(l.state.quizzes.at("good").attempts.at(0).time == 5);
        bool named = false;
        for (const auto& p : l.problems) named = named || p.find("quizzes.bad is damaged") != std::string::npos;
        CHECK(named);
    }
}
