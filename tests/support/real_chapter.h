// The real chapter (content/), compiled, for the tests of what reads it. Natively
// the content compiler runs on content/ here. The wasm test run has no content
// compiler (it needs md4c, a native library), so it reads the files the build's
// compiler wrote (WB_CONTENT_JSON, WB_CONTENT_BIN): the same bytes.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#ifndef __EMSCRIPTEN__
#include "tools/contentc/contentc.h"
#endif

namespace wbtest {

struct RealChapter {
    bool ok = false;
    std::string json;   // content.json
    std::string bin;    // content.bin
    std::string error;  // why it is not ok
};

inline const RealChapter& CompiledRealChapter() {
    static const RealChapter c = [] {
        RealChapter r;
#ifndef __EMSCRIPTEN__
        // In the order of the keys this build's code uses (as the build compiles it).
        contentc::CompileOptions options;
        options.keys_file = WB_STRING_KEYS;
        contentc::CompileResult compiled = contentc::CompileContent(std::string(WB_SOURCE_DIR) + "/content", options);
        r.ok = compiled.ok;
        r.json = std::move(compiled.json);
        r.bin = std::move(compiled.bin);
        for (const contentc::Diagnostic& d : compiled.diagnostics) r.error += d.Format() + "\n";
#else
        auto read = [&r](const char* path, std::string& out) {
            std::ifstream f(path, std::ios::binary);
            if (!f) r.error += std::string("cannot read ") + path + "\n";
            std::ostringstream s;
            s << f.rdbuf();
            out = s.str();
        };
        read(WB_CONTENT_JSON, r.json);
        read(WB_CONTENT_BIN, r.bin);
        r.ok = r.error.empty() && !r.json.empty() && !r.bin.empty();
#endif
        return r;
    }();
    return c;
}

}  // namespace wbtest
