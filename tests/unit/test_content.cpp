// Tests for the chapter content: the real content/ directory compiles cleanly
// and round-trips through wb::DecodeContent, and the decoder rejects malformed
// documents with a precise error.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/content.h"
#include "tools/contentc/contentc.h"

#ifndef WB_SOURCE_DIR
#error "WB_SOURCE_DIR (the repository root, as a string literal) must be defined by the build"
#endif

namespace {

const contentc::CompileResult& RealContent() {
    static const contentc::CompileResult r = contentc::CompileContent(std::string(WB_SOURCE_DIR) + "/content");
    return r;
}

const wb::Content& DecodedRealContent() {
    static const wb::ContentResult d = wb::DecodeContent(RealContent().json);
    REQUIRE_MESSAGE(d.ok, d.error);
    return d.content;
}

std::string SectionText(const wb::Section& s) {
    std::string all;
    for (const auto& b : s.blocks) all += wb::BlockText(b) + "\n";
    return all;
}

bool LinksTo(const wb::Section& s, const std::string& id) {
    for (const auto& b : s.blocks)
        for (const auto& sp : b.spans)
            if (sp.link == "#/read/" + id) return true;
    return false;
}

}  // namespace

TEST_CASE("content: the real content/ compiles without errors or warnings") {
    const auto& r = RealContent();
    for (const auto& d : r.diagnostics) MESSAGE(d.Format());
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    CHECK(r.counts.sections == 11);
    CHECK(r.counts.quizzes == 10);
    CHECK(r.counts.questions >= 45);
    CHECK(r.counts.reflections >= 11);
    CHECK(contentc::ReportLine(r.counts) == "content: 11 sections, 10 quizzes, " + std::to_string(r.counts.questions) +
                                                " questions, " + std::to_string(r.counts.reflections) + " reflection prompts");
    CHECK(r.glyphs.find('N') != std::string::npos);
}

TEST_CASE("content: sections come in reading order with the right kinds") {
    const wb::Content& c = DecodedRealContent();
    using K = wb::SectionKind;
    const std::vector<std::pair<std::string, K>> expected = {
        {"introduction", K::Intro},
        {"building-relationships", K::Benefit},
        {"learning-from-others", K::Benefit},
        {"gaining-visibility", K::Benefit},
        {"accessing-hidden-opportunities", K::Benefit},
        {"be-proactive", K::Tip},
        {"attend-industry-events", K::Tip},
        {"join-professional-organizations", K::Tip},
        {"utilize-social-media", K::Tip},
        {"follow-up-and-stay-in-touch", K::Tip},
        {"conclusion", K::Conclusion},
    };
    CHECK(c.title == "The Importance of Networking in Career Advancement");
    REQUIRE(c.sections.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(c.sections[i].id == expected[i].first);
        CHECK(c.sections[i].kind == expected[i].second);
        CHECK(c.FindSection(expected[i].first) == (int)i);
        CHECK_FALSE(c.sections[i].title.empty());
    }
    CHECK(c.sections[5].title == "Be Proactive");
    CHECK(c.sections[9].title == "Follow Up and Stay in Touch");
}

TEST_CASE("content: every section has one takeaway and at least one reflection prompt") {
    const wb::Content& c = DecodedRealContent();
    size_t prompts = 0;
    for (const auto& s : c.sections) {
        CAPTURE(s.id);
        int takeaways = 0;
        for (const auto& b : s.blocks)
            if (b.kind == wb::BlockKind::Takeaway) {
                ++takeaways;
                CHECK_FALSE(wb::BlockText(b).empty());
            }
        CHECK(takeaways == 1);
        CHECK(s.reflections.size() >= 1);
        for (const auto& r : s.reflections) {
            CHECK(r.id.rfind(s.id + ".", 0) == 0);
            CHECK(r.text.size() > 20);
        }
        prompts += s.reflections.size();
    }
    CHECK(prompts >= 11);
}

