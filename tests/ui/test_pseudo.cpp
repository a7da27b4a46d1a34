// The workbook built from a pseudo-localised copy of content/ (every word the
// learner reads in accented look-alikes, scripts/pseudo-localize.py): walked
// page by page, in the states a learner reaches, no plain English word may be
// on screen, in the accessible names, in announcements or in the page title.
// An English word left means text written in the code instead of content/.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/lms.h"
#include "core/planner.h"
#include "core/strings.h"
#include "harness.h"

using wb::Role;
using wbtest::Ui;
namespace pl = wb::planner;

namespace {

std::string ReadAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Two or more ASCII letters in a row: a word nobody pseudo-localised. Link
// targets (#/read/...) and file names the learner saves are not prose.
bool HasEnglish(const std::string& s) {
    static const std::regex word("[A-Za-z]{2,}");
    if (s.rfind("#/", 0) == 0 || s.rfind("https://", 0) == 0) return false;
    return std::regex_search(s, word);
}

struct Walk {
    Ui& ui;
    std::map<std::string, std::string> found;  // English text -> where it was seen
    void Sweep(const std::string& where) {
        auto check = [&](const std::string& s, const char* what) {
            // The names of the files the test hands over, and the format a backup must name, are not the workbook's words.
            std::string t = s;
            for (const char* data : {"backup.json", "notes.json", "Connections.csv", "file.csv", "networking-workbook-backup"})
                for (size_t at; (at = t.find(data)) != std::string::npos;) t.erase(at, std::strlen(data));
            if (HasEnglish(t) && !found.count(s)) found[s] = where + " (" + what + ")";
        };
        for (const wb::SemNode& n : ui.Nodes()) {
            check(n.name, wb::RoleName(n.role));
            if (n.role != Role::Link) check(n.value, "value");
            check(n.desc, "description");
        }
        check(ui.app.out.announce, "announcement");
        check(ui.app.out.title, "page title");
    }
    void Go(const std::string& hash, const std::string& where) {
        ui.app.OnRoute(hash);
        ui.Frames(3);
        Sweep(where);
    }
    // Presses the control named `name` (the pseudo text of its key), which must be on screen.
    void Press(Role role, const std::string& name, const std::string& where) {
        REQUIRE_MESSAGE(ui.Find(role, name) != nullptr, where << ": no " << wb::RoleName(role) << " \"" << name << "\"");
        ui.Activate(role, name);
        ui.Frames(2);
        Sweep(where);
    }
};

}  // namespace

