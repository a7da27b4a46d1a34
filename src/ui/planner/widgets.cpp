#include "ui/planner/widgets.h"
#include "core/strings.h"

#include <algorithm>

#include "imgui_internal.h"  // RenderArrow

namespace wb::ui {
using namespace planner;

// --- Layout -------------------------------------------------------------------

float PageWidth() { return std::max(Em() * 8, std::min(ImGui::GetContentRegionAvail().x, Em() * 42)); }
float FieldWidth() { return std::min(ImGui::GetContentRegionAvail().x, Em() * 26); }

Flow::Flow(float width) : right(ImGui::GetCursorPosX() + width) {}

void Flow::Next(const char* label) {
    Place(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
}

void Flow::Place(float w) {
    if (!first) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    }
    first = false;
}

void PageHeading(const char* title) {
    Gap(0.3f);
    HeadingText(GetFonts().h1, title, 1);
    Gap(0.2f);
}

float PageStart(const char* title, bool empty, const char* empty_text) {
    PageHeading(title);
    if (empty) WrappedText(empty_text, Colors().text);
    return PageWidth();
}

void SubHeading(const std::string& name) {
    Gap(0.4f);
    HeadingText(GetFonts().h2, name, 2);
}

void FieldLabel(const char* text, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    Text(text);
    ImGui::PopTextWrapPos();
}

// --- Fields -------------------------------------------------------------------

bool Field(const char* id, const char* label, std::string& text, float width, const char* hint) {
    FieldLabel(label, width);
    ImGui::SetNextItemWidth(width);
    return TextField(id, label, text, hint);
}

bool CheckedField(const char* id, const char* label, std::string& text, float width, const char* hint,
                  const std::string& error) {
    FieldLabel(label, width);
    ImGui::SetNextItemWidth(width);
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, ErrorColor());
    bool changed = TextFieldWithError(id, label, text, hint, error.c_str());
    if (!error.empty()) {
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, ErrorColor());
        FieldLabel(error.c_str(), width);  // recorded on the field (desc), not again as text
        ImGui::PopStyleColor();
    }
    return changed;
}

// An optional date: blank is no date; anything else is read as every planner date field reads it.
static bool ReadOptionalDate(const std::string& text, Day& out, std::string& why) {
    if (text.find_first_not_of(" \t") == std::string::npos) {
        out = kNoDay;
        return true;
    }
    return ParseDateInput(text, kNoDay, out, why);
}

static std::string FieldName(const char* label) {  // "Renewal date (YYYY-MM-DD)" -> "Renewal date"
    std::string what = VisibleLabel(label);
    return what.substr(0, what.find(" ("));
}

std::string DateError(const char* label, const std::string& text, Day kept) {
    const std::string what = FieldName(label);  // the format is said below
    Day ignored = kNoDay;
    std::string why;
    ReadOptionalDate(text, ignored, why);
    return TrF("planner_widgets.date_problem_kept", {{"field", what}, {"why", why},
                                                     {"kept", kept == kNoDay ? std::string(Tr("planner_widgets.empty")) : FormatDay(kept)}});
}

bool DateField(CalendarUi& cal, const char* id, const char* label, std::string& text, Day& day, std::string& error,
               float width) {
    const bool edited = CheckedField(id, label, text, width, Tr("planner_widgets.yyyy_mm_dd"), error);
    if (!DatePicker(cal, id, label, text, width) && !edited) return false;
    Day typed = kNoDay;
    std::string why;
    if (!ReadOptionalDate(text, typed, why)) {
        error = DateError(label, text, day);
        return false;
    }
    error.clear();
    if (typed == day) return false;
    day = typed;
    return true;
}

// --- Calendar -----------------------------------------------------------------

// Keys into content/strings.json: looked up when drawn, as the strings load after start.
static const Key kMonthNames[12] = {Key("date.january"), Key("date.february"), Key("date.march"), Key("date.april"), Key("date.may"), Key("date.june"), Key("date.july"), Key("date.august"), Key("date.september"), Key("date.october"), Key("date.november"), Key("date.december")};
static const Key kWeekdayNames[7] = {Key("date.monday"), Key("date.tuesday"), Key("date.wednesday"), Key("date.thursday"), Key("date.friday"), Key("date.saturday"), Key("date.sunday")};
static const Key kWeekdayShort[7] = {Key("date.monday_short"), Key("date.tuesday_short"), Key("date.wednesday_short"), Key("date.thursday_short"), Key("date.friday_short"), Key("date.saturday_short"), Key("date.sunday_short")};

