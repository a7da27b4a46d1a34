// The planner's logic: dates, follow-ups, records, the contacts table, the
// social plan, targets, goals, metrics and the network map. Templates are in
// planner_templates.cpp, storage and merge in planner_store.cpp, dates in
// planner_dates.cpp.
//
// Index
//   Follow-ups      cadence from the last touch, promises, snoozes, the agenda
//   Records         add, find, delete (one id space, tombstones)
//   Contacts table  filter, search, sort
//   Social plan     periods and streaks
//   Targets, goals, metrics
//   Network map
#include "core/planner.h"
#include "core/strings.h"
#include "core/text.h"
#include "core/unicode_key.h"

#include <cstring>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace wb::planner {

namespace {

// Floor division: periods and weeks before 1970 must not round toward zero.
int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

void AppendLower(std::string& out, std::string_view s) {
    const size_t at = out.size();
    out.resize(at + s.size());
    for (size_t i = 0; i < s.size(); ++i) out[at + i] = AsciiLower(s[i]);
}

std::string Lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    AppendLower(out, s);
    return out;
}

int CompareNoCase(std::string_view a, std::string_view b) {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        unsigned char x = static_cast<unsigned char>(AsciiLower(a[i]));
        unsigned char y = static_cast<unsigned char>(AsciiLower(b[i]));
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

}  // namespace

// --- Follow-ups ------------------------------------------------------------------
int DefaultCadenceDays(Tier tier) {
    switch (tier) {
        case Tier::Inner: return 30;
        case Tier::Close: return 61;
        case Tier::Active: return 91;
        case Tier::Extended: return 365;
        default: return 0;  // Tier::None: no cadence until the learner gives one
    }
}

int CadenceDays(const Contact& c) { return c.cadence_days > 0 ? c.cadence_days : DefaultCadenceDays(c.tier); }

Day LastTouch(const Contact& c) {
    // The log is kept sorted, but imported logs may not be: take the latest.
    Day last = kNoDay;
    for (const Interaction& i : c.log)
        if (i.day != kNoDay && (last == kNoDay || i.day > last)) last = i.day;
    return last;
}

namespace {
// The due date before any snooze: last touch + cadence, or the promise if earlier.
Day BaseDue(const Contact& c) {
    const Day last = LastTouch(c);
    const int cadence = CadenceDays(c);
    Day base = last == kNoDay || cadence <= 0 ? kNoDay : last + cadence;
    if (c.follow_up_by != kNoDay && (base == kNoDay || c.follow_up_by < base)) base = c.follow_up_by;
    return base;
}

FollowUpStatus StatusFrom(Day base, Day snoozed_until, Day today, Day& next) {
    next = base;
    if (base == kNoDay) return FollowUpStatus::NeverContacted;
    if (snoozed_until > base) next = snoozed_until;
    if (snoozed_until > today && snoozed_until > base) return FollowUpStatus::Snoozed;
    const int ahead = next - today;
    if (ahead < 0) return FollowUpStatus::Overdue;
    if (ahead < kDueWindowDays) return FollowUpStatus::DueThisWeek;
    return FollowUpStatus::Later;
}
}  // namespace

Day NextFollowUp(const Contact& c) {
    const Day base = BaseDue(c);
    if (base == kNoDay) return kNoDay;
    return c.snoozed_until > base ? c.snoozed_until : base;
}

FollowUpStatus StatusOf(const Contact& c, Day today) {
    Day next;
    FollowUpStatus s = StatusFrom(BaseDue(c), c.snoozed_until, today, next);
    return s == FollowUpStatus::NeverContacted && CadenceDays(c) <= 0 ? FollowUpStatus::Unscheduled : s;
}

void DecideTriage(Contact& c, Tier tier, Day today, Rev rev) {
    if (tier == Tier::None) {
        c.not_now = today != kNoDay ? today : 1;  // a decision always has a day
    } else {
        c.tier = tier;
        c.not_now = kNoDay;
    }
    c.rev = std::move(rev);
}

