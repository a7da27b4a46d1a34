// The quiz of a section, drawn below its reflections, and the results panel.
//
// Index
//   Question     one question of any kind: choices, ordering, self-rating, verdict
//   DrawQuiz     header, questions, submit, score and retries
//   DrawResults  per-section scores and mastery, the profile chart, recommendations
#include <algorithm>
#include "core/strings.h"
#include <cstdio>
#include <cstring>

#include "ui/view_util.h"
#include "ui/views.h"

namespace wb::ui {

namespace {

const QuizProgress& ProgressOf(const WorkbookView& v, const Quiz& quiz) {
    static const QuizProgress kNone;
    auto it = v.state.quizzes.find(quiz.id);
    return it == v.state.quizzes.end() ? kNone : it->second;
}

std::string SectionTitle(const Content& c, const std::string& id) {
    int i = c.FindSection(id);
    return i >= 0 ? c.sections[i].title : id;
}

ImU32 Tint(bool good) {
    bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f;
    if (good) return dark ? IM_COL32(20, 70, 40, 255) : IM_COL32(222, 245, 228, 255);
    return dark ? IM_COL32(90, 30, 30, 255) : IM_COL32(253, 228, 228, 255);
}

QuizIntent Make(QuizIntent::Kind k, const Quiz& quiz, const Question* q = nullptr) {
    QuizIntent i;
    i.kind = k;
    i.quiz = quiz.id;
    if (q) i.question = q->id;
    return i;
}

// --- Question ---------------------------------------------------------------
void DrawQuestion(const WorkbookView& v, const Quiz& quiz, const QuizProgress& p, const Question& q, int number,
                  float width, Intents& out) {
    const Content& c = v.content;
    ImGui::PushID(q.id.c_str());
    Grade g = GradeAnswer(quiz, p, q.id);
    Reveal reveal = WhatToShow(quiz, p, q.id);
    bool locked = IsLocked(quiz, p, q);
    auto resp_it = p.answers.find(q.id);
    const Response* resp = resp_it == p.answers.end() ? nullptr : &resp_it->second;

    Gap(0.6f);
    const std::string n = std::to_string(number);
    const std::string label = q.kind == QuestionKind::SelfRating ? TrF("quiz.self_check_heading", {{"n", n}})
                                                                 : TrF("quiz.question_heading", {{"n", n}});
    HeadingText(GetFonts().bold, label.c_str(), 3);
    if (!q.scenario.empty()) WrappedText(q.scenario, Colors().text_muted);
    WrappedText(q.prompt, Colors().text);
    if (g.stale) WrappedText(Tr("quiz.this_question_changed_since_you"));

    ImVec2 group_min = ImGui::GetCursorScreenPos();
    switch (q.kind) {
        case QuestionKind::Single:
        case QuestionKind::Scenario:
        case QuestionKind::TrueFalse:
        case QuestionKind::Multiple: {
            bool radio = q.kind != QuestionKind::Multiple;
            SemScope scope(radio ? Role::RadioGroup : Role::Group, q.prompt.c_str(), group_min,
                           ImVec2(group_min.x + width, group_min.y + Em() * 6));
            if (!radio) MutedText(Tr("quiz.choose_all_that_apply"));
            for (const std::string& oid : ShuffledOptions(q, v.seed)) {
                int oi = q.FindOption(oid);
                if (oi < 0) continue;
                const Option& o = q.options[oi];
                bool chosen = resp && !g.stale && std::find(resp->chosen.begin(), resp->chosen.end(), oid) != resp->chosen.end();
                ImU32 tint = 0;
                std::string text = o.text;
                if (reveal != Reveal::Nothing && chosen) tint = Tint(o.correct);
                if (reveal == Reveal::Solution && o.correct) {
                    tint = Tint(true);
                    text += Tr("quiz.correct_answer");
                }
                if (ChoiceRow(("##opt" + oid).c_str(), text, chosen, radio, width, tint, locked)) {
                    QuizIntent i = Make(QuizIntent::Kind::Choose, quiz, &q);
                    i.option = oid;
                    out.quiz = i;
                }
                if (reveal != Reveal::Nothing && chosen && !o.correct && !o.feedback.empty()) {
                    ImGui::Indent(Em() * 1.5f);
                    WrappedText("\xE2\x80\x94 " + o.feedback, Colors().text);
                    ImGui::Unindent(Em() * 1.5f);
                }
            }
            break;
        }
        case QuestionKind::Ordering: {
            MutedText(Tr("quiz.put_these_in_order_first"));
            std::vector<std::string> order = CurrentOrder(quiz, p, v.seed, q.id);
            SemScope scope(Role::List, q.prompt.c_str(), group_min, ImVec2(group_min.x + width, group_min.y + Em() * 6));
            for (size_t k = 0; k < order.size(); ++k) {
                int oi = q.FindOption(order[k]);
                if (oi < 0) continue;
                ImGui::PushID(static_cast<int>(k));
                std::string text = std::to_string(k + 1) + ". " + q.options[oi].text;
                if (reveal != Reveal::Nothing && g.answered) {
                    bool right = static_cast<size_t>(oi) == k;
                    text += right ? std::string("  \xE2\x9C\x93") : TrF("quiz.belongs_at_place", {{"place", std::to_string(oi + 1)}});
                }
                float bw = Em() * 2.2f;
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - bw * 2 - Em());
                ImGui::TextUnformatted(text.c_str());
                ImGui::PopTextWrapPos();
                // The item holds its text and its two move buttons.
                SemNode li;
                li.id = ImGui::GetID("item");
                li.role = Role::ListItem;
                li.name = text;
                li.min = ImGui::GetItemRectMin();
                li.max = ImGui::GetItemRectMax();
                Sem().Open(li);
                SemNode run = li;
                run.role = Role::TextRun;
                run.id = ImGui::GetID("text");
                Sem().Add(run);
                ImGui::SameLine(ImGui::GetCursorStartPos().x + width - bw * 2);
                std::string up = TrF("quiz.move_up_item", {{"item", q.options[oi].text}}),
                            down = TrF("quiz.move_down_item", {{"item", q.options[oi].text}});
                if (Button("\xE2\x86\x91##up", up.c_str(), ImVec2(bw, 0), locked || k == 0)) {
                    QuizIntent i = Make(QuizIntent::Kind::Move, quiz, &q);
                    i.from = static_cast<int>(k);
                    i.to = static_cast<int>(k) - 1;
                    out.quiz = i;
                }
                ImGui::SameLine();
                if (Button("\xE2\x86\x93##down", down.c_str(), ImVec2(bw, 0), locked || k + 1 == order.size())) {
                    QuizIntent i = Make(QuizIntent::Kind::Move, quiz, &q);
                    i.from = static_cast<int>(k);
                    i.to = static_cast<int>(k) + 1;
                    out.quiz = i;
                }
                Sem().Close();
                ImGui::PopID();
            }
            break;
        }
        case QuestionKind::SelfRating: {
            SemScope scope(Role::RadioGroup, q.prompt.c_str(), group_min, ImVec2(group_min.x + width, group_min.y + Em() * 3));
            MutedText("1 = " + q.min_label + ", 5 = " + q.max_label);
            int rating = resp ? resp->rating : 0;
            for (int r = kRatingMin; r <= kRatingMax; ++r) {
                if (r > kRatingMin) ImGui::SameLine();
                std::string text = std::to_string(r);
                if (r == kRatingMin) text += " (" + q.min_label + ")";
                if (r == kRatingMax) text += " (" + q.max_label + ")";
                ImGui::PushID(r);
                float w = r == kRatingMin || r == kRatingMax ? std::min(width * 0.3f, ImGui::CalcTextSize(text.c_str()).x + Em() * 3)
                                                            : Em() * 3;
                if (ImGui::GetCursorPosX() + w > ImGui::GetCursorStartPos().x + width && r > kRatingMin) ImGui::NewLine();
                if (ChoiceRow("##rate", text, rating == r, true, w)) {
                    QuizIntent i = Make(QuizIntent::Kind::Rate, quiz, &q);
                    i.rating = r;
                    out.quiz = i;
                }
                ImGui::PopID();
            }
            break;
        }
    }

