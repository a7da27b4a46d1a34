// The planner loader (wb::planner::DecodePlanner) on arbitrary IndexedDB records. The
// input is the meta record, then each contact chunk after a 0x1E byte (chunk 0,
// 1, ...). It must never crash or throw; a load with no problem must save and
// load back to the same planner with no problem.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/planner.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string_view meta = text.substr(0, text.find('\x1e'));
    std::vector<std::pair<uint32_t, std::string>> chunks;
    for (size_t at = meta.size(); at < text.size();) {
        const size_t start = at + 1;
        const size_t end = std::min(text.find('\x1e', start), text.size());
        chunks.emplace_back(uint32_t(chunks.size()), std::string(text.substr(start, end - start)));
        at = end;
    }
    wb::planner::PlannerLoad load = wb::planner::DecodePlanner(meta, chunks);
    if (load.problems.empty() && !load.quarantine) {
        const wb::planner::Planner& p = load.planner;
        std::vector<std::pair<uint32_t, std::string>> saved;
        for (uint32_t n : wb::planner::ChunksOf(p)) saved.emplace_back(n, wb::planner::EncodeChunk(p, n));
        wb::planner::PlannerLoad again = wb::planner::DecodePlanner(wb::planner::EncodeMeta(p), saved);
        FUZZ_REQUIRE(again.problems.empty());
        FUZZ_REQUIRE(again.planner == p);
    }
    return 0;
}
