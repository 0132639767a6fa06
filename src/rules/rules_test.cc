// The rules' claims, one suite per dynamic (docs/model.md, "Submodels"). Each test builds its
// whole world as TOML text below, loads it with LoadScenario, and drives one rule directly
// through a Day over the State from Engine::Initial(), prepared as Engine::Step prepares it
// (Dawn: the ladder at dawn, no hawk pressure yet, relations, stances, the forces indexed).
//
// Statistical tests use fixed seeds (the Rng is counter-based, so every number here is
// reproducible) and margins of 5 standard errors of the estimate they check: a correct rule
// lands outside them with probability below 1e-6, a wrong formula lands far outside.
#include "rules/rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "brink/engine.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "engine/day.h"
#include "engine/random.h"

namespace brink {
namespace {

constexpr uint64_t kSeed = 20170615;

// A world that does not load fails the test that builds it (gtest reports the exception).
Scenario Load(std::string_view toml, const std::vector<std::string>& overrides) {
  Result<Scenario> loaded = LoadScenario(toml, "test.toml", overrides);
  if (!loaded.ok()) throw std::runtime_error(loaded.message());
  return loaded.take();
}

// A scenario, its initial state and scratch space, driven one rule at a time.
class World {
 public:
  explicit World(std::string_view toml, const std::vector<std::string>& overrides = {})
      : s(Load(toml, overrides)), initial(Engine(s).Initial()), st(initial) {}

  // Begins day `day` of run `run` from the current state, as Engine::Step does before its
  // rules (Dawn).
  Day Today(int day = 1, uint64_t run = 0, EventLog* log = nullptr, uint64_t seed = kSeed) {
    st.day = day;
    Day d{s, st, w, seed, run, log};
    Dawn(d);
    return d;
  }
  // The same, from the initial state (each run an independent draw of the same day).
  Day Fresh(uint64_t run = 0, EventLog* log = nullptr, int day = 1) {
    st = initial;
    return Today(day, run, log);
  }

  ActorId actor(std::string_view id) const {
    int index = s.ActorIndex(id);
    if (index < 0) throw std::runtime_error("no actor " + std::string(id));
    return static_cast<ActorId>(index);
  }
  RegionId region(std::string_view id) const {
    int index = s.RegionIndex(id);
    if (index < 0) throw std::runtime_error("no region " + std::string(id));
    return static_cast<RegionId>(index);
  }
  int corridor(std::string_view id) const {
    for (std::size_t c = 0; c < s.corridors.size(); ++c) {
      if (s.corridors[c].id == id) return static_cast<int>(c);
    }
    throw std::runtime_error("no corridor " + std::string(id));
  }
  // The first force of `actor` in `region` in `state`.
  static int ForceIn(const State& state, ActorId actor, RegionId region) {
    for (std::size_t f = 0; f < state.forces.size(); ++f) {
      if (state.forces[f].actor == actor && state.forces[f].region == region)
        return static_cast<int>(f);
    }
    throw std::runtime_error("no such force");
  }
  int force(std::string_view actor_id, std::string_view region_id) const {
    return ForceIn(st, actor(actor_id), region(region_id));
  }
  float tension(ActorId a, ActorId b) const {
    return st
        .tension[static_cast<std::size_t>(s.actors[a].bloc) * s.blocs.size() + s.actors[b].bloc];
  }

