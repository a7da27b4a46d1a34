// Importers: LinkedIn's Connections.csv, Google Contacts CSV (current and legacy
// columns) and vCard 2.1/3.0/4.0, read into a preview (New / Update / Skip per
// record) that CommitImport applies. A file that cannot be read is refused whole
// with the line that stopped it. Every loop is bounded by the input's size; no
// recursion.
#include "core/interchange.h"
#include "core/strings.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/interchange_internal.h"
#include "core/planner_text.h"  // Grouped
#include "core/utf8.h"

namespace wb::planner {

using namespace interchange_internal;

namespace {

constexpr size_t kMaxColumns = 1024;       // more are read past, not kept (a row of 10M commas must not allocate 10M strings)
constexpr int kHeaderSearchRecords = 100;  // LinkedIn's "Notes:" preamble is a few lines

// --- CSV (RFC 4180, leniently: stray quotes inside a field are kept as text) ---------
struct CsvReader {
    enum class Result : uint8_t { Record, End, Unterminated };
    std::string_view text;
    char delim = ',';
    size_t pos = 0;
    int line = 1;            // line number at pos
    int error_line = 0;      // Unterminated: the line where the quoted field opened

    // Reads one record into fields[0..count). Quoted line breaks become "\n".
    Result Next(std::vector<std::string>& fields, size_t& count, int& start_line) {
        if (pos >= text.size()) return Result::End;
        start_line = line;
        count = 0;
        std::string scratch;
        for (;;) {
            std::string* f = &scratch;
            if (count < kMaxColumns) {
                if (count == fields.size()) fields.emplace_back();
                f = &fields[count++];
            }
            f->clear();
            if (pos < text.size() && text[pos] == '"') {
                int open_line = line;
                ++pos;
                for (;;) {
                    if (pos >= text.size()) {
                        error_line = open_line;
                        return Result::Unterminated;
                    }
                    size_t run = pos;
                    while (run < text.size() && text[run] != '"' && text[run] != '\r' && text[run] != '\n') ++run;
                    f->append(text, pos, run - pos);
                    pos = run;
                    if (pos >= text.size()) continue;
                    char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            *f += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    ++pos;
                    if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
                    *f += '\n';
                    ++line;
                }
            }
            // Unquoted text, or anything after a closing quote (kept, as spreadsheets do).
            size_t run = pos;
            while (run < text.size() && text[run] != delim && text[run] != '\r' && text[run] != '\n') ++run;
            f->append(text, pos, run - pos);
            pos = run;
            if (pos >= text.size()) return Result::Record;
            char c = text[pos++];
            if (c == delim) continue;
            if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
            ++line;
            return Result::Record;
        }
    }
};

// Which column holds what; -1 = none. A union of LinkedIn's and Google's names.
struct Columns {
    int first = -1, middle = -1, last = -1, full_name = -1, nickname = -1;
    int url = -1, website = -1, email = -1, company = -1, role = -1;
    int connected = -1, notes = -1, labels = -1;
};

bool MapHeader(const std::vector<std::string>& cells, size_t count, Columns& c, bool& linkedin_like, bool& google_like) {
    linkedin_like = google_like = false;
    int given = -1, family = -1, additional = -1;
    for (size_t i = 0; i < count; ++i) {
        std::string h = AsciiLower(TrimView(cells[i]));
        int k = static_cast<int>(i);
        auto take = [&](int& slot) { if (slot < 0) slot = k; };
        if (h == "first name") take(c.first);
        else if (h == "middle name") take(c.middle);
        else if (h == "last name") take(c.last);
        else if (h == "given name") take(given), google_like = true;
        else if (h == "additional name") take(additional);
        else if (h == "family name") take(family);
        else if (h == "name" || h == "file as") take(c.full_name);
        else if (h == "nickname") take(c.nickname);
        else if (h == "url" || h == "profile url") take(c.url), linkedin_like = true;
        else if (h == "website 1 - value") take(c.website);
        else if (h == "email address" || h == "e-mail address") take(c.email);
        else if (h == "e-mail 1 - value") take(c.email), google_like = true;
        else if (h == "company") take(c.company);
        else if (h == "organization name" || h == "organization 1 - name") take(c.company), google_like = true;
        else if (h == "position") take(c.role);
        else if (h == "organization title" || h == "organization 1 - title") take(c.role), google_like = true;
        else if (h == "connected on") take(c.connected), linkedin_like = true;
        else if (h == "notes") take(c.notes);
        else if (h == "labels" || h == "group membership") take(c.labels), google_like = true;
    }
    if (c.first < 0 && c.last < 0 && given >= 0 && family >= 0) {
        c.first = given;
        c.middle = additional;
        c.last = family;
    }
    return c.first >= 0 && c.last >= 0;
}

// The start of a line or cell for a message: about 40 bytes, never cut inside a UTF-8 character.
std::string Preview40(std::string_view s) {
    std::string out;
    for (char ch : s) {
        unsigned char b = static_cast<unsigned char>(ch);
        if (out.size() >= 40 && (b & 0xC0) != 0x80) return out + "...";
        out += b < 0x20 ? ' ' : ch;
    }
    return out;
}

std::string UnterminatedMessage(int line) {
    return TrF("import.unterminated_quote", {{"line", std::to_string(line)}});
}

// Finds the header row: the first record naming "First Name" and "Last Name"
// (or Google's legacy "Given Name" / "Family Name"), wherever the preamble ends.
struct HeaderFound {
    ImportFormat format = ImportFormat::Unknown;
    std::string error;
    char delim = ',';
    size_t body_pos = 0;
    int body_line = 1;
    Columns columns;
};

HeaderFound FindCsvHeader(std::string_view text, std::string_view filename) {
    HeaderFound out;
    std::vector<std::string> cells;
    int first_unterminated = 0;
    for (char delim : {',', ';', '\t'}) {
        CsvReader r{text, delim};
        size_t count = 0;
        int start_line = 0;
        for (int n = 0; n < kHeaderSearchRecords; ++n) {
            CsvReader::Result res = r.Next(cells, count, start_line);
            if (res == CsvReader::Result::End) break;
            if (res == CsvReader::Result::Unterminated) {
                if (delim == ',') first_unterminated = r.error_line;
                break;
            }
            Columns c;
            bool linkedin_like = false, google_like = false;
            if (!MapHeader(cells, count, c, linkedin_like, google_like)) continue;
            std::string lower_name = AsciiLower(filename);
            if (linkedin_like && !google_like) out.format = ImportFormat::LinkedIn;
            else if (google_like && !linkedin_like) out.format = ImportFormat::Google;
            else out.format = lower_name.find("connections") != std::string::npos ? ImportFormat::LinkedIn : ImportFormat::Google;
            out.delim = delim;
            out.body_pos = r.pos;
            out.body_line = r.line;
            out.columns = c;
            return out;
        }
    }
    if (first_unterminated > 0) {
        out.error = UnterminatedMessage(first_unterminated);
        return out;
    }
    std::string_view first_line = text.substr(0, text.find_first_of("\r\n"));
    out.error = TrF("import.not_a_contacts_file", {{"lines", std::to_string(kHeaderSearchRecords)}, {"first", Preview40(first_line)}});
    return out;
}

bool LooksLikeVCard(std::string_view text) {
    std::string_view t = TrimView(text);
    return t.size() >= 11 && EqualsNoCase(t.substr(0, 11), "BEGIN:VCARD");
}

// --- Field clean-up ---------------------------------------------------------------
// Removes the ' that ExportCsv puts before = + - @ tab CR (formula injection guard).
std::string_view Unguard(std::string_view s) {
    if (s.size() >= 2 && s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\t' || s[1] == '\r'))
        s.remove_prefix(1);
    return s;
}

// One-line fields: trimmed, whitespace runs collapsed, control characters gone.
std::string OneLine(std::string_view s) { return CollapseSpaces(s); }

// Multi-line text (notes): trimmed; CRLF and lone CRs as one newline. Other control
// characters are left for CleanFields, which removes and counts them.
std::string MultiLine(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::string_view t = TrimView(s);
    for (size_t i = 0; i < t.size(); ++i) {
        char ch = t[i];
        if (ch != '\r') out += ch;
        else if (i + 1 == t.size() || t[i + 1] != '\n') out += '\n';  // CRLF or a lone CR: one line break
    }
    return out;
}

// The parts of "a ::: b ::: c" (Google's multi-value cells), trimmed, non-empty.
std::vector<std::string> SplitMulti(std::string_view s) {
    std::vector<std::string> parts;
    for (;;) {
        size_t at = s.find(":::");
        std::string part = OneLine(s.substr(0, at));
        if (!part.empty()) parts.push_back(std::move(part));
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + 3);
    }
    return parts;
}

// The first value of a multi-value cell (the common single value needs no split).
std::string FirstOfMulti(std::string_view cell) {
    if (cell.find(":::") == std::string_view::npos) return OneLine(cell);
    std::vector<std::string> parts = SplitMulti(cell);
    return parts.empty() ? "" : parts.front();
}

// Prefers a LinkedIn profile among several URLs.
std::string PickUrl(const std::vector<std::string>& urls) {
    if (urls.size() == 1) return urls.front();
    for (const std::string& u : urls)
        if (UrlKey(u).rfind("linkedin.com/", 0) == 0) return u;
    return urls.empty() ? "" : urls.front();
}

// Google's system groups: "* myContacts" is every contact, so not a tag; the
// others ("* starred") lose their "* ".
std::vector<std::string> LabelsToTags(std::string_view cell) {
    std::vector<std::string> tags;
    std::unordered_set<std::string> seen;
    for (std::string& label : SplitMulti(cell)) {
        std::string_view l = label;
        if (l.size() >= 2 && l[0] == '*' && l[1] == ' ') l.remove_prefix(2);
        std::string folded;
        for (char ch : AsciiLower(l))
            if (ch != ' ') folded += ch;
        if (folded == "mycontacts" || l.empty()) continue;
        std::string tag(TrimView(l));
        if (seen.insert(tag).second) tags.push_back(std::move(tag));  // a set: 100,000 labels must not be quadratic
    }
    return tags;
}

int MonthFromName(std::string_view s) {
    static const char* kMonths[12] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (s.size() < 3) return 0;
    std::string l = AsciiLower(s.substr(0, 3));
    for (int i = 0; i < 12; ++i)
        if (l == kMonths[i]) return i + 1;
    return 0;
}

bool AllDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int SmallNumber(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// "12 Mar 2024" (LinkedIn), "7-Feb-22" (Excel resaved: 00-69 are 20xx),
// "Mar 12, 2024" and "2024-03-12".
bool ParseConnectedOn(std::string_view text, Day& out) {
    std::string_view s = TrimView(text);
    std::string_view parts[4];
    size_t n = 0;
    size_t i = 0;
    while (i < s.size() && n < 4) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '/' || s[i] == ',' || s[i] == '.')) ++i;
        size_t start = i;
        while (i < s.size() && !(s[i] == ' ' || s[i] == '-' || s[i] == '/' || s[i] == ',' || s[i] == '.')) ++i;
        if (i > start) parts[n++] = s.substr(start, i - start);
    }
    if (n != 3) return false;
    int y = 0, m = 0, d = 0;
    std::string_view year;
    if (AllDigits(parts[0]) && parts[0].size() == 4 && AllDigits(parts[1]) && AllDigits(parts[2]) &&
        parts[1].size() <= 2 && parts[2].size() <= 2) {
        year = parts[0];
        m = SmallNumber(parts[1]);
        d = SmallNumber(parts[2]);
    } else if (AllDigits(parts[0]) && parts[0].size() <= 2 && MonthFromName(parts[1])) {
        d = SmallNumber(parts[0]);
        m = MonthFromName(parts[1]);
        year = parts[2];
    } else if (MonthFromName(parts[0]) && AllDigits(parts[1]) && parts[1].size() <= 2) {
        m = MonthFromName(parts[0]);
        d = SmallNumber(parts[1]);
        year = parts[2];
    } else {
        return false;
    }
    if (!AllDigits(year) || (year.size() != 2 && year.size() != 4)) return false;
    y = SmallNumber(year);
    if (year.size() == 2) y += y < 70 ? 2000 : 1900;
    if (!ValidCivil(y, m, d)) return false;
    out = DayFromYmd(y, m, d);
    return true;
}

