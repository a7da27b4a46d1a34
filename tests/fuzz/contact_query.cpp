// The contacts table's search and sort (wb::planner::QueryContacts) against a
// plain reference: every contact whose fields' search keys hold each typed
// word's key (core/unicode_key.h) and no other, in the order of their name's or
// company's sort keys, then accents, ties by id. The fast paths (a Horspool search
// in the raw bytes first, packed sort keys) must agree on any bytes. Input: a flags byte, the query, then contacts after 0x1E bytes,
// each "name\x1Fcompany\x1Fnotes\x1Ftag".
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/planner.h"
#include "core/unicode_key.h"
#include "fuzz_util.h"

namespace {
namespace pl = wb::planner;

std::vector<std::string_view> Split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (size_t at = 0;;) {
        size_t end = s.find(sep, at);
        out.push_back(s.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        if (end == std::string_view::npos) return out;
        at = end + 1;
    }
}

std::string Fold(std::string_view s) { return wb::unicode::SearchKey(s); }

bool Matches(const pl::Contact& c, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
        bool found = false;
        for (const std::string* f : {&c.name, &c.company, &c.role, &c.industry, &c.location, &c.email, &c.met, &c.notes})
            found = found || Fold(*f).find(w) != std::string::npos;
        for (const std::string& t : c.tags) found = found || Fold(t).find(w) != std::string::npos;
        if (!found) return false;
    }
    return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const uint8_t flags = data[0];
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    std::vector<std::string_view> parts = Split(text, '\x1e');
    if (parts.size() > 65) parts.resize(65);

    pl::Planner p;
    for (size_t i = 1; i < parts.size(); ++i) {
        std::vector<std::string_view> f = Split(parts[i], '\x1f');
        pl::Contact c;
        c.name = std::string(f[0]);
        if (f.size() > 1) c.company = std::string(f[1]);
        if (f.size() > 2) c.notes = std::string(f[2]);
        if (f.size() > 3) c.tags.emplace_back(f[3]);
        pl::AddContact(p, c, wb::Rev{1, "f"});
    }
    pl::ContactQuery q;
    q.text = std::string(parts[0]);
    q.sort = (flags & 1) ? pl::ContactQuery::Company : pl::ContactQuery::Name;
    q.descending = (flags & 2) != 0;
    const std::vector<uint32_t> got = pl::QueryContacts(p, q, 20000);

    std::vector<std::string> words;  // split at spaces, tabs and line ends
    std::string word;
    for (char ch : q.text + ' ') {
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') word += ch;
        else if (!word.empty()) words.push_back(Fold(word)), word.clear();
    }
    std::vector<uint32_t> want;
    for (uint32_t i = 0; i < p.contacts.size(); ++i)
        if (Matches(p.contacts[i], words)) want.push_back(i);
    auto key = [&](uint32_t i) {
        std::pair<std::string, std::string> k;  // primary, accents
        wb::unicode::AppendSortKeys(k.first, k.second,
                                    q.sort == pl::ContactQuery::Company ? p.contacts[i].company : p.contacts[i].name);
        return k;
    };
    std::sort(want.begin(), want.end(), [&](uint32_t a, uint32_t b) {
        const auto ka = key(a), kb = key(b);
        const int c = ka < kb ? -1 : kb < ka ? 1 : 0;
        if (c != 0) return q.descending ? c > 0 : c < 0;
        return a < b;
    });
    if (got != want) {
        std::fprintf(stderr, "query \"%s\", sort %d%s\n got:", q.text.c_str(), int(q.sort), q.descending ? " descending" : "");
        for (uint32_t i : got) std::fprintf(stderr, " %u", i);
        std::fprintf(stderr, "\nwant:");
        for (uint32_t i : want) std::fprintf(stderr, " %u", i);
        std::fprintf(stderr, "\n");
    }
    FUZZ_REQUIRE(got == want);
    return 0;
}
