// Progress of long work on standard error, with an estimate of the time left; never in an
// output file. Shown when standard error is a terminal (redrawn in place), and with --progress
// also when it is not (a line at most every 10 s: a log file, or mpirun, which passes rank 0's
// standard error on through a pipe); never with --no-progress.
#ifndef BRINK_CLI_PROGRESS_H_
#define BRINK_CLI_PROGRESS_H_

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace brink::cli {

// --progress and --no-progress into `shown` (default true: on a terminal) and `always`.
void AddProgressFlags(CLI::App& app, bool& shown, bool& always);

class Progress {
 public:
  // `what` is the command ("brink sweep"), `unit` what is counted ("runs", "points").
  Progress(bool shown, bool always, std::string what, std::string unit);
  // `done` of `total` finished; the first `already` of them were done before this process began
  // (points of a resumed sweep) and do not count in the rate. `note` is added to the line.
  void Update(int64_t done, int64_t total, int64_t already = 0, const std::string& note = "");

 private:
  bool enabled_ = false, terminal_ = false;
  std::string what_, unit_;
  std::chrono::steady_clock::time_point start_, last_line_;
};

}  // namespace brink::cli

#endif  // BRINK_CLI_PROGRESS_H_