Agenda ComputeAgenda(const Planner& p, Day today) {
    Agenda a;
    std::vector<std::pair<Day, Id>> overdue, due;
    for (const Contact& c : p.contacts) {
        a.awaiting_triage += AwaitingTriage(c);
        Day next;
        switch (StatusFrom(BaseDue(c), c.snoozed_until, today, next)) {
            case FollowUpStatus::NeverContacted:
                // Not tiered: not a follow-up, only counted (an import must not fill this list).
                if (CadenceDays(c) <= 0) ++a.untiered;
                else a.never_contacted.push_back(c.id);
                break;
            case FollowUpStatus::Overdue: overdue.emplace_back(next, c.id); break;
            case FollowUpStatus::DueThisWeek: due.emplace_back(next, c.id); break;
            default: break;
        }
    }
    // (day, id) pairs: earliest date first is both "most overdue" and "soonest due".
    std::sort(overdue.begin(), overdue.end());
    std::sort(due.begin(), due.end());
    a.overdue.reserve(overdue.size());
    for (const auto& x : overdue) a.overdue.push_back(x.second);
    a.due.reserve(due.size());
    for (const auto& x : due) a.due.push_back(x.second);
    std::vector<std::pair<Day, Id>> events;
    for (const Event& e : p.events)
        if (e.day != kNoDay && e.day >= today && e.day - today < kEventWindowDays) events.emplace_back(e.day, e.id);
    std::sort(events.begin(), events.end());
    for (const auto& x : events) a.upcoming_events.push_back(x.second);
    return a;
}

bool LogTouch(Contact& c, Interaction touch, Rev rev) {
    if (touch.day == kNoDay) return false;
    const Day previous_last = LastTouch(c);
    const Day day = touch.day;
    auto at = std::upper_bound(c.log.begin(), c.log.end(), day,
                               [](Day d, const Interaction& i) { return d < i.day; });
    c.log.insert(at, std::move(touch));
    if (c.stage == Stage::Identified) c.stage = Stage::Contacted;
    if (c.follow_up_by != kNoDay && day >= c.follow_up_from) {
        c.follow_up_by = kNoDay;
        c.follow_up_from = kNoDay;
    }
    // A snooze pushed back the date the previous touch set; a newer touch sets a new one.
    if (c.snoozed_until != kNoDay && (previous_last == kNoDay || day >= previous_last)) c.snoozed_until = kNoDay;
    c.rev = std::move(rev);
    return true;
}

void Snooze(Contact& c, Day until, Rev rev) {
    c.snoozed_until = until;
    c.rev = std::move(rev);
}

void PromiseFollowUp(Contact& c, Day made_on, Day by, Rev rev) {
    c.follow_up_from = by == kNoDay ? kNoDay : made_on;
    c.follow_up_by = by;
    c.rev = std::move(rev);
}

int MarkAttended(Planner& p, Id event_id, std::vector<Id> met, Rev rev) {
    Event* e = FindEvent(p, event_id);
    if (!e) return -1;
    e->attended = true;
    e->rev = rev;
    int added = 0;
    for (Id id : met) {
        if (std::find(e->met.begin(), e->met.end(), id) != e->met.end()) continue;
        Contact* c = FindContact(p, id);
        if (!c) continue;
        e->met.push_back(id);
        ++added;
        if (e->day == kNoDay) {
            c->rev = rev;
            continue;
        }
        // A touch on or after the event's day already is the follow-up the promise asks for.
        const bool kept = LastTouch(*c) != kNoDay && LastTouch(*c) >= e->day;
        Interaction meeting;
        meeting.day = e->day;
        meeting.channel = Channel::Event;
        meeting.note = e->name;
        LogTouch(*c, std::move(meeting), rev);
        if (c->stage < Stage::Met) c->stage = Stage::Met;
        // Made after the meeting was logged, so the meeting does not fulfil it.
        if (!kept) PromiseFollowUp(*c, e->day, e->day + kEventFollowUpDays, rev);
    }
    return added;
}

