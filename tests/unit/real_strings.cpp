// The core's messages (import errors, stored-data problems, dates) are looked up
// in content/strings.json as the app does at start (App::Init), so the unit
// tests read the real wording. test_strings.cpp swaps tables and puts this back.
#include "core/content.h"
#include "core/strings.h"
#include "../support/real_chapter.h"

extern void (*wbtest_before_tests)();

namespace wbtest {
void LoadRealStrings() {
    const wb::ContentResult r = wb::DecodeContentBinary(CompiledRealChapter().bin);
    wb::SetStrings(r.content.texts);
}
}  // namespace wbtest

namespace {
const bool registered = (wbtest_before_tests = &wbtest::LoadRealStrings, true);
}
