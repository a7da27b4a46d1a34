// Native micro-benchmark of the core, run under callgrind by scripts/bench.sh.
//   core_bench OP REPS CONTENT_BIN CONTENT_JSON
//     OP: decode       the chapter's binary encoding (content.bin), as the module does at start-up
//         decode-json  the same chapter from its JSON form (content.json)
//         state | search
//         planner-decode | planner-save-one | planner-query | planner-agenda | planner-import
//                      (30,000 LinkedIn-like contacts, as in the browser's scale benchmark)
//   core_bench suspend-length 0 CONTENT_BIN CONTENT_JSON
//     prints the SCORM suspend_data length of a learner who has answered everything
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

#include "../support/full_learner.h"
#include "core/content.h"
#include "core/interchange.h"
#include "core/lms.h"
#include "core/planner.h"
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

// 30,000 contacts with realistic field lengths, a third with a recent touch.
wb::planner::Planner BigPlanner() {
    using namespace wb::planner;
    Planner p;
    const char* industries[] = {"Software", "Finance", "Healthcare", "Education", "Retail", "Energy", "Media"};
    for (int i = 0; i < 30000; ++i) {
        Contact c;
        c.name = "Person Number " + std::to_string(i);
        c.company = "Company " + std::to_string(i % 900);
        c.role = "Senior Software Engineer";
        c.industry = industries[i % 7];
        c.tier = static_cast<Tier>(i % 4);
        c.profile_url = "https://www.linkedin.com/in/person-number-" + std::to_string(i);
        c.source = "linkedin";
        c.added = DayFromYmd(2025, 1, 1) + i % 600;
        if (i % 3 == 0) c.log.push_back(Interaction{c.added + 10, Channel::Social, "Connected on LinkedIn", Help::None, ""});
        AddContact(p, std::move(c), wb::Rev{1, "bench"});
    }
    return p;
}

std::string LinkedInCsv() {
    std::string s = "Notes:\r\n\"When exporting your connection data, some e-mail addresses are missing.\"\r\n\r\n"
                    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
    for (int i = 0; i < 30000; ++i)
        s += "Ana,Silva " + std::to_string(i) + ",https://www.linkedin.com/in/ana-silva-" + std::to_string(i) + "," +
             (i % 10 ? "" : "ana" + std::to_string(i) + "@example.com") + ",\"Contoso, Ltd.\",Product Manager," +
             std::to_string(1 + i % 28) + " Mar 2024\r\n";
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s OP REPS content.bin content.json (see the top of core_bench.cpp)\n", argv[0]);
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

    if (op == "suspend-length") {
        wb::LearnerState full = wbtest::FullLearner(chapter.content, 120);
        std::vector<std::string> order;
        for (const wb::Quiz& q : chapter.content.quizzes)
            for (const wb::Question& qq : q.questions) order.push_back(qq.id);
        std::printf("%zu\n", wb::Utf16Length(wb::EncodeSuspendData(chapter.content, full, order, 0)));
        return 0;
    }
    const bool planner_op = op.rfind("planner-", 0) == 0;
    wb::planner::Planner planner = planner_op ? BigPlanner() : wb::planner::Planner{};
    std::string meta = planner_op ? wb::planner::EncodeMeta(planner) : std::string();
    std::vector<std::pair<uint32_t, std::string>> chunks;
    if (planner_op)
        for (uint32_t c : wb::planner::ChunksOf(planner)) chunks.emplace_back(c, wb::planner::EncodeChunk(planner, c));
    const std::string csv = op == "planner-import" ? LinkedInCsv() : std::string();
    const wb::planner::Day today = wb::planner::DayFromYmd(2026, 11, 26);

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
    } else if (op == "planner-decode") {
        for (int r = 0; r < reps; ++r) check += wb::planner::DecodePlanner(meta, chunks).planner.contacts.size();
    } else if (op == "planner-save-one") {
        // One edit: the contact's chunk and the meta record are encoded again.
        for (int r = 0; r < reps; ++r) {
            wb::planner::Contact* c = wb::planner::FindContact(planner, 15000);
            c->notes = "edit " + std::to_string(r);
            check += wb::planner::EncodeChunk(planner, wb::planner::ChunkOf(15000)).size() + wb::planner::EncodeMeta(planner).size();
        }
    } else if (op == "planner-query") {
        static const char* kTexts[] = {"person", "number 2999", "company 12", "engineer", "zzz"};
        for (int r = 0; r < reps; ++r)
            for (const char* t : kTexts) {
                wb::planner::ContactQuery q;
                q.text = t;
                check += wb::planner::QueryContacts(planner, q, today).size();
            }
    } else if (op == "planner-agenda") {
        for (int r = 0; r < reps; ++r) check += wb::planner::ComputeAgenda(planner, today).overdue.size();
    } else if (op == "planner-import") {
        for (int r = 0; r < reps; ++r) check += wb::planner::PreviewImport(planner, "Connections.csv", csv, today).new_count;
    } else {
        std::fprintf(stderr, "core_bench: unknown operation '%s'\n", op.c_str());
        return 2;
    }
    std::printf("%s x%d: check %zu\n", op.c_str(), reps, check);
    return 0;
}
