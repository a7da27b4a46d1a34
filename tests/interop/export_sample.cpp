// Writes the planner's exports for a planner full of awkward text (commas,
// semicolons, backslashes, line breaks, accents, emoji, long notes), so that an
// independent parser (npm ical.js, tests/interop/ical.test.mjs) can read them.
// Usage: interchange_export_sample OUT.ics OUT.vcf OUT.expected.json
// The JSON holds what the parser must find, written by nlohmann::json, not by
// the code under test.
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/assets.h"
#include "core/content.h"
#include "core/interchange.h"
#include "core/strings.h"
#include "core/interchange_internal.h"

using namespace wb::planner;
using nlohmann::json;
namespace ix = wb::planner::interchange_internal;

namespace {

bool WriteFile(const char* path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
    return f.good();
}

std::string Emoji(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i % 2 ? "\xF0\x9F\x8E\x89" : "\xF0\x9F\x98\x80";  // 🎉 😀
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s OUT.ics OUT.vcf OUT.expected.json\n", argv[0]);
        return 2;
    }
    // The exports' words (a contact's "role at company") are the workbook's, as the app loads them.
    const wb::ContentResult chapter = wb::DecodeContentBinary(
        std::string_view(reinterpret_cast<const char*>(wb::assets::content_bin), wb::assets::content_bin_size));
    wb::SetStrings(chapter.content.texts);
    const Day today = DayFromYmd(2026, 11, 26);
    const int64_t now_ms = 1764153000000;  // 2025-11-26T10:30:00Z
    Planner p;

    Contact a;
    a.id = 1;
    a.name = "Zo\xC3\xAB \xC3\x85ngstr\xC3\xB6m-D\xC3\xAD" "az";
    a.company = "Fjord Labs, AB; Research";
    a.role = "Lead \\ Platform";
    a.email = "zoe@fjord.example";
    a.profile_url = "https://www.linkedin.com/in/zoe-angstrom";
    a.notes = "Met at the Nordic meetup, in the caf\xC3\xA9; asked about mentoring.\n"
              "Second line: a backslash \\ and \"quotes\" " + Emoji(3) + "\n" + std::string(200, 'x') +
              " \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99 end";
    a.tags = {"Mentors", "Nordics, data", "a;b"};
    a.tier = Tier::Inner;
    a.log.push_back(Interaction{DayFromYmd(2026, 11, 20), Channel::Call, "Talked; briefly, warmly"});
    a.rev = wb::Rev{1764000000000, "tab"};

    Contact b;
    b.id = 2;
    b.name = "Jos\xC3\xA9 \"Pepe\" N\xC3\xBA\xC3\xB1" "ez " + Emoji(1);
    b.company = "Caf\xC3\xA9s & Co";
    b.tier = Tier::Extended;
    b.log.push_back(Interaction{DayFromYmd(2026, 11, 25), Channel::Event, ""});
    b.follow_up_by = DayFromYmd(2026, 11, 27);  // promised within 48 hours

    Contact c;
    c.id = 3;
    c.name = Emoji(40) + " Long";  // folds inside 4-byte sequences unless the folding is careful
    c.notes = Emoji(100);
    c.tier = Tier::Close;
    c.log.push_back(Interaction{DayFromYmd(2026, 11, 1), Channel::Email, ""});

    Contact d;
    d.id = 4;
    d.name = "No History";  // no interactions: no follow-up event

    Contact e;
    e.id = 5;
    e.name = "Long Overdue";
    e.tier = Tier::Active;
    e.log.push_back(Interaction{DayFromYmd(2025, 1, 1), Channel::Message, ""});
    p.contacts = {a, b, c, d, e};
    p.next_id = 6;

    Event ev;
    ev.id = 10;
    ev.name = "Meetup: Data, Design; & \xC3\x89quipes";
    ev.kind = "Meetup";
    ev.place = "Caf\xC3\xA9 Central, Vienna";
    ev.link = "https://example.com/meetup?id=1&x=2";
    ev.day = DayFromYmd(2026, 12, 3);
    ev.goal = "Meet 3 people; ask about \"data\" roles";
    ev.prep = {{"Print cards", true}, {"Prepare intro", false}};
    ev.notes = "Bring " + Emoji(2);
    Event ev2;
    ev2.id = 11;
    ev2.name = std::string(30, 'L') + " " + Emoji(30);
    ev2.day = DayFromYmd(2027, 1, 15);
    p.events = {ev, ev2};

    json expected;
    expected["followups"] = json::array({
        {{"uid", "followup-1@networking-workbook"}, {"summary", "Follow up with " + a.name}, {"start", "2026-12-20"}, {"end", "2026-12-21"}},
        {{"uid", "followup-2@networking-workbook"}, {"summary", "Follow up with " + b.name}, {"start", "2026-11-27"}, {"end", "2026-11-28"}},
        {{"uid", "followup-3@networking-workbook"}, {"summary", "Follow up with " + c.name}, {"start", "2027-01-01"}, {"end", "2027-01-02"}},
        {{"uid", "followup-5@networking-workbook"}, {"summary", "Follow up with " + e.name}, {"start", "2026-11-26"}, {"end", "2026-11-27"}},
    });
    expected["first_description"] = "Lead \\ Platform at " + a.company + "\nLast contact: 2026-11-20 (call): " + a.log[0].note +
                                    "\nE-mail: " + a.email + "\nProfile: " + a.profile_url;
    expected["events"] = json::array({
        {{"uid", "event-10@networking-workbook"}, {"summary", ev.name}, {"start", "2026-12-03"}, {"end", "2026-12-04"},
         {"location", ev.place}, {"url", ev.link},
         {"description", "Meetup\nGoal: " + ev.goal + "\n[x] Print cards\n[ ] Prepare intro\n" + ev.notes}},
        {{"uid", "event-11@networking-workbook"}, {"summary", ev2.name}, {"start", "2027-01-15"}, {"end", "2027-01-16"}},
    });
    expected["dtstamp"] = "2025-11-26T10:30:00Z";
    json cards = json::array();
    for (const Contact& k : p.contacts)
        cards.push_back({{"fn", k.name}, {"note", k.notes}, {"org", k.company}, {"title", k.role}, {"email", k.email},
                         {"url", k.profile_url}, {"categories", k.tags}});
    expected["cards"] = cards;

    bool ok = WriteFile(argv[1], ExportIcs(p, today, now_ms)) && WriteFile(argv[2], ExportVcf(p)) &&
              WriteFile(argv[3], expected.dump(2));
    if (!ok) std::fprintf(stderr, "could not write the output files\n");
    return ok ? 0 : 1;
}
