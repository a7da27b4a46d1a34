// The network-building planner: the learner's contacts, organizations, events,
// social media plan, target companies and goals. Plain structs (30,000 contacts
// must fit in a few tens of MB of wasm heap; a JSON DOM would not), date-only
// values as day numbers, and per-record revisions so two tabs merge.
#pragma once
#include <cstdint>
#include <string>
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
enum class Tier : uint8_t { Inner, Close, Active, Extended };
// Inner: monthly, Close: every 2 months, Active: quarterly, Extended: yearly.
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
    Day added = kNoDay;
    std::string source;         // "manual", "linkedin", "google", "vcard"
    Rev rev;
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
};

struct ChecklistItem {
    std::string text;
    bool done = false;
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
};

enum class SocialAction : uint8_t { UpdateProfile, Post, Comment, Share };
struct SocialPlan {
    Id id = 0;
    std::string platform;       // "LinkedIn", ...
    SocialAction action = SocialAction::Post;
    int every_days = 7;         // how often
    std::vector<Day> done;      // days it was done, oldest first
    Rev rev;
};

struct Target {
    Id id = 0;
    std::string company, notes;
    int advocacy = 0, motivation = 0, openings = 0;  // 0..5 each (LAMP-style scoring)
    Rev rev;
};

enum class GoalKind : uint8_t { NewContacts, FollowUps, Events, SocialActions };
enum class GoalPeriod : uint8_t { Week, Month };
struct Goal {
    Id id = 0;
    GoalKind kind = GoalKind::FollowUps;
    GoalPeriod period = GoalPeriod::Week;
    int target = 0;
    Rev rev;
};

// A deleted record: kept so a delete in one tab is not undone by another tab's
// older copy when they merge.
struct Tombstone {
    Id id = 0;
    Rev rev;
};

struct Planner {
    static constexpr int kSchema = 1;
    std::string generation;     // as LearnerState::generation: reset/restore start a new one
    Id next_id = 1;
    std::vector<Contact> contacts;  // sorted by id
    std::vector<Organization> organizations;
    std::vector<Event> events;
    std::vector<SocialPlan> social;
    std::vector<Target> targets;
    std::vector<Goal> goals;
    std::vector<Tombstone> deleted;
};

}  // namespace wb::planner
