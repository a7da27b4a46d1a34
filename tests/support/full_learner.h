// A learner who has done everything: every section read, every reflection
// written, every quiz failed once and then passed. Used by the LMS tests and by
// the benchmark that reports the SCORM suspend_data length.
#pragma once
#include <string>

#include "core/content.h"
#include "core/quiz.h"
#include "core/state.h"

namespace wbtest {
using namespace wb;

// Answers every question of quiz: right when right is true, else the first wrong option.
inline void AnswerAll(const Quiz& quiz, QuizProgress& p, bool right, uint64_t seed) {
    for (const Question& q : quiz.questions) {
        if (q.kind == QuestionKind::SelfRating) {
            Rate(quiz, p, q.id, 4);
            continue;
        }
        if (q.kind == QuestionKind::Ordering) {
            std::vector<std::string> order;
            for (const Option& o : q.options) order.push_back(o.id);
            if (!right) std::swap(order[0], order[1]);
            SetOrder(quiz, p, q.id, order);
        } else {
            for (const Option& o : q.options)
                if (o.correct == right) {
                    Choose(quiz, p, q.id, o.id);
                    if (q.kind != QuestionKind::Multiple) break;
                }
        }
        if (quiz.feedback == FeedbackMode::Immediate) CheckAnswer(quiz, p, q.id);
    }
    (void)seed;
}

// Every section read and scrolled, every reflection long (with characters that
// need escaping and some beyond ASCII), every quiz answered, failed once, then passed.
inline LearnerState FullLearner(const Content& c, size_t reflection_chars) {
    LearnerState s;
    s.shuffle_seed = 0x9E3779B97F4A7C15ull;
    s.reader.current = "utilize-social-media";
    for (size_t i = 0; i < c.sections.size(); ++i) {
        s.reader.read.insert(c.sections[i].id);
        s.reader.scroll[c.sections[i].id] = float(100 * i + 37);
    }
    const std::string piece = "I will ask Jos\xC3\xA9 | my mentor ~ about events\\next steps.\nThen follow up \xE2\x80\x94 weekly. ";
    for (const Section& sec : c.sections)
        for (const ReflectionPrompt& r : sec.reflections) {
            std::string t;
            while (t.size() < reflection_chars) t += piece;
            t.resize(reflection_chars);
            while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();  // whole characters
            if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
            s.reflections[r.id] = t;
        }
    int64_t t = 1700000000;
    for (const Quiz& quiz : c.quizzes) {
        QuizProgress& p = s.quizzes[quiz.id];
        AnswerAll(quiz, p, false, s.shuffle_seed);
        SubmitQuiz(quiz, p, t++);
        RetryAll(quiz, p);
        AnswerAll(quiz, p, true, s.shuffle_seed);
        SubmitQuiz(quiz, p, t++);
    }
    return s;
}

}  // namespace wbtest
