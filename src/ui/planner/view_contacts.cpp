// Contacts: adding, importing and exporting; search, filters and sort; a
// clipped table of up to 30,000 rows.
#include <algorithm>
#include "core/strings.h"
#include <chrono>
#include <cmath>
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {
// The table below the fold (a phone, large text, a short window): ImGui skips a
// table it cannot see, so Tab and a screen reader would find it empty. Its header
// and first rows are recorded where they would be drawn; focusing one of them
// scrolls the table into view (the drawn rows then take over), Enter opens it.
void RecordRowsOutOfView(const PlannerView& v, const PlannerUi& ui, bool narrow, ImVec2 top, float height,
                         PlannerIntents& out) {
    const Planner& p = v.planner;
    float row_h = std::max(kMinTarget, ImGui::GetTextLineHeight()) * (narrow ? 2.0f : 1.0f);
    float width = ImGui::GetContentRegionAvail().x;
    int shown = std::min(static_cast<int>(ui.rows.size()), std::max(1, static_cast<int>(height / row_h)));
    const uint16_t flags = SemFlag_OutOfView;
    auto node = [&](Role role, const std::string& name, ImGuiID id, float y, float h) {
        SemNode n;
        n.id = id;
        n.role = role;
        n.name = name;
        n.flags = flags;
        n.min = ImVec2(top.x, y);
        n.max = ImVec2(top.x + width, y + h);
        return n;
    };
    float y = top.y;
    {
        SemScope header(Role::Row, "", ImVec2(top.x, y), ImVec2(top.x + width, y + row_h), "##header_row");
        std::vector<const char*> cols = narrow ? std::vector<const char*>{Tr("common.name"), Tr("contacts.company_and_tier"), Tr("contacts.follow_up")}
                                               : std::vector<const char*>{Tr("common.name"), Tr("common.company"), Tr("common.tier"), Tr("contacts.follow_up")};
        for (const char* col : cols) Sem().Add(node(Role::ColumnHeader, col, ImGui::GetID(col), y, row_h));
    }
    for (int r = 0; r < shown; ++r) {
        y += row_h;
        const Contact& c = p.contacts[ui.rows[r]];
        ImGui::PushID(static_cast<int>(c.id));
        SemScope row(Role::Row, "", ImVec2(top.x, y), ImVec2(top.x + width, y + row_h), "##sem_row");
        {
            SemScope name_header(Role::RowHeader, "", ImVec2(top.x, y), ImVec2(top.x + width, y + row_h), "##sem_name");
            SemNode link = node(Role::Link, c.name.empty() ? std::string(Tr("common.no_name")) : c.name, ImGui::GetID("##away"), y, row_h);
            link.flags |= SemFlag_Focusable;
            link.value = ContactHref(c.id);
            Sem().Add(link);
            if (Sem().TakeFocus(link.id))  // into view: the drawn row is the one kept
                ImGui::SetScrollY(ImGui::GetScrollY() + top.y - ImGui::GetWindowPos().y - Em());
            if (Sem().TakeActivate(link.id)) out.open_contact = c.id;
        }
        std::string tier = TierName(c.tier);
        if (narrow) {
            Sem().Add(node(Role::Cell, c.company.empty() ? tier : c.company + " \xC2\xB7 " + tier, ImGui::GetID("##c1"), y, row_h));
        } else {
            Sem().Add(node(Role::Cell, c.company, ImGui::GetID("##c1"), y, row_h));
            Sem().Add(node(Role::Cell, tier, ImGui::GetID("##c2"), y, row_h));
        }
        Sem().Add(node(Role::Cell, DueWords(c, v.today), ImGui::GetID("##c3"), y, row_h));
        ImGui::PopID();
    }
}
}  // namespace

