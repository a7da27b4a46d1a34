#include "core/strings.h"

#include <map>

namespace wb {

namespace {
struct Table {
    std::map<std::string, std::string, std::less<>> text;
    std::map<std::string, std::string, std::less<>> labels;   // TrId's "text##id"
    std::map<std::string, std::string, std::less<>> missing;  // keys shown as themselves
};
Table& T() {
    static Table t;
    return t;
}
}  // namespace

void SetStrings(const std::vector<std::pair<std::string, std::string>>& table) {
    Table& t = T();
    t.text.clear();
    t.labels.clear();
    for (const auto& [k, v] : table) t.text[k] = v;
}

bool HasString(std::string_view key) { return T().text.count(key) > 0; }

const char* Tr(std::string_view key) {
    Table& t = T();
    auto it = t.text.find(key);
    if (it != t.text.end()) return it->second.c_str();
    auto m = t.missing.find(key);
    if (m == t.missing.end()) m = t.missing.emplace(std::string(key), std::string(key)).first;
    return m->second.c_str();
}

std::string FillPlaceholders(std::string_view text, std::initializer_list<TextArg> args) {
    std::string out;
    out.reserve(text.size() + 16);
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                std::string_view name = text.substr(i + 1, close - i - 1);
                bool done = false;
                for (const auto& [k, v] : args)
                    if (k == name) {
                        out += v;
                        done = true;
                        break;
                    }
                if (done) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

std::string TrF(std::string_view key, std::initializer_list<TextArg> args) { return FillPlaceholders(Tr(key), args); }

const char* PluralCategory(std::string_view rule, long long n) {
    long long a = n < 0 ? -n : n;
    long long m10 = a % 10, m100 = a % 100;
    if (rule == "ja" || rule == "zh" || rule == "ko" || rule == "none") return "other";
    if (rule == "fr") return a <= 1 ? "one" : "other";
    if (rule == "ru" || rule == "uk") {
        if (m10 == 1 && m100 != 11) return "one";
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return "few";
        return "many";
    }
    if (rule == "pl") {
        if (a == 1) return "one";
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return "few";
        return "many";
    }
    if (rule == "ar") {
        if (a == 0) return "zero";
        if (a == 1) return "one";
        if (a == 2) return "two";
        if (m100 >= 3 && m100 <= 10) return "few";
        if (m100 >= 11) return "many";
        return "other";
    }
    return a == 1 ? "one" : "other";  // en and the default
}

std::string GroupedNumber(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string_view sep = HasString("number.group") ? std::string_view(Tr("number.group")) : std::string_view(",");
    std::string out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string TrN(std::string_view key, long long n, std::initializer_list<TextArg> args) {
    Table& t = T();
    auto rule_it = t.text.find(std::string_view("plural.rule"));
    std::string_view rule = rule_it == t.text.end() ? std::string_view("en") : std::string_view(rule_it->second);
    std::string k(key);
    k += '|';
    auto it = t.text.find(k + PluralCategory(rule, n));
    if (it == t.text.end()) it = t.text.find(k + "other");
    std::string_view text = it != t.text.end() ? std::string_view(it->second) : std::string_view(Tr(key));
    const std::string num = GroupedNumber(n);
    return FillPlaceholders(FillPlaceholders(text, args), {{"n", num}});  // the caller's args first
}

const char* TrId(std::string_view key, std::string_view id) {
    Table& t = T();
    std::string k(key);
    k += "##";
    k += id;
    auto it = t.labels.find(k);
    if (it == t.labels.end()) it = t.labels.emplace(k, std::string(Tr(key)) + "##" + std::string(id)).first;
    return it->second.c_str();
}

}  // namespace wb
