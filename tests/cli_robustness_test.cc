// Issue 21, the command line as an attacker or a careless script drives it: score's outputs
// are written as safely as forecast's, spreadsheets never run a cell, standard output carries
// one thing whole, Ctrl-C leaves nothing partial, the same file is never two things at once,
// and what makes no sense is refused before any work. Runs the built binary (BRINK_CLI).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/cli_support.h"

namespace {

using namespace brink::test;  // NOLINT: the test helpers

const std::string kSmall = "--scenario tests/data/small.toml --observations tests/data/small-observations.toml";

TEST(ScoreOutputs, CsvIntoAPlantedSymlinkLeavesTheOtherFileAlone) {
  ScratchDir scratch;
  const fs::path csv = scratch.path() / "csv", victim = scratch.path() / "victim.txt";
  fs::create_directories(csv);
  std::ofstream(victim) << "precious\n";
  fs::create_symlink(victim, csv / "observations.csv");
  Outcome o = RunBrink("score " + kSmall + " -n 10 --no-progress --csv " + Quote(csv.string()));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(ReadFile(victim), "precious\n");
  EXPECT_FALSE(fs::is_symlink(csv / "observations.csv"));
  EXPECT_TRUE(Contains(ReadFile(csv / "observations.csv"), "town_held_by_red"));
  EXPECT_EQ(FilesIn(csv), 3u) << "written as one set";
}

TEST(ScoreOutputs, CsvFolderHoldingOtherFilesIsRefusedBeforeTheRuns) {
  ScratchDir scratch;
  const fs::path csv = scratch.path() / "csv";
  fs::create_directories(csv);
  std::ofstream(csv / "notes.txt") << "mine\n";
  Outcome o = RunBrink("score " + kSmall + " -n 100000000 --no-progress --csv " + Quote(csv.string()));
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "notes.txt")) << o.err;
  EXPECT_EQ(o.out, "");
}

TEST(ScoreOutputs, FormulaLabelsAreNeutralisedInScoreAndForecastCsv) {
  ScratchDir scratch;
  const fs::path obs = scratch.path() / "obs.toml", csv = scratch.path() / "csv";
  std::ofstream(obs) << "[[observation]]\nid = \"w\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = false\n"
                        "label = \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"\nsource = \"@SUM(A1)\"\n";
  Outcome o = RunBrink("score --scenario tests/data/small.toml -n 10 --no-progress --observations " +
                       Quote(obs.string()) + " --csv " + Quote(csv.string()));
  ASSERT_EQ(o.status, 0) << o.err;
  const std::string table = ReadFile(csv / "observations.csv");
  EXPECT_TRUE(Contains(table, "\"'=HYPERLINK(")) << table;
  EXPECT_TRUE(Contains(table, "\"'@SUM(A1)\"")) << table;
  EXPECT_FALSE(Contains(table, ",\"=")) << table;

  const fs::path toml = scratch.path() / "s.toml", fcsv = scratch.path() / "fcsv";
  std::string text = ReadFile(fs::path(BRINK_SOURCE_DIR) / "tests/data/small.toml");
  text.replace(text.find("id = \"west\"\n"), 12, "id = \"west\"\nname = \"+cmd|' /C calc'!A0\"\n");
  std::ofstream(toml) << text;
  Outcome f = RunBrink("forecast -n 5 --no-progress --scenario " + Quote(toml.string()) + " --csv " +
                       Quote(fcsv.string()));
  ASSERT_EQ(f.status, 0) << f.err;
  EXPECT_TRUE(Contains(ReadFile(fcsv / "regions.csv"), "\"'+cmd|' /C calc'!A0\""));
}

TEST(ScoreOutputs, FullStandardOutputIsAnError) {
  Outcome o = RunScript("\"$B\" score " + kSmall + " -n 10 --no-progress > /dev/full");
  EXPECT_EQ(o.status, 1);
  EXPECT_TRUE(Contains(o.err, "brink score")) << o.err;
}

TEST(ScoreOutputs, InterruptStopsWithinADayAndWritesNothing) {
  // 2,048 runs are one block (seconds on one thread); the signal comes half a second in.
  // Before, it was ignored to the end of the block: the JSON was written and the exit was 0.
  ScratchDir scratch;
  const fs::path json = scratch.path() / "s.json";
  std::ofstream(json) << "previous\n";
  Outcome o = RunScript("\"$B\" score -n 2048 -j 1 --no-progress --json " + Quote(json.string()) +
                        " >/dev/null & pid=$!; sleep 0.5; kill -INT $pid; wait $pid");
  EXPECT_EQ(o.status, 130) << o.err;
  EXPECT_EQ(ReadFile(json), "previous\n");
  EXPECT_EQ(FilesIn(scratch.path()), 1u);
}

