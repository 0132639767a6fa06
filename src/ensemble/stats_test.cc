// The ensemble statistics' claims: Wilson intervals with the published values, quantiles within
// the sketch's relative accuracy of the exact ones in bounded memory, and a numerically stable
// mean and standard deviation.
#include "brink/stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace brink {
namespace {

// ----------------------------------------------------------------------------- Wilson

// Reference values computed independently (solving (p - hits/n)^2 = z^2 p (1 - p) / n for p,
// z = 1.959964) and agreeing with the usual tables to 4 decimals.
TEST(Wilson, MatchesKnownIntervals) {
  Interval a = WilsonInterval(0, 10);
  EXPECT_NEAR(a.low, 0.0, 1e-12);
  EXPECT_NEAR(a.high, 0.2775, 5e-5);
  Interval b = WilsonInterval(5, 10);
  EXPECT_NEAR(b.low, 0.2366, 5e-5);
  EXPECT_NEAR(b.high, 0.7634, 5e-5);
  Interval c = WilsonInterval(81, 263);
  EXPECT_NEAR(c.low, 0.2553, 5e-5);
  EXPECT_NEAR(c.high, 0.3662, 5e-5);
  Interval d = WilsonInterval(1, 1'000'000);  // far tighter than the normal approximation's
  EXPECT_NEAR(d.low, 1.7652e-7, 1e-11);
  EXPECT_NEAR(d.high, 5.6649e-6, 1e-10);
}

TEST(Wilson, IsSymmetricAndHoldsTheEstimate) {
  for (int64_t n : {1, 2, 7, 10, 263, 10000}) {
    for (int64_t hits = 0; hits <= n; hits += std::max<int64_t>(1, n / 7)) {
      Interval x = WilsonInterval(hits, n), mirror = WilsonInterval(n - hits, n);
      EXPECT_NEAR(x.low, 1 - mirror.high, 1e-12) << hits << "/" << n;
      EXPECT_NEAR(x.high, 1 - mirror.low, 1e-12) << hits << "/" << n;
      const double p = static_cast<double>(hits) / static_cast<double>(n);
      // Up to rounding: at 0 of n the bottom comes out near 2.8e-17, not exactly 0.
      EXPECT_LE(x.low, p + 1e-12) << hits << "/" << n;
      EXPECT_GE(x.high, p - 1e-12) << hits << "/" << n;
      EXPECT_GE(x.low, 0.0);
      EXPECT_LE(x.high, 1.0);
    }
  }
}

TEST(Wilson, EdgeCases) {
  // No trials: nothing is known.
  Interval none = WilsonInterval(0, 0);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_EQ(none.high, 1.0);
  Proportion empty;
  EXPECT_EQ(empty.p(), 0.0);
  EXPECT_EQ(empty.Wilson().high, 1.0);
  // All successes: the top is 1, the bottom the mirror of 0 of n.
  Interval all = WilsonInterval(10, 10);
  EXPECT_NEAR(all.high, 1.0, 1e-12);
  EXPECT_NEAR(all.low, 1 - 0.2775327998628892, 1e-12);
  // One trial.
  EXPECT_NEAR(WilsonInterval(1, 1).low, 0.2065, 5e-5);
  EXPECT_NEAR(WilsonInterval(0, 1).high, 0.7935, 5e-5);
  // A wider z gives a wider interval.
  Interval z99 = WilsonInterval(5, 10, 2.5758293035489);
  EXPECT_LT(z99.low, 0.2366);
  EXPECT_GT(z99.high, 0.7634);
  Proportion p;
  for (int i = 0; i < 263; ++i) p.Add(i < 81);
  EXPECT_EQ(p.hits, 81);
  EXPECT_EQ(p.n, 263);
  EXPECT_NEAR(p.Wilson().low, 0.2553, 5e-5);
}

// ----------------------------------------------------------------------------- QuantileSketch

constexpr double kAccuracy = 0.005;  // the default relative accuracy

// The exact quantile as the sketch defines it: the value of rank ceil(q x n), 1-based.
double ExactQuantile(const std::vector<double>& sorted, double q) {
  const int64_t n = static_cast<int64_t>(sorted.size());
  int64_t rank = static_cast<int64_t>(std::ceil(q * static_cast<double>(n)));
  rank = std::clamp<int64_t>(rank, 1, n);
  return sorted[static_cast<std::size_t>(rank - 1)];
}

const double kQuantiles[] = {0.0,  0.001, 0.01, 0.05, 0.1,   0.25,   0.3333, 0.5,
                             0.75, 0.9,   0.95, 0.99, 0.999, 0.9999, 1.0};

// Every quantile is within relative error `kAccuracy` of the exact value at that rank (plus
// 1e-12 for rounding at a bucket's edge); an exact zero comes back as exactly zero.
void ExpectQuantilesWithinAccuracy(const QuantileSketch& sketch, std::vector<double> values) {
  std::sort(values.begin(), values.end());
  for (double q : kQuantiles) {
    const double exact = ExactQuantile(values, q), estimate = sketch.Quantile(q);
    if (exact == 0) {
      EXPECT_EQ(estimate, 0.0) << "q " << q;
    } else {
      EXPECT_LE(std::fabs(estimate - exact), kAccuracy * std::fabs(exact) + 1e-12)
          << "q " << q << " exact " << exact << " estimate " << estimate;
    }
  }
}

// The most buckets values within [low, high] in magnitude can fill on one side of zero.
std::size_t BucketBound(double low, double high) {
  const double gamma = (1 + kAccuracy) / (1 - kAccuracy);
  return static_cast<std::size_t>(std::ceil(std::log(high / low) / std::log(gamma))) + 2;
}

// Seed 1, 100,000 lognormal(0, 1) values: a long right tail across about 9 orders of e.
TEST(QuantileSketch, LognormalQuantilesWithinRelativeAccuracy) {
  std::mt19937_64 gen(1);
  std::lognormal_distribution<double> lognormal(0.0, 1.0);
  QuantileSketch sketch;
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) {
    values.push_back(lognormal(gen));
    sketch.Add(values.back());
  }
  EXPECT_EQ(sketch.count(), 100000);
  ExpectQuantilesWithinAccuracy(sketch, values);
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  EXPECT_LE(sketch.buckets(), BucketBound(*low, *high));
  EXPECT_LT(sketch.buckets(), 2000u);
}

