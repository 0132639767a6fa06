// `brink score`'s contract: with no arguments it scores the default scenario against the
// embedded 2017 record; each malformed observation is reported as file:line:column on stderr
// with exit 2; --json and --csv are written with provenance. Runs the built binary (BRINK_CLI).
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/cli_support.h"

namespace {

using namespace brink::test;  // NOLINT: the test helpers

// One malformed observation per case: its position and what was expected.
struct BadObservation {
  std::string body, where, expected;
};

TEST(ScoreCommand, EachMalformedObservationExitsTwoWithItsPosition) {
  const std::vector<BadObservation> cases = {
      {"id = \"a\"\nkind = \"held\"\nregion = \"nowhere\"\nby = \"red\"\ndate = "
       "\"2020-02-01\"\nobserved = true\nsource = \"s\"",
       ":4:10: ", "not a region of the scenario"},
      {"id = \"a\"\nkind = \"war\"\ndate = \"2020-13-01\"\nobserved = true\nsource = \"s\"",
       ":4:8: ", "expected YYYY-MM-DD"},
      {"id = \"a\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = \"no\"\nsource = \"s\"",
       ":5:12: ", "must be true or false"},
      {"id = \"a\"\nkind = \"count\"\nevents = [\"strike\"]\nfrom = \"2020-01-02\"\nto = "
       "\"2020-02-01\"\nobserved = 1",
       ":1:1: ", "missing key 'source'"},
      {"id = \"a\"\nkind = \"ceasefire\"\nsource = \"s\"", ":3:8: ", "unknown kind 'ceasefire'"},
  };
  for (const BadObservation& c : cases) {
    ScratchDir scratch;
    const fs::path path = scratch.path() / "obs.toml";
    std::ofstream(path, std::ios::binary) << "[[observation]]\n" << c.body << "\n";
    Outcome o = RunBrink("score --scenario tests/data/small.toml --runs 10 --observations " +
                         Quote(path.string()));
    EXPECT_EQ(o.status, 2) << c.body;
    EXPECT_EQ(o.err.rfind(path.string() + c.where, 0), 0u) << "stderr: " << o.err;
    EXPECT_TRUE(Contains(o.err, c.expected)) << o.err;
    EXPECT_EQ(o.out, "");
  }
}

TEST(ScoreCommand, ScenarioWithoutObservationsAsksForAFile) {
  Outcome o = RunBrink("score --scenario tests/data/small.toml --runs 10");
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "--observations FILE")) << o.err;
}

TEST(ScoreCommand, DefaultScenarioAgainstTheRecordWithJsonAndCsv) {
  ScratchDir scratch;
  const fs::path json = scratch.path() / "score.json", csv = scratch.path() / "csv";
  Outcome o = RunBrink("score --runs 100 --threads 2 --no-progress --json " + Quote(json.string()) +
                       " --csv " + Quote(csv.string()));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "Brier skill score")) << o.out;
  EXPECT_TRUE(Contains(o.out, "Albu Kamal held by resistance")) << o.out;
  EXPECT_TRUE(Contains(o.out, "Reliability")) << o.out;
  const std::string j = ReadFile(json);
  for (const char* key : {"\"observations_hash\"", "\"scenario_hash\"", "\"seed\"", "\"runs\": 100",
                          "\"brier_skill_persistence\"", "\"reliability\"", "\"source\""}) {
    EXPECT_TRUE(Contains(j, key)) << key;
  }
  EXPECT_TRUE(Contains(ReadFile(csv / "observations.csv"), "albu_kamal_resistance_end"));
  EXPECT_TRUE(Contains(ReadFile(csv / "totals.csv"), "mean_brier,"));
  EXPECT_TRUE(Contains(ReadFile(csv / "reliability.csv"), "bin_low,bin_high"));
}

TEST(ScoreCommand, SmallScenarioWithItsObservationsFile) {
  Outcome o = RunBrink(
      "score --scenario tests/data/small.toml --observations "
      "tests/data/small-observations.toml --runs 50 --no-progress");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "7 observations")) << o.out;
  EXPECT_TRUE(Contains(o.out, "3 yes/no")) << o.out;
  EXPECT_TRUE(Contains(o.out, "4 numbers")) << o.out;
}

TEST(ScoreCommand, ScenarioFileCarryingItsObservations) {
  ScratchDir scratch;
  const fs::path path = scratch.path() / "with-observations.toml";
  std::ofstream(path, std::ios::binary)
      << ReadFile(fs::path(BRINK_SOURCE_DIR) / "tests/data/small.toml")
      << "\n[[observation]]\nid = \"no_war\"\nkind = \"war\"\ndate = \"2020-02-01\"\n"
         "observed = false\nsource = \"made up\"\n";
  Outcome check = RunBrink("check " + Quote(path.string()));
  EXPECT_EQ(check.status, 0) << check.err;
  Outcome o = RunBrink("score --runs 20 --no-progress --scenario " + Quote(path.string()));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "(1 observations)")) << o.out;
  EXPECT_TRUE(Contains(o.out, "1 yes/no")) << o.out;
}

}  // namespace
