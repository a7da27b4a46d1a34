// The slow path of ui/text_runs.h: layout by word, bidi order, the browser's
// images of words and their cache. Deferred with the planner's code
// (scripts/split-wasm.py): the first download holds only the fast path.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "imgui_internal.h"
#include "ui/text_runs_internal.h"
#include "ui/theme.h"

namespace wb::ui {

namespace runs {
namespace {

// Characters that start a line-break opportunity of their own: the CJK scripts
// write without spaces (Korean uses spaces, so Hangul is not here).
bool IsCjk(unsigned c) {
    return (c >= 0x2E80 && c <= 0x2FFF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x31C0 && c <= 0x31FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFF);
}
// No break before these (closing punctuation, small kana, the prolonged sound mark).
bool NoBreakBefore(unsigned c) {
    static const unsigned kList[] = {0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x301F,
                                     0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
                                     0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7,
                                     0x30FC, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D};
    return std::find(std::begin(kList), std::end(kList), c) != std::end(kList);
}
// No break after these (opening brackets).
bool NoBreakAfter(unsigned c) {
    return c == 0x3008 || c == 0x300A || c == 0x300C || c == 0x300E || c == 0x3010 || c == 0x3014 || c == 0xFF08 ||
           c == 0xFF3B || c == 0xFF5B;
}

int FaceOf(const ImFont* font) {
    const Fonts& f = GetFonts();
    if (font == f.italic) return 2;
    if (font == f.bold || font == f.h1 || font == f.h2) return 1;
    return 0;
}

float Dpr() {
    float d = ImGui::GetIO().DisplayFramebufferScale.x;
    return d > 0 ? d : 1.0f;
}

// --- Images of runs ----------------------------------------------------------
constexpr int kPage = 1024;      // texture side, device px
constexpr int kMaxPages = 6;     // 24 MB of texture at most
constexpr double kFrameBudgetMs = 6.0;  // rasterising per frame; the rest waits a frame

struct Image {
    int page = -1;
    int x = 0, y = 0, w = 0, h = 0;  // device px in the page
};
struct Shelf {
    int page, y, h, x;
};
struct RunCache {
    std::vector<unsigned> textures;
    std::vector<Shelf> shelves;
    int page_y = 0;  // first free row of the newest page
    std::unordered_map<std::string, Image> images;
    std::unordered_map<std::string, float> widths;  // device px
    double frame_ms = 0;  // raster_ms when the frame began
    bool full = false;  // no room: start over at the next frame
};
RunCache g_cache;

// Sizes in device px, kept to an eighth of a pixel (a heading is 27.2 px).
std::string Key(int face, float px, bool rtl, const char* b, const char* e) {
    std::string k;
    k.reserve(static_cast<size_t>(e - b) + 8);
    k.push_back(static_cast<char>('0' + face));
    k.push_back(rtl ? 'r' : 'l');
    k.append(std::to_string(std::lround(px * 8)));
    k.push_back(':');
    k.append(b, e);
    return k;
}

// The advance in device px of a run at `px` device px.
float RunWidthDevice(int face, float px, bool rtl, const char* b, const char* e) {
    std::string k = Key(face, px, rtl, b, e);
    auto it = g_cache.widths.find(k);
    if (it != g_cache.widths.end()) return it->second;
    if (g_cache.widths.size() > 100000) g_cache.widths.clear();  // bounded; measuring again is cheap
    float w = g_backend->measure(b, static_cast<int>(e - b), face, px, rtl ? 1 : 0);
    g_cache.widths.emplace(std::move(k), w);
    return w;
}

bool Allocate(int w, int h, Image& img) {
    if (w > kPage || h > kPage) return false;
    for (Shelf& s : g_cache.shelves) {
        if (s.h == h && s.x + w <= kPage) {
            img.page = s.page, img.x = s.x, img.y = s.y;
            s.x += w;
            return true;
        }
    }
    if (g_cache.shelves.empty() || g_cache.page_y + h > kPage) {
        // A new page: the first (again, after a start-over), or the one after the newest.
        int next = g_cache.shelves.empty() ? 0 : g_cache.shelves.back().page + 1;
        if (next >= kMaxPages) return false;
        if (next >= static_cast<int>(g_cache.textures.size())) g_cache.textures.push_back(g_backend->new_texture(kPage, kPage));
        g_cache.page_y = 0;
        g_cache.shelves.push_back({next, 0, h, 0});
    } else {
        g_cache.shelves.push_back({g_cache.shelves.back().page, g_cache.page_y, h, 0});
    }
    Shelf& s = g_cache.shelves.back();
    g_cache.page_y += h;
    img.page = s.page, img.x = 0, img.y = s.y;
    s.x = w;
    return true;
}

// Geometry of a run's image around its pen position, in device px.
struct Frame {
    int pad_x, pad_top, h;
    float baseline;
};
Frame FrameFor(const ImFont* font, float size, float dpr) {
    const float px = size * dpr;
    Frame f;
    f.pad_x = static_cast<int>(std::ceil(px * 0.2f));
    f.pad_top = static_cast<int>(std::ceil(px * 0.35f));
    f.h = static_cast<int>(std::ceil(px * 1.75f));
    f.baseline = static_cast<float>(f.pad_top) + font->Ascent * (size / font->FontSize) * dpr;
    return f;
}

void DrawRun(ImDrawList* dl, const ImFont* font, float size, ImVec2 pen, ImU32 col, const Piece& p, bool rtl) {
    const float dpr = Dpr();
    const int face = FaceOf(font);
    const float px = size * dpr;
    const unsigned rgb = ((col >> IM_COL32_R_SHIFT) & 0xFF) << 16 | ((col >> IM_COL32_G_SHIFT) & 0xFF) << 8 |
                         ((col >> IM_COL32_B_SHIFT) & 0xFF);
    std::string k = Key(face, px, rtl, p.b, p.e);
    k.append(reinterpret_cast<const char*>(&rgb), 3);
    const Frame f = FrameFor(font, size, dpr);
    auto it = g_cache.images.find(k);
    if (it == g_cache.images.end()) {
        if (g_cache.full) return;
        if (g_stats.raster_ms - g_cache.frame_ms >= kFrameBudgetMs) {
            g_stats.waiting++;
            return;
        }
        Image img;
        const float adv = RunWidthDevice(face, px, rtl, p.b, p.e);
        img.w = static_cast<int>(std::ceil(adv)) + 2 * f.pad_x;
        img.h = f.h;
        if (img.w > kPage || img.h > kPage) return;  // cannot happen for words of kMaxRunChars; never thrash
        if (!Allocate(img.w, img.h, img)) {
            g_cache.full = true;
            g_stats.waiting++;
            return;
        }
        const double t0 = g_backend->now_ms();
        g_stats.unrenderable += g_backend->draw(p.b, static_cast<int>(p.e - p.b), face, px, rtl ? 1 : 0,
                                                rgb, g_cache.textures[img.page], img.x, img.y, img.w, img.h,
                                                static_cast<float>(f.pad_x), f.baseline);
        g_stats.raster_ms += g_backend->now_ms() - t0;
        g_stats.drawn++;
        it = g_cache.images.emplace(std::move(k), img).first;
        g_stats.images = static_cast<int>(g_cache.images.size());
    }
    const Image& img = it->second;
    // On whole device pixels: the image is sampled texel for texel, as sharp as the browser drew it.
    const float x0 = std::round(pen.x * dpr) - static_cast<float>(f.pad_x);
    const float y0 = std::round(pen.y * dpr) - static_cast<float>(f.pad_top);
    const float inv = 1.0f / kPage;
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_cache.textures[img.page])),
                 ImVec2(x0 / dpr, y0 / dpr), ImVec2((x0 + img.w) / dpr, (y0 + img.h) / dpr),
                 ImVec2(img.x * inv, img.y * inv), ImVec2((img.x + img.w) * inv, (img.y + img.h) * inv),
                 IM_COL32(255, 255, 255, (col >> IM_COL32_A_SHIFT) & 0xFF));
}

