// Stored-state codec. Reading is forgiving field by field (what can be read is
// used) and strict about reporting: every field that had to be dropped is named
// in problems, so the caller quarantines the original bytes.
//
// Index
//   Limits and helpers
//   Migrations      one step per schema version, on the JSON document
//   Decode          schema kSchema, field by field
//   Encode
//   Merge           two tabs, record by record
#include "core/state.h"
#include "core/strings.h"

#include "core/planner.h"
#include "core/utf8.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace wb {
using nlohmann::json;

// --- Limits and helpers ------------------------------------------------------
namespace {
// A SAX handler that accepts every value and notes the first error.
struct ErrorLocator {
    JsonError error;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        error.offset = position > 0 ? position - 1 : 0;  // position counts the character read
        error.id = e.id;
        return false;
    }
};
}  // namespace

JsonError FindJsonError(std::string_view text) {
    ErrorLocator locator;
    json::sax_parse(text, &locator);
    return locator.error;
}

std::string CheckJsonLimits(std::string_view text, size_t max_bytes) {
    if (text.size() > max_bytes)
        return TrF("state.too_big", {{"mb", std::to_string(text.size() >> 20)}, {"max", std::to_string(max_bytes >> 20)}});
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
            if (++depth > kMaxJsonDepth) return Tr("state.it_nests_deeper_than_64");
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

void LineColumnOf(std::string_view text, size_t offset, size_t& line, size_t& column) {
    line = 1;
    column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count characters, not bytes
        }
    }
}

std::string DescribeOffset(std::string_view text, size_t offset) {
    size_t line = 1, col = 1;
    LineColumnOf(text, offset, line, col);
    return TrF("state.line_column", {{"line", std::to_string(line)}, {"column", std::to_string(col)}});
}

