// The planner's secondary pages (organizations, events, social plan, targets,
// goals, map, metrics), each hosted alone in the harness and driven like a
// learner drives it: clicks, typing and the DOM mirror's requests. Assertions
// are on the intents the page sends and on the semantics tree.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "core/planner.h"
#include "core/planner_text.h"
#include "core/state.h"
#include "harness.h"
#include "imgui_internal.h"
#include "ui/planner/planner_views.h"
#include "ui/view_util.h"

using wb::Role;
using wbtest::Ui;
namespace pl = wb::planner;

namespace {

using DrawPage = void (*)(const wb::ui::PlannerView&, wb::ui::PlannerUi&, wb::ui::PlannerIntents&);

// One page over a planner: the page is drawn every frame; the intents of the
// frames since the last Take() are kept (the latest of each kind wins), as the
// app would have applied them.
struct Page {
    Ui ui;
    pl::Planner planner;
    pl::Templates templates;
    wb::ui::PlannerUi pui;
    wb::ui::PlannerIntents got;
    pl::Day today = pl::DayFromYmd(2026, 11, 26);
    double last_ms = 0;

    explicit Page(DrawPage draw, float w = 1280, float h = 800, std::string_view stored = {}) : ui(w, h, stored) {
        ui.Host([this, draw] {
            wb::ui::PlannerView v{planner};
            v.today = today;
            v.loaded = true;
            v.templates = &templates;
            wb::ui::PlannerIntents o;
            auto t0 = std::chrono::steady_clock::now();
            draw(v, pui, o);
            last_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            Merge(o);
        });
    }
    void Merge(wb::ui::PlannerIntents& o) {
        if (o.open_contact) got.open_contact = o.open_contact;
        if (o.put_org) got.put_org = o.put_org;
        if (o.put_event) got.put_event = o.put_event;
        if (o.put_social) got.put_social = o.put_social;
        if (o.put_target) got.put_target = o.put_target;
        if (o.put_goal) got.put_goal = o.put_goal;
        got.edit_added |= o.edit_added;
        if (o.remove) got.remove = o.remove;
        if (o.attended) got.attended = o.attended;
        if (o.social_done) got.social_done = o.social_done;
    }
    wb::ui::PlannerIntents Take() {
        wb::ui::PlannerIntents t = std::move(got);
        got = {};
        return t;
    }
    // Types into a field: the DOM mirror sends its new text.
    void SetValue(Role role, const std::string& name, const std::string& text) {
        const wb::SemNode* n = ui.Find(role, name);
        REQUIRE_MESSAGE(n != nullptr, "no ", wb::RoleName(role), " named \"", name, "\"");
        wb::Sem().requests.set_value_id = n->id;
        wb::Sem().requests.set_value = text;
        ui.Frames(2);
    }
    std::string H1() const { return ui.H1(); }
};

pl::Contact Person(pl::Id id, const std::string& name, const std::string& company, const std::string& industry,
                   pl::Tier tier) {
    pl::Contact c;
    c.id = id;
    c.name = name;
    c.company = company;
    c.industry = industry;
    c.tier = tier;
    return c;
}

// Whether every node on screen lies within the display horizontally (nothing cut off at the right).
void CheckFitsWidth(const Ui& ui, float width) {
    for (const wb::SemNode& n : ui.Nodes()) {
        if (n.role == Role::Region || n.role == Role::List || n.role == Role::Group || n.role == Role::RadioGroup) continue;
        std::string what = wbtest::Describe(&n);
        CAPTURE(what);
        CHECK(n.max.x <= width + 0.5f);
    }
}

}  // namespace

// --- Organizations -------------------------------------------------------------------

TEST_CASE("pages: organizations start with an empty state that says what to do first") {
    Page pg(wb::ui::DrawOrganizations);
    pg.ui.Frame();
    CHECK(pg.H1() == "Organizations");
    CHECK(pg.ui.FindContaining(Role::Text, "No organizations yet.") != nullptr);
    CHECK(pg.ui.Find(Role::Button, "Add an organization") != nullptr);
}

TEST_CASE("pages: adding an organization sends it with id 0, its name and the kind picked") {
    Page pg(wb::ui::DrawOrganizations);
    pg.templates.organization_kinds = {"Professional association", "Alumni network"};
    pg.ui.Frame();
    pg.ui.Click(Role::Button, "Add an organization");
    REQUIRE(pg.ui.Find(Role::TextField, "Name") != nullptr);
    // An empty name is not sent.
    pg.ui.Activate(Role::Button, "Add the organization");
    CHECK_FALSE(pg.Take().put_org.has_value());
    CHECK(pg.ui.FindContaining(Role::Text, "Name: empty") != nullptr);

    pg.SetValue(Role::TextField, "Name", "Society of Data Analysts");
    pg.ui.Click(Role::Radio, "Alumni network");
    pg.ui.Activate(Role::Button, "Add the organization");
    auto in = pg.Take();
    REQUIRE(in.put_org.has_value());
    CHECK(in.put_org->id == 0);
    CHECK(in.put_org->name == "Society of Data Analysts");
    CHECK(in.put_org->kind == "Alumni network");
    CHECK(in.edit_added);  // the new record opens for editing (the app sets editing to the id it gives)
}

TEST_CASE("pages: an organization's status radio sends the record with the new status") {
    Page pg(wb::ui::DrawOrganizations);
    pl::Organization o;
    o.id = 4;
    o.name = "IEEE";
    o.kind = "Professional association";
    o.notes = "keep me";
    pg.planner.organizations.push_back(o);
    pg.ui.Frame();
    pg.ui.Click(Role::Button, "Edit IEEE");
    REQUIRE(pg.pui.editing == 4);
    const wb::SemNode* researching = pg.ui.Find(Role::Radio, "Researching");
    REQUIRE(researching != nullptr);
    CHECK((researching->flags & wb::SemFlag_Checked) != 0);
    pg.Take();
    pg.ui.Click(Role::Radio, "Member");
    auto in = pg.Take();
    REQUIRE(in.put_org.has_value());
    CHECK(in.put_org->id == 4);
    CHECK(in.put_org->status == pl::OrgStatus::Member);
    CHECK(in.put_org->notes == "keep me");  // the record goes whole
}

