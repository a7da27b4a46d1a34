// Tests for the content compiler (src/tools/contentc): every kind of broken
// content gives one precise "file:line:col: error: message", warnings never
// fail, and the CLI writes what it says. Each case builds a small content
// directory in a temp folder from the strings below, changing one file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/content.h"
#include "tools/contentc/contentc.h"
#include "tools/contentc/lint.h"

namespace fs = std::filesystem;

namespace {

const char* kChapter = R"({
  "title": "Test Chapter",
  "sections": [
    { "id": "intro", "file": "sections/intro.md", "kind": "intro" },
    { "id": "tip-one", "file": "sections/tip-one.md", "kind": "tip" }
  ],
  "required": ["intro", "tip-one"]
}
)";

const char* kStrings = R"({
  "app.title": "Test Workbook",
  "nav.next": "Next section"
}
)";

const char* kIntro = R"(# Intro

Some text with a [link](#/read/tip-one) and *emphasis*.

```takeaway
Take **this** away.
```

```reflection r1
Write something.
```
)";

const char* kTip = R"(# Tip One

1. First step
2. Second step

```takeaway
A tip.
```

```reflection r1
What will you do?
```
)";

// A content directory in a temp folder, removed at the end of the test.
struct TempContent {
    std::string dir;

    TempContent() {
        static int counter = 0;
        dir = (fs::temp_directory_path() /
               ("contentc-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter)))
                  .string();
        fs::remove_all(dir);
        fs::create_directories(dir + "/sections");
        Write("chapter.json", kChapter);
        Write("strings.json", kStrings);
        Write("sections/intro.md", kIntro);
        Write("sections/tip-one.md", kTip);
    }
    ~TempContent() { fs::remove_all(dir); }

    void Write(const std::string& rel, const std::string& text) const {
        std::ofstream(dir + "/" + rel, std::ios::binary) << text;
    }
    std::string Path(const std::string& rel) const { return dir + "/" + rel; }
};

std::vector<std::string> Errors(const contentc::CompileResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
        if (d.error) out.push_back(d.Format());
    return out;
}

std::vector<std::string> Warnings(const contentc::CompileResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics)
        if (!d.error) out.push_back(d.Format());
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

// Show both lists when a CHECK on diagnostics fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string s = "{";
        for (const auto& line : v) s += "\n  " + line;
        return (s + "\n}").c_str();
    }
};
}  // namespace doctest

TEST_CASE("content: the real content/ compiles without errors or warnings") {
    const contentc::CompileResult r = contentc::CompileContent(std::string(WB_SOURCE_DIR) + "/content");
    for (const auto& d : r.diagnostics) MESSAGE(d.Format());
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    CHECK(r.counts.sections == 11);
    CHECK(r.counts.quizzes == 10);
    CHECK(r.counts.questions >= 45);
    CHECK(r.counts.reflections >= 11);
    CHECK(contentc::ReportLine(r.counts) == "content: 11 sections, 10 quizzes, " + std::to_string(r.counts.questions) +
                                                " questions, " + std::to_string(r.counts.reflections) + " reflection prompts");
    CHECK(r.glyphs.find('N') != std::string::npos);
    // The italic font is cut to the emphasized spans' characters: a few letters, all also in the full list.
    REQUIRE(!r.emphasis_glyphs.empty());
    CHECK(r.emphasis_glyphs.size() < r.glyphs.size() / 2);
    for (char c : r.emphasis_glyphs) CHECK(r.glyphs.find(c) != std::string::npos);
}

TEST_CASE("contentc: the base fixture compiles cleanly") {
    TempContent t;
    auto r = contentc::CompileContent(t.dir);
    CHECK(r.ok);
    CHECK(r.diagnostics.empty());
    CHECK(r.counts.sections == 2);
    CHECK(r.counts.reflections == 2);
    CHECK(contentc::ReportLine(r.counts) == "content: 2 sections, 0 quizzes, 0 questions, 2 reflection prompts");
    CHECK(r.json ==
          R"({"format":1,"title":"Test Chapter","strings":{"app.title":"Test Workbook","nav.next":"Next section"},)"
          R"("sections":[{"id":"intro","title":"Intro","kind":"intro","blocks":[)"
          R"({"k":"p","s":[["Some text with a ",0],["link",0,"#/read/tip-one"],[" and ",0],["emphasis",2],[".",0]]},)"
          R"({"k":"t","s":[["Take ",0],["this",1],[" away.",0]]}],)"
          R"("reflections":[{"id":"intro.r1","text":"Write something."}]},)"
          R"({"id":"tip-one","title":"Tip One","kind":"tip","blocks":[)"
          R"({"k":"li","d":1,"n":1,"s":[["First step",0]]},{"k":"li","d":1,"n":2,"s":[["Second step",0]]},)"
          R"({"k":"t","s":[["A tip.",0]]}],)"
          R"("reflections":[{"id":"tip-one.r1","text":"What will you do?"}]}]})");
}

TEST_CASE("contentc: blocks, spans and soft breaks") {
    TempContent t;
    t.Write("sections/intro.md", R"(# Intro

## Part **two**

A line
that wraps, with `code` and ***both***.

- outer
  - inner one
  - inner two
- [external](https://example.org/x)

> Quoted
> text.

```takeaway
Short.
```

```reflection r1
Plain *text* only.
```
)");
    auto r = contentc::CompileContent(t.dir);
    REQUIRE(r.ok);
    const std::string j = r.json;
    CHECK(j.find(R"({"k":"h","l":2,"s":[["Part ",0],["two",1]]})") != std::string::npos);
    CHECK(j.find(R"({"k":"p","s":[["A line that wraps, with ",0],["code",4],[" and ",0],["both",3],[".",0]]})") !=
          std::string::npos);
    CHECK(j.find(R"({"k":"li","d":1,"n":0,"s":[["outer",0]]},{"k":"li","d":2,"n":0,"s":[["inner one",0]]},)"
                 R"({"k":"li","d":2,"n":0,"s":[["inner two",0]]},)"
                 R"({"k":"li","d":1,"n":0,"s":[["external",0,"https://example.org/x"]]})") != std::string::npos);
    CHECK(j.find(R"({"k":"q","s":[["Quoted text.",0]]})") != std::string::npos);
    CHECK(j.find(R"({"id":"intro.r1","text":"Plain text only."})") != std::string::npos);
}

TEST_CASE("contentc: unknown link target") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText and\nthen [the tip](#/read/tip-on) here.\n\n"
                                 "```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK_FALSE(r.ok);
    CHECK(r.json.empty());
    CHECK(Errors(r) == Lines{t.Path("sections/intro.md") + ":4:6: error: link to unknown section \"tip-on\""});
}

TEST_CASE("contentc: unknown link target inside a takeaway points into the fenced block") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n```takeaway\nSee **[the tip](#/read/nope)**.\n```\n\n"
                                 "```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("sections/intro.md") + ":6:7: error: link to unknown section \"nope\""});
}

TEST_CASE("contentc: duplicate section id") {
    TempContent t;
    t.Write("chapter.json", R"({
  "title": "Test Chapter",
  "sections": [
    { "id": "intro", "file": "sections/intro.md", "kind": "intro" },
    { "id": "tip-one", "file": "sections/tip-one.md", "kind": "tip" },
    { "id": "intro", "file": "sections/tip-one.md", "kind": "tip" }
  ],
  "required": ["intro"]
}
)");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) ==
          Lines{t.Path("chapter.json") + ":6:13: error: duplicate section id \"intro\" (first defined at line 4)"});
}

TEST_CASE("contentc: duplicate reflection id") {
    TempContent t;
    t.Write("sections/tip-one.md", "# Tip One\n\nText.\n\n```takeaway\nT.\n```\n\n"
                                   "```reflection r1\nFirst?\n```\n\n```reflection r1\nSecond?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) ==
          Lines{t.Path("sections/tip-one.md") + ":13:1: error: duplicate reflection id \"r1\" (first used at line 9)"});
}

