// Shared by the libFuzzer targets: a failed property aborts, which libFuzzer
// reports as a crash and saves the input (scripts/fuzz.sh).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/content.h"
#include "core/strings.h"

#define FUZZ_REQUIRE(cond)                                                            \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                             \
        }                                                                             \
    } while (0)

// The workbook's words, as the app loads them at start (a refusal must say why,
// and its message comes from strings.json): the build's compiled chapter,
// whose texts are in the order of the same source's keys (scripts/fuzz.sh).
namespace fuzz_detail {
inline const bool strings_loaded = [] {
    std::ifstream f(WB_CONTENT_BIN, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    const wb::ContentResult r = wb::DecodeContentBinary(ss.str());
    if (!r.ok) {
        std::fprintf(stderr, "%s: %s\n", WB_CONTENT_BIN, r.error.c_str());
        std::abort();
    }
    wb::SetStrings(r.content.texts);
    return true;
}();
}  // namespace fuzz_detail