  Scenario s;
  State initial;
  State st;
  Workspace w;
};

// 5 standard errors of the mean of `runs` Poisson draws with mean `mean`.
double PoissonMargin(double mean, int runs) { return 5.0 * std::sqrt(mean / runs); }
// 5 standard errors of a share of `runs` Bernoulli draws with chance `p`.
double ShareMargin(double p, int runs) { return 5.0 * std::sqrt(p * (1.0 - p) / runs); }

// ============================================================================= Combat

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

// ============================================================================= Movement

// Blue holds "home", must hold it, and wants "goal" next door (20 km: one day's march at the
// default 40 km a day). Red stands across a short edge from home, so home faces an enemy too.
constexpr std::string_view kMarch = R"(
[scenario]
name = "March"
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
kind = "hostility"

[[region]]
id = "home"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "goal"
country = "AA"
lat = 34.1
lon = 38.0
terrain = "desert"
value = 5
[[region]]
id = "hill"
country = "AA"
lat = 33.9
lon = 38.0
terrain = "desert"
value = 1
holder = "red_army"

[[edge]]
from = "home"
to = "goal"
length_km = 20
[[edge]]
from = "home"
to = "hill"
length_km = 20

[[objective]]
actor = "blue_army"
kind = "hold"
regions = ["home"]
weight = 1

[[force]]
actor = "blue_army"
region = "home"
strength = 1000
[[force]]
actor = "red_army"
region = "hill"
strength = 100
)";

// Blue advances: where it must hold (default rules, capture_strength 50) it leaves a quarter of
// the force, at most 2 x capture_strength = 100 troops, and the rest marches; with
// rules.garrisons = false the whole force marches.
TEST(Movement, MarchingForceLeavesAGarrisonUnlessSwitchedOff) {
  for (bool garrisons : {true, false}) {
    SCOPED_TRACE(garrisons ? "garrisons" : "no garrisons");
    World world(kMarch, {garrisons ? "rules.garrisons=true" : "rules.garrisons=false"});
    Day d = world.Fresh();
    for (ActorState& a : world.st.actors) a.action = Action::kHold;
    world.st.actors[static_cast<std::size_t>(world.actor("blue_army"))].action = Action::kAdvance;
    rules::Move(d);
    const RegionId home = world.region("home"), goal = world.region("goal");
    float at_home = 0, at_goal = 0;
    int blue_forces = 0;
    for (const Force& f : world.st.forces) {
      if (f.actor != world.actor("blue_army")) continue;
      ++blue_forces;
      if (f.region == home) at_home += f.strength;
      if (f.region == goal) at_goal += f.strength;
    }
    EXPECT_EQ(blue_forces, garrisons ? 2 : 1);
    EXPECT_FLOAT_EQ(at_home, garrisons ? 100.0f : 0.0f);
    EXPECT_FLOAT_EQ(at_goal, garrisons ? 900.0f : 1000.0f);
  }
}

// A 16 x 32 grid split by a wall of red ground (column 16) with one gap at the bottom; 300
// blue forces against the wall at its top, each bound for the far north-east: every one's road
// is barred and its detour search covers most of the map (about 2,000 region visits).
std::string WalledGrid() {
  std::string out =
      "[scenario]\nname = \"Walled grid\"\nstart_date = \"2020-01-01\"\nhorizon_days = 30\n"
      "[rules]\ngarrisons = false\n"
      "[[bloc]]\nid = \"blue\"\n[[bloc]]\nid = \"red\"\n"
      "[[actor]]\nid = \"blue_army\"\nbloc = \"blue\"\n[[actor]]\nid = \"red_army\"\nbloc = \"red\"\n"
      "[[relation]]\na = \"blue\"\nb = \"red\"\nkind = \"rivalry\"\n";
  auto id = [](int row, int column) { return "r" + std::to_string(row) + "_" + std::to_string(column); };
  for (int row = 0; row < 16; ++row) {
    for (int column = 0; column < 32; ++column) {
      out += "[[region]]\nid = \"" + id(row, column) + "\"\ncountry = \"AA\"\nlat = 30\nlon = 30\n"
             "terrain = \"steppe\"\nvalue = 1\n";
      if (column == 16 && row != 15) out += "holder = \"red_army\"\n";
    }
  }
  for (int row = 0; row < 16; ++row) {
    for (int column = 0; column < 32; ++column) {
      if (column + 1 < 32) {
        out += "[[edge]]\nfrom = \"" + id(row, column) + "\"\nto = \"" + id(row, column + 1) + "\"\nlength_km = 100\n";
      }
      if (row + 1 < 16) {
        out += "[[edge]]\nfrom = \"" + id(row, column) + "\"\nto = \"" + id(row + 1, column) + "\"\nlength_km = 100\n";
      }
    }
  }
  for (int i = 0; i < 300; ++i) out += "[[force]]\nactor = \"blue_army\"\nregion = \"r0_15\"\nstrength = 100\n";
  out += "[[force]]\nactor = \"red_army\"\nregion = \"r0_16\"\nstrength = 100\n";
  return out;
}

// Detour searches share a daily budget (2^18 region visits): the forces that come first march
// around the wall, those that find it spent keep their goal and wait for tomorrow, so that a
// day's marching is bounded however many roads are barred. Before, each of the 300 searched.
TEST(Movement, DetourSearchesShareADailyBudget) {
  const std::string toml = WalledGrid();
  World world(toml);
  Day d = world.Fresh();
  const ActorId blue = world.actor("blue_army");
  for (ActorState& a : world.st.actors) a.action = Action::kHold;
  world.st.actors[static_cast<std::size_t>(blue)].action = Action::kAdvance;
  const RegionId goal = world.region("r0_31");
  for (Force& f : world.st.forces) {
    if (f.actor == blue) f.target = goal;
  }
  // Day 1 with 300 forces: phase (day + i) mod 10 is 0 for every tenth force, which then
  // retargets; the others keep the goal set above.
  rules::Move(d);
  int marched = 0, waiting = 0, last_marched = -1, first_waiting = -1;
  for (std::size_t i = 0; i < world.st.forces.size(); ++i) {
    const Force& f = world.st.forces[i];
    if (f.actor != blue || f.target != goal) continue;
    if (f.progress_km > 0) {
      ++marched;
      last_marched = static_cast<int>(i);
    } else {
      ++waiting;
      if (first_waiting < 0) first_waiting = static_cast<int>(i);
    }
  }
  EXPECT_GT(marched, 50) << "the budget lets many detours through";
  EXPECT_GT(waiting, 50) << "but not 300 whole-map searches in one day";
  EXPECT_LT(first_waiting, 300);
  EXPECT_LT(last_marched, first_waiting + 10) << "forces are served in index order";
}

// ============================================================================= Corridors

// A road from west to east through the middle; three blocs. "road" is open only through blue
// ground, "shared" through blue or green ground.
constexpr std::string_view kLine = R"(
[scenario]
name = "Line"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"
[[bloc]]
id = "green"

[[actor]]
id = "blue_army"
bloc = "blue"
[[actor]]
id = "red_army"
bloc = "red"
[[actor]]
id = "green_army"
bloc = "green"

[[region]]
id = "west"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "middle"
country = "AA"
lat = 34.0
lon = 39.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "east"
country = "AA"
lat = 34.0
lon = 40.0
terrain = "desert"
value = 1
holder = "blue_army"

[[edge]]
from = "west"
to = "middle"
length_km = 90
[[edge]]
from = "middle"
to = "east"
length_km = 90

[[corridor]]
id = "road"
from = ["west"]
to = ["east"]
open_through = ["blue"]
[[corridor]]
id = "shared"
from = ["west"]
to = ["east"]
open_through = ["blue", "green"]
)";

