// Tests for the chapter content: the real content/ directory (compiled: see
// tests/support/real_chapter.h; that it compiles cleanly is test_contentc.cpp's)
// round-trips through wb::DecodeContent, and the decoder rejects malformed
// documents with a precise error. Then the binary encoding (content.bin, what
// the module embeds): it decodes to exactly the JSON's Content, and truncated,
// corrupt or hand-broken bytes fail cleanly with a precise error.
#include <doctest/doctest.h>

#include <map>

#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "../support/real_chapter.h"
#include "core/content.h"
#include "core/quiz.h"

#ifndef WB_SOURCE_DIR
#error "WB_SOURCE_DIR (the repository root, as a string literal) must be defined by the build"
#endif

namespace {

const wbtest::RealChapter& RealContent() { return wbtest::CompiledRealChapter(); }

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

TEST_CASE("content: the prompts that ask for people, an event or an organization offer them to the planner") {
    const wb::Content& c = DecodedRealContent();
    std::map<std::string, wb::ReflectionPlanner> tagged;
    for (const auto& s : c.sections)
        for (const auto& r : s.reflections)
            if (r.planner != wb::ReflectionPlanner::None) tagged[r.id] = r.planner;
    using P = wb::ReflectionPlanner;
    CHECK(tagged == std::map<std::string, P>{{"building-relationships.r1", P::Contacts},
                                             {"learning-from-others.r1", P::Contacts},
                                             {"accessing-hidden-opportunities.r1", P::Contacts},
                                             {"be-proactive.r1", P::Contacts},
                                             {"attend-industry-events.r1", P::Event},
                                             {"join-professional-organizations.r1", P::Organization},
                                             {"utilize-social-media.r2", P::Contacts},
                                             {"follow-up-and-stay-in-touch.r1", P::Contacts}});
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

TEST_CASE("content: UI strings, one per key the code uses, in its order") {
    const wb::ContentResult decoded = wb::DecodeContentBinary(RealContent().bin);
    REQUIRE_MESSAGE(decoded.ok, decoded.error);
    const wb::Content& c = decoded.content;
    REQUIRE(c.texts.size() == wb::kStringKeyCount);
    CHECK(c.texts[wb::Key("app.title").index].text == "Networking Workbook");
    CHECK(c.texts[wb::Key("nav.next").index].text == "Next section");
    CHECK(c.texts[wb::Key("status.not_started").index].text == "Not started");
    CHECK(c.texts[wb::Key("search.placeholder").index].text == "Search the chapter and your answers");
    const wb::UiText& contacts = c.texts[wb::Key("count.contacts").index];
    CHECK(contacts.plural);
    CHECK(contacts.forms[wb::kOne] == "{n} contact");
    CHECK(contacts.forms[wb::kOther] == "{n} contacts");
    CHECK(contacts.forms[wb::kFew].empty());
    // Every key has its text (contentc refuses a chapter that lacks one).
    for (unsigned i = 0; i < wb::kStringKeyCount; ++i)
        CHECK_MESSAGE(!(c.texts[i].plural ? c.texts[i].forms[wb::kOther] : c.texts[i].text).empty(), wb::kStringKeys[i]);
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
    CHECK(c.strings == std::vector<std::pair<std::string, std::string>>{{"a", "b"}});
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
    CHECK(DecodeError(Doc(R"([{"id":"a","title":"A","kind":"tip","blocks":[],"reflections":[{"id":"a.r1","text":"T","planner":"people"}]}])")) ==
          "sections[0].reflections[0].planner: must be one of contacts,event,organization");
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

TEST_CASE("content quizzes: ticking every option of a multiple select earns nothing, under either scoring rule") {
    const wb::Content& c = DecodedRealContent();
    int checked = 0;
    for (const auto& quiz : c.quizzes)
        for (const auto& q : quiz.questions) {
            if (q.kind != wb::QuestionKind::Multiple) continue;
            CAPTURE(q.id);
            wb::Response all;
            for (const auto& o : q.options) all.chosen.push_back(o.id);
            all.hash = q.hash;
            CHECK(wb::GradeQuestion(q, wb::ScoringRule::Partial, &all).score == 0);
            CHECK(wb::GradeQuestion(q, wb::ScoringRule::AllOrNothing, &all).score == 0);
            // ...while the right set alone earns full marks.
            wb::Response right;
            for (const auto& o : q.options)
                if (o.correct) right.chosen.push_back(o.id);
            right.hash = q.hash;
            CHECK(wb::GradeQuestion(q, quiz.scoring, &right).score == 1);
            ++checked;
        }
    CHECK(checked >= 8);
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

//-----------------------------------------------------------------------------
// The binary encoding (content.bin): DecodeContentBinary
//-----------------------------------------------------------------------------

namespace {

// Field by field, every field of the model: the path of the first difference,
// or "" when a and b are equal. (Written out rather than operator==, so a
// failure says where, and a field added to the model must be added here.)
std::string Diff(const wb::Content& a, const wb::Content& b) {
    auto idx = [](const std::string& p, size_t i) { return p + "[" + std::to_string(i) + "]"; };
#define WB_DIFF(field, where) \
    if (!(x.field == y.field)) return where + std::string("." #field)
    {
        const auto& x = a;
        const auto& y = b;
        const std::string where = "content";
        WB_DIFF(title, where);
        WB_DIFF(texts.size(), where);
        WB_DIFF(sections.size(), where);
        WB_DIFF(quizzes.size(), where);
    }
    // The binary carries the UI texts (by the code's key order), not the JSON's named strings.
    for (size_t i = 0; i < a.texts.size(); ++i) {
        const auto& x = a.texts[i];
        const auto& y = b.texts[i];
        const std::string where = idx("texts", i);
        WB_DIFF(text, where);
        WB_DIFF(plural, where);
        for (int f = 0; f < wb::kPluralForms; ++f) WB_DIFF(forms[f], where);
    }
    for (size_t i = 0; i < a.sections.size(); ++i) {
        const std::string sw = idx("sections", i);
        {
            const auto& x = a.sections[i];
            const auto& y = b.sections[i];
            WB_DIFF(id, sw);
            WB_DIFF(title, sw);
            WB_DIFF(kind, sw);
            WB_DIFF(blocks.size(), sw);
            WB_DIFF(reflections.size(), sw);
        }
        for (size_t j = 0; j < a.sections[i].blocks.size(); ++j) {
            const std::string bw = idx(sw + ".blocks", j);
            const auto& x = a.sections[i].blocks[j];
            const auto& y = b.sections[i].blocks[j];
            WB_DIFF(kind, bw);
            WB_DIFF(level, bw);
            WB_DIFF(list_depth, bw);
            WB_DIFF(ordinal, bw);
            WB_DIFF(spans.size(), bw);
            for (size_t k = 0; k < x.spans.size(); ++k) {
                const std::string spw = idx(bw + ".spans", k);
                const auto& xs = x.spans[k];
                const auto& ys = y.spans[k];
                if (xs.text != ys.text) return spw + ".text";
                if (xs.style != ys.style) return spw + ".style";
                if (xs.link != ys.link) return spw + ".link";
            }
        }
        for (size_t j = 0; j < a.sections[i].reflections.size(); ++j) {
            const std::string rw = idx(sw + ".reflections", j);
            const auto& x = a.sections[i].reflections[j];
            const auto& y = b.sections[i].reflections[j];
            WB_DIFF(id, rw);
            WB_DIFF(text, rw);
            WB_DIFF(planner, rw);
        }
    }
    for (size_t i = 0; i < a.quizzes.size(); ++i) {
        const std::string qw = idx("quizzes", i);
        {
            const auto& x = a.quizzes[i];
            const auto& y = b.quizzes[i];
            WB_DIFF(id, qw);
            WB_DIFF(section, qw);
            WB_DIFF(title, qw);
            WB_DIFF(pass_mark, qw);
            WB_DIFF(feedback, qw);
            WB_DIFF(scoring, qw);
            WB_DIFF(action, qw);
            WB_DIFF(action_text, qw);
            WB_DIFF(questions.size(), qw);
        }
        for (size_t j = 0; j < a.quizzes[i].questions.size(); ++j) {
            const std::string uw = idx(qw + ".questions", j);
            const auto& x = a.quizzes[i].questions[j];
            const auto& y = b.quizzes[i].questions[j];
            WB_DIFF(id, uw);
            WB_DIFF(kind, uw);
            WB_DIFF(scenario, uw);
            WB_DIFF(prompt, uw);
            WB_DIFF(explanation, uw);
            WB_DIFF(cite, uw);
            WB_DIFF(tip, uw);
            WB_DIFF(min_label, uw);
            WB_DIFF(max_label, uw);
            WB_DIFF(hash, uw);
            WB_DIFF(options.size(), uw);
            for (size_t k = 0; k < x.options.size(); ++k) {
                const std::string ow = idx(uw + ".options", k);
                const auto& xo = x.options[k];
                const auto& yo = y.options[k];
                if (xo.id != yo.id) return ow + ".id";
                if (xo.text != yo.text) return ow + ".text";
                if (xo.correct != yo.correct) return ow + ".correct";
                if (xo.feedback != yo.feedback) return ow + ".feedback";
            }
        }
    }
#undef WB_DIFF
    return "";
}

const std::string& RealBin() {
    REQUIRE(RealContent().ok);
    return RealContent().bin;
}

// Decodes bytes from a heap buffer of exactly their size, so a read past the
// end is a heap overflow that AddressSanitizer reports.
wb::ContentResult DecodeExact(const std::string& bytes, size_t size) {
    std::unique_ptr<char[]> buf(new char[size ? size : 1]);
    if (size) std::memcpy(buf.get(), bytes.data(), size);
    return wb::DecodeContentBinary(std::string_view(buf.get(), size));
}

std::string BinError(const std::string& bytes) {
    wb::ContentResult r = DecodeExact(bytes, bytes.size());
    CHECK_FALSE(r.ok);
    CHECK(r.content.sections.empty());
    CHECK(r.content.quizzes.empty());
    return r.error;
}

// A small document with one section of every kind of block and a quiz with
// every kind of question, from JSON (so it holds what the JSON can hold).
wb::Content SmallContent() {
    const std::string questions =
        "[" + kSingle + "," +
        R"({"id":"z.q2","kind":"ordering","hash":"h","prompt":"O","options":[{"id":"x","text":"X"},{"id":"y","text":"Y"}],)"
        R"("explanation":"E","cite":"s1"},)"
        R"({"id":"z.q3","kind":"scenario","hash":"h","scenario":"S","prompt":"P",)"
        R"("options":[{"id":"a","text":"A","feedback":"No"},{"id":"b","text":"B","correct":true}],"explanation":"E","cite":"s1"},)"
        R"({"id":"z.q4","kind":"multiple","hash":"h","prompt":"M","options":[{"id":"a","text":"A","correct":true},)"
        R"({"id":"b","text":"B","correct":true},{"id":"c","text":"C","feedback":"No"}],"explanation":"E","cite":"s2"},)"
        R"({"id":"z.q5","kind":"true_false","hash":"h","prompt":"T","options":[{"id":"true","text":"True","correct":true},)"
        R"({"id":"false","text":"False","feedback":"No"}],"explanation":"E","cite":"s2"},)"
        R"({"id":"z.r1","kind":"self_rating","hash":"h","prompt":"R","tip":"s1","min_label":"Lo","max_label":"Hi"}])";
    const std::string sections =
        R"([{"id":"s1","title":"One","kind":"tip","blocks":[)"
        R"({"k":"h","l":3,"s":[["Head",0]]},)"
        R"({"k":"p","s":[["a ",0],["b",1],["c",6,"#/read/s2"],["\u00e9\u2014 long enough to need the heap",4,"https://example.com/x"]]},)"
        R"({"k":"li","d":2,"n":300,"s":[["item",0]]},)"
        R"({"k":"q","s":[["quote",0]]},{"k":"t","s":[["take",2]]},{"k":"p","s":[]}],)"
        R"("reflections":[{"id":"s1.r1","text":"Why?"},{"id":"s1.r2","text":"Who?","planner":"contacts"},)"
        R"({"id":"s1.r3","text":"Where?","planner":"event"},{"id":"s1.r4","text":"Which?","planner":"organization"}]},)"
        R"({"id":"s2","title":"Two","kind":"benefit","blocks":[],"reflections":[]},)"
        R"({"id":"s3","title":"Three","kind":"intro","blocks":[],"reflections":[]},)"
        R"({"id":"s4","title":"Four","kind":"conclusion","blocks":[],"reflections":[]}])";
    const std::string quizzes =
        OneQuiz(questions).substr(0, OneQuiz(questions).size() - 1) +
        R"(,{"id":"y","section":"s2","title":"Y","pass_mark":1,"feedback":"immediate","scoring":"all_or_nothing","questions":[]}])";
    const std::string json = R"({"format":1,"title":"T","strings":{"a":"b","k":"","":"empty key"},"sections":)" +
                             sections + R"(,"quizzes":)" + quizzes + "}";
    wb::ContentResult r = wb::DecodeContent(json);
    REQUIRE_MESSAGE(r.ok, r.error);
    r.content.texts.resize(3);
    r.content.texts[0].text = "b";
    r.content.texts[1].plural = true;
    r.content.texts[1].forms[wb::kOne] = "{n} one";
    r.content.texts[1].forms[wb::kOther] = "{n} others";
    r.content.texts[2].text = "";
    return r.content;
}

// splitmix64: a fixed sequence, so a failure reproduces.
struct Rng {
    uint64_t s;
    uint64_t Next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

}  // namespace

TEST_CASE("content.bin: the real chapter decodes to exactly the Content its JSON decodes to") {
    const std::string& bin = RealBin();
    REQUIRE(bin.size() > 6);
    CHECK(bin.compare(0, 6, std::string("WBCB\x04\x00", 6)) == 0);
    CHECK(bin.size() < RealContent().json.size());
    const wb::ContentResult r = DecodeExact(bin, bin.size());
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.error.empty());
    // The JSON names its strings; the binary has them by the code's key order (checked above).
    wb::Content from_json = DecodedRealContent();
    REQUIRE(r.content.texts.size() == wb::kStringKeyCount);
    from_json.texts = r.content.texts;
    CHECK(Diff(from_json, r.content) == "");
    // quiz.h's own operator== agrees.
    CHECK(r.content.quizzes == DecodedRealContent().quizzes);
    // Encoding is stable: what was decoded encodes to the same bytes.
    CHECK(wb::EncodeContentBinary(r.content) == bin);
    CHECK(wb::EncodeContentBinary(from_json) == bin);
}

TEST_CASE("content.bin: Diff notices a change in every field") {
    const wb::Content base = SmallContent();
    REQUIRE(Diff(base, base) == "");
    using M = void (*)(wb::Content&);
    const std::vector<std::pair<std::string, M>> mutations = {
        {"content.title", [](wb::Content& c) { c.title += "!"; }},
        {"texts[0].text", [](wb::Content& c) { c.texts[0].text += "!"; }},
        {"texts[1].forms[f]", [](wb::Content& c) { c.texts[1].forms[wb::kOne] += "!"; }},
        {"texts[1].plural", [](wb::Content& c) { c.texts[1].plural = false; }},
        {"content.texts.size()", [](wb::Content& c) { c.texts.pop_back(); }},
        {"sections[0].id", [](wb::Content& c) { c.sections[0].id += "!"; }},
        {"sections[0].title", [](wb::Content& c) { c.sections[0].title += "!"; }},
        {"sections[0].kind", [](wb::Content& c) { c.sections[0].kind = wb::SectionKind::Intro; }},
        {"sections[0].blocks[0].kind", [](wb::Content& c) { c.sections[0].blocks[0].kind = wb::BlockKind::Quote; }},
        {"sections[0].blocks[0].level", [](wb::Content& c) { c.sections[0].blocks[0].level = 4; }},
        {"sections[0].blocks[2].list_depth", [](wb::Content& c) { c.sections[0].blocks[2].list_depth = 1; }},
        {"sections[0].blocks[2].ordinal", [](wb::Content& c) { c.sections[0].blocks[2].ordinal = 1; }},
        {"sections[0].blocks[1].spans.size()", [](wb::Content& c) { c.sections[0].blocks[1].spans.pop_back(); }},
        {"sections[0].blocks[1].spans[1].text", [](wb::Content& c) { c.sections[0].blocks[1].spans[1].text += "!"; }},
        {"sections[0].blocks[1].spans[1].style", [](wb::Content& c) { c.sections[0].blocks[1].spans[1].style = 2; }},
        {"sections[0].blocks[1].spans[2].link", [](wb::Content& c) { c.sections[0].blocks[1].spans[2].link += "!"; }},
        {"sections[0].reflections[1].id", [](wb::Content& c) { c.sections[0].reflections[1].id += "!"; }},
        {"sections[0].reflections[1].text", [](wb::Content& c) { c.sections[0].reflections[1].text += "!"; }},
        {"sections[0].reflections[1].planner", [](wb::Content& c) { c.sections[0].reflections[1].planner = wb::ReflectionPlanner::Event; }},
        {"quizzes[0].id", [](wb::Content& c) { c.quizzes[0].id += "!"; }},
        {"quizzes[0].section", [](wb::Content& c) { c.quizzes[0].section += "!"; }},
        {"quizzes[0].title", [](wb::Content& c) { c.quizzes[0].title += "!"; }},
        {"quizzes[0].pass_mark", [](wb::Content& c) { c.quizzes[0].pass_mark = 0.5; }},
        {"quizzes[0].feedback", [](wb::Content& c) { c.quizzes[0].feedback = wb::FeedbackMode::Immediate; }},
        {"quizzes[0].scoring", [](wb::Content& c) { c.quizzes[0].scoring = wb::ScoringRule::AllOrNothing; }},
        {"quizzes[0].action", [](wb::Content& c) { c.quizzes[0].action += "!"; }},
        {"quizzes[0].action_text", [](wb::Content& c) { c.quizzes[0].action_text += "!"; }},
        {"quizzes[0].questions[0].id", [](wb::Content& c) { c.quizzes[0].questions[0].id += "!"; }},
        {"quizzes[0].questions[0].kind", [](wb::Content& c) { c.quizzes[0].questions[0].kind = wb::QuestionKind::Multiple; }},
        {"quizzes[0].questions[2].scenario", [](wb::Content& c) { c.quizzes[0].questions[2].scenario += "!"; }},
        {"quizzes[0].questions[0].prompt", [](wb::Content& c) { c.quizzes[0].questions[0].prompt += "!"; }},
        {"quizzes[0].questions[0].explanation", [](wb::Content& c) { c.quizzes[0].questions[0].explanation += "!"; }},
        {"quizzes[0].questions[0].cite", [](wb::Content& c) { c.quizzes[0].questions[0].cite += "!"; }},
        {"quizzes[0].questions[5].tip", [](wb::Content& c) { c.quizzes[0].questions[5].tip += "!"; }},
        {"quizzes[0].questions[5].min_label", [](wb::Content& c) { c.quizzes[0].questions[5].min_label += "!"; }},
        {"quizzes[0].questions[5].max_label", [](wb::Content& c) { c.quizzes[0].questions[5].max_label += "!"; }},
        {"quizzes[0].questions[0].hash", [](wb::Content& c) { c.quizzes[0].questions[0].hash += "!"; }},
        {"quizzes[0].questions[0].options[1].id", [](wb::Content& c) { c.quizzes[0].questions[0].options[1].id += "!"; }},
        {"quizzes[0].questions[0].options[1].text", [](wb::Content& c) { c.quizzes[0].questions[0].options[1].text += "!"; }},
        {"quizzes[0].questions[0].options[1].correct", [](wb::Content& c) { c.quizzes[0].questions[0].options[1].correct = true; }},
        {"quizzes[0].questions[0].options[1].feedback", [](wb::Content& c) { c.quizzes[0].questions[0].options[1].feedback += "!"; }},
    };
    for (const auto& m : mutations) {
        wb::Content changed = base;
        m.second(changed);
        CHECK(Diff(base, changed) == m.first);
    }
}

TEST_CASE("content.bin: every kind of block, span, question and quiz round-trips") {
    const wb::Content c = SmallContent();
    const std::string bin = wb::EncodeContentBinary(c);
    const wb::ContentResult r = DecodeExact(bin, bin.size());
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(Diff(c, r.content) == "");
    CHECK(r.content.quizzes.size() == 2);
    CHECK(r.content.quizzes[1].action.empty());  // no recommendation stays none
    CHECK(r.content.sections[0].blocks[2].ordinal == 300);  // a two-byte varint

    // The smallest document: no strings, sections, quizzes or completion rule.
    const std::string empty = wb::EncodeContentBinary(wb::Content{});
    CHECK(empty == std::string("WBCB\x04\x00\x00\x00\x00\x00\x00\x00", 12));
    CHECK(wb::DecodeContentBinary(empty).ok);
}

TEST_CASE("content.bin: header errors") {
    const std::string& bin = RealBin();
    CHECK(BinError("") == "content.bin: bad magic (not a compiled chapter)");
    CHECK(BinError(RealContent().json) == "content.bin: bad magic (not a compiled chapter)");
    std::string bad = bin;
    bad[0] = 'X';
    CHECK(BinError(bad) == "content.bin: bad magic (not a compiled chapter)");
    bad = bin;
    bad[4] = 3;
    CHECK(BinError(bad) == "content.bin: format version 3, this build reads 4");
    bad[4] = 0;
    bad[5] = 1;
    CHECK(BinError(bad) == "content.bin: format version 256, this build reads 4");
    CHECK(BinError("WB") == "content.bin: truncated in the header");
    CHECK(BinError("WBCB\x01") == "content.bin: truncated in the header");
    CHECK(BinError(bin + '\0') == "content.bin: 1 unexpected bytes after the end of the document");
}

TEST_CASE("content.bin: every truncation of the real chapter fails cleanly, saying where") {
    const std::string& bin = RealBin();
    // Every prefix near both ends, and every 7th in between (each prefix
    // decodes up to its end, so all of them would be quadratic).
    size_t tried = 0, bad = 0;
    std::string first_bad;
    for (size_t n = 0; n < bin.size(); n += (n < 4096 || n + 4096 > bin.size()) ? 1 : 7) {
        ++tried;
        const wb::ContentResult r = DecodeExact(bin, n);
        const char* expect = n == 0 ? "content.bin: bad magic" : "content.bin: truncated in ";
        if (r.ok || r.error.rfind(expect, 0) != 0 || !r.content.sections.empty() || !r.content.quizzes.empty() ||
            !r.content.strings.empty() || !r.content.title.empty()) {
            if (!bad++) first_bad = std::to_string(n) + " bytes: " + (r.ok ? "decoded" : r.error);
        }
    }
    CHECK_MESSAGE(bad == 0, first_bad);
    CHECK(tried > 10000);

    // Where, precisely: cut inside a block's span, and inside a quiz's question.
    wb::Content c = SmallContent();
    std::string small = wb::EncodeContentBinary(c);
    const size_t in_span = small.find("take");
    REQUIRE(in_span != std::string::npos);
    CHECK(BinError(small.substr(0, in_span + 2)) == "content.bin: truncated in sections[0].blocks[4].spans[0]");
    // A cut so early that the declared sections cannot fit says so.
    CHECK(BinError(small.substr(0, small.find("One") - 3)).rfind("content.bin: truncated in sections (4 declared, ", 0) == 0);
    const size_t in_option = small.find("Hi");  // z.r1's max label, the last question of quizzes[0]
    REQUIRE(in_option != std::string::npos);
    CHECK(BinError(small.substr(0, in_option + 1)) == "content.bin: truncated in quizzes[0].questions[5]");
    CHECK(BinError(small.substr(0, 7)) == "content.bin: truncated in title");
}

TEST_CASE("content.bin: a count larger than the bytes left is refused before allocating") {
    // Header, empty title, then 2^32-1 strings.
    const std::string huge = std::string("WBCB\x04\x00\x00", 7) + "\xFF\xFF\xFF\xFF\x0F";
    CHECK(BinError(huge) == "content.bin: truncated in texts (4294967295 declared, 0 bytes left)");
    // A varint longer than 32 bits.
    CHECK(BinError(std::string("WBCB\x04\x00\xFF\xFF\xFF\xFF\x1F", 11)) == "content.bin: title: number does not fit in 32 bits");
}

TEST_CASE("content.bin: what the JSON decoder refuses, the binary decoder refuses too") {
    const wb::Content base = SmallContent();
    auto error = [&](void (*change)(wb::Content&)) {
        wb::Content c = base;
        change(c);
        return BinError(wb::EncodeContentBinary(c));
    };
    CHECK(error([](wb::Content& c) { c.sections[1].id = "s1"; }) == R"(content.bin: sections[1].id: duplicate section id "s1")");
    CHECK(error([](wb::Content& c) { c.sections[1].title.clear(); }) == "content.bin: sections[1].title: must be a non-empty string");
    CHECK(error([](wb::Content& c) { c.sections[0].blocks[0].level = 5; }) ==
          "content.bin: sections[0].blocks[0].level: must be an integer 2..4, not 5");
    CHECK(error([](wb::Content& c) { c.sections[0].blocks[2].list_depth = 0; }) ==
          "content.bin: sections[0].blocks[2].depth: must be an integer 1..255");
    CHECK(error([](wb::Content& c) { c.sections[0].reflections[1].text.clear(); }) ==
          "content.bin: sections[0].reflections[1].text: must be a non-empty string");
    CHECK(error([](wb::Content& c) { c.quizzes[1].id = "z"; }) == R"(content.bin: quizzes[1].id: duplicate quiz id "z")");
    CHECK(error([](wb::Content& c) { c.quizzes[1].section = "s1"; }) ==
          R"(content.bin: quizzes[1].section: section "s1" already has a quiz)");
    CHECK(error([](wb::Content& c) { c.quizzes[0].section = "s9"; }) == R"(content.bin: quizzes[0].section: unknown section "s9")");
    CHECK(error([](wb::Content& c) { c.quizzes[0].pass_mark = 1.5; }) ==
          "content.bin: quizzes[0].pass_mark: must be a number greater than 0 and at most 1");
    CHECK(error([](wb::Content& c) { c.quizzes[0].action_text.clear(); }) ==
          "content.bin: quizzes[0].recommendation: needs both an action and a text, or neither");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[1].id = "z.q1"; }) ==
          R"(content.bin: quizzes[0].questions[1].id: duplicate question id "z.q1")");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[0].hash.clear(); }) ==
          "content.bin: quizzes[0].questions[0].hash: must be a non-empty string");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[0].cite = "s9"; }) ==
          R"(content.bin: quizzes[0].questions[0].cite: unknown section "s9")");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[5].tip = "s9"; }) ==
          R"(content.bin: quizzes[0].questions[5].tip: unknown section "s9")");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[2].scenario.clear(); }) ==
          "content.bin: quizzes[0].questions[2].scenario: must be a non-empty string");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[0].options.pop_back(); }) ==
          "content.bin: quizzes[0].questions[0].options: must hold at least 2 options");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[0].options[0].correct = false; }) ==
          "content.bin: quizzes[0].questions[0].options: no correct option");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[0].options[1].correct = true; }) ==
          "content.bin: quizzes[0].questions[0].options: more than one correct option");
    CHECK(error([](wb::Content& c) { c.quizzes[0].questions[0].options[1].id = "a"; }) ==
          R"(content.bin: quizzes[0].questions[0].options[1].id: duplicate option id "a")");

    // Bytes no writer makes: enum values out of range, unknown flag bits.
    const std::string bin = wb::EncodeContentBinary(base);
    auto patched = [&](const std::string& marker, ptrdiff_t offset, char value) {
        const size_t at = bin.find(marker);
        REQUIRE(at != std::string::npos);
        std::string b = bin;
        b[size_t(ptrdiff_t(at) + offset)] = value;
        return BinError(b);
    };
    // Section s1: "\x02s1\x03One" then kind; its first block's kind, level, then the span's flags.
    CHECK(patched(std::string("\x03One", 4), 4, 9) ==
          "content.bin: sections[0].kind: must be one of intro,benefit,tip,conclusion (0..3), not 9");
    CHECK(patched(std::string("\x03One", 4), 6, 5) ==
          "content.bin: sections[0].blocks[0].kind: must be one of heading,paragraph,list item,quote,takeaway (0..4), not 5");
    CHECK(patched(std::string("\x04Head", 5), -1, 0x08) ==
          "content.bin: sections[0].blocks[0].spans[0]: style flags must be 0..7, plus 128 for a link; not 8");
    CHECK(patched(std::string("\x04z.q1", 5), 5, 6) ==
          "content.bin: quizzes[0].questions[0].kind: must be one of single,multiple,true_false,scenario,ordering,self_rating "
          "(0..5), not 6");
}

