// contentc's content linter (see lint.h for the list of checks and
// content/README.md for how to read its messages).
//
// Index:
//   [SECTION] Helpers (words, lengths, positions)
//   [SECTION] Questions (length rank, true/false, multiple select, duplicates)
//   [SECTION] Planner templates
//   [SECTION] UI strings against the code
//   [SECTION] Spelling
//   [SECTION] Lint()

#include "tools/contentc/lint.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace contentc {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

size_t CodePoints(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// 1-based line and column (code points) of a byte offset.
void LineCol(const std::string& text, size_t off, int& line, int& col) {
    line = 1;
    col = 1;
    for (size_t i = 0; i < off && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++col;
        }
    }
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

// Words that carry no meaning for telling two questions apart.
const std::set<std::string>& StopWords() {
    static const std::set<std::string> w = {
        "a",    "an",   "the",  "and",   "or",    "of",    "to",   "in",   "on",   "for",  "with",  "at",   "by",
        "is",   "are",  "was",  "be",    "it",    "its",   "this", "that", "these", "those", "you", "your", "they",
        "their", "them", "what", "which", "who",  "how",   "why",  "when", "does", "do",   "can",   "as",   "from",
        "about", "into", "than", "then", "there", "so",    "if",   "not",  "no",   "all",  "apply", "select",
        "according", "chapter", "section", "best", "most", "next", "step"};
    return w;
}

std::set<std::string> ContentWords(const std::string& s) {
    std::set<std::string> out;
    for (auto& w : LintWords(s))
        if (!StopWords().count(w) && w.size() > 1) out.insert(w);
    return out;
}

// The whole question as a learner reads it: scenario, prompt, and the right answer.
std::string QuestionText(const wb::Question& q) {
    std::string s = q.scenario + " " + q.prompt;
    if (q.kind == wb::QuestionKind::Ordering) {
        for (const auto& o : q.options) s += " " + o.text;
    } else if (q.kind != wb::QuestionKind::TrueFalse) {
        for (const auto& o : q.options)
            if (o.correct) s += " " + o.text;
    }
    return s;
}

bool HasPhrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
    if (phrase.empty() || words.size() < phrase.size()) return false;
    for (size_t i = 0; i + phrase.size() <= words.size(); ++i)
        if (std::equal(phrase.begin(), phrase.end(), words.begin() + i)) return true;
    return false;
}

using Oks = std::vector<LintOk>;

class Out {
public:
    explicit Out(LintResult& r) : r_(r) {}
    void Add(const std::string& file, int line, int col, bool error, std::string msg) {
        r_.diagnostics.push_back(Diagnostic{file, line, col, error, std::move(msg)});
        (error ? errors : warnings)++;
    }
    // A warning the content may keep on purpose: when one of oks names check,
    // it becomes a note that gives the reason.
    void Warn(const std::string& file, int line, int col, const char* check, std::string msg,
              std::initializer_list<const Oks*> oks) {
        for (const Oks* v : oks)
            for (const LintOk& ok : *v)
                if (ok.check == check) {
                    used_.insert(&ok);
                    r_.kept.push_back(Diagnostic{file, line, col, false,
                                                 "kept (" + std::string(check) + "): " + msg + "; reason: " + ok.reason});
                    return;
                }
        Add(file, line, col, false, std::move(msg));
    }
    bool Used(const LintOk& ok) const { return used_.count(&ok) > 0; }
    int errors = 0, warnings = 0;

private:
    LintResult& r_;
    std::set<const LintOk*> used_;
};

//-----------------------------------------------------------------------------
// [SECTION] Questions
//-----------------------------------------------------------------------------

// Words that give a false statement away: an absolute claim is almost never what
// a chapter teaches, so a learner who spots one can answer without reading.
const std::vector<std::vector<std::string>>& GiveawayPhrases() {
    static const std::vector<std::vector<std::string>> p = {
        {"only"}, {"always"}, {"never"}, {"simply"}, {"mainly"}, {"every"}, {"all"}, {"completely"},
        {"entirely"}, {"guarantee"}, {"guarantees"}, {"guaranteed"}, {"must"}, {"nothing"}, {"nobody"},
        {"on", "its", "own"}, {"the", "best", "way"}, {"the", "only", "way"}};
    return p;
}

