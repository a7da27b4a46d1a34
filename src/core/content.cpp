// Decodes the compiled chapter document (written by src/tools/contentc).
//
// Format 1, minified JSON:
//   {"format":1,"title":"...","strings":{"key":"text",...},
//    "sections":[{"id":"...","title":"...","kind":"intro|benefit|tip|conclusion",
//      "blocks":[BLOCK...],
//      "reflections":[{"id":"<section-id>.<prompt-id>","text":"...",
//                      "planner":"contacts|event|organization"}]}]}   ("planner" optional: what the answer names)
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
//   Optional, after "quizzes" (absent = no rule; see Content::completion):
//   "completion":{"sections":["<section-id>",...],"final_quiz":"<quiz-id>"}
//
// Never throws: the parse is non-throwing and every value is type-checked
// before use, so a bad document gives ok=false and an error naming the path
// (e.g. `sections[3].blocks[2]: "k" must be one of h,p,li,q,t`). Unknown keys
// are ignored so newer compilers can add fields.
//
// Binary encoding, version 4 ("content.bin": contentc --bin; what the module
// embeds). EncodeContentBinary writes it, DecodeContentBinary reads it. The
// same model as the JSON, field for field and in the JSON's order, nothing
// more (a field the JSON leaves out for a kind is left out here too):
//   FILE      "WBCB" (4 bytes), version:U16 (= kContentBinaryVersion), DOCUMENT, then nothing
//   DOCUMENT  title:STR
//             texts:N, N x TEXT                      in Content::texts order (the code's keys, no names)
//             sections:N, N x SECTION
//             quizzes:N, N x QUIZ                   (0 = no "quizzes")
//             completion sections:N, N x STR, final_quiz:STR   (version 2; 0 and "" = no rule)
//   SECTION   id:STR title:STR kind:U8 (0 intro, 1 benefit, 2 tip, 3 conclusion)
//             blocks:N, N x BLOCK
//             reflections:N, N x (id:STR text:STR planner:U8 (0 none, 1 contacts, 2 event, 3 organization))
//   BLOCK     kind:U8 (0 heading "h", 1 paragraph "p", 2 list item "li", 3 quote "q", 4 takeaway "t")
//             heading: level:U8 (2..4); list item: depth:U8 (1..255) ordinal:VAR (0..65535)
//             spans:N, N x SPAN
//   SPAN      flags:U8 (bits 0-2 the style, bit 7 set = a link follows; bits 3-6 zero)
//             text:STR [link:STR, non-empty]
//   QUIZ      id:STR section:STR title:STR pass_mark:F64 feedback:U8 (0 immediate, 1 on_submit)
//             scoring:U8 (0 all_or_nothing, 1 partial)
//             action:STR action_text:STR (both empty = no "recommendation")
//             questions:N, N x QUESTION
//   QUESTION  id:STR kind:U8 (0 single, 1 multiple, 2 true_false, 3 scenario, 4 ordering,
//             5 self_rating) hash:STR [scenario:STR, scenario only] prompt:STR, then
//             self_rating: tip:STR min_label:STR max_label:STR
//             otherwise:   options:N, N x OPTION, explanation:STR cite:STR
//   OPTION    id:STR text:STR correct:U8 (0 or 1) feedback:STR (may be empty)
// U8 one byte; U16 two bytes little-endian; VAR unsigned LEB128 (7 bits a byte,
// low first, at most 5 bytes, < 2^32); N a VAR count; STR a VAR byte length,
// then that many bytes of UTF-8 (no terminator); F64 an IEEE-754 double, 8 bytes
// little-endian. Any change to this layout bumps the version: a reader rejects
// every version but its own ("format version 2, this build reads 1").
// The reader checks what the JSON decoder checks (enum ranges, non-empty ids
// and texts, unique ids, section references, option rules), reports the first
// problem with its path, and copies strings as they are (the compiler wrote
// valid UTF-8; it is not re-validated at start-up).

#include "core/content.h"

