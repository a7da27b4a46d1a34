// The planner driven like a learner drives it (the App hosting the planner's
// views): opening it, adding a contact, logging touches, the 30,000-row table,
// imports, and what is handed to the platform for saving.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "core/interchange.h"
#include "core/planner.h"
#include "core/planner_text.h"
#include "core/route.h"
#include "harness.h"
#include "ui/planner/widgets.h"

using wb::Role;
using wbtest::kToday;
using wbtest::Ui;
namespace pl = wb::planner;

namespace {

void OpenPlanner(Ui& ui) {
    ui.Frame();
    ui.Activate(Role::Button, "Your network planner");
}

// Types into a mirrored text field, as a screen reader's edit does.
void SetField(Ui& ui, const std::string& name, const std::string& text) {
    const wb::SemNode* n = ui.Find(Role::TextField, name);
    if (!n)
        for (const wb::SemNode* f : ui.All(Role::TextField)) MESSAGE("text field: ", f->name);
    REQUIRE_MESSAGE(n != nullptr, "no text field named ", name);
    wb::Sem().requests.set_value_id = n->id;
    wb::Sem().requests.set_value = text;
    ui.Frames(2);
}

// Adds a contact with only a name and opens its page.
pl::Id OpenNewContact(Ui& ui, const char* name) {
    pl::Contact c;
    c.name = name;
    const pl::Id id = pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.app.OnRoute("#/planner/contact/" + std::to_string(id));
    ui.Frames(2);
    return id;
}

std::string ReadFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// n LinkedIn-like contacts, one in three touched recently.
pl::Planner BigPlanner(int n) {
    pl::Planner p;
    const char* industries[] = {"Software", "Finance", "Healthcare", "Education", "Retail", "Energy", "Media"};
    for (int i = 0; i < n; ++i) {
        pl::Contact c;
        c.name = "Person " + std::to_string(i);
        c.company = "Company " + std::to_string(i % 900);
        c.role = "Engineer";
        c.industry = industries[i % 7];
        c.tier = static_cast<pl::Tier>(i % 4);
        c.profile_url = "https://www.linkedin.com/in/person-" + std::to_string(i);
        if (i % 3 == 0) c.log.push_back(pl::Interaction{kToday - (i % 200), pl::Channel::Email, "hello", pl::Help::None, ""});
        pl::AddContact(p, std::move(c), wb::Rev{1, "t"});
    }
    return p;
}

}  // namespace

TEST_CASE("ui planner: the Planner button opens This week, with an empty state that says what to do") {
    Ui ui;
    OpenPlanner(ui);
    CHECK(ui.H1() == "This week");
    CHECK(ui.app.out.route == "#/planner/week");
    CHECK(ui.FindContaining(Role::Text, "Your planner is empty") != nullptr);
    CHECK(ui.Find(Role::Navigation, "Planner") != nullptr);
    CHECK(ui.Find(Role::Button, "Back to the chapter") != nullptr);
    ui.Activate(Role::Button, "Back to the chapter");
    CHECK(ui.H1() == ui.app.content().sections[0].title);
}

TEST_CASE("ui planner: a deep link opens a planner page; an unknown page says so") {
    Ui ui;
    ui.Frame();
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    CHECK(ui.H1() == "Contacts");
    ui.app.OnRoute("#/planner/nonsense");
    ui.Frames(2);
    CHECK(ui.H1() == "This week");
    CHECK(ui.FindContaining(Role::Status, "nonsense") != nullptr);
}

TEST_CASE("ui planner: adding a contact opens it, and what changed is marked for saving") {
    Ui ui;
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    SetField(ui, "New contact's name", "Ada Lovelace");
    ui.Activate(Role::Button, "Add contact");
    REQUIRE(ui.app.planner().model().contacts.size() == 1);
    const pl::Contact& c = ui.app.planner().model().contacts[0];
    CHECK(c.name == "Ada Lovelace");
    CHECK(c.added == kToday);
    CHECK(ui.H1() == "Ada Lovelace");
    std::string keys = ui.app.planner().DirtyKeys();
    CHECK(keys.find("meta") != std::string::npos);
    CHECK(keys.find("c" + std::to_string(pl::ChunkOf(c.id))) != std::string::npos);
}

TEST_CASE("ui planner: an organization or event added opens for editing, with the id the app gave it") {
    Ui ui;
    // Another record first, so the new one's id is not the first id.
    pl::Contact c;
    c.name = "Someone";
    pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.app.OnRoute("#/planner/organizations");
    ui.Frames(2);
    ui.Activate(Role::Button, "Add an organization");
    SetField(ui, "Name", "Society of Data Analysts");
    ui.Activate(Role::Button, "Add the organization");
    ui.Frames(2);
    REQUIRE(ui.app.planner().model().organizations.size() == 1);
    const pl::Id org = ui.app.planner().model().organizations[0].id;
    CHECK(ui.app.planner().ui.editing == org);
    CHECK(ui.Find(Role::Region, "Editing Society of Data Analysts") != nullptr);

    ui.app.OnRoute("#/planner/events");
    ui.Frames(2);
    ui.Activate(Role::Button, "Add an event");
    ui.Frames(2);
    const wb::SemNode* when = ui.Find(Role::TextField, "Date (YYYY-MM-DD)");
    REQUIRE(when != nullptr);
    CHECK(when->value == pl::FormatDay(kToday + 7));  // a default, a week ahead
    SetField(ui, "Name", "Data Summit");
    SetField(ui, "Date (YYYY-MM-DD)", "2026-13-01");
    ui.Activate(Role::Button, "Add the event");
    CHECK(ui.app.planner().model().events.empty());  // not a date: nothing is added
    SetField(ui, "Date (YYYY-MM-DD)", "2026-12-01");
    ui.Activate(Role::Button, "Add the event");
    ui.Frames(2);
    REQUIRE(ui.app.planner().model().events.size() == 1);
    CHECK(ui.app.planner().model().events[0].day == pl::DayFromYmd(2026, 12, 1));
    CHECK(ui.app.planner().ui.editing == ui.app.planner().model().events[0].id);
}

