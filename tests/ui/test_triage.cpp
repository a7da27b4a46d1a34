// Triage (the planner's #/planner/triage): untiered contacts one card at a
// time, sorted by a key or a press, with undo, progress, "Not now", a filter
// and "Set all N shown to ...". Driven through the App like a learner: keys
// ImGui gets, the DOM mirror's activations, typing into the filter.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/planner.h"
#include "harness.h"
#include "ui/planner/planner_views.h"

using wb::Role;
using wbtest::kToday;
using wbtest::Ui;
namespace pl = wb::planner;

namespace {

// n imported connections, untiered; the first few with names worth reading.
void AddImported(Ui& ui, int n) {
    pl::Planner& p = ui.app.planner().model();
    const char* names[] = {"Alex Chen", "Bea Okafor", "Carl Ng", "Dana Ruiz", "Eli Park"};
    for (int i = 0; i < n; ++i) {
        pl::Contact c;
        c.name = i < 5 ? names[i] : "Person " + std::to_string(i);
        c.company = i % 2 ? "Globex" : "Acme Payments";
        c.role = "Engineer";
        c.tier = pl::Tier::None;
        c.source = "linkedin";
        c.connected = pl::DayFromYmd(2019, 3, 12);
        c.added = kToday;
        pl::AddContact(p, std::move(c), wb::Rev{1, "t"});
    }
}

void OpenTriage(Ui& ui) {
    ui.Frame();
    ui.app.OnRoute("#/planner/triage");
    ui.Frames(2);
}

const pl::Contact& ByName(Ui& ui, const std::string& name) {
    for (const pl::Contact& c : ui.app.planner().model().contacts)
        if (c.name == name) return c;
    FAIL("no contact named ", name);
    return ui.app.planner().model().contacts[0];
}

// The contact on the card (its region's name).
std::string OnCard(const Ui& ui) {
    const std::string prefix = "Contact to sort: ";
    for (const wb::SemNode* n : ui.All(Role::Region))
        if (n->name.rfind(prefix, 0) == 0) return n->name.substr(prefix.size());
    return "";
}

}  // namespace

TEST_CASE("ui triage: reachable from the planner's menu and from This week's untiered notice") {
    Ui ui;
    AddImported(ui, 12);
    ui.Frame();
    ui.app.OnRoute("#/planner/week");
    ui.Frames(2);
    CHECK(ui.Find(Role::Link, "Triage") != nullptr);
    ui.Activate(Role::Button, "Sort the 12 contacts waiting, one by one");
    CHECK(ui.H1() == "Triage");
    CHECK(ui.app.out.route == "#/planner/triage");
    CHECK(OnCard(ui) == "Alex Chen");
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(2);
    ui.Activate(Role::Link, "Triage");
    CHECK(ui.H1() == "Triage");
}

TEST_CASE("ui triage: the card shows the facts; keys 1-4 set tiers, 0 and N set aside; progress and announcements follow") {
    Ui ui;
    AddImported(ui, 20);
    OpenTriage(ui);
    CHECK(OnCard(ui) == "Alex Chen");
    CHECK(ui.FindContaining(Role::Text, "Engineer at Acme Payments") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "Connected since: 2019-03-12 (7 years)") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "Also at Acme Payments: 9 other contacts, 0 with a tier") != nullptr);
    CHECK(ui.FindContaining(Role::Progress, "Contacts sorted") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "Next: Bea Okafor, Carl Ng, Dana Ruiz") != nullptr);

    ui.Press(ImGuiKey_1);
    CHECK(ByName(ui, "Alex Chen").tier == pl::Tier::Inner);
    CHECK(ui.app.out.announce == "Alex Chen: Inner circle. 1 sorted, 19 to go.");
    CHECK(OnCard(ui) == "Bea Okafor");
    ui.Press(ImGuiKey_2);
    CHECK(ByName(ui, "Bea Okafor").tier == pl::Tier::Close);
    ui.Press(ImGuiKey_3);
    CHECK(ByName(ui, "Carl Ng").tier == pl::Tier::Active);
    ui.Press(ImGuiKey_4);
    CHECK(ByName(ui, "Dana Ruiz").tier == pl::Tier::Extended);
    ui.Press(ImGuiKey_0);
    const pl::Contact& eli = ByName(ui, "Eli Park");
    CHECK(eli.tier == pl::Tier::None);
    CHECK(eli.not_now == kToday);
    CHECK(ui.app.out.announce == "Eli Park: Not now. 5 sorted, 15 to go.");
    ui.Press(ImGuiKey_N);
    CHECK(ByName(ui, "Person 5").not_now == kToday);
    CHECK(ui.FindContaining(Role::Text, "6 sorted, 14 to go") != nullptr);
    // What was decided is saved (its chunk marked) and This week holds only the tiered ones.
    CHECK(ui.app.planner().DirtyKeys().find("c0") != std::string::npos);
    pl::Agenda ag = pl::ComputeAgenda(ui.app.planner().model(), kToday);
    CHECK(ag.never_contacted.size() == 4);
    CHECK(ag.overdue.empty());
    CHECK(ag.untiered == 16);  // the two set aside stay untiered
    CHECK(ag.awaiting_triage == 14);
    // The buttons do the same as the keys, through the mirror.
    ui.Activate(Role::Button, "Close (2): every 2 months");
    CHECK(ByName(ui, "Person 6").tier == pl::Tier::Close);
    ui.Activate(Role::Button, "Not now (0): stays without a tier");
    CHECK(ByName(ui, "Person 7").not_now == kToday);
}