int LearnerState::AnsweredReflections() const {
    int n = 0;
    for (const auto& kv : reflections)
        if (CountWords(kv.second) > 0) ++n;
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
    bool Expect(const json& j, json::value_t t, const std::string& path, const char* kind) {
        if (j.type() == t || (t == json::value_t::number_float && j.is_number()) ||
            (t == json::value_t::number_integer && j.is_number_integer()))
            return true;
        Problem(TrF("state.wrong_type", {{"path", path}, {"kind", kind}, {"type", j.type_name()}}));
        return false;
    }
    // A revision: {"at": <ms>, "by": "<tab>"}. A bad one reads as "never".
    Rev ReadRev(const json& parent, const char* key, const std::string& path) {
        Rev r;
        auto it = parent.find(key);
        if (it == parent.end()) return r;
        if (!Expect(*it, json::value_t::object, path, Tr("state.a_revision_object"))) return r;
        auto at = it->find("at");
        auto by = it->find("by");
        if (at != it->end() && Expect(*at, json::value_t::number_integer, path + ".at", Tr("state.a_whole_number"))) {
            // Above INT64_MAX get<int64_t>() wraps (2^64 - 1 reads as -1): refuse it instead.
            if (at->is_number_unsigned() && at->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
                Problem(TrF("state.not_a_time", {{"path", path + ".at"}, {"value", at->dump()}}));
            else
                r.at = at->get<int64_t>();
        }
        if (by != it->end() && Expect(*by, json::value_t::string, path + ".by", "text")) r.by = by->get<std::string>();
        return r;
    }
};

json RevJson(const Rev& r) { return json{{"at", r.at}, {"by", r.by}}; }

// --- Migrations --------------------------------------------------------------
// Each step takes a document of schema N to N+1, so every earlier version has a
// path to this one. The fixtures in tests/fixtures/state/ hold one stored
// document of each version.

// 1 -> 2: reflections were plain strings; now {"text", "rev"}.
void MigrateV1(json& doc) {
    auto it = doc.find("reflections");
    if (it != doc.end() && it->is_object())
        for (auto& kv : it->items())
            if (kv.value().is_string()) kv.value() = json{{"text", kv.value().get<std::string>()}};
    doc["schema"] = 2;
}

// 2 -> 3: quiz progress and the shuffle seed are new; nothing to convert.
void MigrateV2(json& doc) { doc["schema"] = 3; }

// An optional field of a quiz record: absent keeps `out`; present, it must pass
// `fits` or the record is damaged (false). json::value() would throw on the wrong
// type instead, and the wasm build turns a throw into an abort.
template <class T, class Fits>
bool OptionalField(const json& o, const char* key, T& out, Fits fits) {
    auto it = o.find(key);
    if (it == o.end()) return true;
    if (!fits(*it)) return false;
    out = it->get<T>();
    return true;
}
bool IsBool(const json& j) { return j.is_boolean(); }
bool IsText(const json& j) { return j.is_string(); }
bool IsWhole(const json& j) { return j.is_number_integer(); }
bool IsScore(const json& j) { return j.is_number() && j.get<double>() >= 0.0 && j.get<double>() <= 1.0; }
bool IsRating(const json& j) { return j.is_number_integer() && j.get<int64_t>() >= 0 && j.get<int64_t>() <= kRatingMax; }

// Quiz progress, field by field; a bad piece drops that quiz's record only.
void ReadQuizzes(Reader& r, const json& j, LearnerState& s) {
    for (auto& kv : j.items()) {
        const std::string path = "quizzes." + kv.key();
        const json& q = kv.value();
        if (!r.Expect(q, json::value_t::object, path, Tr("state.an_object"))) continue;
        QuizProgress p;
        bool ok = OptionalField(q, "mastered", p.mastered, IsBool) && OptionalField(q, "submitted", p.submitted, IsBool);
        if (auto a = q.find("answers"); a != q.end()) {
            if (!a->is_object()) ok = false;
            else
                for (auto& av : a->items()) {
                    const json& v = av.value();
                    Response resp;
                    if (!v.is_object()) { ok = false; break; }
                    if (auto c = v.find("chosen"); c != v.end()) {
                        if (!c->is_array()) { ok = false; break; }
                        for (auto& id : *c)
                            if (id.is_string()) resp.chosen.push_back(id.get<std::string>());
                            else ok = false;
                    }
                    ok = OptionalField(v, "rating", resp.rating, IsRating) && OptionalField(v, "hash", resp.hash, IsText) &&
                         OptionalField(v, "checked", resp.checked, IsBool) && ok;
                    p.answers[av.key()] = std::move(resp);
                }
        }
        if (auto a = q.find("attempts"); a != q.end()) {
            if (!a->is_array()) ok = false;
            else
                for (auto& av : *a) {
                    if (!av.is_object()) { ok = false; break; }
                    Attempt at;
                    ok = OptionalField(av, "time", at.time, IsWhole) && OptionalField(av, "score", at.score, IsScore) &&
                         OptionalField(av, "passed", at.passed, IsBool) && ok;
                    if (auto res = av.find("results"); res != av.end() && res->is_array())
                        for (auto& rv : *res) {
                            if (!rv.is_object()) { ok = false; break; }
                            QuestionResult qr;
                            ok = OptionalField(rv, "q", qr.question, IsText) && OptionalField(rv, "score", qr.score, IsScore) &&
                                 OptionalField(rv, "correct", qr.correct, IsBool) &&
                                 OptionalField(rv, "answered", qr.answered, IsBool) && OptionalField(rv, "stale", qr.stale, IsBool) &&
                                 ok;
                            at.results.push_back(std::move(qr));
                        }
                    p.attempts.push_back(std::move(at));
                }
        }
        if (!ok) {
            r.Problem(TrF("state.quiz_damaged", {{"path", path}}));
            continue;
        }
        s.quizzes[kv.key()] = std::move(p);
        s.quiz_revs[kv.key()] = r.ReadRev(q, "rev", path + ".rev");
    }
}

}  // namespace