// --- vCard ----------------------------------------------------------------------
// Removes vCard escapes: \n \N are newlines; \, \; \\ \: stand for themselves.
std::string UnescapeVCard(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        char n = s[++i];
        out += (n == 'n' || n == 'N') ? '\n' : n;
    }
    return out;
}

// Splits on a separator that is not escaped; parts stay escaped.
std::vector<std::string_view> SplitUnescaped(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(s.substr(start));
    return parts;
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string DecodeQuotedPrintable(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '=' && i + 2 < s.size() && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
            out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct LineReader {
    std::string_view text;
    size_t pos = 0;
    int line = 1;
    bool AtEnd() const { return pos >= text.size(); }
    // One physical line without its CRLF or LF.
    std::string_view NextPhysical() {
        size_t end = text.find('\n', pos);
        size_t stop = end == std::string_view::npos ? text.size() : end;
        std::string_view l = text.substr(pos, stop - pos);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        ++line;
        return l;
    }
    bool ContinuationNext() const { return pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'); }
    // One logical (unfolded) line: a line break followed by a space or tab is removed with that one character.
    std::string NextLogical(int& at_line) {
        at_line = line;
        std::string l(NextPhysical());
        while (ContinuationNext()) l.append(NextPhysical().substr(1));
        return l;
    }
};

}  // namespace

std::string ImportSummary(const ImportPreview& p) {
    auto n = [](int v) { return Grouped(static_cast<size_t>(std::max(v, 0))); };
    return TrF("import.summary", {{"format", p.format}, {"new", n(p.new_count)}, {"update", n(p.update_count)},
                                  {"merged", n(p.merged_count)}, {"skipped", n(p.skip_count)}});
}

std::string DescribeImportChanges(const ImportPreview& p) {
    std::vector<std::string> parts;
    if (p.removed_chars) parts.push_back(TrN("import.removed_characters", p.removed_chars));
    if (p.cut_fields)
        parts.push_back(TrN("import.cut_fields", p.cut_fields, {{"short", Grouped(kMaxImportShortField)}, {"notes", Grouped(kMaxImportNotes)}}));
    if (p.dropped_tags) parts.push_back(TrN("import.dropped_tags", p.dropped_tags, {{"most", std::to_string(kMaxImportTags)}}));
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
    return out.empty() ? out : TrF("import.changed_on_the_way_in_list", {{"changes", out}});
}

// --- Detection ------------------------------------------------------------------
ImportFormat DetectImportFormat(std::string_view filename, std::string_view bytes) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.size() > kMaxImportBytes) return ImportFormat::Unknown;
    if (LooksLikeVCard(bytes)) return ImportFormat::VCard;
    return FindCsvHeader(bytes, filename).format;
}

