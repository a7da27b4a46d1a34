// UTF-8: checking and encoding, shared by the planner's storage and its imports/exports.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

// Length of the well-formed UTF-8 sequence at s[i] (1 for ASCII), or 0 if the
// bytes there are not one: a stray continuation byte, a cut sequence, an
// overlong form, a surrogate, or a code point past U+10FFFF.
inline size_t Utf8SequenceAt(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80) return 1;
    size_t len;
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) len = 2, cp = b & 0x1F;
    else if (b >= 0xE0 && b <= 0xEF) len = 3, cp = b & 0x0F;
    else if (b >= 0xF0 && b <= 0xF4) len = 4, cp = b & 0x07;
    else return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

// Appends code point `cp` (at most U+10FFFF, not a surrogate) as UTF-8.
inline void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Removes what has no place in a name or a note: C0 control characters (tab and
// newline are kept when keep_lines), and the non-characters U+FFFE and U+FFFF.
// Returns how many characters were removed. Linear; no copy when nothing is removed.
inline size_t RemoveStrayControls(std::string& s, bool keep_lines) {
    auto stray = [&](size_t i) -> size_t {  // bytes of a stray character at i, or 0
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x20) return keep_lines && (b == '\t' || b == '\n') ? 0 : 1;
        if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE)
            return 3;
        return 0;
    };
    size_t i = 0;
    while (i < s.size() && !stray(i)) ++i;
    if (i == s.size()) return 0;
    size_t removed = 0, out = i;
    while (i < s.size()) {
        if (size_t n = stray(i)) {
            i += n;
            ++removed;
        } else {
            s[out++] = s[i++];
        }
    }
    s.resize(out);
    return removed;
}

// Cuts s to its first max_chars characters (code points; never inside one).
// True when it was cut.
inline bool CutToChars(std::string& s, size_t max_chars) {
    if (s.size() <= max_chars) return false;  // fewer bytes than the limit: fewer characters too
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (chars++ == max_chars) {
            s.resize(i);
            return true;
        }
    }
    return false;
}

inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace wb
