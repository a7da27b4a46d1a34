// The planner's words and typed-text parsers (core/planner_text.h), and the
// shared ASCII folding and UTF-8 encoding (core/text.h, core/utf8.h).
#include <doctest/doctest.h>

#include "core/planner_text.h"
#include "core/text.h"
#include "core/utf8.h"

namespace pl = wb::planner;

TEST_CASE("planner text: tiers and stages have one name each") {
    CHECK(std::string(pl::TierName(pl::Tier::Inner)) == "Inner");
    CHECK(std::string(pl::TierName(pl::Tier::Extended)) == "Extended");
    CHECK(std::string(pl::StageName(pl::Stage::ThankYouSent)) == "Thank-you sent");
    CHECK(std::string(pl::StageName(pl::Stage::Advocate)) == "Advocate");
}

TEST_CASE("planner text: amounts are read with grouping and currency signs, and written with two decimals") {
    int64_t c = -1;
    CHECK(pl::ParseMoney("120", c));
    CHECK(c == 12000);
    CHECK(pl::ParseMoney("49.5", c));
    CHECK(c == 4950);
    CHECK(pl::ParseMoney("1,249.50", c));
    CHECK(c == 124950);
    CHECK(pl::ParseMoney("$120", c));
    CHECK(c == 12000);
    CHECK(pl::ParseMoney("\xE2\x82\xAC 5", c));
    CHECK(c == 500);
    CHECK(pl::ParseMoney("", c));
    CHECK(c == 0);
    CHECK(pl::ParseMoney("  ", c));
    CHECK(c == 0);
    c = 7;
    CHECK_FALSE(pl::ParseMoney("about 12", c));
    CHECK_FALSE(pl::ParseMoney("1.2.3", c));
    CHECK_FALSE(pl::ParseMoney("1.234", c));
    CHECK_FALSE(pl::ParseMoney("1234567890123", c));  // 13 digits
    CHECK_FALSE(pl::ParseMoney("$", c));
    CHECK(c == 7);  // untouched when refused
    CHECK(pl::FormatMoney(124950) == "1249.50");
    CHECK(pl::FormatMoney(5) == "0.05");
    CHECK(pl::ParseMoney(pl::FormatMoney(98765), c));
    CHECK(c == 98765);
}

TEST_CASE("planner text: comma lists are trimmed and drop empty items") {
    using V = std::vector<std::string>;
    CHECK(pl::SplitList("volunteer, committee member") == V{"volunteer", "committee member"});
    CHECK(pl::SplitList(" a ,, b ,") == V{"a", "b"});
    CHECK(pl::SplitList("").empty());
    CHECK(pl::SplitList("  ").empty());
    CHECK(pl::JoinList(V{"a", "b c"}) == "a, b c");
    CHECK(pl::Grouped(0) == "0");
    CHECK(pl::Grouped(999) == "999");
    CHECK(pl::Grouped(1000) == "1,000");
    CHECK(pl::Grouped(29929) == "29,929");
    CHECK(pl::Grouped(1234567) == "1,234,567");
    pl::Contact c;
    CHECK(pl::RoleAtCompany(c).empty());
    c.company = "Acme";
    CHECK(pl::RoleAtCompany(c) == "Acme");
    c.role = "Data engineer";
    CHECK(pl::RoleAtCompany(c) == "Data engineer at Acme");
    c.company.clear();
    CHECK(pl::RoleAtCompany(c) == "Data engineer");
    CHECK(pl::JoinList(V{}).empty());
    V tags{"mentor", "data team"};
    CHECK(pl::SplitList(pl::JoinList(tags)) == tags);
}

TEST_CASE("planner text: an optional date is empty or YYYY-MM-DD, spaces around it ignored") {
    pl::Day d = 0;
    CHECK(pl::ParseOptionalDay("", d));
    CHECK(d == pl::kNoDay);
    CHECK(pl::ParseOptionalDay("   ", d));
    CHECK(d == pl::kNoDay);
    CHECK(pl::ParseOptionalDay(" 2026-12-10 ", d));
    CHECK(d == pl::DayFromYmd(2026, 12, 10));
    CHECK_FALSE(pl::ParseOptionalDay("2026-13-40", d));
    CHECK_FALSE(pl::ParseOptionalDay("tomorrow", d));
}

