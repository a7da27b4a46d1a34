// Decodes the compiled chapter document (written by src/tools/contentc).
//
// Format 1, minified JSON:
//   {"format":1,"title":"...","strings":{"key":"text",...},
//    "sections":[{"id":"...","title":"...","kind":"intro|benefit|tip|conclusion",
//      "blocks":[BLOCK...],
//      "reflections":[{"id":"<section-id>.<prompt-id>","text":"..."}]}]}
//   BLOCK: {"k":"h","l":2..4,"s":SPANS}   heading inside the section
//          {"k":"p","s":SPANS}            paragraph
//          {"k":"li","d":1..,"n":0..,"s":SPANS}  list item (d depth, n ordinal, 0 = bullet)
//          {"k":"q","s":SPANS}            paragraph in a block quote
//          {"k":"t","s":SPANS}            the key takeaway callout
//   SPANS: [["text",style] or ["text",style,"link"], ...]; style bits 1 strong,
//          2 emphasis, 4 code; link "#/read/<id>" or an external URL.
//
//   Optional, after "sections" (absent = no quizzes; see core/quiz.h):
//   "quizzes":[{"id":"...","section":"<section-id>","title":"...","pass_mark":0.8,
//      "feedback":"immediate|on_submit","scoring":"all_or_nothing|partial",
//      "recommendation":{"action":"<action-id>","text":"..."},   (tip quizzes only)
//      "questions":[QUESTION...]}]
//   QUESTION: {"id":"<quiz-id>.<local-id>",
//              "kind":"single|multiple|true_false|scenario|ordering|self_rating",
//              "hash":"<16 hex digits, wb::QuestionHash>",
//              "scenario":"...",                                  (scenario only)
//              "prompt":"...",
//              "options":[{"id":"a","text":"...","correct":true,"feedback":"..."}],
//                  (all but self_rating; "correct" and "feedback" omitted when
//                  false/empty; true_false has ids "true","false"; ordering
//                  lists the items in the correct order, without "correct")
//              "explanation":"...","cite":"<section-id>",         (graded kinds)
//              "tip":"<tip section id>","min_label":"...","max_label":"..."}  (self_rating)
//
// Never throws: the parse is non-throwing and every value is type-checked
// before use, so a bad document gives ok=false and an error naming the path
// (e.g. `sections[3].blocks[2]: "k" must be one of h,p,li,q,t`). Unknown keys
// are ignored so newer compilers can add fields.

#include "core/content.h"

#include <nlohmann/json.hpp>
#include <set>

namespace wb {

int Content::FindSection(std::string_view id) const {
    for (size_t i = 0; i < sections.size(); ++i)
        if (sections[i].id == id) return (int)i;
    return -1;
}

const Quiz* Content::FindQuiz(std::string_view quiz_id) const {
    for (const auto& q : quizzes)
        if (q.id == quiz_id) return &q;
    return nullptr;
}

const Quiz* Content::QuizForSection(std::string_view section) const {
    for (const auto& q : quizzes)
        if (q.section == section) return &q;
    return nullptr;
}

const char* Content::Str(std::string_view key) const {
    for (const auto& [k, v] : strings)
        if (k == key) return v.c_str();
    // Missing: show the key itself, so a gap is visible but harmless. The key
    // may not be NUL-terminated, so hand out a stable interned copy.
    static std::set<std::string, std::less<>> missing;
    auto it = missing.find(key);
    if (it == missing.end()) it = missing.emplace(key).first;
    return it->c_str();
}

std::string BlockText(const Block& b) {
    std::string s;
    for (const auto& sp : b.spans) s += sp.text;
    return s;
}

namespace {

using Json = nlohmann::json;

// Collects the first error; every Get* returns false once one is recorded.
struct Decoder {
    std::string error;

    static std::string Join(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }

    bool Fail(const std::string& path, const std::string& msg) {
        if (error.empty()) error = path.empty() ? msg : path + ": " + msg;
        return false;
    }

