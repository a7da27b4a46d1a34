#include "core/search.h"

#include "core/text.h"

namespace wb {

size_t FindNoCase(const std::string& hay, const std::string& needle, size_t from) {
    if (needle.empty() || needle.size() > hay.size()) return std::string::npos;
    for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() &&
               AsciiLower(hay[i + k]) == AsciiLower(needle[k]))
            ++k;
        if (k == needle.size()) return i;
    }
    return std::string::npos;
}

namespace {

// Moves i back to the start of a UTF-8 sequence.
size_t CharStart(const std::string& s, size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

void AddHits(std::vector<SearchHit>& out, const std::string& text, const std::string& q, SearchHit base, size_t limit) {
    constexpr size_t kContext = 40;
    for (size_t at = FindNoCase(text, q, 0); at != std::string::npos && out.size() < limit; at = FindNoCase(text, q, at + q.size())) {
        size_t from = CharStart(text, at > kContext ? at - kContext : 0);
        size_t to = CharStart(text, std::min(text.size(), at + q.size() + kContext));
        SearchHit h = base;
        h.context = (from > 0 ? "…" : "") + text.substr(from, to - from) + (to < text.size() ? "…" : "");
        h.match_at = at - from + (from > 0 ? std::string("…").size() : 0);
        out.push_back(std::move(h));
    }
}

}  // namespace

std::vector<SearchHit> Search(const Content& c, const std::map<std::string, std::string>& reflections,
                              const std::string& query, size_t limit) {
    std::vector<SearchHit> out;
    if (query.size() < 2) return out;
    for (int si = 0; si < static_cast<int>(c.sections.size()); ++si) {
        const Section& s = c.sections[si];
        SearchHit base;
        base.section = si;
        AddHits(out, s.title, query, base, limit);
        for (int bi = 0; bi < static_cast<int>(s.blocks.size()); ++bi) {
            base.block = bi;
            AddHits(out, BlockText(s.blocks[bi]), query, base, limit);
        }
        base.block = -1;
        for (const ReflectionPrompt& p : s.reflections) {
            auto it = reflections.find(p.id);
            if (it == reflections.end()) continue;
            base.reflection_id = p.id;
            AddHits(out, it->second, query, base, limit);
        }
    }
    return out;
}

}  // namespace wb
