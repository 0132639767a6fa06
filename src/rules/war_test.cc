// The rules' claims: full-scale war and its limits (docs/model.md, "War"): war aims
// (query.h WorthTaking, movement.cc), supply (combat.cc), the air campaign (strikes.cc), the
// protector's brake and the ceasefire (ladder.cc). The margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

// Blue and red are rivals along a road: blue_base - front - red_town - red_capital, 100 km
// apart (no contact). Blue's war aims are its base and the front; it is supplied from its base
// (supply_range_km 100) and flies from it (air_reach_km 150); its proxy has air support but no
// air force. Red is supplied from its capital, in country BB. Green, a third bloc allied to
// red, protects red with troops in the capital (deterrence 1, mediation 1). The ladder's war
// threshold is 4.
constexpr std::string_view kWar = R"(
[scenario]
name = "War"
start_date = "2020-01-01"
horizon_days = 30
[rules]
attrition_rate = 0.01
break_ratio = 1000
air_strike_cap_troops = 20
ceasefire_rate = 0.1
ceasefire_days_scale = 10
ceasefire_losses_scale = 100
ceasefire_tension = 2.5

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
war_aversion = 0.4
war_aims = ["blue_base", "front"]
bases = ["blue_base"]
supply_range_km = 100
air_reach_km = 150
[[actor]]
id = "blue_proxy"
bloc = "blue"
air_power = 1.0
[[actor]]
id = "red_army"
bloc = "red"
war_aversion = 0.8
war_aims = ["AA"]
bases = ["red_capital"]
supply_range_km = 100
[[actor]]
id = "green_power"
bloc = "green"
countries = ["ZZ"]
protects = ["red"]
deterrence = 1.0
mediation = 1.0

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"
[[relation]]
a = "blue_army"
b = "blue_proxy"
kind = "patronage"
reliability = 1.0
[[relation]]
a = "green"
b = "red"
kind = "alliance"

[[region]]
id = "blue_base"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "front"
country = "AA"
lat = 34.0
lon = 39.0
terrain = "desert"
value = 1
holder = "red_army"
[[region]]
id = "red_town"
country = "AA"
lat = 34.0
lon = 40.0
terrain = "desert"
value = 1
holder = "red_army"
[[region]]
id = "red_capital"
country = "BB"
lat = 34.0
lon = 41.0
terrain = "desert"
value = 5
holder = "red_army"

[[edge]]
from = "blue_base"
to = "front"
length_km = 100
[[edge]]
from = "front"
to = "red_town"
length_km = 100
[[edge]]
from = "red_town"
to = "red_capital"
length_km = 100

[[force]]
actor = "blue_army"
region = "blue_base"
strength = 1000
[[force]]
actor = "blue_proxy"
region = "blue_base"
strength = 1000
[[force]]
actor = "red_army"
region = "front"
strength = 1000
[[force]]
actor = "red_army"
region = "red_capital"
strength = 3000
[[force]]
actor = "green_power"
region = "red_capital"
strength = 100

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

BlocId Bloc(const World& world, std::string_view id) { return static_cast<BlocId>(world.s.BlocIndex(id)); }

// Puts the initial state at war between blue and red from day 0.
void StartWar(World& world) {
  world.initial.war_day = 0;
  world.initial.war_a = Bloc(world, "blue");
  world.initial.war_b = Bloc(world, "red");
  world.initial.level = world.s.war_rung();
}

// War aims: at war blue takes red's ground only where it aims to (the front), not red's town
// or capital; switched off, red's ground is all worth taking. Red aims at country AA, not BB.
TEST(War, WarAimsLimitWhatAnActorTakes) {
  for (bool aims : {true, false}) {
    World world(kWar, {aims ? "rules.war_aims=true" : "rules.war_aims=false"});
    const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
    Day peace = world.Fresh();
    EXPECT_FALSE(WorthTaking(peace, blue, world.region("front")));  // a rival's, short of war
    StartWar(world);
    Day d = world.Fresh();
    EXPECT_TRUE(WorthTaking(d, blue, world.region("front")));
    EXPECT_EQ(WorthTaking(d, blue, world.region("red_town")), !aims);
    EXPECT_EQ(WorthTaking(d, blue, world.region("red_capital")), !aims);
    EXPECT_TRUE(WorthTaking(d, red, world.region("blue_base")));  // country AA
  }
}

