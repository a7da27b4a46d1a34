#include "core/planner_text.h"
#include "core/strings.h"
#include "core/text.h"

#include <cstdio>

namespace wb::planner {

const char* TierName(Tier t) {
    switch (t) {
        case Tier::Inner: return Tr("triage.inner");
        case Tier::Close: return Tr("common.close");
        case Tier::Active: return Tr("triage.active");
        case Tier::Extended: return Tr("triage.extended");
        case Tier::None: return Tr("text.no_tier");
    }
    return "";
}

const char* StageName(Stage s) {
    switch (s) {
        case Stage::Identified: return Tr("text.identified");
        case Stage::Contacted: return Tr("text.contacted");
        case Stage::Replied: return Tr("text.replied");
        case Stage::Met: return Tr("text.met");
        case Stage::ThankYouSent: return Tr("text.thank_you_sent");
        case Stage::Advocate: return Tr("text.advocate");
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

std::string RoleAtCompany(const Contact& c) {
    if (c.company.empty()) return c.role;
    return c.role.empty() ? c.company : TrF("text.role_at_company", {{"role", c.role}, {"company", c.company}});
}

std::string Grouped(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
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

namespace {
// Keys into content/strings.json (read with Tr when a message is made).
const Key kMonthNames[12] = {Key("date.january"), Key("date.february"), Key("date.march"),     Key("date.april"),
                                     Key("date.may"),     Key("date.june"),     Key("date.july"),      Key("date.august"),
                                     Key("date.september"), Key("date.october"), Key("date.november"), Key("date.december")};
int DaysInMonth(int y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}
// Digits only, 1..max_len of them.
bool Number(std::string_view s, size_t max_len, int& v) {
    if (s.empty() || s.size() > max_len) return false;
    v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    return true;
}
}  // namespace

bool ParseDateInput(std::string_view text, Day today, Day& out, std::string& error) {
    size_t a = text.find_first_not_of(" \t"), b = text.find_last_not_of(" \t");
    if (a == std::string_view::npos) {
        error = today != kNoDay ? Tr("text.date_empty_or_today") : Tr("text.date_empty");
        return false;
    }
    const std::string_view t = text.substr(a, b - a + 1);
    const std::string quoted = "\"" + std::string(t.substr(0, 40)) + "\"";
    const std::string how = TrF(today != kNoDay ? Key("text.date_how_or_today") : Key("text.date_how"),
                                {{"example", today != kNoDay ? FormatDay(today) : std::string("2026-12-06")}});
    auto says = [&](Key key, std::initializer_list<TextArg> more = {}) {
        std::string s = FillPlaceholders(Tr(key), more);
        return FillPlaceholders(s, {{"typed", quoted}, {"how", how}});
    };
    // The words for today ("t|today"), in any case.
    if (today != kNoDay)
        for (std::string_view words = Tr("text.today_words"); !words.empty();) {
            const size_t bar = std::min(words.find('|'), words.size());
            if (!words.substr(0, bar).empty() && EqualsNoCase(t, words.substr(0, bar))) {
                out = today;
                return true;
            }
            words.remove_prefix(std::min(bar + 1, words.size()));
        }
    // Three numbers separated by one kind of separator.
    char sep = 0;
    for (char c : t)
        if (c == '-' || c == '/' || c == '.') {
            sep = c;
            break;
        }
    std::string_view parts[3];
    size_t n = 0, start = 0;
    bool shape = sep != 0;
    for (size_t i = 0; shape && i <= t.size(); ++i) {
        if (i == t.size() || t[i] == sep) {
            if (n == 3) shape = false;
            else parts[n++] = t.substr(start, i - start);
            start = i + 1;
        } else if (t[i] < '0' || t[i] > '9') {
            shape = false;
        }
    }
    if (!shape || n != 3) {
        error = says(Key("text.not_a_date"));
        return false;
    }
    int y = 0, m = 0, d = 0;
    if (parts[0].size() == 4) {  // ISO order: year first
        if (!Number(parts[0], 4, y) || !Number(parts[1], 2, m) || !Number(parts[2], 2, d)) {
            error = says(Key("text.not_a_date"));
            return false;
        }
    } else {
        int p0 = 0, p1 = 0;
        if (!Number(parts[0], 2, p0) || !Number(parts[1], 2, p1) || parts[2].size() != 4 || !Number(parts[2], 4, y)) {
            error = says(Key("text.not_a_date"));
            return false;
        }
        if (p0 > 12 && p1 <= 12) d = p0, m = p1;
        else if (p1 > 12 && p0 <= 12) m = p0, d = p1;
        else if (p0 == p1) d = m = p0;
        else if (p0 > 12 && p1 > 12) {
            error = says(Key("text.date_no_month_either"), {{"a", std::to_string(p0)}, {"b", std::to_string(p1)}});
            return false;
        } else {
            char a_iso[32], b_iso[32];  // room for any int, so no truncation warning
            std::snprintf(a_iso, sizeof a_iso, "%04d-%02d-%02d", y, p1, p0);
            std::snprintf(b_iso, sizeof b_iso, "%04d-%02d-%02d", y, p0, p1);
            error = says(Key("text.date_ambiguous"), {{"a", std::to_string(p0)}, {"month_b", Tr(kMonthNames[p1 - 1])},
                                                 {"month_a", Tr(kMonthNames[p0 - 1])}, {"b", std::to_string(p1)},
                                                 {"iso_a", a_iso}, {"iso_b", b_iso}});
            return false;
        }
    }
    if (y < 1) {
        error = says(Key("text.date_year_zero"));
        return false;
    }
    if (m < 1 || m > 12) {
        error = says(Key("text.date_no_such_month"), {{"month", std::to_string(m)}});
        return false;
    }
    if (d < 1 || d > DaysInMonth(y, m)) {
        error = says(Key("text.date_no_such_day"), {{"month", Tr(kMonthNames[m - 1])}, {"year", std::to_string(y)},
                                               {"days", std::to_string(DaysInMonth(y, m))}});
        return false;
    }
    const Day day = DayFromYmd(y, m, d);
    if (day == kNoDay) {  // 1970-01-01 is the "no date" value
        error = says(Key("text.date_too_long_ago"));
        return false;
    }
    out = day;
    return true;
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
