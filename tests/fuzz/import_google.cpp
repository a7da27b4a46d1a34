// The Google Contacts CSV importer, current and legacy columns.
#include "import_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    RunImport("contacts.csv", data, size);
    return 0;
}
