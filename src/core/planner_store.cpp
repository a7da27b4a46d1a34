// The planner's storage: a meta record plus contact chunks (see planner.h).
// (Two tabs' planners merge in planner_merge.cpp.) Reading is forgiving per record and field,
// and names every problem, like state.cpp. Contacts bypass the JSON DOM both
// ways (30,000 contacts as a DOM cost ~29 MB and most of the time).
//
// Index
//   Contact fields   the positional form of one contact in a chunk
//   Writing          a small JSON writer for chunks; the DOM for meta
//   Migrations       one step per schema version
//   Reading          meta (DOM, field by field), chunks (a streaming reader)
#include <algorithm>
#include "core/strings.h"
#include <charconv>

#include <nlohmann/json.hpp>

#include "core/interchange.h"  // the field limits
#include "core/planner.h"
#include "core/utf8.h"

namespace wb::planner {
using nlohmann::json;

namespace {

// --- Contact fields ------------------------------------------------------------
// Schema 3 (schema 1 had no `connected` and no tier 4; schema 2 had no `not_now`). One JSON array per contact, fields by position. Enums are stored as
// their numeric values (their order in planner.h is therefore fixed). Days are
// day numbers. An interaction is [day, channel, note, help, help_note] with
// trailing defaults left out. Any change here needs a schema bump and a step in
// Migrations.
enum ContactField : int {
    kId, kName, kCompany, kRole, kIndustry, kLocation, kProfileUrl, kEmail, kMet, kIntroducedBy,
    kTags, kNotes, kTier, kCadence, kStage, kLog, kSnoozedUntil, kFollowUpBy, kFollowUpFrom,
    kAdded, kSource, kRevAt, kRevBy, kConnected, kNotNow, kFieldCount
};
const char* const kFieldNames[kFieldCount] = {
    "id", "name", "company", "role", "industry", "location", "profile_url", "email", "met", "introduced_by",
    "tags", "notes", "tier", "cadence_days", "stage", "log", "snoozed_until", "follow_up_by", "follow_up_from",
    "added", "source", "rev.at", "rev.by", "connected", "not_now"};

// --- Writing ---------------------------------------------------------------------
// JSON text for a string. Invalid UTF-8 becomes U+FFFD (as nlohmann's `replace`
// does), so text typed or imported with broken bytes never makes a chunk unreadable.
void PutString(std::string& out, std::string_view s) {
    out.push_back('"');
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        // Plain ASCII runs are copied whole.
        size_t run = i;
        while (run < n && static_cast<unsigned char>(s[run]) >= 0x20 && static_cast<unsigned char>(s[run]) < 0x80 &&
               s[run] != '"' && s[run] != '\\')
            ++run;
        if (run > i) {
            out.append(s.data() + i, run - i);
            i = run;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    if (c < 0x20) {
                        static const char kHex[] = "0123456789abcdef";
                        out += "\\u00";
                        out.push_back(kHex[c >> 4]);
                        out.push_back(kHex[c & 15]);
                    } else {
                        out.push_back(static_cast<char>(c));
                    }
            }
            ++i;
            continue;
        }
        if (const size_t len = Utf8SequenceAt(s, i)) {
            out.append(s.data() + i, len);
            i += len;
        } else {
            out += kReplacementChar;
            ++i;
        }
    }
    out.push_back('"');
}

