#include "core/mirror_wire.h"

namespace wb {

namespace {
void AppendText(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '\x1b': out += "\x1b" "0"; break;
            case '\x1e': out += "\x1b" "1"; break;
            case '\x1f': out += "\x1b" "2"; break;
            case '\0': out += "\x1b" "3"; break;  // it would end the C string
            default: out += c;
        }
    }
}
}  // namespace

void AppendMirrorNode(std::string& out, std::string_view numbers, std::string_view name, std::string_view value,
                      std::string_view desc) {
    out += numbers;
    AppendText(out, name);
    out += '\x1f';
    AppendText(out, value);
    out += '\x1f';
    AppendText(out, desc);
    out += '\x1e';
}

}  // namespace wb