// West and east joined by two branches, north and south, all blue.
constexpr std::string_view kDiamond = R"(
[scenario]
name = "Diamond"
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

[[region]]
id = "west"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "north"
country = "AA"
lat = 34.5
lon = 39.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "south"
country = "AA"
lat = 33.5
lon = 39.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "east"
country = "AA"
lat = 34.0
lon = 40.0
terrain = "desert"
value = 1
holder = "blue_army"

[[edge]]
from = "west"
to = "north"
length_km = 100
[[edge]]
from = "north"
to = "east"
length_km = 100
[[edge]]
from = "west"
to = "south"
length_km = 100
[[edge]]
from = "south"
to = "east"
length_km = 100

[[corridor]]
id = "road"
from = ["west"]
to = ["east"]
open_through = ["blue"]
)";

TEST(Corridors, CorridorOpenThroughFriendlyGround) {
  World world(kLine);
  EXPECT_TRUE(rules::CorridorOpen(world.s, world.st, world.corridor("road"), world.w));
  EXPECT_EQ(world.st.corridor_open[static_cast<std::size_t>(world.corridor("road"))],
            1);  // Initial agrees
}

TEST(Corridors, CorridorCutByOneHostileRegion) {
  World world(kLine);
  world.st.holder[world.region("middle")] = world.actor("red_army");
  EXPECT_FALSE(rules::CorridorOpen(world.s, world.st, world.corridor("road"), world.w));
  EXPECT_FALSE(rules::CorridorOpen(world.s, world.st, world.corridor("shared"), world.w));
  // Ground nobody holds does not carry the corridor either.
  world.st.holder[world.region("middle")] = kNone;
  EXPECT_FALSE(rules::CorridorOpen(world.s, world.st, world.corridor("road"), world.w));
  // Nor does an end held by another bloc.
  world.st.holder[world.region("middle")] = world.actor("blue_army");
  world.st.holder[world.region("east")] = world.actor("red_army");
  EXPECT_FALSE(rules::CorridorOpen(world.s, world.st, world.corridor("road"), world.w));
}

