#include "cli/io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

namespace brink::cli {
namespace {

int stdout_error = 0;  // errno of the first lost write to standard output, 0 if none

// Scenario names and paths may hold any character, including NUL and the escape codes that
// would make a terminal move the cursor, retitle the window or hide text: those are shown as
// \xHH (C0 controls, DEL) or \uHHHH (C1 controls). Line breaks and tabs are brink's own layout,
// as is the carriage return of the progress bar on standard error.
std::string Printable(std::string_view text, bool keep_carriage_return) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool layout = c == '\n' || c == '\t' || (keep_carriage_return && c == '\r');
    if (!layout && (c < 0x20 || c == 0x7f)) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

void GuardStandardStreams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (null >= 0 && null != fd) {
      ::dup2(null, fd);
      ::close(null);
    }
    if (fd == STDOUT_FILENO) stdout_error = EBADF;
  }
  std::signal(SIGXFSZ, SIG_IGN);
}

void PrintOut(std::string_view raw) {
  const std::string text = Printable(raw, false);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() && stdout_error == 0) {
    stdout_error = errno != 0 ? errno : EIO;
  }
}

void PrintError(std::string_view raw) {
  const std::string text = Printable(raw, true);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

int FinishStdout(std::string_view command, int exit_code) {
  if (std::fflush(stdout) != 0 && stdout_error == 0) stdout_error = errno != 0 ? errno : EIO;
  if (stdout_error == 0) return exit_code;
  Err("{}: cannot write to standard output: {}\n", command, std::strerror(stdout_error));
  return exit_code == 0 ? 1 : exit_code;
}

}  // namespace brink::cli
