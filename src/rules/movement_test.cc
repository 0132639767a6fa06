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


// With rules.garrison_threat = 1/3, the garrison also holds a third of the hostile firepower next
// door (red at "hill", same firepower per troop as blue): against 100 red the usual 100 troops
// stay; against 600, 200 stay and 800 march; against 3,000 blue cannot spare the 1,000 it
// would need and stays whole. Switched off (0), blue leaves 100 whatever red has.
TEST(Movement, AGarrisonIsSizedToTheThreatNextDoor) {
  struct Case {
    std::string threat, red;
    float at_home, at_goal;
  };
  for (const Case& c : {Case{"0.3333333", "100", 100, 900}, Case{"0.3333333", "600", 200, 800},
                        Case{"0.3333333", "3000", 1000, 0}, Case{"0", "3000", 100, 900}}) {
    SCOPED_TRACE("garrison_threat " + c.threat + ", red " + c.red);
    std::string text(kMarch);
    const std::string red = "actor = \"red_army\"\nregion = \"hill\"\nstrength = 100";
    text.replace(text.find(red), red.size(), "actor = \"red_army\"\nregion = \"hill\"\nstrength = " + c.red);
    World world(text, {"rules.garrison_threat=" + c.threat});
    Day d = world.Fresh();
    for (ActorState& a : world.st.actors) a.action = Action::kHold;
    world.st.actors[static_cast<std::size_t>(world.actor("blue_army"))].action = Action::kAdvance;
    rules::Move(d);
    float at_home = 0, at_goal = 0;
    for (const Force& f : world.st.forces) {
      if (f.actor != world.actor("blue_army")) continue;
      if (f.region == world.region("home")) at_home += f.strength;
      if (f.region == world.region("goal")) at_goal += f.strength;
    }
    EXPECT_NEAR(at_home, c.at_home, 0.5);
    EXPECT_NEAR(at_goal, c.at_goal, 0.5);
  }
}

// Economy of force (rules.task_split = 3): blue's 1,000 troops choose "goal" (value 5, empty),
// which needs only capture_strength (50); the other 950 detach and choose the next goal, "far"
// (value 4, empty), because "goal" has what it needs. Off (0), the whole force is bound for
// "goal" and none for "far".
TEST(Movement, AForceDetachesWhatItsGoalDoesNotNeed) {
  std::string text(kMarch);
  text += R"(
[[region]]
id = "far"
country = "AA"
lat = 34.0
lon = 38.1
terrain = "desert"
value = 4
[[edge]]
from = "home"
to = "far"
length_km = 20
)";
  for (const std::string split : {"3", "0"}) {
    SCOPED_TRACE("task_split " + split);
    World world(text, {"rules.task_split=" + split});
    Day d = world.Fresh();
    for (ActorState& a : world.st.actors) a.action = Action::kHold;
    world.st.actors[static_cast<std::size_t>(world.actor("blue_army"))].action = Action::kAdvance;
    rules::Move(d);
    float bound_goal = 0, bound_far = 0, at_far = 0;
    for (const Force& f : world.st.forces) {
      if (f.actor != world.actor("blue_army")) continue;
      if (f.target == world.region("goal")) bound_goal += f.strength;
      if (f.target == world.region("far")) bound_far += f.strength;
      if (f.region == world.region("far")) at_far += f.strength;
    }
    if (split == "3") {
      EXPECT_FLOAT_EQ(bound_goal, 50.0f);  // capture_strength: the goal is empty
      EXPECT_FLOAT_EQ(bound_far, 950.0f);  // detached today, it marches from tomorrow
    } else {
      EXPECT_FLOAT_EQ(bound_far + at_far, 0.0f);
    }
  }
}

// A road from west to east through the middle; three blocs. "road" is open only through blue
// ground, "shared" through blue or green ground.

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

}  // namespace
}  // namespace brink
