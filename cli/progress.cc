#include "cli/progress.h"

#include <unistd.h>

#include "cli/io.h"

namespace brink::cli {

void AddProgressFlags(CLI::App& app, bool& shown, bool& always) {
  app.add_flag("!--no-progress", shown, "No progress on stderr");
  app.add_flag("--progress", always,
               "Progress and the time left on stderr even when it is not a terminal (a line every 10 s)");
}

Progress::Progress(bool shown, bool always, std::string what, std::string unit)
    : terminal_(isatty(STDERR_FILENO) != 0),
      what_(std::move(what)),
      unit_(std::move(unit)),
      start_(std::chrono::steady_clock::now()),
      last_line_(start_) {
  enabled_ = shown && (terminal_ || always);
}

void Progress::Update(int64_t done, int64_t total, int64_t already, const std::string& note) {
  if (!enabled_ || total <= 0) return;
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done - already) / seconds : 0;
  const std::string left =
      rate > 0 ? fmt::format("{:.0f} s left", static_cast<double>(total - done) / rate) : std::string("time left unknown");
  const double percent = 100.0 * static_cast<double>(done) / static_cast<double>(total);
  const std::string extra = note.empty() ? "" : "  " + note;
  if (terminal_) {
    const int filled = static_cast<int>(30.0 * static_cast<double>(done) / static_cast<double>(total));
    Err("\r[{:=<{}}{:<{}}] {:3.0f}%  {} of {} {}  {}{}   ", "", filled, "", 30 - filled, percent, done, total, unit_,
        left, extra);
    if (done == total) Err("\r{:<100}\r", "");
    return;
  }
  if (done < total && now - last_line_ < std::chrono::seconds(10)) return;
  last_line_ = now;
  Err("{}: {:.0f}% ({} of {} {}), {}{}\n", what_, percent, done, total, unit_, left, extra);
}

}  // namespace brink::cli
