// The names of the temporary files and folders an output is built in, beside its target.
#ifndef BRINK_REPORT_TEMP_NAME_H_
#define BRINK_REPORT_TEMP_NAME_H_

#include <fmt/format.h>
#include <unistd.h>

#include <string>
#include <string_view>

namespace brink {

// ".NAME.tmp-PID-N" (or .old-): hidden, and unique per process and attempt. The target's name
// is cut to 128 bytes in it, so that a target name of the longest length a folder allows (255
// bytes) still has a temporary name that fits.
inline std::string TempName(std::string_view target, std::string_view kind, int attempt) {
  return fmt::format(".{}.{}-{}-{}", target.substr(0, 128), kind, getpid(), attempt);
}

}  // namespace brink

#endif  // BRINK_REPORT_TEMP_NAME_H_
