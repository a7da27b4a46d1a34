// Search and sort keys for names in every script (core/unicode_key.h) and the
// contacts table's search and sort that use them (QueryContacts).
#include <doctest/doctest.h>

#include <ios>
#include <string>
#include <vector>

#include "core/planner.h"
#include "core/unicode_key.h"
#include "core/utf8.h"

using namespace wb::planner;
using wb::unicode::SearchKey;

namespace {

std::string Primary(std::string_view s) {
    std::string primary, marks;
    wb::unicode::AppendSortKeys(primary, marks, s);
    return primary;
}

struct Table {
    Planner p;
    Id Add(std::string name, std::string company = "") {
        Contact c;
        c.name = std::move(name);
        c.company = std::move(company);
        return AddContact(p, c, wb::Rev{1, "t"});
    }
    std::vector<Id> Find(std::string text) const {
        ContactQuery q;
        q.text = std::move(text);
        return Ids(QueryContacts(p, q, 20000));
    }
    std::vector<Id> Sorted(bool descending = false, ContactQuery::Sort by = ContactQuery::Name) const {
        ContactQuery q;
        q.sort = by;
        q.descending = descending;
        return Ids(QueryContacts(p, q, 20000));
    }
    std::vector<Id> Ids(const std::vector<uint32_t>& rows) const {
        std::vector<Id> out;
        for (uint32_t i : rows) out.push_back(p.contacts[i].id);
        return out;
    }
};

}  // namespace

TEST_CASE("unicode key: case folds in every script that has case, final sigma too") {
    CHECK(SearchKey("ÉMILE") == SearchKey("émile"));
    CHECK(SearchKey("ΣΊΣΥΦΟΣ") == SearchKey("σίσυφος"));  // final ς and Σ both fold to σ
    CHECK(SearchKey("σίσυφος") == "σισυφοσ");
    CHECK(SearchKey("ЕЛЕНА") == "елена");
    CHECK(SearchKey("ԱՐԱՄ") == SearchKey("արամ"));        // Armenian
    CHECK(SearchKey("STRASSE") == SearchKey("Straße"));    // full folding: ß is ss
    CHECK(SearchKey("İstanbul") == "istanbul");
    CHECK(SearchKey("Ana") != SearchKey("Ada"));
}

TEST_CASE("unicode key: composed and decomposed forms, and compatibility forms, give one key") {
    CHECK(SearchKey("e\xCC\x81") == SearchKey("\xC3\xA9"));            // e + U+0301, é
    CHECK(SearchKey("Nguy\xE1\xBB\x85n") == "nguyen");                  // ễ, Vietnamese
    CHECK(SearchKey("Ａｎａ") == "ana");                                 // full-width
    CHECK(SearchKey("ﬁona") == "fiona");                                // ligature
    CHECK(SearchKey("ｻｸﾗ") == SearchKey("さくら"));                     // half-width katakana
    CHECK(SearchKey("An\xC2\xAD" "na") == "anna");                       // a soft hyphen is ignored
    CHECK(SearchKey("Ørsted") == "orsted");                              // a stroke is an accent
    CHECK(SearchKey("Łukasz") == "lukasz");
    CHECK(SearchKey("\xFF" "a") == "\xEF\xBF\xBD" "a");                  // a stray byte is U+FFFD
}

TEST_CASE("unicode key: marks that are letters or vowels stay significant") {
    CHECK(SearchKey("प्रिया") != SearchKey("प्रया"));  // Devanagari vowel sign i
    CHECK(SearchKey("สมชาย") == "สมชาย");
    CHECK(SearchKey("ชาย") != SearchKey("ชัาย"));
    CHECK(SearchKey("דָנָה") != SearchKey("דנה"));     // Hebrew points are kept
    CHECK(SearchKey("مُحمد") != SearchKey("محمد"));   // Arabic vowel marks are kept
    CHECK(SearchKey("が") != SearchKey("か"));        // kana voicing
    CHECK(SearchKey("ガ") == SearchKey("が"));
}

TEST_CASE("unicode key: the key of a key is itself, for every code point") {
    // QueryContacts relies on it: a query's key found in a field's bytes is in the field's key.
    int unsettled = 0;
    for (uint32_t cp = 1; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string s;
        wb::AppendUtf8(s, cp);
        const std::string k = SearchKey(s);
        if (SearchKey(k) != k && ++unsettled <= 5) FAIL_CHECK("U+" << std::hex << cp << " key changes when keyed again");
    }
    CHECK(unsettled == 0);
}

TEST_CASE("unicode key: sort primaries order letters with their accented forms, Thai vowels after their consonant") {
    CHECK(Primary("Eli") < Primary("Émile"));
    CHECK(Primary("Émile") < Primary("Emma"));
    CHECK(Primary("Émile") < Primary("Zoe"));
    CHECK(Primary("เกษม") > Primary("กมล"));  // เ-ก sorts under ก ...
    CHECK(Primary("เกษม") < Primary("ขวัญ"));  // ... before ข
    CHECK(Primary("ไก่") == std::string("ก") + "ไ" + "่");
    CHECK(Primary("เ") == "เ");  // a vowel with no consonant after it stays
}

