// Hostile stored records, backups and imports (issue #23): counts, lengths and
// ids read from outside are checked before anything is reserved; what does not
// fit is a located problem, never an abort, a wrap or a silent truncation.
#include <doctest/doctest.h>

#include <string>

#include "core/interchange.h"
#include "core/planner.h"
#include "core/utf8.h"
#include "core/state.h"

using namespace wb::planner;

namespace {

bool Has(const std::vector<std::string>& problems, const std::string& part) {
    for (const std::string& p : problems)
        if (p.find(part) != std::string::npos) return true;
    return false;
}

// A stored meta record for a planner whose next_id is `next_id` (as JSON text).
std::string MetaWithNextId(const std::string& next_id) {
    Planner p;
    p.next_id = 7;
    std::string meta = EncodeMeta(p);
    const std::string from = "\"next_id\":7";
    const size_t at = meta.find(from);
    REQUIRE(at != std::string::npos);
    return meta.replace(at, from.size(), "\"next_id\":" + next_id);
}

std::string BackupWithChunks(const std::string& chunks) {
    return "{\"format\":\"networking-workbook-backup\",\"version\":1,\"state\":{\"schema\":3},"
           "\"planner\":{\"meta\":" + EncodeMeta(Planner{}) + ",\"chunks\":[" + chunks + "]}}";
}

}  // namespace

TEST_CASE("hostile: 25,000 empty chunk records load without reserving for 12.5 million contacts") {
    std::vector<std::pair<uint32_t, std::string>> chunks;
    for (uint32_t i = 0; i < 25000; ++i) chunks.emplace_back(i, "{\"chunk\":" + std::to_string(i) + "}");
    PlannerLoad l = DecodePlanner(EncodeMeta(Planner{}), chunks);
    CHECK(l.planner.contacts.empty());
    // Before: contacts.reserve(chunks x 500) = 12.5 M records, which aborts the wasm module.
    CHECK(l.planner.contacts.capacity() < 20000);
    CHECK(Has(l.problems, "Contact chunk 0: has no usable schema version"));
    CHECK(l.quarantine);
}

TEST_CASE("hostile: a backup with 25,000 {\"chunk\":N} entries is read, and its planner refused by name, not by an abort") {
    std::string list;
    for (int i = 0; i < 25000; ++i) list += (i ? "," : "") + std::string("{\"chunk\":") + std::to_string(i) + "}";
    wb::BackupRead r = wb::DecodeBackup(BackupWithChunks(list));
    REQUIRE(r.ok);
    REQUIRE(r.planner.chunks.size() == 25000);
    PlannerLoad l = DecodePlanner(r.planner.meta, r.planner.chunks);
    CHECK(l.planner.contacts.capacity() < 20000);
    CHECK_FALSE(l.problems.empty());  // what Restore shows before refusing
}

TEST_CASE("hostile: backup chunk numbers past what an id can reach, or repeated, are refused with the chunk named") {
    wb::BackupRead wrap = wb::DecodeBackup(BackupWithChunks("{\"chunk\":0},{\"chunk\":4294967297}"));
    CHECK_FALSE(wrap.ok);  // before: read as chunk 1 (a uint32 cast)
    CHECK(wrap.error.find("chunk 2 has the number 4294967297, past the last chunk an id can fall in") != std::string::npos);
    wb::BackupRead twice = wb::DecodeBackup(BackupWithChunks("{\"chunk\":3},{\"chunk\":3}"));
    CHECK_FALSE(twice.ok);
    CHECK(twice.error.find("chunk 2 repeats the number 3") != std::string::npos);
}

TEST_CASE("hostile: next_id at or near 4294967295 is damage: recomputed from the ids in use, named") {
    Planner with_one;
    Contact c;
    c.name = "Ana";
    const Id ana = AddContact(with_one, c, wb::Rev{1, "t"});
    for (const char* next : {"4294967295", "4294967294", "2147483649"}) {
        CAPTURE(next);
        PlannerLoad l = DecodePlanner(MetaWithNextId(next), {{ChunkOf(ana), EncodeChunk(with_one, ChunkOf(ana))}});
        CHECK(l.planner.next_id == ana + 1);
        CHECK(Has(l.problems, std::string("next_id ") + next + " is past the last id a record may have"));
        // Every record added afterwards gets an id of its own that reads back.
        const Id a = AddContact(l.planner, c, wb::Rev{2, "t"});
        const Id b = AddContact(l.planner, c, wb::Rev{2, "t"});
        CHECK(a != b);
        CHECK(b <= kMaxId);
    }
    // The largest a planner can reach by adding records is still read as it is.
    PlannerLoad edge = DecodePlanner(MetaWithNextId(std::to_string(kMaxId + 1u)), {});
    CHECK(edge.planner.next_id == kMaxId + 1u);
    CHECK_FALSE(Has(edge.problems, "next_id"));
}

