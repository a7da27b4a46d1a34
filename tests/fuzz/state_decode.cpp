// The learner-state loader (wb::DecodeState) on arbitrary stored text: it must
// never crash or throw, and a document it reads as Ok must survive a save and
// load unchanged in status.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/state.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    wb::StateLoad load = wb::DecodeState(text);
    if (load.status == wb::StateLoad::Status::Ok) {
        wb::StateLoad again = wb::DecodeState(wb::EncodeState(load.state));
        FUZZ_REQUIRE(again.status == wb::StateLoad::Status::Ok);
    }
    return 0;
}
