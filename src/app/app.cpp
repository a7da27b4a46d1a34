#include "app/app.h"

#include "core/route.h"
#include "core/search.h"
#include "imgui_internal.h"
#include "ui/semantics.h"

namespace wb {

bool App::Init(std::string_view content_json, std::string& error) {
    ContentResult r = DecodeContent(content_json);
    if (!r.ok || r.content.sections.empty()) {
        error = r.ok ? "the chapter has no sections" : r.error;
        return false;
    }
    content_ = std::move(r.content);
    return true;
}

void App::LoadState(std::string_view stored) {
    StateLoad load = DecodeState(stored);
    state_ = std::move(load.state);
    quarantine_needed_ = load.quarantine();
    if (!load.problems.empty()) {
        notice_ = "Some of your saved workbook data could not be read, so it was set aside unchanged. ";
        for (const std::string& p : load.problems) notice_ += p + " ";
        notice_ += "You can download the original data below; your new progress is saved separately.";
        out.announce = notice_;
    }
    int i = content_.FindSection(state_.reader.current);
    OpenSection(i >= 0 ? i : 0, false);
    out.style_dirty = out.fonts_dirty = true;
}

void App::SetStorageUnavailable() {
    notice_ = "This browser is not letting the workbook store data here (private mode or blocked storage), so your "
              "progress will not be kept after you close the page.";
}

void App::OnRoute(std::string_view hash) {
    Route r = ParseRoute(hash);
    if (r.kind != Route::Kind::Read) return;
    int i = content_.FindSection(r.section);
    if (i < 0) {
        notice_ = "The link asked for a section called \"" + r.section + "\", which this workbook does not have. "
                  "Showing \"" + content_.sections[section_].title + "\" instead.";
        return;
    }
    if (i != section_ || ui_.search_open) OpenSection(i, false);
}

void App::SetSystemDark(bool dark) {
    if (dark != system_dark_) out.style_dirty = true;
    system_dark_ = dark;
}

ui::Palette App::CurrentPalette() const {
    switch (state_.settings.theme) {
        case ThemeChoice::Dark: return ui::Palette::Dark;
        case ThemeChoice::Light: return ui::Palette::Light;
        default: return system_dark_ ? ui::Palette::Dark : ui::Palette::Light;
    }
}

void App::OpenSection(int index, bool push_route) {
    section_ = index;
    const Section& s = content_.sections[index];
    if (state_.reader.current != s.id) {
        state_.reader.current = s.id;
        MarkDirty();
    }
    auto it = state_.reader.scroll.find(s.id);
    ui_.restore_scroll = it == state_.reader.scroll.end() ? 0.0f : it->second;
    ui_.restore_frames = 4;
    ui_.search_open = false;
    ui_.contents_open = false;
    if (push_route) out.route = FormatReadRoute(s.id);
    out.title = s.title + " \xE2\x80\x94 " + content_.Str("app.title");
}

void App::Frame() {
    Semantics& sem = Sem();
    sem.BeginFrame();
    if (sem.requests.focus_reading) {
        // DOM focus is on text, not on a control: ImGui lets go of its focus too,
        // so reading keys (arrows, Page Up/Down) scroll the text.
        sem.requests.focus_reading = false;
        ImGui::GetCurrentContext()->NavId = 0;
        if (!ImGui::GetCurrentContext()->NavWindow) ImGui::SetWindowFocus("##workbook");
    }
    ui::WorkbookView v{content_, state_, section_, {}, notice_, quarantine_needed_ && !notice_.empty(), wide_};
    v.status.reserve(content_.sections.size());
    for (const Section& s : content_.sections)
        v.status.push_back(state_.reader.read.count(s.id) ? ui::SectionStatus::Read : ui::SectionStatus::NotStarted);
    ui::Intents in;
    ui::DrawWorkbook(v, ui_, in);
    Apply(in);
}

void App::Apply(const ui::Intents& in) {
    if (in.end_seen) {
        state_.reader.read.insert(content_.sections[*in.end_seen].id);
        MarkDirty();
    }
    if (in.scrolled) {
        state_.reader.scroll[content_.sections[section_].id] = *in.scrolled;
        MarkDirty();
    }
    if (in.reflection_edit) {
        state_.reflections[in.reflection_edit->first] = in.reflection_edit->second;
        MarkDirty();
    }
    if (in.go_to_section && *in.go_to_section >= 0 && *in.go_to_section < static_cast<int>(content_.sections.size())) {
        ui_.highlight.clear();
        OpenSection(*in.go_to_section, true);
    }
    if (in.open_external) out.open_url = *in.open_external;
    if (in.toggle_contents) ui_.contents_open = !ui_.contents_open;
    if (in.toggle_settings) ui_.settings_open = !ui_.settings_open;
    if (in.toggle_search) {
        ui_.search_open = !ui_.search_open;
        ui_.focus_search = ui_.search_open;
        if (!ui_.search_open) ui_.highlight.clear();
    }
    if (in.search_query) {
        ui_.query = *in.search_query;
        ui_.hits = Search(content_, state_.reflections, ui_.query);
    }
    if (in.open_hit) {
        OpenSection(in.open_hit->section, true);
        ui_.highlight = ui_.query;
        ui_.scroll_to_block = in.open_hit->block;
        if (in.open_hit->block >= 0) ui_.restore_scroll.reset();
    }
    if (in.set_theme) {
        state_.settings.theme = *in.set_theme;
        out.style_dirty = true;
        MarkDirty();
    }
    if (in.set_high_contrast) {
        state_.settings.high_contrast = *in.set_high_contrast;
        out.style_dirty = true;
        MarkDirty();
    }
    if (in.set_text_size) {
        state_.settings.text_size_pct = *in.set_text_size;
        out.fonts_dirty = out.style_dirty = true;
        MarkDirty();
    }
    if (in.dismiss_notice) notice_.clear();
    if (in.download_quarantine) out.download_quarantine = true;
}

}  // namespace wb