TEST_CASE("pages: an invalid renewal date is flagged with a message and not sent; a valid one is") {
    Page pg(wb::ui::DrawOrganizations);
    pl::Organization o;
    o.id = 2;
    o.name = "Alumni";
    pg.planner.organizations.push_back(o);
    pg.pui.editing = 2;
    pg.ui.Frames(2);
    const char* field = "Renewal date (YYYY-MM-DD)";
    pg.SetValue(Role::TextField, field, "2026-13-40");
    const wb::SemNode* n = pg.ui.Find(Role::TextField, field);
    REQUIRE(n != nullptr);
    CHECK((n->flags & wb::SemFlag_Invalid) != 0);
    CHECK(n->desc.find("Renewal date") != std::string::npos);     // where
    CHECK(n->desc.find("is not a date") != std::string::npos);    // what
    CHECK(n->desc.find("no month 13") != std::string::npos);      // why
    CHECK(n->desc.find("YYYY-MM-DD") != std::string::npos);       // what to do
    CHECK_FALSE(pg.Take().put_org.has_value());

    pg.SetValue(Role::TextField, field, "2026-12-10");
    n = pg.ui.Find(Role::TextField, field);
    REQUIRE(n != nullptr);
    CHECK((n->flags & wb::SemFlag_Invalid) == 0);
    auto in = pg.Take();
    REQUIRE(in.put_org.has_value());
    CHECK(in.put_org->renewal == pl::DayFromYmd(2026, 12, 10));
}

TEST_CASE("pages: dues are parsed as money, roles split at commas") {
    Page pg(wb::ui::DrawOrganizations);
    pl::Organization o;
    o.id = 2;
    o.name = "Alumni";
    pg.planner.organizations.push_back(o);
    pg.pui.editing = 2;
    pg.ui.Frames(2);
    pg.SetValue(Role::TextField, "Dues per year", "1,249.5");
    auto in = pg.Take();
    REQUIRE(in.put_org.has_value());
    CHECK(in.put_org->dues_cents == 124950);
    pg.SetValue(Role::TextField, "Dues per year", "about 12");
    CHECK_FALSE(pg.Take().put_org.has_value());
    CHECK((pg.ui.Find(Role::TextField, "Dues per year")->flags & wb::SemFlag_Invalid) != 0);
    pg.SetValue(Role::TextField, "Roles taken (separated by commas)", "volunteer,  committee member ,");
    in = pg.Take();
    REQUIRE(in.put_org.has_value());
    CHECK(in.put_org->roles == std::vector<std::string>{"volunteer", "committee member"});
}

TEST_CASE("pages: a renewal in the next 30 days is called out in words; deleting asks first") {
    Page pg(wb::ui::DrawOrganizations);
    pl::Organization soon, later;
    soon.id = 1;
    soon.name = "Soon Society";
    soon.renewal = pg.today + 12;
    later.id = 2;
    later.name = "Later League";
    later.renewal = pg.today + 90;
    pg.planner.organizations = {later, soon};
    pg.ui.Frame();
    CHECK(pg.ui.FindContaining(Role::Text, "Renewal in 12 days") != nullptr);
    // Listed first, before the later one.
    const wb::SemNode* a = pg.ui.Find(Role::Heading, "Soon Society");
    const wb::SemNode* b = pg.ui.Find(Role::Heading, "Later League");
    REQUIRE((a && b));
    CHECK(a->min.y < b->min.y);

    pg.ui.Click(Role::Button, "Edit Soon Society");
    pg.ui.Activate(Role::Button, "Delete Soon Society");
    CHECK_FALSE(pg.Take().remove.has_value());
    pg.ui.Activate(Role::Button, "Yes, delete \xE2\x80\x9CSoon Society\xE2\x80\x9D");
    auto in = pg.Take();
    REQUIRE(in.remove.has_value());
    CHECK(in.remove->first == wb::ui::RecordKind::Organization);
    CHECK(in.remove->second == 1);
}

// --- Events ----------------------------------------------------------------------------

TEST_CASE("pages: an event attended with two people sends both ids, and the people met show their follow-up") {
    Page pg(wb::ui::DrawEvents);
    pg.planner.contacts = {Person(1, "Ada Lovelace", "Analytical", "Tech", pl::Tier::Close),
                           Person(2, "Grace Hopper", "Navy", "Tech", pl::Tier::Active),
                           Person(3, "Alan Turing", "NPL", "Tech", pl::Tier::Extended)};
    pl::Event e;
    e.id = 7;
    e.name = "Data Summit";
    e.day = pg.today - 1;
    pg.planner.events.push_back(e);
    pg.ui.Frame();
    CHECK(pg.H1() == "Events");
    CHECK(pg.ui.Find(Role::Heading, "Past") != nullptr);
    pg.ui.Click(Role::Button, "Open Data Summit");
    pg.ui.Activate(Role::Button, "I attended: choose people met");
    pg.SetValue(Role::TextField, "Find a contact by name", "a");
    CHECK(pg.ui.Find(Role::Button, "Add Ada Lovelace (Analytical)") != nullptr);
    CHECK(pg.ui.Find(Role::Button, "Add Alan Turing (NPL)") != nullptr);
    pg.SetValue(Role::TextField, "Find a contact by name", "LOVE");
    CHECK(pg.ui.Find(Role::Button, "Add Alan Turing (NPL)") == nullptr);
    pg.ui.Activate(Role::Button, "Add Ada Lovelace (Analytical)");
    pg.SetValue(Role::TextField, "Find a contact by name", "grace");
    pg.ui.Activate(Role::Button, "Add Grace Hopper (Navy)");
    CHECK(pg.ui.Find(Role::Button, "Add Grace Hopper (Navy)") == nullptr);  // chosen, no longer offered
    pg.ui.Activate(Role::Button, "Mark attended with 2 people met");
    auto in = pg.Take();
    REQUIRE(in.attended.has_value());
    CHECK(in.attended->first == 7);
    CHECK(in.attended->second == std::vector<pl::Id>{1, 2});

    // As the app applies it: attended, and a follow-up due within 48 hours each.
    pg.planner.events[0].attended = true;
    pg.planner.events[0].met = {1, 2};
    pg.planner.events[0].rev.at = 1;
    pg.planner.contacts[0].follow_up_by = pg.today + 1;
    pg.planner.contacts[1].follow_up_by = pg.today - 1;
    pg.ui.Frames(2);
    CHECK(pg.ui.FindContaining(Role::Link, "Ada Lovelace (Analytical): follow up by 2026-11-27") != nullptr);
    CHECK(pg.ui.FindContaining(Role::Link, "Grace Hopper (Navy): follow-up overdue") != nullptr);
    std::string ada = pg.ui.FindContaining(Role::Link, "Ada Lovelace")->name;  // a copy: the tree is redrawn
    pg.ui.Activate(Role::Link, ada);
    in = pg.Take();
    REQUIRE(in.open_contact.has_value());
    CHECK(*in.open_contact == 1);
}

