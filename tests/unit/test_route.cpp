// The address bar as the workbook reads and writes it: "#/read/<section-id>".
#include <doctest/doctest.h>

#include <string>

#include "core/route.h"

using wb::ParseRoute;
using wb::Route;

TEST_CASE("route: a read hash with the leading '#' names the section") {
    Route r = ParseRoute("#/read/be-proactive");
    CHECK(r.kind == Route::Kind::Read);
    CHECK(r.section == "be-proactive");
}

TEST_CASE("route: the leading '#' is optional") {
    Route r = ParseRoute("/read/be-proactive");
    CHECK(r.kind == Route::Kind::Read);
    CHECK(r.section == "be-proactive");
}

TEST_CASE("route: anything after the id (query, trailing slash, fragment) is ignored") {
    for (const char* hash : {"#/read/be-proactive?x", "#/read/be-proactive?q=trade%20shows", "#/read/be-proactive/",
                             "#/read/be-proactive/more/parts", "#/read/be-proactive#again"}) {
        CAPTURE(hash);
        Route r = ParseRoute(hash);
        CHECK(r.kind == Route::Kind::Read);
        CHECK(r.section == "be-proactive");
    }
}

TEST_CASE("route: an empty id is no route") {
    for (const char* hash : {"#/read/", "/read/", "#/read/?x", "#/read//", "#/read/#"}) {
        CAPTURE(hash);
        Route r = ParseRoute(hash);
        CHECK(r.kind == Route::Kind::None);
        CHECK(r.section.empty());
    }
}

TEST_CASE("route: other hashes are no route") {
    for (const char* hash : {"", "#", "#/", "#/read", "#read/be-proactive", "#/READ/be-proactive", "#/settings",
                             "#/search/be-proactive", " #/read/be-proactive", "##/read/be-proactive"}) {
        CAPTURE(hash);
        Route r = ParseRoute(hash);
        CHECK(r.kind == Route::Kind::None);
        CHECK(r.section.empty());
    }
}

TEST_CASE("route: FormatReadRoute writes what ParseRoute reads") {
    CHECK(wb::FormatReadRoute("be-proactive") == "#/read/be-proactive");
    CHECK(wb::FormatReadRoute("introduction") == "#/read/introduction");
    Route r = ParseRoute(wb::FormatReadRoute("follow-up-and-stay-in-touch"));
    CHECK(r.kind == Route::Kind::Read);
    CHECK(r.section == "follow-up-and-stay-in-touch");
}

TEST_CASE("planner and home routes") {
    Route r = ParseRoute("#/planner/contacts");
    CHECK(r.kind == Route::Kind::Planner);
    CHECK(r.section == "contacts");
    CHECK(r.id == 0);
    r = ParseRoute("#/planner/contact/1234");
    CHECK(r.kind == Route::Kind::Planner);
    CHECK(r.section == "contact");
    CHECK(r.id == 1234);
    r = ParseRoute("#/planner/contact/12x");
    CHECK(r.section == "contact");
    CHECK(r.id == 0);  // not a number: no contact
    CHECK(ParseRoute("#/planner").section == "week");
    CHECK(ParseRoute("#/home").kind == Route::Kind::Home);
    CHECK(wb::FormatPlannerRoute("contact", 7) == "#/planner/contact/7");
    CHECK(ParseRoute(wb::FormatPlannerRoute("map")).section == "map");
}