struct QuestionStats {
    int rank_questions = 0, right_longest = 0, right_shortest = 0;
    int tf_true = 0, tf_false = 0;
};

void CheckQuestions(const LintInput& in, Out& out, QuestionStats& st, std::string& report) {
    using K = wb::QuestionKind;
    for (const auto& lq : in.quizzes) {
        int q_true = 0, q_false = 0;
        for (const auto& at : lq.questions) {
            const wb::Question& q = *at.q;
            if (!q.Graded()) continue;
            std::ostringstream line;
            line << q.id << "\t" << wb::QuestionKindName(q.kind);
            auto error = [&](const std::string& m) { out.Add(lq.file, at.line, at.col, true, q.id + ": " + m); };

            if (q.kind == K::Single || q.kind == K::Scenario) {
                // Rank of the right option by length: 1 = the longest.
                std::vector<size_t> lens;
                size_t right = 0;
                for (const auto& o : q.options) {
                    lens.push_back(CodePoints(o.text));
                    if (o.correct) right = lens.back();
                }
                std::vector<size_t> sorted = lens;
                std::sort(sorted.rbegin(), sorted.rend());
                const int rank = 1 + (int)std::count_if(lens.begin(), lens.end(), [&](size_t l) { return l > right; });
                const bool tie = std::count(lens.begin(), lens.end(), right) > 1;
                ++st.rank_questions;
                if (rank == 1 && !tie) ++st.right_longest;
                if (right == sorted.back() && !tie) ++st.right_shortest;
                line << "\tright option length rank " << rank << " of " << lens.size() << " (" << right << " chars)";
                if (rank == 1 && !tie && sorted.size() > 1) {
                    const bool by_far = right * 4 >= sorted[1] * 5 && right >= sorted[1] + 10;
                    out.Warn(lq.file, at.line, at.col, "longest-correct",
                             q.id + ": the right option is the longest" + (by_far ? " by far" : "") + " (" +
                                 std::to_string(right) + " characters, the next " + std::to_string(sorted[1]) +
                                 "): a learner who picks the longest gets it; shorten it or lengthen a distractor",
                             {&at.ok});
                }
            }
            if (q.kind == K::TrueFalse) {
                const bool answer = q.options.size() == 2 && q.options[0].correct;
                (answer ? q_true : q_false)++;
                line << "\t" << (answer ? "true" : "false");
                const auto words = LintWords(q.prompt);
                for (const auto& phrase : GiveawayPhrases())
                    if (HasPhrase(words, phrase)) {
                        std::string p;
                        for (const auto& w : phrase) p += (p.empty() ? "" : " ") + w;
                        out.Warn(lq.file, at.prompt_line, at.prompt_col, "giveaway-word",
                                 q.id + ": giveaway word " + Quoted(p) +
                                     " in a true/false statement (absolute words mark a statement as false)",
                                 {&at.ok});
                    }
            }
            if (q.IsChoice()) {
                for (const auto& o : q.options)
                    if (!o.correct && o.feedback.empty())
                        error("option " + Quoted(o.id) + " has no feedback (shown when a learner picks it)");
            }
            if (q.kind == K::Multiple) {
                const int right = (int)std::count_if(q.options.begin(), q.options.end(), [](const wb::Option& o) { return o.correct; });
                const int wrong = (int)q.options.size() - right;
                line << "\t" << right << " right, " << wrong << " wrong";
                if (wrong < right)
                    error("multiple select with " + std::to_string(right) + " right and " + std::to_string(wrong) +
                          " wrong options: ticking every option would earn credit; add wrong options until they are at least as many as the right ones");
                const auto words = LintWords(q.prompt);
                if (HasPhrase(words, {"all", "that", "apply"}))
                    out.Warn(lq.file, at.prompt_line, at.prompt_col, "all-that-apply",
                             q.id + ": the prompt says \"all that apply\"; the workbook already shows \"Choose all that apply.\" under it",
                             {&at.ok});
            }
            report += line.str() + "\n";
        }
        st.tf_true += q_true;
        st.tf_false += q_false;
        if (q_true + q_false >= 3 && (q_true == 0 || q_false == 0))
            out.Warn(lq.file, 1, 1, "true-false-alike",
                     "all " + std::to_string(q_true + q_false) + " true/false statements in quiz " + Quoted(lq.quiz->id) +
                         " are " + (q_true ? "true" : "false") + ": mix them",
                     {&lq.ok});
    }
    // Chapter-wide: a learner who always answers "false" should not pass.
    const int tf = st.tf_true + st.tf_false;
    if (tf >= 4 && std::abs(st.tf_true - st.tf_false) > std::max(1, tf / 5))
        out.Add(in.quizzes.empty() ? "content" : in.quizzes.front().file, 1, 1, false,
                "true/false statements are unbalanced across the chapter: " + std::to_string(st.tf_true) + " true, " +
                    std::to_string(st.tf_false) + " false");
    if (st.rank_questions >= 6 && st.right_longest * 3 > st.rank_questions)
        out.Add(in.quizzes.front().file, 1, 1, false,
                "the right option is the longest in " + std::to_string(st.right_longest) + " of " +
                    std::to_string(st.rank_questions) + " single-choice and scenario questions (more than a third)");
    // Overcorrecting is a tell too: a learner who always picks the shortest should not pass.
    if (st.rank_questions >= 6 && st.right_shortest * 3 > st.rank_questions)
        out.Add(in.quizzes.front().file, 1, 1, false,
                "the right option is the shortest in " + std::to_string(st.right_shortest) + " of " +
                    std::to_string(st.rank_questions) + " single-choice and scenario questions (more than a third)");
}

