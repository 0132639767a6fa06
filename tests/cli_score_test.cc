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

namespace brink {
namespace {

// Embedded scenarios by name: eastern-syria-2018 runs and forecasts like a file would, but has
// no record to score against (2018 is held out), and says so; idlib-2020 carries its record.
TEST(ScoreCommand, EmbeddedScenariosByNameAndTheirRecords) {
  Outcome run = RunBrink("run --scenario eastern-syria-2018 --days 30");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(Contains(run.out, "Eastern Syria standoff, January 2018")) << run.out.substr(0, 200);
  EXPECT_TRUE(Contains(run.out, "from 2018-01-01")) << run.out.substr(0, 200);
  Outcome score = RunBrink("score --scenario eastern-syria-2018 --runs 10");
  EXPECT_EQ(score.status, 2);
  EXPECT_TRUE(Contains(score.err, "the embedded scenario 'eastern-syria-2018' has no record to score against")) << score.err;
  EXPECT_TRUE(Contains(score.err, "--observations FILE")) << score.err;
  Outcome idlib = RunBrink("score --scenario idlib-2020 --runs 20");
  EXPECT_EQ(idlib.status, 0) << idlib.err;
  EXPECT_TRUE(Contains(idlib.out, "<idlib-2020-observations.toml>")) << idlib.out.substr(0, 300);
  Outcome check = RunBrink("check eastern-syria-2018");
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_TRUE(Contains(check.out, "<eastern-syria-2018.toml>: OK")) << check.out;
  // Not a name: a file, and a missing file is named as one.
  Outcome missing = RunBrink("check eastern-syria-2019");
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(Contains(missing.err, "eastern-syria-2019: cannot open")) << missing.err;
  Outcome help = RunBrink("forecast --help");
  EXPECT_TRUE(Contains(help.out, "eastern-syria-2017, eastern-syria-2018, idlib-2020")) << help.out;
}

}  // namespace
}  // namespace brink