// --- The job ----------------------------------------------------------------------
namespace {
enum FieldBit : uint16_t {
    kFieldName = 1, kFieldCompany = 2, kFieldRole = 4, kFieldUrl = 8, kFieldEmail = 16,
    kFieldNotes = 32, kFieldTags = 64, kFieldLog = 128,
};

uint16_t FilledFields(const Contact& c) {
    uint16_t m = 0;
    if (!c.name.empty()) m |= kFieldName;
    if (!c.company.empty()) m |= kFieldCompany;
    if (!c.role.empty()) m |= kFieldRole;
    if (!c.profile_url.empty()) m |= kFieldUrl;
    if (!c.email.empty()) m |= kFieldEmail;
    if (!c.notes.empty()) m |= kFieldNotes;
    if (!c.tags.empty()) m |= kFieldTags;
    if (!c.log.empty() || c.connected != kNoDay) m |= kFieldLog;
    return m;
}

std::string DescribeFields(uint16_t m) {
    struct Named {
        uint16_t bit;
        Key name;
    };
    static const Named kNames[] = {
        {kFieldName, Key("import.field_name")},   {kFieldCompany, Key("import.field_company")}, {kFieldRole, Key("import.field_role")},
        {kFieldUrl, Key("import.profile_url")},   {kFieldEmail, Key("import.field_email")},     {kFieldNotes, Key("import.field_notes")},
        {kFieldTags, Key("import.field_tags")},   {kFieldLog, Key("import.connection_date")}};
    std::string out;
    for (const auto& [bit, name] : kNames) {
        if (!(m & bit)) continue;
        if (!out.empty()) out += Tr("list.separator");
        out += Tr(name);
    }
    return out;
}

// What decides "the same person", computed once per record. Contacts with no
// usable URL or e-mail key are matched on name and company.
struct MatchKeys {
    std::string url, email, name;
    explicit MatchKeys(const Contact& c) : url(UrlKey(c.profile_url)), email(EmailKey(c.email)) {
        if (url.empty() && email.empty() && !c.name.empty())
            name = AsciiLower(CollapseSpaces(c.name)) + "|" + AsciiLower(CollapseSpaces(c.company));
    }
};

// Finds a record's match among indexed contacts: by URL, else e-mail, else name.
template <typename Map>
const typename Map::mapped_type* FindMatch(const Map& by_url, const Map& by_email, const Map& by_name, const MatchKeys& k) {
    if (!k.url.empty())
        if (auto it = by_url.find(k.url); it != by_url.end()) return &it->second;
    if (!k.email.empty())
        if (auto it = by_email.find(k.email); it != by_email.end()) return &it->second;
    if (!k.name.empty())
        if (auto it = by_name.find(k.name); it != by_name.end()) return &it->second;
    return nullptr;
}

template <typename Map>
void IndexKeys(Map& by_url, Map& by_email, Map& by_name, const MatchKeys& k, const typename Map::mapped_type& value) {
    if (!k.url.empty()) by_url.emplace(k.url, value);
    if (!k.email.empty()) by_email.emplace(k.email, value);
    if (!k.name.empty()) by_name.emplace(k.name, value);
}

struct Existing {
    Id id = 0;
    uint16_t filled = 0;
};
}  // namespace