TEST_CASE("content: the chapter's own text is kept verbatim") {
    const wb::Content& c = DecodedRealContent();
    const std::vector<std::pair<std::string, std::string>> quotes = {
        {"introduction", "Networking is an essential component of career development and advancement."},
        {"introduction", "Networking can contribute to career advancement in several ways:"},
        {"building-relationships", "establish connections that can lead to new opportunities and collaborations."},
        {"learning-from-others", "emerging technologies that can enhance their skills and knowledge."},
        {"gaining-visibility", "individuals can position themselves as thought leaders and attract new opportunities."},
        {"accessing-hidden-opportunities", "may not be advertised through traditional channels."},
        {"introduction", "To build a strong professional network, consider the following tips:"},
        {"be-proactive", "Networking requires effort and initiative."},
        {"attend-industry-events", "Attend industry events such as conferences, trade shows, and seminars"},
        {"join-professional-organizations", "participate in their events and activities."},
        {"utilize-social-media", "Social media platforms such as LinkedIn can be powerful tools for networking"},
        {"follow-up-and-stay-in-touch", "keep you top-of-mind for future opportunities."},
        {"conclusion", "that will support their career growth and development."},
    };
    for (const auto& entry : quotes) {
        // Plain names, not structured bindings: clang 14 (emscripten) cannot capture those.
        const auto& id = entry.first;
        const auto& quote = entry.second;
        CAPTURE(id);
        CAPTURE(quote);
        int i = c.FindSection(id);
        REQUIRE(i >= 0);
        CHECK(SectionText(c.sections[i]).find(quote) != std::string::npos);
    }
}

TEST_CASE("content: internal links resolve, and the cross-references exist") {
    const wb::Content& c = DecodedRealContent();
    int internal = 0;
    for (const auto& s : c.sections)
        for (const auto& b : s.blocks)
            for (const auto& sp : b.spans)
                if (sp.link.rfind("#/read/", 0) == 0) {
                    ++internal;
                    CHECK(c.FindSection(sp.link.substr(7)) >= 0);
                }
    CHECK(internal >= 5);
    const wb::Section& conclusion = c.sections[c.FindSection("conclusion")];
    for (const char* tip : {"be-proactive", "attend-industry-events", "join-professional-organizations",
                            "utilize-social-media", "follow-up-and-stay-in-touch"})
        CHECK_MESSAGE(LinksTo(conclusion, tip), tip);
    CHECK(LinksTo(c.sections[c.FindSection("attend-industry-events")], "follow-up-and-stay-in-touch"));
}

TEST_CASE("content: UI strings") {
    const wb::Content& c = DecodedRealContent();
    const std::vector<std::pair<const char*, const char*>> strings = {
        {"app.title", "Networking Workbook"},
        {"nav.prev", "Previous section"},
        {"nav.next", "Next section"},
        {"nav.contents", "Contents"},
        {"reader.takeaway", "Key takeaway"},
        {"reader.reflection", "Reflection"},
        {"reader.words", "words"},
        {"status.not_started", "Not started"},
        {"status.read", "Read"},
        {"status.quiz_passed", "Quiz passed"},
        {"search.title", "Search"},
        {"search.placeholder", "Search the chapter and your answers"},
        {"search.none", "No matches"},
        {"settings.title", "Settings"},
        {"settings.theme", "Theme"},
        {"settings.theme_system", "System"},
        {"settings.theme_light", "Light"},
        {"settings.theme_dark", "Dark"},
        {"settings.text_size", "Text size"},
        {"skip.content", "Skip to content"},
    };
    for (const auto& [k, v] : strings) CHECK(std::string(c.Str(k)) == v);
    CHECK(std::string(c.Str("no.such.key")) == "no.such.key");
    // A key that is not NUL-terminated still comes back as its own C string.
    std::string_view part = std::string_view("missing.keyXYZ").substr(0, 11);
    CHECK(std::string(c.Str(part)) == "missing.key");
}

//-----------------------------------------------------------------------------
// DecodeContent on hand-written documents
//-----------------------------------------------------------------------------

namespace {

std::string Doc(const std::string& sections, const std::string& head = R"("format":1,"title":"T","strings":{"a":"b"})") {
    return "{" + head + R"(,"sections":)" + sections + "}";
}

std::string DecodeError(const std::string& json) {
    wb::ContentResult r = wb::DecodeContent(json);
    CHECK_FALSE(r.ok);
    CHECK(r.content.sections.empty());
    return r.error;
}

}  // namespace

