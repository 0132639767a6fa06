// The second standoff (tracker issue 19, "A second standoff"): scenarios/idlib-2020.toml, the
// Turkey-Syrian government crisis in Idlib, 1 Feb - 31 Mar 2020, written from its public record
// with the engine's rules unchanged, and its observations (scenarios/idlib-2020-observations.toml).
// These tests keep the files loadable and hold the outcome class the record has: limited
// exchanges of fire between Turkey and the government side, no full-scale war. A few hundred runs
// take well under a second. Measured at the commit that added them (400 runs, seed 20200305):
// P(war) 0.122, a direct clash in every run; Brier 0.147 (persistence 0.429), CRPS skill +0.627.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "brink/forecast.h"
#include "brink/scenario.h"
#include "brink/score.h"

namespace brink {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kSeed = 20200305;  // the Moscow ceasefire, 5 Mar 2020; any fixed seed will do

std::string ScenarioPath() { return (fs::path(BRINK_SOURCE_DIR) / "scenarios/idlib-2020.toml").string(); }
std::string ObservationsPath() {
  return (fs::path(BRINK_SOURCE_DIR) / "scenarios/idlib-2020-observations.toml").string();
}

double Binary(const Forecast& f, const std::string& id) {
  for (const BinaryOutcome& b : f.binary) {
    if (b.id == id) return b.value.p();
  }
  ADD_FAILURE() << "no binary outcome " << id;
  return -1;
}

TEST(IdlibScenario, LoadsWithItsObservations) {
  Result<Scenario> scenario = LoadScenarioFile(ScenarioPath());
  ASSERT_TRUE(scenario.ok()) << scenario.message();
  EXPECT_EQ(scenario.value().start_date, "2020-02-01");
  Result<ObservationSet> observations = LoadObservationsFile(ObservationsPath(), scenario.value());
  ASSERT_TRUE(observations.ok()) << observations.message();
  EXPECT_GE(observations.value().observations.size(), 25u);
  // Every observation names a source (the loader demands it; this keeps the file honest).
  for (const Observation& o : observations.value().observations) EXPECT_FALSE(o.source.empty()) << o.id;
}

// The record's outcome class: several direct exchanges, no full-scale war. 400 runs.
TEST(IdlibScenario, ExchangesOfFireWithoutWar) {
  Result<Scenario> scenario = LoadScenarioFile(ScenarioPath());
  ASSERT_TRUE(scenario.ok()) << scenario.message();
  ForecastOptions options;
  options.seed = kSeed;
  options.runs = 400;
  options.threads = 1;
  Result<Forecast> forecast = RunForecast(scenario.value(), options);
  ASSERT_TRUE(forecast.ok());
  const double war = Binary(forecast.value(), "war");
  const double clash = Binary(forecast.value(), "direct_clash");
  std::printf("  Idlib 2020, 400 runs: P(war) %.3f, P(at least one direct clash) %.3f\n", war, clash);
  EXPECT_LT(war, 0.5);
  EXPECT_GT(clash, 0.5);
}

// Scored against the record, the numbers beat persistence ("nothing changes"): CRPS skill > 0.
TEST(IdlibScenario, ScoreBeatsPersistence) {
  Result<Scenario> scenario = LoadScenarioFile(ScenarioPath());
  ASSERT_TRUE(scenario.ok()) << scenario.message();
  Result<ObservationSet> observations = LoadObservationsFile(ObservationsPath(), scenario.value());
  ASSERT_TRUE(observations.ok()) << observations.message();
  ScoreOptions options;
  options.seed = kSeed;
  options.runs = 400;
  options.threads = 1;
  Result<ScoreReport> report = RunScore(scenario.value(), observations.value(), options);
  ASSERT_TRUE(report.ok());
  const ScoreTotals& t = report.value().totals;
  std::printf("  Idlib 2020, 400 runs: Brier %.3f (persistence %.3f), CRPS skill %+.3f\n", t.brier,
              t.brier_persistence, t.crpss_persistence);
  EXPECT_LT(t.brier, t.brier_persistence);
  EXPECT_GT(t.crpss_persistence, 0.0);
}

}  // namespace
}  // namespace brink
