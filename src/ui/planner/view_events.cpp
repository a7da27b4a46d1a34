// Events: upcoming and past, an editor with the preparation checklist, and
// the people met with the follow-up each is owed.
#include <algorithm>
#include "core/strings.h"
#include <cstdint>

#include "core/search.h"
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

// A key: the strings load after start.
const Key kNoEvents = Key("events.no_events_yet_conferences_meetups");
const NamedForm kEventForm = {Key("events.add_title"), Key("events.add"), Key("events.add_cancel"), Key("events.e_g_data_summit_2026"), Key("events.name_empty")};

std::vector<std::string> EventKinds(const PlannerView& v) {
    return KindsOr(v.templates, &Templates::event_kinds, {Tr("events.conference"), Tr("events.meetup"), Tr("events.workshop"), Tr("events.networking_event")});
}

void LoadEventDraft(PlannerForms& f, const Event& e) {
    bool same = false;
    if (!DraftStale(f.event, f.event_seen, e, same)) return;
    ReloadDayText(same, f.event_day, e.day);
    f.event = e;
    if (!same) {
        f.event_day_error.clear();
        f.prep_new.clear();
        f.picking_met = false;
    }
}

// The follow-up owed to someone met at an event, in words.
std::string MetFollowUp(const Contact& c, const Event& e, Day today) {
    if (c.follow_up_by != kNoDay) {
        if (c.follow_up_by < today) return TrF("events.follow_up_overdue", {{"date", FormatDay(c.follow_up_by)}});
        return TrF("events.follow_up_by_date", {{"date", FormatDay(c.follow_up_by)}, {"when", DaysFromNow(c.follow_up_by, today)}});
    }
    Day last = LastTouch(c);
    if (last != kNoDay && e.day != kNoDay && last >= e.day) return TrF("events.followed_up_on_date", {{"date", FormatDay(last)}});
    return TrF("events.follow_up_standing", {{"standing", StandingWord(StandingOf(c, today))}});
}

