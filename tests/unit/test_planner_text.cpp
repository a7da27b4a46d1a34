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
