// ASCII case folding, the one place it is written: headers, tags, the chapter search.
// ASCII only on purpose: a locale's tolower would make results depend on the
// machine. The contacts table folds every script with unicode_key.h, whose
// tables live in the planner's deferred module.
#pragma once
#include <string>
#include <string_view>

namespace wb {

constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = AsciiLower(c);
    return out;
}

inline bool EqualsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
    return true;
}

}  // namespace wb