struct ImportJob::Impl {
    enum class Phase : uint8_t { Start, Csv, VCard, Done };
    Phase phase = Phase::Start;
    std::string filename, bytes;
    std::string_view text;
    Day today = kNoDay;
    ImportPreview preview;
    ImportFormat format = ImportFormat::Unknown;
    const char* source = "";

    CsvReader csv;
    Columns columns;
    std::vector<std::string> cells;
    LineReader lines;

    std::unordered_map<std::string, Existing> have_url, have_email, have_name;  // the planner's contacts
    std::unordered_map<std::string, int> seen_url, seen_email, seen_name;       // this file's records -> index in preview.items
    std::unordered_map<size_t, uint16_t> matched_filled;  // item index -> the planner contact's filled fields

    void Fail(std::string error) {
        preview.error = std::move(error);
        preview.items.clear();
        preview.items.shrink_to_fit();
        phase = Phase::Done;
    }

    void Start() {
        if (bytes.size() > kMaxImportBytes) {
            return Fail(TrF("import.file_too_big", {{"mb", std::to_string(bytes.size() >> 20)}}));
        }
        std::string_view b = bytes;
        if (b.size() >= 2 && (b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF")) {
            return Fail(Tr("import.line_1_this_file_is"));
        }
        // A spreadsheet, zip or PDF saved under a .csv name. A zero byte elsewhere does
        // not end or refuse the file: it is removed where text enters a contact (counted).
        for (std::string_view magic : {std::string_view("PK\x03\x04", 4), std::string_view("\xD0\xCF\x11\xE0", 4),
                                       std::string_view("%PDF")}) {
            if (b.substr(0, magic.size()) == magic)
                return Fail(Tr("import.line_1_holds_binary_data"));
        }
        if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
        // A file resaved by a spreadsheet may be Windows-1252, not UTF-8.
        if (!IsValidUtf8(bytes)) bytes = Cp1252ToUtf8(bytes);
        text = bytes;
        // One record per line at most; reserving spares a 30,000-row file a dozen regrowths.
        size_t lines_in_file = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
        size_t expected = std::min(lines_in_file, text.size() / 32 + 1);
        preview.items.reserve(expected);
        seen_url.reserve(expected);

        if (LooksLikeVCard(text)) {
            format = ImportFormat::VCard;
            preview.format = Tr("import.vcard");
            source = "vcard";
            lines = LineReader{text};
            phase = Phase::VCard;
            return;
        }
        HeaderFound h = FindCsvHeader(text, filename);
        if (h.format == ImportFormat::Unknown) return Fail(h.error);
        format = h.format;
        preview.format = format == ImportFormat::LinkedIn ? Tr("import.linkedin_connections") : Tr("import.google_contacts");
        source = format == ImportFormat::LinkedIn ? "linkedin" : "google";
        columns = h.columns;
        csv = CsvReader{text, h.delim, h.body_pos, h.body_line};
        phase = Phase::Csv;
    }

    std::string_view Cell(int column, size_t count) const {
        if (column < 0 || static_cast<size_t>(column) >= count) return {};
        return Unguard(TrimView(cells[static_cast<size_t>(column)]));
    }

    void CsvRecord(size_t count, int line) {
        bool blank = true;
        for (size_t i = 0; i < count && blank; ++i) blank = TrimView(cells[i]).empty();
        if (blank) return;
        Contact c;
        std::string name;
        for (int col : {columns.first, columns.middle, columns.last}) {
            std::string_view part = Cell(col, count);
            if (part.empty()) continue;
            if (!name.empty()) name += ' ';
            name.append(part);
        }
        if (TrimView(name).empty()) name = std::string(Cell(columns.full_name, count));
        if (TrimView(name).empty()) name = std::string(Cell(columns.nickname, count));
        c.name = OneLine(name);
        std::string_view url_cell = Cell(columns.url, count);
        if (url_cell.empty()) url_cell = Cell(columns.website, count);
        if (url_cell.find(":::") == std::string_view::npos) c.profile_url = OneLine(url_cell);
        else c.profile_url = PickUrl(SplitMulti(url_cell));
        c.email = FirstOfMulti(Cell(columns.email, count));
        c.company = OneLine(Cell(columns.company, count));
        c.role = OneLine(Cell(columns.role, count));
        c.notes = MultiLine(Cell(columns.notes, count));
        c.tags = LabelsToTags(Cell(columns.labels, count));
        std::string note;
        if (std::string_view when = Cell(columns.connected, count); !when.empty()) {
            Day day = kNoDay;
            if (ParseConnectedOn(when, day)) {
                c.connected = day;  // a fact, not a touch: it starts no follow-up clock
            } else {
                note = Tr("import.the_date") + Preview40(when) + Tr("import.was_not_understood_so_no");
            }
        }
        AddRecord(std::move(c), line, std::move(note));
    }

    // Reads one card starting at the current line; false when the file is refused.
    bool VCardCard() {
        int line = 0;
        std::string l = lines.NextLogical(line);
        if (TrimView(l).empty()) return true;
        if (!EqualsNoCase(TrimView(l), "BEGIN:VCARD")) {
            Fail(TrF("import.vcard_no_begin", {{"line", std::to_string(line)}, {"text", Preview40(l)}}));
            return false;
        }
        const int begin_line = line;
        Contact c;
        std::string family_given;
        std::vector<std::string> urls;
        std::unordered_set<std::string> tag_seen;  // this card's tags (a set: 200,000 categories are not quadratic)
        std::string social;
        for (;;) {
            if (lines.AtEnd()) {
                Fail(TrF("import.vcard_never_ends", {{"line", std::to_string(begin_line)}}));
                return false;
            }
            std::string prop = lines.NextLogical(line);
            // NAME;PARAMS:VALUE, where a quoted parameter value may hold ':'.
            size_t colon = std::string::npos;
            bool quoted = false;
            for (size_t i = 0; i < prop.size(); ++i) {
                if (prop[i] == '"') quoted = !quoted;
                else if (prop[i] == ':' && !quoted) {
                    colon = i;
                    break;
                }
            }
            if (colon == std::string::npos) continue;  // not a property: read past it
            std::string_view head(prop.data(), colon);
            std::string value = prop.substr(colon + 1);
            size_t semi = head.find(';');
            std::string_view name = head.substr(0, semi);
            if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);  // "item1.EMAIL"
            std::string params = semi == std::string_view::npos ? std::string() : AsciiLower(head.substr(semi));
            if (EqualsNoCase(name, "END") && EqualsNoCase(TrimView(value), "VCARD")) break;
            if (EqualsNoCase(name, "BEGIN") && EqualsNoCase(TrimView(value), "VCARD")) {
                Fail(TrF("import.vcard_nested", {{"line", std::to_string(line)}, {"begin", std::to_string(begin_line)}}));
                return false;
            }
            if (params.find("quoted-printable") != std::string::npos) {
                // vCard 2.1: a soft line break is a trailing '='.
                while (!value.empty() && value.back() == '=' && !lines.AtEnd()) {
                    value.pop_back();
                    value.append(lines.NextPhysical());
                }
                value = DecodeQuotedPrintable(value);
            }
            if (EqualsNoCase(name, "FN")) {
                c.name = OneLine(UnescapeVCard(value));
            } else if (EqualsNoCase(name, "N")) {
                std::vector<std::string_view> p = SplitUnescaped(value, ';');
                std::string n;
                for (size_t k : {size_t{1}, size_t{2}, size_t{0}}) {  // given, additional, family
                    if (k >= p.size()) continue;
                    std::string part = OneLine(UnescapeVCard(p[k]));
                    if (part.empty()) continue;
                    if (!n.empty()) n += ' ';
                    n += part;
                }
                family_given = n;
            } else if (EqualsNoCase(name, "ORG")) {
                if (c.company.empty()) c.company = OneLine(UnescapeVCard(SplitUnescaped(value, ';').front()));
            } else if (EqualsNoCase(name, "TITLE")) {
                if (c.role.empty()) c.role = OneLine(UnescapeVCard(value));
            } else if (EqualsNoCase(name, "EMAIL")) {
                std::string e = OneLine(UnescapeVCard(value));
                if (e.size() > 7 && EqualsNoCase(std::string_view(e).substr(0, 7), "mailto:")) e.erase(0, 7);
                if (c.email.empty()) c.email = e;
            } else if (EqualsNoCase(name, "URL")) {
                urls.push_back(OneLine(UnescapeVCard(value)));
            } else if (EqualsNoCase(name, "X-SOCIALPROFILE")) {
                if (social.empty()) social = OneLine(UnescapeVCard(value));
            } else if (EqualsNoCase(name, "NOTE")) {
                if (c.notes.empty()) c.notes = MultiLine(UnescapeVCard(value));
            } else if (EqualsNoCase(name, "CATEGORIES")) {
                for (std::string_view t : SplitUnescaped(value, ',')) {
                    std::string tag = OneLine(UnescapeVCard(t));
                    if (!tag.empty() && tag_seen.insert(tag).second) c.tags.push_back(std::move(tag));
                }
            }
        }
        if (c.name.empty()) c.name = family_given;
        if (!social.empty()) urls.push_back(social);
        c.profile_url = PickUrl(urls);
        AddRecord(std::move(c), begin_line, "");
        return true;
    }

