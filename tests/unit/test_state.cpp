// The learner's stored state: the versioned JSON codec, field-by-field reading
// with problems named, the limits checked before parsing, and the stored
// documents of every schema version (tests/fixtures/state/v<N>.json).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/state.h"

#ifndef WB_SOURCE_DIR
#error "WB_SOURCE_DIR (the repository root, as a string literal) must be defined by the build"
#endif

using wb::DecodeState;
using wb::LearnerState;
using wb::StateLoad;
using wb::ThemeChoice;
using Status = wb::StateLoad::Status;

namespace {

std::string ReadFixture(const std::string& relative) {
    std::ifstream f(std::string(WB_SOURCE_DIR) + "/tests/fixtures/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "missing fixture tests/fixtures/" << relative);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// True if any problem contains `part`.
bool HasProblem(const StateLoad& l, const std::string& part) {
    for (const std::string& p : l.problems)
        if (p.find(part) != std::string::npos) return true;
    return false;
}

std::string AllProblems(const StateLoad& l) {
    std::string all;
    for (const std::string& p : l.problems) all += p + "\n";
    return all;
}

LearnerState FullState() {
    LearnerState s;
    s.settings.theme = ThemeChoice::Dark;
    s.settings.text_size_pct = 175;
    s.settings.high_contrast = true;
    s.reader.current = "be-proactive";
    s.reader.scroll["be-proactive"] = 240.0f;
    s.reader.scroll["introduction"] = 1024.0f;
    s.reader.read = {"introduction", "building-relationships"};
    s.reflections["introduction.r1"] = "Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";  // "Zoë 日本語"
    s.reflections["be-proactive.r1"] = "Line one\nLine \"two\"\twith a tab and a \\ backslash";
    return s;
}

std::string Nested(int depth, char open, char close) {
    return std::string(static_cast<size_t>(depth), open) + std::string(static_cast<size_t>(depth), close);
}

// A stored document that is valid except for what `settings`, `reader` and
// `reflections` say (each a JSON fragment).
std::string Doc(const std::string& settings, const std::string& reader, const std::string& reflections) {
    return "{\"schema\":1,\"settings\":" + settings + ",\"reader\":" + reader + ",\"reflections\":" + reflections + "}";
}
const std::string kGoodSettings = R"({"theme":"light","text_size":125,"high_contrast":true})";
const std::string kGoodReader = R"({"current":"be-proactive","scroll":{"be-proactive":300},"read":["introduction"]})";
const std::string kGoodReflections = R"({"introduction.r1":"an answer"})";

// The fields of kGood* that were not replaced are still read.
void CheckGoodSettings(const LearnerState& s) {
    CHECK(s.settings.theme == ThemeChoice::Light);
    CHECK(s.settings.text_size_pct == 125);
    CHECK(s.settings.high_contrast == true);
}
void CheckGoodReader(const LearnerState& s) {
    CHECK(s.reader.current == "be-proactive");
    REQUIRE(s.reader.scroll.count("be-proactive") == 1);
    CHECK(s.reader.scroll.at("be-proactive") == doctest::Approx(300));
    CHECK(s.reader.read == std::set<std::string>{"introduction"});
}
void CheckGoodReflections(const LearnerState& s) {
    CHECK(s.reflections == std::map<std::string, std::string>{{"introduction.r1", "an answer"}});
}

}  // namespace

// --- Round trip ---------------------------------------------------------------

TEST_CASE("state: EncodeState then DecodeState gives back every field") {
    LearnerState in = FullState();
    std::string text = wb::EncodeState(in);
    StateLoad l = DecodeState(text);
    INFO(AllProblems(l));
    REQUIRE(l.status == Status::Ok);
    CHECK(l.problems.empty());
    CHECK(l.stored_schema == LearnerState::kSchema);
    CHECK_FALSE(l.quarantine());
    CHECK(l.state.settings.theme == ThemeChoice::Dark);
    CHECK(l.state.settings.text_size_pct == 175);
    CHECK(l.state.settings.high_contrast == true);
    CHECK(l.state.reader.current == "be-proactive");
    CHECK(l.state.reader.scroll == in.reader.scroll);
    CHECK(l.state.reader.read == in.reader.read);
    CHECK(l.state.reflections == in.reflections);
}

TEST_CASE("state: UTF-8 answers are stored as UTF-8, not escaped") {
    LearnerState in;
    in.reflections["introduction.r1"] = "Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";
    std::string text = wb::EncodeState(in);
    CHECK(text.find("Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") != std::string::npos);
    CHECK(DecodeState(text).state.reflections.at("introduction.r1") == in.reflections.at("introduction.r1"));
}

TEST_CASE("state: every theme choice round trips") {
    for (ThemeChoice t : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        LearnerState in;
        in.settings.theme = t;
        StateLoad l = DecodeState(wb::EncodeState(in));
        CHECK(l.status == Status::Ok);
        CHECK(l.state.settings.theme == t);
    }
}

TEST_CASE("state: scroll offsets are stored as whole pixels") {
    LearnerState in;
    in.reader.scroll["introduction"] = 412.75f;
    StateLoad l = DecodeState(wb::EncodeState(in));
    REQUIRE(l.status == Status::Ok);
    CHECK(l.state.reader.scroll.at("introduction") == 412.0f);
}

TEST_CASE("state: a broken UTF-8 sequence in an answer is replaced, not thrown") {
    LearnerState in;
    in.reflections["introduction.r1"] = std::string("bad \xC3 byte");
    std::string text;
    CHECK_NOTHROW(text = wb::EncodeState(in));
    StateLoad l = DecodeState(text);
    REQUIRE(l.status == Status::Ok);
    CHECK(l.state.reflections.at("introduction.r1") == "bad \xEF\xBF\xBD byte");  // U+FFFD
}

TEST_CASE("state: a default state round trips to defaults") {
    StateLoad l = DecodeState(wb::EncodeState(LearnerState{}));
    REQUIRE(l.status == Status::Ok);
    CHECK(l.state.settings.theme == ThemeChoice::System);
    CHECK(l.state.settings.text_size_pct == 100);
    CHECK(l.state.settings.high_contrast == false);
    CHECK(l.state.reader.current.empty());
    CHECK(l.state.reader.scroll.empty());
    CHECK(l.state.reader.read.empty());
    CHECK(l.state.reflections.empty());
}

// --- Stored documents of each schema version ---------------------------------

TEST_CASE("state: the schema 1 fixture decodes to the values it holds") {
    StateLoad l = DecodeState(ReadFixture("state/v1.json"));
    INFO(AllProblems(l));
    REQUIRE(l.status == Status::Ok);
    CHECK(l.stored_schema == 1);
    const LearnerState& s = l.state;
    CHECK(s.settings.theme == ThemeChoice::Dark);
    CHECK(s.settings.text_size_pct == 150);
    CHECK(s.settings.high_contrast == true);
    CHECK(s.reader.current == "attend-industry-events");
    CHECK(s.reader.read == std::set<std::string>{"be-proactive", "building-relationships", "introduction"});
    CHECK(s.reader.scroll == std::map<std::string, float>{{"attend-industry-events", 412.0f},
                                                          {"be-proactive", 0.0f},
                                                          {"introduction", 1350.0f}});
    REQUIRE(s.reflections.size() == 3);
    CHECK(s.reflections.at("attend-industry-events.r2") ==
          "Hi, I'm Zo\xC3\xAB \xE2\x80\x94 I build payment systems and I'm curious how your team tests at scale.");
    CHECK(s.reflections.at("be-proactive.r1") ==
          "To Priya (platform lead at Acme): \"Could I ask you three questions about moving into SRE?\"\nSend by Friday.");
    CHECK(s.reflections.at("introduction.r1") ==
          "About 15 people I could call; mostly backend engineers, nobody in product or design. "
          "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE5\x8B\x89\xE5\xBC\xB7\xE4\xBC\x9A\xE3\x82\x82\xE3\x80\x82");
}

TEST_CASE("state: the schema 2 fixture decodes to the values it holds") {
    StateLoad l = DecodeState(ReadFixture("state/v2.json"));
    INFO(AllProblems(l));
    REQUIRE(l.status == Status::Ok);
    CHECK(l.stored_schema == 2);
    const LearnerState& s = l.state;
    CHECK(s.generation == "1718000000000-k3v9");
    CHECK(s.settings.theme == ThemeChoice::Light);
    CHECK(s.settings.text_size_pct == 125);
    CHECK(s.settings.high_contrast == false);
    CHECK(s.settings_rev == wb::Rev{1718000100000, "k3v9"});
    CHECK(s.reader.current == "utilize-social-media");
    CHECK(s.current_rev == wb::Rev{1718000500000, "p2q7"});
    CHECK(s.reader.read == std::set<std::string>{"building-relationships", "introduction", "learning-from-others"});
    CHECK(s.reader.scroll == std::map<std::string, float>{{"introduction", 980.0f}, {"utilize-social-media", 230.0f}});
    REQUIRE(s.reflections.size() == 2);
    CHECK(s.reflections.at("introduction.r1") ==
          "Zo\xC3\xAB here \xE2\x80\x94 about 20 people, mostly \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E meetup friends.");
    CHECK(s.reflection_revs.at("introduction.r1") == wb::Rev{1718000200000, "k3v9"});
    CHECK(s.reflections.at("utilize-social-media.r1") == "Backend engineer who likes \"boring\" tech.\nOpen to mentoring.");
    CHECK(s.reflection_revs.at("utilize-social-media.r1") == wb::Rev{});
}

TEST_CASE("state: a schema 2 answer that is not {text} is dropped and named") {
    StateLoad l = DecodeState(R"({"schema":2,"reflections":{"introduction.r1":{"text":"kept"},"be-proactive.r1":{"text":5},"conclusion.r1":"bare"}})");
    CHECK(l.status == Status::Partial);
    INFO(AllProblems(l));
    CHECK(HasProblem(l, "be-proactive.r1"));
    CHECK(HasProblem(l, "conclusion.r1"));
    CHECK(l.state.reflections == std::map<std::string, std::string>{{"introduction.r1", "kept"}});
}

TEST_CASE("state: the schema 1 fixture survives a decode/encode/decode cycle unchanged") {
    StateLoad first = DecodeState(ReadFixture("state/v1.json"));
    REQUIRE(first.status == Status::Ok);
    StateLoad second = DecodeState(wb::EncodeState(first.state));
    REQUIRE(second.status == Status::Ok);
    CHECK(second.state.settings.theme == first.state.settings.theme);
    CHECK(second.state.settings.text_size_pct == first.state.settings.text_size_pct);
    CHECK(second.state.settings.high_contrast == first.state.settings.high_contrast);
    CHECK(second.state.reader.current == first.state.reader.current);
    CHECK(second.state.reader.scroll == first.state.reader.scroll);
    CHECK(second.state.reader.read == first.state.reader.read);
    CHECK(second.state.reflections == first.state.reflections);
}

// --- Whole-document problems ---------------------------------------------------

TEST_CASE("state: nothing stored is a new learner, not a problem") {
    StateLoad l = DecodeState("");
    CHECK(l.status == Status::Empty);
    CHECK(l.problems.empty());
    CHECK_FALSE(l.quarantine());
    CHECK(l.state.settings.text_size_pct == 100);
}

TEST_CASE("state: text that is not JSON is unreadable and says so") {
    for (const char* text : {"{\"schema\": 1,", "not json at all", "{'schema': 1}", "{\"schema\":1}}"}) {
        CAPTURE(text);
        StateLoad l = DecodeState(text);
        CHECK(l.status == Status::Unreadable);
        CHECK(l.quarantine());
        REQUIRE(l.problems.size() == 1);
        CHECK(l.problems[0] == "The saved workbook data is not valid JSON.");
    }
}

TEST_CASE("state: JSON that is not an object is unreadable") {
    for (const char* text : {"[1, 2]", "42", "\"text\"", "null", "true"}) {
        CAPTURE(text);
        StateLoad l = DecodeState(text);
        CHECK(l.status == Status::Unreadable);
        REQUIRE(l.problems.size() == 1);
        CHECK(l.problems[0] == "The saved workbook data is not a JSON object.");
    }
}

TEST_CASE("state: a document without a whole-number schema is unreadable") {
    for (const char* text : {"{}", R"({"settings":{"theme":"dark"}})", R"({"schema":"1"})", R"({"schema":null})"}) {
        CAPTURE(text);
        StateLoad l = DecodeState(text);
        CHECK(l.status == Status::Unreadable);
        CHECK(l.quarantine());
        CHECK(HasProblem(l, "no schema version"));
        CHECK(l.state.settings.theme == ThemeChoice::System);  // nothing was read
    }
}

TEST_CASE("state: a schema newer than this build is unreadable, naming both versions") {
    const int newer = LearnerState::kSchema + 1;
    StateLoad l = DecodeState("{\"schema\":" + std::to_string(newer) + R"(,"settings":{"theme":"dark"}})");
    CHECK(l.status == Status::Unreadable);
    CHECK(l.quarantine());
    CHECK(l.stored_schema == newer);
    REQUIRE(l.problems.size() == 1);
    INFO(l.problems[0]);
    CHECK(HasProblem(l, "schema version " + std::to_string(newer)));
    CHECK(HasProblem(l, "(schema " + std::to_string(LearnerState::kSchema) + ")"));
    CHECK(l.state.settings.theme == ThemeChoice::System);  // not half-read
}

TEST_CASE("state: schema versions below 1 are unreadable") {
    for (const char* text : {R"({"schema":0})", R"({"schema":-3})"}) {
        CAPTURE(text);
        StateLoad l = DecodeState(text);
        CHECK(l.status == Status::Unreadable);
        CHECK(HasProblem(l, "cannot read"));
    }
}

TEST_CASE("state: only the schema is a complete, default state") {
    StateLoad l = DecodeState(R"({"schema":1})");
    CHECK(l.status == Status::Ok);
    CHECK(l.problems.empty());
    CHECK(l.state.settings.text_size_pct == 100);
    CHECK(l.state.reader.current.empty());
}

TEST_CASE("state: unknown fields are ignored") {
    StateLoad l = DecodeState(R"({"schema":1,"quiz":{"a":1},"settings":{"theme":"dark","font":"serif"}})");
    CHECK(l.status == Status::Ok);
    CHECK(l.state.settings.theme == ThemeChoice::Dark);
}

// --- Field-by-field problems: Partial, the field dropped, the rest read -------

TEST_CASE("state: settings that are not an object are dropped, the rest is read") {
    StateLoad l = DecodeState(Doc("[1]", kGoodReader, kGoodReflections));
    CHECK(l.status == Status::Partial);
    CHECK(l.quarantine());
    CHECK(HasProblem(l, "settings should be an object but is array"));
    CHECK(l.state.settings.text_size_pct == 100);
    CheckGoodReader(l.state);
    CheckGoodReflections(l.state);
}

TEST_CASE("state: settings.theme that is not text is dropped") {
    StateLoad l = DecodeState(Doc(R"({"theme":3,"text_size":125,"high_contrast":true})", kGoodReader, kGoodReflections));
    CHECK(l.status == Status::Partial);
    REQUIRE(l.problems.size() == 1);
    CHECK(HasProblem(l, "settings.theme should be text"));
    CHECK(l.state.settings.theme == ThemeChoice::System);
    CHECK(l.state.settings.text_size_pct == 125);
    CHECK(l.state.settings.high_contrast == true);
    CheckGoodReader(l.state);
    CheckGoodReflections(l.state);
}

TEST_CASE("state: an unknown theme name falls back to the system theme") {
    StateLoad l = DecodeState(Doc(R"({"theme":"neon","text_size":125,"high_contrast":true})", kGoodReader, kGoodReflections));
    CHECK(l.status == Status::Partial);
    CHECK(HasProblem(l, "settings.theme \"neon\" is unknown"));
    CHECK(l.state.settings.theme == ThemeChoice::System);
    CHECK(l.state.settings.text_size_pct == 125);
}

TEST_CASE("state: settings.text_size that is not a whole number is dropped") {
    for (const char* size : {"\"150\"", "150.5", "true", "null"}) {
        CAPTURE(size);
        StateLoad l = DecodeState(
            Doc(std::string(R"({"theme":"light","text_size":)") + size + R"(,"high_contrast":true})", kGoodReader, kGoodReflections));
        CHECK(l.status == Status::Partial);
        CHECK(HasProblem(l, "settings.text_size should be a whole number"));
        CHECK(l.state.settings.text_size_pct == 100);
        CHECK(l.state.settings.theme == ThemeChoice::Light);
        CHECK(l.state.settings.high_contrast == true);
        CheckGoodReader(l.state);
    }
}

TEST_CASE("state: settings.text_size outside 100..200 is reported and 100 used") {
    for (int size : {99, 0, -125, 201, 1000}) {
        CAPTURE(size);
        StateLoad l = DecodeState(
            Doc(R"({"theme":"light","text_size":)" + std::to_string(size) + R"(,"high_contrast":true})", kGoodReader, kGoodReflections));
        CHECK(l.status == Status::Partial);
        CHECK(HasProblem(l, "settings.text_size " + std::to_string(size) + " is outside 100..200"));
        CHECK(l.state.settings.text_size_pct == 100);
        CHECK(l.state.settings.theme == ThemeChoice::Light);
    }
    for (int size : {100, 200}) {
        CAPTURE(size);
        StateLoad l = DecodeState(Doc(R"({"text_size":)" + std::to_string(size) + "}", kGoodReader, kGoodReflections));
        CHECK(l.status == Status::Ok);
        CHECK(l.state.settings.text_size_pct == size);
    }
}

TEST_CASE("state: settings.high_contrast that is not true/false is dropped") {
    StateLoad l = DecodeState(Doc(R"({"theme":"light","text_size":125,"high_contrast":"yes"})", kGoodReader, kGoodReflections));
    CHECK(l.status == Status::Partial);
    CHECK(HasProblem(l, "settings.high_contrast should be true or false"));
    CHECK(l.state.settings.high_contrast == false);
    CHECK(l.state.settings.text_size_pct == 125);
}

TEST_CASE("state: a reader that is not an object is dropped") {
    StateLoad l = DecodeState(Doc(kGoodSettings, "\"introduction\"", kGoodReflections));
    CHECK(l.status == Status::Partial);
    CHECK(HasProblem(l, "reader should be an object but is string"));
    CHECK(l.state.reader.current.empty());
    CheckGoodSettings(l.state);
    CheckGoodReflections(l.state);
}

TEST_CASE("state: reader.current that is not text is dropped") {
    StateLoad l = DecodeState(Doc(kGoodSettings, R"({"current":5,"scroll":{"be-proactive":300},"read":["introduction"]})", kGoodReflections));
    CHECK(l.status == Status::Partial);
    CHECK(HasProblem(l, "reader.current should be text"));
    CHECK(l.state.reader.current.empty());
    CHECK(l.state.reader.read == std::set<std::string>{"introduction"});
    CheckGoodSettings(l.state);
}

TEST_CASE("state: reader.scroll that is not an object, or an entry that is not a number, is dropped") {
    StateLoad whole = DecodeState(Doc(kGoodSettings, R"({"current":"be-proactive","scroll":[300],"read":["introduction"]})", kGoodReflections));
    CHECK(whole.status == Status::Partial);
    CHECK(HasProblem(whole, "reader.scroll should be an object"));
    CHECK(whole.state.reader.scroll.empty());
    CHECK(whole.state.reader.current == "be-proactive");

    StateLoad entry = DecodeState(
        Doc(kGoodSettings, R"({"current":"be-proactive","scroll":{"introduction":"far","be-proactive":300},"read":[]})", kGoodReflections));
    CHECK(entry.status == Status::Partial);
    CHECK(HasProblem(entry, "reader.scroll.introduction is not a number"));
    CHECK(entry.state.reader.scroll.count("introduction") == 0);
    CHECK(entry.state.reader.scroll.at("be-proactive") == doctest::Approx(300));
}

TEST_CASE("state: reader.read that is not a list, or an entry that is not text, is dropped") {
    StateLoad whole = DecodeState(Doc(kGoodSettings, R"({"current":"be-proactive","read":{"introduction":true}})", kGoodReflections));
    CHECK(whole.status == Status::Partial);
    CHECK(HasProblem(whole, "reader.read should be a list"));
    CHECK(whole.state.reader.read.empty());
    CHECK(whole.state.reader.current == "be-proactive");

    StateLoad entry = DecodeState(Doc(kGoodSettings, R"({"read":["introduction",7,"be-proactive"]})", kGoodReflections));
    CHECK(entry.status == Status::Partial);
    CHECK(HasProblem(entry, "reader.read has an entry that is not a section id"));
    CHECK(entry.state.reader.read == std::set<std::string>{"introduction", "be-proactive"});
}

TEST_CASE("state: reflections that are not an object, or an answer that is not text, are dropped") {
    StateLoad whole = DecodeState(Doc(kGoodSettings, kGoodReader, R"(["an answer"])"));
    CHECK(whole.status == Status::Partial);
    CHECK(HasProblem(whole, "reflections should be an object"));
    CHECK(whole.state.reflections.empty());
    CheckGoodSettings(whole.state);
    CheckGoodReader(whole.state);

    StateLoad entry = DecodeState(Doc(kGoodSettings, kGoodReader, R"({"introduction.r1":"an answer","be-proactive.r1":42})"));
    CHECK(entry.status == Status::Partial);
    INFO(AllProblems(entry));
    CHECK(HasProblem(entry, "be-proactive.r1"));  // the answer is named
    CheckGoodReflections(entry.state);
}

TEST_CASE("state: every bad field is reported, not just the first") {
    StateLoad l = DecodeState(Doc(R"({"theme":1,"text_size":"big","high_contrast":0})", R"({"current":[],"read":"x"})", "7"));
    CHECK(l.status == Status::Partial);
    INFO(AllProblems(l));
    CHECK(l.problems.size() == 6);
    CHECK(HasProblem(l, "settings.theme"));
    CHECK(HasProblem(l, "settings.text_size"));
    CHECK(HasProblem(l, "settings.high_contrast"));
    CHECK(HasProblem(l, "reader.current"));
    CHECK(HasProblem(l, "reader.read"));
    CHECK(HasProblem(l, "reflections should be an object"));
}

// --- Limits checked before parsing ---------------------------------------------

TEST_CASE("state: CheckJsonLimits accepts nesting up to 64 levels and refuses 65") {
    CHECK(wb::CheckJsonLimits(Nested(64, '[', ']')) == "");
    CHECK(wb::CheckJsonLimits(Nested(65, '[', ']')) == "it nests deeper than 64 levels");
    std::string objects;
    for (int i = 0; i < 64; ++i) objects += "{\"a\":";
    CHECK(wb::CheckJsonLimits(objects + "1" + std::string(64, '}')) == "");
    CHECK(wb::CheckJsonLimits("[" + objects + "1" + std::string(64, '}') + "]") == "it nests deeper than 64 levels");
}

TEST_CASE("state: CheckJsonLimits counts depth, not the number of brackets") {
    std::string many_siblings;
    for (int i = 0; i < 1000; ++i) many_siblings += "[[]],";
    CHECK(wb::CheckJsonLimits("[" + many_siblings + "1]") == "");
}

TEST_CASE("state: CheckJsonLimits ignores brackets inside strings, including after escaped quotes") {
    std::string brackets(200, '[');
    CHECK(wb::CheckJsonLimits("{\"a\":\"" + brackets + "\"}") == "");
    CHECK(wb::CheckJsonLimits("{\"a\":\"\\\"" + brackets + "\"}") == "");  // \" does not end the string
    // An escaped backslash does end before the quote: the brackets after it count.
    CHECK(wb::CheckJsonLimits("[\"\\\\\"," + Nested(64, '[', ']') + "]") == "it nests deeper than 64 levels");
}

TEST_CASE("state: CheckJsonLimits refuses more than 32 MB") {
    static const std::string big(wb::kMaxJsonBytes + 1, ' ');  // built once
    std::string why = wb::CheckJsonLimits(big);
    CHECK(why.find("over the 32 MB limit") != std::string::npos);
    CHECK(wb::CheckJsonLimits(std::string_view(big).substr(0, wb::kMaxJsonBytes)) == "");

    StateLoad l = DecodeState(big);
    CHECK(l.status == Status::Unreadable);
    CHECK(HasProblem(l, "32 MB"));
}

TEST_CASE("state: DecodeState refuses a document nested 5000 deep without crashing") {
    StateLoad l = DecodeState("{\"schema\":1,\"reflections\":" + Nested(5000, '[', ']') + "}");
    CHECK(l.status == Status::Unreadable);
    CHECK(l.quarantine());
    CHECK(HasProblem(l, "nests deeper than 64 levels"));
}

// --- Word counts -------------------------------------------------------------

TEST_CASE("state: CountWords counts runs separated by spaces, tabs and newlines") {
    CHECK(wb::CountWords("") == 0);
    CHECK(wb::CountWords("   \n\t ") == 0);
    CHECK(wb::CountWords("one") == 1);
    CHECK(wb::CountWords("  two   words  ") == 2);
    CHECK(wb::CountWords("tabs\tand\nnew\r\nlines") == 4);
    CHECK(wb::CountWords("Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") == 2);
    CHECK(wb::CountWords("up-to-date, well-known.") == 2);
}
