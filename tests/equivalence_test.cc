// Statistical equivalence of the engine with the reference engine (issue 22). A change that
// alters the random draws (waiting times instead of daily coin flips, another Poisson sampler)
// must leave every per-run outcome's distribution as it was. The reference is the engine before
// such a change: tests/data/equivalence/*.csv, made by make.sh there (its header names the
// commit), seed 1. The engine built now runs the same worlds from seed 2, and each outcome column
// is compared (tests/equivalence.h): chi-square for few-valued outcomes, Kolmogorov-Smirnov for
// the rest, at a Bonferroni-corrected family level kFamilyAlpha over the three worlds' tests.
//
// Calibration (Equivalence.DISABLED_SelfCalibration, run with --gtest_also_run_disabled_tests
// on an engine that gives the reference's runs byte for byte): that engine from seeds 3-12
// against the reference, 30 comparisons of a world, gave Bonferroni-adjusted p-values from 0.10
// (default scenario, seed 3) up to 1, median 0.9; a world fails below kFamilyAlpha / 3 = 3.3e-4,
// so the test is far from rejecting the engine that made the reference (at most one false
// alarm in 1,000 by construction; the conservative tests make it rarer). Equivalence.DetectsAChangedRule shows the test has teeth: combat 10%
// deadlier in the small world fails it by orders of magnitude.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "brink/scenario.h"
#include "tests/cli_support.h"
#include "tests/equivalence.h"

namespace brink {
namespace {

constexpr uint64_t kSeed = 2;  // the reference files are seed 1
constexpr double kFamilyAlpha = 1e-3;
constexpr int kWorlds = 3;

struct World {
  const char* name;      // tests/data/equivalence/<name>.csv
  const char* scenario;  // an embedded scenario, or a file under the source tree
  int64_t runs;          // as many as the reference has
};
constexpr World kDefault{"default", "eastern-syria-2017", 1000};
constexpr World kSmall{"small", "tests/data/small.toml", 2000};
constexpr World kIdlib{"idlib", "idlib-2020", 2000};

Scenario LoadWorld(const World& world, const std::vector<std::string>& overrides = {}) {
  const std::string name = world.scenario;
  Result<Scenario> s = name.ends_with(".toml") ? LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/" + name, overrides)
                                               : LoadEmbeddedScenario(name, overrides);
  if (!s.ok()) throw std::runtime_error(s.message());
  return s.take();
}

RunsTable Reference(const World& world) {
  const std::string text = test::ReadFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/equivalence/" + world.name + ".csv");
  RunsTable table = ParseRunsCsv(text);
  EXPECT_EQ(static_cast<int64_t>(table.rows.size()), world.runs) << world.name;
  return table;
}

// Prints the table of one world's comparisons; returns the smallest p-value times the number
// of tests (the Bonferroni-adjusted p of the family), or 1 if nothing was tested.
double Report(const char* what, const std::vector<ColumnComparison>& comparisons) {
  int tested = 0;
  double smallest = 1;
  std::printf("  %s:\n  %-36s %-4s %10s %10s\n", what, "outcome", "test", "statistic", "p");
  for (const ColumnComparison& c : comparisons) {
    if (!c.tested) continue;
    ++tested;
    smallest = std::min(smallest, c.result.p);
    std::printf("  %-36s %-4s %10.4g %10.3g\n", c.column.c_str(), c.categorical ? "chi2" : "KS", c.result.statistic, c.result.p);
  }
  const double adjusted = std::min(1.0, smallest * tested);
  std::printf("  %s: %d tests, smallest p %.3g, Bonferroni-adjusted %.3g\n", what, tested, smallest, adjusted);
  return adjusted;
}

// Every outcome of the world, from kSeed, against the reference: the family's share of the
// level for this world is kFamilyAlpha / kWorlds.
void ExpectSameDistribution(const World& world) {
  const std::vector<ColumnComparison> comparisons = Compare(Reference(world), RunsOf(LoadWorld(world), kSeed, world.runs));
  const double adjusted = Report(world.name, comparisons);
  EXPECT_GE(adjusted, kFamilyAlpha / kWorlds) << world.name << ": an outcome's distribution differs from the reference";
}

TEST(Equivalence, DefaultScenarioOutcomesMatchTheReference) { ExpectSameDistribution(kDefault); }
TEST(Equivalence, SmallValleyOutcomesMatchTheReference) { ExpectSameDistribution(kSmall); }
TEST(Equivalence, IdlibOutcomesMatchTheReference) { ExpectSameDistribution(kIdlib); }

TEST(Equivalence, DetectsAChangedRule) {
  // The small world with combat 10% deadlier (attrition_rate 0.022 instead of 0.02).
  const std::vector<ColumnComparison> comparisons =
      Compare(Reference(kSmall), RunsOf(LoadWorld(kSmall, {"rules.attrition_rate=0.022"}), kSeed, kSmall.runs));
  EXPECT_LT(Report("small, attrition_rate 0.022", comparisons), kFamilyAlpha / kWorlds / 100);
}

TEST(Equivalence, DISABLED_SelfCalibration) {
  // Ten other seeds against the reference: on the engine that made the reference, these are
  // draws of the test's statistic under the null.
  for (const World& world : {kDefault, kSmall, kIdlib}) {
    const RunsTable reference = Reference(world);
    const Scenario s = LoadWorld(world);
    for (uint64_t seed = 3; seed < 13; ++seed) {
      const double adjusted = Report(world.name, Compare(reference, RunsOf(s, seed, world.runs)));
      std::printf("CALIBRATION %s seed %llu: Bonferroni-adjusted p %.3g\n", world.name, static_cast<unsigned long long>(seed), adjusted);
    }
  }
}

}  // namespace
}  // namespace brink
