// The workbook's views.
//
// Index (in file order; the quiz and results are in quiz_view.cpp, the planner in planner/)
//   Contents     the table of contents with each section's status
//   Reader       one section: title, blocks, takeaway, reflections, previous/next
//   Search       the search panel
//   Settings     theme, text size, contrast; where the work is kept; backup, restore (checked and
//                previewed first) and reset
//   Shell        DrawWorkbook: top bar, notice, layout (wide: contents beside the text; narrow: a drawer)
#include <algorithm>
#include "core/strings.h"
#include <cmath>
#include <cstdio>
#include <optional>

#include "imgui_internal.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/view_util.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace wb::ui {

namespace {

const char* StatusLabel(const Content& c, SectionStatus s) {
    switch (s) {
        case SectionStatus::Read: return Tr("status.read");
        case SectionStatus::QuizPassed: return Tr("status.quiz_passed");
        default: return Tr("status.not_started");
    }
}

// --- Contents ---------------------------------------------------------------
void DrawContents(const WorkbookView& v, ShellUi& ui, Intents& out) {
    const Content& c = v.content;
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Navigation, Tr("nav.contents"), a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + ImGui::GetContentRegionAvail().y));
    HeadingText(GetFonts().bold, Tr("nav.contents"), 2);
    ImGui::Spacing();
    for (int i = 0; i < static_cast<int>(c.sections.size()); ++i) {
        const Section& s = c.sections[i];
        const char* mark = v.status[i] == SectionStatus::NotStarted ? "   " : "\xE2\x9C\x93 ";  // check mark
        char label[256];
        std::snprintf(label, sizeof label, "%s%s##toc%d", mark, s.title.c_str(), i);
        std::string name = s.title;
        std::string href = "#/read/" + s.id;
        if (LinkRow(label, i == v.section, name.c_str(), StatusLabel(c, v.status[i]), href.c_str())) {
            out.go_to_section = i;  // opening a section closes the narrow drawer (App::OpenSection)
        }
    }
}

// --- Reader -----------------------------------------------------------------
void DrawTakeaway(const Content& c, const Block& b, float width, const std::string& highlight, Intents& out) {
    float pad = std::round(Em() * 0.8f);
    TextLayout lay = LayoutSpans(b.spans, Em(), width - pad * 2);
    float label_h = std::round(Em() * 1.6f);
    ImVec2 a = ImGui::GetCursorScreenPos();
    ImVec2 z(a.x + width, a.y + pad * 2 + label_h + lay.height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, z, Colors().callout_bg, Em() * 0.4f);
    dl->AddRectFilled(a, ImVec2(a.x + Em() * 0.25f, z.y), Colors().callout_border);
    dl->AddText(GetFonts().bold, Em(), ImVec2(a.x + pad, a.y + pad), Colors().text, Tr("reader.takeaway"));
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, a.y + pad + label_h));
    std::string name = std::string(Tr("reader.takeaway")) + ": " + BlockText(b);
    DrawTextResult r;
    {
        SemScope scope(Role::Region, Tr("reader.takeaway"), a, z);
        r = DrawRichText("takeaway", b.spans, lay, Colors().text, highlight);
    }
    if (!r.clicked_link.empty()) out.open_external = r.clicked_link;
    ImGui::SetCursorScreenPos(ImVec2(a.x, z.y));
    ImGui::Dummy(ImVec2(width, std::round(Em() * 0.5f)));
}