TEST_CASE("planner text: a cadence is empty (the tier's) or a whole number of up to 4 digits") {
    int days = -1;
    CHECK(pl::ParseCadenceDays("", days));
    CHECK(days == 0);
    CHECK(pl::ParseCadenceDays("45", days));
    CHECK(days == 45);
    CHECK(pl::ParseCadenceDays("9999", days));
    CHECK(days == 9999);
    CHECK_FALSE(pl::ParseCadenceDays("10000", days));
    CHECK_FALSE(pl::ParseCadenceDays("abc", days));
    CHECK_FALSE(pl::ParseCadenceDays("-3", days));
    CHECK_FALSE(pl::ParseCadenceDays("4.5", days));
}

TEST_CASE("text: ASCII folding leaves other bytes alone") {
    CHECK(wb::AsciiLower("LinkedIn \xC3\x89") == "linkedin \xC3\x89");
    CHECK(wb::EqualsNoCase("BEGIN:VCARD", "begin:vcard"));
    CHECK_FALSE(wb::EqualsNoCase("abc", "abd"));
    CHECK_FALSE(wb::EqualsNoCase("abc", "ab"));
}

TEST_CASE("utf8: code points of every length encode to well-formed sequences") {
    for (uint32_t cp : {0x41u, 0xE9u, 0x20ACu, 0xFFFDu, 0x1F600u, 0x10FFFFu}) {
        std::string s;
        wb::AppendUtf8(s, cp);
        CAPTURE(cp);
        CHECK(wb::Utf8SequenceAt(s, 0) == s.size());
    }
    std::string euro;
    wb::AppendUtf8(euro, 0x20AC);
    CHECK(euro == "\xE2\x82\xAC");
}

TEST_CASE("date input: ISO, T for today, and day/month orders only where the numbers leave one reading") {
    const pl::Day today = pl::DayFromYmd(2026, 12, 6);
    pl::Day d = pl::kNoDay;
    std::string why;
    auto ok = [&](const char* text, int y, int m, int dd) {
        INFO(text);
        d = pl::kNoDay;
        why.clear();
        CHECK(pl::ParseDateInput(text, today, d, why));
        CHECK(d == pl::DayFromYmd(y, m, dd));
        CHECK(why.empty());
    };
    ok("2026-12-06", 2026, 12, 6);
    ok("  2024-02-29 ", 2024, 2, 29);
    ok("2026-1-5", 2026, 1, 5);
    ok("t", 2026, 12, 6);
    ok("T", 2026, 12, 6);
    ok("today", 2026, 12, 6);
    ok("25/12/2026", 2026, 12, 25);   // day first: 25 is no month
    ok("12/25/2026", 2026, 12, 25);   // month first: 25 is no month
    ok("25.12.2026", 2026, 12, 25);
    ok("7/7/2026", 2026, 7, 7);       // the same either way
}

TEST_CASE("date input: every invalid form is refused and says why") {
    const pl::Day today = pl::DayFromYmd(2026, 12, 6);
    auto bad = [&](const char* text, const char* says, pl::Day t = pl::DayFromYmd(2026, 12, 6)) {
        INFO(text);
        pl::Day d = 12345;
        std::string why;
        CHECK_FALSE(pl::ParseDateInput(text, t, d, why));
        CHECK(d == 12345);  // untouched
        CHECK(why.find(says) != std::string::npos);
        INFO(why);
    };
    bad("", "empty");
    bad("   ", "empty");
    bad("2026-02-30", "February 2026 has 28 days");
    bad("2024-02-30", "February 2024 has 29 days");
    bad("2026-04-31", "April 2026 has 30 days");
    bad("2026-13-01", "no month 13");
    bad("2026-00-10", "no month 0");
    bad("2026-12-00", "December 2026 has 31 days");
    bad("0000-01-01", "no year 0");
    bad("1970-01-01", "too long ago");
    bad("yesterday", "\"yesterday\" is not a date");
    bad("tomorrow", "is not a date");
    bad("6/12/2026", "could be 6 December or June 12. Type 2026-12-06 or 2026-06-12");
    bad("13/14/2026", "neither 13 nor 14 is a month");
    bad("2026/12", "is not a date");
    bad("2026-12-06-01", "is not a date");
    bad("2026-12-6x", "is not a date");
    bad("12/25/26", "is not a date");      // a two-digit year is refused, not guessed
    bad("2026-12/06", "is not a date");    // mixed separators
    bad("20261206", "is not a date");
    bad("-2026-12-06", "is not a date");
    bad("t", "is not a date", pl::kNoDay);  // no "today" where the field has none
    (void)today;
}
