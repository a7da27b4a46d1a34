// Dates, keys, encodings and content lines shared by the importers and exporters.
#include "core/interchange_internal.h"

#include <algorithm>
#include <cstdio>

namespace wb::planner::interchange_internal {

// --- Dates -------------------------------------------------------------------
// Counted in 400-year eras (146097 days each) with years starting in March, so
// the leap day falls at the end of a year. 64-bit throughout: a fuzzed or
// damaged planner may hold any Day.
Day DaysFromCivil(int y, int m, int d) {
    int64_t year = static_cast<int64_t>(y) - (m <= 2 ? 1 : 0);
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t year_of_era = year - era * 400;
    int64_t month_from_march = m > 2 ? m - 3 : m + 9;
    int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<Day>(era * 146097 + day_of_era - 719468);
}

void CivilFromDays(Day day, int& y, int& m, int& d) {
    int64_t z = static_cast<int64_t>(day) + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t day_of_era = z - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_from_march = (5 * day_of_year + 2) / 153;
    d = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    m = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    y = static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0));
}

bool ValidCivil(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::string IsoDate(Day day) {
    if (day == kNoDay) return "";
    int y, m, d;
    CivilFromDays(day, y, m, d);
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// --- Follow-ups ---------------------------------------------------------------
int CadenceDays(const Contact& c) {
    if (c.cadence_days > 0) return c.cadence_days;
    switch (c.tier) {
        case Tier::Inner: return 30;
        case Tier::Close: return 61;
        case Tier::Active: return 91;
        case Tier::Extended: return 365;
    }
    return 365;
}

// The same rule as planner.cpp's NextFollowUp (to be switched to it at merge):
// last interaction + cadence; a promise (follow_up_by) can only bring it
// earlier, a snooze only push it later. No interactions: no follow-up.
Day NextFollowUpForExport(const Contact& c) {
    Day last = kNoDay;
    for (const Interaction& i : c.log)
        if (i.day != kNoDay && (last == kNoDay || i.day > last)) last = i.day;
    if (last == kNoDay) return kNoDay;
    int64_t due = static_cast<int64_t>(last) + interchange_internal::CadenceDays(c);
    if (c.follow_up_by != kNoDay && c.follow_up_by < due) due = c.follow_up_by;
    if (c.snoozed_until != kNoDay && c.snoozed_until > due) due = c.snoozed_until;
    if (due > INT32_MAX) due = INT32_MAX;
    return static_cast<Day>(due);
}

// --- Text ----------------------------------------------------------------------
std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view TrimView(std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::string CollapseSpaces(std::string_view s) {
    s = TrimView(s);
    bool clean = true;  // the usual case: nothing to collapse, one copy
    for (size_t i = 0; i < s.size() && clean; ++i)
        clean = !IsSpace(s[i]) || (s[i] == ' ' && s[i + 1] != ' ' && !IsSpace(s[i + 1]));
    if (clean) return std::string(s);
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : TrimView(s)) {
        if (IsSpace(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string UrlKey(std::string_view url) {
    std::string_view u = TrimView(url);
    for (std::string_view scheme : {"https://", "http://", "//"}) {
        if (u.size() >= scheme.size() && EqualsNoCase(u.substr(0, scheme.size()), scheme)) {
            u.remove_prefix(scheme.size());
            break;
        }
    }
    size_t host_end = std::min(u.find_first_of("/?#"), u.size());
    std::string_view host = u.substr(0, host_end);
    std::string_view rest = u.substr(host_end);
    rest = rest.substr(0, rest.find_first_of("?#"));
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (host.size() >= 4 && EqualsNoCase(host.substr(0, 4), "www.")) host.remove_prefix(4);
    if (host.empty()) return "";
    // Country pages (uk.linkedin.com/in/x) are the same profile.
    const std::string_view li = ".linkedin.com";
    bool linkedin = EqualsNoCase(host, "linkedin.com");
    if (host.size() > li.size() && EqualsNoCase(host.substr(host.size() - li.size()), li)) {
        host = "linkedin.com";
        linkedin = true;
    }
    std::string key;
    key.reserve(host.size() + rest.size());
    key.append(host);
    key.append(rest);
    size_t lower_end = linkedin ? key.size() : host.size();
    for (size_t i = 0; i < lower_end; ++i)
        if (key[i] >= 'A' && key[i] <= 'Z') key[i] = static_cast<char>(key[i] - 'A' + 'a');
    return key;
}

std::string EmailKey(std::string_view email) { return AsciiLower(TrimView(email)); }

// Length of the well-formed UTF-8 sequence at s[i], or 0 if there is none.
static size_t Utf8SequenceAt(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    if (b < 0x80) return 1;
    size_t len;
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) len = 2, cp = b & 0x1F;
    else if (b >= 0xE0 && b <= 0xEF) len = 3, cp = b & 0x0F;
    else if (b >= 0xF0 && b <= 0xF4) len = 4, cp = b & 0x07;
    else return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

bool IsValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        size_t n = Utf8SequenceAt(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

static void AppendCodePoint(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string Cp1252ToUtf8(std::string_view s) {
    // 0x80..0x9F differ from Latin-1; the five unassigned ones become U+FFFD.
    static const uint16_t kHigh[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        unsigned char b = static_cast<unsigned char>(ch);
        if (b < 0x80) out += ch;
        else if (b < 0xA0) AppendCodePoint(out, kHigh[b - 0x80]);
        else AppendCodePoint(out, b);
    }
    return out;
}

// --- Content lines ------------------------------------------------------------------
std::string EscapeText(std::string_view s, bool escape_semicolon) {
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b >= 0x80) {
            size_t n = Utf8SequenceAt(s, i);
            if (n == 0) {
                out += "\xEF\xBF\xBD";  // a stray byte: U+FFFD keeps the file valid UTF-8
                ++i;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
            continue;
        }
        ++i;
        switch (b) {
            case '\\': out += "\\\\"; break;
            case ';': out += escape_semicolon ? "\\;" : ";"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r':
                if (i < s.size() && s[i] == '\n') ++i;
                out += "\\n";
                break;
            case '\t': out += '\t'; break;
            default:
                if (b >= 0x20 && b != 0x7F) out += static_cast<char>(b);  // other controls are not allowed in TEXT
        }
    }
    return out;
}

void AppendContentLine(std::string& out, std::string_view line) {
    size_t pos = 0;
    size_t limit = 75;  // octets, CRLF not counted; continuation lines spend one on the leading space
    while (line.size() - pos > limit) {
        size_t cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + limit;  // not UTF-8 at all: any cut will do
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        limit = 74;
    }
    out.append(line.substr(pos));
    out += "\r\n";
}

}  // namespace wb::planner::interchange_internal
