// Names read out of reflection answers for the planner (core/reflection_names.h),
// from answers written the ways learners write them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reflection_names.h"
#include "core/strings.h"

namespace {

const wb::NameCues kEnglish{" and ", "Hi|Hello|Hey|Dear|To|For|Re", "My|Our|The|A|An|I|Maybe|Also"};

std::vector<std::string> Names(std::string_view answer, wb::ReflectionPlanner kind = wb::ReflectionPlanner::Contacts,
                               const wb::NameCues& cues = kEnglish) {
    std::vector<std::string> out;
    for (const wb::NamedInReflection& n : wb::NamedIn(answer, kind, cues)) out.push_back(n.name);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("reflection names: one person a line, with why after a dash, colon or bracket") {
    CHECK(Names("1. Maria Lopez - she runs the QA guild at work\n"
                "2. Tom Chen: hires testers for the Leeds office\n"
                "3. Aiko Tanaka (my mentor from university)") == V{"Maria Lopez", "Tom Chen", "Aiko Tanaka"});
    CHECK(Names("- Maria Lopez \xE2\x80\x93 runs the guild\n* Tom Chen\n\n\xE2\x80\xA2 Aiko Tanaka") ==
          V{"Maria Lopez", "Tom Chen", "Aiko Tanaka"});
    // The why is kept with each name: the line it was named on.
    auto named = wb::NamedIn("Maria Lopez - she runs the QA guild\nTom Chen", wb::ReflectionPlanner::Contacts, kEnglish);
    REQUIRE(named.size() == 2);
    CHECK(named[0].context == "Maria Lopez - she runs the QA guild");
    CHECK(named[1].context == "");
}

TEST_CASE("reflection names: several on a line, by commas, semicolons and the language's and") {
    CHECK(Names("Maria Lopez, Tom Chen and Aiko Tanaka") == V{"Maria Lopez", "Tom Chen", "Aiko Tanaka"});
    CHECK(Names("Maria Lopez; Tom Chen; Aiko Tanaka.") == V{"Maria Lopez", "Tom Chen", "Aiko Tanaka"});
    CHECK(Names("Maria Lopez, Tom Chen - both hire testers") == V{"Maria Lopez", "Tom Chen"});
    CHECK(Names("Marie Curie, Paul Martin et Lucie Bernard", wb::ReflectionPlanner::Contacts, {" et ", "Bonjour|Cher", "Mon|Ma|Peut-être"}) ==
          V{"Marie Curie", "Paul Martin", "Lucie Bernard"});
}

TEST_CASE("reflection names: inside sentences, a run of capitalized words; a sentence's first word alone is not a name") {
    CHECK(Names("A senior QA role in health tech. I could tell Maria Lopez, Tom Chen and Aiko Tanaka.") ==
          V{"Maria Lopez", "Tom Chen", "Aiko Tanaka"});
    CHECK(Names("Maria Lopez because she organizes the QA meetups") == V{"Maria Lopez"});
    CHECK(Names("My old manager Tom") == V{"Tom"});
    CHECK(Names("Anyone who works on contract testing would help.") == V{});
    CHECK(Names("Ludwig van Beethoven and Ana de la Cruz") == V{"Ludwig van Beethoven", "Ana de la Cruz"});
    CHECK(Names("the QA guild, my manager") == V{});  // an acronym and lower-case words are not people
}

TEST_CASE("reflection names: a drafted message names whom it greets, not what it mentions") {
    CHECK(Names("Hi Dana, I enjoyed your talk at TestBash. Would you have ten minutes next week to tell me how "
                "your team started contract testing?") == V{"Dana"});
    CHECK(Names("To: Dana Whitfield (QA lead at Acme)\nHi Dana,\nI enjoyed your talk at TestBash.") == V{"Dana Whitfield", "Dana"});
    CHECK(Names("Dear Dr Priya Raman,\nThank you for the workshop in Lisbon.") == V{"Dr Priya Raman"});
}

TEST_CASE("reflection names: other scripts, with case and without") {
    CHECK(Names("Мария Иванова, Олег Петров") == V{"Мария Иванова", "Олег Петров"});
    CHECK(Names("Γιώργος Παπαδόπουλος - συνάδελφος") == V{"Γιώργος Παπαδόπουλος"});
    CHECK(Names("Łukasz Nowak i Żaneta Wójcik", wb::ReflectionPlanner::Contacts, {" i ", "", ""}) ==
          V{"Łukasz Nowak", "Żaneta Wójcik"});
    CHECK(Names("王伟、李娜\n佐藤 健 — 前の同僚") == V{"王伟", "李娜", "佐藤 健"});
    CHECK(Names("محمد علي - زميل سابق") == V{"محمد علي"});
    // Long clauses with no case to go by name nobody; a short clause is taken for a name (the learner unticks it).
    CHECK(Names("我想联系我以前在上海工作时认识的那位测试经理，因为她知道很多关于招聘的事情") == V{});
    CHECK(Names("王伟，她人很好") == V{"王伟", "她人很好"});
}

TEST_CASE("reflection names: each person once, at most the limit, and nothing from an empty answer") {
    CHECK(Names("Maria Lopez\nmaria lopez\nMARÍA LÓPEZ, Tom Chen") == V{"Maria Lopez", "Tom Chen"});
    std::string many;
    for (int i = 0; i < 30; ++i) many += "Person Number" + std::string(1, char('a' + i % 26)) + std::to_string(i) + "\n";
    CHECK(wb::NamedIn(many, wb::ReflectionPlanner::Contacts, kEnglish).size() == wb::kMaxNamedInReflection);
    CHECK(Names("") == V{});
    CHECK(Names("   \n\n  ") == V{});
    CHECK(Names("Maria Lopez", wb::ReflectionPlanner::None) == V{});
}

TEST_CASE("reflection names: an event or an organization is the first line's name; the rest says why") {
    auto ev = wb::NamedIn("TestBash Brighton in March - I want to meet two speakers and learn about contract testing.",
                          wb::ReflectionPlanner::Event, kEnglish);
    REQUIRE(ev.size() == 1);
    CHECK(ev[0].name == "TestBash Brighton in March");
    CHECK(ev[0].context == "I want to meet two speakers and learn about contract testing");
    CHECK(Names("I could join the Association for Software Testing and help with their newsletter.",
                wb::ReflectionPlanner::Organization) == V{"Association for Software Testing"});
    auto org = wb::NamedIn("IEEE Computer Society: I could review papers for the local chapter.",
                           wb::ReflectionPlanner::Organization, kEnglish);
    REQUIRE(org.size() == 1);
    CHECK(org[0].name == "IEEE Computer Society");
    CHECK(org[0].context == "I could review papers for the local chapter");
    CHECK(Names("the local ISTQB chapter\nI could give a talk", wb::ReflectionPlanner::Organization) ==
          V{"local ISTQB chapter"});
    CHECK(Names("Not sure yet, maybe something local.", wb::ReflectionPlanner::Event) == V{});
    CHECK(Names("日本ソフトウェアテスト技術者協会：勉強会の運営を手伝う", wb::ReflectionPlanner::Organization) ==
          V{"日本ソフトウェアテスト技術者協会"});
}

TEST_CASE("reflection names: the planner's names are held by key, per kind of record") {
    wb::planner::Planner p;
    wb::planner::Contact c;
    c.name = "María López";
    wb::planner::AddContact(p, c, wb::Rev{1, "t"});
    wb::planner::Event e;
    e.name = "TestBash";
    wb::planner::AddEvent(p, e, wb::Rev{1, "t"});
    const wb::HeldNames held = wb::HeldNamesOf(p);
    CHECK(held.Holds(wb::ReflectionPlanner::Contacts, "maria lopez"));
    CHECK(held.Holds(wb::ReflectionPlanner::Contacts, "MARÍA LÓPEZ"));
    CHECK_FALSE(held.Holds(wb::ReflectionPlanner::Contacts, "Maria Lopes"));
    CHECK(held.Holds(wb::ReflectionPlanner::Event, "testbash"));
    CHECK_FALSE(held.Holds(wb::ReflectionPlanner::Organization, "TestBash"));  // an event, not an organization
    CHECK_FALSE(held.Holds(wb::ReflectionPlanner::Contacts, "TestBash"));
}

TEST_CASE("reflection names: the workbook's own words (strings.json) read an English answer") {
    const wb::NameCues cues{wb::Tr("list.last_separator"), wb::Tr("reflection.lead_words"), wb::Tr("reflection.filler_words")};
    CHECK(wb::NamedIn("Hi Dana, thanks again.", wb::ReflectionPlanner::Contacts, cues).at(0).name == "Dana");
    CHECK(wb::NamedIn("My old manager Tom", wb::ReflectionPlanner::Contacts, cues).at(0).name == "Tom");
    CHECK(wb::NamedIn("Maria Lopez and Tom Chen", wb::ReflectionPlanner::Contacts, cues).size() == 2);
}
