// The App inside an LMS (issue #18): what it does with the record the LMS hands
// back at launch, whatever cmi.entry said, and what it would send afterwards.
#include <doctest/doctest.h>

#include <string>

#include "core/lms.h"
#include "core/quiz.h"
#include "harness.h"

using wb::LmsRecord;
using wb::LmsVersion;
using wbtest::Ui;

namespace {

// A passed learner's suspend_data, made by another device's App.
std::string PassedRecord() {
    Ui a;
    a.app.StartLms(LmsVersion::Scorm12, LmsRecord{"L1", "Ana", "ab-initio"});
    wb::LearnerState s = a.app.state();
    const wb::Content& c = a.app.content();
    const wb::Quiz& fc = *c.FindQuiz("final-check");
    wb::QuizProgress& p = s.quizzes[fc.id];
    for (const wb::Question& q : fc.questions) {
        if (q.kind == wb::QuestionKind::SelfRating) wb::Rate(fc, p, q.id, 3);
        else if (q.kind == wb::QuestionKind::Ordering) {
            std::vector<std::string> order;
            for (const wb::Option& o : q.options) order.push_back(o.id);
            wb::SetOrder(fc, p, q.id, order);
        } else
            for (const wb::Option& o : q.options)
                if (o.correct) wb::Choose(fc, p, q.id, o.id);
    }
    wb::SubmitQuiz(fc, p, 10);
    for (const wb::Section& sec : c.sections) s.reader.read.insert(sec.id);
    s.reflections["introduction.r1"] = "Call Ana.";
    std::vector<std::string> order;
    return wb::EncodeSuspendData(c, s, order, 1000);
}

}  // namespace

TEST_CASE("lms app: a blank device launched with entry ab-initio takes the LMS record and sends back no less") {
    std::string held = PassedRecord();
    Ui b;  // a fresh device
    LmsRecord rec{"L1", "Ana", "ab-initio", held, "conclusion", "passed", "", "100"};
    REQUIRE(b.app.StartLms(LmsVersion::Scorm12, rec));
    CHECK(b.app.state().reflections.at("introduction.r1") == "Call Ana.");
    CHECK(b.app.state().quizzes.at("final-check").mastered);
    wb::LmsReport r = b.app.LmsReportNow();
    CHECK(r.completed);
    CHECK(r.passed == 1);
    CHECK(r.raw == 100);
    CHECK(wb::Utf16Length(r.suspend_data) >= wb::Utf16Length(held) - 8);  // the time saved may be shorter
    CHECK(b.app.LmsLearnerLabel() == "Ana, learner id L1");
}

TEST_CASE("lms app: unusable suspend_data keeps the device copy, says why, and the status still never regresses") {
    Ui b;
    LmsRecord rec{"L1", "Ana", "resume", "w1|abcdef|1|2|3|4|5|6|7|8|zzzz", "", "passed", "", "90"};
    CHECK_FALSE(b.app.StartLms(LmsVersion::Scorm12, rec));
    CHECK(b.app.notice().find("checksum does not match") != std::string::npos);
    wb::LmsReport r = b.app.LmsReportNow();
    CHECK(r.passed == 1);
    CHECK(r.raw == 90);
    CHECK(r.suspend_data != rec.suspend_data);

    Ui c;
    rec.suspend_data = "w1|" + std::string(5000, 'x');
    CHECK_FALSE(c.app.StartLms(LmsVersion::Scorm12, rec));
    CHECK(c.app.notice().find("longer than SCORM 1.2 allows") != std::string::npos);
}

TEST_CASE("lms app: a learner with an empty record is credited with nothing") {
    Ui b;
    REQUIRE(b.app.StartLms(LmsVersion::Scorm2004, LmsRecord{"L2", "Bo", "ab-initio"}));
    wb::LmsReport r = b.app.LmsReportNow();
    CHECK_FALSE(r.completed);
    CHECK(r.passed == -1);
    CHECK(r.raw < 0);
    CHECK(r.interactions.empty());
}

