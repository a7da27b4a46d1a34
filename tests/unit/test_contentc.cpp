// Tests for the content compiler (src/tools/contentc): every kind of broken
// content gives one precise "file:line:col: error: message", warnings never
// fail, and the CLI writes what it says. Each case builds a small content
// directory in a temp folder from the strings below, changing one file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tools/contentc/contentc.h"

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
    CHECK(Errors(r) == Lines{t.Path("strings.json") + ":3:3: error: string \"nav.next\" must be a JSON string"});
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
    CHECK(se2.str().find("usage: contentc --content DIR --out FILE.json [--glyphs FILE.txt]") != std::string::npos);
}
