// What a careful user of the command line may rely on (issue 15): outputs go where they are
// named and nowhere else, standard streams that are closed or full are reported, numbers are
// taken only when they mean what they say, and nothing printed can drive the terminal.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "cli_support.h"

using namespace brink::test;  // NOLINT: the helpers are this file's vocabulary

namespace {

TEST(CliOutputs, PlantedTemporarySymlinkDoesNotRedirectTheJson) {
  ScratchDir scratch;
  const std::string dir = Quote(scratch.path().string());
  Outcome o = RunScript("cd " + dir + " && printf 'precious\\n' > victim.txt && "
                        "bash -c 'ln -s victim.txt out.json.tmp-$$; ln -s victim.txt .out.json.tmp-$$-0; "
                        "exec \"$0\" forecast -n 20 --no-progress --json out.json' \"$B\" >/dev/null");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(ReadFile(scratch.path() / "victim.txt"), "precious\n");
  EXPECT_TRUE(Contains(ReadFile(scratch.path() / "out.json"), "\"provenance\""));
}

TEST(CliOutputs, JsonToDashOrDevStdoutStreamsOnlyTheJson) {
  for (const char* target : {"-", "/dev/stdout"}) {
    Outcome o = RunBrink(std::string("run --days 5 --json ") + target);
    EXPECT_EQ(o.status, 0) << target << ": " << o.err;
    EXPECT_EQ(o.out.rfind("{\"brink_version\"", 0), 0u) << target << ": " << o.out.substr(0, 80);
    EXPECT_TRUE(Contains(o.out, "\"type\":\"end_state\"")) << target;
    EXPECT_FALSE(Contains(o.out, "End state after")) << target << ": no text mixed into the JSON";
    Outcome f = RunBrink(std::string("forecast -n 20 --no-progress --json ") + target);
    EXPECT_EQ(f.status, 0) << target << ": " << f.err;
    EXPECT_EQ(f.out.rfind("{", 0), 0u) << target;
    EXPECT_TRUE(Contains(f.out, "\"provenance\"")) << target;
  }
}

TEST(CliOutputs, FifoInATemporaryFolderIsStreamedAndStaysAFifo) {
  ScratchDir scratch;
  const std::string fifo = Quote((scratch.path() / "pipe").string());
  Outcome o = RunScript("mkfifo " + fifo + " && { cat " + fifo + " > " +
                        Quote((scratch.path() / "got").string()) + " & } && \"$B\" forecast -n 20 "
                        "--no-progress --json " + fifo + " >/dev/null; s=$?; wait; exit $s");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(ReadFile(scratch.path() / "got"), "\"provenance\""));
  struct stat info;
  ASSERT_EQ(lstat((scratch.path() / "pipe").c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
}

TEST(CliOutputs, ClosedStandardErrorIsNotACrash) {
  Outcome o = RunScript("\"$B\" check /nonexistent-brink.toml 2>&-");
  EXPECT_EQ(o.status, 2) << "was 134 (abort) when stderr was closed";
}

TEST(CliOutputs, FullStandardOutputIsReportedAndTheFilesAreStillWritten) {
  ScratchDir scratch;
  const std::string json = Quote((scratch.path() / "j.json").string());
  Outcome f = RunScript("\"$B\" forecast -n 20 --no-progress --json " + json + " > /dev/full");
  EXPECT_EQ(f.status, 1) << f.err;
  EXPECT_TRUE(Contains(f.err, "standard output")) << f.err;
  EXPECT_TRUE(Contains(ReadFile(scratch.path() / "j.json"), "\"provenance\""));
  Outcome r = RunScript("\"$B\" run --days 5 > /dev/full");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "No space left")) << r.err;
}

