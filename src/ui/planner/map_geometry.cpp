#include "ui/planner/map_geometry.h"

#include <algorithm>
#include <cmath>

namespace wb::ui {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kTwoPi = 2 * kPi;

bool Overlap(const MapRect& a, const MapRect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

bool Inside(const MapRect& r, const MapRect& box) {
    return r.min.x >= box.min.x && r.min.y >= box.min.y && r.max.x <= box.max.x && r.max.y <= box.max.y;
}

bool HitsDisc(const MapRect& r, const MapObstacles::Disc& d) {
    float dx = d.c.x - std::clamp(d.c.x, r.min.x, r.max.x), dy = d.c.y - std::clamp(d.c.y, r.min.y, r.max.y);
    return dx * dx + dy * dy < d.r * d.r;
}

// A rectangle as seen from `c`: nearest and farthest distance, and the angles
// it spans (a1 - a0 < pi when c is outside it; all around when inside).
struct Polar { float r0, r1, a0, a1; };
Polar PolarOf(const MapRect& r, ImVec2 c) {
    float nx = std::clamp(c.x, r.min.x, r.max.x) - c.x, ny = std::clamp(c.y, r.min.y, r.max.y) - c.y;
    Polar p{std::sqrt(nx * nx + ny * ny), 0, 0, kTwoPi};
    const ImVec2 corners[4] = {r.min, ImVec2(r.max.x, r.min.y), r.max, ImVec2(r.min.x, r.max.y)};
    for (const ImVec2& k : corners) p.r1 = std::max(p.r1, std::hypot(k.x - c.x, k.y - c.y));
    if (p.r0 <= 0) return p;
    float mid = std::atan2((r.min.y + r.max.y) * 0.5f - c.y, (r.min.x + r.max.x) * 0.5f - c.x);
    float lo = 0, hi = 0;
    for (const ImVec2& k : corners) {
        float d = std::remainder(std::atan2(k.y - c.y, k.x - c.x) - mid, kTwoPi);
        lo = std::min(lo, d);
        hi = std::max(hi, d);
    }
    p.a0 = mid + lo;
    p.a1 = mid + hi;
    return p;
}

bool AnglesOverlap(float a0, float a1, float b0, float b1) {
    for (int k = -2; k <= 2; ++k)
        if (a0 + kTwoPi * k < b1 && a1 + kTwoPi * k > b0) return true;
    return false;
}

}  // namespace

void MapObstacles::Clear(MapRect box, ImVec2 map_centre) {
    box_ = box;
    centre = map_centre;
    discs.clear();
    bands.clear();
    rects.clear();
    cols_ = rows_ = 0;
}

void MapObstacles::Index() {
    // Buckets about two labels' height square: a label's test reads a few.
    cell_ = 32;
    cols_ = std::max(1, static_cast<int>(std::ceil((box_.max.x - box_.min.x) / cell_)));
    rows_ = std::max(1, static_cast<int>(std::ceil((box_.max.y - box_.min.y) / cell_)));
    reach_ = 0;
    for (const Disc& d : discs) reach_ = std::max(reach_, d.r);
    std::vector<int> bucket_of(discs.size());
    start_.assign(static_cast<size_t>(cols_ * rows_ + 1), 0);
    for (size_t i = 0; i < discs.size(); ++i) {
        int cx = std::clamp(static_cast<int>((discs[i].c.x - box_.min.x) / cell_), 0, cols_ - 1);
        int cy = std::clamp(static_cast<int>((discs[i].c.y - box_.min.y) / cell_), 0, rows_ - 1);
        bucket_of[i] = cy * cols_ + cx;
        ++start_[static_cast<size_t>(bucket_of[i] + 1)];
    }
    for (size_t b = 1; b < start_.size(); ++b) start_[b] += start_[b - 1];
    order_.resize(discs.size());
    std::vector<int> fill(start_.begin(), start_.end() - 1);
    for (size_t i = 0; i < discs.size(); ++i) order_[static_cast<size_t>(fill[static_cast<size_t>(bucket_of[i])]++)] = static_cast<int>(i);
}

bool MapObstacles::Hits(const MapRect& r) const {
    for (const MapRect& o : rects)
        if (Overlap(r, o)) return true;
    if (!discs.empty()) {
        if (cols_ == 0) {  // not indexed: every disc
            for (const Disc& d : discs)
                if (HitsDisc(r, d)) return true;
        } else {
            // A disc bucketed by its centre reaches into its neighbours: widen by the largest radius.
            float reach = reach_;
            int x0 = std::clamp(static_cast<int>((r.min.x - reach - box_.min.x) / cell_), 0, cols_ - 1);
            int x1 = std::clamp(static_cast<int>((r.max.x + reach - box_.min.x) / cell_), 0, cols_ - 1);
            int y0 = std::clamp(static_cast<int>((r.min.y - reach - box_.min.y) / cell_), 0, rows_ - 1);
            int y1 = std::clamp(static_cast<int>((r.max.y + reach - box_.min.y) / cell_), 0, rows_ - 1);
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x) {
                    int b = y * cols_ + x;
                    for (int k = start_[static_cast<size_t>(b)]; k < start_[static_cast<size_t>(b + 1)]; ++k)
                        if (HitsDisc(r, discs[static_cast<size_t>(order_[static_cast<size_t>(k)])])) return true;
                }
        }
    }
    if (!bands.empty()) {
        // Distances first; the angles (atan2s) only for a band at that distance
        // that does not go all the way round.
        float nx = std::clamp(centre.x, r.min.x, r.max.x) - centre.x, ny = std::clamp(centre.y, r.min.y, r.max.y) - centre.y;
        float near = std::sqrt(nx * nx + ny * ny), far = 0;
        for (ImVec2 k : {r.min, ImVec2(r.max.x, r.min.y), r.max, ImVec2(r.min.x, r.max.y)})
            far = std::max(far, (k.x - centre.x) * (k.x - centre.x) + (k.y - centre.y) * (k.y - centre.y));
        far = std::sqrt(far);
        bool have_angles = false;
        Polar p{};
        for (const Band& b : bands) {
            if (!(near < b.r1 && far > b.r0)) continue;
            if (b.a1 - b.a0 >= kTwoPi - 1e-4f) return true;
            if (!have_angles) p = PolarOf(r, centre), have_angles = true;
            if (AnglesOverlap(p.a0, p.a1, b.a0, b.a1)) return true;
        }
    }
    return false;
}