TEST_CASE("contentc: a reflection says what its answer names for the planner") {
    TempContent t;
    t.Write("sections/tip-one.md", "# Tip One\n\nText.\n\n```takeaway\nT.\n```\n\n"
                                   "```reflection r1 planner=contacts\nWho?\n```\n\n```reflection r2 planner=event\nWhere?\n```\n\n"
                                   "```reflection r3 planner=organization\nWhich?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    REQUIRE(r.ok);
    CHECK(r.json.find(R"("reflections":[{"id":"tip-one.r1","text":"Who?","planner":"contacts"},)"
                      R"({"id":"tip-one.r2","text":"Where?","planner":"event"},)"
                      R"({"id":"tip-one.r3","text":"Which?","planner":"organization"}])") != std::string::npos);

    t.Write("sections/tip-one.md", "# Tip One\n\nText.\n\n```takeaway\nT.\n```\n\n```reflection r1 planner=people\nWho?\n```\n");
    CHECK(Errors(contentc::CompileContent(t.dir)) ==
          Lines{t.Path("sections/tip-one.md") + ":9:1: error: reflection \"r1\": planner=\"people\" is not one of contacts, event, organization"});
    t.Write("sections/tip-one.md", "# Tip One\n\nText.\n\n```takeaway\nT.\n```\n\n```reflection r1 contacts\nWho?\n```\n");
    CHECK(Errors(contentc::CompileContent(t.dir)) ==
          Lines{t.Path("sections/tip-one.md") + ":9:1: error: reflection block needs one id and may say what the answer names: "
                                                 "```reflection <id> [planner=contacts|event|organization]"});
}

TEST_CASE("contentc: missing section file") {
    TempContent t;
    fs::remove(t.Path("sections/tip-one.md"));
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("chapter.json") + ":5:32: error: section file \"sections/tip-one.md\" not found"});
}

TEST_CASE("contentc: missing required section") {
    TempContent t;
    t.Write("chapter.json", R"({
  "title": "Test Chapter",
  "sections": [
    { "id": "intro", "file": "sections/intro.md", "kind": "intro" },
    { "id": "tip-one", "file": "sections/tip-one.md", "kind": "tip" }
  ],
  "required": ["intro", "conclusion", "tip-one"]
}
)");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("chapter.json") + ":7:25: error: required section \"conclusion\" is missing"});
}

TEST_CASE("contentc: malformed chapter.json gives the line:col of the fault") {
    TempContent t;
    t.Write("chapter.json", "{\n  \"title\": \"T\"\n  \"sections\": []\n}\n");  // missing comma
    auto r = contentc::CompileContent(t.dir);
    REQUIRE(Errors(r).size() == 1);
    CHECK(Errors(r)[0] == t.Path("chapter.json") +
                              ":3:3: error: invalid JSON: syntax error while parsing object - unexpected string "
                              "literal; expected '}'");
}

TEST_CASE("contentc: wrong types and missing fields in chapter.json") {
    TempContent t;
    t.Write("chapter.json", R"({
  "title": 7,
  "sections": [
    { "id": "intro", "file": "sections/intro.md", "kind": "preface" },
    { "file": "sections/tip-one.md", "kind": "tip" }
  ],
  "required": ["intro"]
}
)");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{
                           t.Path("chapter.json") + ":2:3: error: \"title\" must be a non-empty string",
                           t.Path("chapter.json") +
                               ":4:59: error: kind \"preface\" must be one of intro, benefit, tip, conclusion",
                           t.Path("chapter.json") + ":5:5: error: missing field \"id\"",
                       });
}

TEST_CASE("contentc: malformed strings.json") {
    TempContent t;
    t.Write("strings.json", "{\n  \"app.title\": \"Test\",\n  \"nav.next\": \"Next\",\n}\n");  // trailing comma
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("strings.json") +
                             ":4:1: error: invalid JSON: syntax error while parsing object key - unexpected '}'; "
                             "expected string literal"});
}

TEST_CASE("contentc: strings.json values must be strings") {
    TempContent t;
    t.Write("strings.json", "{\n  \"app.title\": \"Test\",\n  \"nav.next\": 3\n}\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("strings.json") + ":3:3: error: string \"nav.next\" must be a JSON string, or an object "
                                                      "of plural forms {\"one\": ..., \"other\": ...}"});
}

TEST_CASE("contentc: plural strings are objects of CLDR forms with an \"other\"") {
    TempContent t;
    t.Write("strings.json", "{\n  \"app.title\": \"Test\",\n  \"count.people\": {\"one\": \"{n} person\", \"other\": \"{n} people\"}\n}\n");
    auto ok = contentc::CompileContent(t.dir);
    REQUIRE(ok.ok);
    // In the binary, one text per key in order (no --keys: strings.json's keys, sorted), without the names.
    auto decoded = wb::DecodeContentBinary(ok.bin);
    REQUIRE(decoded.ok);
    REQUIRE(decoded.content.texts.size() == 2);
    CHECK(decoded.content.texts[0].text == "Test");  // app.title
    CHECK(decoded.content.texts[1].plural);          // count.people
    CHECK(decoded.content.texts[1].forms[wb::kOne] == "{n} person");
    CHECK(decoded.content.texts[1].forms[wb::kOther] == "{n} people");
    // The JSON document keeps the names, the forms as key|form.
    auto json = wb::DecodeContent(ok.json);
    REQUIRE(json.ok);
    CHECK(json.content.strings == std::vector<std::pair<std::string, std::string>>{
                                      {"app.title", "Test"}, {"count.people|one", "{n} person"}, {"count.people|other", "{n} people"}});

    // With the code's list of keys (--keys), a key the file lacks is an error.
    t.Write("keys.txt", "app.title\nnav.next\n");
    contentc::CompileOptions with_keys;
    with_keys.keys_file = t.Path("keys.txt");
    auto missing = contentc::CompileContent(t.dir, with_keys);
    CHECK(Errors(missing) == Lines{t.Path("strings.json") +
                                   ":1:1: error: UI string \"nav.next\" is missing: the code uses it (add it, in the workbook's words)"});

    t.Write("strings.json", "{\n  \"app.title\": \"Test\",\n  \"count.people\": {\"one\": \"{n} person\", \"plenty\": \"x\"}\n}\n");
    auto bad = contentc::CompileContent(t.dir);
    CHECK(Errors(bad) == Lines{
        t.Path("strings.json") + ":3:3: error: plural string \"count.people\" needs an \"other\" form (the one used when no other fits)",
        t.Path("strings.json") + ":3:41: error: plural form \"plenty\" of \"count.people\" is not one of zero, one, two, few, many, other"});
}

TEST_CASE("contentc: missing title heading") {
    TempContent t;
    t.Write("sections/intro.md", "Intro without a heading.\n\n```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) ==
          Lines{t.Path("sections/intro.md") + ":1:1: error: the first line must be the section title, written \"# Title\""});
}

TEST_CASE("contentc: a second level-1 heading") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n# Again\n\n```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("sections/intro.md") +
                             ":5:1: error: a level-1 heading is only allowed on the first line, as the section title"});
}

TEST_CASE("contentc: HTML block") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n<div class=\"box\">\nhi\n</div>\n\n"
                                 "```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("sections/intro.md") + ":5:1: error: HTML blocks are not supported"});
}

TEST_CASE("contentc: images, tables and inline HTML") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nSee ![a chart](chart.png) and <b>bold</b>.\n\n"
                                 "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                                 "```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    const std::string f = t.Path("sections/intro.md");
    CHECK(Errors(r) == Lines{
                           f + ":3:5: error: images are not supported",
                           f + ":3:31: error: inline HTML is not supported",
                           f + ":3:38: error: inline HTML is not supported",
                           f + ":5:1: error: tables are not supported",
                       });
}

TEST_CASE("contentc: unknown fence info string") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n```takeway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("sections/intro.md") +
                             ":5:1: error: unknown fenced block info string \"takeway\" (expected \"takeaway\" or "
                             "\"reflection <id>\")"});
}

TEST_CASE("contentc: a fence without info string, and an indented code block") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n    code here\n\n~~~\nx\n~~~\n\n"
                                 "```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    const std::string f = t.Path("sections/intro.md");
    CHECK(Errors(r) ==
          Lines{
              f + ":5:5: error: indented code blocks are not supported (indent less than 4 spaces, or use a ```takeaway "
                  "or ```reflection <id> block)",
              f + ":7:1: error: fenced block without info string (expected \"takeaway\" or \"reflection <id>\")",
          });
}

TEST_CASE("contentc: empty takeaway and empty reflection") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n```takeaway\n```\n\n```reflection r1\n   \n```\n");
    auto r = contentc::CompileContent(t.dir);
    const std::string f = t.Path("sections/intro.md");
    CHECK(Errors(r) == Lines{
                           f + ":5:1: error: empty takeaway",
                           f + ":8:1: error: empty reflection prompt \"r1\"",
                       });
}

TEST_CASE("contentc: a takeaway must be one paragraph of inline text") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\nText.\n\n```takeaway\n- a list\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) ==
          Lines{t.Path("sections/intro.md") + ":5:1: error: a takeaway must be one paragraph of inline text"});
}

TEST_CASE("contentc: all errors are reported, across files") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\n[a](#/read/x) and [b](#/read/y)\n\n```takeaway\n```\n\n```reflection r1\nR?\n```\n");
    t.Write("sections/tip-one.md", "No title\n\n```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{
                           t.Path("sections/intro.md") + ":3:1: error: link to unknown section \"x\"",
                           t.Path("sections/intro.md") + ":3:19: error: link to unknown section \"y\"",
                           t.Path("sections/intro.md") + ":5:1: error: empty takeaway",
                           t.Path("sections/tip-one.md") +
                               ":1:1: error: the first line must be the section title, written \"# Title\"",
                       });
}

