# Turns a text file into a C++ source defining `std::string_view brink_fuzz::NAME()` with its
# bytes, so a fuzz target needs no file at run time. Used by fuzz/fuzz.cmake:
#   cmake -DINPUT=file -DOUTPUT=file.cc -DNAME=Function -P fuzz/embed.cmake
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace brink_fuzz {\nstatic const char kBytes[] = {${bytes} 0};\nstd::string_view ${NAME}() { return {kBytes, ${byte_count}}; }\n}  // namespace brink_fuzz\n")
