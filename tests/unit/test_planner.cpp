// The planner's logic: dates, follow-ups (cadence from the last touch, promises
// after events, snoozes), the agenda, records, the contacts table, streaks,
// targets, goals, metrics and the network map. Storage, merge and templates are
// in test_planner_store.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/planner.h"

using namespace wb::planner;
using wb::Rev;

namespace {

Day D(int y, int m, int d) { return DayFromYmd(y, m, d); }

Rev R(int64_t at, const char* by = "tab1") { return Rev{at, by}; }

Interaction Touch(Day day, Channel ch = Channel::Email, std::string note = "") {
    Interaction i;
    i.day = day;
    i.channel = ch;
    i.note = std::move(note);
    return i;
}

Contact Person(std::string name, Tier tier = Tier::Active) {
    Contact c;
    c.name = std::move(name);
    c.tier = tier;
    c.added = D(2026, 1, 1);
    return c;
}

std::vector<Id> IdsOf(const Planner& p, const std::vector<uint32_t>& idx) {
    std::vector<Id> out;
    for (uint32_t i : idx) out.push_back(p.contacts[i].id);
    return out;
}

}  // namespace

// --- Dates ---------------------------------------------------------------------

TEST_CASE("planner dates: known day numbers and weekdays") {
    CHECK(D(1970, 1, 1) == 0);
    CHECK(D(1970, 1, 2) == 1);
    CHECK(D(1969, 12, 31) == -1);
    CHECK(D(2000, 3, 1) == 11017);
    CHECK(D(2024, 2, 29) == 19782);
    CHECK(D(2026, 11, 26) == 20783);
    CHECK(D(2100, 12, 31) == 47846);
    CHECK(D(1, 1, 1) == -719162);
    CHECK(D(9999, 12, 31) == 2932896);
    CHECK(Weekday(D(2026, 11, 26)) == 3);  // Thursday
    CHECK(Weekday(D(1970, 1, 5)) == 0);    // Monday
    CHECK(Weekday(D(1969, 12, 31)) == 2);  // Wednesday, before day 0
    CHECK(Weekday(D(1, 1, 1)) == 0);
    CHECK(WeekStart(D(2027, 1, 1)) == D(2026, 12, 28));  // across a year
    CHECK(WeekStart(D(2026, 3, 1)) == D(2026, 2, 23));   // across a month (Sunday)
    CHECK(WeekStart(D(2026, 3, 2)) == D(2026, 3, 2));    // a Monday is its own start
    CHECK(WeekStart(D(1969, 12, 31)) == D(1969, 12, 29));
}

