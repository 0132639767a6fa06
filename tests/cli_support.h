// Helpers of the tests that run the built command-line tool (BRINK_CLI) as a user would.
#ifndef BRINK_TESTS_CLI_SUPPORT_H_
#define BRINK_TESTS_CLI_SUPPORT_H_

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace brink::test {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;  // exit status, or -1 if the process did not exit normally
  std::string out, err;
};

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A fresh directory for this test's files, removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("brink-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string Quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell script in the source directory (so tests/data/... paths resolve) with $B the
// brink binary, capturing stdout and stderr separately; the status is the script's last.
inline Outcome RunScript(const std::string& script) {
  ScratchDir scratch;
  const fs::path err_path = scratch.path() / "stderr.txt";
  const std::string command = "cd " + Quote(BRINK_SOURCE_DIR) + " && B=" + Quote(BRINK_CLI) +
                              " && { " + script + "\n} 2>" + Quote(err_path.string());
  Outcome outcome;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return outcome;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) outcome.out.append(buffer, n);
  int raw = ::pclose(pipe);
  if (raw != -1 && WIFEXITED(raw)) outcome.status = WEXITSTATUS(raw);
  outcome.err = ReadFile(err_path);
  return outcome;
}

// Runs `brink ARGS` as RunScript does.
inline Outcome RunBrink(const std::string& args) { return RunScript("\"$B\" " + args); }

inline bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

inline std::size_t FilesIn(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace brink::test

#endif  // BRINK_TESTS_CLI_SUPPORT_H_
