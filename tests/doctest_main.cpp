// The one doctest main shared by every native and wasm test binary.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

// Set by a test binary's static initializer to run once before its tests
// (tests/unit/real_strings.cpp: the learner-facing strings of content/).
void (*wbtest_before_tests)() = nullptr;

int main(int argc, char** argv) {
    if (wbtest_before_tests) wbtest_before_tests();
    doctest::Context context(argc, argv);
    return context.run();
}
