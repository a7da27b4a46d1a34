// One import run for the importer targets: preview (one call and step by step
// must agree), the preview's own invariants, a commit into a small planner,
// then every export of the result, whose content lines must stay within 75
// octets and be valid UTF-8.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/interchange.h"
#include "core/interchange_internal.h"
#include "fuzz_util.h"

inline void CheckContentLines(const std::string& text) {
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find("\r\n", start);
        FUZZ_REQUIRE(end != std::string::npos);
        FUZZ_REQUIRE(end - start <= 75);
        start = end + 2;
    }
    FUZZ_REQUIRE(wb::planner::interchange_internal::IsValidUtf8(text));
}

inline void RunImport(const char* filename, const uint8_t* data, size_t size) {
    using namespace wb::planner;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const Day today = 20000;
    Planner planner;
    Contact known;
    known.id = 4;
    known.name = "Known Person";
    known.profile_url = "https://www.linkedin.com/in/known";
    known.email = "known@example.com";
    planner.contacts.push_back(known);
    planner.next_id = 5;

    ImportPreview preview = PreviewImport(planner, filename, bytes, today);
    ImportJob job(planner, filename, bytes, today);
    int steps = 0;
    while (!job.Step(3)) {
        float p = job.Progress();
        FUZZ_REQUIRE(p >= 0.0f && p <= 1.0f);
        FUZZ_REQUIRE(++steps <= static_cast<int>(size) + 2);  // every step reads something
    }
    FUZZ_REQUIRE(job.Preview().error == preview.error);
    FUZZ_REQUIRE(job.Preview().items.size() == preview.items.size());

    FUZZ_REQUIRE(wb::planner::interchange_internal::IsValidUtf8(preview.error));
    if (!preview.ok()) {
        FUZZ_REQUIRE(preview.items.empty());
        FUZZ_REQUIRE(preview.new_count + preview.update_count + preview.skip_count + preview.merged_count == 0);
        FUZZ_REQUIRE(CommitImport(planner, preview, wb::Rev{1, "fuzz"}) == 0);
        FUZZ_REQUIRE(planner.contacts.size() == 1);
        return;
    }
    FUZZ_REQUIRE(static_cast<size_t>(preview.new_count + preview.update_count + preview.skip_count + preview.merged_count) ==
                 preview.items.size());
    for (const ImportItem& item : preview.items) {
        FUZZ_REQUIRE(item.line >= 1);
        FUZZ_REQUIRE(wb::planner::interchange_internal::IsValidUtf8(item.contact.name));
        FUZZ_REQUIRE(wb::planner::interchange_internal::IsValidUtf8(item.contact.notes));
        FUZZ_REQUIRE(wb::planner::interchange_internal::IsValidUtf8(item.reason));
        if (item.outcome != ImportItem::Skip) FUZZ_REQUIRE(!item.contact.name.empty());
    }
    int changed = CommitImport(planner, preview, wb::Rev{1, "fuzz"});
    FUZZ_REQUIRE(changed <= preview.new_count + preview.update_count);
    FUZZ_REQUIRE(planner.contacts.size() == 1 + static_cast<size_t>(preview.new_count));
    for (size_t i = 1; i < planner.contacts.size(); ++i) FUZZ_REQUIRE(planner.contacts[i - 1].id < planner.contacts[i].id);
    FUZZ_REQUIRE(planner.next_id > planner.contacts.back().id);
    // A second commit of the same preview finds everyone already there.
    size_t count = planner.contacts.size();
    CommitImport(planner, preview, wb::Rev{2, "fuzz"});
    FUZZ_REQUIRE(planner.contacts.size() == count);

    CheckContentLines(ExportIcs(planner, today, 1764153000000));
    CheckContentLines(ExportVcf(planner));
    FUZZ_REQUIRE(wb::planner::interchange_internal::IsValidUtf8(ExportCsv(planner)));
}