TEST_CASE("contentc: a warning does not fail") {
    TempContent t;
    t.Write("sections/tip-one.md", "# Tip One\n\nNo takeaway and no prompt here.\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(r.ok);
    CHECK_FALSE(r.json.empty());
    CHECK(Errors(r).empty());
    CHECK(Warnings(r) == Lines{
                             t.Path("sections/tip-one.md") + ":1:1: warning: section has no ```takeaway block",
                             t.Path("sections/tip-one.md") + ":1:1: warning: section has no ```reflection <id> block",
                         });
}

TEST_CASE("contentc: output is deterministic") {
    TempContent t;
    auto a = contentc::CompileContent(t.dir);
    auto b = contentc::CompileContent(t.dir);
    REQUIRE(a.ok);
    CHECK(a.json == b.json);
    CHECK(a.bin == b.bin);
    CHECK(a.glyphs == b.glyphs);
}

TEST_CASE("contentc: CLI writes the document and glyphs and prints one report line") {
    TempContent t;
    const std::string out = t.Path("build/out/content.json"), glyphs = t.Path("build/glyphs.txt");
    const std::string content = t.dir + "/";  // a trailing slash must not double up in paths
    const char* argv[] = {"contentc", "--content", content.c_str(), "--out", out.c_str(), "--glyphs", glyphs.c_str()};
    std::ostringstream so, se;
    CHECK(contentc::RunCli(7, argv, so, se) == 0);
    CHECK(so.str() == "content: 2 sections, 0 quizzes, 0 questions, 2 reflection prompts\n");
    CHECK(se.str().empty());
    std::ifstream in(out);
    std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(json == contentc::CompileContent(t.dir).json);
    std::ifstream g(glyphs);
    std::string gl((std::istreambuf_iterator<char>(g)), std::istreambuf_iterator<char>());
    CHECK(gl.find("T") != std::string::npos);
    CHECK(gl.find(" ") != std::string::npos);
    CHECK(gl.find("\n") == std::string::npos);
}

TEST_CASE("contentc: CLI reports errors on stderr and exits 1") {
    TempContent t;
    t.Write("sections/intro.md", "# Intro\n\n[a](#/read/x)\n\n```takeaway\nT.\n```\n\n```reflection r1\nR?\n```\n");
    const std::string out = t.Path("content.out.json");
    const char* argv[] = {"contentc", "--content", t.dir.c_str(), "--out", out.c_str()};
    std::ostringstream so, se;
    CHECK(contentc::RunCli(5, argv, so, se) == 1);
    CHECK(so.str().empty());
    CHECK(se.str() == t.Path("sections/intro.md") + ":3:1: error: link to unknown section \"x\"\n");
    CHECK_FALSE(fs::exists(out));

    const char* bad[] = {"contentc", "--content"};
    std::ostringstream so2, se2;
    CHECK(contentc::RunCli(2, bad, so2, se2) == 1);
    CHECK(se2.str().find("usage: contentc --content DIR --out FILE.json [--bin FILE.bin] [--glyphs FILE.txt]") !=
          std::string::npos);
}

TEST_CASE("contentc: CLI --bin writes the binary encoding of the same document") {
    TempContent t;
    const std::string json_path = t.Path("build/content.json"), bin_path = t.Path("build/bin/content.bin");
    const char* argv[] = {"contentc", "--content", t.dir.c_str(), "--out", json_path.c_str(), "--bin", bin_path.c_str()};
    std::ostringstream so, se;
    CHECK(contentc::RunCli(7, argv, so, se) == 0);
    CHECK(se.str().empty());
    std::ifstream in(bin_path, std::ios::binary);
    const std::string bin((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const contentc::CompileResult r = contentc::CompileContent(t.dir);
    REQUIRE(r.ok);
    CHECK(bin == r.bin);
    CHECK(bin.compare(0, 4, "WBCB") == 0);
    const wb::ContentResult from_bin = wb::DecodeContentBinary(bin), from_json = wb::DecodeContent(r.json);
    REQUIRE_MESSAGE(from_bin.ok, from_bin.error);
    REQUIRE(from_json.ok);
    CHECK(from_bin.content.sections.size() == from_json.content.sections.size());
    wb::Content same = from_json.content;
    same.texts = from_bin.content.texts;  // the binary has the UI texts by key order, the JSON by name
    CHECK(wb::EncodeContentBinary(same) == bin);  // full equality: test_content.cpp

    // Without --bin, no binary file is written.
    const std::string only_json = t.Path("only/content.json");
    const char* argv2[] = {"contentc", "--content", t.dir.c_str(), "--out", only_json.c_str()};
    std::ostringstream so2, se2;
    CHECK(contentc::RunCli(5, argv2, so2, se2) == 0);
    CHECK_FALSE(fs::exists(t.Path("only/content.bin")));
}

//-----------------------------------------------------------------------------
// Quizzes: content/quizzes/*.json
//-----------------------------------------------------------------------------
// Each case starts from kQuiz (a quiz on the fixture's tip section with one
// question of every kind) and changes one thing with Edit(), which insists
// the text to replace occurs exactly once, so line numbers stay obvious.

namespace {

const char* kQuiz = R"({
  "id": "tip-quiz",
  "section": "tip-one",
  "title": "Tip quiz",
  "feedback": "immediate",
  "scoring": "partial",
  "recommendation": { "action": "do-it", "text": "Do it." },
  "questions": [
    { "id": "q1", "kind": "single", "prompt": "Pick A.",
      "options": [{ "id": "a", "text": "A" }, { "id": "b", "text": "B", "feedback": "Not B." }],
      "answer": "a", "explanation": "A is right." },
    { "id": "q2", "kind": "multiple", "prompt": "Pick A and B.",
      "options": [{ "id": "a", "text": "A" }, { "id": "b", "text": "B" }, { "id": "c", "text": "C", "feedback": "Not C." }, { "id": "d", "text": "D", "feedback": "Not D." }],
      "answer": ["a", "b"], "explanation": "A and B.", "cite": "intro" },
    { "id": "q3", "kind": "true_false", "prompt": "True?", "answer": true, "feedback": "It is true.", "explanation": "Yes." },
    { "id": "q4", "kind": "scenario", "scenario": "A situation.", "prompt": "Do what?",
      "options": [{ "id": "a", "text": "Act at once", "feedback": "No." }, { "id": "b", "text": "Wait" }],
      "answer": 1, "explanation": "Wait." },
    { "id": "q5", "kind": "ordering", "prompt": "Order.",
      "items": [{ "id": "one", "text": "One" }, { "id": "two", "text": "Two" }, { "id": "three", "text": "Three" }],
      "explanation": "One, two, three." },
    { "id": "r1", "kind": "self_rating", "prompt": "How often?", "tip": "tip-one",
      "scale": { "min": 1, "max": 5, "min_label": "Never", "max_label": "Always" } }
  ]
}
)";

std::string Edit(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, from);
    return text.replace(at, from.size(), to);
}

void WriteQuiz(const TempContent& t, const std::string& name, const std::string& text) {
    fs::create_directories(t.dir + "/quizzes");
    t.Write("quizzes/" + name, text);
}

// Compiles the fixture with kQuiz edited once; returns the error lines with
// the temp folder left out ("quizzes/tip.json:L:C: error: ...").
Lines QuizErrors(const std::string& from, const std::string& to) {
    TempContent t;
    WriteQuiz(t, "tip.json", Edit(kQuiz, from, to));
    Lines out;
    for (const auto& e : Errors(contentc::CompileContent(t.dir)))
        out.push_back(e.rfind(t.dir + "/", 0) == 0 ? e.substr(t.dir.size() + 1) : e);
    return out;
}

}  // namespace

