// The planner's starter content (content/planner/templates.json): event and
// organization kinds, message templates, starter goals and social plan items.
// Decoding is strict, like the content compiler: one problem refuses the file and
// is reported as "file:line:col: what", found by walking the text to the value.
#include <optional>
#include "core/strings.h"

#include <nlohmann/json.hpp>

#include "core/planner.h"

namespace wb::planner {
using nlohmann::json;

namespace {

// --- Where a value is ------------------------------------------------------------
// nlohmann keeps no positions, so a path (keys and indexes) is walked through the
// already parsed text to the byte offset of its value.
struct Step {
    std::string key;  // object member, when index < 0
    int index = -1;   // array element
};

struct Walker {
    std::string_view t;
    size_t i = 0;
    void Space() {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    }
    // At a '"': moves past the string; its raw (unescaped-as-is) content to `raw`.
    void String(std::string* raw) {
        size_t start = ++i;
        while (i < t.size() && t[i] != '"') i += t[i] == '\\' ? 2 : 1;
        if (raw) *raw = std::string(t.substr(start, std::min(i, t.size()) - start));
        ++i;
    }
    void Value() {
        if (i >= t.size()) return;
        if (t[i] == '"') return String(nullptr);
        if (t[i] == '{' || t[i] == '[') {
            int depth = 0;
            while (i < t.size()) {
                char c = t[i];
                if (c == '"') {
                    String(nullptr);
                    continue;
                }
                ++i;
                if (c == '{' || c == '[') ++depth;
                else if ((c == '}' || c == ']') && --depth == 0) return;
            }
            return;
        }
        while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
               t[i] != '\r' && t[i] != '\t')
            ++i;
    }
    // From the start of a container to its member/element; false if absent.
    bool Enter(const Step& s) {
        Space();
        if (i >= t.size()) return false;
        if (t[i] == '{' && s.index < 0) {
            ++i;
            for (;;) {
                Space();
                if (i >= t.size() || t[i] != '"') return false;
                std::string key;
                String(&key);
                Space();
                ++i;  // ':'
                Space();
                if (key == s.key) return true;
                Value();
                Space();
                if (i >= t.size() || t[i] != ',') return false;
                ++i;
            }
        }
        if (t[i] == '[' && s.index >= 0) {
            ++i;
            for (int k = 0;; ++k) {
                Space();
                if (i >= t.size() || t[i] == ']') return false;
                if (k == s.index) return true;
                Value();
                Space();
                if (i >= t.size() || t[i] != ',') return false;
                ++i;
            }
        }
        return false;
    }
};

// Offset of the value at path (or of the deepest container found on the way).
size_t OffsetOf(std::string_view text, const std::vector<Step>& path) {
    Walker w{text};
    w.Space();
    size_t found = w.i;
    for (const Step& s : path) {
        if (!w.Enter(s)) break;
        found = w.i;
    }
    return found;
}

std::string LineCol(std::string_view text, size_t offset) {
    size_t line = 1, col = 1;
    LineColumnOf(text, offset, line, col);
    return std::to_string(line) + ":" + std::to_string(col);
}

const char* const kPlaceholders[] = {"name", "first_name", "company", "role", "event"};

bool KnownPlaceholder(std::string_view name) {
    for (const char* p : kPlaceholders)
        if (name == p) return true;
    return false;
}

std::string PathName(const std::vector<Step>& path) {
    std::string s;
    for (const Step& st : path) {
        if (st.index >= 0) s += "[" + std::to_string(st.index) + "]";
        else s += (s.empty() ? "" : ".") + st.key;
    }
    return s.empty() ? Tr("templates.the_file") : s;
}

std::vector<Step> Plus(std::vector<Step> path, Step s) {
    path.push_back(std::move(s));
    return path;
}

// The first problem found. The decoder goes on after it, harmlessly (a missing value
// reads as null, a bad list as empty), as the wasm build has no exceptions to stop it.
struct Problem {
    std::vector<Step> path;
    std::string what;
};

struct Reader {
    std::optional<Problem> problem;

    void Fail(std::vector<Step> path, std::string what) {
        if (!problem) problem = Problem{std::move(path), std::move(what)};
    }
    template <class T>
    T Fail(std::vector<Step> path, std::string what, T result) {
        Fail(std::move(path), std::move(what));
        return result;
    }
    static const json& Null() {
        static const json null;
        return null;
    }
    static const json& NoList() {
        static const json empty = json::array();
        return empty;
    }

