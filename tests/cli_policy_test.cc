// The command line's --policy and the provenance that reproduces a run: `run --json` names the
// --set and --policy items in its header, and a forecast with --policy us=hold has the US
// never strike by decision.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli_support.h"

namespace {

using namespace brink::test;  // NOLINT: the test helpers

TEST(CliPolicy, RunJsonHeaderNamesEverySetAndPolicy) {
  ScratchDir dir;
  const fs::path json = dir.path() / "run.json";
  const Outcome run = RunBrink("run --days 20 --no-narrative --set rules.signalling=false "
                               "--policy us=hold --policy iran=doctrine --json " + Quote(json.string()));
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string text = ReadFile(json);
  const nlohmann::json header = nlohmann::json::parse(text.substr(0, text.find('\n')));
  EXPECT_EQ(header["set"], nlohmann::json::array({"rules.signalling=false"}));
  EXPECT_EQ(header["policy"], nlohmann::json::array({"us=hold", "iran=doctrine"}));
  EXPECT_EQ(header["seed"], 1);
}

double MeanOf(const nlohmann::json& forecast, const std::string& id) {
  for (const auto& number : forecast["numbers"]) {
    if (number["id"] == id) return number["mean"].get<double>();
  }
  ADD_FAILURE() << "no number " << id;
  return -1;
}

// 1,000 runs each (seed 1): under doctrine the US strikes by decision now and then (only with a
// cause: about one run in a hundred), never when it holds.
TEST(CliPolicy, HoldingUsNeverStrikesByDecision) {
  ScratchDir dir;
  const fs::path doctrine = dir.path() / "doctrine.json", held = dir.path() / "held.json";
  ASSERT_EQ(RunBrink("forecast -n 1000 --no-progress --json " + Quote(doctrine.string())).status, 0);
  const Outcome run = RunBrink("forecast -n 1000 --no-progress --policy us=hold --json " + Quote(held.string()));
  ASSERT_EQ(run.status, 0) << run.err;
  const nlohmann::json a = nlohmann::json::parse(ReadFile(doctrine)), b = nlohmann::json::parse(ReadFile(held));
  EXPECT_GT(MeanOf(a, "deliberate_strikes.us"), 0.002);
  EXPECT_EQ(MeanOf(b, "deliberate_strikes.us"), 0.0);
  EXPECT_EQ(b["provenance"]["policy"], nlohmann::json::array({"us=hold"}));
  EXPECT_EQ(a["provenance"]["policy"], nlohmann::json::array());
}

TEST(CliPolicy, AnUnknownPolicyOrActorIsBadInput) {
  const Outcome dice = RunBrink("run --days 5 --policy us=dice");
  EXPECT_EQ(dice.status, 2);
  EXPECT_TRUE(Contains(dice.err, "no policy 'dice'")) << dice.err;
  EXPECT_TRUE(Contains(dice.err, "\"doctrine\", \"hold\", \"search\"")) << dice.err;
  const Outcome nobody = RunBrink("forecast -n 10 --no-progress --policy nobody=hold");
  EXPECT_EQ(nobody.status, 2);
  EXPECT_TRUE(Contains(nobody.err, "no actor 'nobody'")) << nobody.err;
  EXPECT_TRUE(RunBrink("bench --help").out.find("--policy") != std::string::npos);
}

// The loader keeps a scenario's policy names; the command line resolves them once the scenario
// is loaded, so a name not known is still bad input at the key's file:line:column, for `check`
// and for a run, and --policy mends it.
TEST(CliPolicy, AnUnknownPolicyInTheScenarioIsBadInputAtItsKey) {
  ScratchDir dir;
  const fs::path file = dir.path() / "dice.toml";
  std::string text = ReadFile(fs::path(BRINK_SOURCE_DIR) / "scenarios/eastern-syria-2017.toml");
  const std::size_t at = text.find("policy = \"doctrine\"", text.find("id = \"us\"\n"));
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 19, "policy = \"dice\"");
  std::ofstream(file) << text;
  const std::string line = std::to_string(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1);
  for (const std::string& args : {"check " + Quote(file.string()), "run --days 2 --scenario " + Quote(file.string())}) {
    const Outcome bad = RunBrink(args);
    EXPECT_EQ(bad.status, 2) << args;
    EXPECT_TRUE(Contains(bad.err, file.string() + ":" + line + ":")) << bad.err;
    EXPECT_TRUE(Contains(bad.err, "'policy' = \"dice\" is unknown; expected one of \"doctrine\", \"hold\", \"search\""))
        << bad.err;
  }
  const Outcome mended = RunBrink("run --days 2 --no-narrative --policy us=hold --scenario " + Quote(file.string()));
  EXPECT_EQ(mended.status, 0) << mended.err;
}

}  // namespace

