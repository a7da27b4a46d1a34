// Inputs found by the libFuzzer targets (scripts/fuzz.sh) that once crashed the
// state codec, kept as plain tests so the native and wasm suites catch a regression.
#include <doctest/doctest.h>

#include <string>

#include "core/state.h"

TEST_CASE("a backup with a number too large for a double is refused, not thrown") {
    // Found by tests/fuzz/backup_decode.cpp: nlohmann's parser throws out_of_range (406) here.
    wb::BackupRead r = wb::DecodeBackup(R"({"format": "networking-workbook-backup", "version": 1, "x": 75e74432})");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("not valid JSON") != std::string::npos);
    // The stored-state loader parses without exceptions; the same number is simply unreadable.
    CHECK(wb::DecodeState(R"({"schema": 3, "x": 75e74432})").status == wb::StateLoad::Status::Unreadable);
}

TEST_CASE("a backup whose format is not text is refused, not thrown") {
    for (const char* doc : {R"({"format": 1, "version": 1})", R"({"format": ["networking-workbook-backup"]})",
                            R"({"format": null})"}) {
        CAPTURE(doc);
        wb::BackupRead r = wb::DecodeBackup(doc);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find("not a Networking Workbook backup") != std::string::npos);
    }
}