// --- Records -----------------------------------------------------------------------
namespace {

template <class T>
typename std::vector<T>::iterator LowerById(std::vector<T>& v, Id id) {
    return std::lower_bound(v.begin(), v.end(), id, [](const T& r, Id x) { return r.id < x; });
}

template <class T>
T* FindIn(std::vector<T>& v, Id id) {
    auto it = LowerById(v, id);
    return it != v.end() && it->id == id ? &*it : nullptr;
}

template <class T>
const T* FindIn(const std::vector<T>& v, Id id) {
    auto it = std::lower_bound(v.begin(), v.end(), id, [](const T& r, Id x) { return r.id < x; });
    return it != v.end() && it->id == id ? &*it : nullptr;
}

template <class T>
Id AddTo(Planner& p, std::vector<T>& v, T rec, Rev rev) {
    if (p.next_id == 0) p.next_id = 1;
    rec.id = p.next_id++;
    rec.rev = std::move(rev);
    const Id id = rec.id;
    if (v.empty() || v.back().id < id) v.push_back(std::move(rec));
    else v.insert(LowerById(v, id), std::move(rec));  // only if next_id was behind (repaired data)
    return id;
}

template <class T>
bool DeleteFrom(Planner& p, std::vector<T>& v, Id id, Rev rev) {
    auto it = LowerById(v, id);
    if (it == v.end() || it->id != id) return false;
    v.erase(it);
    auto t = LowerById(p.deleted, id);
    if (t != p.deleted.end() && t->id == id) t->rev = std::move(rev);
    else p.deleted.insert(t, Tombstone{id, std::move(rev)});
    return true;
}

// The UTC day of a revision time: a fallback for `added` only.
Day DayOfMs(int64_t ms) {
    if (ms <= 0) return kNoDay;
    return static_cast<Day>(ms / 86400000);
}

}  // namespace

Id AddContact(Planner& p, Contact c, Rev rev) {
    if (c.added == kNoDay) c.added = DayOfMs(rev.at);
    return AddTo(p, p.contacts, std::move(c), std::move(rev));
}
Id AddOrganization(Planner& p, Organization o, Rev rev) { return AddTo(p, p.organizations, std::move(o), std::move(rev)); }
Id AddEvent(Planner& p, Event e, Rev rev) { return AddTo(p, p.events, std::move(e), std::move(rev)); }
Id AddSocialPlan(Planner& p, SocialPlan s, Rev rev) { return AddTo(p, p.social, std::move(s), std::move(rev)); }
Id AddTarget(Planner& p, Target t, Rev rev) { return AddTo(p, p.targets, std::move(t), std::move(rev)); }
Id AddGoal(Planner& p, Goal g, Rev rev) { return AddTo(p, p.goals, std::move(g), std::move(rev)); }

Contact* FindContact(Planner& p, Id id) { return FindIn(p.contacts, id); }
const Contact* FindContact(const Planner& p, Id id) { return FindIn(p.contacts, id); }
Organization* FindOrganization(Planner& p, Id id) { return FindIn(p.organizations, id); }
Event* FindEvent(Planner& p, Id id) { return FindIn(p.events, id); }
const Event* FindEvent(const Planner& p, Id id) { return FindIn(p.events, id); }
SocialPlan* FindSocialPlan(Planner& p, Id id) { return FindIn(p.social, id); }
Target* FindTarget(Planner& p, Id id) { return FindIn(p.targets, id); }
Goal* FindGoal(Planner& p, Id id) { return FindIn(p.goals, id); }

bool DeleteContact(Planner& p, Id id, Rev rev) { return DeleteFrom(p, p.contacts, id, std::move(rev)); }
bool DeleteOrganization(Planner& p, Id id, Rev rev) { return DeleteFrom(p, p.organizations, id, std::move(rev)); }
bool DeleteEvent(Planner& p, Id id, Rev rev) { return DeleteFrom(p, p.events, id, std::move(rev)); }
bool DeleteSocialPlan(Planner& p, Id id, Rev rev) { return DeleteFrom(p, p.social, id, std::move(rev)); }
bool DeleteTarget(Planner& p, Id id, Rev rev) { return DeleteFrom(p, p.targets, id, std::move(rev)); }
bool DeleteGoal(Planner& p, Id id, Rev rev) { return DeleteFrom(p, p.goals, id, std::move(rev)); }