void CheckDuplicates(const LintInput& in, Out& out) {
    struct Item {
        const LintQuiz* quiz;
        const LintQuestion* at;
        std::string text;
        std::set<std::string> words;
    };
    std::vector<Item> items;
    for (const auto& lq : in.quizzes)
        for (const auto& at : lq.questions)
            if (at.q->Graded()) {
                Item it{&lq, &at, QuestionText(*at.q), {}};
                it.words = ContentWords(it.text);
                items.push_back(std::move(it));
            }
    for (size_t i = 0; i < items.size(); ++i)
        for (size_t j = 0; j < i; ++j) {
            const Item &a = items[i], &b = items[j];
            const auto wa = LintWords(a.text), wb_ = LintWords(b.text);
            const std::string where = " (" + b.at->q->id + ", " + b.quiz->file + ":" + std::to_string(b.at->line) + ")";
            if (wa == wb_) {
                out.Add(a.quiz->file, a.at->line, a.at->col, true, a.at->q->id + ": the same question as" + where);
                continue;
            }
            // Too few words to compare fairly (a test fixture's "Pick A."): only exact copies count.
            if (a.words.size() < 5 || b.words.size() < 5) continue;
            const double sim = LintSimilarity(a.text, b.text);
            if (sim >= 0.5) {
                char pct[8];
                std::snprintf(pct, sizeof pct, "%d%%", (int)(sim * 100 + 0.5));
                out.Warn(a.quiz->file, a.at->line, a.at->col, "near-duplicate",
                         a.at->q->id + ": reads much like" + where + ", " + pct +
                             " of their words shared; a second question should test something new, not recognition",
                         {&a.at->ok, &b.at->ok});
            }
        }
}

//-----------------------------------------------------------------------------
// [SECTION] Planner templates
//-----------------------------------------------------------------------------
// FillTemplate (src/core/planner_templates.cpp) knows these; any other {name}
// reaches the learner's message as written.

