// The semantics mirror's wire format (core/mirror_wire.h) on any text: a node's
// name, value and description, whatever bytes they hold (the separators, ESC,
// NUL, markup), are read back exactly as web_bridge.js reads them (split records
// on RS, fields on US, then ESC + digit undone), as the same nodes with the same
// thirteen fields: text can never add a field or a node.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mirror_wire.h"
#include "fuzz_util.h"

namespace {

// wb_js_sem_update's reading, step for step: text.split('\x1e') (empty records
// skipped), r.split('\x1f'), t.replace(/\x1b([0-3])/g, ...).
std::vector<std::string> Split(std::string_view s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}
std::string Unescape(const std::string& t) {
    static const char chars[] = {'\x1b', '\x1e', '\x1f', '\0'};
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\x1b' && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '3') out += chars[t[++i] - '0'];
        else out += t[i];
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    // Three texts cut where the first two bytes say.
    size_t a = size > 0 ? data[0] % (size + 1) : 0, b = size > 1 ? data[1] % (size + 1) : 0;
    if (a > b) std::swap(a, b);
    const std::string name(in.substr(0, a)), value(in.substr(a, b - a)), desc(in.substr(b));
    const std::string numbers = std::string("7\x1f") + "0\x1f" "button\x1f" "0\x1f" "0\x1f" "0\x1f" "1\x1f" "2\x1f" "3\x1f" "4\x1f";
    std::string wire;
    wb::AppendMirrorNode(wire, numbers, name, value, desc);
    wb::AppendMirrorNode(wire, numbers, desc, name, value);
    FUZZ_REQUIRE(wire.find('\0') == std::string::npos);  // it travels as a C string
    std::vector<std::vector<std::string>> nodes;
    for (const std::string& r : Split(wire, '\x1e'))
        if (!r.empty()) nodes.push_back(Split(r, '\x1f'));
    FUZZ_REQUIRE(nodes.size() == 2);
    for (const auto& f : nodes) {
        FUZZ_REQUIRE(f.size() == 13);
        FUZZ_REQUIRE(f[0] == "7" && f[2] == "button" && f[9] == "4");
    }
    FUZZ_REQUIRE(Unescape(nodes[0][10]) == name && Unescape(nodes[0][11]) == value && Unescape(nodes[0][12]) == desc);
    FUZZ_REQUIRE(Unescape(nodes[1][10]) == desc && Unescape(nodes[1][11]) == name && Unescape(nodes[1][12]) == value);
    return 0;
}
