// The rules' claims: reach and lethality by weapon (docs/model.md, "Reach and lethality";
// Actor::fire_range_km and fire_lethality, switch rules.weapons). The margins:
// rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

// Blue and red are rivals along a road west to east: far_base - home - mid - post, the regions
// half a degree of longitude apart at 34 N (46 km in a straight line, 50 km by road). Blue's
// army stands at home; a red force has come onto blue's ground at the post, two road steps
// away (out of reach next door). Blue's air arm has no troops in the theatre, only a base at
// far_base, 92 km west of home and 185 km from the post.
constexpr std::string_view kRange = R"(
[scenario]
name = "Range"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "blue_army"
bloc = "blue"
retaliation_capability = 0.5
[[actor]]
id = "blue_air"
bloc = "blue"
bases = ["far_base"]
[[actor]]
id = "red_army"
bloc = "red"

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"

[[region]]
id = "far_base"
country = "AA"
lat = 34.0
lon = 37.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "home"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "mid"
country = "AA"
lat = 34.0
lon = 38.5
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "post"
country = "AA"
lat = 34.0
lon = 39.0
terrain = "desert"
value = 1
holder = "blue_army"

[[edge]]
from = "far_base"
to = "home"
length_km = 100
[[edge]]
from = "home"
to = "mid"
length_km = 50
[[edge]]
from = "mid"
to = "post"
length_km = 50

[[force]]
actor = "blue_army"
region = "home"
strength = 1000
[[force]]
actor = "red_army"
region = "post"
strength = 100000
)";

int Target(World& world, std::string_view striker) {
  Day d = world.Fresh();
  PrepareTurn(d);
  return rules::StrikeTarget(d, world.actor(striker));
}

// Next door is the reach of a force without a range; a range of 100 km reaches the post (92 km
// in a straight line) from home, 60 km does not; switched off, the range is ignored.
TEST(Weapons, StandOffFireReachesByRangeInAStraightLine) {
  World next_door(kRange);
  EXPECT_EQ(Target(next_door, "blue_army"), -1);
  World rockets(kRange, {"actor.blue_army.fire_range_km=100"});
  EXPECT_EQ(Target(rockets, "blue_army"), rockets.force("red_army", "post"));
  World short_range(kRange, {"actor.blue_army.fire_range_km=60"});
  EXPECT_EQ(Target(short_range, "blue_army"), -1);
  World off(kRange, {"actor.blue_army.fire_range_km=100", "rules.weapons=false"});
  EXPECT_EQ(Target(off, "blue_army"), -1);
}

// An actor with no troops in the theatre strikes from its base: blue's air arm reaches the
// post (185 km) with a range of 200 km, not with 150 km.
TEST(Weapons, AnActorWithNoGroundStrikesFromOutsideTheTheatre) {
  World far(kRange, {"actor.blue_air.fire_range_km=200"});
  EXPECT_EQ(Target(far, "blue_air"), far.force("red_army", "post"));
  World near(kRange, {"actor.blue_air.fire_range_km=150"});
  EXPECT_EQ(Target(near, "blue_air"), -1);
  // And its strike is an event of its own, on the post.
  EventLog log;
  Day d = far.Fresh(0, &log);
  PrepareTurn(d);
  far.st.actors[far.actor("blue_air")].action = Action::kStrike;
  rules::DeliberateStrikes(d);
  auto strike = std::find_if(log.begin(), log.end(), [](const Event& e) { return e.kind == EventKind::kStrike; });
  ASSERT_NE(strike, log.end());
  EXPECT_EQ(strike->actor, far.actor("blue_air"));
  EXPECT_EQ(strike->region, far.region("post"));
  EXPECT_EQ(static_cast<Cause>(strike->index), Cause::kIntrusion);
}

// Lethality: one act of fire costs the target Poisson(lethality x Exp(1)) troops, so with a
// lethality of 0.5 two acts in three cost nothing (a geometric law: P(0) = 1 / (1 + 0.5)) and
// the mean is 0.5, against 8 x (0.5 + 0.5) = 8 by the rule for all. Seed kSeed, 4,000 acts;
// margins 5 standard errors.
TEST(Weapons, LethalityIsTheWeaponsRecordMostActsKillNoOne) {
  auto losses = [](const std::vector<std::string>& overrides, int runs, int* harmless) {
    World world(kRange, overrides);
    double sum = 0;
    *harmless = 0;
    for (int run = 0; run < runs; ++run) {
      Day d = world.Fresh(static_cast<uint64_t>(run));
      Rng rng = d.rng(Stream::kStrike);
      const float lost = rules::LimitedFire(d, rng, world.actor("blue_army"), world.force("red_army", "post"), 0.06, 100000);
      sum += lost;
      if (lost == 0) ++*harmless;
    }
    return sum / runs;
  };
  const int runs = 4000;
  int harmless = 0;
  const double light = losses({"actor.blue_army.fire_lethality=0.5"}, runs, &harmless);
  // Var of a geometric of mean m: m (1 + m) = 0.75.
  EXPECT_NEAR(light, 0.5, 5 * std::sqrt(0.75 / runs));
  EXPECT_NEAR(harmless / static_cast<double>(runs), 2.0 / 3.0, ShareMargin(2.0 / 3.0, runs));
  const double rule = losses({"actor.blue_army.fire_lethality=0.5", "rules.weapons=false"}, runs, &harmless);
  EXPECT_NEAR(rule, 8.0, 5 * std::sqrt(8.0 * 9.0 / runs));
}

}  // namespace
}  // namespace brink
