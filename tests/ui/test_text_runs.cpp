// Text in scripts the embedded fonts lack (ui/text_runs.h): which words go to
// the browser, how a line orders them (bidi by word), where lines break, and
// that the views draw learner text through it. A fake browser measures every
// character as 10 px and records what it is asked to draw.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/planner.h"
#include "harness.h"
#include "ui/text_runs.h"
#include "ui/theme.h"

using wb::ui::Dir;
using wb::ui::Layout;

namespace {

struct FakeBrowser {
    std::vector<std::string> drawn;  // texts, in the order drawn
    std::vector<int> drawn_rtl;
    int measured = 0;
    unsigned next_texture = 100;
};
FakeBrowser g_fake;

int CodePoints(const char* t, int len) {
    int n = 0;
    for (int i = 0; i < len; ++i) n += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
    return n;
}
// Private-use characters stand for "no font has this".
int Missing(const char* t, int len) {
    int n = 0;
    for (int i = 0; i + 2 < len; ++i)
        if (static_cast<unsigned char>(t[i]) == 0xEE) ++n;  // U+E000..U+EFFF
    return n;
}
const wb::ui::RunBackend kFake{
    [](const char* t, int len, int, float px, int) {
        g_fake.measured++;
        return static_cast<float>(CodePoints(t, len)) * px * 10.0f / 17.0f;
    },
    [](const char* t, int len, int, float, int rtl, unsigned, unsigned, int, int, int, int, float, float) {
        g_fake.drawn.emplace_back(t, static_cast<size_t>(len));
        g_fake.drawn_rtl.push_back(rtl);
        return Missing(t, len);
    },
    [](int, int) { return g_fake.next_texture++; },
    []() { return 0.0; },
};

// Installs the fake browser for one test, and takes it away after.
struct WithFake {
    WithFake() {
        g_fake = FakeBrowser{};
        wb::ui::SetRunBackend(&kFake);
    }
    ~WithFake() { wb::ui::SetRunBackend(nullptr); }
};

bool Needs(const std::string& s) { return wb::ui::NeedsRuns(s.data(), s.data() + s.size()); }

// The words of each line, left to right as drawn.
std::vector<std::vector<std::string>> Lines(const std::string& text, float wrap = 0) {
    Layout lay;
    wb::ui::LayOut(wb::ui::GetFonts().body, 17.0f, text.data(), text.data() + text.size(), wrap, lay);
    std::vector<std::vector<std::string>> out;
    for (const auto& l : lay.lines) {
        out.emplace_back();
        for (const auto& p : l.pieces) out.back().emplace_back(p.b, p.e);
    }
    return out;
}
using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("text runs: Latin, Greek, Cyrillic and Vietnamese stay in the atlas; other scripts, emoji and combining accents go to the browser") {
    wbtest::Ui ui;  // the fonts (their ranges decide)
    for (const char* s : {"Ana Díaz", "Ελένη Παππά", "Елена Петрова", "Nguyễn Văn An", "Ørsted, Ærø", "Łódź"})
        CHECK_MESSAGE(!Needs(s), s);
    for (const char* s : {"王芳", "さくら 中村", "김민준", "محمد حداد", "דנה כהן", "प्रिया शर्मा", "สมชาย", "👩🏽‍💻",
                          "🇧🇷", "e\xCC\x81", "Ｆｕｌｌ"})
        CHECK_MESSAGE(Needs(s), s);
}

TEST_CASE("text runs: the strong direction of letters, digits and signs") {
    CHECK(wb::ui::StrongDir(U'a') == Dir::Ltr);
    CHECK(wb::ui::StrongDir(U'王') == Dir::Ltr);
    CHECK(wb::ui::StrongDir(U'क') == Dir::Ltr);
    CHECK(wb::ui::StrongDir(U'م') == Dir::Rtl);
    CHECK(wb::ui::StrongDir(U'ד') == Dir::Rtl);
    CHECK(wb::ui::StrongDir(U'7') == Dir::Neutral);
    CHECK(wb::ui::StrongDir(U',') == Dir::Neutral);
    CHECK(wb::ui::StrongDir(0x1F469) == Dir::Neutral);  // 👩
}

TEST_CASE("text runs: a line is ordered as the bidi algorithm orders its words") {
    wbtest::Ui ui;
    WithFake fake;
    // A right-to-left name alone: its first word is drawn rightmost.
    CHECK(Lines("محمد حداد") == std::vector<Words>{{"حداد", "محمد"}});
    // An Arabic name with a Latin company, paragraph right-to-left (its first letter):
    // read from the right: the name, the comma, then the company at the left end.
    CHECK(Lines("محمد حداد, Acme") == std::vector<Words>{{"Acme", ",", "حداد", "محمد"}});
    // In a left-to-right line the comma after the name stays before the company.
    CHECK(Lines("Line 5: محمد حداد, Acme") == std::vector<Words>{{"Line", "5:", "حداد", "محمد", ",", "Acme"}});
    // Brackets round a right-to-left name in Latin text keep their place.
    CHECK(Lines("Met (דנה) today") == std::vector<Words>{{"Met", "(", "דנה", ")", "today"}});
    // Left-to-right text holding a Hebrew name: the name's words reversed in place.
    CHECK(Lines("Met דנה כהן at Wix") == std::vector<Words>{{"Met", "כהן", "דנה", "at", "Wix"}});
    // A number between Hebrew words stays among them.
    CHECK(Lines("שלום 123 עולם") == std::vector<Words>{{"עולם", "123", "שלום"}});
    // Two Latin words inside a right-to-left paragraph keep their own order.
    CHECK(Lines("مهندس في Acme Labs") == std::vector<Words>{{"Acme", "Labs", "في", "مهندس"}});
    // Left to right throughout: nothing moves.
    CHECK(Lines("王芳 Tencent") == std::vector<Words>{{"王", "芳", "Tencent"}});
}

TEST_CASE("text runs: an emoji sequence, an Indic conjunct and a Thai word are each one piece, drawn whole") {
    wbtest::Ui ui;
    WithFake fake;
    CHECK(Lines("Ana 👩🏽‍💻") == std::vector<Words>{{"Ana", "👩🏽‍💻"}});
    CHECK(Lines("प्रिया शर्मा") == std::vector<Words>{{"प्रिया", "शर्मा"}});
    CHECK(Lines("สมชาย ใจดี") == std::vector<Words>{{"สมชาย", "ใจดี"}});
    CHECK(Lines("Globex 🇧🇷") == std::vector<Words>{{"Globex", "🇧🇷"}});
}

TEST_CASE("text runs: lines break between CJK characters and at spaces, never inside a word; right-to-left paragraphs align right") {
    wbtest::Ui ui;
    WithFake fake;
    // 10 px a character (the fake browser): 35 px holds three.
    CHECK(Lines("王芳是工程师", 35) == std::vector<Words>{{"王", "芳", "是"}, {"工", "程", "师"}});
    // No line starts with a closing mark: "。" stays with the character before it.
    auto lines = Lines("王芳是工。程师", 35);
    for (const auto& l : lines) CHECK(l.front() != "。");
    // A word wider than the line is not cut.
    CHECK(Lines("प्रियाप्रिया x", 40).front() == Words{"प्रियाप्रिया"});
    // Right-to-left: each line ends at the right edge.
    std::string rtl = "مهندس برمجيات في شركة";
    Layout lay;
    wb::ui::LayOut(wb::ui::GetFonts().body, 17.0f, rtl.data(), rtl.data() + rtl.size(), 120.0f, lay);
    REQUIRE(lay.lines.size() >= 2);
    CHECK(lay.rtl);
    for (const auto& l : lay.lines) CHECK(l.pieces.back().x + l.pieces.back().w == doctest::Approx(120.0f));
    // A name alone on its line stays at the left, whatever its direction.
    std::string name = "محمد حداد";
    wb::ui::LayOut(wb::ui::GetFonts().body, 17.0f, name.data(), name.data() + name.size(), 400.0f, lay);
    REQUIRE(lay.lines.size() == 1);
    CHECK(lay.lines[0].pieces.front().x == doctest::Approx(0.0f));
    // The break positions a text field uses agree: never inside a word.
    const char* b = rtl.data();
    const char* brk = wb::ui::WrapPosition(wb::ui::GetFonts().body, 17.0f, b, b + rtl.size(), 120.0f);
    CHECK((brk == b + rtl.size() || *brk == ' ' || *(brk - 1) == ' '));
}

TEST_CASE("text runs: Latin text never asks the browser; text sizes add up the browser's widths") {
    wbtest::Ui ui;
    WithFake fake;
    ImVec2 latin = wb::ui::TextSize(wb::ui::GetFonts().body, 17.0f, "Ana Diaz", nullptr);
    CHECK(g_fake.measured == 0);
    CHECK(latin.x == doctest::Approx(wb::ui::GetFonts().body->CalcTextSizeA(17.0f, FLT_MAX, 0, "Ana Diaz").x));
    std::string s = "鑫淼";  // measured by no test before (widths are cached)
    ImVec2 cjk = wb::ui::TextSize(wb::ui::GetFonts().body, 17.0f, s.data(), s.data() + s.size());
    CHECK(cjk.x == doctest::Approx(20.0f));  // two characters, no space between
    CHECK(cjk.y == doctest::Approx(17.0f));
    CHECK(g_fake.measured > 0);
}

TEST_CASE("text runs: the contacts table draws names in every script through the browser, and counts what no font has") {
    wbtest::Ui ui(1280, 800);
    WithFake fake;
    namespace pl = wb::planner;
    pl::Planner& p = ui.app.planner().model();
    const char* names[] = {"王芳", "محمد حداد", "דנה כהן", "प्रिया शर्मा", "Ana \xEE\x80\x81"};  // the last: U+E001
    for (const char* n : names) {
        pl::Contact c;
        c.name = n;
        c.company = "Acme";
        pl::AddContact(p, std::move(c), wb::Rev{1, "t"});
    }
    ui.Frame();
    ui.app.OnRoute("#/planner/contacts");
    ui.Frames(3);
    auto drew = [&](const std::string& s) {
        for (const std::string& d : g_fake.drawn)
            if (d == s) return true;
        return false;
    };
    CHECK(drew("王"));
    CHECK(drew("芳"));
    CHECK(drew("محمد"));
    CHECK(drew("حداد"));
    CHECK(drew("प्रिया"));
    CHECK(drew("\xEE\x80\x81"));
    // Right-to-left words are drawn right to left; the others not.
    for (size_t i = 0; i < g_fake.drawn.size(); ++i)
        if (g_fake.drawn[i] == "محمد" || g_fake.drawn[i] == "כהן") CHECK(g_fake.drawn_rtl[i] == 1);
        else if (g_fake.drawn[i] == "王") CHECK(g_fake.drawn_rtl[i] == 0);
    CHECK(wb::ui::GetRunStats().unrenderable >= 1);
    // Drawn once: the next frames take them from the cache.
    size_t before = g_fake.drawn.size();
    ui.Frames(2);
    CHECK(g_fake.drawn.size() == before);
    // The names are what screen readers get, untouched.
    CHECK(ui.Find(wb::Role::Link, "محمد حداد") != nullptr);
}

TEST_CASE("text runs: a long word without spaces is cut between clusters into images a texture holds, and the line can break there") {
    wbtest::Ui ui;
    WithFake fake;
    // 40 Thai characters, no space (Thai writes words together); a vowel mark after the 16th.
    std::string thai;
    for (int i = 0; i < 40; ++i) thai += i == 16 ? "\xE0\xB8\xB4" : "\xE0\xB8\x81";  // ก, and ิ (a mark) as the 17th
    auto lines = Lines(thai, 0);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].size() == 3);
    // The mark stays with the consonant before it: the first piece holds 17 characters.
    CHECK(lines[0][0].size() == 17 * 3);
    // Narrower than the whole: the pieces wrap onto lines of their own.
    CHECK(Lines(thai, 200).size() == 3);
}

