// contentc: content/ -> one compiled document (JSON, plus its binary encoding). See contentc.h for the API
// and content/README.md for the authoring conventions.
//
// Index of this file:
//   [SECTION] Text helpers (UTF-8, entities, source files and positions)
//   [SECTION] Diagnostics
//   [SECTION] JSON positions (where a key or value sits in a .json file)
//   [SECTION] Markdown section parser (md4c callbacks -> blocks, spans, reflections)
//   [SECTION] Manifest and strings
//   [SECTION] Quizzes (content/quizzes/*.json -> wb::Quiz, validation, compiled form)
//   [SECTION] Document assembly, counts, glyphs
//   [SECTION] Command line
//
// Positions: md4c reports no positions, but its text callbacks (and most
// attribute strings) point into the input buffer, so offsets are computed from
// those pointers; where no pointer exists (an empty fenced block, a table) the
// parser searches the source forward from the furthest offset seen so far.

#include "tools/contentc/contentc.h"

#include <md4c.h>

#include "tools/contentc/lint.h"

#include "core/content.h"
#include "core/quiz.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>

namespace contentc {
namespace {

using Json = nlohmann::json;
using OJson = nlohmann::ordered_json;  // output: keys in the documented order
constexpr size_t npos = std::string::npos;

//-----------------------------------------------------------------------------
// [SECTION] Text helpers (UTF-8, entities, source files and positions)
//-----------------------------------------------------------------------------

void AppendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Decodes one code point at s[i], advancing i. Returns false on malformed
// UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
bool NextUtf8(std::string_view s, size_t& i, char32_t& cp) {
    unsigned char c = (unsigned char)s[i];
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0) return false;
    cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) {
        if (i + k >= s.size()) return false;
        unsigned char cc = (unsigned char)s[i + k];
        if ((cc & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (cc & 0x3F);
    }
    static const char32_t min_for[4] = {0, 0x80, 0x800, 0x10000};
    if (cp < min_for[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
    return true;
}

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s) {
    size_t i = 0;
    char32_t cp;
    while (i < s.size()) {
        size_t at = i;
        if (!NextUtf8(s, i, cp)) return at;
    }
    return npos;
}

// md4c hands entities over undecoded ("&amp;"); it has no public decoder, so
// numeric references and the named ones an author is likely to type are
// decoded here. Returns false for an unknown name.
bool DecodeEntity(std::string_view e, std::string& out) {
    if (e.size() < 3 || e.front() != '&' || e.back() != ';') return false;
    std::string_view body = e.substr(1, e.size() - 2);
    if (body[0] == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::string digits(body.substr(hex ? 2 : 1));
        if (digits.empty()) return false;
        char32_t cp = (char32_t)std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        AppendUtf8(out, cp);
        return true;
    }
    static const std::pair<const char*, char32_t> kNamed[] = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
        {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
        {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"copy", 0xA9},    {"reg", 0xAE},
        {"trade", 0x2122}, {"middot", 0xB7},  {"bull", 0x2022},  {"rarr", 0x2192},  {"larr", 0x2190},
    };
    for (const auto& [name, cp] : kNamed) {
        if (body == name) {
            AppendUtf8(out, cp);
            return true;
        }
    }
    return false;
}

std::string ReadFile(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = bool(in);
    if (!ok) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string JoinPath(const std::string& dir, const std::string& rel) {
    if (dir.empty()) return rel;
    std::string d = dir;
    while (d.size() > 1 && d.back() == '/') d.pop_back();
    return d + "/" + rel;
}

// A file as read, with a line index so offsets turn into line:col.
struct SourceFile {
    std::string path;  // as shown in diagnostics
    std::string text;
    std::vector<size_t> line_starts;

    void IndexLines() {
        line_starts.assign(1, 0);
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts.push_back(i + 1);
    }
    // 1-based line and column; the column counts code points, as editors do.
    void LineCol(size_t off, int& line, int& col) const {
        off = std::min(off, text.size());
        size_t l = std::upper_bound(line_starts.begin(), line_starts.end(), off) - line_starts.begin() - 1;
        line = int(l) + 1;
        col = 1;
        for (size_t i = line_starts[l]; i < off; ++i)
            if (((unsigned char)text[i] & 0xC0) != 0x80) ++col;
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Diagnostics
//-----------------------------------------------------------------------------

class Diags {
public:
    explicit Diags(std::vector<Diagnostic>& out) : out_(out) {}
    void At(const SourceFile& f, size_t off, bool error, std::string msg) {
        Diagnostic d;
        d.file = f.path;
        f.LineCol(off, d.line, d.col);
        d.error = error;
        d.message = std::move(msg);
        out_.push_back(std::move(d));
    }
    void Error(const SourceFile& f, size_t off, std::string msg) { At(f, off, true, std::move(msg)); }
    void Warn(const SourceFile& f, size_t off, std::string msg) { At(f, off, false, std::move(msg)); }
    void ErrorNoPos(const std::string& path, std::string msg) {
        out_.push_back(Diagnostic{path, 1, 1, true, std::move(msg)});
    }
    bool HasErrors() const {
        return std::any_of(out_.begin(), out_.end(), [](const Diagnostic& d) { return d.error; });
    }

private:
    std::vector<Diagnostic>& out_;
};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

//-----------------------------------------------------------------------------
// [SECTION] JSON positions
//-----------------------------------------------------------------------------
// nlohmann::json keeps no positions, so a small scanner walks the (already
// validated) text and records where each key and value starts, by path:
// "/sections/3/id". It also notices duplicate keys, which nlohmann merges
// silently.

struct JsonPositions {
    std::map<std::string, size_t> key;    // path -> offset of the key's opening quote
    std::map<std::string, size_t> value;  // path -> offset of the value's first char
    std::vector<std::pair<std::string, size_t>> duplicate_keys;

    // Where to point for a problem with path: its key if it has one, else its value.
    size_t Where(const std::string& path) const {
        if (auto it = key.find(path); it != key.end()) return it->second;
        if (auto it = value.find(path); it != value.end()) return it->second;
        return 0;
    }
    // Where to point for a field missing from the object at path: its '{'.
    size_t ValueOf(const std::string& path) const {
        auto it = value.find(path);
        return it != value.end() ? it->second : 0;
    }
};

class JsonLocator {
public:
    JsonLocator(const std::string& s, JsonPositions& out) : s_(s), out_(out) {}
    void Run() { Value(""); }

private:
    bool At(char c) const { return i_ < s_.size() && s_[i_] == c; }
    void Ws() {
        while (i_ < s_.size() && std::strchr(" \t\r\n", s_[i_]) && s_[i_] != 0) ++i_;
    }
    std::string String() {  // at the opening quote; escapes kept simple (keys only)
        std::string r;
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                ++i_;
                char c = s_[i_];
                r += c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else {
                r += s_[i_];
            }
            ++i_;
        }
        ++i_;
        return r;
    }
    void Value(const std::string& path) {
        Ws();
        if (i_ >= s_.size()) return;
        out_.value.emplace(path, i_);
        if (At('{')) {
            ++i_;
            Ws();
            if (At('}')) { ++i_; return; }
            while (i_ < s_.size()) {
                Ws();
                if (!At('"')) return;
                size_t kpos = i_;
                std::string p = path + "/" + String();
                if (!out_.key.emplace(p, kpos).second) out_.duplicate_keys.emplace_back(p, kpos);
                Ws();
                if (At(':')) ++i_;
                Value(p);
                Ws();
                if (At(',')) { ++i_; continue; }
                if (At('}')) ++i_;
                return;
            }
        } else if (At('[')) {
            ++i_;
            Ws();
            if (At(']')) { ++i_; return; }
            for (int n = 0; i_ < s_.size(); ++n) {
                Value(path + "/" + std::to_string(n));
                Ws();
                if (At(',')) { ++i_; continue; }
                if (At(']')) ++i_;
                return;
            }
        } else if (At('"')) {
            String();
        } else {
            while (i_ < s_.size() && !std::strchr(",}] \t\r\n", s_[i_])) ++i_;
        }
    }

    const std::string& s_;
    JsonPositions& out_;
    size_t i_ = 0;
};

// Parses a .json source; on a syntax error reports it at the fault and
// returns false. nlohmann's parse_error::byte is the 1-based count of bytes
// read, i.e. it points at the offending character.
bool ParseJsonFile(const SourceFile& f, Diags& diags, Json& out, JsonPositions& pos) {
    try {
        out = Json::parse(f.text);
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        // Drop nlohmann's "[json.exception...] parse error at line L, column C: "
        // prefix: our own position says the same in the usual format.
        size_t col = what.find("column ");
        size_t colon = col == npos ? npos : what.find(": ", col);
        std::string msg = colon == npos ? what : what.substr(colon + 2);
        size_t off = std::min(e.byte > 0 ? e.byte - 1 : 0, f.text.size());
        // For an unexpected token nlohmann points at its last character; the
        // author wants its first.
        if (msg.find("unexpected string literal") != npos && off < f.text.size() && f.text[off] == '"') {
            while (off > 0 && !(f.text[off - 1] == '"' && (off < 2 || f.text[off - 2] != '\\'))) --off;
            if (off > 0) --off;
        } else if (msg.find(" literal;") != npos) {
            while (off > 0 && (std::isalnum((unsigned char)f.text[off - 1]) || std::strchr("+-.", f.text[off - 1]))) --off;
        }
        diags.Error(f, off, "invalid JSON: " + msg);
        return false;
    }
    JsonLocator(f.text, pos).Run();
    for (const auto& [path, off] : pos.duplicate_keys)
        diags.Error(f, off, "duplicate key " + Quoted(path.substr(path.rfind('/') + 1)));
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Markdown section parser
//-----------------------------------------------------------------------------

struct OutSpan {
    std::string text;
    int style = 0;  // 1 strong, 2 emphasis, 4 code
    std::string link;
};

struct OutBlock {
    std::string k;  // h p li q t
    int level = 0, depth = 0, ordinal = 0;
    std::vector<OutSpan> spans;
};

struct OutReflection {
    std::string id, text;
    std::string planner;  // "contacts", "event", "organization" or "" (the info string's planner=)
};

struct OutSection {
    std::string id, title, kind;
    std::vector<OutBlock> blocks;
    std::vector<OutReflection> reflections;
};

std::string PlainText(const std::vector<OutSpan>& spans) {
    std::string s;
    for (const auto& sp : spans) s += sp.text;
    return s;
}

bool IsIdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool IsValidId(std::string_view id) {
    return !id.empty() && id.front() != '-' && id.back() != '-' && std::all_of(id.begin(), id.end(), IsIdChar);
}

std::vector<std::string> SplitWords(std::string_view s) {
    std::vector<std::string> words;
    std::string w;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!w.empty()) words.push_back(std::move(w)), w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) words.push_back(std::move(w));
    return words;
}

std::string Trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// One section file (or, in inline mode, the body of a takeaway/reflection
// block) run through md4c. Results: title, blocks, reflections.
class MarkdownParser {
public:
    // Maps offsets in the parsed buffer to offsets in the source file; a
    // fenced block's body is rebuilt from its lines, so it needs this.
    struct Chunk {
        size_t buf_off, src_off;
    };

    MarkdownParser(const SourceFile& src, Diags& diags, const std::set<std::string>& section_ids,
                   std::string section_id, bool inline_only)
        : src_(src), diags_(diags), ids_(section_ids), section_id_(std::move(section_id)),
          inline_only_(inline_only) {}

    std::string title;
    bool have_title = false;
    bool structure_ok = true;  // inline mode: only paragraphs were found
    int takeaways = 0;
    std::vector<OutBlock> blocks;
    std::vector<OutReflection> reflections;

    void Parse(std::string_view buf, std::vector<Chunk> chunks) {
        buf_ = buf;
        chunks_ = std::move(chunks);
        MD_PARSER p{};
        p.abi_version = 0;
        // Plain CommonMark; tables are switched on only so they can be rejected
        // (otherwise they would silently render as paragraphs full of pipes).
        p.flags = MD_FLAG_TABLES;
        p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return ((MarkdownParser*)u)->EnterBlock(t, d); };
        p.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return ((MarkdownParser*)u)->LeaveBlock(t, d); };
        p.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return ((MarkdownParser*)u)->EnterSpan(t, d); };
        p.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return ((MarkdownParser*)u)->LeaveSpan(t, d); };
        p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return ((MarkdownParser*)u)->Text(t, s, n); };
        if (md_parse(buf_.data(), (MD_SIZE)buf_.size(), &p, this) != 0)
            diags_.Error(src_, ToSrc(0), "Markdown parser failed");
    }

