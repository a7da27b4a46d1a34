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
    return r;
}

std::string FormatReadRoute(std::string_view section_id) {
    return "#/read/" + std::string(section_id);
}

}  // namespace wb