TEST(Corridors, CorridorOpenThroughAnotherBlocListedInOpenThrough) {
  World world(kLine);
  world.st.holder[world.region("middle")] = world.actor("green_army");
  EXPECT_TRUE(rules::CorridorOpen(world.s, world.st, world.corridor("shared"), world.w));
  EXPECT_FALSE(
      rules::CorridorOpen(world.s, world.st, world.corridor("road"), world.w));  // green not listed
}

TEST(Corridors, CuttingOneBranchOfADiamondKeepsItOpen) {
  World world(kDiamond);
  const int road = world.corridor("road");
  world.st.holder[world.region("north")] = world.actor("red_army");
  EXPECT_TRUE(rules::CorridorOpen(world.s, world.st, road, world.w));  // around by the south
  world.st.holder[world.region("south")] = world.actor("red_army");
  EXPECT_FALSE(rules::CorridorOpen(world.s, world.st, road, world.w));  // both branches cut
  world.st.holder[world.region("north")] = world.actor("blue_army");
  EXPECT_TRUE(rules::CorridorOpen(world.s, world.st, road, world.w));  // around by the north
}

// ============================================================================= Strikes, zones

// The standoff: blue and red are rivals. Blue holds a base inside its declared zone, and a red
// force has come into the base; red holds an outpost 20 km away (within contact_km 30). Blue
// has 20,000 troops exposed abroad within red's reach. Blue never calls its strikes defensive
// unless a test says so.
constexpr std::string_view kStandoff = R"(
[scenario]
name = "Standoff"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "blue_army"
bloc = "blue"
resolve = 0.8
war_aversion = 0.4
signal_propensity = 0.0
[[actor]]
id = "red_army"
bloc = "red"
resolve = 1.0
war_aversion = 0.0
signal_propensity = 0.0

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
region = "base"
strength = 500

[[zone]]
id = "base_zone"
owner = "blue_army"
regions = ["base"]
self_defence_strike = 1.0
incident_reduction = 0.5

[[exposure]]
id = "blue_abroad"
actor = "blue_army"
troops = 20000
threatened_by = ["red_army"]
)";

// How many of `runs` independent days of ZoneStrikes had a zone strike.
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

// ============================================================================= Retaliation

Grievance Against(ActorId striker, int strikes, bool signalled) {
  return Grievance{.against = striker,
                   .days_left = 5,
                   .strikes = static_cast<uint8_t>(strikes),
                   .signalled = signalled};
}