private:
    struct Container {
        MD_BLOCKTYPE type;
        unsigned next_ordinal = 0;  // OL: number of the next item
        int ordinal = 0;            // LI: its number, 0 for bullets
        int block_index = -1;       // LI: the li block made for it, to join later paragraphs
    };

    struct Code {
        bool active = false, ignore = false;
        char fence_char = 0;
        size_t fence_off = 0;
        std::string info, body;
        std::vector<Chunk> chunks;  // body offset -> buffer offset
    };

    //--- positions -----------------------------------------------------------
    size_t BufOff(const char* p) const {
        return (p >= buf_.data() && p <= buf_.data() + buf_.size()) ? size_t(p - buf_.data()) : npos;
    }
    size_t ToSrc(size_t off) const {
        if (chunks_.empty() || off == npos) return off == npos ? 0 : off;
        size_t i = chunks_.size() - 1;
        while (i > 0 && chunks_[i].buf_off > off) --i;
        return chunks_[i].src_off + (off - std::min(off, chunks_[i].buf_off));
    }
    void Error(size_t buf_off, std::string msg) { diags_.Error(src_, ToSrc(buf_off), std::move(msg)); }
    void Warn(size_t buf_off, std::string msg) { diags_.Warn(src_, ToSrc(buf_off), std::move(msg)); }

    size_t LineStart(size_t off) const {
        size_t nl = off == 0 ? npos : buf_.rfind('\n', off - 1);
        return nl == npos ? 0 : nl + 1;
    }
    size_t FirstNonSpaceOnLine(size_t off) const {
        size_t i = LineStart(off);
        while (i < buf_.size() && (buf_[i] == ' ' || buf_[i] == '\t')) ++i;
        return i;
    }
    // The first non-blank character on a line after the one holding `from`
    // (or on that line, if `from` starts it): where the next block begins.
    size_t NextBlockStart(size_t from) const {
        size_t i = std::min(from, buf_.size());
        if (i > 0 && buf_[i - 1] != '\n') {
            size_t nl = buf_.find('\n', i);
            i = nl == npos ? buf_.size() : nl + 1;
        }
        while (i < buf_.size() && std::strchr(" \t\r\n", buf_[i])) ++i;
        return i;
    }
    // Offset of the next fence (three fence chars, after only indentation,
    // quote or list markers on its line) at or after `from`, or npos.
    size_t FindFence(size_t from, char fence_char) const {
        size_t line = LineStart(std::min(from, buf_.size()));
        if (line < from) {
            size_t nl = buf_.find('\n', from);
            if (nl == npos) return npos;
            line = nl + 1;
        }
        const std::string fence(3, fence_char);
        while (line < buf_.size()) {
            size_t i = line;
            while (i < buf_.size() && std::strchr(" \t>-*+0123456789.)", buf_[i]) && buf_[i] != '\n' &&
                   buf_.compare(i, 3, fence) != 0)
                ++i;
            if (buf_.compare(i, 3, fence) == 0) return i;
            size_t nl = buf_.find('\n', line);
            if (nl == npos) break;
            line = nl + 1;
        }
        return npos;
    }
    // Where a link or image starts ('[' or '!'): found from its href (which
    // md4c gives as a pointer into the source when it has no escapes) by
    // walking back over "](" and the balanced brackets, else from its first
    // text, else the furthest point read.
    size_t SpanStart(size_t href_off, size_t first_text_off) const {
        if (href_off != npos) {
            size_t j = href_off;
            if (j > 0 && buf_[j - 1] == '<') --j;  // [text](<url>)
            if (j >= 2 && buf_[j - 1] == '(' && buf_[j - 2] == ']') {
                int depth = 0;
                for (size_t k = j - 2;; --k) {
                    if (buf_[k] == ']') ++depth;
                    if (buf_[k] == '[' && --depth == 0) return (k > 0 && buf_[k - 1] == '!') ? k - 1 : k;
                    if (k == 0) break;
                }
            }
        }
        if (first_text_off != npos) {
            size_t k = first_text_off;
            while (k > 0 && std::strchr("*_`", buf_[k - 1])) --k;
            if (k > 0 && (buf_[k - 1] == '[' || buf_[k - 1] == '<')) --k;
            if (k > 0 && buf_[k - 1] == '!') --k;
            return k;
        }
        return href_off != npos ? href_off : cursor_;
    }

    //--- attributes ----------------------------------------------------------
    std::string AttrText(const MD_ATTRIBUTE& a) const {
        std::string out;
        if (!a.text) return out;
        for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
            std::string_view piece(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
            if (a.substr_types[i] == MD_TEXT_ENTITY) {
                if (!DecodeEntity(piece, out)) out += piece;
            } else if (a.substr_types[i] == MD_TEXT_NULLCHAR) {
                AppendUtf8(out, 0xFFFD);
            } else {
                out += piece;
            }
        }
        return out;
    }

    //--- blocks --------------------------------------------------------------
    int ListDepth() const {
        return (int)std::count_if(containers_.begin(), containers_.end(),
                                  [](const Container& c) { return c.type == MD_BLOCK_LI; });
    }
    Container* InnermostItemOrQuote() {
        for (auto it = containers_.rbegin(); it != containers_.rend(); ++it)
            if (it->type == MD_BLOCK_LI || it->type == MD_BLOCK_QUOTE) return &*it;
        return nullptr;
    }
    // Opens the block text goes into: li inside a list item, q inside a
    // quote, else p. A list item's later paragraphs join its first block.
    void OpenTextBlock() {
        Container* c = InnermostItemOrQuote();
        if (c && c->type == MD_BLOCK_LI) {
            if (c->block_index >= 0 && c->block_index == (int)blocks.size() - 1) {
                cur_ = c->block_index;
                AppendText(" ");
                return;
            }
            OutBlock b;
            b.k = "li";
            b.depth = ListDepth();
            b.ordinal = c->ordinal;
            blocks.push_back(std::move(b));
            cur_ = c->block_index = (int)blocks.size() - 1;
            return;
        }
        OutBlock b;
        b.k = (c && c->type == MD_BLOCK_QUOTE) ? "q" : "p";
        blocks.push_back(std::move(b));
        cur_ = (int)blocks.size() - 1;
    }
    void CloseTextBlock() {
        if (cur_ >= 0 && cur_ == (int)blocks.size() - 1 && blocks[cur_].spans.empty()) {
            for (auto& c : containers_)
                if (c.block_index == cur_) c.block_index = -1;
            blocks.pop_back();
        }
        cur_ = -1;
    }
    // A block-level problem is reported where the block's first text is (its
    // line's first non-blank), or if it has none where the next block starts.
    void SetPending(std::string msg) {
        pending_msg_ = std::move(msg);
        pending_from_ = cursor_;
    }
    void ResolvePending(size_t text_off) {
        if (pending_msg_.empty()) return;
        Error(text_off != npos ? FirstNonSpaceOnLine(text_off) : NextBlockStart(pending_from_), pending_msg_);
        pending_msg_.clear();
    }

    int EnterBlock(MD_BLOCKTYPE type, void* detail) {
        if (type != MD_BLOCK_DOC) ++blocks_seen_;
        if (suppress_) return 0;
        CloseTextBlock();
        if (inline_only_ && type != MD_BLOCK_DOC && type != MD_BLOCK_P) structure_ok = false;
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_QUOTE:
            case MD_BLOCK_UL: containers_.push_back({type}); break;
            case MD_BLOCK_OL: containers_.push_back({type, ((MD_BLOCK_OL_DETAIL*)detail)->start}); break;
            case MD_BLOCK_LI: {
                Container li{type};
                if (!containers_.empty() && containers_.back().type == MD_BLOCK_OL)
                    li.ordinal = (int)containers_.back().next_ordinal++;
                containers_.push_back(li);
                break;
            }
            case MD_BLOCK_HR: Warn(NextBlockStart(cursor_), "thematic break (---) is ignored"); break;
            case MD_BLOCK_H: {
                int level = (int)((MD_BLOCK_H_DETAIL*)detail)->level;
                if (level == 1 && !have_title && blocks_seen_ == 1 && !inline_only_) {
                    in_title_ = true;  // the section title, not a block
                    break;
                }
                if (level == 1)
                    SetPending("a level-1 heading is only allowed on the first line, as the section title");
                else if (level > 4)
                    SetPending("heading level " + std::to_string(level) + " is not supported (use ##, ### or ####)");
                OutBlock b;
                b.k = "h";
                b.level = std::clamp(level, 2, 4);
                blocks.push_back(std::move(b));
                cur_ = (int)blocks.size() - 1;
                break;
            }
            case MD_BLOCK_P: OpenTextBlock(); break;
            case MD_BLOCK_CODE: EnterCode((MD_BLOCK_CODE_DETAIL*)detail); break;
            case MD_BLOCK_HTML:
                in_html_ = true;
                SetPending("HTML blocks are not supported");
                break;
            case MD_BLOCK_TABLE:
                suppress_ = true;
                SetPending("tables are not supported");
                break;
            default: break;
        }
        return 0;
    }

    int LeaveBlock(MD_BLOCKTYPE type, void*) {
        if (suppress_ && type != MD_BLOCK_TABLE) return 0;
        ResolvePending(npos);
        switch (type) {
            case MD_BLOCK_QUOTE:
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
            case MD_BLOCK_LI:
                CloseTextBlock();
                containers_.pop_back();
                break;
            case MD_BLOCK_H:
                if (in_title_) {
                    title = Trim(PlainText(title_spans_));
                    have_title = true;
                    in_title_ = false;
                    if (title.empty()) Error(0, "the section title is empty");
                }
                CloseTextBlock();
                break;
            case MD_BLOCK_P: CloseTextBlock(); break;
            case MD_BLOCK_CODE: LeaveCode(); break;
            case MD_BLOCK_HTML: in_html_ = false; break;
            case MD_BLOCK_TABLE: suppress_ = false; break;
            default: break;
        }
        return 0;
    }

    //--- fenced blocks: takeaway and reflection --------------------------------
    void EnterCode(const MD_BLOCK_CODE_DETAIL* d) {
        code_ = Code{};
        code_.active = true;
        if (inline_only_) {
            code_.ignore = true;
            return;
        }
        if (d->fence_char == 0) {
            code_.ignore = true;
            SetPending("indented code blocks are not supported (indent less than 4 spaces, or use a "
                       "```takeaway or ```reflection <id> block)");
            return;
        }
        size_t fence = FindFence(cursor_, d->fence_char);
        code_.fence_off = fence != npos ? fence : NextBlockStart(cursor_);
        code_.fence_char = d->fence_char;
        code_.info = AttrText(d->info);
        size_t nl = buf_.find('\n', code_.fence_off);
        cursor_ = std::max(cursor_, nl == npos ? buf_.size() : nl + 1);
    }

    void LeaveCode() {
        Code c = std::move(code_);
        code_ = Code{};
        if (c.ignore) return;
        // Move past the closing fence so the next block's search starts after it.
        size_t close = FindFence(std::max(cursor_, c.fence_off + 3), c.fence_char);
        if (close != npos) {
            size_t nl = buf_.find('\n', close);
            cursor_ = nl == npos ? buf_.size() : nl + 1;
        } else {
            cursor_ = buf_.size();
        }

        const std::vector<std::string> words = SplitWords(c.info);
        const std::string body = Trim(c.body);
        if (words.empty()) {
            Error(c.fence_off, "fenced block without info string (expected \"takeaway\" or \"reflection <id>\")");
            return;
        }
        if (words[0] == "takeaway") {
            if (words.size() > 1) Error(c.fence_off, "\"takeaway\" takes no arguments");
            if (body.empty()) {
                Error(c.fence_off, "empty takeaway");
                return;
            }
            if (++takeaways == 2) Warn(c.fence_off, "more than one takeaway in this section");
            OutBlock t;
            t.k = "t";
            t.spans = ParseInline(c, "takeaway");
            blocks.push_back(std::move(t));
            return;
        }
        if (words[0] == "reflection") {
            // ```reflection <id> [planner=contacts|event|organization]
            std::string planner;
            if (words.size() == 3 && words[2].rfind("planner=", 0) == 0) {
                planner = words[2].substr(8);
                if (planner != "contacts" && planner != "event" && planner != "organization") {
                    Error(c.fence_off, "reflection " + Quoted(words[1]) + ": planner=" + Quoted(planner) +
                                           " is not one of contacts, event, organization");
                    return;
                }
            } else if (words.size() != 2) {
                Error(c.fence_off, "reflection block needs one id and may say what the answer names: "
                                   "```reflection <id> [planner=contacts|event|organization]");
                return;
            }
            const std::string& pid = words[1];
            if (!IsValidId(pid)) {
                Error(c.fence_off, "reflection id " + Quoted(pid) + " must use only a-z, 0-9 and '-'");
                return;
            }
            if (body.empty()) {
                Error(c.fence_off, "empty reflection prompt " + Quoted(pid));
                return;
            }
            std::string full = section_id_ + "." + pid;
            if (auto it = reflection_at_.find(pid); it != reflection_at_.end()) {
                int line, col;
                src_.LineCol(ToSrc(it->second), line, col);
                Error(c.fence_off, "duplicate reflection id " + Quoted(pid) + " (first used at line " +
                                       std::to_string(line) + ")");
                return;
            }
            reflection_at_[pid] = c.fence_off;
            reflections.push_back({full, Trim(PlainText(ParseInline(c, "reflection prompt"))), planner});
            return;
        }
        Error(c.fence_off, "unknown fenced block info string " + Quoted(words[0]) +
                               " (expected \"takeaway\" or \"reflection <id>\")");
    }

    // A takeaway or reflection body is Markdown inline text: parse it again
    // on its own, mapping its offsets back to the file for diagnostics.
    std::vector<OutSpan> ParseInline(const Code& c, const char* what) {
        MarkdownParser sub(src_, diags_, ids_, section_id_, /*inline_only=*/true);
        std::vector<Chunk> chunks;
        for (const auto& ch : c.chunks) chunks.push_back({ch.buf_off, ToSrc(ch.src_off)});
        sub.Parse(c.body, std::move(chunks));
        if (!sub.structure_ok || sub.blocks.size() != 1) {
            Error(c.fence_off, std::string("a ") + what + " must be one paragraph of inline text");
            return {};
        }
        return std::move(sub.blocks[0].spans);
    }

    //--- spans ---------------------------------------------------------------
    int Style() const { return (strong_ ? 1 : 0) | (em_ ? 2 : 0) | (code_span_ ? 4 : 0); }

    int EnterSpan(MD_SPANTYPE type, void* detail) {
        if (suppress_) return 0;
        switch (type) {
            case MD_SPAN_STRONG: ++strong_; break;
            case MD_SPAN_EM: ++em_; break;
            case MD_SPAN_CODE: ++code_span_; break;
            case MD_SPAN_A: {
                const auto* a = (const MD_SPAN_A_DETAIL*)detail;
                in_link_ = true;
                link_ = AttrText(a->href);
                link_href_off_ = BufOff(a->href.text);
                link_first_text_ = npos;
                break;
            }
            case MD_SPAN_IMG: {
                const auto* img = (const MD_SPAN_IMG_DETAIL*)detail;
                if (image_++ == 0) {
                    image_src_off_ = BufOff(img->src.text);
                    image_first_text_ = npos;
                }
                break;
            }
            default: break;
        }
        return 0;
    }

    int LeaveSpan(MD_SPANTYPE type, void*) {
        if (suppress_) return 0;
        switch (type) {
            case MD_SPAN_STRONG: --strong_; break;
            case MD_SPAN_EM: --em_; break;
            case MD_SPAN_CODE: --code_span_; break;
            case MD_SPAN_A:
                CheckLink(link_, SpanStart(link_href_off_, link_first_text_));
                in_link_ = false;
                link_.clear();
                break;
            case MD_SPAN_IMG:
                if (--image_ == 0) Error(SpanStart(image_src_off_, image_first_text_), "images are not supported");
                break;
            default: break;
        }
        return 0;
    }

    void CheckLink(const std::string& href, size_t at) {
        static constexpr std::string_view kRead = "#/read/";
        if (href.rfind(kRead, 0) == 0) {
            std::string id = href.substr(kRead.size());
            if (!ids_.count(id)) Error(at, "link to unknown section " + Quoted(id));
        } else if (href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0) {
            // external: fine
        } else if (href.rfind("http://", 0) == 0) {
            Warn(at, "insecure link " + Quoted(href) + ": prefer https://");
        } else {
            Error(at, "unsupported link target " + Quoted(href) + " (use #/read/<section-id> or https://...)");
        }
    }

    void AppendText(std::string_view t) {
        std::vector<OutSpan>* spans;
        if (in_title_) {
            spans = &title_spans_;
        } else {
            if (cur_ < 0) OpenTextBlock();  // tight list items have text without a paragraph
            spans = &blocks[cur_].spans;
        }
        const int style = Style();
        if (!spans->empty() && spans->back().style == style && spans->back().link == link_)
            spans->back().text += t;
        else
            spans->push_back({std::string(t), style, link_});
    }

    int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        const size_t off = BufOff(text);
        if (off != npos) cursor_ = std::max(cursor_, off + size);
        if (!pending_msg_.empty() && off != npos) ResolvePending(off);
        if (suppress_ || in_html_) return 0;
        std::string_view t(text, size);
        if (code_.active) {
            if (code_.ignore) return 0;
            if (off != npos) code_.chunks.push_back({code_.body.size(), off});
            code_.body += t;
            return 0;
        }
        if (image_ > 0) {  // alt text is not shown; the image itself is an error
            if (image_first_text_ == npos) image_first_text_ = off;
            return 0;
        }
        if (in_link_ && link_first_text_ == npos) link_first_text_ = off;
        switch (type) {
            case MD_TEXT_NULLCHAR: {
                std::string r;
                AppendUtf8(r, 0xFFFD);
                AppendText(r);
                break;
            }
            case MD_TEXT_BR:
            case MD_TEXT_SOFTBR: AppendText(" "); break;
            case MD_TEXT_ENTITY: {
                std::string r;
                if (!DecodeEntity(t, r)) {
                    Warn(off, "unknown entity " + std::string(t) + " kept as written");
                    r = t;
                }
                AppendText(r);
                break;
            }
            case MD_TEXT_HTML: Error(off, "inline HTML is not supported"); break;
            default: AppendText(t); break;
        }
        return 0;
    }

    const SourceFile& src_;
    Diags& diags_;
    const std::set<std::string>& ids_;
    std::string section_id_;
    bool inline_only_;

    std::string_view buf_;
    std::vector<Chunk> chunks_;
    size_t cursor_ = 0;  // furthest buffer offset known to be consumed

    std::vector<Container> containers_;
    int cur_ = -1;  // index of the open text block in blocks, or -1
    int blocks_seen_ = 0;
    bool in_title_ = false;
    std::vector<OutSpan> title_spans_;
    bool in_html_ = false, suppress_ = false;
    std::string pending_msg_;
    size_t pending_from_ = 0;
    Code code_;
    std::map<std::string, size_t> reflection_at_;  // prompt id -> fence offset

    int strong_ = 0, em_ = 0, code_span_ = 0, image_ = 0;
    bool in_link_ = false;
    std::string link_;
    size_t link_href_off_ = npos, link_first_text_ = npos;
    size_t image_src_off_ = npos, image_first_text_ = npos;
};