    const json& Member(const json& obj, const std::vector<Step>& path, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end()) return Fail<const json&>(path, PathName(path) + Tr("templates.has_no") + key + "\"", Null());
        return *it;
    }

    std::string Text(const json& j, const std::vector<Step>& path) {
        if (!j.is_string() || j.get_ref<const std::string&>().empty())
            return Fail(path, PathName(path) + Tr("templates.must_be_non_empty_text"), std::string());
        return j.get<std::string>();
    }

    int Whole(const json& j, const std::vector<Step>& path, int lo, int hi) {
        if (!j.is_number_integer() || j.get<int64_t>() < lo || j.get<int64_t>() > hi)
            return Fail(path, TrF("templates.whole_number_range", {{"field", PathName(path)}, {"min", std::to_string(lo)},
                                                                  {"max", std::to_string(hi)}}),
                        lo);
        return static_cast<int>(j.get<int64_t>());
    }

    void OnlyKeys(const json& obj, const std::vector<Step>& path, std::initializer_list<const char*> keys) {
        if (!obj.is_object()) return Fail(path, PathName(path) + Tr("templates.must_be_an_object"));
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool known = false;
            for (const char* k : keys) known = known || it.key() == k;
            if (!known) return Fail(Plus(path, Step{it.key()}), Tr("templates.unknown_field") + it.key() + Tr("templates.in") + PathName(path));
        }
    }

    const json& List(const json& j, const std::vector<Step>& path) {
        if (!j.is_array() || j.empty()) return Fail<const json&>(path, PathName(path) + Tr("templates.must_be_a_non_empty"), NoList());
        return j;
    }

    void CheckPlaceholders(const std::string& text, const std::vector<Step>& path) {
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '}') return Fail(path, PathName(path) + Tr("templates.has_a_with_no_before"));
            if (text[i] != '{') continue;
            size_t end = text.find('}', i);
            if (end == std::string::npos) return Fail(path, PathName(path) + Tr("templates.has_a_that_is_never"));
            std::string name = text.substr(i + 1, end - i - 1);
            if (!KnownPlaceholder(name))
                return Fail(path, PathName(path) + Tr("templates.uses") + name + Tr("templates.known_name_first_name_company"));
            i = end;
        }
    }

    void ReadMessages(const json& root, const char* key, std::vector<MessageTemplate>& out, std::vector<std::string>& ids) {
        const std::vector<Step> path{Step{key}};
        const json& list = List(Member(root, {}, key), path);
        for (size_t i = 0; i < list.size(); ++i) {
            const std::vector<Step> at = Plus(path, Step{"", static_cast<int>(i)});
            OnlyKeys(list[i], at, {"id", "title", "text"});
            MessageTemplate m;
            m.id = Text(Member(list[i], at, "id"), Plus(at, Step{"id"}));
            if (std::find(ids.begin(), ids.end(), m.id) != ids.end())
                return Fail(Plus(at, Step{"id"}), Tr("templates.template_id") + m.id + Tr("templates.is_used_twice"));
            ids.push_back(m.id);
            m.title = Text(Member(list[i], at, "title"), Plus(at, Step{"title"}));
            m.text = Text(Member(list[i], at, "text"), Plus(at, Step{"text"}));
            CheckPlaceholders(m.text, Plus(at, Step{"text"}));
            out.push_back(std::move(m));
        }
    }

    void ReadNames(const json& root, const char* key, std::vector<std::string>& out) {
        const std::vector<Step> path{Step{key}};
        const json& list = List(Member(root, {}, key), path);
        for (size_t i = 0; i < list.size(); ++i) out.push_back(Text(list[i], Plus(path, Step{"", static_cast<int>(i)})));
    }

    template <class E>
    E Choice(const json& j, const std::vector<Step>& path, std::initializer_list<std::pair<const char*, E>> names) {
        std::string known;
        if (j.is_string())
            for (const auto& n : names)
                if (j.get_ref<const std::string&>() == n.first) return n.second;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + std::string(n.first);
        return Fail<E>(path, PathName(path) + Tr("templates.must_be_one_of") + known, names.begin()->second);
    }

    void Read(const json& root, Templates& t) {
        OnlyKeys(root, {}, {"version", "event_kinds", "organization_kinds", "outreach", "thank_you", "goals", "social"});
        const json& version = Member(root, {}, "version");
        if (!version.is_number_integer() || version.get<int64_t>() != 1)
            return Fail({Step{"version"}}, Tr("templates.version_must_be_1_this"));
        ReadNames(root, "event_kinds", t.event_kinds);
        ReadNames(root, "organization_kinds", t.organization_kinds);
        std::vector<std::string> ids;
        ReadMessages(root, "outreach", t.outreach, ids);
        ReadMessages(root, "thank_you", t.thank_you, ids);
        {
            const std::vector<Step> path{Step{"goals"}};
            const json& list = List(Member(root, {}, "goals"), path);
            for (size_t i = 0; i < list.size(); ++i) {
                const std::vector<Step> at = Plus(path, Step{"", static_cast<int>(i)});
                OnlyKeys(list[i], at, {"kind", "period", "target"});
                Goal g;
                g.kind = Choice<GoalKind>(Member(list[i], at, "kind"), Plus(at, Step{"kind"}),
                                          {{"new_contacts", GoalKind::NewContacts}, {"follow_ups", GoalKind::FollowUps},
                                           {"events", GoalKind::Events}, {"social_actions", GoalKind::SocialActions}});
                g.period = Choice<GoalPeriod>(Member(list[i], at, "period"), Plus(at, Step{"period"}),
                                              {{"week", GoalPeriod::Week}, {"month", GoalPeriod::Month}});
                g.target = Whole(Member(list[i], at, "target"), Plus(at, Step{"target"}), 1, 1000);
                t.goals.push_back(g);
            }
        }
        {
            const std::vector<Step> path{Step{"social"}};
            const json& list = List(Member(root, {}, "social"), path);
            for (size_t i = 0; i < list.size(); ++i) {
                const std::vector<Step> at = Plus(path, Step{"", static_cast<int>(i)});
                OnlyKeys(list[i], at, {"platform", "action", "every_days"});
                SocialPlan s;
                s.platform = Text(Member(list[i], at, "platform"), Plus(at, Step{"platform"}));
                s.action = Choice<SocialAction>(Member(list[i], at, "action"), Plus(at, Step{"action"}),
                                                {{"update_profile", SocialAction::UpdateProfile}, {"post", SocialAction::Post},
                                                 {"comment", SocialAction::Comment}, {"share", SocialAction::Share}});
                s.every_days = Whole(Member(list[i], at, "every_days"), Plus(at, Step{"every_days"}), 1, 366);
                t.social.push_back(std::move(s));
            }
        }
    }
};

}  // namespace