void PutInt(std::string& out, int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void PutContact(std::string& out, const Contact& c) {
    out.push_back('[');
    PutInt(out, c.id);
    for (const std::string* f : {&c.name, &c.company, &c.role, &c.industry, &c.location, &c.profile_url, &c.email, &c.met}) {
        out.push_back(',');
        PutString(out, *f);
    }
    out.push_back(',');
    PutInt(out, c.introduced_by);
    out += ",[";
    for (size_t i = 0; i < c.tags.size(); ++i) {
        if (i) out.push_back(',');
        PutString(out, c.tags[i]);
    }
    out += "],";
    PutString(out, c.notes);
    for (int v : {static_cast<int>(c.tier), c.cadence_days, static_cast<int>(c.stage)}) {
        out.push_back(',');
        PutInt(out, v);
    }
    out += ",[";
    for (size_t i = 0; i < c.log.size(); ++i) {
        const Interaction& it = c.log[i];
        if (i) out.push_back(',');
        out.push_back('[');
        PutInt(out, it.day);
        out.push_back(',');
        PutInt(out, static_cast<int>(it.channel));
        const int keep = !it.help_note.empty() ? 3 : it.help != Help::None ? 2 : !it.note.empty() ? 1 : 0;
        if (keep >= 1) {
            out.push_back(',');
            PutString(out, it.note);
        }
        if (keep >= 2) {
            out.push_back(',');
            PutInt(out, static_cast<int>(it.help));
        }
        if (keep >= 3) {
            out.push_back(',');
            PutString(out, it.help_note);
        }
        out.push_back(']');
    }
    out.push_back(']');
    for (Day d : {c.snoozed_until, c.follow_up_by, c.follow_up_from, c.added}) {
        out.push_back(',');
        PutInt(out, d);
    }
    out.push_back(',');
    PutString(out, c.source);
    out.push_back(',');
    PutInt(out, c.rev.at);
    out.push_back(',');
    PutString(out, c.rev.by);
    out.push_back(',');
    PutInt(out, c.connected);
    out.push_back(',');
    PutInt(out, c.not_now);
    out.push_back(']');
}

json RevJson(const Rev& r) { return json::array({r.at, r.by}); }

json MetaJson(const Planner& p) {
    json doc = json::object();
    doc["schema"] = Planner::kSchema;
    doc["generation"] = p.generation;
    doc["next_id"] = p.next_id;
    doc["chunk_size"] = kChunkSize;
    json orgs = json::array();
    for (const Organization& o : p.organizations)
        orgs.push_back({{"id", o.id}, {"name", o.name}, {"kind", o.kind}, {"status", static_cast<int>(o.status)},
                        {"dues_cents", o.dues_cents}, {"renewal", o.renewal}, {"want", o.want}, {"roles", o.roles},
                        {"notes", o.notes}, {"rev", RevJson(o.rev)}});
    doc["organizations"] = std::move(orgs);
    json events = json::array();
    for (const Event& e : p.events) {
        json prep = json::array();
        for (const ChecklistItem& item : e.prep) prep.push_back(json::array({item.text, item.done}));
        events.push_back({{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"place", e.place}, {"link", e.link},
                          {"day", e.day}, {"goal", e.goal}, {"prep", std::move(prep)}, {"attended", e.attended},
                          {"met", e.met}, {"notes", e.notes}, {"rev", RevJson(e.rev)}});
    }
    doc["events"] = std::move(events);
    json social = json::array();
    for (const SocialPlan& s : p.social)
        social.push_back({{"id", s.id}, {"platform", s.platform}, {"action", static_cast<int>(s.action)},
                          {"every_days", s.every_days}, {"done", s.done}, {"rev", RevJson(s.rev)}});
    doc["social"] = std::move(social);
    json targets = json::array();
    for (const Target& t : p.targets)
        targets.push_back({{"id", t.id}, {"company", t.company}, {"notes", t.notes}, {"advocacy", t.advocacy},
                           {"motivation", t.motivation}, {"openings", t.openings}, {"rev", RevJson(t.rev)}});
    doc["targets"] = std::move(targets);
    json goals = json::array();
    for (const Goal& g : p.goals)
        goals.push_back({{"id", g.id}, {"kind", static_cast<int>(g.kind)}, {"period", static_cast<int>(g.period)},
                         {"target", g.target}, {"rev", RevJson(g.rev)}});
    doc["goals"] = std::move(goals);
    json deleted = json::array();
    for (const Tombstone& t : p.deleted) deleted.push_back(json::array({t.id, t.rev.at, t.rev.by}));
    doc["deleted"] = std::move(deleted);
    return doc;
}

// [first, last) of the contacts in `chunk` (contacts are sorted by id).
std::pair<size_t, size_t> ChunkRange(const std::vector<Contact>& cs, uint32_t chunk) {
    const uint64_t lo = static_cast<uint64_t>(chunk) * kChunkSize, hi = lo + kChunkSize;
    auto first = std::lower_bound(cs.begin(), cs.end(), lo, [](const Contact& c, uint64_t id) { return c.id < id; });
    auto last = std::lower_bound(first, cs.end(), hi, [](const Contact& c, uint64_t id) { return c.id < id; });
    return {static_cast<size_t>(first - cs.begin()), static_cast<size_t>(last - cs.begin())};
}

}  // namespace

std::string EncodeMeta(const Planner& p) { return MetaJson(p).dump(-1, ' ', false, json::error_handler_t::replace); }

std::string EncodeChunk(const Planner& p, uint32_t chunk) {
    const auto range = ChunkRange(p.contacts, chunk);
    std::string out;
    out.reserve(64 + (range.second - range.first) * 384);
    out += "{\"schema\":";
    PutInt(out, Planner::kSchema);
    out += ",\"chunk\":";
    PutInt(out, chunk);
    out += ",\"contacts\":[";
    for (size_t i = range.first; i < range.second; ++i) {
        if (i > range.first) out += ",\n";  // one contact a line: readable when a chunk is quarantined
        PutContact(out, p.contacts[i]);
    }
    out += "]}";
    return out;
}

