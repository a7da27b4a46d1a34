// The network map: you in the middle, tiers as rings, industries as sectors.
// A cached layout, culling to the view, density cells when too many dots are
// in view, hover and click, zoom and pan (wheel, drag and buttons; + aims at
// where people are: map_geometry.h), the rings' and sectors' names placed off
// everyone's mark, and the people in view listed for screen readers and the keyboard.
#include <algorithm>
#include "core/strings.h"
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"
#include "ui/planner/widgets.h"

namespace wb::ui {
using namespace planner;

namespace {

enum class MapControl : uint8_t { ZoomIn, ZoomOut, PanLeft, PanRight, PanUp, PanDown, Reset };

void ApplyMapControl(MapControl c, PlannerUi& ui) {
    const float step = 0.25f;
    switch (c) {
        case MapControl::ZoomIn:
        case MapControl::ZoomOut: {
            // Toward where people are drawn: a ring's middle can be empty.
            std::vector<ImVec2> xy;
            if (c == MapControl::ZoomIn) {
                xy.reserve(ui.map.dots.size());
                for (const MapCache::Dot& d : ui.map.dots) xy.emplace_back(d.x, d.y);
            }
            MapView v = ZoomStep(MapView{ui.map_zoom, ui.map_pan}, c == MapControl::ZoomIn ? 1.5f : 1 / 1.5f, xy);
            ui.map_zoom = v.zoom;
            ui.map_pan = v.pan;
            break;
        }
        case MapControl::PanLeft: ui.map_pan.x += step; break;
        case MapControl::PanRight: ui.map_pan.x -= step; break;
        case MapControl::PanUp: ui.map_pan.y += step; break;
        case MapControl::PanDown: ui.map_pan.y -= step; break;
        case MapControl::Reset:
            ui.map_zoom = 1.0f;
            ui.map_pan = ImVec2(0, 0);
            break;
    }
}

// The cache is rebuilt when the planner, its contacts or the day change.
const MapCache& MapFor(const PlannerView& v, MapCache& m) {
    const Planner& p = v.planner;
    int64_t rev = NewestContactRev(p);  // ~20 µs for 30,000 people: far cheaper than a new layout
    if (m.planner == &p && m.contacts == p.contacts.size() && m.next_id == p.next_id && m.newest_rev == rev &&
        m.today == v.today)
        return m;
    m.planner = &p;
    m.contacts = p.contacts.size();
    m.next_id = p.next_id;
    m.newest_rev = rev;
    m.today = v.today;
    ++m.layout_version;

    std::vector<MapPoint> pts = LayoutMap(p, v.today);  // in p.contacts order, radius 0..1
    m.dots.clear();
    m.dots.reserve(pts.size());
    std::fill(std::begin(m.counts), std::end(m.counts), 0);
    for (uint32_t i = 0; i < pts.size() && i < p.contacts.size(); ++i) {
        const MapPoint& pt = pts[i];
        MapCache::Dot d{std::cos(pt.angle) * pt.radius, std::sin(pt.angle) * pt.radius, pt.id, i,
                        StandingOf(static_cast<FollowUpStatus>(pt.status))};
        m.dots.push_back(d);
        m.counts[static_cast<int>(d.standing)]++;
    }
    for (int t = 0; t < 4; ++t) {
        float r0 = 0;
        RingOf(static_cast<Tier>(t), r0, m.ring_outer[t]);
        if (t == 0) m.ring_inner = r0;
    }
    m.sectors.clear();
    for (const MapSector& sec : MapSectors(p)) {
        m.sectors.push_back({sec.industry.empty() ? Tr("map.industry_not_set") : sec.industry, (sec.angle0 + sec.angle1) * 0.5f,
                             sec.angle0});
    }
    m.cells = AggregateMap(p, v.today);
    return m;
}

// A person's mark: the shape says the status too (colour is not enough for
// everyone): overdue a square, due a triangle, fine a disc, never a ring.
void DrawDot(ImDrawList* dl, ImVec2 c, float r, Standing s) {
    ImU32 col = StandingColor(s);
    switch (s) {
        case Standing::Overdue: dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), col); break;
        case Standing::Due:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - r * 1.2f), ImVec2(c.x + r * 1.1f, c.y + r * 0.8f),
                                  ImVec2(c.x - r * 1.1f, c.y + r * 0.8f), col);
            break;
        case Standing::Fine: dl->AddCircleFilled(c, r, col, 8); break;
        default: dl->AddCircle(c, r * 0.85f, col, 8, std::max(1.0f, r * 0.4f)); break;
    }
}

