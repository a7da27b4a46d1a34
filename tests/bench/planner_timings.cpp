// What the planner's core costs at 30,000 contacts, in processor time: encode
// and decode, searches, sorting, the agenda, metrics and the map, merging.
// Prints figures, asserts nothing (tests/unit/test_planner_store.cpp checks the
// same operations are right); scripts/bench.sh builds and runs it.
//   planner_timings [CONTACTS]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "../support/big_planner.h"
#include "../support/cpu_clock.h"
#include "core/interchange.h"
#include "core/planner.h"
#include "core/reflection_names.h"

using namespace wb::planner;
using wbtest::Ms;
using wbtest::Timer;

namespace {

void Row(const char* what, double ms) { std::printf("planner: %-52s %9.1f ms\n", what, ms); }

// Runs `op` once untimed (a learner repeats these; the first call pays for
// cold caches), then once timed.
template <class Op>
double Timed(Op op) {
    op();
    Timer t;
    op();
    return Ms(t);
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 30000;
    const Day today = DayFromYmd(2026, 6, 15);
    Planner p = wbtest::BigPlanner(n, today);

    Timer t;
    const std::string meta = EncodeMeta(p);
    std::vector<std::pair<uint32_t, std::string>> chunks;  // (chunk, text), as stored
    size_t bytes = meta.size();
    for (uint32_t k : ChunksOf(p)) {
        chunks.emplace_back(k, EncodeChunk(p, k));
        bytes += chunks.back().second.size();
    }
    const double encode_ms = Ms(t);

    const size_t heap_before = wbtest::HeapInUse();
    t = Timer{};
    PlannerLoad l = DecodePlanner(meta, chunks);
    const double decode_ms = Ms(t);
    const double heap_mb = static_cast<double>(wbtest::HeapInUse() - heap_before) / 1048576.0;

    ContactQuery q;
    q.text = "engineer toronto";
    q.sort = ContactQuery::Name;
    ContactQuery one_letter;  // the slowest search: almost everything matches, sorted by name
    one_letter.text = "e";
    ContactQuery all;
    all.sort = ContactQuery::NextFollowUp;
    Planner other = l.planner;
    if (Contact* c = FindContact(other, 12345)) c->rev = wb::Rev{1800000000000, "x"};

    std::printf("planner: %d contacts, %zu bytes stored (%zu per contact, %zu chunks)\n", n, bytes,
                bytes / static_cast<size_t>(n > 0 ? n : 1), chunks.size());
    Row("encode (every chunk and meta)", encode_ms);
    Row("decode", decode_ms);
    std::printf("planner: %-52s %9.1f MB\n", "decoded planner, heap", heap_mb);
    Row("query \"engineer toronto\"", Timed([&] { QueryContacts(p, q, today); }));
    Row("query \"e\" (all match, by name)", Timed([&] { QueryContacts(p, one_letter, today); }));
    Row("sort all by next follow-up", Timed([&] { QueryContacts(p, all, today); }));
    Row("this week's agenda", Timed([&] { ComputeAgenda(p, today); }));
    Row("metrics + map layout + map cells", Timed([&] {
            ComputeMetrics(p, today);
            LayoutMap(p, today);
            AggregateMap(p, today);
        }));
    Row("merge another tab's copy (one record newer)", Timed([&] { MergePlanners(p, other); }));

    // The same people with names, companies and notes in other scripts: every field
    // that is not ASCII has its search key built when the raw bytes do not match.
    static const char* const kNames[] = {"王芳", "さくら 中村", "김민준", "محمد حداد", "דנה כהן", "प्रिया शर्मा",
                                         "สมชาย ใจดี", "Émile Dubois", "Ελένη Παππά", "Елена Иванова"};
    Planner mixed = p;
    for (size_t i = 0; i < mixed.contacts.size(); ++i) {
        Contact& c = mixed.contacts[i];
        c.name = kNames[i % 10] + (" " + std::to_string(i));
        c.company = std::string(kNames[(i + 3) % 10]) + " " + c.company;
        if (!c.notes.empty()) c.notes = std::string(kNames[(i + 7) % 10]) + ": " + c.notes;
    }
    ContactQuery mixed_q = q;
    mixed_q.text = "engineer émile";
    Row("mixed scripts: query \"engineer toronto\"", Timed([&] { QueryContacts(mixed, q, today); }));
    Row("mixed scripts: query \"engineer émile\"", Timed([&] { QueryContacts(mixed, mixed_q, today); }));
    Row("mixed scripts: query \"e\" (all match, by name)", Timed([&] { QueryContacts(mixed, one_letter, today); }));

    // A reflection answer read for names and checked against the planner's: the names'
    // keys once per change of the planner, then per keystroke in the answer.
    wb::HeldNames held;
    Row("reflection offer: the planner's names, once a change", Timed([&] { held = wb::HeldNamesOf(mixed); }));
    const std::string answer =
        "1. Maria Lopez - she runs the QA guild at work\n2. \xD0\x9E\xD0\xBB\xD0\xB5\xD0\xB3 Petrov: hires testers\n"
        "3. \xE7\x8E\x8B\xE8\x8A\xB3 (my mentor)\nAnd I could tell Aiko Tanaka, Tom Chen and Ana de la Cruz.";
    const wb::NameCues cues{" and ", "Hi|Hello|Dear|To|For", "My|The|A|I|And"};
    Row("reflection offer: an answer's 6 names checked, x1000", Timed([&] {
        for (int k = 0; k < 1000; ++k) {
            size_t in = 0;
            for (const wb::NamedInReflection& n : wb::NamedIn(answer, wb::ReflectionPlanner::Contacts, cues))
                in += held.Holds(wb::ReflectionPlanner::Contacts, n.name);
            if (in > 6) std::abort();
        }
    }));

    // Hostile files (issue #23): each must preview (or be refused) in well under 2 s.
    const Planner empty;
    auto preview = [&](const char* what, const std::string& name, const std::string& bytes) {
        Timer pt;
        ImportPreview pv = PreviewImport(empty, name, bytes, today);
        std::printf("hostile: %-52s %9.1f ms  (%zu bytes; %s)\n", what, Ms(pt), bytes.size(),
                    pv.ok() ? (std::to_string(pv.items.size()) + " rows, " + std::to_string(pv.cut_fields) + " cut, " +
                               std::to_string(pv.dropped_tags) + " tags left out").c_str()
                            : pv.error.substr(0, 60).c_str());
    };
    std::string vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Tags\r\nCATEGORIES:";
    for (int i = 0; i < 200000; ++i) vcf += (i ? ",c" : "c") + std::to_string(i);
    vcf += "\r\nEND:VCARD\r\n";
    preview("vCard, 200,000 distinct CATEGORIES", "many.vcf", vcf);
    std::string google = "First Name,Last Name,Labels\nAda,L,";
    for (int i = 0; i < 100000; ++i) google += (i ? " ::: l" : "l") + std::to_string(i);
    google += "\n";
    preview("Google CSV, 100,000 labels on one contact", "contacts.csv", google);
    preview("32,000,000 newlines", "lines.csv", std::string(32000000, '\n'));
    preview("Google CSV, a 30 MB company", "contacts.csv",
            "First Name,Last Name,Company\nAda,L," + std::string(30000000, 'c') + "\n");
    std::vector<std::pair<uint32_t, std::string>> empties;
    for (uint32_t i = 0; i < 25000; ++i) empties.emplace_back(i, "{\"chunk\":" + std::to_string(i) + "}");
    Timer et;
    PlannerLoad el = DecodePlanner(EncodeMeta(Planner{}), empties);
    std::printf("hostile: %-52s %9.1f ms  (%zu problems, capacity %zu)\n", "decode 25,000 empty chunk records", Ms(et),
                el.problems.size(), el.planner.contacts.capacity());
    return l.problems.empty() ? 0 : 1;
}