#include <nlohmann/json.hpp>
#include <cstring>
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
            std::string planner;
            if (!GetOptString(r, "planner", p, planner)) return false;
            if (planner == "contacts") rp.planner = ReflectionPlanner::Contacts;
            else if (planner == "event") rp.planner = ReflectionPlanner::Event;
            else if (planner == "organization") rp.planner = ReflectionPlanner::Organization;
            else if (!planner.empty()) return Fail(p + ".planner", "must be one of contacts,event,organization");
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
        return DecodeQuizzes(j, c) && DecodeCompletion(j, c);
    }

    bool DecodeCompletion(const Json& j, Content& c) {
        auto it = j.find("completion");
        if (it == j.end()) return true;
        if (!it->is_object()) return Fail("completion", "must be an object");
        const Json* secs = Field(*it, "sections", "completion");
        if (!secs) return false;
        if (!secs->is_array()) return Fail("completion.sections", "must be an array");
        for (size_t i = 0; i < secs->size(); ++i) {
            const std::string p = "completion.sections[" + std::to_string(i) + "]";
            if (!(*secs)[i].is_string()) return Fail(p, "must be a section id");
            std::string id = (*secs)[i].get<std::string>();
            if (c.FindSection(id) < 0) return Fail(p, "unknown section \"" + id + "\"");
            c.completion.sections.push_back(std::move(id));
        }
        if (!GetOptString(*it, "final_quiz", "completion", c.completion.final_quiz)) return false;
        if (!c.completion.final_quiz.empty() && !c.FindQuiz(c.completion.final_quiz))
            return Fail("completion.final_quiz", "unknown quiz \"" + c.completion.final_quiz + "\"");
        return true;
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

//-----------------------------------------------------------------------------
// Binary encoding (format at the top of this file)
//-----------------------------------------------------------------------------

namespace {

constexpr char kMagic[4] = {'W', 'B', 'C', 'B'};

// The byte values are the enums' values: pin them, so reordering an enum
// cannot silently change the format.
static_assert(uint8_t(SectionKind::Intro) == 0 && uint8_t(SectionKind::Benefit) == 1 && uint8_t(SectionKind::Tip) == 2 &&
              uint8_t(SectionKind::Conclusion) == 3);
static_assert(uint8_t(BlockKind::Heading) == 0 && uint8_t(BlockKind::Paragraph) == 1 && uint8_t(BlockKind::ListItem) == 2 &&
              uint8_t(BlockKind::Quote) == 3 && uint8_t(BlockKind::Takeaway) == 4);
static_assert(uint8_t(QuestionKind::Single) == 0 && uint8_t(QuestionKind::Multiple) == 1 &&
              uint8_t(QuestionKind::TrueFalse) == 2 && uint8_t(QuestionKind::Scenario) == 3 &&
              uint8_t(QuestionKind::Ordering) == 4 && uint8_t(QuestionKind::SelfRating) == 5);
static_assert(uint8_t(FeedbackMode::Immediate) == 0 && uint8_t(FeedbackMode::OnSubmit) == 1);
static_assert(uint8_t(ScoringRule::AllOrNothing) == 0 && uint8_t(ScoringRule::Partial) == 1);
constexpr uint8_t kLinkFlag = 0x80;

struct BinWriter {
    std::string out;

    void U8(uint8_t v) { out.push_back(char(v)); }
    void Var(uint64_t v) {
        while (v >= 0x80) {
            out.push_back(char(0x80 | (v & 0x7F)));
            v >>= 7;
        }
        out.push_back(char(v));
    }
    void Str(const std::string& s) {
        Var(s.size());
        out += s;
    }
    void F64(double d) {
        uint64_t u;
        std::memcpy(&u, &d, 8);
        for (int i = 0; i < 8; ++i) U8(uint8_t(u >> (8 * i)));
    }

    void Block(const wb::Block& b) {
        U8(uint8_t(b.kind));
        if (b.kind == BlockKind::Heading) U8(b.level);
        if (b.kind == BlockKind::ListItem) {
            U8(b.list_depth);
            Var(b.ordinal);
        }
        Var(b.spans.size());
        for (const Span& sp : b.spans) {
            U8(uint8_t((sp.style & 7) | (sp.link.empty() ? 0 : kLinkFlag)));
            Str(sp.text);
            if (!sp.link.empty()) Str(sp.link);
        }
    }

    void Question(const wb::Question& q) {
        Str(q.id);
        U8(uint8_t(q.kind));
        Str(q.hash);
        if (q.kind == QuestionKind::Scenario) Str(q.scenario);
        Str(q.prompt);
        if (q.kind == QuestionKind::SelfRating) {
            Str(q.tip);
            Str(q.min_label);
            Str(q.max_label);
            return;
        }
        Var(q.options.size());
        for (const Option& o : q.options) {
            Str(o.id);
            Str(o.text);
            U8(o.correct ? 1 : 0);
            Str(o.feedback);
        }
        Str(q.explanation);
        Str(q.cite);
    }
};

// Reads the binary encoding. Every read checks the bytes left first; the
// first problem is kept (with the path of the element being read) and every
// later read fails at once. Paths are built only on failure: while reading,
// the reader keeps a small stack of (name, index) frames.
class BinReader {
public:
    explicit BinReader(std::string_view bytes)
        : p_(reinterpret_cast<const uint8_t*>(bytes.data())), end_(p_ + bytes.size()) {}

    std::string error;

    // RAII frame: "name" or, after At(i), "name[i]".
    class Frame {
    public:
        Frame(BinReader& r, const char* name) : r_(r) {
            if (r_.depth_ < kMaxDepth) r_.frames_[r_.depth_] = {name, -1};
            ++r_.depth_;
        }
        ~Frame() { --r_.depth_; }
        void At(size_t i) {
            if (r_.depth_ <= kMaxDepth) r_.frames_[r_.depth_ - 1].index = int64_t(i);
        }
        Frame(const Frame&) = delete;
        Frame& operator=(const Frame&) = delete;

    private:
        BinReader& r_;
    };

    bool Document(Content& c) {
        if (!Header()) return false;
        {
            Frame f(*this, "title");
            if (!Str(c.title)) return false;
        }
        uint32_t n = 0;
        {
            Frame f(*this, "texts");
            if (!Count(n, 2)) return false;
            c.texts.resize(n);
            for (uint32_t i = 0; i < n; ++i) {
                f.At(i);
                UiText& t = c.texts[i];
                uint8_t forms = 0;
                if (!U8(forms)) return false;
                if (forms >= (1u << kPluralForms)) return Invalid("forms", "names a plural form past \"other\"");
                t.plural = forms != 0;
                if (!t.plural && !Str(t.text)) return false;
                for (int k = 0; k < kPluralForms; ++k)
                    if ((forms & (1u << k)) && !Str(t.forms[k])) return false;
            }
        }
        {
            Frame f(*this, "sections");
            if (!Count(n, 5)) return false;
            c.sections.resize(n);
            for (uint32_t i = 0; i < n; ++i) {
                f.At(i);
                Section& s = c.sections[i];
                if (!ReadSection(s)) return false;
                // Ids key deep links and stored progress, so they must be unique.
                for (uint32_t j = 0; j < i; ++j)
                    if (c.sections[j].id == s.id) return Invalid("id", "duplicate section id \"" + s.id + "\"");
            }
        }
        {
            Frame f(*this, "quizzes");
            if (!Count(n, 14)) return false;
            c.quizzes.resize(n);
            for (uint32_t i = 0; i < n; ++i) {
                f.At(i);
                Quiz& quiz = c.quizzes[i];
                if (!ReadQuiz(c, quiz)) return false;
                for (uint32_t j = 0; j < i; ++j) {
                    if (c.quizzes[j].id == quiz.id) return Invalid("id", "duplicate quiz id \"" + quiz.id + "\"");
                    if (c.quizzes[j].section == quiz.section)
                        return Invalid("section", "section \"" + quiz.section + "\" already has a quiz");
                }
            }
        }
        {
            Frame f(*this, "completion");
            if (!Count(n, 1)) return false;
            c.completion.sections.resize(n);
            for (uint32_t i = 0; i < n; ++i) {
                f.At(i);
                if (!SectionRef(c, c.completion.sections[i], "sections")) return false;
            }
            f.At(-1);
            if (!Str(c.completion.final_quiz)) return false;
            if (!c.completion.final_quiz.empty() && !c.FindQuiz(c.completion.final_quiz))
                return Invalid("final_quiz", "unknown quiz \"" + c.completion.final_quiz + "\"");
        }
        if (p_ != end_) return Fail(std::to_string(end_ - p_) + " unexpected bytes after the end of the document");
        return true;
    }

private:
    static constexpr int kMaxDepth = 8;
    struct Slot {
        const char* name;
        int64_t index;
    };
    const uint8_t* p_;
    const uint8_t* end_;
    Slot frames_[kMaxDepth];
    int depth_ = 0;

    size_t Left() const { return size_t(end_ - p_); }

    std::string Path() const {
        std::string s;
        for (int i = 0; i < depth_ && i < kMaxDepth; ++i) {
            if (i) s += '.';
            s += frames_[i].name;
            if (frames_[i].index >= 0) s += "[" + std::to_string(frames_[i].index) + "]";
        }
        return s;
    }

    // Every failure ends the read: make every later read fail too.
    bool Fail(const std::string& msg) {
        if (error.empty()) error = "content.bin: " + msg;
        p_ = end_;
        return false;
    }
    bool Truncated(const std::string& detail = "") {
        const std::string path = Path();
        return Fail("truncated" + (path.empty() ? std::string(" in the header") : " in " + path) +
                    (detail.empty() ? "" : " (" + detail + ")"));
    }
    // A value read in full but not allowed: "path.field: msg", as the JSON decoder says it.
    bool Invalid(const char* field, const std::string& msg) {
        std::string path = Path();
        if (*field) path += path.empty() ? field : std::string(".") + field;
        return Fail(path + ": " + msg);
    }

    bool Header() {
        const size_t have = Left() < 4 ? Left() : 4;
        if (have == 0 || std::memcmp(p_, kMagic, have) != 0) return Fail("bad magic (not a compiled chapter)");
        if (Left() < 6) return Truncated();
        const uint16_t version = uint16_t(p_[4] | (p_[5] << 8));
        if (version != kContentBinaryVersion)
            return Fail("format version " + std::to_string(version) + ", this build reads " +
                        std::to_string(kContentBinaryVersion));
        p_ += 6;
        return true;
    }

    bool U8(uint8_t& v) {
        if (p_ == end_) return Truncated();
        v = *p_++;
        return true;
    }
    bool Var(uint32_t& v) {
        if (p_ != end_ && *p_ < 0x80) {  // nearly every length and count: one byte
            v = *p_++;
            return true;
        }
        uint32_t r = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p_ == end_) return Truncated();
            const uint8_t b = *p_++;
            if (shift == 28 && b > 0x0F) return Invalid("", "number does not fit in 32 bits");
            r |= uint32_t(b & 0x7F) << shift;
            if (!(b & 0x80)) {
                v = r;
                return true;
            }
        }
        return Invalid("", "number does not fit in 32 bits");  // not reached: a 5th byte > 0x0F fails above
    }
    // A count of elements that take at least min_bytes each: more than the
    // bytes left can hold is a truncated (or corrupt) file, and is refused
    // before anything is allocated for it.
    bool Count(uint32_t& n, size_t min_bytes) {
        if (!Var(n)) return false;
        if (uint64_t(n) * min_bytes > Left())
            return Truncated(std::to_string(n) + " declared, " + std::to_string(Left()) + " bytes left");
        return true;
    }
    bool Str(std::string& s) {
        uint32_t n = 0;
        if (!Var(n)) return false;
        if (n > Left()) return Truncated();
        // Constructing is cheaper than assign() into the empty string (libstdc++'s
        // generic replace path): this is most of the decode.
        s = std::string(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        return true;
    }
    bool NonEmptyStr(std::string& s, const char* field) {
        if (!Str(s)) return false;
        return !s.empty() || Invalid(field, "must be a non-empty string");
    }
    bool F64(double& d) {
        if (Left() < 8) return Truncated();
        uint64_t u = 0;
        for (int i = 0; i < 8; ++i) u |= uint64_t(p_[i]) << (8 * i);
        std::memcpy(&d, &u, 8);
        p_ += 8;
        return true;
    }
    bool Enum(uint8_t& v, uint8_t max, const char* field, const char* names) {
        if (!U8(v)) return false;
        return v <= max || Invalid(field, "must be one of " + std::string(names) + " (0.." + std::to_string(max) +
                                              "), not " + std::to_string(v));
    }
    bool SectionRef(const Content& c, std::string& out, const char* field) {
        if (!NonEmptyStr(out, field)) return false;
        return c.FindSection(out) >= 0 || Invalid(field, "unknown section \"" + out + "\"");
    }

    bool ReadSection(Section& s) {
        uint8_t kind;
        if (!NonEmptyStr(s.id, "id") || !NonEmptyStr(s.title, "title") ||
            !Enum(kind, 3, "kind", "intro,benefit,tip,conclusion"))
            return false;
        s.kind = SectionKind(kind);
        uint32_t n = 0;
        {
            Frame f(*this, "blocks");
            if (!Count(n, 2)) return false;
            s.blocks.resize(n);
            for (uint32_t i = 0; i < n; ++i) {
                f.At(i);
                if (!ReadBlock(s.blocks[i])) return false;
            }
        }
        Frame f(*this, "reflections");
        if (!Count(n, 2)) return false;
        s.reflections.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
            f.At(i);
            uint8_t planner = 0;
            if (!NonEmptyStr(s.reflections[i].id, "id") || !NonEmptyStr(s.reflections[i].text, "text") ||
                !Enum(planner, 3, "planner", "none,contacts,event,organization"))
                return false;
            s.reflections[i].planner = ReflectionPlanner(planner);
        }
        return true;
    }

    bool ReadBlock(Block& b) {
        uint8_t kind = 0, v = 0;
        if (!Enum(kind, 4, "kind", "heading,paragraph,list item,quote,takeaway")) return false;
        b.kind = BlockKind(kind);
        if (b.kind == BlockKind::Heading) {
            if (!U8(v)) return false;
            if (v < 2 || v > 4) return Invalid("level", "must be an integer 2..4, not " + std::to_string(v));
            b.level = v;
        } else if (b.kind == BlockKind::ListItem) {
            uint32_t ordinal;
            if (!U8(v)) return false;
            if (v < 1) return Invalid("depth", "must be an integer 1..255");
            b.list_depth = v;
            if (!Var(ordinal)) return false;
            if (ordinal > 65535) return Invalid("ordinal", "must be an integer 0..65535");
            b.ordinal = uint16_t(ordinal);
        }
        uint32_t n = 0;
        Frame f(*this, "spans");
        if (!Count(n, 2)) return false;
        b.spans.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
            f.At(i);
            Span& sp = b.spans[i];
            if (!U8(v)) return false;
            if (v & 0x78) return Invalid("", "style flags must be 0..7, plus 128 for a link; not " + std::to_string(v));
            sp.style = uint8_t(v & 7);
            if (!Str(sp.text)) return false;
            if ((v & kLinkFlag) && !NonEmptyStr(sp.link, "link")) return false;
        }
        return true;
    }

    bool ReadQuiz(const Content& c, Quiz& quiz) {
        uint8_t feedback, scoring;
        if (!NonEmptyStr(quiz.id, "id") || !SectionRef(c, quiz.section, "section") || !NonEmptyStr(quiz.title, "title") ||
            !F64(quiz.pass_mark))
            return false;
        if (!(quiz.pass_mark > 0 && quiz.pass_mark <= 1))  // NaN fails too
            return Invalid("pass_mark", "must be a number greater than 0 and at most 1");
        if (!Enum(feedback, 1, "feedback", "immediate,on_submit") || !Enum(scoring, 1, "scoring", "all_or_nothing,partial"))
            return false;
        quiz.feedback = FeedbackMode(feedback);
        quiz.scoring = ScoringRule(scoring);
        if (!Str(quiz.action) || !Str(quiz.action_text)) return false;
        if (quiz.action.empty() != quiz.action_text.empty())
            return Invalid("recommendation", "needs both an action and a text, or neither");
        uint32_t n = 0;
        Frame f(*this, "questions");
        if (!Count(n, 7)) return false;
        quiz.questions.resize(n);
        for (uint32_t i = 0; i < n; ++i) {
            f.At(i);
            Question& q = quiz.questions[i];
            if (!ReadQuestion(c, q)) return false;
            // Question ids key stored answers.
            for (uint32_t j = 0; j < i; ++j)
                if (quiz.questions[j].id == q.id) return Invalid("id", "duplicate question id \"" + q.id + "\"");
        }
        return true;
    }

    bool ReadQuestion(const Content& c, Question& q) {
        uint8_t kind;
        if (!NonEmptyStr(q.id, "id") ||
            !Enum(kind, 5, "kind", "single,multiple,true_false,scenario,ordering,self_rating") ||
            !NonEmptyStr(q.hash, "hash"))
            return false;
        q.kind = QuestionKind(kind);
        if (q.kind == QuestionKind::Scenario && !NonEmptyStr(q.scenario, "scenario")) return false;
        if (!NonEmptyStr(q.prompt, "prompt")) return false;
        if (q.kind == QuestionKind::SelfRating)
            return SectionRef(c, q.tip, "tip") && NonEmptyStr(q.min_label, "min_label") &&
                   NonEmptyStr(q.max_label, "max_label");

        uint32_t n = 0;
        int correct = 0;
        {
            Frame f(*this, "options");
            if (!Count(n, 4)) return false;
            if (n < 2) return Invalid("", "must hold at least 2 options");
            q.options.resize(n);
            for (uint32_t i = 0; i < n; ++i) {
                f.At(i);
                Option& o = q.options[i];
                uint8_t flag;
                if (!NonEmptyStr(o.id, "id") || !NonEmptyStr(o.text, "text") || !U8(flag)) return false;
                if (flag > 1) return Invalid("correct", "must be 0 or 1");
                o.correct = flag == 1;
                if (!Str(o.feedback)) return false;
                for (uint32_t j = 0; j < i; ++j)
                    if (q.options[j].id == o.id) return Invalid("id", "duplicate option id \"" + o.id + "\"");
                correct += o.correct;
            }
        }
        // The engine relies on these, as in the JSON decoder.
        const bool one = q.kind == QuestionKind::Single || q.kind == QuestionKind::Scenario ||
                         q.kind == QuestionKind::TrueFalse;
        if (q.kind != QuestionKind::Ordering && correct == 0) return Invalid("options", "no correct option");
        if (one && correct > 1) return Invalid("options", "more than one correct option");
        return NonEmptyStr(q.explanation, "explanation") && SectionRef(c, q.cite, "cite");
    }
};

}  // namespace