// Seed 2, 100,000 integers uniform in [-1000, 1000]: negatives, zeros and ties. Integers need
// no tolerance beyond the relative one: each is one of the values, ties share a bucket.
TEST(QuantileSketch, IntegerQuantilesWithNegativesAndZeros) {
  std::mt19937_64 gen(2);
  std::uniform_int_distribution<int> uniform(-1000, 1000);
  QuantileSketch sketch;
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) {
    values.push_back(uniform(gen));
    sketch.Add(values.back());
  }
  ExpectQuantilesWithinAccuracy(sketch, values);
  EXPECT_NEAR(sketch.Quantile(0.0), -1000, 1000 * kAccuracy);
  EXPECT_NEAR(sketch.Quantile(1.0), 1000, 1000 * kAccuracy);
  // Memory is bounded by the range of the values, not their number: another 100,000 values
  // from the same range add no bucket beyond the bound.
  const std::size_t bound = 2 * BucketBound(1, 1000);
  EXPECT_LE(sketch.buckets(), bound);
  for (int i = 0; i < 100000; ++i) sketch.Add(uniform(gen));
  EXPECT_LE(sketch.buckets(), bound);
  EXPECT_EQ(sketch.count(), 200000);
}

// Whole numbers with few distinct values (a count of clashes, the day a town fell, an army's
// losses when it is wiped out) come back exactly, not as a bucket's representative; past
// kExactValues distinct values the sketch's relative accuracy holds.
TEST(QuantileSketch, FewDistinctValuesAreExact) {
  QuantileSketch sketch;
  for (int i = 0; i < 900; ++i) sketch.Add(13700);
  for (int i = 0; i < 100; ++i) sketch.Add(13650 + i % 7);
  EXPECT_TRUE(sketch.exact());
  EXPECT_EQ(sketch.Quantile(0.5), 13700.0);
  // Rank 50: the low values 13650 to 13656 come 15, 15, 14, 14 ... times: 13653 holds ranks 45-58.
  EXPECT_EQ(sketch.Quantile(0.05), 13653.0);
  EXPECT_EQ(sketch.Quantile(0.0), 13650.0);
  QuantileSketch counts;
  for (int i = 0; i < 10; ++i) counts.Add(i % 2);
  EXPECT_EQ(counts.Quantile(0.5), 0.0);
  EXPECT_EQ(counts.Quantile(0.6), 1.0);
  QuantileSketch many;
  std::vector<double> values;
  for (int i = 1; i <= 5000; ++i) {
    values.push_back(i * 1.5);
    many.Add(i * 1.5);
  }
  EXPECT_FALSE(many.exact());
  ExpectQuantilesWithinAccuracy(many, values);
}

