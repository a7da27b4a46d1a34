// Reading names out of a reflection answer (see reflection_names.h).
#include "core/reflection_names.h"

#include <algorithm>
#include <set>
#include <span>

#include "core/unicode_key.h"
#include "core/utf8.h"

namespace wb {
namespace {

using Words = std::vector<std::string_view>;

uint32_t CodePointAt(std::string_view s, size_t i, size_t& len) {
    len = Utf8SequenceAt(s, i);
    if (len == 0) {
        len = 1;
        return 0xFFFD;
    }
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]) & 0x3Fu; };
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    if (len == 1) return lead;
    if (len == 2) return ((lead & 0x1Fu) << 6) | b(1);
    if (len == 3) return ((lead & 0x0Fu) << 12) | (b(1) << 6) | b(2);
    return ((lead & 0x07u) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
}

// +1 an upper-case letter, -1 a lower-case one, 0 no case (digits, marks, scripts
// without case). The alphabets learners' names come in with case: Latin (with
// Latin-1 and Extended-A), Greek, Cyrillic, Armenian.
int CaseOf(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return 1;
    if (cp >= 'a' && cp <= 'z') return -1;
    if (cp >= 0xC0 && cp <= 0xDE) return cp == 0xD7 ? 0 : 1;
    if (cp >= 0xDF && cp <= 0xFF) return cp == 0xF7 ? 0 : -1;
    if (cp >= 0x100 && cp <= 0x17F) {
        // Pairs: upper on even code points, but on odd ones in 0139-0148 and 0179-017E.
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return -1;
        if (cp == 0x178) return 1;
        const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        return ((cp & 1u) != 0) == odd_upper ? 1 : -1;
    }
    if (cp >= 0x386 && cp <= 0x3AB) return cp == 0x387 ? 0 : 1;
    if (cp >= 0x3AC && cp <= 0x3CE) return -1;
    if (cp >= 0x400 && cp <= 0x42F) return 1;
    if (cp >= 0x430 && cp <= 0x45F) return -1;
    if (cp >= 0x531 && cp <= 0x556) return 1;
    if (cp >= 0x561 && cp <= 0x587) return -1;
    return 0;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view TrimSpace(std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    return s;
}

// Spaces and the punctuation around a name ("Maria Lopez." / "“TestBash”").
std::string_view TrimName(std::string_view s) {
    static constexpr std::string_view kEdges[] = {" ", "\t", "\r", ".", "-", "\xE2\x80\x93", "\xE2\x80\x94", ",", ";", ":", "!", "?", "\"", "'", ")",
                                                  "(", "*", "_", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                                  "\xE2\x80\x99", "\xE3\x80\x82", "\xEF\xBC\x8C"};
    for (bool cut = true; cut && !s.empty();) {
        cut = false;
        for (std::string_view e : kEdges) {
            if (s.size() >= e.size() && s.substr(0, e.size()) == e) s.remove_prefix(e.size()), cut = true;
            if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) s.remove_suffix(e.size()), cut = true;
        }
    }
    return s;
}

// A list item's marker: "-", "*", "•", "–", "1.", "2)".
std::string_view StripBullet(std::string_view line) {
    line = TrimSpace(line);
    for (std::string_view b : {"- ", "* ", "+ ", "\xE2\x80\xA2", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
        if (line.substr(0, b.size()) == b) return TrimSpace(line.substr(b.size()));
    size_t d = 0;
    while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
    if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')')) return TrimSpace(line.substr(d + 1));
    return line;
}

using Seps = std::span<const std::string_view>;

// Splits at every one of `seps`, in order of where they are.
std::vector<std::string_view> SplitAny(std::string_view s, Seps seps) {
    std::vector<std::string_view> out;
    size_t from = 0;
    for (size_t i = 0; i < s.size();) {
        size_t hit = 0;
        for (std::string_view sep : seps)
            if (!sep.empty() && s.substr(i, sep.size()) == sep) {
                hit = sep.size();
                break;
            }
        if (hit) {
            out.push_back(s.substr(from, i - from));
            i += hit;
            from = i;
        } else {
            ++i;
        }
    }
    out.push_back(s.substr(from));
    return out;
}

// Where the why begins after a name ("Name: why", "Name - why", "Name (why)").
constexpr std::string_view kWhySeparators[] = {
    ":", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "\xE2\x80\x94", "(", "\xEF\xBC\x9A" /* ： */, "\xEF\xBC\x88" /* （ */};
// Between sentences.
constexpr std::string_view kSentenceEnds[] = {". ", "! ", "? ", "\xE3\x80\x82" /* 。 */,
                                                                   "\xEF\xBC\x81", "\xEF\xBC\x9F"};