    // Text enters the model here: strays removed, every field within the limits the
    // learner's own fields have (a 30 MB company would make every frame slow).
    void CleanFields(Contact& c) {
        auto clean = [&](std::string& field, bool lines, size_t limit) {
            preview.removed_chars += static_cast<int>(RemoveStrayControls(field, lines));
            if (CutToChars(field, limit)) ++preview.cut_fields;
        };
        for (std::string* f : {&c.name, &c.company, &c.role, &c.industry, &c.location, &c.profile_url, &c.email})
            clean(*f, false, kMaxImportShortField);
        clean(c.notes, true, kMaxImportNotes);
        if (c.tags.size() > kMaxImportTags) {
            preview.dropped_tags += static_cast<int>(c.tags.size() - kMaxImportTags);
            c.tags.resize(kMaxImportTags);
        }
        for (std::string& t : c.tags) clean(t, false, kMaxImportShortField);
    }

    void AddRecord(Contact c, int line, std::string note) {
        CleanFields(c);
        ImportItem item;
        item.line = line;
        item.reason = std::move(note);
        if (c.name.empty() && c.profile_url.empty() && c.email.empty()) {
            item.outcome = ImportItem::Skip;
            item.reason = Tr("import.no_name_e_mail_or");
            item.contact = std::move(c);
            preview.items.push_back(std::move(item));
            return;
        }
        if (c.name.empty()) {
            c.name = !c.email.empty() ? c.email : c.profile_url;
            if (item.reason.empty())
                item.reason = TrF("import.no_name_named_after", {{"field", Tr(!c.email.empty() ? Key("import.field_email") : Key("import.field_url"))}});
        }
        c.source = source;
        c.added = today;
        // Imported is not contacted: no tier, so no cadence and nothing due until the learner sorts them.
        c.tier = Tier::None;

        const MatchKeys keys(c);
        if (const int* first = FindMatch(seen_url, seen_email, seen_name, keys)) {
            MergeInto(static_cast<size_t>(*first), c, item);
            // Its own keys (a second e-mail, say) now find the kept record too.
            IndexKeys(seen_url, seen_email, seen_name, keys, *first);
            item.contact = std::move(c);
            preview.items.push_back(std::move(item));
            return;
        }
        if (const Existing* have = FindMatch(have_url, have_email, have_name, keys)) {
            item.existing = have->id;
            matched_filled[preview.items.size()] = have->filled;
            uint16_t adds = static_cast<uint16_t>(FilledFields(c) & ~have->filled);
            if (adds) {
                item.outcome = ImportItem::Update;
                item.reason = TrF("import.in_planner_adds", {{"fields", DescribeFields(adds)}});
            } else {
                item.outcome = ImportItem::Skip;
                item.reason = Tr("import.already_in_your_planner");
            }
        }
        IndexKeys(seen_url, seen_email, seen_name, keys, static_cast<int>(preview.items.size()));
        item.contact = std::move(c);
        preview.items.push_back(std::move(item));
    }

