// The planner views' own widget kit, on top of ui/widgets.h: labelled fields,
// date fields, radio pills, headings, the add and delete flows, the colours
// and words for a follow-up's standing. One of each, shared by every view_*.cpp.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/planner.h"
#include "core/planner_text.h"
#include "ui/planner/planner_views.h"
#include "ui/view_util.h"

namespace wb::ui {

// --- Layout -------------------------------------------------------------------

// The width of a page's column: the window's, up to a readable measure.
float PageWidth();
// A field's width on the contact page (it sits beside nothing).
float FieldWidth();

// Lays controls out left to right, starting a new line when the next one would
// not fit (narrow screens, 200% text).
struct Flow {
    float right = 0;
    bool first = true;
    explicit Flow(float width);
    void Next(const char* label);  // before a Button(label)
    void Place(float w);           // before a control `w` wide
};

void PageHeading(const char* title);        // the page's h1
// The page's h1 and, when the page has nothing yet (`empty`), what to do first.
// Returns the page's width (PageWidth).
float PageStart(const char* title, bool empty, const char* empty_text);
void SubHeading(const std::string& name);   // a section's h2
void FieldLabel(const char* text, float width);  // a label above its control, wrapped

// --- Fields -------------------------------------------------------------------

// A single-line field with its label above it. True when the learner changed it.
bool Field(const char* id, const char* label, std::string& text, float width, const char* hint = nullptr);

// A field whose text is checked before it is applied: `error` (what is wrong,
// where, what to do; "" = none) is shown under it and recorded as the field's
// invalid message.
bool CheckedField(const char* id, const char* label, std::string& text, float width, const char* hint,
                  const std::string& error);

// A date field: `text` as typed ("" = no date, else YYYY-MM-DD), `day` the date
// in force, which changes only to a real date; `error` says what is wrong
// until it is one. True when `day` changed.
// A "Calendar" button under it opens a month to pick from (DatePicker).
bool DateField(CalendarUi& cal, const char* id, const char* label, std::string& text, planner::Day& day,
               std::string& error, float width);
// The "Calendar" button of the date field `field_id` (drawn just before) and, while
// open, a month under it: one radio group of days (one Tab stop) where the arrows
// move by day and week, Page Up and Page Down by month, Home and End to the week's
// ends; Enter, Space, a click or a tap picks; Escape closes; "Today" and "Clear" too.
// Picking writes the date into `text` as YYYY-MM-DD. True when it did.
bool DatePicker(CalendarUi& cal, const char* field_id, const char* label, std::string& text, float width);
// "Monday, December 7, 2026": how a calendar names a day to a screen reader.
std::string LongDate(planner::Day day);
// The message DateField gives for `text` that is not a date.
std::string DateError(const char* label, const std::string& text, planner::Day kept);

// One choice among a few options, drawn as pills that wrap to `width` and
// recorded as a radio group named `group`. Returns the index the learner
// picked this frame (possibly the selected one again), or -1.
int RadioPills(const char* group, const std::vector<std::string>& options, int selected, float width);
std::vector<std::string> Options(const Key* keys, int n);  // the strings of n keys
// A radio group with its name above it. True when the learner picked another option.
bool LabelledRadio(const char* group, const std::vector<std::string>& options, int& selected, float width);
// A record's kind among the suggested `kinds` (plus its own, when it is not one
// of them). True when the learner changed it.
bool PickKind(std::vector<std::string> kinds, std::string& kind, float width);

// --- Standing: a follow-up's state in colour and words --------------------------

Standing StandingOf(planner::FollowUpStatus f);
Standing StandingOf(const planner::Contact& c, planner::Day today);
// Colours for marks on the page background. Each reaches at least 3:1 against
// the light, dark and high-contrast backgrounds (WCAG 1.4.11 for graphics).
ImU32 StandingColor(Standing s);
ImU32 ErrorColor();
ImU32 WithAlpha(ImU32 c, float a);
const char* StandingWord(Standing s);  // "overdue", "due this week", ...

// --- Words --------------------------------------------------------------------

std::string DaysFromNow(planner::Day day, planner::Day today);  // "today", "in 3 days", "2 days ago"
std::string DueWords(const planner::Contact& c, planner::Day today);  // "overdue by 3 days", "due 2026-12-01"
std::string ContactLine(const planner::Contact& c);  // "Name (Company)"
std::string ContactDueLine(const planner::Contact& c, planner::Day today);  // "Name · Company · due ..."
std::string ContactHref(planner::Id id);  // "#/planner/contact/<id>"

// --- Drafts, add and delete flows ---------------------------------------------------

// True when the part drawn with `seen` was also drawn in the previous frame.
bool Continuing(int& seen);
// An editor's draft is loaded when another record is opened, or when the stored
// one changed (another tab, or the app applied our edit). True when it must be;
// `same` says whether it is the record drawn last frame, whose typed text that
// still means the stored value is then kept, so an edit is not reformatted under the cursor.
template <class Record>
bool DraftStale(const Record& draft, int& seen, const Record& stored, bool& same) {
    same = Continuing(seen) && draft.id == stored.id;
    return !same || draft.rev != stored.rev;
}
// A date field's text as kept across such a reload (see DraftStale).
void ReloadDayText(bool same, std::string& text, planner::Day stored);

// The head of a record's editor: a region and heading "Editing <name>" (or
// `what` while it has none), then its name field. True when the name changed.
bool EditorStart(std::string& name, const char* what, float width);
// The foot of a record's editor: Done (closes it) and Delete (asks first); ends the region.
void EditorEnd(PlannerUi& ui, RecordKind kind, planner::Id id, const std::string& name, float width, PlannerIntents& out);

// The kinds offered for a new record: the templates', or these when there are none.
std::vector<std::string> KindsOr(const planner::Templates* t, std::vector<std::string> planner::Templates::*kinds,
                                 std::vector<std::string> fallback);

// One starter from the templates: its words and an Add button named by `add_name`
// ("Add goal: {what}", the words in {what}). True when the learner adds it.
bool StarterRow(size_t i, const std::string& words, const char* add_name);

// Opens the add form for `kind` (closing any other) with a button; true while it is open.
bool AddToggle(PlannerForms& f, RecordKind kind, const char* label, const char* name);
// The end of every add form: its error, if any, then Add (`add_name` for screen
// readers) and Cancel, which closes the form. True when Add was pressed.
bool AddFormEnd(PlannerForms& f, const char* add_id, const char* add_name, const char* cancel_name, float width,
                bool disabled = false);

// The add form of a record with a name and a kind (organizations; events also
// have a date): opened by its button, it sends the record with id 0 and asks
// for its editor (the app gives the id). Words are the record's: "organization".
struct NamedForm {
    Key title;        // "Add an organization"
    Key add;          // "Add the organization"
    Key cancel;       // "Cancel adding an organization"
    Key name_hint;    // "e.g. Society of Data Analysts"
    Key empty_name;   // "Name: empty. Type the organization's name above, then press Add."
};
// Draws it; true on an Add with a name (and, with `day`, a real date, stored there).
bool NamedFormDraw(PlannerUi& ui, RecordKind kind, const NamedForm& form, const std::vector<std::string>& kinds,
                   float width, planner::Day* day);
template <class Record>
std::optional<Record> AddNamedRecord(PlannerUi& ui, RecordKind kind, const NamedForm& form,
                                     const std::vector<std::string>& kinds, float width, PlannerIntents& out) {
    Record r;
    planner::Day* day = nullptr;
    if constexpr (requires { r.day; }) day = &r.day;
    if (!NamedFormDraw(ui, kind, form, kinds, width, day)) return std::nullopt;
    r.name = ui.forms.add_name;
    r.kind = kinds[std::clamp(ui.forms.add_kind, 0, static_cast<int>(kinds.size()) - 1)];
    out.edit_added = true;
    ui.forms.adding.reset();
    return r;
}

// A "Delete" button, then "Delete X?" with yes and no; yes sends out.remove.
void DeleteWithConfirm(PlannerForms& f, RecordKind kind, planner::Id id, const std::string& what, float width,
                       PlannerIntents& out);

}  // namespace wb::ui