TEST_CASE("ui triage: undo (U, Ctrl+Z or the button) puts the last decision back, and the card returns") {
    Ui ui;
    AddImported(ui, 10);
    OpenTriage(ui);
    CHECK((ui.Find(Role::Button, "Undo (U): the last decision")->flags & wb::SemFlag_Disabled) != 0);
    ui.Press(ImGuiKey_1);
    ui.Press(ImGuiKey_0);
    CHECK(OnCard(ui) == "Carl Ng");
    ui.Press(ImGuiKey_U);
    CHECK(ByName(ui, "Bea Okafor").not_now == pl::kNoDay);
    CHECK(pl::AwaitingTriage(ByName(ui, "Bea Okafor")));
    CHECK(OnCard(ui) == "Bea Okafor");
    CHECK(ui.app.out.announce == "Undone: Bea Okafor is back in triage. 1 sorted, 9 to go.");
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    ui.Press(ImGuiKey_Z);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    ui.Frame();
    CHECK(ByName(ui, "Alex Chen").tier == pl::Tier::None);
    CHECK(OnCard(ui) == "Alex Chen");
    CHECK(ui.FindContaining(Role::Text, "0 sorted, 10 to go") != nullptr);
    ui.Press(ImGuiKey_3);
    ui.Activate(Role::Button, "Undo (U): the last decision");
    CHECK(ByName(ui, "Alex Chen").tier == pl::Tier::None);
    CHECK(OnCard(ui) == "Alex Chen");
}

TEST_CASE("ui triage: keys typed into the filter filter, and do not decide") {
    Ui ui;
    AddImported(ui, 10);
    OpenTriage(ui);
    ui.Click(Role::TextField, "Filter the contacts to sort");
    ui.Type("globex");
    ui.Frames(2);
    ui.Press(ImGuiKey_1);  // a key ImGui would get: the field holds the keyboard, so nothing is decided
    for (const pl::Contact& c : ui.app.planner().model().contacts) CHECK(c.tier == pl::Tier::None);
    CHECK(ui.FindContaining(Role::Text, "5 contacts to sort match") != nullptr);
    CHECK(OnCard(ui) == "Bea Okafor");
}

TEST_CASE("ui triage: \"Set all N shown\" asks first, naming the count, then sets exactly those; one undo takes it back") {
    Ui ui;
    AddImported(ui, 10);
    OpenTriage(ui);
    const wb::SemNode* f = ui.Find(Role::TextField, "Filter the contacts to sort");
    REQUIRE(f);
    wb::Sem().requests.set_value_id = f->id;
    wb::Sem().requests.set_value = "Globex";
    ui.Frames(2);
    ui.Activate(Role::Button, "Set all 5 shown to Extended");
    CHECK(ui.FindContaining(Role::Text, "Set all 5 shown to Extended?") != nullptr);
    for (const pl::Contact& c : ui.app.planner().model().contacts) CHECK(c.tier == pl::Tier::None);  // nothing yet
    ui.Activate(Role::Button, "Cancel: set nobody");
    CHECK(ui.FindContaining(Role::Text, "Set all 5 shown to Extended?") == nullptr);
    ui.Activate(Role::Button, "Set all 5 shown to Extended");
    ui.Activate(Role::Button, "Yes, set 5 to Extended");
    int extended = 0;
    for (const pl::Contact& c : ui.app.planner().model().contacts) {
        extended += c.tier == pl::Tier::Extended;
        CHECK((c.tier == pl::Tier::Extended) == (c.company == "Globex"));
    }
    CHECK(extended == 5);
    CHECK(ui.app.out.announce == "5 contacts: Extended circle. 5 sorted, 5 to go.");
    CHECK(ui.FindContaining(Role::Text, "No contact matching the filter") != nullptr);
    ui.Press(ImGuiKey_U);
    for (const pl::Contact& c : ui.app.planner().model().contacts) CHECK(c.tier == pl::Tier::None);
    CHECK(ui.app.out.announce == "Undone: 5 contacts are back in triage. 0 sorted, 10 to go.");
}

