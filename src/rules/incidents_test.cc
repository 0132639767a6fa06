// The rules' claims: Incidents (incidents.cc). The test worlds and margins: rules/test_world.h.
#include "rules/test_world.h"

namespace brink {
namespace {

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


// Incidents between green and the others, per day, with blue and red at war or not.
double GreenIncidentsPerDay(bool blue_red_war, int runs) {
  World world(kThreeRivals);
  if (blue_red_war) {
    world.initial.war_day = 0;
    world.initial.war_a = static_cast<BlocId>(world.s.BlocIndex("blue"));
    world.initial.war_b = static_cast<BlocId>(world.s.BlocIndex("red"));
    world.initial.level = world.s.war_rung();
  }
  const ActorId green = world.actor("green_army");
  EventLog log;
  int incidents = 0;
  for (int run = 0; run < runs; ++run) {
    log.clear();
    Day d = world.Fresh(static_cast<uint64_t>(run), &log);
    rules::Incidents(d);
    for (const Event& e : log) {
      incidents += e.kind == EventKind::kIncident && (e.actor == green || e.target == green);
    }
  }
  return static_cast<double>(incidents) / runs;
}

// A war between two blocs leaves the other standoffs as they were: green's two rivalries keep
// their incidents. Each pair in contact has an incident with chance 0.2 a day, so green has
// 0.4 a day (two independent pairs; sd of the mean over 4,000 days 0.009); margin 5 sd. (When
// the rule stopped at the first force it looked at once any war had begun, green's incidents
// fell to about half: the second region was never reached.)
TEST(Incidents, AWarBetweenTwoBlocsLeavesOtherRivalriesTheirIncidents) {
  const int runs = 4000;
  const double margin = 5.0 * std::sqrt(2 * 0.2 * 0.8 / runs);
  EXPECT_NEAR(GreenIncidentsPerDay(false, runs), 0.4, margin);
  EXPECT_NEAR(GreenIncidentsPerDay(true, runs), 0.4, margin);
}

// Blue's choice is shared by hawks (a quarter of the influence) and doves; red has no factions.

}  // namespace
}  // namespace brink
