// The rules' claims: Combat (combat.cc). The test worlds and margins: rules/test_world.h.
#include <tuple>

#include "rules/test_world.h"

namespace brink {
namespace {

// Two hostile armies meet on open ground nobody holds; blue holds a town behind them and the
// rear, red a ridge. Default rules: attrition_rate 0.02, air_multiplier 1, break_ratio 3.
// Firepower = troops x effectiveness x (1 + air_multiplier x air_power) x morale, with morale
// 0.75 + 0.5 x resolve = 1 at the default resolve 0.5 (docs/model.md, Combat).
constexpr std::string_view kBattlefield = R"(
[scenario]
name = "Battlefield"
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
id = "blue_guard"
bloc = "blue"
[[actor]]
id = "red_army"
bloc = "red"
effectiveness = 1.5

[[relation]]
a = "blue"
b = "red"
kind = "hostility"

[[terrain]]
id = "open"
defence = 1.0
[[terrain]]
id = "city"
defence = 2.5

[[region]]
id = "field"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "open"
value = 1
[[region]]
id = "town"
country = "AA"
lat = 34.2
lon = 38.0
terrain = "city"
value = 1
holder = "blue_army"
[[region]]
id = "rear"
country = "AA"
lat = 34.4
lon = 38.0
terrain = "open"
value = 1
holder = "blue_army"
[[region]]
id = "ridge"
country = "AA"
lat = 33.8
lon = 38.0
terrain = "open"
value = 1
holder = "red_army"

[[edge]]
from = "field"
to = "ridge"
length_km = 20
[[edge]]
from = "field"
to = "town"
length_km = 30
[[edge]]
from = "field"
to = "rear"
length_km = 50

[[force]]
actor = "blue_army"
region = "field"
strength = 1000
[[force]]
actor = "red_army"
region = "field"
strength = 500
[[force]]
actor = "blue_guard"
region = "rear"
strength = 3000
)";

constexpr int kCombatRuns = 4000;

// Each actor's mean daily losses over `runs` independent draws of one day of Combat from the
// world's initial state.
std::vector<double> MeanCombatLosses(World& world, int runs) {
  std::vector<double> total(world.s.actors.size(), 0.0);
  for (int run = 0; run < runs; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    rules::Combat(d);
    for (std::size_t a = 0; a < total.size(); ++a) total[a] += world.st.actors[a].casualties;
  }
  for (double& t : total) t /= runs;
  return total;
}

// Seed kSeed, 4000 runs of one day: daily losses are Poisson, so the mean of 4000 has sd
// sqrt(mean / 4000) (at most 0.09 for the means below 35 here); the margin is 5 of those.
TEST(Combat, AttritionFollowsEnemyFirepower) {
  World world(kBattlefield);
  const double rate = world.s.rules.attrition_rate;
  const double blue_firepower = 1000 * 1.0 * (0.75 + 0.5 * 0.5);  // 1000
  const double red_firepower = 500 * 1.5 * (0.75 + 0.5 * 0.5);    // 750
  const double blue_expected = rate * red_firepower / 1.0;  // nobody holds the field: no defence
  const double red_expected = rate * blue_firepower / 1.0;
  ASSERT_DOUBLE_EQ(blue_expected, 15.0);  // with the default attrition_rate 0.02
  std::vector<double> mean = MeanCombatLosses(world, kCombatRuns);
  EXPECT_NEAR(mean[world.actor("blue_army")], blue_expected,
              PoissonMargin(blue_expected, kCombatRuns));
  EXPECT_NEAR(mean[world.actor("red_army")], red_expected,
              PoissonMargin(red_expected, kCombatRuns));
  EXPECT_EQ(mean[world.actor("blue_guard")], 0.0);  // in the rear, out of the fight
}

// The enemy's firepower is shared among its targets in proportion to their strength.
TEST(Combat, FirepowerIsSharedInProportionToStrength) {
  World world(kBattlefield);
  // The guard (3000) joins blue_army (1000) in the field: red's 750 is split 1:3.
  world.initial
      .forces[static_cast<std::size_t>(
          World::ForceIn(world.initial, world.actor("blue_guard"), world.region("rear")))]
      .region = world.region("field");
  const double rate = world.s.rules.attrition_rate;
  const double army_expected = rate * 750 * 1000 / 4000;   // 3.75
  const double guard_expected = rate * 750 * 3000 / 4000;  // 11.25
  const double red_expected = rate * 4000;                 // both blue forces fire at red: 80
  std::vector<double> mean = MeanCombatLosses(world, kCombatRuns);
  EXPECT_NEAR(mean[world.actor("blue_army")], army_expected,
              PoissonMargin(army_expected, kCombatRuns));
  EXPECT_NEAR(mean[world.actor("blue_guard")], guard_expected,
              PoissonMargin(guard_expected, kCombatRuns));
  EXPECT_NEAR(mean[world.actor("red_army")], red_expected,
              PoissonMargin(red_expected, kCombatRuns));
}

TEST(Combat, AirPowerMultipliesFirepower) {
  World ground(kBattlefield);
  World air(kBattlefield, {"actor.red_army.air_power=0.6", "rules.air_multiplier=1.5"});
  const int red = ground.force("red_army", "field");
  const float without = Firepower(ground.s, ground.st.forces[red]);
  const float with = Firepower(air.s, air.st.forces[red]);
  EXPECT_FLOAT_EQ(without, 750.0f);
  EXPECT_FLOAT_EQ(with, static_cast<float>(750.0 * (1.0 + 1.5 * 0.6)));  // 1425
  // And blue bleeds accordingly: 0.02 x 1425 = 28.5 troops a day instead of 15.
  const double expected = air.s.rules.attrition_rate * 750.0 * (1.0 + 1.5 * 0.6);
  std::vector<double> mean = MeanCombatLosses(air, kCombatRuns);
  EXPECT_NEAR(mean[air.actor("blue_army")], expected, PoissonMargin(expected, kCombatRuns));
  // Air power is red's: it does not shield red from blue's fire.
  EXPECT_NEAR(mean[air.actor("red_army")], 20.0, PoissonMargin(20.0, kCombatRuns));
}

TEST(Combat, TerrainDefenceProtectsTheHolder) {
  World world(kBattlefield);
  // The same two armies meet in the town, which blue holds (city: defence 2.5).
  const RegionId town = world.region("town");
  for (Force& f : world.initial.forces) {
    if (f.actor != world.actor("blue_guard")) f.region = town;
  }
  const double rate = world.s.rules.attrition_rate;
  const double holder_expected = rate * 750 / 2.5;  // 6, against 15 in the open field
  const double attacker_expected = rate * 1000;     // 20: the attacker gets no protection
  std::vector<double> mean = MeanCombatLosses(world, kCombatRuns);
  EXPECT_NEAR(mean[world.actor("blue_army")], holder_expected,
              PoissonMargin(holder_expected, kCombatRuns));
  EXPECT_NEAR(mean[world.actor("red_army")], attacker_expected,
              PoissonMargin(attacker_expected, kCombatRuns));
}

TEST(Combat, OutgunnedForceBreaksAndFallsBack) {
  // Red at 5000 troops fires 7500, more than break_ratio 3 x (0.5 + resolve 0.5) x blue's 1000.
  World world(kBattlefield);
  const int blue = world.force("blue_army", "field"), red = world.force("red_army", "field");
  world.initial.forces[static_cast<std::size_t>(red)].strength = 5000;
  Day d = world.Fresh();
  rules::Combat(d);
  // Blue falls back to the nearest ground its side holds: the town (30 km), not red's nearer
  // ridge (20 km), not the farther rear (50 km).
  EXPECT_EQ(world.st.forces[blue].region, world.region("town"));
  EXPECT_GT(world.st.forces[blue].strength, 0.0f);
  EXPECT_EQ(world.st.forces[red].region, world.region("field"));  // the winner stays

  // At 1900 troops red fires 2850, under the 3000 that breaks blue: blue stands.
  world.initial.forces[static_cast<std::size_t>(red)].strength = 1900;
  Day d2 = world.Fresh();
  rules::Combat(d2);
  EXPECT_EQ(world.st.forces[blue].region, world.region("field"));
}


// Blue holds "home", must hold it, and wants "goal" next door (20 km: one day's march at the
// default 40 km a day). Red stands across a short edge from home, so home faces an enemy too.


// Sieges: the town is a city; the same armies as above meet in it, blue holding it. With
// siege_defence 10 the defenders' losses on the battle's first day are a tenth of the terrain's
// alone (0.6 against 6); the extra defence wears down as (1 - days / siege_days)^2 (60 of 120
// days: 1 + 9 / 4 = 3.25); after siege_days, or with rules.sieges off, it is gone. The attacker
// gets nothing. 4000 runs of one day as above (Poisson means; margins of 5 standard errors).
TEST(Combat, ACitysDefendersHoldUnderASiegeThatWearsDown) {
  std::string toml(kBattlefield);
  toml.replace(toml.find("terrain = \"city\"\nvalue = 1\n"), 26, "terrain = \"city\"\nvalue = 1\nflags = [\"city\"]\n");
  auto mean_losses = [&](const std::vector<std::string>& overrides, int days_fought) {
    World world(toml, overrides);
    const RegionId town = world.region("town");
    for (Force& f : world.initial.forces) {
      if (f.actor != world.actor("blue_guard")) f.region = town;
    }
    if (days_fought > 0) {  // a battle under way since day 1 - days_fought, fought yesterday
      world.initial.battle_start_day[static_cast<std::size_t>(town)] = 1 - days_fought;
      world.initial.battle_last_day[static_cast<std::size_t>(town)] = 0;
    }
    std::vector<double> mean = MeanCombatLosses(world, kCombatRuns);
    return std::pair{mean[world.actor("blue_army")], mean[world.actor("red_army")]};
  };
  const std::vector<std::string> siege = {"rules.siege_defence=10", "rules.siege_days=120", "rules.siege_exponent=2"};
  auto [first_day, attacker] = mean_losses(siege, 0);
  EXPECT_NEAR(first_day, 0.6, PoissonMargin(0.6, kCombatRuns));
  EXPECT_NEAR(attacker, 20.0, PoissonMargin(20.0, kCombatRuns));  // no protection for the attacker
  EXPECT_NEAR(mean_losses(siege, 60).first, 6.0 / 3.25, PoissonMargin(6.0 / 3.25, kCombatRuns));
  EXPECT_NEAR(mean_losses(siege, 120).first, 6.0, PoissonMargin(6.0, kCombatRuns));
  std::vector<std::string> off = siege;
  off.push_back("rules.sieges=false");
  EXPECT_NEAR(mean_losses(off, 0).first, 6.0, PoissonMargin(6.0, kCombatRuns));
  // The function itself.
  World world(toml, siege);
  EXPECT_DOUBLE_EQ(rules::SiegeDefence(world.s, 0), 10.0);
  EXPECT_DOUBLE_EQ(rules::SiegeDefence(world.s, 60), 3.25);
  EXPECT_DOUBLE_EQ(rules::SiegeDefence(world.s, 200), 1.0);
}


// Sieges differ in length (rules.siege_spread): each battle's siege_days is siege_days x
// exp(spread x Z), Z standard normal, drawn once per battle: the same on every day of one battle,
// independent across runs and battles. 20,000 battles: the mean and standard deviation of
// log(days / siege_days) within 5 standard errors of 0 and the spread (SE of the sd: s/sqrt(2n)).
TEST(Combat, SiegesDifferInLengthByTheirSpread) {
  std::string toml(kBattlefield);
  toml.replace(toml.find("terrain = \"city\"\nvalue = 1\n"), 26, "terrain = \"city\"\nvalue = 1\nflags = [\"city\"]\n");
  World world(toml, {"rules.siege_defence=10", "rules.siege_days=120", "rules.siege_spread=0.3"});
  const std::size_t town = static_cast<std::size_t>(world.region("town"));
  constexpr int kBattles = 20000;
  double sum = 0, sum2 = 0;
  for (int b = 0; b < kBattles; ++b) {
    world.initial.battle_start_day[town] = 1 + b % 50;  // battles that began on other days, in other runs
    Day d = world.Fresh(static_cast<uint64_t>(b / 50));
    const double days = rules::SiegeDays(d, town);
    world.st.day = 40;  // later in the same battle: the same length
    EXPECT_EQ(rules::SiegeDays(d, town), days);
    const double x = std::log(days / 120.0);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / kBattles, sd = std::sqrt(sum2 / kBattles - mean * mean);
  EXPECT_NEAR(mean, 0.0, 5 * 0.3 / std::sqrt(kBattles));
  EXPECT_NEAR(sd, 0.3, 5 * 0.3 / std::sqrt(2.0 * kBattles));
  // No spread: every siege as long; the defence at a day follows the battle's own length.
  World plain(toml, {"rules.siege_defence=10", "rules.siege_days=120"});
  Day d = plain.Fresh();
  EXPECT_EQ(rules::SiegeDays(d, town), 120.0);
  EXPECT_DOUBLE_EQ(rules::SiegeDefence(plain.s, 60, 240.0), rules::SiegeDefence(plain.s, 30, 120.0));
}

// The will to hold (rules.will_to_hold): blue holds the town and the rear (priority 1 each).
// Once it has lost the rear it fights for half the ground it held, so with will_to_hold 1 a siege
// of the town has half its extra defence (1 + 9 / 2 = 5.5 on the battle's first day: losses
// 6 / 5.5); with the switch at 0 the whole (10: losses 0.6).
TEST(Combat, AHolderThatLosesItsGroundLosesItsWillToHold) {
  std::string toml(kBattlefield);
  toml.replace(toml.find("terrain = \"city\"\nvalue = 1\n"), 26, "terrain = \"city\"\nvalue = 1\nflags = [\"city\"]\n");
  const std::vector<std::string> siege = {"rules.siege_defence=10", "rules.siege_days=120", "rules.siege_exponent=2"};
  auto with = [&](double k) {
    std::vector<std::string> overrides = siege;
    overrides.push_back("rules.will_to_hold=" + std::to_string(k));
    return overrides;
  };
  auto run = [&](const std::vector<std::string>& overrides, bool rear_lost) {
    World world(toml, overrides);
    const RegionId town = world.region("town");
    const ActorId blue = world.actor("blue_army");
    EXPECT_FLOAT_EQ(world.s.Priority(blue, town), world.s.Priority(blue, world.region("rear")));
    if (rear_lost) world.initial.holder[static_cast<std::size_t>(world.region("rear"))] = kNone;
    for (Force& f : world.initial.forces) {
      if (f.actor != world.actor("blue_guard")) f.region = town;
    }
    Day d = world.Fresh();
    const double will = rules::WillToHold(d, blue);
    return std::pair{will, MeanCombatLosses(world, kCombatRuns)[blue]};
  };
  EXPECT_DOUBLE_EQ(run(with(1), false).first, 1.0);  // all its ground: the whole defence
  const auto [half, losses] = run(with(1), true);
  EXPECT_DOUBLE_EQ(half, 0.5);
  EXPECT_NEAR(losses, 6.0 / 5.5, PoissonMargin(6.0 / 5.5, kCombatRuns));
  EXPECT_DOUBLE_EQ(run(with(2), true).first, 0.25);
  const auto [off, off_losses] = run(siege, true);
  EXPECT_DOUBLE_EQ(off, 1.0);
  EXPECT_NEAR(off_losses, 0.6, PoissonMargin(0.6, kCombatRuns));
}

// Concentration: the group's force at the front breaks; next door are "near" (10 km, a dead end)
// and "way" (30 km, on the road to its pocket, where 2,000 of its troops stand). A group that
// concentrates falls back to "way"; otherwise, or with the switch off, to the nearest, "near".
TEST(Combat, AGroupThatConcentratesFallsBackTowardItsPocket) {
  auto world_text = [](bool concentrates) {
    std::string t = R"([scenario]
name = "Pocket"
start_date = "2020-01-01"
horizon_days = 30
[[bloc]]
id = "blue"
[[bloc]]
id = "black"
[[actor]]
id = "blue_army"
bloc = "blue"
[[actor]]
id = "group"
bloc = "black"
terrorist = true
)";
    t += concentrates ? "concentrates = true\n" : "";
    t += R"([[relation]]
a = "blue"
b = "black"
kind = "hostility"
)";
    for (const char* id : {"home", "front", "near", "way", "pocket"}) {
      t += std::string("[[region]]\nid = \"") + id + "\"\ncountry = \"AA\"\nlat = 34.0\nlon = 38.0\nterrain = \"desert\"\nvalue = 1\n" +
           (std::string(id) == "home" ? "holder = \"blue_army\"\n" : "holder = \"group\"\n");
    }
    for (auto [a, b, km] : {std::tuple{"home", "front", 20}, {"front", "near", 10}, {"front", "way", 30}, {"way", "pocket", 30}}) {
      t += std::string("[[edge]]\nfrom = \"") + a + "\"\nto = \"" + b + "\"\nlength_km = " + std::to_string(km) + "\n";
    }
    t += "[[force]]\nactor = \"group\"\nregion = \"front\"\nstrength = 300\n"
         "[[force]]\nactor = \"group\"\nregion = \"near\"\nstrength = 100\n"
         "[[force]]\nactor = \"group\"\nregion = \"pocket\"\nstrength = 2000\n"
         "[[force]]\nactor = \"blue_army\"\nregion = \"home\"\nstrength = 1000\n";
    return t;
  };
  auto fall_back = [](World& world) {
    Day d = world.Fresh();
    const int f = World::ForceIn(world.st, world.actor("group"), world.region("front"));
    return FallBackRegion(d, world.st.forces[static_cast<std::size_t>(f)]);
  };
  World concentrating(world_text(true));
  EXPECT_EQ(fall_back(concentrating), concentrating.region("way"));
  World scattering(world_text(false));
  EXPECT_EQ(fall_back(scattering), scattering.region("near"));
  World off(world_text(true), {"rules.concentration=false"});
  EXPECT_EQ(fall_back(off), off.region("near"));
}

// Casualties by cause: an actor's own killed_share replaces the rule's 25% for its losses
// (outputs and the red line of retaliation), and the switch brings back the rule's for all.
TEST(Casualties, AnActorsOwnKilledShareReplacesTheRules) {
  World own(kBattlefield, {"actor.red_army.killed_share=0.5"});
  EXPECT_DOUBLE_EQ(own.s.KilledShare(own.actor("red_army")), 0.5);
  EXPECT_DOUBLE_EQ(own.s.KilledShare(own.actor("blue_army")), 0.25);  // none of its own: the rule's
  World off(kBattlefield, {"actor.red_army.killed_share=0.5", "rules.killed_share_by_actor=false"});
  EXPECT_DOUBLE_EQ(off.s.KilledShare(off.actor("red_army")), 0.25);
}

}  // namespace
}  // namespace brink
