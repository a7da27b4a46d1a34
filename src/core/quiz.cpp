// The quiz engine. See quiz.h for the rules (scoring, reveal, staleness,
// shuffling, recommendations); this file only implements them.
//
// Index of this file:
//   [SECTION] Names and lookups
//   [SECTION] Hash
//   [SECTION] Answering
//   [SECTION] Grading
//   [SECTION] Reveal
//   [SECTION] Attempts and staleness
//   [SECTION] Shuffle
//   [SECTION] Reports

#include "core/quiz.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>

namespace wb {

//-----------------------------------------------------------------------------
// [SECTION] Names and lookups
//-----------------------------------------------------------------------------

namespace {

struct KindName {
    QuestionKind kind;
    const char* name;
};
constexpr KindName kKinds[] = {
    {QuestionKind::Single, "single"},         {QuestionKind::Multiple, "multiple"},
    {QuestionKind::TrueFalse, "true_false"},  {QuestionKind::Scenario, "scenario"},
    {QuestionKind::Ordering, "ordering"},     {QuestionKind::SelfRating, "self_rating"},
};

// Pass-mark comparisons tolerate rounding: 4/5 is 0.8 but (double)0.8 may not be.
constexpr double kEps = 1e-9;

}  // namespace

const char* QuestionKindName(QuestionKind k) {
    for (const auto& e : kKinds)
        if (e.kind == k) return e.name;
    return "single";
}
const char* ScoringRuleName(ScoringRule r) { return r == ScoringRule::Partial ? "partial" : "all_or_nothing"; }
const char* FeedbackModeName(FeedbackMode m) { return m == FeedbackMode::OnSubmit ? "on_submit" : "immediate"; }

bool ParseQuestionKind(std::string_view name, QuestionKind& out) {
    for (const auto& e : kKinds)
        if (name == e.name) {
            out = e.kind;
            return true;
        }
    return false;
}
bool ParseScoringRule(std::string_view name, ScoringRule& out) {
    if (name == "all_or_nothing") out = ScoringRule::AllOrNothing;
    else if (name == "partial") out = ScoringRule::Partial;
    else return false;
    return true;
}
bool ParseFeedbackMode(std::string_view name, FeedbackMode& out) {
    if (name == "immediate") out = FeedbackMode::Immediate;
    else if (name == "on_submit") out = FeedbackMode::OnSubmit;
    else return false;
    return true;
}

int Question::FindOption(std::string_view option_id) const {
    for (size_t i = 0; i < options.size(); ++i)
        if (options[i].id == option_id) return (int)i;
    return -1;
}

const Question* Quiz::Find(std::string_view question_id) const {
    for (const auto& q : questions)
        if (q.id == question_id) return &q;
    return nullptr;
}

int Quiz::GradedCount() const {
    return (int)std::count_if(questions.begin(), questions.end(), [](const Question& q) { return q.Graded(); });
}

//-----------------------------------------------------------------------------
// [SECTION] Hash
//-----------------------------------------------------------------------------

uint64_t Fnv1a64(std::string_view bytes) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

std::string QuestionHash(const Question& q) {
    const char F = '\x1F', R = '\x1E';
    std::string t;
    t += QuestionKindName(q.kind);
    t += R;
    t += q.scenario;
    t += R;
    t += q.prompt;
    t += R;
    for (const auto& o : q.options) {
        t += o.id;
        t += F;
        t += o.text;
        t += R;
    }
    // The correct answer: for ordering the option order above already is it.
    t += "answer";
    for (const auto& o : q.options)
        if (q.IsChoice() && o.correct) {
            t += F;
            t += o.id;
        }
    t += R;
    if (q.kind == QuestionKind::SelfRating) {
        t += q.tip;
        t += F;
        t += q.min_label;
        t += F;
        t += q.max_label;
        t += R;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", (unsigned long long)Fnv1a64(t));
    return hex;
}

//-----------------------------------------------------------------------------
// [SECTION] Answering
//-----------------------------------------------------------------------------

namespace {

// A response counts only if it was given to this version of the question.
const Response* CurrentResponse(const QuizProgress& p, const Question& q) {
    auto it = p.answers.find(q.id);
    if (it == p.answers.end() || IsStale(q, it->second)) return nullptr;
    return &it->second;
}

bool HasAnswer(const Question& q, const Response& r) {
    return q.kind == QuestionKind::SelfRating ? r.rating >= kRatingMin && r.rating <= kRatingMax : !r.chosen.empty();
}

// True when order holds every item id of q exactly once.
bool IsPermutation(const Question& q, const std::vector<std::string>& order) {
    if (order.size() != q.options.size()) return false;
    std::vector<bool> seen(order.size(), false);
    for (const auto& id : order) {
        int i = q.FindOption(id);
        if (i < 0 || seen[i]) return false;
        seen[i] = true;
    }
    return true;
}

// The question to edit, or nullptr if unknown, of another kind, or locked.
const Question* Editable(const Quiz& quiz, const QuizProgress& p, std::string_view question, bool (*kind_ok)(QuestionKind)) {
    const Question* q = quiz.Find(question);
    if (!q || !kind_ok(q->kind) || IsLocked(quiz, p, *q)) return nullptr;
    return q;
}

// Stores r as the current response to q (a fresh one if the old was stale).
void Store(QuizProgress& p, const Question& q, Response r) {
    r.hash = q.hash;
    r.checked = false;
    p.answers[q.id] = std::move(r);
}

}  // namespace

bool IsLocked(const Quiz& quiz, const QuizProgress& p, const Question& q) {
    if (!q.Graded()) return false;
    if (p.submitted) return true;
    if (quiz.feedback != FeedbackMode::Immediate) return false;
    const Response* r = CurrentResponse(p, q);
    return r && r->checked;
}

bool Choose(const Quiz& quiz, QuizProgress& p, std::string_view question, std::string_view option) {
    const Question* q = Editable(quiz, p, question, [](QuestionKind k) {
        return k != QuestionKind::Ordering && k != QuestionKind::SelfRating;
    });
    if (!q || q->FindOption(option) < 0) return false;
    Response r;
    if (q->kind == QuestionKind::Multiple) {
        if (const Response* old = CurrentResponse(p, *q)) r.chosen = old->chosen;
        auto it = std::find(r.chosen.begin(), r.chosen.end(), option);
        if (it != r.chosen.end()) {
            r.chosen.erase(it);
        } else {
            r.chosen.emplace_back(option);
            // Keep ids in option order: one canonical form per answer.
            std::sort(r.chosen.begin(), r.chosen.end(),
                      [&](const std::string& a, const std::string& b) { return q->FindOption(a) < q->FindOption(b); });
        }
    } else {
        r.chosen = {std::string(option)};
    }
    Store(p, *q, std::move(r));
    return true;
}

bool SetOrder(const Quiz& quiz, QuizProgress& p, std::string_view question, const std::vector<std::string>& order) {
    const Question* q = Editable(quiz, p, question, [](QuestionKind k) { return k == QuestionKind::Ordering; });
    if (!q || !IsPermutation(*q, order)) return false;
    Response r;
    r.chosen = order;
    Store(p, *q, std::move(r));
    return true;
}

std::vector<std::string> CurrentOrder(const Quiz& quiz, const QuizProgress& p, uint64_t seed, std::string_view question) {
    const Question* q = quiz.Find(question);
    if (!q || q->kind != QuestionKind::Ordering) return {};
    const Response* r = CurrentResponse(p, *q);
    if (r && IsPermutation(*q, r->chosen)) return r->chosen;
    return InitialOrder(*q, seed);
}

bool MoveItem(const Quiz& quiz, QuizProgress& p, uint64_t seed, std::string_view question, size_t from, size_t to) {
    std::vector<std::string> order = CurrentOrder(quiz, p, seed, question);
    if (from >= order.size() || to >= order.size()) return false;
    std::string item = std::move(order[from]);
    order.erase(order.begin() + (std::ptrdiff_t)from);
    order.insert(order.begin() + (std::ptrdiff_t)to, std::move(item));
    return SetOrder(quiz, p, question, order);
}

bool Rate(const Quiz& quiz, QuizProgress& p, std::string_view question, int rating) {
    const Question* q = Editable(quiz, p, question, [](QuestionKind k) { return k == QuestionKind::SelfRating; });
    if (!q || rating < kRatingMin || rating > kRatingMax) return false;
    Response r;
    r.rating = rating;
    Store(p, *q, std::move(r));
    return true;
}

bool ClearAnswer(const Quiz& quiz, QuizProgress& p, std::string_view question) {
    const Question* q = quiz.Find(question);
    if (!q || IsLocked(quiz, p, *q)) return false;
    return p.answers.erase(q->id) > 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Grading
//-----------------------------------------------------------------------------

namespace {

void GradeChoice(const Question& q, ScoringRule rule, const Response& r, Grade& g) {
    int correct_total = 0, correct_chosen = 0, wrong_chosen = 0;
    for (const auto& o : q.options) {
        OptionMark m;
        m.option = o.id;
        m.correct = o.correct;
        m.chosen = std::find(r.chosen.begin(), r.chosen.end(), o.id) != r.chosen.end();
        if (m.chosen) m.feedback = o.feedback;
        correct_total += o.correct;
        if (m.chosen) (o.correct ? correct_chosen : wrong_chosen) += 1;
        g.marks.push_back(std::move(m));
    }
    // Ids no longer among the options are ignored (they cannot be chosen now).
    const bool exact = correct_total > 0 && correct_chosen == correct_total && wrong_chosen == 0;
    if (q.kind == QuestionKind::Multiple && rule == ScoringRule::Partial && correct_total > 0)
        g.score = std::max(0.0, double(correct_chosen - wrong_chosen) / correct_total);
    else
        g.score = exact ? 1.0 : 0.0;
}

void GradeOrdering(const Question& q, ScoringRule rule, const Response& r, Grade& g) {
    const bool valid = IsPermutation(q, r.chosen);
    int in_place = 0;
    for (size_t i = 0; i < q.options.size(); ++i) {
        OptionMark m;
        m.option = q.options[i].id;
        m.correct_position = (int)i;
        if (valid) {
            m.chosen = true;
            m.position = int(std::find(r.chosen.begin(), r.chosen.end(), m.option) - r.chosen.begin());
            m.correct = m.position == (int)i;
            in_place += m.correct;
        }
        g.marks.push_back(std::move(m));
    }
    // An order that is not a permutation (corrupt storage) scores 0.
    const int n = (int)q.options.size();
    if (!valid || n == 0) g.score = 0;
    else if (rule == ScoringRule::Partial) g.score = double(in_place) / n;
    else g.score = in_place == n ? 1.0 : 0.0;
}

}  // namespace

Grade GradeQuestion(const Question& q, ScoringRule rule, const Response* r) {
    Grade g;
    g.graded = q.Graded();
    g.stale = r && IsStale(q, *r);
    const Response* cur = (r && !g.stale && HasAnswer(q, *r)) ? r : nullptr;
    g.answered = cur != nullptr;
    if (!g.graded) return g;
    static const Response kNone;
    const Response& use = cur ? *cur : kNone;
    if (q.kind == QuestionKind::Ordering) GradeOrdering(q, rule, use, g);
    else GradeChoice(q, rule, use, g);
    if (!cur) g.score = 0;
    g.correct = g.score >= 1.0 - kEps;
    return g;
}

Grade GradeAnswer(const Quiz& quiz, const QuizProgress& p, std::string_view question) {
    const Question* q = quiz.Find(question);
    if (!q) return Grade{};
    auto it = p.answers.find(q->id);
    return GradeQuestion(*q, quiz.scoring, it == p.answers.end() ? nullptr : &it->second);
}

//-----------------------------------------------------------------------------
// [SECTION] Reveal
//-----------------------------------------------------------------------------

Reveal WhatToShow(const Quiz& quiz, const QuizProgress& p, std::string_view question) {
    const Question* q = quiz.Find(question);
    if (!q || !q->Graded()) return Reveal::Nothing;
    if (p.submitted) return Reveal::Solution;
    if (quiz.feedback != FeedbackMode::Immediate) return Reveal::Nothing;
    const Response* r = CurrentResponse(p, *q);
    if (!r || !r->checked || !HasAnswer(*q, *r)) return Reveal::Nothing;
    return GradeQuestion(*q, quiz.scoring, r).correct ? Reveal::Solution : Reveal::Feedback;
}

bool CheckAnswer(const Quiz& quiz, QuizProgress& p, std::string_view question) {
    const Question* q = quiz.Find(question);
    if (!q || !q->Graded() || quiz.feedback != FeedbackMode::Immediate || p.submitted) return false;
    auto it = p.answers.find(q->id);
    if (it == p.answers.end() || IsStale(*q, it->second) || !HasAnswer(*q, it->second)) return false;
    it->second.checked = true;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Attempts and staleness
//-----------------------------------------------------------------------------

bool IsStale(const Question& q, const Response& r) { return r.hash != q.hash; }

std::vector<std::string> StaleAnswers(const Quiz& quiz, const QuizProgress& p) {
    std::vector<std::string> out;
    for (const auto& q : quiz.questions) {
        auto it = p.answers.find(q.id);
        if (it != p.answers.end() && IsStale(q, it->second)) out.push_back(q.id);
    }
    return out;
}

Attempt SubmitQuiz(const Quiz& quiz, QuizProgress& p, int64_t now) {
    Attempt a;
    a.time = now;
    double sum = 0;
    int graded = 0;
    for (const auto& q : quiz.questions) {
        if (!q.Graded()) continue;
        auto it = p.answers.find(q.id);
        const Grade g = GradeQuestion(q, quiz.scoring, it == p.answers.end() ? nullptr : &it->second);
        a.results.push_back({q.id, g.score, g.correct, g.answered, g.stale});
        sum += g.score;
        ++graded;
    }
    a.score = graded > 0 ? sum / graded : 0;
    a.passed = graded > 0 && a.score + kEps >= quiz.pass_mark;
    p.attempts.push_back(a);
    if (a.passed) p.mastered = true;
    p.submitted = true;
    return a;
}

namespace {

void Retry(const Quiz& quiz, QuizProgress& p, bool keep_correct) {
    for (const auto& q : quiz.questions) {
        if (!q.Graded()) continue;  // self-ratings are the learner's profile, not a try
        auto it = p.answers.find(q.id);
        if (it == p.answers.end()) continue;
        if (keep_correct && GradeQuestion(q, quiz.scoring, &it->second).correct) continue;
        p.answers.erase(it);
    }
    p.submitted = false;
}

}  // namespace

void RetryAll(const Quiz& quiz, QuizProgress& p) { Retry(quiz, p, false); }
void RetryWrong(const Quiz& quiz, QuizProgress& p) { Retry(quiz, p, true); }

//-----------------------------------------------------------------------------
// [SECTION] Shuffle
//-----------------------------------------------------------------------------

namespace {

// SplitMix64: tiny, well mixed, and the same on every platform (plain
// 64-bit arithmetic), unlike std:: distributions.
uint64_t NextRandom(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::vector<std::string> Shuffle(const Question& q, uint64_t seed, std::string_view salt) {
    std::vector<std::string> ids;
    for (const auto& o : q.options) ids.push_back(o.id);
    uint64_t state = seed ^ Fnv1a64(q.id) ^ Fnv1a64(salt);
    for (size_t i = ids.size(); i > 1; --i) {
        size_t j = size_t(NextRandom(state) % i);
        std::swap(ids[i - 1], ids[j]);
    }
    return ids;
}

}  // namespace

std::vector<std::string> ShuffledOptions(const Question& q, uint64_t seed) {
    switch (q.kind) {
        case QuestionKind::SelfRating: return {};
        case QuestionKind::Ordering: return InitialOrder(q, seed);
        case QuestionKind::TrueFalse: {
            std::vector<std::string> ids;
            for (const auto& o : q.options) ids.push_back(o.id);
            return ids;
        }
        default: return Shuffle(q, seed, "options");
    }
}

std::vector<std::string> InitialOrder(const Question& q, uint64_t seed) {
    std::vector<std::string> ids = Shuffle(q, seed, "order");
    bool solved = true;
    for (size_t i = 0; i < ids.size(); ++i) solved &= ids[i] == q.options[i].id;
    // Starting already solved would hand out the point: rotate by one, which
    // moves every item off its place.
    if (solved && ids.size() > 1) std::rotate(ids.begin(), ids.begin() + 1, ids.end());
    return ids;
}

//-----------------------------------------------------------------------------
// [SECTION] Reports
//-----------------------------------------------------------------------------

const QuizStatus* QuizSummary::ForSection(std::string_view section) const {
    for (const auto& s : quizzes)
        if (s.section == section) return &s;
    return nullptr;
}

QuizSummary Summarize(const std::vector<Quiz>& quizzes, const QuizProgressMap& progress) {
    static const QuizProgress kEmpty;
    QuizSummary sum;
    double best_total = 0;
    for (const auto& quiz : quizzes) {
        auto pit = progress.find(quiz.id);
        const QuizProgress& p = pit == progress.end() ? kEmpty : pit->second;
        QuizStatus s;
        s.quiz = quiz.id;
        s.section = quiz.section;
        for (const auto& q : quiz.questions) {
            if (!q.Graded()) continue;
            ++s.graded;
            auto it = p.answers.find(q.id);
            if (it == p.answers.end()) continue;
            if (IsStale(q, it->second)) ++s.stale;
            else if (HasAnswer(q, it->second)) ++s.answered;
        }
        s.unanswered = s.graded - s.answered;
        s.attempts = (int)p.attempts.size();
        for (const auto& a : p.attempts) s.best_score = std::max(s.best_score, a.score);
        if (!p.attempts.empty()) s.last_score = p.attempts.back().score;
        s.mastered = p.mastered;

        ++sum.quiz_count;
        sum.mastered += s.mastered;
        sum.graded += s.graded;
        sum.answered += s.answered;
        sum.unanswered += s.unanswered;
        sum.stale += s.stale;
        sum.attempts += s.attempts;
        best_total += s.best_score;
        sum.quizzes.push_back(std::move(s));
    }
    sum.score = sum.quiz_count > 0 ? best_total / sum.quiz_count : 0;
    return sum;
}

std::vector<TipRating> SelfAssessment(const std::vector<Quiz>& quizzes, const QuizProgressMap& progress) {
    std::vector<TipRating> tips;
    std::vector<int> totals;
    for (const auto& quiz : quizzes) {
        auto pit = progress.find(quiz.id);
        for (const auto& q : quiz.questions) {
            if (q.kind != QuestionKind::SelfRating || q.tip.empty()) continue;
            auto t = std::find_if(tips.begin(), tips.end(), [&](const TipRating& x) { return x.tip == q.tip; });
            if (t == tips.end()) {
                tips.push_back(TipRating{q.tip});
                totals.push_back(0);
                t = tips.end() - 1;
            }
            ++t->questions;
            if (pit == progress.end()) continue;
            const Response* r = CurrentResponse(pit->second, q);
            if (r && HasAnswer(q, *r)) {
                ++t->rated;
                totals[t - tips.begin()] += r->rating;
            }
        }
    }
    for (size_t i = 0; i < tips.size(); ++i)
        if (tips[i].rated > 0) tips[i].average = double(totals[i]) / tips[i].rated;
    return tips;
}

std::vector<Recommendation> Recommend(const std::vector<Quiz>& quizzes, const QuizProgressMap& progress, size_t count) {
    const std::vector<TipRating> profile = SelfAssessment(quizzes, progress);
    const QuizSummary summary = Summarize(quizzes, progress);

    struct Candidate {
        Recommendation rec;
        size_t order;  // quiz order: the final tie-breaker
    };
    std::vector<Candidate> cands;
    for (size_t i = 0; i < quizzes.size(); ++i) {
        const Quiz& quiz = quizzes[i];
        if (quiz.action.empty()) continue;
        Candidate c{{quiz.action, quiz.section, quiz.action_text}, i};
        for (const auto& t : profile)
            if (t.tip == quiz.section && t.HasRating()) c.rec.rating = t.average;
        const QuizStatus& s = summary.quizzes[i];
        if (s.attempts > 0) c.rec.quiz_score = s.best_score;
        cands.push_back(std::move(c));
    }
    // An unrated tip counts as the scale's midpoint: below a tip the learner
    // rated 4 or 5, above one they rated 1 or 2.
    constexpr double kUnrated = (kRatingMin + kRatingMax) / 2.0;
    std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
        const bool ar = a.rec.rating > 0, br = b.rec.rating > 0;
        const double ra = ar ? a.rec.rating : kUnrated, rb = br ? b.rec.rating : kUnrated;
        if (ra != rb) return ra < rb;
        if (ar != br) return ar;  // same level: the learner's own word first
        const double as = std::max(0.0, a.rec.quiz_score), bs = std::max(0.0, b.rec.quiz_score);
        if (as != bs) return as < bs;
        return a.order < b.order;
    });
    std::vector<Recommendation> out;
    for (size_t i = 0; i < cands.size() && i < count; ++i) out.push_back(std::move(cands[i].rec));
    return out;
}

}  // namespace wb
