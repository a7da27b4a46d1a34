// The App's planner half: applying what the learner did, and the platform's
// load, save, merge and file results. Loaded after the first frame with the
// planner's code (CMakeLists.txt WB_DEFERRED_SOURCES); opening its pages and
// saying when it is not there yet is in app_planner_shell.cpp.
#include <algorithm>
#include "core/strings.h"

#include "app/app.h"
#include "core/planner_text.h"
#include "core/reflection_names.h"
#include "core/route.h"
#include "ui/theme.h"

namespace wb {
using namespace planner;

void App::SetTemplates(std::string_view json) {
    std::string error;
    if (!DecodeTemplates(json, planner_.templates, error)) {
        // Built from content/ by us: a problem here is a build bug; the planner works without templates.
        planner_.templates = {};
        notice_ = TrF("planner.templates_unreadable", {{"error", error}});
    }
}

std::string App::PlannerWeekLine() const {
    const Planner& p = planner_.model();
    if (p.contacts.empty() && p.events.empty() && p.organizations.empty()) return "";
    Day from = WeekStart(today_), to = from + 7;
    int touches = 0, added = 0, events = 0, overdue = 0;
    for (const Contact& c : p.contacts) {
        for (const Interaction& i : c.log) touches += i.day >= from && i.day < to;
        added += c.added >= from && c.added < to;
        overdue += StatusOf(c, today_) == FollowUpStatus::Overdue;
    }
    for (const Event& e : p.events) events += e.attended && e.day >= from && e.day < to;
    return TrF("planner.week_line", {{"touches", std::to_string(touches)},
                                     {"added", std::to_string(added)},
                                     {"events", std::to_string(events)},
                                     {"overdue", std::to_string(overdue)}});
}

// A recommendation's button: sets up the thing it recommends, then shows it.
// Doing it twice does not add a second copy.
void App::DoPlannerAction(const std::string& action) {
    if (PlannerUnavailable()) return;
    Planner& p = planner_.model();
    Rev rev = NewRev();
    auto has_goal = [&](GoalKind k) {
        return std::any_of(p.goals.begin(), p.goals.end(), [&](const Goal& g) { return g.kind == k && g.period == GoalPeriod::Week; });
    };
    auto add_goal = [&](GoalKind k, int target) {
        if (has_goal(k)) return;
        Goal g;
        g.kind = k;
        g.period = GoalPeriod::Week;
        g.target = target;
        AddGoal(p, g, rev);
        planner_.TouchMeta();
        MarkPlannerDirty();
    };
    if (action == "set-follow-up-rhythm") {
        // Closest contacts first: the table filtered to the Inner tier, with a weekly follow-up goal.
        add_goal(GoalKind::FollowUps, 3);
        planner_.ui.query = {};
        planner_.ui.query.tier = static_cast<int>(Tier::Inner);
        planner_.ui.rows_dirty = true;
        OpenPlanner(ui::PlannerPage::Contacts, 0, true);
        out.announce = Tr("planner.added_a_goal_of_3");
    } else if (action == "weekly-outreach-block") {
        // The recommendation: fifteen minutes a week for one short message to someone new.
        add_goal(GoalKind::NewContacts, 1);
        OpenPlanner(ui::PlannerPage::Goals, 0, true);
        out.announce = Tr("planner.added_a_goal_of_1");
    } else if (action == "plan-next-event") {
        Event e;
        e.name = Tr("planner.my_next_industry_event");
        e.day = today_ + 30;
        e.goal = Tr("planner.meet_two_or_three_people");
        Id id = AddEvent(p, e, rev);
        planner_.ui.editing = id;
        planner_.TouchMeta();
        MarkPlannerDirty();
        OpenPlanner(ui::PlannerPage::Events, 0, true);
        // A placeholder date inside the recommendation's three months, for the learner to change.
        out.announce = Tr("planner.added_an_event_to_plan");
    } else if (action == "join-an-organization") {
        Organization o;
        o.name = Tr("planner.a_professional_organization_in_my");
        o.kind = planner_.templates.organization_kinds.empty() ? "" : planner_.templates.organization_kinds.front();
        o.want = Tr("planner.meet_peers_and_find_a");
        Id id = AddOrganization(p, o, rev);
        planner_.ui.editing = id;
        planner_.TouchMeta();
        MarkPlannerDirty();
        OpenPlanner(ui::PlannerPage::Organizations, 0, true);
        out.announce = Tr("planner.added_an_organization_to_research");
    } else if (action == "update-profile-weekly") {
        bool have = std::any_of(p.social.begin(), p.social.end(), [](const SocialPlan& s) { return s.action == SocialAction::UpdateProfile; });
        if (!have) {
            SocialPlan s;
            s.platform = Tr("planner.linkedin");
            s.action = SocialAction::UpdateProfile;
            s.every_days = 7;
            AddSocialPlan(p, s, rev);
            planner_.TouchMeta();
            MarkPlannerDirty();
        }
        OpenPlanner(ui::PlannerPage::Social, 0, true);
        out.announce = Tr("planner.added_a_weekly_profile_update");
    } else {
        OpenPlanner(ui::PlannerPage::Week, 0, true);
    }
}

namespace {

NameCues Cues() { return {Tr("list.last_separator"), Tr("reflection.lead_words"), Tr("reflection.filler_words")}; }

}  // namespace

const HeldNames& App::HeldNow() {
    if (!held_names_ || held_at_ != planner_.changes()) {
        held_names_ = std::make_shared<const HeldNames>(HeldNamesOf(planner_.model()));
        held_at_ = planner_.changes();
    }
    return *held_names_;
}

void App::UpdateReflectionOffers() {
    const Section& s = content_.sections[section_];
    std::string key = s.id + '\x1f' + std::to_string(planner_.changes());
    for (const ReflectionPrompt& r : s.reflections) {
        if (r.planner == ReflectionPlanner::None) continue;
        auto it = state_.reflections.find(r.id);
        key += '\x1f' + (it == state_.reflections.end() ? std::string() : it->second);
    }
    if (key == offers_key_) return;
    offers_key_ = std::move(key);
    offers_.clear();
    for (const ReflectionPrompt& r : s.reflections) {
        auto it = state_.reflections.find(r.id);
        if (r.planner == ReflectionPlanner::None || it == state_.reflections.end()) continue;
        ui::ReflectionOffer o{r.id, r.planner, {}};
        std::vector<NamedInReflection> named = NamedIn(it->second, r.planner, Cues());
        if (named.empty()) continue;
        const HeldNames& in_planner = HeldNow();
        for (NamedInReflection& n : named) {
            const bool held = in_planner.Holds(r.planner, n.name);
            o.items.push_back({std::move(n.name), held});
        }
        offers_.push_back(std::move(o));
    }
}

void App::AddFromReflection(const std::string& prompt, const std::vector<std::string>& names) {
    const ReflectionPrompt* r = nullptr;
    for (const Section& s : content_.sections)
        for (const ReflectionPrompt& rp : s.reflections)
            if (rp.id == prompt) r = &rp;
    auto answer = state_.reflections.find(prompt);
    if (!r || answer == state_.reflections.end() || names.empty()) return;
    Planner& p = planner_.model();
    if (p.generation.empty()) p.generation = std::to_string(now_ms_) + "-" + tab_id_;
    const Rev rev = NewRev();
    std::vector<std::string> added;
    // What the answer names now, as offered: the ticked ones not there yet, with the learner's why.
    const HeldNames held = HeldNow();  // a copy: adding moves the planner on
    for (NamedInReflection& n : NamedIn(answer->second, r->planner, Cues())) {
        if (std::find(names.begin(), names.end(), n.name) == names.end() || held.Holds(r->planner, n.name)) continue;
        if (r->planner == ReflectionPlanner::Contacts) {
            Contact c;
            c.name = n.name;
            c.notes = std::move(n.context);
            c.source = "reflection";
            c.added = today_;
            planner_.TouchContact(AddContact(p, std::move(c), rev));
        } else if (r->planner == ReflectionPlanner::Event) {
            Event e;
            e.name = n.name;
            e.notes = std::move(n.context);
            AddEvent(p, std::move(e), rev);
        } else {
            Organization o;
            o.name = n.name;
            o.notes = std::move(n.context);
            AddOrganization(p, std::move(o), rev);
        }
        added.push_back(n.name);
    }
    if (added.empty()) return;
    planner_.TouchMeta();
    MarkPlannerDirty();
    const std::string list = ListInWords(added);
    out.announce = r->planner == ReflectionPlanner::Contacts
                       ? TrN("reflection.added_contacts", static_cast<long long>(added.size()), {{"names", list}})
                   : r->planner == ReflectionPlanner::Event ? TrF("reflection.added_event", {{"name", list}})
                                                            : TrF("reflection.added_organization", {{"name", list}});
}

void App::PlannerLoaded(bool quarantined) {
    planner_quarantined_ = quarantined;
    planner_week_stale_ = extra_glyphs_stale_ = true;
    if (!planner_.load_problem().empty()) out.announce = planner_.load_problem();
    if (planner_.dirty()) out.planner_dirty = true;  // damaged chunks are rewritten from what was read
    // A deep link to a contact opened before the planner was loaded: its title now.
    if (ui_.planner_open) OpenPlanner(planner_.ui.page, planner_.ui.contact, false);
}

void App::RestoreSaved(planner::Planner&& next) {
    extra_glyphs_stale_ = planner_week_stale_ = true;
    out.planner_save_now = true;
    if (planner_.unavailable()) {  // no database: the planner lives in this page only
        planner_.Replace(std::move(next));
        RestoreFinished();
        return;
    }
    planner_.ReplaceOrUndo(std::move(next));  // PlannerSaveFinished ends the restore
}

void App::PlannerSaveFinished(int status, const std::string& message) {
    std::string problem = planner_.SaveFinished(PlannerHost::SaveStatusFrom(status), message);
    switch (planner_.TakeReplaceOutcome()) {
    case PlannerHost::ReplaceOutcome::None: break;
    case PlannerHost::ReplaceOutcome::Saved:
        if (restoring_) RestoreFinished();
        break;
    case PlannerHost::ReplaceOutcome::Undone:
        // The planner was not written, so the answers written before it go back too.
        extra_glyphs_stale_ = planner_week_stale_ = true;
        if (restoring_) {
            restoring_->undoing = true;
            restoring_->why = TrF("planner.restore_refused", {{"file", restoring_->name}, {"why", message}});
            ReplaceState(std::move(restoring_->old_state), Tr("planner.putting_your_answers_back"));
        }
        break;
    }
    if (problem != planner_save_problem_) out.announce = problem.empty() ? Tr("planner.planner_saved") : problem;
    planner_save_problem_ = problem;
}

void App::MergeStoredPlanner() {
    if (planner_.MergeStoredDone(NewRev())) PlannerMerged();
}

void App::PlannerMerged() {
    planner_week_stale_ = extra_glyphs_stale_ = true;
    ui::PlannerUi& pu = planner_.ui;
    // Records added here that another tab had given the same ids moved to new ones:
    // what the UI holds by id follows them (the page shown, the form, the picks).
    if (const std::vector<std::pair<Id, Id>> moved = planner_.TakeMoved(); !moved.empty()) {
        const Id shown = pu.contact;
        ui::FollowMovedIds(pu, moved);
        if (pu.contact != shown && pu.page == ui::PlannerPage::Contact)
            out.route = FormatPlannerRoute(ui::PlannerPageSlug(pu.page), pu.contact);
        out.planner_dirty = true;
    }
    if (pu.page == ui::PlannerPage::Contact && !FindContact(planner_.model(), pu.contact)) pu.confirm_delete = false;
}

void App::OnImportFile(const std::string& filename, std::string bytes) {
    if (PlannerUnavailable()) return;
    // Names in other scripts show in the preview already, before they are in the planner.
    if (ui::NeedsExtraGlyphs(bytes.data(), bytes.data() + bytes.size())) planner_extra_glyphs_ = true;
    if (bytes.empty()) {
        notice_ = "\"" + filename + Tr("planner.is_empty_or_larger_than");
        out.announce = notice_;
        return;
    }
    planner_.ui.import_filter = -1;  // a new preview shows every line
    planner_.StartImport(planner_.model(), filename, std::move(bytes), today_);
    OpenPlanner(ui::PlannerPage::Contacts, 0, true);
    out.busy = true;
    out.announce = TrF("planner.reading_file", {{"file", filename}});
}

void App::ApplyPlanner(const ui::PlannerIntents& in) {
    Planner& p = planner_.model();
    ui::PlannerUi& pu = planner_.ui;
    Rev rev = NewRev();
    if (p.generation.empty()) p.generation = std::to_string(now_ms_) + "-" + tab_id_;

    if (in.go) OpenPlanner(*in.go, pu.contact, true);
    if (in.open_contact) OpenPlanner(ui::PlannerPage::Contact, *in.open_contact, true);

    // Stored records about to change in place keep their base for merging (see PlannerHost::WillEdit).
    for (Id id : ui::EditedRecords(in, pu, planner_.import_job())) planner_.WillEdit(id);

    if (in.put_contact) {
        Contact c = *in.put_contact;
        if (c.id == 0) {
            Id id = AddContact(p, std::move(c), rev);
            planner_.TouchContact(id);
            planner_.TouchMeta();  // next_id moved
            out.announce = Tr("planner.contact_added");
            OpenPlanner(ui::PlannerPage::Contact, id, true);
        } else if (Contact* cur = FindContact(p, c.id)) {
            c.rev = rev;
            *cur = std::move(c);
            planner_.TouchContact(cur->id);
        }
        MarkPlannerDirty();
    }
    auto put = [&](auto& list, auto record, auto add) {
        if (record.id == 0) {
            Id id = add(p, std::move(record), rev);
            if (in.edit_added) pu.editing = id;  // the view asked for the new record's editor
        } else {
            for (auto& r : list)
                if (r.id == record.id) {
                    record.rev = rev;
                    r = std::move(record);
                    break;
                }
        }
        planner_.TouchMeta();
        MarkPlannerDirty();
    };
    if (in.put_org) put(p.organizations, *in.put_org, [](Planner& pl, Organization o, Rev r) { return AddOrganization(pl, std::move(o), r); });
    if (in.put_event) put(p.events, *in.put_event, [](Planner& pl, Event e, Rev r) { return AddEvent(pl, std::move(e), r); });
    if (in.put_social) put(p.social, *in.put_social, [](Planner& pl, SocialPlan s, Rev r) { return AddSocialPlan(pl, std::move(s), r); });
    if (in.put_target) put(p.targets, *in.put_target, [](Planner& pl, Target t, Rev r) { return AddTarget(pl, std::move(t), r); });
    if (in.put_goal) put(p.goals, *in.put_goal, [](Planner& pl, Goal g, Rev r) { return AddGoal(pl, std::move(g), r); });

    if (in.remove) {
        Id id = in.remove->second;
        bool removed = false;
        switch (in.remove->first) {
            case ui::RecordKind::Contact:
                removed = DeleteContact(p, id, rev);
                if (removed) {
                    planner_.TouchContact(id);
                    if (pu.contact == id) OpenPlanner(ui::PlannerPage::Contacts, 0, true);
                }
                break;
            case ui::RecordKind::Organization: removed = DeleteOrganization(p, id, rev); break;
            case ui::RecordKind::Event: removed = DeleteEvent(p, id, rev); break;
            case ui::RecordKind::Social: removed = DeleteSocialPlan(p, id, rev); break;
            case ui::RecordKind::Target: removed = DeleteTarget(p, id, rev); break;
            case ui::RecordKind::Goal: removed = DeleteGoal(p, id, rev); break;
        }
        if (removed) {
            planner_.TouchMeta();  // the tombstone lives in meta
            MarkPlannerDirty();
            out.announce = Tr("planner.deleted");
        }
    }
    if (in.log_touch) {
        if (Contact* c = FindContact(p, in.log_touch->first); c && LogTouch(*c, in.log_touch->second, rev)) {
            planner_.TouchContact(c->id);
            MarkPlannerDirty();
            Day next = NextFollowUp(*c);
            // The date saved, said back: the learner hears what was stored, not what was typed.
            out.announce = TrF("planner.touch_logged",
                               {{"name", c->name},
                                {"date", FormatDay(in.log_touch->second.day)},
                                {"next", next ? FormatDay(next)
                                              : std::string(Tr(CadenceDays(*c) <= 0 ? Key("planner.none_until_you_give_a") : Key("planner.no_next")))}});
        }
    }
    if (in.snooze) {
        if (Contact* c = FindContact(p, in.snooze->first)) {
            Snooze(*c, in.snooze->second, rev);
            planner_.TouchContact(c->id);
            MarkPlannerDirty();
            out.announce = TrF("planner.snoozed_until_date", {{"name", c->name}, {"date", FormatDay(in.snooze->second)}});
        }
    }
    if (in.attended) {
        int n = MarkAttended(p, in.attended->first, in.attended->second, rev);
        if (n >= 0) {
            for (Id id : in.attended->second) planner_.TouchContact(id);
            planner_.TouchMeta();
            MarkPlannerDirty();
            int owed = 0;
            const Event* ev = FindEvent(p, in.attended->first);
            for (Id id : in.attended->second)
                if (const Contact* c = FindContact(p, id); c && ev && c->follow_up_by != kNoDay && c->follow_up_from == ev->day) ++owed;
            out.announce = TrN("planner.marked_attended_owed", owed);
        }
    }
    if (in.add_met_contact) {
        Contact c;
        c.name = in.add_met_contact->second;
        c.source = "manual";
        c.added = today_;
        if (const Event* e = FindEvent(p, in.add_met_contact->first)) c.met = e->name;
        Id id = AddContact(p, std::move(c), rev);
        planner_.TouchContact(id);
        planner_.TouchMeta();
        MarkPlannerDirty();
        pu.met.push_back(id);  // chosen as met; recorded with the others when the learner saves the list
        out.announce = TrF("planner.added_as_met", {{"name", in.add_met_contact->second}});
    }
    if (in.social_done) {
        for (SocialPlan& s : p.social)
            if (s.id == *in.social_done) {
                MarkDone(s, today_, rev);
                planner_.TouchMeta();
                MarkPlannerDirty();
                out.announce = TrF("planner.done_for_today_streak_n", {{"n", std::to_string(CurrentStreak(s, today_))}});
            }
    }
    if (in.triage && !in.triage->ids.empty()) {
        // Only contacts still waiting are changed (a bulk list may hold one decided meanwhile).
        const bool fresh = ui::TriageCacheFresh(pu.triage.cache, p);
        const Tier tier = in.triage->tier;
        std::vector<ui::TriageUndo> step;
        std::vector<Id> changed;
        for (Id id : in.triage->ids)
            if (Contact* c = FindContact(p, id); c && AwaitingTriage(*c)) {
                step.push_back({c->id, c->tier, c->not_now});
                DecideTriage(*c, tier, today_, rev);
                planner_.TouchContact(c->id);
                changed.push_back(c->id);
            }
        if (!changed.empty()) {
            MarkPlannerDirty();
            if (fresh) ui::TriageNoteChange(pu.triage.cache, p, changed, false);
            auto& undo = pu.triage.undo;
            undo.push_back(std::move(step));
            if (undo.size() > 200) undo.erase(undo.begin());  // a session's worth of steps
            const std::string what = tier == Tier::None ? std::string(Tr("common.not_now")) : TrF("planner.tier_circle", {{"tier", TierName(tier)}});
            const std::string progress = ui::TriageProgress(p, fresh ? pu.triage.cache.to_go : ComputeAgenda(p, today_).awaiting_triage);
            if (changed.size() == 1)
                out.announce = TrF("planner.triage_set_one", {{"name", FindContact(p, changed[0])->name}, {"what", what}, {"progress", progress}});
            else
                out.announce = TrN("planner.triage_set_many", static_cast<long long>(changed.size()), {{"what", what}, {"progress", progress}});
        }
    }
    if (in.triage_undo && !pu.triage.undo.empty()) {
        const bool fresh = ui::TriageCacheFresh(pu.triage.cache, p);
        std::vector<ui::TriageUndo> step = std::move(pu.triage.undo.back());
        pu.triage.undo.pop_back();
        std::vector<Id> back;
        for (const ui::TriageUndo& u : step)
            if (Contact* c = FindContact(p, u.id)) {
                c->tier = u.tier;
                c->not_now = u.not_now;
                c->rev = rev;  // a new revision: the undo wins a merge like any edit
                planner_.TouchContact(c->id);
                if (AwaitingTriage(*c)) back.push_back(c->id);
            }
        MarkPlannerDirty();
        if (fresh) ui::TriageNoteChange(pu.triage.cache, p, back, true);
        const std::string progress = ui::TriageProgress(p, fresh ? pu.triage.cache.to_go : ComputeAgenda(p, today_).awaiting_triage);
        if (step.size() == 1 && !back.empty())
            out.announce = TrF("planner.undone_one", {{"name", FindContact(p, back[0])->name}, {"progress", progress}});
        else
            out.announce = TrN("planner.undone_many", static_cast<long long>(back.size()), {{"progress", progress}});
    }
    if (in.download_quarantine) out.download_planner_quarantine = true;
    if (in.choose_import) out.choose_import_file = true;
    if (in.cancel_import) {
        planner_.EndImport();
        out.announce = Tr("planner.import_canceled_nothing_was_changed");
    }
    if (in.commit_import) {
        if (const ImportJob* job = planner_.import_job(); job && job->Done()) {
            size_t before = p.contacts.size();
            Id first_new = p.next_id;
            int changed = CommitImport(p, job->Preview(), rev);
            for (const ImportItem& it : job->Preview().items)
                if (it.existing) planner_.TouchContact(it.existing);
            for (const Contact& c : p.contacts)
                if (c.id >= first_new) planner_.TouchContact(c.id);
            planner_.TouchMeta();
            MarkPlannerDirty();
            const size_t added = p.contacts.size() - before;
            out.announce = TrN("planner.imported_summary", static_cast<long long>(added),
                               {{"updated", Grouped(static_cast<size_t>(changed - static_cast<int>(added)))}}) +
                           (added ? " " + std::string(Tr("planner.none_due_until_tier")) : "");
            planner_.EndImport();
        }
    }
    if (in.export_kind) {
        // Say what was saved, and download nothing when there is nothing to save.
        auto save = [&](const char* file, const char* type, std::string bytes, size_t n, Key count_key) {
            out.downloads.push_back({file, type, std::move(bytes)});
            out.announce = TrF("planner.saved_to", {{"what", TrN(count_key, static_cast<long long>(n))}, {"file", file}});
        };
        switch (*in.export_kind) {
            case ui::ExportKind::Calendar: {
                size_t follow_ups = 0, events = 0;
                for (const Contact& c : p.contacts) follow_ups += NextFollowUp(c) != kNoDay;
                for (const Event& e : p.events) events += e.day != kNoDay;
                if (follow_ups + events == 0) {
                    out.announce = Tr("planner.nothing_to_export_no_follow");
                    break;
                }
                save("networking-follow-ups.ics", "text/calendar", ExportIcs(p, today_, now_ms_), follow_ups, Key("count.follow_ups"));
                if (events)
                    out.announce = TrF("planner.saved_to", {{"what", TrF("planner.follow_ups_and_events",
                                                                          {{"follow_ups", TrN("count.follow_ups", static_cast<long long>(follow_ups))},
                                                                           {"events", TrN("count.events", static_cast<long long>(events))}})},
                                                            {"file", "networking-follow-ups.ics"}});
                break;
            }
            case ui::ExportKind::Cards:
            case ui::ExportKind::Spreadsheet: {
                if (p.contacts.empty()) {
                    out.announce = Tr("planner.nothing_to_export_your_planner");
                    break;
                }
                if (*in.export_kind == ui::ExportKind::Cards)
                    save("networking-contacts.vcf", "text/vcard", ExportVcf(p), p.contacts.size(), Key("count.contacts"));
                else
                    save("networking-contacts.csv", "text/csv", ExportCsv(p), p.contacts.size(), Key("count.contacts"));
                break;
            }
        }
    }
}

}  // namespace wb