// --- Layout ------------------------------------------------------------------
struct Token {
    const char* b;
    const char* e;
    bool run, space_before, digits;
    Dir dir;
};

// Punctuation that takes its direction from its neighbours (bidi's neutrals).
bool IsEdgePunct(unsigned c) {
    return (c < 0x80 && c > ' ' && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9')) ||
           (c >= 0xA1 && c <= 0xBF) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E);
}

// Punctuation at either end of a word with letters is a word of its own: after
// right-to-left letters and before Latin, a comma belongs to neither (the bidi
// algorithm gives it the paragraph's direction), so it must not be drawn inside
// the right-to-left image.
void SplitEdgePunctuation(std::vector<Token>& toks) {
    std::vector<Token> out;
    out.reserve(toks.size());
    for (const Token& t : toks) {
        if (t.dir == Dir::Neutral) {
            out.push_back(t);
            continue;
        }
        const char* core_b = t.b;
        const char* core_e = t.e;
        for (const char* p = t.b; p < t.e;) {  // leading
            int n = 1;
            unsigned c = Decode(p, t.e, n);
            if (!IsEdgePunct(c)) break;
            core_b = p + n;
            p += n;
        }
        for (const char* p = core_b; p < core_e;) {  // trailing: the first punctuation after the last other character
            int n = 1;
            unsigned c = Decode(p, core_e, n);
            const char* next = p + n;
            if (!IsEdgePunct(c)) {
                p = next;
                continue;
            }
            const char* q = next;
            bool rest_punct = true;
            while (q < core_e && rest_punct) {
                int m = 1;
                rest_punct = IsEdgePunct(Decode(q, core_e, m));
                q += m;
            }
            if (rest_punct) {
                core_e = p;
                break;
            }
            p = next;
        }
        if (core_b >= core_e) {
            out.push_back(t);
            continue;
        }
        auto part = [&](const char* b, const char* e, bool space) {
            Token x = t;
            x.b = b, x.e = e, x.space_before = space;
            x.run = NeedsRuns(b, e);
            x.dir = Dir::Neutral;
            x.digits = false;
            for (const char* p = b; p < e && x.dir == Dir::Neutral;) {
                int n = 1;
                x.dir = StrongDir(Decode(p, e, n));
                p += n;
            }
            out.push_back(x);
        };
        if (core_b > t.b) part(t.b, core_b, t.space_before);
        part(core_b, core_e, core_b > t.b ? false : t.space_before);
        out.back().digits = t.digits;
        if (core_e < t.e) part(core_e, t.e, false);
    }
    toks.swap(out);
}

