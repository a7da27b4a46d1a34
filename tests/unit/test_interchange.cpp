// The planner's importers and exporters: LinkedIn / Google CSV and vCard
// fixtures (tests/fixtures/import/), previews and commits, re-imports that keep
// the learner's work, bad files refused with the line named, round trips
// through the exporters, and RFC 5545 folding and escaping.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "core/interchange.h"
#include "core/interchange_internal.h"

#ifndef WB_SOURCE_DIR
#error "WB_SOURCE_DIR (the repository root, as a string literal) must be defined by the build"
#endif

using namespace wb::planner;
namespace ix = wb::planner::interchange_internal;

namespace {

std::string ReadFixture(const std::string& relative) {
    std::ifstream f(std::string(WB_SOURCE_DIR) + "/tests/fixtures/import/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "missing fixture tests/fixtures/import/" << relative);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

const Day kToday = DayFromYmd(2026, 11, 26);

const ImportItem& ItemAtLine(const ImportPreview& p, int line) {
    for (const ImportItem& i : p.items)
        if (i.line == line) return i;
    FAIL("no item at line " << line);
    return p.items.front();
}

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

wb::Rev RevAt(int64_t ms) { return wb::Rev{ms, "tab-test"}; }

// Every stored field a preview or commit could touch, for "nothing changed" checks.
std::string Fingerprint(const Planner& p) {
    std::string s = std::to_string(p.next_id) + "|";
    for (const Contact& c : p.contacts) {
        s += std::to_string(c.id) + "," + c.name + "," + c.company + "," + c.role + "," + c.email + "," +
             c.profile_url + "," + c.notes + "," + std::to_string(c.log.size()) + "," +
             std::to_string(static_cast<int>(c.tier)) + "," + std::to_string(c.rev.at) + ";";
        for (const std::string& t : c.tags) s += t + "/";
    }
    return s;
}

Contact MakeContact(Id id, std::string name) {
    Contact c;
    c.id = id;
    c.name = std::move(name);
    return c;
}

// Splits on CRLF; fails on a bare LF or CR.
std::vector<std::string> PhysicalLines(const std::string& text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t crlf = text.find("\r\n", pos);
        REQUIRE(crlf != std::string::npos);
        std::string line = text.substr(pos, crlf - pos);
        REQUIRE_MESSAGE(line.find_first_of("\r\n") == std::string::npos, "a bare line break in: " << line);
        lines.push_back(line);
        pos = crlf + 2;
    }
    return lines;
}

std::vector<std::string> Unfold(const std::vector<std::string>& physical) {
    std::vector<std::string> logical;
    for (const std::string& l : physical) {
        if (!l.empty() && l[0] == ' ' && !logical.empty()) logical.back() += l.substr(1);
        else logical.push_back(l);
    }
    return logical;
}

std::string Property(const std::vector<std::string>& logical, const std::string& prefix, int nth = 0) {
    for (const std::string& l : logical)
        if (l.rfind(prefix, 0) == 0 && nth-- == 0) return l.substr(prefix.size());
    return "<none>";
}

}  // namespace

TEST_CASE("civil dates: day numbers match the proleptic Gregorian calendar") {
    CHECK(DayFromYmd(1970, 1, 1) == 0);
    CHECK(DayFromYmd(2000, 2, 29) == 11016);
    CHECK(DayFromYmd(1600, 3, 1) == -135080);
    CHECK(DayFromYmd(9999, 12, 31) == 2932896);
    CHECK(DayFromYmd(1, 1, 1) == -719162);
    for (Day d = -800000; d < 3000000; d += 997) {
        int y, m, dd;
        YmdFromDay(d, y, m, dd);
        REQUIRE(DayFromYmd(y, m, dd) == d);
        REQUIRE(ix::ValidCivil(y, m, dd) == (y >= 1 && y <= 9999));
    }
    CHECK(FormatDay(19794) == "2024-03-12");
    CHECK_FALSE(ix::ValidCivil(2023, 2, 29));
    CHECK(ix::ValidCivil(2024, 2, 29));
}

TEST_CASE("profile URL keys ignore scheme, www, case of the host, query and trailing slash") {
    CHECK(ix::UrlKey("https://www.linkedin.com/in/ana-lopez") == "linkedin.com/in/ana-lopez");
    CHECK(ix::UrlKey("http://WWW.LinkedIn.com/in/Ana-Lopez/?trk=x#top") == "linkedin.com/in/ana-lopez");
    CHECK(ix::UrlKey("uk.linkedin.com/in/eve-m/") == "linkedin.com/in/eve-m");
    CHECK(ix::UrlKey("https://Example.com/People/Ana/") == "example.com/People/Ana");
    CHECK(ix::UrlKey("   ") == "");
}

TEST_CASE("format detection reads the content; the file name only breaks ties") {
    CHECK(DetectImportFormat("Connections.csv", ReadFixture("linkedin_connections.csv")) == ImportFormat::LinkedIn);
    CHECK(DetectImportFormat("whatever.txt", ReadFixture("linkedin_connections.csv")) == ImportFormat::LinkedIn);
    CHECK(DetectImportFormat("contacts.csv", ReadFixture("google_contacts.csv")) == ImportFormat::Google);
    CHECK(DetectImportFormat("contacts.csv", ReadFixture("google_legacy.csv")) == ImportFormat::Google);
    CHECK(DetectImportFormat("a.csv", ReadFixture("contacts_v3.vcf")) == ImportFormat::VCard);
    CHECK(DetectImportFormat("a.vcf", "hello,world\n1,2\n") == ImportFormat::Unknown);
    // Only first and last names: the name decides.
    CHECK(DetectImportFormat("Connections.csv", "First Name,Last Name\nA,B\n") == ImportFormat::LinkedIn);
    CHECK(DetectImportFormat("contacts.csv", "First Name,Last Name\nA,B\n") == ImportFormat::Google);
}

TEST_CASE("LinkedIn Connections.csv: preamble, BOM, CRLF, quoting, both date styles, duplicates") {
    Planner empty;
    ImportPreview p = PreviewImport(empty, "Connections.csv", ReadFixture("linkedin_connections.csv"), kToday);
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.format == "LinkedIn connections");
    CHECK(p.items.size() == 8);
    CHECK(p.new_count == 6);
    CHECK(p.update_count == 0);
    CHECK(p.skip_count == 2);

