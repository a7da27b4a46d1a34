// Our stand-in for Dear ImGui's examples/libs/emscripten/emscripten_mainloop_stub.h,
// which the Debian source tarball (+ds) leaves out. Same two macros, same meaning:
// the body of the example's while-loop becomes a lambda that emscripten's main
// loop calls once per requestAnimationFrame (fps 0), and main() "returns" by
// unwinding (simulate_infinite_loop = true) so the lambda's captures stay alive.
//
// main.cpp includes it as "../libs/emscripten/emscripten_mainloop_stub.h", so
// scripts/bench.sh puts tests/bench/baseline/libs on the include path: that
// folder's parent + libs/emscripten/ is this file.
#pragma once
#include <emscripten.h>
#include <functional>

static std::function<void()> MainLoopForEmscriptenP;
static void MainLoopForEmscripten() { MainLoopForEmscriptenP(); }
#define EMSCRIPTEN_MAINLOOP_BEGIN MainLoopForEmscriptenP = [&]()
#define EMSCRIPTEN_MAINLOOP_END ; emscripten_set_main_loop(MainLoopForEmscripten, 0, true)