TEST_CASE("ui planner: logging a touch starts the follow-up clock; a tier change moves it from the last touch") {
    Ui ui;
    const pl::Id id = OpenNewContact(ui, "Grace Hopper");
    CHECK(ui.H1() == "Grace Hopper");
    CHECK(ui.FindContaining(Role::Text, "never contacted") != nullptr);
    SetField(ui, "What happened", "Coffee after the meetup");
    ui.Activate(Role::Button, "Log this touch");
    const pl::Contact* got = pl::FindContact(ui.app.planner().model(), id);
    REQUIRE(got);
    REQUIRE(got->log.size() == 1);
    CHECK(got->log[0].day == kToday);
    CHECK(got->log[0].note == "Coffee after the meetup");
    CHECK(pl::NextFollowUp(*got) == kToday + 365);  // Extended: yearly
    CHECK(ui.app.out.announce.find("Touch logged with Grace Hopper") != std::string::npos);

    ui.Activate(Role::Radio, "Inner (monthly)");
    got = pl::FindContact(ui.app.planner().model(), id);
    CHECK(got->tier == pl::Tier::Inner);
    CHECK(pl::NextFollowUp(*got) == kToday + 30);
}

TEST_CASE("ui planner: an invalid or empty touch date blocks the log and says why in the field") {
    Ui ui;
    const pl::Id id = OpenNewContact(ui, "Alan Turing");
    auto field = [&]() { return ui.Find(Role::TextField, "Date of the touch"); };
    REQUIRE(field() != nullptr);
    CHECK(field()->value == pl::FormatDay(kToday));  // starts at today
    struct Case { const char* typed; const char* says; };
    for (const Case& k : {Case{"2026-02-30", "February 2026 has 28 days"}, Case{"yesterday", "\"yesterday\" is not a date"},
                          Case{"2026-13-45", "no month 13"}, Case{"", "empty"}, Case{"6/12/2026", "could be 6 December or June 12"}}) {
        INFO(k.typed);
        SetField(ui, "Date of the touch", k.typed);
        CHECK(field()->value == k.typed);  // emptied, it stays empty: no snapping back to today
        ui.Activate(Role::Button, "Log this touch");
        REQUIRE(field() != nullptr);
        CHECK((field()->flags & wb::SemFlag_Invalid) != 0);
        CHECK(field()->desc.find(k.says) != std::string::npos);
        CHECK(field()->desc.find("Nothing was logged") != std::string::npos);
        CHECK(pl::FindContact(ui.app.planner().model(), id)->log.empty());
    }
    // Typing again clears the message; T is today.
    SetField(ui, "Date of the touch", "t");
    CHECK((field()->flags & wb::SemFlag_Invalid) == 0);
    ui.Activate(Role::Button, "Log this touch");
    const pl::Contact* got = pl::FindContact(ui.app.planner().model(), id);
    REQUIRE(got->log.size() == 1);
    CHECK(got->log[0].day == kToday);
    CHECK(ui.app.out.announce.find("on " + pl::FormatDay(kToday)) != std::string::npos);
    CHECK(field()->value == pl::FormatDay(kToday));  // ready for the next one
}

TEST_CASE("ui planner: a touch dated in the future asks first; the announcement names the date saved") {
    Ui ui;
    const pl::Id id = OpenNewContact(ui, "Ada Lovelace");
    const std::string next_year = pl::FormatDay(kToday + 366);
    SetField(ui, "Date of the touch", next_year);
    ui.Activate(Role::Button, "Log this touch");
    CHECK(pl::FindContact(ui.app.planner().model(), id)->log.empty());
    REQUIRE(ui.FindContaining(Role::Text, "is in the future") != nullptr);
    ui.Activate(Role::Button, "Change the date");
    CHECK(ui.Find(Role::Button, "Yes, log it on " + next_year) == nullptr);
    ui.Activate(Role::Button, "Log this touch");
    ui.Activate(Role::Button, "Yes, log it on " + next_year);
    const pl::Contact* got = pl::FindContact(ui.app.planner().model(), id);
    REQUIRE(got->log.size() == 1);
    CHECK(got->log[0].day == kToday + 366);
    CHECK(ui.app.out.announce.find("Touch logged with Ada Lovelace on " + next_year) != std::string::npos);
    // An ISO date in the past needs no question, and day-first forms that cannot be misread work.
    SetField(ui, "Date of the touch", "25/12/2025");
    ui.Activate(Role::Button, "Log this touch");
    got = pl::FindContact(ui.app.planner().model(), id);
    REQUIRE(got->log.size() == 2);
    CHECK(got->log[0].day == pl::DayFromYmd(2025, 12, 25));
}

