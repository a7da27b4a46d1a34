// Helpers shared by the importers and exporters (interchange_*.cpp). Private to
// them: the planner's own date functions live in planner.cpp, and these carry
// different names so the two never clash.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/planner.h"

namespace wb::planner::interchange_internal {

// Proleptic Gregorian calendar <-> days since 1970-01-01.
Day DaysFromCivil(int y, int m, int d);
void CivilFromDays(Day day, int& y, int& m, int& d);
bool ValidCivil(int y, int m, int d);
std::string IsoDate(Day day);  // "2026-11-26"

// Tier cadence, and each contact's next follow-up as the export uses it.
int CadenceDays(const Contact& c);
Day NextFollowUpForExport(const Contact& c);

// ASCII-only case folding (names and headers are compared this way).
std::string AsciiLower(std::string_view s);
bool EqualsNoCase(std::string_view a, std::string_view b);
std::string_view TrimView(std::string_view s);
// Trims, and collapses runs of spaces/tabs/newlines to one space.
std::string CollapseSpaces(std::string_view s);

// Keys that decide "is this the same person": a profile URL without scheme,
// "www.", query, fragment or trailing slash, host lowercased (LinkedIn paths
// too: their profile slugs ignore case); an e-mail lowercased.
std::string UrlKey(std::string_view url);
std::string EmailKey(std::string_view email);

// True when text is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);
// Windows-1252 (what Excel saves on many systems) to UTF-8.
std::string Cp1252ToUtf8(std::string_view s);

// RFC 5545 / 6350 content lines: TEXT escaping and folding at 75 octets (never
// inside a UTF-8 sequence), each line ending in CRLF.
// vCard 4.0 escapes ';' only in compound values (N, ORG): escape_semicolon = false elsewhere.
std::string EscapeText(std::string_view s, bool escape_semicolon = true);
void AppendContentLine(std::string& out, std::string_view line);

}  // namespace wb::planner::interchange_internal
