// The rules' claims: Zones and strikes (strikes.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

int ZoneStrikeDays(World& world, int runs) {
  int days = 0;
  for (int run = 0; run < runs; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    rules::ZoneStrikes(d);
    days += world.st.tally.count(EventKind::kZoneStrike);
  }
  return days;
}

TEST(Zones, ZoneOwnerStrikesRivalInsideItsZone) {
  World world(kStandoff);
  EventLog log;
  Day d = world.Fresh(0, &log);
  rules::ZoneStrikes(d);
  ASSERT_EQ(world.st.tally.count(EventKind::kZoneStrike), 1);
  auto it = std::find_if(log.begin(), log.end(),
                         [](const Event& e) { return e.kind == EventKind::kZoneStrike; });
  ASSERT_NE(it, log.end());
  const Event& strike = *it;
  EXPECT_EQ(strike.actor, world.actor("blue_army"));
  EXPECT_EQ(strike.target, world.actor("red_army"));
  EXPECT_EQ(strike.region, world.region("base"));
  EXPECT_GT(world.st.actors[world.actor("red_army")].casualties, 0.0f);  // Poisson(0.06 x 500)

  // self_defence_strike = 1: every day; 0: never (seed kSeed, 200 days each).
  EXPECT_EQ(ZoneStrikeDays(world, 200), 200);
  World never(kStandoff, {"zone.base_zone.self_defence_strike=0"});
  EXPECT_EQ(ZoneStrikeDays(never, 200), 0);
  // In between, its share of days (seed kSeed, 4000 days: sd 0.0079, margin 5 sd).
  World half(kStandoff, {"zone.base_zone.self_defence_strike=0.3"});
  EXPECT_NEAR(ZoneStrikeDays(half, 4000) / 4000.0, 0.3, ShareMargin(0.3, 4000));
}

TEST(Zones, ZoneOwnerDoesNotStrikeOutsideItsZone) {
  World world(kStandoff);
  world.initial.forces[static_cast<std::size_t>(world.force("red_army", "base"))].region =
      world.region("outpost");
  EXPECT_EQ(ZoneStrikeDays(world, 200), 0);
}

TEST(Zones, DisabledZoneNeverStrikes) {
  World world(kStandoff, {"zone.base_zone.enabled=false"});
  EXPECT_EQ(ZoneStrikeDays(world, 200), 0);
}

TEST(Strikes, StrikeRaisesTensionAndGivesAGrievance) {
  // No war spark, so the tension is the strike's alone.
  World world(kStandoff, {"rules.war_spark=0"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  const int target = world.force("red_army", "base");
  EventLog log;
  Day d = world.Fresh(0, &log);
  Rng rng = d.rng(Stream::kStrike);
  rules::LimitedStrike(d, rng, blue, target, EventKind::kStrike, world.s.rules.strike_losses);

  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(world.s.rules.tension_strike));
  EXPECT_FLOAT_EQ(world.tension(red, blue), world.tension(blue, red));
  EXPECT_EQ(world.st.level, rules::RungFor(world.s, world.s.rules.tension_strike));
  EXPECT_EQ(world.st.level, 1);  // tension 1 reaches "posturing" (0.5) of the default ladder
  const Grievance& g = world.st.actors[red].grievance;
  EXPECT_EQ(g.against, blue);
  EXPECT_EQ(g.strikes, 1);
  EXPECT_EQ(g.days_left, world.s.rules.retaliation_window_days);
  EXPECT_FALSE(g.signalled);
  EXPECT_FLOAT_EQ(world.w.hawk_pressure[red], 1.0f);  // humiliation for red's factions
  EXPECT_LT(world.st.forces[target].strength, 500.0f);
  ASSERT_EQ(world.st.tally.count(EventKind::kStrike), 1);
  EXPECT_FLOAT_EQ(world.st.actors[red].casualties, 500.0f - world.st.forces[target].strength);

  // A second strike within the window adds to the same grievance and to the tension.
  rules::LimitedStrike(d, rng, blue, target, EventKind::kStrike, world.s.rules.strike_losses);
  EXPECT_EQ(world.st.actors[red].grievance.strikes, 2);
  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(2 * world.s.rules.tension_strike));
}

TEST(Strikes, DefensiveSignalTakesBackTensionAndMarksTheGrievance) {
  World world(kStandoff, {"rules.war_spark=0", "actor.blue_army.signal_propensity=1"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh();
  Rng rng = d.rng(Stream::kStrike);
  rules::LimitedStrike(d, rng, blue, world.force("red_army", "base"), EventKind::kStrike,
                       world.s.rules.strike_losses);
  const Rules& x = world.s.rules;
  EXPECT_FLOAT_EQ(world.tension(blue, red),
                  static_cast<float>(x.tension_strike * (1 - x.tension_signal_relief)));
  EXPECT_TRUE(world.st.actors[red].grievance.signalled);
  EXPECT_EQ(world.st.tally.count(EventKind::kSignal), 1);
}

}  // namespace
}  // namespace brink