// At war a blue force on red's capital, the best prize, marches on the front instead.
TEST(War, OutsideItsAimsAnActorDoesNotAdvance) {
  World world(kWar);
  StartWar(world);
  const ActorId blue = world.actor("blue_army");
  world.initial.forces[static_cast<std::size_t>(world.force("blue_army", "blue_base"))].region =
      world.region("red_town");
  world.initial.holder[static_cast<std::size_t>(world.region("red_town"))] = blue;
  Day d = world.Fresh();
  const Force& f = world.st.forces[static_cast<std::size_t>(world.force("blue_army", "red_town"))];
  EXPECT_EQ(rules::ChooseTarget(d, f), world.region("front"));
  World open(kWar, {"rules.war_aims=false"});
  StartWar(open);
  open.initial.forces[static_cast<std::size_t>(open.force("blue_army", "blue_base"))].region =
      open.region("red_town");
  open.initial.holder[static_cast<std::size_t>(open.region("red_town"))] = blue;
  Day o = open.Fresh();
  const Force& g = open.st.forces[static_cast<std::size_t>(open.force("blue_army", "red_town"))];
  EXPECT_EQ(rules::ChooseTarget(o, g), open.region("red_capital"));
}

// Supply: the scenario's factor is 1 / (1 + km to the nearest base / supply_range_km).
TEST(War, SupplyFadesWithDistanceFromBases) {
  World world(kWar);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  EXPECT_FLOAT_EQ(world.s.Supply(blue, world.region("blue_base")), 1.0f);
  EXPECT_FLOAT_EQ(world.s.Supply(blue, world.region("front")), 0.5f);          // 100 km
  EXPECT_FLOAT_EQ(world.s.Supply(blue, world.region("red_capital")), 0.25f);   // 300 km
  EXPECT_FLOAT_EQ(world.s.Supply(red, world.region("front")), 1.0f / 3.0f);    // 200 km
  EXPECT_FLOAT_EQ(world.s.Supply(world.actor("blue_proxy"), world.region("front")), 1.0f);  // no bases
  World off(kWar, {"rules.supply=false"});
  EXPECT_FLOAT_EQ(off.s.Supply(blue, off.region("red_capital")), 1.0f);
}

// In combat at war, blue at the front (supply 1/2) kills half as many as with supply off.
// Seed kSeed, 400 days each: red's mean loss is attrition 0.01 x blue's fire (1,000 troops,
// morale 1) = 10 (supplied) or 5 (100 km out); margins 5 standard errors.
TEST(War, AtWarFirepowerFadesWithSupply) {
  auto red_losses = [](const std::vector<std::string>& overrides) {
    World world(kWar, overrides);
    StartWar(world);
    world.initial.forces[static_cast<std::size_t>(world.force("blue_army", "blue_base"))].region =
        world.region("front");
    const ActorId red = world.actor("red_army");
    double total = 0;
    const int runs = 400;
    for (int run = 0; run < runs; ++run) {
      Day d = world.Fresh(static_cast<uint64_t>(run));
      rules::Combat(d);
      total += world.st.actors[red].casualties;
    }
    return total / runs;
  };
  // Blue's firepower per troop: effectiveness 1 x (1 + air_multiplier 1 x air 1) x morale 1.
  EXPECT_NEAR(red_losses({"rules.supply=false"}), 20.0, PoissonMargin(20.0, 400));
  EXPECT_NEAR(red_losses({}), 10.0, PoissonMargin(10.0, 400));
}

// The air campaign: only a principal with air power flies it (blue's proxy has air support but
// no air force); it strikes the strongest enemy force within its reach (the front, 100 km from
// its base, not red's 3,000 in the capital, 300 km); a day's strike kills at most the cap.
TEST(War, AirCampaignIsBoundedAndWithinReach) {
  World world(kWar);
  StartWar(world);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  EventLog log;
  double lost = 0;
  const int runs = 400;
  for (int run = 0; run < runs; ++run) {
    log.clear();
    Day d = world.Fresh(static_cast<uint64_t>(run), &log);
    rules::AirCampaign(d);
    ASSERT_EQ(log.size(), 1u);  // air power 1: every day, one strike
    EXPECT_EQ(log[0].actor, blue);
    EXPECT_EQ(log[0].region, world.region("front"));
    lost += world.st.actors[red].casualties;
  }
  // Poisson(min(strike_losses 0.06 x 1,000, cap 20)): mean 20 (seed kSeed, 400 days, 5 sd).
  EXPECT_NEAR(lost / runs, 20.0, PoissonMargin(20.0, runs));
  // Without the cap, a share of the force: 60; without the reach, the capital's 3,000.
  World uncapped(kWar, {"rules.air_strike_cap_troops=0"});
  StartWar(uncapped);
  Day u = uncapped.Fresh();
  rules::AirCampaign(u);
  EXPECT_GT(uncapped.st.actors[red].casualties, 40.0f);
  World anywhere(kWar, {"rules.air_reach=false", "rules.air_strike_cap_troops=0"});
  StartWar(anywhere);
  log.clear();
  Day a = anywhere.Fresh(0, &log);
  rules::AirCampaign(a);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].region, anywhere.region("red_capital"));
  EXPECT_GT(log[0].casualties, 120.0f);  // Poisson(180)
}

