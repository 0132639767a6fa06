// The end state reports counts as large as a run can make them.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "brink/engine.h"
#include "brink/report.h"

namespace brink {
namespace {

TEST(EndState, CountsBeyondTwoToThe31AreReportedWhole) {
  // About a million incidents a day over a long horizon pass 2^31; 32-bit signed counters
  // overflowed (undefined behaviour) and printed negative counts.
  Result<Scenario> loaded = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  State end = Engine(loaded.value()).Initial();
  const int64_t many = int64_t{1} << 32;  // 4294967296
  for (int64_t i = 0; i < 3; ++i) ++end.tally.events[static_cast<int>(EventKind::kIncident)];
  end.tally.events[static_cast<int>(EventKind::kIncident)] += many;
  end.tally.direct_clashes += many;
  EXPECT_EQ(end.tally.count(EventKind::kIncident), many + 3);
  const std::string text = EndStateText(loaded.value(), end);
  EXPECT_NE(text.find("4294967299"), std::string::npos) << text;
  EXPECT_NE(text.find("Limited direct clashes: 4294967296"), std::string::npos) << text;
  const std::string json = EndStateJsonLine(loaded.value(), end);
  EXPECT_NE(json.find("\"incident\":4294967299"), std::string::npos) << json;
}

}  // namespace
}  // namespace brink
