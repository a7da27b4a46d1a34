// The network map's geometry that needs no ImGui frame: where its labels go so
// that they cover no person's mark, and where a zoom step aims. Pure functions
// over screen pixels and map units, unit-tested in tests/ui/test_map.cpp.
#pragma once
#include <vector>

#include "imgui.h"

namespace wb::ui {

// Map units: you at (0,0), the outer ring at radius 1. On screen the square's
// half side is R and a map unit is R * zoom * kMapFit pixels.
constexpr float kMapFit = 0.92f;  // a margin outside the outer ring for the sector names
constexpr float kMapMinZoom = 0.5f, kMapMaxZoom = 64.0f;

struct MapRect {
    ImVec2 min, max;
};

// What a label must not cover: people's marks (discs), density cells (ring
// sectors), you in the middle and the labels already placed.
struct MapObstacles {
    struct Disc { ImVec2 c; float r; };
    struct Band { float r0, r1, a0, a1; };  // pixels from `centre`; radians, a0 in [0, 2pi), a0 <= a1
    ImVec2 centre;
    std::vector<Disc> discs;
    std::vector<Band> bands;
    std::vector<MapRect> rects;

    void Clear(MapRect box, ImVec2 map_centre);
    // Call after adding the discs, before Hits: buckets them by where they are.
    void Index();
    bool Hits(const MapRect& r) const;

private:
    MapRect box_{};
    float cell_ = 32;
    float reach_ = 0;  // the largest disc's radius: a disc reaches that far out of its bucket
    int cols_ = 0, rows_ = 0;
    std::vector<int> start_;     // bucket b's discs are order_[start_[b] .. start_[b+1])
    std::vector<int> order_;
};

// Places a label of `size` at the first of `centres` where it stays inside
// `box` and hits nothing in `obs`, and adds it to obs. False: none fits, so the
// label is left out (better missing than over someone).
bool PlaceLabel(MapObstacles& obs, const MapRect& box, ImVec2 size, const std::vector<ImVec2>& centres, MapRect& placed);

// Where a label may go along a circle of `radius` px about `centre`: angles
// from `prefer` outwards both ways, within [a0, a1] and within the box's
// angular span, spaced about half a label apart. `outside` pushes each rect
// out of the circle (a name beside the outer ring) instead of centring it,
// then offers those spots again moved just inside the box.
void LabelCandidates(ImVec2 centre, float radius, float a0, float a1, float prefer, ImVec2 size, bool outside,
                     const MapRect& box, std::vector<ImVec2>& out);

// A person's mark: its radius at this zoom, and how far its shape reaches
// (a square's corners, a triangle's tip), which a label must keep off.
float MapDotRadius(float zoom, float em);
inline float MapDotReach(float r) { return r * 1.45f + 1.0f; }

// Zoom and pan as PlannerUi keeps them: pan is the map's middle's offset from
// the square's middle, in half sides.
struct MapView {
    float zoom = 1.0f;
    ImVec2 pan = ImVec2(0, 0);
};
// The view's middle, in map units.
inline ImVec2 MapViewMiddle(const MapView& v) { return ImVec2(-v.pan.x / (v.zoom * kMapFit), -v.pan.y / (v.zoom * kMapFit)); }

// A zoom step (buttons, keys). Out: what was in view stays in view, and the
// view moves toward the map's middle as far as that allows. In: toward the
// part of the view holding the most people (the new view is a window of the
// old one), so zooming into a ring with an empty middle keeps people in view;
// the middle stays put when it holds nearly as many as the fullest part.
// `xy` holds points' x, y in map units.
MapView ZoomStep(const MapView& v, float factor, const std::vector<ImVec2>& xy);

}  // namespace wb::ui