TEST(CliOutputs, NumbersThatDoNotFitOrAreNotPlainDecimalAreRefused) {
  for (const char* args : {"run --days 2 --seed -1", "run --days 2 --seed 18446744073709551616",
                           "run --days 2 --seed 1e23", "run --days 2 --seed 0x10",
                           "forecast -n 0x10", "forecast -n 1e3", "run --days +5"}) {
    Outcome o = RunBrink(args);
    EXPECT_EQ(o.status, 2) << args;
    EXPECT_TRUE(Contains(o.err, "decimal") || Contains(o.err, "out of range")) << args << ": " << o.err;
  }
  Outcome max = RunBrink("run --days 2 --no-narrative --seed 18446744073709551615");
  EXPECT_EQ(max.status, 0) << max.err;
}

TEST(CliOutputs, EmptyScenarioPathIsAnError) {
  Outcome o = RunBrink("run --days 2 --scenario ''");
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "empty")) << o.err;
  EXPECT_EQ(o.out, "");
}

TEST(CliOutputs, ScenarioPathThatIsNotUtf8StillGivesJsonAndCsv) {
  ScratchDir scratch;
  const fs::path scenario = scratch.path() / "bad\xff\xfe-name.toml";
  fs::copy_file(fs::path(BRINK_SOURCE_DIR) / "tests/data/small.toml", scenario);
  Outcome o = RunBrink("forecast -n 20 --no-progress --scenario " + Quote(scenario.string()) +
                       " --json " + Quote((scratch.path() / "f.json").string()) + " --csv " +
                       Quote((scratch.path() / "csv").string()));
  EXPECT_EQ(o.status, 0) << o.err;
  const std::string json = ReadFile(scratch.path() / "f.json");
  EXPECT_TRUE(Contains(json, "bad\xef\xbf\xbd\xef\xbf\xbd-name.toml")) << "invalid bytes become U+FFFD";
  EXPECT_TRUE(fs::exists(scratch.path() / "csv" / "binary.csv"));
  Outcome r = RunBrink("run --days 5 --scenario " + Quote(scenario.string()) + " --json " +
                       Quote((scratch.path() / "r.jsonl").string()));
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST(CliOutputs, ControlCharactersInNamesAreEscaped) {
  ScratchDir scratch;
  std::string text = ReadFile(fs::path(BRINK_SOURCE_DIR) / "tests/data/small.toml");
  const std::string name_line = "name = \"Small valley";
  const std::size_t at = text.find(name_line);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + name_line.size(), "\\u001b]0;owned\\u0007\\u001b[2J\\u0000\\u009b");
  const fs::path path = scratch.path() / "evil.toml";
  std::ofstream(path, std::ios::binary) << text;
  for (const char* command : {"check ", "run --days 3 --scenario ", "forecast -n 10 --no-progress --scenario "}) {
    Outcome o = RunBrink(command + Quote(path.string()));
    EXPECT_EQ(o.status, 0) << command << o.err;
    EXPECT_TRUE(Contains(o.out, "\\x1b]0;owned\\x07\\x1b[2J\\x00\\u009b")) << command << o.out.substr(0, 200);
    EXPECT_EQ(o.out.find('\x1b'), std::string::npos) << command;
    EXPECT_EQ(o.out.find('\0'), std::string::npos) << command;
  }
}

TEST(CliOutputs, FileSizeLimitLeavesThePreviousFileAndNoTemporaryFile) {
  ScratchDir scratch;
  const fs::path json = scratch.path() / "f.json";
  std::ofstream(json) << "previous\n";
  // 1 block of 512 bytes: the forecast's JSON (about 8 KB) cannot fit.
  Outcome o = RunScript("ulimit -f 1 && \"$B\" forecast -n 20 --no-progress --json " +
                        Quote(json.string()) + " >/dev/null");
  EXPECT_EQ(o.status, 1) << o.err;
  EXPECT_TRUE(Contains(o.err, "too large")) << o.err;
  EXPECT_EQ(ReadFile(json), "previous\n");
  EXPECT_EQ(FilesIn(scratch.path()), 1u);
  // brink run writes events as they happen: it stops at the first failed write.
  Outcome run = RunScript("ulimit -f 1 && \"$B\" run --no-narrative --json " + Quote(json.string()) +
                          " >/dev/null");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_TRUE(Contains(run.err, "too large")) << run.err;
  EXPECT_EQ(ReadFile(json), "previous\n");
  EXPECT_EQ(FilesIn(scratch.path()), 1u);
}