bool DecodeTemplates(std::string_view text, Templates& out, std::string& error, std::string_view source) {
    const std::string where = std::string(source) + ":";
    if (std::string why = CheckJsonLimits(text); !why.empty()) {
        error = where + "1:1: " + why;
        return false;
    }
    json root = json::parse(text, nullptr, false);  // no exceptions: the wasm build has none
    if (root.is_discarded()) {
        error = where + LineCol(text, FindJsonError(text).offset) + Tr("templates.not_valid_json");
        return false;
    }
    Templates t;
    Reader r;
    r.Read(root, t);
    if (r.problem) {
        error = where + LineCol(text, OffsetOf(text, r.problem->path)) + ": " + r.problem->what;
        return false;
    }
    out = std::move(t);
    error.clear();
    return true;
}

std::string FillTemplate(std::string_view tmpl, const Contact& c, std::string_view event_name) {
    const std::string_view first_name = std::string_view(c.name).substr(0, c.name.find(' '));
    std::string out;
    out.reserve(tmpl.size() + 32);
    for (size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{') {
            size_t end = tmpl.find('}', i);
            if (end != std::string_view::npos) {
                std::string_view name = tmpl.substr(i + 1, end - i - 1);
                std::string_view value;
                if (name == "name") value = c.name;
                else if (name == "first_name") value = first_name;
                else if (name == "company") value = c.company;
                else if (name == "role") value = c.role;
                else if (name == "event") value = event_name;
                else name = {};
                if (!value.empty()) {
                    out += value;
                    i = end;
                    continue;
                }
                // A known placeholder with nothing to fill: a visible blank in
                // words the learner fills in, never the raw "{company}".
                if (!name.empty()) {
                    // Keys into content/strings.json, read each time (the table can change).
                    struct Blank {
                        std::string_view name;
                        Key text;
                    };
                    static const Blank kBlanks[] = {
                        {"name", Key("templates.their_name")}, {"first_name", Key("templates.their_name")},
                        {"company", Key("templates.their_company")}, {"role", Key("templates.their_role")},
                        {"event", Key("templates.the_event")}};
                    for (const auto& [key, blank] : kBlanks)
                        if (key == name) out += Tr(blank);
                    i = end;
                    continue;
                }
            }
        }
        out.push_back(tmpl[i]);
    }
    return out;
}

}  // namespace wb::planner