// Characters that belong to the one before: marks, joiners, selectors, skin tones, tags.
bool Attaches(unsigned c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) || (c >= 0x0591 && c <= 0x05C7) ||
           (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
           (c >= 0x0900 && c <= 0x0903) || (c >= 0x093A && c <= 0x0957) || (c >= 0x0962 && c <= 0x0963) ||
           (c >= 0x0981 && c <= 0x0983) || (c >= 0x09BC && c <= 0x09D7) || (c >= 0x0A01 && c <= 0x0A03) ||
           (c >= 0x0A3C && c <= 0x0A51) || (c >= 0x0A81 && c <= 0x0A83) || (c >= 0x0ABC && c <= 0x0ACD) ||
           (c >= 0x0B01 && c <= 0x0B03) || (c >= 0x0B3C && c <= 0x0B57) || (c >= 0x0B82 && c <= 0x0B83) ||
           (c >= 0x0BBE && c <= 0x0BD7) || (c >= 0x0C00 && c <= 0x0C04) || (c >= 0x0C3E && c <= 0x0C56) ||
           (c >= 0x0C81 && c <= 0x0C83) || (c >= 0x0CBC && c <= 0x0CD6) || (c >= 0x0D00 && c <= 0x0D03) ||
           (c >= 0x0D3B && c <= 0x0D57) || c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E) ||
           c == 0x0EB1 || (c >= 0x0EB4 && c <= 0x0EBC) || (c >= 0x0EC8 && c <= 0x0ECD) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
           (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}
// A virama (or Thai's phinthu): the consonant after it joins the one before.
bool JoinsNext(unsigned c) {
    return c == 0x094D || c == 0x09CD || c == 0x0A4D || c == 0x0ACD || c == 0x0B4D || c == 0x0BCD || c == 0x0C4D ||
           c == 0x0CCD || c == 0x0D4D || c == 0x0E3A || c == 0x200D;
}

// A word the browser draws is one image: a very long one (a Thai sentence has no
// spaces) is cut between characters every kMaxRunChars or so, never inside a
// cluster or a conjunct, so that each image fits a texture page and the line can
// break there.
constexpr int kMaxRunChars = 16;
void SplitLongRuns(std::vector<Token>& toks) {
    std::vector<Token> out;
    out.reserve(toks.size());
    for (const Token& t : toks) {
        if (!t.run) {
            out.push_back(t);
            continue;
        }
        Token cur = t;
        int count = 0;
        unsigned prev = 0;
        for (const char* p = t.b; p < t.e;) {
            int n = 1;
            unsigned c = Decode(p, t.e, n);
            if (count >= kMaxRunChars && !Attaches(c) && !JoinsNext(prev)) {
                cur.e = p;
                out.push_back(cur);
                cur = t;
                cur.b = p;
                cur.space_before = false;
                count = 0;
            }
            ++count;
            prev = c;
            p += n;
        }
        cur.e = t.e;
        out.push_back(cur);
    }
    toks.swap(out);
}

