// The rules' claims: Corridors (control.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

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

// Two terrorist actors; "hideout" is the only ground either holds, and it is the second's.
constexpr std::string_view kTwoCells = R"(
[scenario]
name = "Two cells"
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
id = "cell_a"
bloc = "black"
terrorist = true
[[actor]]
id = "cell_b"
bloc = "black"
terrorist = true
[[relation]]
a = "black"
b = "blue"
kind = "hostility"
[[region]]
id = "town"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "hideout"
country = "AA"
lat = 34.5
lon = 38.0
terrain = "desert"
value = 1
holder = "cell_b"
[[edge]]
from = "town"
to = "hideout"
length_km = 60
[[force]]
actor = "blue_army"
region = "town"
strength = 1000
)";

// The group is defeated on the first day none of its actors holds ground, not when one of
// them holds none (docs/model.md, Control).
TEST(Control, TheGroupIsDefeatedWhenNoneOfItsActorsHoldsGround) {
  World world(kTwoCells);
  Day d = world.Fresh();
  rules::Control(d);
  EXPECT_EQ(world.st.group_defeated_day, -1) << "cell_b still holds the hideout";
  world.st.holder[world.region("hideout")] = world.actor("blue_army");
  rules::Control(d);
  EXPECT_EQ(world.st.group_defeated_day, 1);
}

}  // namespace
}  // namespace brink
