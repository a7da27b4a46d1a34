// Which characters each font holds: the atlas is cut down for a fast start,
// never below what the workbook draws with it.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/assets.h"
#include "harness.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "core/planner.h"
#include "ui/theme.h"

namespace {

std::vector<unsigned> CodePoints(const char* p, const char* end) {
    std::vector<unsigned> out;
    while (p < end) {
        unsigned c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        out.push_back(c);
    }
    return out;
}

// ASCII, the chapter's characters and the symbols the UI's own words use
// (src/ui, src/app: ← → ↑ ↓ ● ✓ · … — “ ” ‘ ’ •).
std::vector<unsigned> Drawn() {
    std::vector<unsigned> cps;
    for (unsigned c = 0x20; c < 0x7F; ++c) cps.push_back(c);
    const char* g = reinterpret_cast<const char*>(wb::assets::content_glyphs);
    for (unsigned c : CodePoints(g, g + wb::assets::content_glyphs_size)) cps.push_back(c);
    for (unsigned c : {0x2190u, 0x2192u, 0x2191u, 0x2193u, 0x25CFu, 0x2713u, 0xB7u, 0x2026u, 0x2014u, 0x201Cu, 0x201Du,
                       0x2018u, 0x2019u, 0x2022u})
        cps.push_back(c);
    return cps;
}

}  // namespace

TEST_CASE("fonts: every font holds every character the chapter and the UI draw, with or without all of Latin") {
    wbtest::Ui ui;
    for (bool all_latin : {false, true}) {
        CAPTURE(all_latin);
        wb::ui::BuildFonts(1.0f, 1.0f, all_latin);
        const wb::ui::Fonts& f = wb::ui::GetFonts();
        for (ImFont* font : {f.body, f.bold, f.h1, f.h2})
            for (unsigned c : Drawn()) {
                CAPTURE(c);
                CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            }
        // Italic draws only the chapter's emphasized spans: every character of theirs.
        size_t emphasized = 0;
        for (const wb::Section& s : ui.app.content().sections)
            for (const wb::Block& b : s.blocks)
                for (const wb::Span& sp : b.spans) {
                    if (!(sp.style & wb::SpanStyle_Em)) continue;
                    for (unsigned c : CodePoints(sp.text.data(), sp.text.data() + sp.text.size())) {
                        CAPTURE(c);
                        CHECK(f.italic->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
                        ++emphasized;
                    }
                }
        CHECK(emphasized > 20);  // the chapter does emphasize (a test of nothing otherwise)
    }
}

TEST_CASE("fonts: body text always has Latin-1 (a backup's file name), Latin Extended-A with all_latin; bold and headings get Latin-1 with all_latin") {
    wbtest::Ui ui;
    wb::ui::BuildFonts(1.0f, 1.0f, false);
    const wb::ui::Fonts& f = wb::ui::GetFonts();
    CHECK(f.body->FindGlyphNoFallback(0xE9) != nullptr);    // é
    CHECK(f.body->FindGlyphNoFallback(0x141) == nullptr);   // Ł: only once learner text needs it
    wb::ui::BuildFonts(1.0f, 1.0f, true);
    CHECK(f.body->FindGlyphNoFallback(0x141) != nullptr);
    for (ImFont* font : {f.bold, f.h1, f.h2}) CHECK(font->FindGlyphNoFallback(0xE9) != nullptr);
    // Italic draws only the chapter's emphasis: the chapter's glyphs (the test above), not all of Latin-1.
}

namespace {
std::vector<unsigned char> ReadFile(const std::string& path) {
    std::vector<unsigned char> bytes;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        unsigned char buf[65536];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.insert(bytes.end(), buf, buf + n);
        std::fclose(f);
    }
    return bytes;
}
}  // namespace

TEST_CASE("fonts: names in Greek, Cyrillic or Vietnamese: asked for, and drawn once the other scripts' fonts are in") {
    wbtest::Ui ui;
    CHECK_FALSE(wb::ui::NeedsExtraGlyphs("Łukasz Żółć, José Ñúñez"));  // Latin Extended-A: embedded
    CHECK(wb::ui::NeedsExtraGlyphs("Дмитрий"));
    CHECK(wb::ui::NeedsExtraGlyphs("Σοφία"));
    CHECK(wb::ui::NeedsExtraGlyphs("Nguyễn"));
    // The learner's planner holds such a name: the app says so (the platform then fetches the fonts).
    CHECK_FALSE(ui.app.NeedsExtraGlyphs());
    wb::planner::Contact c;
    c.name = "Дмитрий Иванов";
    wb::planner::AddContact(ui.app.planner().model(), c, wb::Rev{1, "t"});
    ui.app.PlannerMerged();
    CHECK(ui.app.NeedsExtraGlyphs());

    static const std::vector<unsigned char> regular = ReadFile(WB_GEN_DIR "/font_extra_regular.ttf");
    static const std::vector<unsigned char> bold = ReadFile(WB_GEN_DIR "/font_extra_bold.ttf");
    REQUIRE(!regular.empty());
    REQUIRE(!bold.empty());
    wb::ui::BuildFonts(1.0f, 1.0f, true);
    const wb::ui::Fonts& f = wb::ui::GetFonts();
    CHECK(f.body->FindGlyphNoFallback(0x0416) == nullptr);  // Ж: not before
    wb::ui::SetExtraFonts(regular.data(), regular.size(), bold.data(), bold.size());
    wb::ui::BuildFonts(1.0f, 1.0f, true);
    for (ImFont* font : {f.body, f.bold, f.h1, f.h2})
        for (unsigned ch : {0x0416u, 0x03A3u, 0x1EC5u, 0x01A1u}) {  // Ж Σ ễ ơ
            CAPTURE(ch);
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(ch)) != nullptr);
        }
    CHECK(f.body->FindGlyphNoFallback('A') != nullptr);  // the UI's own font still comes first
    wb::ui::SetExtraFonts(nullptr, 0, nullptr, 0);       // as before, for the other tests
    wb::ui::BuildFonts(1.0f, 1.0f, false);
}
