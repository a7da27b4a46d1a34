#include "app/app.h"
#include "core/strings.h"

#include <cctype>
#include <cstdio>

#include "app/assets.h"

#include "core/route.h"
#include "core/search.h"
#include "imgui_internal.h"
#include "ui/semantics.h"
#include "ui/widgets.h"  // DrawFocusRing

namespace wb {

App::App() {
    using namespace assets;
    ui::SetFontData({font_regular, font_regular_size, font_bold, font_bold_size, font_italic, font_italic_size,
                     content_glyphs, content_glyphs_size});
}

bool App::Init(std::string_view compiled_chapter, std::string& error) {
    ContentResult r = DecodeContentBinary(compiled_chapter);
    if (!r.ok || r.content.sections.empty()) {
        error = r.ok ? Tr("app.the_chapter_has_no_sections") : r.error;
        return false;
    }
    content_ = std::move(r.content);
    SetStrings(content_.texts);  // every Tr() from here on reads this chapter's strings
    return true;
}

void App::LoadState(std::string_view stored) {
    StateLoad load = DecodeState(stored);
    state_ = std::move(load.state);
    quarantine_needed_ = load.quarantine();
    if (!load.problems.empty()) {
        notice_ = Tr("app.some_of_your_saved_workbook");
        for (const std::string& p : load.problems) notice_ += p + " ";
        notice_ += Tr("app.you_can_download_the_original");
        out.announce = notice_;
    }
    int i = content_.FindSection(state_.reader.current);
    OpenSection(i >= 0 ? i : 0, false);
    out.style_dirty = out.fonts_dirty = true;
}

void App::SetStorageUnavailable() {
    storage_unavailable_ = true;
    notice_ = Tr("app.this_browser_is_not_letting");
}

void App::MarkDirty() {
    out.state_dirty = true;
    if (state_.generation.empty()) state_.generation = std::to_string(now_ms_) + "-" + tab_id_;
    if (!persist_requested_ && (state_.AnsweredReflections() > 0 || !state_.reader.read.empty())) {
        persist_requested_ = true;  // real data now exists: worth asking the browser to keep it
        out.request_persist = true;
    }
}

App::MergeResult App::MergeStored(std::string_view stored) {
    StateLoad load = DecodeState(stored);
    MergeResult result;
    result.quarantine = load.quarantine();
    if (load.status == StateLoad::Status::Unreadable || load.status == StateLoad::Status::Empty) {
        result.news = true;  // nothing usable is stored: this tab's state must be written
        return result;
    }
    int before = state_.settings.text_size_pct;
    ThemeChoice theme = state_.settings.theme;
    bool hc = state_.settings.high_contrast;
    result.news = MergeStates(state_, load.state);
    bool text_size_changed = before != state_.settings.text_size_pct;
    if (text_size_changed) out.fonts_dirty = true;
    if (text_size_changed || theme != state_.settings.theme || hc != state_.settings.high_contrast) out.style_dirty = true;
    // The section shown stays this tab's; only a section that no longer exists moves.
    if (section_ >= static_cast<int>(content_.sections.size())) OpenSection(0, false);
    return result;
}

void App::SetSaveProblem(const std::string& problem) {
    if (problem == save_problem_) return;
    if (problem.empty() && !save_problem_.empty()) out.announce = Tr("app.saved");
    else if (!problem.empty()) out.announce = problem;
    save_problem_ = problem;
}

uint64_t App::ShuffleSeed() {
    if (state_.shuffle_seed != 0) return state_.shuffle_seed;
    // Made once per learner from time and tab; until an answer stores it, the
    // page shows the order it will keep.
    if (shown_seed_ == 0) shown_seed_ = Fnv1a64(std::to_string(now_ms_) + tab_id_) | 1;
    return shown_seed_;
}

void App::ApplyQuiz(const ui::QuizIntent& in) {
    const Quiz* quiz = content_.FindQuiz(in.quiz);
    if (!quiz) return;
    if (state_.shuffle_seed == 0) state_.shuffle_seed = ShuffleSeed();  // stored: the order stays the same
    QuizProgress& p = state_.quizzes[quiz->id];
    using K = ui::QuizIntent::Kind;
    bool changed = false;
    switch (in.kind) {
        case K::Choose: changed = Choose(*quiz, p, in.question, in.option); break;
        case K::Move: changed = MoveItem(*quiz, p, state_.shuffle_seed, in.question, in.from, in.to); break;
        case K::Rate: changed = Rate(*quiz, p, in.question, in.rating); break;
        case K::Check:
            // An ordering checked as first shown: that order is the answer.
            if (const Question* q = quiz->Find(in.question); q && q->kind == QuestionKind::Ordering && !p.answers.count(q->id))
                SetOrder(*quiz, p, in.question, CurrentOrder(*quiz, p, state_.shuffle_seed, in.question));
            changed = CheckAnswer(*quiz, p, in.question);
            if (changed) {
                // Say what the eye sees: the verdict and why.
                Grade g = GradeAnswer(*quiz, p, in.question);
                const Question* q = quiz->Find(in.question);
                out.announce = std::string(g.correct ? Tr("common.correct") : g.score > 0 ? Tr("common.partly_right") : Tr("common.not_quite")) +
                               (q ? " " + q->explanation : "");
            }
            break;
        case K::Submit: {
            Attempt a = SubmitQuiz(*quiz, p, now_ms_ / 1000);
            out.announce = TrF("app.quiz_submitted", {{"score", std::to_string(static_cast<int>(a.score * 100 + 0.5))},
                                                      {"verdict", a.passed ? Tr("common.passed") : Tr("app.not_passed_yet_the_answers")}});
            changed = true;
            break;
        }
        case K::RetryAll: RetryAll(*quiz, p); changed = true; break;
        case K::RetryWrong: RetryWrong(*quiz, p); changed = true; break;
    }
    if (changed) {
        state_.quiz_revs[quiz->id] = NewRev();
        MarkDirty();
    }
}

void App::ReplaceState(LearnerState next, const char* announcement) {
    auto scroll = std::move(state_.reader.scroll);
    state_ = std::move(next);
    if (state_.reader.scroll.empty()) state_.reader.scroll = std::move(scroll);
    // A new generation: other tabs take this data whole instead of merging old records back in.
    state_.generation = std::to_string(now_ms_) + "-" + tab_id_;
    out.state_replaced = true;
    out.state_dirty = true;
    out.fonts_dirty = out.style_dirty = true;
    out.announce = announcement;
    int i = content_.FindSection(state_.reader.current);
    OpenSection(i >= 0 ? i : 0, true);
}

void App::OnRoute(std::string_view hash) {
    Route r = ParseRoute(hash);
    if (r.kind == Route::Kind::Planner) {
        ui::PlannerPage page = ui::PlannerPage::Week;
        if (!ui::PlannerPageFromSlug(r.section, page)) {
            notice_ = Tr("app.the_link_asked_for_a") + r.section + Tr("app.which_the_planner_does_not");
        }
        // "#/planner/events/<id>" opens that event (a coming event's link on This week).
        if (page == ui::PlannerPage::Events && r.id) planner_.ui.editing = r.id;
        OpenPlanner(page, r.id, false);
        return;
    }
    if (r.kind == Route::Kind::Home) {
        ui_.results_open = true;
        ui_.search_open = ui_.settings_open = ui_.contents_open = false;
        return;
    }
    if (r.kind != Route::Kind::Read) return;
    ui_.planner_open = false;
    int i = content_.FindSection(r.section);
    if (i < 0) {
        notice_ = Tr("app.the_link_asked_for_a_2") + r.section + Tr("app.which_this_workbook_does_not") + content_.sections[section_].title + Tr("app.instead");
        return;
    }
    if (i != section_ || ui_.search_open) OpenSection(i, false);
}

void App::SetSystemDark(bool dark) {
    if (dark != system_dark_) out.style_dirty = true;
    system_dark_ = dark;
}

void App::SetForcedColors(const std::optional<ui::SystemColors>& colors) {
    forced_colors_ = colors;
    out.style_dirty = true;
}

bool App::NeedsAllLatin() const {
    // People's names are where accents turn up: any planner with contacts gets all of Latin.
    if (!planner_.model().contacts.empty()) return true;
    for (const auto& kv : state_.reflections)
        if (ui::NeedsAllLatin(kv.second.c_str(), kv.second.c_str() + kv.second.size())) return true;
    return ui::NeedsAllLatin(ui_.query.c_str(), ui_.query.c_str() + ui_.query.size());
}

bool App::NeedsExtraGlyphs() {
    auto in = [](const std::string& t) { return ui::NeedsExtraGlyphs(t.c_str(), t.c_str() + t.size()); };
    for (const auto& kv : state_.reflections)
        if (in(kv.second)) return true;
    if (in(ui_.query)) return true;
    // The planner can be large: read again only after it changed.
    if (extra_glyphs_stale_ && planner_code_ == PlannerCode::Ready) {
        extra_glyphs_stale_ = false;
        const planner::Planner& p = planner_.model();
        for (const planner::Contact& c : p.contacts) {
            for (const std::string* f : {&c.name, &c.company, &c.role, &c.location, &c.met, &c.notes})
                if (in(*f)) planner_extra_glyphs_ = true;
            for (const std::string& t : c.tags) planner_extra_glyphs_ = planner_extra_glyphs_ || in(t);
            for (const planner::Interaction& i : c.log) planner_extra_glyphs_ = planner_extra_glyphs_ || in(i.note);
            if (planner_extra_glyphs_) break;
        }
        for (const planner::Organization& o : p.organizations)
            planner_extra_glyphs_ = planner_extra_glyphs_ || in(o.name) || in(o.notes);
        for (const planner::Event& e : p.events)
            planner_extra_glyphs_ = planner_extra_glyphs_ || in(e.name) || in(e.place) || in(e.notes);
    }
    return planner_extra_glyphs_;
}

ui::Palette App::CurrentPalette() const {
    switch (state_.settings.theme) {
        case ThemeChoice::Dark: return ui::Palette::Dark;
        case ThemeChoice::Light: return ui::Palette::Light;
        default: return system_dark_ ? ui::Palette::Dark : ui::Palette::Light;
    }
}

void App::OpenSection(int index, bool push_route) {
    section_ = index;
    const Section& s = content_.sections[index];
    if (state_.reader.current != s.id) {
        state_.reader.current = s.id;
        state_.current_rev = NewRev();
        MarkDirty();
    }
    auto it = state_.reader.scroll.find(s.id);
    ui_.restore_scroll = it == state_.reader.scroll.end() ? 0.0f : it->second;
    ui_.restore_frames = 4;
    ui_.search_open = false;
    ui_.settings_open = false;
    ui_.results_open = false;
    ui_.contents_open = false;
    ui_.planner_open = false;
    if (push_route) out.route = FormatReadRoute(s.id);
    out.title = s.title + " \xE2\x80\x94 " + Tr("app.title");
    AnnouncePage(s.title);
}

void App::AnnouncePage(const std::string& name) {
    if (drawn_ && out.announce.empty()) out.announce = name;
}

void App::Frame() {
    ui::BeginRunFrame();  // the frame's budget for words the browser draws
    Semantics& sem = Sem();
    sem.BeginFrame();
    if (sem.requests.focus_reading) {
        // DOM focus is on text, not on a control: ImGui lets go of its focus too,
        // so reading keys (arrows, Page Up/Down) scroll the text.
        sem.requests.focus_reading = false;
        ImGui::GetCurrentContext()->NavId = 0;
        if (!ImGui::GetCurrentContext()->NavWindow) ImGui::SetWindowFocus("##workbook");
    }
    ui::WorkbookView v{content_, state_};
    v.section = section_;
    v.notice = notice_;
    v.notice_has_download = quarantine_needed_ && !notice_.empty();
    v.notice_set_aside = safe_mode_;
    v.wide = wide_;
    v.save_problem = save_problem_;
    v.storage_unavailable = storage_unavailable_;
    v.persistence = persistence_;
    v.in_lms = lms_ != LmsVersion::None;
    v.lms_status = lms_status_;
    v.lms_learner = LmsLearnerLabel();
    if (pending_restore_) {
        const LearnerState& next = pending_restore_->state;
        ui::RestorePreview p;
        p.filename = pending_restore_name_;
        const BackupOwner& o = pending_restore_->owner;
        if (o.where == "browser") p.whose = Tr("app.it_holds_the_work_kept");
        else if (o.where == "lms")
            p.whose = TrF("app.it_holds_the_work_of_learner", {{"learner", LearnerLabel(o.learner_name, o.learner_id)}});
        p.rows = {{Tr("app.reflection_answers"), state_.AnsweredReflections(), next.AnsweredReflections()},
                  {Tr("app.sections_read"), static_cast<int>(state_.reader.read.size()), static_cast<int>(next.reader.read.size())},
                  {Tr("app.quizzes_with_answers"), static_cast<int>(state_.quizzes.size()), static_cast<int>(next.quizzes.size())}};
        if (pending_restore_->has_planner) {
            const planner::Planner& m = planner_.model();
            p.rows.push_back({Tr("app.planner_contacts"), static_cast<int>(m.contacts.size()), restore_counts_[0]});
            p.rows.push_back({Tr("common.organizations"), static_cast<int>(m.organizations.size()), restore_counts_[1]});
            p.rows.push_back({Tr("common.events"), static_cast<int>(m.events.size()), restore_counts_[2]});
        }
        v.restore = std::move(p);
    }
    v.seed = ShuffleSeed();
    // The results page's planner line goes over every contact: counted when the page
    // opens, the day turns or the planner changes, not on every frame.
    if (ui_.results_open && planner_.loaded() && planner_code_ == PlannerCode::Ready) {
        if (planner_week_stale_ || planner_week_day_ != today_) {
            planner_week_ = PlannerWeekLine();
            planner_week_day_ = today_;
            planner_week_stale_ = false;
        }
        v.planner_week = planner_week_;
    } else {
        planner_week_stale_ = true;
    }
    if (!ui_.planner_open && planner_code_ == PlannerCode::Ready && planner_.loaded()) {
        UpdateReflectionOffers();
        v.offers = &offers_;
    }
    v.status.reserve(content_.sections.size());
    for (const Section& s : content_.sections) {
        const Quiz* quiz = content_.QuizForSection(s.id);
        auto p = quiz ? state_.quizzes.find(quiz->id) : state_.quizzes.end();
        bool passed = p != state_.quizzes.end() && p->second.mastered;
        v.status.push_back(passed                       ? ui::SectionStatus::QuizPassed
                           : state_.reader.read.count(s.id) ? ui::SectionStatus::Read
                                                            : ui::SectionStatus::NotStarted);
    }
    ui::Intents in;
    ui::PlannerIntents pin;
    if (ui_.planner_open && planner_code_ != PlannerCode::Ready) {
        v.planner_pending = planner_code_ == PlannerCode::Pending ? std::string(Tr("app.opening_the_planner"))
                                                                   : planner_code_problem_;
        ui::DrawWorkbook(v, ui_, in);
    } else if (ui_.planner_open) {
        if (planner_.ImportRunning()) {
            planner_.StepImport(3000);  // a slice per frame: the progress bar moves, the page stays responsive
            out.busy = true;
            if (const planner::ImportJob* done = planner_.import_job(); done && done->Done()) {
                const planner::ImportPreview& ip = done->Preview();
                out.announce = ip.ok() ? TrF("app.import_preview_ready", {{"summary", planner::ImportSummary(ip)}})
                                       : TrF("common.file_cannot_be_imported_why", {{"why", ip.error}});
            }
        }
        const planner::ImportJob* job = planner_.import_job();
        ui::PlannerView pv{planner_.model()};
        pv.today = today_;
        pv.loaded = planner_.loaded();
        pv.load_problem = PlannerNotice();
        pv.quarantined = planner_quarantined_;
        pv.templates = &planner_.templates;
        pv.in_lms = lms_ != LmsVersion::None;
        if (job) {
            pv.import_filename = planner_.import_filename();
            pv.import_progress = job->Done() ? 1.0f : std::min(job->Progress(), 0.99f);
            if (job->Done()) pv.import = &job->Preview();
        }
        ui::PlannerPane pane{pv, planner_.ui, pin};
        ui::DrawWorkbook(v, ui_, in, &pane);
    } else {
        ui::DrawWorkbook(v, ui_, in);
    }
    ui::DrawFocusRing();
    drawn_ = true;
    Apply(in);
    if (planner_code_ == PlannerCode::Ready) ApplyPlanner(pin);
    // A widget's own announcement (a date picked in a calendar), unless an action said more.
    if (out.announce.empty()) out.announce = sem.announcement;
    sem.announcement.clear();
}

void App::Apply(const ui::Intents& in) {
    if (in.end_seen) {
        state_.reader.read.insert(content_.sections[*in.end_seen].id);
        MarkDirty();
    }
    if (in.scrolled) {
        state_.reader.scroll[content_.sections[section_].id] = *in.scrolled;
        MarkDirty();
    }
    if (in.reflection_edit) {
        state_.reflections[in.reflection_edit->first] = in.reflection_edit->second;
        state_.reflection_revs[in.reflection_edit->first] = NewRev();
        MarkDirty();
        if (!ui_.query.empty()) ui_.hits = Search(content_, state_.reflections, ui_.query);  // answers are searchable
    }
    if (in.add_from_reflection && !PlannerUnavailable()) AddFromReflection(in.add_from_reflection->first, in.add_from_reflection->second);
    if (in.show_in_planner)
        OpenPlanner(*in.show_in_planner == ReflectionPlanner::Event          ? ui::PlannerPage::Events
                    : *in.show_in_planner == ReflectionPlanner::Organization ? ui::PlannerPage::Organizations
                                                                             : ui::PlannerPage::Contacts,
                    0, true);
    if (in.go_to_section && *in.go_to_section >= 0 && *in.go_to_section < static_cast<int>(content_.sections.size())) {
        ui_.highlight.clear();
        OpenSection(*in.go_to_section, true);
    }
    if (in.quiz) ApplyQuiz(*in.quiz);
    if (in.toggle_planner) {
        if (ui_.planner_open && !ui_.settings_open && !ui_.results_open && !ui_.search_open) {
            ui_.planner_open = false;
            OpenSection(section_, true);
        } else {
            OpenPlanner(planner_.ui.page, planner_.ui.contact, true);
        }
    }
    if (in.planner_action) DoPlannerAction(*in.planner_action);
    if (in.toggle_results) {
        ui_.results_open = !ui_.results_open;
        if (ui_.results_open) ui_.search_open = ui_.settings_open = ui_.contents_open = false;
        if (ui_.results_open) AnnouncePage(Tr("common.your_results"));
    }
    if (in.open_external) out.open_url = *in.open_external;
    if (in.toggle_contents) ui_.contents_open = !ui_.contents_open;
    if (in.toggle_settings) {
        ui_.settings_open = !ui_.settings_open;
        if (ui_.settings_open) ui_.search_open = ui_.results_open = ui_.contents_open = false;
        if (ui_.settings_open) AnnouncePage(Tr("settings.title"));
    }
    if (in.toggle_search) {
        ui_.search_open = !ui_.search_open;
        if (ui_.search_open) ui_.settings_open = ui_.results_open = ui_.contents_open = false;
        ui_.focus_search = ui_.search_open;
        if (!ui_.search_open) ui_.highlight.clear();
    }
    if (in.search_query) {
        ui_.query = *in.search_query;
        ui_.hits = Search(content_, state_.reflections, ui_.query);
        // The count, as the eye sees it under the field.
        if (ui_.query.size() >= 2) out.announce = ui::SearchCount(content_, ui_.hits.size());
    }
    if (in.open_hit) {
        OpenSection(in.open_hit->section, true);
        ui_.highlight = ui_.query;
        ui_.scroll_to_block = in.open_hit->block;
        if (in.open_hit->block >= 0) ui_.restore_scroll.reset();
    }
    if (in.set_theme || in.set_high_contrast || in.set_text_size) state_.settings_rev = NewRev();
    if (in.set_theme) {
        state_.settings.theme = *in.set_theme;
        out.style_dirty = true;
        MarkDirty();
    }
    if (in.set_high_contrast) {
        state_.settings.high_contrast = *in.set_high_contrast;
        out.style_dirty = true;
        MarkDirty();
    }
    if (in.set_text_size) {
        state_.settings.text_size_pct = *in.set_text_size;
        out.fonts_dirty = out.style_dirty = true;
        MarkDirty();
    }
    if (in.dismiss_notice) notice_.clear();
    if (in.download_quarantine) out.download_quarantine = true;
    if (in.download_backup) DownloadBackup();
    if (in.choose_restore) out.choose_restore_file = true;
    if (in.cancel_restore) pending_restore_.reset();
    if (in.confirm_restore && pending_restore_ && !restoring_) ConfirmRestore();
    if (in.ask_reset) ui_.confirm_reset = true;
    if (in.cancel_reset) ui_.confirm_reset = false;
    if (in.confirm_reset) {
        ui_.confirm_reset = false;
        planner::Planner fresh;
        fresh.generation = std::to_string(now_ms_) + "-" + tab_id_;
        planner_.Replace(std::move(fresh));
        out.planner_save_now = true;
        ReplaceState(LearnerState{}, Tr("app.your_data_was_reset_the"));
    }
}

}  // namespace wb