TEST_CASE("content.bin: random corruption never crashes and never passes a broken model") {
    const std::string& bin = RealBin();
    Rng rng{20240611};
    int decoded = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string b = bin;
        const int flips = 1 + int(rng.Next() % 4);
        for (int f = 0; f < flips; ++f) {
            // Half of the flips land in the first 2 KB, where the structure is densest.
            const size_t span = (rng.Next() & 1) ? b.size() : std::min<size_t>(b.size(), 2048);
            b[rng.Next() % span] ^= char(1 + rng.Next() % 255);
        }
        if (i % 10 == 0) b.resize(rng.Next() % b.size());  // and some cut short as well
        const wb::ContentResult r = DecodeExact(b, b.size());
        if (!r.ok) {
            if (r.error.rfind("content.bin: ", 0) != 0) FAIL_CHECK("error without the prefix: " << r.error);
            continue;
        }
        // A flip inside text can leave a valid document: it must then be a
        // model the decoder stands behind, i.e. one that re-encodes to the same bytes.
        ++decoded;
        if (wb::EncodeContentBinary(r.content) != b) FAIL_CHECK("decoded, but re-encodes differently (iteration " << i << ")");
    }
    MESSAGE("random corruption: " << decoded << " of 3000 still decoded (flips inside text)");
}