TEST_CASE("text runs: when the images fill every texture, the cache starts over and draws what is on screen again") {
    wbtest::Ui ui;
    WithFake fake;
    // 16-character words, all different: a few thousand fill the six pages.
    std::vector<std::string> words;
    for (int i = 0; i < 3000; ++i) {
        std::string w;
        for (int k = 0; k < 16; ++k) {
            // Hangul syllables (Korean breaks at spaces only): the first one makes the word unique.
            unsigned c = 0xAC00 + static_cast<unsigned>(k == 0 ? i : k * 7);
            w += static_cast<char>(0xE0 | (c >> 12));
            w += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            w += static_cast<char>(0x80 | (c & 0x3F));
        }
        words.push_back(w);
    }
    auto draw_all = [&]() {
        wb::ui::BeginRunFrame();  // as App::Frame does (a hosted view has no App)
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (const std::string& w : words)
            wb::ui::DrawText(dl, wb::ui::GetFonts().body, 17.0f, ImVec2(10, 10), IM_COL32(0, 0, 0, 255), w.data(),
                             w.data() + w.size());
    };
    ui.FrameWith(draw_all);
    const size_t first = g_fake.drawn.size();
    CHECK(first > 0);
    CHECK(first < words.size());  // the pages filled before the last word
    ui.FrameWith(draw_all);       // started over: draws again from the first page
    CHECK(g_fake.drawn.size() > first);
    CHECK(wb::ui::GetRunStats().images > 0);
    ui.Host({});
}