void DrawReflections(const WorkbookView& v, ShellUi& ui, const Section& s, float width, Intents& out) {
    for (const ReflectionPrompt& p : s.reflections) {
        Gap(0.5f);
        ImGui::PushID(p.id.c_str());
        ImGui::PushFont(GetFonts().bold);
        ImGui::TextUnformatted(Tr("reader.reflection"));
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        Text(p.text);
        ImGui::PopTextWrapPos();
        SemText(Role::Text, p.text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        auto it = v.state.reflections.find(p.id);
        std::string text = it == v.state.reflections.end() ? std::string() : it->second;
        if (TextArea("##answer", p.text.c_str(), text, ImVec2(width, ImGui::GetTextLineHeight() * 6)))
            out.reflection_edit = {p.id, text};
        MutedText(TrN("reader.word_count", CountWords(text)));
        if (v.offers)
            for (const ReflectionOffer& o : *v.offers)
                if (o.prompt == p.id && !o.items.empty()) DrawReflectionOffer(o, ui, width, out);
        ImGui::PopID();
    }
}

void DrawReader(const WorkbookView& v, ShellUi& ui, Intents& out) {
    const Content& c = v.content;
    const Section& s = c.sections[v.section];

    if (ui.restore_scroll) {
        ImGui::SetScrollY(*ui.restore_scroll);
        // Content height is known only after one frame; try until it sticks.
        if (std::abs(ImGui::GetScrollY() - *ui.restore_scroll) < 1.0f || --ui.restore_frames <= 0) ui.restore_scroll.reset();
    }

    float avail = ImGui::GetContentRegionAvail().x;
    float width = std::min(avail, Em() * 38.0f);  // ~70 characters a line
    float indent = std::max(0.0f, (avail - width) * 0.5f);
    if (indent > 0) ImGui::Indent(indent);

    ImVec2 top = ImGui::GetCursorScreenPos();
    std::optional<SemScope> main_scope(std::in_place, Role::Main, s.title, top,
                                       ImVec2(top.x + width, top.y + ImGui::GetWindowHeight()));
    std::optional<SemScope> list_scope;  // consecutive list items: one list
    Gap(0.5f);
    HeadingText(GetFonts().h1, s.title, 1);
    Gap(0.5f);

    const std::string& hl = ui.highlight;
    for (int bi = 0; bi < static_cast<int>(s.blocks.size()); ++bi) {
        const Block& b = s.blocks[bi];
        ImGui::PushID(bi);
        if (ui.scroll_to_block == bi) {
            ImGui::SetScrollHereY(0.2f);
            ui.scroll_to_block = -1;
        }
        // Consecutive list items form one list for screen readers.
        bool in_list = bi > 0 && s.blocks[bi - 1].kind == BlockKind::ListItem;
        if (b.kind == BlockKind::ListItem && !in_list) {
            ImVec2 la = ImGui::GetCursorScreenPos();
            list_scope.emplace(Role::List, "", la, ImVec2(la.x + width, la.y));
        }
        switch (b.kind) {
            case BlockKind::Heading: {
                Gap(0.4f);
                HeadingText(b.level <= 2 ? GetFonts().h2 : GetFonts().bold, BlockText(b), static_cast<uint8_t>(b.level));
                break;
            }
            case BlockKind::Takeaway:
                DrawTakeaway(c, b, width, hl, out);
                break;
            case BlockKind::ListItem:
            case BlockKind::Quote:
            case BlockKind::Paragraph: {
                float inset = b.kind == BlockKind::ListItem ? Em() * 1.4f * b.list_depth
                              : b.kind == BlockKind::Quote  ? Em() * 1.2f
                                                            : 0.0f;
                ImVec2 a = ImGui::GetCursorScreenPos();
                TextLayout lay = LayoutSpans(b.spans, Em(), width - inset);
                ImDrawList* dl = ImGui::GetWindowDrawList();
                if (b.kind == BlockKind::ListItem) {
                    char marker[16];
                    if (b.ordinal) std::snprintf(marker, sizeof marker, "%d.", b.ordinal);
                    else std::snprintf(marker, sizeof marker, "\xE2\x80\xA2");  // bullet
                    dl->AddText(GetFonts().body, Em(), ImVec2(a.x + inset - Em() * 1.1f, a.y + (lay.line_height - Em()) * 0.5f),
                                Colors().text, marker);
                }
                if (b.kind == BlockKind::Quote)
                    dl->AddRectFilled(a, ImVec2(a.x + Em() * 0.2f, a.y + lay.height), Colors().text_muted);
                ImGui::SetCursorScreenPos(ImVec2(a.x + inset, a.y));
                auto r = DrawRichText("text", b.spans, lay, b.kind == BlockKind::Quote ? Colors().text_muted : Colors().text, hl,
                                      b.kind == BlockKind::ListItem ? Role::ListItem : Role::Paragraph);
                if (!r.clicked_link.empty()) {
                    if (r.clicked_link.rfind("#/read/", 0) == 0) {
                        int target = c.FindSection(r.clicked_link.substr(7));
                        if (target >= 0) out.go_to_section = target;
                    } else {
                        out.open_external = r.clicked_link;
                    }
                }
                ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + lay.height));
                Gap(b.kind == BlockKind::ListItem ? 0.15f : 0.6f);
                break;
            }
        }
        bool list_continues = bi + 1 < static_cast<int>(s.blocks.size()) && s.blocks[bi + 1].kind == BlockKind::ListItem;
        if (b.kind == BlockKind::ListItem && !list_continues) list_scope.reset();
        ImGui::PopID();
    }

    DrawReflections(v, ui, s, width, out);
    if (const Quiz* quiz = c.QuizForSection(s.id)) DrawQuiz(v, *quiz, width, out);

    // Previous / next.
    Gap(1.0f);
    ImGui::Separator();
    Gap(0.5f);
    int n = static_cast<int>(c.sections.size());
    if (v.section > 0) {
        if (Button(TrId("shell.previous_section", "prev"), Tr("nav.prev"))) out.go_to_section = v.section - 1;
        ImGui::SameLine();
        MutedText(c.sections[v.section - 1].title);
    }
    if (v.section + 1 < n) {
        if (Button(TrId("shell.next_section", "next"), Tr("nav.next"))) out.go_to_section = v.section + 1;
        ImGui::SameLine();
        MutedText(c.sections[v.section + 1].title);
    }
    // The end of the section: counts as read once this has been on screen
    // (or the reader is scrolled as far as it goes).
    ImGui::Dummy(ImVec2(width, 1));
    bool end_visible = ImGui::IsItemVisible() || (ImGui::GetScrollMaxY() > 0 && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1);
    if (end_visible && !ui.restore_scroll && v.status[v.section] == SectionStatus::NotStarted) out.end_seen = v.section;
    Gap(2);
    main_scope.reset();
    if (indent > 0) ImGui::Unindent(indent);

    // Reading keys, when no control has keyboard focus.
    // Scrolling keys work unless a text field has the keyboard; previous/next
    // arrows only while no control has focus (reading), so they never fight a
    // focused control.
    ImGuiContext& g = *GImGui;
    bool scrolling = Sem().edit.id == 0 && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    bool reading = scrolling && (g.NavId == 0 || g.NavDisableHighlight);
    if (scrolling) {
        float line = Em() * 3, page = ImGui::GetWindowHeight() * 0.9f;
        float y = ImGui::GetScrollY();
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) ImGui::SetScrollY(y + line);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) ImGui::SetScrollY(y - line);
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space)) ImGui::SetScrollY(y + page);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) ImGui::SetScrollY(y - page);
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) ImGui::SetScrollY(0);
        if (ImGui::IsKeyPressed(ImGuiKey_End, false)) ImGui::SetScrollY(ImGui::GetScrollMaxY());
    }
    if (reading) {
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false) && v.section + 1 < n) out.go_to_section = v.section + 1;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false) && v.section > 0) out.go_to_section = v.section - 1;
    }
    float y = ImGui::GetScrollY();
    auto stored = v.state.reader.scroll.find(s.id);
    float stored_y = stored == v.state.reader.scroll.end() ? 0.0f : stored->second;
    if (!ui.restore_scroll && std::abs(y - stored_y) >= 1.0f) out.scrolled = y;
}

