// Exporters: the planner as an RFC 5545 calendar, vCard 4.0 cards and a CSV
// spreadsheet. Strings only; the UI hands them to the browser as downloads.
#include <algorithm>
#include <cstdio>

#include "core/interchange.h"
#include "core/interchange_internal.h"
#include "core/planner_text.h"
#include "core/strings.h"

namespace wb::planner {

using namespace interchange_internal;

namespace {

constexpr int64_t kMsPerDay = 86400000;
constexpr int64_t kSequenceEpochSeconds = 1577836800;  // 2020-01-01T00:00:00Z: keeps SEQUENCE in 32 bits until 2088

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// "20261126", or "" for a day outside years 1..9999 (which no calendar reads).
std::string IcsDate(Day day) {
    int y, m, d;
    YmdFromDay(day, y, m, d);
    if (y < 1 || y > 9999) return "";
    char buf[16];
    snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    return buf;
}

// "20261126T093000Z"
std::string UtcStamp(int64_t ms) {
    int64_t days = FloorDiv(ms, kMsPerDay);
    int64_t in_day = (ms - days * kMsPerDay) / 1000;
    days = std::clamp<int64_t>(days, DayFromYmd(1, 1, 1), DayFromYmd(9999, 12, 31));
    int y, m, d;
    YmdFromDay(static_cast<Day>(days), y, m, d);
    char buf[32];
    snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", y, m, d, static_cast<int>(in_day / 3600),
             static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
    return buf;
}

// SEQUENCE from the time a record last changed (see ExportIcs in the header).
int64_t Sequence(int64_t changed_ms) {
    return std::clamp<int64_t>(changed_ms / 1000 - kSequenceEpochSeconds, 0, INT32_MAX);
}

// A URI property value must be a URI: http(s), no spaces, controls or
// characters URIs forbid. Non-ASCII bytes are percent-encoded. "" if unusable.
std::string SafeUri(std::string_view s) {
    s = TrimView(s);
    bool http = (s.size() > 7 && EqualsNoCase(s.substr(0, 7), "http://")) ||
                (s.size() > 8 && EqualsNoCase(s.substr(0, 8), "https://"));
    if (!http) return "";
    std::string out;
    for (char ch : s) {
        unsigned char b = static_cast<unsigned char>(ch);
        if (b <= 0x20 || b == 0x7F || std::string_view("\"<>\\^`{|}").find(ch) != std::string_view::npos) return "";
        if (b >= 0x80) {
            char buf[4];
            snprintf(buf, sizeof buf, "%%%02X", b);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out;
}

const char* ChannelName(Channel c) {
    switch (c) {
        case Channel::InPerson: return "in person";
        case Channel::Call: return "call";
        case Channel::Email: return "e-mail";
        case Channel::Message: return "message";
        case Channel::Event: return "event";
        case Channel::Social: return "social media";
    }
    return "";
}

void Prop(std::string& out, std::string_view name, std::string_view escaped_value) {
    std::string line(name);
    line += ':';
    line += escaped_value;
    AppendContentLine(out, line);
}

const Interaction* LastInteraction(const Contact& c) {
    const Interaction* last = nullptr;
    for (const Interaction& i : c.log)
        if (i.day != kNoDay && (!last || i.day >= last->day)) last = &i;
    return last;
}

std::string DisplayName(const Contact& c) {
    if (!TrimView(c.name).empty()) return c.name;
    if (!c.email.empty()) return c.email;
    return "Contact " + std::to_string(c.id);
}

}  // namespace

// --- Calendar ----------------------------------------------------------------------
std::string ExportIcs(const Planner& planner, Day today, int64_t now_ms) {
    std::string out;
    AppendContentLine(out, "BEGIN:VCALENDAR");
    AppendContentLine(out, "VERSION:2.0");
    AppendContentLine(out, "PRODID:-//Networking Workbook//Planner//EN");
    AppendContentLine(out, "CALSCALE:GREGORIAN");
    AppendContentLine(out, "METHOD:PUBLISH");
    AppendContentLine(out, "X-WR-CALNAME:Networking Workbook");
    const std::string stamp = UtcStamp(now_ms);

    for (const Contact& c : planner.contacts) {
        Day due = NextFollowUp(c);
        if (due == kNoDay) continue;
        // Overdue: shown today, where the learner will see it, not in the past.
        bool overdue = today != kNoDay && due < today;
        Day day = overdue ? today : due;
        std::string start = IcsDate(day), end = IcsDate(day + 1);
        if (start.empty() || end.empty()) continue;
        int64_t changed = c.rev.at;
        if (overdue) changed = std::max(changed, static_cast<int64_t>(today) * kMsPerDay);

        const std::string name = DisplayName(c);
        std::string description;
        auto add = [&description](const std::string& text) {
            if (text.empty()) return;
            if (!description.empty()) description += '\n';
            description += text;
        };
        add(RoleAtCompany(c));
        if (const Interaction* last = LastInteraction(c))
            add(TrF(last->note.empty() ? Key("export.last_contact") : Key("export.last_contact_note"),
                    {{"date", FormatDay(last->day)}, {"channel", ChannelName(last->channel)}, {"note", last->note}}));
        if (overdue) add(TrF("export.due_since", {{"date", FormatDay(due)}}));
        if (!c.email.empty()) add(TrF("export.email", {{"email", c.email}}));
        if (!c.profile_url.empty()) add(TrF("export.profile", {{"url", c.profile_url}}));
        const std::string follow_up = TrF("export.follow_up_with", {{"name", name}});

        AppendContentLine(out, "BEGIN:VEVENT");
        Prop(out, "UID", "followup-" + std::to_string(c.id) + "@networking-workbook");
        Prop(out, "DTSTAMP", stamp);
        Prop(out, "DTSTART;VALUE=DATE", start);
        Prop(out, "DTEND;VALUE=DATE", end);
        Prop(out, "SEQUENCE", std::to_string(Sequence(changed)));
        Prop(out, "SUMMARY", EscapeText(follow_up));
        if (!description.empty()) Prop(out, "DESCRIPTION", EscapeText(description));
        Prop(out, "TRANSP", "TRANSPARENT");  // a reminder, not a meeting: the day stays free
        AppendContentLine(out, "BEGIN:VALARM");
        Prop(out, "ACTION", "DISPLAY");
        Prop(out, "DESCRIPTION", EscapeText(follow_up));
        Prop(out, "TRIGGER", "PT9H");  // 09:00 on the day
        AppendContentLine(out, "END:VALARM");
        AppendContentLine(out, "END:VEVENT");
    }

    for (const Event& e : planner.events) {
        if (e.day == kNoDay) continue;
        std::string start = IcsDate(e.day), end = IcsDate(e.day + 1);
        if (start.empty() || end.empty()) continue;
        std::string uri = SafeUri(e.link);
        std::string description;
        auto add = [&description](const std::string& text) {
            if (text.empty()) return;
            if (!description.empty()) description += '\n';
            description += text;
        };
        add(e.kind);
        if (!e.goal.empty()) add(TrF("export.goal", {{"goal", e.goal}}));
        for (const ChecklistItem& p : e.prep) add(std::string(p.done ? "[x] " : "[ ] ") + p.text);
        add(e.notes);
        if (uri.empty()) add(e.link);  // not a usable URL: keep it readable instead

        AppendContentLine(out, "BEGIN:VEVENT");
        Prop(out, "UID", "event-" + std::to_string(e.id) + "@networking-workbook");
        Prop(out, "DTSTAMP", stamp);
        Prop(out, "DTSTART;VALUE=DATE", start);
        Prop(out, "DTEND;VALUE=DATE", end);
        Prop(out, "SEQUENCE", std::to_string(Sequence(e.rev.at)));
        Prop(out, "SUMMARY", EscapeText(TrimView(e.name).empty() ? std::string(Tr("export.networking_event")) : e.name));
        if (!e.place.empty()) Prop(out, "LOCATION", EscapeText(e.place));
        if (!uri.empty()) Prop(out, "URL", uri);
        if (!description.empty()) Prop(out, "DESCRIPTION", EscapeText(description));
        AppendContentLine(out, "END:VEVENT");
    }
    AppendContentLine(out, "END:VCALENDAR");
    return out;
}

// --- Address book ----------------------------------------------------------------------
std::string ExportVcf(const Planner& planner) {
    std::string out;
    for (const Contact& c : planner.contacts) {
        const std::string name = DisplayName(c);
        // N: family name = the last word, given = the rest (FN keeps the name exactly).
        std::string trimmed(TrimView(name));
        size_t space = trimmed.rfind(' ');
        std::string family = space == std::string::npos ? trimmed : trimmed.substr(space + 1);
        std::string given = space == std::string::npos ? "" : trimmed.substr(0, space);

        AppendContentLine(out, "BEGIN:VCARD");
        AppendContentLine(out, "VERSION:4.0");
        Prop(out, "UID;VALUE=text", "contact-" + std::to_string(c.id) + "@networking-workbook");
        Prop(out, "FN", EscapeText(name, false));
        Prop(out, "N", EscapeText(family) + ";" + EscapeText(given) + ";;;");
        if (!c.company.empty()) Prop(out, "ORG", EscapeText(c.company));
        if (!c.role.empty()) Prop(out, "TITLE", EscapeText(c.role, false));
        if (!c.email.empty()) Prop(out, "EMAIL", EscapeText(c.email, false));
        if (std::string uri = SafeUri(c.profile_url); !uri.empty()) Prop(out, "URL", uri);
        if (!c.notes.empty()) Prop(out, "NOTE", EscapeText(c.notes, false));
        if (!c.tags.empty()) {
            std::string list;
            for (const std::string& t : c.tags) {
                if (!list.empty()) list += ',';
                list += EscapeText(t, false);
            }
            Prop(out, "CATEGORIES", list);
        }
        if (c.rev.at > 0) Prop(out, "REV", UtcStamp(c.rev.at));
        AppendContentLine(out, "END:VCARD");
    }
    return out;
}

// --- Spreadsheet -------------------------------------------------------------------------
namespace {
// RFC 4180 cell, neutralised against formula injection (see the header).
void AppendCell(std::string& row, std::string_view value, bool first_in_row = false) {
    std::string v;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r'))
        v = "'";
    v.append(value);
    if (!first_in_row) row += ',';
    bool quote = v.find_first_of(",\"\r\n") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
    if (!quote) {
        row += v;
        return;
    }
    row += '"';
    for (char ch : v) {
        if (ch == '"') row += '"';
        row += ch;
    }
    row += '"';
}
}  // namespace

std::string ExportCsv(const Planner& planner) {
    static const char* kHeader[] = {"First Name", "Last Name", "Organization Name", "Organization Title",
                                    "E-mail 1 - Value", "Website 1 - Value", "Labels", "Notes", "Industry",
                                    "Location", "How We Met", "Tier", "Stage", "Added", "Last Contact",
                                    "Next Follow-up", "Source"};
    // A UTF-8 byte order mark: without it Excel reads the file as the system's
    // code page and mangles accented names. Google Contacts and the importer skip it.
    std::string out = "\xEF\xBB\xBF";
    for (const char* h : kHeader) AppendCell(out, h, h == kHeader[0]);
    out += "\r\n";
    for (const Contact& c : planner.contacts) {
        std::string name = CollapseSpaces(c.name);
        size_t space = name.rfind(' ');
        std::string first = space == std::string::npos ? name : name.substr(0, space);
        std::string last = space == std::string::npos ? "" : name.substr(space + 1);
        std::string labels;
        for (const std::string& t : c.tags) {
            if (!labels.empty()) labels += " ::: ";
            labels += t;
        }
        const Interaction* last_touch = LastInteraction(c);
        AppendCell(out, first, true);
        AppendCell(out, last);
        AppendCell(out, c.company);
        AppendCell(out, c.role);
        AppendCell(out, c.email);
        AppendCell(out, c.profile_url);
        AppendCell(out, labels);
        AppendCell(out, c.notes);
        AppendCell(out, c.industry);
        AppendCell(out, c.location);
        AppendCell(out, c.met);
        AppendCell(out, TierName(c.tier));
        AppendCell(out, StageName(c.stage));
        AppendCell(out, FormatDay(c.added));
        AppendCell(out, last_touch ? FormatDay(last_touch->day) : "");
        AppendCell(out, FormatDay(NextFollowUp(c)));
        AppendCell(out, c.source);
        out += "\r\n";
    }
    return out;
}

}  // namespace wb::planner