// Between the items of a list in one sentence.
constexpr std::string_view kListSeparators[] = {
    ", ", ",", "\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */, "\xD8\x8C" /* ، */, " & "};

size_t FirstOf(std::string_view s, Seps seps) {
    size_t best = std::string_view::npos;
    for (std::string_view sep : seps) best = std::min(best, s.find(sep));
    return best;
}

Words SplitWords(std::string_view s) {
    Words out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && IsSpace(s[i])) ++i;
        size_t j = i;
        while (j < s.size() && !IsSpace(s[j])) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

struct WordShape {
    int first_case = 0;     // CaseOf its first letter
    int letters = 0;
    bool has_lower = false;
    bool cased = false;     // any letter with case
};

WordShape ShapeOf(std::string_view w) {
    WordShape sh;
    for (size_t i = 0, len = 0; i < w.size(); i += len) {
        const uint32_t cp = CodePointAt(w, i, len);
        const int c = CaseOf(cp);
        const bool letter = c != 0 || cp >= 0x80;
        if (!letter && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))) continue;
        if (sh.letters++ == 0) sh.first_case = c;
        if (c != 0) sh.cased = true;
        if (c < 0) sh.has_lower = true;
    }
    return sh;
}

// A word of a name: capitalized, two letters or more. People's names are not
// acronyms ("QA"); organizations' and events' often are ("IEEE").
bool IsNameWord(std::string_view w, bool acronyms) {
    const WordShape sh = ShapeOf(TrimName(w));
    return sh.first_case > 0 && sh.letters >= 2 && (acronyms || sh.has_lower);
}

// Lower-case words that sit inside names: "de", "van", "bin", ...; inside an
// organization's or event's name any short word ("of", "for", "in") or a number.
bool IsJoiner(std::string_view w, bool titles) {
    static const std::set<std::string_view> kParticles = {"de", "da", "di", "do", "dos", "das", "del", "della", "van",
                                                           "von", "der", "den", "ter", "le", "la", "du", "bin", "ibn",
                                                           "al", "el", "y", "zu", "af"};
    if (kParticles.count(w)) return true;
    if (!titles) return false;
    const WordShape sh = ShapeOf(w);
    if (sh.letters == 0) return !w.empty() && w.front() >= '0' && w.front() <= '9';
    return sh.first_case < 0 && sh.letters <= 3;
}

// The capitalized run of words in a segment that is a name: the first run, but one
// that starts a sentence must be two name words or more (a sentence's first word is
// capitalized whatever it is) unless `first_may` (a short item: "Maria from Acme").
// "" when there is none.
std::string_view NameRun(std::string_view seg, const Words& words, bool titles, bool first_may) {
    for (size_t i = 0; i < words.size(); ++i) {
        if (!IsNameWord(words[i], titles)) continue;
        size_t end = i + 1, names = 1;
        for (size_t j = i + 1; j < words.size() && TrimName(words[end - 1]).size() == words[end - 1].size(); ++j) {
            if (IsNameWord(words[j], titles)) end = j + 1, ++names;
            else if (!IsJoiner(words[j], titles)) break;
        }
        if (i == 0 && names < 2 && !first_may) continue;
        const char* from = words[i].data();
        const char* to = words[end - 1].data() + words[end - 1].size();
        return TrimName(seg.substr(static_cast<size_t>(from - seg.data()), static_cast<size_t>(to - from)));
    }
    return {};
}

size_t CodePoints(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0, len = 0; i < s.size(); i += len, ++n) CodePointAt(s, i, len);
    return n;
}

class Reader {
public:
    Reader(const NameCues& cues) {
        static constexpr std::string_view kBar[] = {"|"};
        for (std::string_view w : SplitAny(cues.lead_words, kBar))
            if (!TrimSpace(w).empty()) lead_.insert(unicode::SearchKey(TrimSpace(w)));
        for (std::string_view w : SplitAny(cues.filler_words, kBar))
            if (!TrimSpace(w).empty()) filler_.insert(unicode::SearchKey(TrimSpace(w)));
        and_ = TrimSpace(cues.and_word);
    }

    // Drops the words that lead a line without being a name ("Hi", "To"; with
    // `fillers`, "My", "Maybe" too).
    std::string_view DropLeadWords(std::string_view seg, bool fillers = true) const {
        for (;;) {
            seg = TrimName(seg);
            size_t sp = 0;
            while (sp < seg.size() && !IsSpace(seg[sp])) ++sp;
            const std::string key = unicode::SearchKey(TrimName(seg.substr(0, sp)));
            if (sp == 0 || !(lead_.count(key) || (fillers && filler_.count(key)))) return seg;
            seg.remove_prefix(sp);
        }
    }
    bool OnlyLeadWords(std::string_view seg) const { return !seg.empty() && DropLeadWords(seg, false).empty(); }

    // Does the segment start with a lead word ("Hi Dana")?
    bool Led(std::string_view seg) const { return DropLeadWords(seg, false).size() != TrimName(seg).size(); }

    // The name a short segment is, or the name run in a segment.
    std::string_view NameIn(std::string_view seg, bool titles, size_t short_words) const {
        seg = DropLeadWords(seg);
        const Words words = SplitWords(seg);
        if (words.empty()) return {};
        bool cased = false;
        for (std::string_view w : words) cased = cased || ShapeOf(w).cased;
        const bool short_seg = words.size() <= short_words;
        if (!cased)  // no case to go by: a short segment is the name
            return short_seg && CodePoints(seg) <= (titles ? 40u : 12u) ? TrimName(seg) : std::string_view{};
        if (titles && short_seg) {
            // "Devoxx", "the local ISTQB chapter", "IEEE Computer Society"; not "Not sure yet"
            // (a capital that only starts the sentence).
            size_t names = 0, later = 0;
            for (size_t i = 0; i < words.size(); ++i)
                if (IsNameWord(words[i], true)) ++names, later += i > 0;
            return words.size() == 1 || names >= 2 || later > 0 ? TrimName(seg) : std::string_view{};
        }
        return NameRun(seg, words, titles, short_seg);
    }

