// The rules' claims: The ladder (ladder.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

constexpr std::string_view kLadder = R"(
[scenario]
name = "Ladder"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "blue_army"
bloc = "blue"
[[actor]]
id = "red_army"
bloc = "red"

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"

[[region]]
id = "capital"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"

[[ladder]]
name = "calm"
threshold = 0
severity = 0
[[ladder]]
name = "tense"
threshold = 1
severity = 1
[[ladder]]
name = "clashes"
threshold = 2
severity = 2
[[ladder]]
name = "war"
threshold = 4
severity = 10
)";

TEST(Ladder, TensionCrossingWarThresholdStartsWar) {
  World world(kLadder);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh(0, nullptr, 7);
  rules::RaiseTension(d, blue, red, 3.9);
  EXPECT_FALSE(world.st.at_war());
  EXPECT_EQ(world.st.level, 2);            // "clashes"
  rules::RaiseTension(d, red, blue, 0.2);  // 4.1 >= 4
  ASSERT_TRUE(world.st.at_war());
  EXPECT_EQ(world.st.war_day, 7);
  EXPECT_EQ(world.st.level, world.s.war_rung());
  EXPECT_EQ(world.st.max_level, world.s.war_rung());
  EXPECT_EQ(world.st.tally.count(EventKind::kWar), 1);
  EXPECT_TRUE(Hostile(world.s, world.st, blue, red));  // the rivalry became war
  EXPECT_FALSE(Rivals(world.s, world.st, blue, red));
  // Absorbing: neither relief nor a hundred quiet days bring the ladder down.
  rules::LowerTension(d, blue, red, 100);
  for (int day = 8; day < 108; ++day) {
    Day quiet = world.Today(day);
    rules::LadderDecay(quiet);
  }
  EXPECT_TRUE(world.st.at_war());
  EXPECT_EQ(world.st.war_day, 7);
  EXPECT_EQ(world.st.level, world.s.war_rung());
}

TEST(Ladder, DecayLowersTheRung) {
  World world(kLadder);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh();
  rules::RaiseTension(d, blue, red, 2.5);
  ASSERT_EQ(world.st.level, 2);
  // tension_decay 0.03: 2.5 x 0.97^7 = 2.02 still reaches "clashes", 2.5 x 0.97^8 = 1.96 not.
  const double keep = 1 - world.s.rules.tension_decay;
  for (int day = 1; day <= 8; ++day) {
    rules::LadderDecay(d);
    EXPECT_NEAR(world.tension(blue, red), 2.5 * std::pow(keep, day), 1e-5);
    EXPECT_EQ(world.st.level, day <= 7 ? 2 : 1) << "after " << day << " days";
  }
  EXPECT_EQ(world.st.max_level, 2);  // the highest rung reached is remembered
}


// Blue is rival to both red and green, each its own bloc, and tension is high with both.

// In a war between blue and red, the red-green standoff keeps its ladder: an incident raises
// its tension, a defensive signal may lower it, and it cools day by day; the warring pair's
// tension stands.
TEST(Ladder, AWarLeavesOtherStandoffsTheirTension) {
  World world(kThreeRivals);
  world.initial.war_day = 0;
  world.initial.war_a = static_cast<BlocId>(world.s.BlocIndex("blue"));
  world.initial.war_b = static_cast<BlocId>(world.s.BlocIndex("red"));
  world.initial.level = world.s.war_rung();
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army"),
                green = world.actor("green_army");
  world.initial.tension[static_cast<std::size_t>(world.initial.war_a) * world.s.blocs.size() +
                        static_cast<std::size_t>(world.initial.war_b)] = 100.0f;
  Day d = world.Fresh();
  rules::RaiseTension(d, red, green, 2.0);
  EXPECT_FLOAT_EQ(world.tension(red, green), 2.0f);
  EXPECT_FLOAT_EQ(world.tension(green, red), 2.0f);
  rules::RaiseTension(d, blue, red, 2.0);  // the war pair: no ladder left to climb
  EXPECT_FLOAT_EQ(world.tension(blue, red), 100.0f);
  rules::LadderDecay(d);
  EXPECT_FLOAT_EQ(world.tension(red, green), 2.0f * static_cast<float>(1.0 - world.s.rules.tension_decay));
  EXPECT_FLOAT_EQ(world.tension(blue, red), 100.0f);
  EXPECT_EQ(world.st.level, world.s.war_rung());
  // Past the war threshold, the second pair does not start a second war.
  rules::RaiseTension(d, red, green, world.s.ladder.back().threshold + 1);
  EXPECT_EQ(world.st.war_a, world.initial.war_a);
  EXPECT_EQ(world.st.war_b, world.initial.war_b);
}

}  // namespace
}  // namespace brink