// --- Contacts table ----------------------------------------------------------------
namespace {

std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
        size_t start = i;
        while (i < text.size() && !(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
        if (i > start) words.push_back(unicode::SearchKey(text.substr(start, i - start)));
    }
    return words;
}

// ASCII case folding as a table: the search folds every byte it looks at.
struct FoldTable {
    unsigned char to[256];
    constexpr FoldTable() : to() {
        for (int c = 0; c < 256; ++c) to[c] = static_cast<unsigned char>(AsciiLower(static_cast<char>(c)));
    }
};
constexpr FoldTable kFold;

bool HasNonAscii(std::string_view s) {
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t x;
        std::memcpy(&x, s.data() + i, 8);
        if (x & 0x8080808080808080ull) return true;
    }
    for (; i < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80) return true;
    return false;
}

// The search keys of one contact's fields, each built when a word first needs it
// and kept for the other words of the query; buffers reused from contact to contact.
class ContactKeys {
public:
    std::string_view Of(const Contact& c, size_t field, std::string_view text) {
        if (of_ != &c) {
            of_ = &c;
            built_.assign(8 + c.tags.size(), '\0');
            if (keys_.size() < built_.size()) keys_.resize(built_.size());
        }
        if (!built_[field]) {
            keys_[field].clear();
            unicode::AppendSearchKey(keys_[field], text);
            built_[field] = 1;
        }
        return keys_[field];
    }

private:
    const Contact* of_ = nullptr;
    std::vector<std::string> keys_;
    std::string built_;  // a flag per field (a string: no library code of its own)
};

// Horspool's search for one query word's key (unicode_key.h), its skip table
// built once per query and reused for every field of every contact. The wasm
// build's libc++ has no std::boyer_moore_horspool_searcher. A field is searched
// as it is first (ASCII case folded on the fly): a key found in a text's bytes is
// in its key too. Only a field with other bytes, where it was not found, has its
// key built.
class WordFinder {
public:
    explicit WordFinder(std::string folded) : word_(std::move(folded)) {
        const size_t n = word_.size();
        for (size_t& s : skip_) s = n;
        for (size_t i = 0; i + 1 < n; ++i) {
            const unsigned char c = static_cast<unsigned char>(word_[i]);
            skip_[c] = n - 1 - i;
            if (c >= 'a' && c <= 'z') skip_[c - 'a' + 'A'] = n - 1 - i;
        }
    }
    // In any searchable field of the contact.
    bool In(const Contact& c, ContactKeys& keys) const {
        size_t field = 0;
        auto in = [&](const std::string& f) {
            const size_t at = field++;
            return Raw(f) || (HasNonAscii(f) && Raw(keys.Of(c, at, f)));
        };
        for (const std::string* f : {&c.name, &c.company, &c.role, &c.industry, &c.location, &c.email, &c.met, &c.notes})
            if (in(*f)) return true;
        for (const std::string& t : c.tags)
            if (in(t)) return true;
        return false;
    }

private:
    // Bytes as they are, ASCII letters in either case.
    bool Raw(std::string_view hay) const {
        const size_t n = word_.size(), h = hay.size();
        if (n == 0) return true;
        const unsigned char* w = reinterpret_cast<const unsigned char*>(word_.data());
        const unsigned char* t = reinterpret_cast<const unsigned char*>(hay.data());
        for (size_t i = 0; i + n <= h; i += skip_[t[i + n - 1]]) {
            size_t k = n;
            while (k > 0 && kFold.to[t[i + k - 1]] == w[k - 1]) --k;
            if (k == 0) return true;
        }
        return false;
    }

    std::string word_;
    size_t skip_[256];
};

}  // namespace