    // A later row for the person the row at `kept` holds: the fields that row
    // lacks are taken from this one (nothing is overwritten), and both lines say so.
    void MergeInto(size_t kept, const Contact& dup, ImportItem& item) {
        ImportItem& k = preview.items[kept];
        Contact& c = k.contact;
        const uint16_t before = FilledFields(c);
        auto fill = [](std::string& field, const std::string& value) {
            if (field.empty() && !value.empty()) field = value;
        };
        fill(c.company, dup.company);
        fill(c.role, dup.role);
        fill(c.profile_url, dup.profile_url);
        fill(c.email, dup.email);
        fill(c.notes, dup.notes);
        for (const std::string& t : dup.tags)
            if (std::find(c.tags.begin(), c.tags.end(), t) == c.tags.end()) c.tags.push_back(t);
        if (c.connected == kNoDay) c.connected = dup.connected;
        const uint16_t gained = static_cast<uint16_t>(FilledFields(c) & ~before);
        const std::string at = TrF("import.line_n", {{"n", std::to_string(k.line)}});
        if (!gained && dup.tags.empty()) {
            item.outcome = ImportItem::Skip;
            item.reason = TrF("import.same_person_nothing_new", {{"at", at}});
            return;
        }
        item.outcome = ImportItem::Merged;
        const std::string what = gained ? DescribeFields(gained) : std::string(Tr("import.field_tags"));
        item.reason = TrF("import.same_person_merged", {{"at", at}, {"fields", what}});
        k.reason += std::string(k.reason.empty() ? "" : "; ") + TrF("import.fields_from_line", {{"fields", what}, {"line", std::to_string(item.line)}});
        // A kept row that matched the planner may now add something after all.
        if (auto m = matched_filled.find(kept); m != matched_filled.end() && k.outcome != ImportItem::New) {
            const uint16_t adds = static_cast<uint16_t>(FilledFields(c) & ~m->second);
            if (adds) {
                k.outcome = ImportItem::Update;
                k.reason = TrF("import.in_planner_adds_with_line", {{"fields", DescribeFields(adds)}, {"line", std::to_string(item.line)}});
            }
        }
    }

