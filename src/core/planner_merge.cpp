// Two tabs' planners merged (see MergePlanners in planner.h): ids handed out
// twice are moved apart, records merge by revision, or field by field when
// both tabs changed one, and tombstones keep deletes.
#include <algorithm>

#include "core/planner.h"

namespace wb::planner {
namespace {

const Tombstone* FindTomb(const std::vector<Tombstone>& t, Id id) {
    auto it = std::lower_bound(t.begin(), t.end(), id, [](const Tombstone& x, Id v) { return x.id < v; });
    return it != t.end() && it->id == id ? &*it : nullptr;
}

template <class T>
void SortById(std::vector<T>& v) {
    auto less = [](const T& a, const T& b) { return a.id < b.id; };
    if (!std::is_sorted(v.begin(), v.end(), less)) std::stable_sort(v.begin(), v.end(), less);
}

// The records of v in id order, without copying them (v is normally sorted already).
template <class T>
std::vector<const T*> ById(const std::vector<T>& v) {
    std::vector<const T*> out;
    out.reserve(v.size());
    for (const T& r : v) out.push_back(&r);
    auto less = [](const T* a, const T* b) { return a->id < b->id; };
    if (!std::is_sorted(out.begin(), out.end(), less)) std::stable_sort(out.begin(), out.end(), less);
    return out;
}

template <class T>
T* FindIn(std::vector<T>& v, Id id) {
    auto it = std::lower_bound(v.begin(), v.end(), id, [](const T& x, Id i) { return x.id < i; });
    return it != v.end() && it->id == id ? &*it : nullptr;
}

// Calls f(list) for every kind of record in p (one id space across them).
template <class P, class F>
void EachKind(P& p, F f) {
    f(p.contacts), f(p.organizations), f(p.events), f(p.social), f(p.targets), f(p.goals);
}

// --- Field by field ---------------------------------------------------------------------------

// One field: the side that changed it; both: the later revision's value.
template <class F>
void Pick(F& out, const F& base, const F& mine, const F& theirs, bool mine_later) {
    out = mine == base ? theirs : theirs == base ? mine : mine_later ? mine : theirs;
}

// A list: theirs, less what mine removed from the base, plus what mine added
// (an item both added is there once).
template <class E>
void PickList(std::vector<E>& out, const std::vector<E>& base, const std::vector<E>& mine, const std::vector<E>& theirs) {
    if (mine == base || theirs == base) {
        out = mine == base ? theirs : mine;
        return;
    }
    auto count = [](const std::vector<E>& v, const E& e) { return std::count(v.begin(), v.end(), e); };
    std::vector<E> result = theirs;
    for (const E& e : base)
        if (count(mine, e) < count(base, e)) {  // mine removed (one of) it
            auto it = std::find(result.begin(), result.end(), e);
            if (it != result.end() && count(result, e) > count(mine, e)) result.erase(it);
        }
    for (const E& e : mine)
        if (count(mine, e) > count(base, e) && count(result, e) < count(mine, e)) result.push_back(e);  // mine added it
    out = std::move(result);
}

void MergeFields(Contact& o, const Contact& b, const Contact& m, const Contact& t, bool ml) {
    Pick(o.name, b.name, m.name, t.name, ml);
    Pick(o.company, b.company, m.company, t.company, ml);
    Pick(o.role, b.role, m.role, t.role, ml);
    Pick(o.industry, b.industry, m.industry, t.industry, ml);
    Pick(o.location, b.location, m.location, t.location, ml);
    Pick(o.profile_url, b.profile_url, m.profile_url, t.profile_url, ml);
    Pick(o.email, b.email, m.email, t.email, ml);
    Pick(o.met, b.met, m.met, t.met, ml);
    Pick(o.introduced_by, b.introduced_by, m.introduced_by, t.introduced_by, ml);
    PickList(o.tags, b.tags, m.tags, t.tags);
    Pick(o.notes, b.notes, m.notes, t.notes, ml);
    Pick(o.tier, b.tier, m.tier, t.tier, ml);
    Pick(o.cadence_days, b.cadence_days, m.cadence_days, t.cadence_days, ml);
    Pick(o.stage, b.stage, m.stage, t.stage, ml);
    PickList(o.log, b.log, m.log, t.log);
    std::stable_sort(o.log.begin(), o.log.end(), [](const Interaction& x, const Interaction& y) { return x.day < y.day; });
    Pick(o.snoozed_until, b.snoozed_until, m.snoozed_until, t.snoozed_until, ml);
    Pick(o.follow_up_by, b.follow_up_by, m.follow_up_by, t.follow_up_by, ml);
    Pick(o.follow_up_from, b.follow_up_from, m.follow_up_from, t.follow_up_from, ml);
    Pick(o.added, b.added, m.added, t.added, ml);
    Pick(o.connected, b.connected, m.connected, t.connected, ml);
    Pick(o.not_now, b.not_now, m.not_now, t.not_now, ml);
    Pick(o.source, b.source, m.source, t.source, ml);
}

void MergeFields(Organization& o, const Organization& b, const Organization& m, const Organization& t, bool ml) {
    Pick(o.name, b.name, m.name, t.name, ml);
    Pick(o.kind, b.kind, m.kind, t.kind, ml);
    Pick(o.status, b.status, m.status, t.status, ml);
    Pick(o.dues_cents, b.dues_cents, m.dues_cents, t.dues_cents, ml);
    Pick(o.renewal, b.renewal, m.renewal, t.renewal, ml);
    Pick(o.want, b.want, m.want, t.want, ml);
    PickList(o.roles, b.roles, m.roles, t.roles);
    Pick(o.notes, b.notes, m.notes, t.notes, ml);
}

void MergeFields(Event& o, const Event& b, const Event& m, const Event& t, bool ml) {
    Pick(o.name, b.name, m.name, t.name, ml);
    Pick(o.kind, b.kind, m.kind, t.kind, ml);
    Pick(o.place, b.place, m.place, t.place, ml);
    Pick(o.link, b.link, m.link, t.link, ml);
    Pick(o.day, b.day, m.day, t.day, ml);
    Pick(o.goal, b.goal, m.goal, t.goal, ml);
    Pick(o.prep, b.prep, m.prep, t.prep, ml);  // whole: ticking an item changes it in place
    Pick(o.attended, b.attended, m.attended, t.attended, ml);
    PickList(o.met, b.met, m.met, t.met);
    Pick(o.notes, b.notes, m.notes, t.notes, ml);
}

void MergeFields(SocialPlan& o, const SocialPlan& b, const SocialPlan& m, const SocialPlan& t, bool ml) {
    Pick(o.platform, b.platform, m.platform, t.platform, ml);
    Pick(o.action, b.action, m.action, t.action, ml);
    Pick(o.every_days, b.every_days, m.every_days, t.every_days, ml);
    PickList(o.done, b.done, m.done, t.done);
    std::sort(o.done.begin(), o.done.end());
    o.done.erase(std::unique(o.done.begin(), o.done.end()), o.done.end());
}

void MergeFields(Target& o, const Target& b, const Target& m, const Target& t, bool ml) {
    Pick(o.company, b.company, m.company, t.company, ml);
    Pick(o.notes, b.notes, m.notes, t.notes, ml);
    Pick(o.advocacy, b.advocacy, m.advocacy, t.advocacy, ml);
    Pick(o.motivation, b.motivation, m.motivation, t.motivation, ml);
    Pick(o.openings, b.openings, m.openings, t.openings, ml);
}

void MergeFields(Goal& o, const Goal& b, const Goal& m, const Goal& t, bool ml) {
    Pick(o.kind, b.kind, m.kind, t.kind, ml);
    Pick(o.period, b.period, m.period, t.period, ml);
    Pick(o.target, b.target, m.target, t.target, ml);
}

template <class T>
bool SameContent(const T& a, const T& b) {
    T x = a;
    x.rev = b.rev;
    return x == b;
}

// Both sides changed record `m`/`t` since `base`: the field-by-field result. It
// keeps a side's revision when it equals that side; otherwise it is new, so that
// every tab takes it.
template <class T>
T MergeRecord(const T& base, const T& m, const T& t, const Rev& now) {
    const bool mine_later = t.rev < m.rev;
    T out;
    MergeFields(out, base, m, t, mine_later);
    out.id = m.id;
    if (SameContent(out, t)) out.rev = t.rev;
    else if (mine_later && SameContent(out, m)) out.rev = m.rev;
    else out.rev = Rev{std::max(now.at, std::max(m.rev.at, t.rev.at) + 1), now.by};
    return out;
}

// Merges one kind of record by id. A record at or before its id's tombstone is
// dropped; a record edited after it wins, and its id goes to `revived`. A record
// with a base (edited here since stored) that both sides changed merges field by
// field, and its base becomes theirs.
template <class T>
void MergeKind(std::vector<T>& mine, const std::vector<T>& theirs_unsorted, const std::vector<Tombstone>& tombs,
               std::vector<Id>& revived, std::vector<T>* base, const Rev& now) {
    SortById(mine);
    const std::vector<const T*> theirs = ById(theirs_unsorted);
    std::vector<T> merged;
    merged.reserve(std::max(mine.size(), theirs.size()));
    std::vector<Id> agreed;  // records now as stored: their base goes
    auto alive = [&](const T& rec) {
        const Tombstone* t = FindTomb(tombs, rec.id);
        if (!t) return true;
        if (!(t->rev < rec.rev)) return false;  // deleted at or after this edit
        revived.push_back(rec.id);
        return true;
    };
    size_t i = 0, j = 0;
    while (i < mine.size() || j < theirs.size()) {
        const bool take_mine = j == theirs.size() || (i < mine.size() && mine[i].id < theirs[j]->id);
        const bool take_theirs = !take_mine && (i == mine.size() || theirs[j]->id < mine[i].id);
        if (take_mine) {
            if (alive(mine[i])) merged.push_back(std::move(mine[i]));
            ++i;
        } else if (take_theirs) {
            if (alive(*theirs[j])) merged.push_back(*theirs[j]);  // copies only what theirs adds
            ++j;
        } else {
            const T& t = *theirs[j];
            T* b = base ? FindIn(*base, t.id) : nullptr;
            if (b && mine[i].rev == t.rev) {
                agreed.push_back(t.id);
                if (alive(mine[i])) merged.push_back(std::move(mine[i]));
            } else if (b) {
                T rec = MergeRecord(*b, mine[i], t, now);
                if (rec.rev == t.rev) agreed.push_back(t.id);
                else *b = t;  // what is stored now
                if (alive(rec)) merged.push_back(std::move(rec));
            } else if (mine[i].rev < t.rev) {
                if (alive(t)) merged.push_back(t);
            } else if (alive(mine[i])) {
                merged.push_back(std::move(mine[i]));
            }
            ++i;
            ++j;
        }
    }
    mine = std::move(merged);
    if (base && !agreed.empty())
        base->erase(std::remove_if(base->begin(), base->end(),
                                   [&](const T& r) { return std::binary_search(agreed.begin(), agreed.end(), r.id); }),
                    base->end());
}

// Same ids with the same revs, in the same (id) order.
template <class T>
bool SameRevs(const std::vector<T>& merged, const std::vector<T>& theirs_unsorted) {
    if (merged.size() != theirs_unsorted.size()) return false;
    const std::vector<const T*> theirs = ById(theirs_unsorted);
    for (size_t i = 0; i < merged.size(); ++i)
        if (merged[i].id != theirs[i]->id || !(merged[i].rev == theirs[i]->rev)) return false;
    return true;
}

// --- Ids handed out twice ------------------------------------------------------------------------

// One past the highest id theirs holds or has handed out.
Id TopOf(const Planner& p) {
    Id top = p.next_id;
    EachKind(p, [&](const auto& list) {
        for (const auto& r : list) top = std::max(top, r.id + 1);
    });
    for (const Tombstone& t : p.deleted) top = std::max(top, t.id + 1);
    return top;
}

// This tab's records at ids theirs may also have handed out move to fresh ids.
void MoveUnpublished(Planner& mine, const Planner& theirs, MergeSide& side) {
    const Id top = TopOf(theirs);
    if (top <= side.published) return;
    auto taken = [&](Id id) { return id >= side.published && id < top; };
    // New ids in the order of the old ones (the order they were added in), past
    // everything either tab handed out.
    // A record theirs holds at the same revision is this one, saved and read back: it stays.
    std::vector<std::pair<Id, Id>> moved;
    auto collect = [&](const auto& list, const auto& their_list) {
        const auto sorted = ById(their_list);
        for (const auto& r : list)
            if (taken(r.id)) {
                auto it = std::lower_bound(sorted.begin(), sorted.end(), r.id, [](const auto* x, Id i) { return x->id < i; });
                if (it == sorted.end() || (*it)->id != r.id || !((*it)->rev == r.rev)) moved.push_back({r.id, 0});
            }
    };
    collect(mine.contacts, theirs.contacts), collect(mine.organizations, theirs.organizations);
    collect(mine.events, theirs.events), collect(mine.social, theirs.social);
    collect(mine.targets, theirs.targets), collect(mine.goals, theirs.goals);
    std::sort(moved.begin(), moved.end());
    Id next = std::max(mine.next_id, top);
    for (auto& m : moved) m.second = next <= kMaxId ? next++ : m.first;  // no id left: kept (never near in use)
    auto to = [&](Id id) {
        auto it = std::lower_bound(moved.begin(), moved.end(), std::make_pair(id, Id(0)));
        return it != moved.end() && it->first == id ? it->second : id;
    };
    if (!moved.empty()) {
        EachKind(mine, [&](auto& list) {
            for (auto& r : list) r.id = to(r.id);
            SortById(list);
        });
        for (Contact& c : mine.contacts) c.introduced_by = to(c.introduced_by);
        for (Event& e : mine.events)
            for (Id& id : e.met) id = to(id);
    }
    // A tombstone there names a record only this tab had: it must not delete theirs.
    mine.deleted.erase(std::remove_if(mine.deleted.begin(), mine.deleted.end(), [&](const Tombstone& t) { return taken(t.id); }),
                       mine.deleted.end());
    if (side.base)  // bases of records that were never stored (none is expected)
        EachKind(*side.base, [&](auto& list) {
            list.erase(std::remove_if(list.begin(), list.end(), [&](const auto& r) { return taken(r.id); }), list.end());
        });
    mine.next_id = next;
    side.published = top;
    side.moved.insert(side.moved.end(), moved.begin(), moved.end());
}

// Moves the records of `from` that `pred` picks into `to` (sorted by id; an older
// entry in `to` for the same id is replaced).
template <class T, class Pred>
void MoveRecords(std::vector<T>& from, std::vector<T>& to, Pred pred) {
    auto keep = std::stable_partition(from.begin(), from.end(), [&](const T& r) { return !pred(r); });
    for (auto it = keep; it != from.end(); ++it) {
        auto at = std::lower_bound(to.begin(), to.end(), it->id, [](const T& x, Id id) { return x.id < id; });
        if (at != to.end() && at->id == it->id) *at = std::move(*it);
        else to.insert(at, std::move(*it));
    }
    from.erase(keep, from.end());
}

template <class T>
bool Keep(const std::vector<T>& list, std::vector<T>& base, Id id) {
    auto it = std::lower_bound(list.begin(), list.end(), id, [](const T& x, Id i) { return x.id < i; });
    if (it == list.end() || it->id != id) return false;
    auto at = std::lower_bound(base.begin(), base.end(), id, [](const T& x, Id i) { return x.id < i; });
    if (at == base.end() || at->id != id) base.insert(at, *it);
    return true;
}

}  // namespace

bool KeepBase(const Planner& p, Id id, Planner& base) {
    return Keep(p.contacts, base.contacts, id) || Keep(p.organizations, base.organizations, id) ||
           Keep(p.events, base.events, id) || Keep(p.social, base.social, id) || Keep(p.targets, base.targets, id) ||
           Keep(p.goals, base.goals, id);
}

void MoveBases(Planner& from, Planner& to, BasePart part, uint32_t chunk) {
    auto all = [](const auto&) { return true; };
    if (part == BasePart::Chunk) MoveRecords(from.contacts, to.contacts, [&](const Contact& c) { return ChunkOf(c.id) == chunk; });
    if (part == BasePart::All) MoveRecords(from.contacts, to.contacts, all);
    if (part == BasePart::Meta || part == BasePart::All) {
        MoveRecords(from.organizations, to.organizations, all);
        MoveRecords(from.events, to.events, all);
        MoveRecords(from.social, to.social, all);
        MoveRecords(from.targets, to.targets, all);
        MoveRecords(from.goals, to.goals, all);
    }
}

bool MergePlanners(Planner& mine, const Planner& theirs, MergeSide* side) {
    if (mine.generation != theirs.generation) {
        // A reset or restore happened in one of them: the later data set wins whole
        // (generations are "<ms>-<tab>", so they order by time).
        if (mine.generation < theirs.generation) {
            mine = theirs;
            if (side) {
                side->published = theirs.next_id;
                if (side->base) *side->base = Planner{};
            }
            return false;
        }
        return true;
    }
    if (side) MoveUnpublished(mine, theirs, *side);
    // Tombstones first: the union, the later of two for the same id.
    std::vector<Tombstone> tombs = mine.deleted;
    tombs.insert(tombs.end(), theirs.deleted.begin(), theirs.deleted.end());
    std::stable_sort(tombs.begin(), tombs.end(),
                     [](const Tombstone& a, const Tombstone& b) { return a.id < b.id || (a.id == b.id && b.rev < a.rev); });
    tombs.erase(std::unique(tombs.begin(), tombs.end(), [](const Tombstone& a, const Tombstone& b) { return a.id == b.id; }),
                tombs.end());
    std::vector<Id> revived;  // edited after their delete: the edit wins, the tombstone goes
    Planner* base = side ? side->base : nullptr;
    const Rev now = side ? side->now : Rev{};
    MergeKind(mine.contacts, theirs.contacts, tombs, revived, base ? &base->contacts : nullptr, now);
    MergeKind(mine.organizations, theirs.organizations, tombs, revived, base ? &base->organizations : nullptr, now);
    MergeKind(mine.events, theirs.events, tombs, revived, base ? &base->events : nullptr, now);
    MergeKind(mine.social, theirs.social, tombs, revived, base ? &base->social : nullptr, now);
    MergeKind(mine.targets, theirs.targets, tombs, revived, base ? &base->targets : nullptr, now);
    MergeKind(mine.goals, theirs.goals, tombs, revived, base ? &base->goals : nullptr, now);
    std::sort(revived.begin(), revived.end());
    tombs.erase(std::remove_if(tombs.begin(), tombs.end(),
                               [&](const Tombstone& t) { return std::binary_search(revived.begin(), revived.end(), t.id); }),
                tombs.end());
    mine.deleted = std::move(tombs);
    mine.next_id = std::max(mine.next_id, theirs.next_id);

    // The merge only ever moves forward from theirs, so any difference is
    // something of mine that theirs lacks.
    return mine.next_id != theirs.next_id || !SameRevs(mine.deleted, theirs.deleted) ||
           !SameRevs(mine.contacts, theirs.contacts) || !SameRevs(mine.organizations, theirs.organizations) ||
           !SameRevs(mine.events, theirs.events) || !SameRevs(mine.social, theirs.social) ||
           !SameRevs(mine.targets, theirs.targets) || !SameRevs(mine.goals, theirs.goals);
}

}  // namespace wb::planner
