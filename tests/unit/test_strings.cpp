// core/strings.h: the learner-facing text by key, with placeholders and plural forms.
#include <doctest/doctest.h>

#include "core/strings.h"

namespace wbtest {
void LoadRealStrings();  // real_strings.cpp
}

namespace {
struct Table {  // a table for one test; the real one comes back after it
    Table(std::initializer_list<std::pair<std::string, std::string>> t) { wb::SetStrings({t.begin(), t.end()}); }
    ~Table() { wbtest::LoadRealStrings(); }
};
}  // namespace

TEST_CASE("strings: a key gives its text; a missing key shows itself") {
    Table t({{"contacts.add", "Add contact"}});
    CHECK(std::string(wb::Tr("contacts.add")) == "Add contact");
    CHECK(std::string(wb::Tr("contacts.gone")) == "contacts.gone");
    CHECK(wb::HasString("contacts.add"));
    CHECK_FALSE(wb::HasString("contacts.gone"));
    // The pointer stays valid and the same across calls (ImGui labels are kept by pointer within a frame).
    CHECK(wb::Tr("contacts.add") == wb::Tr("contacts.add"));
    CHECK(std::string(wb::TrId("contacts.add", "add")) == "Add contact##add");
}

TEST_CASE("strings: placeholders are filled by name, in any order; unknown braces stay") {
    Table t({{"saved", "Saved {what} to {file}."}, {"odd", "{file} {file} {nope} {"}});
    CHECK(wb::TrF("saved", {{"file", "a.ics"}, {"what", "3 events"}}) == "Saved 3 events to a.ics.");
    CHECK(wb::TrF("odd", {{"file", "x"}}) == "x x {nope} {");
    // A value that looks like a placeholder is not filled again.
    CHECK(wb::TrF("saved", {{"what", "{file}"}, {"file", "f"}}) == "Saved {file} to f.");
}

TEST_CASE("strings: plural forms follow the table's rule; {n} is grouped") {
    Table en({{"people|one", "{n} person"}, {"people|other", "{n} people"}, {"in|other", "{n} in {where}"}});
    CHECK(wb::TrN("people", 1) == "1 person");
    CHECK(wb::TrN("people", 0) == "0 people");
    CHECK(wb::TrN("people", 30000) == "30,000 people");
    CHECK(wb::TrN("in", 1, {{"where", "view"}}) == "1 in view");  // only "other": used for every count
    CHECK(wb::TrN("nothing", 2) == "nothing");

    Table ru({{"plural.rule", "ru"}, {"number.group", "\xC2\xA0"}, {"files|one", "{n} файл"},
              {"files|few", "{n} файла"}, {"files|many", "{n} файлов"}, {"files|other", "{n} файла"}});
    CHECK(wb::TrN("files", 1) == "1 файл");
    CHECK(wb::TrN("files", 3) == "3 файла");
    CHECK(wb::TrN("files", 11) == "11 файлов");
    CHECK(wb::TrN("files", 21) == "21 файл");
    CHECK(wb::TrN("files", 1024) == "1\xC2\xA0" "024 файла");
}

TEST_CASE("strings: CLDR categories of the rules the workbook knows") {
    CHECK(std::string(wb::PluralCategory("en", 1)) == "one");
    CHECK(std::string(wb::PluralCategory("en", 0)) == "other");
    CHECK(std::string(wb::PluralCategory("fr", 0)) == "one");
    CHECK(std::string(wb::PluralCategory("ja", 1)) == "other");
    CHECK(std::string(wb::PluralCategory("pl", 22)) == "few");
    CHECK(std::string(wb::PluralCategory("pl", 25)) == "many");
    CHECK(std::string(wb::PluralCategory("ar", 0)) == "zero");
    CHECK(std::string(wb::PluralCategory("ar", 2)) == "two");
    CHECK(std::string(wb::PluralCategory("ar", 105)) == "few");
    CHECK(std::string(wb::PluralCategory("ar", 111)) == "many");
    CHECK(std::string(wb::PluralCategory("ar", 100)) == "other");
    CHECK(std::string(wb::PluralCategory("unknown", 1)) == "one");  // English's rule when none is named
}