TEST_CASE("ui triage: \"Not now\" survives a reload (stored on the contact), and triage resumes with the next unsorted") {
    Ui ui;
    AddImported(ui, 6);
    OpenTriage(ui);
    ui.Press(ImGuiKey_0);
    ui.Press(ImGuiKey_2);
    const pl::Planner& p = ui.app.planner().model();
    const pl::PlannerLoad back = pl::DecodePlanner(pl::EncodeMeta(p), {{0, pl::EncodeChunk(p, 0)}});
    REQUIRE(back.problems.empty());

    Ui again;
    again.app.planner().Replace(back.planner);
    OpenTriage(again);
    CHECK(OnCard(again) == "Carl Ng");
    CHECK(again.FindContaining(Role::Text, "2 sorted, 4 to go") != nullptr);
    // Leaving and coming back continues too.
    again.app.OnRoute("#/planner/week");
    again.Frames(2);
    CHECK(again.FindContaining(Role::Text, "1 of them was set aside") != nullptr);
    again.app.OnRoute("#/planner/triage");
    again.Frames(2);
    CHECK(OnCard(again) == "Carl Ng");
}

TEST_CASE("ui triage: at 30,000 contacts a decision costs no pass over the contacts, and frames stay fast") {
    Ui ui;
    AddImported(ui, 30000);
    OpenTriage(ui);
    const wb::ui::TriageCache& cache = ui.app.planner().ui.triage.cache;
    REQUIRE(cache.ids.size() == 30000);
    const void* data = cache.ids.data();
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 50; ++i) ui.Press(static_cast<ImGuiKey>(ImGuiKey_1 + i % 4));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("50 decisions at 30,000 contacts (150 frames): ", ms, " ms");
    CHECK(cache.ids.size() == 30000);  // updated in place, never rebuilt
    CHECK(cache.ids.data() == data);
    CHECK(cache.to_go == 29950);
    CHECK(ui.FindContaining(Role::Text, "50 sorted, 29,950 to go") != nullptr);
    CHECK(OnCard(ui) == "Person 50");
    // No time limit here: a loaded machine made it fail once. The bench times triage in the browser;
    // the checks above are what "no pass over the contacts" means.
}

TEST_CASE("ui triage: a contact set aside says so on its page; giving it a tier there clears the mark") {
    Ui ui;
    AddImported(ui, 3);
    OpenTriage(ui);
    ui.Press(ImGuiKey_0);
    const pl::Id id = ByName(ui, "Alex Chen").id;
    ui.app.OnRoute("#/planner/contact/" + std::to_string(id));
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "Set aside with \"Not now\" in Triage on 2026-11-26") != nullptr);
    ui.Activate(Role::Radio, "Close (every 2 months)");
    ui.Frames(2);
    CHECK(ByName(ui, "Alex Chen").tier == pl::Tier::Close);
    CHECK(ByName(ui, "Alex Chen").not_now == pl::kNoDay);
}

TEST_CASE("ui triage: with no contacts it says where they come from; with everyone sorted it says so") {
    Ui ui;
    OpenTriage(ui);
    CHECK(ui.H1() == "Triage");
    CHECK(ui.FindContaining(Role::Text, "No contacts yet. Import your LinkedIn connections") != nullptr);
    ui.Activate(Role::Button, "Open Contacts to import");
    CHECK(ui.H1() == "Contacts");
    AddImported(ui, 1);
    OpenTriage(ui);
    ui.Press(ImGuiKey_4);
    CHECK(ui.FindContaining(Role::Text, "Everyone is sorted") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "1 sorted, 0 to go") != nullptr);
}

