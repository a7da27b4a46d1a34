#include "core/route.h"

namespace wb {

Route ParseRoute(std::string_view hash) {
    Route r;
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    constexpr std::string_view kRead = "/read/";
    if (hash.substr(0, kRead.size()) == kRead) {
        std::string_view id = hash.substr(kRead.size());
        // Ignore anything after the id (e.g. "?q=..." added by a host page).
        if (size_t cut = id.find_first_of("?/#"); cut != std::string_view::npos) id = id.substr(0, cut);
        if (!id.empty()) {
            r.kind = Route::Kind::Read;
            r.section = std::string(id);
        }
    }
    constexpr std::string_view kPlanner = "/planner/";
    if (hash == "/home") r.kind = Route::Kind::Home;
    if (hash == "/planner") {
        r.kind = Route::Kind::Planner;
        r.section = "week";
    } else if (hash.substr(0, kPlanner.size()) == kPlanner) {
        std::string_view rest = hash.substr(kPlanner.size());
        std::string_view page = rest.substr(0, rest.find('/'));
        if (!page.empty()) {
            r.kind = Route::Kind::Planner;
            r.section = std::string(page);
            if (page.size() < rest.size()) {
                uint32_t id = 0;
                std::string_view digits = rest.substr(page.size() + 1);
                bool ok = !digits.empty() && digits.size() < 10;
                for (char c : digits) ok = ok && c >= '0' && c <= '9';
                if (ok) for (char c : digits) id = id * 10 + static_cast<uint32_t>(c - '0');
                r.id = ok ? id : 0;
            }
        }
    }
    return r;
}

std::string FormatReadRoute(std::string_view section_id) {
    return "#/read/" + std::string(section_id);
}

}  // namespace wb

namespace wb {
std::string FormatPlannerRoute(std::string_view page, uint32_t id) {
    std::string r = "#/planner/" + std::string(page);
    if (id) r += "/" + std::to_string(id);
    return r;
}
}  // namespace wb