    void Finish() {
        phase = Phase::Done;
        for (const ImportItem& i : preview.items) {
            if (i.outcome == ImportItem::New) ++preview.new_count;
            else if (i.outcome == ImportItem::Update) ++preview.update_count;
            else if (i.outcome == ImportItem::Merged) ++preview.merged_count;
            else ++preview.skip_count;
        }
        bytes.clear();
        bytes.shrink_to_fit();
        text = {};
    }
};

ImportJob::ImportJob(const Planner& planner, std::string filename, std::string bytes, Day today)
    : impl_(std::make_unique<Impl>()) {
    impl_->filename = std::move(filename);
    impl_->bytes = std::move(bytes);
    impl_->today = today;
    impl_->have_url.reserve(planner.contacts.size());
    impl_->have_email.reserve(planner.contacts.size());
    for (const Contact& c : planner.contacts)
        IndexKeys(impl_->have_url, impl_->have_email, impl_->have_name, MatchKeys(c), Existing{c.id, FilledFields(c)});
}

ImportJob::~ImportJob() = default;
ImportJob::ImportJob(ImportJob&&) noexcept = default;
ImportJob& ImportJob::operator=(ImportJob&&) noexcept = default;

bool ImportJob::Step(size_t max_rows) {
    Impl& m = *impl_;
    if (m.phase == Impl::Phase::Start) {
        m.Start();
        return m.phase == Impl::Phase::Done;
    }
    for (size_t n = 0; n < std::max<size_t>(max_rows, 1) && m.phase != Impl::Phase::Done; ++n) {
        if (m.phase == Impl::Phase::Csv) {
            size_t count = 0;
            int line = 0;
            CsvReader::Result r = m.csv.Next(m.cells, count, line);
            if (r == CsvReader::Result::End) m.Finish();
            else if (r == CsvReader::Result::Unterminated) m.Fail(UnterminatedMessage(m.csv.error_line));
            else m.CsvRecord(count, line);
        } else {
            if (m.lines.AtEnd()) m.Finish();
            else m.VCardCard();
        }
    }
    return m.phase == Impl::Phase::Done;
}

