// The address bar as the workbook uses it: "#/read/<section-id>", "#/home",
// "#/planner/<page>" and "#/planner/contact/<id>".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

struct Route {
    enum class Kind { None, Read, Home, Planner } kind = Kind::None;
    std::string section;  // Read: the section id; Planner: the page slug
    uint32_t id = 0;      // Planner "contact": the contact's id
};

Route ParseRoute(std::string_view hash);  // accepts with or without the leading '#'
std::string FormatReadRoute(std::string_view section_id);
std::string FormatPlannerRoute(std::string_view page, uint32_t id = 0);

}  // namespace wb
