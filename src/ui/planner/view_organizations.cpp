// Organizations: renewals first, an editor for one at a time (dues, renewal,
// roles), adding and deleting. Edits go out whole (`out.put_org = draft`).
#include <algorithm>

#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const char* const kOrgStatus[] = {"Researching", "Applied", "Member", "Lapsed"};
const char* const kNoOrganizations =
    "No organizations yet. Professional organizations give you a room full of people in your field, news before it "
    "is public and roles that make you visible \xE2\x80\x94 add one you belong to or are considering.";
const NamedForm kOrgForm = {"organization", "an organization", "e.g. Society of Data Analysts"};

std::vector<std::string> OrgKinds(const PlannerView& v) {
    return KindsOr(v.templates, &Templates::organization_kinds,
                   {"Professional association", "Alumni network", "Industry group", "Online community"});
}

// The draft and its typed dues, renewal and roles (see DraftStale).
void LoadOrgDraft(PlannerForms& f, const Organization& o) {
    bool same = false;
    if (!DraftStale(f.org, f.org_seen, o, same)) return;
    int64_t typed_cents = -1;
    if (!(same && ParseMoney(f.org_dues, typed_cents) && typed_cents == o.dues_cents))
        f.org_dues = o.dues_cents ? FormatMoney(o.dues_cents) : "";
    ReloadDayText(same, f.org_renewal, o.renewal);
    if (!(same && SplitList(f.org_roles) == o.roles)) f.org_roles = JoinList(o.roles);
    f.org = o;
    if (!same) {
        f.org_dues_error.clear();
        f.org_renewal_error.clear();
    }
}

void DrawOrgEditor(const PlannerView& v, PlannerUi& ui, const Organization& stored, float width, PlannerIntents& out) {
    PlannerForms& f = ui.forms;
    LoadOrgDraft(f, stored);
    Organization& d = f.org;
    ImGui::PushID(static_cast<int>(d.id));
    bool put = EditorStart(d.name, "organization", width);
    put |= PickKind(OrgKinds(v), d.kind, width);
    int status = static_cast<int>(d.status);
    if (LabelledRadio("Status", Options(kOrgStatus, 4), status, width)) {
        d.status = static_cast<OrgStatus>(status);
        put = true;
    }
    if (CheckedField("##dues", "Dues per year", f.org_dues, width, "e.g. 120.00", f.org_dues_error)) {
        int64_t cents = 0;
        if (ParseMoney(f.org_dues, cents)) {
            f.org_dues_error.clear();
            if (cents != d.dues_cents) {
                d.dues_cents = cents;
                put = true;
            }
        } else {
            f.org_dues_error = "Dues per year: \xE2\x80\x9C" + f.org_dues +
                               "\xE2\x80\x9D is not an amount. Type a number such as 120 or 49.50 (no letters). "
                               "It is saved once it is an amount.";
        }
    }
    put |= DateField(ui.calendar, "##renewal", "Renewal date (YYYY-MM-DD)", f.org_renewal, d.renewal, f.org_renewal_error, width);
    put |= Field("##want", "What I want from it", d.want, width, "e.g. a mentor, speaking practice");
    if (Field("##roles", "Roles taken (separated by commas)", f.org_roles, width, "e.g. volunteer, committee member")) {
        d.roles = SplitList(f.org_roles);
        put = true;
    }
    FieldLabel("Notes", width);
    put |= TextArea("##notes", "Notes", d.notes, ImVec2(width, Em() * 4));
    if (put) out.put_org = d;
    EditorEnd(ui, RecordKind::Organization, d.id, d.name, width, out);
    ImGui::PopID();
}

}  // namespace

// An organization renewing within 30 days is listed first and highlighted; the rest by name.
void DrawOrganizations(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = PageStart("Organizations", p.organizations.empty(), kNoOrganizations);
    if (auto o = AddNamedRecord<Organization>(ui, RecordKind::Organization, kOrgForm, OrgKinds(v), width, out))
        out.put_org = o;

    // Renewals first when they are close; then by name.
    std::vector<const Organization*> list;
    for (const Organization& o : p.organizations) list.push_back(&o);
    auto soon = [&](const Organization* o) { return o->renewal != kNoDay && o->renewal >= v.today && o->renewal - v.today <= 30; };
    std::stable_sort(list.begin(), list.end(), [&](const Organization* a, const Organization* b) {
        if (soon(a) != soon(b)) return soon(a);
        return a->name < b->name;
    });
    for (const Organization* o : list) {
        ImGui::PushID(static_cast<int>(o->id));
        Gap(0.4f);
        if (ui.editing == o->id) {
            DrawOrgEditor(v, ui, *o, width, out);
            ImGui::PopID();
            continue;
        }
        ImVec2 a = ImGui::GetCursorScreenPos();
        if (soon(o)) {
            // Highlighted in words and with a bar, not with colour alone.
            ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + Em() * 0.25f, a.y + Em() * 2.6f), Colors().highlight);
            ImGui::Indent(Em() * 0.6f);
        }
        HeadingText(GetFonts().bold, o->name.empty() ? "(no name)" : o->name, 3);
        std::string line = (o->kind.empty() ? std::string("Organization") : o->kind) + " \xC2\xB7 " +
                           kOrgStatus[static_cast<int>(o->status)];
        if (o->dues_cents) line += " \xC2\xB7 dues " + FormatMoney(o->dues_cents) + " a year";
        if (o->renewal != kNoDay) line += " \xC2\xB7 renews " + FormatDay(o->renewal);
        MutedText(line);
        if (soon(o)) WrappedText("Renewal " + DaysFromNow(o->renewal, v.today) + ": decide whether to renew.", Colors().text);
        if (soon(o)) ImGui::Unindent(Em() * 0.6f);
        if (Button("Edit##edit", ("Edit " + o->name).c_str())) {
            ui.editing = o->id;
            Sem().FocusNextControl();
        }
        ImGui::PopID();
    }
}

}  // namespace wb::ui