std::vector<uint32_t> ChunksOf(const Planner& p) {
    std::vector<uint32_t> out;
    for (const Contact& c : p.contacts)
        if (out.empty() || out.back() != ChunkOf(c.id)) out.push_back(ChunkOf(c.id));
    std::sort(out.begin(), out.end());  // already sorted when contacts are
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<uint32_t> DifferingChunks(const Planner& a, const Planner& b) {
    std::vector<uint32_t> out;
    auto add = [&](Id id) {
        if (out.empty() || out.back() != ChunkOf(id)) out.push_back(ChunkOf(id));
    };
    size_t i = 0, j = 0;
    while (i < a.contacts.size() || j < b.contacts.size()) {
        if (j == b.contacts.size() || (i < a.contacts.size() && a.contacts[i].id < b.contacts[j].id)) {
            add(a.contacts[i++].id);
        } else if (i == a.contacts.size() || b.contacts[j].id < a.contacts[i].id) {
            add(b.contacts[j++].id);
        } else {
            if (!(a.contacts[i].rev == b.contacts[j].rev)) add(a.contacts[i].id);
            ++i;
            ++j;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// --- Migrations ----------------------------------------------------------------------
namespace {

// Step N takes a stored meta document of schema N to N+1, so every earlier
// version has a path to this one; MigrateChunk does the same for chunks.
// tests/fixtures/planner/v1/ must keep loading.
bool MigrateMeta(json& doc, int from) {
    for (int v = from; v < Planner::kSchema; ++v) {
        switch (v) {
            case 1: break;  // 1 -> 2 changed contacts only
            case 2: break;  // 2 -> 3 too
            default: return false;  // no step for v: a bug in this table
        }
    }
    doc["schema"] = Planner::kSchema;
    return true;
}

// Schema 1 -> 2: every contact gets `connected`. Schema 1's importer logged
// LinkedIn's "Connected on" as a touch and left the tier at Extended, so 30,000
// imported connections all looked overdue. A contact whose whole history is
// that one touch, with the importer's tier (Extended, no cadence) and stage
// (Contacted), nothing promised or snoozed, was never touched by the learner:
// its date moves to `connected`, and it becomes untiered and Identified. A
// learner who had deliberately left such a contact at Extended loses only
// that tier; anyone with a touch of their own keeps everything.
void ContactV1ToV2(json& c) {
    if (!c.is_array()) return;
    if (c.size() == kConnected) c.push_back(0);
    if (c.size() <= kConnected) return;
    const json& log = c[kLog];
    auto is = [&](int field, int value) { return c[field].is_number_integer() && c[field].get<int64_t>() == value; };
    if (!log.is_array() || log.size() != 1 || !log[0].is_array() || log[0].size() < 3) return;
    const json& touch = log[0];
    const bool import_touch = touch[0].is_number_integer() && touch[1].is_number_integer() &&
                              touch[1].get<int>() == static_cast<int>(Channel::Social) && touch[2].is_string() &&
                              touch[2].get<std::string>() == "Connected on LinkedIn" && touch.size() == 3;
    if (!import_touch || !is(kTier, static_cast<int>(Tier::Extended)) || !is(kCadence, 0) ||
        !is(kStage, static_cast<int>(Stage::Contacted)) || !is(kSnoozedUntil, 0) || !is(kFollowUpBy, 0))
        return;
    c[kConnected] = touch[0];
    c[kLog] = json::array();
    c[kTier] = static_cast<int>(Tier::None);
    c[kStage] = static_cast<int>(Stage::Identified);
}

// Schema 2 -> 3: every contact gets `not_now`, undecided (0).
void ContactV2ToV3(json& c) {
    if (c.is_array() && c.size() == kNotNow) c.push_back(0);
}

bool MigrateChunk(json& doc, int from) {
    for (int v = from; v < Planner::kSchema; ++v) {
        switch (v) {
            case 1:
                if (doc.is_object() && doc.contains("contacts") && doc["contacts"].is_array())
                    for (json& c : doc["contacts"]) ContactV1ToV2(c);
                break;
            case 2:
                if (doc.is_object() && doc.contains("contacts") && doc["contacts"].is_array())
                    for (json& c : doc["contacts"]) ContactV2ToV3(c);
                break;
            default: return false;
        }
    }
    doc["schema"] = Planner::kSchema;
    return true;
}

// --- Reading ---------------------------------------------------------------------------
// Field readers: true and the value set when the JSON has the right type and
// range; false (value untouched) otherwise.
bool GetText(const json& j, std::string& out) {
    if (!j.is_string()) return false;
    out = j.get<std::string>();
    return true;
}
bool GetInt(const json& j, int64_t lo, int64_t hi, int64_t& out) {
    if (!j.is_number_integer()) return false;
    if (j.is_number_unsigned() && j.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) return false;
    const int64_t v = j.get<int64_t>();
    if (v < lo || v > hi) return false;
    out = v;
    return true;
}
template <class T>
bool GetNum(const json& j, int64_t lo, int64_t hi, T& out) {
    int64_t v;
    if (!GetInt(j, lo, hi, v)) return false;
    out = static_cast<T>(v);
    return true;
}
constexpr int64_t kMaxDay = 3000000;  // ~ year 10000; ranges keep garbage out of date math
bool GetDay(const json& j, Day& out) { return GetNum(j, -kMaxDay, kMaxDay, out); }
bool GetId(const json& j, Id& out) { return GetNum(j, 1, kMaxId, out); }
bool GetTexts(const json& j, std::vector<std::string>& out) {
    if (!j.is_array()) return false;
    std::vector<std::string> v;
    for (const json& x : j) {
        if (!x.is_string()) return false;
        v.push_back(x.get<std::string>());
    }
    out = std::move(v);
    return true;
}
bool GetRev(const json& j, Rev& out) {
    // 2^64 - 1 would read as -1 through get<int64_t>(): GetInt refuses what int64 cannot hold.
    int64_t at = 0;
    if (!j.is_array() || j.size() != 2 || !GetInt(j[0], INT64_MIN, INT64_MAX, at) || !j[1].is_string()) return false;
    out.at = at;
    out.by = j[1].get<std::string>();
    return true;
}

struct MetaReader {
    PlannerLoad& out;
    void Problem(std::string what) {
        out.problems.push_back(TrF("store.index_problem", {{"problem", what}}));
        out.meta_damaged = true;
    }
    // A list of objects; returns nullptr (and names the problem) if it is not a list.
    const json* ListOf(const json& doc, const char* key) {
        auto it = doc.find(key);
        if (it == doc.end()) return nullptr;  // an empty list is left out by nobody, but a missing one is harmless
        if (!it->is_array()) {
            Problem(TrF("store.not_a_list", {{"key", key}}));
            return nullptr;
        }
        return &*it;
    }
    // Reads one record's fields; `bad` collects the damaged ones.
    template <class F>
    void Records(const json& doc, const char* key, F read_one) {
        const json* list = ListOf(doc, key);
        if (!list) return;
        for (size_t i = 0; i < list->size(); ++i) {
            const json& r = (*list)[i];
            std::string bad;
            Id id = 0;
            auto idj = r.is_object() ? r.find("id") : r.end();
            if (!r.is_object() || idj == r.end() || !GetId(*idj, id)) {
                Problem(TrF("store.entry_no_id", {{"key", key}, {"n", std::to_string(i + 1)}}));
                continue;
            }
            read_one(r, id, bad);
            if (!bad.empty())
                Problem(TrF("store.entry_bad_fields", {{"key", key}, {"n", std::to_string(i + 1)}, {"id", std::to_string(id)}, {"fields", bad}}));
        }
    }
};

// Reads `key` of r with `get`; names it in bad if present-and-wrong or missing.
template <class G>
void Field(const json& r, const char* key, std::string& bad, G get) {
    auto it = r.find(key);
    if (it == r.end() || !get(*it)) bad += (bad.empty() ? "" : ", ") + std::string(key);
}

void ReadMeta(const json& doc, PlannerLoad& out) {
    MetaReader m{out};
    Planner& p = out.planner;
    if (auto g = doc.find("generation"); g != doc.end() && !GetText(*g, p.generation)) m.Problem(Tr("store.generation_is_not_text"));
    // kMaxId + 1 is the most a planner can reach by adding records; more is damage
    // (at 4294967295 every new record would get the same id).
    if (auto n = doc.find("next_id"); n != doc.end() && !GetNum(*n, 1, int64_t{kMaxId} + 1, p.next_id)) {
        p.next_id = 1;
        const bool past = n->is_number_unsigned() ? n->get<uint64_t>() > kMaxId
                                                  : n->is_number_integer() && n->get<int64_t>() > int64_t{kMaxId};
        m.Problem(past
                      ? TrF("store.next_id_past", {{"value", n->dump()}, {"max", std::to_string(kMaxId)}})
                      : Tr("store.next_id_is_not_a"));
    }
    if (auto cs = doc.find("chunk_size"); cs != doc.end() && !(cs->is_number_integer() && cs->get<int64_t>() == kChunkSize))
        m.Problem(TrF("store.chunk_size_not", {{"size", std::to_string(kChunkSize)}}));
    m.Records(doc, "organizations", [&](const json& r, Id id, std::string& bad) {
        Organization o;
        o.id = id;
        Field(r, "name", bad, [&](const json& j) { return GetText(j, o.name); });
        Field(r, "kind", bad, [&](const json& j) { return GetText(j, o.kind); });
        Field(r, "status", bad, [&](const json& j) { return GetNum(j, 0, 3, o.status); });
        Field(r, "dues_cents", bad, [&](const json& j) { return GetNum(j, INT64_MIN, INT64_MAX, o.dues_cents); });
        Field(r, "renewal", bad, [&](const json& j) { return GetDay(j, o.renewal); });
        Field(r, "want", bad, [&](const json& j) { return GetText(j, o.want); });
        Field(r, "roles", bad, [&](const json& j) { return GetTexts(j, o.roles); });
        Field(r, "notes", bad, [&](const json& j) { return GetText(j, o.notes); });
        Field(r, "rev", bad, [&](const json& j) { return GetRev(j, o.rev); });
        p.organizations.push_back(std::move(o));
    });
    m.Records(doc, "events", [&](const json& r, Id id, std::string& bad) {
        Event e;
        e.id = id;
        Field(r, "name", bad, [&](const json& j) { return GetText(j, e.name); });
        Field(r, "kind", bad, [&](const json& j) { return GetText(j, e.kind); });
        Field(r, "place", bad, [&](const json& j) { return GetText(j, e.place); });
        Field(r, "link", bad, [&](const json& j) { return GetText(j, e.link); });
        Field(r, "day", bad, [&](const json& j) { return GetDay(j, e.day); });
        Field(r, "goal", bad, [&](const json& j) { return GetText(j, e.goal); });
        Field(r, "prep", bad, [&](const json& j) {
            if (!j.is_array()) return false;
            std::vector<ChecklistItem> items;
            for (const json& x : j) {
                if (!x.is_array() || x.size() != 2 || !x[0].is_string() || !x[1].is_boolean()) return false;
                items.push_back(ChecklistItem{x[0].get<std::string>(), x[1].get<bool>()});
            }
            e.prep = std::move(items);
            return true;
        });
        Field(r, "attended", bad, [&](const json& j) {
            if (!j.is_boolean()) return false;
            e.attended = j.get<bool>();
            return true;
        });
        Field(r, "met", bad, [&](const json& j) {
            if (!j.is_array()) return false;
            std::vector<Id> ids;
            for (const json& x : j) {
                Id v;
                if (!GetId(x, v)) return false;
                ids.push_back(v);
            }
            e.met = std::move(ids);
            return true;
        });
        Field(r, "notes", bad, [&](const json& j) { return GetText(j, e.notes); });
        Field(r, "rev", bad, [&](const json& j) { return GetRev(j, e.rev); });
        p.events.push_back(std::move(e));
    });
    m.Records(doc, "social", [&](const json& r, Id id, std::string& bad) {
        SocialPlan s;
        s.id = id;
        Field(r, "platform", bad, [&](const json& j) { return GetText(j, s.platform); });
        Field(r, "action", bad, [&](const json& j) { return GetNum(j, 0, 3, s.action); });
        Field(r, "every_days", bad, [&](const json& j) { return GetNum(j, 1, 36500, s.every_days); });
        Field(r, "done", bad, [&](const json& j) {
            if (!j.is_array()) return false;
            std::vector<Day> days;
            for (const json& x : j) {
                Day d;
                if (!GetDay(x, d)) return false;
                days.push_back(d);
            }
            std::sort(days.begin(), days.end());
            s.done = std::move(days);
            return true;
        });
        Field(r, "rev", bad, [&](const json& j) { return GetRev(j, s.rev); });
        p.social.push_back(std::move(s));
    });
    m.Records(doc, "targets", [&](const json& r, Id id, std::string& bad) {
        Target t;
        t.id = id;
        Field(r, "company", bad, [&](const json& j) { return GetText(j, t.company); });
        Field(r, "notes", bad, [&](const json& j) { return GetText(j, t.notes); });
        Field(r, "advocacy", bad, [&](const json& j) { return GetNum(j, 0, 5, t.advocacy); });
        Field(r, "motivation", bad, [&](const json& j) { return GetNum(j, 0, 5, t.motivation); });
        Field(r, "openings", bad, [&](const json& j) { return GetNum(j, 0, 5, t.openings); });
        Field(r, "rev", bad, [&](const json& j) { return GetRev(j, t.rev); });
        p.targets.push_back(std::move(t));
    });
    m.Records(doc, "goals", [&](const json& r, Id id, std::string& bad) {
        Goal g;
        g.id = id;
        Field(r, "kind", bad, [&](const json& j) { return GetNum(j, 0, 3, g.kind); });
        Field(r, "period", bad, [&](const json& j) { return GetNum(j, 0, 1, g.period); });
        Field(r, "target", bad, [&](const json& j) { return GetNum(j, 0, 100000, g.target); });
        Field(r, "rev", bad, [&](const json& j) { return GetRev(j, g.rev); });
        p.goals.push_back(std::move(g));
    });
    if (const json* list = m.ListOf(doc, "deleted")) {
        size_t damaged = 0;
        for (const json& t : *list) {
            Tombstone ts;
            int64_t at = 0;
            if (t.is_array() && t.size() == 3 && GetId(t[0], ts.id) && GetInt(t[1], INT64_MIN, INT64_MAX, at) && t[2].is_string()) {
                ts.rev.at = at;
                ts.rev.by = t[2].get<std::string>();
                p.deleted.push_back(std::move(ts));
            } else {
                ++damaged;
            }
        }
        if (damaged) m.Problem(std::to_string(damaged) + Tr("store.deletion_records_are_damaged_and"));
    }
}

// The stored schema of a document: its "schema" integer, 0 when missing or bad.
int SchemaOf(const json& doc) {
    auto s = doc.find("schema");
    if (s == doc.end() || !s->is_number_integer()) return 0;
    const int64_t v = s->get<int64_t>();
    return v > 1000000 ? 1000000 : v < 0 ? 0 : static_cast<int>(v);  // range-check before narrowing
}

std::string NewerMessage(const std::string& what, int schema) {
    return TrF("store.newer_schema", {{"what", what}, {"schema", std::to_string(schema)}, {"ours", std::to_string(Planner::kSchema)}});
}

// --- Reading chunks --------------------------------------------------------------------
// A streaming reader for the chunk format, written for speed: it fills Contact
// fields straight from the text, with no DOM in between (nlohmann's parser
// alone takes ~200 ms for 30,000 contacts natively). A value of the wrong type
// is skipped and its field named; a syntax error stops the chunk, keeping the
// records read before it. Bytes that are not UTF-8 and lone \u surrogates become
// U+FFFD; other \u escapes are decoded.
class ChunkReader {
public:
    ChunkReader(std::string_view text, size_t from = 0) : begin_(text.data()), p_(text.data() + from), end_(text.data() + text.size()) {}
    bool ok() const { return ok_; }
    size_t offset() const { return static_cast<size_t>(p_ - begin_); }
    bool Fail() { return ok_ = false; }
    char Peek() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
        return p_ < end_ ? *p_ : '\0';
    }
    bool Eat(char c) {
        if (Peek() != c) return false;
        ++p_;
        return true;
    }
    bool Expect(char c) { return Eat(c) || Fail(); }
    // After an element: true if another follows, false at `close` (or on an error).
    bool More(char close) {
        if (Eat(',')) return true;
        if (!Eat(close)) Fail();
        return false;
    }
    bool AtEnd() { return Peek() == '\0' && p_ == end_; }
    bool IsString() { return Peek() == '"'; }
    bool IsArray() { return Peek() == '['; }
    bool IsNumber() {
        char c = Peek();
        return c == '-' || (c >= '0' && c <= '9');
    }

    bool String(std::string& out) {
        out.clear();
        if (!Eat('"')) return Fail();
        for (;;) {
            const char* run = p_;
            while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20 &&
                   static_cast<unsigned char>(*p_) < 0x80)
                ++p_;
            out.append(run, p_);
            if (p_ >= end_) return Fail();
            if (static_cast<unsigned char>(*p_) >= 0x80) {
                // A damaged byte becomes U+FFFD, as the writer would have written it, so
                // what is in memory always saves and loads back the same.
                const std::string_view rest(p_, static_cast<size_t>(end_ - p_));
                if (const size_t len = Utf8SequenceAt(rest, 0)) {
                    out.append(p_, len);
                    p_ += len;
                } else {
                    out += kReplacementChar;
                    ++p_;
                }
                continue;
            }
            const char c = *p_++;
            if (c == '"') return true;
            if (c != '\\' || p_ >= end_) return Fail();  // a raw control character, or a cut escape
            switch (*p_++) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    uint32_t code;
                    if (!Hex4(p_, code)) return Fail();
                    p_ += 4;
                    if (code >= 0xD800 && code <= 0xDBFF) {
                        uint32_t low;
                        if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u' && Hex4(p_ + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            p_ += 6;
                        } else {
                            code = 0xFFFD;
                        }
                    } else if (code >= 0xDC00 && code <= 0xDFFF) {
                        code = 0xFFFD;
                    }
                    wb::AppendUtf8(out, code);
                    break;
                }
                default: return Fail();
            }
        }
    }

    // A JSON number; `whole` is false for fractions, exponents and values past int64.
    bool Number(int64_t& value, bool& whole) {
        Peek();
        whole = true;
        const bool negative = p_ < end_ && *p_ == '-';
        if (negative) ++p_;
        if (p_ >= end_ || *p_ < '0' || *p_ > '9') return Fail();
        uint64_t v = 0;
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
                const uint64_t d = static_cast<uint64_t>(*p_++ - '0');
                if (v > (uint64_t{1} << 63) / 10 || v * 10 + d > (uint64_t{1} << 63)) whole = false;
                else v = v * 10 + d;
            }
        }
        if (p_ < end_ && *p_ == '.') {
            whole = false;
            ++p_;
            if (!Digits()) return Fail();
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            whole = false;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!Digits()) return Fail();
        }
        if (!negative && v > static_cast<uint64_t>(INT64_MAX)) whole = false;
        value = negative ? (v == (uint64_t{1} << 63) ? INT64_MIN : -static_cast<int64_t>(v)) : static_cast<int64_t>(v);
        return true;
    }

    // Any value (nesting is bounded by CheckJsonLimits before reading).
    void Skip() {
        std::string scratch;
        switch (Peek()) {
            case '"': String(scratch); return;
            case '[':
                ++p_;
                if (Eat(']')) return;
                do Skip();
                while (ok_ && More(']'));
                return;
            case '{':
                ++p_;
                if (Eat('}')) return;
                do {
                    if (!String(scratch) || !Expect(':')) return;
                    Skip();
                } while (ok_ && More('}'));
                return;
            case 't': Literal("true"); return;
            case 'f': Literal("false"); return;
            case 'n': Literal("null"); return;
            default: {
                int64_t v;
                bool whole;
                Number(v, whole);
            }
        }
    }

    // Typed reads: true with `out` set when the value has the type and range;
    // otherwise the value is skipped, `out` untouched, and false returned.
    bool Text(std::string& out) {
        if (IsString()) return String(out);
        Skip();
        return false;
    }
    template <class T>
    bool Int(int64_t lo, int64_t hi, T& out) {
        if (!IsNumber()) {
            Skip();
            return false;
        }
        int64_t v;
        bool whole;
        if (!Number(v, whole) || !whole || v < lo || v > hi) return false;
        out = static_cast<T>(v);
        return true;
    }
    bool Texts(std::vector<std::string>& out) {
        if (!IsArray()) {
            Skip();
            return false;
        }
        ++p_;
        std::vector<std::string> v;
        bool good = true;
        if (!Eat(']')) do {
                v.emplace_back();
                good = Text(v.back()) && good;
            } while (ok_ && More(']'));
        if (good) out = std::move(v);
        return good && ok_;
    }