// More dots than this in view and the map draws density cells instead.
constexpr int kMaxDots = 2500;
// A label's plate reaches this far left and right of its text.
constexpr float kLabelPad = 2.0f;

// Places the tiers' and industries' names on what the frame draws: each at the
// first spot (top first, then round the ring) that covers no mark, no other
// name and stays in the square; a name with no such spot is left out. With
// density cells and no free spot, a tier's name may sit on a cell (on its own
// plate): no one's mark is drawn there, and the rings need their names.
void PlaceMapLabels(MapCache& m, MapRect box, ImVec2 centre, float scale, float dot_r, float you_r, bool aggregated) {
    MapObstacles& obs = m.obstacles;
    obs.Clear(box, centre);
    obs.discs.push_back({centre, you_r + 2});
    if (aggregated) {
        for (const MapCell& c : m.cells)
            if (c.count > 0) obs.bands.push_back({c.r0 * scale - 1, c.r1 * scale + 1, std::fmod(c.angle0, 2 * IM_PI), std::fmod(c.angle0, 2 * IM_PI) + (c.angle1 - c.angle0)});
    } else {
        float reach = MapDotReach(dot_r);
        for (uint32_t i : m.visible) obs.discs.push_back({ImVec2(centre.x + m.dots[i].x * scale, centre.y + m.dots[i].y * scale), reach});
    }
    obs.Index();
    m.labels.clear();
    std::vector<ImVec2> spots;
    const float top = -IM_PI / 2;
    auto size_of = [](const char* text) {
        ImVec2 ts = TextSize(text);
        return ImVec2(ts.x + kLabelPad * 2, ts.y);
    };
    for (int t = 0; t < 4; ++t) {
        const char* name = TierName(static_cast<Tier>(t));
        ImVec2 size = size_of(name);
        float r0 = (t == 0 ? m.ring_inner : m.ring_outer[t - 1]) * scale, r1 = m.ring_outer[t] * scale;
        MapRect at{};
        LabelCandidates(centre, (r0 + r1) * 0.5f, top - IM_PI, top + IM_PI, top, size, false, box, spots);
        bool placed = PlaceLabel(obs, box, size, spots, at);
        if (!placed && t == 3) {  // the outer ring's name may sit just outside it
            LabelCandidates(centre, r1, top - IM_PI, top + IM_PI, top, size, true, box, spots);
            placed = PlaceLabel(obs, box, size, spots, at);
        }
        if (!placed && aggregated) {
            std::vector<MapObstacles::Band> bands;
            bands.swap(obs.bands);
            LabelCandidates(centre, (r0 + r1) * 0.5f, top - IM_PI, top + IM_PI, top, size, false, box, spots);
            placed = PlaceLabel(obs, box, size, spots, at);
            bands.swap(obs.bands);
        }
        if (placed) m.labels.push_back({at, name, true});
    }
    for (const MapCache::Label& l : m.sectors) {
        ImVec2 size = size_of(l.text.c_str());
        float a1 = 2 * l.angle - l.angle0;
        MapRect at{};
        LabelCandidates(centre, scale, l.angle0, a1, l.angle, size, true, box, spots);
        if (PlaceLabel(obs, box, size, spots, at)) m.labels.push_back({at, l.text, false});
    }
}
// The people listed under the map for screen readers and the keyboard.
constexpr int kListed = 20;

}  // namespace

