// The semantics mirror's wire format: ui/semantics.cpp writes it, web_bridge.js
// (wb_js_sem_update) reads it into DOM elements. One node a record, ended by RS
// (0x1e); fields split by US (0x1f): id, parent, role, level, flags, max chars,
// x, y, w, h, name, value, desc. The three texts escape ESC, RS, US and NUL as
// ESC + '0'..'3', so any text (a contact's name from an import, an answer)
// arrives as it was and can never add a field or a node.
#pragma once
#include <string>
#include <string_view>

namespace wb {

// One node: `numbers` is the first ten fields, each followed by US; then the texts.
void AppendMirrorNode(std::string& out, std::string_view numbers, std::string_view name, std::string_view value,
                      std::string_view desc);

}  // namespace wb