// Parses one section file into out; diagnostics go to diags.
void CompileSection(const SourceFile& f, const std::set<std::string>& ids, OutSection& out, Diags& diags) {
    if (size_t bad = FindInvalidUtf8(f.text); bad != npos) {
        diags.Error(f, bad, "invalid UTF-8");
        return;
    }
    // The title line is checked on the text: md4c would also accept a setext
    // title or one after blank lines, which we want authors not to write.
    const std::string_view text = f.text;
    const std::string_view first = text.substr(0, text.find('\n'));
    const bool title_line_ok = first.size() > 2 && first.substr(0, 2) == "# " && !Trim(first.substr(2)).empty();
    if (!title_line_ok) diags.Error(f, 0, "the first line must be the section title, written \"# Title\"");

    MarkdownParser p(f, diags, ids, out.id, /*inline_only=*/false);
    p.Parse(f.text, {});
    out.title = p.title;
    out.blocks = std::move(p.blocks);
    out.reflections = std::move(p.reflections);
    if (p.takeaways == 0) diags.Warn(f, 0, "section has no ```takeaway block");
    if (out.reflections.empty()) diags.Warn(f, 0, "section has no ```reflection <id> block");
}

//-----------------------------------------------------------------------------
// [SECTION] Manifest and strings
//-----------------------------------------------------------------------------