bool PlaceLabel(MapObstacles& obs, const MapRect& box, ImVec2 size, const std::vector<ImVec2>& centres, MapRect& placed) {
    for (const ImVec2& c : centres) {
        MapRect r{ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), ImVec2(c.x + size.x * 0.5f, c.y + size.y * 0.5f)};
        if (!Inside(r, box) || obs.Hits(r)) continue;
        placed = r;
        obs.rects.push_back(r);
        return true;
    }
    return false;
}

void LabelCandidates(ImVec2 centre, float radius, float a0, float a1, float prefer, ImVec2 size, bool outside,
                     const MapRect& box, std::vector<ImVec2>& out) {
    out.clear();
    if (radius <= 0 || a1 < a0) return;
    // Outside: far enough out that no point of the rect is inside the circle.
    float hw = size.x * 0.5f, hh = size.y * 0.5f;
    // Only the part of the circle the box shows: at a high zoom that is a sliver.
    float pad = hw + hh + 2;
    MapRect grown{ImVec2(box.min.x - pad, box.min.y - pad), ImVec2(box.max.x + pad, box.max.y + pad)};
    Polar seen = PolarOf(grown, centre);
    if (radius + (outside ? pad : 0) < seen.r0 || radius - pad > seen.r1) return;
    float pieces[3][2];
    int np = 0;
    if (seen.a1 - seen.a0 >= kTwoPi) {
        pieces[np][0] = a0, pieces[np++][1] = a1;
    } else {
        for (int k = -2; k <= 2 && np < 3; ++k) {
            float lo = std::max(a0, seen.a0 + kTwoPi * k), hi = std::min(a1, seen.a1 + kTwoPi * k);
            if (lo <= hi) pieces[np][0] = lo, pieces[np++][1] = hi;
        }
    }
    // About half a label apart along the circle.
    float step = std::clamp(hw / radius, 0.001f, kTwoPi / 24);
    std::vector<float> angles;
    for (int i = 0; i < np; ++i) {
        float lo = pieces[i][0], hi = pieces[i][1];
        float first = std::clamp(prefer, lo, hi);
        for (float a = first; a <= hi && angles.size() < 4000; a += step) angles.push_back(a);
        for (float a = first - step; a >= lo && angles.size() < 4000; a -= step) angles.push_back(a);
    }
    std::stable_sort(angles.begin(), angles.end(), [&](float x, float y) { return std::abs(x - prefer) < std::abs(y - prefer); });
    out.reserve(angles.size() * (outside ? 2 : 1));
    for (float a : angles) {
        float cx = std::cos(a), cy = std::sin(a);
        float rho = outside ? radius + 2 + hw * std::abs(cx) + hh * std::abs(cy) : radius;
        out.emplace_back(centre.x + cx * rho, centre.y + cy * rho);
    }
    if (outside) {
        // Then the same spots pushed back into the box, by less than a label's
        // size (further, a name could land far from what it names): a corner
        // of a narrow square has room beside the circle where the ray has not.
        for (size_t i = 0, n = out.size(); i < n; ++i) {
            ImVec2 c(std::clamp(out[i].x, box.min.x + hw, std::max(box.min.x + hw, box.max.x - hw)),
                     std::clamp(out[i].y, box.min.y + hh, std::max(box.min.y + hh, box.max.y - hh)));
            bool moved = c.x != out[i].x || c.y != out[i].y;
            if (moved && std::abs(c.x - out[i].x) <= size.x && std::abs(c.y - out[i].y) <= size.y * 1.5f) out.push_back(c);
        }
    }
}