TEST_CASE("ui planner: a date field's calendar moves by day, week and month with keys, and picks by key or pointer") {
    Ui ui;
    OpenNewContact(ui, "Katherine Johnson");
    auto field = [&]() { return ui.Find(Role::TextField, "Date of the touch"); };
    // The calendar's checked day: the group's one Tab stop, where the keyboard is.
    auto cursor = [&]() -> const wb::SemNode* {
        for (const wb::SemNode* n : ui.All(Role::Radio))
            if ((n->flags & wb::SemFlag_Checked) && n->name.find(", 20") != std::string::npos) return n;
        return nullptr;
    };
    auto key = [&](wb::GridKey k) {
        REQUIRE(cursor() != nullptr);
        wb::Sem().requests.key_id = cursor()->id;
        wb::Sem().requests.key = k;
        ui.Frames(2);
    };
    auto on = [&](pl::Day d) {
        REQUIRE(cursor() != nullptr);
        CHECK(cursor()->name.rfind(wb::ui::LongDate(d), 0) == 0);
        CHECK(ui.dom_focused == cursor()->id);  // focus follows the keys
    };
    ui.Activate(Role::Button, "Calendar for Date of the touch");
    ui.Frames(2);
    const wb::SemNode* month = ui.Find(Role::RadioGroup, "November 2026");
    REQUIRE(month != nullptr);
    CHECK((month->flags & wb::SemFlag_Grid) != 0);  // arrows come to the app, not the browser's radio steps
    CHECK(ui.All(Role::Radio).size() >= 30);
    REQUIRE(cursor() != nullptr);
    CHECK(cursor()->name == "Thursday, November 26, 2026, today, the date set");
    on(kToday);
    key(wb::GridKey::Left);
    on(kToday - 1);
    key(wb::GridKey::Up);
    on(kToday - 8);
    key(wb::GridKey::PageUp);  // November 18 to October 18 (a Sunday)
    on(pl::DayFromYmd(2026, 10, 18));
    CHECK(ui.Find(Role::RadioGroup, "October 2026") != nullptr);
    key(wb::GridKey::Home);
    on(pl::DayFromYmd(2026, 10, 12));
    key(wb::GridKey::End);
    on(pl::DayFromYmd(2026, 10, 18));
    key(wb::GridKey::Escape);  // closes, and changes nothing
    CHECK(ui.Find(Role::RadioGroup, "October 2026") == nullptr);
    CHECK(field()->value == pl::FormatDay(kToday));
    const wb::SemNode* toggle = ui.Find(Role::Button, "Calendar for Date of the touch");
    REQUIRE(toggle != nullptr);
    CHECK(ui.dom_focused == toggle->id);
    CHECK((toggle->flags & wb::SemFlag_Collapsed) != 0);

    // Enter picks, says the date, and gives focus back to the button.
    ui.Activate(Role::Button, "Calendar for Date of the touch");
    ui.Frames(2);
    key(wb::GridKey::PageDown);
    key(wb::GridKey::Left);
    key(wb::GridKey::Enter);
    CHECK(field()->value == "2026-12-25");
    CHECK(ui.app.out.announce.find("Date of the touch: Friday, December 25, 2026.") != std::string::npos);
    CHECK(ui.Find(Role::RadioGroup, "December 2026") == nullptr);
    CHECK(ui.dom_focused == ui.Find(Role::Button, "Calendar for Date of the touch")->id);

    // The pointer: open, a month back, click a day.
    ui.Click(Role::Button, "Calendar for Date of the touch");
    REQUIRE(ui.Find(Role::RadioGroup, "December 2026") != nullptr);  // opens on the field's date
    ui.Click(Role::Button, "Previous month");
    REQUIRE(ui.Find(Role::RadioGroup, "November 2026") != nullptr);
    ui.Click(Role::Radio, "Tuesday, November 3, 2026");
    CHECK(field()->value == "2026-11-03");
    // Today and Clear; an emptied date blocks the log.
    ui.Click(Role::Button, "Calendar for Date of the touch");
    ui.Click(Role::Button, "Today, Thursday, November 26, 2026");
    CHECK(field()->value == pl::FormatDay(kToday));
    ui.Click(Role::Button, "Calendar for Date of the touch");
    ui.Click(Role::Button, "Clear Date of the touch");
    CHECK(field()->value.empty());
    ui.Activate(Role::Button, "Log this touch");
    CHECK(field()->desc.find("empty") != std::string::npos);

    // Every planner date field has one: an event's date, picked, is the date added.
    ui.app.OnRoute("#/planner/events");
    ui.Frames(2);
    ui.Activate(Role::Button, "Add an event");
    ui.Frames(2);
    SetField(ui, "Name", "Data Summit");
    ui.Activate(Role::Button, "Calendar for Date");
    ui.Frames(2);
    on(kToday + 7);  // the form's default, a week ahead
    key(wb::GridKey::Down);
    key(wb::GridKey::Enter);
    CHECK(ui.Find(Role::TextField, "Date (YYYY-MM-DD)")->value == pl::FormatDay(kToday + 14));
    ui.Activate(Role::Button, "Add the event");
    ui.Frames(2);
    REQUIRE(ui.app.planner().model().events.size() == 1);
    CHECK(ui.app.planner().model().events[0].day == kToday + 14);
}

TEST_CASE("ui planner: after a large import This week says none is due and links to the untiered contacts") {
    std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    for (int i = 0; i < 3000; ++i)
        csv += "F" + std::to_string(i) + ",L,https://www.linkedin.com/in/p-" + std::to_string(i) + ",,Co,Eng,12 Mar 2019\n";
    Ui ui;
    ui.Frame();
    ui.app.OnImportFile("Connections.csv", csv);
    for (int i = 0; i < 200 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
    ui.Frames(2);
    ui.Activate(Role::Button, "Add to my planner");
    REQUIRE(ui.app.planner().model().contacts.size() == 3000);
    CHECK(ui.app.out.announce.find("None is due") != std::string::npos);
    ui.app.OnRoute("#/planner/week");
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "0 overdue, 0 due in the next 7 days, 0 never contacted") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "You imported 3,000 connections. None is due") != nullptr);
    ui.Activate(Role::Button, "Show the 3,000 contacts without a tier");
    CHECK(ui.H1() == "Contacts");
    CHECK(ui.FindContaining(Role::Text, "3,000 of 3,000 contacts") != nullptr);
    CHECK(ui.app.planner().ui.query.tier == static_cast<int>(pl::Tier::None));
    const std::string ics = pl::ExportIcs(ui.app.planner().model(), kToday, 0);
    CHECK(ics.find("BEGIN:VEVENT") == std::string::npos);
}

