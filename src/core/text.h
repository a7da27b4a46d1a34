// ASCII case folding, the one place it is written: names, headers, search.
// ASCII only on purpose: folding beyond it needs Unicode tables the module does
// not carry, and a locale's tolower would make results depend on the machine.
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
