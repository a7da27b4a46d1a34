// Native micro-benchmark of the core, run under callgrind by scripts/bench.sh.
//   core_bench OP REPS CONTENT_BIN CONTENT_JSON
//     OP: decode       the chapter's binary encoding (content.bin), as the module does at start-up
//         decode-json  the same chapter from its JSON form (content.json)
//         state | search
//
// Instruction counts repeat exactly, unlike times, so they catch regressions on
// any machine. Setup (reading the file, decoding the chapter once, making the
// learner state) always runs, whatever OP and REPS are: bench.sh runs each OP
// with REPS=N and REPS=0 and divides the difference by N (or N x queries),
// which leaves exactly the cost of the repeated operation.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/content.h"
#include "core/search.h"
#include "core/state.h"

namespace {

// A long, plausible answer (~1,600 characters, with some non-ASCII and JSON
// escapes), different for each index so no two are equal.
std::string LongAnswer(int i) {
    std::string s = "Answer " + std::to_string(i) + ": ";
    static const char* kLines[] = {
        "I want to reach out to two former colleagues this month and ask how their teams hire. ",
        "At the last meetup I met a product manager (Zoë) who offered to review my portfolio; ",
        "I should follow up within a week, with a short \"thank you\" note and one specific question.\n",
        "Mentors I could ask: my old team lead, a professor, someone from the alumni group — ",
        "and I will keep a list of who I talked to, when, and what I promised to send them.\t",
    };
    while (s.size() < 1600) s += kLines[(s.size() / 97 + static_cast<size_t>(i)) % 5];
    return s;
}

std::string ReadFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s decode|decode-json|state|search REPS content.bin content.json\n", argv[0]);
        return 2;
    }
    const std::string op = argv[1];
    const int reps = std::atoi(argv[2]);
    const std::string bin = ReadFile(argv[3]), json = ReadFile(argv[4]);

    // --- setup: identical for every OP and REPS --------------------------------
    wb::ContentResult chapter = wb::DecodeContentBinary(bin);
    if (!chapter.ok) {
        std::fprintf(stderr, "core_bench: %s: %s\n", argv[3], chapter.error.c_str());
        return 1;
    }
    if (const wb::ContentResult from_json = wb::DecodeContent(json);
        !from_json.ok || from_json.content.sections.size() != chapter.content.sections.size()) {
        std::fprintf(stderr, "core_bench: %s: %s\n", argv[4], from_json.ok ? "not the same chapter" : from_json.error.c_str());
        return 1;
    }
    wb::LearnerState learner;
    for (int i = 0; i < 20; ++i) learner.reflections["bench-section-" + std::to_string(i) + ".r1"] = LongAnswer(i);
    learner.reader.current = chapter.content.sections.back().id;
    for (const wb::Section& s : chapter.content.sections) learner.reader.read.insert(s.id);
    static const char* kQueries[] = {"network", "mentor", "career advancement", "LinkedIn", "no such phrase"};
    const std::map<std::string, std::string> no_answers;  // the chapter's text only

    // --- the repeated operation -------------------------------------------------
    size_t check = 0;  // used after the loop so the compiler cannot drop the work
    if (op == "decode") {
        for (int r = 0; r < reps; ++r) check += wb::DecodeContentBinary(bin).content.sections.size();
    } else if (op == "decode-json") {
        for (int r = 0; r < reps; ++r) check += wb::DecodeContent(json).content.sections.size();
    } else if (op == "state") {
        for (int r = 0; r < reps; ++r) check += wb::DecodeState(wb::EncodeState(learner)).state.reflections.size();
    } else if (op == "search") {
        for (int r = 0; r < reps; ++r)
            for (const char* q : kQueries) check += wb::Search(chapter.content, no_answers, q).size();
    } else {
        std::fprintf(stderr, "core_bench: unknown operation '%s'\n", op.c_str());
        return 2;
    }
    std::printf("%s x%d: check %zu\n", op.c_str(), reps, check);
    return 0;
}
