// The command line's contract: `brink check` prints a summary and exits 0 on a valid scenario,
// names file:line:column on stderr and exits 2 on a broken one; bad flags exit non-zero with a
// message; every --help exits 0 and lists its options. Runs the built binary (BRINK_CLI).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "cli_support.h"

using namespace brink::test;  // NOLINT: the helpers are this file's vocabulary

namespace {

TEST(CheckCommand, ValidScenarioExitsZeroAndPrintsTheCounts) {
  Outcome o = RunBrink("check tests/data/small.toml");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "tests/data/small.toml: OK")) << o.out;
  EXPECT_TRUE(Contains(o.out, "Small valley")) << o.out;
  EXPECT_TRUE(Contains(o.out, "3 blocs, 4 actors, 2 factions, 5 regions, 5 edges, 5 forces")) << o.out;
  EXPECT_TRUE(Contains(o.out, "1 corridors, 3 objectives, 1 exposures, 1 zones, 6-rung ladder")) << o.out;
  EXPECT_TRUE(Contains(o.out, "bloc blue: blue_army, blue_militia")) << o.out;
  EXPECT_EQ(o.err, "");
}

TEST(CheckCommand, DefaultScenarioChecksWithoutAFile) {
  Outcome o = RunBrink("check");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, ": OK")) << o.out;
}

TEST(CheckCommand, MalformedFileExitsTwoWithItsPositionOnStderr) {
  ScratchDir scratch;
  const fs::path path = scratch.path() / "broken.toml";
  std::string text = ReadFile(fs::path(BRINK_SOURCE_DIR) / "tests/data/small.toml");
  const std::string from = "resolve = 0.8";
  std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "resolve = 1.5");
  std::ofstream(path, std::ios::binary) << text;
  // The error points at the value 1.5: its line, and column 11 ("resolve = " is 10 characters).
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  const std::string where = path.string() + ":" + std::to_string(line) + ":11: ";

  Outcome o = RunBrink("check " + Quote(path.string()));
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err.rfind(where, 0), 0u) << "stderr: " << o.err << "expected it to start with " << where;
  EXPECT_TRUE(Contains(o.err, "expected a number in [0, 1]")) << o.err;
  EXPECT_FALSE(Contains(o.out, "OK")) << o.out;
}

TEST(CheckCommand, SyntaxErrorExitsTwo) {
  ScratchDir scratch;
  const fs::path path = scratch.path() / "fuzz.toml";
  std::ofstream(path, std::ios::binary) << "[&";
  Outcome o = RunBrink("check " + Quote(path.string()));
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err.rfind(path.string() + ":1:2: syntax error", 0), 0u) << o.err;
}

TEST(CheckCommand, MissingFileExitsTwo) {
  Outcome o = RunBrink("check tests/data/no-such-scenario.toml");
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "tests/data/no-such-scenario.toml: cannot open the scenario file")) << o.err;
}

TEST(CheckCommand, NonNumericSeedIsRefusedWithAMessage) {
  Outcome o = RunBrink("run --seed abc");
  EXPECT_NE(o.status, 0);
  EXPECT_NE(o.status, -1);
  EXPECT_TRUE(Contains(o.err, "--seed")) << o.err;
  EXPECT_TRUE(Contains(o.err, "abc")) << o.err;
}

TEST(CheckCommand, HelpListsTheSubcommands) {
  Outcome o = RunBrink("--help");
  EXPECT_EQ(o.status, 0) << o.err;
  for (const char* word : {"run", "check", "forecast", "--version", "--help"}) {
    EXPECT_TRUE(Contains(o.out, word)) << "no '" << word << "' in:\n" << o.out;
  }
}

TEST(CheckCommand, RunHelpListsItsOptions) {
  Outcome o = RunBrink("run --help");
  EXPECT_EQ(o.status, 0) << o.err;
  for (const char* option : {"--seed", "--days", "--json", "--no-narrative", "--scenario", "--set"}) {
    EXPECT_TRUE(Contains(o.out, option)) << "no '" << option << "' in:\n" << o.out;
  }
}

TEST(CheckCommand, CheckHelpNamesItsFileArgument) {
  Outcome o = RunBrink("check --help");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "FILE")) << o.out;
  EXPECT_TRUE(Contains(o.out, "file:line:column")) << o.out;
}

}  // namespace

// ---- Output files: checked before any work, written whole or not at all (issue: robustness).


TEST(Outputs, UnwritableJsonPathFailsBeforeAnyWork) {
  // A million runs would take minutes: the error must come first, and fast.
  Outcome o = RunBrink("forecast -n 1000000 --no-progress --json /nonexistent-brink-dir/f.json");
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "/nonexistent-brink-dir/f.json")) << o.err;
  EXPECT_TRUE(Contains(o.err, "does not exist")) << o.err;
  EXPECT_EQ(o.out, "");
}

TEST(Outputs, JsonPathThatIsADirectoryIsRefused) {
  ScratchDir scratch;
  Outcome o = RunBrink("run --days 5 --json " + Quote(scratch.path().string()));
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "is a directory")) << o.err;
}

TEST(Outputs, RunJsonIsWholeAndLeavesNoTemporaryFile) {
  ScratchDir scratch;
  const fs::path json = scratch.path() / "run.jsonl";
  Outcome o = RunBrink("run --days 30 --no-narrative --json " + Quote(json.string()));
  ASSERT_EQ(o.status, 0) << o.err;
  const std::string text = ReadFile(json);
  EXPECT_EQ(text.rfind("{\"brink_version\"", 0), 0u) << text.substr(0, 80);
  EXPECT_TRUE(Contains(text, "\"type\":\"end_state\"")) << "the end state closes the file";
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(FilesIn(scratch.path()), 1u) << "only the output itself is left";
}

TEST(Outputs, InterruptedForecastLeavesNoPartialFileAndSaysSo) {
  // SIGTERM a forecast that would run for hours, a second after it starts (the scenario loads
  // in milliseconds, so the signal handler is in place): it must stop, say so, exit 130 and
  // leave nothing in the output directory.
  ScratchDir scratch;
  const fs::path json = scratch.path() / "forecast.json";
  const fs::path log = scratch.path().parent_path() /
                       ("brink-interrupt-" + std::to_string(::getpid()) + ".txt");
  const std::string command = "cd " + Quote(BRINK_SOURCE_DIR) + " && (" + Quote(BRINK_CLI) +
                              " forecast -n 100000000 --no-progress --json " + Quote(json.string()) +
                              " >/dev/null 2>" + Quote(log.string()) +
                              " & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo \"exit $?\" >>" +
                              Quote(log.string()) + ")";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string report = ReadFile(log);
  fs::remove(log);
  EXPECT_TRUE(Contains(report, "interrupted")) << report;
  EXPECT_TRUE(Contains(report, "no output file was written")) << report;
  EXPECT_TRUE(Contains(report, "exit 130")) << report;
  EXPECT_EQ(FilesIn(scratch.path()), 0u);
}

TEST(Outputs, OutOfRangeCommandLineValuesAreRefused) {
  for (const char* args : {"forecast --runs 0", "forecast --runs 1000000000", "forecast --threads -1",
                           "run --days 0", "run --days 100000", "forecast --days 20001"}) {
    Outcome o = RunBrink(args);
    EXPECT_NE(o.status, 0) << args;
    EXPECT_FALSE(o.err.empty()) << args;
  }
}