float MapDotRadius(float zoom, float em) { return std::clamp(em * 0.18f * std::sqrt(zoom), 2.0f, em * 0.4f); }

MapView ZoomStep(const MapView& v, float factor, const std::vector<ImVec2>& xy) {
    MapView out;
    out.zoom = std::clamp(v.zoom * factor, kMapMinZoom, kMapMaxZoom);
    ImVec2 mid = MapViewMiddle(v);
    if (out.zoom > v.zoom && !xy.empty()) {
        // Count the people in view on a grid; the new view is a window of it.
        constexpr int G = 12;
        float h = 1.0f / (v.zoom * kMapFit), cell = 2 * h / G;
        int w = std::clamp(static_cast<int>(std::lround(G * v.zoom / out.zoom)), 1, G);
        int sum[G + 1][G + 1] = {};
        int total = 0;
        for (const ImVec2& p : xy) {
            int cx = static_cast<int>(std::floor((p.x - (mid.x - h)) / cell)), cy = static_cast<int>(std::floor((p.y - (mid.y - h)) / cell));
            if (cx < 0 || cy < 0 || cx >= G || cy >= G) continue;
            ++sum[cy + 1][cx + 1];
            ++total;
        }
        for (int y = 1; y <= G; ++y)
            for (int x = 1; x <= G; ++x) sum[y][x] += sum[y - 1][x] + sum[y][x - 1] - sum[y - 1][x - 1];
        auto count = [&](int x, int y) { return sum[y + w][x + w] - sum[y][x + w] - sum[y + w][x] + sum[y][x]; };
        if (total > 0) {
            int best = 0;
            for (int y = 0; y + w <= G; ++y)
                for (int x = 0; x + w <= G; ++x) best = std::max(best, count(x, y));
            // The window nearest the middle among those holding nearly the most:
            // the middle itself when people are spread evenly.
            float c = (G - w) * 0.5f;
            int bx = 0, by = 0;
            float bd = 1e9f;
            for (int y = 0; y + w <= G; ++y)
                for (int x = 0; x + w <= G; ++x) {
                    float d = (x - c) * (x - c) + (y - c) * (y - c);
                    if (count(x, y) * 10 >= best * 9 && d < bd) bd = d, bx = x, by = y;
                }
            if (bd > 0.3f) mid = ImVec2(mid.x - h + cell * (bx + w * 0.5f), mid.y - h + cell * (by + w * 0.5f));
        }
    }
    if (out.zoom < v.zoom) {
        // Back toward the map's middle, as far as keeps all that was in view in
        // view: zooming out as often as in comes back to the whole map.
        float room = 1.0f / (out.zoom * kMapFit) - 1.0f / (v.zoom * kMapFit);
        mid = ImVec2(mid.x - std::clamp(mid.x, -room, room), mid.y - std::clamp(mid.y, -room, room));
    }
    out.pan = ImVec2(-mid.x * out.zoom * kMapFit, -mid.y * out.zoom * kMapFit);
    return out;
}

}  // namespace wb::ui