TEST_CASE("hostile: a stored contact id past the id range is left out by name, so next_id cannot wrap to 0") {
    Planner p;
    Contact c;
    c.name = "Far";
    c.id = 4294967290u;
    p.contacts.push_back(c);
    p.next_id = 4294967291u;
    const uint32_t key = ChunkOf(c.id);
    PlannerLoad l = DecodePlanner(MetaWithNextId("1"), {{key, EncodeChunk(p, key)}});
    CHECK(l.planner.contacts.empty());
    CHECK(Has(l.problems, "has no valid id"));
    CHECK(l.planner.next_id >= 1);
    CHECK(l.planner.next_id <= kMaxId + 1u);
}

TEST_CASE("hostile: backup \"version\": 4294967297 is refused, not read as version 1") {
    wb::BackupRead r = wb::DecodeBackup("{\"format\":\"networking-workbook-backup\",\"version\":4294967297,\"state\":{\"schema\":3}}");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("newer version") != std::string::npos);
    CHECK(wb::DecodeBackup("{\"format\":\"networking-workbook-backup\",\"version\":1,\"state\":{\"schema\":3}}").ok);
}

TEST_CASE("hostile: settings.rev.at of 2^64-1 is refused by name, not read as -1") {
    wb::StateLoad l = wb::DecodeState("{\"schema\":3,\"settings\":{\"theme\":\"dark\",\"rev\":{\"at\":18446744073709551615,\"by\":\"t\"}}}");
    CHECK(l.state.settings_rev.at == 0);
    CHECK(Has(l.problems, "settings.rev.at 18446744073709551615 is not a time this workbook could have written"));
    wb::StateLoad fine = wb::DecodeState("{\"schema\":3,\"settings\":{\"rev\":{\"at\":1700000000000,\"by\":\"t\"}}}");
    CHECK(fine.state.settings_rev.at == 1700000000000);
    CHECK(fine.problems.empty());
}

TEST_CASE("hostile: a planner revision time of 2^64-1 is damage, not -1") {
    Planner p;
    p.next_id = 7;
    std::string meta = EncodeMeta(p);
    // A tombstone whose time does not fit int64.
    const size_t at = meta.find("\"deleted\":[]");
    REQUIRE(at != std::string::npos);
    meta.replace(at, 12, "\"deleted\":[[3,18446744073709551615,\"t\"]]");
    PlannerLoad l = DecodePlanner(meta, {});
    CHECK(l.planner.deleted.empty());
    CHECK(Has(l.problems, "1 deletion records are damaged"));
}

TEST_CASE("hostile: a zero byte in an import file ends nothing: every row after it is read, the byte removed and counted") {
    std::string csv = "First Name,Last Name,Email Address,Company\n"
                      "Ada,Lovelace,ada@example.com,Analytical\n";
    csv += std::string("Grace,Hop\0per,grace@example.com,Navy\n", 37);
    csv += "Alan,Turing,alan@example.com,NPL\nKatherine,Johnson,kj@example.com,NASA\n";
    ImportPreview p = PreviewImport(Planner{}, "Connections.csv", csv, DayFromYmd(2026, 11, 26));
    REQUIRE(p.ok());
    CHECK(p.new_count == 4);  // before: refused as binary (and cut at the NUL by the page)
    REQUIRE(p.items.size() == 4);
    CHECK(p.items[1].contact.name == "Grace Hopper");
    CHECK(p.items[3].contact.company == "NASA");
    CHECK(p.removed_chars == 1);
    CHECK(DescribeImportChanges(p).find("1 control character") != std::string::npos);
}

TEST_CASE("hostile: control characters and U+FFFE/U+FFFF leave imported names and notes; tab and newline stay in notes") {
    std::string vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\x01\x1e\x1fl\xEF\xBF\xBEyn\xEF\xBF\xBF\r\n"
                      "NOTE:line one\\nline\ttwo\x07\x02 end\r\nEND:VCARD\r\n";
    ImportPreview p = PreviewImport(Planner{}, "x.vcf", vcf, DayFromYmd(2026, 11, 26));
    REQUIRE(p.ok());
    REQUIRE(p.items.size() == 1);
    CHECK(p.items[0].contact.name == "Evelyn");
    CHECK(p.items[0].contact.notes == "line one\nline\ttwo end");
    CHECK(p.removed_chars == 7);
    // The preview says so; a clean file says nothing.
    CHECK(DescribeImportChanges(p) ==
          "Changed on the way in: 7 control characters (invisible bytes such as a zero byte, which have no place in a name or "
          "note) were removed.");
    ImportPreview clean = PreviewImport(Planner{}, "x.vcf", "BEGIN:VCARD\r\nFN:Eve\r\nEND:VCARD\r\n", DayFromYmd(2026, 11, 26));
    CHECK(DescribeImportChanges(clean).empty());
}

