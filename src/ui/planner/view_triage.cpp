// Triage: the contacts without a tier (an import's thousands of connections),
// one card at a time, each sorted with one key or one press: a tier (Inner,
// Close, Active, Extended) or "Not now", which sets the contact aside
// (Contact::not_now) without scheduling anything. Or the fast list: a page of
// rows, each with the same five buttons. Undo, progress, a filter and
// "Set all N shown to ..." for a filtered set.
//
// Index
//   Cache      the contacts still offered, kept current without a pass per decision
//   The card   the facts that help decide
//   The list   a page of rows to sort by pointer or touch
//   The page   progress, keys, buttons, filter and the bulk action
#include <algorithm>
#include "core/strings.h"
#include <cstdio>
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

std::string TriageProgress(const Planner& p, size_t to_go) {
    const size_t sorted = p.contacts.size() >= to_go ? p.contacts.size() - to_go : 0;
    return TrF("triage.progress", {{"sorted", Grouped(sorted)}, {"to_go", Grouped(to_go)}});
}

// --- Cache ---------------------------------------------------------------------------
bool TriageCacheFresh(const TriageCache& c, const Planner& p) {
    return c.planner == &p && c.contacts == p.contacts.size() && c.next_id == p.next_id &&
           c.newest_rev == NewestContactRev(p);
}

void TriageNoteChange(TriageCache& c, const Planner& p, const std::vector<Id>& ids, bool waiting) {
    bool rebuild = false;
    for (Id id : ids) {
        c.to_go = waiting ? c.to_go + 1 : (c.to_go ? c.to_go - 1 : 0);
        if (rebuild) continue;
        auto at = std::lower_bound(c.ids.begin(), c.ids.end(), id);
        const bool listed = at != c.ids.end() && *at == id;
        if (!listed && waiting) {
            // Decided before the list was last built: back in it, unless a filter
            // would have to say whether it matches (then the list is rebuilt,
            // next frame; to_go stays right meanwhile).
            if (!c.filter.empty()) {
                rebuild = true;
                continue;
            }
            at = c.ids.insert(at, id);
        }
        const size_t pos = static_cast<size_t>(at - c.ids.begin());
        if (waiting) {
            ++c.shown;
            c.cursor = std::min(c.cursor, pos);
        } else if (listed && c.shown) {
            --c.shown;
        }
        if (const Contact* k = FindContact(p, id)) c.newest_rev = std::max(c.newest_rev, k->rev.at);
    }
    if (rebuild) c.newest_rev = -1;
}