// Finding people met: contacts whose name has the query, not already chosen.
void DrawMetPicker(const PlannerView& v, PlannerUi& ui, const Event& e, float width, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    const Planner& p = v.planner;
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Region, Tr("events.people_you_met"), a, ImVec2(a.x + width, a.y + Em() * 8));
    SubHeading(Tr("events.who_did_you_meet"));
    MutedText(Tr("events.find_each_person_by_name"));
    Field("##met_query", Tr("events.find_a_contact_by_name"), ui.met_query, width, Tr("events.type_part_of_a_name"));
    if (ui.met_query.size() >= 1) {
        int shown = 0;
        for (const Contact& c : p.contacts) {
            if (FindNoCase(c.name, ui.met_query) == std::string::npos) continue;
            if (std::find(ui.met.begin(), ui.met.end(), c.id) != ui.met.end()) continue;
            if (std::find(e.met.begin(), e.met.end(), c.id) != e.met.end()) continue;
            if (++shown > 8) {
                MutedText(Tr("events.more_match_type_more_of"));
                break;
            }
            ImGui::PushID(static_cast<int>(c.id));
            const std::string label = TrF("events.add_person", {{"person", ContactLine(c)}});
            if (Button((label + "##pick").c_str(), label.c_str())) ui.met.push_back(c.id);
            ImGui::PopID();
        }
        if (shown == 0) MutedText(TrF("events.no_contact_named", {{"name", ui.met_query}}));
        // Not a dead end: someone new met here becomes a contact from this form.
        if (ui.met_query.find_first_not_of(' ') != std::string::npos) {
            const std::string add = TrF("events.add_as_new_contact", {{"name", ui.met_query}});
            if (Button((add + "##new_met").c_str())) {
                out.add_met_contact = std::make_pair(e.id, ui.met_query);
                ui.met_query.clear();
            }
        }
    }
    if (!ui.met.empty()) {
        MutedText(Tr("events.chosen"));
        for (size_t i = 0; i < ui.met.size(); ++i) {
            const Contact* c = FindContact(p, ui.met[i]);
            std::string who = c ? ContactLine(*c) : "#" + std::to_string(ui.met[i]);
            ImGui::PushID(static_cast<int>(ui.met[i]));
            WrappedText("\xE2\x80\xA2 " + who, Colors().text);
            if (Button(TrId("events.remove", "unpick"), (Tr("events.remove_2") + who).c_str())) {
                ui.met.erase(ui.met.begin() + static_cast<long>(i));
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
    }
    Flow flow(width);
    std::string save = e.attended ? Tr("events.add_these_people") : Tr("events.mark_attended");
    flow.Next(save.c_str());
    if (Button((save + "##attend").c_str(),
               (ui.met.empty() ? save : TrN("events.save_with_met", static_cast<long long>(ui.met.size()), {{"action", save}})).c_str(),
               ImVec2(0, 0), e.attended && ui.met.empty())) {
        out.attended = std::make_pair(e.id, ui.met);
        ui.met.clear();
        ui.met_query.clear();
        f.picking_met = false;
    }
    flow.Next(Tr("common.cancel"));
    if (Button(TrId("common.cancel", "cancel_met"), Tr("events.cancel_choosing_people_met"))) {
        ui.met.clear();
        ui.met_query.clear();
        f.picking_met = false;
    }
}

void DrawEventEditor(const PlannerView& v, PlannerUi& ui, const Event& stored, float width, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    LoadEventDraft(f, stored);
    Event& d = f.event;
    bool put = EditorStart(d.name, "event", width);
    put |= PickKind(EventKinds(v), d.kind, width);
    put |= DateField(ui.calendar, "##day", Tr("common.date_yyyy_mm_dd"), f.event_day, d.day, f.event_day_error, width);
    put |= Field("##place", Tr("events.place"), d.place, width, Tr("events.venue_and_city"));
    put |= Field("##link", Tr("events.online_link"), d.link, width, "https://");
    FieldLabel(Tr("events.goal_people_to_meet"), width);
    put |= TextArea("##goal", Tr("events.goal_people_to_meet"), d.goal, ImVec2(width, Em() * 3));

    SubHeading(Tr("events.preparation"));
    if (d.prep.empty()) MutedText(Tr("events.nothing_on_the_checklist_yet"));
    ImVec2 la = ImGui::GetCursorScreenPos();
    {
        SemScope scope(Role::Group, Tr("events.preparation_checklist"), la, ImVec2(la.x + width, la.y + Em() * 2));
        for (size_t i = 0; i < d.prep.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            float remove_w = ImGui::CalcTextSize(Tr("events.remove")).x + ImGui::GetStyle().FramePadding.x * 2;
            bool done = d.prep[i].done;
            if (Checkbox((d.prep[i].text + "##check").c_str(), done, std::max(Em() * 6, width - remove_w - Em()))) {
                d.prep[i].done = done;
                put = true;
            }
            ImGui::SameLine();
            if (Button(TrId("events.remove", "remove"), (Tr("events.remove_2") + d.prep[i].text + Tr("events.from_the_checklist")).c_str())) {
                d.prep.erase(d.prep.begin() + static_cast<long>(i));
                put = true;
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
    }
    Field("##prep_new", Tr("events.new_checklist_item"), f.prep_new, width);
    if (Button(TrId("events.add_item", "prep_add"), Tr("events.add_the_item_to_the"), ImVec2(0, 0), f.prep_new.empty())) {
        d.prep.push_back({f.prep_new, false});
        f.prep_new.clear();
        put = true;
    }
    if (put) out.put_event = d;

    // Attending: who was met, and the follow-up each is owed. The app records
    // these (the attended intent), so they are read from the stored record.
    SubHeading(stored.attended ? Tr("events.attended") : Tr("events.after_the_event"));
    const Planner& p = v.planner;
    if (stored.attended) {
        if (stored.met.empty()) MutedText(Tr("events.no_one_recorded_as_met"));
        for (Id id : stored.met) {
            const Contact* c = FindContact(p, id);
            if (!c) continue;
            ImGui::PushID(static_cast<int>(id));
            std::string text = ContactLine(*c) + ": " + MetFollowUp(*c, stored, v.today);
            if (WrappedLink("##met", text, width, ContactHref(id).c_str()))
                out.open_contact = id;
            ImGui::PopID();
        }
    }
    if (f.picking_met) {
        DrawMetPicker(v, ui, stored, width, out);
    } else if (Button(stored.attended ? TrId("events.add_people_you_met", "pick_met") : TrId("events.i_attended_choose_people_met", "pick_met"))) {
        f.picking_met = true;
        ui.met.clear();
        ui.met_query.clear();
        Sem().FocusNextControl();
    }
    EditorEnd(ui, RecordKind::Event, d.id, d.name, width, out);
}

void DrawEventRow(const PlannerView& v, PlannerUi& ui, const Event& e, float width, PlannerIntents& out) {
    ImGui::PushID(static_cast<int>(e.id));
    Gap(0.3f);
    if (ui.editing == e.id) {
        DrawEventEditor(v, ui, e, width, out);
        ImGui::PopID();
        return;
    }
    HeadingText(GetFonts().bold, e.name.empty() ? Tr("common.no_name") : e.name, 3);
    std::string line = e.day == kNoDay ? Tr("events.no_date_yet") : FormatDay(e.day) + " (" + DaysFromNow(e.day, v.today) + ")";
    if (!e.kind.empty()) line += " \xC2\xB7 " + e.kind;
    if (!e.place.empty()) line += " \xC2\xB7 " + e.place;
    int done = 0;
    for (const ChecklistItem& i : e.prep) done += i.done;
    if (!e.prep.empty()) line += TrF("events.prepared_of", {{"done", std::to_string(done)}, {"total", std::to_string(e.prep.size())}});
    if (e.attended) line += TrN("events.attended_met_n", static_cast<long long>(e.met.size()));
    MutedText(line);
    if (Button(TrId("events.open", "edit"), (Tr("events.open_2") + e.name).c_str())) {
        ui.editing = e.id;
        Sem().FocusNextControl();
    }
    ImGui::PopID();
}

}  // namespace

// Upcoming events first (soonest first, undated last), then past ones (latest first).
void DrawEvents(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    float width = PageStart(Tr("common.events"), v.planner.events.empty(), Tr(kNoEvents));
    // A new event's date starts a week ahead (planning is what the form is mostly for); the learner changes it.
    if (ui.forms.adding == RecordKind::Event && !ui.forms.add_day_set) {
        ui.forms.add_day = FormatDay(v.today + 7);
        ui.forms.add_day_set = true;
    }
    if (auto e = AddNamedRecord<Event>(ui, RecordKind::Event, kEventForm, EventKinds(v), width, out)) out.put_event = e;
    const Planner& p = v.planner;

    std::vector<const Event*> upcoming, past;
    for (const Event& e : p.events) (e.day == kNoDay || e.day >= v.today ? upcoming : past).push_back(&e);
    std::stable_sort(upcoming.begin(), upcoming.end(), [](const Event* a, const Event* b) {
        return (a->day == kNoDay ? INT32_MAX : a->day) < (b->day == kNoDay ? INT32_MAX : b->day);
    });
    std::stable_sort(past.begin(), past.end(), [](const Event* a, const Event* b) { return a->day > b->day; });
    if (!p.events.empty()) {
        SubHeading(Tr("events.upcoming"));
        if (upcoming.empty()) MutedText(Tr("events.nothing_planned_add_the_next"));
        for (const Event* e : upcoming) DrawEventRow(v, ui, *e, width, out);
        SubHeading(Tr("events.past"));
        if (past.empty()) MutedText(Tr("events.no_past_events_yet"));
        for (const Event* e : past) DrawEventRow(v, ui, *e, width, out);
    }
}

}  // namespace wb::ui
