#include "core/strings.h"

#include <map>

namespace wb {

namespace {
struct Table {
    std::vector<UiText> text;
    std::map<std::pair<uint16_t, std::string>, std::string> labels;  // TrId's "text##id"
};
Table& T() {
    static Table t;
    return t;
}
const UiText& At(Key key) {
    static const UiText none;
    const Table& t = T();
    return key.index < t.text.size() ? t.text[key.index] : none;
}
}  // namespace

void SetStrings(const std::vector<UiText>& table) {
    Table& t = T();
    t.text = table;
    t.labels.clear();
}

const char* Tr(Key key) {
    const UiText& u = At(key);
    return u.plural ? u.forms[kOther].c_str() : u.text.c_str();
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

std::string TrF(Key key, std::initializer_list<TextArg> args) { return FillPlaceholders(Tr(key), args); }

PluralForm PluralCategory(std::string_view rule, long long n) {
    const long long a = n < 0 ? -n : n, m10 = a % 10, m100 = a % 100;
    if (rule == "ja" || rule == "zh" || rule == "ko" || rule == "none") return kOther;
    if (rule == "fr") return a <= 1 ? kOne : kOther;
    if (rule == "ru" || rule == "uk" || rule == "pl") {
        if (rule == "pl" ? a == 1 : (m10 == 1 && m100 != 11)) return kOne;
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return kFew;
        return kMany;
    }
    if (rule == "ar") {
        if (a == 0) return kZero;
        if (a == 1) return kOne;
        if (a == 2) return kTwo;
        if (m100 >= 3 && m100 <= 10) return kFew;
        if (m100 >= 11) return kMany;
        return kOther;
    }
    return a == 1 ? kOne : kOther;  // en, and any rule not named above
}

const char* PluralFormName(PluralForm f) {
    static const char* const kNames[] = {"zero", "one", "two", "few", "many", "other"};
    return f < kPluralForms ? kNames[f] : "";
}

std::string GroupedNumber(long long n) {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    const std::string_view sep = Tr("number.group");
    std::string out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string TrN(Key key, long long n, std::initializer_list<TextArg> args) {
    const UiText& u = At(key);
    std::string_view text = u.text;
    if (u.plural) {
        const PluralForm f = PluralCategory(Tr("plural.rule"), n);
        text = !u.forms[f].empty() ? u.forms[f] : u.forms[kOther];
    }
    const std::string num = GroupedNumber(n);
    return FillPlaceholders(FillPlaceholders(text, args), {{"n", num}});  // the caller's args first
}

const char* TrId(Key key, std::string_view id) {
    Table& t = T();
    auto k = std::make_pair(key.index, std::string(id));
    auto it = t.labels.find(k);
    if (it == t.labels.end()) it = t.labels.emplace(k, std::string(Tr(key)) + "##" + std::string(id)).first;
    return it->second.c_str();
}

std::string ListInWords(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? Tr("list.last_separator") : Tr("list.separator")) + items[i];
    return out;
}

}  // namespace wb