struct ManifestSection {
    std::string id, file, kind;
    size_t file_at = 0;  // offset of the "file" value in chapter.json
};

struct Manifest {
    std::string title;
    std::vector<ManifestSection> sections;
    // "completion": what a course system (SCORM) counts as complete.
    bool has_completion = false;
    std::vector<std::string> completion_sections;
    std::string final_quiz;
    size_t final_quiz_at = 0;  // offset of the "final_quiz" value, for errors found later
};

// A required string field of the object at path; reports and returns false
// when missing, of another type, or (unless allow_empty) empty.
bool GetString(const Json& obj, const std::string& path, const char* key, const SourceFile& f,
               const JsonPositions& pos, Diags& diags, std::string& out) {
    const std::string kp = path + "/" + key;
    auto it = obj.find(key);
    if (it == obj.end()) {
        diags.Error(f, pos.ValueOf(path), "missing field " + Quoted(key));
        return false;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
        diags.Error(f, pos.Where(kp), Quoted(key) + " must be a non-empty string");
        return false;
    }
    out = it->get<std::string>();
    return true;
}

void WarnUnknownKeys(const Json& obj, const std::string& path, std::initializer_list<const char*> known,
                     const SourceFile& f, const JsonPositions& pos, Diags& diags) {
    for (const auto& [k, v] : obj.items()) {
        if (std::none_of(known.begin(), known.end(), [&](const char* n) { return k == n; }))
            diags.Warn(f, pos.Where(path + "/" + k), "unknown field " + Quoted(k) + " is ignored");
    }
}

bool LoadManifest(const std::string& dir, Manifest& m, Diags& diags) {
    SourceFile f;
    f.path = JoinPath(dir, "chapter.json");
    bool read_ok;
    f.text = ReadFile(f.path, read_ok);
    f.IndexLines();
    if (!read_ok) {
        diags.ErrorNoPos(f.path, "cannot read the manifest");
        return false;
    }
    Json j;
    JsonPositions pos;
    if (!ParseJsonFile(f, diags, j, pos)) return false;
    if (!j.is_object()) {
        diags.Error(f, pos.ValueOf(""), "the manifest must be a JSON object");
        return false;
    }
    WarnUnknownKeys(j, "", {"title", "sections", "required", "completion"}, f, pos, diags);
    GetString(j, "", "title", f, pos, diags, m.title);

    std::map<std::string, size_t> id_at;  // section id -> offset of its first definition
    auto secs = j.find("sections");
    if (secs == j.end()) {
        diags.Error(f, pos.ValueOf(""), "missing field \"sections\"");
    } else if (!secs->is_array() || secs->empty()) {
        diags.Error(f, pos.Where("/sections"), "\"sections\" must be a non-empty array");
    } else {
        for (size_t i = 0; i < secs->size(); ++i) {
            const Json& s = (*secs)[i];
            const std::string path = "/sections/" + std::to_string(i);
            if (!s.is_object()) {
                diags.Error(f, pos.Where(path), "sections[" + std::to_string(i) + "] must be an object");
                continue;
            }
            WarnUnknownKeys(s, path, {"id", "file", "kind"}, f, pos, diags);
            ManifestSection ms;
            bool ok = GetString(s, path, "id", f, pos, diags, ms.id);
            ok &= GetString(s, path, "file", f, pos, diags, ms.file);
            ok &= GetString(s, path, "kind", f, pos, diags, ms.kind);
            if (!ms.id.empty() && !IsValidId(ms.id)) {
                diags.Error(f, pos.ValueOf(path + "/id"), "section id " + Quoted(ms.id) + " must use only a-z, 0-9 and '-'");
                ok = false;
            }
            if (!ms.kind.empty() && ms.kind != "intro" && ms.kind != "benefit" && ms.kind != "tip" &&
                ms.kind != "conclusion") {
                diags.Error(f, pos.ValueOf(path + "/kind"),
                            "kind " + Quoted(ms.kind) + " must be one of intro, benefit, tip, conclusion");
                ok = false;
            }
            if (!ms.id.empty()) {
                auto [it, fresh] = id_at.emplace(ms.id, pos.ValueOf(path + "/id"));
                if (!fresh) {
                    int line, col;
                    f.LineCol(it->second, line, col);
                    diags.Error(f, pos.ValueOf(path + "/id"),
                                "duplicate section id " + Quoted(ms.id) + " (first defined at line " + std::to_string(line) + ")");
                    ok = false;
                }
            }
            ms.file_at = pos.ValueOf(path + "/file");
            if (ok) m.sections.push_back(std::move(ms));
        }
    }

    auto req = j.find("required");
    if (req == j.end()) {
        diags.Error(f, pos.ValueOf(""), "missing field \"required\"");
    } else if (!req->is_array()) {
        diags.Error(f, pos.Where("/required"), "\"required\" must be an array of section ids");
    } else {
        for (size_t i = 0; i < req->size(); ++i) {
            const std::string path = "/required/" + std::to_string(i);
            if (!(*req)[i].is_string()) {
                diags.Error(f, pos.Where(path), "\"required\" must be an array of section ids");
                continue;
            }
            const std::string& id = (*req)[i].get_ref<const std::string&>();
            if (!id_at.count(id)) diags.Error(f, pos.Where(path), "required section " + Quoted(id) + " is missing");
        }
    }

    if (auto comp = j.find("completion"); comp != j.end()) {
        if (!comp->is_object()) {
            diags.Error(f, pos.Where("/completion"), "\"completion\" must be an object");
        } else {
            WarnUnknownKeys(*comp, "/completion", {"sections", "final_quiz"}, f, pos, diags);
            m.has_completion = true;
            auto cs = comp->find("sections");
            if (cs == comp->end() || !cs->is_array() || cs->empty()) {
                diags.Error(f, pos.Where("/completion"), "\"completion\" needs \"sections\": a non-empty array of section ids");
            } else {
                std::set<std::string> seen;
                for (size_t i = 0; i < cs->size(); ++i) {
                    const std::string path = "/completion/sections/" + std::to_string(i);
                    if (!(*cs)[i].is_string() || !id_at.count((*cs)[i].get<std::string>())) {
                        diags.Error(f, pos.Where(path), "completion section " + ((*cs)[i].is_string() ? Quoted((*cs)[i].get<std::string>()) : std::string("value")) + " is not a section id");
                        continue;
                    }
                    if (!seen.insert((*cs)[i].get<std::string>()).second) {
                        diags.Error(f, pos.Where(path), "completion section " + Quoted((*cs)[i].get<std::string>()) + " is listed twice");
                        continue;
                    }
                }
                // Kept in reading order, whatever the order written.
                for (const auto& ms : m.sections)
                    if (seen.count(ms.id)) m.completion_sections.push_back(ms.id);
            }
            if (comp->contains("final_quiz")) {
                if (GetString(*comp, "/completion", "final_quiz", f, pos, diags, m.final_quiz))
                    m.final_quiz_at = pos.ValueOf("/completion/final_quiz");
            }
        }
    }

    // Files the manifest names must exist; checked here so the error points
    // at the manifest entry.
    for (auto& s : m.sections) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(JoinPath(dir, s.file), ec))
            diags.Error(f, s.file_at, "section file " + Quoted(s.file) + " not found");
    }
    return true;
}