    const ImportItem& ana = ItemAtLine(p, 5);
    CHECK(ana.outcome == ImportItem::New);
    CHECK(ana.contact.name == "Ana L\xC3\xB3pez");
    CHECK(ana.contact.company == "Acme, Inc.");
    CHECK(ana.contact.role == "Head of Talent");
    CHECK(ana.contact.email == "ana@example.com");
    CHECK(ana.contact.profile_url == "https://www.linkedin.com/in/ana-lopez");
    CHECK(ana.contact.source == "linkedin");
    CHECK(ana.contact.added == kToday);
    // Imported is not contacted: "Connected on" is its own field, no touch, no tier.
    CHECK(ana.contact.stage == Stage::Identified);
    CHECK(ana.contact.log.empty());
    CHECK(ana.contact.connected == DayFromYmd(2024, 3, 12));
    CHECK(ana.contact.tier == Tier::None);

    const ImportItem& bob = ItemAtLine(p, 6);
    CHECK(bob.contact.name == "Bob O\"Brien");
    CHECK(bob.contact.role == "Engineer, \"Platform\"");
    CHECK(bob.contact.email.empty());
    CHECK(bob.contact.connected == DayFromYmd(2022, 2, 7));  // "7-Feb-22", as Excel resaves it

    const ImportItem& chen = ItemAtLine(p, 7);  // its quoted position spans lines 7-8
    CHECK(chen.contact.role == "Senior Analyst Data & Insights");
    CHECK(chen.contact.connected == DayFromYmd(2023, 1, 3));

    const ImportItem& no_name = ItemAtLine(p, 9);
    CHECK(no_name.outcome == ImportItem::New);
    CHECK(no_name.contact.name == "https://www.linkedin.com/in/no-name-person");
    CHECK(Contains(no_name.reason, "no name"));

    const ImportItem& nothing = ItemAtLine(p, 10);
    CHECK(nothing.outcome == ImportItem::Skip);
    CHECK(nothing.reason == "no name, e-mail or profile URL");

    const ImportItem& dup = ItemAtLine(p, 11);
    CHECK(dup.outcome == ImportItem::Skip);
    CHECK(dup.reason == "the same person as line 5; nothing new");

    CHECK(ItemAtLine(p, 12).contact.connected == DayFromYmd(1999, 12, 31));  // "31-Dec-99"

    const ImportItem& eve = ItemAtLine(p, 13);
    CHECK(eve.outcome == ImportItem::New);
    CHECK(eve.contact.connected == kNoDay);
    CHECK(eve.contact.stage == Stage::Identified);
    CHECK(Contains(eve.reason, "sometime last year"));
}

TEST_CASE("duplicate rows merge: the kept row takes what it lacks, both lines say so, nothing is overwritten") {
    std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                      "Ana,Lopez,https://www.linkedin.com/in/ana,,Acme,,12 Mar 2024\n"               // line 2: no e-mail, no role
                      "Ana,Lopez,https://linkedin.com/in/ana/,ana@example.com,Other Co,Lead,\n"     // line 3: e-mail and role
                      "Ana,Lopez,https://www.linkedin.com/in/ana,ana@example.com,Acme,Lead,\n"      // line 4: nothing new
                      "Bo,Ng,,bo@example.com,,,\n";                                                // line 5
    Planner planner;
    ImportPreview p = PreviewImport(planner, "Connections.csv", csv, kToday);
    REQUIRE(p.ok());
    const ImportItem& kept = ItemAtLine(p, 2);
    CHECK(kept.outcome == ImportItem::New);
    CHECK(kept.contact.email == "ana@example.com");  // taken from line 3
    CHECK(kept.contact.role == "Lead");
    CHECK(kept.contact.company == "Acme");           // kept: never overwritten by a later row
    CHECK(kept.contact.connected == DayFromYmd(2024, 3, 12));
    CHECK(Contains(kept.reason, "role, e-mail from line 3"));
    const ImportItem& merged = ItemAtLine(p, 3);
    CHECK(merged.outcome == ImportItem::Merged);
    CHECK(merged.reason == "the same person as line 2; its role, e-mail merged into line 2");
    CHECK(ItemAtLine(p, 4).outcome == ImportItem::Skip);
    CHECK(ItemAtLine(p, 4).reason == "the same person as line 2; nothing new");
    CHECK(p.new_count == 2);
    CHECK(p.merged_count == 1);
    CHECK(p.skip_count == 1);
    CHECK(CommitImport(planner, p, RevAt(1)) == 2);
    REQUIRE(planner.contacts.size() == 2);
    CHECK(planner.contacts[0].email == "ana@example.com");
    CHECK(planner.contacts[0].role == "Lead");

    // Matching the planner: a kept row with nothing to add becomes an update once a duplicate brings something.
    Planner have;
    Contact ana = MakeContact(1, "Ana Lopez");
    ana.profile_url = "https://www.linkedin.com/in/ana";
    ana.company = "Acme";
    ana.connected = DayFromYmd(2024, 3, 12);
    have.contacts = {ana};
    have.next_id = 2;
    std::string again = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                        "Ana,Lopez,https://www.linkedin.com/in/ana,,Acme,,12 Mar 2024\n"
                        "Ana,Lopez,https://www.linkedin.com/in/ana,ana@example.com,,,\n";
    ImportPreview q = PreviewImport(have, "Connections.csv", again, kToday);
    REQUIRE(q.ok());
    CHECK(ItemAtLine(q, 2).outcome == ImportItem::Update);
    CHECK(Contains(ItemAtLine(q, 2).reason, "adds e-mail"));
    CHECK(ItemAtLine(q, 3).outcome == ImportItem::Merged);
    CHECK(CommitImport(have, q, RevAt(2)) == 1);
    CHECK(have.contacts[0].email == "ana@example.com");
}

