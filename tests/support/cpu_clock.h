// Processor time and heap in use, for the benchmarks: natively and in wasm under
// node. The one place the tests ask the platform for them.
#pragma once
#include <cstddef>
#include <ctime>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif
#if defined(__EMSCRIPTEN__) || defined(__GLIBC__)
#include <malloc.h>
#endif

namespace wbtest {

// Processor time, not wall time: on a busy machine wall time measures the
// neighbours. Under node (the wasm test run) clock() is wall time, so the
// process's CPU time is asked of node instead.
inline double CpuMs() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_DOUBLE({
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
    });
#else
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}
struct Timer {
    double start = CpuMs();
};
// Bytes of heap in use (0 where the C library cannot say).
inline size_t HeapInUse() {
#if defined(__EMSCRIPTEN__)
    return static_cast<size_t>(mallinfo().uordblks);
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return mallinfo2().uordblks;
#else
    return 0;
#endif
}
inline double Ms(const Timer& t) { return CpuMs() - t.start; }

}  // namespace wbtest