bool LoadStrings(const std::string& dir, std::map<std::string, std::string>& out, Diags& diags) {
    SourceFile f;
    f.path = JoinPath(dir, "strings.json");
    bool read_ok;
    f.text = ReadFile(f.path, read_ok);
    f.IndexLines();
    if (!read_ok) {
        diags.ErrorNoPos(f.path, "cannot read the UI strings");
        return false;
    }
    Json j;
    JsonPositions pos;
    if (!ParseJsonFile(f, diags, j, pos)) return false;
    if (!j.is_object()) {
        diags.Error(f, pos.ValueOf(""), "strings must be a JSON object of key -> text");
        return false;
    }
    static const std::set<std::string> kForms = {"zero", "one", "two", "few", "many", "other"};
    for (const auto& [k, v] : j.items()) {
        if (k.empty()) diags.Error(f, pos.Where("/"), "empty string key");
        if (k.find('|') != std::string::npos)
            diags.Error(f, pos.Where("/" + k), "string key " + Quoted(k) + " must not contain '|'");
        if (v.is_string()) {
            out[k] = v.get<std::string>();
        } else if (v.is_object()) {  // plural forms, flattened as key|form (core/strings.h)
            if (!v.contains("other"))
                diags.Error(f, pos.Where("/" + k), "plural string " + Quoted(k) +
                                                       " needs an \"other\" form (the one used when no other fits)");
            for (const auto& [form, text] : v.items()) {
                if (!kForms.count(form))
                    diags.Error(f, pos.Where("/" + k + "/" + form), "plural form " + Quoted(form) + " of " + Quoted(k) +
                                                                        " is not one of zero, one, two, few, many, other");
                else if (!text.is_string())
                    diags.Error(f, pos.Where("/" + k + "/" + form), "plural form " + Quoted(form) + " of " + Quoted(k) +
                                                                        " must be a JSON string");
                else
                    out[k + "|" + form] = text.get<std::string>();
            }
        } else {
            diags.Error(f, pos.Where("/" + k),
                        "string " + Quoted(k) + " must be a JSON string, or an object of plural forms {\"one\": ..., \"other\": ...}");
        }
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Quizzes (content/quizzes/*.json -> wb::Quiz)
//-----------------------------------------------------------------------------
// One quiz per file; every *.json file in content/quizzes/ is read, in file
// name order (the compiled order follows the sections' reading order). The
// source format is documented in content/README.md. The compiler fills the
// same wb::Quiz structs the workbook decodes, so the question hash comes from
// the engine's own wb::QuestionHash.

struct QuizSource {
    wb::Quiz quiz;
    std::string file;  // as shown in diagnostics
    int line = 1;      // line of the quiz's "id"
    std::string text;  // the source, for the linter's spelling check
    // Per question (same order as quiz.questions): line, col of its '{', then of its "prompt".
    std::vector<std::array<int, 4>> at;
    // The linter's "lint_ok" entries: the quiz's own, and per question (same order).
    std::vector<LintOk> ok;
    std::vector<std::vector<LintOk>> question_ok;
};

// Reads a "lint_ok" object at path ({ "<check>": "<reason>" }); reports a wrong
// shape, an unknown check or an empty reason as errors. Returns false on any.
bool ReadLintOk(const Json& obj, const std::string& path, const SourceFile& f, const JsonPositions& pos, Diags& diags,
                std::vector<LintOk>& out) {
    auto it = obj.find("lint_ok");
    if (it == obj.end()) return true;
    const std::string kp = path + "/lint_ok";
    if (!it->is_object()) {
        diags.Error(f, pos.ValueOf(kp), "\"lint_ok\" must be an object: { \"<check>\": \"<why the warning is kept>\" }");
        return false;
    }
    bool ok = true;
    const auto& names = LintCheckNames();
    for (const auto& [check, reason] : it->items()) {
        const std::string ep = kp + "/" + check;
        if (std::find(names.begin(), names.end(), check) == names.end()) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            diags.Error(f, pos.Where(ep), "unknown lint check " + Quoted(check) + " (one of " + list + ")");
            ok = false;
            continue;
        }
        if (!reason.is_string() || reason.get<std::string>().find_first_not_of(" \t\n") == std::string::npos) {
            diags.Error(f, pos.ValueOf(ep), "lint_ok " + Quoted(check) + " needs the reason the warning is kept, as text");
            ok = false;
            continue;
        }
        LintOk o;
        o.check = check;
        o.reason = reason.get<std::string>();
        f.LineCol(pos.Where(ep), o.line, o.col);
        out.push_back(std::move(o));
    }
    return ok;
}

class QuizCompiler {
public:
    QuizCompiler(const SourceFile& f, const JsonPositions& pos, Diags& diags,
                 const std::map<std::string, std::string>& section_kinds)
        : f_(f), pos_(pos), diags_(diags), kinds_(section_kinds) {}

    // Fills quiz (local question ids; the caller qualifies them and hashes).
    // Returns false if this file had any error.
    bool Compile(const Json& j, wb::Quiz& quiz) {
        if (!j.is_object()) {
            Err(Val(""), "a quiz file must be a JSON object");
            return false;
        }
        WarnUnknownKeys(j, "", {"id", "section", "title", "pass_mark", "feedback", "scoring", "recommendation", "questions", "lint_ok"},
                        f_, pos_, diags_);
        if (Str(j, "", "id", quiz.id) && !IsValidId(quiz.id))
            Err(Val("/id"), "quiz id " + Quoted(quiz.id) + " must use only a-z, 0-9 and '-'");
        std::string section_kind;
        if (Str(j, "", "section", quiz.section)) section_kind = SectionKind("/section", quiz.section);
        Str(j, "", "title", quiz.title);
        if (auto pm = j.find("pass_mark"); pm != j.end()) {
            if (!pm->is_number() || pm->get<double>() <= 0 || pm->get<double>() > 1)
                Err(Key("/pass_mark"), "\"pass_mark\" must be a number greater than 0 and at most 1");
            else
                quiz.pass_mark = pm->get<double>();
        }
        std::string name;
        if (Str(j, "", "feedback", name) && !wb::ParseFeedbackMode(name, quiz.feedback))
            Err(Val("/feedback"), "feedback " + Quoted(name) + " must be one of immediate, on_submit");
        if (Str(j, "", "scoring", name) && !wb::ParseScoringRule(name, quiz.scoring))
            Err(Val("/scoring"), "scoring " + Quoted(name) + " must be one of all_or_nothing, partial");
        Recommendation(j, section_kind, quiz);

        auto qs = j.find("questions");
        if (qs == j.end()) {
            Err(Val(""), "missing field \"questions\"");
        } else if (!qs->is_array() || qs->empty()) {
            Err(Key("/questions"), "\"questions\" must be a non-empty array");
        } else {
            std::map<std::string, size_t> id_at;  // local id -> offset of its first definition
            for (size_t i = 0; i < qs->size(); ++i) {
                const std::string path = "/questions/" + std::to_string(i);
                wb::Question q;
                if (!CompileQuestion((*qs)[i], path, i, quiz.section, q)) continue;
                auto [it, fresh] = id_at.emplace(q.id, Val(path + "/id"));
                if (!fresh) {
                    Err(Val(path + "/id"), "duplicate question id " + Quoted(q.id) + FirstAt(it->second));
                    continue;
                }
                quiz.questions.push_back(std::move(q));
            }
            if (ok_ && quiz.GradedCount() == 0) Err(Key("/questions"), "a quiz needs at least one graded question");
        }
        return ok_;
    }

private:
    //--- helpers ---------------------------------------------------------------
    size_t Key(const std::string& path) const { return pos_.Where(path); }
    size_t Val(const std::string& path) const { return pos_.ValueOf(path); }
    void Err(size_t off, std::string msg) {
        diags_.Error(f_, off, std::move(msg));
        ok_ = false;
    }
    std::string FirstAt(size_t off) const {
        int line, col;
        f_.LineCol(off, line, col);
        return " (first defined at line " + std::to_string(line) + ")";
    }
    // A required non-empty string field.
    bool Str(const Json& obj, const std::string& path, const char* key, std::string& out) {
        if (GetString(obj, path, key, f_, pos_, diags_, out)) return true;
        ok_ = false;
        return false;
    }
    // The kind of section id (from the manifest), or "" after reporting it unknown.
    std::string SectionKind(const std::string& value_path, const std::string& id) {
        auto it = kinds_.find(id);
        if (it != kinds_.end()) return it->second;
        Err(Val(value_path), "unknown section " + Quoted(id));
        return "";
    }
    std::string Local(const wb::Question& q) const { return Quoted(q.id); }

    //--- quiz level ------------------------------------------------------------
    // Tip quizzes carry the action the recommendations suggest for that tip.
    void Recommendation(const Json& j, const std::string& section_kind, wb::Quiz& quiz) {
        auto rec = j.find("recommendation");
        if (rec == j.end()) {
            if (section_kind == "tip")
                Err(Val(""), "a quiz on a tip section needs a \"recommendation\" with \"action\" and \"text\"");
            return;
        }
        if (!rec->is_object()) {
            Err(Key("/recommendation"), "\"recommendation\" must be an object with \"action\" and \"text\"");
            return;
        }
        if (!section_kind.empty() && section_kind != "tip") {
            diags_.Warn(f_, Key("/recommendation"), "\"recommendation\" is only used on quizzes of tip sections; ignored");
            return;
        }
        WarnUnknownKeys(*rec, "/recommendation", {"action", "text"}, f_, pos_, diags_);
        if (Str(*rec, "/recommendation", "action", quiz.action) && !IsValidId(quiz.action))
            Err(Val("/recommendation/action"), "action id " + Quoted(quiz.action) + " must use only a-z, 0-9 and '-'");
        Str(*rec, "/recommendation", "text", quiz.action_text);
    }

    //--- questions -------------------------------------------------------------
    bool CompileQuestion(const Json& j, const std::string& path, size_t index, const std::string& quiz_section,
                         wb::Question& q) {
        const bool was_ok = ok_;
        ok_ = true;
        if (!j.is_object()) {
            Err(Val(path), "questions[" + std::to_string(index) + "] must be an object");
        } else {
            CompileQuestionBody(j, path, quiz_section, q);
        }
        const bool this_ok = ok_;
        ok_ = was_ok && this_ok;
        return this_ok;
    }

    void CompileQuestionBody(const Json& j, const std::string& path, const std::string& quiz_section, wb::Question& q) {
        if (Str(j, path, "id", q.id) && !IsValidId(q.id))
            Err(Val(path + "/id"), "question id " + Quoted(q.id) + " must use only a-z, 0-9 and '-'");
        std::string kind;
        if (!Str(j, path, "kind", kind)) return;
        if (!wb::ParseQuestionKind(kind, q.kind)) {
            Err(Val(path + "/kind"),
                "kind " + Quoted(kind) + " must be one of single, multiple, true_false, scenario, ordering, self_rating");
            return;
        }
        Str(j, path, "prompt", q.prompt);
        using K = wb::QuestionKind;
        switch (q.kind) {
            case K::Single:
            case K::Multiple:
                WarnUnknownKeys(j, path, {"id", "kind", "prompt", "options", "answer", "explanation", "cite", "lint_ok"}, f_, pos_, diags_);
                Choice(j, path, q);
                break;
            case K::Scenario:
                WarnUnknownKeys(j, path, {"id", "kind", "scenario", "prompt", "options", "answer", "explanation", "cite", "lint_ok"},
                                f_, pos_, diags_);
                Str(j, path, "scenario", q.scenario);
                Choice(j, path, q);
                break;
            case K::TrueFalse:
                WarnUnknownKeys(j, path, {"id", "kind", "prompt", "answer", "feedback", "explanation", "cite", "lint_ok"}, f_, pos_, diags_);
                TrueFalse(j, path, q);
                break;
            case K::Ordering:
                WarnUnknownKeys(j, path, {"id", "kind", "prompt", "items", "explanation", "cite", "lint_ok"}, f_, pos_, diags_);
                Ordering(j, path, q);
                break;
            case K::SelfRating:
                WarnUnknownKeys(j, path, {"id", "kind", "prompt", "tip", "scale"}, f_, pos_, diags_);
                SelfRating(j, path, q);
                return;  // not graded: no explanation
        }
        Str(j, path, "explanation", q.explanation);
        q.cite = quiz_section;
        if (j.contains("cite") && Str(j, path, "cite", q.cite)) SectionKind(path + "/cite", q.cite);
    }

    // A list of {id, text[, feedback]} objects: options, or ordering items.
    bool Entries(const Json& j, const std::string& path, const char* key, const char* what, bool with_feedback,
                 std::vector<wb::Option>& out) {
        const std::string kp = path + "/" + key;
        auto arr = j.find(key);
        if (arr == j.end()) {
            Err(Val(path), "missing field " + Quoted(key));
            return false;
        }
        if (!arr->is_array()) {
            Err(Key(kp), Quoted(key) + " must be an array");
            return false;
        }
        if (arr->size() < 2) {
            Err(Key(kp), std::string(with_feedback ? "a choice question needs at least 2 options"
                                                    : "an ordering question needs at least 2 items") +
                             " (found " + std::to_string(arr->size()) + ")");
            return false;
        }
        bool ok = true;
        std::map<std::string, size_t> id_at;
        for (size_t i = 0; i < arr->size(); ++i) {
            const Json& e = (*arr)[i];
            const std::string ep = kp + "/" + std::to_string(i);
            if (!e.is_object()) {
                Err(Val(ep), std::string(key) + "[" + std::to_string(i) + "] must be an object");
                ok = false;
                continue;
            }
            if (with_feedback) WarnUnknownKeys(e, ep, {"id", "text", "feedback"}, f_, pos_, diags_);
            else WarnUnknownKeys(e, ep, {"id", "text"}, f_, pos_, diags_);
            wb::Option o;
            bool e_ok = Str(e, ep, "id", o.id);
            e_ok &= Str(e, ep, "text", o.text);
            if (with_feedback && e.contains("feedback")) e_ok &= Str(e, ep, "feedback", o.feedback);
            if (!o.id.empty() && !IsValidId(o.id)) {
                Err(Val(ep + "/id"), std::string(what) + " id " + Quoted(o.id) + " must use only a-z, 0-9 and '-'");
                e_ok = false;
            }
            if (!o.id.empty()) {
                auto [it, fresh] = id_at.emplace(o.id, Val(ep + "/id"));
                if (!fresh) {
                    Err(Val(ep + "/id"), "duplicate " + std::string(what) + " id " + Quoted(o.id) + FirstAt(it->second));
                    e_ok = false;
                }
            }
            ok &= e_ok;
            out.push_back(std::move(o));
        }
        return ok;
    }

    void Choice(const Json& j, const std::string& path, wb::Question& q) {
        if (!Entries(j, path, "options", "option", true, q.options)) return;
        if (!Answer(j, path, q)) return;
        // Every wrong option explains itself: the learner who picks it must learn why.
        for (size_t i = 0; i < q.options.size(); ++i)
            if (!q.options[i].correct && q.options[i].feedback.empty())
                Err(Val(path + "/options/" + std::to_string(i)),
                    "wrong option " + Quoted(q.options[i].id) + " has no \"feedback\" (shown when a learner picks it)");
    }

    // "answer": an option id, a 0-based option index, or an array of them.
    bool Answer(const Json& j, const std::string& path, wb::Question& q) {
        const std::string ap = path + "/answer";
        auto ans = j.find("answer");
        if (ans == j.end()) {
            Err(Val(path), "question " + Local(q) + " has no correct option: add \"answer\" with the correct option id");
            return false;
        }
        std::vector<std::pair<const Json*, std::string>> entries;
        if (ans->is_array()) {
            for (size_t i = 0; i < ans->size(); ++i) entries.emplace_back(&(*ans)[i], ap + "/" + std::to_string(i));
        } else {
            entries.emplace_back(&*ans, ap);
        }
        bool ok = true;
        for (const auto& entry : entries) {
            const Json& e = *entry.first;
            const std::string& ep = entry.second;
            int idx = -1;
            if (e.is_string()) {
                idx = q.FindOption(e.get<std::string>());
                if (idx < 0) {
                    Err(Val(ep), "answer " + Quoted(e.get<std::string>()) + " is not an option of question " + Local(q));
                    ok = false;
                    continue;
                }
            } else if (e.is_number_integer()) {
                const int64_t v = e.get<int64_t>();
                if (v < 0 || v >= (int64_t)q.options.size()) {
                    Err(Val(ep), "answer index " + std::to_string(v) + " is out of range (question " + Local(q) + " has " +
                                     std::to_string(q.options.size()) + " options, numbered from 0)");
                    ok = false;
                    continue;
                }
                idx = (int)v;
            } else {
                Err(Val(ep), "\"answer\" must be an option id, an option index, or an array of them");
                ok = false;
                continue;
            }
            if (q.options[idx].correct) {
                Err(Val(ep), "option " + Quoted(q.options[idx].id) + " is listed twice in \"answer\"");
                ok = false;
                continue;
            }
            q.options[idx].correct = true;
        }
        if (!ok) return false;
        const int correct = (int)std::count_if(q.options.begin(), q.options.end(), [](const wb::Option& o) { return o.correct; });
        if (correct == 0) {
            Err(Val(ap), "question " + Local(q) + " has no correct option");
            return false;
        }
        if (q.kind != wb::QuestionKind::Multiple && correct > 1) {
            Err(Val(ap), "a single-choice question must have exactly one correct option (found " + std::to_string(correct) + ")");
            return false;
        }
        return true;
    }

    // Compiled to two options, "true" and "false"; "feedback" belongs to the wrong one.
    void TrueFalse(const Json& j, const std::string& path, wb::Question& q) {
        auto ans = j.find("answer");
        bool answer = true;
        if (ans == j.end()) {
            Err(Val(path), "question " + Local(q) + " has no correct option: add \"answer\": true or false");
        } else if (!ans->is_boolean()) {
            Err(Val(path + "/answer"), "\"answer\" must be true or false");
        } else {
            answer = ans->get<bool>();
        }
        std::string feedback;
        Str(j, path, "feedback", feedback);
        q.options = {{"true", "True", answer, answer ? "" : feedback}, {"false", "False", !answer, answer ? feedback : ""}};
    }

    // Items are written in the correct order; the engine shuffles them.
    void Ordering(const Json& j, const std::string& path, wb::Question& q) {
        Entries(j, path, "items", "item", false, q.options);
    }

    void SelfRating(const Json& j, const std::string& path, wb::Question& q) {
        if (!j.contains("tip")) {
            Err(Val(path), "a self-rating must name the tip it measures: add \"tip\" (a tip section id)");
        } else if (Str(j, path, "tip", q.tip)) {
            const std::string kind = SectionKind(path + "/tip", q.tip);
            if (!kind.empty() && kind != "tip")
                Err(Val(path + "/tip"), "self-rating tip " + Quoted(q.tip) + " is not a tip section (its kind is " + kind + ")");
        }
        const std::string sp = path + "/scale";
        auto scale = j.find("scale");
        if (scale == j.end()) {
            Err(Val(path), "missing field \"scale\"");
            return;
        }
        if (!scale->is_object()) {
            Err(Key(sp), "\"scale\" must be an object with \"min\", \"max\", \"min_label\" and \"max_label\"");
            return;
        }
        WarnUnknownKeys(*scale, sp, {"min", "max", "min_label", "max_label"}, f_, pos_, diags_);
        auto is = [&](const char* key, int v) {
            auto it = scale->find(key);
            return it != scale->end() && it->is_number_integer() && it->get<int64_t>() == v;
        };
        if (!is("min", wb::kRatingMin) || !is("max", wb::kRatingMax))
            Err(Val(sp), "a self-rating scale must run from 1 to 5 (\"min\": 1, \"max\": 5)");
        Str(*scale, sp, "min_label", q.min_label);
        Str(*scale, sp, "max_label", q.max_label);
    }

    const SourceFile& f_;
    const JsonPositions& pos_;
    Diags& diags_;
    const std::map<std::string, std::string>& kinds_;
    bool ok_ = true;
};

// Reads every content/quizzes/*.json; a missing folder means no quizzes.
// Returns the quizzes that compiled, in the sections' reading order.
std::vector<QuizSource> LoadQuizzes(const std::string& dir, const Manifest& m, Diags& diags) {
    std::map<std::string, std::string> kinds;
    std::map<std::string, size_t> order;
    for (size_t i = 0; i < m.sections.size(); ++i) {
        kinds[m.sections[i].id] = m.sections[i].kind;
        order[m.sections[i].id] = i;
    }
    std::vector<std::string> files;
    std::error_code ec;
    const std::string qdir = JoinPath(dir, "quizzes");
    for (std::filesystem::directory_iterator it(qdir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path().filename().string());
    std::sort(files.begin(), files.end());

    std::map<std::string, const QuizSource*> by_id, by_section;
    std::vector<QuizSource> compiled;
    compiled.reserve(files.size());  // by_id/by_section point into it
    for (const auto& name : files) {
        SourceFile f;
        f.path = JoinPath(qdir, name);
        bool read_ok;
        f.text = ReadFile(f.path, read_ok);
        if (f.text.compare(0, 3, "\xEF\xBB\xBF") == 0) f.text.erase(0, 3);
        f.IndexLines();
        if (!read_ok) {
            diags.ErrorNoPos(f.path, "cannot read the quiz");
            continue;
        }
        Json j;
        JsonPositions pos;
        if (!ParseJsonFile(f, diags, j, pos) || !pos.duplicate_keys.empty()) continue;
        QuizSource src;
        src.file = f.path;
        int col;
        f.LineCol(pos.ValueOf("/id"), src.line, col);
        if (!QuizCompiler(f, pos, diags, kinds).Compile(j, src.quiz)) continue;
        bool oks_ok = ReadLintOk(j, "", f, pos, diags, src.ok);
        for (size_t i = 0; i < src.quiz.questions.size(); ++i) {
            src.question_ok.emplace_back();
            oks_ok = ReadLintOk(j.at("questions").at(i), "/questions/" + std::to_string(i), f, pos, diags, src.question_ok.back()) && oks_ok;
        }
        if (!oks_ok) continue;

        // Quiz ids key stored progress; one quiz per section keeps "the
        // section's quiz" unambiguous.
        const auto where = [](const QuizSource* s) { return s->file + ":" + std::to_string(s->line); };
        if (auto it = by_id.find(src.quiz.id); it != by_id.end()) {
            diags.Error(f, pos.ValueOf("/id"), "duplicate quiz id " + Quoted(src.quiz.id) + " (first defined in " + where(it->second) + ")");
            continue;
        }
        if (auto it = by_section.find(src.quiz.section); it != by_section.end()) {
            diags.Error(f, pos.ValueOf("/section"), "section " + Quoted(src.quiz.section) + " already has a quiz, " +
                                                        Quoted(it->second->quiz.id) + " (" + where(it->second) + ")");
            continue;
        }
        for (size_t i = 0; i < src.quiz.questions.size(); ++i) {
            auto& q = src.quiz.questions[i];
            q.id = src.quiz.id + "." + q.id;
            q.hash = wb::QuestionHash(q);
            const std::string qp = "/questions/" + std::to_string(i);
            std::array<int, 4> a{};
            f.LineCol(pos.ValueOf(qp), a[0], a[1]);
            f.LineCol(pos.ValueOf(qp + "/prompt"), a[2], a[3]);
            src.at.push_back(a);
        }
        src.text = f.text;
        compiled.push_back(std::move(src));
        by_id[compiled.back().quiz.id] = &compiled.back();
        by_section[compiled.back().quiz.section] = &compiled.back();
    }
    std::stable_sort(compiled.begin(), compiled.end(), [&](const QuizSource& a, const QuizSource& b) {
        return order[a.quiz.section] < order[b.quiz.section];
    });
    return compiled;
}

OJson QuizJson(const wb::Quiz& quiz) {
    OJson jq = OJson::object();
    jq["id"] = quiz.id;
    jq["section"] = quiz.section;
    jq["title"] = quiz.title;
    jq["pass_mark"] = quiz.pass_mark;
    jq["feedback"] = wb::FeedbackModeName(quiz.feedback);
    jq["scoring"] = wb::ScoringRuleName(quiz.scoring);
    if (!quiz.action.empty()) jq["recommendation"] = OJson{{"action", quiz.action}, {"text", quiz.action_text}};
    OJson qs = OJson::array();
    for (const auto& q : quiz.questions) {
        OJson o = OJson::object();
        o["id"] = q.id;
        o["kind"] = wb::QuestionKindName(q.kind);
        o["hash"] = q.hash;
        if (q.kind == wb::QuestionKind::Scenario) o["scenario"] = q.scenario;
        o["prompt"] = q.prompt;
        if (q.kind == wb::QuestionKind::SelfRating) {
            o["tip"] = q.tip;
            o["min_label"] = q.min_label;
            o["max_label"] = q.max_label;
        } else {
            OJson opts = OJson::array();
            for (const auto& opt : q.options) {
                OJson jo = OJson{{"id", opt.id}, {"text", opt.text}};
                if (opt.correct) jo["correct"] = true;
                if (!opt.feedback.empty()) jo["feedback"] = opt.feedback;
                opts.push_back(std::move(jo));
            }
            o["options"] = std::move(opts);
            o["explanation"] = q.explanation;
            o["cite"] = q.cite;
        }
        qs.push_back(std::move(o));
    }
    jq["questions"] = std::move(qs);
    return jq;
}

//-----------------------------------------------------------------------------
// [SECTION] Document assembly, counts, glyphs
//-----------------------------------------------------------------------------

OJson SpansJson(const std::vector<OutSpan>& spans) {
    OJson a = OJson::array();
    for (const auto& s : spans) {
        OJson span = OJson::array({s.text, s.style});
        if (!s.link.empty()) span.push_back(s.link);
        a.push_back(std::move(span));
    }
    return a;
}

OJson BuildDocument(const Manifest& m, const std::map<std::string, std::string>& strings,
                    const std::vector<OutSection>& sections, const std::vector<QuizSource>& quizzes) {
    const std::string& title = m.title;
    OJson doc = OJson::object();
    doc["format"] = 1;
    doc["title"] = title;
    OJson str = OJson::object();
    for (const auto& [k, v] : strings) str[k] = v;  // std::map: sorted, so deterministic
    doc["strings"] = std::move(str);
    OJson secs = OJson::array();
    for (const auto& s : sections) {
        OJson js = OJson::object();
        js["id"] = s.id;
        js["title"] = s.title;
        js["kind"] = s.kind;
        OJson blocks = OJson::array();
        for (const auto& b : s.blocks) {
            OJson jb = OJson::object();
            jb["k"] = b.k;
            if (b.k == "h") jb["l"] = b.level;
            if (b.k == "li") {
                jb["d"] = b.depth;
                jb["n"] = b.ordinal;
            }
            jb["s"] = SpansJson(b.spans);
            blocks.push_back(std::move(jb));
        }
        js["blocks"] = std::move(blocks);
        OJson refl = OJson::array();
        for (const auto& r : s.reflections) {
            OJson jr{{"id", r.id}, {"text", r.text}};
            if (!r.planner.empty()) jr["planner"] = r.planner;
            refl.push_back(std::move(jr));
        }
        js["reflections"] = std::move(refl);
        secs.push_back(std::move(js));
    }
    doc["sections"] = std::move(secs);
    // Left out when there are none, so documents without quizzes read as before.
    if (!quizzes.empty()) {
        OJson qs = OJson::array();
        for (const auto& q : quizzes) qs.push_back(QuizJson(q.quiz));
        doc["quizzes"] = std::move(qs);
    }
    if (m.has_completion) {
        OJson comp = OJson::object();
        comp["sections"] = m.completion_sections;
        if (!m.final_quiz.empty()) comp["final_quiz"] = m.final_quiz;
        doc["completion"] = std::move(comp);
    }
    return doc;
}

// Counts what the compiled document holds. "questions" are graded questions:
// self-ratings are not counted.
Counts CountDocument(const OJson& doc) {
    Counts c;
    for (const auto& s : doc["sections"]) {
        ++c.sections;
        c.reflections += (int)s["reflections"].size();
    }
    if (auto qs = doc.find("quizzes"); qs != doc.end()) {
        for (const auto& quiz : *qs) {
            ++c.quizzes;
            for (const auto& q : quiz["questions"])
                if (q["kind"] != "self_rating") ++c.questions;
        }
    }
    return c;
}

// Every distinct character the workbook will show from this document (for
// subsetting the font), sorted by code point; control characters left out.
// The characters drawn in italic: the sections' emphasized spans (the italic font
// draws nothing else, so it is cut to these).
std::string CollectEmphasisGlyphs(const OJson& doc) {
    std::set<char32_t> cps;
    for (const auto& s : doc["sections"])
        for (const auto& b : s["blocks"])
            for (const auto& sp : b["s"]) {
                if (!(sp[1].get<int>() & 2)) continue;
                const std::string text = sp[0].get<std::string>();
                size_t i = 0;
                char32_t cp;
                while (i < text.size()) {
                    if (!NextUtf8(text, i, cp)) { ++i; continue; }
                    if (cp >= 0x20 && cp != 0x7F) cps.insert(cp);
                }
            }
    std::string out;
    for (char32_t cp : cps) AppendUtf8(out, cp);
    return out;
}

std::string CollectGlyphs(const OJson& doc) {
    std::set<char32_t> cps;
    auto add = [&](const std::string& s) {
        size_t i = 0;
        char32_t cp;
        while (i < s.size()) {
            if (!NextUtf8(s, i, cp)) { ++i; continue; }
            if (cp >= 0x20 && cp != 0x7F) cps.insert(cp);
        }
    };
    add(doc["title"].get<std::string>());
    for (const auto& [k, v] : doc["strings"].items()) add(v.get<std::string>());
    for (const auto& s : doc["sections"]) {
        add(s["title"].get<std::string>());
        for (const auto& b : s["blocks"])
            for (const auto& sp : b["s"]) add(sp[0].get<std::string>());
        for (const auto& r : s["reflections"]) add(r["text"].get<std::string>());
    }
    if (auto qs = doc.find("quizzes"); qs != doc.end()) {
        for (const auto& quiz : *qs) {
            add(quiz["title"].get<std::string>());
            if (auto rec = quiz.find("recommendation"); rec != quiz.end()) add((*rec)["text"].get<std::string>());
            for (const auto& q : quiz["questions"]) {
                for (const char* key : {"scenario", "prompt", "explanation", "min_label", "max_label"})
                    if (auto v = q.find(key); v != q.end()) add(v->get<std::string>());
                if (auto opts = q.find("options"); opts != q.end())
                    for (const auto& o : *opts) {
                        add(o["text"].get<std::string>());
                        if (auto fb = o.find("feedback"); fb != o.end()) add(fb->get<std::string>());
                    }
            }
        }
    }
    std::string out;
    for (char32_t cp : cps) AppendUtf8(out, cp);
    return out;
}

bool WriteFile(const std::string& path, const std::string& data) {
    std::error_code ec;
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << data;
    return bool(out.flush());
}

}  // namespace

std::string Diagnostic::Format() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(col) + (error ? ": error: " : ": warning: ") + message;
}

std::string ReportLine(const Counts& c) {
    return "content: " + std::to_string(c.sections) + " sections, " + std::to_string(c.quizzes) + " quizzes, " +
           std::to_string(c.questions) + " questions, " + std::to_string(c.reflections) + " reflection prompts";
}

CompileResult CompileContent(const std::string& dir, const CompileOptions& options) {
    CompileResult r;
    std::vector<LintText> texts;  // learner-facing sources, for the linter's spelling check
    Diags diags(r.diagnostics);
    Manifest m;
    std::map<std::string, std::string> strings;
    const bool have_manifest = LoadManifest(dir, m, diags);
    LoadStrings(dir, strings, diags);

    std::vector<OutSection> sections;
    std::vector<QuizSource> quizzes;
    if (have_manifest) {
        std::set<std::string> ids;
        for (const auto& s : m.sections) ids.insert(s.id);
        for (const auto& ms : m.sections) {
            SourceFile f;
            f.path = JoinPath(dir, ms.file);
            bool read_ok;
            f.text = ReadFile(f.path, read_ok);
            if (!read_ok) continue;  // already reported against the manifest
            if (f.text.compare(0, 3, "\xEF\xBB\xBF") == 0) f.text.erase(0, 3);  // editors' BOM
            f.IndexLines();
            OutSection s;
            s.id = ms.id;
            s.kind = ms.kind;
            CompileSection(f, ids, s, diags);
            sections.push_back(std::move(s));
            texts.push_back({f.path, f.text});
        }
        quizzes = LoadQuizzes(dir, m, diags);
        // A true/false question's two options read "True" and "False" in the workbook's own words.
        auto word = [&](const char* key, const char* fallback) {
            auto it = strings.find(key);
            return it == strings.end() ? std::string(fallback) : it->second;
        };
        for (QuizSource& qs : quizzes)
            for (wb::Question& q : qs.quiz.questions)
                if (q.kind == wb::QuestionKind::TrueFalse && q.options.size() == 2) {
                    q.options[0].text = word("quiz.true", "True");
                    q.options[1].text = word("quiz.false", "False");
                }
        if (!m.final_quiz.empty() &&
            std::none_of(quizzes.begin(), quizzes.end(), [&](const QuizSource& q) { return q.quiz.id == m.final_quiz; })) {
            SourceFile f;
            f.path = JoinPath(dir, "chapter.json");
            bool read_ok;
            f.text = ReadFile(f.path, read_ok);
            f.IndexLines();
            diags.Error(f, m.final_quiz_at, "completion final_quiz " + Quoted(m.final_quiz) + " is not a quiz id");
        }
    }

    r.ok = !diags.HasErrors();
    if (!r.ok) return r;

    // The linter: only on content that compiled, so it sees whole quizzes.
    {
        LintInput in;
        for (const auto& src : quizzes) {
            LintQuiz lq;
            lq.quiz = &src.quiz;
            lq.file = src.file;
            for (size_t i = 0; i < src.quiz.questions.size() && i < src.at.size(); ++i)
                lq.questions.push_back({&src.quiz.questions[i], src.at[i][0], src.at[i][1], src.at[i][2], src.at[i][3],
                                        i < src.question_ok.size() ? src.question_ok[i] : std::vector<LintOk>{}});
            lq.ok = src.ok;
            in.quizzes.push_back(std::move(lq));
            texts.push_back({src.file, src.text});
        }
        bool read_ok = false;
        in.strings_file = JoinPath(dir, "strings.json");
        in.strings_text = ReadFile(in.strings_file, read_ok);
        in.templates_file = JoinPath(dir, "planner/templates.json");
        in.templates_text = ReadFile(in.templates_file, read_ok);
        if (!read_ok) in.templates_text.clear();
        else texts.push_back({in.templates_file, in.templates_text});
        texts.push_back({in.strings_file, in.strings_text});
        in.texts = std::move(texts);
        in.sources_dir = options.sources_dir;
        LintResult lint = Lint(in);
        for (auto& d : lint.diagnostics) r.diagnostics.push_back(std::move(d));
        r.linted = !quizzes.empty() || !lint.diagnostics.empty();
        r.lint_summary = std::move(lint.summary);
        r.lint_kept = std::move(lint.kept);
        r.lint_report = std::move(lint.report);
    }
    r.ok = !diags.HasErrors();
    if (!r.ok) return r;
    const OJson doc = BuildDocument(m, strings, sections, quizzes);
    r.json = doc.dump(-1, ' ', false, OJson::error_handler_t::replace);
    // The binary form is encoded from the JSON's own decode, so both carry
    // exactly the same model (and the JSON is checked by the workbook's decoder).
    wb::ContentResult decoded = wb::DecodeContent(r.json);
    if (!decoded.ok) {
        r.diagnostics.push_back(
            {"<compiled document>", 1, 1, true, "internal error: the compiled document does not decode: " + decoded.error});
        r.ok = false;
        r.json.clear();
        return r;
    }
    // The UI strings, one per key the code uses, in the code's order (core/strings.h).
    {
        std::vector<std::string> keys;
        if (!options.keys_file.empty()) {
            bool read_ok;
            std::istringstream lines(ReadFile(options.keys_file, read_ok));
            if (!read_ok) {
                r.diagnostics.push_back({options.keys_file, 1, 1, true, "cannot read the list of the code's string keys"});
                r.ok = false;
            }
            for (std::string k; std::getline(lines, k);)
                if (!k.empty()) keys.push_back(k);
        } else {
            std::set<std::string> base;
            for (const auto& [k, v] : strings) base.insert(k.substr(0, k.find('|')));
            keys.assign(base.begin(), base.end());
        }
        for (const std::string& k : keys) {
            wb::UiText t;
            if (auto it = strings.find(k); it != strings.end()) {
                t.text = it->second;
            } else {
                for (int f = 0; f < wb::kPluralForms; ++f)
                    if (auto p = strings.find(k + "|" + wb::PluralFormName(wb::PluralForm(f))); p != strings.end()) {
                        t.forms[f] = p->second;
                        t.plural = true;
                    }
                if (!t.plural) {
                    r.diagnostics.push_back({JoinPath(dir, "strings.json"), 1, 1, true,
                                             "UI string " + Quoted(k) + " is missing: the code uses it (add it, in the workbook's words)"});
                    r.ok = false;
                }
            }
            decoded.content.texts.push_back(std::move(t));
        }
        if (!r.ok) {
            r.json.clear();
            return r;
        }
    }
    r.bin = wb::EncodeContentBinary(decoded.content);
    r.counts = CountDocument(doc);
    r.glyphs = CollectGlyphs(doc);
    r.emphasis_glyphs = CollectEmphasisGlyphs(doc);
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Command line
//-----------------------------------------------------------------------------

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    static const char* kUsage =
        "usage: contentc --content DIR --out FILE.json [--bin FILE.bin] [--glyphs FILE.txt] [--emphasis-glyphs FILE.txt] "
        "[--sources DIR] [--keys FILE.txt] [--lint-report FILE]";
    std::string content, out_path, bin_path, glyphs_path, emphasis_path, sources, lint_report, keys;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        std::string* target = a == "--content" ? &content : a == "--out" ? &out_path : a == "--bin" ? &bin_path
                              : a == "--glyphs" ? &glyphs_path : a == "--emphasis-glyphs" ? &emphasis_path
                              : a == "--sources" ? &sources : a == "--keys" ? &keys
                              : a == "--lint-report" ? &lint_report : nullptr;
        if (a == "--help" || a == "-h") {
            out << kUsage << "\n";
            return 0;
        }
        if (!target || i + 1 >= argc) {
            err << "contentc: " << (target ? "missing value for " + a : "unknown argument " + Quoted(a)) << "\n" << kUsage << "\n";
            return 1;
        }
        *target = argv[++i];
    }
    if (content.empty() || out_path.empty()) {
        err << kUsage << "\n";
        return 1;
    }

    CompileOptions options;
    options.sources_dir = sources;
    options.keys_file = keys;
    if (sources.empty()) {  // the project's layout: content/ next to src/
        const std::filesystem::path guess = std::filesystem::path(content) / ".." / "src";
        std::error_code ec;
        if (std::filesystem::exists(guess / "core" / "content.h", ec)) options.sources_dir = guess.lexically_normal().string();
    }
    CompileResult r = CompileContent(content, options);
    for (const auto& d : r.diagnostics) err << d.Format() << "\n";
    for (const auto& d : r.lint_kept)
        err << d.file << ":" << d.line << ":" << d.col << ": note: " << d.message << "\n";
    if (r.linted) err << "contentc " << r.lint_summary << "\n";
    if (!lint_report.empty() && r.linted && !WriteFile(lint_report, r.lint_report)) {
        err << lint_report << ": error: cannot write the lint report\n";
        return 1;
    }
    if (!r.ok) return 1;
    if (!WriteFile(out_path, r.json)) {
        err << out_path << ": error: cannot write the compiled document\n";
        return 1;
    }
    if (!bin_path.empty() && !WriteFile(bin_path, r.bin)) {
        err << bin_path << ": error: cannot write the binary document\n";
        return 1;
    }
    if (!glyphs_path.empty() && !WriteFile(glyphs_path, r.glyphs)) {
        err << glyphs_path << ": error: cannot write the glyph list\n";
        return 1;
    }
    if (!emphasis_path.empty() && !WriteFile(emphasis_path, r.emphasis_glyphs)) {
        err << emphasis_path << ": error: cannot write the emphasis glyph list\n";
        return 1;
    }
    out << ReportLine(r.counts) << "\n";
    return 0;
}

}  // namespace contentc