TEST_CASE("DecodeContent: a full document") {
    const std::string json = Doc(
        R"([{"id":"s1","title":"One","kind":"tip","blocks":[)"
        R"({"k":"h","l":3,"s":[["Head",0]]},)"
        R"({"k":"p","s":[["a ",0],["b",1],["c",6,"#/read/s1"]]},)"
        R"({"k":"li","d":2,"n":3,"s":[["item",0]]},)"
        R"({"k":"q","s":[["quote",0]]},{"k":"t","s":[["take",2]]}],)"
        R"("reflections":[{"id":"s1.r1","text":"Why?"}],"future":true}])");
    wb::ContentResult r = wb::DecodeContent(json);
    REQUIRE_MESSAGE(r.ok, r.error);
    const wb::Content& c = r.content;
    CHECK(c.title == "T");
    CHECK(std::string(c.Str("a")) == "b");
    REQUIRE(c.sections.size() == 1);
    const wb::Section& s = c.sections[0];
    CHECK(s.kind == wb::SectionKind::Tip);
    REQUIRE(s.blocks.size() == 5);
    CHECK(s.blocks[0].kind == wb::BlockKind::Heading);
    CHECK(s.blocks[0].level == 3);
    CHECK(s.blocks[1].spans.size() == 3);
    CHECK(s.blocks[1].spans[1].style == wb::SpanStyle_Strong);
    CHECK(s.blocks[1].spans[2].style == (wb::SpanStyle_Em | wb::SpanStyle_Code));
    CHECK(s.blocks[1].spans[2].link == "#/read/s1");
    CHECK(wb::BlockText(s.blocks[1]) == "a bc");
    CHECK(s.blocks[2].kind == wb::BlockKind::ListItem);
    CHECK(s.blocks[2].list_depth == 2);
    CHECK(s.blocks[2].ordinal == 3);
    CHECK(s.blocks[3].kind == wb::BlockKind::Quote);
    CHECK(s.blocks[4].kind == wb::BlockKind::Takeaway);
    REQUIRE(s.reflections.size() == 1);
    CHECK(s.reflections[0].id == "s1.r1");
    CHECK(s.reflections[0].text == "Why?");
    CHECK(c.FindSection("nope") == -1);
}

TEST_CASE("DecodeContent: not JSON") {
    CHECK(DecodeError("").rfind("not valid JSON", 0) == 0);
    CHECK(DecodeError(R"({"format":1,)") ==
          "not valid JSON (byte 13): parse error at line 1, column 13: syntax error while parsing object key - "
          "unexpected end of input; expected string literal");
    CHECK(DecodeError("[1,2]") == "document must be a JSON object");
}

TEST_CASE("DecodeContent: wrong format number") {
    CHECK(DecodeError(Doc("[]", R"("format":2,"title":"T","strings":{})")) == "format: unsupported version 2 (expected 1)");
    CHECK(DecodeError(Doc("[]", R"("format":"1","title":"T","strings":{})")) == "format: must be an integer");
    CHECK(DecodeError(Doc("[]", R"("title":"T","strings":{})")) == "missing \"format\"");
}

