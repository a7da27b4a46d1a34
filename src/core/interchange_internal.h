// Helpers shared by the importers and exporters (interchange_*.cpp). Dates and
// follow-ups come from planner.h (DayFromYmd, FormatDay, NextFollowUp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/planner.h"
#include "core/text.h"

namespace wb::planner::interchange_internal {

// A real calendar date (the planner's DayFromYmd accepts any numbers).
bool ValidCivil(int y, int m, int d);

// ASCII-only case folding (names and headers are compared this way).
using wb::AsciiLower;
using wb::EqualsNoCase;
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