// --- Decode ------------------------------------------------------------------
StateLoad DecodeState(std::string_view text) {
    StateLoad out;
    if (text.empty()) return out;
    if (std::string why = CheckJsonLimits(text); !why.empty()) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back(TrF("state.unreadable", {{"why", why}}));
        return out;
    }
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back(doc.is_discarded() ? Tr("state.the_saved_workbook_data_is")
                                                  : Tr("state.the_saved_workbook_data_is_2"));
        return out;
    }
    Reader r{out};
    auto schema = doc.find("schema");
    if (schema == doc.end() || !schema->is_number_integer()) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back(Tr("state.the_saved_workbook_data_has"));
        return out;
    }
    // Range-check the 64-bit value before narrowing: 2^32 + 1 must not read as 1.
    int64_t schema64 = schema->get<int64_t>();
    out.stored_schema = schema64 > 1000000 || schema64 < -1000000 ? 1000000 : static_cast<int>(schema64);
    if (out.stored_schema > LearnerState::kSchema || out.stored_schema < 1) {
        out.status = StateLoad::Status::Unreadable;
        out.problems.push_back(TrF("state.newer_schema", {{"schema", std::to_string(out.stored_schema)},
                                                          {"ours", std::to_string(LearnerState::kSchema)}}));
        return out;
    }
    if (out.stored_schema == 1) MigrateV1(doc);
    if (doc["schema"] == 2) MigrateV2(doc);

    LearnerState& s = out.state;
    if (auto g = doc.find("generation"); g != doc.end() && r.Expect(*g, json::value_t::string, "generation", "text"))
        s.generation = g->get<std::string>();
    if (auto it = doc.find("settings"); it != doc.end() && r.Expect(*it, json::value_t::object, "settings", Tr("state.an_object"))) {
        const json& j = *it;
        if (auto t = j.find("theme"); t != j.end() && r.Expect(*t, json::value_t::string, "settings.theme", "text")) {
            std::string v = t->get<std::string>();
            if (v == "light") s.settings.theme = ThemeChoice::Light;
            else if (v == "dark") s.settings.theme = ThemeChoice::Dark;
            else if (v == "system") s.settings.theme = ThemeChoice::System;
            else r.Problem(Tr("state.settings_theme") + v + Tr("state.is_unknown_the_system_theme"));
        }
        if (auto t = j.find("text_size"); t != j.end() && r.Expect(*t, json::value_t::number_integer, "settings.text_size", Tr("state.a_whole_number"))) {
            int64_t v = t->get<int64_t>();
            if (v >= 100 && v <= 200) s.settings.text_size_pct = static_cast<int>(v);
            else r.Problem(TrF("state.text_size_outside", {{"path", "settings.text_size"}, {"value", std::to_string(v)}}));
        }
        if (auto t = j.find("high_contrast"); t != j.end() && r.Expect(*t, json::value_t::boolean, "settings.high_contrast", Tr("state.true_or_false")))
            s.settings.high_contrast = t->get<bool>();
        s.settings_rev = r.ReadRev(j, "rev", "settings.rev");
    }
    if (auto it = doc.find("reader"); it != doc.end() && r.Expect(*it, json::value_t::object, "reader", Tr("state.an_object"))) {
        const json& j = *it;
        if (auto t = j.find("current"); t != j.end() && r.Expect(*t, json::value_t::string, "reader.current", "text"))
            s.reader.current = t->get<std::string>();
        s.current_rev = r.ReadRev(j, "current_rev", "reader.current_rev");
        if (auto t = j.find("scroll"); t != j.end() && r.Expect(*t, json::value_t::object, "reader.scroll", Tr("state.an_object"))) {
            for (auto& kv : t->items()) {
                // Bounded: the encoder stores whole pixels as an int, and inf or 1e300 does not fit one.
                double v = kv.value().is_number() ? kv.value().get<double>() : 0.0;
                if (kv.value().is_number() && v >= -1e9 && v <= 1e9) s.reader.scroll[kv.key()] = static_cast<float>(v);
                else r.Problem(TrF("state.scroll_not_pixels", {{"path", "reader.scroll." + kv.key()}}));
            }
        }
        if (auto t = j.find("read"); t != j.end() && r.Expect(*t, json::value_t::array, "reader.read", Tr("state.a_list"))) {
            for (auto& v : *t) {
                if (v.is_string()) s.reader.read.insert(v.get<std::string>());
                else r.Problem(Tr("state.reader_read_has_an_entry"));
            }
        }
    }
    if (auto it = doc.find("reflections"); it != doc.end() && r.Expect(*it, json::value_t::object, "reflections", Tr("state.an_object"))) {
        for (auto& kv : it->items()) {
            const std::string path = "reflections." + kv.key();
            const json& v = kv.value();
            if (!r.Expect(v, json::value_t::object, path, Tr("state.an_object"))) continue;
            auto t = v.find("text");
            if (t == v.end() || !t->is_string()) {
                r.Problem(Tr("state.the_reflection_answer") + kv.key() + Tr("state.is_not_text_it_was"));
                continue;
            }
            s.reflections[kv.key()] = t->get<std::string>();
            s.reflection_revs[kv.key()] = r.ReadRev(v, "rev", path + ".rev");
        }
    }

    if (auto it = doc.find("quizzes"); it != doc.end() && r.Expect(*it, json::value_t::object, "quizzes", Tr("state.an_object")))
        ReadQuizzes(r, *it, s);
    if (auto it = doc.find("seed"); it != doc.end() && r.Expect(*it, json::value_t::string, "seed", "text")) {
        // 64 bits do not fit a JSON number exactly: stored as 16 hex digits.
        const std::string hex = it->get<std::string>();
        uint64_t v = 0;
        bool ok = !hex.empty() && hex.size() <= 16;
        for (char c : hex) {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) ok = false;
            v = v * 16 + static_cast<uint64_t>(d < 0 ? 0 : d);
        }
        if (ok) s.shuffle_seed = v;
        else r.Problem(Tr("state.seed") + hex + Tr("state.is_not_16_hex_digits"));
    }

    out.status = out.problems.empty() ? StateLoad::Status::Ok : StateLoad::Status::Partial;
    return out;
}

