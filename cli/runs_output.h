// The per-run table (--runs-csv) as it is written: the header at once, then rows as runs
// finish, through the safe output-file machinery (a temporary file renamed into place at the
// end; "-" streams to standard output). Rows are gathered into 1 MB pieces before writing.
#ifndef BRINK_CLI_RUNS_OUTPUT_H_
#define BRINK_CLI_RUNS_OUTPUT_H_

#include <string>
#include <string_view>

#include "brink/output_file.h"

namespace brink::cli {

class RunsOutput {
 public:
  // Opens `path` and writes `header`; nothing is written at all if `path` is empty.
  Status Open(const std::string& path, std::string_view header);
  bool active() const { return active_; }
  // The buffer rows are appended to; call Flush() after each row (cheap below 1 MB).
  std::string& buffer() { return buffer_; }
  void Flush(bool always = false);
  // Writes what is left and makes the file visible (an error, e.g. a full disk, is returned).
  Status Commit();

 private:
  OutputFile file_;
  std::string buffer_;
  bool active_ = false;
};

}  // namespace brink::cli

#endif  // BRINK_CLI_RUNS_OUTPUT_H_
