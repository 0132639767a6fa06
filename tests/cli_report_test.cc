// The report, compare and per-run table as a user meets them on the command line (issue 14):
// the per-run table is the same bytes whatever -j, a saved forecast draws the same page as the
// run that made it, and bad input is a clear error (exit 2) that leaves no file behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cli_support.h"

using namespace brink::test;  // NOLINT: the helpers are this file's vocabulary

namespace {

constexpr const char* kSmall = "--scenario tests/data/small.toml --no-progress";

TEST(CliReport, RunsCsvIsTheSameBytesWhateverTheThreads) {
  ScratchDir scratch;
  const std::string one = (scratch.path() / "one.csv").string(), two = (scratch.path() / "two.csv").string();
  Outcome a = RunBrink(std::string("forecast ") + kSmall + " -n 600 --seed 3 -j 1 --runs-csv " + Quote(one));
  Outcome b = RunBrink(std::string("forecast ") + kSmall + " -n 600 --seed 3 -j 2 --runs-csv " + Quote(two));
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  const std::string csv = ReadFile(one);
  EXPECT_EQ(csv, ReadFile(two));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 601);
  EXPECT_TRUE(csv.starts_with("seed,run,war,"));
  // To standard output, alone: no table mixed in.
  Outcome c = RunBrink(std::string("forecast ") + kSmall + " -n 600 --seed 3 -j 2 --runs-csv -");
  EXPECT_EQ(c.status, 0) << c.err;
  EXPECT_EQ(c.out, csv);
}

TEST(CliReport, SavedForecastDrawsTheSamePage) {
  ScratchDir scratch;
  const std::string dir = Quote(scratch.path().string());
  Outcome o = RunScript("cd " + dir + " && \"$B\" forecast --scenario \"$OLDPWD/tests/data/small.toml\" "
                        "--no-progress -n 200 --json f.json --report direct.html >/dev/null && "
                        "\"$B\" report f.json -o saved.html");
  ASSERT_EQ(o.status, 0) << o.err;
  const std::string page = ReadFile(scratch.path() / "direct.html");
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(page, ReadFile(scratch.path() / "saved.html"));
}

TEST(CliReport, BadInputIsExit2WithTheFileNamedAndNoOutput) {
  ScratchDir scratch;
  const std::string dir = Quote(scratch.path().string());
  struct Case {
    std::string setup, args, expected;
  };
  for (const Case& c : std::vector<Case>{
           {"", "report missing.json -o out.html", "missing.json: cannot open"},
           {"printf '{\"provenance\": ' > cut.json", "report cut.json -o out.html", "cut.json: not valid JSON"},
           {"printf '{\"runs\": 3}' > other.json", "report other.json -o out.html", "other.json: not a forecast"},
           {"mkdir adir", "report adir -o out.html", "adir: cannot read"},
           {"printf '{' > a.json", "compare a.json a.json", "a.json: not valid JSON"},
           {"", "compare", "nothing to compare"},
           {"", "compare --set rules.signalling=false --seed 1 x.json y.json", "compared as they are"}}) {
    Outcome o = RunScript("cd " + dir + (c.setup.empty() ? "" : " && " + c.setup) + " && \"$B\" " + c.args);
    EXPECT_EQ(o.status, 2) << c.args << ": " << o.err;
    EXPECT_TRUE(Contains(o.err, c.expected)) << c.args << ": " << o.err;
    EXPECT_FALSE(fs::exists(scratch.path() / "out.html")) << c.args;
  }
}

TEST(CliReport, CompareRunsBothArmsWithTheSameSeeds) {
  ScratchDir scratch;
  const std::string csv = (scratch.path() / "runs.csv").string(), html = (scratch.path() / "c.html").string();
  Outcome o = RunBrink(std::string("compare ") + kSmall + " -n 300 --set rules.signalling=false --runs-csv " +
                       Quote(csv) + " --report " + Quote(html));
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(Contains(o.out, "B - A")) << o.out;
  EXPECT_TRUE(Contains(o.out, "--set rules.signalling=false")) << o.out;
  EXPECT_TRUE(Contains(o.out, "95% paired")) << o.out;
  const std::string rows = ReadFile(csv);
  EXPECT_TRUE(rows.starts_with("seed,run,arm,war,"));
  EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 601);
  EXPECT_TRUE(Contains(rows, "\n1,0,baseline,") && Contains(rows, "\n1,0,variant,"));
  const std::string page = ReadFile(html);
  EXPECT_TRUE(Contains(page, "id=\"map-a\"") && Contains(page, "id=\"map-b\"")) << "both maps";
  // The per-run rows to standard output come alone, and are the same rows.
  Outcome streamed = RunBrink(std::string("compare ") + kSmall + " -n 300 --set rules.signalling=false --runs-csv -");
  EXPECT_EQ(streamed.status, 0) << streamed.err;
  EXPECT_EQ(streamed.out, rows);
  // Two saved forecasts compare alike, without paired intervals.
  ScratchDir saved;
  const std::string dir = Quote(saved.path().string());
  Outcome s = RunScript("cd " + dir + " && \"$B\" forecast --scenario \"$OLDPWD/tests/data/small.toml\" "
                        "--no-progress -n 200 --json a.json >/dev/null && \"$B\" forecast --scenario "
                        "\"$OLDPWD/tests/data/small.toml\" --no-progress -n 200 --set rules.signalling=false "
                        "--json b.json >/dev/null && \"$B\" compare a.json b.json");
  ASSERT_EQ(s.status, 0) << s.err;
  EXPECT_TRUE(Contains(s.out, "A = a.json")) << s.out;
  EXPECT_FALSE(Contains(s.out, "95% paired")) << s.out;
}

}  // namespace
