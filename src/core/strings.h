// The learner-facing text: every label, message and announcement the workbook
// shows comes from content/strings.json (compiled with the chapter), by key, so
// a course author can reword or translate the whole workbook without C++.
//
//   Tr("contacts.add_contact")             -> "Add contact"
//   TrF("planner.saved_to", {{"file", f}}) -> "Saved {what} to {file}." with {file} filled in
//   TrN("count.contacts", n)               -> "1 contact" / "30,000 contacts" ({n} = n, grouped)
//   TrId("contacts.add_contact", "add")    -> "Add contact##add" (an ImGui label with a stable id)
//
// A key is a string literal turned into a number at compile time (Key): the
// module carries neither the keys nor the English. The list of keys is made by
// the build from the code (scripts/string-keys.py -> string_keys.h); contentc
// writes the strings in that order and reports a key strings.json lacks. A key
// kept for later (a table of labels) is written Key("...").
//
// A plural string is an object in strings.json, {"one": "...", "other": "..."};
// which forms a language has is named by the key "plural.rule" (en, fr, ja, ru,
// pl, ar: CLDR's cardinal rules).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "string_keys.h"  // generated: wb::kStringKeys, sorted

namespace wb {

void StringKeyNotListed();  // never defined: calling it at compile time is the error

struct Key {
    uint16_t index;
    consteval Key(const char* key) : index(Find(key)) {}

private:
    static consteval uint16_t Find(std::string_view key) {
        unsigned lo = 0, hi = kStringKeyCount;
        while (lo < hi) {
            const unsigned mid = (lo + hi) / 2;
            if (kStringKeys[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        if (lo == kStringKeyCount || kStringKeys[lo] != key) StringKeyNotListed();
        return static_cast<uint16_t>(lo);
    }
};

// One key's text: a plain string, or plural forms.
enum PluralForm : uint8_t { kZero, kOne, kTwo, kFew, kMany, kOther, kPluralForms };
struct UiText {
    std::string text;                       // a plain string ("" when the key has plural forms)
    std::string forms[kPluralForms];        // plural forms; "" = the language has no such form
    bool plural = false;
    bool operator==(const UiText&) const = default;
};

using TextArg = std::pair<std::string_view, std::string_view>;  // {placeholder, value}

// Replaces the table (at start, from the compiled chapter): one UiText per key,
// in kStringKeys order. Pointers handed out earlier dangle.
void SetStrings(const std::vector<UiText>& table);

const char* Tr(Key key);  // stable until the next SetStrings
std::string TrF(Key key, std::initializer_list<TextArg> args);
std::string TrN(Key key, long long n, std::initializer_list<TextArg> args = {});
const char* TrId(Key key, std::string_view id);  // "text##id", stable until the next SetStrings

// "{name}" -> value for each arg; other braces are left as written.
std::string FillPlaceholders(std::string_view text, std::initializer_list<TextArg> args);
// The CLDR category of n under a rule name ("en", "fr", "ja", "ru", "pl", "ar").
PluralForm PluralCategory(std::string_view rule, long long n);
const char* PluralFormName(PluralForm f);  // "zero", ... "other"
// n with thousands grouped by the separator in "number.group".
std::string GroupedNumber(long long n);
// "a, b and c", in the workbook's words: list.separator between items, list.last_separator before the last
// (planner_text.h JoinList is the editable "a, b, c" of tags and roles).
std::string ListInWords(const std::vector<std::string>& items);

}  // namespace wb