TEST_CASE("pseudo-localised build: every word on every page comes from content/, none from the code") {
    wbtest::g_content_override = ReadAll(WB_GEN_DIR "/pseudo/content.bin");
    wbtest::g_templates_override = ReadAll(WB_GEN_DIR "/pseudo/content/planner/templates.json");
    REQUIRE_MESSAGE(!wbtest::g_content_override.empty(), "the pseudo-localised chapter is built by the native build");
    struct Reset {
        ~Reset() { wbtest::g_content_override.clear(); wbtest::g_templates_override.clear(); }
    } reset;

    for (float width : {1280.0f, 375.0f}) {
        Ui ui(width, 800);
        Walk w{ui};
        const std::string at = width > 400 ? "1280 px: " : "375 px: ";
        // The test itself must see the pseudo strings (else it proves nothing).
        REQUIRE(HasEnglish(std::string(wb::Tr("common.planner"))) == false);

        // The chapter: every section, its quiz unanswered, then answered and submitted.
        const wb::Content& c = ui.app.content();
        for (const wb::Section& s : c.sections) {
            w.Go("#/read/" + s.id, at + "section " + s.id);
            // Pick the first option of every question, check or submit, and look again.
            for (int k = 0; k < 40; ++k) {
                const wb::SemNode* pick = nullptr;
                for (const wb::SemNode& n : ui.Nodes())
                    if ((n.role == Role::Radio || n.role == Role::Checkbox) && !(n.flags & wb::SemFlag_Checked)) {
                        pick = &n;
                        break;
                    }
                if (!pick) break;
                const std::string name = pick->name;
                ui.Activate(pick->role, name);
                ui.Frames(1);
            }
            w.Sweep(at + "section " + s.id + ", answered");
            // Every "Check answer to question N" (names first: a frame rebuilds the nodes).
            const std::string check = wb::TrF("quiz.check_answer_to_question_n", {{"n", ""}});
            std::vector<std::string> checks;
            for (const wb::SemNode* b : ui.All(Role::Button))
                if (b->name.rfind(check, 0) == 0) checks.push_back(b->name);
            for (const std::string& name : checks) {
                ui.Activate(Role::Button, name);
                ui.Frames(1);
            }
            for (const wb::Quiz& q : c.quizzes)
                if (q.section == s.id) w.Press(Role::Button, wb::TrF("quiz.submit_quiz_named", {{"quiz", q.title}}), at + s.id + " submitted");
            w.Sweep(at + "section " + s.id + ", checked");
        }
        // Results, search, settings (the shell's toggles).
        w.Press(Role::Button, wb::Tr("common.your_results"), at + "results");
        w.Press(Role::Button, wb::Tr("common.your_results"), at + "results closed");
        w.Press(Role::Button, wb::Tr("search.title"), at + "search");
        if (const wb::SemNode* field = ui.Find(Role::TextField, wb::Tr("search.placeholder"))) {
            ui.Click(Role::TextField, field->name);
            ui.Type("ñéť");  // a pseudo word the chapter has
            ui.Frames(2);
            w.Sweep(at + "search results");
            ui.Type("ẋẋẋ");
            ui.Frames(2);
            w.Sweep(at + "search, no match");
        }
        w.Press(Role::Button, wb::Tr("search.title"), at + "search closed");
        w.Press(Role::Button, wb::Tr("settings.title"), at + "settings");
        // A backup: downloaded, then restored (its preview), and a file that is not one.
        ui.app.out.downloads.clear();
        w.Press(Role::Button, wb::Tr("shell.download_a_backup"), at + "backup downloaded");
        if (!ui.app.out.downloads.empty()) {
            ui.app.OnRestoreFile("backup.json", ui.app.out.downloads.back().data);
            ui.Frames(2);
            w.Sweep(at + "restore preview");
            w.Press(Role::Button, wb::Tr("shell.cancel_restore"), at + "restore canceled");
        }
        for (const char* bad : {"not json", "{\"format\":\"other\"}", "[1,2"}) {
            ui.app.OnRestoreFile("notes.json", bad);
            ui.Frames(2);
            w.Sweep(at + "restore refused");
        }
        w.Press(Role::Button, wb::Tr("shell.reset_my_data_2"), at + "reset asked");

        // The planner with learner data in other scripts (so any ASCII word on screen is the code's).
        w.Go("#/planner/week", at + "planner, empty");
        for (const char* page : {"contacts", "triage", "organizations", "events", "social", "targets", "goals", "map", "metrics"})
            w.Go(std::string("#/planner/") + page, at + "planner " + page + ", empty");
        pl::Planner& p = ui.app.planner().model();
        const pl::Day today = wbtest::kToday;
        const char* names[] = {"Ольга Петрова", "王伟", "Σοφία Παπαδοπούλου", "محمد علي", "田中 花子", "Ζωή Νούνιεθ"};
        pl::Id first = 0;
        for (int i = 0; i < 6; ++i) {
            pl::Contact k;
            k.name = names[i];
            k.company = "株式会社 テスト";
            k.tier = i < 4 ? static_cast<pl::Tier>(i) : pl::Tier::None;
            k.source = i == 5 ? "linkedin" : "manual";
            k.connected = today - 900;
            if (i < 3) {
                pl::Interaction touch;
                touch.day = today - 40 * (i + 1);
                touch.channel = pl::Channel::Email;
                touch.note = "кофе";
                k.log.push_back(touch);
            }
            pl::Id id = pl::AddContact(p, k, wb::Rev{1, "t"});
            if (!first) first = id;
        }
        pl::Organization o;
        o.name = "Общество аналитиков";
        o.renewal = today + 10;
        pl::AddOrganization(p, o, wb::Rev{1, "t"});
        pl::Event e;
        e.name = "Конференция";
        e.day = today + 5;
        e.prep.push_back({"слайды", true});
        pl::AddEvent(p, e, wb::Rev{1, "t"});
        pl::Event past = e;
        past.day = today - 3;
        past.attended = true;
        past.met.push_back(first);
        pl::AddEvent(p, past, wb::Rev{1, "t"});
        pl::SocialPlan sp;
        sp.platform = "ВКонтакте";
        pl::AddSocialPlan(p, sp, wb::Rev{1, "t"});
        pl::Target t;
        t.company = "株式会社 テスト";
        pl::AddTarget(p, t, wb::Rev{1, "t"});
        pl::Goal g;
        pl::AddGoal(p, g, wb::Rev{1, "t"});
        ui.app.planner().ui.rows_dirty = true;
        for (const char* page : {"week", "contacts", "triage", "organizations", "events", "social", "targets", "goals", "map", "metrics"})
            w.Go(std::string("#/planner/") + page, at + "planner " + page);
        w.Go("#/planner/contact/" + std::to_string(first), at + "a contact");

        // Imports: a LinkedIn export in other scripts (its preview), then files that cannot be read.
        w.Go("#/planner/contacts", at + "before an import");
        ui.app.OnImportFile("Connections.csv",
                            "Notes:\n\"Посмотрите\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                            "Ольга,Петрова,,,Газпром,Аналитик,01 Mar 2019\n李,娜,,,华为,工程师,15 Jun 2021\n"
                            "Ольга,Петрова,,,Газпром,Аналитик,01 Mar 2019\n,,,,,,\n");
        for (int i = 0; i < 50 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
        ui.Frames(2);
        w.Sweep(at + "import preview");
        for (const char* bad : {"\xFF\xFE" "a", "%PDF-1.4", "a,b\n1,2\n", "BEGIN:VCARD\nFN:Ана\n"}) {
            ui.app.OnImportFile("file.csv", bad);
            for (int i = 0; i < 50 && ui.app.planner().ImportRunning(); ++i) ui.Frame();
            ui.Frames(2);
            w.Sweep(at + "import refused");
        }

        // Reflections that name people, an event or an organization: the offer, then adding.
        const char* surnames[] = {"Иванова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Козлова", "Новикова"};
        int tagged = 0;
        for (const wb::Section& s : c.sections)
            for (const wb::ReflectionPrompt& r : s.reflections) {
                if (r.planner == wb::ReflectionPlanner::None) continue;
                w.Go("#/read/" + s.id, at + r.id + ", before its answer");
                const wb::SemNode* area = ui.Find(Role::TextArea, r.text);
                REQUIRE(area != nullptr);
                wb::Sem().requests.set_value_id = area->id;
                const std::string surname = surnames[tagged++ % 8];
                wb::Sem().requests.set_value = r.planner == wb::ReflectionPlanner::Contacts
                                                   ? "Мария " + surname + ", Олег " + surname + "\nΓιώργος " + surname
                                                   : "Ένωση " + surname + " Λογισμικού: Ѐвент";
                ui.Frames(2);
                w.Sweep(at + r.id + ", offered");
                w.Press(Role::Button,
                        r.planner == wb::ReflectionPlanner::Contacts ? wb::TrN("reflection.add_contacts", 3)
                        : r.planner == wb::ReflectionPlanner::Event  ? std::string(wb::Tr("reflection.add_event"))
                                                                     : std::string(wb::Tr("reflection.add_organization")),
                        at + r.id + ", added");
            }

        // Inside a course system, with stored data the workbook cannot read.
        Ui lms(width, 800, "{\"schema\": 99}");
        Walk l{lms};
        lms.app.StartLms(wb::LmsVersion::Scorm12, wb::LmsRecord{"L1", "Ана", "ab-initio"});
        lms.Frames(2);
        l.Sweep(at + "course system, stored data unreadable");
        l.Press(Role::Button, wb::Tr("settings.title"), at + "course system settings");
        for (const auto& [text, where] : l.found) w.found.emplace(text, where);

        std::string report;
        for (const auto& [text, where] : w.found) report += "\n  " + where + ": \"" + text + "\"";
        CHECK_MESSAGE(w.found.empty(), "English text written in the code (not from content/):" << report);
    }
}
