// Organizations: renewals first, an editor for one at a time (dues, renewal,
// roles), adding and deleting. Edits go out whole (`out.put_org = draft`).
#include <algorithm>
#include "core/strings.h"

#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

const Key kOrgStatus[] = {Key("organizations.researching"), Key("organizations.applied"), Key("organizations.member"), Key("organizations.lapsed")};
// A key: the strings load after start.
const Key kNoOrganizations = Key("organizations.no_organizations_yet_professional_organizations");
const NamedForm kOrgForm = {Key("organizations.add_title"), Key("organizations.add"), Key("organizations.add_cancel"), Key("organizations.e_g_society_of_data"), Key("organizations.name_empty")};

std::vector<std::string> OrgKinds(const PlannerView& v) {
    return KindsOr(v.templates, &Templates::organization_kinds,
                   {Tr("organizations.professional_association"), Tr("organizations.alumni_network"), Tr("organizations.industry_group"), Tr("organizations.online_community")});
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
    if (LabelledRadio(Tr("organizations.status"), Options(kOrgStatus, 4), status, width)) {
        d.status = static_cast<OrgStatus>(status);
        put = true;
    }
    if (CheckedField("##dues", Tr("organizations.dues_per_year"), f.org_dues, width, "e.g. 120.00", f.org_dues_error)) {
        int64_t cents = 0;
        if (ParseMoney(f.org_dues, cents)) {
            f.org_dues_error.clear();
            if (cents != d.dues_cents) {
                d.dues_cents = cents;
                put = true;
            }
        } else {
            f.org_dues_error = Tr("organizations.dues_per_year_2") + f.org_dues +
                               Tr("organizations.is_not_an_amount_type");
        }
    }
    put |= DateField(ui.calendar, "##renewal", Tr("organizations.renewal_date_yyyy_mm_dd"), f.org_renewal, d.renewal, f.org_renewal_error, width);
    put |= Field("##want", Tr("organizations.what_i_want_from_it"), d.want, width, Tr("organizations.e_g_a_mentor_speaking"));
    if (Field("##roles", Tr("organizations.roles_taken_separated_by_commas"), f.org_roles, width, Tr("organizations.e_g_volunteer_committee_member"))) {
        d.roles = SplitList(f.org_roles);
        put = true;
    }
    FieldLabel(Tr("common.notes"), width);
    put |= TextArea("##notes", Tr("common.notes"), d.notes, ImVec2(width, Em() * 4));
    if (put) out.put_org = d;
    EditorEnd(ui, RecordKind::Organization, d.id, d.name, width, out);
    ImGui::PopID();
}

}  // namespace

// An organization renewing within 30 days is listed first and highlighted; the rest by name.
void DrawOrganizations(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = PageStart(Tr("common.organizations"), p.organizations.empty(), Tr(kNoOrganizations));
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
        HeadingText(GetFonts().bold, o->name.empty() ? Tr("common.no_name") : o->name, 3);
        std::string line = (o->kind.empty() ? std::string(Tr("organizations.organization")) : o->kind) + " \xC2\xB7 " +
                           Tr(kOrgStatus[static_cast<int>(o->status)]);
        if (o->dues_cents) line += Tr("organizations.dues") + FormatMoney(o->dues_cents) + Tr("organizations.a_year");
        if (o->renewal != kNoDay) line += Tr("organizations.renews") + FormatDay(o->renewal);
        MutedText(line);
        if (soon(o)) WrappedText(Tr("organizations.renewal") + DaysFromNow(o->renewal, v.today) + Tr("organizations.decide_whether_to_renew"), Colors().text);
        if (soon(o)) ImGui::Unindent(Em() * 0.6f);
        if (Button(TrId("common.edit", "edit"), TrF("common.edit_name", {{"name", o->name}}).c_str())) {
            ui.editing = o->id;
            Sem().FocusNextControl();
        }
        ImGui::PopID();
    }
}

}  // namespace wb::ui