TEST_CASE("ui planner: a keep-in-touch interval that is not a number is named, kept as typed, and not applied") {
    Ui ui;
    const pl::Id id = OpenNewContact(ui, "Ada Lovelace");
    const std::string field = "Keep in touch every N days (empty = the tier's)";
    auto cadence = [&] { return pl::FindContact(ui.app.planner().model(), id)->cadence_days; };

    SetField(ui, field, "abc");
    CHECK(ui.FindContaining(Role::Text, "\"abc\" is not a number of days") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "until then it stays at the tier's default") != nullptr);
    CHECK(ui.Find(Role::TextField, field)->value == "abc");  // what was typed is not thrown away
    CHECK(cadence() == 0);

    SetField(ui, field, "21");
    CHECK(cadence() == 21);
    CHECK(ui.FindContaining(Role::Text, "is not a number of days") == nullptr);

    SetField(ui, field, "12345");
    CHECK(ui.FindContaining(Role::Text, "\"12345\" is not a number of days") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "until then it stays at 21 days") != nullptr);
    CHECK(cadence() == 21);

    SetField(ui, field, "");
    CHECK(cadence() == 0);
    CHECK(ui.FindContaining(Role::Text, "is not a number of days") == nullptr);
}

TEST_CASE("ui planner: 30,000 contacts: the table draws only the rows on screen, and search filters them") {
    Ui ui;
    ui.app.planner().Replace(BigPlanner(30000));
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    auto t0 = std::chrono::steady_clock::now();
    ui.Frame();
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("contacts view, 30,000 contacts, one frame (native, null renderer): " << ms << " ms");
    CHECK(ui.FindContaining(Role::Text, "30,000 of 30,000 contacts") != nullptr);
    size_t rows = 0;
    for (const wb::SemNode* n : ui.All(Role::Link)) rows += n->value.rfind("#/planner/contact/", 0) == 0;
    CHECK(rows > 5);
    CHECK(rows < 100);  // clipped: not 30,000 nodes
    SetField(ui, "Search contacts", "person 2999");
    ui.Frame();
    // "person 2999" matches Person 2999, 12999, 22999 and 29990..29999.
    const wb::SemNode* count = ui.FindContaining(Role::Text, "of 30,000 contacts");
    REQUIRE(count != nullptr);
    CHECK_MESSAGE(count->name.rfind("13 of 30,000 contacts", 0) == 0, count->name);
    CHECK(ui.FindContaining(Role::Link, "Person 29995") != nullptr);
}

TEST_CASE("ui planner: a contacts table below the fold still lists its first rows; focusing one scrolls it into view") {
    Ui ui(320, 420);
    pl::Planner p;
    for (int i = 1; i <= 40; ++i) {
        pl::Contact c;
        c.id = i;
        c.name = "Person " + std::to_string(100 + i);
        c.company = "Firm " + std::to_string(i);
        p.contacts.push_back(c);
    }
    p.next_id = 41;
    ui.app.planner().Replace(p);
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    const wb::SemNode* first = ui.Find(Role::Link, "Person 101");
    REQUIRE(first != nullptr);
    CHECK((first->flags & wb::SemFlag_OutOfView) != 0);  // below the fold, yet reachable
    CHECK(ui.FindContaining(Role::Cell, "Firm 1 ") != nullptr);
    // Tab (DOM focus) onto it: the table scrolls into view and its drawn row is there.
    wb::Sem().requests.focus = first->id;
    ui.Frames(3);
    const wb::SemNode* drawn = ui.Find(Role::Link, "Person 101");
    REQUIRE(drawn != nullptr);
    CHECK((drawn->flags & wb::SemFlag_OutOfView) == 0);
    CHECK(drawn->min.y >= 0.0f);
    CHECK(drawn->max.y <= 420.0f);
}

TEST_CASE("ui planner: the contacts table is a table for screen readers: headers, the name as row header, every column") {
    Ui ui;
    pl::Planner p;
    pl::Contact c;
    c.id = 1;
    c.name = "Zoë Ødegård";
    c.company = "Fjord Labs";
    c.tier = pl::Tier::Inner;
    p.contacts.push_back(c);
    p.next_id = 2;
    ui.app.planner().Replace(p);
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    const wb::SemNode* table = ui.Find(Role::Table, "Contacts");
    REQUIRE(table != nullptr);
    const std::vector<wb::SemNode>& nodes = ui.Nodes();
    auto index_of = [&](const wb::SemNode* n) { return static_cast<int>(n - nodes.data()); };
    auto children = [&](const wb::SemNode* parent) {
        std::vector<const wb::SemNode*> out;
        for (const wb::SemNode& n : nodes)
            if (n.parent == index_of(parent)) out.push_back(&n);
        return out;
    };
    std::vector<const wb::SemNode*> rows = children(table);
    REQUIRE(rows.size() == 2);  // the header row and one contact
    std::vector<std::string> headers;
    for (const wb::SemNode* h : children(rows[0])) {
        CHECK(h->role == Role::ColumnHeader);
        headers.push_back(h->name);
    }
    CHECK(headers == std::vector<std::string>{"Name", "Company", "Tier", "Follow-up"});
    std::vector<const wb::SemNode*> cells = children(rows[1]);
    REQUIRE(cells.size() == 4);
    CHECK(cells[0]->role == Role::RowHeader);
    std::vector<const wb::SemNode*> link = children(cells[0]);
    REQUIRE(link.size() == 1);
    CHECK(link[0]->role == Role::Link);
    CHECK(link[0]->name == "Zoë Ødegård");  // the visible label, nothing more (WCAG 2.5.3)
    CHECK(link[0]->value == "#/planner/contact/1");
    CHECK(cells[1]->role == Role::Cell);
    CHECK(cells[1]->name == "Fjord Labs");
    CHECK(cells[2]->name == pl::TierName(pl::Tier::Inner));
    CHECK(cells[3]->name == "never contacted");
    // The row covers its cells, and the table its rows (scopes grow to what was drawn).
    for (const wb::SemNode* cell : cells) {
        CHECK(cell->min.x >= rows[1]->min.x);
        CHECK(cell->max.x <= rows[1]->max.x);
        CHECK(cell->max.y <= table->max.y);
    }
    // Rows are tall enough to hit (WCAG 2.5.8: 24 CSS px).
    CHECK(link[0]->max.y - link[0]->min.y >= 24.0f);
    // On a phone, company and tier stand under the name: the row still has them.
    ui.Resize(320, 700);
    ui.Frames(2);
    table = ui.Find(Role::Table, "Contacts");
    REQUIRE(table != nullptr);
    rows = children(table);
    REQUIRE(rows.size() == 2);
    headers.clear();
    for (const wb::SemNode* h : children(rows[0])) headers.push_back(h->name);
    CHECK(headers == std::vector<std::string>{"Name", "Company and tier", "Follow-up"});
    cells = children(rows[1]);
    REQUIRE(cells.size() == 3);
    CHECK(cells[1]->name == "Fjord Labs \xC2\xB7 " + std::string(pl::TierName(pl::Tier::Inner)));
    CHECK(cells[1]->max.x <= 320.0f);
    CHECK(cells[2]->name == "never contacted");
    ui.Resize(1280, 800);
    ui.Frames(2);
    // Activating the name opens the contact.
    ui.Activate(Role::Link, "Zoë Ødegård");
    CHECK(ui.H1() == "Zoë Ødegård");
}