TEST_CASE("DecodeContent: wrong types") {
    const std::string ok_section = R"({"id":"a","title":"A","kind":"intro","blocks":[],"reflections":[]})";
    CHECK(DecodeError(Doc("[]", R"("format":1,"title":3,"strings":{})")) == "title: must be a string");
    CHECK(DecodeError(Doc("[]", R"("format":1,"title":"T","strings":{"x":1})")) == "strings.x: must be a string");
    CHECK(DecodeError(Doc("{}")) == "sections: must be an array");
    CHECK(DecodeError(Doc("[" + ok_section + ",5]")) == "sections[1]: must be an object");
    CHECK(DecodeError(Doc(R"([{"id":"a","title":"A","kind":"chapter","blocks":[],"reflections":[]}])")) ==
          "sections[0].kind: must be one of intro,benefit,tip,conclusion");
    CHECK(DecodeError(Doc(R"([{"id":"a","title":"A","kind":"tip","reflections":[]}])")) ==
          "sections[0]: missing \"blocks\"");
    CHECK(DecodeError(Doc("[" + ok_section + "," + ok_section + "]")) == "sections[1].id: duplicate section id \"a\"");
    auto with_block = [&](const std::string& b) {
        return Doc("[" + ok_section + ",{\"id\":\"b\",\"title\":\"B\",\"kind\":\"tip\",\"reflections\":[],\"blocks\":[" +
                   R"({"k":"p","s":[]},{"k":"p","s":[]},)" + b + "]}]");
    };
    CHECK(DecodeError(with_block(R"({"k":"x","s":[]})")) == R"(sections[1].blocks[2]: "k" must be one of h,p,li,q,t)");
    CHECK(DecodeError(with_block(R"({"k":"h","l":1,"s":[]})")) == "sections[1].blocks[2].l: must be an integer 2..4");
    CHECK(DecodeError(with_block(R"({"k":"li","d":1,"s":[]})")) == R"(sections[1].blocks[2]: missing "n")");
    CHECK(DecodeError(with_block(R"({"k":"p","s":[["x"]]})")) ==
          R"(sections[1].blocks[2].s[0]: must be ["text", style] or ["text", style, "link"])");
    CHECK(DecodeError(with_block(R"({"k":"p","s":[["x",8]]})")) == "sections[1].blocks[2].s[0]: style must be an integer 0..7");
    CHECK(DecodeError(with_block(R"({"k":"p","s":[["x",0,7]]})")) == "sections[1].blocks[2].s[0]: link must be a non-empty string");
    CHECK(DecodeError(Doc(R"([{"id":"a","title":"A","kind":"tip","blocks":[],"reflections":[{"id":"a.r1"}]}])")) ==
          R"(sections[0].reflections[0]: missing "text")");
}

//-----------------------------------------------------------------------------
// Quizzes in the real content
//-----------------------------------------------------------------------------

TEST_CASE("content quizzes: one per benefit and tip section, plus the final check") {
    const wb::Content& c = DecodedRealContent();
    const std::vector<std::string> sections = {
        "building-relationships", "learning-from-others", "gaining-visibility", "accessing-hidden-opportunities",
        "be-proactive", "attend-industry-events", "join-professional-organizations", "utilize-social-media",
        "follow-up-and-stay-in-touch", "conclusion"};
    REQUIRE(c.quizzes.size() == sections.size());
    for (size_t i = 0; i < sections.size(); ++i) {
        CAPTURE(sections[i]);
        CHECK(c.quizzes[i].section == sections[i]);  // reading order
        CHECK(c.QuizForSection(sections[i]) == &c.quizzes[i]);
        CHECK(c.FindQuiz(c.quizzes[i].id) == &c.quizzes[i]);
    }
    CHECK(c.QuizForSection("introduction") == nullptr);
    CHECK(c.FindQuiz("nope") == nullptr);

    const wb::Quiz* final_check = c.QuizForSection("conclusion");
    REQUIRE(final_check);
    CHECK(final_check->id == "final-check");
    CHECK(final_check->feedback == wb::FeedbackMode::OnSubmit);
    CHECK(final_check->GradedCount() >= 10);
    // The final check covers every benefit and tip.
    std::set<std::string> cited;
    for (const auto& q : final_check->questions) cited.insert(q.cite);
    for (size_t i = 0; i + 1 < sections.size(); ++i) CHECK_MESSAGE(cited.count(sections[i]), sections[i]);
}

TEST_CASE("content quizzes: every graded question is complete, every kind is used") {
    const wb::Content& c = DecodedRealContent();
    std::set<wb::QuestionKind> kinds;
    std::set<wb::ScoringRule> rules;
    std::set<std::string> ids;
    int graded = 0;
    for (const auto& quiz : c.quizzes) {
        CAPTURE(quiz.id);
        rules.insert(quiz.scoring);
        CHECK(quiz.pass_mark == doctest::Approx(0.8));
        CHECK(quiz.GradedCount() >= 4);
        for (const auto& q : quiz.questions) {
            CAPTURE(q.id);
            kinds.insert(q.kind);
            CHECK(ids.insert(q.id).second);
            CHECK(q.id.rfind(quiz.id + ".", 0) == 0);
            CHECK(q.hash == wb::QuestionHash(q));
            CHECK(q.prompt.size() > 10);
            if (!q.Graded()) continue;
            ++graded;
            CHECK(q.explanation.size() > 20);
            CHECK(c.FindSection(q.cite) >= 0);
            if (q.kind == wb::QuestionKind::Scenario) CHECK(q.scenario.size() > 30);
            if (q.kind == wb::QuestionKind::Ordering) {
                CHECK(q.options.size() >= 3);
                CHECK(q.options.size() <= 5);
                continue;
            }
            int correct = 0;
            for (const auto& o : q.options) {
                correct += o.correct;
                if (!o.correct) CHECK_MESSAGE(o.feedback.size() > 10, o.id);
            }
            CHECK(correct >= 1);
            if (q.kind != wb::QuestionKind::Multiple) CHECK(correct == 1);
        }
    }
    CHECK(graded >= 45);
    CHECK(kinds.size() == 6);
    CHECK(rules.size() == 2);  // some quizzes give partial credit, some do not
}

