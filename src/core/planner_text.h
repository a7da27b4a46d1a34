// The planner's records as words and typed text: the names of tiers and
// stages, and the parsers behind the fields a learner types into (amounts,
// comma lists, optional dates, a cadence in days). Views and exports share them,
// so a tier is spelled one way everywhere and a field accepts the same text
// wherever it appears.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/planner.h"

namespace wb::planner {

const char* TierName(Tier t);    // "Inner", "Close", "Active", "Extended"
const char* StageName(Stage s);  // "Identified", ... "Thank-you sent", "Advocate"

// Cents as "120.00" (no currency: the learner's own).
std::string FormatMoney(int64_t cents);
// "120", "49.5", "1,200.00", "$120", "€ 5": cents; "" is 0. False if the text is
// not an amount (letters, a second point, more than 2 decimals or 12 digits).
bool ParseMoney(std::string_view text, int64_t& cents);

// 29929 -> "29,929".
std::string Grouped(size_t n);
// "Data engineer at Acme", "Acme", "Data engineer" or "": what a contact does, where.
std::string RoleAtCompany(const Contact& c);
// "a, b, c" <-> {"a", "b", "c"}: items trimmed of spaces, empty items dropped.
std::string JoinList(const std::vector<std::string>& items);
std::vector<std::string> SplitList(std::string_view text);

// A date field's text: trimmed; "" is no date (kNoDay); otherwise YYYY-MM-DD.
bool ParseOptionalDay(std::string_view text, Day& out);

// What a learner types into a date field (every date field of the planner).
// Accepted: ISO "2026-12-06" (also "2026-12-6"); "t" or "today" for `today`
// (when today is not kNoDay); and day/month/year with / . or - between them
// ("25/12/2026", "12/25/2026") ONLY when the numbers leave one reading: one of
// the first two is over 12 or both are equal. "6/12/2026" could be 6 December
// or June 12 and is refused: the field asks for the ISO form instead, so no
// locale guess ever changes a date silently.
// Returns false with `error` saying what is wrong and what to type; "" (only
// spaces) is refused as "empty" (callers with an optional date check for it).
bool ParseDateInput(std::string_view text, Day today, Day& out, std::string& error);

// "Keep in touch every N days": "" is 0 (the tier's default); otherwise a
// whole number of at most 4 digits.
bool ParseCadenceDays(std::string_view text, int& days);

}  // namespace wb::planner
