// The SCORM suspend_data reader (wb::DecodeSuspendData) on whatever an LMS hands
// back, against the compiled chapter. It must never crash or throw; a refusal
// says why; an accepted text must encode and read back accepted.
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
    }
    return 0;
}