TEST_CASE("contentc quiz: the fixture quiz compiles into the documented form") {
    TempContent t;
    WriteQuiz(t, "tip.json", kQuiz);
    t.Write("quizzes/notes.txt", "not a quiz: ignored");
    auto r = contentc::CompileContent(t.dir);
    for (const auto& d : r.diagnostics) MESSAGE(d.Format());
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    CHECK(r.counts.quizzes == 1);
    CHECK(r.counts.questions == 5);  // the self-rating is not counted
    CHECK(contentc::ReportLine(r.counts) == "content: 2 sections, 1 quizzes, 5 questions, 2 reflection prompts");
    const std::string& j = r.json;
    CHECK(j.find(R"(,"quizzes":[{"id":"tip-quiz","section":"tip-one","title":"Tip quiz","pass_mark":0.8,)"
                 R"("feedback":"immediate","scoring":"partial","recommendation":{"action":"do-it","text":"Do it."},)"
                 R"("questions":[{"id":"tip-quiz.q1","kind":"single","hash":")") != std::string::npos);
    CHECK(j.find(R"("prompt":"Pick A.","options":[{"id":"a","text":"A","correct":true},)"
                 R"({"id":"b","text":"B","feedback":"Not B."}],"explanation":"A is right.","cite":"tip-one"})") !=
          std::string::npos);
    CHECK(j.find(R"("options":[{"id":"a","text":"A","correct":true},{"id":"b","text":"B","correct":true},)"
                 R"({"id":"c","text":"C","feedback":"Not C."},{"id":"d","text":"D","feedback":"Not D."}],"explanation":"A and B.",)"
                 R"("cite":"intro"})") != std::string::npos);
    CHECK(j.find(R"("prompt":"True?","options":[{"id":"true","text":"True","correct":true},)"
                 R"({"id":"false","text":"False","feedback":"It is true."}])") != std::string::npos);
    CHECK(j.find(R"("kind":"scenario",)") != std::string::npos);
    CHECK(j.find(R"("scenario":"A situation.","prompt":"Do what?","options":[{"id":"a","text":"Act at once","feedback":"No."},)"
                 R"({"id":"b","text":"Wait","correct":true}])") != std::string::npos);
    CHECK(j.find(R"("prompt":"Order.","options":[{"id":"one","text":"One"},{"id":"two","text":"Two"},)"
                 R"({"id":"three","text":"Three"}],"explanation":"One, two, three.")") != std::string::npos);
    CHECK(j.find(R"("prompt":"How often?","tip":"tip-one","min_label":"Never","max_label":"Always"})") != std::string::npos);
    CHECK(r.glyphs.find('W') != std::string::npos);  // "Wait": quiz text reaches the font subset
}

TEST_CASE("contentc quiz: the question hash follows the question, not its explanation") {
    auto hash_of_q1 = [](const std::string& quiz) {
        TempContent t;
        WriteQuiz(t, "tip.json", quiz);
        auto r = contentc::CompileContent(t.dir);
        REQUIRE(r.ok);
        const std::string key = R"("id":"tip-quiz.q1","kind":"single","hash":")";
        const size_t at = r.json.find(key);
        REQUIRE(at != std::string::npos);
        return r.json.substr(at + key.size(), 16);
    };
    const std::string base = hash_of_q1(kQuiz);
    CHECK(base.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(hash_of_q1(Edit(kQuiz, "\"A is right.\"", "\"A is right, as the section says.\"")) == base);
    CHECK(hash_of_q1(Edit(kQuiz, "\"Not B.\"", "\"B is not it.\"")) == base);
    CHECK(hash_of_q1(Edit(kQuiz, "\"Pick A.\"", "\"Pick the first.\"")) != base);
    CHECK(hash_of_q1(Edit(kQuiz, R"({ "id": "a", "text": "A" }, { "id": "b", "text": "B", "feedback")",
                          R"({ "id": "a", "text": "A!" }, { "id": "b", "text": "B", "feedback")")) != base);
    // Another correct answer is another question, even with the same words.
    CHECK(hash_of_q1(Edit(Edit(kQuiz, R"("answer": "a", "explanation")", R"("answer": "b", "explanation")"),
                          R"([{ "id": "a", "text": "A" }, { "id": "b", "text": "B", "feedback": "Not B." }])",
                          R"([{ "id": "a", "text": "A", "feedback": "No." }, { "id": "b", "text": "B" }])")) != base);
}

TEST_CASE("contentc quiz: JSON syntax errors point at the fault") {
    CHECK(QuizErrors(R"("title": "Tip quiz",)", R"("title": "Tip quiz")") ==
          Lines{"quizzes/tip.json:5:3: error: invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'"});
    CHECK(QuizErrors(R"("answer": "a", "explanation")", R"("answer": a, "explanation")") ==
          Lines{"quizzes/tip.json:11:17: error: invalid JSON: syntax error while parsing value - invalid literal; last read: '\"answer\": a'"});
}

TEST_CASE("contentc quiz: unknown sections") {
    CHECK(QuizErrors(R"("section": "tip-one")", R"("section": "tip-two")") ==
          Lines{"quizzes/tip.json:3:14: error: unknown section \"tip-two\""});
    CHECK(QuizErrors(R"("cite": "intro")", R"("cite": "outro")") == Lines{"quizzes/tip.json:14:64: error: unknown section \"outro\""});
}

TEST_CASE("contentc quiz: duplicate quiz ids, and two quizzes for one section") {
    TempContent t;
    WriteQuiz(t, "a.json", kQuiz);
    WriteQuiz(t, "b.json", Edit(Edit(kQuiz, R"("section": "tip-one")", R"("section": "intro")"),
                                R"("recommendation": { "action": "do-it", "text": "Do it." },)", ""));
    WriteQuiz(t, "c.json", Edit(kQuiz, R"("id": "tip-quiz")", R"("id": "other-quiz")"));
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{
                           t.Path("quizzes/b.json") + ":2:9: error: duplicate quiz id \"tip-quiz\" (first defined in " +
                               t.Path("quizzes/a.json") + ":2)",
                           t.Path("quizzes/c.json") + ":3:14: error: section \"tip-one\" already has a quiz, \"tip-quiz\" (" +
                               t.Path("quizzes/a.json") + ":2)",
                       });
}

TEST_CASE("contentc quiz: duplicate question and option ids") {
    CHECK(QuizErrors(R"({ "id": "q2", "kind": "multiple")", R"({ "id": "q1", "kind": "multiple")") ==
          Lines{"quizzes/tip.json:12:13: error: duplicate question id \"q1\" (first defined at line 9)"});
    CHECK(QuizErrors(R"({ "id": "three", "text": "Three" })", R"({ "id": "two", "text": "Three" })") ==
          Lines{"quizzes/tip.json:20:89: error: duplicate item id \"two\" (first defined at line 20)"});
    CHECK(QuizErrors(R"({ "id": "b", "text": "B", "feedback": "Not B." })", R"({ "id": "a", "text": "B", "feedback": "Not B." })") == Lines{"quizzes/tip.json:10:55: error: duplicate option id \"a\" (first defined at line 10)"});
}

TEST_CASE("contentc quiz: answers out of range") {
    CHECK(QuizErrors(R"("answer": "a", "explanation")", R"("answer": "z", "explanation")") ==
          Lines{"quizzes/tip.json:11:17: error: answer \"z\" is not an option of question \"q1\""});
    CHECK(QuizErrors(R"("answer": 1,)", R"("answer": 2,)") ==
          Lines{"quizzes/tip.json:18:17: error: answer index 2 is out of range (question \"q4\" has 2 options, numbered from 0)"});
    CHECK(QuizErrors(R"("answer": ["a", "b"])", R"("answer": ["a", -1])") ==
          Lines{"quizzes/tip.json:14:23: error: answer index -1 is out of range (question \"q2\" has 4 options, numbered from 0)"});
    CHECK(QuizErrors(R"("answer": ["a", "b"])", R"("answer": ["a", "a"])") ==
          Lines{"quizzes/tip.json:14:23: error: option \"a\" is listed twice in \"answer\""});
}

TEST_CASE("contentc quiz: no correct option, or too many for single choice") {
    CHECK(QuizErrors(R"("answer": ["a", "b"])", R"("answer": [])") ==
          Lines{"quizzes/tip.json:14:17: error: question \"q2\" has no correct option"});
    CHECK(QuizErrors(R"("answer": "a", "explanation": "A is right.")", R"("explanation": "A is right.")") ==
          Lines{"quizzes/tip.json:9:5: error: question \"q1\" has no correct option: add \"answer\" with the correct option id"});
    CHECK(QuizErrors(R"("answer": "a", "explanation")", R"("answer": ["a", "b"], "explanation")") ==
          Lines{"quizzes/tip.json:11:17: error: a single-choice question must have exactly one correct option (found 2)"});
    CHECK(QuizErrors(R"("answer": 1,)", R"("answer": [0, 1],)") ==
          Lines{"quizzes/tip.json:18:17: error: a single-choice question must have exactly one correct option (found 2)"});
    CHECK(QuizErrors(R"("prompt": "True?", "answer": true,)", R"("prompt": "True?",)") ==
          Lines{"quizzes/tip.json:15:5: error: question \"q3\" has no correct option: add \"answer\": true or false"});
}

