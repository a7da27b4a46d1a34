// The planner's calendar dates (declared in planner.h). Apart from the rest of
// the planner because the whole workbook uses them (today's date, the results
// page): on the web, the rest of the planner's code arrives after the first frame.
//
#include <cstdio>

#include "core/planner.h"

namespace wb::planner {

// Counted in 400-year eras (146097 days each) of years that start on 1 March,
// so the leap day is the last day of its year and month lengths follow a fixed
// 153-days-per-5-months pattern. 719468 = days from 0000-03-01 to 1970-01-01.
// 64-bit inside: a damaged or fuzzed file may hold any Day or year, and int
// arithmetic near the limits would overflow.
Day DayFromYmd(int y, int m, int d) {
    const int64_t year = m <= 2 ? int64_t{y} - 1 : int64_t{y};
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int64_t year_of_era = year - era * 400;                  // 0..399
    const int64_t month_from_march = m > 2 ? m - 3 : m + 9;        // 0..11
    const int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<Day>(era * 146097 + day_of_era - 719468);
}

void YmdFromDay(Day day, int& y, int& m, int& d) {
    const int64_t z = int64_t{day} + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t day_of_era = z - era * 146097;  // 0..146096
    const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int64_t month_from_march = (5 * day_of_year + 2) / 153;
    d = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    m = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    y = static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0));
}

std::string FormatDay(Day day) {
    if (day == kNoDay) return "";
    int y, m, d;
    YmdFromDay(day, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Strict "YYYY-MM-DD" (years 0001..9999, a real calendar day). 1970-01-01 is
// day 0, which means "no date", so it is refused rather than silently lost.
bool ParseDay(std::string_view t, Day& out) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    auto num = [&](size_t from, size_t len, int& v) {
        v = 0;
        for (size_t i = from; i < from + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            v = v * 10 + (t[i] - '0');
        }
        return true;
    };
    int y, m, d;
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
    Day day = DayFromYmd(y, m, d);
    if (day == kNoDay) return false;
    out = day;
    return true;
}

// 1970-01-01 was a Thursday (3 when Monday is 0).
int Weekday(Day day) { return ((day + 3) % 7 + 7) % 7; }
Day WeekStart(Day day) { return day - Weekday(day); }

}  // namespace wb::planner