void CheckTemplates(const LintInput& in, Out& out) {
    if (in.templates_text.empty()) return;
    static const std::set<std::string> known = {"name", "first_name", "company", "role", "event"};
    const std::string& t = in.templates_text;
    // JSON objects open with '{' then space or '"', so "{word}" only occurs inside strings.
    for (size_t i = t.find('{'); i != std::string::npos; i = t.find('{', i + 1)) {
        size_t end = i + 1;
        while (end < t.size() && (std::isalnum((unsigned char)t[end]) || t[end] == '_' || t[end] == '-')) ++end;
        if (end == i + 1 || end >= t.size() || t[end] != '}') continue;
        const std::string name = t.substr(i + 1, end - i - 1);
        if (known.count(name)) continue;
        int line, col;
        LineCol(t, i, line, col);
        out.Add(in.templates_file, line, col, true,
                "placeholder {" + name + "} is not one the planner fills (name, first_name, company, role, event); "
                "write a visible blank such as [the detail] for the learner to fill");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] UI strings against the code
//-----------------------------------------------------------------------------

void CheckStrings(const LintInput& in, Out& out) {
    if (in.sources_dir.empty() || in.strings_text.empty()) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(in.sources_dir, ec)) return;
    // Top-level keys of strings.json, with where they are; a plural string is an
    // object of forms ({"one": ..., "other": ...}), whose inner keys are not keys.
    std::map<std::string, size_t> keys;
    std::set<std::string> plural;
    {
        const std::string& s = in.strings_text;
        int depth = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            const char ch = s[i];
            if (ch == '{') ++depth;
            else if (ch == '}') --depth;
            else if (ch == '"') {
                size_t j = i + 1;
                while (j < s.size() && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
                size_t k = j + 1;
                while (k < s.size() && std::isspace((unsigned char)s[k])) ++k;
                if (depth == 1 && k < s.size() && s[k] == ':') {
                    const std::string key = s.substr(i + 1, j - i - 1);
                    keys.emplace(key, i);
                    size_t v = k + 1;
                    while (v < s.size() && std::isspace((unsigned char)s[v])) ++v;
                    if (v < s.size() && s[v] == '{') plural.insert(key);
                }
                i = j;
            }
        }
    }
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(in.sources_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".cpp" || ext == ".h")) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    // Str("key") (the chapter's Content::Str) and core/strings.h's Tr, TrF, TrN, TrId.
    static const std::regex str_call(R"re(\b(Str|Tr|TrF|TrN|TrId|Key)\(\s*"([a-z_]+(?:\.[a-z_0-9]+)+)")re");
    static const std::regex literal(R"re("([a-z_]+(?:\.[a-z_0-9]+)+)")re");
    std::set<std::string> mentioned;
    for (const auto& path : files) {
        std::ifstream f(path, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        const std::string src = ss.str();
        for (auto it = std::sregex_iterator(src.begin(), src.end(), literal); it != std::sregex_iterator(); ++it)
            mentioned.insert((*it)[1].str());
        for (auto it = std::sregex_iterator(src.begin(), src.end(), str_call); it != std::sregex_iterator(); ++it) {
            const std::string call = (*it)[1].str(), key = (*it)[2].str();
            int line, col;
            LineCol(src, it->position(2), line, col);
            if (!keys.count(key))
                out.Add(path, line, col, true,
                        "UI string " + Quoted(key) + " is not in " + in.strings_file + " (the learner would see the key)");
            else if (plural.count(key) && call != "TrN" && call != "Key")
                out.Add(path, line, col, true,
                        "UI string " + Quoted(key) + " has plural forms, so it needs TrN(key, count), not " + call + "()");
        }
    }
    // The page and its start-up scripts (web/, beside src/): {{key}} and T('key'),
    // filled in by the build (scripts/web-text.mjs).
    const fs::path web = fs::path(in.sources_dir) / ".." / "web";
    std::vector<std::string> web_files;
    for (fs::directory_iterator it(web, ec), end; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".js" || ext == ".html")) web_files.push_back(it->path().lexically_normal().string());
    }
    std::sort(web_files.begin(), web_files.end());
    static const std::regex web_use(R"re(\{\{([a-z_]+(?:\.[a-z_0-9]+)+)\}\}|\bT\('([a-z_]+(?:\.[a-z_0-9]+)+)'\))re");
    for (const auto& path : web_files) {
        std::ifstream f(path, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        const std::string src = ss.str();
        for (auto it = std::sregex_iterator(src.begin(), src.end(), web_use); it != std::sregex_iterator(); ++it) {
            const int group = (*it)[1].matched ? 1 : 2;
            const std::string key = (*it)[group].str();
            mentioned.insert(key);
            if (keys.count(key) && !plural.count(key)) continue;
            int line, col;
            LineCol(src, it->position(group), line, col);
            out.Add(path, line, col, true,
                    "UI string " + Quoted(key) + (plural.count(key) ? " has plural forms, which the page cannot choose among"
                                                                   : " is not in " + in.strings_file + " (the build would stop)"));
        }
    }
    for (const auto& [key, off] : keys) {
        if (mentioned.count(key)) continue;
        int line, col;
        LineCol(in.strings_text, off, line, col);
        out.Add(in.strings_file, line, col, false, "UI string " + Quoted(key) + " is not used by the code in " + in.sources_dir);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Spelling
//-----------------------------------------------------------------------------
// The chapter is in US English. Word stems, matched at the start of a word.

void CheckSpelling(const LintInput& in, Out& out) {
    static const std::vector<std::pair<std::string, std::string>> uk = {
        {"favour", "favor"},         {"honour", "honor"},         {"colour", "color"},
        {"behaviour", "behavior"},   {"labour", "labor"},         {"neighbour", "neighbor"},
        {"organis", "organiz"},      {"recognis", "recogniz"},    {"realis", "realiz"},
        {"prioritis", "prioritiz"},  {"apologis", "apologiz"},    {"summaris", "summariz"},
        {"centre", "center"},        {"programme", "program"},    {"catalogue", "catalog"},
        {"travelled", "traveled"},   {"travelling", "traveling"}, {"cancelled", "canceled"},
        {"enquir", "inquir"},        {"whilst", "while"},         {"amongst", "among"},
        {"learnt", "learned"},       {"analys", "analyz"},        {"practise", "practice"}};
    for (const auto& t : in.texts) {
        std::string lower = t.text;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return (char)std::tolower(c); });
        for (const auto& [bad, good] : uk) {
            for (size_t i = lower.find(bad); i != std::string::npos; i = lower.find(bad, i + 1)) {
                if (i > 0 && std::isalpha((unsigned char)lower[i - 1])) continue;
                // "analysis" is US English too; only the verb forms differ.
                if (bad == "analys" && lower.compare(i, 8, "analysis") == 0) continue;
                if (bad == "analys" && lower.compare(i, 8, "analysts") == 0) continue;
                if (bad == "analys" && lower.compare(i, 7, "analyst") == 0) continue;
                int line, col;
                LineCol(t.text, i, line, col);
                out.Add(t.file, line, col, false, "British spelling " + Quoted(t.text.substr(i, bad.size()) + "...") +
                                                      " (the chapter is US English: " + good + "...)");
            }
        }
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Lint()
//-----------------------------------------------------------------------------

const std::vector<std::string>& LintCheckNames() {
    static const std::vector<std::string> names = {"longest-correct", "giveaway-word", "all-that-apply", "near-duplicate",
                                                   "true-false-alike"};
    return names;
}

std::vector<std::string> LintWords(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '\'' || c >= 0x80) {
            w += (char)std::tolower(c);
        } else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

double LintSimilarity(const std::string& a, const std::string& b) {
    const auto wa = ContentWords(a), wb_ = ContentWords(b);
    if (wa.empty() || wb_.empty()) return 0;
    size_t common = 0;
    for (const auto& w : wa) common += wb_.count(w);
    return double(common) / double(wa.size() + wb_.size() - common);
}

LintResult Lint(const LintInput& in) {
    LintResult r;
    Out out(r);
    QuestionStats st;
    CheckQuestions(in, out, st, r.report);
    CheckDuplicates(in, out);
    CheckTemplates(in, out);
    CheckStrings(in, out);
    CheckSpelling(in, out);
    // A lint_ok that keeps nothing is stale: the question changed, or it never needed one.
    auto unused = [&](const std::string& file, const LintOk& ok, const std::string& whose) {
        if (!out.Used(ok))
            out.Add(file, ok.line, ok.col, false,
                    whose + ": lint_ok " + Quoted(ok.check) + " keeps no warning here; remove it");
    };
    for (const auto& lq : in.quizzes) {
        for (const auto& ok : lq.ok) unused(lq.file, ok, lq.quiz->id);
        for (const auto& at : lq.questions)
            for (const auto& ok : at.ok) unused(lq.file, ok, at.q->id);
    }
    r.summary = "lint: " + std::to_string(out.errors) + " errors, " + std::to_string(out.warnings) + " warnings, " +
                std::to_string(r.kept.size()) + " kept; " +
                "right option longest in " + std::to_string(st.right_longest) + " of " + std::to_string(st.rank_questions) +
                " single/scenario questions (shortest in " + std::to_string(st.right_shortest) + "); true/false " +
                std::to_string(st.tf_true) + " true, " + std::to_string(st.tf_false) + " false";
    return r;
}

}  // namespace contentc