    // Verdict and explanation, once they may be shown.
    if (q.Graded() && reveal != Reveal::Nothing) {
        std::string verdict = !g.answered ? Tr("quiz.not_answered") : g.correct ? Tr("common.correct") : g.score > 0 ? Tr("common.partly_right") : Tr("common.not_quite");
        if (!q.explanation.empty())
            verdict += TrF("quiz.explanation_from", {{"section", SectionTitle(c, q.cite)}, {"explanation", q.explanation}});
        WrappedText(verdict, Colors().text);
        Sem().OutcomeDrawn(ImGui::GetID("verdict"));
    }
    // Immediate mode: check one answer.
    // An ordering question is always answered (the order shown): it can be checked
    // as it stands, by someone who thinks it right or who cannot drag.
    bool answered = resp ? !g.stale && !resp->chosen.empty() : q.kind == QuestionKind::Ordering;
    if (quiz.feedback == FeedbackMode::Immediate && q.Graded() && !locked && answered) {
        if (Button(TrId("quiz.check_answer", "check"), TrF("quiz.check_answer_to_question_n", {{"n", std::to_string(number)}}).c_str())) {
            out.quiz = Make(QuizIntent::Kind::Check, quiz, &q);
            Sem().FocusOutcome(ImGui::GetID("verdict"));  // where the learner's attention goes next
        }
    }
    ImGui::PopID();
}

}  // namespace