TEST(ScoreOutputs, JsonToStandardOutputIsTheJsonAlone) {
  Outcome o = RunBrink("score " + kSmall + " -n 10 --no-progress --json -");
  ASSERT_EQ(o.status, 0) << o.err;
  ASSERT_FALSE(o.out.empty());
  EXPECT_EQ(o.out.front(), '{') << o.out.substr(0, 200);
  EXPECT_FALSE(Contains(o.out, "Totals"));
}

TEST(ScoreOutputs, TerminalEscapesInALabelAreShownEscaped) {
  ScratchDir scratch;
  const fs::path obs = scratch.path() / "obs.toml";
  std::ofstream(obs) << "[[observation]]\nid = \"w\"\nkind = \"war\"\ndate = \"2020-02-01\"\nobserved = false\n"
                        "label = \"War \\u001b[31mred\"\nsource = \"s\"\n";
  Outcome o = RunBrink("score --scenario tests/data/small.toml -n 10 --no-progress --observations " +
                       Quote(obs.string()));
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_FALSE(Contains(o.out, "\x1b")) << "raw escape";
  EXPECT_TRUE(Contains(o.out, "\\x1b[31mred")) << o.out;
}

TEST(ScoreOutputs, ScenarioFromAPipeIsReadOnce) {
  ScratchDir scratch;
  const fs::path path = scratch.path() / "with-observations.toml";
  std::ofstream(path, std::ios::binary)
      << ReadFile(fs::path(BRINK_SOURCE_DIR) / "tests/data/small.toml")
      << "\n[[observation]]\nid = \"no_war\"\nkind = \"war\"\ndate = \"2020-02-01\"\n"
         "observed = false\nsource = \"made up\"\n";
  Outcome o = RunScript("cat " + Quote(path.string()) + " | \"$B\" score -n 10 --no-progress --scenario /dev/stdin");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "(1 observations)")) << o.out;
}

TEST(ScoreOutputs, NumbersAndPathsAreCheckedAsForecastChecksThem) {
  for (const std::string args : {"--seed -1", "-n 0x10", "--seed 1e23", "--csv -", "--csv ''", "--json ''"}) {
    Outcome o = RunBrink("score " + kSmall + " --no-progress " + args);
    EXPECT_EQ(o.status, 2) << args << ": " << o.err;
    EXPECT_EQ(o.out, "") << args;
  }
  Outcome f = RunBrink("forecast -n 10 --no-progress --csv -");
  EXPECT_EQ(f.status, 2) << f.err;
  EXPECT_TRUE(Contains(f.err, "standard output")) << f.err;
}

TEST(ScoreOutputs, ObservationsFromStandardInput) {
  Outcome o = RunScript("\"$B\" score --scenario tests/data/small.toml -n 10 --no-progress --observations - "
                        "< tests/data/small-observations.toml");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "standard input")) << o.out;
}

TEST(ScoreOutputs, NoYesNoObservationMeansNoMeanBrier) {
  ScratchDir scratch;
  const fs::path obs = scratch.path() / "obs.toml", json = scratch.path() / "s.json", csv = scratch.path() / "csv";
  std::ofstream(obs) << "[[observation]]\nid = \"losses\"\nkind = \"casualties\"\nof = \"red_army\"\n"
                        "from = \"2020-01-02\"\nto = \"2020-02-01\"\nobserved = 10\nsource = \"s\"\n";
  Outcome o = RunBrink("score --scenario tests/data/small.toml -n 10 --no-progress --observations " +
                       Quote(obs.string()) + " --json " + Quote(json.string()) + " --csv " + Quote(csv.string()));
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(ReadFile(json), "\"mean_brier\": null")) << ReadFile(json);
  EXPECT_TRUE(Contains(ReadFile(csv / "totals.csv"), "mean_brier,\n")) << ReadFile(csv / "totals.csv");
}

TEST(ScoreOutputs, AWarOfABlocWithItselfIsRefused) {
  ScratchDir scratch;
  const fs::path obs = scratch.path() / "obs.toml";
  std::ofstream(obs) << "[[observation]]\nid = \"w\"\nkind = \"war\"\nbetween = [\"blue\", \"blue\"]\n"
                        "date = \"2020-02-01\"\nobserved = false\nsource = \"s\"\n";
  Outcome o = RunBrink("score --scenario tests/data/small.toml -n 10 --no-progress --observations " +
                       Quote(obs.string()));
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "at war with itself")) << o.err;
}