TEST_CASE("contentc quiz: ordering needs at least two items") {
    CHECK(QuizErrors(R"([{ "id": "one", "text": "One" }, { "id": "two", "text": "Two" }, { "id": "three", "text": "Three" }])",
                     R"([{ "id": "one", "text": "One" }])") ==
          Lines{"quizzes/tip.json:20:7: error: an ordering question needs at least 2 items (found 1)"});
    CHECK(QuizErrors(R"("options": [{ "id": "a", "text": "A" }, { "id": "b", "text": "B", "feedback": "Not B." }])",
                     R"("options": [{ "id": "a", "text": "A" }])") ==
          Lines{"quizzes/tip.json:10:7: error: a choice question needs at least 2 options (found 1)"});
}

TEST_CASE("contentc quiz: self-ratings need a 1 to 5 scale and a tip") {
    CHECK(QuizErrors(R"("max": 5)", R"("max": 10)") ==
          Lines{"quizzes/tip.json:23:16: error: a self-rating scale must run from 1 to 5 (\"min\": 1, \"max\": 5)"});
    CHECK(QuizErrors(R"("min": 1,)", R"("min": 0,)") ==
          Lines{"quizzes/tip.json:23:16: error: a self-rating scale must run from 1 to 5 (\"min\": 1, \"max\": 5)"});
    CHECK(QuizErrors(R"("prompt": "How often?", "tip": "tip-one",)", R"("prompt": "How often?",)") ==
          Lines{"quizzes/tip.json:22:5: error: a self-rating must name the tip it measures: add \"tip\" (a tip section id)"});
    CHECK(QuizErrors(R"("tip": "tip-one")", R"("tip": "intro")") ==
          Lines{"quizzes/tip.json:22:73: error: self-rating tip \"intro\" is not a tip section (its kind is intro)"});
    CHECK(QuizErrors(R"("min_label": "Never", )", "") == Lines{"quizzes/tip.json:23:16: error: missing field \"min_label\""});
}

TEST_CASE("contentc quiz: graded questions need an explanation and feedback on every wrong option") {
    CHECK(QuizErrors(R"("answer": "a", "explanation": "A is right.")", R"("answer": "a")") ==
          Lines{"quizzes/tip.json:9:5: error: missing field \"explanation\""});
    CHECK(QuizErrors(R"(,
      "explanation": "One, two, three." })", " }") == Lines{"quizzes/tip.json:19:5: error: missing field \"explanation\""});
    CHECK(QuizErrors(R"({ "id": "b", "text": "B", "feedback": "Not B." })", R"({ "id": "b", "text": "B" })") ==
          Lines{"quizzes/tip.json:10:47: error: wrong option \"b\" has no \"feedback\" (shown when a learner picks it)"});
    CHECK(QuizErrors(R"("answer": true, "feedback": "It is true.",)", R"("answer": true,)") ==
          Lines{"quizzes/tip.json:15:5: error: missing field \"feedback\""});
}

TEST_CASE("contentc quiz: wrong types and values") {
    CHECK(QuizErrors(R"("scoring": "partial",)", R"("scoring": "partial", "pass_mark": "high",)") ==
          Lines{"quizzes/tip.json:6:25: error: \"pass_mark\" must be a number greater than 0 and at most 1"});
    CHECK(QuizErrors(R"("scoring": "partial",)", R"("scoring": "partial", "pass_mark": 80,)") ==
          Lines{"quizzes/tip.json:6:25: error: \"pass_mark\" must be a number greater than 0 and at most 1"});
    CHECK(QuizErrors(R"("scoring": "partial")", R"("scoring": "most")") ==
          Lines{"quizzes/tip.json:6:14: error: scoring \"most\" must be one of all_or_nothing, partial"});
    CHECK(QuizErrors(R"("feedback": "immediate")", R"("feedback": "later")") ==
          Lines{"quizzes/tip.json:5:15: error: feedback \"later\" must be one of immediate, on_submit"});
    CHECK(QuizErrors(R"("title": "Tip quiz")", R"("title": 3)") ==
          Lines{"quizzes/tip.json:4:3: error: \"title\" must be a non-empty string"});
    CHECK(QuizErrors(R"("kind": "single")", R"("kind": "essay")") ==
          Lines{"quizzes/tip.json:9:27: error: kind \"essay\" must be one of single, multiple, true_false, scenario, ordering, self_rating"});
    CHECK(QuizErrors(R"("prompt": "Pick A.")", R"("prompt": ["Pick A."])") ==
          Lines{"quizzes/tip.json:9:37: error: \"prompt\" must be a non-empty string"});
    CHECK(QuizErrors(R"("answer": "a", "explanation")", R"("answer": true, "explanation")") ==
          Lines{"quizzes/tip.json:11:17: error: \"answer\" must be an option id, an option index, or an array of them"});
    CHECK(QuizErrors(R"("answer": true, "feedback")", R"("answer": "yes", "feedback")") ==
          Lines{"quizzes/tip.json:15:70: error: \"answer\" must be true or false"});
    CHECK(QuizErrors(R"("answer": ["a", "b"], "explanation": "A and B.")", R"("answer": ["a", "b"], "explanation": "")") ==
          Lines{"quizzes/tip.json:14:29: error: \"explanation\" must be a non-empty string"});
    CHECK(QuizErrors(R"("questions": [)", R"("questions": {}, "x": [)") ==
          Lines{"quizzes/tip.json:8:3: error: \"questions\" must be a non-empty array"});
    CHECK(QuizErrors(R"("items": [)", R"("items": "one, two", "x": [)") ==
          Lines{"quizzes/tip.json:20:7: error: \"items\" must be an array"});
    CHECK(QuizErrors(R"("id": "tip-quiz")", R"("id": "Tip Quiz")") ==
          Lines{"quizzes/tip.json:2:9: error: quiz id \"Tip Quiz\" must use only a-z, 0-9 and '-'"});
}

TEST_CASE("contentc quiz: structure errors") {
    TempContent t;
    WriteQuiz(t, "a.json", "[1, 2]\n");
    WriteQuiz(t, "b.json", Edit(kQuiz, R"("recommendation": { "action": "do-it", "text": "Do it." },)", ""));
    WriteQuiz(t, "c.json", "{\n  \"id\": \"c\", \"section\": \"intro\", \"title\": \"C\", \"feedback\": \"immediate\",\n"
                           "  \"scoring\": \"partial\", \"questions\": []\n}\n");
    WriteQuiz(t, "d.json", "{\n  \"id\": \"d\", \"section\": \"intro\", \"title\": \"D\", \"feedback\": \"immediate\",\n"
                           "  \"scoring\": \"partial\", \"questions\": [\n    7,\n"
                           "    { \"id\": \"r\", \"kind\": \"self_rating\", \"prompt\": \"P\", \"tip\": \"tip-one\", \"scale\": "
                           "{ \"min\": 1, \"max\": 5, \"min_label\": \"L\", \"max_label\": \"H\" } }\n  ]\n}\n");
    auto r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{
                           t.Path("quizzes/a.json") + ":1:1: error: a quiz file must be a JSON object",
                           t.Path("quizzes/b.json") +
                               ":1:1: error: a quiz on a tip section needs a \"recommendation\" with \"action\" and \"text\"",
                           t.Path("quizzes/c.json") + ":3:25: error: \"questions\" must be a non-empty array",
                           t.Path("quizzes/d.json") + ":4:5: error: questions[0] must be an object",
                       });
    // d.json's only valid question is a self-rating: reported once the rest is fixed.
    WriteQuiz(t, "a.json", Edit(Edit(Edit(kQuiz, R"("id": "tip-quiz")", R"("id": "a")"), R"("section": "tip-one")",
                                     R"("section": "intro")"),
                                R"("recommendation": { "action": "do-it", "text": "Do it." },)", ""));
    fs::remove(t.Path("quizzes/b.json"));
    fs::remove(t.Path("quizzes/c.json"));
    WriteQuiz(t, "d.json", "{\n  \"id\": \"d\", \"section\": \"tip-one\", \"title\": \"D\", \"feedback\": \"immediate\",\n"
                           "  \"scoring\": \"partial\", \"recommendation\": { \"action\": \"x\", \"text\": \"X\" }, \"questions\": [\n"
                           "    { \"id\": \"r\", \"kind\": \"self_rating\", \"prompt\": \"P\", \"tip\": \"tip-one\", \"scale\": "
                           "{ \"min\": 1, \"max\": 5, \"min_label\": \"L\", \"max_label\": \"H\" } }\n  ]\n}\n");
    r = contentc::CompileContent(t.dir);
    CHECK(Errors(r) == Lines{t.Path("quizzes/d.json") + ":3:75: error: a quiz needs at least one graded question"});
}