TEST_CASE("lms app: a backup says whose work it is; another learner's backup is refused inside the course") {
    using wb::Role;
    // Learner 1 in the course downloads a backup.
    Ui a;
    REQUIRE(a.app.StartLms(LmsVersion::Scorm12, LmsRecord{"L1", "One, Ana", "ab-initio"}));
    a.app.OnRoute("#/read/be-proactive");
    a.Frame();
    a.Activate(Role::Button, "Settings");
    a.Activate(Role::Button, "Download a backup");
    REQUIRE(a.app.out.downloads.size() == 1);
    CHECK(a.app.out.downloads[0].filename == "networking-workbook-backup-learner-L1.json");
    std::string backup = a.app.out.downloads[0].data;
    wb::BackupRead read = wb::DecodeBackup(backup);
    REQUIRE(read.ok);
    CHECK(read.owner == wb::BackupOwner{"lms", "L1", "One, Ana"});

    // Learner 2 in the same course: refused, saying what, whose and what to do; nothing changes.
    Ui b;
    REQUIRE(b.app.StartLms(LmsVersion::Scorm12, LmsRecord{"L2", "Two, Bo", "ab-initio"}));
    b.Frame();
    b.app.OnRestoreFile("networking-workbook-backup-learner-L1.json", backup);
    b.Frames(2);
    const std::string& n = b.app.notice();
    CHECK(n.find("\"networking-workbook-backup-learner-L1.json\" was not restored") != std::string::npos);
    CHECK(n.find("the work of One, Ana, learner id L1") != std::string::npos);
    CHECK(n.find("open for Two, Bo, learner id L2") != std::string::npos);
    CHECK(n.find("Restore only a backup of your own work") != std::string::npos);
    CHECK(b.FindContaining(Role::Button, "Replace my data with the backup") == nullptr);

    // Learner 1 restores their own: offered, and the preview says whose it is.
    Ui c;
    REQUIRE(c.app.StartLms(LmsVersion::Scorm12, LmsRecord{"L1", "One, Ana", "ab-initio"}));
    c.Frame();
    c.app.OnRestoreFile("networking-workbook-backup-learner-L1.json", backup);
    c.Frames(2);
    CHECK(c.FindContaining(Role::Text, "It holds the work of One, Ana, learner id L1.") != nullptr);
    CHECK(c.FindContaining(Role::Button, "Replace my data with the backup") != nullptr);

    // The standalone workbook's backup says so, and may be restored by a learner in a course.
    Ui s;
    s.Frame();
    s.Activate(Role::Button, "Settings");
    s.Activate(Role::Button, "Download a backup");
    REQUIRE(s.app.out.downloads.size() == 1);
    std::string own = s.app.out.downloads[0].data;
    CHECK(wb::DecodeBackup(own).owner.where == "browser");
    Ui d;
    REQUIRE(d.app.StartLms(LmsVersion::Scorm12, LmsRecord{"L2", "Two, Bo", "ab-initio"}));
    d.Frame();
    d.app.OnRestoreFile("networking-workbook-backup.json", own);
    d.Frames(2);
    CHECK(d.FindContaining(Role::Text, "It holds the work kept in a browser outside any course.") != nullptr);
    CHECK(d.FindContaining(Role::Button, "Replace my data with the backup") != nullptr);
}

TEST_CASE("lms app: suspend_data claiming 10 x 100,000 attempts is damage: device copy kept, learner told, never sent back") {
    const std::string huge = [] {
        Ui u;
        const wb::Content& c = u.app.content();
        wb::LearnerState s;
        for (const wb::Quiz& quiz : c.quizzes) wb::SubmitQuiz(quiz, s.quizzes[quiz.id], 1);
        std::string data = wb::EncodeSuspendData(c, s, {}, 1);
        // Each quiz's count "1" becomes "255s" (100,000) with its best and last attempt; checksum made right.
        std::string body = data.substr(0, data.rfind('|')), out;
        for (size_t i = 0; i < body.size(); ++i) {
            if (body[i] == ',' && i + 2 < body.size() && body[i + 1] == '1' && body[i + 2] == '/') {
                size_t end = body.find_first_of("~|", i + 3);
                out += ",255s/" + body.substr(i + 3, end - i - 3) + "/=";
                i = end - 1;
                continue;
            }
            out += body[i];
        }
        uint64_t v = wb::Fnv1a64(out) % 1679616ull;
        std::string sum;
        for (int k = 0; k < 4; ++k, v /= 36) sum.insert(sum.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
        return out + "|" + sum;
    }();
    REQUIRE(huge.find("255s") != std::string::npos);
    Ui b;
    LmsRecord rec{"L1", "Ana", "resume", huge, "", "incomplete", "", ""};
    CHECK_FALSE(b.app.StartLms(LmsVersion::Scorm12, rec));
    CHECK(b.app.notice().find("claims more quiz attempts than the workbook keeps") != std::string::npos);
    CHECK(b.app.state().quizzes.empty());
    b.Frames(2);
    wb::LmsReport r = b.app.LmsReportNow();
    CHECK(r.suspend_data != huge);
    CHECK(r.suspend_data.find("255s") == std::string::npos);
    CHECK(wb::DecodeSuspendData(b.app.content(), r.suspend_data).ok);
}