// The words of one paragraph (no '\n'), in logical order.
void Tokens(const char* b, const char* e, std::vector<Token>& out) {
    out.clear();
    bool space = false;
    const char* p = b;
    Token cur{nullptr, nullptr, false, false, false, Dir::Neutral};
    unsigned prev = 0;
    auto flush = [&]() {
        if (cur.b) out.push_back(cur);
        cur.b = nullptr;
    };
    while (p < e) {
        int n = 1;
        unsigned c = Decode(p, e, n);
        if (c == ' ' || c == '\t') {
            flush();
            space = true;
            p += n;
            prev = c;
            continue;
        }
        bool cjk_break = cur.b && ((IsCjk(c) && !NoBreakBefore(c) && !NoBreakAfter(prev)) ||
                                   (IsCjk(prev) && !NoBreakAfter(prev) && !NoBreakBefore(c) && c >= 0x80));
        if (cjk_break) flush();
        if (!cur.b) {
            cur = Token{p, p, false, space, true, Dir::Neutral};
            space = false;
        }
        cur.e = p + n;
        if (!AtlasHas(c)) cur.run = true;
        if (!(c >= '0' && c <= '9') && c != '.' && c != ',' && c != '-' && c != '+') cur.digits = false;
        if (cur.dir == Dir::Neutral) cur.dir = StrongDir(c);
        prev = c;
        p += n;
    }
    flush();
    SplitEdgePunctuation(out);
    SplitLongRuns(out);
}

float SpaceWidth(ImFont* font, float size) { return font->GetCharAdvance(' ') * (size / font->FontSize); }

float PieceWidth(ImFont* font, float size, const Token& t, bool rtl) {
    if (!t.run || !g_backend) return font->CalcTextSizeA(size, FLT_MAX, 0, t.b, t.e).x;
    const float dpr = Dpr();
    return RunWidthDevice(FaceOf(font), size * dpr, rtl, t.b, t.e) / dpr;
}

// The space between two words the browser draws, as the browser spaces them (its
// font's space, not the atlas's): "a b" less "a" and "b".
float BrowserGap(ImFont* font, float size, const Token& a, const Token& b, bool rtl) {
    const float dpr = Dpr();
    const int face = FaceOf(font);
    const float px = size * dpr;
    std::string both(a.b, a.e);
    both.push_back(' ');
    both.append(b.b, b.e);
    const float w = RunWidthDevice(face, px, rtl, both.data(), both.data() + both.size()) -
                    RunWidthDevice(face, px, rtl, a.b, a.e) - RunWidthDevice(face, px, rtl, b.b, b.e);
    return std::max(0.0f, w / dpr);
}

