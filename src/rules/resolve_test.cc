// The rules' claims: Resolve (resolve.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

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
