// Search and sort keys for text in any script: the contacts table's search and
// name/company sort (planner.cpp). Native code, no Intl: the unit tests see what
// the browser runs. The table is generated at build time from the Unicode
// Character Database (scripts/gen-unicode-key.py).
//
// The key of a text, per code point:
//   - NFKD with full case folding (CaseFolding.txt): composed and decomposed
//     forms, full-width and other compatibility forms, and every case (Latin,
//     Greek with its final sigma, Cyrillic, Armenian, ...) give the same key;
//   - default ignorables (soft hyphen, zero-width joiner, ...) removed;
//   - katakana folded to hiragana;
//   - accents removed: the generic combining diacritics (U+0300-036F and their
//     extensions), which mark Latin, Greek and Cyrillic letters. A learner typing
//     "emile" finds "Émile", "orsted" finds "Ørsted". The marks of Indic scripts,
//     Thai, Arabic, Hebrew and the kana voicing marks are letters or vowels there
//     and stay significant.
// Invalid UTF-8 bytes become U+FFFD. Hangul syllables stay composed; circled,
// squared and Arabic positional forms are left as they are (not names).
#pragma once
#include <string>
#include <string_view>

namespace wb::unicode {

// Appends the search key of `text` (UTF-8). The key of a key is itself, so a
// key found in a text's bytes (ASCII case aside) is also found in its key.
void AppendSearchKey(std::string& out, std::string_view text);
std::string SearchKey(std::string_view text);

// Sort keys: `primary` is the search key with Thai and Lao leading vowels moved
// after the consonant they precede (as dictionaries order them); `marks` holds
// the accents removed, to break ties: nothing for a text without any (it sorts
// first), else per primary code point a 1 and the accents on it. Byte order of UTF-8 is code point order, so comparing
// primaries groups scripts by block: Latin, Greek, Cyrillic, Armenian, Hebrew,
// Arabic, Indic, Thai, kana, CJK ideographs, Hangul.
void AppendSortKeys(std::string& primary, std::string& marks, std::string_view text);

}  // namespace wb::unicode