std::string EncodeContentBinary(const Content& c) {
    BinWriter w;
    w.out.reserve(64 * 1024);
    w.out.append(kMagic, 4);
    w.U8(uint8_t(kContentBinaryVersion & 0xFF));
    w.U8(uint8_t(kContentBinaryVersion >> 8));
    w.Str(c.title);
    w.Var(c.texts.size());
    for (const UiText& t : c.texts) {
        uint8_t forms = 0;
        for (int k = 0; k < kPluralForms; ++k)
            if (t.plural && !t.forms[k].empty()) forms |= uint8_t(1u << k);
        w.U8(forms);
        if (!t.plural) w.Str(t.text);
        for (int k = 0; k < kPluralForms; ++k)
            if (forms & (1u << k)) w.Str(t.forms[k]);
    }
    w.Var(c.sections.size());
    for (const Section& s : c.sections) {
        w.Str(s.id);
        w.Str(s.title);
        w.U8(uint8_t(s.kind));
        w.Var(s.blocks.size());
        for (const Block& b : s.blocks) w.Block(b);
        w.Var(s.reflections.size());
        for (const ReflectionPrompt& r : s.reflections) {
            w.Str(r.id);
            w.Str(r.text);
            w.U8(uint8_t(r.planner));
        }
    }
    w.Var(c.quizzes.size());
    for (const Quiz& quiz : c.quizzes) {
        w.Str(quiz.id);
        w.Str(quiz.section);
        w.Str(quiz.title);
        w.F64(quiz.pass_mark);
        w.U8(uint8_t(quiz.feedback));
        w.U8(uint8_t(quiz.scoring));
        w.Str(quiz.action);
        w.Str(quiz.action_text);
        w.Var(quiz.questions.size());
        for (const Question& q : quiz.questions) w.Question(q);
    }
    w.Var(c.completion.sections.size());
    for (const std::string& id : c.completion.sections) w.Str(id);
    w.Str(c.completion.final_quiz);
    return std::move(w.out);
}

ContentResult DecodeContentBinary(std::string_view bytes) {
    ContentResult r;
    BinReader reader(bytes);
    if (!reader.Document(r.content)) {
        r.error = reader.error;
        r.content = Content{};
        return r;
    }
    r.ok = true;
    return r;
}

}  // namespace wb