TEST_CASE("pages: the preparation checklist adds items and checks them off") {
    Page pg(wb::ui::DrawEvents);
    pl::Event e;
    e.id = 3;
    e.name = "Meetup";
    e.day = pg.today + 5;
    e.prep = {{"Print cards", false}};
    pg.planner.events.push_back(e);
    pg.pui.editing = 3;
    pg.ui.Frames(2);
    CHECK(pg.ui.Find(Role::Heading, "Upcoming") != nullptr);
    const wb::SemNode* box = pg.ui.Find(Role::Checkbox, "Print cards");
    REQUIRE(box != nullptr);
    CHECK((box->flags & wb::SemFlag_Checked) == 0);
    pg.ui.Click(Role::Checkbox, "Print cards");
    auto in = pg.Take();
    REQUIRE(in.put_event.has_value());
    REQUIRE(in.put_event->prep.size() == 1);
    CHECK(in.put_event->prep[0].done);

    pg.SetValue(Role::TextField, "New checklist item", "Write a 30-second introduction");
    pg.ui.Activate(Role::Button, "Add the item to the checklist");
    in = pg.Take();
    REQUIRE(in.put_event.has_value());
    REQUIRE(in.put_event->prep.size() == 2);
    CHECK(in.put_event->prep[1].text == "Write a 30-second introduction");
    CHECK_FALSE(in.put_event->prep[1].done);
}

// --- Social ----------------------------------------------------------------------------

TEST_CASE("pages: a social plan shows its streak and due state; Done today sends social_done") {
    Page pg(wb::ui::DrawSocial);
    pl::SocialPlan s;
    s.id = 5;
    s.platform = "LinkedIn";
    s.action = pl::SocialAction::Comment;
    s.every_days = 3;
    s.done = {pg.today - 9, pg.today - 6, pg.today - 3};
    pg.planner.social.push_back(s);
    pg.ui.Frame();
    CHECK(pg.H1() == "Social media plan");
    int streak = pl::CurrentStreak(s, pg.today);
    std::string want = "Streak: " + std::to_string(streak);
    CHECK(pg.ui.FindContaining(Role::Text, want) != nullptr);
    CHECK((pl::DueNow(s, pg.today) == (pg.ui.FindContaining(Role::Text, "Due now.") != nullptr)));
    CHECK(pg.ui.FindContaining(Role::Text, "Last done: 2026-11-23, 2026-11-20") != nullptr);
    pg.ui.Click(Role::Button, "Done today: LinkedIn: comment on others' posts every 3 days");
    auto in = pg.Take();
    REQUIRE(in.social_done.has_value());
    CHECK(*in.social_done == 5);
}

TEST_CASE("pages: social starters from the templates are added as plans with id 0") {
    Page pg(wb::ui::DrawSocial);
    pl::SocialPlan st;
    st.platform = "LinkedIn";
    st.action = pl::SocialAction::Post;
    st.every_days = 14;
    pg.templates.social.push_back(st);
    pg.ui.Frame();
    CHECK(pg.ui.FindContaining(Role::Text, "No social media plan yet.") != nullptr);
    pg.ui.Activate(Role::Button, "Add: LinkedIn: post every 14 days");
    auto in = pg.Take();
    REQUIRE(in.put_social.has_value());
    CHECK(in.put_social->id == 0);
    CHECK(in.put_social->platform == "LinkedIn");
    CHECK(in.put_social->every_days == 14);
}

// --- Targets ---------------------------------------------------------------------------

TEST_CASE("pages: targets are ranked by score; a slider set through the DOM sends put_target") {
    Page pg(wb::ui::DrawTargets);
    pl::Target low, high;
    low.id = 1;
    low.company = "Initech";
    low.advocacy = 1;
    high.id = 2;
    high.company = "Northwind";
    high.advocacy = 4;
    high.motivation = 5;
    high.notes = "ask Ada";
    pg.planner.targets = {low, high};
    pg.ui.Frame();
    CHECK(pg.H1() == "Target companies");
    const wb::SemNode* first = pg.ui.FindContaining(Role::Heading, "1. ");
    REQUIRE(first != nullptr);
    CHECK(first->name.find("Northwind") != std::string::npos);
    const wb::SemNode* slider = pg.ui.Find(Role::Slider, "Openings for Initech");
    REQUIRE(slider != nullptr);
    CHECK(slider->value == "0");
    pg.SetValue(Role::Slider, "Openings for Initech", "4");
    auto in = pg.Take();
    REQUIRE(in.put_target.has_value());
    CHECK(in.put_target->id == 1);
    CHECK(in.put_target->openings == 4);
    CHECK(in.put_target->advocacy == 1);
    // Out of range is clamped to the scale.
    pg.SetValue(Role::Slider, "Motivation for Northwind", "-3");
    in = pg.Take();
    REQUIRE(in.put_target.has_value());
    CHECK(in.put_target->motivation == 0);
    CHECK(in.put_target->notes == "ask Ada");
}

