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