TEST_CASE("hostile: a spreadsheet or zip saved as .csv is still refused as binary") {
    std::string zip("PK\x03\x04\x14\x00\x06\x00\nFirst Name,Last Name\nA,B\n", 31);
    ImportPreview p = PreviewImport(Planner{}, "Connections.csv", zip, DayFromYmd(2026, 11, 26));
    CHECK_FALSE(p.ok());
    CHECK(p.error.find("not a text file") != std::string::npos);
}

TEST_CASE("hostile: imported fields over the field limits are cut (counted), tags past 100 left out") {
    std::string company(3000, 'c');
    std::string notes;
    for (int i = 0; i < 60000; ++i) notes += "\xC3\xA9";  // 120,000 bytes, 60,000 characters: kept whole
    std::string csv = "First Name,Last Name,Company,Notes,Labels\nAda,L," + company + "," + notes + ",";
    for (int i = 0; i < 150; ++i) csv += (i ? " ::: t" : "t") + std::to_string(i);
    csv += "\n";
    ImportPreview p = PreviewImport(Planner{}, "contacts.csv", csv, DayFromYmd(2026, 11, 26));
    REQUIRE(p.ok());
    REQUIRE(p.items.size() == 1);
    const Contact& c = p.items[0].contact;
    CHECK(c.company.size() == kMaxImportShortField);
    CHECK(c.notes == notes);
    CHECK(c.tags.size() == kMaxImportTags);
    CHECK(c.tags.back() == "t99");
    CHECK(p.cut_fields == 1);
    CHECK(p.dropped_tags == 50);
    CHECK(DescribeImportChanges(p).find("1 field was cut to 2,000 characters") != std::string::npos);
}

TEST_CASE("hostile: CutToChars never splits a character; RemoveStrayControls keeps what belongs") {
    std::string s = "\xC3\xA9\xC3\xA9\xC3\xA9";  // three characters, six bytes
    CHECK(wb::CutToChars(s, 2));
    CHECK(s == "\xC3\xA9\xC3\xA9");
    CHECK_FALSE(wb::CutToChars(s, 2));
    std::string t = "a\tb\nc\x7f\xEF\xBF\xBD";  // DEL and U+FFFD are not C0 and stay
    CHECK(wb::RemoveStrayControls(t, true) == 0);
    CHECK(wb::RemoveStrayControls(t, false) == 2);
    CHECK(t == "abc\x7f\xEF\xBF\xBD");
}

TEST_CASE("hostile: a restored backup's text loses its control characters (answers and planner records)") {
    wb::BackupRead r = wb::DecodeBackup(
        "{\"format\":\"networking-workbook-backup\",\"version\":1,\"state\":{\"schema\":3,"
        "\"reflections\":{\"s.r1\":{\"text\":\"one\\u0000two\\u001ethree\\nfour\\tfive\"}}}}");
    REQUIRE(r.ok);
    CHECK(r.state.reflections.at("s.r1") == "onetwothree\nfour\tfive");

    Planner p;
    Contact c;
    c.name = "Mal\x1elory\x1f<a>";
    c.notes = "keep\nthis\tand\x1e drop that";
    c.tags = {"x\x01y"};
    AddContact(p, c, wb::Rev{1, "t"});
    Organization o;
    o.name = "Org\xEF\xBF\xBF";
    AddOrganization(p, o, wb::Rev{1, "t"});
    CHECK(RemoveStrayText(p) == 5);
    CHECK(p.contacts[0].name == "Mallory<a>");
    CHECK(p.contacts[0].notes == "keep\nthis\tand drop that");
    CHECK(p.contacts[0].tags[0] == "xy");
    CHECK(p.organizations[0].name == "Org");
    CHECK(RemoveStrayText(p) == 0);
}

