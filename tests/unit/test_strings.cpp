// core/strings.h: the learner-facing text by key, with placeholders and plural forms.
#include <doctest/doctest.h>

#include "core/strings.h"

namespace wbtest {
void LoadRealStrings();  // real_strings.cpp
}

namespace {
wb::UiText Plain(std::string s) {
    wb::UiText t;
    t.text = std::move(s);
    return t;
}
wb::UiText Forms(std::initializer_list<std::pair<wb::PluralForm, std::string>> forms) {
    wb::UiText t;
    t.plural = true;
    for (const auto& [f, s] : forms) t.forms[f] = s;
    return t;
}
// A table for one test (every key empty but the ones given); the real one comes back after it.
struct Table {
    Table(std::initializer_list<std::pair<wb::Key, wb::UiText>> set) {
        std::vector<wb::UiText> t(wb::kStringKeyCount);
        for (const auto& [k, v] : set) t[k.index] = v;
        wb::SetStrings(t);
    }
    ~Table() { wbtest::LoadRealStrings(); }
};
}  // namespace

TEST_CASE("strings: a key is a number fixed at compile time; its text comes from the table") {
    static_assert(wb::Key("contacts.add_contact").index < wb::kStringKeyCount);
    static_assert(wb::Key("app.title").index != wb::Key("contacts.add_contact").index);
    Table t({{wb::Key("contacts.add_contact"), Plain("Kontakt hinzufügen")}});
    CHECK(std::string(wb::Tr("contacts.add_contact")) == "Kontakt hinzufügen");
    CHECK(std::string(wb::Tr("app.title")).empty());  // a key the table lacks shows nothing (contentc refuses such a build)
    // The pointer stays the same across calls (ImGui labels are kept by pointer within a frame).
    CHECK(wb::Tr("contacts.add_contact") == wb::Tr("contacts.add_contact"));
    CHECK(std::string(wb::TrId("contacts.add_contact", "add")) == "Kontakt hinzufügen##add");
}

TEST_CASE("strings: the real table is the chapter's (the unit tests read it as the app does)") {
    CHECK(std::string(wb::Tr("app.title")) == "Networking Workbook");
    CHECK(wb::TrN("count.contacts", 1) == "1 contact");
    CHECK(wb::TrN("count.contacts", 30000) == "30,000 contacts");
}

TEST_CASE("strings: placeholders are filled by name, in any order; unknown braces stay") {
    Table t({{wb::Key("planner.saved_to"), Plain("Saved {what} to {file}.")}, {wb::Key("app.title"), Plain("{file} {file} {nope} {")}});
    CHECK(wb::TrF("planner.saved_to", {{"file", "a.ics"}, {"what", "3 events"}}) == "Saved 3 events to a.ics.");
    CHECK(wb::TrF("app.title", {{"file", "x"}}) == "x x {nope} {");
    // A value that looks like a placeholder is not filled again.
    CHECK(wb::TrF("planner.saved_to", {{"what", "{file}"}, {"file", "f"}}) == "Saved {file} to f.");
}

TEST_CASE("strings: plural forms follow the table's rule; {n} is grouped by its separator") {
    {
        Table en({{wb::Key("plural.rule"), Plain("en")}, {wb::Key("number.group"), Plain(",")},
                  {wb::Key("count.events"), Forms({{wb::kOne, "{n} person"}, {wb::kOther, "{n} people"}})},
                  {wb::Key("map.summary"), Forms({{wb::kOther, "{n} in {where}"}})},
                  {wb::Key("app.title"), Plain("{n} plain")}});
        CHECK(wb::TrN("count.events", 1) == "1 person");
        CHECK(wb::TrN("count.events", 0) == "0 people");
        CHECK(wb::TrN("count.events", 30000) == "30,000 people");
        CHECK(wb::TrN("map.summary", 1, {{"where", "view"}}) == "1 in view");  // only "other": used for every count
        CHECK(wb::TrN("app.title", 2) == "2 plain");  // a plain string takes {n} too
        CHECK(std::string(wb::Tr("count.events")) == "{n} people");  // Tr of a plural string: its "other"
    }
    Table ru({{wb::Key("plural.rule"), Plain("ru")}, {wb::Key("number.group"), Plain("\xC2\xA0")},
              {wb::Key("count.events"),
               Forms({{wb::kOne, "{n} файл"}, {wb::kFew, "{n} файла"}, {wb::kMany, "{n} файлов"}, {wb::kOther, "{n} файла"}})}});
    CHECK(wb::TrN("count.events", 1) == "1 файл");
    CHECK(wb::TrN("count.events", 3) == "3 файла");
    CHECK(wb::TrN("count.events", 11) == "11 файлов");
    CHECK(wb::TrN("count.events", 21) == "21 файл");
    CHECK(wb::TrN("count.events", 1024) == "1\xC2\xA0" "024 файла");
}

TEST_CASE("strings: CLDR categories of the rules the workbook knows") {
    CHECK(wb::PluralCategory("en", 1) == wb::kOne);
    CHECK(wb::PluralCategory("en", 0) == wb::kOther);
    CHECK(wb::PluralCategory("fr", 0) == wb::kOne);
    CHECK(wb::PluralCategory("ja", 1) == wb::kOther);
    CHECK(wb::PluralCategory("pl", 22) == wb::kFew);
    CHECK(wb::PluralCategory("pl", 25) == wb::kMany);
    CHECK(wb::PluralCategory("pl", 21) == wb::kMany);
    CHECK(wb::PluralCategory("ru", 21) == wb::kOne);
    CHECK(wb::PluralCategory("ar", 0) == wb::kZero);
    CHECK(wb::PluralCategory("ar", 2) == wb::kTwo);
    CHECK(wb::PluralCategory("ar", 105) == wb::kFew);
    CHECK(wb::PluralCategory("ar", 111) == wb::kMany);
    CHECK(wb::PluralCategory("ar", 100) == wb::kOther);
    CHECK(wb::PluralCategory("unknown", 1) == wb::kOne);  // English's rule when none is named
    CHECK(std::string(wb::PluralFormName(wb::kFew)) == "few");
}