// --- Encode ------------------------------------------------------------------
namespace {
json StateJson(const LearnerState& s) {
    json doc = json::object();
    doc["schema"] = LearnerState::kSchema;
    doc["generation"] = s.generation;
    doc["settings"] = {{"theme", ThemeName(s.settings.theme)},
                       {"text_size", s.settings.text_size_pct},
                       {"high_contrast", s.settings.high_contrast},
                       {"rev", RevJson(s.settings_rev)}};
    json scroll = json::object();
    for (const auto& kv : s.reader.scroll) scroll[kv.first] = static_cast<int>(kv.second);  // whole pixels are enough
    doc["reader"] = {{"current", s.reader.current}, {"current_rev", RevJson(s.current_rev)},
                     {"scroll", scroll}, {"read", s.reader.read}};
    json refl = json::object();
    for (const auto& kv : s.reflections) {
        auto rev = s.reflection_revs.find(kv.first);
        refl[kv.first] = {{"text", kv.second}, {"rev", RevJson(rev == s.reflection_revs.end() ? Rev{} : rev->second)}};
    }
    doc["reflections"] = std::move(refl);
    json quizzes = json::object();
    for (const auto& kv : s.quizzes) {
        const QuizProgress& p = kv.second;
        json answers = json::object();
        for (const auto& a : p.answers)
            answers[a.first] = {{"chosen", a.second.chosen}, {"rating", a.second.rating}, {"hash", a.second.hash},
                                {"checked", a.second.checked}};
        json attempts = json::array();
        for (const Attempt& at : p.attempts) {
            json results = json::array();
            for (const QuestionResult& qr : at.results)
                results.push_back({{"q", qr.question}, {"score", qr.score}, {"correct", qr.correct},
                                   {"answered", qr.answered}, {"stale", qr.stale}});
            attempts.push_back({{"time", at.time}, {"score", at.score}, {"passed", at.passed}, {"results", std::move(results)}});
        }
        auto rev = s.quiz_revs.find(kv.first);
        quizzes[kv.first] = {{"answers", std::move(answers)}, {"attempts", std::move(attempts)},
                             {"mastered", p.mastered}, {"submitted", p.submitted},
                             {"rev", RevJson(rev == s.quiz_revs.end() ? Rev{} : rev->second)}};
    }
    doc["quizzes"] = std::move(quizzes);
    if (s.shuffle_seed) {
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(s.shuffle_seed));
        doc["seed"] = hex;
    }
    return doc;
}

