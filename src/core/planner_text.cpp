#include "core/planner_text.h"

#include <cstdio>

namespace wb::planner {

const char* TierName(Tier t) {
    switch (t) {
        case Tier::Inner: return "Inner";
        case Tier::Close: return "Close";
        case Tier::Active: return "Active";
        case Tier::Extended: return "Extended";
    }
    return "";
}

const char* StageName(Stage s) {
    switch (s) {
        case Stage::Identified: return "Identified";
        case Stage::Contacted: return "Contacted";
        case Stage::Replied: return "Replied";
        case Stage::Met: return "Met";
        case Stage::ThankYouSent: return "Thank-you sent";
        case Stage::Advocate: return "Advocate";
    }
    return "";
}

std::string FormatMoney(int64_t cents) {
    char b[32];
    std::snprintf(b, sizeof b, "%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
    return b;
}

bool ParseMoney(std::string_view text, int64_t& cents) {
    int64_t whole = 0, frac = 0;
    int frac_digits = -1, digits = 0;
    for (char ch : text) {
        // Grouping commas and currency signs are skipped: $, and € (E2 82 AC) byte by byte.
        if (ch == ' ' || ch == ',' || ch == '$' || ch == '\xE2' || ch == '\x82' || ch == '\xAC') continue;
        if (ch == '.') {
            if (frac_digits >= 0) return false;
            frac_digits = 0;
        } else if (ch >= '0' && ch <= '9') {
            if (frac_digits >= 0) {
                if (++frac_digits > 2) return false;
                frac = frac * 10 + (ch - '0');
            } else {
                if (++digits > 12) return false;
                whole = whole * 10 + (ch - '0');
            }
        } else {
            return false;
        }
    }
    if (digits == 0 && frac_digits <= 0) {
        if (text.find_first_not_of(' ') != std::string_view::npos) return false;  // only signs or a lone point
        cents = 0;
        return true;
    }
    if (frac_digits == 1) frac *= 10;
    cents = whole * 100 + frac;
    return true;
}

std::string JoinList(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& i : items) {
        if (!s.empty()) s += ", ";
        s += i;
    }
    return s;
}

std::vector<std::string> SplitList(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view item = text.substr(start, end - start);
        size_t a = item.find_first_not_of(' '), b = item.find_last_not_of(' ');
        if (a != std::string_view::npos) out.emplace_back(item.substr(a, b - a + 1));
        start = end + 1;
    }
    return out;
}

bool ParseOptionalDay(std::string_view text, Day& out) {
    size_t a = text.find_first_not_of(' '), b = text.find_last_not_of(' ');
    if (a == std::string_view::npos) {
        out = kNoDay;
        return true;
    }
    return ParseDay(text.substr(a, b - a + 1), out);
}

bool ParseCadenceDays(std::string_view text, int& days) {
    days = 0;
    if (text.empty()) return true;
    if (text.size() > 4) return false;
    for (char ch : text) {
        if (ch < '0' || ch > '9') return false;
        days = days * 10 + (ch - '0');
    }
    return true;
}

}  // namespace wb::planner