TEST_CASE("pages: adding a target company sends it with id 0; removing asks first") {
    Page pg(wb::ui::DrawTargets);
    pl::Target t;
    t.id = 9;
    t.company = "Contoso";
    pg.planner.targets = {t};
    pg.ui.Frame();
    pg.ui.Activate(Role::Button, "Add a target company");
    pg.SetValue(Role::TextField, "Company", "Fabrikam");
    pg.ui.Activate(Role::Button, "Add the company");
    auto in = pg.Take();
    REQUIRE(in.put_target.has_value());
    CHECK(in.put_target->id == 0);
    CHECK(in.put_target->company == "Fabrikam");
    pg.ui.Activate(Role::Button, "Delete Contoso");
    pg.ui.Activate(Role::Button, "Yes, delete \xE2\x80\x9C" "Contoso\xE2\x80\x9D");
    in = pg.Take();
    REQUIRE(in.remove.has_value());
    CHECK(*in.remove == std::make_pair(wb::ui::RecordKind::Target, pl::Id(9)));
}

// --- Goals -----------------------------------------------------------------------------

TEST_CASE("pages: a goal shows its progress as a progress bar with the count in words") {
    Page pg(wb::ui::DrawGoals);
    pl::Contact c = Person(1, "Ada", "A", "Tech", pl::Tier::Inner);
    for (int d : {0, 1, 2}) c.log.push_back({pl::WeekStart(pg.today) + d, pl::Channel::Email, "", pl::Help::None, ""});
    pg.planner.contacts = {c};
    pl::Goal g;
    g.id = 3;
    g.kind = pl::GoalKind::FollowUps;
    g.period = pl::GoalPeriod::Week;
    g.target = 5;
    pg.planner.goals = {g};
    pg.ui.Frame();
    CHECK(pg.H1() == "Goals");
    int done = pl::Progress(pg.planner, g, pg.today);
    const wb::SemNode* bar = pg.ui.Find(Role::Progress, "Follow-ups per week");
    REQUIRE(bar != nullptr);
    CHECK(bar->value == std::to_string(done) + " of 5 follow-ups this week");
    CHECK((bar->flags & wb::SemFlag_Focusable) == 0);

    pg.ui.Activate(Role::Button, "Change target: Follow-ups per week");
    pg.SetValue(Role::Slider, "Target: Follow-ups per week", "8");
    auto in = pg.Take();
    REQUIRE(in.put_goal.has_value());
    CHECK(in.put_goal->id == 3);
    CHECK(in.put_goal->target == 8);
}

TEST_CASE("pages: starter goals from the templates are added with id 0") {
    Page pg(wb::ui::DrawGoals);
    pl::Goal st;
    st.kind = pl::GoalKind::NewContacts;
    st.period = pl::GoalPeriod::Month;
    st.target = 4;
    pg.templates.goals.push_back(st);
    pg.ui.Frame();
    CHECK(pg.ui.FindContaining(Role::Text, "No goals yet.") != nullptr);
    pg.ui.Activate(Role::Button, "Add goal: 4 new contacts a month");
    auto in = pg.Take();
    REQUIRE(in.put_goal.has_value());
    CHECK(in.put_goal->id == 0);
    CHECK(in.put_goal->kind == pl::GoalKind::NewContacts);
    CHECK(in.put_goal->target == 4);
}

// --- Map -------------------------------------------------------------------------------

namespace {
void FillNetwork(pl::Planner& p, int n, pl::Day today) {
    const char* industries[] = {"Tech", "Finance", "Health", "Education", "Retail", "Energy", "Media", "Government"};
    p.contacts.reserve(n);
    for (int i = 1; i <= n; ++i) {
        pl::Contact c = Person(static_cast<pl::Id>(i), "Person " + std::to_string(i), "Company " + std::to_string(i % 400),
                               industries[i % 8], static_cast<pl::Tier>(i % 4));
        if (i % 5 != 0) c.log.push_back({today - (i * 7) % 400, pl::Channel::Email, "", pl::Help::None, ""});
        p.contacts.push_back(std::move(c));
    }
    p.next_id = static_cast<pl::Id>(n + 1);
}
}  // namespace

// "... 5,251 in view at 338% zoom": the count of people in view, from the map's summary.
int InViewOf(const std::string& summary) {
    size_t at = summary.find(" in view");
    REQUIRE(at != std::string::npos);
    std::string n = summary.substr(summary.rfind(' ', at - 1) + 1, at - summary.rfind(' ', at - 1) - 1);
    n.erase(std::remove(n.begin(), n.end(), ','), n.end());
    return std::stoi(n);
}