TEST(Outputs, TheSameFileAsTwoOutputsOrAsTheInputIsRefusedBeforeAnyWork) {
  ScratchDir scratch;
  const fs::path f = scratch.path() / "f.json", x = scratch.path() / "x";
  Outcome saved = RunBrink("forecast -n 5 --no-progress --scenario tests/data/small.toml --json " + Quote(f.string()));
  ASSERT_EQ(saved.status, 0) << saved.err;
  const std::string before = ReadFile(f);
  Outcome report = RunBrink("report " + Quote(f.string()) + " -o " + Quote(f.string()));
  EXPECT_EQ(report.status, 2);
  EXPECT_TRUE(Contains(report.err, "same file")) << report.err;
  EXPECT_EQ(ReadFile(f), before);
  Outcome compare = RunBrink("compare -n 100000000 --no-progress --set rules.signalling=false --report " +
                             Quote(x.string()) + " --runs-csv " + Quote(x.string()));
  EXPECT_EQ(compare.status, 2);
  EXPECT_TRUE(Contains(compare.err, "same file")) << compare.err;
  Outcome forecast = RunBrink("forecast -n 100000000 --no-progress --json " + Quote(x.string()) + " --report " +
                              Quote(x.string()));
  EXPECT_EQ(forecast.status, 2);
  Outcome score = RunBrink("score " + kSmall + " -n 10 --no-progress --json tests/data/small-observations.toml");
  EXPECT_EQ(score.status, 2);
  EXPECT_TRUE(Contains(score.err, "the input")) << score.err;
}

TEST(Outputs, TheLongestFileNameIsWrittenOrRefusedBeforeTheRuns) {
  // 255 bytes is the most a folder allows; the temporary name beside it once was longer, so the
  // write failed after the whole run.
  ScratchDir scratch;
  const fs::path json = scratch.path() / (std::string(250, 'f') + ".json");
  Outcome o = RunBrink("forecast -n 5 --no-progress --scenario tests/data/small.toml --json " + Quote(json.string()));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(fs::exists(json));
  ScratchDir sets;
  const fs::path csv = sets.path() / std::string(255, 'c');
  Outcome c = RunBrink("score " + kSmall + " -n 5 --no-progress --csv " + Quote(csv.string()));
  EXPECT_EQ(c.status, 0) << c.err;
  EXPECT_EQ(FilesIn(csv), 3u);
}

TEST(Compare, ForecastsOfDifferentHorizonsOrScenariosAreRefused) {
  ScratchDir scratch;
  const fs::path a = scratch.path() / "a.json", b = scratch.path() / "b.json", c = scratch.path() / "c.json";
  ASSERT_EQ(RunBrink("forecast -n 5 --days 10 --no-progress --scenario tests/data/small.toml --json " + Quote(a.string())).status, 0);
  ASSERT_EQ(RunBrink("forecast -n 5 --days 20 --no-progress --scenario tests/data/small.toml --json " + Quote(b.string())).status, 0);
  ASSERT_EQ(RunBrink("forecast -n 5 --days 10 --no-progress --json " + Quote(c.string())).status, 0);
  Outcome horizons = RunBrink("compare " + Quote(a.string()) + " " + Quote(b.string()));
  EXPECT_EQ(horizons.status, 2);
  EXPECT_TRUE(Contains(horizons.err, "same horizon")) << horizons.err;
  Outcome scenarios = RunBrink("compare " + Quote(a.string()) + " " + Quote(c.string()));
  EXPECT_EQ(scenarios.status, 2);
  EXPECT_TRUE(Contains(scenarios.err, "same scenario")) << scenarios.err;
  Outcome same = RunBrink("compare " + Quote(a.string()) + " " + Quote(a.string()));
  EXPECT_EQ(same.status, 0) << same.err;
}

TEST(Compare, BothFromStandardInputIsAnError) {
  Outcome o = RunScript("echo '{}' | \"$B\" compare - -");
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "standard input")) << o.err;
}

TEST(Commands, RepeatedPolicyForOneActorIsAnError) {
  Outcome o = RunBrink("forecast -n 5 --no-progress --policy us=hold --policy us=doctrine");
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "given a policy already")) << o.err;
}

TEST(Commands, UnknownSubcommandIsAnErrorEvenWithHelp) {
  for (const std::string args : {"simulate --help", "simulate", "--help simulate"}) {
    Outcome o = RunBrink(args);
    EXPECT_EQ(o.status, 2) << args;
    EXPECT_TRUE(Contains(o.err, "'simulate' is not a command")) << o.err;
    EXPECT_TRUE(Contains(o.err, "forecast")) << o.err;
    EXPECT_TRUE(Contains(o.err, "score")) << o.err;
  }
  Outcome help = RunBrink("score --help");
  EXPECT_EQ(help.status, 0);
  Outcome main_help = RunBrink("--help");
  EXPECT_EQ(main_help.status, 0);
}

}  // namespace