std::vector<uint32_t> QueryContacts(const Planner& p, const ContactQuery& q, Day today) {
    std::vector<std::string> words = Words(q.text);
    // Longest word first: it rules out most contacts soonest.
    std::stable_sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::vector<WordFinder> finders;
    finders.reserve(words.size());
    for (std::string& w : words) finders.emplace_back(std::move(w));
    ContactKeys keys;
    const bool want_next = q.due_only || q.sort == ContactQuery::NextFollowUp;
    std::vector<uint32_t> out;
    std::vector<Day> key;  // per contact index, for the date sorts
    if (q.sort == ContactQuery::NextFollowUp || q.sort == ContactQuery::LastTouch) key.assign(p.contacts.size(), kNoDay);
    for (uint32_t i = 0; i < p.contacts.size(); ++i) {
        const Contact& c = p.contacts[i];
        if (q.tier >= 0 && static_cast<int>(c.tier) != q.tier) continue;
        if (q.stage >= 0 && static_cast<int>(c.stage) != q.stage) continue;
        if (!q.tag.empty() &&
            std::none_of(c.tags.begin(), c.tags.end(), [&](const std::string& t) { return EqualsNoCase(t, q.tag); }))
            continue;
        Day next = kNoDay;
        if (want_next) {
            FollowUpStatus s = StatusFrom(BaseDue(c), c.snoozed_until, today, next);
            if (q.due_only && s != FollowUpStatus::Overdue && s != FollowUpStatus::DueThisWeek) continue;
        }
        if (!finders.empty() &&
            !std::all_of(finders.begin(), finders.end(), [&](const WordFinder& w) { return w.In(c, keys); }))
            continue;
        if (q.sort == ContactQuery::NextFollowUp) key[i] = next;
        else if (q.sort == ContactQuery::LastTouch) key[i] = LastTouch(c);
        out.push_back(i);
    }
    const bool desc = q.descending;
    const auto& cs = p.contacts;
    // Contacts are sorted by id, so "ties by id" is "ties by index".
    auto by_text = [&](auto field) {
        // Sort keys (unicode_key.h) built once per match into one buffer; the first
        // 16 bytes of the primary key, packed big-endian into two integers, settle
        // most comparisons without touching it. (Folding inside the comparator, or a
        // string per row, cost 2-4x in wasm.) Equal primaries compare their accents.
        struct Key {
            uint64_t head[2];
            uint32_t at, len, marks_at, marks_len, row;
        };
        std::vector<Key> keys(out.size());
        std::string folded, marks;
        size_t total = 0;
        for (uint32_t row : out) total += field(cs[row]).size();
        folded.reserve(total);
        marks.reserve(total);
        for (size_t k = 0; k < out.size(); ++k) {
            std::string_view v = field(cs[out[k]]);
            Key& key = keys[k];
            key.at = static_cast<uint32_t>(folded.size());
            key.marks_at = static_cast<uint32_t>(marks.size());
            key.row = out[k];
            unicode::AppendSortKeys(folded, marks, v);
            key.len = static_cast<uint32_t>(folded.size()) - key.at;
            key.marks_len = static_cast<uint32_t>(marks.size()) - key.marks_at;
            for (size_t h = 0; h < 2; ++h) {
                uint64_t x = 0;
                for (size_t i = 8 * h; i < 8 * h + 8; ++i)
                    x = (x << 8) | (i < key.len ? static_cast<unsigned char>(folded[key.at + i]) : 0u);
                key.head[h] = x;
            }
        }
        auto rest = [&](const Key& k) {
            return k.len > 16 ? std::string_view(folded).substr(k.at + 16, k.len - 16) : std::string_view();
        };
        auto accents = [&](const Key& k) { return std::string_view(marks).substr(k.marks_at, k.marks_len); };
        std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
            int c = a.head[0] != b.head[0]   ? (a.head[0] < b.head[0] ? -1 : 1)
                    : a.head[1] != b.head[1] ? (a.head[1] < b.head[1] ? -1 : 1)
                    : (a.len <= 16 && b.len <= 16) ? (a.len == b.len ? 0 : a.len < b.len ? -1 : 1)  // "ab" < "ab\0"
                                                   : rest(a).compare(rest(b));
            if (c == 0) c = accents(a).compare(accents(b));
            if (c != 0) return desc ? c > 0 : c < 0;
            return a.row < b.row;
        });
        for (size_t k = 0; k < keys.size(); ++k) out[k] = keys[k].row;
    };
    auto by_int = [&](auto value) {
        std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
            int x = value(a), y = value(b);
            if (x != y) return desc ? x > y : x < y;
            return a < b;
        });
    };
    auto by_day = [&]() {
        std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
            Day x = key[a], y = key[b];
            if ((x == kNoDay) != (y == kNoDay)) return y == kNoDay;  // no date last, either way
            if (x != y) return desc ? x > y : x < y;
            return a < b;
        });
    };
    switch (q.sort) {
        case ContactQuery::Name: by_text([](const Contact& c) -> std::string_view { return c.name; }); break;
        case ContactQuery::Company: by_text([](const Contact& c) -> std::string_view { return c.company; }); break;
        case ContactQuery::NextFollowUp:
        case ContactQuery::LastTouch: by_day(); break;
        case ContactQuery::Tier: by_int([&](uint32_t i) { return static_cast<int>(cs[i].tier); }); break;
        case ContactQuery::Stage: by_int([&](uint32_t i) { return static_cast<int>(cs[i].stage); }); break;
    }
    return out;
}