bool ImportJob::Done() const { return impl_->phase == Impl::Phase::Done; }

float ImportJob::Progress() const {
    const Impl& m = *impl_;
    if (m.phase == Impl::Phase::Done) return 1.0f;
    if (m.phase == Impl::Phase::Start || m.text.empty()) return 0.0f;
    size_t pos = m.phase == Impl::Phase::Csv ? m.csv.pos : m.lines.pos;
    return static_cast<float>(static_cast<double>(pos) / static_cast<double>(m.text.size()));
}

const ImportPreview& ImportJob::Preview() const { return impl_->preview; }

ImportPreview ImportJob::TakePreview() {
    ImportPreview out = std::move(impl_->preview);
    impl_->preview = ImportPreview{};
    return out;
}

ImportPreview PreviewImport(const Planner& planner, std::string filename, std::string bytes, Day today) {
    ImportJob job(planner, std::move(filename), std::move(bytes), today);
    while (!job.Step(4096)) {
    }
    return job.TakePreview();
}

// --- Commit -----------------------------------------------------------------------
int CommitImport(Planner& planner, const ImportPreview& preview, Rev rev) {
    if (!preview.ok()) return 0;
    std::unordered_map<std::string, size_t> by_url, by_email, by_name;  // -> index in planner.contacts
    Id max_id = 0;
    for (size_t i = 0; i < planner.contacts.size(); ++i) {
        IndexKeys(by_url, by_email, by_name, MatchKeys(planner.contacts[i]), i);
        max_id = std::max(max_id, planner.contacts[i].id);
    }
    if (planner.next_id <= max_id) planner.next_id = max_id + 1;
    int changed = 0;
    bool appended = false;
    for (const ImportItem& item : preview.items) {
        // A merged row's fields are already in the row it merged into.
        if (item.outcome == ImportItem::Skip || item.outcome == ImportItem::Merged) continue;
        const Contact& in = item.contact;
        const MatchKeys keys(in);
        if (const size_t* at = FindMatch(by_url, by_email, by_name, keys)) {
            Contact& c = planner.contacts[*at];
            bool any = false;
            auto fill = [&any](std::string& field, const std::string& value) {
                if (field.empty() && !value.empty()) {
                    field = value;
                    any = true;
                }
            };
            fill(c.name, in.name);
            fill(c.company, in.company);
            fill(c.role, in.role);
            fill(c.profile_url, in.profile_url);
            fill(c.email, in.email);
            fill(c.notes, in.notes);
            if (c.tags.empty() && !in.tags.empty()) c.tags = in.tags, any = true;
            if (c.connected == kNoDay && in.connected != kNoDay) c.connected = in.connected, any = true;
            if (any) {
                c.rev = rev;
                ++changed;
            }
            continue;
        }
        Contact c = in;
        c.id = planner.next_id++;
        c.rev = rev;
        // Not indexed: the preview already matched the file's rows with each other,
        // and a field merged in from a later row must not make it match one more.
        planner.contacts.push_back(std::move(c));
        appended = true;
        ++changed;
    }
    if (appended && !std::is_sorted(planner.contacts.begin(), planner.contacts.end(),
                                    [](const Contact& a, const Contact& b) { return a.id < b.id; }))
        std::stable_sort(planner.contacts.begin(), planner.contacts.end(),
                         [](const Contact& a, const Contact& b) { return a.id < b.id; });
    return changed;
}

}  // namespace wb::planner
