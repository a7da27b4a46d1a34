// A planner of tens of thousands of contacts for the tests and benchmarks that
// need one at scale (tests/unit/test_planner_store.cpp, tests/bench/planner_timings.cpp).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>

#include "core/planner.h"

namespace wbtest {
using namespace wb::planner;

// A small deterministic generator, so the data set is the same every run.
struct Lcg {
    uint64_t s = 0x2545F4914F6CDD1Dull;
    uint32_t Next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<uint32_t>(s >> 33);
    }
    template <size_t N>
    const char* Pick(const char* const (&list)[N]) { return list[Next() % N]; }
    std::string Words(int n) {
        static const char* const kWords[] = {"met", "at", "the", "platform", "team", "asked", "about", "career",
                                             "hiring", "payments", "coffee", "follow", "up", "intro", "conference",
                                             "talk", "open", "source", "mentor", "roadmap"};
        std::string out;
        for (int i = 0; i < n; ++i) out += (i ? " " : "") + std::string(Pick(kWords));
        return out;
    }
};

// n LinkedIn-export-like contacts with realistic field lengths, the same every run.
inline Planner BigPlanner(int n, Day today) {
    static const char* const kFirst[] = {"Priya", "Jun", "Alejandro", "Fatima", "Oluwaseun", "Grace", "Mateusz",
                                         "Siobhan", "Hiroshi", "Amara", "Lars", "Chloe", "Rahul", "Yusuf", "Elena"};
    static const char* const kLast[] = {"Raman", "Li", "Gonzalez", "Haddad", "Adeyemi", "Okafor", "Kowalski",
                                        "O'Sullivan", "Tanaka", "Nwosu", "Johansson", "Dubois", "Sharma", "Demir"};
    static const char* const kCompanies[] = {"Acme Payments", "Globex Corporation", "Initech", "Umbrella Health",
                                             "Stark Industries", "Wayne Enterprises", "Hooli", "Pied Piper",
                                             "Soylent Foods", "Cyberdyne Systems", "Wonka Industries", "Tyrell Corp"};
    static const char* const kRoles[] = {"Senior Software Engineer", "Engineering Manager", "Product Manager",
                                         "Site Reliability Engineer", "Talent Acquisition Partner",
                                         "Director of Platform Engineering", "Data Scientist", "UX Researcher"};
    static const char* const kIndustries[] = {"Financial Services", "Software Development", "Hospital & Health Care",
                                              "Information Technology & Services", "Retail", "Telecommunications",
                                              "Higher Education", "Computer Games", "Biotechnology", "Logistics",
                                              "Renewable Energy", "Government Administration", "Media Production",
                                              "Automotive", "Consulting"};
    static const char* const kCities[] = {"Toronto, Ontario, Canada", "London, England, United Kingdom",
                                          "Lagos, Nigeria", "Berlin, Germany", "San Francisco Bay Area",
                                          "Bengaluru, Karnataka, India", "Sao Paulo, Brazil", "Tokyo, Japan"};
    static const char* const kTags[] = {"mentor", "recruiter", "alumni", "sre", "hiring", "conference", "former colleague"};
    Lcg g;
    Planner p;
    p.generation = "1767225600000-perf";
    p.contacts.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        Contact c;
        const std::string first = g.Pick(kFirst), last = g.Pick(kLast);
        c.name = first + " " + last;
        c.company = g.Pick(kCompanies);
        c.role = g.Pick(kRoles);
        c.industry = g.Pick(kIndustries);
        c.location = g.Pick(kCities);
        c.profile_url = "https://www.linkedin.com/in/" + first + "-" + last + "-" + std::to_string(g.Next() % 100000000);
        c.email = g.Next() % 3 ? "" : first + "." + last + "@example.com";
        c.met = g.Next() % 4 ? "" : "DevOps Days " + std::to_string(2018 + g.Next() % 8);
        for (uint32_t t = g.Next() % 3; t > 0; --t) c.tags.push_back(g.Pick(kTags));
        c.notes = g.Next() % 3 ? "" : g.Words(8 + static_cast<int>(g.Next() % 20));
        c.tier = static_cast<Tier>(g.Next() % 4);
        c.stage = static_cast<Stage>(g.Next() % 6);
        for (uint32_t k = g.Next() % 4; k > 0; --k) {
            Interaction it;
            it.day = today - static_cast<Day>(g.Next() % 700);
            it.channel = static_cast<Channel>(g.Next() % 6);
            if (g.Next() % 2) it.note = g.Words(4);
            c.log.push_back(std::move(it));
        }
        std::sort(c.log.begin(), c.log.end(), [](const Interaction& a, const Interaction& b) { return a.day < b.day; });
        c.added = today - static_cast<Day>(g.Next() % 1000);
        c.source = "linkedin";
        AddContact(p, std::move(c), wb::Rev{1767225600000 + i, "k3v9"});
    }
    return p;
}

}  // namespace wbtest