TEST_CASE("planner dates: every day 1970..2100 formats, parses back and follows the calendar") {
    // An independent calendar walk: y/m/d counted by hand alongside the day number.
    int y = 1970, m = 1, d = 2;
    auto days_in = [](int year, int month) {
        static const int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return k[month - 1] + (month == 2 && leap ? 1 : 0);
    };
    int failures = 0;
    for (Day day = 1; day <= D(2100, 12, 31); ++day) {
        int yy, mm, dd;
        YmdFromDay(day, yy, mm, dd);
        char expect[40];
        std::snprintf(expect, sizeof expect, "%04d-%02d-%02d", y, m, d);
        const std::string text = FormatDay(day);
        Day back = kNoDay;
        if (yy != y || mm != m || dd != d || text != expect || !ParseDay(text, back) || back != day ||
            D(y, m, d) != day || Weekday(day) != (day + 3) % 7) {
            if (++failures < 5) FAIL_CHECK("day " << day << " formats as " << text << ", expected " << expect);
        }
        if (++d > days_in(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
    }
    CHECK(failures == 0);
    CHECK(y == 2101);
}

TEST_CASE("planner dates: ParseDay is strict") {
    Day day = 123;
    CHECK(ParseDay("2024-02-29", day));
    CHECK(day == D(2024, 2, 29));
    CHECK(ParseDay("2000-02-29", day));
    CHECK(ParseDay("0001-01-01", day));
    CHECK(day == D(1, 1, 1));
    day = 123;
    for (const char* bad : {"2026-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2026-04-31", "2026-13-01",
                            "2026-00-10", "2026-01-00", "2026-1-01", "2026/01/01", " 2026-01-01", "2026-01-01 ",
                            "2026-01-01T00:00", "0000-01-01", "abcd-ef-gh", "", "1970-01-01", "+202-01-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(ParseDay(bad, day));
    }
    CHECK(day == 123);  // untouched on failure
    CHECK(FormatDay(kNoDay).empty());
    CHECK(FormatDay(D(1969, 12, 31)) == "1969-12-31");
}

TEST_CASE("planner: default cadences by tier") {
    CHECK(DefaultCadenceDays(Tier::Inner) == 30);
    CHECK(DefaultCadenceDays(Tier::Close) == 61);
    CHECK(DefaultCadenceDays(Tier::Active) == 91);
    CHECK(DefaultCadenceDays(Tier::Extended) == 365);
}

// --- Follow-ups ------------------------------------------------------------------

TEST_CASE("follow-up: counted from the last touch, and a tier change later moves it from that touch") {
    Contact c = Person("Ana", Tier::Close);
    CHECK(LastTouch(c) == kNoDay);
    CHECK(NextFollowUp(c) == kNoDay);
    const Day touched = D(2026, 1, 10);
    REQUIRE(LogTouch(c, Touch(touched), R(1)));
    CHECK(NextFollowUp(c) == touched + 61);
    // Months later the learner moves Ana to Inner: due 30 days after the touch
    // (already past), not 30 days after the change.
    c.tier = Tier::Inner;
    CHECK(NextFollowUp(c) == touched + 30);
    CHECK(StatusOf(c, D(2026, 3, 1)) == FollowUpStatus::Overdue);
    // A per-contact override beats the tier, still from the last touch.
    c.cadence_days = 14;
    CHECK(NextFollowUp(c) == touched + 14);
    CHECK(CadenceDays(c) == 14);
    c.cadence_days = 0;
    CHECK(CadenceDays(c) == 30);
}

TEST_CASE("follow-up: the latest touch counts even in an unsorted (imported) log") {
    Contact c = Person("Ben", Tier::Inner);
    c.log = {Touch(D(2026, 5, 1)), Touch(D(2026, 6, 20)), Touch(D(2026, 2, 1))};
    CHECK(LastTouch(c) == D(2026, 6, 20));
    CHECK(NextFollowUp(c) == D(2026, 7, 20));
}

TEST_CASE("follow-up: status boundaries (overdue < today <= due < today + 7 <= later)") {
    Contact c = Person("Cy", Tier::Inner);
    const Day touched = D(2026, 12, 15);
    LogTouch(c, Touch(touched), R(1));
    const Day next = touched + 30;  // 2027-01-14, across the year
    CHECK(FormatDay(next) == "2027-01-14");
    CHECK(StatusOf(c, next + 1) == FollowUpStatus::Overdue);
    CHECK(StatusOf(c, next) == FollowUpStatus::DueThisWeek);
    CHECK(StatusOf(c, next - 6) == FollowUpStatus::DueThisWeek);
    CHECK(StatusOf(c, next - 7) == FollowUpStatus::Later);
    CHECK(StatusOf(Person("never"), next) == FollowUpStatus::NeverContacted);
}

TEST_CASE("follow-up: snooze pushes the date later and then lapses") {
    Contact c = Person("Dee", Tier::Inner);
    LogTouch(c, Touch(D(2026, 1, 1)), R(1));
    const Day due = D(2026, 1, 31);
    const Day until = D(2026, 2, 10);
    Snooze(c, until, R(2));
    CHECK(c.rev == R(2));
    CHECK(NextFollowUp(c) == until);
    CHECK(StatusOf(c, D(2026, 2, 5)) == FollowUpStatus::Snoozed);  // would be overdue without it
    CHECK(StatusOf(c, until) == FollowUpStatus::DueThisWeek);      // the snooze day itself is due
    CHECK(StatusOf(c, until + 1) == FollowUpStatus::Overdue);
    // A snooze earlier than the due date changes nothing.
    Snooze(c, D(2026, 1, 5), R(3));
    CHECK(NextFollowUp(c) == due);
    CHECK(StatusOf(c, D(2026, 1, 3)) == FollowUpStatus::Later);
    // A snooze on a never-contacted contact gives it no date.
    Contact n = Person("never");
    Snooze(n, until, R(4));
    CHECK(NextFollowUp(n) == kNoDay);
    CHECK(StatusOf(n, D(2026, 1, 1)) == FollowUpStatus::NeverContacted);
    Snooze(c, kNoDay, R(5));
    CHECK(c.snoozed_until == kNoDay);
}

TEST_CASE("LogTouch: keeps the log sorted, moves the stage, clears the snooze only for the latest touch") {
    Contact c = Person("Eve");
    CHECK(c.stage == Stage::Identified);
    CHECK_FALSE(LogTouch(c, Touch(kNoDay), R(1)));
    CHECK(c.log.empty());
    CHECK(c.stage == Stage::Identified);
    REQUIRE(LogTouch(c, Touch(D(2026, 3, 1), Channel::Email, "a"), R(2)));
    CHECK(c.stage == Stage::Contacted);
    CHECK(c.rev == R(2));
    LogTouch(c, Touch(D(2026, 1, 1), Channel::Call, "older"), R(3));
    LogTouch(c, Touch(D(2026, 3, 1), Channel::Message, "same day, later"), R(4));
    REQUIRE(c.log.size() == 3);
    CHECK(c.log[0].note == "older");
    CHECK(c.log[1].note == "a");
    CHECK(c.log[2].note == "same day, later");
    c.stage = Stage::Met;
    Snooze(c, D(2026, 9, 1), R(5));
    LogTouch(c, Touch(D(2026, 2, 1)), R(6));  // back-filled: the snooze stays
    CHECK(c.snoozed_until == D(2026, 9, 1));
    CHECK(c.stage == Stage::Met);  // only Identified moves
    LogTouch(c, Touch(D(2026, 4, 1)), R(7));
    CHECK(c.snoozed_until == kNoDay);
}

TEST_CASE("follow-up promise after an event: due 48 hours later, fulfilled by a touch on or after the event") {
    Planner p;
    Id ana = AddContact(p, Person("Ana", Tier::Inner), R(1));
    Id ben = AddContact(p, Person("Ben", Tier::Extended), R(1));
    Event ev;
    ev.name = "DevOps Days";
    ev.day = D(2028, 2, 28);  // 2028 is a leap year: +2 is 1 March
    Id event = AddEvent(p, ev, R(1));
    CHECK(MarkAttended(p, event, {ana, ben, 9999}, R(2)) == 2);  // 9999: unknown, skipped
    const Event* e = FindEvent(p, event);
    REQUIRE(e);
    CHECK(e->attended);
    CHECK(e->met == std::vector<Id>{ana, ben});
    Contact* a = FindContact(p, ana);
    REQUIRE(a);
    CHECK(a->stage == Stage::Met);
    REQUIRE(a->log.size() == 1);
    CHECK(a->log[0].channel == Channel::Event);
    CHECK(a->log[0].note == "DevOps Days");
    CHECK(a->follow_up_by == D(2028, 3, 1));
    CHECK(NextFollowUp(*a) == D(2028, 3, 1));  // earlier than Inner's 30 days
    CHECK(StatusOf(*a, D(2028, 3, 1)) == FollowUpStatus::DueThisWeek);
    CHECK(StatusOf(*a, D(2028, 3, 2)) == FollowUpStatus::Overdue);
    // Calling it again records nobody twice and logs nothing more.
    CHECK(MarkAttended(p, event, {ana}, R(3)) == 0);
    CHECK(a->log.size() == 1);
    CHECK(MarkAttended(p, 4242, {ana}, R(3)) == -1);
    // A back-filled touch from before the event does not fulfil it...
    LogTouch(*a, Touch(D(2028, 2, 1)), R(4));
    CHECK(a->follow_up_by == D(2028, 3, 1));
    // ...a touch on the event's day does; the cadence takes over from it.
    LogTouch(*a, Touch(D(2028, 2, 28), Channel::Message), R(5));
    CHECK(a->follow_up_by == kNoDay);
    CHECK(NextFollowUp(*a) == D(2028, 2, 28) + 30);
    // Ben (yearly) is due from the promise too, across the month end.
    CHECK(NextFollowUp(*FindContact(p, ben)) == D(2028, 3, 1));
}

TEST_CASE("follow-up promise: across a year end, and on a contact never touched") {
    Contact c = Person("Flo");
    PromiseFollowUp(c, D(2026, 12, 30), D(2027, 1, 1), R(1));
    CHECK(NextFollowUp(c) == D(2027, 1, 1));  // a promise gives a never-touched contact a date
    CHECK(StatusOf(c, D(2027, 1, 2)) == FollowUpStatus::Overdue);
    PromiseFollowUp(c, D(2026, 12, 30), kNoDay, R(2));
    CHECK(StatusOf(c, D(2027, 1, 2)) == FollowUpStatus::NeverContacted);
}

TEST_CASE("follow-up rules: the latest touch counts whatever made it; a touch after the event keeps its 48-hour promise") {
    Planner p;
    Id ana = AddContact(p, Person("Ana", Tier::Inner), R(1));
    Id ben = AddContact(p, Person("Ben", Tier::Inner), R(1));
    Id cai = AddContact(p, Person("Cai", Tier::Inner), R(1));
    Event ev;
    ev.name = "Meetup";
    ev.day = D(2026, 12, 1);
    Id event = AddEvent(p, ev, R(1));
    // Ana was written to after the event before it was marked attended; Ben on its day; Cai before it.
    LogTouch(*FindContact(p, ana), Touch(D(2026, 12, 6), Channel::Call), R(2));
    LogTouch(*FindContact(p, ben), Touch(D(2026, 12, 1), Channel::Message), R(2));
    LogTouch(*FindContact(p, cai), Touch(D(2026, 11, 20), Channel::Message), R(2));
    CHECK(MarkAttended(p, event, {ana, ben, cai}, R(3)) == 3);
    const Contact& a = *FindContact(p, ana);
    CHECK(a.follow_up_by == kNoDay);                 // kept already: nothing owed
    CHECK(LastTouch(a) == D(2026, 12, 6));           // the later call, not the meeting
    CHECK(NextFollowUp(a) == D(2026, 12, 6) + 30);
    CHECK(StatusOf(a, D(2026, 12, 7)) == FollowUpStatus::Later);  // not "overdue by 1 day"
    CHECK(FindContact(p, ben)->follow_up_by == kNoDay);
    CHECK(FindContact(p, cai)->follow_up_by == D(2026, 12, 3));  // owed: touched only before
    // The meeting logged by the event is a touch like any other: the latest one wins.
    Contact d = Person("Dee", Tier::Inner);
    d.log = {Touch(D(2026, 1, 1), Channel::Event, "Meetup"), Touch(D(2026, 3, 1), Channel::Social)};
    CHECK(NextFollowUp(d) == D(2026, 3, 1) + 30);
}

TEST_CASE("triage: a tier or \"Not now\" takes a contact out of triage; only a tier schedules anything") {
    Planner p;
    for (int i = 0; i < 4; ++i) {
        Contact c;
        c.name = "C" + std::to_string(i);
        c.tier = Tier::None;
        c.source = "linkedin";
        AddContact(p, c, Rev{1, "t"});
    }
    const Day today = DayFromYmd(2026, 12, 6);
    Agenda before = ComputeAgenda(p, today);
    CHECK(before.untiered == 4);
    CHECK(before.awaiting_triage == 4);
    DecideTriage(p.contacts[0], Tier::Inner, today, Rev{2, "t"});
    DecideTriage(p.contacts[1], Tier::None, today, Rev{3, "t"});
    CHECK(p.contacts[0].tier == Tier::Inner);
    CHECK(p.contacts[0].not_now == kNoDay);
    CHECK(p.contacts[0].rev.at == 2);
    CHECK(p.contacts[1].tier == Tier::None);
    CHECK(p.contacts[1].not_now == today);
    CHECK(StatusOf(p.contacts[1], today) == FollowUpStatus::Unscheduled);  // "Not now" makes nobody due
    Agenda after = ComputeAgenda(p, today);
    CHECK(after.untiered == 3);           // the set-aside one is still untiered
    CHECK(after.awaiting_triage == 2);    // but no longer offered
    CHECK(after.never_contacted == std::vector<Id>{p.contacts[0].id});  // the tiered one is a real follow-up
    // Tiering a set-aside contact later clears the mark.
    DecideTriage(p.contacts[1], Tier::Close, today, Rev{4, "t"});
    CHECK(p.contacts[1].not_now == kNoDay);
    // A contact with its own cadence is not offered (it has a follow-up rhythm already).
    p.contacts[2].cadence_days = 10;
    CHECK_FALSE(AwaitingTriage(p.contacts[2]));
    CHECK(ComputeAgenda(p, today).awaiting_triage == 1);
}

TEST_CASE("untiered (imported) contacts: no cadence, never due, not in the agenda's lists; a tier starts the clock") {
    Planner p;
    Contact c = Person("Imported", Tier::None);
    c.connected = D(2019, 5, 1);
    Id id = AddContact(p, c, R(1));
    Contact& in = *FindContact(p, id);
    CHECK(CadenceDays(in) == 0);
    CHECK(NextFollowUp(in) == kNoDay);
    CHECK(StatusOf(in, D(2026, 12, 6)) == FollowUpStatus::Unscheduled);
    // A touch alone still schedules nothing: there is no cadence to count from.
    LogTouch(in, Touch(D(2026, 1, 1)), R(2));
    CHECK(NextFollowUp(in) == kNoDay);
    Agenda ag = ComputeAgenda(p, D(2026, 12, 6));
    CHECK(ag.overdue.empty());
    CHECK(ag.never_contacted.empty());
    CHECK(ag.untiered == 1);
    // A per-contact cadence is enough; so is a tier.
    in.cadence_days = 10;
    CHECK(NextFollowUp(in) == D(2026, 1, 11));
    in.cadence_days = 0;
    in.tier = Tier::Close;
    CHECK(NextFollowUp(in) == D(2026, 1, 1) + 61);
    CHECK(ComputeAgenda(p, D(2026, 12, 6)).overdue == std::vector<Id>{id});
    // An event's promise applies even before a tier is given.
    Contact u = Person("Met at an event", Tier::None);
    PromiseFollowUp(u, D(2026, 12, 1), D(2026, 12, 3), R(3));
    CHECK(StatusOf(u, D(2026, 12, 4)) == FollowUpStatus::Overdue);
}

TEST_CASE("MarkAttended: an event without a day records people but promises nothing") {
    Planner p;
    Id a = AddContact(p, Person("Gus"), R(1));
    Id ev = AddEvent(p, Event{}, R(1));
    CHECK(MarkAttended(p, ev, {a}, R(2)) == 1);
    CHECK(FindContact(p, a)->log.empty());
    CHECK(FindContact(p, a)->follow_up_by == kNoDay);
    CHECK(FindContact(p, a)->rev == R(2));
}

TEST_CASE("agenda: overdue most overdue first, due soonest first, never contacted, upcoming events") {
    Planner p;
    const Day today = D(2026, 6, 15);
    auto with_touch = [&](const char* name, Day touched) {
        Contact c = Person(name, Tier::Inner);
        LogTouch(c, Touch(touched), R(1));
        return AddContact(p, c, R(1));
    };
    Id late2 = with_touch("late by 2", today - 32);
    Id late10 = with_touch("late by 10", today - 40);
    Id due3 = with_touch("due in 3", today - 27);
    Id due0 = with_touch("due today", today - 30);
    Id later = with_touch("later", today - 5);
    Id never = AddContact(p, Person("never"), R(1));
    Contact snoozed = Person("snoozed", Tier::Inner);
    LogTouch(snoozed, Touch(today - 60), R(1));
    Snooze(snoozed, today + 3, R(1));
    AddContact(p, snoozed, R(1));
    auto event_on = [&](Day day) {
        Event e;
        e.day = day;
        return AddEvent(p, e, R(1));
    };
    Id e20 = event_on(today + 20);
    event_on(today - 1);
    Id e0 = event_on(today);
    event_on(today + 30);
    event_on(kNoDay);
    Agenda a = ComputeAgenda(p, today);
    CHECK(a.overdue == std::vector<Id>{late10, late2});
    CHECK(a.due == std::vector<Id>{due0, due3});
    CHECK(a.never_contacted == std::vector<Id>{never});
    CHECK(a.upcoming_events == std::vector<Id>{e0, e20});
    (void)later;
}

// --- Records -----------------------------------------------------------------------

TEST_CASE("records: one id space, sorted lists, find, delete with a tombstone, ids never reused") {
    Planner p;
    Id c1 = AddContact(p, Person("A"), R(10));
    Id o1 = AddOrganization(p, Organization{}, R(11));
    Id c2 = AddContact(p, Person("B"), R(12));
    Id e1 = AddEvent(p, Event{}, R(13));
    Id s1 = AddSocialPlan(p, SocialPlan{}, R(14));
    Id t1 = AddTarget(p, Target{}, R(15));
    Id g1 = AddGoal(p, Goal{}, R(16));
    CHECK(std::set<Id>{c1, o1, c2, e1, s1, t1, g1}.size() == 7);
    CHECK(c1 < c2);
    CHECK(p.next_id == 8);
    REQUIRE(FindContact(p, c2));
    CHECK(FindContact(p, c2)->name == "B");
    CHECK(FindContact(p, c2)->rev == R(12));
    CHECK(FindContact(p, o1) == nullptr);  // an organization's id is no contact
    CHECK(FindOrganization(p, o1));
    CHECK(FindEvent(p, e1));
    CHECK(FindSocialPlan(p, s1));
    CHECK(FindTarget(p, t1));
    CHECK(FindGoal(p, g1));
    CHECK(DeleteContact(p, c1, R(20)));
    CHECK_FALSE(DeleteContact(p, c1, R(21)));
    CHECK(FindContact(p, c1) == nullptr);
    REQUIRE(p.deleted.size() == 1);
    CHECK(p.deleted[0].id == c1);
    CHECK(p.deleted[0].rev == R(20));
    CHECK(DeleteOrganization(p, o1, R(22)));
    CHECK(DeleteEvent(p, e1, R(22)));
    CHECK(DeleteSocialPlan(p, s1, R(22)));
    CHECK(DeleteTarget(p, t1, R(22)));
    CHECK(DeleteGoal(p, g1, R(22)));
    CHECK(p.deleted.size() == 6);
    CHECK(std::is_sorted(p.deleted.begin(), p.deleted.end(), [](const Tombstone& a, const Tombstone& b) { return a.id < b.id; }));
    CHECK(AddContact(p, Person("C"), R(30)) == 8);
    // FindContact is a binary search: works across many records.
    for (int i = 0; i < 1000; ++i) AddContact(p, Person("x"), R(31));
    for (Id id = 9; id < 1009; id += 97) CHECK(FindContact(p, id) != nullptr);
    CHECK(FindContact(p, 5000) == nullptr);
}

TEST_CASE("records: AddContact fills `added` from the revision time only when it is not set") {
    Planner p;
    Contact c;
    Id a = AddContact(p, c, R(int64_t{86400000} * D(2026, 5, 4) + 3600000));
    CHECK(FindContact(p, a)->added == D(2026, 5, 4));
    c.added = D(2025, 1, 1);
    Id b = AddContact(p, c, R(int64_t{86400000} * D(2026, 5, 4)));
    CHECK(FindContact(p, b)->added == D(2025, 1, 1));
}

// --- Contacts table ----------------------------------------------------------------

namespace {
Planner TablePlanner(Day today) {
    Planner p;
    auto add = [&](std::string name, std::string company, Tier tier, Stage stage, std::vector<std::string> tags,
                   Day touched) {
        Contact c = Person(std::move(name), tier);
        c.company = std::move(company);
        c.stage = stage;
        c.tags = std::move(tags);
        if (touched != kNoDay) c.log.push_back(Touch(touched));
        return AddContact(p, c, R(1));
    };
    add("zoe Quinn", "Acme", Tier::Inner, Stage::Met, {"Mentor", "sre"}, today - 40);      // overdue
    add("Adam Smith", "beta corp", Tier::Active, Stage::Replied, {"rust"}, today - 10);    // later
    add("Zoe Adams", "Acme", Tier::Inner, Stage::Identified, {"mentor"}, today - 27);      // due in 3
    add("bob Jones", "Zeta", Tier::Extended, Stage::Advocate, {}, kNoDay);                  // never
    Contact e = Person("Eve Ng", Tier::Close);
    e.role = "Platform Lead";
    e.industry = "FinTech";
    e.location = "Lisbon";
    e.email = "eve@example.org";
    e.notes = "Asked about SRE career paths";
    e.met = "PyCon 2025";
    e.company = "Gamma";
    e.log.push_back(Touch(today - 100));  // overdue by 39
    AddContact(p, e, R(1));
    return p;
}
}  // namespace

TEST_CASE("contacts table: search is case-insensitive over every searchable field, all words must match") {
    const Day today = D(2026, 6, 15);
    Planner p = TablePlanner(today);
    auto find = [&](const char* text) {
        ContactQuery q;
        q.text = text;
        return IdsOf(p, QueryContacts(p, q, today));
    };
    CHECK(find("") == std::vector<Id>{2, 4, 5, 3, 1});  // all, by name: Adam, bob, Eve, Zoe A, zoe Q
    CHECK(find("ZOE") == std::vector<Id>{3, 1});
    CHECK(find("acme") == std::vector<Id>{3, 1});
    CHECK(find("platform lead") == std::vector<Id>{5});  // role, two words
    CHECK(find("fintech") == std::vector<Id>{5});
    CHECK(find("LISBON") == std::vector<Id>{5});
    CHECK(find("example.org") == std::vector<Id>{5});
    CHECK(find("career") == std::vector<Id>{5});      // notes
    CHECK(find("pycon") == std::vector<Id>{5});       // how we met
    CHECK(find("MENTOR") == std::vector<Id>{3, 1});  // tags
    CHECK(find("zoe mentor sre") == std::vector<Id>{1});
    CHECK(find("zoe nobody").empty());
    CHECK(find("  adams  ") == std::vector<Id>{3});
}

TEST_CASE("contacts table: filters by tier, stage, tag and due") {
    const Day today = D(2026, 6, 15);
    Planner p = TablePlanner(today);
    ContactQuery q;
    q.tier = static_cast<int>(Tier::Inner);
    CHECK(IdsOf(p, QueryContacts(p, q, today)) == std::vector<Id>{3, 1});
    q = {};
    q.stage = static_cast<int>(Stage::Advocate);
    CHECK(IdsOf(p, QueryContacts(p, q, today)) == std::vector<Id>{4});
    q = {};
    q.tag = "mentor";  // whole tag, any case
    CHECK(IdsOf(p, QueryContacts(p, q, today)) == std::vector<Id>{3, 1});
    q.tag = "ment";
    CHECK(QueryContacts(p, q, today).empty());
    q = {};
    q.due_only = true;
    CHECK(IdsOf(p, QueryContacts(p, q, today)) == std::vector<Id>{5, 3, 1});
    q.text = "acme";
    q.tier = static_cast<int>(Tier::Inner);
    q.stage = static_cast<int>(Stage::Met);
    CHECK(IdsOf(p, QueryContacts(p, q, today)) == std::vector<Id>{1});
}

TEST_CASE("contacts table: sorts, descending, ties by id, no date last either way") {
    const Day today = D(2026, 6, 15);
    Planner p = TablePlanner(today);
    auto sorted = [&](ContactQuery::Sort s, bool desc) {
        ContactQuery q;
        q.sort = s;
        q.descending = desc;
        return IdsOf(p, QueryContacts(p, q, today));
    };
    CHECK(sorted(ContactQuery::Name, false) == std::vector<Id>{2, 4, 5, 3, 1});
    CHECK(sorted(ContactQuery::Name, true) == std::vector<Id>{1, 3, 5, 4, 2});
    CHECK(sorted(ContactQuery::Company, false) == std::vector<Id>{1, 3, 2, 5, 4});  // Acme x2 by id, beta, Gamma, Zeta
    CHECK(sorted(ContactQuery::Company, true) == std::vector<Id>{4, 5, 2, 1, 3});
    // Next: Eve today-39 (touch -100 + 61), zoe Q today-10, Zoe A today+3, Adam today+81, bob none.
    CHECK(sorted(ContactQuery::NextFollowUp, false) == std::vector<Id>{5, 1, 3, 2, 4});
    CHECK(sorted(ContactQuery::NextFollowUp, true) == std::vector<Id>{2, 3, 1, 5, 4});
    CHECK(sorted(ContactQuery::LastTouch, false) == std::vector<Id>{5, 1, 3, 2, 4});
    CHECK(sorted(ContactQuery::LastTouch, true) == std::vector<Id>{2, 3, 1, 5, 4});
    CHECK(sorted(ContactQuery::Tier, false) == std::vector<Id>{1, 3, 5, 2, 4});
    CHECK(sorted(ContactQuery::Tier, true) == std::vector<Id>{4, 2, 5, 1, 3});
    CHECK(sorted(ContactQuery::Stage, false) == std::vector<Id>{3, 5, 2, 1, 4});  // Eve: Identified (no LogTouch)
}

TEST_CASE("contacts table: a word never spans two fields; accents and case of any letter fold; edits show at once") {
    const Day today = D(2026, 6, 15);
    Planner p = TablePlanner(today);
    auto find = [&](const char* text) {
        ContactQuery q;
        q.text = text;
        return IdsOf(p, QueryContacts(p, q, today));
    };
    CHECK(find("quinnacme").empty());  // "zoe Quinn" then "Acme": two fields
    CHECK(find("quinn\nacme").size() == 1);  // two words (a newline separates them)
    Contact c = Person("Zo\xC3\xAB M\xC3\xBCller");  // "Zoë Müller"
    c.tags = {"Hiring Manager"};
    AddContact(p, c, R(1));
    CHECK(find("ZO\xC3\xAB") == std::vector<Id>{3, 6, 1});  // ë is e: Zoe Adams, Zoë Müller, zoe Quinn
    CHECK(find("m\xC3\xBCller") == std::vector<Id>{6});
    CHECK(find("M\xC3\x9CLLER") == std::vector<Id>{6});      // Ü folds to ü
    CHECK(find("muller") == std::vector<Id>{6});              // and ü is u
    CHECK(find("ing man") == std::vector<Id>{6});       // inside one tag
    CHECK(find("o").size() == 6);                       // one letter: all six have an o somewhere
    CHECK(find("r").size() == 5);                       // bob Jones of Zeta has no r anywhere
    // An edit is seen by the next query: there is no cache to refresh.
    FindContact(p, 2)->company = "ACME Labs";
    CHECK(find("acme") == std::vector<Id>{2, 3, 1});
    DeleteContact(p, 1, R(3));
    CHECK(find("acme") == std::vector<Id>{2, 3});
}

TEST_CASE("contacts table: name sort past the first 16 characters, shorter first, case folded") {
    Planner p;
    for (const char* n : {"alexandria ocasio-smith", "Alexandria Ocasio-Cortez", "ALEXANDRIA OCASI", "Alexandria Ocasio",
                          "alexandria ocasio-cortez", "Al", "", "b"})
        AddContact(p, Person(n), R(1));
    ContactQuery q;
    CHECK(IdsOf(p, QueryContacts(p, q, D(2026, 1, 1))) == std::vector<Id>{7, 6, 3, 4, 2, 5, 1, 8});
    q.descending = true;
    CHECK(IdsOf(p, QueryContacts(p, q, D(2026, 1, 1))) == std::vector<Id>{8, 1, 2, 5, 4, 3, 6, 7});
}

TEST_CASE("contacts table: a name that only adds NUL bytes sorts after the shorter one") {
    // Found by tests/fuzz/contact_query.cpp: the packed sort keys pad with zero
    // bytes, so "ab" and "ab\0" (a \u0000 in an imported or stored name) tied.
    Planner p;
    AddContact(p, Person("ab"), R(1));
    AddContact(p, Person(std::string("ab\0", 3)), R(1));
    AddContact(p, Person("ab"), R(1));
    ContactQuery q;
    CHECK(IdsOf(p, QueryContacts(p, q, D(2026, 1, 1))) == std::vector<Id>{1, 3, 2});
    q.descending = true;
    CHECK(IdsOf(p, QueryContacts(p, q, D(2026, 1, 1))) == std::vector<Id>{2, 1, 3});
}

TEST_CASE("contacts table: AllTags once each, case-insensitive, first spelling kept, sorted") {
    Planner p = TablePlanner(D(2026, 6, 15));
    Contact c = Person("Hal");
    c.tags = {"Alumni", "RUST", ""};
    AddContact(p, c, R(1));
    CHECK(AllTags(p) == std::vector<std::string>{"Alumni", "Mentor", "rust", "sre"});
}

// --- Social plan -----------------------------------------------------------------------

TEST_CASE("social plan: weekly periods run Monday to Sunday") {
    SocialPlan s;
    s.every_days = 7;
    CHECK(PeriodOf(s, D(2026, 11, 23)) == PeriodOf(s, D(2026, 11, 29)));      // Mon..Sun
    CHECK(PeriodOf(s, D(2026, 11, 30)) == PeriodOf(s, D(2026, 11, 29)) + 1);  // next Monday
    CHECK(PeriodOf(s, D(1969, 12, 28)) == PeriodOf(s, D(1969, 12, 22)));      // before 1970 too
    s.every_days = 0;  // nonsense reads as daily
    CHECK(PeriodOf(s, D(2026, 1, 2)) == PeriodOf(s, D(2026, 1, 1)) + 1);
}

TEST_CASE("social plan: streaks count back from this period; an undone current period does not break it") {
    SocialPlan s;
    s.every_days = 7;
    const Day thu = D(2026, 11, 26);
    CHECK(CurrentStreak(s, thu) == 0);
    CHECK(DueNow(s, thu));
    MarkDone(s, thu - 7, R(1));   // last week
    MarkDone(s, thu - 16, R(1));  // the week before (a Tuesday)
    MarkDone(s, thu - 15, R(1));  // twice that week
    MarkDone(s, thu - 7, R(2));   // same day again: once
    CHECK(s.done.size() == 3);
    CHECK(std::is_sorted(s.done.begin(), s.done.end()));
    CHECK(s.rev == R(2));
    CHECK(CurrentStreak(s, thu) == 2);  // this week not done yet
    CHECK(DueNow(s, thu));
    MarkDone(s, thu - 3, R(3));  // Monday this week
    CHECK(CurrentStreak(s, thu) == 3);
    CHECK_FALSE(DueNow(s, thu));
    MarkDone(s, thu - 35, R(4));  // after a gap: not counted
    CHECK(CurrentStreak(s, thu) == 3);
    // Two periods without: the streak is over.
    CHECK(CurrentStreak(s, thu + 14) == 0);
    // Days after today are not counted (a plan viewed as of an earlier day).
    CHECK(CurrentStreak(s, thu - 10) == 1);
    SocialPlan daily;
    daily.every_days = 1;
    for (int i = 1; i <= 5; ++i) MarkDone(daily, thu - i, R(1));
    CHECK(CurrentStreak(daily, thu) == 5);
    MarkDone(daily, thu, R(1));
    CHECK(CurrentStreak(daily, thu) == 6);
    CHECK_FALSE(DueNow(daily, thu));
    CHECK(DueNow(daily, thu + 1));
}

// --- Targets, goals ---------------------------------------------------------------------

TEST_CASE("targets: advocacy weighs most; ranking ties by advocacy, motivation, name") {
    Target t;
    t.advocacy = 5;
    CHECK(Score(t) == 15);
    t = Target{};
    t.motivation = 5;
    CHECK(Score(t) == 10);
    t = Target{};
    t.openings = 5;
    CHECK(Score(t) == 5);
    t.advocacy = 9;  // clamped to 5
    t.openings = -3;
    CHECK(Score(t) == 15);
    Planner p;
    auto add = [&](const char* company, int a, int m, int o) {
        Target x;
        x.company = company;
        x.advocacy = a;
        x.motivation = m;
        x.openings = o;
        return AddTarget(p, x, R(1));
    };
    Id openings_only = add("Openings", 0, 0, 5);    // 5
    Id b = add("beta", 1, 2, 4);                    // 11
    Id a = add("Alpha", 1, 2, 4);                   // 11, name first
    Id adv = add("Advocates", 3, 1, 0);             // 11, more advocacy
    Id top = add("Top", 5, 5, 5);                   // 30
    std::vector<Id> ranked;
    for (uint32_t i : RankTargets(p)) ranked.push_back(p.targets[i].id);
    CHECK(ranked == std::vector<Id>{top, adv, a, b, openings_only});
}

TEST_CASE("goals: progress in this Monday-start week or this calendar month") {
    Planner p;
    const Day today = D(2026, 1, 1);  // a Thursday; the week began 2025-12-29
    Day from, to;
    PeriodRange(GoalPeriod::Week, today, from, to);
    CHECK(from == D(2025, 12, 29));
    CHECK(to == D(2026, 1, 5));
    PeriodRange(GoalPeriod::Month, today, from, to);
    CHECK(from == D(2026, 1, 1));
    CHECK(to == D(2026, 2, 1));
    PeriodRange(GoalPeriod::Month, D(2026, 12, 31), from, to);
    CHECK(to == D(2027, 1, 1));
    PeriodRange(GoalPeriod::Month, D(2028, 2, 10), from, to);
    CHECK(to - from == 29);

    Contact c = Person("new this week");
    c.added = D(2025, 12, 30);
    c.log = {Touch(D(2025, 12, 28)), Touch(D(2025, 12, 29)), Touch(D(2026, 1, 4)), Touch(D(2026, 1, 3), Channel::Event)};
    AddContact(p, c, R(1));
    c.added = D(2025, 12, 1);  // this month? no: last month
    c.log = {Touch(D(2026, 1, 20))};
    AddContact(p, c, R(1));
    Event attended, skipped;
    attended.day = D(2026, 1, 2);
    attended.attended = true;
    skipped.day = D(2026, 1, 2);
    AddEvent(p, attended, R(1));
    AddEvent(p, skipped, R(1));
    SocialPlan s;
    s.done = {D(2025, 12, 28), D(2025, 12, 29), D(2026, 1, 31)};
    AddSocialPlan(p, s, R(1));
    auto progress = [&](GoalKind kind, GoalPeriod period, Day day) {
        Goal g;
        g.kind = kind;
        g.period = period;
        return Progress(p, g, day);
    };
    CHECK(progress(GoalKind::NewContacts, GoalPeriod::Week, today) == 1);
    CHECK(progress(GoalKind::NewContacts, GoalPeriod::Month, today) == 0);  // 2025-12-30 is last month
    CHECK(progress(GoalKind::FollowUps, GoalPeriod::Week, today) == 2);     // the event meeting is not a follow-up
    CHECK(progress(GoalKind::FollowUps, GoalPeriod::Month, today) == 2);    // Jan 4 and Jan 20
    CHECK(progress(GoalKind::Events, GoalPeriod::Week, today) == 1);
    CHECK(progress(GoalKind::SocialActions, GoalPeriod::Week, today) == 1);
    CHECK(progress(GoalKind::SocialActions, GoalPeriod::Month, today) == 1);
    CHECK(progress(GoalKind::SocialActions, GoalPeriod::Month, D(2025, 12, 15)) == 2);
}

// --- Metrics ---------------------------------------------------------------------------

TEST_CASE("metrics: tiers, top ten with Other, weak ties, overdue, touches per week") {
    Planner p;
    const Day today = D(2026, 6, 17);  // a Wednesday
    for (int i = 0; i < 14; ++i) {
        Contact c = Person("p" + std::to_string(i), i < 2 ? Tier::Inner : i < 5 ? Tier::Close : Tier::Active);
        // Industries: "I0" x3, "I1" x2, then one each for I2..I10 (14 in all: 11 names).
        c.industry = i < 3 ? "I0" : i < 5 ? "I1" : "I" + std::to_string(i - 3);
        c.company = i < 12 ? "C" + std::to_string(i) : "C0";
        if (i == 0) c.log = {Touch(today - 400)};  // weak: not touched in a year
        if (i == 1) c.log = {Touch(today - 31)};   // Inner, overdue
        if (i == 2) c.log = {Touch(today), Touch(today - 2), Touch(WeekStart(today) - 7 * 11), Touch(WeekStart(today) - 7 * 11 - 1)};
        if (i >= 3) c.log = {Touch(today - 10)};
        AddContact(p, c, R(1));
    }
    Contact ext = Person("extended", Tier::Extended);
    ext.log = {Touch(today - 1)};
    ext.industry = "I0";
    AddContact(p, ext, R(1));
    Metrics m = ComputeMetrics(p, today);
    CHECK(m.per_tier[0] == 2);
    CHECK(m.per_tier[1] == 3);
    CHECK(m.per_tier[2] == 9);
    CHECK(m.per_tier[3] == 1);
    REQUIRE(m.industries.size() == 11);
    CHECK(m.industries[0] == std::pair<std::string, int>{"I0", 4});
    CHECK(m.industries[1] == std::pair<std::string, int>{"I1", 2});
    CHECK(m.industries[2] == std::pair<std::string, int>{"I10", 1});  // ties by name
    int total = 0;
    for (const auto& kv : m.industries) total += kv.second;
    CHECK(total == 15);
    CHECK(m.industries.back().first == "Other");
    CHECK(m.companies[0] == std::pair<std::string, int>{"C0", 3});  // C0 from i=0, 12, 13 (+ extended has "")
    // Weak: p0 (400 days) and the Extended contact.
    CHECK(m.weak_tie_share == doctest::Approx(2.0 / 15.0));
    CHECK(m.overdue == 2);  // p1 (Inner, 31 days) and p0 (Inner, 400 days)
    REQUIRE(m.touches_per_week.size() == 12);
    CHECK(m.touches_per_week[0] == 1);    // the oldest week's Monday; the Sunday before is outside
    CHECK(m.touches_per_week[11] == 3);   // today, today-2 (Monday), extended's today-1
    CHECK(m.touches_per_week[10] == 0);
    CHECK(m.touches_per_week[9] == 11);  // the eleven touched 10 days ago (a Sunday, two weeks back)
    CHECK(ComputeMetrics(Planner{}, today).weak_tie_share == 0.0);
}

// --- Network map -----------------------------------------------------------------------

namespace {
Planner MapPlanner(int industries, int per_industry_base) {
    Planner p;
    for (int k = 0; k < industries; ++k)
        for (int i = 0; i < per_industry_base + (industries - k); ++i) {
            Contact c = Person("m", static_cast<Tier>((i + k) % 4));
            c.industry = "Industry " + std::to_string(k);
            if (i % 3 == 0) c.log = {Touch(D(2026, 1, 1))};
            AddContact(p, c, R(1));
        }
    return p;
}
}  // namespace

TEST_CASE("map: tiers are rings, industries are sectors sized by count, largest first") {
    Planner p = MapPlanner(5, 10);
    std::vector<MapSector> sectors = MapSectors(p);
    REQUIRE(sectors.size() == 5);
    CHECK(sectors[0].industry == "Industry 0");
    CHECK(sectors[0].count == 15);
    CHECK(sectors[0].angle0 == 0.0f);
    CHECK(sectors.back().angle1 == doctest::Approx(6.2831853));
    for (size_t i = 1; i < sectors.size(); ++i) {
        CHECK(sectors[i].count <= sectors[i - 1].count);
        CHECK(sectors[i].angle0 == sectors[i - 1].angle1);
        CHECK((sectors[i].angle1 - sectors[i].angle0) / sectors[i].count ==
              doctest::Approx((sectors[0].angle1 - sectors[0].angle0) / sectors[0].count));
    }
    const Day today = D(2026, 6, 1);
    std::vector<MapPoint> pts = LayoutMap(p, today);
    REQUIRE(pts.size() == p.contacts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        const Contact& c = p.contacts[i];
        CHECK(pts[i].id == c.id);
        float r0, r1;
        RingOf(c.tier, r0, r1);
        CHECK(pts[i].radius > r0);
        CHECK(pts[i].radius < r1);
        const MapSector& s = sectors[static_cast<size_t>(c.industry.back() - '0')];
        CHECK(pts[i].angle > s.angle0);
        CHECK(pts[i].angle < s.angle1);
        CHECK(pts[i].status == static_cast<uint8_t>(StatusOf(c, today)));
    }
    float i0, i1, c0, c1;
    RingOf(Tier::Inner, i0, i1);
    RingOf(Tier::Close, c0, c1);
    CHECK(i1 <= c0);
    RingOf(Tier::Extended, c0, c1);
    CHECK(c1 <= 1.0f);
}

TEST_CASE("map: a contact keeps its place in its cell as others are added") {
    Planner p = MapPlanner(4, 5);
    const Day today = D(2026, 6, 1);
    auto fraction = [&](const Planner& pl, Id id) {
        std::vector<MapSector> sectors = MapSectors(pl);
        std::vector<MapPoint> pts = LayoutMap(pl, today);
        const Contact* c = FindContact(pl, id);
        for (const MapPoint& pt : pts)
            if (pt.id == id)
                for (const MapSector& s : sectors)
                    if (s.industry == c->industry) return std::pair<float, float>((pt.angle - s.angle0) / (s.angle1 - s.angle0), pt.radius);
        return std::pair<float, float>(-1, -1);
    };
    const auto before = fraction(p, 7);
    CHECK(LayoutMap(p, today).size() == LayoutMap(p, today).size());
    for (int i = 0; i < 30; ++i) {
        Contact c = Person("new", Tier::Inner);
        c.industry = "Industry " + std::to_string(i % 6);
        AddContact(p, c, R(2));
    }
    const auto after = fraction(p, 7);
    CHECK(after.first == doctest::Approx(before.first).epsilon(1e-4));
    CHECK(after.second == before.second);
    // Neighbouring ids land apart (the hash spreads them).
    std::vector<MapPoint> pts = LayoutMap(p, today);
    CHECK(std::fabs(pts[0].angle - pts[4].angle) + std::fabs(pts[0].radius - pts[4].radius) > 1e-3f);
}

TEST_CASE("map: more than twelve industries share an Other sector; cells aggregate counts and statuses") {
    Planner p = MapPlanner(15, 2);
    std::vector<MapSector> sectors = MapSectors(p);
    REQUIRE(sectors.size() == static_cast<size_t>(kMapSectors));
    CHECK(sectors.back().industry == "Other");
    CHECK(sectors.back().count == 6 + 5 + 4 + 3);  // Industries 11..14 have 2 + (15 - k)
    const Day today = D(2026, 6, 1);
    std::vector<MapCell> cells = AggregateMap(p, today);
    int count = 0, overdue = 0, due = 0;
    for (const MapCell& c : cells) {
        CHECK(c.count > 0);
        CHECK(c.r0 < c.r1);
        CHECK(c.angle0 < c.angle1);
        count += c.count;
        overdue += c.overdue;
        due += c.due;
    }
    int expect_overdue = 0, expect_due = 0;
    for (const Contact& c : p.contacts) {
        expect_overdue += StatusOf(c, today) == FollowUpStatus::Overdue;
        expect_due += StatusOf(c, today) == FollowUpStatus::DueThisWeek;
    }
    CHECK(count == static_cast<int>(p.contacts.size()));
    CHECK(overdue == expect_overdue);
    CHECK(overdue > 0);
    CHECK(due == expect_due);
    CHECK(cells.size() <= 4 * sectors.size());
    CHECK(AggregateMap(Planner{}, today).empty());
    CHECK(LayoutMap(Planner{}, today).empty());
}