TEST_CASE("ui planner: importing a LinkedIn file shows a preview; cancel changes nothing, commit adds the contacts") {
    std::string file = ReadFile(std::string(WB_SOURCE_DIR) + "/tests/fixtures/import/linkedin_connections.csv");
    REQUIRE(!file.empty());
    Ui ui;
    ui.Frame();
    ui.app.OnImportFile("Connections.csv", file);
    for (int i = 0; i < 20 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
    ui.Frames(2);
    CHECK(ui.H1() == "Import contacts");
    const wb::SemNode* summary = ui.FindContaining(Role::Text, "LinkedIn connections:");
    REQUIRE(summary != nullptr);
    CHECK(summary->name.find(" new,") != std::string::npos);
    ui.Activate(Role::Button, "Cancel the import");
    CHECK(ui.app.planner().model().contacts.empty());

    ui.app.OnImportFile("Connections.csv", file);
    for (int i = 0; i < 20 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
    ui.Frames(2);
    size_t expected = ui.app.planner().import_job()->Preview().new_count;
    REQUIRE(expected > 0);
    ui.Activate(Role::Button, "Add to my planner");
    CHECK(ui.app.planner().model().contacts.size() == expected);
    CHECK(ui.app.out.announce.find("Imported: " + std::to_string(expected) + " new contacts") != std::string::npos);
    CHECK(ui.H1() == "Contacts");
}

TEST_CASE("ui planner: a file that is not an address book is refused with a reason, and nothing changes") {
    Ui ui;
    ui.Frame();
    ui.app.OnImportFile("notes.csv", "this,is\nnot,contacts\n");
    for (int i = 0; i < 20 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "This file cannot be imported.") != nullptr);
    CHECK(ui.app.planner().model().contacts.empty());
}

TEST_CASE("ui planner: a failed save keeps every change for the retry and says so") {
    Ui ui;
    pl::Contact c;
    c.name = "Katherine Johnson";
    pl::Id id = pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.app.planner().TouchContact(id);
    ui.app.planner().TouchMeta();
    std::string keys = ui.app.planner().DirtyKeys();
    REQUIRE(keys == "meta,c0");
    CHECK(!ui.app.planner().EncodePart("meta").empty());
    CHECK(!ui.app.planner().EncodePart("c0").empty());
    CHECK(ui.app.planner().DirtyKeys().empty());  // in flight
    ui.app.PlannerSaveFinished(1, "QuotaExceededError");
    CHECK(ui.app.planner().DirtyKeys() == "meta,c0");  // back for the retry
    ui.app.OnRoute("#/planner/week");
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "storage for the workbook is full") != nullptr);
    ui.app.planner().EncodePart("meta");
    ui.app.planner().EncodePart("c0");
    ui.app.PlannerSaveFinished(0, "");
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "storage for the workbook is full") == nullptr);
    CHECK(ui.app.planner().DirtyKeys().empty());
}

// The platform's save (web_bridge.js): read what is stored at the keys to write, merge
// it, read again any key the merge added, then write every dirty key. `db` stands in for IndexedDB.
using FakeDb = std::map<std::string, std::string>;
std::vector<std::string> Keys(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream ss(list);
    for (std::string k; std::getline(ss, k, ',');)
        if (!k.empty()) out.push_back(k);
    return out;
}
// refused: the transaction fails as a whole (storage full), so the database is left as it was.
void SaveTo(Ui& ui, FakeDb& db, bool refused = false) {
    wb::PlannerHost& h = ui.app.planner();
    std::set<std::string> read;
    for (std::vector<std::string> keys = Keys(h.DirtyKeys()); !keys.empty();) {
        for (const std::string& k : keys)
            if (read.insert(k).second)
                if (auto it = db.find(k); it != db.end()) h.MergeStoredPart(k, it->second);
        ui.app.MergeStoredPlanner();
        keys.clear();
        for (const std::string& k : Keys(h.DirtyKeys()))
            if (!read.count(k)) keys.push_back(k);
    }
    FakeDb written = db;
    for (const std::string& k : Keys(h.DirtyKeys())) {
        std::string text = h.EncodePart(k);
        if (text.empty()) written.erase(k);
        else written[k] = text;
    }
    if (!refused) db = std::move(written);
    ui.app.PlannerSaveFinished(refused ? 1 : 0, refused ? "QuotaExceededError: the quota has been exceeded" : "");
    ui.Frames(2);
}
pl::Planner Stored(const FakeDb& db) {
    std::vector<std::pair<uint32_t, std::string>> chunks;
    for (const auto& [k, v] : db)
        if (k != "meta") chunks.emplace_back(std::stoul(k.substr(1)), v);
    return pl::DecodePlanner(db.count("meta") ? db.at("meta") : "", chunks).planner;
}