TEST_CASE("contentc quiz: unknown fields and a recommendation off a tip are warnings") {
    TempContent t;
    WriteQuiz(t, "tip.json", Edit(kQuiz, R"("prompt": "Pick A.",)", R"("prompt": "Pick A.", "hint": "A",)"));
    // The intro quiz keeps kQuiz's head but asks its own question (a copy would be a duplicate).
    const std::string quiz = kQuiz, head = quiz.substr(0, quiz.find(R"("questions": [)") + 14);
    const std::string intro = head + R"( { "id": "q1", "kind": "true_false", "prompt": "The intro comes first.", "answer": true,)"
                                     R"( "feedback": "It does.", "explanation": "Reading order." } ] })";
    WriteQuiz(t, "intro.json", Edit(Edit(intro, R"("id": "tip-quiz")", R"("id": "intro-quiz")"), R"("section": "tip-one")",
                                    R"("section": "intro")"));
    auto r = contentc::CompileContent(t.dir);
    CHECK(r.ok);
    CHECK(Warnings(r) == Lines{
                             t.Path("quizzes/intro.json") +
                                 ":7:3: warning: \"recommendation\" is only used on quizzes of tip sections; ignored",
                             t.Path("quizzes/tip.json") + ":9:58: warning: unknown field \"hint\" is ignored",
                         });
    CHECK(r.counts.quizzes == 2);
    // Compiled in reading order (intro before tip-one), whatever the file names.
    CHECK(r.json.find(R"("id":"intro-quiz")") < r.json.find(R"("id":"tip-quiz")"));
    CHECK(r.json.find(R"("id":"intro-quiz","section":"intro","title":"Tip quiz","pass_mark":0.8,"feedback":"immediate",)"
                      R"("scoring":"partial","questions")") != std::string::npos);
}

TEST_CASE("contentc quiz: the real content has at least 10 quizzes and 45 graded questions") {
    auto r = contentc::CompileContent(std::string(WB_SOURCE_DIR) + "/content");
    for (const auto& d : r.diagnostics) MESSAGE(d.Format());
    REQUIRE(r.ok);
    CHECK(r.counts.quizzes >= 10);
    CHECK(r.counts.questions >= 45);
}

//-----------------------------------------------------------------------------
// The linter (src/tools/contentc/lint.cpp): runs after a clean compile
//-----------------------------------------------------------------------------

namespace {

// Compiles the fixture with the given quiz files (name -> text) and returns
// every diagnostic with the temp folder left out.
struct Linted {
    contentc::CompileResult r;
    Lines errors, warnings;
};
Linted LintQuizzes(const std::vector<std::pair<std::string, std::string>>& files,
                   const std::function<void(const TempContent&)>& more = {}, std::string sources = "") {
    TempContent t;
    for (const auto& [name, text] : files) WriteQuiz(t, name, text);
    if (more) more(t);
    contentc::CompileOptions o;
    if (!sources.empty()) o.sources_dir = t.Path(sources);
    Linted l;
    l.r = contentc::CompileContent(t.dir, o);
    for (const auto& d : l.r.diagnostics) {
        std::string line = d.Format();
        for (size_t at; (at = line.find(t.dir + "/")) != std::string::npos;) line.erase(at, t.dir.size() + 1);
        (d.error ? l.errors : l.warnings).push_back(line);
    }
    return l;
}

// A single-choice question with the given options (the first is right).
std::string Single(const std::string& id, const std::string& prompt, const std::vector<std::string>& texts) {
    std::string s = R"({ "id": ")" + id + R"(", "kind": "single", "prompt": ")" + prompt + R"(", "options": [)";
    for (size_t i = 0; i < texts.size(); ++i)
        s += std::string(i ? "," : "") + R"({ "id": "o)" + std::to_string(i) + R"(", "text": ")" + texts[i] + R"(", "feedback": "Why." })";
    return s + R"(], "answer": "o0", "explanation": "Because." })";
}
std::string TrueFalse(const std::string& id, const std::string& prompt, bool answer) {
    return R"({ "id": ")" + id + R"(", "kind": "true_false", "prompt": ")" + prompt + R"(", "answer": )" +
           (answer ? "true" : "false") + R"(, "feedback": "See the section.", "explanation": "Because." })";
}
// A quiz on the intro section (no recommendation needed), one question a line from line 3.
std::string QuizOf(const std::string& id, const std::vector<std::string>& questions, const std::string& section = "intro") {
    std::string s = R"({ "id": ")" + id + R"(", "section": ")" + section + R"(", "title": "T", "feedback": "immediate", "scoring": "partial",)" +
                    "\n" + R"(  "questions": [)" + "\n";
    for (size_t i = 0; i < questions.size(); ++i) s += "    " + questions[i] + (i + 1 < questions.size() ? ",\n" : "\n");
    return s + "  ]\n}\n";
}

}  // namespace

TEST_CASE("contentc lint: the fixture quiz is clean, and the summary and report describe it") {
    auto l = LintQuizzes({{"tip.json", kQuiz}});
    CHECK(l.r.ok);
    CHECK(l.errors.empty());
    CHECK(l.warnings.empty());
    CHECK(l.r.linted);
    CHECK(l.r.lint_summary ==
          "lint: 0 errors, 0 warnings, 0 kept; right option longest in 0 of 2 single/scenario questions (shortest in 1); "
          "true/false 1 true, 0 false");
    CHECK(l.r.lint_report.find("tip-quiz.q2\tmultiple\t2 right, 2 wrong\n") != std::string::npos);
    CHECK(l.r.lint_report.find("tip-quiz.q1\tsingle\tright option length rank 1 of 2 (1 chars)\n") != std::string::npos);
    CHECK(l.r.lint_report.find("tip-quiz.q3\ttrue_false\ttrue\n") != std::string::npos);
    CHECK(l.r.lint_report.find("tip-quiz.q5\tordering\n") != std::string::npos);  // ordering: nothing to rank
}

TEST_CASE("contentc lint: multiple select needs at least as many wrong options as right ones") {
    auto l = LintQuizzes({{"tip.json", Edit(kQuiz, R"(, { "id": "d", "text": "D", "feedback": "Not D." })", "")}});
    CHECK_FALSE(l.r.ok);
    CHECK(l.errors == Lines{"quizzes/tip.json:12:5: error: tip-quiz.q2: multiple select with 2 right and 1 wrong options: "
                            "ticking every option would earn credit; add wrong options until they are at least as many as the right ones"});
    // Saying "all that apply" in the prompt doubles the workbook's own hint.
    auto w = LintQuizzes({{"tip.json", Edit(kQuiz, R"("Pick A and B.")", R"("Pick A and B. Select all that apply.")")}});
    CHECK(w.r.ok);
    CHECK(w.warnings == Lines{"quizzes/tip.json:12:49: warning: tip-quiz.q2: the prompt says \"all that apply\"; "
                              "the workbook already shows \"Choose all that apply.\" under it"});
}

TEST_CASE("contentc lint: a right option that is the longest, by far or not, and the chapter-wide share") {
    const std::string q1 = Single("q1", "Which one?", {"A long and careful answer that explains itself", "Short one", "Another"});
    const std::string q2 = Single("q2", "Which two?", {"Right", "A wrong option that is quite a lot longer"});
    auto l = LintQuizzes({{"a.json", QuizOf("a", {q1, q2})}});
    CHECK(l.r.ok);
    CHECK(l.warnings == Lines{"quizzes/a.json:3:5: warning: a.q1: the right option is the longest by far (46 characters, the "
                              "next 9): a learner who picks the longest gets it; shorten it or lengthen a distractor"});
    // Longest by a little is still the longest; a tie is not.
    auto little = LintQuizzes({{"a.json", QuizOf("a", {Single("q1", "Which?", {"Eight ch", "Seven c", "Six ch"}),
                                                      Single("q2", "Which two?", {"Same", "Like", "Oh"})})}});
    CHECK(little.warnings == Lines{"quizzes/a.json:3:5: warning: a.q1: the right option is the longest (8 characters, the next 7): "
                                   "a learner who picks the longest gets it; shorten it or lengthen a distractor"});
    CHECK(l.r.lint_summary.find("right option longest in 1 of 2 single/scenario questions (shortest in 1)") != std::string::npos);
    CHECK(l.r.lint_report.find("a.q2\tsingle\tright option length rank 2 of 2 (5 chars)") != std::string::npos);

    // Across six or more questions, the right one may be the longest in at most a third.
    std::vector<std::string> qs;
    const char* fruit[] = {"apple", "pear", "plum", "fig", "lime", "kiwi"};
    for (int i = 0; i < 6; ++i)
        qs.push_back(Single("q" + std::to_string(i), std::string("Which ") + fruit[i] + "?",
                            {i < 3 ? "Longer text" : "Short", "Shorter", "Tiny"}));
    auto share = LintQuizzes({{"a.json", QuizOf("a", qs)}});
    const std::string each = ": the right option is the longest (11 characters, the next 7): a learner who picks the longest "
                             "gets it; shorten it or lengthen a distractor";
    CHECK(share.warnings == Lines{"quizzes/a.json:3:5: warning: a.q0" + each, "quizzes/a.json:4:5: warning: a.q1" + each,
                                  "quizzes/a.json:5:5: warning: a.q2" + each,
                                  "quizzes/a.json:1:1: warning: the right option is the longest in 3 of 6 single-choice and "
                                  "scenario questions (more than a third)"});

    // Overcorrecting is a tell too: the right option the shortest in more than a third.
    qs.clear();
    for (int i = 0; i < 6; ++i)
        qs.push_back(Single("q" + std::to_string(i), std::string("Which ") + fruit[i] + "?",
                            {i < 3 ? "Tiny" : "Shorter", "Longer text", "Short"}));
    auto shortest = LintQuizzes({{"a.json", QuizOf("a", qs)}});
    CHECK(shortest.warnings == Lines{"quizzes/a.json:1:1: warning: the right option is the shortest in 3 of 6 single-choice and "
                                     "scenario questions (more than a third)"});
}