TEST_CASE("pages: the map with 30,000 people draws aggregated, with a summary and a bounded list") {
    Page pg(wb::ui::DrawMap);
    FillNetwork(pg.planner, 30000, pg.today);
    pg.ui.Frame();  // builds the cached layout
    double first = pg.last_ms;
    pg.ui.Frames(3);
    double steady = pg.last_ms;
    // The whole frame as the platform runs it (NewFrame, the page, Render), not only the page.
    auto t0 = std::chrono::steady_clock::now();
    pg.ui.Frames(10);
    double whole = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10;
    MESSAGE("30,000-person map: first draw (layout) ", first, " ms, steady draw ", steady, " ms, whole frame ", whole, " ms");
    CHECK(pg.H1() == "Network map");
    const wb::SemNode* region = pg.ui.Find(Role::Region, "Network map");
    REQUIRE(region != nullptr);
    const wb::SemNode* summary = pg.ui.FindContaining(Role::Text, "Network map: 30,000 people;");
    REQUIRE(summary != nullptr);
    CHECK(summary->name.find("shown as density") != std::string::npos);
    auto m = pl::ComputeMetrics(pg.planner, pg.today);
    CHECK(summary->name.find(pl::Grouped(static_cast<size_t>(m.overdue)) + " overdue") != std::string::npos);
    CHECK(pg.ui.All(Role::Link).size() <= 20);
    CHECK(pg.ui.Find(Role::Button, "Zoom in") != nullptr);
    CHECK(pg.ui.Find(Role::Button, "Pan left") != nullptr);

    // The wheel zooms every frame: the names are placed again each time.
    double wheeling = 0;
    for (int i = 0; i < 10; ++i) {
        pg.pui.map_zoom *= i % 2 ? 1 / 1.05f : 1.05f;
        pg.ui.Frame();
        wheeling += pg.last_ms / 10;
    }
    MESSAGE("30,000-person map, the zoom changing every frame: draw ", wheeling, " ms");

    // Zoomed in on part of the Extended ring, the map draws each person in view.
    pg.ui.Activate(Role::Button, "Zoom in");
    CHECK(pg.pui.map_zoom == doctest::Approx(1.5f));
    pg.pui.map_zoom = 8.0f;
    pg.pui.map_pan = ImVec2(-0.9f * 8 * 0.92f, 0);  // the view's middle at (0.9, 0) in map units
    pg.ui.Frames(2);
    t0 = std::chrono::steady_clock::now();
    pg.ui.Frames(10);
    whole = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10;
    MESSAGE("30,000-person map zoomed in: draw ", pg.last_ms, " ms, whole frame ", whole, " ms");
    // Dragging moves the view every frame: the names are placed again each time.
    double dragging = 0;
    for (int i = 0; i < 10; ++i) {
        pg.pui.map_pan.y += 0.01f;
        pg.ui.Frame();
        dragging += pg.last_ms / 10;
    }
    pg.pui.map_pan.y -= 0.1f;
    pg.ui.Frame();
    MESSAGE("30,000-person map zoomed in, the view moving every frame: draw ", dragging, " ms");
    summary = pg.ui.FindContaining(Role::Text, "Network map: 30,000 people;");
    REQUIRE(summary != nullptr);
    CHECK(summary->name.find("shown as density") == std::string::npos);
    const int in_view = InViewOf(summary->name);
    MESSAGE(in_view, " people in view");
    CHECK(in_view > 0);
    CHECK(in_view <= 2500);
    CHECK(pg.ui.All(Role::Link).size() == static_cast<size_t>(std::min(in_view, 20)));
}

TEST_CASE("pages: the map's people are links; hovering shows who, clicking opens the contact; the wheel zooms") {
    Page pg(wb::ui::DrawMap);
    pg.planner.contacts = {Person(1, "Ada Lovelace", "Analytical", "Tech", pl::Tier::Inner)};
    pg.planner.next_id = 2;
    pg.ui.Frames(2);
    const wb::SemNode* link = pg.ui.FindContaining(Role::Link, "Ada Lovelace (Analytical)");
    REQUIRE(link != nullptr);
    CHECK(link->name.find("never contacted") != std::string::npos);
    std::string ada = link->name;  // a copy: the tree is redrawn
    pg.ui.Activate(Role::Link, ada);
    auto in = pg.Take();
    REQUIRE(in.open_contact.has_value());
    CHECK(*in.open_contact == 1);

    // The dot itself: where the layout puts the one person (the outer ring,
    // radius 1, is drawn at 0.92 of half the square at zoom 1).
    const wb::SemNode* region = pg.ui.Find(Role::Region, "Network map");
    REQUIRE(region != nullptr);
    std::vector<pl::MapPoint> pts = pl::LayoutMap(pg.planner, pg.today);
    REQUIRE(pts.size() == 1);
    ImVec2 c = wbtest::Centre(*region);
    float half = (region->max.x - region->min.x) * 0.5f * 0.92f;
    ImVec2 dot(c.x + std::cos(pts[0].angle) * pts[0].radius * half, c.y + std::sin(pts[0].angle) * pts[0].radius * half);
    ImGui::GetIO().AddMousePosEvent(dot.x, dot.y);
    pg.ui.Frames(2);
    ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
    CHECK((tip != nullptr && tip->Active));  // hover shows who
    pg.ui.ClickAt(dot);
    in = pg.Take();
    REQUIRE(in.open_contact.has_value());
    CHECK(*in.open_contact == 1);

    float before = pg.pui.map_zoom;
    pg.ui.Wheel(c, 2.0f);
    CHECK(pg.pui.map_zoom > before);
}