std::vector<std::string> AllTags(const Planner& p) {
    std::unordered_map<std::string, std::string> first;  // lowercase -> first spelling
    for (const Contact& c : p.contacts)
        for (const std::string& t : c.tags)
            if (!t.empty()) first.try_emplace(Lower(t), t);
    std::vector<std::pair<std::string, std::string>> sorted(first.begin(), first.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> out;
    out.reserve(sorted.size());
    for (auto& kv : sorted) out.push_back(std::move(kv.second));
    return out;
}

// --- Social plan -----------------------------------------------------------------------
// Day 4 is Monday 1970-01-05.
int PeriodOf(const SocialPlan& s, Day day) { return FloorDiv(day - 4, std::max(1, s.every_days)); }

int CurrentStreak(const SocialPlan& s, Day today) {
    std::vector<int> periods;
    for (Day d : s.done)
        if (d != kNoDay && d <= today) periods.push_back(PeriodOf(s, d));
    std::sort(periods.begin(), periods.end(), std::greater<int>());
    periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
    const int current = PeriodOf(s, today);
    int expected = !periods.empty() && periods.front() == current ? current : current - 1;
    int streak = 0;
    for (int period : periods) {
        if (period > expected) continue;  // only the current period can be above
        if (period != expected) break;
        ++streak;
        --expected;
    }
    return streak;
}

bool DueNow(const SocialPlan& s, Day today) {
    const int current = PeriodOf(s, today);
    for (Day d : s.done)
        if (d != kNoDay && d <= today && PeriodOf(s, d) == current) return false;
    return true;
}

void MarkDone(SocialPlan& s, Day day, Rev rev) {
    if (day == kNoDay) return;
    auto it = std::lower_bound(s.done.begin(), s.done.end(), day);
    if (it == s.done.end() || *it != day) s.done.insert(it, day);
    s.rev = std::move(rev);
}

// --- Targets ---------------------------------------------------------------------------
int Score(const Target& t) {
    auto clamp = [](int v) { return std::clamp(v, 0, 5); };
    return 3 * clamp(t.advocacy) + 2 * clamp(t.motivation) + clamp(t.openings);
}

std::vector<uint32_t> RankTargets(const Planner& p) {
    std::vector<uint32_t> out(p.targets.size());
    for (uint32_t i = 0; i < out.size(); ++i) out[i] = i;
    std::sort(out.begin(), out.end(), [&](uint32_t a, uint32_t b) {
        const Target& x = p.targets[a];
        const Target& y = p.targets[b];
        if (Score(x) != Score(y)) return Score(x) > Score(y);
        if (x.advocacy != y.advocacy) return x.advocacy > y.advocacy;
        if (x.motivation != y.motivation) return x.motivation > y.motivation;
        if (int c = CompareNoCase(x.company, y.company); c != 0) return c < 0;
        return x.id < y.id;
    });
    return out;
}

// --- Goals -----------------------------------------------------------------------------
void PeriodRange(GoalPeriod period, Day today, Day& from, Day& to) {
    if (period == GoalPeriod::Week) {
        from = WeekStart(today);
        to = from + 7;
        return;
    }
    int y, m, d;
    YmdFromDay(today, y, m, d);
    from = DayFromYmd(y, m, 1);
    to = m == 12 ? DayFromYmd(y + 1, 1, 1) : DayFromYmd(y, m + 1, 1);
}

int Progress(const Planner& p, const Goal& g, Day today) {
    Day from, to;
    PeriodRange(g.period, today, from, to);
    auto in = [&](Day d) { return d != kNoDay && d >= from && d < to; };
    int n = 0;
    switch (g.kind) {
        case GoalKind::NewContacts:
            for (const Contact& c : p.contacts) n += in(c.added);
            break;
        case GoalKind::FollowUps:
            for (const Contact& c : p.contacts)
                for (const Interaction& i : c.log) n += in(i.day) && i.channel != Channel::Event;
            break;
        case GoalKind::Events:
            for (const Event& e : p.events) n += e.attended && in(e.day);
            break;
        case GoalKind::SocialActions:
            for (const SocialPlan& s : p.social)
                for (Day d : s.done) n += in(d);
            break;
    }
    return n;
}

// --- Metrics ---------------------------------------------------------------------------
namespace {
std::vector<std::pair<std::string, int>> TopTen(const std::unordered_map<std::string, int>& counts) {
    std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (v.size() > 10) {
        int rest = 0;
        for (size_t i = 10; i < v.size(); ++i) rest += v[i].second;
        v.resize(10);
        v.emplace_back(Tr("planner_model.other"), rest);
    }
    return v;
}
}  // namespace

int64_t NewestContactRev(const Planner& p) {
    int64_t r = 0;
    for (const Contact& c : p.contacts) r = std::max(r, c.rev.at);
    return r;
}

Metrics ComputeMetrics(const Planner& p, Day today) {
    Metrics m;
    m.touches_per_week.assign(12, 0);
    const Day first_week = WeekStart(today) - 7 * 11;
    std::unordered_map<std::string, int> industries, companies;
    int weak = 0;
    for (const Contact& c : p.contacts) {
        const int tier = static_cast<int>(c.tier);
        if (tier >= 0 && tier < kTierCount) ++m.per_tier[tier];
        ++industries[c.industry];
        ++companies[c.company];
        Day next;
        if (StatusFrom(BaseDue(c), c.snoozed_until, today, next) == FollowUpStatus::Overdue) ++m.overdue;
        const Day last = LastTouch(c);
        if (c.tier == Tier::Extended || last == kNoDay || today - last > 365) ++weak;
        for (const Interaction& i : c.log)
            if (i.day != kNoDay && i.day >= first_week && i.day < first_week + 84) ++m.touches_per_week[(i.day - first_week) / 7];
    }
    m.weak_tie_share = p.contacts.empty() ? 0.0 : static_cast<double>(weak) / static_cast<double>(p.contacts.size());
    m.industries = TopTen(industries);
    m.companies = TopTen(companies);
    return m;
}

// --- Network map -----------------------------------------------------------------------
namespace {

constexpr float kTwoPi = 6.28318530717958647692f;

// A 32-bit integer mixer (xorshift-multiply rounds): nearby ids land far apart.
uint32_t Mix(uint32_t x) {
    x ^= x >> 16;
    x *= 0x21f0aaadu;
    x ^= x >> 15;
    x *= 0x735a2d97u;
    x ^= x >> 15;
    return x;
}
float Unit(uint32_t h) { return static_cast<float>(h >> 8) / 16777216.0f; }  // [0, 1)

struct SectorMap {
    std::vector<MapSector> sectors;
    std::unordered_map<std::string, int> of;  // industry -> sector; absent = the last ("Other")
    int SectorOf(const std::string& industry) const {
        auto it = of.find(industry);
        return it != of.end() ? it->second : static_cast<int>(sectors.size()) - 1;
    }
};

SectorMap BuildSectors(const Planner& p) {
    SectorMap sm;
    std::unordered_map<std::string, int> counts;
    for (const Contact& c : p.contacts) ++counts[c.industry];
    std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (v.size() > static_cast<size_t>(kMapSectors)) {
        int rest = 0;
        for (size_t i = kMapSectors - 1; i < v.size(); ++i) rest += v[i].second;
        v.resize(kMapSectors - 1);
        v.emplace_back(Tr("planner_model.other"), rest);
        for (int i = 0; i < kMapSectors - 1; ++i) sm.of[v[static_cast<size_t>(i)].first] = i;
    } else {
        for (size_t i = 0; i < v.size(); ++i) sm.of[v[i].first] = static_cast<int>(i);
    }
    const float total = static_cast<float>(p.contacts.size());
    float angle = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        MapSector s;
        s.industry = v[i].first;
        s.count = v[i].second;
        s.angle0 = angle;
        angle = i + 1 == v.size() ? kTwoPi : angle + kTwoPi * static_cast<float>(v[i].second) / total;
        s.angle1 = angle;
        sm.sectors.push_back(std::move(s));
    }
    return sm;
}

}  // namespace

