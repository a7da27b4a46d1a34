// The learner-facing text: every label, message and announcement the workbook
// shows comes from content/strings.json (compiled with the chapter), by key, so
// a course author can reword or translate the whole workbook without C++.
//
//   Tr(key)                             -> "Add contact"
//   TrF(key, {{"file", name}})          -> "Saved 3 contacts to {file}." with {file} filled in
//   TrN(key, n)                         -> "1 contact" / "30,000 contacts" ({n} = n, grouped)
//   TrId(key, "add")                    -> "Add contact##add" (an ImGui label with a stable id)
//
// A plural string is an object in strings.json, {"one": "...", "other": "..."};
// which forms a language has is named by the key "plural.rule" (en, fr, ja, ru,
// pl, ar: CLDR's cardinal rules). A missing key shows the key itself: a gap is
// visible but harmless (and `contentc` reports it at build time).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wb {

using TextArg = std::pair<std::string_view, std::string_view>;  // {placeholder, value}

// Replaces the table (at start, from the compiled content). Plural forms come
// flattened as "key|one", "key|other", ... Pointers handed out earlier dangle.
void SetStrings(const std::vector<std::pair<std::string, std::string>>& table);
bool HasString(std::string_view key);

const char* Tr(std::string_view key);  // stable until the next SetStrings
std::string TrF(std::string_view key, std::initializer_list<TextArg> args);
std::string TrN(std::string_view key, long long n, std::initializer_list<TextArg> args = {});
const char* TrId(std::string_view key, std::string_view id);  // "text##id", stable until the next SetStrings

// "{name}" -> value for each arg; other braces are left as written.
std::string FillPlaceholders(std::string_view text, std::initializer_list<TextArg> args);
// The CLDR category ("zero", "one", "two", "few", "many", "other") of n under a rule name.
const char* PluralCategory(std::string_view rule, long long n);
// n with thousands grouped by the separator in "number.group" (default ",").
std::string GroupedNumber(long long n);

}  // namespace wb
