#include "ui/planner/widgets.h"

#include <algorithm>

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
    ImGui::TextUnformatted(text);
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

std::string DateError(const char* label, const std::string& text, Day kept) {
    std::string what(label);
    what = what.substr(0, what.find(" ("));  // "Renewal date (YYYY-MM-DD)": the format is said below
    Day ignored = kNoDay;
    std::string why;
    ReadOptionalDate(text, ignored, why);
    return what + ": " + why + " Or leave it empty; until then it stays " +
           (kept == kNoDay ? std::string("empty") : FormatDay(kept)) + ".";
}

bool DateField(const char* id, const char* label, std::string& text, Day& day, std::string& error, float width) {
    if (!CheckedField(id, label, text, width, "YYYY-MM-DD", error)) return false;
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

std::vector<std::string> Options(const char* const* labels, int n) { return {labels, labels + n}; }

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
    if (!LabelledRadio("Kind", kinds, current, width)) return false;
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
        case Standing::Overdue: return "overdue";
        case Standing::Due: return "due this week";
        case Standing::Fine: return "up to date";
        default: return "never contacted";
    }
}

// --- Words --------------------------------------------------------------------

std::string DaysFromNow(Day day, Day today) {
    int d = day - today;
    if (d == 0) return "today";
    if (d == 1) return "tomorrow";
    if (d == -1) return "yesterday";
    return d > 0 ? "in " + std::to_string(d) + " days" : std::to_string(-d) + " days ago";
}

std::string DueWords(const Contact& c, Day today) {
    Day next = NextFollowUp(c);
    if (next == kNoDay) return CadenceDays(c) <= 0 ? "no tier yet" : "never contacted";
    int d = next - today;
    if (d < 0) return "overdue by " + std::to_string(-d) + (d == -1 ? " day" : " days");
    if (d == 0) return "due today";
    if (d == 1) return "due tomorrow";
    return "due " + FormatDay(next);
}

std::string ContactLine(const Contact& c) { return c.company.empty() ? c.name : c.name + " (" + c.company + ")"; }

std::string ContactDueLine(const Contact& c, Day today) {
    std::string s = c.name.empty() ? std::string("(no name)") : c.name;
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

bool StarterRow(size_t i, const std::string& words, const char* add_prefix) {
    ImGui::PushID(static_cast<int>(i));
    WrappedText(words, Colors().text);
    bool add = Button("Add##starter", (add_prefix + words).c_str());
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
    std::string title = std::string("Add ") + form.a_what;
    if (!AddToggle(f, kind, (title + "##add").c_str(), nullptr)) return false;
    ImVec2 a = ImGui::GetCursorScreenPos();
    Day typed = kNoDay;
    bool day_ok = true, add = false;
    {
        SemScope scope(Role::Region, title, a, ImVec2(a.x + width, a.y + Em() * 8));
        SubHeading(title);
        Field("##add_name", "Name", f.add_name, width, form.name_hint);
        LabelledRadio("Kind", kinds, f.add_kind, width);
        std::string why;
        day_ok = !day || ReadOptionalDate(f.add_day, typed, why);
        if (day) DateField("##add_day", "Date (YYYY-MM-DD)", f.add_day, typed, f.add_day_error, width);
        add = AddFormEnd(f, "Add##add_named", ("Add the " + std::string(form.what)).c_str(),
                         ("Cancel adding " + std::string(form.a_what)).c_str(), width);
    }
    if (!add) return false;
    if (f.add_name.find_first_not_of(' ') == std::string::npos) {
        f.add_error = std::string("Name: empty. Type the ") + form.what + "'s name above, then press Add.";
        return false;
    }
    if (!day_ok) {
        f.add_day_error = DateError("Date", f.add_day, kNoDay);
        return false;
    }
    if (day) *day = typed;
    return true;
}

bool AddFormEnd(PlannerForms& f, const char* add_id, const char* add_name, const char* cancel_name, float width,
                bool disabled) {
    if (!f.add_error.empty()) WrappedText(f.add_error, ErrorColor());
    Flow flow(width);
    flow.Next("Add");
    bool add = Button(add_id, add_name, ImVec2(0, 0), disabled);
    flow.Next("Cancel");
    if (Button("Cancel##add_cancel", cancel_name)) f.adding.reset();
    return add;
}

void DeleteWithConfirm(PlannerForms& f, RecordKind kind, Id id, const std::string& what, float width, PlannerIntents& out) {
    ImGui::PushID("delete");
    if (f.confirm_kind == kind && f.confirm_id == id && Continuing(f.confirm_seen)) {
        ImVec2 a = ImGui::GetCursorScreenPos();
        std::string q = "Delete \xE2\x80\x9C" + what + "\xE2\x80\x9D? This cannot be undone.";
        SemScope scope(Role::Group, q.c_str(), a, ImVec2(a.x + width, a.y + Em() * 3));
        WrappedText(q, Colors().text);
        Flow flow(width);
        std::string yes = "Yes, delete \xE2\x80\x9C" + what + "\xE2\x80\x9D";
        flow.Next("Yes, delete");
        if (Button("Yes, delete##yes", yes.c_str())) {
            out.remove = std::make_pair(kind, id);
            f.confirm_kind.reset();
            f.confirm_id = 0;
        }
        flow.Next("Keep it");
        if (Button("Keep it##no")) {
            f.confirm_kind.reset();
            f.confirm_id = 0;
        }
    } else {
        std::string name = "Delete " + what;
        if (Button("Delete##ask", name.c_str())) {
            f.confirm_kind = kind;
            f.confirm_id = id;
            f.confirm_seen = ImGui::GetFrameCount();
        }
    }
    ImGui::PopID();
}

bool EditorStart(std::string& name, const char* what, float width) {
    ImVec2 a = ImGui::GetCursorScreenPos();
    std::string region = "Editing " + (name.empty() ? std::string(what) : name);
    // Its id stays while the name is typed: a new id would re-create the region
    // in the DOM mirror and take focus from the field being typed in.
    SemScope scope(Role::Region, region.c_str(), a, ImVec2(a.x + width, a.y + Em() * 20), "##editor_region");
    SubHeading(region);
    return Field("##name", "Name", name, width);
}

void EditorEnd(PlannerUi& ui, RecordKind kind, Id id, const std::string& name, float width, PlannerIntents& out) {
    Gap(0.3f);
    Flow flow(width);
    flow.Next("Done");
    if (Button("Done##close", ("Done editing " + name).c_str())) ui.editing = 0;
    flow.Next("Delete");
    DeleteWithConfirm(ui.forms, kind, id, name, width, out);
}

}  // namespace wb::ui
