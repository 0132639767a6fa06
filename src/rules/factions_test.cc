// The rules' claims: Factions (factions.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

constexpr std::string_view kFactions = R"(
[scenario]
name = "Factions"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "blue_army"
bloc = "blue"
retaliation_capability = 0.7
[[actor]]
id = "red_army"
bloc = "red"
aggression = 0.3
war_aversion = 0.6
retaliation_capability = 0.9

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"

[[faction]]
id = "hawks"
actor = "blue_army"
influence = 0.25
aggression = 0.8
war_aversion = 0.2
retaliation_belief = 0.4
hawkishness = 1.0
[[faction]]
id = "doves"
actor = "blue_army"
influence = 0.75
aggression = 0.2
war_aversion = 0.9
retaliation_belief = 0.8
hawkishness = -1.0

[[region]]
id = "capital"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
)";

TEST(Factions, StanceIsInfluenceWeighted) {
  World world(kFactions);
  rules::Stance blue = rules::AggregateFactions(world.s, world.st, world.actor("blue_army"));
  EXPECT_NEAR(blue.aggression, 0.25 * 0.8 + 0.75 * 0.2, 1e-12);          // 0.35
  EXPECT_NEAR(blue.war_aversion, 0.25 * 0.2 + 0.75 * 0.9, 1e-12);        // 0.725
  EXPECT_NEAR(blue.retaliation_belief, 0.25 * 0.4 + 0.75 * 0.8, 1e-12);  // 0.7
  // Without factions: the actor's own values, and its rival's true capability.
  rules::Stance red = rules::AggregateFactions(world.s, world.st, world.actor("red_army"));
  EXPECT_EQ(red.aggression, 0.3);
  EXPECT_EQ(red.war_aversion, 0.6);
  EXPECT_EQ(red.retaliation_belief, 0.7);
  // The stance follows today's influence, not the scenario's.
  world.st.influence = {0.5f, 0.5f};
  blue = rules::AggregateFactions(world.s, world.st, world.actor("blue_army"));
  EXPECT_NEAR(blue.aggression, 0.5, 1e-12);
}

TEST(Factions, HumiliationShiftsInfluenceTowardHawks) {
  World world(kFactions);
  Day d = world.Fresh();
  world.w.hawk_pressure[world.actor("blue_army")] = 1.0f;  // one strike suffered today
  rules::Factions(d);
  // Each influence times exp(influence_shift x pressure x hawkishness), renormalised.
  const double shift = world.s.rules.influence_shift;
  const double hawks = 0.25 * std::exp(shift), doves = 0.75 * std::exp(-shift);
  EXPECT_NEAR(world.st.influence[0], hawks / (hawks + doves), 1e-6);
  EXPECT_NEAR(world.st.influence[1], doves / (hawks + doves), 1e-6);
  EXPECT_GT(world.st.influence[0], 0.25f);
  EXPECT_NEAR(world.st.influence[0] + world.st.influence[1], 1.0, 1e-6);
}

TEST(Factions, ClimbingTheLadderShiftsInfluenceTowardDoves) {
  World world(kFactions);
  Day d = world.Fresh();
  world.st.level = 2;  // two rungs climbed since dawn: fear
  rules::Factions(d);
  const double shift = 2 * world.s.rules.influence_shift;
  const double hawks = 0.25 * std::exp(-shift), doves = 0.75 * std::exp(shift);
  EXPECT_NEAR(world.st.influence[0], hawks / (hawks + doves), 1e-6);
  EXPECT_LT(world.st.influence[0], 0.25f);
  EXPECT_NEAR(world.st.influence[0] + world.st.influence[1], 1.0, 1e-6);
}


// A patron with a loyal proxy (reliability 1) and a fickle one (0.3).

TEST(Factions, OverwhelmingPressureGivesSharesNotNaN) {
  // influence_shift = 1 and a capture worth about 890 in one day: exp(890) is beyond float and
  // double, and the shares used to become NaN (the factions were then silently ignored).
  World world(kFactions, {"rules.influence_shift=1"});
  for (float pressure : {890.0f, -890.0f}) {
    Day d = world.Fresh();  // influences back to the scenario's 0.25 and 0.75
    world.w.hawk_pressure[world.actor("blue_army")] = pressure;
    rules::Factions(d);
    for (float influence : world.st.influence) {
      EXPECT_TRUE(std::isfinite(influence)) << pressure;
      EXPECT_GE(influence, 0.0f) << pressure;
    }
    EXPECT_NEAR(world.st.influence[0] + world.st.influence[1], 1.0, 1e-6) << pressure;
    // The hawks (hawkishness > 0) take everything under humiliation, nothing under fear.
    EXPECT_NEAR(world.st.influence[0], pressure > 0 ? 1.0 : 0.0, 1e-6) << pressure;
  }
}

}  // namespace
}  // namespace brink
