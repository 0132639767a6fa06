// The counter-based generator's claims: a draw is a pure function of (seed, run, stream, day,
// n), streams do not echo each other, and the Poisson sampler has the right mean and variance.
#include "engine/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace brink {
namespace {

std::vector<uint64_t> Draws(Rng rng, int n) {
  std::vector<uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.Next());
  return out;
}

TEST(Random, SameKeySameNumbers) {
  const std::vector<uint64_t> a = Draws(Rng(42, 7, Stream::kCombat, 100), 1001);
  // Another generator with the same key, made later and elsewhere, repeats them.
  Draws(Rng(1, 2, Stream::kZone, 3), 17);
  const std::vector<uint64_t> b = Draws(Rng(42, 7, Stream::kCombat, 100), 1001);
  EXPECT_EQ(a, b);
  // Any part of the key changes them.
  EXPECT_NE(a, Draws(Rng(43, 7, Stream::kCombat, 100), 1001));  // seed
  EXPECT_NE(a, Draws(Rng(42, 8, Stream::kCombat, 100), 1001));  // run
  EXPECT_NE(a, Draws(Rng(42, 7, Stream::kCombat, 101), 1001));  // day
  // Uniform and Bernoulli are functions of the same numbers.
  Rng u1(42, 7, Stream::kCombat, 100), u2(42, 7, Stream::kCombat, 100);
  for (int i = 0; i < 100; ++i) {
    double u = u1.Uniform();
    EXPECT_EQ(u, u2.Uniform());
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

// Seed 42, run 7, day 100, 20,000 uniforms from each of two streams: the correlation of
// independent uniforms has sd 1 / sqrt(20000) = 0.0071; the margin is 5 sd. The first draws of
// every pair of streams must differ too.
TEST(Random, StreamsAreIndependent) {
  // Every stream the enum declares, kDecision (1) to kZone (the last).
  std::vector<std::vector<uint64_t>> first;
  for (uint64_t k = 1; k <= static_cast<uint64_t>(Stream::kZone); ++k) {
    first.push_back(Draws(Rng(42, 7, static_cast<Stream>(k), 100), 8));
  }
  ASSERT_GE(first.size(), 8u);
  for (std::size_t i = 0; i < first.size(); ++i) {
    for (std::size_t j = i + 1; j < first.size(); ++j)
      EXPECT_NE(first[i], first[j]) << i << " " << j;
  }
  const int n = 20000;
  Rng a(42, 7, Stream::kCombat, 100), b(42, 7, Stream::kStrike, 100);
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (int i = 0; i < n; ++i) {
    double x = a.Uniform(), y = b.Uniform();
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  const double cov = sab / n - (sa / n) * (sb / n);
  const double r =
      cov / std::sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
  EXPECT_LT(std::fabs(r), 5.0 / std::sqrt(n));
  // Each stream on its own is uniform: mean 1/2 with sd sqrt(1/12 / 20000) = 0.002.
  EXPECT_NEAR(sa / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(sb / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
}

// Seed 9, 20,000 draws per mean (both methods: inversion below 10, rejection above). For
// Poisson(m) the sample mean has sd sqrt(m / n) and the sample variance sd about
// sqrt((m + 2 m^2) / n) (fourth central moment m + 3 m^2); margins are 5 of those.
TEST(Random, PoissonMeanAndVarianceMatch) {
  const int n = 20000;
  for (double m : {3.0, 10.0, 100.0, 5000.0}) {
    Rng rng(9, 0, Stream::kCombat, static_cast<int>(m));
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
      double x = rng.Poisson(m);
      ASSERT_EQ(x, std::floor(x)) << "a count";
      ASSERT_GE(x, 0.0);
      sum += x;
      sum2 += x * x;
    }
    const double mean = sum / n, variance = (sum2 - n * mean * mean) / (n - 1);
    EXPECT_NEAR(mean, m, 5 * std::sqrt(m / n)) << "mean " << m;
    EXPECT_NEAR(variance, m, 5 * std::sqrt((m + 2 * m * m) / n)) << "mean " << m;
  }
  Rng rng(9, 0, Stream::kCombat, 0);
  EXPECT_EQ(rng.Poisson(0), 0.0);
  EXPECT_EQ(rng.Poisson(-1), 0.0);
  EXPECT_EQ(rng.Poisson(std::nan("")), 0.0) << "no hang on NaN";
  EXPECT_EQ(rng.Poisson(HUGE_VAL), HUGE_VAL) << "no hang on infinity";
}

// Both samplers against the exact distribution: for each mean, the share of 50,000 draws (seed
// 11) equal to k is within 5 standard errors of P(X = k) for every k from 0 to 2 x mean + 5.
TEST(Random, PoissonFollowsTheExactDistribution) {
  const int n = 50000;
  for (double m : {0.2, 3.0, 9.9, 10.0, 12.0, 29.5, 60.0}) {
    Rng rng(11, 0, Stream::kCombat, static_cast<int>(m * 10));
    std::vector<int> counts(400, 0);
    for (int i = 0; i < n; ++i) {
      int k = static_cast<int>(rng.Poisson(m));
      ASSERT_LT(k, 400);
      ++counts[static_cast<std::size_t>(k)];
    }
    for (int k = 0; k <= 2 * m + 5; ++k) {
      const double p = std::exp(k * std::log(m) - m - std::lgamma(k + 1.0));
      const double share = static_cast<double>(counts[static_cast<std::size_t>(k)]) / n;
      EXPECT_NEAR(share, p, 5 * std::sqrt(p * (1 - p) / n) + 1e-4) << "mean " << m << ", k " << k;
    }
  }
}

// Below a mean of 10 the sampler is inversion from one uniform; its shortcut for 0 (a lower
// bound of exp(-mean)) must give exactly what the plain walk from exp(-mean) gives on the same
// uniform. 200,000 draws (seed 13) over means from 1e-300 to 9.99, small ones most densely.
TEST(Random, PoissonShortcutForZeroChangesNoDraw) {
  Rng sampler(13, 0, Stream::kCombat, 1), uniforms(13, 0, Stream::kCombat, 1);
  int zeros = 0;
  for (int i = 0; i < 200000; ++i) {
    const double m = i % 4 == 0 ? std::pow(10.0, -300.0 + (i % 1000) * 0.3) : 10.0 * std::pow((i % 997 + 0.5) / 997.0, 3);
    const double u = uniforms.Uniform();
    double p = std::exp(-m), cumulative = p;
    int count = 0;
    while (u >= cumulative) {
      ++count;
      p *= m / count;
      if (cumulative + p == cumulative) break;
      cumulative += p;
    }
    zeros += count == 0;
    ASSERT_EQ(sampler.Poisson(m), count) << "mean " << m << ", u " << u;
  }
  EXPECT_GT(zeros, 50000);  // the shortcut was exercised
}

}  // namespace
}  // namespace brink
