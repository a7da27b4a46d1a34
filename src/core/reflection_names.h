// What a reflection answer names that the planner can hold: the people, the
// event or the organization a prompt asked for (ReflectionPlanner in content.h).
// The reader offers to add them; the learner sees each one first and unticks a
// wrong guess, so this reads the shapes learners write in, without a dictionary:
//   - one name a line or list item, or several separated by ";", commas and "and";
//   - why after a colon, dash or bracket ("Maria Lopez - runs the QA guild");
//   - in a sentence, where a name is a run of capitalized words ("I could tell
//     Maria Lopez") in scripts with case; a sentence's first word alone is not one;
//   - after a greeting or a word that only leads the line ("Hi Dana,", "To:").
// In scripts without case (Chinese, Arabic, Thai, ...) a short item is the name
// (a short clause in prose is taken for one too: the learner unticks it).
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/content.h"
#include "core/planner.h"

namespace wb {

struct NamedInReflection {
    std::string name;
    std::string context;  // the line it was named on (the learner's why); "" when that is just the name
};

// The words a reading needs from the workbook's language (strings.json), '|' between
// words, compared ignoring case and accents: the list's "and" (list.last_separator);
// the words that open a message ("Hi|Dear|To|..."): an answer with them is a drafted
// message, and only the names they lead count; the words that start a sentence
// without being a name ("My|The|Maybe|...").
struct NameCues {
    std::string_view and_word;
    std::string_view lead_words;
    std::string_view filler_words;
};

constexpr size_t kMaxNamedInReflection = 12;

// People: each once, in the answer's order, at most kMaxNamedInReflection. An event or an
// organization: at most one, its context the rest of the answer.
std::vector<NamedInReflection> NamedIn(std::string_view answer, ReflectionPlanner kind, const NameCues& cues);

// The names a planner holds, by search key (any case, any accents): is a name an
// answer offers there already? Made once per change of the planner (30,000
// contacts), asked once per name per change of the answer.
struct HeldNames {
    std::unordered_set<std::string> contacts, events, organizations;
    bool Holds(ReflectionPlanner kind, std::string_view name) const;
};
HeldNames HeldNamesOf(const planner::Planner& p);

}  // namespace wb
