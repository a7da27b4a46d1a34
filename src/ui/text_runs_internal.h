// Shared by ui/text_runs.cpp (in the first download) and
// ui/text_runs_layout.cpp (loaded with the planner's code, or when text first
// needs it): the fast path stays small, the layout and images come later.
#pragma once
#include "ui/text_runs.h"

namespace wb::ui::runs {

extern const RunBackend* g_backend;
extern RunStats g_stats;
extern bool g_used;  // some text took the slow path: the image cache has frames to keep

// One code point at p (< e); `n` its bytes. A malformed byte reads as U+FFFD, one byte.
unsigned Decode(const char* p, const char* e, int& n);

ImVec2 LaidTextSize(ImFont* font, float size, const char* b, const char* e, float wrap);
// As ImGui::TextUnformatted, at the window's cursor and wrap position.
void LaidText(const char* b, const char* e);
void LaidDrawText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* b, const char* e, float wrap);
const char* LaidWrapPosition(ImFont* font, float size, const char* b, const char* e, float wrap);
bool LaidStartsRtl(const char* b, const char* e);
void NextFrame();

}  // namespace wb::ui::runs
