# Fails when a layer includes a layer above it: dependencies point down only
# (core < ui < app < platform). Every layer includes from src/, so the compiler
# alone cannot tell.
#   cmake -D SRC=<project>/src -P check_layers.cmake
set(rules
  "core:(ui|app|platform)/|imgui|emscripten"
  "ui:(app|platform)/"
  "app:platform/")
set(failed "")
foreach(rule ${rules})
  string(REPLACE ":" ";" rule "${rule}")
  list(GET rule 0 layer)
  list(GET rule 1 banned)
  file(GLOB_RECURSE files "${SRC}/${layer}/*.cpp" "${SRC}/${layer}/*.h")
  foreach(f ${files})
    file(STRINGS "${f}" hits REGEX "^#include [\"<](${banned})")
    foreach(h ${hits})
      string(APPEND failed "\n  ${f}: ${h}")
    endforeach()
  endforeach()
endforeach()
if(failed)
  message(FATAL_ERROR "a layer includes one above it:${failed}")
endif()