// --- Search -----------------------------------------------------------------
void DrawSearch(const WorkbookView& v, ShellUi& ui, Intents& out) {
    const Content& c = v.content;
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Region, Tr("search.title"), a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 4));
    HeadingText(GetFonts().h2, Tr("search.title"), 2);
    if (ui.focus_search) {
        Sem().FocusNextControl();
        ui.focus_search = false;
    }
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Em() * 30));
    std::string q = ui.query;
    if (TextField("##query", Tr("search.placeholder"), q, Tr("search.placeholder"))) out.search_query = q;
    if (q.size() >= 2) MutedText(SearchCount(c, ui.hits.size()));
    for (size_t i = 0; i < ui.hits.size(); ++i) {
        const SearchHit& h = ui.hits[i];
        ImGui::PushID(static_cast<int>(i));
        std::string where = c.sections[h.section].title;
        if (!h.reflection_id.empty()) where += Tr("shell.your_answer");
        std::string label = where + ": " + h.context + "##hit";
        ImGui::PushTextWrapPos(0.0f);
        if (LinkRow(label.c_str(), false, (where + ": " + h.context).c_str())) out.open_hit = h;
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
}

// --- Settings ---------------------------------------------------------------
void DrawSettings(const WorkbookView& v, ShellUi& ui, Intents& out) {
    const Settings& s = v.state.settings;
    float width = std::min(ImGui::GetContentRegionAvail().x, Em() * 38.0f);
    ImVec2 a = ImGui::GetCursorScreenPos();
    SemScope scope(Role::Region, Tr("settings.title"), a, ImVec2(a.x + width, a.y + ImGui::GetContentRegionAvail().y));
    HeadingText(GetFonts().h1, Tr("settings.title"), 1);
    if (Button(TrId("shell.close_settings", "close"))) out.toggle_settings = true;

    HeadingText(GetFonts().h2, Tr("shell.appearance"), 2);
    ImGui::TextUnformatted(Tr("settings.theme"));
    struct Theme {
        ThemeChoice choice;
        Key name;
        const char* id;
    };
    const Theme themes[] = {{ThemeChoice::System, Key("settings.theme_system"), "system"},
                            {ThemeChoice::Light, Key("settings.theme_light"), "light"},
                            {ThemeChoice::Dark, Key("settings.theme_dark"), "dark"}};
    for (const auto& [t, key, id] : themes) {
        ImGui::SameLine();
        std::string label = std::string(s.theme == t ? "\xE2\x97\x8F " : "") + Tr(key) + "##theme" + id;
        std::string name = std::string(Tr("settings.theme")) + ": " + Tr(key) + (s.theme == t ? Tr("shell.selected") : "");
        if (Button(label.c_str(), name.c_str())) out.set_theme = t;
    }
    const std::string size_text = TrF("settings.text_size_percent", {{"percent", std::to_string(s.text_size_pct)}});
    const char* size = size_text.c_str();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(size);
    SemText(Role::Status, size, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    if (Button("A-##smaller", Tr("shell.smaller_text"), ImVec2(0, 0), s.text_size_pct <= 100)) out.set_text_size = std::max(100, s.text_size_pct - 25);
    ImGui::SameLine();
    if (Button("A+##larger", Tr("shell.larger_text"), ImVec2(0, 0), s.text_size_pct >= 200)) out.set_text_size = std::min(200, s.text_size_pct + 25);
    if (Button(s.high_contrast ? TrId("shell.high_contrast_on", "hc") : TrId("shell.high_contrast_off", "hc"))) out.set_high_contrast = !s.high_contrast;

    Gap(0.5f);
    HeadingText(GetFonts().h2, Tr("shell.your_data"), 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    std::string where;
    if (v.storage_unavailable) {
        where = Tr("shell.this_browser_is_not_letting");
    } else if (!v.save_problem.empty()) {
        where = v.save_problem;
    } else if (v.in_lms && v.lms_learner.empty()) {
        where = Tr("shell.your_course_system_did_not");
    } else if (v.in_lms) {
        where = TrF("shell.work_of_learner", {{"learner", v.lms_learner}});
    } else {
        where = Tr("shell.everything_you_do_here_is");
    }
    MutedText(where);
    const char* persist = nullptr;
    switch (v.persistence) {
        case Persistence::Granted:
            persist = Tr("shell.the_browser_has_agreed_to");
            break;
        case Persistence::NotGranted:
            persist = Tr("shell.the_browser_may_clear_this");
            break;
        case Persistence::Unsupported:
            persist = Tr("shell.this_browser_may_clear_site");
            break;
        default: break;
    }
    if (persist) MutedText(persist);
    ImGui::PopTextWrapPos();
    if (Button(TrId("shell.download_a_backup", "backup"))) out.download_backup = true;
    ImGui::SameLine();
    if (Button(TrId("shell.restore_from_a_backup", "restore"), Tr("shell.restore_from_a_backup_2"))) out.choose_restore = true;

    if (v.restore) {
        Gap(0.3f);
        ImVec2 ra = ImGui::GetCursorScreenPos();
        SemScope dialog(Role::Dialog, Tr("shell.restore_this_backup"), ra, ImVec2(ra.x + width, ra.y + Em() * 8));
        HeadingText(GetFonts().bold, Tr("shell.restore_this_backup"), 3);
        MutedText(TrF("restore.checked", {{"file", v.restore->filename}}));
        if (!v.restore->whose.empty()) MutedText(v.restore->whose);
        for (const RestorePreview::Row& row : v.restore->rows) {
            const std::string line = TrF("restore.row", {{"what", row.what},
                                                         {"now", std::to_string(row.now)},
                                                         {"backup", std::to_string(row.from_file)}});
            ImGui::BulletText("%s", line.c_str());
            SemText(Role::Text, line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        if (Button(TrId("shell.replace_my_data_with_the", "confirm_restore"))) out.confirm_restore = true;
        ImGui::SameLine();
        if (Button(TrId("common.cancel", "cancel_restore"), Tr("shell.cancel_restore"))) out.cancel_restore = true;
    }

    Gap(0.3f);
    if (!ui.confirm_reset) {
        if (Button(TrId("shell.reset_my_data", "reset"), Tr("shell.reset_my_data_2"))) out.ask_reset = true;
    } else {
        ImVec2 ra = ImGui::GetCursorScreenPos();
        SemScope dialog(Role::Dialog, Tr("shell.reset_my_data_3"), ra, ImVec2(ra.x + width, ra.y + Em() * 6));
        HeadingText(GetFonts().bold, Tr("shell.reset_my_data_3"), 3);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (v.in_lms)
            MutedText(v.lms_learner.empty() ? std::string(Tr("reset.lms_yours"))
                                            : TrF("reset.lms_learner", {{"learner", v.lms_learner}}));
        else
            MutedText(Tr("shell.this_deletes_your_reading_progress"));
        ImGui::PopTextWrapPos();
        if (Button(TrId("shell.delete_everything_and_start_again", "confirm_reset"))) out.confirm_reset = true;
        ImGui::SameLine();
        if (Button(TrId("shell.keep_my_data", "cancel_reset"))) out.cancel_reset = true;
    }
}

// The planner's place while its code is on the way (or could not be fetched).
void DrawPlannerPending(const WorkbookView& v) {
    ImGui::BeginChild("##planner_pending", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    {
        ImVec2 a = ImGui::GetCursorScreenPos();
        SemScope scope(Role::Main, Tr("common.planner"), a, ImVec2(a.x + ImGui::GetContentRegionAvail().x, a.y + Em() * 6));
        HeadingText(GetFonts().h1, Tr("common.planner"), 1);
        Gap(0.5f);
        ImGui::PushTextWrapPos(std::min(ImGui::GetCursorPosX() + Em() * 36, ImGui::GetContentRegionMax().x));
        Text(v.planner_pending);
        ImGui::PopTextWrapPos();
        SemText(Role::Status, v.planner_pending, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::EndChild();
}

}  // namespace

// --- Shell ------------------------------------------------------------------
std::string SearchCount(const Content& c, size_t hits) {
    if (hits == 0) return Tr("search.none");
    return TrN("search.matches", static_cast<long long>(hits));
}

void DrawWorkbook(const WorkbookView& v, ShellUi& ui, Intents& out, const PlannerPane* planner) {
    const Content& c = v.content;
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##workbook", nullptr, flags);

    // Top bar: Search and Settings on the right; the title takes what room is
    // left; on a narrow screen at large text the buttons wrap rather than
    // being cut off (WCAG 1.4.4, 1.4.10).
    const ImGuiStyle& st = ImGui::GetStyle();
    auto button_w = [&](const char* text) { return ImGui::CalcTextSize(text).x + st.FramePadding.x * 2; };
    float line_end = ImGui::GetWindowContentRegionMax().x;
    auto same_line_if_fits = [&](float next_w) {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + next_w > line_end) ImGui::NewLine();
    };
    bool first = true;
    if (!v.wide) {
        if (Button(ui.contents_open ? TrId("shell.close_contents", "contents") : TrId("nav.contents", "contents"), nullptr, ImVec2(0, 0),
                   false, ui.contents_open ? SemFlag_Expanded : SemFlag_Collapsed))
            out.toggle_contents = true;
        first = false;
    }
    const char* planner_label = ui.planner_open ? TrId("shell.chapter", "planner") : TrId("common.planner", "planner");
    const char* planner_text = ui.planner_open ? Tr("shell.chapter") : Tr("common.planner");
    float buttons_w = button_w(planner_text) + button_w(Tr("shell.results")) + button_w(Tr("search.title")) + button_w(Tr("settings.title")) + st.ItemSpacing.x * 3;
    const char* title = v.wide ? c.title.c_str() : Tr("app.title");
    ImGui::PushFont(GetFonts().bold);
    float title_w = ImGui::CalcTextSize(title).x;
    float x_after_first = first ? ImGui::GetCursorPosX() : ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + st.ItemSpacing.x;
    if (x_after_first + title_w + st.ItemSpacing.x + buttons_w <= line_end) {
        if (!first) ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(title);
        first = false;
    }
    ImGui::PopFont();
    if (!first) {
        ImGui::SameLine();
        float right = line_end - buttons_w;
        if (ImGui::GetCursorPosX() <= right) ImGui::SameLine(right);
        else if (ImGui::GetCursorPosX() + button_w(planner_text) > line_end) ImGui::NewLine();
    }
    if (Button(planner_label, ui.planner_open ? Tr("shell.back_to_the_chapter") : Tr("shell.your_network_planner"))) out.toggle_planner = true;
    same_line_if_fits(button_w(Tr("shell.results")));
    if (Button(TrId("shell.results", "results"), Tr("common.your_results"))) out.toggle_results = true;
    same_line_if_fits(button_w(Tr("search.title")));
    if (Button(TrId("search.title", "search"), Tr("search.title"))) out.toggle_search = true;
    same_line_if_fits(button_w(Tr("settings.title")));
    if (Button(TrId("settings.title", "settings"), Tr("settings.title"))) out.toggle_settings = true;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F) && !ui.search_open) out.toggle_search = true;
    ImGui::Separator();

    if (!v.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, Colors().callout_bg);
        ImGui::BeginChild("##notice", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
        ImGui::PushTextWrapPos(0.0f);
        Text(v.notice);
        ImGui::PopTextWrapPos();
        SemText(Role::Status, v.notice, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (v.notice_has_download) {
            if (Button(v.notice_set_aside ? TrId("shell.download_the_set_aside_data", "dlq") : TrId("shell.download_the_unreadable_data", "dlq")))
                out.download_quarantine = true;
            ImGui::SameLine();
        }
        if (Button(TrId("shell.dismiss", "notice"))) out.dismiss_notice = true;
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    if (!v.lms_status.empty()) {  // the course system (SCORM) did not take the last save
        ImGui::PushStyleColor(ImGuiCol_ChildBg, Colors().callout_bg);
        ImGui::BeginChild("##lms", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
        ImGui::PushTextWrapPos(0.0f);
        Text(v.lms_status);
        ImGui::PopTextWrapPos();
        SemText(Role::Status, v.lms_status, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }

    bool panel = ui.settings_open || ui.results_open || ui.search_open || (!v.wide && ui.contents_open);
    if (ui.planner_open && planner && !panel) {
        DrawPlanner(planner->view, planner->ui, v.wide, planner->out);
        ImGui::End();
        return;
    }
    if (ui.planner_open && !v.planner_pending.empty() && !panel) {
        DrawPlannerPending(v);
        ImGui::End();
        return;
    }
    if (v.wide) {
        ImGui::BeginChild("##contents", ImVec2(Em() * 16, 0), ImGuiChildFlags_None);
        DrawContents(v, ui, out);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("##reader", ImVec2(0, 0), ImGuiChildFlags_None);
    if (!v.wide && ui.contents_open) DrawContents(v, ui, out);
    else if (ui.settings_open) DrawSettings(v, ui, out);
    else if (ui.results_open) DrawResults(v, ui, out);
    else if (ui.search_open) DrawSearch(v, ui, out);
    else DrawReader(v, ui, out);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace wb::ui