namespace {
// People as an import leaves them: no tier (drawn on the outer ring), no industry.
void FillImported(pl::Planner& p, int n) {
    p.contacts.reserve(n);
    for (int i = 1; i <= n; ++i)
        p.contacts.push_back(Person(static_cast<pl::Id>(i), "Imported " + std::to_string(i), "Company " + std::to_string(i % 50), "",
                                    pl::Tier::None));
    p.next_id = static_cast<pl::Id>(n + 1);
}

// Where the page draws map units, worked out from the region's rectangle and
// the zoom and pan, as the map's doc comment says (not from the view's code).
struct DrawnMap {
    ImVec2 centre;
    float scale, half;
    ImVec2 box_min, box_max;
};
DrawnMap Drawn(const Page& pg) {
    const wb::SemNode* region = pg.ui.Find(Role::Region, "Network map");
    REQUIRE(region != nullptr);
    DrawnMap d;
    d.half = (region->max.x - region->min.x) * 0.5f;
    ImVec2 c = wbtest::Centre(*region);
    d.centre = ImVec2(c.x + pg.pui.map_pan.x * d.half, c.y + pg.pui.map_pan.y * d.half);
    d.scale = d.half * pg.pui.map_zoom * 0.92f;
    d.box_min = region->min;
    d.box_max = region->max;
    return d;
}

int InView(const Page& pg) {
    const wb::SemNode* summary = pg.ui.FindContaining(Role::Text, "Network map: ");
    REQUIRE(summary != nullptr);
    return InViewOf(summary->name);
}

// Each name's rectangle against each person's mark drawn in the square (the
// mark's circumscribed circle: a square's corners reach r * sqrt 2).
int LabelsOverMarks(const Page& pg) {
    DrawnMap d = Drawn(pg);
    float r = wb::ui::MapDotRadius(pg.pui.map_zoom, wb::ui::Em()) * 1.415f;
    int bad = 0;
    for (const pl::MapPoint& pt : pl::LayoutMap(pg.planner, pg.today)) {
        ImVec2 s(d.centre.x + std::cos(pt.angle) * pt.radius * d.scale, d.centre.y + std::sin(pt.angle) * pt.radius * d.scale);
        if (s.x < d.box_min.x - r || s.x > d.box_max.x + r || s.y < d.box_min.y - r || s.y > d.box_max.y + r) continue;
        for (const auto& l : pg.pui.map.labels) {
            float dx = s.x - std::clamp(s.x, l.rect.min.x, l.rect.max.x), dy = s.y - std::clamp(s.y, l.rect.min.y, l.rect.max.y);
            if (dx * dx + dy * dy < r * r) {
                if (bad++ < 3) MESSAGE("'", l.text, "' covers the mark at ", s.x, ", ", s.y);
            }
        }
    }
    return bad;
}

// Names against density cells (ring sectors), sampled every 2 px over each name.
int LabelsOverCells(const Page& pg) {
    DrawnMap d = Drawn(pg);
    int bad = 0;
    for (const pl::MapCell& c : pl::AggregateMap(pg.planner, pg.today))
        for (const auto& l : pg.pui.map.labels)
            for (float y = l.rect.min.y; y <= l.rect.max.y; y += 2)
                for (float x = l.rect.min.x; x <= l.rect.max.x; x += 2) {
                    float rr = std::hypot(x - d.centre.x, y - d.centre.y) / d.scale;
                    float an = std::atan2(y - d.centre.y, x - d.centre.x);
                    if (an < c.angle0) an += 6.2831853f;
                    if (rr >= c.r0 && rr <= c.r1 && an >= c.angle0 && an <= c.angle1) {
                        if (bad++ < 3) MESSAGE("'", l.text, "' covers a density cell at ", x, ", ", y);
                        y = l.rect.max.y + 1;  // one report per name and cell
                        break;
                    }
                }
    return bad;
}

bool Aggregated(const Page& pg) { return pg.ui.FindContaining(Role::Text, "shown as density") != nullptr; }

bool HasRingLabel(const Page& pg, const char* name) {
    for (const auto& l : pg.pui.map.labels)
        if (l.ring && l.text == name) return true;
    return false;
}
}  // namespace

TEST_CASE("map geometry: a label goes where no disc is, or nowhere") {
    using namespace wb::ui;
    MapRect box{ImVec2(0, 0), ImVec2(200, 200)};
    MapObstacles obs;
    obs.Clear(box, ImVec2(100, 100));
    for (int x = 0; x <= 200; x += 10)
        for (int y = 0; y <= 100; y += 10) obs.discs.push_back({ImVec2(static_cast<float>(x), static_cast<float>(y)), 4});
    obs.Index();
    MapRect at{};
    // Round a circle of radius 50: the top half is full, the first free spot is lower.
    std::vector<ImVec2> spots;
    LabelCandidates(ImVec2(100, 100), 50, -IM_PI * 1.5f, IM_PI * 0.5f, -IM_PI / 2, ImVec2(40, 14), false, box, spots);
    REQUIRE(!spots.empty());
    CHECK(spots[0].y == doctest::Approx(50));  // the top first
    REQUIRE(PlaceLabel(obs, box, ImVec2(40, 14), spots, at));
    CHECK(at.min.y >= 104);
    for (const auto& dsc : obs.discs) {
        float dx = dsc.c.x - std::clamp(dsc.c.x, at.min.x, at.max.x), dy = dsc.c.y - std::clamp(dsc.c.y, at.min.y, at.max.y);
        CHECK(dx * dx + dy * dy >= dsc.r * dsc.r);
    }
    // A second label must not sit on the first.
    MapRect second{};
    REQUIRE(PlaceLabel(obs, box, ImVec2(40, 14), spots, second));
    CHECK((second.min.x >= at.max.x || second.max.x <= at.min.x || second.min.y >= at.max.y || second.max.y <= at.min.y));
    // Only full spots: left out.
    std::vector<ImVec2> full = {ImVec2(50, 50), ImVec2(150, 20)};
    CHECK_FALSE(PlaceLabel(obs, box, ImVec2(40, 14), full, at));
    // Outside the box: left out too.
    std::vector<ImVec2> out = {ImVec2(195, 190)};
    CHECK_FALSE(PlaceLabel(obs, box, ImVec2(40, 14), out, at));
}

