// The planner's storage (meta record + contact chunks), its forgiving decode,
// the stored v1 fixture, merging two tabs, the templates file, and 30,000
// contacts (what they cost: tests/bench/planner_timings.cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../support/big_planner.h"
#include "core/planner.h"


#ifndef WB_SOURCE_DIR
#error "WB_SOURCE_DIR (the repository root, as a string literal) must be defined by the build"
#endif

using namespace wb::planner;
using wb::Rev;

namespace {

Day D(int y, int m, int d) { return DayFromYmd(y, m, d); }
Rev R(int64_t at, const char* by = "tab1") { return Rev{at, by}; }

std::string ReadFile(const std::string& relative) {
    std::ifstream f(std::string(WB_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "missing " << relative);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

bool HasProblem(const PlannerLoad& l, const std::string& part) {
    for (const std::string& p : l.problems)
        if (p.find(part) != std::string::npos) return true;
    return false;
}

std::string AllProblems(const PlannerLoad& l) {
    std::string all;
    for (const std::string& p : l.problems) all += p + "\n";
    return all;
}

using Chunks = std::vector<std::pair<uint32_t, std::string>>;

Chunks EncodeAll(const Planner& p) {
    Chunks out;
    for (uint32_t k : ChunksOf(p)) out.emplace_back(k, EncodeChunk(p, k));
    return out;
}

PlannerLoad RoundTrip(const Planner& p) { return DecodePlanner(EncodeMeta(p), EncodeAll(p)); }

// A planner with every field of every record set to something other than its default.
Planner FullPlanner() {
    Planner p;
    p.generation = "1718000000000-k3v9";
    Contact c;
    c.name = "Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC";  // "Zoë 日本"
    c.company = "Acme \"Quoted\" Ltd";
    c.role = "Platform lead";
    c.industry = "FinTech";
    c.location = "Lisbon, Portugal";
    c.profile_url = "https://www.linkedin.com/in/zoe-example";
    c.email = "zoe@example.org";
    c.met = "PyCon 2025, the hallway track";
    c.introduced_by = 4;
    c.tags = {"mentor", "sre", ""};
    c.notes = "Line one\nLine\ttwo \\ backslash \x01 control";
    c.tier = Tier::Close;
    c.cadence_days = 45;
    c.stage = Stage::ThankYouSent;
    c.log = {Interaction{D(2026, 1, 2), Channel::InPerson, "coffee", Help::Given, "intro to Ben"},
             Interaction{D(2026, 2, 3), Channel::Call, "", Help::Received, ""},
             Interaction{D(2026, 3, 4), Channel::Social, "liked a post", Help::None, ""},
             Interaction{D(2026, 4, 5), Channel::Event, "", Help::None, ""}};
    c.snoozed_until = D(2026, 7, 1);
    c.follow_up_by = D(2026, 4, 7);
    c.follow_up_from = D(2026, 4, 5);
    c.added = D(2025, 12, 31);
    c.connected = D(2019, 4, 2);
    c.source = "linkedin";
    AddContact(p, c, R(1718000000123, "k3v9"));
    Contact far;  // another chunk
    far.name = "Far";
    far.tier = Tier::Inner;
    far.added = D(1969, 12, 1);  // before day 0
    far.not_now = D(2026, 12, 6);  // set aside in triage (and later tiered: both kept)
    p.next_id = 1234;
    AddContact(p, far, R(5));
    Organization o;
    o.name = "Women in Tech";
    o.kind = "Professional association";
    o.status = OrgStatus::Member;
    o.dues_cents = 12000;
    o.renewal = D(2027, 1, 31);
    o.want = "Speaking slots";
    o.roles = {"Volunteer", "Committee member"};
    o.notes = "Monthly meetup";
    AddOrganization(p, o, R(7, "b"));
    Event e;
    e.name = "DevOps Days";
    e.kind = "Conference";
    e.place = "Porto";
    e.link = "https://example.org/devops";
    e.day = D(2026, 4, 5);
    e.goal = "Meet two SREs";
    e.prep = {{"Print cards", true}, {"Read the agenda", false}};
    e.attended = true;
    e.met = {1, 1234};
    e.notes = "Great talks";
    AddEvent(p, e, R(8));
    SocialPlan s;
    s.platform = "LinkedIn";
    s.action = SocialAction::Comment;
    s.every_days = 3;
    s.done = {D(2026, 1, 1), D(2026, 1, 4)};
    AddSocialPlan(p, s, R(9));
    Target t;
    t.company = "Globex";
    t.notes = "Two alumni there";
    t.advocacy = 4;
    t.motivation = 3;
    t.openings = 2;
    AddTarget(p, t, R(10));
    Goal g;
    g.kind = GoalKind::SocialActions;
    g.period = GoalPeriod::Month;
    g.target = 8;
    AddGoal(p, g, R(11));
    Id gone = AddTarget(p, Target{}, R(12));
    DeleteTarget(p, gone, R(13, "other"));
    return p;
}

}  // namespace

// --- Round trip -------------------------------------------------------------------

TEST_CASE("planner store: every field of every record round trips") {
    Planner in = FullPlanner();
    PlannerLoad l = RoundTrip(in);
    INFO(AllProblems(l));
    CHECK(l.problems.empty());
    CHECK_FALSE(l.quarantine);
    CHECK(l.stored_schema == Planner::kSchema);
    CHECK(l.planner.contacts == in.contacts);
    CHECK(l.planner.organizations == in.organizations);
    CHECK(l.planner.events == in.events);
    CHECK(l.planner.social == in.social);
    CHECK(l.planner.targets == in.targets);
    CHECK(l.planner.goals == in.goals);
    CHECK(l.planner.deleted == in.deleted);
    CHECK(l.planner.next_id == in.next_id);
    CHECK(l.planner.generation == in.generation);
    CHECK(l.planner == in);
}

TEST_CASE("planner store: contacts are chunked by id / 500; an empty chunk encodes as empty") {
    Planner p;
    p.next_id = 499;
    AddContact(p, Contact{}, R(1));  // 499: chunk 0
    AddContact(p, Contact{}, R(1));  // 500: chunk 1
    p.next_id = 1500;
    AddContact(p, Contact{}, R(1));  // chunk 3
    CHECK(ChunksOf(p) == std::vector<uint32_t>{0, 1, 3});
    CHECK(ChunkOf(499) == 0);
    CHECK(ChunkOf(500) == 1);
    CHECK(EncodeChunk(p, 0).find("[499,") != std::string::npos);
    CHECK(EncodeChunk(p, 0).find("[500,") == std::string::npos);
    CHECK(EncodeChunk(p, 1).find("[500,") != std::string::npos);
    const std::string empty = EncodeChunk(p, 2);
    CHECK(empty == "{\"schema\":" + std::to_string(Planner::kSchema) + ",\"chunk\":2,\"contacts\":[]}");
    PlannerLoad l = DecodePlanner(EncodeMeta(p), {{2, empty}, {3, EncodeChunk(p, 3)}, {0, EncodeChunk(p, 0)}, {1, EncodeChunk(p, 1)}});
    CHECK(l.problems.empty());
    CHECK(l.planner == p);  // chunk order does not matter
}

TEST_CASE("planner store: broken UTF-8 is replaced, never makes a chunk unreadable") {
    Planner p;
    Contact c;
    c.name = std::string("bad \xC3 byte \xED\xA0\x80 surrogate \xF4\x90\x80\x80 too big \xE2\x82");
    c.notes = std::string("ok \xE2\x82\xAC euro");
    AddContact(p, c, R(1));
    PlannerLoad l = RoundTrip(p);
    INFO(AllProblems(l));
    REQUIRE(l.problems.empty());
    REQUIRE(l.planner.contacts.size() == 1);
    const std::string& name = l.planner.contacts[0].name;
    CHECK(name.find("bad \xEF\xBF\xBD byte") == 0);
    CHECK(name.find("\xED\xA0\x80") == std::string::npos);
    CHECK(name.find("\xF4\x90") == std::string::npos);
    CHECK(l.planner.contacts[0].notes == c.notes);
}

TEST_CASE("planner store: bytes damaged in storage read as U+FFFD, and save back the same") {
    // Found by tests/fuzz/planner_decode.cpp: a damaged byte used to be kept as read,
    // so the planner in memory differed from what it saved and loaded back.
    Planner p;
    Contact c;
    c.name = "Ana \xC3\xA9 Silva";
    c.notes = "ok \xE2\x82\xAC euro";
    AddContact(p, c, R(1));
    std::string chunk = EncodeChunk(p, 0);
    const size_t at = chunk.find("\xC3\xA9");
    REQUIRE(at != std::string::npos);
    chunk[at + 1] = '\xFF';  // the continuation byte is lost: "\xC3\xFF"
    PlannerLoad l = DecodePlanner(EncodeMeta(p), {{0, chunk}});
    INFO(AllProblems(l));
    REQUIRE(l.problems.empty());
    REQUIRE(l.planner.contacts.size() == 1);
    CHECK(l.planner.contacts[0].name == "Ana \xEF\xBF\xBD\xEF\xBF\xBD Silva");
    CHECK(l.planner.contacts[0].notes == c.notes);
    PlannerLoad again = RoundTrip(l.planner);
    CHECK(again.planner == l.planner);
}

TEST_CASE("planner store: nothing stored is a new planner") {
    PlannerLoad l = DecodePlanner("", {});
    CHECK(l.problems.empty());
    CHECK_FALSE(l.quarantine);
    CHECK(l.stored_schema == 0);
    CHECK(l.planner == Planner{});
}

// --- Damage -------------------------------------------------------------------------

TEST_CASE("planner store: a damaged chunk is named; the other chunks still load") {
    Planner p;
    for (int i = 0; i < 1200; ++i) {
        Contact c;
        c.name = "c" + std::to_string(i);
        AddContact(p, c, R(1));
    }
    Chunks chunks = EncodeAll(p);
    REQUIRE(chunks.size() == 3);
    SUBCASE("cut off mid-write: the records before the cut are kept") {
        chunks[1].second.resize(chunks[1].second.size() / 2);
        PlannerLoad l = DecodePlanner(EncodeMeta(p), chunks);
        INFO(AllProblems(l));
        CHECK(l.quarantine);
        CHECK(l.damaged_chunks == std::vector<uint32_t>{1});
        CHECK_FALSE(l.meta_damaged);
        CHECK(HasProblem(l, "Contact chunk 1: is not valid JSON at line "));
        CHECK(HasProblem(l, "contacts before that point were kept"));
        CHECK(FindContact(l.planner, 1) != nullptr);
        CHECK(FindContact(l.planner, 500) != nullptr);   // early in chunk 1
        CHECK(FindContact(l.planner, 999) == nullptr);   // after the cut
        CHECK(FindContact(l.planner, 1000) != nullptr);  // chunk 2
        CHECK(l.planner.contacts.size() > 700);
        CHECK(l.planner.contacts.size() < 1200);
        CHECK(l.planner.next_id == p.next_id);
        // The reader never keeps a half-read record: every kept one is whole.
        for (const Contact& c : l.planner.contacts) CHECK(c == *FindContact(p, c.id));
    }
    SUBCASE("garbage from the start: nothing from that chunk") {
        chunks[1].second = "\x00\x01 not json";
        PlannerLoad l = DecodePlanner(EncodeMeta(p), chunks);
        CHECK(l.damaged_chunks == std::vector<uint32_t>{1});
        CHECK(HasProblem(l, "Contact chunk 1: is not a JSON object"));
        CHECK(l.planner.contacts.size() == 1200 - 500);
    }
    SUBCASE("valid JSON but no list of contacts") {
        chunks[1].second = "{\"schema\":1,\"chunk\":1}";
        PlannerLoad l = DecodePlanner(EncodeMeta(p), chunks);
        CHECK(HasProblem(l, "Contact chunk 1: has no list of contacts"));
        CHECK(l.planner.contacts.size() == 1200 - 500);
    }
}

TEST_CASE("planner store: a damaged field keeps its record; a record without an id is left out; both named") {
    Planner p;
    Contact c;
    c.name = "Keep me";
    c.company = "Acme";
    AddContact(p, c, R(1));
    std::string chunk = EncodeChunk(p, 0);
    // Swap the company for a number, then add a record with a string id and one with too many fields.
    const size_t at = chunk.find("\"Acme\"");
    REQUIRE(at != std::string::npos);
    chunk.replace(at, 6, "42");
    const size_t end = chunk.rfind("]}");
    chunk.insert(end, ",[\"x\",\"No id\"]");
    PlannerLoad l = DecodePlanner(EncodeMeta(p), {{0, chunk}});
    INFO(AllProblems(l));
    CHECK(l.quarantine);
    CHECK(l.damaged_chunks == std::vector<uint32_t>{0});
    REQUIRE(l.planner.contacts.size() == 1);
    CHECK(l.planner.contacts[0].name == "Keep me");
    CHECK(l.planner.contacts[0].company.empty());
    CHECK(HasProblem(l, "Contact chunk 0: record 1 (id 1): company could not be read"));
    CHECK(HasProblem(l, "Contact chunk 0: record 2 has no valid id"));
}

TEST_CASE("planner store: a damaged interaction drops only that interaction; out-of-range enums are named") {
    Planner p;
    Contact c;
    c.log = {Interaction{D(2026, 1, 1), Channel::Call, "keep", Help::None, ""}};
    AddContact(p, c, R(1));
    std::string chunk = EncodeChunk(p, 0);
    const size_t at = chunk.find("]]");  // the end of the log
    REQUIRE(at != std::string::npos);
    chunk.insert(at + 1, ",[20000,9],\"not a touch\"");
    PlannerLoad l = DecodePlanner(EncodeMeta(p), {{0, chunk}});
    INFO(chunk);
    INFO(AllProblems(l));
    REQUIRE(l.planner.contacts.size() == 1);
    REQUIRE(l.planner.contacts[0].log.size() == 1);
    CHECK(l.planner.contacts[0].log[0].note == "keep");
    CHECK(HasProblem(l, "2 log entries"));
}

TEST_CASE("planner store: a contact in the wrong chunk is kept and the chunk named; duplicates keep the latest") {
    Planner p;
    Contact c;
    c.name = "old";
    Id id = AddContact(p, c, R(1));
    const std::string old_chunk = EncodeChunk(p, 0);
    FindContact(p, id)->name = "new";
    FindContact(p, id)->rev = R(2);
    PlannerLoad l = DecodePlanner(EncodeMeta(p), {{0, EncodeChunk(p, 0)}, {7, old_chunk}});
    REQUIRE(l.planner.contacts.size() == 1);
    CHECK(l.planner.contacts[0].name == "new");
    CHECK(l.damaged_chunks == std::vector<uint32_t>{7});
    CHECK(HasProblem(l, "belongs in chunk 0"));
    CHECK(HasProblem(l, "stored twice"));
}

TEST_CASE("planner store: a newer schema quarantines and reads nothing") {
    Planner p = FullPlanner();
    std::string meta = EncodeMeta(p);
    const std::string cur = "\"schema\":" + std::to_string(Planner::kSchema);
    const std::string next = "\"schema\":" + std::to_string(Planner::kSchema + 1);
    const size_t at = meta.find(cur);
    REQUIRE(at != std::string::npos);
    std::string newer = meta;
    newer.replace(at, cur.size(), next);
    PlannerLoad l = DecodePlanner(newer, EncodeAll(p));
    CHECK(l.newer_schema);
    CHECK(l.quarantine);
    CHECK(l.stored_schema == Planner::kSchema + 1);
    CHECK(HasProblem(l, "schema version " + std::to_string(Planner::kSchema + 1)));
    CHECK(l.planner.contacts.empty());
    // A newer chunk under a current meta: the same.
    Chunks chunks = EncodeAll(p);
    chunks[0].second.replace(chunks[0].second.find(cur), cur.size(), next);
    PlannerLoad l2 = DecodePlanner(meta, chunks);
    CHECK(l2.newer_schema);
    CHECK(l2.quarantine);
    CHECK(HasProblem(l2, "Contact chunk 0 has schema version " + std::to_string(Planner::kSchema + 1)));
    CHECK(l2.planner == Planner{});
}

TEST_CASE("planner store: a lost or damaged meta record keeps the contacts and repairs next_id") {
    Planner p = FullPlanner();
    for (const std::string& meta : {std::string(), std::string("{not json"), std::string("[1,2]"), std::string("{\"schema\":\"x\"}")}) {
        CAPTURE(meta);
        PlannerLoad l = DecodePlanner(meta, EncodeAll(p));
        CHECK(l.meta_damaged);
        CHECK(l.quarantine);
        CHECK(l.planner.contacts == p.contacts);
        CHECK(l.planner.organizations.empty());
        CHECK(l.planner.next_id == 1235);  // past the largest contact id
    }
    // A damaged record in meta: the rest of meta is kept.
    std::string meta = EncodeMeta(p);
    const size_t at = meta.find("\"Globex\"");
    REQUIRE(at != std::string::npos);
    meta.replace(at, 8, "false");
    PlannerLoad l = DecodePlanner(meta, EncodeAll(p));
    CHECK(l.meta_damaged);
    REQUIRE(l.planner.targets.size() == 1);
    CHECK(l.planner.targets[0].company.empty());
    CHECK(l.planner.targets[0].advocacy == 4);
    CHECK(HasProblem(l, "targets entry 1 (id"));
    CHECK(HasProblem(l, "company"));
    CHECK(l.planner.events == p.events);
}

TEST_CASE("planner store: limits are checked before parsing each part") {
    std::string deep = "{\"schema\":1,\"contacts\":" + std::string(100, '[') + std::string(100, ']') + "}";
    PlannerLoad l = DecodePlanner(EncodeMeta(Planner{}), {{0, deep}});
    CHECK(l.damaged_chunks == std::vector<uint32_t>{0});
    CHECK(HasProblem(l, "deeper than 64"));
}

TEST_CASE("planner store: schema 1 import touches become the connection date; the learner's own touches stay") {
    // Record 3: what schema 1's importer made (only "Connected on LinkedIn", Extended, Contacted).
    // Record 4: the same, but the learner logged a call: kept as it is. Record 5: learner chose Inner.
    const std::string chunk =
        "{\"schema\":1,\"chunk\":0,\"contacts\":["
        "[3,\"Imported\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",0,[],\"\",3,0,1,[[19000,5,\"Connected on LinkedIn\"]],0,0,0,20400,\"linkedin\",5,\"t\"],"
        "[4,\"Called\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",0,[],\"\",3,0,1,[[19000,5,\"Connected on LinkedIn\"],[20401,1]],0,0,0,20400,\"linkedin\",6,\"t\"],"
        "[5,\"Tiered\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",0,[],\"\",0,0,1,[[19000,5,\"Connected on LinkedIn\"]],0,0,0,20400,\"linkedin\",7,\"t\"]]}";
    Planner empty;
    empty.next_id = 6;
    PlannerLoad l = DecodePlanner(EncodeMeta(empty), {{0, chunk}});
    INFO(AllProblems(l));
    REQUIRE(l.problems.empty());
    REQUIRE(l.planner.contacts.size() == 3);
    const Contact& imported = l.planner.contacts[0];
    CHECK(imported.log.empty());
    CHECK(imported.connected == 19000);
    CHECK(imported.tier == Tier::None);
    CHECK(imported.stage == Stage::Identified);
    CHECK(imported.rev.at == 5);
    CHECK(StatusOf(imported, 20500) == FollowUpStatus::Unscheduled);
    const Contact& called = l.planner.contacts[1];
    CHECK(called.log.size() == 2);
    CHECK(called.tier == Tier::Extended);
    CHECK(called.connected == kNoDay);
    const Contact& tiered = l.planner.contacts[2];
    CHECK(tiered.tier == Tier::Inner);
    CHECK(tiered.log.size() == 1);
    // Saved again, it is the current schema and reads back the same.
    Planner again = DecodePlanner(EncodeMeta(empty), {{0, EncodeChunk(l.planner, 0)}}).planner;
    CHECK(again.contacts == l.planner.contacts);
}

TEST_CASE("planner store: schema 2 contacts load with no triage decision; not_now survives save, load and merge") {
    // Two contacts as schema 2 wrote them (no `not_now`): an imported untiered one and a tiered one.
    const std::string chunk =
        "{\"schema\":2,\"chunk\":0,\"contacts\":["
        "[3,\"Imported\",\"Acme\",\"\",\"\",\"\",\"\",\"\",\"\",0,[],\"\",4,0,0,[],0,0,0,20400,\"linkedin\",5,\"t\",19000],"
        "[4,\"Tiered\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",0,[],\"\",0,0,1,[[20401,1]],0,0,0,20400,\"manual\",6,\"t\",0]]}";
    Planner empty;
    empty.next_id = 5;
    std::string meta = EncodeMeta(empty);
    meta.replace(meta.find("\"schema\":" + std::to_string(Planner::kSchema)), 10, "\"schema\":2");
    PlannerLoad l = DecodePlanner(meta, {{0, chunk}});
    INFO(AllProblems(l));
    REQUIRE(l.problems.empty());
    CHECK(l.stored_schema == 2);
    REQUIRE(l.planner.contacts.size() == 2);
    CHECK(l.planner.contacts[0].not_now == kNoDay);
    CHECK(l.planner.contacts[0].connected == 19000);
    CHECK(AwaitingTriage(l.planner.contacts[0]));
    CHECK_FALSE(AwaitingTriage(l.planner.contacts[1]));
    // "Not now": stored with the contact, so it survives a save and load (and a backup, which holds the same chunks).
    Planner p = l.planner;
    DecideTriage(p.contacts[0], Tier::None, 20500, R(9));
    CHECK(p.contacts[0].not_now == 20500);
    CHECK(p.contacts[0].tier == Tier::None);
    CHECK_FALSE(AwaitingTriage(p.contacts[0]));
    PlannerLoad back = DecodePlanner(EncodeMeta(p), {{0, EncodeChunk(p, 0)}});
    REQUIRE(back.problems.empty());
    CHECK(back.planner.contacts == p.contacts);
    CHECK_FALSE(AwaitingTriage(back.planner.contacts[0]));
    // Another tab's older copy does not bring the contact back into triage.
    Planner other = l.planner;
    CHECK(MergePlanners(p, other));
    CHECK(p.contacts[0].not_now == 20500);
    // A negative or non-number not_now is damage, named.
    std::string bad = EncodeChunk(back.planner, 0);
    bad.replace(bad.find(",20500]"), 7, ",\"x\"]");
    PlannerLoad damaged = DecodePlanner(EncodeMeta(p), {{0, bad}});
    CHECK(HasProblem(damaged, "not_now"));
}

TEST_CASE("planner store: the stored v1 fixture loads") {
    const std::string meta = ReadFile("tests/fixtures/planner/v1/meta.json");
    const std::string chunk0 = ReadFile("tests/fixtures/planner/v1/chunk-0.json");
    PlannerLoad l = DecodePlanner(meta, {{0, chunk0}});
    INFO(AllProblems(l));
    REQUIRE(l.problems.empty());
    CHECK(l.stored_schema == 1);
    const Planner& p = l.planner;
    CHECK(p.generation == "1767225600000-a1b2");
    CHECK(p.next_id == 9);
    REQUIRE(p.contacts.size() == 2);
    const Contact& priya = p.contacts[0];
    CHECK(priya.id == 1);
    CHECK(priya.name == "Priya Raman");
    CHECK(priya.company == "Acme Payments");
    CHECK(priya.role == "Platform lead");
    CHECK(priya.industry == "Financial Services");
    CHECK(priya.location == "Toronto, Canada");
    CHECK(priya.profile_url == "https://www.linkedin.com/in/priya-raman-example");
    CHECK(priya.email == "priya@example.com");
    CHECK(priya.met == "DevOps Days Toronto");
    CHECK(priya.tags == std::vector<std::string>{"mentor", "sre"});
    CHECK(priya.notes == "Moving her team to SRE.\nAsk about on-call.");
    CHECK(priya.tier == Tier::Close);
    CHECK(priya.cadence_days == 0);
    CHECK(priya.stage == Stage::Met);
    REQUIRE(priya.log.size() == 2);
    CHECK(priya.log[0].day == D(2026, 1, 15));
    CHECK(priya.log[0].channel == Channel::Event);
    CHECK(priya.log[0].note == "DevOps Days Toronto");
    CHECK(priya.log[1].day == D(2026, 1, 16));
    CHECK(priya.log[1].channel == Channel::Email);
    CHECK(priya.log[1].help == Help::Received);
    CHECK(priya.log[1].help_note == "Intro to her manager");
    CHECK(priya.added == D(2026, 1, 15));
    CHECK(priya.source == "manual");
    CHECK(priya.rev == Rev{1768521600000, "a1b2"});
    const Contact& jun = p.contacts[1];
    CHECK(jun.id == 2);
    CHECK(jun.name == "Jun \xE6\x9D\x8E");  // "Jun 李"
    CHECK(jun.tier == Tier::Extended);
    CHECK(jun.stage == Stage::Identified);
    CHECK(jun.log.empty());
    CHECK(jun.source == "linkedin");
    CHECK(jun.introduced_by == 1);
    REQUIRE(p.organizations.size() == 1);
    CHECK(p.organizations[0].name == "DevOps Toronto");
    CHECK(p.organizations[0].status == OrgStatus::Member);
    CHECK(p.organizations[0].dues_cents == 5000);
    CHECK(p.organizations[0].renewal == D(2027, 1, 1));
    CHECK(p.organizations[0].roles == std::vector<std::string>{"Volunteer"});
    REQUIRE(p.events.size() == 1);
    CHECK(p.events[0].name == "DevOps Days Toronto");
    CHECK(p.events[0].day == D(2026, 1, 15));
    CHECK(p.events[0].attended);
    CHECK(p.events[0].met == std::vector<Id>{1});
    REQUIRE(p.events[0].prep.size() == 2);
    CHECK(p.events[0].prep[0].text == "Pick three talks");
    CHECK(p.events[0].prep[0].done);
    REQUIRE(p.social.size() == 1);
    CHECK(p.social[0].action == SocialAction::Post);
    CHECK(p.social[0].every_days == 7);
    CHECK(p.social[0].done == std::vector<Day>{D(2026, 1, 12), D(2026, 1, 19)});
    REQUIRE(p.targets.size() == 1);
    CHECK(p.targets[0].company == "Globex");
    CHECK(Score(p.targets[0]) == 3 * 4 + 2 * 5 + 2);
    REQUIRE(p.goals.size() == 1);
    CHECK(p.goals[0].kind == GoalKind::FollowUps);
    CHECK(p.goals[0].period == GoalPeriod::Week);
    CHECK(p.goals[0].target == 3);
    REQUIRE(p.deleted.size() == 1);
    CHECK(p.deleted[0].id == 8);
    CHECK(p.deleted[0].rev == Rev{1768608000000, "c3d4"});
    // This build writes it as the current schema (more fields: `connected`, `not_now`), which reads back the same.
    const std::string v2 = EncodeChunk(p, 0);
    CHECK(v2.rfind("{\"schema\":" + std::to_string(Planner::kSchema) + ",", 0) == 0);
    CHECK(DecodePlanner(meta, {{0, v2}}).planner.contacts == p.contacts);
}

// --- Merge ---------------------------------------------------------------------------

TEST_CASE("planner merge: different records both survive; each side reports what the other lacks") {
    Planner base;
    base.generation = "g1";
    Planner a = base, b = base;
    Id from_a = AddContact(a, Contact{}, R(10, "a"));
    b.next_id = 2;  // both tabs would pick 1: tabs pick ids from their own next_id
    Id from_b = AddContact(b, Contact{}, R(11, "b"));
    AddGoal(b, Goal{}, R(12, "b"));
    Planner a2 = a;
    CHECK(MergePlanners(a, b));  // a holds from_a, which b lacks
    CHECK(FindContact(a, from_a));
    CHECK(FindContact(a, from_b));
    CHECK(a.goals.size() == 1);
    CHECK(a.next_id == 4);
    CHECK_FALSE(MergePlanners(b, a));  // now b has all of a
    CHECK(b == a);
    CHECK_FALSE(MergePlanners(a2, a2));
}

TEST_CASE("planner merge: the same record, the later revision wins") {
    Planner mine;
    Contact c;
    c.name = "mine";
    AddContact(mine, c, R(10, "a"));
    Planner theirs = mine;
    theirs.contacts[0].name = "theirs";
    theirs.contacts[0].rev = R(20, "b");
    CHECK_FALSE(MergePlanners(mine, theirs));
    CHECK(mine.contacts[0].name == "theirs");
    Planner older = mine;
    older.contacts[0].name = "older";
    older.contacts[0].rev = R(5, "c");
    CHECK(MergePlanners(mine, older));
    CHECK(mine.contacts[0].name == "theirs");
    // A tie on time is broken by the tab id.
    Planner tie = mine;
    tie.contacts[0].name = "tie";
    tie.contacts[0].rev = R(20, "z");
    MergePlanners(mine, tie);
    CHECK(mine.contacts[0].name == "tie");
}

TEST_CASE("planner merge: a delete beats an older edit and loses to a newer one") {
    Planner base;
    Id id = AddContact(base, Contact{}, R(10));
    Id org = AddOrganization(base, Organization{}, R(10));
    Planner deleter = base, editor = base;
    DeleteContact(deleter, id, R(30, "d"));
    DeleteOrganization(deleter, org, R(30, "d"));
    FindContact(editor, id)->name = "edited before the delete";
    FindContact(editor, id)->rev = R(20, "e");
    FindOrganization(editor, org)->name = "edited after the delete";
    FindOrganization(editor, org)->rev = R(40, "e");
    Planner m1 = editor;
    CHECK(MergePlanners(m1, deleter));  // the org edit is news for the deleter
    CHECK(FindContact(m1, id) == nullptr);
    REQUIRE(FindOrganization(m1, org));
    CHECK(FindOrganization(m1, org)->name == "edited after the delete");
    REQUIRE(m1.deleted.size() == 1);  // the org's tombstone is gone, the contact's stays
    CHECK(m1.deleted[0].id == id);
    Planner m2 = deleter;
    CHECK(MergePlanners(m2, editor));  // the contact's delete is news for the editor
    CHECK(m2 == m1);
}

TEST_CASE("planner merge: a different generation replaces whole, the later one winning") {
    Planner old_gen, new_gen;
    old_gen.generation = "1000-a";
    new_gen.generation = "2000-b";
    AddContact(old_gen, Contact{}, R(99999));
    Planner mine = old_gen;
    CHECK_FALSE(MergePlanners(mine, new_gen));
    CHECK(mine == new_gen);
    mine = new_gen;
    CHECK(MergePlanners(mine, old_gen));
    CHECK(mine == new_gen);
}

TEST_CASE("planner merge: two tabs that hand out the same ids keep both records; this tab's move, with their references") {
    Planner stored;
    stored.generation = "g1";
    AddContact(stored, Contact{}, R(1, "s"));
    AddContact(stored, Contact{}, R(1, "s"));  // ids 1, 2; next_id 3
    // Tab B added three records and saved: they hold ids 3, 4, 5.
    Planner b = stored;
    Contact bc;
    bc.name = "B's contact";
    AddContact(b, bc, R(20, "b"));  // 3
    AddGoal(b, Goal{}, R(20, "b"));  // 4
    bc.name = "B's second";
    AddContact(b, bc, R(20, "b"));  // 5
    // Tab A, a second later and without B's records, added its own at the same ids.
    Planner a = stored;
    MergeSide side;
    side.published = stored.next_id;
    side.now = R(30, "a");
    Contact ac;
    ac.name = "A's contact";
    Id a1 = AddContact(a, ac, R(21, "a"));  // 3
    Event ev;
    ev.met = {a1, 1};
    Id a_ev = AddEvent(a, ev, R(21, "a"));  // 4
    ac.name = "Introduced by A's contact";
    ac.introduced_by = a1;
    Id a2 = AddContact(a, ac, R(21, "a"));  // 5
    Id gone = AddOrganization(a, Organization{}, R(21, "a"));  // 6, deleted again: its tombstone is A's alone
    DeleteOrganization(a, gone, R(22, "a"));
    REQUIRE((a1 == 3 && a_ev == 4 && a2 == 5));

    CHECK(MergePlanners(a, b, &side));
    // B's records are untouched at their ids.
    REQUIRE(FindContact(a, 3));
    CHECK(FindContact(a, 3)->name == "B's contact");
    CHECK(FindContact(a, 5)->name == "B's second");
    CHECK(FindGoal(a, 4));
    // A's moved past everything either tab handed out (A's next_id was 7: 6 is A's tombstone).
    CHECK(side.moved == std::vector<std::pair<Id, Id>>{{3, 7}, {4, 8}, {5, 9}});
    REQUIRE(FindContact(a, 7));
    CHECK(FindContact(a, 7)->name == "A's contact");
    REQUIRE(FindContact(a, 9));
    CHECK(FindContact(a, 9)->introduced_by == 7);
    REQUIRE(FindEvent(a, 8));
    CHECK(FindEvent(a, 8)->met == std::vector<Id>{7, 1});
    CHECK(a.next_id == 10);
    CHECK(side.published == 6);
    REQUIRE(a.deleted.size() == 1);
    CHECK(a.deleted[0].id == 6);
    CHECK(std::is_sorted(a.contacts.begin(), a.contacts.end(), [](const Contact& x, const Contact& y) { return x.id < y.id; }));
    // B then merges what A saved: nothing moves, and both hold the same.
    MergeSide b_side;
    b_side.published = b.next_id;
    CHECK_FALSE(MergePlanners(b, a, &b_side));
    CHECK(b_side.moved.empty());
    CHECK(b == a);
    // A merging the same again moves nothing more.
    side.moved.clear();
    CHECK_FALSE(MergePlanners(a, b, &side));
    CHECK(side.moved.empty());
}

TEST_CASE("planner merge: a tombstone of a record only this tab had never deletes theirs at the same id") {
    Planner stored;
    stored.generation = "g1";
    Planner a = stored, b = stored;
    Id mine = AddContact(a, Contact{}, R(10, "a"));
    DeleteContact(a, mine, R(11, "a"));
    Contact kept;
    kept.name = "Theirs";
    CHECK(AddContact(b, kept, R(5, "b")) == mine);
    MergeSide side;
    side.published = stored.next_id;
    MergePlanners(a, b, &side);
    REQUIRE(FindContact(a, mine));
    CHECK(FindContact(a, mine)->name == "Theirs");
    CHECK(a.deleted.empty());
    // Without the side (no knowledge of what is new here), the old rule deletes it: the case above needs it.
    Planner a2 = stored;
    DeleteContact(a2, AddContact(a2, Contact{}, R(10, "a")), R(11, "a"));
    MergePlanners(a2, b);
    CHECK(FindContact(a2, mine) == nullptr);
}

TEST_CASE("planner merge: two tabs editing different fields of one record keep both edits") {
    Planner stored;
    stored.generation = "g1";
    Contact c;
    c.name = "Grace Hopper";
    c.tags = {"navy", "cobol"};
    Id id = AddContact(stored, c, R(10, "s"));
    Organization o;
    o.name = "ACM";
    Id org = AddOrganization(stored, o, R(10, "s"));

    // Tab A changes the company, adds a tag, logs a touch; tab B (later) the notes, drops a tag, logs another.
    Planner a = stored, b = stored;
    Planner a_base;
    a_base.contacts = {*FindContact(stored, id)};
    a_base.organizations = {*FindOrganization(stored, org)};
    Contact& ac = *FindContact(a, id);
    ac.company = "US Navy";
    ac.tags.push_back("compilers");
    REQUIRE(LogTouch(ac, Interaction{D(2026, 12, 1), Channel::Email, "from A"}, R(20, "a")));
    ac.rev = R(20, "a");
    FindOrganization(a, org)->want = "A committee seat";
    FindOrganization(a, org)->rev = R(20, "a");
    Contact& bc = *FindContact(b, id);
    bc.notes = "Met at the conference";
    bc.tags = {"cobol"};
    REQUIRE(LogTouch(bc, Interaction{D(2026, 11, 30), Channel::Call, "from B"}, R(21, "b")));
    FindOrganization(b, org)->status = OrgStatus::Member;
    FindOrganization(b, org)->rev = R(21, "b");

    MergeSide side;
    side.published = stored.next_id;
    side.base = &a_base;
    side.now = R(22, "a");
    CHECK(MergePlanners(a, b, &side));
    const Contact& m = *FindContact(a, id);
    CHECK(m.name == "Grace Hopper");
    CHECK(m.company == "US Navy");
    CHECK(m.notes == "Met at the conference");
    CHECK(m.tags == std::vector<std::string>{"cobol", "compilers"});
    REQUIRE(m.log.size() == 2);
    CHECK(m.log[0].note == "from B");  // oldest first
    CHECK(m.log[1].note == "from A");
    CHECK(m.stage == Stage::Contacted);
    CHECK(R(21, "b") < m.rev);  // newer than both, so every tab takes it
    CHECK(FindOrganization(a, org)->want == "A committee seat");
    CHECK(FindOrganization(a, org)->status == OrgStatus::Member);
    // The base is now what B stored: A's next merge with B's same record changes nothing.
    REQUIRE(a_base.contacts.size() == 1);
    CHECK(a_base.contacts[0] == *FindContact(b, id));
    Planner again = a;
    CHECK(MergePlanners(again, b, &side));
    CHECK(again == a);
    // B takes A's merged record whole (it is newer and B has no base): the two agree.
    MergePlanners(b, a);
    CHECK(*FindContact(b, id) == m);

    // The same field changed on both sides: the later revision's value.
    Planner x = stored, y = stored;
    Planner x_base;
    x_base.contacts = {*FindContact(stored, id)};
    FindContact(x, id)->notes = "x, earlier";
    FindContact(x, id)->rev = R(30, "x");
    FindContact(y, id)->notes = "y, later";
    FindContact(y, id)->rev = R(31, "y");
    MergeSide xs;
    xs.published = stored.next_id;
    xs.base = &x_base;
    MergePlanners(x, y, &xs);
    CHECK(FindContact(x, id)->notes == "y, later");
    CHECK(FindContact(x, id)->rev == R(31, "y"));  // theirs whole: same revision
    CHECK(x_base.contacts.empty());                // and as stored: no base left
}

TEST_CASE("planner merge: field by field covers every field of every kind") {
    // Defaults at the full planner's ids: one side changes every field, the other only its revision.
    const Planner full = FullPlanner();
    Planner plain = full;
    auto reset = [](auto& list) {
        for (auto& r : list) {
            using T = std::decay_t<decltype(r)>;
            T d;
            d.id = r.id;
            d.rev = R(1, "s");
            r = d;
        }
    };
    reset(plain.contacts), reset(plain.organizations), reset(plain.events), reset(plain.social), reset(plain.targets),
        reset(plain.goals);
    plain.deleted.clear();
    auto bump = [](Planner p, Rev rev) {
        for (auto& r : p.contacts) r.rev = rev;
        for (auto& r : p.organizations) r.rev = rev;
        for (auto& r : p.events) r.rev = rev;
        for (auto& r : p.social) r.rev = rev;
        for (auto& r : p.targets) r.rev = rev;
        for (auto& r : p.goals) r.rev = rev;
        return p;
    };
    Planner changed = bump(full, R(5, "m"));
    changed.deleted.clear();
    changed.next_id = plain.next_id;
    for (int mine_changes = 0; mine_changes < 2; ++mine_changes) {
        CAPTURE(mine_changes);
        Planner mine = mine_changes ? changed : bump(plain, R(6, "m"));
        Planner theirs = mine_changes ? bump(plain, R(6, "t")) : bump(changed, R(5, "t"));
        Planner base = plain;
        MergeSide side;
        side.published = plain.next_id;
        side.base = &base;
        side.now = R(9, "m");
        MergePlanners(mine, theirs, &side);
        auto same = [](auto got, auto want) {
            for (auto& r : got) r.rev = Rev{};
            for (auto& r : want) r.rev = Rev{};
            return got == want;
        };
        CHECK(same(mine.contacts, full.contacts));
        CHECK(same(mine.organizations, full.organizations));
        CHECK(same(mine.events, full.events));
        CHECK(same(mine.social, full.social));
        CHECK(same(mine.targets, full.targets));
        CHECK(same(mine.goals, full.goals));
    }
}

TEST_CASE("planner merge: DifferingChunks names the chunks to rewrite") {
    Planner a;
    for (int i = 0; i < 1600; ++i) AddContact(a, Contact{}, R(1));
    Planner b = a;
    CHECK(DifferingChunks(a, b).empty());
    FindContact(b, 10)->rev = R(2);
    DeleteContact(b, 1200, R(2));
    AddContact(b, Contact{}, R(2));  // 1601: chunk 3
    CHECK(DifferingChunks(a, b) == std::vector<uint32_t>{0, 2, 3});
    CHECK(DifferingChunks(b, a) == std::vector<uint32_t>{0, 2, 3});
}

// --- Templates ---------------------------------------------------------------------------

TEST_CASE("templates: the shipped file decodes and its placeholders fill") {
    Templates t;
    std::string error;
    REQUIRE_MESSAGE(DecodeTemplates(ReadFile("content/planner/templates.json"), t, error), error);
    CHECK(t.event_kinds.size() >= 5);
    CHECK(std::find(t.event_kinds.begin(), t.event_kinds.end(), "Conference") != t.event_kinds.end());
    CHECK(std::find(t.event_kinds.begin(), t.event_kinds.end(), "Meetup") != t.event_kinds.end());
    CHECK(t.organization_kinds.size() >= 3);
    CHECK(t.outreach.size() >= 3);
    CHECK(t.outreach.size() <= 4);
    CHECK(t.thank_you.size() == 2);
    CHECK(t.goals.size() >= 3);
    CHECK(t.social.size() >= 3);
    // The chapter's advice: greet by first name, and leave a visible blank for the detail only the learner knows.
    for (const MessageTemplate& m : t.outreach) {
        CHECK(m.text.find("{first_name}") != std::string::npos);
        CHECK(m.text.find("[") != std::string::npos);
    }
    Contact c;
    c.name = "Priya Raman";
    c.company = "Acme";
    const MessageTemplate* after = nullptr;
    for (const MessageTemplate& m : t.outreach)
        if (m.text.find("{event}") != std::string::npos) after = &m;
    REQUIRE(after);
    const std::string filled = FillTemplate(after->text, c, "DevOps Days");
    CHECK(filled.find("Hi Priya,") != std::string::npos);
    CHECK(filled.find("DevOps Days") != std::string::npos);
    CHECK(filled.find('{') == std::string::npos);
}

TEST_CASE("templates: FillTemplate never shows a raw known placeholder; empty ones become visible blanks") {
    Contact c;
    c.name = "Priya Raman";
    c.role = "SRE";
    CHECK(FillTemplate("Hi {first_name} ({name}, {role}) at {company} / {event} {unknown} {", c, "") ==
          "Hi Priya (Priya Raman, SRE) at [their company] / [the event] {unknown} {");
    Contact nobody;
    CHECK(FillTemplate("Dear {first_name}, {role}", nobody, "") == "Dear [their name], [their role]");
    CHECK(FillTemplate("{event}!", c, "Meetup") == "Meetup!");
}

TEST_CASE("templates: a bad file is refused with file:line:col and what is wrong") {
    const std::string good = ReadFile("content/planner/templates.json");
    Templates t;
    std::string error;
    auto fails = [&](const std::string& text) {
        Templates out;
        out.event_kinds = {"untouched"};
        bool ok = DecodeTemplates(text, out, error, "templates.json");
        CHECK(out.event_kinds == std::vector<std::string>{"untouched"});
        return !ok;
    };
    CHECK(fails("{\n  \"version\": 1,\n  \"event_kinds\": [\"a\",]\n}"));
    CHECK(error == "templates.json:3:23: not valid JSON");
    // Wrong type: pointed at the value.
    std::string text = good;
    text.replace(text.find("\"Seminar\""), 9, "7");
    CHECK(fails(text));
    CHECK(error.find("event_kinds[3] must be non-empty text") != std::string::npos);
    CHECK(error.find("templates.json:7:5:") == 0);
    // Unknown placeholder.
    text = good;
    text.replace(text.find("{company}"), 9, "{compnay}");
    CHECK(fails(text));
    CHECK(error.find("outreach[2].text uses {compnay}") != std::string::npos);
    CHECK(error.find("templates.json:33:15:") == 0);
    // Unknown field, duplicate id, bad enum, bad version, not an object.
    text = good;
    text.replace(text.find("\"every_days\": 7"), 15, "\"every_day\": 7");
    CHECK(fails(text));
    CHECK(error.find("unknown field \"every_day\" in social[0]") != std::string::npos);
    text = good;
    text.replace(text.find("\"after-event\""), 13, "\"learn-from-you\"");
    CHECK(fails(text));
    CHECK(error.find("\"learn-from-you\" is used twice") != std::string::npos);
    text = good;
    text.replace(text.find("\"week\""), 6, "\"year\"");
    CHECK(fails(text));
    CHECK(error.find("goals[0].period must be one of: week, month") != std::string::npos);
    text = good;
    text.replace(text.find("\"version\": 1"), 12, "\"version\": 2");
    CHECK(fails(text));
    CHECK(error.find("templates.json:2:14: version must be 1") == 0);
    CHECK(fails("[]"));
    CHECK(error == "templates.json:1:1: the file must be an object");
    CHECK(fails("{\"version\":1}"));
    CHECK(error.find("has no \"event_kinds\"") != std::string::npos);
    CHECK(fails(std::string(100, '[')));
    CHECK(error.find("deeper than 64") != std::string::npos);
}

// --- 30,000 contacts --------------------------------------------------------------------

TEST_CASE("planner at 30,000 contacts: round trip is exact; queries, agenda, map and merge agree (timings: tests/bench/planner_timings.cpp)") {
    const Day today = D(2026, 6, 15);
    Planner p = wbtest::BigPlanner(30000, today);

    const std::string meta = EncodeMeta(p);
    Chunks chunks;
    for (uint32_t k : ChunksOf(p)) chunks.emplace_back(k, EncodeChunk(p, k));
    PlannerLoad l = DecodePlanner(meta, chunks);
    INFO(AllProblems(l));
    CHECK(l.problems.empty());
    CHECK(l.planner.contacts.size() == 30000);
    CHECK(l.planner == p);

    ContactQuery q;
    q.text = "engineer toronto";
    q.sort = ContactQuery::Name;
    std::vector<uint32_t> hits = QueryContacts(p, q, today);
    CHECK(!hits.empty());
    CHECK(hits.size() < p.contacts.size());
    for (uint32_t i : hits) {
        CHECK(p.contacts[i].location.find("Toronto") != std::string::npos);
        CHECK(p.contacts[i].role.find("Engineer") != std::string::npos);
    }
    ContactQuery one_letter;  // the slowest search: almost everything matches, sorted by name
    one_letter.text = "e";
    const size_t most = QueryContacts(p, one_letter, today).size();
    CHECK(most > 29000);

    ContactQuery all;
    all.sort = ContactQuery::NextFollowUp;
    CHECK(QueryContacts(p, all, today).size() == 30000);

    Agenda a = ComputeAgenda(p, today);
    CHECK(a.overdue.size() + a.due.size() + a.never_contacted.size() <= 30000);
    CHECK(!a.overdue.empty());

    Metrics m = ComputeMetrics(p, today);
    std::vector<MapPoint> pts = LayoutMap(p, today);
    std::vector<MapCell> cells = AggregateMap(p, today);
    CHECK(pts.size() == 30000);
    CHECK(!cells.empty());
    CHECK(m.per_tier[0] + m.per_tier[1] + m.per_tier[2] + m.per_tier[3] == 30000);

    Planner other = l.planner;
    FindContact(other, 12345)->rev = R(1800000000000, "x");
    const bool news = MergePlanners(p, other);
    CHECK_FALSE(news);
}
