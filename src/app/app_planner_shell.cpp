// The planner's place in the App from the first frame, before its code has
// arrived (workbook.deferred.wasm): opening its pages, and saying when it is
// not ready or could not be fetched. The rest is in app_planner.cpp.
#include "app/app.h"
#include "core/planner.h"
#include "core/route.h"
#include "core/strings.h"

namespace wb {
using namespace planner;

void App::PlannerCodeArrived() {
    planner_code_ = PlannerCode::Ready;
    if (ui_.planner_open) OpenPlanner(planner_.ui.page, planner_.ui.contact, false);  // its title, now it can be read
}

void App::PlannerCodeFailed(const std::string& why) {
    planner_code_ = PlannerCode::Failed;
    planner_code_problem_ = why;
    out.announce = why;
}

bool App::PlannerUnavailable() {
    if (planner_code_ == PlannerCode::Ready) return false;
    notice_ = planner_code_ == PlannerCode::Pending ? Tr("planner.the_planner_is_still_opening")
                                                    : planner_code_problem_;
    out.announce = notice_;
    return true;
}

std::string App::PlannerNotice() const {
    std::string s = planner_.load_problem();
    if (!planner_save_problem_.empty()) s += (s.empty() ? "" : " ") + planner_save_problem_;
    return s;
}

void App::OpenPlanner(ui::PlannerPage page, Id contact, bool push_route) {
    ui::PlannerUi& pu = planner_.ui;
    if (page == ui::PlannerPage::Contact && !contact) page = ui::PlannerPage::Contacts;
    if (page == ui::PlannerPage::Contact && pu.contact != contact) {
        pu.touch_note.clear();
        pu.touch_day.clear();
        pu.touch_day_for = 0;  // filled with today when drawn
        pu.touch_day_error.clear();
        pu.touch_future_confirm = false;
        pu.confirm_delete = false;
    }
    pu.page = page;
    if (page == ui::PlannerPage::Contact) pu.contact = contact;
    ui_.planner_open = true;
    ui_.search_open = ui_.settings_open = ui_.results_open = ui_.contents_open = false;
    if (push_route) out.route = FormatPlannerRoute(ui::PlannerPageSlug(page), page == ui::PlannerPage::Contact ? contact : 0);
    std::string title = ui::PlannerPageName(page);
    if (page == ui::PlannerPage::Contact && planner_code_ == PlannerCode::Ready)
        if (const Contact* c = FindContact(planner_.model(), contact)) title = c->name;
    out.title = title + Tr("planner.planner") + Tr("app.title");
    AnnouncePage(title + Tr("planner.planner_2"));
}

}  // namespace wb
