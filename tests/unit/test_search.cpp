// In-workbook search over a small chapter built by hand.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/search.h"

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";  // "…"

wb::Block Para(std::string text) {
    wb::Block b;
    b.kind = wb::BlockKind::Paragraph;
    b.spans.push_back(wb::Span{std::move(text), wb::SpanStyle_None, ""});
    return b;
}

// Two sections; the second has a block made of two spans and a reflection prompt.
wb::Content SmallChapter() {
    wb::Content c;
    c.title = "Test chapter";
    wb::Section a;
    a.id = "alpha";
    a.title = "Meeting People";
    a.blocks.push_back(Para("Go to trade shows and conferences."));
    a.blocks.push_back(Para("Nothing to see here."));
    a.reflections.push_back({"alpha.r1", "Who will you meet?"});
    c.sections.push_back(a);

    wb::Section b;
    b.id = "beta";
    b.title = "Following Up";
    wb::Block two;
    two.kind = wb::BlockKind::ListItem;
    two.list_depth = 1;
    two.spans.push_back(wb::Span{"Send a note after a ", wb::SpanStyle_None, ""});
    two.spans.push_back(wb::Span{"Trade Show", wb::SpanStyle_Strong, ""});
    b.blocks.push_back(two);
    b.reflections.push_back({"beta.r1", "What will you write?"});
    c.sections.push_back(b);
    return c;
}

// True if s is well-formed UTF-8 (no sequence cut at either end).
bool ValidUtf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

std::string Lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// The hit's context, at match_at, holds the query (ignoring ASCII case).
bool MatchAtPointsAtQuery(const wb::SearchHit& h, const std::string& query) {
    return h.match_at + query.size() <= h.context.size() && Lower(h.context.substr(h.match_at, query.size())) == Lower(query);
}

}  // namespace

TEST_CASE("search: matches ignore ASCII case and come in reading order") {
    wb::Content c = SmallChapter();
    std::vector<wb::SearchHit> hits = wb::Search(c, {}, "TRADE show");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].section == 0);
    CHECK(hits[0].block == 0);
    CHECK(hits[0].reflection_id.empty());
    CHECK(hits[0].context == "Go to trade shows and conferences.");
    CHECK(hits[0].match_at == 6);
    CHECK(hits[1].section == 1);
    CHECK(hits[1].block == 0);  // found across the block's spans
    CHECK(MatchAtPointsAtQuery(hits[1], "trade show"));
}

TEST_CASE("search: a title match has block -1 and no reflection id") {
    wb::Content c = SmallChapter();
    std::vector<wb::SearchHit> hits = wb::Search(c, {}, "following");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].section == 1);
    CHECK(hits[0].block == -1);
    CHECK(hits[0].reflection_id.empty());
    CHECK(hits[0].context == "Following Up");
    CHECK(hits[0].match_at == 0);
}

TEST_CASE("search: the learner's reflection answers are searched, with reflection_id set") {
    wb::Content c = SmallChapter();
    std::map<std::string, std::string> answers = {{"beta.r1", "Thank Dana for the Zebra intro"},
                                                  {"not.a.prompt", "zebra in an orphaned answer"}};
    std::vector<wb::SearchHit> hits = wb::Search(c, answers, "zebra");
    REQUIRE(hits.size() == 1);  // answers to prompts the chapter does not have are not searched
    CHECK(hits[0].section == 1);
    CHECK(hits[0].block == -1);
    CHECK(hits[0].reflection_id == "beta.r1");
    CHECK(hits[0].context == "Thank Dana for the Zebra intro");
    CHECK(MatchAtPointsAtQuery(hits[0], "zebra"));
}

TEST_CASE("search: the prompt text itself is not searched, only the answer") {
    wb::Content c = SmallChapter();
    CHECK(wb::Search(c, {}, "will you meet").empty());
    std::vector<wb::SearchHit> hits = wb::Search(c, {{"alpha.r1", "I will meet Sam"}}, "will");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].reflection_id == "alpha.r1");
}

TEST_CASE("search: queries shorter than 2 characters find nothing") {
    wb::Content c = SmallChapter();
    CHECK(wb::Search(c, {}, "").empty());
    CHECK(wb::Search(c, {}, "o").empty());
    CHECK(!wb::Search(c, {}, "o ").empty());  // two characters do search
}