private:
    static bool Hex4(const char* s, uint32_t& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = s[i];
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            out = out * 16 + static_cast<uint32_t>(d);
        }
        return true;
    }
    bool Digits() {
        const char* start = p_;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ > start;
    }
    void Literal(std::string_view word) {
        if (static_cast<size_t>(end_ - p_) >= word.size() && std::string_view(p_, word.size()) == word) p_ += word.size();
        else Fail();
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

// One interaction: [day, channel, note, help, help_note], trailing ones optional.
bool ReadInteraction(ChunkReader& r, Interaction& i) {
    if (!r.IsArray()) {
        r.Skip();
        return false;
    }
    r.Expect('[');
    bool good = true;
    int k = 0;
    if (!r.Eat(']')) do {
            switch (k++) {
                case 0: good = r.Int(-kMaxDay, kMaxDay, i.day) && good; break;
                case 1: good = r.Int(0, 5, i.channel) && good; break;
                case 2: good = r.Text(i.note) && good; break;
                case 3: good = r.Int(0, 2, i.help) && good; break;
                case 4: good = r.Text(i.help_note) && good; break;
                default: r.Skip(); good = false;
            }
        } while (r.ok() && r.More(']'));
    return good && k >= 2;
}

// One contact. Returns false when the record cannot be used at all (no valid
// id); otherwise fills what it can and lists the damaged fields in `bad`.
bool ReadContact(ChunkReader& r, Contact& c, std::string& bad) {
    auto note = [&](const std::string& what) { bad += (bad.empty() ? "" : ", ") + what; };
    if (!r.IsArray()) {
        r.Skip();
        return false;
    }
    r.Expect('[');
    bool has_id = false;
    int f = 0;
    std::string* texts[] = {&c.name, &c.company, &c.role, &c.industry, &c.location, &c.profile_url, &c.email, &c.met};
    Day* days[] = {&c.snoozed_until, &c.follow_up_by, &c.follow_up_from, &c.added};
    if (!r.Eat(']')) do {
            bool good = true;
            switch (f) {
                case kId: has_id = r.Int(1, kMaxId, c.id); break;
                case kName: case kCompany: case kRole: case kIndustry: case kLocation: case kProfileUrl: case kEmail:
                case kMet: good = r.Text(*texts[f - kName]); break;
                case kIntroducedBy: good = r.Int(0, kMaxId, c.introduced_by); break;
                case kTags: good = r.Texts(c.tags); break;
                case kNotes: good = r.Text(c.notes); break;
                case kTier: good = r.Int(0, 4, c.tier); break;
                case kCadence: good = r.Int(0, 36500, c.cadence_days); break;
                case kStage: good = r.Int(0, 5, c.stage); break;
                case kLog: {
                    if (!r.IsArray()) {
                        r.Skip();
                        good = false;
                        break;
                    }
                    r.Expect('[');
                    size_t dropped = 0;
                    if (!r.Eat(']')) do {
                            Interaction i;
                            if (ReadInteraction(r, i)) c.log.push_back(std::move(i));
                            else ++dropped;
                        } while (r.ok() && r.More(']'));
                    if (dropped) note(TrN("store.n_log_entries", dropped));
                    // Logs are kept sorted by day; a stored one out of order is sorted here.
                    auto by_day = [](const Interaction& x, const Interaction& y) { return x.day < y.day; };
                    if (!std::is_sorted(c.log.begin(), c.log.end(), by_day)) std::stable_sort(c.log.begin(), c.log.end(), by_day);
                    break;
                }
                case kSnoozedUntil: case kFollowUpBy: case kFollowUpFrom:
                case kAdded: good = r.Int(-kMaxDay, kMaxDay, *days[f - kSnoozedUntil]); break;
                case kSource: good = r.Text(c.source); break;
                case kRevAt: good = r.Int(INT64_MIN, INT64_MAX, c.rev.at); break;
                case kRevBy: good = r.Text(c.rev.by); break;
                case kConnected: good = r.Int(-kMaxDay, kMaxDay, c.connected); break;
                case kNotNow: good = r.Int(-kMaxDay, kMaxDay, c.not_now); break;
                default:
                    r.Skip();
                    if (f == kFieldCount) note(TrF("store.fields_after_known", {{"n", std::to_string(kFieldCount)}}));
            }
            if (!good && f < kFieldCount) note(kFieldNames[f]);
            ++f;
        } while (r.ok() && r.More(']'));
    for (; f < kFieldCount; ++f) note(kFieldNames[f]);  // missing at the end
    return has_id;
}

// One chunk into `contacts`; problems named with the chunk's number.
void ReadChunk(uint32_t key, std::string_view text, PlannerLoad& out, std::vector<Contact>& contacts) {
    const std::string name = TrF("store.contact_chunk_n", {{"n", std::to_string(key)}});
    auto damaged = [&](std::string what) {
        out.problems.push_back(name + ": " + std::move(what));
        if (out.damaged_chunks.empty() || out.damaged_chunks.back() != key) out.damaged_chunks.push_back(key);
    };
    if (std::string why = CheckJsonLimits(text); !why.empty()) return damaged(TrF("store.chunk_unreadable", {{"why", why}}));
    ChunkReader r(text);
    if (r.Peek() != '{') return damaged(Tr("store.is_not_a_json_object"));
    r.Expect('{');
    int schema = 0;
    size_t list_at = 0;  // where "contacts" starts when it came before "schema"
    bool list_seen = false, list_read = false;
    size_t kept_before = contacts.size();
    size_t records = 0;
    // Many damaged records are summed up after the first few, so one bad chunk
    // cannot bury every other problem.
    constexpr int kNamed = 10;
    int named = 0, unnamed = 0;
    auto read_list = [&](ChunkReader& lr) {
        list_read = true;
        if (!lr.IsArray()) {
            lr.Skip();
            return damaged(Tr("store.has_no_list_of_contacts"));
        }
        lr.Expect('[');
        if (lr.Eat(']')) return;
        do {
            Contact c;
            std::string bad;
            const bool usable = ReadContact(lr, c, bad);
            if (!lr.ok()) break;  // cut off inside this record: it is not kept
            ++records;
            const std::string where = TrF("store.record_n", {{"n", std::to_string(records)}});
            if (!usable) {
                if (named++ < kNamed) damaged(TrF("store.record_no_id", {{"where", where}}));
                else ++unnamed;
                continue;
            }
            if (!bad.empty()) {
                if (named++ < kNamed) damaged(TrF("store.record_bad_fields", {{"where", where}, {"id", std::to_string(c.id)}, {"fields", bad}}));
                else ++unnamed;
            }
            if (ChunkOf(c.id) != key)
                damaged(TrF("store.record_wrong_chunk", {{"where", where}, {"id", std::to_string(c.id)}, {"chunk", std::to_string(ChunkOf(c.id))}}));
            contacts.push_back(std::move(c));
        } while (lr.ok() && lr.More(']'));
    };
    std::string field;
    if (!r.Eat('}')) do {
            if (!r.String(field) || !r.Expect(':')) break;
            if (field == "schema") {
                int64_t v = 0;
                schema = r.Int(0, 1000000, v) ? static_cast<int>(v) : 0;
            } else if (field == "contacts" && schema == Planner::kSchema) {
                read_list(r);
            } else if (field == "contacts") {
                list_seen = true;
                list_at = r.offset();
                r.Skip();
            } else {
                r.Skip();
            }
        } while (r.ok() && r.More('}'));
    if (r.ok() && !r.AtEnd()) r.Fail();
    if (!r.ok()) {
        const size_t kept = contacts.size() - kept_before;
        return damaged(TrF("store.chunk_not_json", {{"at", wb::DescribeOffset(text, r.offset())},
                                                    {"then", kept ? TrF("store.contacts_kept_before", {{"n", std::to_string(kept)}})
                                                                  : std::string(Tr("store.its_contacts_are_missing_2"))}}));
    }
    if (schema > Planner::kSchema) {
        contacts.resize(kept_before);
        out.newer_schema = true;
        out.problems.push_back(NewerMessage(name, schema));
        return;
    }
    if (schema < 1) {
        contacts.resize(kept_before);
        return damaged(Tr("store.has_no_usable_schema_version"));
    }
    if (schema < Planner::kSchema) {
        // An older layout: migrate the document, then read it as a current one.
        json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !MigrateChunk(doc, schema)) return damaged(Tr("store.could_not_be_migrated_its"));
        return ReadChunk(key, doc.dump(-1, ' ', false, json::error_handler_t::replace), out, contacts);
    }
    if (list_seen && !list_read) {
        ChunkReader again(text, list_at);
        read_list(again);
    }
    if (!list_read) return damaged(Tr("store.has_no_list_of_contacts"));
    if (unnamed) damaged(TrN("store.more_damaged", unnamed));
}

}  // namespace

