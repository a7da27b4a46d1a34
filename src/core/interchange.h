// The planner's files in and out: contacts imported from LinkedIn's
// Connections.csv, a Google Contacts CSV or vCards (always as a preview the
// learner confirms), and the planner exported as a calendar (.ics), an address
// book (.vcf) and a spreadsheet (.csv). No UI and no browser here: bytes in,
// bytes out.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/planner.h"

namespace wb::planner {

// Files over this are refused before anything is read (the wasm heap is small).
constexpr size_t kMaxImportBytes = 32u << 20;
// Per imported contact, the limits the learner's own text fields have (ui/widgets.h):
// a longer field is cut to this many characters and counted in the preview.
constexpr size_t kMaxImportShortField = 2000;   // name, company, role, e-mail, URL, each tag
constexpr size_t kMaxImportNotes = 100000;      // notes
constexpr size_t kMaxImportTags = 100;          // tags on one contact; the rest are left out

// --- Import --------------------------------------------------------------------
struct ImportItem {
    // Merged: a later row for the same person as an earlier one, whose fields the
    // earlier row lacked were merged into it (reason says which, and from where).
    enum Outcome : uint8_t { New, Update, Skip, Merged };
    Outcome outcome = New;
    Contact contact;       // what the file says (id 0; added/source/log filled in)
    Id existing = 0;       // Update/Skip: the planner's contact it matched
    int line = 0;          // where the record starts in the file (1-based)
    std::string reason;    // Skip: why; Update: what will be filled in; New: a note, usually ""
};

struct ImportPreview {
    std::string format;    // "LinkedIn connections", "Google Contacts", "vCard"; "" if not recognised
    std::vector<ImportItem> items;
    int new_count = 0, update_count = 0, skip_count = 0, merged_count = 0;
    // What was changed on the way in (shown with the preview): control characters
    // and U+FFFE/U+FFFF removed, fields cut to kMaxImportShortField/kMaxImportNotes
    // characters, tags past kMaxImportTags left out.
    int removed_chars = 0, cut_fields = 0, dropped_tags = 0;
    // Set when the whole file is refused (then items is empty): what is wrong,
    // where ("line N"), and what to do.
    std::string error;
    bool ok() const { return error.empty(); }
};

// What the import changed in the file's text, in plain words for the preview
// ("" when nothing was): removed characters, cut fields, left-out tags.
std::string DescribeImportChanges(const ImportPreview& p);
// The preview's counts in one sentence ("LinkedIn connections: 20 new, 0 to update, ..."),
// shown on top of the preview and announced when it is ready.
std::string ImportSummary(const ImportPreview& p);

enum class ImportFormat : uint8_t { Unknown, LinkedIn, Google, VCard };
// From the content; the file name only breaks ties (".vcf", "Connections.csv").
ImportFormat DetectImportFormat(std::string_view filename, std::string_view bytes);

// Builds a preview a few hundred rows at a time, so the UI can draw a progress
// bar across frames for a big file. Keeps no reference to the planner: what it
// needs for matching is copied when it is made.
class ImportJob {
public:
    ImportJob(const Planner& planner, std::string filename, std::string bytes, Day today);
    ~ImportJob();
    ImportJob(ImportJob&&) noexcept;
    ImportJob& operator=(ImportJob&&) noexcept;

    // Reads up to max_rows more records (at least one). Returns true when done.
    bool Step(size_t max_rows);
    bool Done() const;
    float Progress() const;                 // 0..1, by bytes read
    const ImportPreview& Preview() const;   // complete once Done()
    ImportPreview TakePreview();            // moves it out (once Done), leaving an empty one

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The same in one call.
ImportPreview PreviewImport(const Planner& planner, std::string filename, std::string bytes, Day today);

// Applies a preview: New contacts get ids from next_id (contacts stay sorted by
// id); Update fills only fields that are EMPTY in the planner, so a re-import
// never overwrites the learner's notes, tier, stage, tags or history (the
// connection date is filled only when there is none). Imported contacts get
// Tier::None and no touch: nobody becomes due by being imported. Matching is redone
// against the planner as it is now, so a contact added or removed since the
// preview is handled. A preview with an error changes nothing. Returns how
// many contacts were added or changed; each gets `rev`.
int CommitImport(Planner& planner, const ImportPreview& preview, Rev rev);

// --- Export --------------------------------------------------------------------
// RFC 5545 calendar: every contact's next follow-up and every dated event, as
// all-day VEVENTs (calendar apps ignore VTODO).
//  - UIDs are stable: followup-<contact id>@networking-workbook, event-<id>@networking-workbook,
//    so importing a newer file updates the calendar instead of duplicating.
//  - SEQUENCE is the record's Rev time in seconds since 2020-01-01 UTC: a record
//    changed later always gets a higher sequence (and calendars take the update).
//    A follow-up that is overdue is put on `today`; its sequence is then at
//    least the start of today, so it too rises as the date moves.
//  - DTSTAMP is now_ms in UTC.
// Follow-ups carry a VALARM (ACTION:DISPLAY) at 09:00 on the day.
std::string ExportIcs(const Planner& planner, Day today, int64_t now_ms);

// vCard 4.0, one card per contact: FN, N, ORG, TITLE, EMAIL, URL, NOTE, CATEGORIES.
std::string ExportVcf(const Planner& planner);

// A spreadsheet with Google Contacts' column names (so Google Contacts, and this
// importer, read it back) plus the planner's own columns. RFC 4180 quoting, CRLF,
// UTF-8 with a byte order mark (so Excel shows accents).
// Formula injection: a cell starting with = + - @, a tab or a CR gets a leading
// ' so a spreadsheet shows it as text instead of running it; the importer
// removes that ' again (a ' followed by one of those characters).
std::string ExportCsv(const Planner& planner);

}  // namespace wb::planner
