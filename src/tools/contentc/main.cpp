// contentc: compiles content/ into the workbook's document (JSON and binary).
//   contentc --content DIR --out FILE.json [--bin FILE.bin] [--glyphs FILE.txt]
// All logic is in contentc.cpp (a library, so tests can run it in-process).
#include <iostream>

#include "tools/contentc/contentc.h"

int main(int argc, char** argv) { return contentc::RunCli(argc, argv, std::cout, std::cerr); }
