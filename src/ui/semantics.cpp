#include "ui/semantics.h"

#include <algorithm>
#include <cstdio>

#include "core/mirror_wire.h"
#include "imgui_internal.h"  // ImHashData

namespace wb {

const char* RoleName(Role r) {
    switch (r) {
        case Role::Main: return "main";
        case Role::Navigation: return "navigation";
        case Role::Region: return "region";
        case Role::Heading: return "heading";
        case Role::Text: return "text";
        case Role::Link: return "link";
        case Role::Button: return "button";
        case Role::Checkbox: return "checkbox";
        case Role::Radio: return "radio";
        case Role::RadioGroup: return "radiogroup";
        case Role::TextField: return "textbox";
        case Role::TextArea: return "textarea";
        case Role::Slider: return "slider";
        case Role::List: return "list";
        case Role::ListItem: return "listitem";
        case Role::Dialog: return "dialog";
        case Role::Progress: return "progressbar";
        case Role::Status: return "status";
        case Role::Paragraph: return "paragraph";
        case Role::TextRun: return "textrun";
        case Role::Group: return "group";
        case Role::Table: return "table";
        case Role::Row: return "row";
        case Role::ColumnHeader: return "columnheader";
        case Role::RowHeader: return "rowheader";
        case Role::Cell: return "cell";
    }
    return "text";
}

Semantics& Sem() {
    static Semantics s;
    return s;
}

void Semantics::BeginFrame() {
    nodes_.clear();
    used_.clear();
    open_.clear();
    if (outcome_key_ && --outcome_frames_ < 0) outcome_key_ = 0;
}

void Semantics::OutcomeDrawn(ImGuiID key) {
    if (!outcome_key_ || key != outcome_key_ || nodes_.empty()) return;
    dom_focus_request = nodes_.back().id;
    outcome_key_ = 0;
}

int Semantics::Add(const SemNode& n) {
    nodes_.push_back(n);
    // Ids must be unique in a frame (the DOM mirror is keyed by them). Text
    // nodes hash their words, so the same words twice would collide: derive a
    // new id from the old one; the order is the same every frame, so it is stable.
    ImGuiID& id = nodes_.back().id;
    while (id == 0 || !used_.insert(id).second) id = ImHashData(&id, sizeof id, 0x5e3a11u);
    nodes_.back().parent = open_.empty() ? -1 : open_.back();
    return static_cast<int>(nodes_.size()) - 1;
}

int Semantics::Open(const SemNode& n) {
    int i = Add(n);
    open_.push_back(i);
    return i;
}

void Semantics::Close(ImVec2 drawn_max) {
    if (open_.empty()) return;
    int i = open_.back();
    open_.pop_back();
    // Everything recorded since the container opened is inside it.
    SemNode& c = nodes_[i];
    auto grow = [&c](ImVec2 lo, ImVec2 hi) {
        if (hi.x <= lo.x && hi.y <= lo.y) return;  // empty: text runs are points
        c.min = ImVec2(std::min(c.min.x, lo.x), std::min(c.min.y, lo.y));
        c.max = ImVec2(std::max(c.max.x, hi.x), std::max(c.max.y, hi.y));
    };
    for (size_t j = i + 1; j < nodes_.size(); ++j) grow(nodes_[j].min, nodes_[j].max);
    if (drawn_max.x > 0 || drawn_max.y > 0) c.max = ImVec2(std::max(c.max.x, drawn_max.x), std::max(c.max.y, drawn_max.y));
}

const SemNode* Semantics::Find(ImGuiID id) const {
    for (const SemNode& n : nodes_)
        if (n.id == id) return &n;
    return nullptr;
}

const SemNode* Semantics::FindByName(Role role, const std::string& name) const {
    for (const SemNode& n : nodes_)
        if (n.role == role && n.name == name) return &n;
    return nullptr;
}

bool Semantics::TakeActivate(ImGuiID id) {
    if (id == 0 || requests.activate != id) return false;
    requests.activate = 0;
    last_activation_from_dom = true;
    return true;
}

GridKey Semantics::TakeKey(ImGuiID id) {
    if (id == 0 || requests.key_id != id) return GridKey::None;
    requests.key_id = 0;
    last_activation_from_dom = true;
    return requests.key;
}

bool Semantics::TakeFocus(ImGuiID id) {
    if (id == 0 || requests.focus != id) return false;
    requests.focus = 0;
    return true;
}

std::string Semantics::Serialize() const {
    // id, parent id, role, level, flags, max chars, x, y, w, h, name, value, desc
    std::string out;
    out.reserve(nodes_.size() * 64);
    char num[128];
    for (const SemNode& n : nodes_) {
        ImGuiID parent = n.parent >= 0 ? nodes_[n.parent].id : 0;
        std::snprintf(num, sizeof num, "%u\x1f%u\x1f%s\x1f%u\x1f%u\x1f%d\x1f%.0f\x1f%.0f\x1f%.0f\x1f%.0f\x1f", n.id, parent,
                      RoleName(n.role), n.level, n.flags, n.max_chars, n.min.x, n.min.y, n.max.x - n.min.x,
                      n.max.y - n.min.y);
        AppendMirrorNode(out, num, n.name, n.value, n.desc);  // core/mirror_wire.h
    }
    return out;
}

}  // namespace wb
