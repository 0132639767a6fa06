// For the tests of analyses: the small test scenario (tests/data/small.toml) and a file's bytes
// (databases and outputs compared byte for byte), in a directory of their own.
#ifndef BRINK_TESTS_SMALL_SCENARIO_H_
#define BRINK_TESTS_SMALL_SCENARIO_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "brink/scenario.h"

namespace brink::testing {

inline Scenario SmallScenario() {
  Result<Scenario> s = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  EXPECT_TRUE(s.ok()) << s.message();
  return s.take();
}

inline std::string FileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// An empty directory of its own under the system's temporary directory, named `name` and the
// process id (so parallel test processes do not meet).
inline std::filesystem::path FreshDirectory(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / std::filesystem::path(name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace brink::testing

#endif  // BRINK_TESTS_SMALL_SCENARIO_H_
