// The chapter's document model: what the content compiler emits and the reader
// shows. Plain data, no ImGui, no browser.
//
// The compiler (src/tools/contentc) turns content/ into one JSON document (the
// human-readable form: DecodeContent) and the same model in a compact binary
// encoding (EncodeContentBinary / DecodeContentBinary), which is what the
// workbook embeds and decodes at start-up. Both formats: content.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz.h"
#include "core/strings.h"

namespace wb {

// Inline styling of a run of text.
enum SpanStyle : uint8_t {
    SpanStyle_None   = 0,
    SpanStyle_Strong = 1 << 0,
    SpanStyle_Em     = 1 << 1,
    SpanStyle_Code   = 1 << 2,
};

struct Span {
    std::string text;
    uint8_t style = SpanStyle_None;  // SpanStyle bits
    std::string link;                // empty = not a link; "#/read/<id>" internal; "https://..." external
};

enum class BlockKind : uint8_t {
    Heading,    // level 2..4 inside a section (the section title itself is level 1)
    Paragraph,
    ListItem,   // list_depth >= 1; ordinal > 0 for ordered lists
    Quote,      // block quote paragraph
    Takeaway,   // the "key takeaway" callout we add per section
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    uint8_t level = 0;       // Heading: 2..4
    uint8_t list_depth = 0;  // ListItem: nesting depth, 1-based
    uint16_t ordinal = 0;    // ListItem: 0 = bullet, else the number shown
    std::vector<Span> spans;
};

// What a reflection prompt asks the learner to name, that the planner can hold:
// the reader offers to add what the answer names (people, an event, an organization).
enum class ReflectionPlanner : uint8_t { None, Contacts, Event, Organization };

struct ReflectionPrompt {
    std::string id;     // stable, unique across the chapter, e.g. "be-proactive.r1"
    std::string text;
    ReflectionPlanner planner = ReflectionPlanner::None;
};

enum class SectionKind : uint8_t { Intro, Benefit, Tip, Conclusion };

struct Section {
    std::string id;      // stable: used in deep links and stored progress
    std::string title;
    SectionKind kind = SectionKind::Intro;
    std::vector<Block> blocks;
    std::vector<ReflectionPrompt> reflections;
};

struct Content {
    std::string title;                 // the chapter's title
    std::vector<Section> sections;     // reading order
    // UI strings (content/strings.json): in the JSON document by key (plural
    // forms as "key|one"); in the binary one per key the code uses, in
    // kStringKeys order, without the keys (core/strings.h).
    std::vector<std::pair<std::string, std::string>> strings;
    std::vector<UiText> texts;
    // Quizzes in the reading order of their sections; at most one per section.
    std::vector<Quiz> quizzes;
    // What "complete" means for a course system (SCORM): every one of these
    // sections read and the final quiz attempted (chapter.json "completion").
    // Empty = no rule given: every section, and no quiz.
    struct Completion {
        std::vector<std::string> sections;  // section ids, reading order
        std::string final_quiz;             // quiz id; "" = none
        bool operator==(const Completion&) const = default;
    } completion;

    int FindSection(std::string_view id) const;  // index or -1
    const Quiz* FindQuiz(std::string_view quiz_id) const;         // nullptr if none
    const Quiz* QuizForSection(std::string_view section) const;   // nullptr if the section has no quiz
};

// Plain text of a block (spans concatenated): for search, semantics and word counts.
std::string BlockText(const Block& b);

struct ContentResult {
    bool ok = false;
    std::string error;  // precise: what and where in the document
    Content content;
};

// Decodes the compiled document (JSON, format in docs of DecodeContent's .cpp).
// Never throws; a malformed document gives ok=false and a specific error.
ContentResult DecodeContent(std::string_view json);

// The binary encoding ("content.bin", format in content.cpp). Carries exactly
// what the JSON form carries: DecodeContentBinary(EncodeContentBinary(
// DecodeContent(json).content)) gives the same Content as DecodeContent(json).
constexpr uint16_t kContentBinaryVersion = 4;  // 2: the completion rule; 3: UI texts by the code's key order; 4: reflections' planner
std::string EncodeContentBinary(const Content& c);
// Bounds-checked: never reads past bytes.end(), never throws; checks what
// DecodeContent checks. Errors start with "content.bin: " and say where, e.g.
// "content.bin: truncated in sections[3].blocks[2].spans[0]".
ContentResult DecodeContentBinary(std::string_view bytes);

}  // namespace wb