TEST_CASE("ui triage: undo after the filter changed puts the contact back and keeps the counts right") {
    Ui ui;
    AddImported(ui, 10);
    OpenTriage(ui);
    const wb::SemNode* f = ui.Find(Role::TextField, "Filter the contacts to sort");
    REQUIRE(f);
    wb::Sem().requests.set_value_id = f->id;
    wb::Sem().requests.set_value = "Globex";
    ui.Frames(2);
    CHECK(OnCard(ui) == "Bea Okafor");
    ui.Activate(Role::Button, "Inner (1): monthly");
    CHECK(ByName(ui, "Bea Okafor").tier == pl::Tier::Inner);
    f = ui.Find(Role::TextField, "Filter the contacts to sort");
    wb::Sem().requests.set_value_id = f->id;
    wb::Sem().requests.set_value = "Okafor";
    ui.Frames(2);
    CHECK(ui.FindContaining(Role::Text, "No contact matching the filter") != nullptr);
    ui.Activate(Role::Button, "Undo (U): the last decision");
    CHECK(ui.app.out.announce == "Undone: Bea Okafor is back in triage. 0 sorted, 10 to go.");
    CHECK(OnCard(ui) == "Bea Okafor");
    CHECK(ui.FindContaining(Role::Text, "1 contact to sort matches") != nullptr);
}

TEST_CASE("ui triage: at 375 px and 200% text the card, the buttons and the bulk question fit the width") {
    wb::LearnerState big_text;
    big_text.settings.text_size_pct = 200;
    Ui ui(375, 812, wb::EncodeState(big_text));
    AddImported(ui, 30);
    OpenTriage(ui);
    const wb::SemNode* f = ui.Find(Role::TextField, "Filter the contacts to sort");
    REQUIRE(f);
    wb::Sem().requests.set_value_id = f->id;
    wb::Sem().requests.set_value = "Globex";
    ui.Frames(2);
    ui.Activate(Role::Button, "Set all 15 shown to Extended");
    REQUIRE(ui.Find(Role::Button, "Yes, set 15 to Extended") != nullptr);
    for (const wb::SemNode& n : ui.Nodes()) {
        if (n.role != Role::Button && n.role != Role::Text && n.role != Role::Heading) continue;
        CAPTURE(n.name);
        CHECK(n.max.x <= 375.5f);
    }
}

TEST_CASE("ui triage: the fast list sorts a page of rows with one press each; focus moves to the next row") {
    Ui ui;
    AddImported(ui, 30);
    OpenTriage(ui);
    ui.Activate(Role::Radio, "List");
    ui.Frames(2);
    CHECK(OnCard(ui).empty());  // no card: rows
    const wb::SemNode* list = ui.Find(Role::List, "Contacts to sort");
    REQUIRE(list != nullptr);
    CHECK(ui.All(Role::ListItem).size() >= 20);
    CHECK(ui.FindContaining(Role::Text, "Engineer at Acme Payments \xC2\xB7 connected 2019") != nullptr);
    CHECK(ui.FindContaining(Role::Text, "Showing the first 20 contacts") != nullptr);
    // The keys mean nothing here (which row?): nobody is decided by them.
    ui.Press(ImGuiKey_1);
    CHECK(ByName(ui, "Alex Chen").tier == pl::Tier::None);

    // A press on a row's button decides that row; the rest move up.
    ui.Activate(Role::Button, "Close: Carl Ng");
    ui.Frames(2);
    CHECK(ByName(ui, "Carl Ng").tier == pl::Tier::Close);
    CHECK(ui.Find(Role::Button, "Close: Carl Ng") == nullptr);
    CHECK(ui.app.out.announce.find("Carl Ng: Close circle. 1 sorted, 29 to go.") != std::string::npos);
    // Through the keyboard (the mirror), focus goes to the next row's same button.
    const wb::SemNode* next = ui.Find(Role::Button, "Close: Dana Ruiz");
    REQUIRE(next != nullptr);
    CHECK(ui.dom_focused == next->id);
    ui.Click(Role::Button, "Not now: Alex Chen");
    CHECK(ByName(ui, "Alex Chen").not_now == kToday);
    CHECK(ui.FindContaining(Role::Text, "2 sorted, 28 to go") != nullptr);
    // Undo works the same as on the card.
    ui.Activate(Role::Button, "Undo (U): the last decision");
    ui.Frames(2);
    CHECK(ByName(ui, "Alex Chen").not_now == pl::kNoDay);
    CHECK(ui.Find(Role::Button, "Not now: Alex Chen") != nullptr);
    // Back to one at a time: the card again.
    ui.Activate(Role::Radio, "One at a time");
    ui.Frames(2);
    CHECK(OnCard(ui) == "Alex Chen");
}
