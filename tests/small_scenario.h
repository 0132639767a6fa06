// For the tests of analyses: the small test scenario (tests/data/small.toml) and a file's bytes
// (databases and outputs compared byte for byte).
#ifndef BRINK_TESTS_SMALL_SCENARIO_H_
#define BRINK_TESTS_SMALL_SCENARIO_H_

#include <gtest/gtest.h>

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

}  // namespace brink::testing

#endif  // BRINK_TESTS_SMALL_SCENARIO_H_
