// The scored ensemble's claims: byte-identical whatever the thread count; run i is keyed by
// (seed, i) as in forecast, so an observation at a forecast's horizon gets the forecast's
// probability; the totals follow from the per-observation scores.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "brink/forecast.h"
#include "brink/scenario.h"
#include "brink/score.h"

namespace brink {
namespace {

struct Small {
  Scenario scenario;
  ObservationSet observations;
};

Small LoadSmall() {
  Result<Scenario> s = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  EXPECT_TRUE(s.ok()) << s.message();
  Small out{s.take(), {}};
  Result<ObservationSet> o = LoadObservationsFile(
      std::string(BRINK_SOURCE_DIR) + "/tests/data/small-observations.toml", out.scenario);
  EXPECT_TRUE(o.ok()) << o.message();
  out.observations = o.take();
  return out;
}

TEST(ScoreRun, ByteIdenticalWhateverTheThreadCount) {
  const Small w = LoadSmall();
  ScoreOptions options;
  options.runs = 600;  // more than one block of 8 per thread, fewer than one of 2048
  options.seed = 5;
  std::string reference;
  for (int threads : {1, 2, 8}) {
    options.threads = threads;
    Result<ScoreReport> r = RunScore(w.scenario, w.observations, options);
    ASSERT_TRUE(r.ok()) << r.message();
    std::string json = ScoreJson(w.scenario, w.observations, r.value(), options);
    if (threads == 1) {
      reference = json;
      EXPECT_NE(json.find("\"observations_hash\""), std::string::npos);
    } else {
      EXPECT_EQ(json, reference) << threads << " threads";
    }
  }
}

TEST(ScoreRun, SameRunsAsForecast) {
  // The observations' last day is 91 (2020-04-01); a forecast of 91 days with the same seed
  // and runs must give exactly the same chance of war and of the corridor being open.
  const Small w = LoadSmall();
  ScoreOptions options;
  options.runs = 400;
  options.seed = 3;
  options.threads = 2;
  Result<ScoreReport> r = RunScore(w.scenario, w.observations, options);
  ASSERT_TRUE(r.ok()) << r.message();
  ASSERT_EQ(r.value().days, 91);
  ForecastOptions fo;
  fo.runs = 400;
  fo.seed = 3;
  fo.days = 91;
  fo.threads = 2;
  Result<Forecast> f = RunForecast(w.scenario, fo);
  ASSERT_TRUE(f.ok()) << f.message();
  int compared = 0;
  for (const BinaryOutcome& b : f.value().binary) {
    if (b.id == "war") {
      EXPECT_EQ(b.value.hits, r.value().scores[1].hits);
      ++compared;
    }
    if (b.id == "corridor_open.link") {
      EXPECT_EQ(b.value.hits, r.value().scores[2].hits);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 2);
}

TEST(ScoreRun, TotalsFollowFromTheScores) {
  const Small w = LoadSmall();
  ScoreOptions options;
  options.runs = 300;
  options.threads = 1;
  Result<ScoreReport> result = RunScore(w.scenario, w.observations, options);
  ASSERT_TRUE(result.ok()) << result.message();
  const ScoreReport& r = result.value();
  double brier = 0, brier_p = 0, brier_u = 0, crps = 0;
  int binary = 0, numbers = 0, in90 = 0;
  for (std::size_t k = 0; k < r.scores.size(); ++k) {
    const Observation& o = w.observations.observations[k];
    const ObservationScore& sc = r.scores[k];
    if (o.binary()) {
      ++binary;
      EXPECT_NEAR(sc.brier, BrierScore(sc.p, o.outcome), 1e-12);
      EXPECT_NEAR(sc.log_score, LogScore(sc.p, o.outcome, 1.0 / 600), 1e-12);
      brier += sc.brier;
      brier_p += sc.brier_persistence;
      brier_u += sc.brier_uninformed;
    } else {
      ++numbers;
      crps += sc.crps;
      in90 += sc.in90;
      EXPECT_LE(sc.q05, sc.median);
      EXPECT_LE(sc.median, sc.q95);
      EXPECT_GE(sc.crps, -sc.crps_bound);
    }
  }
  ASSERT_EQ(binary, 3);
  ASSERT_EQ(numbers, 4);
  EXPECT_NEAR(r.totals.brier, brier / 3, 1e-12);
  EXPECT_NEAR(r.totals.bss_persistence, 1 - brier / brier_p, 1e-12);
  EXPECT_NEAR(r.totals.bss_uninformed, 1 - brier / brier_u, 1e-12);
  EXPECT_NEAR(r.totals.crps, crps / 4, 1e-12);
  EXPECT_NEAR(r.totals.coverage90, in90 / 4.0, 1e-12);
  int counted = 0;
  for (const ReliabilityBin& b : r.totals.reliability) counted += b.count;
  EXPECT_EQ(counted, 3);
}

// The text tables print each observation's figures first and its whole label last, so no label
// is cut short (the default set's "M2 highway desert inside the al-Tanf zone held by
// resistance" was cut at 52 characters) and each table's labels start in one column.
TEST(ScoreRun, TextKeepsWholeLabelsInOneColumn) {
  Result<Scenario> s = LoadDefaultScenario();
  ASSERT_TRUE(s.ok()) << s.message();
  Result<ObservationSet> o = LoadDefaultObservations(s.value());
  ASSERT_TRUE(o.ok()) << o.message();
  ScoreOptions options;
  options.runs = 20;
  options.threads = 1;
  Result<ScoreReport> r = RunScore(s.value(), o.value(), options);
  ASSERT_TRUE(r.ok()) << r.message();
  const std::string text = ScoreText(s.value(), o.value(), r.value());
  std::size_t longest = 0, binary_column = 0, number_column = 0;
  for (const Observation& obs : o.value().observations) {
    longest = std::max(longest, obs.label.size());
    const std::size_t at = text.find("  " + obs.label + "\n");
    ASSERT_NE(at, std::string::npos) << obs.label;
    const std::size_t column = at + 2 - (text.rfind('\n', at) + 1);
    std::size_t& expected = obs.binary() ? binary_column : number_column;
    if (expected == 0) expected = column;
    EXPECT_EQ(column, expected) << obs.label;
  }
  EXPECT_GT(longest, 52u) << "the default set no longer has a long label to test with";
}

}  // namespace
}  // namespace brink
