// The analyses on a small scenario: common random numbers, thread counts, resumed sweeps.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "brink/analysis.h"
#include "brink/sweep.h"
#include "tests/small_scenario.h"

namespace brink {
namespace {

namespace fs = std::filesystem;

using testing::FileBytes;

Scenario Small() { return testing::SmallScenario(); }

// With the same seed at every point (common random numbers), a parameter the scenario never
// uses (no actor of small.toml has insurgents) moves no outcome at all: every elementary effect
// is exactly 0, while one that matters (incident_rate) moves direct clashes.
TEST(Study, CommonRandomNumbersLeaveUnusedParametersAtZero) {
  const Scenario s = Small();
  SensitivityOptions options;
  options.parameters = {"rules.insurgency_cap_attacks", "rules.incident_rate"};
  options.outcomes = {"direct_clash", "events.incident"};
  options.method = "morris";
  options.trajectories = 4;
  options.runs = 60;
  options.days = 90;
  options.threads = 1;
  Result<SensitivityResult> r = RunSensitivity(s, options);
  ASSERT_TRUE(r.ok()) << r.message();
  ASSERT_EQ(r.value().parameters.size(), 2u);
  EXPECT_EQ(r.value().points, 1 + 4 * 3);
  for (std::size_t o = 0; o < 2; ++o) EXPECT_EQ(r.value().morris[o][0].mu_star, 0.0) << r.value().outcomes[o];
  EXPECT_GT(r.value().morris[1][1].mu_star, 0.0);
  // The JSON names every parameter and outcome.
  const std::string json = SensitivityJson(s, r.value(), options);
  EXPECT_NE(json.find("\"rules.insurgency_cap_attacks\""), std::string::npos);
  EXPECT_NE(json.find("\"mu_star\""), std::string::npos);
  EXPECT_NE(SensitivityHtml(s, r.value()).find("<svg"), std::string::npos);
}

TEST(Study, UnknownOutcomeIsRefused) {
  Result<std::vector<std::string>> ids = AnalysisOutcomes(Small(), {"warr"});
  ASSERT_FALSE(ids.ok());
  EXPECT_NE(ids.message().find("--outcome warr: not an outcome"), std::string::npos) << ids.message();
  EXPECT_TRUE(AnalysisOutcomes(Small(), {"war", "direct_clashes"}).ok());
}

// forecast --uncertain: each run draws its values from its own stream, so one thread and two
// give the same counts; and the draws change the odds (incident_rate over 0.025-0.075).
TEST(Study, UncertainForecastIsTheSameOnAnyThreads) {
  const Scenario s = Small();
  ForecastOptions options;
  options.runs = 300;
  options.days = 90;
  options.uncertain = true;
  options.uncertain_parameters = {"rules.incident_rate", "rules.war_spark"};
  options.threads = 1;
  Result<Forecast> one = RunForecast(s, options);
  options.threads = 2;
  Result<Forecast> two = RunForecast(s, options);
  options.uncertain = false;
  Result<Forecast> fixed = RunForecast(s, options);
  ASSERT_TRUE(one.ok() && two.ok() && fixed.ok());
  bool differs = false;
  for (std::size_t k = 0; k < one.value().binary.size(); ++k) {
    EXPECT_EQ(one.value().binary[k].value.hits, two.value().binary[k].value.hits) << one.value().binary[k].id;
  }
  for (std::size_t k = 0; k < one.value().numbers.size(); ++k) {
    EXPECT_EQ(one.value().numbers[k].value.mean(), two.value().numbers[k].value.mean()) << one.value().numbers[k].id;
    differs = differs || one.value().numbers[k].value.mean() != fixed.value().numbers[k].value.mean();
  }
  EXPECT_TRUE(differs);
  options.uncertain = true;
  options.uncertain_parameters = {"rules.nothing"};
  EXPECT_FALSE(RunForecast(s, options).ok());
}

// A sweep stopped after 3 of 8 points and run again ends with the same database, byte for
// byte, as one run straight through; the second run ran only the 5 points left.
TEST(Study, InterruptedSweepResumesToTheSameDatabase) {
  const fs::path dir = testing::FreshDirectory("brink-sweep-test");
  const Scenario s = Small();
  SweepOptions options;
  options.parameters = {"rules.incident_rate", "rules.war_spark"};
  options.outcomes = {"war", "direct_clash", "direct_clashes"};
  options.design = "lhs";
  options.points = 8;
  options.runs = 30;
  options.days = 60;
  options.threads = 1;
  options.database = (dir / "whole.sqlite").string();
  Result<SweepProgress> whole = RunSweep(s, options, nullptr, nullptr);
  ASSERT_TRUE(whole.ok()) << whole.message();
  EXPECT_EQ(whole.value().done, 8);
  options.database = (dir / "resumed.sqlite").string();
  std::atomic<bool> stop{false};
  Result<SweepProgress> first = RunSweep(s, options, [&](const SweepProgress& p) { stop = p.done == 3; }, &stop);
  EXPECT_FALSE(first.ok());
  stop = false;
  Result<SweepProgress> rest = RunSweep(s, options, nullptr, &stop);
  ASSERT_TRUE(rest.ok()) << rest.message();
  EXPECT_EQ(rest.value().skipped, 3);
  EXPECT_EQ(rest.value().done, 5);
  EXPECT_EQ(FileBytes(dir / "whole.sqlite"), FileBytes(dir / "resumed.sqlite"));
  // Run again: nothing left to do.
  Result<SweepProgress> again = RunSweep(s, options, nullptr, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().done, 0);
  // PRIM over it.
  options.prim = "direct_clashes>0";
  Result<std::string> prim = SweepPrim(s, options);
  ASSERT_TRUE(prim.ok()) << prim.message();
  EXPECT_NE(prim.value().find("coverage"), std::string::npos);
  options.prim = "war>>1";
  EXPECT_FALSE(SweepPrim(s, options).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace brink
