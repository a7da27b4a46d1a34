// In-workbook search: the browser's find cannot see a canvas.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/content.h"

namespace wb {

struct SearchHit {
    int section = -1;
    int block = -1;             // block index, or -1 for a hit in a title or reflection answer
    std::string reflection_id;  // set when the hit is in the learner's own answer
    std::string context;        // a short excerpt around the match
    size_t match_at = 0;        // where the match starts inside context
};

// Case-insensitive (ASCII letters) find of needle in hay from `from`; npos if absent.
size_t FindNoCase(const std::string& hay, const std::string& needle, size_t from = 0);

// Case-insensitive (ASCII letters) substring search over section titles, all
// blocks and the learner's reflection answers, in reading order. Queries shorter
// than 2 characters find nothing. At most `limit` hits.
std::vector<SearchHit> Search(const Content& c, const std::map<std::string, std::string>& reflections,
                              const std::string& query, size_t limit = 200);

}  // namespace wb
