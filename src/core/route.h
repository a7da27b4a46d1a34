// The address bar as the workbook uses it: "#/read/<section-id>".
#pragma once
#include <string>
#include <string_view>

namespace wb {

struct Route {
    enum class Kind { None, Read } kind = Kind::None;
    std::string section;  // for Read
};

Route ParseRoute(std::string_view hash);  // accepts with or without the leading '#'
std::string FormatReadRoute(std::string_view section_id);

}  // namespace wb