namespace {

void RebuildCache(TriageCache& c, const Planner& p, const std::string& filter, Day today) {
    c.planner = &p;
    c.contacts = p.contacts.size();
    c.next_id = p.next_id;
    c.newest_rev = NewestContactRev(p);
    c.filter = filter;
    c.ids.clear();
    c.cursor = 0;
    c.to_go = 0;
    for (const Contact& k : p.contacts) c.to_go += AwaitingTriage(k);
    if (filter.find_first_not_of(' ') == std::string::npos) {
        c.ids.reserve(c.to_go);
        for (const Contact& k : p.contacts)
            if (AwaitingTriage(k)) c.ids.push_back(k.id);  // contacts are sorted by id
    } else {
        ContactQuery q;
        q.text = filter;
        q.tier = static_cast<int>(Tier::None);
        for (uint32_t i : QueryContacts(p, q, today))
            if (AwaitingTriage(p.contacts[i])) c.ids.push_back(p.contacts[i].id);
        std::sort(c.ids.begin(), c.ids.end());
    }
    c.shown = c.ids.size();
    c.facts_for = 0;
}

// The next contact still awaiting triage from the cursor on (moving the cursor
// past the decided ones: each is passed once).
const Contact* Current(TriageCache& c, const Planner& p) {
    for (; c.cursor < c.ids.size(); ++c.cursor)
        if (const Contact* k = FindContact(p, c.ids[c.cursor]); k && AwaitingTriage(*k)) return k;
    return nullptr;
}

const Key kChoice[] = {Key("triage.inner"), Key("common.close"), Key("triage.active"), Key("triage.extended"), Key("common.not_now")};
const Key kRhythm[] = {Key("tier.monthly"), Key("common.every_2_months"), Key("tier.quarterly"), Key("tier.yearly"), Key("triage.stays_without_a_tier")};
const char* const kKey[] = {"1", "2", "3", "4", "0"};

// Text wrapped at the wrap position in force (the card's edge, the page's
// measure), not at the window's edge as WrappedText does.
void Para(const std::string& text, ImU32 color = 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : Colors().text_muted);
    Text(text);
    ImGui::PopStyleColor();
    SemText(Role::Text, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// --- The card ------------------------------------------------------------------------
void Fact(const char* label, const std::string& value) {
    if (value.empty()) return;
    Para(std::string(label) + ": " + value, Colors().text);
}

void DrawCard(const PlannerView& v, TriageCache& cache, const Contact& c, float width) {
    const Planner& p = v.planner;
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float pad = Em() * 0.8f;
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2);
    {
        SemScope card(Role::Region, TrF("triage.contact_to_sort_name", {{"name", c.name}}), "##triage_card");
        HeadingText(GetFonts().h2, c.name.empty() ? std::string(Tr("common.no_name")) : c.name, 2);
        if (std::string what = RoleAtCompany(c); !what.empty()) Para(what, Colors().text);
        if (c.connected != kNoDay) {
            int y, m, d, ty, tm, td;
            YmdFromDay(c.connected, y, m, d);
            YmdFromDay(v.today, ty, tm, td);
            int years = ty - y - ((tm < m || (tm == m && td < d)) ? 1 : 0);
            std::string when = FormatDay(c.connected);
            if (v.today != kNoDay)
                when = years >= 1 ? TrN("triage.connected_date_years", years, {{"date", when}}) : TrF("triage.connected_date_recent", {{"date", when}});
            Fact(Tr("triage.connected_since"), when);
        }
        Fact(Tr("common.industry"), c.industry);
        Fact(Tr("common.location"), c.location);
        Fact(Tr("common.email"), c.email);
        Fact(Tr("triage.how_you_met"), c.met);
        if (c.introduced_by)
            if (const Contact* by = FindContact(p, c.introduced_by)) Fact(Tr("triage.introduced_by"), by->name);
        if (!c.tags.empty()) Fact(Tr("triage.tags"), JoinList(c.tags));
        // Events where you met them (few events: a walk per frame is cheap).
        std::string events;
        for (const Event& e : p.events)
            if (std::find(e.met.begin(), e.met.end(), c.id) != e.met.end()) events += (events.empty() ? "" : ", ") + e.name;
        Fact(Tr("triage.met_at"), events);
        // Others at the same company: one pass when the card changes, not per frame.
        if (cache.facts_for != c.id || cache.facts_rev != cache.newest_rev) {
            cache.facts_for = c.id;
            cache.facts_rev = cache.newest_rev;
            cache.same_company = cache.same_company_tiered = 0;
            if (!c.company.empty())
                for (const Contact& o : p.contacts)
                    if (o.id != c.id && o.company == c.company) {
                        ++cache.same_company;
                        cache.same_company_tiered += CadenceDays(o) > 0;
                    }
        }
        if (cache.same_company)
            Fact(TrF("triage.also_at_company", {{"company", c.company}}).c_str(),
                 TrN("triage.same_company_counts", static_cast<long long>(cache.same_company), {{"tiered", Grouped(cache.same_company_tiered)}}));
        if (!c.notes.empty()) {
            // Long notes are cut (at a character's start, never inside a UTF-8 sequence).
            size_t cut = c.notes.size() > 600 ? 600 : c.notes.size();
            while (cut < c.notes.size() && cut > 0 && (static_cast<unsigned char>(c.notes[cut]) & 0xC0) == 0x80) --cut;
            Fact(Tr("common.notes"), cut < c.notes.size() ? c.notes.substr(0, cut) + "\xE2\x80\xA6" : c.notes);
        }
        if (!c.log.empty())
            Fact(Tr("common.last_touch"), TrN("triage.last_touch_logged", static_cast<long long>(c.log.size()), {{"date", FormatDay(LastTouch(c))}}));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImVec2 b = ImGui::GetItemRectMax();
    b = ImVec2(a.x + width, b.y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(a, b, Colors().callout_bg, Em() * 0.4f);
    dl->AddRect(a, b, Colors().callout_border, Em() * 0.4f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(a.x, b.y));
    ImGui::Dummy(ImVec2(width, 0));
}

// --- The list ------------------------------------------------------------------------
constexpr int kListRows = 20;

// "Data engineer at Acme · connected 2019": what a row says under the name.
std::string RowDetails(const Contact& c) {
    std::string s = RoleAtCompany(c);
    if (c.connected != kNoDay)
        s += TrF(s.empty() ? Key("triage.connected_year") : Key("triage.connected_year_after"), {{"year", FormatDay(c.connected).substr(0, 4)}});
    return s;
}

void DrawList(const PlannerView& v, TriageUi& t, float width, PlannerIntents& out) {
    TriageCache& cache = t.cache;
    const Planner& p = v.planner;
    int rows = 0;  // from the cursor, which DrawTriage's Current() moved past the decided ones
    ImGui::PushID("triage_list");
    {
        SemScope list(Role::List, Tr("triage.contacts_to_sort"));
        for (size_t i = cache.cursor; i < cache.ids.size() && rows < kListRows; ++i) {
            const Contact* c = FindContact(p, cache.ids[i]);
            if (!c || !AwaitingTriage(*c)) continue;
            ++rows;
            ImGui::PushID(static_cast<int>(c->id));
            ImVec2 a = ImGui::GetCursorScreenPos();
            const std::string name = c->name.empty() ? std::string(Tr("common.no_name")) : c->name;
            {
                SemScope row(Role::ListItem, name, a, ImVec2(a.x + width, a.y + Em() * 3), "##row");
                ImGui::PushFont(GetFonts().bold);
                TextItem(name, Role::Text, Colors().text);
                ImGui::PopFont();
                if (std::string d = RowDetails(*c); !d.empty()) Para(d);
                Flow flow(width);
                // The row decided with the keyboard is gone: its next one takes focus on the same choice.
                const bool refocus = t.refocus_after && c->id > t.refocus_after;
                for (int k = 0; k < 5; ++k) {
                    flow.Next(Tr(kChoice[k]));
                    if (refocus && k == t.refocus_choice) {
                        Sem().FocusNextControl();
                        t.refocus_after = 0;
                    }
                    const std::string label = std::string(Tr(kChoice[k])) + "##" + kKey[k];
                    const std::string said = std::string(Tr(kChoice[k])) + ": " + name;
                    if (Button(label.c_str(), said.c_str())) {
                        out.triage = PlannerIntents::TriageDecision{{c->id}, static_cast<Tier>(k)};
                        t.refocus_after = Sem().last_activation_from_dom ? c->id : 0;
                        t.refocus_choice = k;
                        t.refocus_frame = ImGui::GetFrameCount();
                    }
                }
            }
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    ImGui::PopID();
    // No row after it in this frame or the next (the last one was sorted): nothing to move to.
    if (t.refocus_after && ImGui::GetFrameCount() - t.refocus_frame > 1) t.refocus_after = 0;
    if (cache.shown > static_cast<size_t>(rows))
        Para(TrN("triage.showing_first_rows", rows));
}

}  // namespace

// --- The page -----------------------------------------------------------------------------
void DrawTriage(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    TriageUi& t = ui.triage;
    TriageCache& cache = t.cache;
    const float width = PageWidth();
    PageHeading(Tr("triage.triage"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (!TriageCacheFresh(cache, p) || cache.filter != t.filter) RebuildCache(cache, p, t.filter, v.today);
    if (!Continuing(t.confirm_seen)) t.confirm_tier = -1;  // a question left open on another page is closed

    Para(Tr("triage.the_chapter_s_advice_starts"));
    const std::string progress = TriageProgress(p, cache.to_go) + ".";
    Para(progress, Colors().text);
    {
        const float done = p.contacts.empty() ? 1.0f
                                              : static_cast<float>(p.contacts.size() - std::min(cache.to_go, p.contacts.size())) /
                                                    static_cast<float>(p.contacts.size());
        ProgressBar(done, Tr("triage.contacts_sorted"), progress.c_str(), std::min(width, Em() * 26));
    }

    // The filter: the contacts' search, over those still awaiting triage.
    ImGui::SetNextItemWidth(std::min(width, FieldWidth()));
    TextField("##triage_filter", Tr("triage.filter_the_contacts_to_sort"), t.filter, Tr("triage.filter_by_name_company_role"));
    const bool filtered = t.filter.find_first_not_of(' ') != std::string::npos;
    if (filtered)
        Para(TrN("count.contacts_to_sort_match", static_cast<long long>(cache.shown)) + " \xE2\x80\x9C" + t.filter +
                  "\xE2\x80\x9D.");

    // One card (keys 1 to 4, 0) or the fast list (a page of rows, one press each).
    static const Key kViews[] = {Key("triage.one_at_a_time"), Key("triage.list")};
    int view = t.list ? 1 : 0;
    if (LabelledRadio(Tr("triage.sort"), Options(kViews, 2), view, width)) t.list = view == 1;

    const Contact* c = Current(cache, p);
    auto decide = [&](int choice) {
        if (!c) return;
        out.triage = PlannerIntents::TriageDecision{{c->id}, static_cast<Tier>(choice)};
    };

    // Keys: when no text field has the keyboard and no modifier is held (Ctrl+Z is undo).
    ImGuiIO& io = ImGui::GetIO();
    const bool keys = Sem().edit.id == 0 && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                      t.confirm_tier < 0;
    const bool card_keys = keys && !t.list;  // the list has no one contact for a key to mean
    const bool plain = !io.KeyCtrl && !io.KeyAlt && !io.KeySuper;
    if (card_keys && plain) {
        for (int i = 0; i < 4; ++i)
            if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + i), false)) decide(i);
        if (ImGui::IsKeyPressed(ImGuiKey_0, false) || ImGui::IsKeyPressed(ImGuiKey_N, false)) decide(4);
    }
    const bool can_undo = !t.undo.empty();
    if (keys && can_undo &&
        ((plain && ImGui::IsKeyPressed(ImGuiKey_U, false)) ||
         ((io.KeyCtrl || io.KeySuper) && !io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_Z, false))))
        out.triage_undo = true;

    Gap(0.4f);
    if (!c && p.contacts.empty()) {
        Para(Tr("triage.no_contacts_yet_import_your"),
             Colors().text);
        if (Button(TrId("triage.open_contacts_to_import", "triage_contacts"))) out.go = PlannerPage::Contacts;
    } else if (!c) {
        Para(filtered ? Tr("triage.no_contact_matching_the_filter")
                             : Tr("triage.everyone_is_sorted_no_contact"),
                    Colors().text);
        if (!filtered && Button(TrId("triage.open_this_week", "triage_week"))) out.go = PlannerPage::Week;
    } else if (t.list) {
        DrawList(v, t, width, out);
    } else {
        DrawCard(v, cache, *c, width);
        Gap(0.4f);
        // One press each; the key is in the label so the eye learns it.
        ImGui::PushID("triage_choice");
        Flow flow(width);
        for (int i = 0; i < 5; ++i) {
            char label[64];
            std::snprintf(label, sizeof label, "%s (%s)##%d", Tr(kChoice[i]), kKey[i], i);
            flow.Next(label);
            std::string name = std::string(Tr(kChoice[i])) + " (" + kKey[i] + "): " + Tr(kRhythm[i]);
            // Taller than a plain button: the page's main actions, pressed many times in a row.
            if (Button(label, name.c_str(), ImVec2(0, std::max(kMinTarget, Em() * 2.0f)))) decide(i);
        }
        ImGui::PopID();
        Para(Tr("triage.keys_1_inner_monthly_2"),
                    Colors().text_muted);
        // The next few, so the learner sees what is coming.
        std::string next;
        int shown = 0;
        for (size_t i = cache.cursor + 1; i < cache.ids.size() && shown < 3; ++i)
            if (const Contact* k = FindContact(p, cache.ids[i]); k && AwaitingTriage(*k)) {
                next += (next.empty() ? "" : ", ") + k->name;
                ++shown;
            }
        if (!next.empty()) Para(TrF("triage.next_names", {{"names", next + (cache.shown > 4 ? ", \xE2\x80\xA6" : "")}}));
    }
    Gap(0.2f);
    if (Button(TrId("triage.undo_u", "triage_undo"), Tr("triage.undo_u_the_last_decision"), ImVec2(0, 0), !can_undo)) out.triage_undo = true;

    // Bulk: everyone the filter shows, after a question that names the count.
    if (filtered && cache.shown > 0) {
        Gap(0.4f);
        SubHeading(TrF("triage.set_all_shown", {{"n", Grouped(cache.shown)}}));
        ImGui::PushID("triage_bulk");
        if (t.confirm_tier >= 0) {
            ImVec2 a = ImGui::GetCursorScreenPos();
            const int k = t.confirm_tier;
            std::string q = k == 4 ? TrF("triage.set_all_aside_q", {{"n", Grouped(t.confirm_count)}})
                                   : TrF("triage.set_all_to_q", {{"n", Grouped(t.confirm_count)}, {"tier", Tr(kChoice[k])}, {"rhythm", Tr(kRhythm[k])}});
            SemScope scope(Role::Group, q.c_str(), a, ImVec2(a.x + width, a.y + Em() * 3));
            Para(q, Colors().text);
            Flow flow(width);
            // Short enough for a phone at 200% text; the name says the tier too (the question above does).
            std::string yes_label = TrF("triage.yes_set_n", {{"n", Grouped(t.confirm_count)}}) + "##yes";
            const std::string yes = TrF("triage.yes_set_to", {{"n", Grouped(t.confirm_count)}, {"tier", Tr(kChoice[k])}});
            flow.Next(yes_label.c_str());
            if (Button(yes_label.c_str(), yes.c_str())) {
                // Exactly those still waiting among the ones shown.
                PlannerIntents::TriageDecision d;
                d.tier = static_cast<Tier>(k);
                for (size_t i = cache.cursor; i < cache.ids.size(); ++i)
                    if (const Contact* x = FindContact(p, cache.ids[i]); x && AwaitingTriage(*x)) d.ids.push_back(x->id);
                out.triage = std::move(d);
                t.confirm_tier = -1;
            }
            flow.Next(Tr("common.cancel"));
            if (Button(TrId("common.cancel", "no"), Tr("triage.cancel_set_nobody")) || (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && Sem().edit.id == 0))
                t.confirm_tier = -1;
        } else {
            Flow flow(width);
            for (int i = 0; i < 5; ++i) {
                std::string label = std::string(Tr(kChoice[i])) + "##bulk" + kKey[i];
                std::string name = TrF("triage.set_all_shown_to", {{"n", Grouped(cache.shown)}, {"tier", Tr(kChoice[i])}});
                flow.Next(Tr(kChoice[i]));
                if (Button(label.c_str(), name.c_str())) {
                    t.confirm_tier = i;
                    t.confirm_count = cache.shown;
                    t.confirm_seen = ImGui::GetFrameCount();
                }
            }
        }
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace wb::ui
