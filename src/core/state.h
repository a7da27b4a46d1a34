// The learner's stored state: plain structs, a versioned JSON codec, and the
// checks that keep a bad stored document from ever being silently replaced.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wb {

enum class ThemeChoice : uint8_t { System, Light, Dark };

struct Settings {
    ThemeChoice theme = ThemeChoice::System;
    int text_size_pct = 100;  // 100..200, WCAG 1.4.4
    bool high_contrast = false;
};

struct ReaderProgress {
    std::string current;                 // section id; empty = start at the first
    std::map<std::string, float> scroll; // section id -> scroll offset in CSS px at 100% text
    std::set<std::string> read;          // sections whose end has been on screen
};

struct LearnerState {
    static constexpr int kSchema = 1;
    Settings settings;
    ReaderProgress reader;
    std::map<std::string, std::string> reflections;  // prompt id -> the learner's answer
};

// Guards applied before any JSON from storage or a file is parsed.
constexpr size_t kMaxJsonBytes = 32u << 20;
constexpr int kMaxJsonDepth = 64;

// Checks size and nesting depth without parsing (nlohmann recurses, and a deep
// document overflows the wasm stack). Returns "" if fine, else the reason.
std::string CheckJsonLimits(std::string_view text);

struct StateLoad {
    enum class Status : uint8_t {
        Empty,      // nothing stored: a new learner
        Ok,         // loaded as is (possibly migrated)
        Partial,    // loaded what could be read; the rest is reported in problems
        Unreadable, // nothing usable; defaults are used
    };
    Status status = Status::Empty;
    LearnerState state;
    int stored_schema = 0;
    std::vector<std::string> problems;  // plain words: what was found and where
    // True when the stored bytes must be kept aside (quarantined) before this
    // build ever writes the key again.
    bool quarantine() const { return status == Status::Partial || status == Status::Unreadable; }
};

// Decodes a stored document. Never throws; reads what it can.
StateLoad DecodeState(std::string_view text);
std::string EncodeState(const LearnerState& s);

int CountWords(std::string_view text);

}  // namespace wb
