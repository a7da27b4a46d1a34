// Writes a workbook backup the way Settings > Download a backup does, for a planner
// of N contacts with NOTE_BYTES of notes each: the restore tests and the size
// measurement of the largest backup (issue #23) use it.
// Usage: make_backup N NOTE_BYTES OUT.json
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/planner.h"
#include "core/state.h"

using namespace wb::planner;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s N NOTE_BYTES OUT.json\n", argv[0]);
        return 2;
    }
    const long n = std::atol(argv[1]);
    const std::string notes(static_cast<size_t>(std::atol(argv[2])), 'n');
    Planner p;
    for (long i = 1; i <= n; ++i) {
        Contact c;
        // The fields a LinkedIn import fills, and the notes.
        c.name = "Restored Contact " + std::to_string(i);
        c.company = "Company " + std::to_string(i % 977);
        c.role = "Senior Field Engineer";
        c.location = "Manchester, United Kingdom";
        c.email = "contact" + std::to_string(i) + "@mail.example";
        c.profile_url = "https://www.linkedin.com/in/restored-contact-" + std::to_string(i);
        c.notes = notes;
        AddContact(p, c, wb::Rev{1700000000000, "backup"});
    }
    wb::StoredPlanner sp;
    sp.meta = EncodeMeta(p);
    for (uint32_t chunk : ChunksOf(p)) sp.chunks.emplace_back(chunk, EncodeChunk(p, chunk));
    wb::LearnerState s;
    s.reflections["introduction.r1"] = "From the big backup";
    const std::string text = wb::EncodeBackup(s, 1700000000000, &sp);
    std::ofstream(argv[3], std::ios::binary) << text;
    std::printf("%ld contacts with %zu-byte notes: %zu bytes (%.1f MiB)\n", n, notes.size(), text.size(),
                text.size() / (1024.0 * 1024.0));
    return 0;
}