namespace {

// `brink run --explain` with an actor on search: each searched decision in plain words after the
// narrative, and as "deliberation" lines in the JSON, with the budget and horizon given.
TEST(CliPolicy, ExplainTellsEachSearchedDecision) {
  ScratchDir dir;
  const fs::path json = dir.path() / "run.json";
  const std::string bait = Quote(std::string(BRINK_SOURCE_DIR) + "/tests/data/search-bait.toml");
  const std::string args = "run --days 3 --scenario " + bait +
                           " --policy blue_army=search --search-budget 12 --search-horizon 4 --explain";
  const Outcome text = RunBrink(args);
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "Searched decisions:")) << text.out;
  EXPECT_TRUE(Contains(text.out, "blue_army weighs its options (search, 12 simulations of 4 days")) << text.out;
  EXPECT_TRUE(Contains(text.out, "strike the red_army force at base: ")) << text.out;
  EXPECT_TRUE(Contains(text.out, "<- chosen")) << text.out;
  const Outcome written = RunBrink(args + " --json " + Quote(json.string()));
  ASSERT_EQ(written.status, 0) << written.err;
  int deliberations = 0;
  std::istringstream lines(ReadFile(json));
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (j["type"] == "run") {
      EXPECT_EQ(j["search_budget"], 12);
    }
    if (j["type"] != "deliberation") continue;
    ++deliberations;
    EXPECT_EQ(j["actor"], "blue_army");
    int visits = 0;
    for (const auto& a : j["alternatives"]) visits += a["visits"].get<int>();
    EXPECT_EQ(visits, 12);
  }
  EXPECT_EQ(deliberations, 3);
  const Outcome none = RunBrink("run --days 3 --explain --no-narrative");
  ASSERT_EQ(none.status, 0);
  EXPECT_TRUE(Contains(none.out, "No decision was searched")) << none.out;
}

// --search-course: the searches weigh courses of action, said in the account and the JSON; the
// run's header records the choice so the run can be reproduced.
TEST(CliPolicy, SearchCourseIsExplainedAndRecorded) {
  ScratchDir dir;
  const fs::path json = dir.path() / "run.json";
  const std::string bait = Quote(std::string(BRINK_SOURCE_DIR) + "/tests/data/search-bait.toml");
  const std::string args = "run --days 2 --scenario " + bait +
                           " --policy blue_army=search --search-budget 12 --search-horizon 4 --search-course 4 --explain";
  const Outcome text = RunBrink(args);
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "12 simulations of 4 days, each kept up as a course for 4 days")) << text.out;
  const Outcome written = RunBrink(args + " --json " + Quote(json.string()));
  ASSERT_EQ(written.status, 0) << written.err;
  std::istringstream lines(ReadFile(json));
  int courses = 0;
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (j["type"] == "run") {
      EXPECT_EQ(j["search_course_days"], 4);
    }
    if (j["type"] == "deliberation") courses += j["course_days"] == 4;
  }
  EXPECT_EQ(courses, 2);
  EXPECT_EQ(RunBrink("run --days 2 --search-course 366").status, 2);
}

}  // namespace