static Day FirstOfMonth(Day d) {
    int y, m, dd;
    YmdFromDay(d, y, m, dd);
    return DayFromYmd(y, m, 1);
}

// The same day of the month `n` months on, or the month's last day when it is shorter.
static Day AddMonths(Day d, int n) {
    int y, m, dd;
    YmdFromDay(d, y, m, dd);
    int k = y * 12 + (m - 1) + n;
    y = k / 12;
    m = k % 12 + 1;
    const int days = DayFromYmd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - DayFromYmd(y, m, 1);
    return DayFromYmd(y, m, std::min(dd, days));
}

std::string LongDate(Day day) {
    int y, m, d;
    YmdFromDay(day, y, m, d);
    return TrF("date.long", {{"weekday", Tr(kWeekdayNames[Weekday(day)])},
                             {"month", Tr(kMonthNames[m - 1])},
                             {"day", std::to_string(d)},
                             {"year", std::to_string(y)}});
}


bool DatePicker(CalendarUi& cal, const char* field_id, const char* label, std::string& text, float width) {
    const std::string what = FieldName(label);
    ImGui::PushID(field_id);
    const ImGuiID me = ImGui::GetID("calendar");
    if (cal.field == me && !Continuing(cal.seen)) cal.field = 0;  // its page was left
    bool open = cal.field == me;
    Day chosen = kNoDay;
    std::string ignored;
    ParseDateInput(text, cal.today, chosen, ignored);
    if (cal.focus_toggle == me) {
        Sem().FocusNextControl();
        cal.focus_toggle = 0;
    }
    if (Button(TrId("planner_widgets.calendar", "toggle"), TrF("planner_widgets.calendar_for_field", {{"field", what}}).c_str(), ImVec2(0, 0), false,
               open ? SemFlag_Expanded : SemFlag_Collapsed)) {
        open = !open;
        cal.field = open ? me : 0;
        if (open) {
            cal.cursor = chosen != kNoDay ? chosen : cal.today;
            cal.focus_cursor = true;  // onto the month's chosen (or today's) day
            Continuing(cal.seen);
        }
    }
    bool picked = false;
    auto pick = [&](Day d) {
        text = d == kNoDay ? std::string() : FormatDay(d);
        Sem().announcement = d == kNoDay ? TrF("planner_widgets.field_cleared", {{"field", what}})
                                         : TrF("planner_widgets.field_set_to", {{"field", what}, {"date", LongDate(d)}});
        cal.field = 0;
        cal.focus_toggle = me;  // (moves DOM focus only when the learner is using the DOM)
        picked = true;
    };
    if (open && cal.cursor != kNoDay) {
        const float cell = std::floor(std::clamp(width / 7, kMinTarget + 4, Em() * 2.6f));
        ImVec2 a = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        SemScope group(Role::Group, TrF("planner_widgets.calendar_of_field", {{"field", what}}), a, ImVec2(a.x + cell * 7, a.y + cell * 8));
        int y, m, d;
        YmdFromDay(cal.cursor, y, m, d);
        const std::string month = TrF("date.month_year", {{"month", Tr(kMonthNames[m - 1])}, {"year", std::to_string(y)}});
        // Header: previous month, the month's name, next month.
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
        if (Button("##prev", Tr("planner_widgets.previous_month"), ImVec2(cell, cell))) cal.cursor = AddMonths(cal.cursor, -1);
        ImGui::RenderArrow(dl, ImVec2(a.x + (cell - Em()) * 0.5f, a.y + (cell - Em()) * 0.5f), ink, ImGuiDir_Left);
        ImVec2 ts = ImGui::CalcTextSize(month.c_str());
        ImGui::SetCursorScreenPos(ImVec2(a.x + (cell * 7 - ts.x) * 0.5f, a.y + (cell - ts.y) * 0.5f));
        TextItem(month);
        ImGui::SetCursorScreenPos(ImVec2(a.x + cell * 6, a.y));
        if (Button("##next", Tr("planner_widgets.next_month"), ImVec2(cell, cell))) cal.cursor = AddMonths(cal.cursor, 1);
        ImGui::RenderArrow(dl, ImVec2(a.x + cell * 6 + (cell - Em()) * 0.5f, a.y + (cell - Em()) * 0.5f), ink,
                           ImGuiDir_Right);
        // Weekday initials (a screen reader hears each day's full name instead).
        const float top = a.y + cell;
        for (int c = 0; c < 7; ++c) {
            ImVec2 ws = ImGui::CalcTextSize(Tr(kWeekdayShort[c]));
            dl->AddText(ImVec2(a.x + c * cell + (cell - ws.x) * 0.5f, top + (cell * 0.7f - ws.y) * 0.5f),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), Tr(kWeekdayShort[c]));
        }
        // The days: one radio group, the cursor's day checked (the group's Tab stop).
        const Day first = FirstOfMonth(cal.cursor);
        const int lead = Weekday(first), days = AddMonths(first, 1) - first;
        const ImVec2 grid(a.x, top + cell * 0.7f);
        const int rows = (lead + days + 6) / 7;
        Day moved = kNoDay;
        {
            SemScope days_group(Role::RadioGroup, month, grid, ImVec2(grid.x + cell * 7, grid.y + cell * rows), "##days",
                                SemFlag_Grid);
            for (int i = 0; i < days; ++i) {
                const Day day = first + i;
                const ImVec2 p(grid.x + ((lead + i) % 7) * cell, grid.y + ((lead + i) / 7) * cell);
                ImGui::SetCursorScreenPos(p);
                ImGui::PushID(day);
                const ImGuiID id = ImGui::GetID("day");
                if (cal.focus_cursor && day == cal.cursor) {
                    Sem().FocusNextControl();
                    cal.focus_cursor = false;
                }
                BeforeControl(id);
                bool pressed = ImGui::InvisibleButton("day", ImVec2(cell, cell));
                const bool hovered = ImGui::IsItemHovered();
                const ImVec2 q(p.x + cell, p.y + cell);
                const float pad = 2.0f, round = cell * 0.2f;
                if (day == chosen) {
                    dl->AddRectFilled(ImVec2(p.x + pad, p.y + pad), ImVec2(q.x - pad, q.y - pad),
                                      ImGui::GetColorU32(ImGuiCol_ButtonActive), round);
                    dl->AddRect(ImVec2(p.x + pad, p.y + pad), ImVec2(q.x - pad, q.y - pad),
                                ImGui::GetColorU32(ImGuiCol_CheckMark), round, 0, 2.0f);
                } else if (hovered) {
                    dl->AddRectFilled(ImVec2(p.x + pad, p.y + pad), ImVec2(q.x - pad, q.y - pad),
                                      ImGui::GetColorU32(ImGuiCol_FrameBgHovered), round);
                }
                if (day == cal.today)  // today: underlined, whatever else it is
                    dl->AddLine(ImVec2(p.x + cell * 0.3f, q.y - cell * 0.18f), ImVec2(q.x - cell * 0.3f, q.y - cell * 0.18f),
                                Colors().accent, 2.0f);
                const std::string num = std::to_string(i + 1);
                ImVec2 ns = ImGui::CalcTextSize(num.c_str());
                dl->AddText(ImVec2(p.x + (cell - ns.x) * 0.5f, p.y + (cell - ns.y) * 0.5f), ink, num.c_str());
                if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                std::string name = LongDate(day);
                if (day == cal.today) name += Tr("planner_widgets.today");
                if (day == chosen) name += Tr("planner_widgets.the_date_set");
                RecordControl(Role::Radio, id, name, day == cal.cursor ? SemFlag_Checked : 0);
                if (Sem().TakeActivate(id)) pressed = true;
                else if (pressed) Sem().last_activation_from_dom = false;
                if (pressed) pick(day);
                switch (Sem().TakeKey(id)) {
                    case GridKey::Left: moved = day - 1; break;
                    case GridKey::Right: moved = day + 1; break;
                    case GridKey::Up: moved = day - 7; break;
                    case GridKey::Down: moved = day + 7; break;
                    case GridKey::PageUp: moved = AddMonths(day, -1); break;
                    case GridKey::PageDown: moved = AddMonths(day, 1); break;
                    case GridKey::Home: moved = day - Weekday(day); break;
                    case GridKey::End: moved = day + 6 - Weekday(day); break;
                    case GridKey::Enter: pick(day); break;
                    case GridKey::Escape: cal.field = 0; cal.focus_toggle = me; break;
                    case GridKey::None: break;
                }
                ImGui::PopID();
            }
        }
        if (moved != kNoDay) {
            cal.cursor = moved;
            cal.focus_cursor = true;
        }
        // Footer: today, clear, close.
        ImGui::SetCursorScreenPos(ImVec2(a.x, grid.y + cell * rows + ImGui::GetStyle().ItemSpacing.y));
        Flow flow(std::max(width, cell * 7));
        const std::string today_name = TrF("planner_widgets.today_date", {{"date", LongDate(cal.today)}});
        flow.Next(Tr("planner_widgets.today_3"));
        if (Button(TrId("planner_widgets.today_3", "today"), today_name.c_str())) pick(cal.today);
        if (!text.empty()) {
            flow.Next(Tr("planner_widgets.clear"));
            if (Button(TrId("planner_widgets.clear", "clear"), TrF("planner_widgets.clear_field", {{"field", what}}).c_str())) pick(kNoDay);
        }
        flow.Next(Tr("common.close"));
        if (Button(TrId("common.close", "close"), Tr("planner_widgets.close_the_calendar")) ||
            (cal.field == me && ImGui::IsKeyPressed(ImGuiKey_Escape, false) && Sem().edit.id == 0)) {
            cal.field = 0;
            cal.focus_toggle = me;
        }
    }
    ImGui::PopID();
    return picked;
}