TEST_CASE("LinkedIn dates: two-digit years 00-69 are 20xx, 70-99 are 19xx; other spellings") {
    std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                      "A,One,https://linkedin.com/in/a1,,,,1-Jan-69\n"
                      "B,Two,https://linkedin.com/in/b2,,,,1-Jan-70\n"
                      "C,Three,https://linkedin.com/in/c3,,,,2024-02-29\n"
                      "D,Four,https://linkedin.com/in/d4,,,,\"Mar 12, 2024\"\n"
                      "E,Five,https://linkedin.com/in/e5,,,,30 Feb 2024\n";
    ImportPreview p = PreviewImport(Planner{}, "Connections.csv", csv, kToday);
    REQUIRE(p.ok());
    CHECK(ItemAtLine(p, 2).contact.connected == DayFromYmd(2069, 1, 1));
    CHECK(ItemAtLine(p, 3).contact.connected == DayFromYmd(1970, 1, 1));
    CHECK(ItemAtLine(p, 4).contact.connected == DayFromYmd(2024, 2, 29));
    CHECK(ItemAtLine(p, 5).contact.connected == DayFromYmd(2024, 3, 12));
    CHECK(ItemAtLine(p, 6).contact.connected == kNoDay);  // no 30 February
}

TEST_CASE("CSV details: semicolon-separated resaves, Windows-1252 text, blank rows, lone CR") {
    ImportPreview semi = PreviewImport(Planner{}, "Connections.csv",
                                       "First Name;Last Name;URL;Connected On\r\nAna;Lopez;https://linkedin.com/in/ana;12 Mar 2024\r\n",
                                       kToday);
    REQUIRE(semi.ok());
    REQUIRE(semi.items.size() == 1);
    CHECK(semi.items[0].contact.name == "Ana Lopez");
    CHECK(semi.format == "LinkedIn connections");

    ImportPreview cp = PreviewImport(Planner{}, "contacts.csv", "First Name,Last Name,E-mail 1 - Value\nRen\xE9,M\x9Aller,r@x.example\n", kToday);
    REQUIRE(cp.ok());
    CHECK(cp.items.at(0).contact.name == "Ren\xC3\xA9 M\xC5\xA1ller");

    ImportPreview blanks = PreviewImport(Planner{}, "contacts.csv", "First Name,Last Name\r\rA,B\r\r,\r\rC,D", kToday);
    REQUIRE(blanks.ok());
    REQUIRE(blanks.items.size() == 2);
    CHECK(blanks.items[0].line == 3);
    CHECK(blanks.items[1].contact.name == "C D");
    CHECK(blanks.items[1].line == 7);
}

TEST_CASE("Google Contacts CSV, current columns: multi-values, labels as tags without myContacts") {
    ImportPreview p = PreviewImport(Planner{}, "contacts.csv", ReadFixture("google_contacts.csv"), kToday);
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.format == "Google Contacts");
    CHECK(p.new_count == 3);
    CHECK(p.skip_count == 1);

    const ImportItem& grace = ItemAtLine(p, 2);
    CHECK(grace.contact.name == "Grace Hopper");
    CHECK(grace.contact.company == "US Navy");
    CHECK(grace.contact.role == "Rear Admiral");
    CHECK(grace.contact.email == "grace@navy.example");
    CHECK(grace.contact.profile_url == "https://www.linkedin.com/in/grace-hopper");
    CHECK(grace.contact.notes == "Invented the compiler.\nLoves COBOL, \"really\"");
    CHECK(grace.contact.tags == std::vector<std::string>{"Mentors"});
    CHECK(grace.contact.source == "google");
    CHECK(grace.contact.log.empty());

    const ImportItem& alan = ItemAtLine(p, 4);  // Grace's notes span lines 2-3
    CHECK(alan.contact.name == "Alan Mathison Turing");
    CHECK(alan.contact.tags == std::vector<std::string>{"starred"});

    CHECK(ItemAtLine(p, 5).outcome == ImportItem::Skip);  // an organisation with no name or address
    const ImportItem& ada = ItemAtLine(p, 6);
    CHECK(ada.contact.name == "Ada");
    CHECK(ada.contact.tags == std::vector<std::string>{"Friends", "Mentors"});
}

TEST_CASE("Google Contacts CSV, legacy columns (Given Name, Organization 1 - Name, Group Membership)") {
    ImportPreview p = PreviewImport(Planner{}, "google.csv", ReadFixture("google_legacy.csv"), kToday);
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.format == "Google Contacts");
    REQUIRE(p.items.size() == 2);
    const Contact& kj = p.items[0].contact;
    CHECK(kj.name == "Katherine Johnson");
    CHECK(kj.company == "NASA");
    CHECK(kj.role == "Mathematician");
    CHECK(kj.notes == "NASA; orbital mechanics");
    CHECK(kj.email == "kj@nasa.example");
    CHECK(kj.tags == std::vector<std::string>{"Space"});
    const Contact& mh = p.items[1].contact;
    CHECK(mh.email == "mh@mit.example");
    CHECK(mh.role == "Director, Software Engineering");
    CHECK(mh.profile_url == "http://www.example.com/margaret");
    CHECK(mh.tags.empty());
}