TEST(CliOutputs, InterruptionDuringTheLastBlockKeepsThePreviousOutput) {
  // 2,000 runs are a single block; 20,000 days each make it last minutes, so the signal,
  // sent half a second in, always arrives during it. Before, the block ran to its end, the
  // JSON was replaced and the exit status was 0.
  ScratchDir scratch;
  const fs::path json = scratch.path() / "to.json";
  std::ofstream(json) << "previous\n";
  Outcome o = RunScript("\"$B\" forecast -n 2000 --days 20000 --no-progress --json " +
                        Quote(json.string()) + " >/dev/null & pid=$!; sleep 0.5; kill -TERM $pid; "
                        "wait $pid");
  EXPECT_EQ(o.status, 130) << o.err;
  EXPECT_TRUE(Contains(o.err, "interrupted")) << o.err;
  EXPECT_EQ(ReadFile(json), "previous\n");
  EXPECT_EQ(FilesIn(scratch.path()), 1u);
}

TEST(CliOutputs, CsvFolderIsCheckedBeforeAnyWork) {
  ScratchDir scratch;
  const fs::path csv = scratch.path() / "csv";
  fs::create_directories(csv);
  std::ofstream(csv / "notes.txt") << "mine\n";
  const fs::path json = scratch.path() / "f.json";
  // A million runs would take minutes: the refusal must come first.
  Outcome o = RunBrink("forecast -n 1000000 --no-progress --json " + Quote(json.string()) +
                       " --csv " + Quote(csv.string()));
  EXPECT_EQ(o.status, 2);
  EXPECT_TRUE(Contains(o.err, "notes.txt")) << o.err;
  EXPECT_FALSE(fs::exists(json));
  Outcome missing = RunBrink("forecast -n 1000000 --no-progress --csv /nonexistent-brink-dir/csv");
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(Contains(missing.err, "does not exist")) << missing.err;
}

TEST(CliOutputs, CsvSetReplacesTheOldSetWhole) {
  ScratchDir scratch;
  const fs::path csv = scratch.path() / "csv";
  Outcome first = RunBrink("forecast -n 10 --no-progress --csv " + Quote(csv.string()));
  ASSERT_EQ(first.status, 0) << first.err;
  Outcome second = RunBrink("forecast -n 30 --no-progress --csv " + Quote(csv.string()));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(FilesIn(csv), 5u);
  EXPECT_TRUE(Contains(ReadFile(csv / "binary.csv"), ",30,")) << "the second forecast's runs";
  // The set says where it came from.
  const std::string provenance = ReadFile(csv / "provenance.csv");
  EXPECT_TRUE(Contains(provenance, "runs,\"30\"")) << provenance;
  EXPECT_TRUE(Contains(provenance, "scenario_hash,")) << provenance;
  EXPECT_EQ(FilesIn(scratch.path()), 1u) << "no temporary folder is left";
}

// A conditional outcome that never happened (no war in 5 days) has no mean, sd or quantiles:
// empty cells, not zeros that read as "war on day 0".
TEST(CliOutputs, ANeverHappenedOutcomeHasEmptyNumbers) {
  ScratchDir scratch;
  const fs::path csv = scratch.path() / "csv";
  Outcome o = RunBrink("forecast -n 5 --days 5 --no-progress --csv " + Quote(csv.string()));
  ASSERT_EQ(o.status, 0) << o.err;
  const std::string numbers = ReadFile(csv / "numbers.csv");
  EXPECT_TRUE(Contains(numbers, "war_day,\"Day full-scale war broke out (runs with war)\",0,,,,,\n")) << numbers;
}

}  // namespace