void RingOf(Tier tier, float& r0, float& r1) {
    const int t = std::clamp(static_cast<int>(tier), 0, 3);
    r0 = 0.12f + 0.22f * static_cast<float>(t);
    r1 = r0 + 0.22f;
}

std::vector<MapSector> MapSectors(const Planner& p) { return BuildSectors(p).sectors; }

std::vector<MapPoint> LayoutMap(const Planner& p, Day today) {
    const SectorMap sm = BuildSectors(p);
    std::vector<MapPoint> out;
    out.reserve(p.contacts.size());
    for (const Contact& c : p.contacts) {
        const MapSector& s = sm.sectors[static_cast<size_t>(sm.SectorOf(c.industry))];
        float r0, r1;
        RingOf(c.tier, r0, r1);
        MapPoint pt;
        pt.id = c.id;
        // Margins keep points off the sector and ring borders.
        pt.angle = s.angle0 + (s.angle1 - s.angle0) * (0.05f + 0.9f * Unit(Mix(c.id)));
        pt.radius = r0 + (r1 - r0) * (0.08f + 0.84f * Unit(Mix(c.id ^ 0x9e3779b9u)));
        pt.status = static_cast<uint8_t>(StatusOf(c, today));
        out.push_back(pt);
    }
    return out;
}