    const Json* Field(const Json& obj, const char* key, const std::string& path) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            Fail(path, std::string("missing \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    bool GetString(const Json& obj, const char* key, const std::string& path, std::string& out, bool non_empty) {
        const Json* v = Field(obj, key, path);
        if (!v) return false;
        if (!v->is_string() || (non_empty && v->get_ref<const std::string&>().empty()))
            return Fail(Join(path, key), non_empty ? "must be a non-empty string" : "must be a string");
        out = v->get<std::string>();
        return true;
    }

    bool GetInt(const Json& obj, const char* key, const std::string& path, int lo, int hi, int& out) {
        const Json* v = Field(obj, key, path);
        if (!v) return false;
        if (!v->is_number_integer() || v->get<int64_t>() < lo || v->get<int64_t>() > hi)
            return Fail(Join(path, key), "must be an integer " + std::to_string(lo) + ".." + std::to_string(hi));
        out = (int)v->get<int64_t>();
        return true;
    }

    bool Spans(const Json& arr, const std::string& path, std::vector<Span>& out) {
        if (!arr.is_array()) return Fail(path, "must be an array of spans");
        for (size_t i = 0; i < arr.size(); ++i) {
            const Json& s = arr[i];
            const std::string p = path + "[" + std::to_string(i) + "]";
            if (!s.is_array() || s.size() < 2 || s.size() > 3 || !s[0].is_string())
                return Fail(p, "must be [\"text\", style] or [\"text\", style, \"link\"]");
            if (!s[1].is_number_integer() || s[1].get<int64_t>() < 0 || s[1].get<int64_t>() > 7)
                return Fail(p, "style must be an integer 0..7");
            if (s.size() == 3 && (!s[2].is_string() || s[2].get_ref<const std::string&>().empty()))
                return Fail(p, "link must be a non-empty string");
            Span span;
            span.text = s[0].get<std::string>();
            span.style = (uint8_t)s[1].get<int64_t>();
            if (s.size() == 3) span.link = s[2].get<std::string>();
            out.push_back(std::move(span));
        }
        return true;
    }

    bool DecodeBlock(const Json& j, const std::string& path, Block& b) {
        if (!j.is_object()) return Fail(path, "must be an object");
        auto k = j.find("k");
        const std::string kind = (k != j.end() && k->is_string()) ? k->get<std::string>() : "";
        int v = 0;
        if (kind == "h") {
            b.kind = BlockKind::Heading;
            if (!GetInt(j, "l", path, 2, 4, v)) return false;
            b.level = (uint8_t)v;
        } else if (kind == "p") {
            b.kind = BlockKind::Paragraph;
        } else if (kind == "li") {
            b.kind = BlockKind::ListItem;
            if (!GetInt(j, "d", path, 1, 255, v)) return false;
            b.list_depth = (uint8_t)v;
            if (!GetInt(j, "n", path, 0, 65535, v)) return false;
            b.ordinal = (uint16_t)v;
        } else if (kind == "q") {
            b.kind = BlockKind::Quote;
        } else if (kind == "t") {
            b.kind = BlockKind::Takeaway;
        } else {
            return Fail(path, "\"k\" must be one of h,p,li,q,t");
        }
        const Json* s = Field(j, "s", path);
        return s && Spans(*s, path + ".s", b.spans);
    }

    bool DecodeSection(const Json& j, const std::string& path, Section& s) {
        if (!j.is_object()) return Fail(path, "must be an object");
        std::string kind;
        if (!GetString(j, "id", path, s.id, true) || !GetString(j, "title", path, s.title, true) ||
            !GetString(j, "kind", path, kind, true))
            return false;
        if (kind == "intro") s.kind = SectionKind::Intro;
        else if (kind == "benefit") s.kind = SectionKind::Benefit;
        else if (kind == "tip") s.kind = SectionKind::Tip;
        else if (kind == "conclusion") s.kind = SectionKind::Conclusion;
        else return Fail(path + ".kind", "must be one of intro,benefit,tip,conclusion");

        const Json* blocks = Field(j, "blocks", path);
        if (!blocks) return false;
        if (!blocks->is_array()) return Fail(path + ".blocks", "must be an array");
        for (size_t i = 0; i < blocks->size(); ++i) {
            Block b;
            if (!DecodeBlock((*blocks)[i], path + ".blocks[" + std::to_string(i) + "]", b)) return false;
            s.blocks.push_back(std::move(b));
        }

        const Json* refl = Field(j, "reflections", path);
        if (!refl) return false;
        if (!refl->is_array()) return Fail(path + ".reflections", "must be an array");
        for (size_t i = 0; i < refl->size(); ++i) {
            const std::string p = path + ".reflections[" + std::to_string(i) + "]";
            const Json& r = (*refl)[i];
            if (!r.is_object()) return Fail(p, "must be an object");
            ReflectionPrompt rp;
            if (!GetString(r, "id", p, rp.id, true) || !GetString(r, "text", p, rp.text, true)) return false;
            s.reflections.push_back(std::move(rp));
        }
        return true;
    }

    //--- quizzes ----------------------------------------------------------------

    // An optional string field: absent leaves out unchanged.
    bool GetOptString(const Json& obj, const char* key, const std::string& path, std::string& out) {
        auto it = obj.find(key);
        if (it == obj.end()) return true;
        if (!it->is_string()) return Fail(Join(path, key), "must be a string");
        out = it->get<std::string>();
        return true;
    }

    bool GetSectionRef(const Json& obj, const char* key, const std::string& path, const Content& c, std::string& out) {
        if (!GetString(obj, key, path, out, true)) return false;
        if (c.FindSection(out) < 0) return Fail(Join(path, key), "unknown section \"" + out + "\"");
        return true;
    }

    bool DecodeOption(const Json& j, const std::string& path, Option& o) {
        if (!j.is_object()) return Fail(path, "must be an object");
        if (!GetString(j, "id", path, o.id, true) || !GetString(j, "text", path, o.text, true) ||
            !GetOptString(j, "feedback", path, o.feedback))
            return false;
        if (auto it = j.find("correct"); it != j.end()) {
            if (!it->is_boolean()) return Fail(path + ".correct", "must be true or false");
            o.correct = it->get<bool>();
        }
        return true;
    }

    bool DecodeQuestion(const Json& j, const std::string& path, const Content& c, Question& q) {
        if (!j.is_object()) return Fail(path, "must be an object");
        std::string kind;
        if (!GetString(j, "id", path, q.id, true) || !GetString(j, "kind", path, kind, true)) return false;
        if (!ParseQuestionKind(kind, q.kind))
            return Fail(path + ".kind", "must be one of single,multiple,true_false,scenario,ordering,self_rating");
        if (!GetString(j, "hash", path, q.hash, true) || !GetString(j, "prompt", path, q.prompt, true)) return false;
        if (q.kind == QuestionKind::Scenario && !GetString(j, "scenario", path, q.scenario, true)) return false;

        if (q.kind == QuestionKind::SelfRating) {
            return GetSectionRef(j, "tip", path, c, q.tip) && GetString(j, "min_label", path, q.min_label, true) &&
                   GetString(j, "max_label", path, q.max_label, true);
        }

        const Json* opts = Field(j, "options", path);
        if (!opts) return false;
        if (!opts->is_array() || opts->size() < 2) return Fail(path + ".options", "must be an array of at least 2 options");
        int correct = 0;
        for (size_t i = 0; i < opts->size(); ++i) {
            const std::string p = path + ".options[" + std::to_string(i) + "]";
            Option o;
            if (!DecodeOption((*opts)[i], p, o)) return false;
            if (q.FindOption(o.id) >= 0) return Fail(p + ".id", "duplicate option id \"" + o.id + "\"");
            correct += o.correct;
            q.options.push_back(std::move(o));
        }
        // The engine relies on these; the compiler guarantees them, a
        // hand-edited document might not.
        const bool one = q.kind == QuestionKind::Single || q.kind == QuestionKind::Scenario ||
                         q.kind == QuestionKind::TrueFalse;
        if (q.kind != QuestionKind::Ordering && correct == 0) return Fail(path + ".options", "no correct option");
        if (one && correct > 1) return Fail(path + ".options", "more than one correct option");
        return GetString(j, "explanation", path, q.explanation, true) && GetSectionRef(j, "cite", path, c, q.cite);
    }

    bool DecodeQuiz(const Json& j, const std::string& path, const Content& c, Quiz& quiz) {
        if (!j.is_object()) return Fail(path, "must be an object");
        std::string feedback, scoring;
        if (!GetString(j, "id", path, quiz.id, true) || !GetSectionRef(j, "section", path, c, quiz.section) ||
            !GetString(j, "title", path, quiz.title, true) || !GetString(j, "feedback", path, feedback, true) ||
            !GetString(j, "scoring", path, scoring, true))
            return false;
        if (!ParseFeedbackMode(feedback, quiz.feedback)) return Fail(path + ".feedback", "must be one of immediate,on_submit");
        if (!ParseScoringRule(scoring, quiz.scoring)) return Fail(path + ".scoring", "must be one of all_or_nothing,partial");
        const Json* pm = Field(j, "pass_mark", path);
        if (!pm) return false;
        if (!pm->is_number() || pm->get<double>() <= 0 || pm->get<double>() > 1)
            return Fail(path + ".pass_mark", "must be a number greater than 0 and at most 1");
        quiz.pass_mark = pm->get<double>();
        if (auto rec = j.find("recommendation"); rec != j.end()) {
            const std::string p = path + ".recommendation";
            if (!rec->is_object()) return Fail(p, "must be an object");
            if (!GetString(*rec, "action", p, quiz.action, true) || !GetString(*rec, "text", p, quiz.action_text, true))
                return false;
        }
        const Json* qs = Field(j, "questions", path);
        if (!qs) return false;
        if (!qs->is_array()) return Fail(path + ".questions", "must be an array");
        for (size_t i = 0; i < qs->size(); ++i) {
            const std::string p = path + ".questions[" + std::to_string(i) + "]";
            Question q;
            if (!DecodeQuestion((*qs)[i], p, c, q)) return false;
            // Question ids key stored answers.
            if (quiz.Find(q.id)) return Fail(p + ".id", "duplicate question id \"" + q.id + "\"");
            quiz.questions.push_back(std::move(q));
        }
        return true;
    }

    bool DecodeQuizzes(const Json& j, Content& c) {
        auto qs = j.find("quizzes");
        if (qs == j.end()) return true;  // documents without quizzes stay valid
        if (!qs->is_array()) return Fail("quizzes", "must be an array");
        for (size_t i = 0; i < qs->size(); ++i) {
            const std::string p = "quizzes[" + std::to_string(i) + "]";
            Quiz quiz;
            if (!DecodeQuiz((*qs)[i], p, c, quiz)) return false;
            if (c.FindQuiz(quiz.id)) return Fail(p + ".id", "duplicate quiz id \"" + quiz.id + "\"");
            if (c.QuizForSection(quiz.section))
                return Fail(p + ".section", "section \"" + quiz.section + "\" already has a quiz");
            c.quizzes.push_back(std::move(quiz));
        }
        return true;
    }

    bool DecodeDocument(const Json& j, Content& c) {
        if (!j.is_object()) return Fail("", "document must be a JSON object");
        const Json* format = Field(j, "format", "");
        if (!format) return false;
        if (!format->is_number_integer()) return Fail("format", "must be an integer");
        if (format->get<int64_t>() != 1)
            return Fail("format", "unsupported version " + std::to_string(format->get<int64_t>()) + " (expected 1)");
        if (!GetString(j, "title", "", c.title, false)) return false;

        const Json* strings = Field(j, "strings", "");
        if (!strings) return false;
        if (!strings->is_object()) return Fail("strings", "must be an object");
        for (const auto& [k, v] : strings->items()) {
            if (!v.is_string()) return Fail("strings." + k, "must be a string");
            c.strings.emplace_back(k, v.get<std::string>());
        }

        const Json* sections = Field(j, "sections", "");
        if (!sections) return false;
        if (!sections->is_array()) return Fail("sections", "must be an array");
        for (size_t i = 0; i < sections->size(); ++i) {
            const std::string p = "sections[" + std::to_string(i) + "]";
            Section s;
            if (!DecodeSection((*sections)[i], p, s)) return false;
            // Ids key deep links and stored progress, so they must be unique.
            if (c.FindSection(s.id) >= 0) return Fail(p + ".id", "duplicate section id \"" + s.id + "\"");
            c.sections.push_back(std::move(s));
        }
        return DecodeQuizzes(j, c);
    }
};

// Only used after a failed parse, to say where and why: a SAX pass that
// builds nothing and keeps the parser's own message (no exception is thrown;
// the parse_error object is handed over, not raised).
struct SyntaxErrorFinder : nlohmann::json_sax<Json> {
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        // ex.what() is "[json.exception.parse_error.101] parse error at line L, column C: why"
        std::string what = ex.what();
        size_t at = what.find("parse error");
        message = "not valid JSON (byte " + std::to_string(position) + "): " +
                  (at == std::string::npos ? what : what.substr(at));
        return false;
    }
};

}  // namespace

ContentResult DecodeContent(std::string_view json) {
    ContentResult r;
    // Non-throwing parse: a syntax error yields a "discarded" value.
    const Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        SyntaxErrorFinder finder;
        Json::sax_parse(json.begin(), json.end(), &finder);
        r.error = finder.message.empty() ? "not valid JSON" : finder.message;
        return r;
    }
    Decoder d;
    if (!d.DecodeDocument(j, r.content)) {
        r.error = d.error;
        r.content = Content{};
        return r;
    }
    r.ok = true;
    return r;
}

}  // namespace wb
