#include "core/unicode_key.h"

#include "core/utf8.h"

#include <cstdint>
#include <vector>

namespace wb::unicode {
namespace {

using KeyTableSink = void (*)(void* to, uint32_t, uint32_t, uint32_t, uint32_t);
#include "unicode_key_table.inc"  // KeyTableWords(), generated at build time

// The table unpacked on first use: two stages by 128 code points. An entry is 0
// for "maps to itself", else kMapped | offset into outputs << 5 | count.
// Only containers the rest of the module already uses, and no range inserts: a
// library function only this file needed would stay in the first download.
struct KeyTable {
    static constexpr uint32_t kMapped = 0x80000000u;
    std::vector<uint32_t> stage1 = std::vector<uint32_t>(0x110000 >> 7, 0);
    std::vector<uint32_t> entries = std::vector<uint32_t>(128, 0);  // block 0: all map to themselves
    std::vector<uint32_t> outputs;

    void Set(uint32_t cp, const uint32_t* out, uint32_t n) {
        uint32_t& block = stage1[cp >> 7];
        if (block == 0) {
            block = static_cast<uint32_t>(entries.size() / 128);
            entries.resize(entries.size() + 128, 0);
        }
        entries[block * 128u + (cp & 127)] = kMapped | static_cast<uint32_t>(outputs.size()) << 5 | n;
        for (uint32_t k = 0; k < n; ++k) outputs.push_back(out[k]);
    }
    [[gnu::always_inline]] uint32_t Entry(uint32_t cp) const { return entries[stage1[cp >> 7] * 128u + (cp & 127)]; }
};

const KeyTable& Table() {
    static const KeyTable table = [] {
        std::vector<uint32_t> words;
        words.reserve(kKeyTableWords);
        KeyTableWords([](void* to, uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
            auto& w = *static_cast<std::vector<uint32_t>*>(to);
            for (uint32_t x : {a, b, c, d}) w.push_back(x);
        }, &words);
        KeyTable t;
        for (size_t i = 0; i < words.size();) {
            const uint32_t head = words[i], cp = head & 0x1FFFFF, len = (head >> 21) & 31, kind = head >> 26;
            if (kind == 0) {
                t.Set(cp, &words[i + 1], len);
                i += 1 + len;
            } else if (kind == 1) {
                for (uint32_t k = 0; k < words[i + 1]; ++k) {
                    const uint32_t to = words[i + 2] + k;
                    t.Set(cp + k, &to, 1);
                }
                i += 3;
            } else if (kind == 2) {
                for (uint32_t k = 0; k < words[i + 1]; ++k) t.Set(cp + k, &words[i + 2], len);
                i += 2 + len;
            } else {
                break;  // padding
            }
        }
        return t;
    }();
    return table;
}

// The accents the key leaves out (see the header).
constexpr bool IsAccent(uint32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x487) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// The code point at text[i], which is not ASCII; moves i past it. A byte that
// does not start a well-formed sequence is U+FFFD.
uint32_t NextCodePoint(std::string_view text, size_t& i) {
    const size_t len = Utf8SequenceAt(text, i);
    if (len == 0) {
        ++i;
        return 0xFFFDu;
    }
    const unsigned char b = static_cast<unsigned char>(text[i]);
    uint32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += len;
    return cp;
}

// Calls emit(code point) for each code point of the key of `cp`, accents
// included (emit tells them apart with IsAccent).
template <typename Emit>
void EmitKey(uint32_t cp, Emit&& emit) {
    if (cp < 0x80) {
        emit(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        return;
    }
    const KeyTable& table = Table();
    const uint32_t e = table.Entry(cp);
    if (e == 0) {
        emit(cp);
        return;
    }
    const uint32_t* out = &table.outputs[(e & ~KeyTable::kMapped) >> 5];
    for (uint32_t k = 0; k < (e & 31); ++k) emit(out[k]);
}

template <typename Emit>
void ForEachKeyPoint(std::string_view text, Emit&& emit) {
    for (size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        EmitKey(b < 0x80 ? (++i, b) : NextCodePoint(text, i), emit);
    }
}

// ASCII text is its own key but for case: the common case, done in one go.
bool AppendIfAscii(std::string& out, std::string_view text) {
    for (char ch : text)
        if (static_cast<unsigned char>(ch) >= 0x80) return false;
    const size_t at = out.size();
    out.resize(at + text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        out[at + i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    return true;
}

bool IsLeadingVowel(uint32_t c) { return (c >= 0x0E40 && c <= 0x0E44) || (c >= 0x0EC0 && c <= 0x0EC4); }
bool IsConsonantAfter(uint32_t vowel, uint32_t c) {
    return vowel < 0x0E80 ? (c >= 0x0E01 && c <= 0x0E2E) : (c >= 0x0E81 && c <= 0x0EAE);
}

}  // namespace

void AppendSearchKey(std::string& out, std::string_view text) {
    // Runs of ASCII (the words between names in another script) go in one step.
    for (size_t i = 0; i < text.size();) {
        size_t end = i;
        while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) ++end;
        if (end > i) {
            AppendIfAscii(out, text.substr(i, end - i));
            i = end;
            continue;
        }
        EmitKey(NextCodePoint(text, i), [&](uint32_t c) {
            if (c < 0x80) out.push_back(static_cast<char>(c));
            else if (!IsAccent(c)) AppendUtf8(out, c);
        });
    }
}

std::string SearchKey(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    AppendSearchKey(out, text);
    return out;
}

void AppendSortKeys(std::string& primary, std::string& marks, std::string_view text) {
    // `marks` stays empty for a text without accents (so it sorts first among equal
    // primaries); once one comes, it holds a 1 for every primary code point, each
    // followed by the accents on it.
    if (AppendIfAscii(primary, text)) return;
    size_t bases = 0;
    bool accented = false;
    auto base = [&](uint32_t c) {
        AppendUtf8(primary, c);
        if (accented) marks.push_back('\1');
        else ++bases;
    };
    uint32_t held = 0;  // a Thai or Lao leading vowel, waiting for its consonant
    ForEachKeyPoint(text, [&](uint32_t c) {
        if (IsAccent(c)) {
            for (; !accented && bases > 0; --bases) marks.push_back('\1');
            accented = true;
            AppendUtf8(marks, c);
            return;
        }
        if (held != 0) {
            const uint32_t vowel = held;
            held = 0;
            if (IsConsonantAfter(vowel, c)) {
                base(c);
                base(vowel);
                return;
            }
            base(vowel);
        }
        if (IsLeadingVowel(c)) held = c;
        else base(c);
    });
    if (held != 0) base(held);
}

}  // namespace wb::unicode