// Orders one line's tokens [first, last) as the bidi algorithm orders runs, and places them.
void OrderLine(ImFont* font, float size, const std::vector<Token>& toks, size_t first, size_t last, bool para_rtl,
               LaidLine& line) {
    const size_t n = last - first;
    std::vector<Dir> dir(n);
    for (size_t i = 0; i < n; ++i) dir[i] = toks[first + i].dir;
    // Numbers after right-to-left text belong to it (as Arabic numbers do); other
    // neutrals take their neighbours' direction when both agree, else the paragraph's.
    const Dir para = para_rtl ? Dir::Rtl : Dir::Ltr;
    for (size_t i = 0; i < n; ++i) {
        if (dir[i] != Dir::Neutral) continue;
        Dir before = para, after = para;
        for (size_t k = i; k-- > 0;)
            if (toks[first + k].dir != Dir::Neutral) {
                before = toks[first + k].dir;
                break;
            }
        for (size_t k = i + 1; k < n; ++k)
            if (toks[first + k].dir != Dir::Neutral) {
                after = toks[first + k].dir;
                break;
            }
        if (toks[first + i].digits && before == Dir::Rtl) dir[i] = Dir::Rtl;
        else dir[i] = before == after ? before : para;
    }
    std::vector<int> level(n);
    int top = 0;
    for (size_t i = 0; i < n; ++i) {
        level[i] = para_rtl ? (dir[i] == Dir::Rtl ? 1 : 2) : (dir[i] == Dir::Rtl ? 1 : 0);
        top = std::max(top, level[i]);
    }
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    for (int lv = top; lv >= 1; --lv) {  // down to the lowest odd level
        for (size_t i = 0; i < n;) {
            if (level[order[i]] < lv) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < n && level[order[j]] >= lv) ++j;
            std::reverse(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j));
            i = j;
        }
    }
    const float space = SpaceWidth(font, size);
    line.pieces.clear();
    float x = 0;
    for (size_t v = 0; v < n; ++v) {
        const size_t li = order[v];
        const Token& t = toks[first + li];
        if (v > 0) {
            size_t a = std::min(li, order[v - 1]), b = std::max(li, order[v - 1]);
            bool gap = false;
            for (size_t k = a + 1; k <= b && !gap; ++k) gap = toks[first + k].space_before;
            const Token& prev = toks[first + order[v - 1]];
            if (gap) x += prev.run && t.run && g_backend ? BrowserGap(font, size, toks[first + std::min(li, order[v - 1])],
                                                                      toks[first + std::max(li, order[v - 1])], dir[li] == Dir::Rtl)
                                                         : space;
        }
        Piece p;
        p.b = t.b, p.e = t.e, p.run = t.run && g_backend, p.dir = dir[li];
        p.x = x;
        p.w = PieceWidth(font, size, t, dir[li] == Dir::Rtl);
        x += p.w;
        line.pieces.push_back(p);
    }
    line.width = x;
}

bool ParagraphRtl(const std::vector<Token>& toks) {
    for (const Token& t : toks)
        if (t.dir != Dir::Neutral) return t.dir == Dir::Rtl;
    return false;
}

// The longest prefix of an atlas word that fits `room` (at least one character).
const char* FitChars(ImFont* font, float size, const char* b, const char* e, float room) {
    const float scale = size / font->FontSize;
    float acc = 0;
    const char* p = b;
    while (p < e) {
        int n = 1;
        unsigned c = Decode(p, e, n);
        float adv = font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) * scale;
        if (acc + adv > room && p > b) break;
        acc += adv;
        p += n;
    }
    return p;
}

}  // namespace

void NextFrame() {
    g_cache.frame_ms = g_stats.raster_ms;
    if (g_cache.full) {
        // Out of room: start over; what is on screen is drawn again over the next frames.
        g_cache.full = false;
        g_cache.images.clear();
        g_cache.shelves.clear();
        g_cache.page_y = 0;
        g_stats.images = 0;
    }
}

ImVec2 LaidTextSize(ImFont* font, float size, const char* b, const char* e, float wrap) {
    g_used = true;
    Layout lay;
    LayOut(font, size, b, e, wrap, lay);
    return ImVec2(lay.width, size * static_cast<float>(lay.lines.size()));
}

namespace {
void DrawLayout(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const Layout& lay) {
    if ((col & IM_COL32_A_MASK) == 0) return;
    const ImVec4& clip = dl->_CmdHeader.ClipRect;
    for (size_t i = 0; i < lay.lines.size(); ++i) {
        const float y = pos.y + size * static_cast<float>(i);
        if (y > clip.w) break;
        if (y + size < clip.y) continue;
        for (const Piece& p : lay.lines[i].pieces) {
            const ImVec2 at(pos.x + p.x, y);
            if (at.x > clip.z || at.x + p.w < clip.x) continue;
            if (p.run) DrawRun(dl, font, size, at, col, p, p.dir == Dir::Rtl);
            else dl->AddText(font, size, at, col, p.b, p.e);
        }
    }
}
}  // namespace

void LaidDrawText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* b, const char* e, float wrap) {
    g_used = true;
    Layout lay;
    LayOut(font, size, b, e, wrap, lay);
    DrawLayout(dl, font, size, pos, col, lay);
}

void LaidText(const char* b, const char* e) {
    g_used = true;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    const float wrap_pos_x = window->DC.TextWrapPos;
    const float wrap = wrap_pos_x >= 0 ? ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos_x) : 0.0f;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    Layout lay;  // once, for the item's size and its drawing
    LayOut(font, size, b, e, wrap, lay);
    const ImVec2 item(lay.width, size * static_cast<float>(lay.lines.size()));
    ImGui::ItemSize(item, 0.0f);
    if (!ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + item.x, pos.y + item.y)), 0)) return;
    DrawLayout(window->DrawList, font, size, pos, ImGui::GetColorU32(ImGuiCol_Text), lay);
}