TEST(QuantileSketch, ZerosAndTinyValuesCountAsZero) {
  QuantileSketch empty;
  EXPECT_EQ(empty.Quantile(0.5), 0.0);
  EXPECT_EQ(empty.buckets(), 0u);

  QuantileSketch sketch;  // min_magnitude 1e-3
  for (int i = 0; i < 50; ++i) sketch.Add(-5.0);
  for (int i = 0; i < 30; ++i) sketch.Add(0.0);
  for (int i = 0; i < 10; ++i) sketch.Add(0.0004);
  for (int i = 0; i < 10; ++i) sketch.Add(-0.0004);
  EXPECT_EQ(sketch.count(), 100);
  EXPECT_EQ(sketch.buckets(), 1u);                         // the zeros take no bucket
  EXPECT_NEAR(sketch.Quantile(0.5), -5.0, 5 * kAccuracy);  // rank 50: the last -5
  EXPECT_EQ(sketch.Quantile(0.51), 0.0);
  EXPECT_EQ(sketch.Quantile(1.0), 0.0);
  EXPECT_LT(sketch.Quantile(0.0), -4.9);
}

TEST(QuantileSketch, SingleValueAndCoarserAccuracy) {
  QuantileSketch one;
  one.Add(123.456);
  for (double q : {0.0, 0.5, 1.0}) EXPECT_NEAR(one.Quantile(q), 123.456, 123.456 * kAccuracy);
  // Seed 3: at 5% accuracy, 10,000 values spanning six decades need under 300 buckets.
  QuantileSketch coarse(0.05);
  std::mt19937_64 gen(3);
  std::uniform_real_distribution<double> exponent(0.0, 6.0);
  std::vector<double> values;
  for (int i = 0; i < 10000; ++i) {
    values.push_back(std::pow(10.0, exponent(gen)));
    coarse.Add(values.back());
  }
  std::sort(values.begin(), values.end());
  for (double q : kQuantiles) {
    const double exact = ExactQuantile(values, q);
    EXPECT_LE(std::fabs(coarse.Quantile(q) - exact), 0.05 * exact + 1e-12) << q;
  }
  EXPECT_LT(coarse.buckets(), 300u);
}

// ----------------------------------------------------------------------------- NumberStats

// Seed 4, 10,000 values of 1e6 + normal(0, 3): a large mean beside a small spread, where a
// one-pass sum of squares would lose most of its digits.
TEST(NumberStats, MeanAndSdMatchTwoPassValues) {
  std::mt19937_64 gen(4);
  std::normal_distribution<double> normal(0.0, 3.0);
  NumberStats stats;
  std::vector<double> values;
  for (int i = 0; i < 10000; ++i) {
    values.push_back(1e6 + normal(gen));
    stats.Add(values.back());
  }
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  EXPECT_EQ(stats.n(), 10000);
  EXPECT_NEAR(stats.mean(), mean, 1e-9 * mean);
  EXPECT_NEAR(stats.sd(), sd, 1e-9 * sd + 1e-12);
  EXPECT_NEAR(sd, 3.0, 0.1);  // the check is not vacuous
  std::sort(values.begin(), values.end());
  EXPECT_NEAR(stats.Quantile(0.5), ExactQuantile(values, 0.5), kAccuracy * 1e6);
}

TEST(NumberStats, SmallSamples) {
  NumberStats stats;
  EXPECT_EQ(stats.n(), 0);
  EXPECT_EQ(stats.sd(), 0.0);
  stats.Add(4.0);
  EXPECT_EQ(stats.mean(), 4.0);
  EXPECT_EQ(stats.sd(), 0.0);  // one value: no spread to speak of
  stats.Add(8.0);
  EXPECT_DOUBLE_EQ(stats.mean(), 6.0);
  EXPECT_DOUBLE_EQ(stats.sd(), std::sqrt(8.0));  // sample sd, n - 1
}

}  // namespace
}  // namespace brink