TEST_CASE("ui planner: another tab's contact at the same id and its edit to another field of ours: nothing is lost") {
    Ui ui;
    FakeDb db;
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    SetField(ui, "New contact's name", "Ada Lovelace");
    ui.Activate(Role::Button, "Add contact");
    SaveTo(ui, db);
    const pl::Id ada = ui.app.planner().model().contacts.at(0).id;

    // The other tab, from what is stored: adds a contact (the next id) and writes Ada's notes, and saves.
    pl::Planner other = Stored(db);
    pl::Contact bea;
    bea.name = "Bea from the other tab";
    const pl::Id bea_id = pl::AddContact(other, bea, wb::Rev{1764115200500, "other"});
    pl::FindContact(other, ada)->notes = "Notes from the other tab";
    pl::FindContact(other, ada)->rev = wb::Rev{1764115200500, "other"};
    db["meta"] = pl::EncodeMeta(other);
    db["c0"] = pl::EncodeChunk(other, 0);

    // Here, before hearing of it: Ada's company, then a new contact, which takes the same id as Bea.
    ui.app.SetClock(1764115201000);
    ui.app.OnRoute("#/planner/contact/" + std::to_string(ada));
    ui.Frames(2);
    SetField(ui, "Company", "Analytical Engines Ltd");
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    SetField(ui, "New contact's name", "Charles Babbage");
    ui.Activate(Role::Button, "Add contact");
    CHECK(ui.app.planner().ui.contact == bea_id);  // the same id, for now
    SaveTo(ui, db);

    const pl::Planner& mine = ui.app.planner().model();
    const pl::Planner stored = Stored(db);
    for (const pl::Planner* p : {&mine, &stored}) {
        REQUIRE(p->contacts.size() == 3);
        const pl::Contact* a = pl::FindContact(*p, ada);
        REQUIRE(a);
        CHECK(a->company == "Analytical Engines Ltd");
        CHECK(a->notes == "Notes from the other tab");
        REQUIRE(pl::FindContact(*p, bea_id));
        CHECK(pl::FindContact(*p, bea_id)->name == "Bea from the other tab");
    }
    // Ours moved on, and the page showing it followed.
    const pl::Id charles = ui.app.planner().ui.contact;
    CHECK(charles > bea_id);
    REQUIRE(pl::FindContact(stored, charles));
    CHECK(pl::FindContact(stored, charles)->name == "Charles Babbage");
    CHECK(ui.H1() == "Charles Babbage");
    CHECK(ui.app.out.route == "#/planner/contact/" + std::to_string(charles));
    CHECK(stored.next_id == charles + 1);
    CHECK(ui.app.planner().DirtyKeys().empty());
}

TEST_CASE("ui planner: the backup carries the planner, and restoring it brings the contacts back") {
    Ui ui;
    pl::Contact c;
    c.name = "Dorothy Vaughan";
    c.notes = "Met at the FORTRAN workshop";
    pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.Frame();
    ui.app.OnRoute("#/planner/week");
    ui.Frame();
    // Settings > Download a backup.
    ui.Activate(Role::Button, "Settings");
    ui.Activate(Role::Button, "Download a backup");
    REQUIRE(ui.app.out.downloads.size() == 1);
    std::string backup = ui.app.out.downloads[0].data;
    ui.app.out.downloads.clear();
    CHECK(backup.find("\"planner\"") != std::string::npos);

    Ui fresh;
    fresh.Frame();
    fresh.app.OnRestoreFile("networking-workbook-backup.json", backup);
    fresh.Frames(2);
    CHECK(fresh.FindContaining(Role::Text, "Planner contacts: 0 now, 1 in the backup") != nullptr);
    fresh.Activate(Role::Button, "Replace my data with the backup");
    REQUIRE(fresh.app.out.state_replaced);
    fresh.app.ReplacedStateSaved(true);  // the platform wrote the answers: the planner follows
    REQUIRE(fresh.app.planner().model().contacts.size() == 1);
    CHECK(fresh.app.planner().model().contacts[0].notes == "Met at the FORTRAN workshop");
    CHECK(fresh.app.planner().DirtyKeys().find("c0") != std::string::npos);
}

TEST_CASE("ui planner: two frames with nothing changing serialize the same semantics (idle stays idle)") {
    Ui ui;
    ui.app.planner().Replace(BigPlanner(500));
    for (const char* page : {"week", "contacts", "contact/3"}) {
        ui.app.OnRoute(std::string("#/planner/") + page);
        ui.Frames(3);
        std::string a = wb::Sem().Serialize();
        ui.Frame();
        CHECK_MESSAGE(a == wb::Sem().Serialize(), page);
    }
}