    std::vector<std::string_view> ListItems(std::string_view sentence) const {
        std::vector<std::string_view> out;
        for (std::string_view part : SplitAny(sentence, kListSeparators)) {
            if (and_.empty()) {
                out.push_back(part);
                continue;
            }
            const std::string sep = " " + std::string(and_) + " ";
            const std::string_view seps[] = {sep};
            for (std::string_view p : SplitAny(part, seps)) out.push_back(p);
        }
        return out;
    }

private:
    std::set<std::string> lead_, filler_;
    std::string_view and_;
};

void AddOnce(std::vector<NamedInReflection>& out, std::set<std::string>& seen, std::string_view name, std::string_view line) {
    name = TrimName(name);
    if (name.empty() || name.size() > 120 || out.size() >= kMaxNamedInReflection) return;
    if (!seen.insert(unicode::SearchKey(name)).second) return;
    std::string_view context = TrimSpace(line);
    out.push_back({std::string(name), context == name ? std::string() : std::string(context)});
}

}  // namespace

std::vector<NamedInReflection> NamedIn(std::string_view answer, ReflectionPlanner kind, const NameCues& cues) {
    std::vector<NamedInReflection> out;
    if (kind == ReflectionPlanner::None) return out;
    const Reader reader(cues);
    std::set<std::string> seen;
    std::vector<std::string_view> lines;
    static constexpr std::string_view kLineEnd[] = {"\n"};
    for (std::string_view line : SplitAny(answer, kLineEnd))
        if (!StripBullet(line).empty()) lines.push_back(StripBullet(line));

    if (kind != ReflectionPlanner::Contacts) {
        // The first line's first segment names it (or a capitalized run in it); the rest says why.
        if (lines.empty()) return out;
        std::string_view first = lines.front();
        size_t cut = std::min(FirstOf(first, kWhySeparators), FirstOf(first, kSentenceEnds));
        cut = std::min(cut, FirstOf(first, kListSeparators));
        std::string_view name = reader.NameIn(first.substr(0, std::min(cut, first.size())), true, 6);
        if (name.empty()) return out;
        const size_t at = static_cast<size_t>(name.data() - answer.data());
        std::string_view rest = TrimName(answer.substr(0, at)).empty() ? answer.substr(at + name.size()) : answer;
        AddOnce(out, seen, name, TrimName(rest).empty() ? name : TrimName(rest));
        return out;
    }

    // People: every list item of every line. When some start with a lead word ("Hi Dana,",
    // "To: Dana Whitfield") the answer is a message and only those name someone.
    struct Item {
        std::string_view text, line;
        bool led;
    };
    std::vector<Item> items;
    for (std::string_view line : lines) {
        static constexpr std::string_view kPieceEnds[] = {";", "\xEF\xBC\x9B" /* ； */};
        for (std::string_view piece : SplitAny(line, kPieceEnds)) {
            size_t why = FirstOf(piece, kWhySeparators);
            bool led = false;
            if (why != std::string_view::npos && reader.OnlyLeadWords(TrimSpace(piece.substr(0, why)))) {
                piece = piece.substr(why + 1);  // "To: Dana": the name is after the colon
                why = FirstOf(piece, kWhySeparators);
                led = true;
            }
            // "Maria Lopez, Tom Chen - both hire testers": the why is the whole list's.
            std::string_view names = piece.substr(0, std::min(why, piece.size()));
            for (std::string_view sentence : SplitAny(names, kSentenceEnds))
                for (std::string_view item : reader.ListItems(sentence)) items.push_back({item, line, led || reader.Led(item)});
        }
    }
    const bool message = std::any_of(items.begin(), items.end(), [](const Item& i) { return i.led; });
    for (const Item& i : items)
        if (!message || i.led) AddOnce(out, seen, reader.NameIn(i.text, false, 4), i.line);
    return out;
}

HeldNames HeldNamesOf(const planner::Planner& p) {
    HeldNames h;
    h.contacts.reserve(p.contacts.size());
    for (const planner::Contact& c : p.contacts) h.contacts.insert(unicode::SearchKey(c.name));
    for (const planner::Event& e : p.events) h.events.insert(unicode::SearchKey(e.name));
    for (const planner::Organization& o : p.organizations) h.organizations.insert(unicode::SearchKey(o.name));
    return h;
}

bool HeldNames::Holds(ReflectionPlanner kind, std::string_view name) const {
    const std::unordered_set<std::string>& in = kind == ReflectionPlanner::Event          ? events
                                                : kind == ReflectionPlanner::Organization ? organizations
                                                                                          : contacts;
    return in.count(unicode::SearchKey(name)) > 0;
}

}  // namespace wb