TEST_CASE("search: no match gives no hits") {
    wb::Content c = SmallChapter();
    CHECK(wb::Search(c, {}, "quantum").empty());
}

TEST_CASE("search: every occurrence in a block is a hit, up to the limit") {
    wb::Content c;
    wb::Section s;
    s.id = "s";
    s.title = "Title";
    s.blocks.push_back(Para("net net net net net"));
    s.blocks.push_back(Para("net again"));
    c.sections.push_back(s);
    CHECK(wb::Search(c, {}, "net").size() == 6);
    std::vector<wb::SearchHit> three = wb::Search(c, {}, "net", 3);
    REQUIRE(three.size() == 3);
    CHECK(three[0].match_at == 0);
    CHECK(three[1].match_at == 4);
    CHECK(three[2].match_at == 8);
    CHECK(wb::Search(c, {}, "net", 0).empty());
    CHECK(wb::Search(c, {}, "net", 1).size() == 1);
}

TEST_CASE("search: a long text is cut around the match with an ellipsis on each cut side") {
    wb::Content c;
    wb::Section s;
    s.id = "s";
    s.title = "Title";
    std::string before(100, 'a'), after(100, 'b');
    s.blocks.push_back(Para(before + " needle " + after));
    s.blocks.push_back(Para("needle " + after));   // cut only at the end
    s.blocks.push_back(Para(before + " needle"));  // cut only at the start
    c.sections.push_back(s);
    std::vector<wb::SearchHit> hits = wb::Search(c, {}, "needle");
    REQUIRE(hits.size() == 3);

    const wb::SearchHit& mid = hits[0];
    CHECK(mid.context.rfind(kEllipsis, 0) == 0);
    CHECK(mid.context.size() > kEllipsis.size() * 2);
    CHECK(mid.context.substr(mid.context.size() - kEllipsis.size()) == kEllipsis);
    CHECK(mid.context.size() < before.size());  // really cut
    CHECK(MatchAtPointsAtQuery(mid, "needle"));

    const wb::SearchHit& start = hits[1];
    CHECK(start.context.rfind("needle", 0) == 0);
    CHECK(start.match_at == 0);
    CHECK(start.context.substr(start.context.size() - kEllipsis.size()) == kEllipsis);

    const wb::SearchHit& end = hits[2];
    CHECK(end.context.rfind(kEllipsis, 0) == 0);
    CHECK(end.context.substr(end.context.size() - 6) == "needle");
    CHECK(MatchAtPointsAtQuery(end, "needle"));
}

TEST_CASE("search: the context is never cut inside a multi-byte UTF-8 character") {
    // "é" is two bytes; with one or no ASCII byte in front, the 40-byte cut lands
    // on each byte of an "é" in one of the two alignments.
    std::string e;
    for (int i = 0; i < 40; ++i) e += "\xC3\xA9";
    for (int shift = 0; shift < 4; ++shift) {
        CAPTURE(shift);
        wb::Content c;
        wb::Section s;
        s.id = "s";
        s.title = "Caf\xC3\xA9";
        s.blocks.push_back(Para(e + std::string(shift, 'x') + " match " + std::string(shift, 'y') + e));
        c.sections.push_back(s);
        std::vector<wb::SearchHit> hits = wb::Search(c, {}, "match");
        REQUIRE(hits.size() == 1);
        const wb::SearchHit& h = hits[0];
        CAPTURE(h.context);
        CHECK(ValidUtf8(h.context));
        CHECK(h.context.rfind(kEllipsis, 0) == 0);
        CHECK(h.context.substr(h.context.size() - kEllipsis.size()) == kEllipsis);
        CHECK(MatchAtPointsAtQuery(h, "match"));
    }
}

TEST_CASE("search: a query with non-ASCII letters matches them byte for byte") {
    wb::Content c;
    wb::Section s;
    s.id = "s";
    s.title = "Caf\xC3\xA9 talks";
    c.sections.push_back(s);
    std::vector<wb::SearchHit> hits = wb::Search(c, {}, "caf\xC3\xA9");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].match_at == 0);
    CHECK(hits[0].context == "Caf\xC3\xA9 talks");
}