TEST(Retaliation, DefensiveSignalLowersChance) {
  World world(kStandoff);
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
  World world(kStandoff);
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
  world.initial.actors[world.actor("red_army")].grievance = Grievance{
      .against = world.actor("blue_army"), .days_left = 10, .strikes = 1, .signalled = false};
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
    // The blow landed in the theatre, and the striker now holds a grievance in turn.
    EXPECT_GT(world.st.actors[blue].casualties, 0.0f);
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

// ============================================================================= Incidents

TEST(Incidents, IncidentChanceFallsWithDeconflictionAndZones) {
  // incident_rate x (1 + incident_tension_factor x tension) x (1 - deconfliction) x (1 - zone).
  auto chance = [](const char* deconfliction, double tension, double zone) {
    World world(kStandoff, {"rules.incident_rate=0.04", "rules.incident_tension_factor=0.5",
                            std::string("rules.deconfliction=") + deconfliction});
    return rules::IncidentChance(world.s, tension, zone);
  };
  EXPECT_NEAR(chance("0", 0, 0), 0.04, 1e-12);
  EXPECT_NEAR(chance("0", 2, 0), 0.04 * 2, 1e-12);
  EXPECT_NEAR(chance("0.5", 2, 0), 0.04 * 2 * 0.5, 1e-12);
  EXPECT_NEAR(chance("0.5", 2, 0.5), 0.04 * 2 * 0.5 * 0.5, 1e-12);
  EXPECT_NEAR(chance("0.75", 2, 0.2), 0.04 * 2 * 0.25 * 0.8, 1e-12);
  EXPECT_EQ(chance("1", 2, 0), 0.0);  // full deconfliction
  EXPECT_EQ(chance("0", 2, 1), 0.0);  // a zone that prevents every incident
  double previous = 1;
  for (const char* deconfliction : {"0", "0.25", "0.5", "0.75", "1"}) {
    double p = chance(deconfliction, 1, 0);
    EXPECT_LT(p, previous) << deconfliction;
    previous = p;
  }
  EXPECT_EQ(chance("0", 1e5, 0), 1.0);  // a chance, capped
}

// Seed kSeed, 20,000 days each. The one rival pair (both in blue's base) has an incident with
// chance 0.2 x (1 - 0.5) x (1 - 0.5 zone) = 0.05 (sd 0.0015), 0.1 with the zone disabled
// (sd 0.0021); margins 5 sd.
TEST(Incidents, IncidentsHappenAtTheirChanceInsideAZone) {
  auto share = [](const std::vector<std::string>& overrides) {
    World world(kStandoff, overrides);
    const int runs = 20000;
    int incidents = 0;
    for (int run = 0; run < runs; ++run) {
      Day d = world.Fresh(static_cast<uint64_t>(run));
      rules::Incidents(d);
      incidents += world.st.tally.count(EventKind::kIncident);
    }
    return static_cast<double>(incidents) / runs;
  };
  EXPECT_NEAR(share({"rules.incident_rate=0.2"}), 0.05, ShareMargin(0.05, 20000));
  EXPECT_NEAR(share({"rules.incident_rate=0.2", "zone.base_zone.enabled=false"}), 0.1,
              ShareMargin(0.1, 20000));
}

// ============================================================================= Factions

// Blue's choice is shared by hawks (a quarter of the influence) and doves; red has no factions.
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

// ============================================================================= Proxies

// A patron with a loyal proxy (reliability 1) and a fickle one (0.3).
constexpr std::string_view kProxies = R"(
[scenario]
name = "Proxies"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "patron"
bloc = "blue"
[[actor]]
id = "loyal"
bloc = "blue"
[[actor]]
id = "fickle"
bloc = "blue"
[[actor]]
id = "red_army"
bloc = "red"

[[relation]]
a = "patron"
b = "loyal"
kind = "patronage"
reliability = 1.0
[[relation]]
a = "patron"
b = "fickle"
kind = "patronage"
reliability = 0.3

[[region]]
id = "camp"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "patron"

[[force]]
actor = "loyal"
region = "camp"
strength = 100
[[force]]
actor = "fickle"
region = "camp"
strength = 100
)";

// Of `runs` independent days on which `proxy` chose `action`, how many it balked (held instead).
int Balks(World& world, ActorId proxy, Action action, int runs) {
  int balks = 0;
  for (int run = 0; run < runs; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    world.st.actors[proxy].action = action;
    rules::ApplyProxyReliability(d);
    const int balked = world.st.tally.count(EventKind::kProxyBalk);
    EXPECT_EQ(world.st.actors[proxy].action, balked ? Action::kHold : action);
    balks += balked;
  }
  return balks;
}

TEST(Proxies, ReliableProxyAlwaysCarriesOut) {
  World world(kProxies);
  EXPECT_EQ(Balks(world, world.actor("loyal"), Action::kAdvance, 1000), 0);
  EXPECT_EQ(Balks(world, world.actor("loyal"), Action::kStrike, 1000), 0);
}

// Seed kSeed, 20,000 days: the share of balks is binomial with p 0.7, sd sqrt(0.21 / 20000) =
// 0.0032; margin 5 sd = 0.016.
TEST(Proxies, UnreliableProxyBalksInProportion) {
  World world(kProxies);
  const ActorId fickle = world.actor("fickle");
  ASSERT_DOUBLE_EQ(world.s.actors[fickle].reliability, 0.3);
  const int runs = 20000;
  double share = static_cast<double>(Balks(world, fickle, Action::kAdvance, runs)) / runs;
  EXPECT_NEAR(share, 0.7, ShareMargin(0.7, runs));
  // Holding or backing down is never refused.
  EXPECT_EQ(Balks(world, fickle, Action::kHold, 200), 0);
  EXPECT_EQ(Balks(world, fickle, Action::kWithdraw, 200), 0);
}

// Two militias of the blue side feud over the front (a clash every day, every proxy force
// away from the front diverted to it). militia_a is the patron's proxy; militia_b is not.
constexpr std::string_view kFeud = R"(
[scenario]
name = "Feud"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "patron"
bloc = "blue"
[[actor]]
id = "militia_a"
bloc = "blue"
[[actor]]
id = "militia_b"
bloc = "blue"
[[actor]]
id = "red_army"
bloc = "red"

