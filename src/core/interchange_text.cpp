// Dates, keys, encodings and content lines shared by the importers and exporters.
#include "core/interchange_internal.h"
#include "core/utf8.h"

#include <algorithm>
#include <cstdio>

namespace wb::planner::interchange_internal {

// --- Dates -------------------------------------------------------------------
bool ValidCivil(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// --- Text ----------------------------------------------------------------------
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
        key[i] = AsciiLower(key[i]);
    return key;
}

std::string EmailKey(std::string_view email) { return AsciiLower(TrimView(email)); }

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
        else if (b < 0xA0) AppendUtf8(out, kHigh[b - 0x80]);
        else AppendUtf8(out, b);
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