std::vector<MapCell> AggregateMap(const Planner& p, Day today) {
    const SectorMap sm = BuildSectors(p);
    const size_t ns = sm.sectors.size();
    std::vector<MapCell> grid(4 * ns);
    for (size_t t = 0; t < 4; ++t)
        for (size_t s = 0; s < ns; ++s) {
            MapCell& cell = grid[t * ns + s];
            RingOf(static_cast<Tier>(t), cell.r0, cell.r1);
            cell.angle0 = sm.sectors[s].angle0;
            cell.angle1 = sm.sectors[s].angle1;
            cell.count = cell.overdue = cell.due = 0;
        }
    for (const Contact& c : p.contacts) {
        const size_t t = static_cast<size_t>(std::clamp(static_cast<int>(c.tier), 0, 3));
        MapCell& cell = grid[t * ns + static_cast<size_t>(sm.SectorOf(c.industry))];
        ++cell.count;
        FollowUpStatus st = StatusOf(c, today);
        cell.overdue += st == FollowUpStatus::Overdue;
        cell.due += st == FollowUpStatus::DueThisWeek;
    }
    std::vector<MapCell> out;
    for (const MapCell& cell : grid)
        if (cell.count > 0) out.push_back(cell);
    return out;
}

}  // namespace wb::planner
