// The doctrine policy's claims (docs/model.md, "Decisions"): a quantal response that picks the
// best action when rational and any legal action alike when not, over utilities in which
// exposed troops make a strike costlier.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/scenario.h"

namespace brink {
namespace {

constexpr int kActions = static_cast<int>(Action::kCount);

ActionScores Scores(std::initializer_list<std::pair<Action, double>> legal) {
  ActionScores scores;
  for (auto [action, utility] : legal) {
    scores.legal[static_cast<int>(action)] = true;
    scores.utility[static_cast<int>(action)] = utility;
  }
  return scores;
}

// How often each action is chosen for u on an even grid of `points` in [0, 1).
std::array<int, kActions> Choices(const ActionScores& scores, double rationality, int points) {
  std::array<int, kActions> count{};
  for (int i = 0; i < points; ++i) {
    double u = (i + 0.5) / points;
    ++count[static_cast<int>(ChooseSoftmax(scores, rationality, u))];
  }
  return count;
}

TEST(Doctrine, SoftmaxPicksTheBestActionWhenRational) {
  // Withdraw would be best but is not legal today.
  ActionScores scores =
      Scores({{Action::kHold, 0.0}, {Action::kAdvance, 1.0}, {Action::kStrike, 0.99}});
  scores.utility[static_cast<int>(Action::kWithdraw)] = 50.0;
  std::array<int, kActions> count = Choices(scores, 1e6, 1000);
  EXPECT_EQ(count[static_cast<int>(Action::kAdvance)], 1000);
  // The extremes of u too.
  EXPECT_EQ(ChooseSoftmax(scores, 1e6, 0.0), Action::kAdvance);
  EXPECT_EQ(ChooseSoftmax(scores, 1e6, 0.999999999), Action::kAdvance);
  // Large utilities do not overflow the exponentials.
  ActionScores large = Scores({{Action::kHold, 1e6}, {Action::kDeescalate, 1e6 + 1}});
  EXPECT_EQ(ChooseSoftmax(large, 50, 0.5), Action::kDeescalate);
}

TEST(Doctrine, SoftmaxIsUniformAtZeroRationality) {
  ActionScores scores =
      Scores({{Action::kHold, 0.0}, {Action::kStrike, -30.0}, {Action::kRestrain, 7.0}});
  scores.utility[static_cast<int>(Action::kAdvance)] = 100.0;  // illegal: never chosen
  // 3000 even points of u: each of the three legal actions takes exactly a third.
  std::array<int, kActions> count = Choices(scores, 0.0, 3000);
  EXPECT_EQ(count[static_cast<int>(Action::kHold)], 1000);
  EXPECT_EQ(count[static_cast<int>(Action::kStrike)], 1000);
  EXPECT_EQ(count[static_cast<int>(Action::kRestrain)], 1000);
  EXPECT_EQ(count[static_cast<int>(Action::kAdvance)], 0);
}

TEST(Doctrine, SoftmaxFollowsTheLogitOdds) {
  // P(advance) / P(hold) = exp(lambda x (1 - 0)) = e^2 at lambda 2.
  ActionScores scores = Scores({{Action::kHold, 0.0}, {Action::kAdvance, 1.0}});
  std::array<int, kActions> count = Choices(scores, 2.0, 100000);
  const double p_advance = std::exp(2.0) / (1 + std::exp(2.0));
  // A deterministic grid: the share is exact up to one grid step.
  EXPECT_NEAR(count[static_cast<int>(Action::kAdvance)] / 100000.0, p_advance, 2e-5);
}

// Blue and red are rivals in contact across a 20 km edge; blue has troops abroad within red's
// reach, and it could strike red's force next door.
constexpr std::string_view kExposed = R"(
[scenario]
name = "Exposed"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "blue_army"
bloc = "blue"
aggression = 0.5
casualty_aversion = 0.8
[[actor]]
id = "red_army"
bloc = "red"

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"

[[region]]
id = "base"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "outpost"
country = "AA"
lat = 34.0
lon = 38.2
terrain = "desert"
value = 1
holder = "red_army"

[[edge]]
from = "base"
to = "outpost"
length_km = 20

[[force]]
actor = "blue_army"
region = "base"
strength = 1000
[[force]]
actor = "red_army"
region = "outpost"
strength = 500

[[exposure]]
id = "blue_abroad"
actor = "blue_army"
troops = 20000
threatened_by = ["red_army"]
)";

// Blue's action scores on the first day of the scenario, as the day's decisions see them.
ActionScores BlueScores(const std::vector<std::string>& overrides, std::string_view world = kExposed) {
  Result<Scenario> loaded = LoadScenario(world, "exposed.toml", overrides);
  if (!loaded.ok()) throw std::runtime_error(loaded.message());
  const Engine engine(loaded.take());
  State st = engine.Initial();
  WorkspacePtr w = engine.NewWorkspace();
  const Turn turn = engine.Begin(st, *w, 1, 0);
  return DoctrineScores(turn, static_cast<ActorId>(engine.scenario().ActorIndex("blue_army")));
}

TEST(Doctrine, MoreExposedTroopsLowerStrikeUtility) {
  // (Whether blue has a cause to strike is another rule's question: causes off.)
  ActionScores none = BlueScores({"exposure.blue_abroad.troops=0", "rules.strike_causes=false"});
  ActionScores many = BlueScores({"exposure.blue_abroad.troops=20000", "rules.strike_causes=false"});
  const int strike = static_cast<int>(Action::kStrike);
  ASSERT_TRUE(none.legal[strike]);
  ASSERT_TRUE(many.legal[strike]);
  EXPECT_LT(many.utility[strike], none.utility[strike]);
  // Exposure changes nothing but the strike's price.
  for (int a = 0; a < kActions; ++a) {
    EXPECT_EQ(none.legal[a], many.legal[a]) << ActionName(static_cast<Action>(a));
    if (a != strike && none.legal[a]) {
      EXPECT_EQ(none.utility[a], many.utility[a]) << ActionName(static_cast<Action>(a));
    }
  }
  // And more troops cost more still.
  ActionScores some = BlueScores({"exposure.blue_abroad.troops=2000", "rules.strike_causes=false"});
  EXPECT_LT(some.utility[strike], none.utility[strike]);
  EXPECT_LT(many.utility[strike], some.utility[strike]);
}

// Defence (rules.defence_value): blue holds its base with red, now hostile, next door. Advancing
// gives up the base's defence, so it costs more the stronger red is next door and the less
// offensive blue is; nothing else moves, and with the switch at 0 nothing changes at all.
TEST(Doctrine, AdvancingGivesUpTheDefenceOfThreatenedGround) {
  std::string hostile(kExposed);
  hostile.replace(hostile.find("kind = \"rivalry\""), 16, "kind = \"hostility\"");
  const int advance = static_cast<int>(Action::kAdvance);
  std::string strong(hostile);
  strong.replace(strong.find("strength = 500\n"), 15, "strength = 5000\n");
  auto scores = [&](const std::vector<std::string>& more, const std::string& world = "") {
    std::vector<std::string> overrides = {"exposure.blue_abroad.troops=0", "actor.blue_army.offensive=0.2"};
    overrides.insert(overrides.end(), more.begin(), more.end());
    ActionScores out = BlueScores(overrides, world.empty() ? hostile : world);
    EXPECT_TRUE(out.legal[advance]);
    return out;
  };
  const ActionScores off = scores({"rules.defence_value=0"});
  const ActionScores on = scores({"rules.defence_value=1"});
  const ActionScores stronger_red = scores({"rules.defence_value=1"}, strong);
  const ActionScores offensive = scores({"rules.defence_value=1", "actor.blue_army.offensive=1"});
  const ActionScores doubled = scores({"rules.defence_value=2"});
  EXPECT_LT(on.utility[advance], off.utility[advance] - 0.05);
  EXPECT_LT(stronger_red.utility[advance], on.utility[advance] - 0.05);
  EXPECT_DOUBLE_EQ(offensive.utility[advance] - scores({"rules.defence_value=0", "actor.blue_army.offensive=1"}).utility[advance], 0.0);
  // The cost is linear in its weight.
  EXPECT_NEAR(off.utility[advance] - doubled.utility[advance], 2 * (off.utility[advance] - on.utility[advance]), 1e-9);
  for (int a = 0; a < kActions; ++a) {
    EXPECT_EQ(off.legal[a], on.legal[a]) << ActionName(static_cast<Action>(a));
    if (a != advance && a != static_cast<int>(Action::kCross) && off.legal[a]) {
      EXPECT_EQ(off.utility[a], on.utility[a]) << ActionName(static_cast<Action>(a));
    }
  }
}

}  // namespace
}  // namespace brink