int RadioPills(const char* group, const std::vector<std::string>& options, int selected, float width) {
    ImVec2 a = ImGui::GetCursorScreenPos();
    int chosen = -1;
    {
        SemScope scope(Role::RadioGroup, group, a, ImVec2(a.x + width, a.y + Em() * 2));
        Flow flow(width);
        ImGui::PushID(group);
        for (int i = 0; i < static_cast<int>(options.size()); ++i) {
            flow.Next(options[i].c_str());
            ImGui::PushID(i);
            if (RadioPill("##pill", options[i].c_str(), i == selected)) chosen = i;
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    return chosen;
}

std::vector<std::string> Options(const Key* keys, int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back(Tr(keys[i]));
    return out;
}

bool LabelledRadio(const char* group, const std::vector<std::string>& options, int& selected, float width) {
    FieldLabel(group, width);
    int k = RadioPills(group, options, selected, width);
    if (k < 0 || k == selected) return false;
    selected = k;
    return true;
}

bool PickKind(std::vector<std::string> kinds, std::string& kind, float width) {
    if (!kind.empty() && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    int current = static_cast<int>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
    if (!LabelledRadio(Tr("planner_widgets.kind"), kinds, current, width)) return false;
    kind = kinds[current];
    return true;
}

// --- Standing -----------------------------------------------------------------

Standing StandingOf(FollowUpStatus f) {
    switch (f) {
        case FollowUpStatus::Overdue: return Standing::Overdue;
        case FollowUpStatus::DueThisWeek: return Standing::Due;
        case FollowUpStatus::NeverContacted:
        case FollowUpStatus::Unscheduled: return Standing::Never;
        default: return Standing::Fine;
    }
}
Standing StandingOf(const Contact& c, Day today) { return StandingOf(StatusOf(c, today)); }

ImU32 StandingColor(Standing s) {
    bool dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f;
    switch (s) {
        case Standing::Overdue: return dark ? IM_COL32(255, 120, 110, 255) : IM_COL32(190, 30, 30, 255);
        case Standing::Due: return dark ? IM_COL32(245, 190, 60, 255) : IM_COL32(150, 90, 0, 255);
        case Standing::Fine: return dark ? IM_COL32(100, 210, 130, 255) : IM_COL32(20, 120, 55, 255);
        default: return dark ? IM_COL32(160, 165, 175, 255) : IM_COL32(110, 112, 120, 255);
    }
}
ImU32 ErrorColor() { return StandingColor(Standing::Overdue); }
ImU32 WithAlpha(ImU32 c, float a) {
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * 255) << IM_COL32_A_SHIFT);
}

const char* StandingWord(Standing s) {
    switch (s) {
        case Standing::Overdue: return Tr("standing.overdue");
        case Standing::Due: return Tr("planner_widgets.due_this_week");
        case Standing::Fine: return Tr("planner_widgets.up_to_date");
        default: return Tr("planner_widgets.never_contacted");
    }
}

// --- Words --------------------------------------------------------------------

std::string DaysFromNow(Day day, Day today) {
    int d = day - today;
    if (d == 0) return Tr("days.today");
    if (d == 1) return Tr("days.tomorrow");
    if (d == -1) return Tr("days.yesterday");
    return d > 0 ? TrN("days.in", d) : TrN("days.ago", -d);
}

std::string DueWords(const Contact& c, Day today) {
    Day next = NextFollowUp(c);
    if (next == kNoDay) return CadenceDays(c) <= 0 ? Tr("planner_widgets.no_tier_yet") : Tr("planner_widgets.never_contacted");
    int d = next - today;
    if (d < 0) return TrN("days.overdue_by", -d);
    if (d == 0) return Tr("planner_widgets.due_today");
    if (d == 1) return Tr("planner_widgets.due_tomorrow");
    return TrF("days.due_on", {{"date", FormatDay(next)}});
}

std::string ContactLine(const Contact& c) { return c.company.empty() ? c.name : c.name + " (" + c.company + ")"; }

std::string ContactDueLine(const Contact& c, Day today) {
    std::string s = c.name.empty() ? std::string(Tr("common.no_name")) : c.name;
    if (!c.company.empty()) s += " \xC2\xB7 " + c.company;
    s += " \xC2\xB7 " + DueWords(c, today);
    return s;
}

std::string ContactHref(Id id) { return "#/planner/contact/" + std::to_string(id); }

// --- Add and delete flows -------------------------------------------------------

bool Continuing(int& seen) {
    int frame = ImGui::GetFrameCount();
    bool yes = seen == frame - 1 || seen == frame;
    seen = frame;
    return yes;
}

void ReloadDayText(bool same, std::string& text, Day stored) {
    Day typed = -1;
    std::string why;
    if (!(same && ReadOptionalDate(text, typed, why) && typed == stored)) text = FormatDay(stored);
}

std::vector<std::string> KindsOr(const Templates* t, std::vector<std::string> Templates::*kinds,
                                 std::vector<std::string> fallback) {
    return t && !(t->*kinds).empty() ? t->*kinds : fallback;
}

bool StarterRow(size_t i, const std::string& words, const char* add_name) {
    ImGui::PushID(static_cast<int>(i));
    WrappedText(words, Colors().text);
    bool add = Button(TrId("common.add_2", "starter"), FillPlaceholders(add_name, {{"what", words}}).c_str());
    ImGui::PopID();
    return add;
}

bool AddToggle(PlannerForms& f, RecordKind kind, const char* label, const char* name) {
    if (f.adding == kind && Continuing(f.adding_seen)) return true;
    if (!Button(label, name)) return false;
    f.adding_seen = ImGui::GetFrameCount();
    f.adding = kind;
    f.add_name.clear();
    f.add_day.clear();
    f.add_day_set = false;
    f.add_error.clear();
    f.add_day_error.clear();
    f.add_kind = 0;
    f.add_every = 7;
    f.add_target = 5;
    Sem().FocusNextControl();  // onto the form's first field
    return true;
}

bool NamedFormDraw(PlannerUi& ui, RecordKind kind, const NamedForm& form, const std::vector<std::string>& kinds,
                   float width, Day* day) {
    PlannerForms& f = ui.forms;
    const std::string title = Tr(form.title);
    if (!AddToggle(f, kind, (title + "##add").c_str(), nullptr)) return false;
    ImVec2 a = ImGui::GetCursorScreenPos();
    Day typed = kNoDay;
    bool day_ok = true, add = false;
    {
        SemScope scope(Role::Region, title, a, ImVec2(a.x + width, a.y + Em() * 8));
        SubHeading(title);
        Field("##add_name", Tr("common.name"), f.add_name, width, Tr(form.name_hint));
        LabelledRadio(Tr("planner_widgets.kind"), kinds, f.add_kind, width);
        std::string why;
        day_ok = !day || ReadOptionalDate(f.add_day, typed, why);
        if (day) DateField(ui.calendar, "##add_day", Tr("common.date_yyyy_mm_dd"), f.add_day, typed, f.add_day_error, width);
        add = AddFormEnd(f, TrId("common.add_2", "add_named"), Tr(form.add), Tr(form.cancel), width);
    }
    if (!add) return false;
    if (f.add_name.find_first_not_of(' ') == std::string::npos) {
        f.add_error = Tr(form.empty_name);
        return false;
    }
    if (!day_ok) {
        f.add_day_error = DateError(Tr("planner_widgets.date"), f.add_day, kNoDay);
        return false;
    }
    if (day) *day = typed;
    return true;
}

bool AddFormEnd(PlannerForms& f, const char* add_id, const char* add_name, const char* cancel_name, float width,
                bool disabled) {
    if (!f.add_error.empty()) WrappedText(f.add_error, ErrorColor());
    Flow flow(width);
    flow.Next(Tr("common.add_2"));
    bool add = Button(add_id, add_name, ImVec2(0, 0), disabled);
    flow.Next(Tr("common.cancel"));
    if (Button(TrId("common.cancel", "add_cancel"), cancel_name)) f.adding.reset();
    return add;
}

void DeleteWithConfirm(PlannerForms& f, RecordKind kind, Id id, const std::string& what, float width, PlannerIntents& out) {
    ImGui::PushID("delete");
    if (f.confirm_kind == kind && f.confirm_id == id && Continuing(f.confirm_seen)) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        std::string q = Tr("planner_widgets.delete") + what + Tr("planner_widgets.this_cannot_be_undone");
        SemScope scope(Role::Group, q.c_str(), a, ImVec2(a.x + width, a.y + Em() * 3));
        WrappedText(q, Colors().text);
        Flow flow(width);
        std::string yes = Tr("planner_widgets.yes_delete") + what + "\xE2\x80\x9D";
        flow.Next(Tr("planner_widgets.yes_delete_2"));
        if (Button(TrId("planner_widgets.yes_delete_2", "yes"), yes.c_str())) {
            out.remove = std::make_pair(kind, id);
            f.confirm_kind.reset();
            f.confirm_id = 0;
        }
        flow.Next(Tr("planner_widgets.keep_it"));
        if (Button(TrId("planner_widgets.keep_it", "no"))) {
            f.confirm_kind.reset();
            f.confirm_id = 0;
        }
    } else {
        std::string name = TrF("common.delete_what", {{"what", what}});
        if (Button(TrId("common.delete_2", "ask"), name.c_str())) {
            f.confirm_kind = kind;
            f.confirm_id = id;
            f.confirm_seen = ImGui::GetFrameCount();
        }
    }
    ImGui::PopID();
}

bool EditorStart(std::string& name, const char* what, float width) {
    ImVec2 a = ImGui::GetCursorScreenPos();
    std::string region = TrF("planner_widgets.editing_name", {{"name", name.empty() ? std::string(what) : name}});
    // Its id stays while the name is typed: a new id would re-create the region
    // in the DOM mirror and take focus from the field being typed in.
    SemScope scope(Role::Region, region.c_str(), a, ImVec2(a.x + width, a.y + Em() * 20), "##editor_region");
    SubHeading(region);
    return Field("##name", Tr("common.name"), name, width);
}

void EditorEnd(PlannerUi& ui, RecordKind kind, Id id, const std::string& name, float width, PlannerIntents& out) {
    Gap(0.3f);
    Flow flow(width);
    flow.Next(Tr("planner_widgets.done"));
    if (Button(TrId("planner_widgets.done", "close"), TrF("planner_widgets.done_editing_name", {{"name", name}}).c_str())) ui.editing = 0;
    flow.Next(Tr("common.delete_2"));
    DeleteWithConfirm(ui.forms, kind, id, name, width, out);
}

}  // namespace wb::ui
