// Reflections that name people, an event or an organization offer them to the
// planner: a preview under the answer (each name ticked), then one button adds
// them; nothing is added before that, nothing twice.
#include <doctest/doctest.h>

#include <string>

#include "core/planner.h"
#include "core/route.h"
#include "harness.h"

using wb::Role;
using wbtest::Ui;
namespace pl = wb::planner;

namespace {

const wb::ReflectionPrompt& Prompt(Ui& ui, const std::string& id) {
    for (const wb::Section& s : ui.app.content().sections)
        for (const wb::ReflectionPrompt& r : s.reflections)
            if (r.id == id) return r;
    FAIL("no reflection prompt " << id);
    throw 0;
}

// Opens the prompt's section and writes the answer as the browser's edit of the field does.
void Answer(Ui& ui, const std::string& id, const std::string& text) {
    const std::string section = id.substr(0, id.find('.'));
    ui.app.OnRoute(wb::FormatReadRoute(section));
    ui.Frames(2);
    const wb::SemNode* area = ui.Find(Role::TextArea, Prompt(ui, id).text);
    REQUIRE(area != nullptr);
    wb::Sem().requests.set_value_id = area->id;
    wb::Sem().requests.set_value = text;
    ui.Frames(2);
    REQUIRE(ui.app.state().reflections.at(id) == text);
}

// Scrolls the reader with the wheel until the node is on screen; false if it never is.
bool ScrollTo(Ui& ui, Role role, const std::string& name) {
    for (int i = 0; i < 40; ++i) {
        const wb::SemNode* n = ui.Find(role, name);
        REQUIRE_MESSAGE(n != nullptr, "no ", wb::RoleName(role), " named ", name);
        const float bottom = ImGui::GetIO().DisplaySize.y;
        if (n->max.y <= bottom - 8 && n->min.y >= 60) return true;
        ui.Wheel(ui.ReaderCentre(), n->min.y < 60 ? 2.0f : -2.0f);
    }
    return false;
}

const pl::Contact* ContactNamed(Ui& ui, const std::string& name) {
    for (const pl::Contact& c : ui.app.planner().model().contacts)
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("ui reflection: the people an answer names are offered, and one click adds the ticked ones") {
    Ui ui(1280, 800);
    Answer(ui, "building-relationships.r1",
           "1. Maria Lopez - she runs the QA guild at work\n2. Tom Chen: hires testers in Leeds\n3. Aiko Tanaka (my mentor)");
    // Nothing is added by writing: the answer is only read.
    CHECK(ui.app.planner().model().contacts.empty());
    REQUIRE(ui.Find(Role::Group, "Add the people you named to your planner") != nullptr);
    for (const char* name : {"Maria Lopez", "Tom Chen", "Aiko Tanaka"}) {
        const wb::SemNode* box = ui.Find(Role::Checkbox, name);
        REQUIRE_MESSAGE(box != nullptr, name);
        CHECK((box->flags & wb::SemFlag_Checked) != 0);
    }
    REQUIRE(ui.Find(Role::Button, "Add 3 contacts") != nullptr);

    // With the mouse: untick one, then add.
    REQUIRE(ScrollTo(ui, Role::Checkbox, "Tom Chen"));
    ui.Click(Role::Checkbox, "Tom Chen");
    CHECK((ui.Find(Role::Checkbox, "Tom Chen")->flags & wb::SemFlag_Checked) == 0);
    REQUIRE(ui.Find(Role::Button, "Add 2 contacts") != nullptr);
    ui.app.out = {};
    REQUIRE(ScrollTo(ui, Role::Button, "Add 2 contacts"));
    ui.Click(Role::Button, "Add 2 contacts");

    REQUIRE(ui.app.planner().model().contacts.size() == 2);
    const pl::Contact* maria = ContactNamed(ui, "Maria Lopez");
    REQUIRE(maria != nullptr);
    CHECK(maria->notes == "Maria Lopez - she runs the QA guild at work");  // the learner's why comes along
    CHECK(maria->source == "reflection");
    CHECK(maria->added == wbtest::kToday);
    CHECK(ContactNamed(ui, "Aiko Tanaka") != nullptr);
    CHECK(ContactNamed(ui, "Tom Chen") == nullptr);
    CHECK(ui.app.out.planner_dirty);
    CHECK(ui.app.out.announce == "Added 2 contacts to your planner: Maria Lopez and Aiko Tanaka. Your answer stays as you wrote it.");
    CHECK(ui.app.state().reflections.at("building-relationships.r1").find("Tom Chen") != std::string::npos);

    // What was added is shown as held; the unticked one is still offered; the planner is a click away.
    ui.Frames(1);
    CHECK(ui.Find(Role::Text, "Maria Lopez: in your planner") != nullptr);
    CHECK(ui.Find(Role::Checkbox, "Maria Lopez") == nullptr);
    REQUIRE(ui.Find(Role::Checkbox, "Tom Chen") != nullptr);
    CHECK(ui.Find(Role::Button, "Add 0 contacts") != nullptr);
    CHECK((ui.Find(Role::Button, "Add 0 contacts")->flags & wb::SemFlag_Disabled) != 0);
    REQUIRE(ScrollTo(ui, Role::Button, "Open the planner"));
    ui.Click(Role::Button, "Open the planner");
    CHECK(ui.H1() == "Contacts");
}

TEST_CASE("ui reflection: from the keyboard, adding moves the focus on to the planner's button") {
    Ui ui(1280, 800);
    Answer(ui, "accessing-hidden-opportunities.r1",
           "A senior QA role in health tech. I could tell Maria Lopez, Tom Chen and Aiko Tanaka.");
    REQUIRE(ui.Find(Role::Button, "Add 3 contacts") != nullptr);
    ui.Activate(Role::Button, "Add 3 contacts");
    CHECK(ui.app.planner().model().contacts.size() == 3);
    ui.Frames(2);
    const wb::SemNode* open = ui.Find(Role::Button, "Open the planner");
    REQUIRE(open != nullptr);
    CHECK(ui.dom_focused == open->id);  // the button pressed is gone: focus is not lost
    CHECK(ui.Find(Role::Button, "Add 0 contacts") == nullptr);  // all held: nothing left to add
    CHECK(ui.Find(Role::Text, "What this answer names is in your planner") != nullptr);
    CHECK(ui.Find(Role::Text, "Add the people you named to your planner") == nullptr);
}

TEST_CASE("ui reflection: a name the planner holds (any case or accents) is shown as held, never added twice") {
    Ui ui(1280, 800);
    pl::Contact c;
    c.name = "María López";
    ui.app.planner().TouchContact(pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"}));
    Answer(ui, "be-proactive.r1", "Hi Maria Lopez,\nI enjoyed your talk at TestBash. Would you have ten minutes next week?");
    CHECK(ui.Find(Role::Text, "Maria Lopez: in your planner") != nullptr);
    CHECK(ui.Find(Role::Checkbox, "Maria Lopez") == nullptr);
    CHECK(ui.Find(Role::Checkbox, "TestBash") == nullptr);  // a drafted message names whom it greets
    CHECK(ui.FindContaining(Role::Button, "Add ") == nullptr);
    CHECK(ui.app.planner().model().contacts.size() == 1);
}

TEST_CASE("ui reflection: an event and an organization are offered with the learner's why, and open their pages") {
    Ui ui(1280, 800);
    Answer(ui, "attend-industry-events.r1", "TestBash Brighton in March - meet two speakers and learn about contract testing.");
    REQUIRE(ui.Find(Role::Checkbox, "TestBash Brighton in March") != nullptr);
    ui.Activate(Role::Button, "Add the event");
    REQUIRE(ui.app.planner().model().events.size() == 1);
    const pl::Event& e = ui.app.planner().model().events[0];
    CHECK(e.name == "TestBash Brighton in March");
    CHECK(e.notes == "meet two speakers and learn about contract testing");
    CHECK(e.day == pl::kNoDay);
    CHECK(ui.app.out.announce.find("without a date yet") != std::string::npos);
    ui.Frames(1);
    ui.Activate(Role::Button, "Open the planner");
    CHECK(ui.H1() == "Events");

    Answer(ui, "join-professional-organizations.r1",
           "I could join the Association for Software Testing and help with their newsletter.");
    REQUIRE(ui.Find(Role::Checkbox, "Association for Software Testing") != nullptr);
    ui.Activate(Role::Button, "Add the organization");
    REQUIRE(ui.app.planner().model().organizations.size() == 1);
    CHECK(ui.app.planner().model().organizations[0].status == pl::OrgStatus::Researching);
    ui.Frames(1);
    ui.Activate(Role::Button, "Open the planner");
    CHECK(ui.H1() == "Organizations");
}

TEST_CASE("ui reflection: no offer before the planner's code is here, nor for prompts that ask for no one") {
    Ui ui(1280, 800);
    ui.app.PlannerCodePending();
    Answer(ui, "building-relationships.r1", "Maria Lopez, Tom Chen");
    CHECK(ui.Find(Role::Checkbox, "Maria Lopez") == nullptr);
    ui.app.PlannerCodeArrived();
    ui.Frames(1);
    CHECK(ui.Find(Role::Checkbox, "Maria Lopez") != nullptr);

    Answer(ui, "building-relationships.r2", "Maria Lopez helped me when I started; we met at a meetup.");
    int offered = 0;
    for (const wb::SemNode* n : ui.All(Role::Checkbox)) offered += n->name == "Maria Lopez";
    CHECK(offered == 1);  // r1's; r2 asks for a story, not names
}

TEST_CASE("ui reflection: a name added in the planner by hand turns the offer's tick into held") {
    Ui ui(1280, 800);
    Answer(ui, "follow-up-and-stay-in-touch.r1", "Hi Dana, it was great to meet you at the DevOps Days panel.");
    REQUIRE(ui.Find(Role::Checkbox, "Dana") != nullptr);
    pl::Contact c;
    c.name = "dana";
    const pl::Id id = pl::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.app.planner().TouchContact(id);
    ui.Frames(1);
    CHECK(ui.Find(Role::Checkbox, "Dana") == nullptr);
    CHECK(ui.Find(Role::Text, "Dana: in your planner") != nullptr);
}