TEST_CASE("contentc lint: true/false balance and giveaway words") {
    const std::string f1 = TrueFalse("t1", "Networking is only for sales people.", false);
    const std::string f2 = TrueFalse("t2", "You should simply wait to be found.", false);
    const std::string f3 = TrueFalse("t3", "Membership on its own builds a network.", false);
    const std::string f4 = TrueFalse("t4", "The best way to start is a favor.", false);
    auto l = LintQuizzes({{"a.json", QuizOf("a", {f1, f2, f3, f4})}});
    CHECK(l.r.ok);
    CHECK(l.warnings == Lines{
                            "quizzes/a.json:3:51: warning: a.t1: giveaway word \"only\" in a true/false statement (absolute words mark a statement as false)",
                            "quizzes/a.json:4:51: warning: a.t2: giveaway word \"simply\" in a true/false statement (absolute words mark a statement as false)",
                            "quizzes/a.json:5:51: warning: a.t3: giveaway word \"on its own\" in a true/false statement (absolute words mark a statement as false)",
                            "quizzes/a.json:6:51: warning: a.t4: giveaway word \"the best way\" in a true/false statement (absolute words mark a statement as false)",
                            "quizzes/a.json:1:1: warning: all 4 true/false statements in quiz \"a\" are false: mix them",
                            "quizzes/a.json:1:1: warning: true/false statements are unbalanced across the chapter: 0 true, 4 false",
                        });
    // Balanced, without giveaway words: nothing to say.
    auto ok = LintQuizzes({{"a.json", QuizOf("a", {TrueFalse("t1", "Events help you learn trends.", true),
                                                    TrueFalse("t2", "A follow-up can wait a month.", false),
                                                    TrueFalse("t3", "Organizations reward taking part.", true),
                                                    TrueFalse("t4", "Profiles matter little to strangers.", false)})}});
    CHECK(ok.warnings.empty());
    CHECK(ok.r.lint_summary.find("true/false 2 true, 2 false") != std::string::npos);
}

TEST_CASE("contentc lint: the same question twice is an error, a near copy a warning") {
    const std::string q = Single("q1", "What should you do after meeting someone at a trade show?",
                                 {"Send a specific follow-up", "Wait a year", "Send a newsletter and a brochure"});
    const std::string near = Single("q1", "What should you do after meeting someone at a trade show last week?",
                                    {"Send a specific follow-up", "Wait a year", "Send a newsletter and a brochure"});
    auto same = LintQuizzes({{"a.json", QuizOf("a", {q})}, {"b.json", QuizOf("b", {q}, "conclusion")}}, [](const TempContent& t) {
        t.Write("chapter.json", Edit(kChapter, R"("kind": "tip" })", R"("kind": "tip" },
    { "id": "conclusion", "file": "sections/intro.md", "kind": "conclusion" })"));
    });
    CHECK(same.errors == Lines{"quizzes/b.json:3:5: error: b.q1: the same question as (a.q1, " + std::string("quizzes/a.json") + ":3)"});
    auto l = LintQuizzes({{"a.json", QuizOf("a", {q})}, {"b.json", QuizOf("b", {near}, "conclusion")}}, [](const TempContent& t) {
        t.Write("chapter.json", Edit(kChapter, R"("kind": "tip" })", R"("kind": "tip" },
    { "id": "conclusion", "file": "sections/intro.md", "kind": "conclusion" })"));
    });
    CHECK(l.r.ok);
    CHECK(l.warnings == Lines{"quizzes/b.json:3:5: warning: b.q1: reads much like (a.q1, quizzes/a.json:3), 83% of their "
                              "words shared; a second question should test something new, not recognition"});
    CHECK(contentc::LintSimilarity("Follow up within two days", "follow up, within two days!") == doctest::Approx(1.0));
    CHECK(contentc::LintSimilarity("Join an organization", "Update your profile") == doctest::Approx(0.0));
    CHECK(contentc::LintWords("It's a Trade-show, 2 days") == std::vector<std::string>{"it's", "a", "trade", "show", "2", "days"});
}

TEST_CASE("contentc lint: planner templates may only use placeholders the planner fills") {
    auto l = LintQuizzes({}, [](const TempContent& t) {
        fs::create_directories(t.dir + "/planner");
        t.Write("planner/templates.json", "{\n  \"outreach\": [\n    { \"id\": \"x\", \"title\": \"X\",\n"
                                          "      \"text\": \"Hi {first_name}, we met at {event} about {topic}. [your question]\" }\n  ]\n}\n");
    });
    CHECK(l.errors == Lines{"planner/templates.json:4:57: error: placeholder {topic} is not one the planner fills (name, "
                            "first_name, company, role, event); write a visible blank such as [the detail] for the learner to fill"});
}

TEST_CASE("contentc lint: UI strings against the code's Str(\"key\") calls") {
    auto l = LintQuizzes({}, [](const TempContent& t) {
        fs::create_directories(t.dir + "/src/ui");
        t.Write("src/ui/view.cpp", "void F(const Content& c) {\n  Text(c.Str(\"app.title\"));\n  Text(c.Str(\"nav.missing\"));\n}\n");
    }, "src");
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].rfind("src/ui/view.cpp:3:15: error: UI string \"nav.missing\" is not in ", 0) == 0);
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0].rfind("strings.json:3:3: warning: UI string \"nav.next\" is not used by the code in ", 0) == 0);
    // A key the code names without Str() (a table of keys) counts as used.
    auto table = LintQuizzes({}, [](const TempContent& t) {
        fs::create_directories(t.dir + "/src");
        t.Write("src/a.cpp", "const char* keys[] = {\"nav.next\"};\nauto s = c.Str(\"app.title\");\n");
    }, "src");
    CHECK(table.r.ok);
    CHECK(table.warnings.empty());
}

TEST_CASE("contentc lint: core/strings.h calls are checked, and a plural string needs TrN") {
    auto l = LintQuizzes({}, [](const TempContent& t) {
        t.Write("strings.json", "{\n  \"app.title\": \"T\",\n  \"nav.next\": \"N\",\n"
                                "  \"count.people\": {\"one\": \"{n} person\", \"other\": \"{n} people\"}\n}\n");
        fs::create_directories(t.dir + "/src");
        t.Write("src/a.cpp", "auto a = Tr(\"app.title\");\nauto b = TrF(\"nav.next\", {});\nauto c = TrN(\"count.people\", 2);\n"
                             "auto d = Tr(\"count.people\");\nauto e = TrId(\"nav.gone\", \"x\");\n");
    }, "src");
    CHECK(l.errors == Lines{
        "src/a.cpp:4:14: error: UI string \"count.people\" has plural forms, so it needs TrN(key, count), not Tr()",
        "src/a.cpp:5:16: error: UI string \"nav.gone\" is not in " + std::string("strings.json") + " (the learner would see the key)"});
    CHECK(l.warnings.empty());
}

TEST_CASE("contentc lint: British spellings are warnings (the chapter is US English)") {
    auto l = LintQuizzes({}, [](const TempContent& t) {
        t.Write("sections/tip-one.md", std::string(kTip) + "\nReturn the favour to the organisers.\n");
    });
    CHECK(l.r.ok);
    CHECK(l.warnings == Lines{
                            "sections/tip-one.md:14:12: warning: British spelling \"favour...\" (the chapter is US English: favor...)",
                            "sections/tip-one.md:14:26: warning: British spelling \"organis...\" (the chapter is US English: organiz...)",
                        });
}

