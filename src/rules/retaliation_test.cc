// The rules' claims: Retaliation (retaliation.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

Grievance Against(ActorId striker, int strikes, bool signalled) {
  return Grievance{.against = striker,
                   .days_left = 5,
                   .strikes = static_cast<uint8_t>(strikes),
                   .signalled = signalled};
}

// The chance's formula before harm: rules.retaliation_by_harm off (a strike's count).
TEST(Retaliation, DefensiveSignalLowersChance) {
  World world(kStandoff, {"rules.retaliation_by_harm=false"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  // Blue (resolve 0.8, war aversion 0.4) struck once by red:
  // retaliation_base 0.25 x 2 x 0.8 x (1 - 0.5 x 0.4) = 0.32.
  const double plain = rules::RetaliationChance(world.s, world.st, blue, Against(red, 1, false));
  const double signalled = rules::RetaliationChance(world.s, world.st, blue, Against(red, 1, true));
  EXPECT_NEAR(plain, 0.25 * 2 * 0.8 * (1 - 0.5 * 0.4), 1e-12);
  EXPECT_NEAR(signalled, plain * (1 - world.s.rules.signal_effect), 1e-12);
  EXPECT_LT(signalled, plain);
}

TEST(Retaliation, RepeatedStrikesRaiseChance) {
  World world(kStandoff, {"rules.retaliation_by_harm=false"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  const double factor = world.s.rules.repeat_strike_factor;  // 1.5
  const double once = rules::RetaliationChance(world.s, world.st, blue, Against(red, 1, false));
  EXPECT_NEAR(rules::RetaliationChance(world.s, world.st, blue, Against(red, 2, false)),
              once * factor, 1e-12);
  EXPECT_NEAR(rules::RetaliationChance(world.s, world.st, blue, Against(red, 3, false)),
              once * factor * factor, 1e-12);
  // 0.32 x 1.5^4 > 1: capped.
  EXPECT_EQ(rules::RetaliationChance(world.s, world.st, blue, Against(red, 5, false)), 1.0);
  // A lapsed grievance moves nobody.
  Grievance lapsed = Against(red, 3, false);
  lapsed.days_left = 0;
  EXPECT_EQ(rules::RetaliationChance(world.s, world.st, blue, lapsed), 0.0);
}

// With retaliation by harm (the default): a harmless shot weighs (1 + 0) / (1 + harm_scale), a
// shot that cost harm_scale troops weighs 1, and once the harm includes a killed soldier
// (harm x killed_share >= 1) the red line doubles the chance (red_line_factor).
TEST(Retaliation, HarmDrivesTheChanceAndKilledTroopsCrossARedLine) {
  World world(kStandoff, {"rules.retaliation_base=0.1", "rules.killed_share=0.25", "rules.harm_scale_troops=8",
                          "rules.red_line_factor=2"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  auto chance = [&](float harm) {
    Grievance g = Against(red, 1, false);
    g.harm = harm;
    return rules::RetaliationChance(world.s, world.st, blue, g);
  };
  const double base = 0.1 * 2 * 0.8 * (1 - 0.5 * 0.4);
  EXPECT_NEAR(chance(0), base / 9, 1e-12);
  EXPECT_NEAR(chance(3), base * 4 / 9, 1e-12);       // 3 x 0.25 < 1 killed: below the red line
  EXPECT_NEAR(chance(4), base * 5 / 9 * 2, 1e-12);   // 4 x 0.25 = 1 killed: the red line
  EXPECT_NEAR(chance(8), base * 2, 1e-12);
  EXPECT_LT(chance(0), chance(3));
  // Many strikes that hurt nobody weigh no more than one: harm, not the count, drives it.
  Grievance many = Against(red, 5, false);
  EXPECT_NEAR(rules::RetaliationChance(world.s, world.st, blue, many), chance(0), 1e-12);
}

TEST(Retaliation, HorizontalChanceGrowsWithExposedTroops) {
  World world(kStandoff);
  // horizontal_base 0.5 x 2 x troops / (troops + 5000).
  EXPECT_EQ(rules::HorizontalChance(world.s, 0), 0.0);
  EXPECT_NEAR(rules::HorizontalChance(world.s, 5000), world.s.rules.horizontal_base, 1e-12);
  EXPECT_NEAR(rules::HorizontalChance(world.s, 20000), 0.8, 1e-12);
  double previous = 0;
  for (double troops : {100.0, 1000.0, 5000.0, 20000.0, 100000.0, 1e7}) {
    double h = rules::HorizontalChance(world.s, troops);
    EXPECT_GT(h, previous) << troops;
    EXPECT_LE(h, 1.0) << troops;
    previous = h;
  }
  World bold(kStandoff, {"rules.horizontal_base=1"});
  EXPECT_EQ(rules::HorizontalChance(bold.s, 1e6), 1.0);  // 2 x 1e6 / 1.005e6 > 1: capped
}

// Red holds a fresh grievance against blue and, at retaliation_base 0.5 with resolve 1 and
// war aversion 0, retaliates with chance 1.
constexpr const char* kRedRetaliates = "rules.retaliation_base=0.5";

void GiveRedAGrievance(World& world) {
  world.initial.actors[world.actor("red_army")].grievance =
      Grievance{.against = world.actor("blue_army"), .days_left = 10, .strikes = 1, .signalled = false,
                .harm = static_cast<float>(world.s.rules.harm_scale_troops)};
}

TEST(Retaliation, NoExposureNoHorizontalRetaliation) {
  World world(kStandoff, {kRedRetaliates, "exposure.blue_abroad.troops=0"});
  GiveRedAGrievance(world);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  ASSERT_EQ(
      rules::RetaliationChance(world.s, world.initial, red, world.initial.actors[red].grievance),
      1.0);
  for (int run = 0; run < 500; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    rules::Retaliation(d);
    ASSERT_EQ(world.st.tally.count(EventKind::kHorizontal), 0) << "run " << run;
    ASSERT_EQ(world.st.tally.count(EventKind::kRetaliation), 1) << "run " << run;
    // The blow landed in the theatre, on red's account, and the striker now holds a grievance
    // in turn.
    EXPECT_EQ(world.st.inflicted[static_cast<std::size_t>(blue) * world.s.actors.size() + red],
              world.st.actors[blue].casualties);
    EXPECT_EQ(world.st.actors[blue].grievance.against, red);
    EXPECT_EQ(world.st.actors[red].grievance.days_left, 0);  // satisfied
  }
}

// Seed kSeed, 2000 runs: the share of retaliations that go horizontal against blue's 20,000
// exposed troops is HorizontalChance(20000) = 0.8; sd sqrt(0.16 / 2000) = 0.0089, margin 5 sd.
TEST(Retaliation, RetaliationGoesHorizontalAtItsChance) {
  World world(kStandoff, {kRedRetaliates});
  GiveRedAGrievance(world);
  const int runs = 2000;
  int horizontal = 0;
  for (int run = 0; run < runs; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    rules::Retaliation(d);
    ASSERT_EQ(world.st.tally.count(EventKind::kHorizontal) +
                  world.st.tally.count(EventKind::kRetaliation),
              1);
    if (world.st.tally.count(EventKind::kHorizontal) == 1) {
      ++horizontal;
      EXPECT_LT(world.st.exposure_troops[0], 20000.0f);
    }
  }
  const double h = rules::HorizontalChance(world.s, 20000);
  EXPECT_NEAR(static_cast<double>(horizontal) / runs, h, ShareMargin(h, runs));
}

// Red's only force stands 200 km from anything of blue's: out of reach.
std::string RedFarAway() {
  std::string toml(kStandoff);
  const std::string red_force = "actor = \"red_army\"\nregion = \"base\"";
  toml.replace(toml.find(red_force), red_force.size(), "actor = \"red_army\"\nregion = \"far\"");
  toml += "[[region]]\nid = \"far\"\ncountry = \"AA\"\nlat = 34.0\nlon = 40.0\nterrain = \"desert\"\nvalue = 1\n"
          "[[edge]]\nfrom = \"outpost\"\nto = \"far\"\nlength_km = 200\n";
  return toml;
}

TEST(Retaliation, InTheTheatreOnlyWithinReach) {
  const std::string toml = RedFarAway();
  World world(toml, {kRedRetaliates, "exposure.blue_abroad.troops=0"});
  GiveRedAGrievance(world);
  const ActorId red = world.actor("red_army");
  for (int run = 0; run < 200; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    rules::Retaliation(d);
    ASSERT_EQ(world.st.tally.count(EventKind::kRetaliation), 0) << "run " << run;
    // The grievance waits, a day older.
    EXPECT_EQ(world.st.actors[red].grievance.days_left, 9);
  }
  // Switched off, the blow reaches blue's strongest force anywhere.
  World anywhere(toml, {kRedRetaliates, "exposure.blue_abroad.troops=0", "rules.bounded_fire=false"});
  GiveRedAGrievance(anywhere);
  Day d = anywhere.Fresh(0);
  rules::Retaliation(d);
  EXPECT_EQ(anywhere.st.tally.count(EventKind::kRetaliation), 1);
}

// Two rivals with grievances against each other, identical but for their place in the file:
// which answers first on the day both answer is decided by a fair draw, not the order of the
// file (2000 runs: 1000 expected each way, margin 5 sd = 112).
TEST(Retaliation, SameDayBlowsDoNotFavourTheFirstListed) {
  std::string toml(kStandoff);
  // Symmetric actors: same resolve and aversion, each with a force in the other's reach.
  const std::string blue_traits = "resolve = 0.8\nwar_aversion = 0.4";
  toml.replace(toml.find(blue_traits), blue_traits.size(), "resolve = 1.0\nwar_aversion = 0.0");
  World world(toml, {kRedRetaliates, "exposure.blue_abroad.troops=0", "zone.base_zone.enabled=false"});
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  const float harm = static_cast<float>(world.s.rules.harm_scale_troops);
  world.initial.actors[blue].grievance = Grievance{.against = red, .days_left = 10, .strikes = 1, .harm = harm};
  world.initial.actors[red].grievance = Grievance{.against = blue, .days_left = 10, .strikes = 1, .harm = harm};
  const int runs = 2000;
  int blue_first = 0, both = 0;
  for (int run = 0; run < runs; ++run) {
    EventLog log;
    Day d = world.Fresh(static_cast<uint64_t>(run), &log);
    rules::Retaliation(d);
    std::vector<ActorId> order;
    for (const Event& e : log) {
      if (e.kind == EventKind::kRetaliation) order.push_back(e.actor);
    }
    // Each answers at most once today: a blow struck today is answered tomorrow at the soonest.
    ASSERT_LE(order.size(), 2u);
    if (order.size() == 2) {
      ++both;
      blue_first += order.front() == blue;
    }
  }
  ASSERT_GT(both, runs / 2);
  EXPECT_NEAR(blue_first, both / 2.0, 5 * std::sqrt(both / 4.0));
}

}  // namespace
}  // namespace brink