TEST_CASE("vCard 3.0: folded lines, escapes, N without FN, grouped properties") {
    ImportPreview p = PreviewImport(Planner{}, "contacts.vcf", ReadFixture("contacts_v3.vcf"), kToday);
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.format == "vCard");
    REQUIRE(p.items.size() == 2);
    const Contact& zoe = p.items[0].contact;
    CHECK(p.items[0].line == 1);
    CHECK(zoe.name == "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m");
    CHECK(zoe.company == "Fjord Labs, AB");
    CHECK(zoe.role == "Lead; Platform");
    CHECK(zoe.email == "zoe@fjord.example");
    CHECK(zoe.profile_url == "https://www.linkedin.com/in/zoe-angstrom");
    CHECK(zoe.notes == "Met at the Nordic meetup.\nAsked about mentoring, and a referral for the data team; "
                       "follow up in May. Backslash: \\ done.");
    CHECK(zoe.tags == std::vector<std::string>{"Mentors", "Nordics"});
    CHECK(zoe.source == "vcard");
    const Contact& ada = p.items[1].contact;
    CHECK(p.items[1].line == 14);
    CHECK(ada.name == "Augusta Ada Lovelace");
    CHECK(ada.email == "ada@engine.example");
    CHECK(ada.profile_url == "https://www.linkedin.com/in/ada-lovelace");
}

TEST_CASE("vCard 4.0: several cards, duplicates by e-mail, a card with nothing to import") {
    ImportPreview p = PreviewImport(Planner{}, "contacts.vcf", ReadFixture("contacts_v4.vcf"), kToday);
    REQUIRE_MESSAGE(p.ok(), p.error);
    REQUIRE(p.items.size() == 4);
    const Contact& mary = ItemAtLine(p, 1).contact;
    CHECK(mary.name == "Mary Jackson");
    CHECK(mary.tags == std::vector<std::string>{"Space", "Engineers, aerospace"});
    CHECK(mary.notes == "First line\nSecond line");
    CHECK(ItemAtLine(p, 11).contact.profile_url == "https://dorothy.example/about");
    CHECK(ItemAtLine(p, 18).outcome == ImportItem::Skip);
    CHECK(ItemAtLine(p, 18).reason == "the same person as line 1; nothing new");
    CHECK(ItemAtLine(p, 23).outcome == ImportItem::Skip);
    CHECK(p.new_count == 2);
}

TEST_CASE("vCard 2.1 quoted-printable values are decoded") {
    std::string v = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9 Dupont\r\n"
                    "NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0Aline =\r\ntwo\r\nEND:VCARD\r\n";
    ImportPreview p = PreviewImport(Planner{}, "x.vcf", v, kToday);
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.items.at(0).contact.name == "Ren\xC3\xA9 Dupont");
    CHECK(p.items.at(0).contact.notes == "line one\nline two");
}

TEST_CASE("commit: new contacts get ids from next_id and stay sorted; the counts are returned") {
    Planner p;
    p.contacts.push_back(MakeContact(3, "Existing One"));
    p.contacts.push_back(MakeContact(7, "Existing Two"));
    p.next_id = 9;
    ImportPreview preview = PreviewImport(p, "Connections.csv", ReadFixture("linkedin_connections.csv"), kToday);
    REQUIRE(preview.ok());
    CHECK(CommitImport(p, preview, RevAt(1000)) == 6);
    REQUIRE(p.contacts.size() == 8);
    CHECK(p.contacts[2].id == 9);
    CHECK(p.contacts[2].name == "Ana L\xC3\xB3pez");
    CHECK(p.contacts[2].rev.at == 1000);
    CHECK(p.contacts.back().id == 14);
    CHECK(p.next_id == 15);
    CHECK(std::is_sorted(p.contacts.begin(), p.contacts.end(), [](const Contact& a, const Contact& b) { return a.id < b.id; }));
}

TEST_CASE("re-import fills empty fields only: notes, tier, stage, tags and history are kept") {
    Planner p;
    Contact ana = MakeContact(1, "Ana L.");
    ana.profile_url = "linkedin.com/in/ana-lopez/";  // same profile, written differently
    ana.notes = "My own notes";
    ana.tier = Tier::Inner;
    ana.stage = Stage::Met;
    ana.tags = {"mentor"};
    ana.log.push_back(Interaction{DayFromYmd(2025, 5, 1), Channel::InPerson, "Coffee"});
    ana.rev = RevAt(5);
    Contact bob = MakeContact(2, "Bob O'Brien");
    bob.profile_url = "https://www.linkedin.com/in/bob-obrien";
    bob.company = "Globex Corp";
    p.contacts = {ana, bob};
    p.next_id = 3;

    ImportPreview preview = PreviewImport(p, "Connections.csv", ReadFixture("linkedin_connections.csv"), kToday);
    REQUIRE(preview.ok());
    const ImportItem& a = ItemAtLine(preview, 5);
    CHECK(a.outcome == ImportItem::Update);
    CHECK(a.existing == 1);
    CHECK(a.reason == "already in your planner; adds company, role, e-mail");
    const ImportItem& b = ItemAtLine(preview, 6);
    CHECK(b.outcome == ImportItem::Update);
    CHECK(b.reason == "already in your planner; adds role, connection date");
    CHECK(preview.update_count == 2);
    CHECK(preview.new_count == 4);

    CHECK(CommitImport(p, preview, RevAt(2000)) == 6);
    const Contact& a2 = p.contacts[0];
    CHECK(a2.name == "Ana L.");
    CHECK(a2.company == "Acme, Inc.");
    CHECK(a2.email == "ana@example.com");
    CHECK(a2.notes == "My own notes");
    CHECK(a2.tier == Tier::Inner);
    CHECK(a2.stage == Stage::Met);
    CHECK(a2.tags == std::vector<std::string>{"mentor"});
    REQUIRE(a2.log.size() == 1);
    CHECK(a2.log[0].note == "Coffee");
    CHECK(a2.rev.at == 2000);
    const Contact& b2 = p.contacts[1];
    CHECK(b2.company == "Globex Corp");
    CHECK(b2.log.empty());  // the connection date is not a touch
    CHECK(b2.connected == DayFromYmd(2022, 2, 7));
    CHECK(b2.stage == Stage::Identified);

    // The same file again: nothing new, nothing to fill, nothing changes.
    const std::string before = Fingerprint(p);
    ImportPreview again = PreviewImport(p, "Connections.csv", ReadFixture("linkedin_connections.csv"), kToday);
    CHECK(again.new_count == 0);
    CHECK(again.update_count == 0);
    CHECK(ItemAtLine(again, 5).reason == "already in your planner");
    CHECK(CommitImport(p, again, RevAt(3000)) == 0);
    CHECK(Fingerprint(p) == before);
}