TEST_CASE("ui planner: a recommendation's button sets it up in the planner, once") {
    // A learner who rates their follow-up habits lowest: that tip is recommended first.
    std::string stored, text;
    {
        Ui reader;
        wb::LearnerState s;
        for (const wb::Quiz& q : reader.app.content().quizzes) {
            if (q.action != "set-follow-up-rhythm") continue;
            text = q.action_text;
            for (const wb::Question& question : q.questions)
                if (question.kind == wb::QuestionKind::SelfRating) wb::Rate(q, s.quizzes[q.id], question.id, 1);
        }
        stored = wb::EncodeState(s);
    }
    REQUIRE(!text.empty());
    Ui ui(1280, 800, stored);
    ui.Frame();
    ui.Activate(Role::Button, "Your results");
    REQUIRE_MESSAGE(ui.Find(Role::Button, "Do it in the planner: " + text) != nullptr, "the follow-up recommendation is offered");
    ui.Activate(Role::Button, "Do it in the planner: " + text);
    CHECK(ui.H1() == "Contacts");
    REQUIRE(ui.app.planner().model().goals.size() == 1);
    CHECK(ui.app.planner().model().goals[0].kind == pl::GoalKind::FollowUps);
    CHECK(ui.app.planner().ui.query.tier == static_cast<int>(pl::Tier::Inner));
    ui.Activate(Role::Button, "Back to the chapter");
    ui.Activate(Role::Button, "Your results");
    ui.Activate(Role::Button, "Do it in the planner: " + text);
    CHECK(ui.app.planner().model().goals.size() == 1);  // not a second goal
}

TEST_CASE("ui planner: the outreach and event recommendations set up what their text says") {
    // A learner who rates being proactive and attending events lowest gets both recommended.
    std::string stored;
    std::map<std::string, std::string> text;
    {
        Ui reader;
        wb::LearnerState s;
        for (const wb::Quiz& q : reader.app.content().quizzes) {
            if (q.action != "weekly-outreach-block" && q.action != "plan-next-event") continue;
            text[q.action] = q.action_text;
            for (const wb::Question& question : q.questions)
                if (question.kind == wb::QuestionKind::SelfRating) wb::Rate(q, s.quizzes[q.id], question.id, 1);
        }
        stored = wb::EncodeState(s);
    }
    REQUIRE(text.size() == 2);
    // "...send one short message...": one new contact a week, not more.
    CHECK(text["weekly-outreach-block"].find("one short message") != std::string::npos);
    Ui ui(1280, 800, stored);
    ui.Frame();
    ui.Activate(Role::Button, "Your results");
    ui.Activate(Role::Button, "Do it in the planner: " + text["weekly-outreach-block"]);
    CHECK(ui.H1() == "Goals");
    REQUIRE(ui.app.planner().model().goals.size() == 1);
    const pl::Goal& g = ui.app.planner().model().goals[0];
    CHECK(g.kind == pl::GoalKind::NewContacts);
    CHECK(g.period == pl::GoalPeriod::Week);
    CHECK(g.target == 1);
    // "Pick one event in your field in the next three months, choose two or three people to meet there..."
    CHECK(text["plan-next-event"].find("next three months") != std::string::npos);
    ui.Activate(Role::Button, "Back to the chapter");
    ui.Activate(Role::Button, "Your results");
    ui.Activate(Role::Button, "Do it in the planner: " + text["plan-next-event"]);
    REQUIRE(ui.app.planner().model().events.size() == 1);
    const pl::Event& e = ui.app.planner().model().events[0];
    CHECK(e.goal.find("two or three people") != std::string::npos);
    CHECK(e.day > kToday);
    CHECK(e.day <= kToday + 90);
}

TEST_CASE("ui planner: #/home opens the progress page, which counts this week's planner activity") {
    Ui ui;
    pl::Contact c;
    c.name = "Mae Jemison";
    c.added = kToday;
    c.log.push_back(pl::Interaction{kToday, pl::Channel::Call, "", pl::Help::None, ""});
    pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.Frame();
    ui.app.OnRoute("#/home");
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "Your planner this week: 1 touches logged, 1 contacts added") != nullptr);
}

TEST_CASE("ui planner: the progress page's planner line follows another tab's changes and the turn of the week") {
    Ui ui;
    pl::Contact c;
    c.name = "Mae Jemison";
    c.added = kToday;
    pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.Frame();
    ui.app.OnRoute("#/home");
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "1 contacts added") != nullptr);
    // Another tab added someone: merged in while the page is open.
    c.name = "Katherine Johnson";
    pl::AddContact(ui.app.planner().model(), c, wb::Rev{2, "other"});
    ui.app.PlannerMerged();
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "2 contacts added") != nullptr);
    // A week later nobody was added this week.
    ui.app.SetToday(kToday + 7);
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "0 contacts added") != nullptr);
}

