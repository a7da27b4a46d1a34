// The SCORM suspend_data reader (wb::DecodeSuspendData) on whatever an LMS hands
// back, against the compiled chapter. It must never crash or throw; a refusal
// says why; an accepted text must encode and read back accepted.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/content.h"
#include "core/lms.h"
#include "fuzz_util.h"

namespace {
wb::Content g_chapter;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::ifstream f(WB_CONTENT_JSON, std::ios::binary);  // set by scripts/fuzz.sh
    std::stringstream ss;
    ss << f.rdbuf();
    wb::ContentResult r = wb::DecodeContent(ss.str());
    FUZZ_REQUIRE(r.ok);
    g_chapter = std::move(r.content);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    wb::SuspendRead read = wb::DecodeSuspendData(g_chapter, text);
    FUZZ_REQUIRE(read.ok == read.problem.empty());
    if (read.ok) {
        wb::SuspendRead again =
            wb::DecodeSuspendData(g_chapter, wb::EncodeSuspendData(g_chapter, read.state, read.order, read.saved_at));
        FUZZ_REQUIRE(again.ok);

        // The launch merge into a device copy that has something of its own, newer.
        wb::LearnerState device;
        device.generation = read.state.generation;
        if (!g_chapter.sections.empty()) device.reader.read.insert(g_chapter.sections.back().id);
        if (!g_chapter.quizzes.empty()) {
            const wb::Quiz& quiz = g_chapter.quizzes.front();
            device.quizzes[quiz.id].submitted = true;
            device.quiz_revs[quiz.id] = wb::Rev{read.saved_at + 1, "tab"};
        }
        wb::MergeLmsRecord(device, read.state, &g_chapter);
        for (const std::string& id : read.state.reader.read) FUZZ_REQUIRE(device.reader.read.count(id));
        for (const auto& [id, text] : read.state.reflections)
            FUZZ_REQUIRE(text.empty() || (device.reflections.count(id) && !device.reflections.at(id).empty()));
        for (const auto& [id, p] : read.state.quizzes) {
            FUZZ_REQUIRE(device.quizzes.count(id));
            const wb::QuizProgress& got = device.quizzes.at(id);
            FUZZ_REQUIRE(!p.mastered || got.mastered);
            FUZZ_REQUIRE(got.attempts.size() >= p.attempts.size());
            for (const auto& kv : p.answers) FUZZ_REQUIRE(got.answers.count(kv.first));
            double best = -1, kept = -1;
            for (const wb::Attempt& a : p.attempts) best = std::max(best, a.score);
            for (const wb::Attempt& a : got.attempts) kept = std::max(kept, a.score);
            FUZZ_REQUIRE(kept >= best);
        }
        // And the report of the merged copy, under the LMS's status floor, never regresses.
        std::vector<std::string> order = read.order;
        wb::LmsReport rep = wb::BuildLmsReport(g_chapter, device, order, read.saved_at);
        wb::LmsFloor floor;
        floor.completed = true;
        floor.passed = 1;
        floor.raw = 50;
        wb::ApplyFloor(rep, floor);
        FUZZ_REQUIRE(rep.completed && rep.passed == 1 && rep.raw >= 50);
        FUZZ_REQUIRE(wb::Utf16Length(rep.suspend_data) <= wb::kSuspendBudget);
    }
    return 0;
}