TEST_CASE("contacts table: a query in each script finds that script's names") {
    Table t;
    const Id wang = t.Add("王芳"), sakura = t.Add("さくら 中村"), kim = t.Add("김민준"), mohammad = t.Add("محمد حداد"),
             dana = t.Add("דנה כהן"), priya = t.Add("प्रिया शर्मा"), somchai = t.Add("สมชาย"), eleni = t.Add("Ελένη"),
             elena = t.Add("ЕЛЕНА"), ana = t.Add("Ana Lima"), emile = t.Add("Émile Zola");
    CHECK(t.Find("芳") == std::vector<Id>{wang});
    CHECK(t.Find("中村") == std::vector<Id>{sakura});
    CHECK(t.Find("サクラ") == std::vector<Id>{sakura});  // katakana finds hiragana
    CHECK(t.Find("민준") == std::vector<Id>{kim});
    CHECK(t.Find("حداد") == std::vector<Id>{mohammad});
    CHECK(t.Find("כהן") == std::vector<Id>{dana});
    CHECK(t.Find("शर्मा") == std::vector<Id>{priya});
    CHECK(t.Find("प्रया").empty());
    CHECK(t.Find("ชาย") == std::vector<Id>{somchai});
    CHECK(t.Find("ΕΛΕΝΗ") == std::vector<Id>{eleni});
    CHECK(t.Find("ελένη") == std::vector<Id>{eleni});
    CHECK(t.Find("елена") == std::vector<Id>{elena});
    CHECK(t.Find("Ａｎａ") == std::vector<Id>{ana});
    CHECK(t.Find("emile") == std::vector<Id>{emile});
    CHECK(t.Find("zola émile") == std::vector<Id>{emile});
    CHECK(t.Find("ана").empty());  // Cyrillic а is not Latin a
}

TEST_CASE("contacts table: case, composed or decomposed, full-width and accents all match") {
    Table t;
    const Id composed = t.Add("Émile"), decomposed = t.Add("E\xCC\x81mile"), upper = t.Add("ÉMILE"),
             plain = t.Add("emile"), wide = t.Add("Ａｎａ"), sis_upper = t.Add("ΣΊΣΥΦΟΣ"), sis = t.Add("σίσυφος"),
             orsted = t.Add("H. C. Ørsted");
    // By name, ties by accents then id: emile (no accent) first.
    const std::vector<Id> all_emiles{plain, composed, decomposed, upper};
    CHECK(t.Find("Émile") == all_emiles);
    CHECK(t.Find("E\xCC\x81MILE") == all_emiles);
    CHECK(t.Find("emile") == all_emiles);
    CHECK(t.Find("ana") == std::vector<Id>{wide});
    CHECK(t.Find("σίσυφος") == std::vector<Id>{sis_upper, sis});
    CHECK(t.Find("ΣΙΣΥΦΟΣ") == std::vector<Id>{sis_upper, sis});
    CHECK(t.Find("orsted") == std::vector<Id>{orsted});
    CHECK(t.Find("ØRSTED") == std::vector<Id>{orsted});
}

TEST_CASE("contacts table: names sort with their letters, accents after, scripts in groups") {
    Table t;
    const Id zoe = t.Add("Zoe"), emma = t.Add("Emma"), emile = t.Add("Émile"), eli = t.Add("Eli"),
             orsted = t.Add("Ørsted"), owen = t.Add("Owen"), olsen = t.Add("Olsen"), emile_plain = t.Add("Emile");
    CHECK(t.Sorted() == std::vector<Id>{eli, emile_plain, emile, emma, olsen, orsted, owen, zoe});
    CHECK(t.Sorted(true) == std::vector<Id>{zoe, owen, orsted, olsen, emma, emile, emile_plain, eli});

    Table s;  // one name per script, added out of order
    const Id kim = s.Add("김민준"), wang = s.Add("王芳"), sakura = s.Add("さくら"), somchai = s.Add("สมชาย"),
             priya = s.Add("प्रिया"), mohammad = s.Add("محمد"), dana = s.Add("דנה"), aram = s.Add("Արամ"),
             elena = s.Add("Елена"), eleni = s.Add("Ελένη"), ana = s.Add("Ana");
    CHECK(s.Sorted() ==
          std::vector<Id>{ana, eleni, elena, aram, dana, mohammad, priya, somchai, sakura, wang, kim});
}

TEST_CASE("contacts table: Thai leading vowels sort after their consonant; kana interleave") {
    Table t;
    const Id kasem = t.Add("เกษม"), kwan = t.Add("ขวัญ"), kamon = t.Add("กมล"), malee = t.Add("มาลี"),
             mai = t.Add("ไม้");
    CHECK(t.Sorted() == std::vector<Id>{kamon, kasem, kwan, malee, mai});

    Table k;
    const Id sato_kata = k.Add("サトウ"), ai = k.Add("あい"), sakura = k.Add("さくら"), kato_kata = k.Add("カトウ"),
             sakura_kata = k.Add("サクラ"), sato = k.Add("さとう");
    CHECK(k.Sorted() == std::vector<Id>{ai, kato_kata, sakura, sakura_kata, sato_kata, sato});
}

TEST_CASE("contacts table: company sorts by the same keys") {
    Table t;
    const Id a = t.Add("x", "Øresund AB"), b = t.Add("y", "ÖBB"), c = t.Add("z", "Nokia"), d = t.Add("w", "Pirelli");
    CHECK(t.Sorted(false, ContactQuery::Company) == std::vector<Id>{c, b, a, d});  // obb < oresund
}