TEST_CASE("commit matches again against the planner as it is now") {
    Planner p;
    ImportPreview preview = PreviewImport(p, "contacts.vcf", ReadFixture("contacts_v4.vcf"), kToday);
    REQUIRE(preview.new_count == 2);
    // Another tab added Mary meanwhile: the commit fills her in instead of adding her twice.
    Contact mary = MakeContact(1, "Mary J.");
    mary.email = "Mary@NASA.example";
    p.contacts.push_back(mary);
    p.next_id = 2;
    CHECK(CommitImport(p, preview, RevAt(10)) == 2);
    REQUIRE(p.contacts.size() == 2);
    CHECK(p.contacts[0].company == "NASA");
    CHECK(p.contacts[1].name == "Dorothy Vaughan");
}

TEST_CASE("bad files are refused whole, name the line, and change nothing") {
    Planner p;
    p.contacts.push_back(MakeContact(1, "Keep Me"));
    p.next_id = 2;
    const std::string before = Fingerprint(p);

    SUBCASE("binary garbage") {
        std::string garbage("PK\x03\x04\x14\x00\x06\x00", 8);
        garbage += std::string("\n\x01\x02\xFF\xFE\x00\x80\x90", 9);
        ImportPreview r = PreviewImport(p, "Connections.csv", garbage, kToday);
        CHECK_FALSE(r.ok());
        CHECK(Contains(r.error, "Line 1"));
        CHECK(Contains(r.error, "not a text file"));
        CHECK(r.items.empty());
        CHECK(CommitImport(p, r, RevAt(1)) == 0);
    }
    SUBCASE("random bytes with no zero byte") {
        std::string garbage;
        uint32_t x = 12345;
        for (int i = 0; i < 5000; ++i) {
            x = x * 1103515245u + 12345u;
            garbage += static_cast<char>(1 + (x >> 16) % 255);
        }
        ImportPreview r = PreviewImport(p, "data.bin", garbage, kToday);
        CHECK_FALSE(r.ok());
        CHECK(CommitImport(p, r, RevAt(1)) == 0);
    }
    SUBCASE("a CSV with no header row") {
        ImportPreview r = PreviewImport(p, "Connections.csv", "Alice,Smith,alice@example.com\nBob,Jones,bob@example.com\n", kToday);
        CHECK_FALSE(r.ok());
        CHECK(Contains(r.error, "line 1 is \"Alice,Smith,alice@example.com\""));
        CHECK(Contains(r.error, "First Name"));
        CHECK(CommitImport(p, r, RevAt(1)) == 0);
    }
    SUBCASE("a long first line is quoted in the message without cutting a character") {
        std::string line = "x";  // then é, 2 bytes each: a cut at 40 bytes would fall inside one
        for (int i = 0; i < 30; ++i) line += "\xC3\xA9";
        ImportPreview r = PreviewImport(p, "Connections.csv", line + "\n", kToday);
        CHECK_FALSE(r.ok());
        CHECK(ix::IsValidUtf8(r.error));
        CHECK(Contains(r.error, "..."));
    }
    SUBCASE("an unterminated quote") {
        std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                          "Ana,Lopez,https://linkedin.com/in/a,,Acme,,12 Mar 2024\r\n"
                          "Bob,Jones,https://linkedin.com/in/b,,\"Globex, Inc,Engineer,12 Mar 2024\r\n"
                          "Cy,Young,https://linkedin.com/in/c,,Initech,,12 Mar 2024\r\n";
        ImportPreview r = PreviewImport(p, "Connections.csv", csv, kToday);
        CHECK_FALSE(r.ok());
        CHECK(Contains(r.error, "Line 3 opens a quoted field"));
        CHECK(r.items.empty());
        CHECK(r.new_count == 0);
        CHECK(CommitImport(p, r, RevAt(1)) == 0);
    }
    SUBCASE("an unterminated quote before any header") {
        ImportPreview r = PreviewImport(p, "Connections.csv", "Notes:\n\"never closed\nFirst Name,Last Name\n", kToday);
        CHECK_FALSE(r.ok());
        CHECK(Contains(r.error, "Line 2"));
    }
    SUBCASE("a vCard without END") {
        ImportPreview r = PreviewImport(p, "a.vcf", "BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n", kToday);
        CHECK_FALSE(r.ok());
        CHECK(Contains(r.error, "Line 4 starts a card that never ends"));
        CHECK(CommitImport(p, r, RevAt(1)) == 0);
    }
    SUBCASE("text between vCards") {
        ImportPreview r = PreviewImport(p, "a.vcf", "BEGIN:VCARD\nFN:A\nEND:VCARD\nhello there\n", kToday);
        CHECK_FALSE(r.ok());
        CHECK(Contains(r.error, "Line 4"));
    }
    SUBCASE("UTF-16") {
        ImportPreview r = PreviewImport(p, "Connections.csv", std::string("\xFF\xFE" "F\0i\0", 6), kToday);
        CHECK(Contains(r.error, "UTF-16"));
    }
    SUBCASE("over 32 MB") {
        ImportPreview r = PreviewImport(p, "Connections.csv", std::string(kMaxImportBytes + 1, 'a'), kToday);
        CHECK(Contains(r.error, "over 32 MB"));
    }
    SUBCASE("empty") {
        ImportPreview r = PreviewImport(p, "Connections.csv", "", kToday);
        CHECK_FALSE(r.ok());
    }
    CHECK(Fingerprint(p) == before);
}