void DrawMap(const PlannerView& v, PlannerUi& ui, PlannerIntents& out) {
    const Planner& p = v.planner;
    float width = std::max(Em() * 8, ImGui::GetContentRegionAvail().x);
    PageStart(Tr("map.network_map"), p.contacts.empty(),
              Tr("map.no_one_on_the_map"));
    if (p.contacts.empty()) return;
    MapCache& m = ui.map;
    MapFor(v, m);
    ImGuiIO& io = ImGui::GetIO();

    // Controls first, so keyboard users reach zoom and pan before the picture.
    Flow flow(width);
    struct Ctl { const char* label; const char* name; MapControl action; };
    const Ctl ctls[] = {{"+##zin", Tr("map.zoom_in"), MapControl::ZoomIn},
                        {"\xE2\x88\x92##zout", Tr("map.zoom_out"), MapControl::ZoomOut},
                        {"\xE2\x86\x90##left", Tr("map.pan_left"), MapControl::PanLeft},
                        {"\xE2\x86\x92##right", Tr("map.pan_right"), MapControl::PanRight},
                        {"\xE2\x86\x91##up", Tr("map.pan_up"), MapControl::PanUp},
                        {"\xE2\x86\x93##down", Tr("map.pan_down"), MapControl::PanDown},
                        {TrId("map.reset_view", "reset"), Tr("map.reset_the_map_view"), MapControl::Reset}};
    for (const Ctl& c : ctls) {
        float w = std::max(ImGui::GetFrameHeight(), ImGui::CalcTextSize(c.label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
        flow.Place(w);
        if (Button(c.label, c.name, ImVec2(w, 0))) ApplyMapControl(c.action, ui);
    }

    // The picture: a square as wide as the page allows and no taller than the window.
    float side = std::min(width, std::max(Em() * 10, ImGui::GetContentRegionAvail().y - Em() * 4));
    side = std::min(side, std::max(Em() * 10, ImGui::GetMainViewport()->Size.y * 0.75f));
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImVec2 b(a.x + side, a.y + side);
    ImGui::InvisibleButton("##map", ImVec2(side, side));
    bool hovered = ImGui::IsItemHovered();
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the wheel zooms the map instead of scrolling the page
    float R = side * 0.5f;
    ImVec2 centre0(a.x + R, a.y + R);
    if (hovered && io.MouseWheel != 0) {
        // Zoom about the mouse: the point under it stays under it.
        ImVec2 ms((io.MousePos.x - centre0.x) / R, (io.MousePos.y - centre0.y) / R);
        ImVec2 q((ms.x - ui.map_pan.x) / ui.map_zoom, (ms.y - ui.map_pan.y) / ui.map_zoom);
        ui.map_zoom = std::clamp(ui.map_zoom * std::pow(1.2f, io.MouseWheel), kMapMinZoom, kMapMaxZoom);
        ui.map_pan = ImVec2(ms.x - q.x * ui.map_zoom, ms.y - q.y * ui.map_zoom);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        ui.map_pan.x += io.MouseDelta.x / R;
        ui.map_pan.y += io.MouseDelta.y / R;
    }
    bool clicked = ImGui::IsItemDeactivated() && hovered && io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold;
    float zoom = ui.map_zoom;
    ImVec2 centre(centre0.x + ui.map_pan.x * R, centre0.y + ui.map_pan.y * R);
    float scale = R * zoom * kMapFit;  // map unit (outer ring = 1) -> pixels
    auto to_screen = [&](float x, float y) { return ImVec2(centre.x + x * scale, centre.y + y * scale); };

    // Which dots are in view: one pass, no trigonometry (the cache holds x, y).
    float margin = Em();
    float x0 = (a.x - margin - centre.x) / scale, x1 = (b.x + margin - centre.x) / scale;
    float y0 = (a.y - margin - centre.y) / scale, y1 = (b.y + margin - centre.y) / scale;
    std::vector<uint32_t>& visible = m.visible;
    visible.clear();
    for (uint32_t i = 0; i < m.dots.size(); ++i) {
        const MapCache::Dot& d = m.dots[i];
        if (d.x >= x0 && d.x <= x1 && d.y >= y0 && d.y <= y1) visible.push_back(i);
    }
    bool aggregated = visible.size() > static_cast<size_t>(kMaxDots);
    float dot_r = MapDotRadius(zoom, Em());
    float you_r = Em() * 0.45f;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(a, b, true);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg), Em() * 0.3f);
    ImU32 ink = Colors().text_muted;
    for (int t = 0; t < 4; ++t) dl->AddCircle(centre, m.ring_outer[t] * scale, WithAlpha(ink, 0.6f), 96, 1.0f);
    if (m.sectors.size() > 1)
        for (const MapCache::Label& l : m.sectors)
            dl->AddLine(to_screen(std::cos(l.angle0) * m.ring_inner, std::sin(l.angle0) * m.ring_inner),
                        to_screen(std::cos(l.angle0), std::sin(l.angle0)), WithAlpha(ink, 0.35f), 1.0f);
    // You, in the middle.
    dl->AddCircleFilled(centre, you_r, Colors().accent, 16);

    int hover_dot = -1;
    const MapCell* hover_cell = nullptr;
    ImVec2 mouse = io.MousePos;
    if (aggregated) {
        // Density cells: the more people, the stronger; red-ish where many are overdue.
        int most = 1;
        for (const MapCell& c : m.cells) most = std::max(most, c.count);
        float mr = std::sqrt((mouse.x - centre.x) * (mouse.x - centre.x) + (mouse.y - centre.y) * (mouse.y - centre.y)) / scale;
        float ma = std::atan2(mouse.y - centre.y, mouse.x - centre.x);
        if (ma < 0) ma += 2 * IM_PI;
        // Without anti-aliased edges: the steps of a cell share their edges, and soft edges showed as seams.
        ImDrawListFlags flags = dl->Flags;
        dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        for (const MapCell& c : m.cells) {
            if (c.count == 0) continue;
            float r0 = c.r0, r1 = c.r1;
            Standing s = c.overdue * 4 >= c.count ? Standing::Overdue : c.due * 4 >= c.count ? Standing::Due : Standing::Fine;
            ImU32 col = WithAlpha(StandingColor(s), 0.2f + 0.7f * std::sqrt(static_cast<float>(c.count) / most));
            // Steps short enough that the quads follow the arcs (one sector can go all the way round).
            const int steps = std::max(2, static_cast<int>(std::ceil((c.angle1 - c.angle0) / (2 * IM_PI / 96))));
            for (int k = 0; k < steps; ++k) {
                float t0 = c.angle0 + (c.angle1 - c.angle0) * k / steps, t1 = c.angle0 + (c.angle1 - c.angle0) * (k + 1) / steps;
                dl->AddQuadFilled(to_screen(std::cos(t0) * r0, std::sin(t0) * r0), to_screen(std::cos(t0) * r1, std::sin(t0) * r1),
                                  to_screen(std::cos(t1) * r1, std::sin(t1) * r1), to_screen(std::cos(t1) * r0, std::sin(t1) * r0), col);
            }
            float a0 = std::fmod(c.angle0 + 4 * IM_PI, 2 * IM_PI), a1 = a0 + (c.angle1 - c.angle0);
            bool in_angle = (ma >= a0 && ma < a1) || (ma + 2 * IM_PI >= a0 && ma + 2 * IM_PI < a1);
            if (hovered && mr >= r0 && mr < r1 && in_angle) hover_cell = &c;
        }
        dl->Flags = flags;
    } else {
        float best = (dot_r + 4) * (dot_r + 4);
        for (uint32_t i : visible) {
            const MapCache::Dot& d = m.dots[i];
            ImVec2 s = to_screen(d.x, d.y);
            DrawDot(dl, s, dot_r, d.standing);
            if (hovered) {
                float dd = (s.x - mouse.x) * (s.x - mouse.x) + (s.y - mouse.y) * (s.y - mouse.y);
                if (dd <= best) {
                    best = dd;
                    hover_dot = static_cast<int>(i);
                }
            }
        }
    }

    // Ring and industry names, where they cover no one: placed again only when the view changes.
    MapCache::LabelKey key{m.layout_version, zoom, ui.map_pan.x, ui.map_pan.y, a.x, a.y, side, Em(), aggregated};
    if (!(key == m.labels_for)) {
        m.labels_for = key;
        PlaceMapLabels(m, MapRect{a, b}, centre, scale, dot_r, you_r, aggregated);
    }
    ImU32 plate = ImGui::GetColorU32(ImGuiCol_FrameBg);
    for (const MapCache::PlacedLabel& l : m.labels) {
        dl->AddRectFilled(l.rect.min, l.rect.max, plate, Em() * 0.2f);
        DrawText(dl, ImVec2(l.rect.min.x + kLabelPad, l.rect.min.y), l.ring ? ink : Colors().text, l.text);
    }
    if (hover_dot >= 0) dl->AddCircle(to_screen(m.dots[hover_dot].x, m.dots[hover_dot].y), dot_r + 3, Colors().text, 12, 2.0f);
    dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border), Em() * 0.3f);
    dl->PopClipRect();

    if (hover_dot >= 0) {
        const Contact& c = p.contacts[m.dots[hover_dot].contact];
        Day next = NextFollowUp(c);
        ImGui::BeginTooltip();
        Text(c.name);
        if (!c.company.empty()) Text(c.company);
        std::string f = next == kNoDay ? Tr("common.never_contacted") : Tr("map.next_follow_up") + FormatDay(next) + " (" + DaysFromNow(next, v.today) + ")";
        ImGui::TextUnformatted(f.c_str());
        ImGui::TextUnformatted(Tr("map.click_to_open"));
        ImGui::EndTooltip();
        if (clicked) out.open_contact = c.id;
    } else if (hover_cell) {
        ImGui::SetTooltip("%s", TrN("map.cell_tooltip", hover_cell->count, {{"overdue", std::to_string(hover_cell->overdue)},
                                                                           {"due", std::to_string(hover_cell->due)}}).c_str());
        if (clicked) {
            ImVec2 ms((mouse.x - centre0.x) / R, (mouse.y - centre0.y) / R);
            ImVec2 q((ms.x - ui.map_pan.x) / ui.map_zoom, (ms.y - ui.map_pan.y) / ui.map_zoom);
            ui.map_zoom = std::min(ui.map_zoom * 3.0f, kMapMaxZoom);
            ui.map_pan = ImVec2(ms.x - q.x * ui.map_zoom, ms.y - q.y * ui.map_zoom);
        }
    }

    // For screen readers the map is an image: a summary, then the people in
    // view (overdue first) as links; the same list is drawn for everyone.
    auto count = [](int n) { return Grouped(static_cast<size_t>(std::max(n, 0))); };
    char zoom_text[16];
    std::snprintf(zoom_text, sizeof zoom_text, "%.0f%%", zoom * 100);
    const std::string summary =
        TrN("map.summary", static_cast<long long>(m.dots.size()),
            {{"overdue", count(m.counts[static_cast<int>(Standing::Overdue)])},
             {"due", count(m.counts[static_cast<int>(Standing::Due)])},
             {"fine", count(m.counts[static_cast<int>(Standing::Fine)])},
             {"never", count(m.counts[static_cast<int>(Standing::Never)])},
             {"in_view", Grouped(visible.size())},
             {"zoom", zoom_text}}) +
        (aggregated ? Tr("map.shown_as_density_zoom_in") : "") + ".";
    {
        SemScope scope(Role::Region, Tr("map.network_map"), a, b);
        SemText(Role::Text, summary, a, b);
    }
    WrappedText(summary, Colors().text);

    std::vector<uint32_t> listed;
    for (int s = static_cast<int>(Standing::Overdue); s >= 0 && listed.size() < kListed; --s)
        for (uint32_t i : visible) {
            if (static_cast<int>(m.dots[i].standing) != s) continue;
            listed.push_back(i);
            if (listed.size() >= kListed) break;
        }
    if (!listed.empty()) {
        std::string title = visible.size() > listed.size()
                                ? TrF("map.people_in_view_of", {{"listed", Grouped(listed.size())}, {"in_view", Grouped(visible.size())}})
                                : Tr("map.people_in_view_2");
        SubHeading(title);
        ImVec2 la = ImGui::GetCursorScreenPos();
        SemScope scope(Role::List, title.c_str(), la, ImVec2(la.x + width, la.y + Em() * 2));
        for (uint32_t i : listed) {
            const MapCache::Dot& d = m.dots[i];
            const Contact& c = p.contacts[d.contact];
            ImGui::PushID(static_cast<int>(d.id));
            std::string text = ContactLine(c) + ": " + StandingWord(d.standing);
            std::string href = ContactHref(d.id);
            SemScope item(Role::ListItem, "", "##li");  // a list holds items; each item its link
            if (WrappedLink("##who", text, width, href.c_str())) out.open_contact = d.id;
            ImGui::PopID();
        }
    }
}

}  // namespace wb::ui