// replace, not throw: a broken UTF-8 sequence typed in must not abort the module
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
}  // namespace

std::string EncodeState(const LearnerState& s) { return Dump(StateJson(s)); }

// --- Merge -------------------------------------------------------------------
bool MergeStates(LearnerState& mine, const LearnerState& theirs) {
    if (mine.generation != theirs.generation) {
        // A reset or restore happened in one of the two: the newer data set wins
        // whole. Generations are "<ms>-<tab>", so they order by time.
        if (mine.generation < theirs.generation) {
            auto scroll = mine.reader.scroll;
            mine = theirs;
            mine.reader.scroll = scroll;
            return false;
        }
        return true;
    }
    bool news = false;
    if (mine.settings_rev < theirs.settings_rev) {
        mine.settings = theirs.settings;
        mine.settings_rev = theirs.settings_rev;
    } else if (theirs.settings_rev < mine.settings_rev) {
        news = true;
    }
    if (mine.current_rev < theirs.current_rev) {
        mine.reader.current = theirs.reader.current;
        mine.current_rev = theirs.current_rev;
    } else if (theirs.current_rev < mine.current_rev) {
        news = true;
    }
    for (const std::string& id : mine.reader.read)
        if (!theirs.reader.read.count(id)) news = true;
    mine.reader.read.insert(theirs.reader.read.begin(), theirs.reader.read.end());
    for (const auto& kv : theirs.reflections) {
        auto their_rev = theirs.reflection_revs.find(kv.first);
        Rev tr = their_rev == theirs.reflection_revs.end() ? Rev{} : their_rev->second;
        auto my = mine.reflections.find(kv.first);
        if (my == mine.reflections.end() || mine.reflection_revs[kv.first] < tr) {
            mine.reflections[kv.first] = kv.second;
            mine.reflection_revs[kv.first] = tr;
        }
    }
    // Quizzes: one record each (answers and attempts go together).
    for (const auto& kv : theirs.quizzes) {
        auto their_rev = theirs.quiz_revs.find(kv.first);
        Rev tr = their_rev == theirs.quiz_revs.end() ? Rev{} : their_rev->second;
        if (!mine.quizzes.count(kv.first) || mine.quiz_revs[kv.first] < tr) {
            mine.quizzes[kv.first] = kv.second;
            mine.quiz_revs[kv.first] = tr;
        }
    }
    for (const auto& kv : mine.quizzes) {
        auto their = theirs.quiz_revs.find(kv.first);
        if (!theirs.quizzes.count(kv.first) || their == theirs.quiz_revs.end() || their->second < mine.quiz_revs[kv.first])
            news = true;
    }
    // The seed is made once; if two tabs each made one before either saved, keep the smaller everywhere.
    if (mine.shuffle_seed == 0 || (theirs.shuffle_seed != 0 && theirs.shuffle_seed < mine.shuffle_seed))
        mine.shuffle_seed = theirs.shuffle_seed;
    else if (mine.shuffle_seed != theirs.shuffle_seed)
        news = true;
    for (const auto& kv : mine.reflections) {
        auto their = theirs.reflection_revs.find(kv.first);
        if (!theirs.reflections.count(kv.first) || their == theirs.reflection_revs.end() ||
            their->second < mine.reflection_revs[kv.first])
            news = true;
    }
    return news;
}

}  // namespace wb