PlannerLoad DecodePlanner(std::string_view meta, const std::vector<std::pair<uint32_t, std::string>>& chunks) {
    PlannerLoad out;
    Planner& p = out.planner;
    if (meta.empty() && chunks.empty()) return out;  // a new planner
    if (meta.empty()) {
        out.meta_damaged = true;
        out.problems.push_back(Tr("store.the_planner_s_index_record"));
    } else if (std::string why = CheckJsonLimits(meta); !why.empty()) {
        out.meta_damaged = true;
        out.problems.push_back(TrF("store.index_unreadable", {{"why", why}}));
    } else {
        json doc = json::parse(meta, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !doc.is_object()) {
            out.meta_damaged = true;
            out.problems.push_back(doc.is_discarded() ? Tr("store.the_planner_s_index_record_3")
                                                      : Tr("store.the_planner_s_index_record_4"));
        } else {
            out.stored_schema = SchemaOf(doc);
            if (out.stored_schema > Planner::kSchema) {
                out.newer_schema = true;
                out.quarantine = true;
                out.problems.push_back(NewerMessage(Tr("store.the_saved_planner"), out.stored_schema));
                out.planner = Planner{};
                return out;  // read nothing: a newer layout could be misread
            }
            if (out.stored_schema < 1 || !MigrateMeta(doc, out.stored_schema)) {
                out.meta_damaged = true;
                out.problems.push_back(Tr("store.the_planner_s_index_record_5"));
            } else {
                ReadMeta(doc, out);
            }
        }
    }
    // Chunks in key order, so problems and duplicates come out the same every time.
    std::vector<size_t> order(chunks.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return chunks[a].first < chunks[b].first; });
    // Reserve for what the records can hold, not for what their count claims: 25,000
    // empty chunks must not reserve room for 12.5 million contacts. A contact takes
    // well over 64 bytes in a chunk; under-reserving only means the vector grows.
    size_t chunk_bytes = 0;
    for (const auto& c : chunks) chunk_bytes += c.second.size();
    p.contacts.reserve(std::min<size_t>(chunks.size() * size_t{kChunkSize}, chunk_bytes / 64));
    for (size_t i : order) ReadChunk(chunks[i].first, chunks[i].second, out, p.contacts);
    if (out.newer_schema) {
        out.quarantine = true;
        out.planner = Planner{};
        return out;
    }

    // Sorted by id, one record per id (the later revision wins).
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id || (a.id == b.id && b.rev < a.rev); };
    auto dedupe = [&](auto& v, const char* what) {
        // Normally sorted already; sorting 30,000 contacts anyway would move every one of them.
        if (!std::is_sorted(v.begin(), v.end(), by_id)) std::stable_sort(v.begin(), v.end(), by_id);
        size_t before = v.size();
        v.erase(std::unique(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.id == b.id; }), v.end());
        if (v.size() != before)
            out.problems.push_back(TrF("store.stored_twice", {{"n", std::to_string(before - v.size())}, {"what", what}}));
    };
    dedupe(p.contacts, Tr("store.kind_contacts"));
    dedupe(p.organizations, Tr("store.kind_organizations"));
    dedupe(p.events, Tr("store.kind_events"));
    dedupe(p.social, Tr("store.social_plan_items"));
    dedupe(p.targets, Tr("store.kind_targets"));
    dedupe(p.goals, Tr("store.kind_goals"));
    dedupe(p.deleted, Tr("store.deletion_records"));

    // Fields within the limits the learner's own have (a 30 MB company makes every frame slow).
    if (const size_t cut = CutLongFields(p))
        out.problems.push_back(TrN("store.fields_cut", static_cast<long long>(cut)));

    // next_id must stay ahead of every id in use, or a new record would take an old id.
    Id max_id = 0;
    auto see = [&](const auto& v) {
        if (!v.empty()) max_id = std::max(max_id, v.back().id);
    };
    see(p.contacts);
    see(p.organizations);
    see(p.events);
    see(p.social);
    see(p.targets);
    see(p.goals);
    see(p.deleted);
    if (p.next_id <= max_id) {
        if (!out.meta_damaged && !meta.empty())
            out.problems.push_back(Tr("store.the_planner_s_next_id"));
        p.next_id = max_id + 1;
    }
    out.quarantine = !out.problems.empty();
    return out;
}

