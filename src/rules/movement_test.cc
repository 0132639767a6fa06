// The rules' claims: Movement (movement.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

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


// A road from west to east through the middle; three blocs. "road" is open only through blue
// ground, "shared" through blue or green ground.

}  // namespace
}  // namespace brink