const char* LaidWrapPosition(ImFont* font, float size, const char* b, const char* e, float wrap) {
    g_used = true;
    std::vector<Token> toks;
    Tokens(b, e, toks);
    const bool rtl = ParagraphRtl(toks);
    const float space = SpaceWidth(font, size);
    float x = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
        const Token& t = toks[i];
        const float w = PieceWidth(font, size, t, t.dir == Dir::Rtl || (t.dir == Dir::Neutral && rtl));
        const float add = (i > 0 && t.space_before ? space : 0) + w;
        if (x + add > wrap) {
            if (i > 0) return t.b;
            return t.run ? t.e : FitChars(font, size, t.b, t.e, wrap);
        }
        x += add;
    }
    return e;
}

bool LaidStartsRtl(const char* b, const char* e) {
    for (const char* p = b; p < e;) {
        int n = 1;
        Dir d = StrongDir(Decode(p, e, n));
        if (d != Dir::Neutral) return d == Dir::Rtl;
        p += n;
    }
    return false;
}

}  // namespace runs

using namespace runs;  // the helpers above

Dir StrongDir(unsigned c) {
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
        (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF))
        return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9) || (c >= 0x0300 && c <= 0x036F) ? Dir::Neutral
                                                                                                        : Dir::Rtl;
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Dir::Ltr : Dir::Neutral;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return Dir::Neutral;
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFF00 && c <= 0xFF20) || (c >= 0x1F000 && c <= 0x1FAFF) ||
        (c >= 0xE0000 && c <= 0xE007F))
        return Dir::Neutral;
    return Dir::Ltr;
}

void LayOut(ImFont* font, float size, const char* b, const char* e, float wrap, Layout& out) {
    out.lines.clear();
    out.width = 0;
    out.rtl = false;
    std::vector<Token> toks;
    const float space = SpaceWidth(font, size);
    bool first_para = true;
    const char* p = b;
    for (;;) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(e - p)));
        const char* pe = nl ? nl : e;
        Tokens(p, pe, toks);
        const bool rtl = ParagraphRtl(toks);
        if (first_para) out.rtl = rtl;
        first_para = false;
        // Long atlas words are cut to fit, as ImGui cuts them; a browser-drawn word never is.
        if (wrap > 0) {
            for (size_t i = 0; i < toks.size(); ++i) {
                Token& t = toks[i];
                if (t.run || PieceWidth(font, size, t, false) <= wrap) continue;
                const char* cut = FitChars(font, size, t.b, t.e, wrap);
                if (cut >= t.e) continue;
                Token rest = t;
                rest.b = cut;
                rest.space_before = false;
                t.e = cut;
                toks.insert(toks.begin() + static_cast<long>(i) + 1, rest);
            }
        }
        size_t start = 0;
        float x = 0;
        auto emit = [&](size_t end) {
            out.lines.emplace_back();
            OrderLine(font, size, toks, start, end, rtl, out.lines.back());
            out.lines.back().rtl = rtl;
            out.width = std::max(out.width, out.lines.back().width);
            start = end;
            x = 0;
        };
        for (size_t i = 0; i < toks.size(); ++i) {
            const float w = PieceWidth(font, size, toks[i], toks[i].dir == Dir::Rtl || (toks[i].dir == Dir::Neutral && rtl));
            const float add = (i > start && toks[i].space_before ? space : 0) + w;
            if (wrap > 0 && i > start && x + add > wrap) {
                emit(i);
                x = w;
                continue;
            }
            x += add;
        }
        emit(toks.size());
        if (!nl) break;
        p = nl + 1;
    }
    // Prose of more than one line: its right-to-left paragraphs align right. A
    // line alone (a name, a label) stays where the layout around it puts text.
    if (wrap > 0 && out.lines.size() > 1) {
        for (LaidLine& l : out.lines) {
            if (!l.rtl) continue;
            const float shift = std::max(0.0f, wrap - l.width);
            for (Piece& pc : l.pieces) pc.x += shift;
            out.width = std::max(out.width, wrap);
        }
    }
}

}  // namespace wb::ui
