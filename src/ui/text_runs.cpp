#include "ui/text_runs.h"

#include <cstring>

#include "imgui_internal.h"
#include "ui/text_runs_internal.h"
#include "ui/theme.h"

namespace wb::ui {

namespace runs {
const RunBackend* g_backend = nullptr;
RunStats g_stats;
bool g_used = false;

unsigned Decode(const char* p, const char* e, int& n) {
    const unsigned char b0 = static_cast<unsigned char>(*p);
    if (b0 < 0x80) return n = 1, b0;
    int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || e - p < len) return n = 1, 0xFFFD;
    unsigned c = b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        const unsigned char b = static_cast<unsigned char>(p[k]);
        if ((b & 0xC0) != 0x80) return n = 1, 0xFFFD;
        c = (c << 6) | (b & 0x3F);
    }
    n = len;
    return c;
}

}  // namespace runs

using runs::g_backend;

void SetRunBackend(const RunBackend* backend) { g_backend = backend; }
const RunStats& GetRunStats() { return runs::g_stats; }

void BeginRunFrame() {
    runs::g_stats.waiting = 0;
    if (runs::g_used) runs::NextFrame();
}

bool NeedsRuns(const char* b, const char* e) {
    for (const char* p = b; p < e;) {
        if (static_cast<unsigned char>(*p) < 0xC9) {  // below U+0250 (or a continuation byte)
            ++p;
            continue;
        }
        int n = 1;
        unsigned c = runs::Decode(p, e, n);
        if (!AtlasHas(c)) return true;
        p += n;
    }
    return false;
}

ImVec2 TextSize(ImFont* font, float size, const char* b, const char* e, float wrap) {
    if (!e) e = b + std::strlen(b);
    if (!g_backend || !NeedsRuns(b, e)) return font->CalcTextSizeA(size, FLT_MAX, wrap, b, e);
    return runs::LaidTextSize(font, size, b, e, wrap);
}

void DrawText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* b, const char* e, float wrap) {
    if (!e) e = b + std::strlen(b);
    if (!g_backend || !NeedsRuns(b, e)) {
        dl->AddText(font, size, pos, col, b, e, wrap);
        return;
    }
    runs::LaidDrawText(dl, font, size, pos, col, b, e, wrap);
}

void Text(std::string_view s) {
    const char* b = s.data();
    const char* e = b + s.size();
    if (!g_backend || !NeedsRuns(b, e)) {
        ImGui::TextUnformatted(b, e);
        return;
    }
    runs::LaidText(b, e);
}

bool StartsRtl(const char* b, const char* e) {
    if (!g_backend || !NeedsRuns(b, e)) return false;  // right-to-left letters are all drawn by the browser
    return runs::LaidStartsRtl(b, e);
}

const char* WrapPosition(ImFont* font, float size, const char* b, const char* e, float wrap) {
    if (!g_backend || !NeedsRuns(b, e)) return font->CalcWordWrapPositionA(size / font->FontSize, b, e, wrap);
    return runs::LaidWrapPosition(font, size, b, e, wrap);
}

}  // namespace wb::ui
