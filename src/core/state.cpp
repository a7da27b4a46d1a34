// Stored-state codec. Reading is forgiving field by field (what can be read is
// used) and strict about reporting: every field that had to be dropped is named
// in problems, so the caller quarantines the original bytes.
#include "core/state.h"

#include <nlohmann/json.hpp>

namespace wb {
using nlohmann::json;

std::string CheckJsonLimits(std::string_view text) {
    if (text.size() > kMaxJsonBytes)
        return "it is " + std::to_string(text.size() >> 20) + " MB, over the 32 MB limit";
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth) return "it nests deeper than 64 levels";
        } else if (c == '}' || c == ']') --depth;
    }
    return "";
}

int CountWords(std::string_view text) {
    int n = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

namespace {

const char* ThemeName(ThemeChoice t) {
    switch (t) {
        case ThemeChoice::Light: return "light";
        case ThemeChoice::Dark: return "dark";
        default: return "system";
    }
}

struct Reader {
    StateLoad& out;
    void Problem(std::string what) { out.problems.push_back(std::move(what)); }
    bool Expect(const json& j, json::value_t t, const char* path, const char* kind) {
        if (j.type() == t || (t == json::value_t::number_float && j.is_number()) || (t == json::value_t::number_integer && j.is_number_integer())) return true;
        Problem(std::string(path) + " should be " + kind + " but is " + j.type_name() + "; it was left out");
        return false;
    }
};

}  // namespace

StateLoad DecodeState(std::string_view text) {
    StateLoad out;
    if (text.empty()) return out;
    if (std::string why = CheckJsonLimits(text); !why.empty()) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back("The saved workbook data could not be read: " + why + ".");
        return out;
    }
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back(doc.is_discarded() ? "The saved workbook data is not valid JSON."
                                                  : "The saved workbook data is not a JSON object.");
        return out;
    }
    Reader r{out};
    auto schema = doc.find("schema");
    if (schema == doc.end() || !schema->is_number_integer()) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back("The saved workbook data has no schema version.");
        return out;
    }
    out.stored_schema = schema->get<int>();
    if (out.stored_schema > LearnerState::kSchema || out.stored_schema < 1) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back("The saved workbook data has schema version " + std::to_string(out.stored_schema) +
                               ", which this version of the workbook (schema " +
                               std::to_string(LearnerState::kSchema) + ") cannot read. Is a newer version open elsewhere?");
        return out;
    }
    // Migrations from earlier schemas go here, each one step: v1 -> v2 -> ...

    LearnerState& s = out.state;
    if (auto it = doc.find("settings"); it != doc.end() && r.Expect(*it, json::value_t::object, "settings", "an object")) {
        const json& j = *it;
        if (auto t = j.find("theme"); t != j.end() && r.Expect(*t, json::value_t::string, "settings.theme", "text")) {
            std::string v = t->get<std::string>();
            if (v == "light") s.settings.theme = ThemeChoice::Light;
            else if (v == "dark") s.settings.theme = ThemeChoice::Dark;
            else if (v == "system") s.settings.theme = ThemeChoice::System;
            else r.Problem("settings.theme \"" + v + "\" is unknown; the system theme is used");
        }
        if (auto t = j.find("text_size"); t != j.end() && r.Expect(*t, json::value_t::number_integer, "settings.text_size", "a whole number")) {
            int v = t->get<int>();
            if (v >= 100 && v <= 200) s.settings.text_size_pct = v;
            else r.Problem("settings.text_size " + std::to_string(v) + " is outside 100..200; 100 is used");
        }
        if (auto t = j.find("high_contrast"); t != j.end() && r.Expect(*t, json::value_t::boolean, "settings.high_contrast", "true or false"))
            s.settings.high_contrast = t->get<bool>();
    }
    if (auto it = doc.find("reader"); it != doc.end() && r.Expect(*it, json::value_t::object, "reader", "an object")) {
        const json& j = *it;
        if (auto t = j.find("current"); t != j.end() && r.Expect(*t, json::value_t::string, "reader.current", "text"))
            s.reader.current = t->get<std::string>();
        if (auto t = j.find("scroll"); t != j.end() && r.Expect(*t, json::value_t::object, "reader.scroll", "an object"))
            for (auto& [k, v] : t->items()) {
                if (v.is_number()) s.reader.scroll[k] = v.get<float>();
                else r.Problem("reader.scroll." + k + " is not a number; it was left out");
            }
        if (auto t = j.find("read"); t != j.end() && r.Expect(*t, json::value_t::array, "reader.read", "a list"))
            for (auto& v : *t) {
                if (v.is_string()) s.reader.read.insert(v.get<std::string>());
                else r.Problem("reader.read has an entry that is not a section id; it was left out");
            }
    }
    if (auto it = doc.find("reflections"); it != doc.end() && r.Expect(*it, json::value_t::object, "reflections", "an object"))
        for (auto& [k, v] : it->items()) {
            if (v.is_string()) s.reflections[k] = v.get<std::string>();
            else r.Problem("the reflection answer \"" + k + "\" is not text; it was left out");
        }

    out.status = out.problems.empty() ? StateLoad::Status::Ok : StateLoad::Status::Partial;
    return out;
}

std::string EncodeState(const LearnerState& s) {
    json doc = json::object();
    doc["schema"] = LearnerState::kSchema;
    doc["settings"] = {{"theme", ThemeName(s.settings.theme)},
                       {"text_size", s.settings.text_size_pct},
                       {"high_contrast", s.settings.high_contrast}};
    json scroll = json::object();
    for (auto& [k, v] : s.reader.scroll) scroll[k] = static_cast<int>(v);  // whole pixels are enough
    doc["reader"] = {{"current", s.reader.current}, {"scroll", scroll}, {"read", s.reader.read}};
    doc["reflections"] = s.reflections;
    // replace, not throw: a broken UTF-8 sequence typed in must not abort the module
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace wb