TEST_CASE("ui planner: the import preview filters by outcome with counts, and says which line merged into which") {
    std::string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                      "Ana,Lopez,https://www.linkedin.com/in/ana,,Acme,,12 Mar 2024\n"
                      "Ana,Lopez,https://www.linkedin.com/in/ana,ana@example.com,,,\n"
                      ",,,,,,\n"
                      ",,,,Nobody Inc,,\n"
                      "Bo,Ng,,bo@example.com,,,\n";
    Ui ui;
    ui.Frame();
    ui.app.OnImportFile("Connections.csv", csv);
    for (int i = 0; i < 20 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
    ui.Frames(2);
    REQUIRE(ui.FindContaining(Role::Text, "2 new, 0 to update (only empty fields are filled in), 1 merged into an earlier line, 1 skipped") != nullptr);
    auto rows = [&]() {
        std::vector<std::string> out;
        for (const wb::SemNode* n : ui.All(Role::ListItem))
            if (n->name.rfind("Line ", 0) == 0) out.push_back(n->name);
        return out;
    };
    CHECK(rows().size() == 4);
    ui.Activate(Role::Radio, "Merged (1)");
    REQUIRE(rows().size() == 1);
    CHECK(rows()[0].find("Line 3 \xC2\xB7 Merged \xC2\xB7 Ana Lopez") == 0);
    CHECK(rows()[0].find("its e-mail merged into line 2") != std::string::npos);
    ui.Activate(Role::Radio, "Skipped (1)");
    REQUIRE(rows().size() == 1);
    CHECK(rows()[0].find("Line 5 \xC2\xB7 Skip") == 0);
    ui.Activate(Role::Radio, "Update (0)");
    CHECK(rows().empty());
    CHECK(ui.FindContaining(Role::Text, "No lines with this outcome") != nullptr);
    ui.Activate(Role::Radio, "New (2)");
    REQUIRE(rows().size() == 2);
    CHECK(rows()[0].find("e-mail from line 3") != std::string::npos);
    ui.Activate(Role::Button, "Add to my planner");
    REQUIRE(ui.app.planner().model().contacts.size() == 2);
    CHECK(ui.app.planner().model().contacts[0].email == "ana@example.com");
}

TEST_CASE("ui planner: exports say what they saved; with nothing to save they download nothing and say so") {
    Ui ui;
    ui.Frame();
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    ui.Activate(Role::Button, "Export calendar (.ics) of follow-ups and events");
    CHECK(ui.app.out.downloads.empty());
    INFO(ui.app.out.announce);
    CHECK(ui.app.out.announce.find("Nothing to export") != std::string::npos);
    ui.Activate(Role::Button, "Export contacts (.vcf) as vCards");
    CHECK(ui.app.out.downloads.empty());
    CHECK(ui.app.out.announce.find("no contacts yet") != std::string::npos);

    pl::Contact c;
    c.name = "Grace";
    c.tier = pl::Tier::Inner;
    c.log.push_back(pl::Interaction{kToday - 3, pl::Channel::Call, "", pl::Help::None, ""});
    pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.Frames(2);
    ui.Activate(Role::Button, "Export calendar (.ics) of follow-ups and events");
    REQUIRE(ui.app.out.downloads.size() == 1);
    CHECK(ui.app.out.downloads[0].filename == "networking-follow-ups.ics");
    CHECK(ui.app.out.announce == "Saved 1 follow-up to networking-follow-ups.ics.");
}

TEST_CASE("ui restore: all or nothing; a refused write of the answers or of the planner leaves both as they were") {
    wb::LearnerState mine;
    mine.reflections["introduction.r1"] = "Mine";
    Ui ui(1280, 800, wb::EncodeState(mine));
    FakeDb db;
    pl::Contact k;
    k.name = "Katherine Johnson";
    ui.app.planner().TouchContact(pl::AddContact(ui.app.planner().model(), k, wb::Rev{1, "t"}));
    ui.app.planner().TouchMeta();
    SaveTo(ui, db);
    const FakeDb before = db;

    wb::LearnerState theirs;
    theirs.reflections["introduction.r1"] = "From the backup";
    pl::Planner bp;
    pl::Contact d;
    d.name = "Dorothy Vaughan";
    pl::AddContact(bp, d, wb::Rev{1, "b"});
    wb::StoredPlanner sp;
    sp.meta = pl::EncodeMeta(bp);
    for (uint32_t c : pl::ChunksOf(bp)) sp.chunks.emplace_back(c, pl::EncodeChunk(bp, c));
    const std::string file = wb::EncodeBackup(theirs, 1700000000000, &sp);
    auto answer = [&] { return ui.app.state().reflections.at("introduction.r1"); };
    auto only_contact = [&](const pl::Planner& p) { return p.contacts.size() == 1 ? p.contacts[0].name : std::string("?"); };
    auto confirm = [&] {
        ui.app.OnRestoreFile("backup.json", file);
        ui.Frames(2);
        ui.Activate(Role::Button, "Replace my data with the backup");
        ui.Frames(1);
        REQUIRE(ui.app.out.state_replaced);  // the platform writes the answers at once...
        ui.app.out.state_replaced = false;
        CHECK(only_contact(ui.app.planner().model()) == "Katherine Johnson");  // ...before the planner is touched
    };

    // 1. The answers' write is refused: nothing changes, here or in storage.
    confirm();
    ui.app.ReplacedStateSaved(false);
    ui.Frames(2);
    CHECK(answer() == "Mine");
    CHECK(only_contact(ui.app.planner().model()) == "Katherine Johnson");
    CHECK(ui.app.planner().DirtyKeys().empty());
    CHECK(ui.FindContaining(Role::Status, "could not be restored: the browser refused to store its answers") != nullptr);

    // 2. The answers are written, the planner's transaction is refused: the old
    // planner is back, and the old answers are written back over the backup's.
    confirm();
    ui.app.ReplacedStateSaved(true);
    CHECK(answer() == "From the backup");
    CHECK(only_contact(ui.app.planner().model()) == "Dorothy Vaughan");
    SaveTo(ui, db, /*refused=*/true);
    CHECK(db == before);
    CHECK(only_contact(ui.app.planner().model()) == "Katherine Johnson");
    CHECK(ui.app.planner().DirtyKeys().empty());  // storage holds it as it is: nothing to rewrite
    REQUIRE(ui.app.out.state_replaced);
    ui.app.out.state_replaced = false;
    CHECK(answer() == "Mine");
    ui.app.ReplacedStateSaved(true);
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Status, "refused its planner") != nullptr);
    CHECK(ui.FindContaining(Role::Status, "backup was restored") == nullptr);

    // 3. Both written: the backup is what is kept, in this page and in storage.
    confirm();
    ui.app.ReplacedStateSaved(true);
    SaveTo(ui, db);
    CHECK(answer() == "From the backup");
    CHECK(only_contact(Stored(db)) == "Dorothy Vaughan");
    CHECK(only_contact(ui.app.planner().model()) == "Dorothy Vaughan");
    CHECK(ui.app.out.announce.find("Your backup was restored") != std::string::npos);
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Status, "Your backup was restored: \"backup.json\" replaced") != nullptr);
}