TEST_CASE("contentc lint: a warning kept on purpose needs a reason, and is listed with it") {
    // The question says why its right option may be the longest: no warning, a note instead.
    std::string q1 = Single("q1", "Which?", {"Eight ch", "Seven c", "Six ch"});
    q1.insert(q1.size() - 2, R"(, "lint_ok": { "longest-correct": "b is one character shorter" })");
    auto kept = LintQuizzes({{"a.json", QuizOf("a", {q1})}});
    CHECK(kept.r.ok);
    CHECK(kept.warnings.empty());
    REQUIRE(kept.r.lint_kept.size() == 1);
    CHECK(kept.r.lint_kept[0].line == 3);
    CHECK(kept.r.lint_kept[0].message ==
          "kept (longest-correct): a.q1: the right option is the longest (8 characters, the next 7): a learner who picks the "
          "longest gets it; shorten it or lengthen a distractor; reason: b is one character shorter");
    CHECK(kept.r.lint_summary.rfind("lint: 0 errors, 0 warnings, 1 kept;", 0) == 0);

    // A lint_ok that keeps nothing is a warning: the question no longer needs it.
    std::string q2 = Single("q1", "Which?", {"Short", "Longer one"});
    q2.insert(q2.size() - 2, R"(, "lint_ok": { "longest-correct": "no longer true" })");
    auto stale = LintQuizzes({{"a.json", QuizOf("a", {q2})}});
    CHECK(stale.r.ok);
    CHECK(stale.warnings == Lines{"quizzes/a.json:3:236: warning: a.q1: lint_ok \"longest-correct\" keeps no warning here; remove it"});

    // Unknown checks, empty reasons and a wrong shape are errors; errors cannot be kept.
    std::string bad = Single("q1", "Which?", {"Short", "Longer one"});
    bad.insert(bad.size() - 2, R"(, "lint_ok": { "longest": "x", "giveaway-word": " " })");
    auto errors = LintQuizzes({{"a.json", QuizOf("a", {bad})}});
    CHECK_FALSE(errors.r.ok);
    CHECK(errors.errors == Lines{
                               "quizzes/a.json:3:269: error: lint_ok \"giveaway-word\" needs the reason the warning is kept, as text",
                               "quizzes/a.json:3:236: error: unknown lint check \"longest\" (one of longest-correct, giveaway-word, "
                               "all-that-apply, near-duplicate, true-false-alike)"});
    std::string shape = Single("q1", "Which?", {"Short", "Longer one"});
    shape.insert(shape.size() - 2, R"(, "lint_ok": "longest-correct")");
    CHECK(LintQuizzes({{"a.json", QuizOf("a", {shape})}}).errors ==
          Lines{"quizzes/a.json:3:234: error: \"lint_ok\" must be an object: { \"<check>\": \"<why the warning is kept>\" }"});
    auto multi = LintQuizzes({{"tip.json", Edit(kQuiz, R"(, { "id": "d", "text": "D", "feedback": "Not D." }],)",
                                                R"(], "lint_ok": { "longest-correct": "not this one" },)")}});
    CHECK(multi.errors.size() == 1);  // the right/wrong ratio error stays
    CHECK(multi.warnings == Lines{"quizzes/tip.json:13:139: warning: tip-quiz.q2: lint_ok \"longest-correct\" keeps no warning here; remove it"});
}

TEST_CASE("contentc lint: giveaway words, near copies and a quiz's one-sided true/false can be kept too") {
    std::string t1 = TrueFalse("t1", "Networking is only for sales people.", false);
    t1.insert(t1.size() - 2, R"(, "lint_ok": { "giveaway-word": "the statement quotes a learner's belief" })");
    const std::string t2 = TrueFalse("t2", "Events help you learn trends.", false);
    const std::string t3 = TrueFalse("t3", "Organizations reward taking part.", false);
    std::string quiz = QuizOf("a", {t1, t2, t3});
    quiz = Edit(quiz, R"("scoring": "partial",)", R"("scoring": "partial", "lint_ok": { "true-false-alike": "a myth-busting quiz" },)");
    auto ok = LintQuizzes({{"a.json", quiz}});
    CHECK(ok.r.ok);
    CHECK(ok.warnings.empty());
    REQUIRE(ok.r.lint_kept.size() == 2);
    CHECK(ok.r.lint_kept[0].message.find("kept (giveaway-word): a.t1: giveaway word \"only\"") == 0);
    CHECK(ok.r.lint_kept[0].message.find("; reason: the statement quotes a learner's belief") != std::string::npos);
    CHECK(ok.r.lint_kept[1].message == "kept (true-false-alike): all 3 true/false statements in quiz \"a\" are false: mix them; "
                                       "reason: a myth-busting quiz");

    // A near copy is kept when either question says why.
    const std::string q = Single("q1", "What should you do after meeting someone at a trade show?",
                                 {"Send a specific follow-up", "Wait a year", "Send a newsletter and a brochure"});
    std::string near = Single("q1", "What should you do after meeting someone at a trade show last week?",
                              {"Send a specific follow-up", "Wait a year", "Send a newsletter and a brochure"});
    near.insert(near.size() - 2, R"(, "lint_ok": { "near-duplicate": "the final check repeats it on purpose" })");
    auto dup = LintQuizzes({{"a.json", QuizOf("a", {q})}, {"b.json", QuizOf("b", {near}, "conclusion")}}, [](const TempContent& t) {
        t.Write("chapter.json", Edit(kChapter, R"("kind": "tip" })", R"("kind": "tip" },
    { "id": "conclusion", "file": "sections/intro.md", "kind": "conclusion" })"));
    });
    CHECK(dup.r.ok);
    CHECK(dup.warnings.empty());
    REQUIRE(dup.r.lint_kept.size() == 1);
    CHECK(dup.r.lint_kept[0].message.find("kept (near-duplicate): b.q1: reads much like (a.q1, ") == 0);
}

TEST_CASE("contentc lint: the CLI prints the summary line and writes the report") {
    TempContent t;
    WriteQuiz(t, "tip.json", kQuiz);
    const std::string out = t.Path("build/content.json"), report = t.Path("build/lint.txt");
    const char* argv[] = {"contentc", "--content", t.dir.c_str(), "--out", out.c_str(), "--lint-report", report.c_str()};
    std::ostringstream so, se;
    CHECK(contentc::RunCli(7, argv, so, se) == 0);
    CHECK(se.str() == "contentc lint: 0 errors, 0 warnings, 0 kept; right option longest in 0 of 2 single/scenario questions "
                      "(shortest in 1); true/false 1 true, 0 false\n");
    std::ifstream in(report);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.rfind("tip-quiz.q1\tsingle\t", 0) == 0);

    // A lint error fails the CLI like any other.
    WriteQuiz(t, "tip.json", Edit(kQuiz, R"(, { "id": "d", "text": "D", "feedback": "Not D." })", ""));
    std::ostringstream so2, se2;
    CHECK(contentc::RunCli(7, argv, so2, se2) == 1);
    CHECK(so2.str().empty());
    CHECK(se2.str().find("error: tip-quiz.q2: multiple select with 2 right and 1 wrong options") != std::string::npos);
    CHECK(se2.str().find("contentc lint: 1 errors, 0 warnings, 0 kept;") != std::string::npos);

    // Kept warnings are listed as notes with their reason, before the summary.
    WriteQuiz(t, "tip.json", Edit(kQuiz, R"({ "id": "a", "text": "Act at once", "feedback": "No." }, { "id": "b", "text": "Wait" }],
      "answer": 1, "explanation": "Wait." })",
                                  R"({ "id": "a", "text": "Act at once" }, { "id": "b", "text": "Wait", "feedback": "No." }],
      "answer": 0, "explanation": "Act.", "lint_ok": { "longest-correct": "a test" } })"));
    std::ostringstream so3, se3;
    CHECK(contentc::RunCli(7, argv, so3, se3) == 0);
    CHECK(se3.str().find("/quizzes/tip.json:16:5: note: kept (longest-correct): tip-quiz.q4: the right option is the longest "
                         "(11 characters, the next 4)") != std::string::npos);
    CHECK(se3.str().find("; reason: a test\ncontentc lint: 0 errors, 0 warnings, 1 kept;") != std::string::npos);
}

TEST_CASE("contentc lint: the real content has no lint errors") {
    contentc::CompileOptions o;
    o.sources_dir = std::string(WB_SOURCE_DIR) + "/src";
    auto r = contentc::CompileContent(std::string(WB_SOURCE_DIR) + "/content", o);
    for (const auto& d : r.diagnostics) MESSAGE(d.Format());
    CHECK(Errors(r).empty());
    CHECK(r.ok);
}
