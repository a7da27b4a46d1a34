// The backup restore (wb::DecodeBackup) on arbitrary files: never crash or
// throw; a refused file says why; an accepted one re-encodes to an accepted one.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/state.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    wb::BackupRead read = wb::DecodeBackup(text);
    FUZZ_REQUIRE(read.ok == read.error.empty());
    if (read.ok) FUZZ_REQUIRE(wb::DecodeBackup(wb::EncodeBackup(read.state, read.exported_at)).ok);
    return 0;
}