TEST_CASE("the job reads a file over several steps and reports progress") {
    std::string csv = "First Name,Last Name,URL,Connected On\n";
    for (int i = 0; i < 1000; ++i) csv += "P" + std::to_string(i) + ",Q,https://linkedin.com/in/p" + std::to_string(i) + ",1 Jan 2024\n";
    ImportJob job(Planner{}, "Connections.csv", csv, kToday);
    float last = -1.0f;
    int steps = 0;
    while (!job.Step(100)) {
        float now = job.Progress();
        CHECK(now >= last);
        CHECK(now <= 1.0f);
        last = now;
        ++steps;
        REQUIRE(steps < 100);
    }
    CHECK(steps >= 10);
    CHECK(job.Progress() == 1.0f);
    CHECK(job.Done());
    CHECK(job.Preview().new_count == 1000);
    CHECK(job.Preview().items.back().line == 1001);
}

TEST_CASE("a 30,000-row LinkedIn file previews quickly") {
    std::string csv = "Notes:\n\"Some note, with commas\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    for (int i = 0; i < 30000; ++i) {
        std::string n = std::to_string(i);
        csv += "First" + n + ",Last" + n + ",https://www.linkedin.com/in/person-" + n + "," +
               (i % 3 == 0 ? "p" + n + "@example.com" : "") + ",\"Company " + std::to_string(i % 500) +
               ", Inc.\",Engineer," + std::to_string(1 + i % 28) + " Mar 2024\r\n";
    }
    Planner p;
    for (Id id = 1; id <= 1000; ++id) {  // a planner already holding some of them
        Contact c = MakeContact(id, "Known " + std::to_string(id));
        c.profile_url = "https://linkedin.com/in/person-" + std::to_string(id * 7);
        c.company = "Known Co";
        c.role = "Known";
        p.contacts.push_back(c);
    }
    p.next_id = 1001;
    // Wall time, and this process's CPU time (the honest number on a busy machine).
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    ImportPreview preview = PreviewImport(p, "Connections.csv", csv, kToday);
    double cpu_ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("30,000-row LinkedIn preview: " << ms << " ms wall, " << cpu_ms << " ms CPU (" << csv.size() / 1024 << " KB)");
    REQUIRE(preview.ok());
    CHECK(preview.items.size() == 30000);
    CHECK(preview.update_count == 1000);  // they gain an e-mail (some) or the connection date
    CHECK(preview.new_count == 29000);
    CHECK(ItemAtLine(preview, 5 + 29999).contact.name == "First29999 Last29999");
    auto t1 = std::chrono::steady_clock::now();
    CHECK(CommitImport(p, preview, RevAt(1)) == 30000);
    MESSAGE("commit: " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count() << " ms");
    CHECK(p.contacts.size() == 30000);
    CHECK(p.contacts.back().id == 30000);
    // Imported is not contacted: nobody is due, nothing goes into the calendar.
    Agenda ag = ComputeAgenda(p, kToday);
    CHECK(ag.overdue.empty());
    CHECK(ag.due.empty());
    CHECK(ag.never_contacted.size() == 1000);  // the planner's own (tiered, never touched) contacts only
    CHECK(ag.untiered == 29000);
    const std::string ics = ExportIcs(p, kToday, 1767225600000);
    CHECK(ics.find("BEGIN:VEVENT") == std::string::npos);
    CHECK(ics.find("VALARM") == std::string::npos);
}

// --- Export ----------------------------------------------------------------------
namespace {
Planner TrickyPlanner() {
    Planner p;
    Contact a = MakeContact(1, "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m-D\xC3\xAD" "az");
    a.company = "Fjord Labs, AB; Research";
    a.role = "Lead \\ Platform";
    a.email = "zoe@fjord.example";
    a.profile_url = "https://www.linkedin.com/in/zoe-angstrom";
    a.notes = "Line one, with a comma; and a semicolon.\nLine two \xF0\x9F\x98\x80 emoji \\ backslash\n" +
              std::string(300, 'x') + " \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E end";
    a.tags = {"Mentors", "Nordics, data", "a;b"};
    a.tier = Tier::Inner;
    a.log.push_back(Interaction{DayFromYmd(2026, 11, 1), Channel::Call, "Talked, briefly"});
    a.rev = RevAt(1764000000000);
    Contact b = MakeContact(2, "=HYPERLINK(\"http://evil.example\")");
    b.company = "+44 20 7946 0000";
    b.role = "-analyst";
    b.notes = "@mention\tand more";
    b.email = "b@example.com";
    b.tags = {"=cmd|' /C calc'!A0"};
    b.log.push_back(Interaction{DayFromYmd(2026, 11, 1), Channel::Email, ""});
    Contact c = MakeContact(3, "No History");
    p.contacts = {a, b, c};
    p.next_id = 4;
    return p;
}
}  // namespace