// Sorties bound the air campaign: blue's 5 strikes a day at 2 troops a strike kill 10 on
// average (the share of the force, 60, and the rule's cap, 20, are larger). Seed kSeed, 400
// days, 5 sd.
TEST(War, AirSortiesBoundTheCampaign) {
  World world(kWar, {"actor.blue_army.air_sorties=5", "rules.kills_per_sortie=2"});
  StartWar(world);
  const ActorId red = world.actor("red_army");
  double lost = 0;
  const int runs = 400;
  for (int run = 0; run < runs; ++run) {
    Day d = world.Fresh(static_cast<uint64_t>(run));
    rules::AirCampaign(d);
    lost += world.st.actors[red].casualties;
  }
  EXPECT_NEAR(lost / runs, 10.0, PoissonMargin(10.0, runs));
}

// The seed's argument (para. 7): at war, troops exposed outside the theatre are the hostage.
// Blue's air campaign gives red a grievance; red answers it on blue's 8,000 troops abroad (a
// horizontal blow), never in the theatre, where the war is fought. Without
// rules.reprisals_at_war war ends the grievance and nothing happens abroad. Seed kSeed, 400
// days: red's chance to answer a day's strike is about 0.7 (harm about 20, a red line).
TEST(War, ReprisalsOnExposedTroopsGoOnAtWar) {
  std::string toml(kWar);
  toml += "[[exposure]]\nid = \"blue_abroad\"\nactor = \"blue_army\"\ntroops = 8000\nthreatened_by = [\"red_army\"]\n";
  auto reprisals = [&](const std::vector<std::string>& overrides, int* in_theatre) {
    World world(toml, overrides);
    StartWar(world);
    int abroad = 0;
    *in_theatre = 0;
    for (int run = 0; run < 400; ++run) {
      EventLog log;
      Day d = world.Fresh(static_cast<uint64_t>(run), &log);
      rules::AirCampaign(d);
      rules::Retaliation(d);
      for (const Event& e : log) {
        if (e.kind == EventKind::kHorizontal && e.actor == world.actor("red_army")) ++abroad;
        if (e.kind == EventKind::kRetaliation) ++*in_theatre;
      }
    }
    return abroad;
  };
  int in_theatre = 0;
  EXPECT_GT(reprisals({}, &in_theatre), 200);
  EXPECT_EQ(in_theatre, 0);
  EXPECT_EQ(reprisals({"rules.reprisals_at_war=false"}, &in_theatre), 0);
  EXPECT_EQ(in_theatre, 0);
}

// The protector raises the war threshold (4 x (1 + deterrence 1) = 8) while its troops are in
// theatre; switched off, or with no troops there, the threshold is the ladder's.
TEST(War, ProtectorRaisesTheWarThreshold) {
  World world(kWar);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  Day d = world.Fresh();
  EXPECT_DOUBLE_EQ(rules::WarThreshold(d, Bloc(world, "blue"), Bloc(world, "red")), 8.0);
  rules::RaiseTension(d, blue, red, 5.0);
  EXPECT_FALSE(world.st.at_war());
  EXPECT_LT(world.st.level, world.s.war_rung());  // past 4, yet short of war: not the war rung
  rules::RaiseTension(d, blue, red, 3.0);
  EXPECT_TRUE(world.st.at_war());

  World off(kWar, {"rules.protection=false"});
  Day o = off.Fresh();
  EXPECT_DOUBLE_EQ(rules::WarThreshold(o, Bloc(off, "blue"), Bloc(off, "red")), 4.0);
  rules::RaiseTension(o, blue, red, 5.0);
  EXPECT_TRUE(off.st.at_war());

  World absent(kWar);
  absent.initial.forces[static_cast<std::size_t>(absent.force("green_power", "red_capital"))].strength = 0;
  Day g = absent.Fresh();
  EXPECT_DOUBLE_EQ(rules::WarThreshold(g, Bloc(absent, "blue"), Bloc(absent, "red")), 4.0);
}