[[relation]]
a = "patron"
b = "militia_a"
kind = "patronage"
reliability = 1.0
[[relation]]
a = "militia_a"
b = "militia_b"
kind = "feud"
intensity = 1.0
diversion = 1.0
front = ["front"]

[[terrain]]
id = "open"

[[region]]
id = "home"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "open"
value = 1
holder = "militia_a"
[[region]]
id = "front"
country = "AA"
lat = 34.0
lon = 39.0
terrain = "open"
value = 1
holder = "militia_b"
[[region]]
id = "far"
country = "AA"
lat = 34.0
lon = 40.0
terrain = "open"
value = 1
holder = "militia_b"

[[edge]]
from = "home"
to = "front"
length_km = 100
[[edge]]
from = "front"
to = "far"
length_km = 50

[[force]]
actor = "militia_a"
region = "home"
strength = 400
[[force]]
actor = "militia_a"
region = "front"
strength = 3000
[[force]]
actor = "militia_b"
region = "front"
strength = 3000
[[force]]
actor = "militia_b"
region = "far"
strength = 200
)";

TEST(Proxies, FeudClashDivertsProxyForces) {
  World world(kFeud);
  const int at_home = world.force("militia_a", "home"),
            at_front = world.force("militia_a", "front");
  const int b_far = world.force("militia_b", "far");
  Day d = world.Fresh();
  rules::Feuds(d);
  ASSERT_EQ(world.st.tally.count(EventKind::kFeudClash), 1);  // intensity 1: every day
  const Force& diverted = world.st.forces[static_cast<std::size_t>(at_home)];
  EXPECT_GT(diverted.diverted_days, 0);
  EXPECT_EQ(diverted.diverted_days, world.s.rules.feud_hot_days);
  EXPECT_EQ(diverted.target, world.region("front"));
  EXPECT_EQ(world.st.forces[static_cast<std::size_t>(at_front)].diverted_days, 0);  // already there
  EXPECT_EQ(world.st.forces[static_cast<std::size_t>(b_far)].diverted_days, 0);     // not a proxy
  EXPECT_EQ(world.st.tally.count(EventKind::kDiversion), 1);
  // The clash was fought at the front, and both sides lost troops there (Poisson(0.01 x 3000)).
  EXPECT_LT(world.st.forces[static_cast<std::size_t>(at_front)].strength, 3000.0f);
  EXPECT_LT(world.st.forces[static_cast<std::size_t>(world.force("militia_b", "front"))].strength,
            3000.0f);

  // The diverted force marches to the front whatever its actor chose (it holds): 100 km at
  // 40 km a day is three days.
  for (int day = 2; day <= 4; ++day) {
    Day next = world.Today(day);
    for (ActorState& a : world.st.actors) a.action = Action::kHold;
    rules::Move(next);
  }
  EXPECT_EQ(world.st.forces[static_cast<std::size_t>(at_home)].region, world.region("front"));
}

// ============================================================================= Ladder

// Rivals on a four-rung ladder; war at tension 4.
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

// ============================================================================= Resolve

// Blue is rival to both red and green, each its own bloc, and tension is high with both.
constexpr std::string_view kTwoRivals = R"(
[scenario]
name = "Two rivals"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"
[[bloc]]
id = "green"

[[actor]]
id = "blue_army"
bloc = "blue"
[[actor]]
id = "red_army"
bloc = "red"
[[actor]]
id = "green_army"
bloc = "green"

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"
[[relation]]
a = "blue"
b = "green"
kind = "rivalry"

[[region]]
id = "capital"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
)";

TEST(Resolve, DeescalationTakesBackTensionWithEachRival) {
  World world(kTwoRivals);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  const ActorId green = world.actor("green_army");
  Day d = world.Fresh();
  rules::RaiseTension(d, blue, red, 4);
  rules::RaiseTension(d, blue, green, 5);
  world.st.actors[blue].action = Action::kDeescalate;
  rules::Withdrawals(d);
  const Rules& x = world.s.rules;
  const double relief = x.tension_signal_relief * x.tension_strike;  // 0.5
  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(4 - relief));
  EXPECT_FLOAT_EQ(world.tension(blue, green), static_cast<float>(5 - relief));
  EXPECT_EQ(world.st.tally.count(EventKind::kDeescalation), 1);
}

}  // namespace
}  // namespace brink