TEST_CASE("vCard export: 4.0, folded, escaped; reading it back gives the same fields") {
    Planner p = TrickyPlanner();
    std::string vcf = ExportVcf(p);
    std::vector<std::string> lines = PhysicalLines(vcf);
    for (const std::string& l : lines) {
        CHECK(l.size() <= 75);
        CHECK(ix::IsValidUtf8(l));
    }
    std::vector<std::string> logical = Unfold(lines);
    CHECK(Property(logical, "VERSION:") == "4.0");
    CHECK(Property(logical, "ORG:") == "Fjord Labs\\, AB\\; Research");
    CHECK(Property(logical, "CATEGORIES:") == "Mentors,Nordics\\, data,a;b");  // ';' escaped only in compound values
    CHECK(Property(logical, "N:") == "\xC3\x85ngstr\xC3\xB6m-D\xC3\xAD" "az;Zo\xC3\xAB;;;");

    ImportPreview back = PreviewImport(Planner{}, "contacts.vcf", vcf, kToday);
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.format == "vCard");
    REQUIRE(back.items.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        const Contact& in = p.contacts[i];
        const Contact& out = back.items[i].contact;
        CAPTURE(i);
        CHECK(out.name == in.name);
        CHECK(out.company == in.company);
        CHECK(out.role == in.role);
        CHECK(out.email == in.email);
        CHECK(out.profile_url == in.profile_url);
        CHECK(out.notes == in.notes);
        CHECK(out.tags == in.tags);
    }
}

TEST_CASE("CSV export: Google's columns, RFC 4180 quoting, formulas neutralised, read back the same") {
    Planner p = TrickyPlanner();
    std::string csv = ExportCsv(p);
    CHECK(csv.rfind("\xEF\xBB\xBF" "First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value,Website 1 - Value,Labels,Notes,", 0) == 0);
    CHECK(Contains(csv, "\"'=HYPERLINK(\"\"http://evil.example\"\")\""));
    CHECK(Contains(csv, ",'+44 20 7946 0000,'-analyst,"));
    CHECK(Contains(csv, ",'@mention\tand more,"));
    CHECK(Contains(csv, ",'=cmd|' /C calc'!A0,"));
    CHECK(Contains(csv, ",Inner,Identified,"));
    CHECK(Contains(csv, ",2026-11-01,2026-12-01,"));  // last contact + 30 days (Inner)
    // Every line break outside quotes is CRLF.
    bool quoted = false;
    for (size_t i = 0; i < csv.size(); ++i) {
        if (csv[i] == '"') quoted = !quoted;
        if (!quoted && csv[i] == '\n') REQUIRE(i > 0);
        if (!quoted && csv[i] == '\n') CHECK(csv[i - 1] == '\r');
    }

    ImportPreview back = PreviewImport(Planner{}, "networking-workbook.csv", csv, kToday);
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.format == "Google Contacts");
    REQUIRE(back.items.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        const Contact& in = p.contacts[i];
        const Contact& out = back.items[i].contact;
        CAPTURE(i);
        CHECK(out.name == in.name);
        CHECK(out.company == in.company);
        CHECK(out.role == in.role);
        CHECK(out.email == in.email);
        CHECK(out.profile_url == in.profile_url);
        CHECK(out.notes == in.notes);
        CHECK(out.tags == in.tags);
    }
}