// The ceasefire chance: 1 - exp(-rate x mean principal war aversion x (1 + mediation)
// x (days / days_scale + losses / losses_scale)); 0 with rate 0, or out of war.
TEST(War, CeasefireChanceGrowsWithCosts) {
  World world(kWar);
  StartWar(world);
  Day d = world.Fresh(0, nullptr, 10);  // ten days of war, no losses yet
  // Principals of blue and red: blue_army (0.4) and red_army (0.8); green mediates (1).
  const double aversion = (0.4 + 0.8) / 2;
  EXPECT_NEAR(rules::CeasefireChance(d), 1 - std::exp(-0.1 * aversion * 2 * (10.0 / 10)), 1e-12);
  world.st.actors[world.actor("red_army")].casualties = 200;  // + 2 units
  EXPECT_NEAR(rules::CeasefireChance(d), 1 - std::exp(-0.1 * aversion * 2 * 3.0), 1e-12);
  Day later = world.Today(30);
  EXPECT_NEAR(rules::CeasefireChance(later), 1 - std::exp(-0.1 * aversion * 2 * 5.0), 1e-12);

  World unmediated(kWar, {"actor.green_power.mediation=0"});
  StartWar(unmediated);
  Day u = unmediated.Fresh(0, nullptr, 10);
  EXPECT_NEAR(rules::CeasefireChance(u), 1 - std::exp(-0.1 * aversion * 1.0), 1e-12);

  World absorbing(kWar, {"rules.ceasefire_rate=0"});
  StartWar(absorbing);
  Day a = absorbing.Fresh(0, nullptr, 100);
  EXPECT_EQ(rules::CeasefireChance(a), 0.0);
  World peace(kWar);
  Day p = peace.Fresh(0, nullptr, 100);
  EXPECT_EQ(rules::CeasefireChance(p), 0.0);
}

// A ceasefire ends the war: the blocs are rivals again with tension ceasefire_tension, below
// the war rung; the war stays recorded and no second war follows.
TEST(War, CeasefireReturnsTheBlocsToTheStandoff) {
  World world(kWar, {"rules.ceasefire_rate=100"});
  StartWar(world);
  const ActorId blue = world.actor("blue_army"), red = world.actor("red_army");
  EventLog log;
  Day d = world.Fresh(0, &log, 40);
  EXPECT_TRUE(Hostile(world.s, world.st, blue, red));
  rules::Ceasefire(d);
  EXPECT_EQ(world.st.ceasefire_day, 40);
  EXPECT_EQ(world.st.war_day, 0);
  EXPECT_EQ(world.st.war_length_days(), 40);
  EXPECT_TRUE(world.st.at_war());        // a war broke out in this run
  EXPECT_FALSE(world.st.war_ongoing());  // and is over
  EXPECT_TRUE(Rivals(world.s, world.st, blue, red));
  EXPECT_FALSE(Hostile(world.s, world.st, blue, red));
  EXPECT_FLOAT_EQ(world.tension(blue, red), 2.5f);
  EXPECT_EQ(world.st.level, 2);  // "clashes"
  EXPECT_EQ(world.st.tally.count(EventKind::kCeasefire), 1);
  // One war a run.
  rules::RaiseTension(d, blue, red, 100);
  EXPECT_EQ(world.st.war_day, 0);
  EXPECT_FALSE(world.st.war_ongoing());
  // The war is absorbing with ceasefire_rate 0: a hundred days, no ceasefire.
  World absorbing(kWar, {"rules.ceasefire_rate=0"});
  StartWar(absorbing);
  absorbing.st = absorbing.initial;
  for (int day = 1; day <= 100; ++day) {
    Day q = absorbing.Today(day);
    rules::Ceasefire(q);
  }
  EXPECT_TRUE(absorbing.st.war_ongoing());
}

// Over whole runs of the war world from war on day 0, a ceasefire comes; with rate 0 never.
TEST(War, WarsEndInACeasefireOverARun) {
  int ended = 0;
  const int runs = 50;
  World world(kWar);
  StartWar(world);
  Engine engine(world.s);
  for (int run = 0; run < runs; ++run) {
    State st = world.initial;
    WorkspacePtr w = engine.NewWorkspace();
    while (st.day < 30) engine.Step(st, *w, kSeed, static_cast<uint64_t>(run), nullptr);
    ended += st.ceasefire_day >= 0;
  }
  // By day 30, costs reach 3 units of days alone: chance of no ceasefire below
  // exp(-0.1 x 0.6 x 2 x sum of days/10) = exp(-0.12 x 46.5) = 0.004 a run.
  EXPECT_GE(ended, 45);
}

}  // namespace
}  // namespace brink
