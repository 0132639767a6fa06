// The proper scores' claims: Brier and log scores equal hand-computed values; an ensemble's
// CRPS equals the exact finite-ensemble formula, approaches the normal closed form for normal
// samples, and the flat-memory accumulator stays within its stated bound of the exact value;
// reliability bins count what they should; the reference forecasts are what docs/model.md says.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "brink/engine.h"
#include "brink/score.h"

namespace brink {
namespace {

TEST(Brier, MatchesHandComputedValues) {
  EXPECT_NEAR(BrierScore(0.7, true), 0.09, 1e-12);   // (0.7 - 1)^2
  EXPECT_NEAR(BrierScore(0.7, false), 0.49, 1e-12);  // 0.7^2
  EXPECT_EQ(BrierScore(1.0, true), 0.0);
  EXPECT_EQ(BrierScore(0.0, true), 1.0);
  EXPECT_NEAR(BrierScore(0.25, false), 0.0625, 1e-12);
}

TEST(LogScore, MatchesHandComputedValuesAndIsFloored) {
  const double floor = 1.0 / (2.0 * 1000);                             // 1000 runs
  EXPECT_NEAR(LogScore(0.7, true, floor), 0.356674943938732, 1e-12);   // -ln 0.7
  EXPECT_NEAR(LogScore(0.7, false, floor), 1.203972804325936, 1e-12);  // -ln 0.3
  // A probability of 0 for what happened costs ln(2 runs), not infinity.
  EXPECT_NEAR(LogScore(0.0, true, floor), 7.600902459542082, 1e-12);  // ln 2000
  EXPECT_NEAR(LogScore(1.0, false, floor), 7.600902459542082, 1e-12);
  EXPECT_EQ(LogScore(1.0, true, floor), 0.0);
}

TEST(Crps, ExactFormulaOnSmallEnsembles) {
  // {1, 2, 3} against 2: the empirical CDF is 1/3 on [1, 2) and 2/3 on [2, 3), so the
  // integral of (F - 1{x >= 2})^2 is 1/9 + 1/9 = 2/9.
  EXPECT_NEAR(CrpsExact({1, 2, 3}, 2), 2.0 / 9.0, 1e-12);
  // Against 0: E|X - 0| = 2, E|X - X'| / 2 = (8 / 9) / 2: 2 - 4/9.
  EXPECT_NEAR(CrpsExact({3, 1, 2}, 0), 2.0 - 4.0 / 9.0, 1e-12);
  // One member: the absolute error.
  EXPECT_NEAR(CrpsExact({5}, 2), 3.0, 1e-12);
  // A perfect point forecast scores 0.
  EXPECT_NEAR(CrpsExact({4, 4, 4, 4}, 4), 0.0, 1e-12);
}

TEST(Crps, NormalClosedFormKnownValues) {
  // At the mean of N(0, 1): 2 phi(0) - 1/sqrt(pi).
  EXPECT_NEAR(CrpsNormal(0, 1, 0),
              2 / std::sqrt(2 * std::numbers::pi) - 1 / std::sqrt(std::numbers::pi), 1e-12);
  // Scales with sigma and is symmetric about the mean.
  EXPECT_NEAR(CrpsNormal(3, 2, 4), 2 * CrpsNormal(0, 1, 0.5), 1e-12);
  EXPECT_NEAR(CrpsNormal(3, 2, 2), CrpsNormal(3, 2, 4), 1e-12);
}

// Normal samples by Box-Muller from mt19937_64 (its output is fixed by the standard; the
// uniforms are made here, so the samples are the same on every platform).
std::vector<double> NormalSamples(int n, double mu, double sigma, uint64_t seed) {
  std::mt19937_64 gen(seed);
  auto uniform = [&] { return (static_cast<double>(gen() >> 11) + 0.5) * 0x1.0p-53; };
  std::vector<double> x;
  while (static_cast<int>(x.size()) < n) {
    double r = std::sqrt(-2 * std::log(uniform())), t = 2 * std::numbers::pi * uniform();
    x.push_back(mu + sigma * r * std::cos(t));
    x.push_back(mu + sigma * r * std::sin(t));
  }
  x.resize(static_cast<std::size_t>(n));
  return x;
}

TEST(Crps, EnsembleOfNormalSamplesApproachesTheClosedForm) {
  // 20,000 samples of N(1, 2^2), seed 7. The ensemble CRPS's sampling error is of order
  // sigma / sqrt(n) ~ 0.014; the margin 0.06 is over four times that.
  const std::vector<double> x = NormalSamples(20000, 1.0, 2.0, 7);
  for (double y : {1.0, 1.5, 4.0, -3.0}) {
    const double closed = CrpsNormal(1.0, 2.0, y);
    EXPECT_NEAR(CrpsExact(x, y), closed, 0.06) << "y = " << y;
    CrpsAccumulator acc(y);
    for (double v : x) acc.Add(v);
    EXPECT_NEAR(acc.Crps(), closed, 0.06) << "y = " << y;
  }
}

TEST(Crps, AccumulatorWithinItsStatedBoundOfTheExactValue) {
  // Wide-ranging positive values (casualty-like), small whole numbers, and values of both
  // signs: the exact first term and the sketch's spread term within SpreadErrorBound().
  std::mt19937_64 gen(11);
  std::vector<std::vector<double>> sets(3);
  for (int i = 0; i < 5000; ++i) {
    double u = (static_cast<double>(gen() >> 11) + 0.5) * 0x1.0p-53;
    sets[0].push_back(std::exp(10 * u));                // 1 .. 22,000
    sets[1].push_back(static_cast<double>(gen() % 7));  // 0 .. 6, many ties and zeros
    sets[2].push_back(200 * (u - 0.4));                 // -80 .. 120
  }
  for (std::size_t k = 0; k < sets.size(); ++k) {
    for (double y : {0.0, 3.0, 500.0}) {
      CrpsAccumulator acc(y);
      double abs_error = 0;
      for (double v : sets[k]) {
        acc.Add(v);
        abs_error += std::fabs(v - y);
      }
      const double exact = CrpsExact(sets[k], y);
      EXPECT_NEAR(acc.MeanAbsError(), abs_error / 5000, 1e-9 * (1 + abs_error));
      EXPECT_LE(std::fabs(acc.Crps() - exact), acc.SpreadErrorBound()) << "set " << k << " y " << y;
      // The bound is useful: a small fraction of the spread itself.
      EXPECT_LT(acc.SpreadErrorBound(), 0.01 * (acc.HalfSpread() + 1)) << "set " << k;
    }
  }
}

TEST(Crps, AccumulatorMemoryDoesNotGrowWithTheRuns) {
  // 200,000 whole-number days in 0..199 (a run's "first day" over a 200-day window): the
  // sketch keeps at most one bucket per distinct value, however many runs are added.
  CrpsAccumulator acc(120);
  std::mt19937_64 gen(3);
  for (int i = 0; i < 200000; ++i) acc.Add(static_cast<double>(gen() % 200));
  EXPECT_EQ(acc.n(), 200000);
  EXPECT_LE(acc.sketch().buckets(), 200u);
  // And the quantiles of whole numbers round back to whole numbers exactly.
  EXPECT_EQ(std::round(acc.sketch().Quantile(1.0)), 199.0);
  EXPECT_EQ(std::round(acc.sketch().Quantile(0.0)), 0.0);
}

TEST(Reliability, BinsCountForecastsAndOutcomes) {
  std::vector<double> p = {0.05, 0.05, 0.15, 0.95, 1.0, 0.99, 0.5};
  std::vector<bool> o = {false, true, false, true, true, false, true};
  auto bins = ReliabilityTable(p, o);
  EXPECT_EQ(bins[0].count, 2);
  EXPECT_EQ(bins[0].hits, 1);
  EXPECT_NEAR(bins[0].sum_p, 0.10, 1e-12);
  EXPECT_EQ(bins[1].count, 1);
  EXPECT_EQ(bins[1].hits, 0);
  EXPECT_EQ(bins[5].count, 1);
  EXPECT_EQ(bins[9].count, 3);  // 1.0 falls in the last bin
  EXPECT_EQ(bins[9].hits, 2);
  int total = 0;
  for (const ReliabilityBin& b : bins) total += b.count;
  EXPECT_EQ(total, 7);
}

Scenario Small() {
  Result<Scenario> s = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  EXPECT_TRUE(s.ok()) << s.message();
  return s.take();
}

TEST(References, PersistenceKeepsTheStartAndUninformedSpreadsEvenly) {
  const Scenario s = Small();
  const State initial = Engine(s).Initial();
  Observation held;
  held.kind = ObservationKind::kHeld;
  held.region = static_cast<RegionId>(s.RegionIndex("town"));  // the group holds it at start
  held.by.bloc = static_cast<BlocId>(s.BlocIndex("red"));
  EXPECT_EQ(PersistenceProbability(s, initial, held), 0.0);
  held.by.bloc = static_cast<BlocId>(s.BlocIndex("black"));
  EXPECT_EQ(PersistenceProbability(s, initial, held), 1.0);
  EXPECT_NEAR(UninformedProbability(s, held), 1.0 / 4, 1e-12);  // 3 blocs or nobody
  held.by = Party{};
  held.by.actor = static_cast<ActorId>(s.ActorIndex("red_army"));
  EXPECT_NEAR(UninformedProbability(s, held), 1.0 / 5, 1e-12);  // 4 actors or nobody

  Observation war;
  war.kind = ObservationKind::kWar;
  EXPECT_EQ(PersistenceProbability(s, initial, war), 0.0);
  EXPECT_EQ(UninformedProbability(s, war), 0.5);

  Observation corridor;
  corridor.kind = ObservationKind::kCorridor;
  corridor.corridor = 0;
  EXPECT_EQ(PersistenceProbability(s, initial, corridor), initial.corridor_open[0] ? 1.0 : 0.0);

  Observation first;
  first.kind = ObservationKind::kFirstHeld;
  first.from = 10;
  first.to = 50;
  first.region = static_cast<RegionId>(s.RegionIndex("east"));  // red's from the start
  first.by.bloc = static_cast<BlocId>(s.BlocIndex("red"));
  EXPECT_EQ(PersistenceValue(s, initial, first), 10.0);
  first.region = static_cast<RegionId>(s.RegionIndex("valley"));
  EXPECT_EQ(PersistenceValue(s, initial, first), 51.0);  // never: the day after the window
  Observation count;
  count.kind = ObservationKind::kCount;
  count.to = 50;
  EXPECT_EQ(PersistenceValue(s, initial, count), 0.0);
}

}  // namespace
}  // namespace brink
