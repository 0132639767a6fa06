// The rules' claims: Protection from the air (protection.cc) and a patron's restraint of its
// proxies (proxies.cc, turn.cc). The test worlds and margins: rules/test_world.h.
#include "brink/policy.h"
#include "rules/test_world.h"

namespace brink {
namespace {

// Blue's army (air power, air defence 1) protects its proxy, the militia; red, a rival, stands
// next to the militia's village; green, a great power of its own bloc, protects red from the air.
constexpr std::string_view kPartners = R"(
[scenario]
name = "Partners"
start_date = "2020-01-01"
horizon_days = 30
[rules]
channel_suspension_days = 21
war_spark = 0
[[bloc]]
id = "blue"
[[bloc]]
id = "red"
[[bloc]]
id = "green"
[[actor]]
id = "blue_army"
bloc = "blue"
air_power = 1.0
air_defence = 1.0
protects = ["militia"]
[[actor]]
id = "militia"
bloc = "blue"
aggression = 1.0
war_aversion = 0.0
[[actor]]
id = "red_army"
bloc = "red"
[[actor]]
id = "green_power"
bloc = "green"
air_power = 1.0
air_defence = 0.5
protects = ["red"]
[[relation]]
a = "blue"
b = "red"
kind = "rivalry"
[[relation]]
a = "blue_army"
b = "militia"
kind = "patronage"
reliability = 1.0
[[region]]
id = "village"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "militia"
[[region]]
id = "ridge"
country = "AA"
lat = 34.0
lon = 38.2
terrain = "desert"
value = 1
holder = "red_army"
[[region]]
id = "airbase"
country = "AA"
lat = 34.0
lon = 39.5
terrain = "desert"
value = 1
holder = "blue_army"
[[edge]]
from = "village"
to = "ridge"
length_km = 20
[[edge]]
from = "village"
to = "airbase"
length_km = 150
[[force]]
actor = "blue_army"
region = "airbase"
strength = 500
[[force]]
actor = "militia"
region = "village"
strength = 1000
[[force]]
actor = "red_army"
region = "ridge"
strength = 1000
[[force]]
actor = "green_power"
region = "airbase"
strength = 10
)";

// Red fires on the militia: blue, its protector, engages red's force that fired, a direct
// clash in the militia's standoff (tension between blue and red), and red now holds a
// grievance against blue. Green, red's protector of another bloc, suspends the channel.
TEST(Protection, AProtectorEngagesTheAttackerOfItsPartner) {
  World world(kPartners);
  const ActorId blue = world.actor("blue_army"), militia = world.actor("militia"), red = world.actor("red_army"),
                green = world.actor("green_power");
  EventLog log;
  Day d = world.Fresh(0, &log);
  rules::NoteFire(d, EventKind::kStrike, red, militia, world.region("village"));
  rules::Protection(d);
  ASSERT_EQ(world.st.tally.count(EventKind::kInterception), 1);
  const auto it = std::find_if(log.begin(), log.end(), [](const Event& e) { return e.kind == EventKind::kInterception; });
  EXPECT_EQ(it->actor, blue);
  EXPECT_EQ(it->target, red);
  EXPECT_EQ(static_cast<Cause>(it->index), Cause::kPartnerAttacked);
  EXPECT_NEAR(world.tension(blue, red), world.s.rules.tension_interception, 1e-6);
  EXPECT_EQ(world.st.actors[red].grievance.against, blue);
  EXPECT_EQ(world.st.tally.direct_clashes, 1);  // two principals
  EXPECT_EQ(world.st.channel_suspended_days, 21);
  EXPECT_EQ(world.st.tally.count(EventKind::kChannelSuspended), 1);
  const auto suspended = std::find_if(log.begin(), log.end(), [](const Event& e) { return e.kind == EventKind::kChannelSuspended; });
  EXPECT_EQ(suspended->actor, green);
  // The list of the day's fire is spent: a second call engages nobody.
  rules::Protection(d);
  EXPECT_EQ(world.st.tally.count(EventKind::kInterception), 1);
}

// Seed kSeed, 2000 runs: a protector with air_defence 0.3 engages 30% of the attacks
// (sd sqrt(0.21 / 2000) = 0.010; margin 5 sd); with none, or the switch off, or out of its air
// reach, never.
TEST(Protection, EngagesAtItsChanceAndOnlyWithinReach) {
  // The militia an ally here, not a proxy: a protector's aircraft reach its own proxies' ground
  // wherever they stand, and this test is about reach.
  std::string toml(kPartners);
  const std::string patronage = "kind = \"patronage\"\nreliability = 1.0";
  toml.replace(toml.find(patronage), patronage.size(), "kind = \"alliance\"");
  auto engaged = [&toml](const std::vector<std::string>& overrides, int runs) {
    World world(toml, overrides);
    int count = 0;
    for (int run = 0; run < runs; ++run) {
      Day d = world.Fresh(static_cast<uint64_t>(run));
      rules::NoteFire(d, EventKind::kStrike, world.actor("red_army"), world.actor("militia"), world.region("village"));
      rules::Protection(d);
      count += static_cast<int>(world.st.tally.count(EventKind::kInterception));
    }
    return count;
  };
  const int runs = 2000;
  EXPECT_NEAR(engaged({"actor.blue_army.air_defence=0.3"}, runs) / static_cast<double>(runs), 0.3, ShareMargin(0.3, runs));
  EXPECT_EQ(engaged({"actor.blue_army.air_defence=0"}, 200), 0);
  EXPECT_EQ(engaged({"rules.air_defence=false"}, 200), 0);
  // Aircraft reach 100 km from its forces at the airbase (150 km away): the village is out of
  // reach; 200 km reaches it.
  EXPECT_EQ(engaged({"actor.blue_army.air_reach_km=100"}, 200), 0);
  EXPECT_GT(engaged({"actor.blue_army.air_reach_km=200"}, 200), 100);
}

// In the engine: the channel suspended, the deconfliction that prevents half the incidents
// prevents none, so incidents double (at these tensions, capped nowhere near 1).
TEST(Protection, ASuspendedChannelLetsMoreIncidentsThrough) {
  auto incidents = [](int suspended) {
    World world(kPartners, {"rules.deconfliction=0.5", "rules.incident_rate=0.2", "rules.contact_km=30",
                            "rules.air_defence=false"});
    int64_t count = 0;
    for (int run = 0; run < 2000; ++run) {
      Day d = world.Fresh(static_cast<uint64_t>(run));
      world.st.channel_suspended_days = suspended;
      rules::Incidents(d);
      count += world.st.tally.count(EventKind::kProxyClash) + world.st.tally.count(EventKind::kIncident);
    }
    return static_cast<double>(count);
  };
  const double open = incidents(0), suspended = incidents(10);
  // Expected 2000 x 0.1 = 200 against 2000 x 0.2 = 400 (sd about 13 and 18).
  EXPECT_NEAR(open, 200, 5 * std::sqrt(200.0));
  EXPECT_NEAR(suspended, 400, 5 * std::sqrt(400.0));
}

// A patron restrains its proxy: a strike the militia chose is dropped (reliability 1), and the
// restraint lasts feud_restraint_days; with the switch off it strikes.
TEST(Protection, APatronsRestraintHoldsItsProxyBack) {
  World world(kPartners, {"rules.feud_restraint_days=30"});
  const ActorId blue = world.actor("blue_army"), militia = world.actor("militia");
  Day d = world.Fresh();
  world.st.actors[blue].action = Action::kRestrain;
  world.st.actors[militia].action = Action::kStrike;
  rules::ApplyProxyReliability(d);
  EXPECT_EQ(world.st.actors[militia].action, Action::kHold);
  EXPECT_TRUE(rules::Restrained(d, militia));
  EXPECT_EQ(world.st.tally.count(EventKind::kRestraint), 1);
  // Switched off: no restraint, the strike stands.
  World free(kPartners, {"rules.proxy_restraint=false"});
  Day e = free.Fresh();
  free.st.actors[blue].action = Action::kRestrain;
  free.st.actors[militia].action = Action::kStrike;
  rules::ApplyProxyReliability(e);
  EXPECT_EQ(free.st.actors[militia].action, Action::kStrike);
  EXPECT_FALSE(rules::Restrained(e, militia));
}

// The restraint is a legal action for the patron only while a proxy of its could fire on a
// rival (it has a cause: here red's fire on it), and the doctrine prices it: worth more as
// tension rises (the war it may avert), less for a committed patron.
TEST(Protection, RestrainingIsADecisionWithAPrice) {
  auto restrain = [](const std::vector<std::string>& overrides, float tension, bool fired) {
    const Engine engine(Load(kPartners, overrides));
    const Scenario& s = engine.scenario();
    State st = engine.Initial();
    const ActorId militia = static_cast<ActorId>(s.ActorIndex("militia")), red = static_cast<ActorId>(s.ActorIndex("red_army"));
    if (fired) st.actors[militia].grievance = Grievance{.against = red, .days_left = 5, .strikes = 1, .harm = 5};
    st.tension[0 * s.blocs.size() + 1] = st.tension[1 * s.blocs.size() + 0] = tension;
    WorkspacePtr w = engine.NewWorkspace();
    const Turn turn = engine.Begin(st, *w, kSeed, 0);
    return DoctrineScores(turn, static_cast<ActorId>(s.ActorIndex("blue_army")));
  };
  const int r = static_cast<int>(Action::kRestrain);
  EXPECT_FALSE(restrain({}, 0, false).legal[r]);  // the militia has no cause to fire
  const ActionScores calm = restrain({}, 1.0f, true), tense = restrain({}, 8.0f, true);
  ASSERT_TRUE(calm.legal[r]);
  EXPECT_LT(calm.utility[r], tense.utility[r]);
  const ActionScores committed = restrain({"actor.blue_army.commitment=1"}, 8.0f, true);
  EXPECT_LT(committed.utility[r], tense.utility[r]);
}

}  // namespace
}  // namespace brink