TEST_CASE("map geometry: zooming in on a ring with an empty middle keeps people in view") {
    using namespace wb::ui;
    // People on the outer ring only, evenly round it.
    std::vector<ImVec2> xy;
    for (int i = 0; i < 3000; ++i) {
        float an = 6.2831853f * i / 3000, rr = 0.8f + 0.18f * ((i * 7919) % 100) / 100.0f;
        xy.emplace_back(std::cos(an) * rr, std::sin(an) * rr);
    }
    auto in_view = [&](const MapView& v) {
        ImVec2 mid = MapViewMiddle(v);
        float h = 1 / (v.zoom * kMapFit);
        int n = 0;
        for (ImVec2 p : xy) n += std::abs(p.x - mid.x) <= h && std::abs(p.y - mid.y) <= h;
        return n;
    };
    MapView v;
    for (int step = 1; step <= 6; ++step) {
        v = ZoomStep(v, 1.5f, xy);
        CHECK(v.zoom == doctest::Approx(std::pow(1.5f, static_cast<float>(step))));
        // The view's area shrinks 2.25 times a step; the people in it may not shrink faster than ~3 times.
        CHECK(in_view(v) >= static_cast<int>(3000 / std::pow(3.0f, static_cast<float>(step))));
    }
    // Zooming out keeps what was in view in view, and as often as in comes back to the whole map.
    for (int step = 1; step <= 6; ++step) {
        MapView o = ZoomStep(v, 1 / 1.5f, xy);
        ImVec2 was = MapViewMiddle(v), now = MapViewMiddle(o);
        float grew = 1 / (o.zoom * kMapFit) - 1 / (v.zoom * kMapFit);
        CHECK(std::abs(now.x - was.x) <= grew + 1e-5f);
        CHECK(std::abs(now.y - was.y) <= grew + 1e-5f);
        CHECK(std::hypot(now.x, now.y) <= std::hypot(was.x, was.y) + 1e-5f);
        v = o;
    }
    CHECK(v.zoom == doctest::Approx(1));
    CHECK(in_view(v) == 3000);
    // Where the middle holds people, zooming in stays on it.
    std::vector<ImVec2> middle(500, ImVec2(0.01f, -0.02f));
    MapView c = ZoomStep(MapView{}, 1.5f, middle);
    CHECK(MapViewMiddle(c).x == doctest::Approx(0));
    CHECK(MapViewMiddle(c).y == doctest::Approx(0));
}

TEST_CASE("pages: the map's names cover no one, 200 and 30,000 people, wide and narrow") {
    struct Case { float w, h; int people; };
    for (Case k : {Case{1440, 900, 200}, Case{375, 800, 200}, Case{1440, 900, 30000}, Case{375, 800, 30000}}) {
        CAPTURE(k.w);
        CAPTURE(k.people);
        Page pg(wb::ui::DrawMap, k.w, k.h);
        FillImported(pg.planner, k.people);
        // Some sorted into tiers, so every ring has people.
        for (int i = 0; i < k.people / 10; ++i) pg.planner.contacts[static_cast<size_t>(i * 10)].tier = static_cast<pl::Tier>(i % 3);
        pg.ui.Frames(2);
        // Density cells draw no one's mark (their names are tested below).
        CHECK(Aggregated(pg) == (k.people > 2500));
        if (!Aggregated(pg)) CHECK(LabelsOverMarks(pg) == 0);
        // Each ring and the one industry sector have their names, even at 375 px.
        for (const char* ring : {"Inner", "Close", "Active", "Extended"}) CHECK(HasRingLabel(pg, ring));
        CHECK(pg.pui.map.labels.size() == 5);
        std::string names;
        for (const auto& l : pg.pui.map.labels) names += " '" + l.text + "'";
        MESSAGE(k.w, " px, ", k.people, " people: ", pg.pui.map.labels.size(), " names placed:", names);
        // Zoomed in until each person is drawn, the names still keep off the marks.
        for (int i = 0; i < 8 && (i < 3 || Aggregated(pg)); ++i) {
            pg.ui.Activate(Role::Button, "Zoom in");
            pg.ui.Frames(1);
        }
        pg.ui.Frames(1);
        REQUIRE_FALSE(Aggregated(pg));
        MESSAGE("zoomed to ", pg.pui.map_zoom * 100, "%: ", InView(pg), " in view, ", pg.pui.map.labels.size(), " names placed");
        CHECK(LabelsOverMarks(pg) == 0);
        // An industry's name stays beside the outer ring, not pushed far into the square.
        DrawnMap d = Drawn(pg);
        for (const auto& l : pg.pui.map.labels) {
            if (l.ring) continue;
            float from = std::hypot((l.rect.min.x + l.rect.max.x) * 0.5f - d.centre.x, (l.rect.min.y + l.rect.max.y) * 0.5f - d.centre.y);
            CHECK(std::abs(from - d.scale) <= (l.rect.max.x - l.rect.min.x) + (l.rect.max.y - l.rect.min.y));
        }
    }
}

TEST_CASE("pages: the map of 30,000 imported people: the names keep off the density cells") {
    for (float w : {1440.0f, 375.0f}) {
        CAPTURE(w);
        Page pg(wb::ui::DrawMap, w, 900);
        FillImported(pg.planner, 30000);
        pg.ui.Frames(2);
        CHECK(LabelsOverCells(pg) == 0);
        // The empty inner rings have their names; the full outer one has its name outside it.
        CHECK(HasRingLabel(pg, "Inner"));
        CHECK(HasRingLabel(pg, "Extended"));
        // What placing the names costs: the view still (placed once) against the zoom changing every frame.
        double still = 0, zooming = 0;
        for (int i = 0; i < 40; ++i) {
            pg.ui.Frame();
            still += pg.last_ms / 40;
        }
        for (int i = 0; i < 40; ++i) {
            pg.pui.map_zoom *= i % 2 ? 1 / 1.05f : 1.05f;
            pg.ui.Frame();
            zooming += pg.last_ms / 40;
        }
        MESSAGE(w, " px, 30,000 imported: draw ", still, " ms with the view still, ", zooming, " ms zooming every frame");
    }
}

TEST_CASE("pages: the map: zooming in with the buttons keeps people in view (an import: all on the outer ring)") {
    for (int people : {200, 30000}) {
        for (float w : {1440.0f, 375.0f}) {
            CAPTURE(people);
            CAPTURE(w);
            Page pg(wb::ui::DrawMap, w, 900);
            FillImported(pg.planner, people);
            pg.ui.Frames(2);
            CHECK(InView(pg) == people);
            for (int step = 1; step <= 5; ++step) {
                pg.ui.Activate(Role::Button, "Zoom in");
                pg.ui.Frames(1);
                int n = InView(pg);
                // The view's area shrinks 2.25 times a step; what is in it must not vanish.
                CHECK(n >= std::max(1, static_cast<int>(people / std::pow(3.0f, static_cast<float>(step)))));
                if (step == 3) MESSAGE(people, " people, ", w, " px: ", n, " in view at 338%");
            }
            // What is drawn is in the square: the people in view are on screen, not only in its margin.
            DrawnMap d = Drawn(pg);
            int on_screen = 0;
            for (const pl::MapPoint& pt : pl::LayoutMap(pg.planner, pg.today)) {
                float x = d.centre.x + std::cos(pt.angle) * pt.radius * d.scale, y = d.centre.y + std::sin(pt.angle) * pt.radius * d.scale;
                on_screen += x >= d.box_min.x && x <= d.box_max.x && y >= d.box_min.y && y <= d.box_max.y;
            }
            CHECK(on_screen >= std::max(1, people / 1000));
        }
    }
}

