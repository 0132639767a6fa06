// Standard output and standard error as a careful tool treats them: they may be closed, full
// (/dev/full) or broken, and none of that may crash brink or cost the files the user asked for.
#ifndef BRINK_CLI_IO_H_
#define BRINK_CLI_IO_H_

#include <fmt/format.h>

#include <string_view>

namespace brink::cli {

// Puts /dev/null on any of file descriptors 0-2 that is closed, so that no output file opened
// later takes that number and receives messages; remembers that standard output was closed.
// Ignores SIGXFSZ so that a file size limit (ulimit -f) is a write error brink reports.
void GuardStandardStreams();

// Writes to standard output; a failure is remembered for FinishStdout, never thrown. Control
// characters other than line breaks and tabs are shown escaped (\x1b), never sent raw.
void PrintOut(std::string_view text);
template <typename... T>
void Out(fmt::format_string<T...> format, T&&... args) {
  PrintOut(fmt::format(format, std::forward<T>(args)...));
}

// Writes to standard error, escaped likewise (carriage returns kept); failures are ignored
// (there is nowhere left to report them).
void PrintError(std::string_view text);
template <typename... T>
void Err(fmt::format_string<T...> format, T&&... args) {
  PrintError(fmt::format(format, std::forward<T>(args)...));
}

// Flushes standard output. If anything written to it was lost, says so on standard error and
// returns 1 (unless `exit_code` already reports a failure); otherwise returns `exit_code`.
int FinishStdout(std::string_view command, int exit_code);

}  // namespace brink::cli

#endif  // BRINK_CLI_IO_H_
