// The command line's --policy and the provenance that reproduces a run: `run --json` names the
// --set and --policy items in its header, and a forecast with --policy us=hold has the US
// never strike by decision.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
  EXPECT_TRUE(Contains(dice.err, "\"doctrine\", \"hold\"")) << dice.err;
  const Outcome nobody = RunBrink("forecast -n 10 --no-progress --policy nobody=hold");
  EXPECT_EQ(nobody.status, 2);
  EXPECT_TRUE(Contains(nobody.err, "no actor 'nobody'")) << nobody.err;
  EXPECT_TRUE(RunBrink("bench --help").out.find("--policy") != std::string::npos);
}

}  // namespace
