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

// Whether `action` is among the actor's legal actions today (PrepareTurn).
bool Legal(World& world, Day& d, ActorId actor, Action action) {
  PrepareTurn(d);
  for (int i = d.w.legal_start[actor]; i < d.w.legal_start[actor + 1]; ++i) {
    if (d.w.legal[static_cast<std::size_t>(i)].kind == action) return true;
  }
  (void)world;
  return false;
}

// An offer binds (rules.binding_offers): its relief is x the offerer's credibility; for
// offer_days it makes no new offer, and it fires only with a defensive cause. Switched off, an
// offer is the free daily reset it was.
TEST(Resolve, AnOfferBindsAndIsWorthTheOfferersWord) {
  World world(kTwoRivals);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh();
  rules::RaiseTension(d, blue, red, 4);
  world.st.actors[blue].credibility = 0.5f;
  world.st.actors[blue].action = Action::kDeescalate;
  rules::Withdrawals(d);
  const Rules& x = world.s.rules;
  EXPECT_FLOAT_EQ(world.tension(blue, red), static_cast<float>(4 - 0.5 * x.tension_signal_relief * x.tension_strike));
  EXPECT_EQ(world.st.actors[blue].offer_days, x.offer_days);
  // The days run out, one a day.
  world.st.actors[blue].action = Action::kHold;
  rules::Withdrawals(d);
  EXPECT_EQ(world.st.actors[blue].offer_days, x.offer_days - 1);

  // Bound, blue still strikes an intruder in its zone (self-defence), but not a force it has
  // no defensive cause to fire on (causes off: any rival in reach), and makes no new offer.
  World standoff(kStandoff);
  const ActorId b = standoff.actor("blue_army");
  Day s = standoff.Fresh();
  standoff.st.actors[b].offer_days = 3;
  EXPECT_TRUE(Legal(standoff, s, b, Action::kStrike));
  std::string toml(kStandoff);
  toml.replace(toml.find("region = \"base\"\nstrength = 500"), std::string("region = \"base\"").size(), "region = \"outpost\"");
  World open(toml, {"rules.strike_causes=false"});
  const ActorId ob = open.actor("blue_army");
  Day o = open.Fresh();
  ASSERT_TRUE(Legal(open, o, ob, Action::kStrike));
  open.st.actors[ob].offer_days = 3;
  EXPECT_FALSE(Legal(open, o, ob, Action::kStrike));
  World free_offers(toml, {"rules.strike_causes=false", "rules.binding_offers=false"});
  Day f = free_offers.Fresh();
  free_offers.st.actors[ob].offer_days = 3;
  EXPECT_TRUE(Legal(free_offers, f, ob, Action::kStrike));
}

}  // namespace
}  // namespace brink
