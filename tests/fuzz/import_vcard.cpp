// The vCard importer (2.1 / 3.0 / 4.0).
#include "import_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    RunImport("contacts.vcf", data, size);
    return 0;
}
