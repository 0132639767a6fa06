// The two-sample tests against values worked out by hand or tabulated (Kolmogorov's critical
// values: Smirnov 1948; the chi-square survival function for 2 degrees of freedom is exp(-x/2)).
#include "tests/two_sample.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/random.h"

namespace brink {
namespace {

TEST(TwoSample, KolmogorovTailMatchesTabulatedCriticalValues) {
  EXPECT_NEAR(KolmogorovSurvival(1.3581), 0.05, 1e-4);
  EXPECT_NEAR(KolmogorovSurvival(1.6276), 0.01, 1e-4);
  EXPECT_NEAR(KolmogorovSurvival(1.9495), 0.001, 1e-5);
  EXPECT_NEAR(KolmogorovSurvival(0.8276), 0.5, 1e-4);  // the median
  EXPECT_NEAR(KolmogorovSurvival(0.5), 1 - 0.036055, 1e-5);
  EXPECT_EQ(KolmogorovSurvival(0), 1.0);
  EXPECT_LT(KolmogorovSurvival(4), 1e-12);
}

TEST(TwoSample, KolmogorovSeriesAgreeWhereTheyMeet) {
  // The two series are switched at 1.18: they must agree there.
  EXPECT_NEAR(KolmogorovSurvival(1.1799999), KolmogorovSurvival(1.18), 1e-6);
}

TEST(TwoSample, KolmogorovSmirnovStatisticByHand) {
  // a's CDF reaches 1 at 3 while b's is 0 until 4: D = 1.
  EXPECT_DOUBLE_EQ(KolmogorovSmirnov({1, 2, 3}, {4, 5, 6}).statistic, 1.0);
  // Ties across samples: at 1 both CDFs are 1/2 and 1/4, at 2 they are 1 and 1/2: D = 1/2.
  TestResult r = KolmogorovSmirnov({1, 2}, {1, 2, 3, 3});
  EXPECT_DOUBLE_EQ(r.statistic, 0.5);
  EXPECT_DOUBLE_EQ(KolmogorovSmirnov({5, 5, 5}, {5, 5}).statistic, 0.0);
  EXPECT_EQ(KolmogorovSmirnov({5, 5, 5}, {5, 5}).p, 1.0);
}

TEST(TwoSample, KolmogorovSmirnovTellsShiftedSamplesApartNotEqualOnes) {
  // 2,000 exponentials each from two streams (seed 7): the same law passes, a 50% longer mean
  // fails (D near 0.15, far past the 1e-8 critical value of about 0.1).
  Rng one(7, 0, Stream::kCombat, 1), two(7, 1, Stream::kCombat, 1);
  std::vector<double> a, b, shifted;
  for (int i = 0; i < 2000; ++i) {
    a.push_back(one.Exponential());
    const double x = two.Exponential();
    b.push_back(x);
    shifted.push_back(1.5 * x);
  }
  EXPECT_GT(KolmogorovSmirnov(a, b).p, 0.01);
  EXPECT_LT(KolmogorovSmirnov(a, shifted).p, 1e-8);
}

TEST(TwoSample, ChiSquareByHand) {
  // Rows (10, 20, 30) and (20, 20, 20): expected 15, 20, 25 in each; X^2 = 2 (25/15 + 25/25).
  TestResult r = ChiSquareHomogeneity({10, 20, 30}, {20, 20, 20});
  EXPECT_NEAR(r.statistic, 2 * (25.0 / 15 + 1), 1e-12);
  EXPECT_EQ(r.df, 2);
  EXPECT_NEAR(r.p, std::exp(-r.statistic / 2), 1e-12);
}

TEST(TwoSample, ChiSquarePoolsSparseCategories) {
  // The two rare categories (9 runs each, an expected 4.4 in the smaller row) are pooled into
  // one of 18: df 2, not 3.
  TestResult r = ChiSquareHomogeneity({100, 50, 4, 3}, {100, 50, 5, 6});
  EXPECT_EQ(r.df, 2);
  // One category only, or an empty row: nothing to test.
  EXPECT_EQ(ChiSquareHomogeneity({100, 0}, {90, 0}).df, 0);
  EXPECT_EQ(ChiSquareHomogeneity({100, 0}, {90, 0}).p, 1.0);
  EXPECT_EQ(ChiSquareHomogeneity({0, 0}, {90, 3}).df, 0);
}

}  // namespace
}  // namespace brink
