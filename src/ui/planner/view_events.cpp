// Events: upcoming and past, an editor with the preparation checklist, and
// the people met with the follow-up each is owed.
#include <algorithm>
#include <cstdint>

#include "core/search.h"
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const char* const kNoEvents =
    "No events yet. Conferences, meetups and workshops are where new people become contacts \xE2\x80\x94 add one you "
    "plan to go to, set a goal for whom to meet, and prepare.";
const NamedForm kEventForm = {"event", "an event", "e.g. Data Summit 2026"};

std::vector<std::string> EventKinds(const PlannerView& v) {
    return KindsOr(v.templates, &Templates::event_kinds, {"Conference", "Meetup", "Workshop", "Networking event"});
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
        if (c.follow_up_by < today) return "follow-up overdue (was due " + FormatDay(c.follow_up_by) + ")";
        return "follow up by " + FormatDay(c.follow_up_by) + " (" + DaysFromNow(c.follow_up_by, today) + ")";
    }
    Day last = LastTouch(c);
    if (last != kNoDay && e.day != kNoDay && last >= e.day) return "followed up on " + FormatDay(last);
    return std::string("follow-up: ") + StandingWord(StandingOf(c, today));
}

// Finding people met: contacts whose name has the query, not already chosen.
void DrawMetPicker(const PlannerView& v, PlannerUi& ui, const Event& e, float width, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    const Planner& p = v.planner;
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Region, "People you met", a, ImVec2(a.x + width, a.y + Em() * 8));
    SubHeading("Who did you meet?");
    MutedText("Find each person by name and add them. Each one gets a follow-up due within 48 hours.");
    Field("##met_query", "Find a contact by name", ui.met_query, width, "type part of a name");
    if (ui.met_query.size() >= 1) {
        int shown = 0;
        for (const Contact& c : p.contacts) {
            if (FindNoCase(c.name, ui.met_query) == std::string::npos) continue;
            if (std::find(ui.met.begin(), ui.met.end(), c.id) != ui.met.end()) continue;
            if (std::find(e.met.begin(), e.met.end(), c.id) != e.met.end()) continue;
            if (++shown > 8) {
                MutedText("More match: type more of the name.");
                break;
            }
            ImGui::PushID(static_cast<int>(c.id));
            std::string label = "Add " + ContactLine(c);
            if (Button((label + "##pick").c_str(), label.c_str())) ui.met.push_back(c.id);
            ImGui::PopID();
        }
        if (shown == 0) MutedText("No contact has \xE2\x80\x9C" + ui.met_query + "\xE2\x80\x9D in their name.");
        // Not a dead end: someone new met here becomes a contact from this form.
        if (ui.met_query.find_first_not_of(' ') != std::string::npos) {
            std::string add = "Add \xE2\x80\x9C" + ui.met_query + "\xE2\x80\x9D as a new contact";
            if (Button((add + "##new_met").c_str())) {
                out.add_met_contact = std::make_pair(e.id, ui.met_query);
                ui.met_query.clear();
            }
        }
    }
    if (!ui.met.empty()) {
        MutedText("Chosen:");
        for (size_t i = 0; i < ui.met.size(); ++i) {
            const Contact* c = FindContact(p, ui.met[i]);
            std::string who = c ? ContactLine(*c) : "#" + std::to_string(ui.met[i]);
            ImGui::PushID(static_cast<int>(ui.met[i]));
            WrappedText("\xE2\x80\xA2 " + who, Colors().text);
            if (Button("Remove##unpick", ("Remove " + who).c_str())) {
                ui.met.erase(ui.met.begin() + static_cast<long>(i));
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
    }
    Flow flow(width);
    std::string save = e.attended ? "Add these people" : "Mark attended";
    flow.Next(save.c_str());
    if (Button((save + "##attend").c_str(),
               (save + (ui.met.empty() ? std::string() : " with " + CountOf(ui.met.size(), "person", "people") + " met")).c_str(),
               ImVec2(0, 0), e.attended && ui.met.empty())) {
        out.attended = std::make_pair(e.id, ui.met);
        ui.met.clear();
        ui.met_query.clear();
        f.picking_met = false;
    }
    flow.Next("Cancel");
    if (Button("Cancel##cancel_met", "Cancel choosing people met")) {
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
    put |= DateField(ui.calendar, "##day", "Date (YYYY-MM-DD)", f.event_day, d.day, f.event_day_error, width);
    put |= Field("##place", "Place", d.place, width, "venue and city");
    put |= Field("##link", "Online link", d.link, width, "https://");
    FieldLabel("Goal: people to meet", width);
    put |= TextArea("##goal", "Goal: people to meet", d.goal, ImVec2(width, Em() * 3));

    SubHeading("Preparation");
    if (d.prep.empty()) MutedText("Nothing on the checklist yet: e.g. update your profile, prepare a 30-second introduction.");
    ImVec2 la = ImGui::GetCursorScreenPos();
    {
        SemScope scope(Role::Group, "Preparation checklist", la, ImVec2(la.x + width, la.y + Em() * 2));
        for (size_t i = 0; i < d.prep.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            float remove_w = ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2;
            bool done = d.prep[i].done;
            if (Checkbox((d.prep[i].text + "##check").c_str(), done, std::max(Em() * 6, width - remove_w - Em()))) {
                d.prep[i].done = done;
                put = true;
            }
            ImGui::SameLine();
            if (Button("Remove##remove", ("Remove " + d.prep[i].text + " from the checklist").c_str())) {
                d.prep.erase(d.prep.begin() + static_cast<long>(i));
                put = true;
                ImGui::PopID();
                break;
            }
            ImGui::PopID();
        }
    }
    Field("##prep_new", "New checklist item", f.prep_new, width);
    if (Button("Add item##prep_add", "Add the item to the checklist", ImVec2(0, 0), f.prep_new.empty())) {
        d.prep.push_back({f.prep_new, false});
        f.prep_new.clear();
        put = true;
    }
    if (put) out.put_event = d;

    // Attending: who was met, and the follow-up each is owed. The app records
    // these (the attended intent), so they are read from the stored record.
    SubHeading(stored.attended ? "Attended" : "After the event");
    const Planner& p = v.planner;
    if (stored.attended) {
        if (stored.met.empty()) MutedText("No one recorded as met.");
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
    } else if (Button(stored.attended ? "Add people you met##pick_met" : "I attended: choose people met##pick_met")) {
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
    HeadingText(GetFonts().bold, e.name.empty() ? "(no name)" : e.name, 3);
    std::string line = e.day == kNoDay ? "No date yet" : FormatDay(e.day) + " (" + DaysFromNow(e.day, v.today) + ")";
    if (!e.kind.empty()) line += " \xC2\xB7 " + e.kind;
    if (!e.place.empty()) line += " \xC2\xB7 " + e.place;
    int done = 0;
    for (const ChecklistItem& i : e.prep) done += i.done;
    if (!e.prep.empty()) line += " \xC2\xB7 prepared " + std::to_string(done) + " of " + std::to_string(e.prep.size());
    if (e.attended) line += " \xC2\xB7 attended, met " + std::to_string(e.met.size());
    MutedText(line);
    if (Button("Open##edit", ("Open " + e.name).c_str())) {
        ui.editing = e.id;
        Sem().FocusNextControl();
    }
    ImGui::PopID();
}

}  // namespace

// Upcoming events first (soonest first, undated last), then past ones (latest first).
void DrawEvents(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    float width = PageStart("Events", v.planner.events.empty(), kNoEvents);
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
        SubHeading("Upcoming");
        if (upcoming.empty()) MutedText("Nothing planned. Add the next event you could go to.");
        for (const Event* e : upcoming) DrawEventRow(v, ui, *e, width, out);
        SubHeading("Past");
        if (past.empty()) MutedText("No past events yet.");
        for (const Event* e : past) DrawEventRow(v, ui, *e, width, out);
    }
}

}  // namespace wb::ui