namespace {
// Every text field of contacts, organizations and events: fn(text, holds_lines).
template <class Fn>
void EachText(Planner& p, Fn&& fn) {
    for (Contact& c : p.contacts) {
        for (std::string* f : {&c.name, &c.company, &c.role, &c.industry, &c.location, &c.profile_url, &c.email, &c.source})
            fn(*f, false);
        fn(c.met, true);
        fn(c.notes, true);
        for (std::string& t : c.tags) fn(t, false);
        for (Interaction& i : c.log) fn(i.note, true), fn(i.help_note, true);
    }
    for (Organization& o : p.organizations) {
        fn(o.name, false), fn(o.kind, false), fn(o.want, true), fn(o.notes, true);
        for (std::string& r : o.roles) fn(r, false);
    }
    for (Event& e : p.events)
        fn(e.name, false), fn(e.kind, false), fn(e.place, false), fn(e.link, false), fn(e.goal, true), fn(e.notes, true);
}
}  // namespace

size_t CutLongFields(Planner& p) {
    size_t n = 0;
    EachText(p, [&](std::string& s, bool lines) { n += CutToChars(s, lines ? kMaxImportNotes : kMaxImportShortField); });
    return n;
}

size_t RemoveStrayText(Planner& p) {
    size_t n = 0;
    EachText(p, [&](std::string& s, bool lines) { n += RemoveStrayControls(s, lines); });
    return n + CutLongFields(p);
}

}  // namespace wb::planner