// --- Metrics ---------------------------------------------------------------------------

TEST_CASE("pages: metrics' text equivalents match ComputeMetrics") {
    Page pg(wb::ui::DrawMetrics);
    pg.planner.contacts = {Person(1, "A", "Acme", "Tech", pl::Tier::Inner), Person(2, "B", "Acme", "Tech", pl::Tier::Close),
                           Person(3, "C", "Globex", "Finance", pl::Tier::Extended),
                           Person(4, "D", "", "Health", pl::Tier::Extended)};
    pg.planner.contacts[0].log.push_back({pg.today - 2, pl::Channel::Call, "", pl::Help::None, ""});
    pg.planner.contacts[2].log.push_back({pg.today - 400, pl::Channel::Call, "", pl::Help::None, ""});
    pl::Goal g;
    g.id = 1;
    g.kind = pl::GoalKind::FollowUps;
    g.target = 3;
    pg.planner.goals = {g};
    pg.ui.Frame();
    CHECK(pg.H1() == "Metrics");
    pl::Metrics m = pl::ComputeMetrics(pg.planner, pg.today);
    const char* tiers[] = {"Inner", "Close", "Active", "Extended"};
    for (int t = 0; t < 4; ++t) CHECK(pg.ui.Find(Role::ListItem, std::string(tiers[t]) + ": " + std::to_string(m.per_tier[t])) != nullptr);
    for (const auto& [name, n] : m.industries) CHECK(pg.ui.Find(Role::ListItem, name + ": " + std::to_string(n)) != nullptr);
    // A contact with no company gets a bar with a name, not ": 1".
    for (const auto& [name, n] : m.companies)
        CHECK(pg.ui.Find(Role::ListItem, (name.empty() ? "No company" : name) + ": " + std::to_string(n)) != nullptr);
    CHECK(pg.ui.Find(Role::ListItem, "No company: 1") != nullptr);
    CHECK(pg.ui.Find(Role::ListItem, ": 1") == nullptr);
    CHECK(pg.ui.FindContaining(Role::Text, "Overdue follow-ups: " + std::to_string(m.overdue)) != nullptr);
    CHECK(pg.ui.FindContaining(Role::Text, "Weak ties (Active and Extended tiers): " +
                                               std::to_string(static_cast<int>(m.weak_tie_share * 100 + 0.5f)) + "%") != nullptr);
    const wb::SemNode* weeks = pg.ui.Find(Role::List, "Touches per week (last 12 weeks)");
    REQUIRE(weeks != nullptr);
    int items = 0, total = 0;
    int weeks_index = static_cast<int>(weeks - pg.ui.Nodes().data());
    for (const wb::SemNode& n : pg.ui.Nodes())
        if (n.parent == weeks_index && n.role == Role::ListItem) {
            ++items;
            total += std::stoi(n.name.substr(n.name.rfind(": ") + 2));
        }
    CHECK(items == static_cast<int>(m.touches_per_week.size()));
    int want = 0;
    for (int t : m.touches_per_week) want += t;
    CHECK(total == want);
    CHECK(pg.ui.FindContaining(Role::Text, "weekly follow-up goal: 3") != nullptr);
}

// --- Every page ------------------------------------------------------------------------

TEST_CASE("pages: every page fits a 375 px phone at 200% text, with a level 1 heading") {
    const DrawPage pages[] = {wb::ui::DrawOrganizations, wb::ui::DrawEvents, wb::ui::DrawSocial, wb::ui::DrawTargets,
                              wb::ui::DrawGoals, wb::ui::DrawMap, wb::ui::DrawMetrics, wb::ui::DrawTriage};
    wb::LearnerState big_text;
    big_text.settings.text_size_pct = 200;
    std::string stored = wb::EncodeState(big_text);
    for (DrawPage draw : pages) {
        Page pg(draw, 375, 812, stored);
        REQUIRE(pg.ui.app.TextScale() == 2.0f);
        FillNetwork(pg.planner, 40, pg.today);
        pl::Organization o;
        o.id = 100;
        o.name = "The Very Long Named Association of Professional Data and Analytics Practitioners";
        o.renewal = pg.today + 3;
        pg.planner.organizations = {o};
        pl::Event e;
        e.id = 101;
        e.name = "Regional Conference on Networking";
        e.day = pg.today + 2;
        pg.planner.events = {e};
        pl::SocialPlan s;
        s.id = 102;
        s.platform = "LinkedIn";
        pg.planner.social = {s};
        pl::Target t;
        t.id = 103;
        t.company = "Northwind Traders International";
        pg.planner.targets = {t};
        pl::Goal g;
        g.id = 104;
        g.target = 5;
        pg.planner.goals = {g};
        if (draw == wb::ui::DrawTriage)  // contacts to sort, with long words on the card
            for (pl::Contact& c : pg.planner.contacts) {
                c.tier = pl::Tier::None;
                c.cadence_days = 0;
                c.company = "Northwind Traders International Holdings";
                c.role = "Principal Software Engineering Manager, Platform Reliability";
                c.notes = "Met at the regional conference; asked about the data platform migration and mentoring.";
                c.tags = {"conference", "mentor", "data-platform"};
                c.connected = pg.today - 900;
            }
        pg.ui.Frames(3);
        std::string h1 = pg.H1();
        CAPTURE(h1);
        CHECK_FALSE(h1.empty());
        CheckFitsWidth(pg.ui, 375);
    }
}