TEST_CASE("ICS export: all-day follow-ups with alarms, events, stable UIDs, folding, escaping") {
    Planner p = TrickyPlanner();
    const Day base = DayFromYmd(2026, 12, 1);  // after kToday: none of these is overdue
    Contact d = MakeContact(4, "Promise Kept");
    d.tier = Tier::Extended;
    d.log.push_back(Interaction{base, Channel::Event, ""});
    d.follow_up_by = base + 2;  // a promise brings it earlier
    Contact e = MakeContact(5, "Snoozed Sam");
    e.tier = Tier::Close;
    e.log.push_back(Interaction{base, Channel::Email, ""});
    e.snoozed_until = base + 100;  // a snooze pushes it later
    Contact f = MakeContact(6, "Own Cadence");
    f.cadence_days = 14;
    f.log.push_back(Interaction{base - 50, Channel::Email, ""});
    f.log.push_back(Interaction{base, Channel::Email, ""});
    Contact g = MakeContact(7, "Long Overdue");
    g.tier = Tier::Active;
    g.log.push_back(Interaction{DayFromYmd(2025, 1, 1), Channel::Email, ""});
    g.rev = RevAt(1600000000000);  // 2020-09-13
    p.contacts.insert(p.contacts.end(), {d, e, f, g});
    Event ev;
    ev.id = 20;
    ev.name = "Meetup: Data, Design; & \xC3\x89quipes";
    ev.place = "Caf\xC3\xA9 Central, Vienna";
    ev.link = "https://example.com/meetup?id=1&x=2";
    ev.day = DayFromYmd(2026, 12, 3);
    ev.goal = "Meet 3 people";
    ev.prep = {{"Print cards", true}, {"Prepare intro", false}};
    ev.rev = RevAt(1764100000000);
    Event undated;
    undated.id = 21;
    undated.name = "Someday";
    p.events = {ev, undated};

    const int64_t now_ms = 1764153000000;  // 2025-11-26T10:30:00Z
    std::string ics = ExportIcs(p, kToday, now_ms);
    std::vector<std::string> lines = PhysicalLines(ics);
    size_t folded = 0;
    for (const std::string& l : lines) {
        CHECK(l.size() <= 75);
        CHECK(ix::IsValidUtf8(l));
        if (!l.empty() && l[0] == ' ') ++folded;
    }
    CHECK(folded > 0);
    std::vector<std::string> logical = Unfold(lines);
    CHECK(logical.front() == "BEGIN:VCALENDAR");
    CHECK(logical.back() == "END:VCALENDAR");
    CHECK(std::count(logical.begin(), logical.end(), "BEGIN:VEVENT") == 7);  // 6 contacts with history + 1 dated event
    CHECK(std::count(logical.begin(), logical.end(), "BEGIN:VALARM") == 6);
    CHECK(std::count(logical.begin(), logical.end(), "ACTION:DISPLAY") == 6);
    CHECK(Property(logical, "DTSTAMP:") == "20251126T103000Z");
    CHECK(Property(logical, "UID:", 0) == "followup-1@networking-workbook");
    CHECK(Property(logical, "DTSTART;VALUE=DATE:", 0) == "20261201");  // Inner: 30 days
    CHECK(Property(logical, "DTEND;VALUE=DATE:", 0) == "20261202");
    CHECK(Property(logical, "SUMMARY:", 0) == "Follow up with Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m-D\xC3\xAD" "az");
    CHECK(Property(logical, "DESCRIPTION:", 0) ==
          "Lead \\\\ Platform at Fjord Labs\\, AB\\; Research\\nLast contact: 2026-11-01 (call): Talked\\, briefly\\n"
          "E-mail: zoe@fjord.example\\nProfile: https://www.linkedin.com/in/zoe-angstrom");
    CHECK(Property(logical, "SUMMARY:", 1) == "Follow up with =HYPERLINK(\"http://evil.example\")");
    CHECK(Property(logical, "UID:", 2) == "followup-4@networking-workbook");
    CHECK(Property(logical, "DTSTART;VALUE=DATE:", 2) == "20261203");  // the promise
    CHECK(Property(logical, "DTSTART;VALUE=DATE:", 3) == "20270311");  // the snooze (base + 100)
    CHECK(Property(logical, "DTSTART;VALUE=DATE:", 4) == "20261215");  // 14-day cadence from the last touch
    CHECK(Property(logical, "UID:", 5) == "followup-7@networking-workbook");
    CHECK(Property(logical, "DTSTART;VALUE=DATE:", 5) == "20261126");  // overdue: today
    CHECK(Contains(Property(logical, "DESCRIPTION:", 5 * 2), "Due since 2025-04-02"));
    CHECK(Property(logical, "UID:", 6) == "event-20@networking-workbook");
    CHECK(Property(logical, "SUMMARY:", 6) == "Meetup: Data\\, Design\\; & \xC3\x89quipes");
    CHECK(Property(logical, "LOCATION:") == "Caf\xC3\xA9 Central\\, Vienna");
    CHECK(Property(logical, "URL:") == "https://example.com/meetup?id=1&x=2");
    CHECK(Property(logical, "DTSTART;VALUE=DATE:", 6) == "20261203");
    CHECK(Property(logical, "DTEND;VALUE=DATE:", 6) == "20261204");
    CHECK(Contains(ics, "[x] Print cards\\n[ ] Prepare intro"));
    CHECK_FALSE(Contains(ics, "No History"));
    CHECK_FALSE(Contains(ics, "Someday"));

    // SEQUENCE follows the record's revision; the overdue one follows today.
    CHECK(Property(logical, "SEQUENCE:", 0) == std::to_string(1764000000 - 1577836800));
    CHECK(Property(logical, "SEQUENCE:", 2) == "0");
    CHECK(Property(logical, "SEQUENCE:", 5) == std::to_string(int64_t{kToday} * 86400 - 1577836800));
    p.contacts[0].rev = RevAt(1764000001000);
    std::vector<std::string> later = Unfold(PhysicalLines(ExportIcs(p, kToday, now_ms)));
    CHECK(std::stoll(Property(later, "SEQUENCE:", 0)) > std::stoll(Property(logical, "SEQUENCE:", 0)));
    CHECK(std::stoll(Property(Unfold(PhysicalLines(ExportIcs(p, kToday + 1, now_ms))), "SEQUENCE:", 5)) >
          std::stoll(Property(logical, "SEQUENCE:", 5)));
}

TEST_CASE("content lines fold at 75 octets without splitting a UTF-8 sequence") {
    for (size_t prefix = 0; prefix < 8; ++prefix) {
        std::string value = std::string(prefix, 'a');
        for (int i = 0; i < 60; ++i) value += (i % 3 == 0) ? "\xF0\x9F\x98\x80" : (i % 3 == 1) ? "\xC3\xA9" : "\xE6\x97\xA5";
        std::string out;
        ix::AppendContentLine(out, "NOTE:" + value);
        std::vector<std::string> lines = PhysicalLines(out);
        CHECK(lines.size() > 2);
        std::string joined;
        for (size_t i = 0; i < lines.size(); ++i) {
            CHECK(lines[i].size() <= 75);
            CHECK(ix::IsValidUtf8(lines[i]));
            if (i > 0) REQUIRE(lines[i][0] == ' ');
            if (i + 1 < lines.size()) CHECK(lines[i].size() >= 72);  // no needlessly short lines but the last
            joined += i == 0 ? lines[i] : lines[i].substr(1);
        }
        CHECK(joined == "NOTE:" + value);
    }
    CHECK(ix::EscapeText("a\\b;c,d\r\ne\nf\x01g") == "a\\\\b\\;c\\,d\\ne\\nfg");
    CHECK(ix::EscapeText(std::string("ok \xC3 bad")) == "ok \xEF\xBF\xBD bad");
}

TEST_CASE("a URL with no host still lets a re-import find the person (by name)") {
    // Found by tests/fuzz/import_linkedin.cpp: "/in/x" gives no URL key, and the
    // contact had no other key, so every commit added it again.
    std::string csv = "First Name,Last Name,URL,Connected On\nAna,Lopez,/in/ana-lopez,12 Mar 2024\n";
    Planner p;
    ImportPreview preview = PreviewImport(p, "Connections.csv", csv, kToday);
    REQUIRE(preview.new_count == 1);
    CHECK(CommitImport(p, preview, RevAt(1)) == 1);
    CHECK(CommitImport(p, preview, RevAt(2)) == 0);
    CHECK(p.contacts.size() == 1);
    CHECK(PreviewImport(p, "Connections.csv", csv, kToday).items.at(0).reason == "already in your planner");
}