TEST_CASE("content quizzes: each tip quiz has two self-ratings for its tip and a recommendation") {
    const wb::Content& c = DecodedRealContent();
    std::set<std::string> actions;
    for (const auto& s : c.sections) {
        if (s.kind != wb::SectionKind::Tip) continue;
        CAPTURE(s.id);
        const wb::Quiz* quiz = c.QuizForSection(s.id);
        REQUIRE(quiz);
        int ratings = 0;
        for (const auto& q : quiz->questions)
            if (q.kind == wb::QuestionKind::SelfRating) {
                ++ratings;
                CHECK(q.tip == s.id);
                CHECK_FALSE(q.min_label.empty());
                CHECK_FALSE(q.max_label.empty());
            }
        CHECK(ratings >= 2);
        CHECK_FALSE(quiz->action_text.empty());
        actions.insert(quiz->action);
    }
    // The planner implements these ids: renaming one is a code change.
    CHECK(actions == std::set<std::string>{"weekly-outreach-block", "plan-next-event", "join-an-organization",
                                           "update-profile-weekly", "set-follow-up-rhythm"});
    const std::vector<wb::TipRating> profile = wb::SelfAssessment(c.quizzes, {});
    CHECK(profile.size() == 5);
    CHECK(wb::Recommend(c.quizzes, {}).size() == 3);
}

//-----------------------------------------------------------------------------
// DecodeContent: quizzes
//-----------------------------------------------------------------------------

namespace {

const std::string kQuizSections =
    R"([{"id":"s1","title":"One","kind":"tip","blocks":[],"reflections":[]},)"
    R"({"id":"s2","title":"Two","kind":"benefit","blocks":[],"reflections":[]}])";

std::string QuizDoc(const std::string& quizzes) {
    return R"({"format":1,"title":"T","strings":{},"sections":)" + kQuizSections + R"(,"quizzes":)" + quizzes + "}";
}

const std::string kSingle =
    R"({"id":"z.q1","kind":"single","hash":"0011223344556677","prompt":"P",)"
    R"("options":[{"id":"a","text":"A","correct":true},{"id":"b","text":"B","feedback":"No"}],)"
    R"("explanation":"E","cite":"s2"})";

std::string OneQuiz(const std::string& questions, const std::string& head = R"("id":"z","section":"s1")") {
    return "[{" + head + R"(,"title":"Z","pass_mark":0.75,"feedback":"on_submit","scoring":"partial",)"
                         R"("recommendation":{"action":"act","text":"Do."},"questions":)" + questions + "}]";
}

}  // namespace