void DrawContacts(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    PageHeading(Tr("contacts.contacts"));
    ContactQuery& q = ui.query;

    // Adding, importing, exporting.
    // The button beside the field when both fit, else under it (a phone).
    const ImGuiStyle& st = ImGui::GetStyle();
    float add_w = ImGui::CalcTextSize(Tr("contacts.add_contact")).x + st.FramePadding.x * 2;
    float line = ImGui::GetContentRegionAvail().x;
    bool beside = line >= Em() * 10 + st.ItemSpacing.x + add_w;
    ImGui::SetNextItemWidth(beside ? std::min(line - st.ItemSpacing.x - add_w, Em() * 18) : line);
    TextField("##new_name", Tr("contacts.new_contact_s_name"), ui.new_name, Tr("contacts.new_contact_s_name"));
    bool enter = FieldSubmitted();  // Enter in the name adds the contact
    if (beside) ImGui::SameLine();
    bool can_add = !ui.new_name.empty();
    if (Button(TrId("contacts.add_contact", "add"), nullptr, ImVec2(0, 0), !can_add) || (can_add && enter)) {
        Contact c;
        c.name = ui.new_name;
        c.source = "manual";
        c.added = v.today;
        out.put_contact = c;
        ui.new_name.clear();
    }
    // The actions flow onto as many lines as the width needs (nothing cut at 320 px).
    Flow actions(ImGui::GetContentRegionAvail().x);
    actions.Next(Tr("contacts.import_contacts"));
    if (Button(TrId("contacts.import_contacts", "import"), Tr("contacts.import_contacts_from_a_linkedin"))) out.choose_import = true;
    actions.Next(Tr("contacts.export_calendar_ics"));
    if (Button(TrId("contacts.export_calendar_ics", "ics"), Tr("contacts.export_calendar_ics_of_follow"))) out.export_kind = ExportKind::Calendar;
    actions.Next(Tr("contacts.export_contacts_vcf"));
    if (Button(TrId("contacts.export_contacts_vcf", "vcf"), Tr("contacts.export_contacts_vcf_as_vcards"))) out.export_kind = ExportKind::Cards;
    actions.Next(Tr("contacts.export_spreadsheet_csv"));
    if (Button(TrId("contacts.export_spreadsheet_csv", "csv"), Tr("contacts.export_spreadsheet_csv_of_contacts"))) out.export_kind = ExportKind::Spreadsheet;
    Gap(0.3f);

    // Search and filters.
    ImGui::SetNextItemWidth(FieldWidth());
    if (TextField("##contact_search", Tr("contacts.search_contacts"), q.text, Tr("contacts.search_name_company_role_tags"))) ui.rows_dirty = true;
    float avail = ImGui::GetContentRegionAvail().x;
    // A filter's first option is "any" (-1 in the query).
    auto filter = [&](const char* group, const std::vector<std::string>& options, int& value) {
        int k = RadioPills(group, options, value + 1, avail);
        if (k < 0) return;
        value = k - 1;
        ui.rows_dirty = true;
    };
    std::vector<std::string> tiers = {Tr("contacts.any_tier")}, stages = {Tr("contacts.any_stage")};
    for (int i = 0; i <= static_cast<int>(Tier::None); ++i) tiers.push_back(TierName(static_cast<Tier>(i)));
    for (int i = 0; i < 6; ++i) stages.push_back(StageName(static_cast<Stage>(i)));
    filter(Tr("contacts.tier_filter"), tiers, q.tier);
    filter(Tr("contacts.stage_filter"), stages, q.stage);
    if (ChoiceRow("##due_only", Tr("contacts.only_overdue_or_due_this"), q.due_only, false, std::min(ImGui::GetContentRegionAvail().x, Em() * 20))) {
        q.due_only = !q.due_only;
        ui.rows_dirty = true;
    }
    if (!ui.tags.empty()) {
        // The first dozen tags as a filter; a tag typed into the search finds the rest.
        std::vector<std::string> labels = {Tr("contacts.any_tag")};
        int selected = 0;
        for (size_t i = 0; i < ui.tags.size() && i < 12; ++i) {
            labels.push_back(ui.tags[i]);
            if (q.tag == ui.tags[i]) selected = static_cast<int>(i) + 1;
        }
        int tg = RadioPills(Tr("contacts.tag_filter"), labels, selected, avail);
        if (tg >= 0) {
            q.tag = tg == 0 ? std::string() : ui.tags[tg - 1];
            ui.rows_dirty = true;
        }
    }
    const Key sorts[] = {Key("common.name"), Key("common.company"), Key("contacts.next_follow_up"), Key("common.last_touch"), Key("common.tier"), Key("common.stage")};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr("contacts.sort_by"));
    ImGui::SameLine();
    int so = RadioPills(Tr("contacts.sort_by"), Options(sorts, 6), static_cast<int>(q.sort), ImGui::GetContentRegionAvail().x);
    if (so >= 0) {
        if (so == static_cast<int>(q.sort)) q.descending = !q.descending;
        else {
            q.sort = static_cast<ContactQuery::Sort>(so);
            q.descending = false;
        }
        ui.rows_dirty = true;
    }
    if (ui.rows_dirty) {
        auto t0 = std::chrono::steady_clock::now();
        ui.rows = QueryContacts(p, q, v.today);
        ui.tags = AllTags(p);
        ui.rows_dirty = false;
        ui.query_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    WrappedText(TrN("contacts.shown_of", static_cast<long long>(p.contacts.size()), {{"shown", Grouped(ui.rows.size())}}) +
                (q.descending ? Tr("contacts.reverse_order") : ""));
    if (p.contacts.empty()) {
        MutedText(Tr("contacts.no_contacts_yet_add_someone"));
        return;
    }

    // The table: only the rows on screen are drawn (and recorded for screen readers).
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp;
    bool narrow = ImGui::GetContentRegionAvail().x < Em() * 36;
    // Whole rows only: at rest no row is cut at the bottom (a sliver is no target).
    float pad = ImGui::GetStyle().CellPadding.y * 2;
    float header_h = ImGui::GetTextLineHeight() + pad;
    float row_h = std::max(kMinTarget, ImGui::GetTextLineHeight()) + pad;
    float rows_fit = std::floor((ImGui::GetContentRegionAvail().y - Em() - header_h) / row_h);
    float height = narrow ? std::max(Em() * 12, ImGui::GetContentRegionAvail().y - Em())
                          : std::max(Em() * 12, header_h + rows_fit * row_h);
    int columns = narrow ? 2 : 4;
    ImVec2 ta = ImGui::GetCursorScreenPos();
    // A data table for screen readers too: a header row, then per contact the
    // name (a link, the row's header) and one cell per column shown.
    SemScope table(Role::Table, Tr("contacts.contacts"), ta, ImVec2(ta.x + ImGui::GetContentRegionAvail().x, ta.y + height));
    if (ImGui::BeginTable("##contacts", columns, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(Tr("common.name"), 0, 3.0f);
        if (!narrow) {
            ImGui::TableSetupColumn(Tr("common.company"), 0, 2.5f);
            ImGui::TableSetupColumn(Tr("common.tier"), 0, 1.0f);
        }
        ImGui::TableSetupColumn(Tr("contacts.follow_up"), 0, 2.0f);
        ImGui::TableHeadersRow();
        {
            ImVec2 ha = ImGui::GetItemRectMin(), hb = ImGui::GetItemRectMax();
            SemScope header(Role::Row, "", ImVec2(ta.x, ha.y), hb, "##header_row");
            // Narrow, company and tier stand under the name: a column of their own here.
            const char* wide_cols[] = {Tr("common.name"), Tr("common.company"), Tr("common.tier"), Tr("contacts.follow_up")};
            const char* narrow_cols[] = {Tr("common.name"), Tr("contacts.company_and_tier"), Tr("contacts.follow_up")};
            int n = narrow ? 3 : 4;
            for (int col = 0; col < n; ++col) {
                ImGui::PushID(col);
                SemText(Role::ColumnHeader, narrow ? narrow_cols[col] : wide_cols[col], ImVec2(ta.x, ha.y), hb);
                ImGui::PopID();
            }
        }
        // One cell of text; its own id, as two cells of a row may read the same.
        auto cell = [](int col, const std::string& text, ImU32 color = 0) {
            ImGui::TableNextColumn();
            ImGui::PushID(col);
            TextItem(text, Role::Cell, color);
            ImGui::PopID();
        };
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(ui.rows.size()));
        while (clip.Step()) {
            for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
                const Contact& c = p.contacts[ui.rows[r]];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(c.id));
                {
                    SemScope row(Role::Row, "", "##sem_row");
                    std::string name = c.name.empty() ? std::string(Tr("common.no_name")) : c.name;
                    std::string href = ContactHref(c.id);
                    {
                        SemScope header(Role::RowHeader, "", "##sem_name");
                        if (LinkRow((name + "##row").c_str(), ui.contact == c.id, nullptr, nullptr, href.c_str(),
                                    ImGuiSelectableFlags_SpanAllColumns))
                            out.open_contact = c.id;
                    }
                    if (!narrow) {
                        cell(1, c.company);
                        cell(2, TierName(c.tier));
                    } else {
                        // Stacked: the row keeps every column, company and tier under the name.
                        std::string sub = c.company.empty() ? std::string(TierName(c.tier))
                                                            : c.company + " \xC2\xB7 " + TierName(c.tier);
                        ImGui::PushID(1);
                        ImGui::PushTextWrapPos(0.0f);
                        TextItem(sub, Role::Cell, Colors().text_muted);
                        ImGui::PopTextWrapPos();
                        ImGui::PopID();
                    }
                    FollowUpStatus st = StatusOf(c, v.today);
                    cell(3, DueWords(c, v.today), st == FollowUpStatus::Overdue ? Colors().error : Colors().text_muted);
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    } else {
        RecordRowsOutOfView(v, ui, narrow, ta, height, out);
    }
}

}  // namespace wb::ui
