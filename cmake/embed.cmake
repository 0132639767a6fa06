# Turns a file (the default scenario, its observations) into a C++ source holding its text, so
# the binary needs no file. FUNCTION names the accessor (default: DefaultScenarioText).
if(NOT DEFINED FUNCTION)
  set(FUNCTION DefaultScenarioText)
endif()
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace brink {\nstatic const char kBytes[] = {${bytes} 0};\nstd::string_view ${FUNCTION}() { return {kBytes, ${byte_count}}; }\n}  // namespace brink\n")