TEST_CASE("DecodeContent: quizzes of every kind") {
    const std::string questions =
        "[" + kSingle + "," +
        R"({"id":"z.q2","kind":"ordering","hash":"h","prompt":"O","options":[{"id":"x","text":"X"},{"id":"y","text":"Y"}],)"
        R"("explanation":"E","cite":"s1"},)"
        R"({"id":"z.q3","kind":"scenario","hash":"h","scenario":"S","prompt":"P",)"
        R"("options":[{"id":"a","text":"A","feedback":"No"},{"id":"b","text":"B","correct":true}],"explanation":"E","cite":"s1"},)"
        R"({"id":"z.r1","kind":"self_rating","hash":"h","prompt":"R","tip":"s1","min_label":"Lo","max_label":"Hi","new":1}])";
    wb::ContentResult r = wb::DecodeContent(QuizDoc(OneQuiz(questions)));
    REQUIRE_MESSAGE(r.ok, r.error);
    REQUIRE(r.content.quizzes.size() == 1);
    const wb::Quiz& z = r.content.quizzes[0];
    CHECK(z.id == "z");
    CHECK(z.section == "s1");
    CHECK(z.pass_mark == 0.75);
    CHECK(z.feedback == wb::FeedbackMode::OnSubmit);
    CHECK(z.scoring == wb::ScoringRule::Partial);
    CHECK(z.action == "act");
    CHECK(z.action_text == "Do.");
    REQUIRE(z.questions.size() == 4);
    CHECK(z.GradedCount() == 3);
    const wb::Question& q1 = z.questions[0];
    CHECK(q1.hash == "0011223344556677");
    CHECK(q1.cite == "s2");
    REQUIRE(q1.options.size() == 2);
    CHECK(q1.options[0].correct);
    CHECK_FALSE(q1.options[1].correct);
    CHECK(q1.options[1].feedback == "No");
    CHECK(z.questions[1].kind == wb::QuestionKind::Ordering);
    CHECK(z.questions[2].scenario == "S");
    CHECK(z.questions[3].tip == "s1");
    CHECK(z.questions[3].max_label == "Hi");
    CHECK(z.Find("z.r1") == &z.questions[3]);
    CHECK(r.content.QuizForSection("s1") == &z);

    // No "quizzes" at all is still a valid document.
    wb::ContentResult none = wb::DecodeContent(R"({"format":1,"title":"T","strings":{},"sections":)" + kQuizSections + "}");
    REQUIRE(none.ok);
    CHECK(none.content.quizzes.empty());
}

TEST_CASE("DecodeContent: malformed quizzes") {
    auto error = [](const std::string& quizzes) { return DecodeError(QuizDoc(quizzes)); };
    CHECK(error("{}") == "quizzes: must be an array");
    CHECK(error("[3]") == "quizzes[0]: must be an object");
    CHECK(error(OneQuiz("[" + kSingle + "]", R"("id":"z","section":"s9")")) == R"(quizzes[0].section: unknown section "s9")");
    CHECK(error(OneQuiz("[" + kSingle + "]", R"("section":"s1")")) == R"(quizzes[0]: missing "id")");
    {
        std::string two = OneQuiz("[" + kSingle + "]");
        two = two.substr(0, two.size() - 1) + "," + two.substr(1);
        CHECK(error(two) == R"(quizzes[1].id: duplicate quiz id "z")");
    }
    CHECK(error(OneQuiz("{}")) == "quizzes[0].questions: must be an array");
    CHECK(error(OneQuiz("[" + kSingle + "," + kSingle + "]")) == R"(quizzes[0].questions[1].id: duplicate question id "z.q1")");
    auto with = [](const std::string& from, const std::string& to) {
        std::string q = kSingle;
        q.replace(q.find(from), from.size(), to);
        return OneQuiz("[" + q + "]");
    };
    CHECK(error(with(R"("kind":"single")", R"("kind":"essay")")) ==
          "quizzes[0].questions[0].kind: must be one of single,multiple,true_false,scenario,ordering,self_rating");
    CHECK(error(with(R"("hash":"0011223344556677",)", "")) == R"(quizzes[0].questions[0]: missing "hash")");
    CHECK(error(with(R"("correct":true)", R"("correct":"yes")")) == "quizzes[0].questions[0].options[0].correct: must be true or false");
    CHECK(error(with(R"("correct":true)", R"("correct":false)")) == "quizzes[0].questions[0].options: no correct option");
    CHECK(error(with(R"("feedback":"No")", R"("correct":true)")) == "quizzes[0].questions[0].options: more than one correct option");
    CHECK(error(with(R"({"id":"b","text":"B","feedback":"No"})", R"({"id":"a","text":"B","feedback":"No"})")) ==
          R"(quizzes[0].questions[0].options[1].id: duplicate option id "a")");
    CHECK(error(with(R"("cite":"s2")", R"("cite":"s3")")) == R"(quizzes[0].questions[0].cite: unknown section "s3")");
    CHECK(error(with(R"(,"explanation":"E")", "")) == R"(quizzes[0].questions[0]: missing "explanation")");
    std::string pm = OneQuiz("[" + kSingle + "]");
    pm.replace(pm.find("0.75"), 4, "1.5");
    CHECK(error(pm) == "quizzes[0].pass_mark: must be a number greater than 0 and at most 1");
}