TEST_CASE("restore: the workbook's own backup of 30,000 contacts with 1 KB of notes each (over 32 MiB) is read whole") {
    Planner p;
    const std::string notes(1024, 'n');
    for (Id id = 1; id <= 30000; ++id) {
        Contact c;
        c.id = id;
        c.name = "Contact " + std::to_string(id);
        c.company = "Company " + std::to_string(id % 977);
        c.role = "Senior Field Engineer";
        c.email = "contact" + std::to_string(id) + "@mail.example";
        c.profile_url = "https://www.linkedin.com/in/contact-" + std::to_string(id);
        c.notes = notes;
        p.contacts.push_back(std::move(c));
    }
    p.next_id = 30001;
    wb::StoredPlanner sp;
    sp.meta = EncodeMeta(p);
    for (uint32_t c : ChunksOf(p)) sp.chunks.emplace_back(c, EncodeChunk(p, c));
    const std::string file = wb::EncodeBackup(wb::LearnerState{}, 1700000000000, &sp);
    MESSAGE("backup of 30,000 contacts with 1 KB notes: " << file.size() / (1024.0 * 1024.0) << " MiB");
    CHECK(file.size() > wb::kMaxJsonBytes);  // before: refused by the 32 MB limit
    wb::BackupRead r = wb::DecodeBackup(file);
    REQUIRE_MESSAGE(r.ok, r.error);
    REQUIRE(r.planner.chunks.size() == sp.chunks.size());
    PlannerLoad l = DecodePlanner(r.planner.meta, r.planner.chunks);
    CHECK(l.problems.empty());
    CHECK(l.planner.contacts.size() == 30000);
    CHECK(l.planner.contacts.back().notes == notes);
}

TEST_CASE("restore: the chunks are found the way the parser reads the file: escaped keys, repeats, strings with brackets") {
    const std::string meta = EncodeMeta(Planner{});
    // An escaped "chunks" key, and a string holding "]" and "\"" inside a chunk.
    wb::BackupRead esc = wb::DecodeBackup(
        "{\"format\":\"networking-workbook-backup\",\"version\":1,\"state\":{\"schema\":3},"
        "\"planner\":{\"meta\":" + meta + ",\"\\u0063hunks\":[{\"chunk\":4,\"x\":\"] \\\" [\"} , {\"chunk\":5}]}}");
    REQUIRE_MESSAGE(esc.ok, esc.error);
    REQUIRE(esc.planner.chunks.size() == 2);
    CHECK(esc.planner.chunks[0].first == 4);
    CHECK(esc.planner.chunks[1].first == 5);
    // A repeated "planner": the last one counts, as when the whole file is parsed.
    wb::BackupRead twice = wb::DecodeBackup(
        "{\"format\":\"networking-workbook-backup\",\"version\":1,\"state\":{\"schema\":3},"
        "\"planner\":{\"meta\":" + meta + ",\"chunks\":[{\"chunk\":1}]},"
        "\"planner\":{\"meta\":" + meta + ",\"chunks\":[{\"chunk\":2},{\"chunk\":3}]}}");
    REQUIRE_MESSAGE(twice.ok, twice.error);
    REQUIRE(twice.planner.chunks.size() == 2);
    CHECK(twice.planner.chunks[0].first == 2);
    // Invalid JSON anywhere (here inside a chunk) is still refused with its place.
    wb::BackupRead bad = wb::DecodeBackup(BackupWithChunks("{\"chunk\":1,}"));
    CHECK_FALSE(bad.ok);
    CHECK(bad.error.find("line 1") != std::string::npos);
}

TEST_CASE("restore: a restored contact's 30 MB company is cut to the field limit (it made every frame take 271 ms)") {
    Planner p;
    Contact c;
    c.name = "Huge Company";
    c.company = std::string(30u << 20, 'c');
    c.notes = std::string(200000, 'n');
    AddContact(p, c, wb::Rev{1, "t"});
    RemoveStrayText(p);
    CHECK(p.contacts[0].company.size() == kMaxImportShortField);
    CHECK(p.contacts[0].notes.size() == kMaxImportNotes);
    CHECK(p.contacts[0].name == "Huge Company");
}

TEST_CASE("hostile: a stored contact's 30 MB company is cut when the planner loads, and named") {
    Planner p;
    Contact c;
    c.name = "Stored Huge";
    c.company = std::string(30u << 20, 'c');
    AddContact(p, c, wb::Rev{1, "t"});
    PlannerLoad l = DecodePlanner(EncodeMeta(p), {{0u, EncodeChunk(p, 0)}});
    REQUIRE(l.planner.contacts.size() == 1);
    CHECK(l.planner.contacts[0].company.size() == kMaxImportShortField);
    CHECK(Has(l.problems, "1 field was longer than the planner keeps"));
    CHECK(l.quarantine);  // the records as stored are kept aside before the cut ones are written
}
