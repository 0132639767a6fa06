// The intervals of a comparison against published worked examples, and a comparison of two
// forecasts outcome by outcome.
#include "brink/compare.h"

#include <gtest/gtest.h>

#include "brink/forecast.h"
#include "brink/scenario.h"

namespace brink {
namespace {

// Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score):
// 56/70 - 48/80 = 0.2000, 95% interval 0.0524 to 0.3339 (as printed, 4 decimals).
TEST(Newcombe, HybridScoreMatchesPublishedExample) {
  const Interval ci = NewcombeDifference(56, 70, 48, 80);
  EXPECT_NEAR(ci.low, 0.0524, 5e-5);
  EXPECT_NEAR(ci.high, 0.3339, 5e-5);
}

// The same table's other examples: 9/10 - 3/10 gives 0.1705 to 0.8090, and 5/56 - 0/29 gives
// -0.0381 to 0.1926 (an empty arm: its Wilson interval alone bounds that side).
TEST(Newcombe, HybridScoreSmallAndEmptyArms) {
  Interval ci = NewcombeDifference(9, 10, 3, 10);
  EXPECT_NEAR(ci.low, 0.1705, 5e-5);
  EXPECT_NEAR(ci.high, 0.8090, 5e-5);
  ci = NewcombeDifference(5, 56, 0, 29);
  EXPECT_NEAR(ci.low, -0.0381, 5e-5);
  EXPECT_NEAR(ci.high, 0.1926, 5e-5);
}

TEST(Newcombe, SwappingTheArmsNegatesTheInterval) {
  const Interval ab = NewcombeDifference(30, 200, 45, 180), ba = NewcombeDifference(45, 180, 30, 200);
  EXPECT_DOUBLE_EQ(ab.low, -ba.high);
  EXPECT_DOUBLE_EQ(ab.high, -ba.low);
}

// Newcombe (1998b), Statistics in Medicine 17:2635-2650, method 10 for paired proportions, on
// the paired table of Altman et al., Statistics with Confidence (2000), Table 6.2: (14, 5, 0, 22),
// D = 5/41 = 0.1220. The limits 0.0115 and 0.2265 were worked by hand from the published
// formula (AD - BC = 308 is first reduced by N/2 = 20.5); the
// book was not at hand to compare its printed digits.
TEST(Newcombe, PairedWorkedExample) {
  const Interval ci = NewcombePairedDifference(14, 5, 0, 22);
  EXPECT_NEAR(ci.low, 0.0115, 5e-5);
  EXPECT_NEAR(ci.high, 0.2265, 5e-5);
  // A negative AD - BC is used as it is: (36, 12, 2, 0), D = 0.2000, 0.0569 to 0.3404.
  const Interval negative = NewcombePairedDifference(36, 12, 2, 0);
  EXPECT_NEAR(negative.low, 0.0569, 5e-5);
  EXPECT_NEAR(negative.high, 0.3404, 5e-5);
}

// Runs paired by common random numbers mostly agree; that correlation narrows the interval of
// the difference against treating the arms as independent.
TEST(Newcombe, PositiveCorrelationNarrowsThePairedInterval) {
  // 1000 pairs: 80 yes in both, 20 yes only in A, 5 only in B: A 10.0%, B 8.5%.
  const Interval paired = NewcombePairedDifference(80, 20, 5, 895);
  const Interval unpaired = NewcombeDifference(100, 1000, 85, 1000);
  EXPECT_NEAR(paired.low + paired.high, unpaired.low + unpaired.high, 0.01);  // both around 1.5 points
  EXPECT_LT(paired.high - paired.low, 0.5 * (unpaired.high - unpaired.low));
  EXPECT_GT(paired.low, 0);       // the paired design sees the difference
  EXPECT_LT(unpaired.low, 0);     // the unpaired one cannot
}

// Student's t from Boost.Math: t(0.975, 10) = 2.228139, t(0.975, 198) = 1.972017.
TEST(MeanDifference, TIntervals) {
  Interval ci = PairedMeanInterval(0, 1, 11);
  EXPECT_NEAR(ci.high, 2.228139 / std::sqrt(11.0), 1e-6);
  EXPECT_NEAR(ci.low, -ci.high, 1e-12);
  ci = WelchDifference(10, 2, 100, 9, 2, 100);  // df 198, standard error sqrt(0.08)
  EXPECT_NEAR(ci.low, 1 - 1.972017 * std::sqrt(0.08), 1e-5);
  EXPECT_NEAR(ci.high, 1 + 1.972017 * std::sqrt(0.08), 1e-5);
  ci = WelchDifference(3, 0, 50, 3, 0, 50);  // no spread: the difference exactly
  EXPECT_EQ(ci.low, 0);
  EXPECT_EQ(ci.high, 0);
}

// Two forecasts of the small scenario, the second with more aggressive hawks, run in step with
// the same seeds (300 runs, seed 4): every outcome appears once with both values; paired
// intervals are never wider than the independent ones for the yes/no outcomes with changes.
TEST(Compare, PairedForecastsOfTheSmallScenario) {
  Result<Scenario> a = LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml");
  ASSERT_TRUE(a.ok()) << a.message();
  ForecastOptions options;
  options.seed = 4;
  options.runs = 300;
  options.threads = 2;
  options.progress = false;
  PairedRuns paired(EmptyForecast(a.value(), 1));
  Result<ForecastPair> pair = RunForecastPair(a.value(), options, a.value(), options,
                                              [&](const RunOutcome& x, const RunOutcome& y) { paired.Add(x, y); });
  ASSERT_TRUE(pair.ok()) << pair.message();
  Result<Comparison> c = CompareForecasts(ForecastJson(a.value(), pair.value().a, options), "a",
                                          ForecastJson(a.value(), pair.value().b, options), "b", &paired);
  ASSERT_TRUE(c.ok()) << c.message();
  ASSERT_FALSE(c.value().rows.empty());
  // The same scenario and seeds twice: every run pairs with itself, so no difference at all.
  for (const ComparisonRow& row : c.value().rows) {
    EXPECT_TRUE(row.in_a && row.in_b) << row.id;
    EXPECT_EQ(row.difference, 0) << row.id;
    EXPECT_FALSE(row.differs) << row.id;
    if (row.binary) {
      ASSERT_TRUE(row.paired_ci.has_value()) << row.id;
      EXPECT_LE(row.paired_ci->high - row.paired_ci->low, row.ci.high - row.ci.low + 1e-12) << row.id;
    }
  }
  EXPECT_NE(ComparisonText(c.value()).find("B - A"), std::string::npos);
}

TEST(Compare, BadDocumentsAreNamed) {
  Result<Comparison> c = CompareForecasts("{", "first.json", "{}", "second.json");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.message().find("first.json: not valid JSON"), std::string::npos) << c.message();
  c = CompareForecasts(R"({"provenance": {"scenario": "x", "runs": 3}, "binary": [{"id": 1}]})", "a.json",
                       "{}", "b.json");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.message().find("a.json"), std::string::npos) << c.message();
  EXPECT_NE(c.message().find("/binary/0/id should be a string"), std::string::npos) << c.message();
}

}  // namespace
}  // namespace brink
