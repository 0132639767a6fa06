// The rules' claims: Proxies and feuds (proxies.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

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
  ASSERT_DOUBLE_EQ(world.s.reliability(fickle), 0.3);
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
  // Losses by shares of the smaller force (bounded fire off), so that both sides lose some.
  // The unsized diversion (issue 20 sized it: FeudDiversionIsSizedToTheFrontAndKeepsHomeGarrisons):
  // every force away from the front goes with chance `diversion`.
  World world(kFeud, {"rules.bounded_fire=false", "rules.feud_sized_diversion=false"});
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


// Rivals on a four-rung ladder; war at tension 4.


// Sized (the default): militia_a's 400 at home are its only force on ground it holds, a home
// garrison, and stay; a second force of 400 that marched out to the open field (nobody's) goes,
// since militia_a has 3,000 at the front against militia_b's 3,000 and wants 1.5 times that.
// With a ratio of 1 (already even at the front) nothing goes.
TEST(Proxies, FeudDiversionIsSizedToTheFrontAndKeepsHomeGarrisons) {
  std::string toml(kFeud);
  toml += "[[region]]\nid = \"field\"\ncountry = \"AA\"\nlat = 34.5\nlon = 38.5\nterrain = \"open\"\nvalue = 1\n"
          "[[edge]]\nfrom = \"field\"\nto = \"front\"\nlength_km = 50\n"
          "[[force]]\nactor = \"militia_a\"\nregion = \"field\"\nstrength = 400\n";
  auto diverted = [&](const std::vector<std::string>& overrides) {
    World world(toml, overrides);
    const int home = world.force("militia_a", "home"), field = world.force("militia_a", "field");
    Day d = world.Fresh();
    rules::Feuds(d);
    return std::pair{world.st.forces[static_cast<std::size_t>(home)].diverted_days > 0,
                     world.st.forces[static_cast<std::size_t>(field)].diverted_days > 0};
  };
  EXPECT_EQ(diverted({"rules.bounded_fire=false"}), std::pair(false, true));
  EXPECT_EQ(diverted({"rules.bounded_fire=false", "rules.feud_diversion_ratio=1"}), std::pair(false, false));
  EXPECT_EQ(diverted({"rules.bounded_fire=false", "rules.feud_sized_diversion=false"}), std::pair(true, true));
}

}  // namespace
}  // namespace brink
