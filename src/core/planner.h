// The network-building planner: the learner's contacts, organizations, events,
// social media plan, target companies and goals. Plain structs (30,000 contacts
// must fit in a few tens of MB of wasm heap; a JSON DOM would not), date-only
// values as day numbers, and per-record revisions so two tabs merge.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "core/state.h"  // Rev

namespace wb::planner {

// --- Dates -------------------------------------------------------------------
// A calendar date with no time or zone (a follow-up is due "on the 3rd", in
// whatever zone the learner is in): days since 1970-01-01. 0 = no date.
using Day = int32_t;
constexpr Day kNoDay = 0;
Day DayFromYmd(int y, int m, int d);
void YmdFromDay(Day day, int& y, int& m, int& d);
std::string FormatDay(Day day);             // "2026-11-26"; "" for kNoDay
bool ParseDay(std::string_view text, Day& out);  // "2026-11-26" only
int Weekday(Day day);                       // 0 = Monday .. 6 = Sunday
Day WeekStart(Day day);                     // the Monday of day's week

// Stable record id, never reused within one planner (next_id only grows).
using Id = uint32_t;

// --- Contacts ------------------------------------------------------------------
// None: not sorted yet (an imported connection), so no follow-up is scheduled
// until the learner gives a tier or a cadence. Stored as its number (4).
enum class Tier : uint8_t { Inner, Close, Active, Extended, None };
constexpr int kTierCount = 4;  // the real tiers, Inner..Extended
// Inner: monthly, Close: every 2 months, Active: quarterly, Extended: yearly; None: 0 (no cadence).
int DefaultCadenceDays(Tier tier);

enum class Stage : uint8_t { Identified, Contacted, Replied, Met, ThankYouSent, Advocate };
enum class Channel : uint8_t { InPerson, Call, Email, Message, Event, Social };
enum class Help : uint8_t { None, Given, Received };

struct Interaction {
    Day day = kNoDay;
    Channel channel = Channel::Message;
    std::string note;
    Help help = Help::None;
    std::string help_note;  // what was given or received
    bool operator==(const Interaction&) const = default;
};

struct Contact {
    Id id = 0;
    std::string name, company, role, industry, location, profile_url, email;
    std::string met;            // how and where we met
    Id introduced_by = 0;       // another contact, 0 = none
    std::vector<std::string> tags;
    std::string notes;
    Tier tier = Tier::Extended;
    int cadence_days = 0;       // per-contact override; 0 = the tier's default
    Stage stage = Stage::Identified;
    std::vector<Interaction> log;  // oldest first
    Day snoozed_until = kNoDay; // follow-up pushed back to this day
    Day follow_up_by = kNoDay;  // a one-off promise (after an event: within 48 hours)
    Day follow_up_from = kNoDay;  // the day it was made (the event's day): a touch logged on or after it keeps the promise
    Day added = kNoDay;
    // When the connection was made on the platform ("Connected on" in LinkedIn's
    // export). A fact about the contact, not a touch: it never starts the follow-up clock.
    Day connected = kNoDay;
    // Triage's "Not now": the day the learner decided this untiered contact needs
    // no tier for now, so triage stops offering it. It stays untiered (nothing
    // becomes due); giving a tier clears it. kNoDay = not decided.
    Day not_now = kNoDay;
    std::string source;         // "manual", "linkedin", "google", "vcard"
    Rev rev;
    bool operator==(const Contact&) const = default;
};

// --- Organizations, events, social plan, targets, goals ---------------------------
enum class OrgStatus : uint8_t { Researching, Applied, Member, Lapsed };
struct Organization {
    Id id = 0;
    std::string name, kind;     // kind: "Professional association", "Alumni network", ...
    OrgStatus status = OrgStatus::Researching;
    int64_t dues_cents = 0;     // per year
    Day renewal = kNoDay;
    std::string want;           // what I want from it
    std::vector<std::string> roles;  // roles taken (committee member, volunteer, ...)
    std::string notes;
    Rev rev;
    bool operator==(const Organization&) const = default;
};

struct ChecklistItem {
    std::string text;
    bool done = false;
    bool operator==(const ChecklistItem&) const = default;
};
struct Event {
    Id id = 0;
    std::string name, kind, place, link;
    Day day = kNoDay;
    std::string goal;           // people to meet
    std::vector<ChecklistItem> prep;
    bool attended = false;
    std::vector<Id> met;        // contacts met there: each owes a follow-up within 48 hours
    std::string notes;
    Rev rev;
    bool operator==(const Event&) const = default;
};

enum class SocialAction : uint8_t { UpdateProfile, Post, Comment, Share };
struct SocialPlan {
    Id id = 0;
    std::string platform;       // "LinkedIn", ...
    SocialAction action = SocialAction::Post;
    int every_days = 7;         // how often
    std::vector<Day> done;      // days it was done, oldest first
    Rev rev;
    bool operator==(const SocialPlan&) const = default;
};

struct Target {
    Id id = 0;
    std::string company, notes;
    int advocacy = 0, motivation = 0, openings = 0;  // 0..5 each (LAMP-style scoring)
    Rev rev;
    bool operator==(const Target&) const = default;
};

enum class GoalKind : uint8_t { NewContacts, FollowUps, Events, SocialActions };
enum class GoalPeriod : uint8_t { Week, Month };
struct Goal {
    Id id = 0;
    GoalKind kind = GoalKind::FollowUps;
    GoalPeriod period = GoalPeriod::Week;
    int target = 0;
    Rev rev;
    bool operator==(const Goal&) const = default;
};

// A deleted record: kept so a delete in one tab is not undone by another tab's
// older copy when they merge.
struct Tombstone {
    Id id = 0;
    Rev rev;
    bool operator==(const Tombstone&) const = default;
};

struct Planner {
    // 2: Tier::None, Contact::connected (schema 1's import touch "Connected on
    // LinkedIn" becomes the connected date; see MigrateChunk).
    // 3: Contact::not_now (triage's "Not now"; schema 2 contacts get kNoDay).
    static constexpr int kSchema = 3;
    std::string generation;     // as LearnerState::generation: reset/restore start a new one
    Id next_id = 1;
    std::vector<Contact> contacts;  // sorted by id
    std::vector<Organization> organizations;
    std::vector<Event> events;
    std::vector<SocialPlan> social;
    std::vector<Target> targets;
    std::vector<Goal> goals;
    std::vector<Tombstone> deleted;
    bool operator==(const Planner&) const = default;
};

// =============================================================================
// Operations (planner.cpp, planner_templates.cpp, planner_store.cpp). None of them throws; all take `today` from the
// caller (the learner's local date) so they are pure and testable.
// =============================================================================

// --- Follow-ups ----------------------------------------------------------------
// When a contact is next due, computed on open (no server, no cron):
//   base = last touch + cadence (the contact's override, else its tier's default),
//          always from the LAST TOUCH, so changing tier or cadence moves the date
//          at once and never restarts the clock;
//   a pending promise (follow_up_by) makes it earlier: base = min(base, follow_up_by);
//   a contact with no touch has no base, only its promise if it has one;
//   a contact with no cadence (Tier::None and no override) has no base either;
//   snoozed_until pushes it later: next = max(base, snoozed_until).
// A promise is pending while follow_up_by is set. LogTouch clears it when the touch
// is dated on or after follow_up_from (the day it was made), so back-filling an
// older touch does not fulfil it; MarkAttended logs the meeting itself before it
// makes the promise, so the meeting does not fulfil it either, and makes no
// promise to someone already touched on or after the event's day (kept already).
constexpr int kDueWindowDays = 7;      // "due": 0 <= next - today < 7
constexpr int kEventWindowDays = 30;   // agenda events: 0 <= day - today < 30
constexpr int kEventFollowUpDays = 2;  // 48 hours after an event

int CadenceDays(const Contact& c);        // override or tier default; 0 = none (not tiered)
Day LastTouch(const Contact& c);          // latest interaction day; kNoDay if none
Day NextFollowUp(const Contact& c);       // kNoDay: never contacted and nothing promised

enum class FollowUpStatus : uint8_t { NeverContacted, Overdue, DueThisWeek, Later, Snoozed, Unscheduled };
// Snoozed: the snooze is what holds the date back (snoozed_until > today and after
// the date it would otherwise have). NeverContacted: NextFollowUp is kNoDay and the
// contact has a cadence. Unscheduled: NextFollowUp is kNoDay because it has none
// (not tiered yet): not a follow-up at all.
FollowUpStatus StatusOf(const Contact& c, Day today);

struct Agenda {
    std::vector<Id> overdue;          // most overdue first (then by id)
    std::vector<Id> due;              // due within kDueWindowDays, soonest first
    std::vector<Id> never_contacted;  // by id (tiered contacts only)
    size_t untiered = 0;              // contacts with no tier and no cadence: nothing scheduled
    size_t awaiting_triage = 0;       // of every contact: AwaitingTriage (untiered and not set aside)
    std::vector<Id> upcoming_events;  // events within kEventWindowDays, soonest first
};
Agenda ComputeAgenda(const Planner& p, Day today);  // one pass over the contacts

// --- Triage ----------------------------------------------------------------------
// Triage offers every contact with no cadence (no tier, no override) that the
// learner has not set aside with "Not now".
inline bool AwaitingTriage(const Contact& c) {
    return c.tier == Tier::None && c.cadence_days <= 0 && c.not_now == kNoDay;
}
// What a triage decision does to a contact: a tier (Inner..Extended) clears "Not
// now"; Tier::None means "Not now", dated `today` (the contact stays untiered).
// Sets rev. Cadence overrides are left as they are.
void DecideTriage(Contact& c, Tier tier, Day today, Rev rev);

// Adds a touch to the log (kept sorted by day; a same-day touch goes after the
// ones already there), moves Identified to Contacted, clears a promise it
// fulfils and a snooze when it is the latest touch. Sets the contact's rev.
// A touch without a day (kNoDay) is refused: returns false, nothing changes.
bool LogTouch(Contact& c, Interaction touch, Rev rev);
void Snooze(Contact& c, Day until, Rev rev);  // kNoDay clears the snooze
// A one-off promise to follow up by `by`, made on `made_on`.
void PromiseFollowUp(Contact& c, Day made_on, Day by, Rev rev);

// Marks the event attended and records who was met there. For each contact in
// `met` not already recorded: logs the meeting (Channel::Event on the event's
// day, the event's name as its note), raises its stage to Met, and promises a
// follow-up by event.day + 2. Ids already recorded or unknown are skipped, so
// calling it again is harmless. An event without a day records the people but
// logs nothing. Returns how many contacts were newly recorded; -1: no such event.
int MarkAttended(Planner& p, Id event, std::vector<Id> met, Rev rev);

// --- Records -------------------------------------------------------------------
// One id space for every kind (a Tombstone names its record by id alone). Add*
// assigns next_id++, sets rev, and keeps the list sorted by id. AddContact fills
// `added` from rev.at (UTC day) when the caller left it kNoDay.
// After editing a record in place, the caller sets its rev (merge needs it).
Id AddContact(Planner& p, Contact c, Rev rev);
Id AddOrganization(Planner& p, Organization o, Rev rev);
Id AddEvent(Planner& p, Event e, Rev rev);
Id AddSocialPlan(Planner& p, SocialPlan s, Rev rev);
Id AddTarget(Planner& p, Target t, Rev rev);
Id AddGoal(Planner& p, Goal g, Rev rev);

// Binary search by id; nullptr when absent (deleted records leave dangling ids in
// Event::met and Contact::introduced_by: views skip ids they cannot find).
Contact* FindContact(Planner& p, Id id);
const Contact* FindContact(const Planner& p, Id id);
Organization* FindOrganization(Planner& p, Id id);
Event* FindEvent(Planner& p, Id id);
const Event* FindEvent(const Planner& p, Id id);
SocialPlan* FindSocialPlan(Planner& p, Id id);
Target* FindTarget(Planner& p, Id id);
Goal* FindGoal(Planner& p, Id id);

// Removes the record and leaves a Tombstone with `rev`. False if absent.
bool DeleteContact(Planner& p, Id id, Rev rev);
bool DeleteOrganization(Planner& p, Id id, Rev rev);
bool DeleteEvent(Planner& p, Id id, Rev rev);
bool DeleteSocialPlan(Planner& p, Id id, Rev rev);
bool DeleteTarget(Planner& p, Id id, Rev rev);
bool DeleteGoal(Planner& p, Id id, Rev rev);

// --- Contacts table ----------------------------------------------------------------
struct ContactQuery {
    // Every whitespace-separated word must occur inside one of: name, company,
    // role, industry, location, email, met, notes, or a tag, compared by their
    // keys (core/unicode_key.h: any case, composed or decomposed, full-width or
    // not, accents of Latin, Greek and Cyrillic ignored, katakana as hiragana).
    // A word never spans two fields.
    std::string text;
    int tier = -1;         // a Tier value; -1 = any
    int stage = -1;        // a Stage value; -1 = any
    std::string tag;       // one tag, whole and case-insensitive; "" = any
    bool due_only = false; // Overdue or DueThisWeek only
    enum Sort : uint8_t { Name, Company, NextFollowUp, LastTouch, Tier, Stage };
    Sort sort = Name;
    bool descending = false;
};

// Indexes into p.contacts, filtered and sorted; ties by id. Name and company sort
// by their sort keys (core/unicode_key.h), then by their accents. For the date
// sorts, contacts without a date come last in either direction. One pass, no
// cache to keep: the words are found with a Horspool search straight in the
// fields, and only a non-ASCII field where that fails has its key built (~7 ms
// natively for 30,000 contacts, all matching, sorted by name; a prebuilt
// lowercase copy measured no faster and cost ~8 MB and a build).
std::vector<uint32_t> QueryContacts(const Planner& p, const ContactQuery& q, Day today);
// Every tag in use, once each (case-insensitive; the first spelling met is kept), sorted.
std::vector<std::string> AllTags(const Planner& p);

// --- Social media plan -------------------------------------------------------------
// Periods are fixed windows of every_days (at least 1) counted from Monday
// 1970-01-05, so a weekly plan runs Monday to Sunday.
int PeriodOf(const SocialPlan& s, Day day);
// Consecutive periods with at least one done day, counted back from today's; an
// undone current period does not break the streak (it counts from the one before).
int CurrentStreak(const SocialPlan& s, Day today);
bool DueNow(const SocialPlan& s, Day today);  // nothing done yet in today's period
void MarkDone(SocialPlan& s, Day day, Rev rev); // keeps done sorted, once per day

// --- Target companies ----------------------------------------------------------------
// Score = 3 x advocacy + 2 x motivation + 1 x openings (each clamped to 0..5; 0..30):
// people who will speak for you open more doors than postings do.
int Score(const Target& t);
// Indexes into p.targets, best first; ties: more advocacy, more motivation, name, id.
std::vector<uint32_t> RankTargets(const Planner& p);

// --- Goals -----------------------------------------------------------------------------
// The goal's period containing today: a Monday-start week or a calendar month, [from, to).
void PeriodRange(GoalPeriod period, Day today, Day& from, Day& to);
// Counts in that period: NewContacts by `added`; FollowUps = interactions logged
// (meetings logged by MarkAttended, Channel::Event, count as Events instead);
// Events attended (by the event's day); SocialActions = done days of every plan.
int Progress(const Planner& p, const Goal& g, Day today);

// --- Metrics -------------------------------------------------------------------------
struct Metrics {
    int per_tier[4] = {0, 0, 0, 0};
    // Top 10 by count (ties by name), the rest summed as "Other"; "" = not set.
    std::vector<std::pair<std::string, int>> industries, companies;
    // Share (0..1) of contacts that are weak ties: Extended tier, or no touch in
    // the last 365 days (never touched included). 0 with no contacts.
    double weak_tie_share = 0;
    int overdue = 0;
    std::vector<int> touches_per_week;  // 12 Monday-start weeks, oldest first; the last is this week
};
Metrics ComputeMetrics(const Planner& p, Day today);
// The newest revision among the contacts: with their count, a cheap key for
// caches of what is derived from them (~20 µs for 30,000 people).
int64_t NewestContactRev(const Planner& p);

// --- Network map -----------------------------------------------------------------------
// Polar layout in a unit disc: one ring per tier (Inner innermost) and one sector
// per industry (the 11 largest, sized by count, largest first from angle 0; the
// rest share a last "Other" sector). A contact's place inside its cell comes from
// a hash of its id, so it stays put while others are added.
constexpr int kMapSectors = 12;
struct MapSector {
    std::string industry;  // "" = not set; "Other" = the rest
    float angle0 = 0, angle1 = 0;  // radians, 0..2*pi
    int count = 0;
};
struct MapPoint {
    Id id = 0;
    float angle = 0, radius = 0;  // radians; 0..1
    uint8_t status = 0;           // a FollowUpStatus
};
struct MapCell {
    float angle0 = 0, angle1 = 0, r0 = 0, r1 = 0;
    int count = 0, overdue = 0, due = 0;
};
void RingOf(Tier tier, float& r0, float& r1);
std::vector<MapSector> MapSectors(const Planner& p);
std::vector<MapPoint> LayoutMap(const Planner& p, Day today);  // in p.contacts order
// Non-empty (tier ring x industry sector) cells, for drawing when zoomed out.
std::vector<MapCell> AggregateMap(const Planner& p, Day today);

// --- Templates (content/planner/templates.json) --------------------------------------------
struct MessageTemplate {
    std::string id, title, text;  // text may use {name} {first_name} {company} {role} {event}
};
struct Templates {
    std::vector<std::string> event_kinds, organization_kinds;
    std::vector<MessageTemplate> outreach, thank_you;
    std::vector<Goal> goals;         // starter goals (id 0, rev "never")
    std::vector<SocialPlan> social;  // starter social plan items
};
// Strict: any problem refuses the file; error reads "<source>:<line>:<col>: <what>".
bool DecodeTemplates(std::string_view json, Templates& out, std::string& error,
                     std::string_view source = "content/planner/templates.json");
// Replaces the placeholders with the contact's fields. A known placeholder whose
// value is empty becomes a visible blank in words ("[their company]", "[the
// event]") for the learner to fill; an unknown one stays as written.
std::string FillTemplate(std::string_view tmpl, const Contact& c, std::string_view event_name);

// --- Storage (IndexedDB) ---------------------------------------------------------------
// The planner is stored as one small "meta" record (schema, generation, next_id,
// organizations, events, social plan, targets, goals, tombstones) plus contact
// chunks: contact `id` lives in chunk id / kChunkSize, so editing one contact
// rewrites one chunk (<= 500 contacts, ~150 KB). A chunk is
//   {"schema":1,"chunk":N,"contacts":[[...one array per contact...], ...]}
// with positional fields (see planner.cpp, "Contact fields") to keep it compact.
// Chunks decode one at a time (each parsed DOM is small and freed at once).
constexpr uint32_t kChunkSize = 500;
inline uint32_t ChunkOf(Id id) { return id / kChunkSize; }
// The largest id a record may have. One id per record added, so no planner gets
// near it; a stored id or next_id above it is damage, and the two billion ids
// left above it mean next_id + 1 can never wrap to 0.
constexpr Id kMaxId = 0x7FFFFFFF;
// Chunk keys that can hold an id at all (0 .. ChunkOf(kMaxId)).
constexpr uint32_t kMaxChunks = kMaxId / kChunkSize + 1;

std::string EncodeMeta(const Planner& p);
std::string EncodeChunk(const Planner& p, uint32_t chunk);  // a chunk with no contacts encodes as empty
std::vector<uint32_t> ChunksOf(const Planner& p);  // chunks holding contacts, ascending
// Chunks whose contacts differ (by id and rev) between a and b: what to rewrite
// after a merge, or what another tab changed.
std::vector<uint32_t> DifferingChunks(const Planner& a, const Planner& b);

struct PlannerLoad {
    Planner planner;
    int stored_schema = 0;                // 0: no meta stored (a new planner)
    std::vector<std::string> problems;    // plain words: what was dropped and where
    std::vector<uint32_t> damaged_chunks; // chunks not read whole (keep their bytes aside)
    bool meta_damaged = false;            // the meta record was not read whole
    bool newer_schema = false;            // written by a newer build: never write back
    // True when any stored bytes must be kept aside before this build writes again.
    bool quarantine = false;
};
// Forgiving per record and field: a damaged chunk or record is named in
// problems and the readable rest is kept. Migrates older schemas. Empty meta
// with no chunks = a new planner. Never throws.
PlannerLoad DecodePlanner(std::string_view meta, const std::vector<std::pair<uint32_t, std::string>>& chunks);

// Removes control characters (tab and newline stay in notes) and U+FFFE/U+FFFF
// from the text of contacts, organizations and events, and cuts each field to the
// import limits: what a restored backup brings in must be as clean as what the
// learner can type. Returns how many characters were removed plus fields cut.
size_t RemoveStrayText(Planner& p);
// Cuts every text field to the import limits (kMaxImportShortField, notes and other
// multi-line text kMaxImportNotes); DecodePlanner names what it cut. Returns how many.
size_t CutLongFields(Planner& p);

// --- Merge (planner_merge.cpp) -----------------------------------------------------------
// What a tab knows besides its records when it merges what another tab stored.
struct MergeSide {
    // next_id as storage last held it (loaded, written or merged): ids from here up
    // were handed out by this tab alone, and another tab may have handed out the same.
    Id published = 1;
    // Records edited here since they were last stored, as they were before the edit
    // (only the record lists are used): the base of a field-by-field merge. The merge
    // keeps it current: a merged record's base becomes the stored one.
    Planner* base = nullptr;
    Rev now;  // the revision of a record merged from both sides
    std::vector<std::pair<Id, Id>> moved;  // out: this tab's new records moved to new ids (old, new)
};

// Record by record, later rev wins; a tombstone beats an older or equal record
// and loses to a newer one; next_id = max. A different generation: the later
// replaces the other whole. Returns true when `mine` holds something `theirs`
// lacks (so what is stored needs this tab's save), as MergeStates does.
// With a side:
//   - this tab's records at ids `theirs` has also handed out (from side.published up
//     to theirs' next_id) move to fresh ids, with the references to them (introduced_by,
//     an event's people met); tombstones there are this tab's alone and go;
//   - a record both changed merges field by field against its base: a field only one
//     side changed takes that change; lists (tags, touches, roles, people met, done
//     days) take both sides' additions and removals; a field both changed takes the
//     later revision's value.
bool MergePlanners(Planner& mine, const Planner& theirs, MergeSide* side = nullptr);

// A MergeSide's base, kept by the tab: record `id` of p (any kind) as it is now,
// unless base holds it already. False when p has no record `id`.
bool KeepBase(const Planner& p, Id id, Planner& base);
// Moves records from one base to another (an entry already there is replaced):
// the contacts of one chunk, or every record of the meta record's kinds, or all.
enum class BasePart : uint8_t { Chunk, Meta, All };
void MoveBases(Planner& from, Planner& to, BasePart part, uint32_t chunk = 0);

}  // namespace wb::planner
