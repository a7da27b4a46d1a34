// The LinkedIn Connections.csv importer (and whatever the content turns out to be).
#include "import_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    RunImport("Connections.csv", data, size);
    return 0;
}