// --- DrawQuiz ---------------------------------------------------------------
void DrawQuiz(const WorkbookView& v, const Quiz& quiz, float width, Intents& out) {
    const QuizProgress& p = ProgressOf(v, quiz);
    ImGui::PushID(quiz.id.c_str());
    Gap(1.0f);
    ImGui::Separator();
    ImVec2 a = ImGui::GetCursorScreenPos();
    {
        SemScope scope(Role::Region, quiz.title.c_str(), a, ImVec2(a.x + width, a.y + Em() * 4), nullptr, SemFlag_SkipTarget);
        HeadingText(GetFonts().h2, quiz.title, 2);
        const std::string info =
            TrN("quiz.info", quiz.GradedCount(), {{"pass", std::to_string(static_cast<int>(quiz.pass_mark * 100 + 0.5))}}) +
            " " +
            (quiz.feedback == FeedbackMode::Immediate ? Tr("quiz.check_each_answer_as_you") : Tr("quiz.your_score_and_the_answers")) +
            (quiz.scoring == ScoringRule::Partial ? Tr("quiz.partly_right_answers_earn_part") : "");
        MutedText(info.c_str());
        if (p.mastered) WrappedText(Tr("quiz.mastered_you_have_passed_this"), Colors().text);
        // Answers given to an earlier version of a question no longer count: say which, and why.
        {
            std::vector<std::string> changed;
            int graded_n = 0, rating_n = 0;
            for (const Question& q : quiz.questions) {
                const int n = q.Graded() ? ++graded_n : ++rating_n;
                auto it = p.answers.find(q.id);
                if (it != p.answers.end() && IsStale(q, it->second))
                    changed.push_back(TrF(q.Graded() ? Key("quiz.question_ref") : Key("quiz.self_check_ref"), {{"n", std::to_string(n)}}));
            }
            if (!changed.empty()) {
                WrappedText(TrN("quiz.stale_answers", static_cast<long long>(changed.size()), {{"list", ListInWords(changed)}}), Colors().text);
            }
        }

        int number = 0, rating_number = 0;
        for (const Question& q : quiz.questions) {
            int n = q.Graded() ? ++number : ++rating_number;
            DrawQuestion(v, quiz, p, q, n, width, out);
        }

        Gap(0.8f);
        if (!p.submitted) {
            if (Button(TrId("quiz.submit_quiz", "submit"), TrF("quiz.submit_quiz_named", {{"quiz", quiz.title}}).c_str())) {
                out.quiz = Make(QuizIntent::Kind::Submit, quiz);
                Sem().FocusOutcome(ImGui::GetID("score"));
            }
        }
        if (!p.attempts.empty()) {
            const Attempt& last = p.attempts.back();
            int right = 0;
            for (const QuestionResult& r : last.results) right += r.correct ? 1 : 0;
            const std::string score = TrF("quiz.score", {{"score", std::to_string(static_cast<int>(last.score * 100 + 0.5))},
                                                         {"right", std::to_string(right)},
                                                         {"total", std::to_string(last.results.size())},
                                                         {"verdict", last.passed ? Tr("common.passed") : Tr("quiz.not_passed_yet")},
                                                         {"attempts", std::to_string(p.attempts.size())}});
            WrappedText(score, Colors().text);
            Sem().OutcomeDrawn(ImGui::GetID("score"));
            if (p.submitted) {
                if (Button(TrId("quiz.retry_wrong_answers_only", "retry_wrong"))) out.quiz = Make(QuizIntent::Kind::RetryWrong, quiz);
                ImGui::SameLine();
                if (Button(TrId("quiz.retry_all", "retry_all"), TrF("quiz.retry_all_of_named", {{"quiz", quiz.title}}).c_str())) out.quiz = Make(QuizIntent::Kind::RetryAll, quiz);
            }
        }
    }
    ImGui::PopID();
}

