// contentc: compiles content/ (chapter.json, strings.json, Markdown sections)
// into one JSON document (the readable form, decoded by wb::DecodeContent) and
// the same model in the binary encoding the workbook embeds (written by
// wb::EncodeContentBinary, decoded by wb::DecodeContentBinary; format in
// src/core/content.cpp).
//
// The logic lives here as a library so tests can drive it without a process;
// main.cpp is only RunCli(). Authoring conventions are documented in
// content/README.md.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace contentc {

// One problem found in the sources. file is the path as the user gave it
// (content dir joined with the manifest's relative path), line/col are 1-based
// (col counts UTF-8 code points).
struct Diagnostic {
    std::string file;
    int line = 1;
    int col = 1;
    bool error = true;  // false = warning (never fails the build)
    std::string message;

    // "file:line:col: error: message" (or "warning:")
    std::string Format() const;
};

// What the compiled document holds; printed as the one report line.
// Counted from the document itself (CountDocument in contentc.cpp).
// "questions" are graded questions: self-ratings are not counted.
struct Counts {
    int sections = 0;
    int quizzes = 0;
    int questions = 0;
    int reflections = 0;
};

struct CompileResult {
    bool ok = false;                      // no errors (warnings allowed)
    std::vector<Diagnostic> diagnostics;  // in the order found: all errors, not only the first
    std::string json;                     // the compiled document (minified), empty if !ok
    std::string bin;                      // the same document, binary encoding (content.bin), empty if !ok
    std::string glyphs;                   // every distinct character the document shows, UTF-8, sorted
    std::string emphasis_glyphs;          // those drawn in italic (emphasized spans), likewise
    Counts counts;
    // The linter (lint.h) runs after a clean compile; its findings are in
    // diagnostics too (its errors make ok false).
    bool linted = false;
    std::string lint_summary;  // "lint: N errors, N warnings, N kept; ..." (one line)
    std::vector<Diagnostic> lint_kept;  // warnings kept on purpose ("lint_ok"), each with its reason
    std::string lint_report;   // one line per graded question: kind, length rank, balance
};

struct CompileOptions {
    // The app's C++ sources: strings.json keys are checked against their Str("key")
    // calls. Empty: that check is skipped.
    std::string sources_dir;
    // The keys the code uses, one per line, in the order the module numbers them
    // (scripts/string-keys.py): the binary carries one text per key, in this
    // order. Empty: every key of strings.json, sorted (tests of contentc alone).
    std::string keys_file;
};

// Reads content_dir/chapter.json, content_dir/strings.json, the section
// files the manifest lists and every content_dir/quizzes/*.json (a missing
// quizzes/ folder means no quizzes); never throws.
CompileResult CompileContent(const std::string& content_dir, const CompileOptions& options = {});

// "content: N sections, N quizzes, N questions, N reflection prompts"
std::string ReportLine(const Counts& c);

// The command line: contentc --content DIR --out FILE.json [--bin FILE.bin] [--glyphs FILE.txt] [--emphasis-glyphs FILE.txt]
//                             [--sources DIR] [--lint-report FILE]
// --sources defaults to DIR/../src when that holds core/content.h (the project's layout).
// Prints the report line to out (on success only), diagnostics, the lint summary
// line (when there was a quiz to lint) and usage errors to err; returns the exit
// code: 0 ok, 1 on any error.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace contentc