// --- DrawResults --------------------------------------------------------------
void DrawResults(const WorkbookView& v, ShellUi& ui, Intents& out) {
    const Content& c = v.content;
    float width = std::min(ImGui::GetContentRegionAvail().x, Em() * 38.0f);
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Region, Tr("common.your_results"), a, ImVec2(a.x + width, a.y + ImGui::GetContentRegionAvail().y));
    HeadingText(GetFonts().h1, Tr("common.your_results"), 1);
    if (Button(TrId("quiz.close_results", "close"))) out.toggle_results = true;

    QuizSummary sum = Summarize(c.quizzes, v.state.quizzes);
    WrappedText(TrF("results.summary", {{"read", std::to_string(v.state.reader.read.size())},
                                        {"sections", std::to_string(c.sections.size())},
                                        {"passed", std::to_string(sum.mastered)},
                                        {"quizzes", std::to_string(sum.quiz_count)},
                                        {"score", std::to_string(static_cast<int>(sum.score * 100 + 0.5))},
                                        {"reflections", std::to_string(v.state.AnsweredReflections())}}),
                Colors().text);
    if (sum.stale > 0) WrappedText(TrN("results.stale", sum.stale), Colors().text);
    if (!v.planner_week.empty()) WrappedText(v.planner_week, Colors().text);

    Gap(0.5f);
    HeadingText(GetFonts().h2, Tr("quiz.quizzes"), 2);
    bool only = ui.only_unanswered;
    if (ChoiceRow("##only_unanswered", Tr("quiz.show_only_quizzes_with_unanswered"), only, false,
                  std::min(width, Em() * 22)))
        ui.only_unanswered = !ui.only_unanswered;
    for (const QuizStatus& st : sum.quizzes) {
        if (ui.only_unanswered && st.unanswered == 0) continue;
        std::string title = SectionTitle(c, st.section);
        std::string line = TrN("results.quiz_line", st.attempts,
                               {{"title", title},
                                {"best", std::to_string(static_cast<int>(st.best_score * 100 + 0.5))},
                                {"answered", std::to_string(st.answered)},
                                {"graded", std::to_string(st.graded)}});
        if (st.mastered) line += Tr("quiz.mastered");
        if (st.stale > 0) line += TrN("results.quiz_stale", st.stale);
        std::string href = "#/read/" + st.section;
        if (LinkRow((line + "##" + st.quiz).c_str(), false, line.c_str(), nullptr, href.c_str())) {
            int si = c.FindSection(st.section);
            if (si >= 0) out.go_to_section = si;
        }
    }

    Gap(0.5f);
    HeadingText(GetFonts().h2, Tr("quiz.how_you_rate_your_habits"), 2);
    std::vector<TipRating> ratings = SelfAssessment(c.quizzes, v.state.quizzes);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const TipRating& t : ratings) {
        std::string title = SectionTitle(c, t.tip);
        const int tenths = static_cast<int>(t.average * 10 + 0.5);
        std::string text = t.HasRating() ? TrF("quiz.rating_of_5", {{"tip", title}, {"rating", std::to_string(tenths / 10) + Tr("number.decimal") +
                                                                                             std::to_string(tenths % 10)}})
                                         : TrF("quiz.rating_none", {{"tip", title}});
        ImVec2 p0 = ImGui::GetCursorScreenPos();
        float label_w = std::min(width * 0.45f, Em() * 16);
        float bar_w = width - label_w - Em();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_w);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
        float h = ImGui::GetItemRectSize().y;
        ImVec2 b0(p0.x + label_w + Em() * 0.5f, p0.y + 2), b1(b0.x + bar_w, p0.y + std::max(h, Em()) - 2);
        dl->AddRectFilled(b0, b1, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
        dl->AddRect(b0, b1, ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
        if (t.HasRating())
            dl->AddRectFilled(b0, ImVec2(b0.x + bar_w * static_cast<float>(t.average / 5.0), b1.y), Colors().accent, 3.0f);
        SemText(Role::Text, text, p0, b1);
    }

    Gap(0.5f);
    HeadingText(GetFonts().h2, Tr("quiz.what_to_do_next"), 2);
    std::vector<Recommendation> recs = Recommend(c.quizzes, v.state.quizzes, 3);
    for (const Recommendation& r : recs) {
        WrappedText("\xE2\x80\xA2 " + r.text + " (" + SectionTitle(c, r.tip) + ")", Colors().text);
        ImGui::PushID(r.action.c_str());
        // Names start with the visible label (WCAG 2.5.3), then say which one.
        std::string plan = TrF("quiz.do_it_in_the_planner_named", {{"action", r.text}});
        if (Button(TrId("quiz.do_it_in_the_planner_2", "plan"), plan.c_str())) out.planner_action = r.action;
        ImGui::SameLine();
        std::string name = TrF("quiz.read_the_tip_named", {{"tip", SectionTitle(c, r.tip)}});
        if (Button(TrId("quiz.read_the_tip_2", "tip"), name.c_str())) {
            int si = c.FindSection(r.tip);
            if (si >= 0) out.go_to_section = si;
        }
        ImGui::PopID();
    }
}

}  // namespace wb::ui
