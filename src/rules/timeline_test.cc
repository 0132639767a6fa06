// The rules' claims: the Timeline (timeline.cc) and Lines and zones (crossing, movement.cc).
// The test worlds and margins: rules/test_world.h.
#include <set>

#include "rules/test_world.h"

namespace brink {
namespace {

// Blue and red share a strip of three regions, west - middle - east, 20 km apart; neither side
// fights the other at the start. A blue reserve arrives in the west on day 3; blue and red
// turn hostile on day 5; blue leaves the middle on day 7, handing it to red. A line agreed on
// day 2 closes the east (red's side) to blue and the west (blue's side) to red.
constexpr std::string_view kTimeline = R"(
[scenario]
name = "Timeline"
start_date = "2020-01-01"
horizon_days = 30
[rules]
incident_rate = 0
[[bloc]]
id = "blue"
[[bloc]]
id = "red"
[[actor]]
id = "blue_army"
bloc = "blue"
offensive = 1.0
[[actor]]
id = "red_army"
bloc = "red"
[[relation]]
a = "blue"
b = "red"
kind = "rivalry"
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
lon = 38.2
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "east"
country = "AA"
lat = 34.0
lon = 38.4
terrain = "desert"
value = 5
[[edge]]
from = "west"
to = "middle"
length_km = 20
[[edge]]
from = "middle"
to = "east"
length_km = 20
[[force]]
actor = "blue_army"
region = "middle"
strength = 1000
[[force]]
actor = "blue_army"
region = "west"
strength = 300
arrives = "2020-01-04"
[[force]]
actor = "red_army"
region = "west"
strength = 200
[[line]]
id = "strip"
a = "blue"
a_regions = ["west", "middle"]
b = "red"
b_regions = ["east"]
agreed = "2020-01-03"
crossing_tension = 2.0
[[timeline]]
date = "2020-01-06"
kind = "relation"
a = "blue"
b = "red"
relation = "hostility"
note = "talks break down"
[[timeline]]
date = "2020-01-08"
kind = "withdraw"
actor = "blue_army"
regions = ["middle"]
hand_to = "red_army"
)";

// Steps the engine to the end of day `last` with every actor holding, collecting the events.
struct Holding {
  explicit Holding(std::string_view toml, const std::vector<std::string>& overrides = {})
      : engine(Load(toml, overrides)), st(engine.Initial()), w(engine.NewWorkspace()) {}
  void StepTo(int last) {
    while (st.day < last) {
      Turn turn = engine.Begin(st, *w, kSeed, 0);
      JointAction hold(engine.scenario().actors.size(), Action::kHold);
      ASSERT_TRUE(engine.Apply(turn, hold, &log).ok());
    }
  }
  int Count(EventKind kind) const {
    return static_cast<int>(std::count_if(log.begin(), log.end(), [&](const Event& e) { return e.kind == kind; }));
  }
  float Troops(std::string_view actor) const {
    float sum = 0;
    const ActorId a = static_cast<ActorId>(engine.scenario().ActorIndex(actor));
    for (const Force& f : st.forces) sum += f.actor == a ? f.strength : 0.0f;
    return sum;
  }
  Engine engine;
  State st;
  WorkspacePtr w;
  EventLog log;
};

TEST(Timeline, AForceArrivesOnItsDate) {
  Holding run(kTimeline);
  EXPECT_FLOAT_EQ(run.Troops("blue_army"), 1000.0f);  // the reserve is not there at the start
  run.StepTo(2);
  EXPECT_FLOAT_EQ(run.Troops("blue_army"), 1000.0f);
  EXPECT_EQ(run.Count(EventKind::kArrival), 0);
  run.StepTo(3);
  EXPECT_FLOAT_EQ(run.Troops("blue_army"), 1300.0f);
  ASSERT_EQ(run.Count(EventKind::kArrival), 1);
  run.StepTo(4);
  EXPECT_EQ(run.Count(EventKind::kArrival), 1);  // once
}

TEST(Timeline, RelationsChangeOnTheirDate) {
  Holding run(kTimeline);
  const Scenario& s = run.engine.scenario();
  const ActorId blue = static_cast<ActorId>(s.ActorIndex("blue_army")), red = static_cast<ActorId>(s.ActorIndex("red_army"));
  EXPECT_EQ(s.tables().relation_phases, 2);
  run.StepTo(4);
  EXPECT_EQ(run.st.relation_phase, 0);
  EXPECT_TRUE(Rivals(s, run.st, blue, red));
  EXPECT_EQ(run.Troops("red_army"), 200.0f);  // in the west with blue's reserve: no fighting yet
  run.StepTo(5);
  EXPECT_EQ(run.st.relation_phase, 1);
  EXPECT_TRUE(Hostile(s, run.st, blue, red));
  EXPECT_FALSE(Rivals(s, run.st, blue, red));
  EXPECT_EQ(run.Count(EventKind::kRelationChange), 1);
  run.StepTo(6);
  // Hostile forces in one region now fight.
  EXPECT_LT(run.Troops("red_army"), 200.0f);
  EXPECT_GT(run.st.actors[red].casualties, 0.0f);
}

TEST(Timeline, AWithdrawalTakesForcesOutAndHandsTheGroundOver) {
  Holding run(kTimeline, {"rules.attrition_rate=0"});  // no losses in the west's fighting
  const Scenario& s = run.engine.scenario();
  const RegionId middle = static_cast<RegionId>(s.RegionIndex("middle"));
  const ActorId blue = static_cast<ActorId>(s.ActorIndex("blue_army"));
  run.StepTo(6);
  EXPECT_EQ(run.st.holder[middle], blue);
  run.StepTo(7);
  EXPECT_EQ(run.st.holder[middle], s.ActorIndex("red_army"));
  EXPECT_FLOAT_EQ(run.Troops("blue_army"), 300.0f);          // the reserve stays in the west
  EXPECT_FLOAT_EQ(run.st.actors[blue].casualties, 0.0f);     // leaving is not dying
  EXPECT_EQ(run.Count(EventKind::kDeparture), 1);
}

TEST(Timeline, SwitchedOffNothingChangesOnADateButLinesKeepTheirs) {
  Holding run(kTimeline, {"rules.timeline=false"});
  EXPECT_FLOAT_EQ(run.Troops("blue_army"), 1300.0f);  // the reserve is there from the start
  run.StepTo(8);
  EXPECT_EQ(run.st.relation_phase, 0);
  EXPECT_EQ(run.Count(EventKind::kArrival) + run.Count(EventKind::kRelationChange) + run.Count(EventKind::kDeparture), 0);
  EXPECT_EQ(run.Count(EventKind::kLineAgreed), 1);
}

TEST(Timeline, BadDatesAndChangesAreRefusedWithTheirPlace) {
  auto error = [](const std::string& replace, const std::string& with) {
    std::string toml(kTimeline);
    toml.replace(toml.find(replace), replace.size(), with);
    Result<Scenario> loaded = LoadScenario(toml, "t.toml");
    EXPECT_FALSE(loaded.ok()) << with;
    return loaded.ok() ? std::string() : loaded.message();
  };
  EXPECT_NE(error("date = \"2020-01-06\"", "date = \"2019-12-31\"").find("expected a date from the day after the start"),
            std::string::npos);
  EXPECT_NE(error("date = \"2020-01-06\"", "date = \"2020-01-01\"").find("t.toml:"), std::string::npos);
  EXPECT_NE(error("date = \"2020-01-06\"", "date = \"2021-01-01\"").find("the horizon"), std::string::npos);
  EXPECT_NE(error("relation = \"hostility\"", "relation = \"alliance\"").find("do not change on a date"),
            std::string::npos);
  EXPECT_NE(error("hand_to = \"red_army\"", "hand_to = \"blue_army\"").find("to itself"), std::string::npos);
  EXPECT_NE(error("arrives = \"2020-01-04\"", "arrives = \"2020-13-04\"").find("not a date"), std::string::npos);
  EXPECT_NE(error("b_regions = [\"east\"]", "b_regions = [\"middle\"]").find("both sides"), std::string::npos);
}

// Blue's legal actions and their draw on day `day`, stepping with blue choosing `action` each
// day it may (holding otherwise).
struct Deciding : Holding {
  using Holding::Holding;
  bool CrossIsLegalOn(int day) {
    while (st.day < day - 1) StepTo(st.day + 1);
    Turn turn = engine.Begin(st, *w, kSeed, 0);
    const bool legal = turn.IsLegal(static_cast<ActorId>(engine.scenario().ActorIndex("blue_army")), Action::kCross);
    JointAction hold(engine.scenario().actors.size(), Action::kHold);
    EXPECT_TRUE(engine.Apply(turn, hold, &log).ok());
    return legal;
  }
  void Play(Action blue_action, int days) {
    const ActorId blue = static_cast<ActorId>(engine.scenario().ActorIndex("blue_army"));
    for (int i = 0; i < days; ++i) {
      Turn turn = engine.Begin(st, *w, kSeed, 0);
      JointAction joint(engine.scenario().actors.size(), Action::kHold);
      if (turn.IsLegal(blue, blue_action)) joint[static_cast<std::size_t>(blue)] = blue_action;
      ASSERT_TRUE(engine.Apply(turn, joint, &log).ok());
    }
  }
};

TEST(Aims, AnActorTakesOnlyTheGroundInItsAims) {
  std::string toml(kTimeline);
  toml.replace(toml.find("offensive = 1.0"), 15, "offensive = 1.0\naims = [\"west\", \"middle\"]");
  World aimed(toml, {"line.strip.enabled=false"});
  const ActorId blue = aimed.actor("blue_army");
  EXPECT_FALSE(aimed.s.MayTake(blue, aimed.region("east")));
  EXPECT_TRUE(aimed.s.MayTake(blue, aimed.region("west")));
  // Advancing every day, blue never goes for the east; with the switch off it takes it.
  auto east_taken = [&](const std::vector<std::string>& overrides) {
    Deciding run(toml, overrides);
    run.Play(Action::kAdvance, 10);
    return run.st.holder[static_cast<std::size_t>(run.engine.scenario().RegionIndex("east"))] ==
           run.engine.scenario().ActorIndex("blue_army");
  };
  EXPECT_FALSE(east_taken({"line.strip.enabled=false"}));
  EXPECT_TRUE(east_taken({"line.strip.enabled=false", "rules.aims=false"}));
}

TEST(Lines, GroundAcrossAnAgreedLineIsTakenOnlyByCrossing) {
  const ActorId east_holder_none = kNone;
  // Before the line is agreed the east is open: nothing to cross.
  Deciding before(kTimeline);
  EXPECT_FALSE(before.CrossIsLegalOn(1));
  // From the day agreed, it is closed to blue: crossing becomes a choice.
  Deciding after(kTimeline);
  after.StepTo(2);
  EXPECT_TRUE(after.CrossIsLegalOn(3));
  EXPECT_EQ(after.Count(EventKind::kLineAgreed), 1);
  // Advancing, blue keeps out of it.
  Deciding advancing(kTimeline);
  advancing.StepTo(2);
  advancing.Play(Action::kAdvance, 3);
  const RegionId east = static_cast<RegionId>(advancing.engine.scenario().RegionIndex("east"));
  EXPECT_EQ(advancing.st.holder[east], east_holder_none);
  EXPECT_EQ(advancing.Count(EventKind::kCrossing), 0);
  // Crossing, it goes in, and the crossing raises tension between the two sides.
  Deciding crossing(kTimeline);
  crossing.StepTo(2);
  crossing.Play(Action::kCross, 3);
  EXPECT_GE(crossing.Count(EventKind::kCrossing), 1);
  EXPECT_EQ(crossing.st.holder[east], crossing.engine.scenario().ActorIndex("blue_army"));
  EXPECT_GT(crossing.st.tension[1], 0.0f);  // blue x red
  // Switched off, the line closes nothing.
  Deciding off(kTimeline, {"line.strip.enabled=false"});
  off.StepTo(2);
  EXPECT_FALSE(off.CrossIsLegalOn(3));
}

TEST(Lines, ForcesOnTheOtherSidesGroundFallBackWhenTheLineIsAgreed) {
  // Red's force stands in the west, blue's ground, when the line takes effect on day 2.
  Holding run(kTimeline);
  const Scenario& s = run.engine.scenario();
  const RegionId west = static_cast<RegionId>(s.RegionIndex("west"));
  run.StepTo(1);
  EXPECT_EQ(run.st.forces[static_cast<std::size_t>(World::ForceIn(run.st, static_cast<ActorId>(s.ActorIndex("red_army")), west))].region, west);
  run.StepTo(2);
  // No ground of red's side next door: it stays (it has nowhere of its own to go).
  EXPECT_EQ(run.st.forces[static_cast<std::size_t>(World::ForceIn(run.st, static_cast<ActorId>(s.ActorIndex("red_army")), west))].region, west);
  // Red standing in the middle, with the east red's: it falls back there.
  auto replace = [](std::string& text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  std::string toml(kTimeline);
  replace(toml, "value = 5\n", "value = 5\nholder = \"red_army\"\n");
  replace(toml, "region = \"west\"\nstrength = 200", "region = \"middle\"\nstrength = 200");
  Holding moved(toml);
  moved.StepTo(2);
  const ActorId red = static_cast<ActorId>(s.ActorIndex("red_army"));
  for (const Force& f : moved.st.forces) {
    if (f.actor == red) {
      EXPECT_EQ(f.region, static_cast<RegionId>(s.RegionIndex("east")));
    }
  }
}


// A strip of three blue regions, west - middle - east, with a corridor from west to east through
// blue ground. Blue leaves the middle to nobody on day 3; a line agreed on day 5 makes the east
// red's side and, with a handover, takes it from blue.
constexpr std::string_view kStrip = R"(
[scenario]
name = "Strip"
start_date = "2020-01-01"
horizon_days = 30
[rules]
incident_rate = 0
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
kind = "rivalry"
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
lon = 38.2
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "east"
country = "AA"
lat = 34.0
lon = 38.4
terrain = "desert"
value = 1
holder = "blue_army"
[[edge]]
from = "west"
to = "middle"
length_km = 20
[[edge]]
from = "middle"
to = "east"
length_km = 20
[[force]]
actor = "blue_army"
region = "west"
strength = 1000
[[corridor]]
id = "road"
from = ["west"]
to = ["east"]
open_through = ["blue"]
[[line]]
id = "strip"
a = "blue"
a_regions = ["west"]
b = "red"
b_regions = ["east"]
agreed = "2020-01-06"
handover = true
[[timeline]]
date = "2020-01-04"
kind = "withdraw"
actor = "blue_army"
regions = ["middle"]
)";

TEST(Timeline, CorridorsAreRecomputedWhenAWithdrawalOrAHandoverChangesHands) {
  // The withdrawal leaves the middle to nobody: the corridor is cut that day, not left open.
  Holding run(kStrip, {"line.strip.enabled=false"});
  run.StepTo(2);
  EXPECT_TRUE(run.st.corridor_open[0]);
  run.StepTo(3);
  EXPECT_EQ(run.st.holder[static_cast<std::size_t>(run.engine.scenario().RegionIndex("middle"))], kNone);
  EXPECT_FALSE(run.st.corridor_open[0]);
  EXPECT_EQ(run.Count(EventKind::kCorridorCut), 1);
  // The line's handover alone (no withdrawal) takes the east from blue: cut on day 5.
  std::string toml(kStrip);
  toml.erase(toml.find("[[timeline]]"));
  Holding handed(toml);
  handed.StepTo(4);
  EXPECT_TRUE(handed.st.corridor_open[0]);
  handed.StepTo(5);
  EXPECT_FALSE(handed.st.corridor_open[0]);
  EXPECT_EQ(handed.Count(EventKind::kCorridorCut), 1);
}


TEST(Timeline, GroundHandedOverGetsTheReceiversForcesMovingIn) {
  // Blue hands the middle to red on day 7; red's nearest force (200 in the west) sends a
  // garrison of a quarter, at least capture_strength (50): 50 troops now stand in the middle.
  auto red_in_middle = [](const std::vector<std::string>& overrides) {
    Holding run(kTimeline, overrides);
    run.StepTo(7);
    const Scenario& s = run.engine.scenario();
    float troops = 0;
    for (const Force& f : run.st.forces) {
      if (f.actor == s.ActorIndex("red_army") && f.region == s.RegionIndex("middle")) troops += f.strength;
    }
    EXPECT_EQ(run.st.holder[static_cast<std::size_t>(s.RegionIndex("middle"))], s.ActorIndex("red_army"));
    EXPECT_FLOAT_EQ(run.Troops("red_army"), 200.0f);  // moved, not made
    return troops;
  };
  EXPECT_FLOAT_EQ(red_in_middle({"rules.attrition_rate=0"}), 50.0f);
  EXPECT_FLOAT_EQ(red_in_middle({"rules.attrition_rate=0", "rules.handover_forces=false"}), 0.0f);
}


TEST(Timeline, AHandoverGarrisonIsAMatchForTheEnemiesStandingThere) {
  // As above, but a third group hostile to red stands in the middle with 100 troops when blue
  // hands it over: red's garrison is at least a match for their firepower (100 troops of the
  // same fire per troop), not the usual 50, and red's force keeps the other 100.
  std::string toml(kTimeline);
  const auto add = [&](const std::string& after, const std::string& text) {
    toml.insert(toml.find(after) + after.size(), text);
  };
  add("id = \"red\"\n", "[[bloc]]\nid = \"green\"\n");
  add("id = \"red_army\"\nbloc = \"red\"\n", "[[actor]]\nid = \"green_group\"\nbloc = \"green\"\n");
  add("kind = \"rivalry\"\n", "[[relation]]\na = \"red\"\nb = \"green\"\nkind = \"hostility\"\n");
  add("region = \"west\"\nstrength = 200\n", "[[force]]\nactor = \"green_group\"\nregion = \"middle\"\nstrength = 100\n");
  Holding run(toml, {"rules.attrition_rate=0"});
  run.StepTo(7);
  const Scenario& s = run.engine.scenario();
  std::vector<float> red;
  for (const Force& f : run.st.forces) {
    if (f.actor == s.ActorIndex("red_army") && f.strength > 0) red.push_back(f.region == s.RegionIndex("middle") ? f.strength : -f.strength);
  }
  ASSERT_EQ(red.size(), 2u);
  EXPECT_FLOAT_EQ(std::max(red[0], red[1]), 100.0f);   // in the middle
  EXPECT_FLOAT_EQ(std::min(red[0], red[1]), -100.0f);  // left in the west
}

// kTimeline's strip with the middle in another country (BB), blue's army starting in the west and
// operating only in AA: the road to the east crosses BB, so blue never gets there; with
// rules.operating_countries off it marches through and takes the east.
TEST(OperatingCountries, ForcesStayInTheCountriesTheirActorOperatesIn) {
  auto replace = [](std::string& text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  std::string toml(kTimeline);
  replace(toml, "lon = 38.2\n", "lon = 38.2\n");
  replace(toml, "id = \"middle\"\ncountry = \"AA\"", "id = \"middle\"\ncountry = \"BB\"");
  replace(toml, "offensive = 1.0", "offensive = 1.0\noperates_in = [\"AA\"]");
  replace(toml, "region = \"middle\"\nstrength = 1000", "region = \"west\"\nstrength = 1000");
  auto reached_east = [&](const std::vector<std::string>& overrides) {
    Deciding run(toml, overrides);
    const Scenario& s = run.engine.scenario();
    EXPECT_EQ(s.MayStand(static_cast<ActorId>(s.ActorIndex("blue_army")), static_cast<RegionId>(s.RegionIndex("middle"))),
              !s.rules.operating_countries);
    bool stood_in_bb = false;
    for (int day = 0; day < 10; ++day) {
      run.Play(Action::kAdvance, 1);
      for (const Force& f : run.st.forces) {
        stood_in_bb = stood_in_bb || (f.actor == s.ActorIndex("blue_army") && f.strength > 0 && f.region == s.RegionIndex("middle"));
      }
    }
    EXPECT_EQ(stood_in_bb, !s.rules.operating_countries);
    return run.st.holder[static_cast<std::size_t>(s.RegionIndex("east"))] == s.ActorIndex("blue_army");
  };
  EXPECT_FALSE(reached_east({"line.strip.enabled=false", "rules.timeline=false"}));
  EXPECT_TRUE(reached_east({"line.strip.enabled=false", "rules.timeline=false", "rules.operating_countries=false"}));
}

// Blue (operating in AA only) wants the goal. The short road runs home - border - abroad (BB) -
// goal; the long one home - south - goal stays in AA. Blue's roads go through AA alone, so it
// marches the long way and arrives, where the open map's shortest path would send it to the
// border and back each day (its detour from the border runs home again). With operating
// countries off it takes the short road through BB.
TEST(OperatingCountries, AForceTakesTheRoadThroughTheCountriesItOperatesIn) {
  constexpr std::string_view kDetour = R"(
[scenario]
name = "Detour"
start_date = "2020-01-01"
horizon_days = 30
[[bloc]]
id = "blue"
[[bloc]]
id = "red"
[[actor]]
id = "red_army"
bloc = "red"
[[actor]]
id = "blue_army"
bloc = "blue"
offensive = 1.0
operates_in = ["AA"]
[[region]]
id = "home"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "border"
country = "AA"
lat = 34.1
lon = 38.1
terrain = "desert"
value = 0.001
[[region]]
id = "abroad"
country = "BB"
lat = 34.2
lon = 38.2
terrain = "desert"
value = 0.001
[[region]]
id = "south"
country = "AA"
lat = 33.9
lon = 38.2
terrain = "desert"
value = 0.001
[[region]]
id = "goal"
country = "AA"
lat = 34.0
lon = 38.4
terrain = "desert"
value = 5
[[edge]]
from = "home"
to = "border"
length_km = 20
[[edge]]
from = "border"
to = "abroad"
length_km = 20
[[edge]]
from = "abroad"
to = "goal"
length_km = 20
[[edge]]
from = "home"
to = "south"
length_km = 80
[[edge]]
from = "south"
to = "goal"
length_km = 80
[[force]]
actor = "blue_army"
region = "home"
strength = 1000
)";
  auto march = [&](const std::vector<std::string>& overrides) {
    Deciding run(kDetour, overrides);
    const Scenario& s = run.engine.scenario();
    const ActorId blue = static_cast<ActorId>(s.ActorIndex("blue_army"));
    const RegionId home = static_cast<RegionId>(s.RegionIndex("home"));
    const RegionId goal = static_cast<RegionId>(s.RegionIndex("goal"));
    std::set<std::string> visited;
    int arrived = -1;
    for (int day = 1; day <= 12 && arrived < 0; ++day) {
      run.Play(Action::kAdvance, 1);
      for (const Force& f : run.st.forces) {
        if (f.actor == blue && f.strength > 0) visited.insert(s.regions[static_cast<std::size_t>(f.region)].id);
      }
      if (run.st.holder[static_cast<std::size_t>(goal)] == blue) arrived = day;
    }
    EXPECT_EQ(s.step_toward(blue, home, goal), s.RegionIndex(s.rules.operating_countries ? "south" : "border"));
    return std::pair{arrived, visited};
  };
  const auto [day, visited] = march({});
  EXPECT_GT(day, 0) << "blue never reached the goal";
  EXPECT_TRUE(visited.contains("south"));
  EXPECT_FALSE(visited.contains("abroad"));
  EXPECT_FALSE(visited.contains("border"));
  const auto [open_day, open_visited] = march({"rules.operating_countries=false"});
  EXPECT_GT(open_day, 0);
  EXPECT_LT(open_day, day);  // the short road is shorter
  EXPECT_TRUE(open_visited.contains("abroad"));
}

// A stronger force that may not take a region (green may take ground only in BB) stands beside
// blue's in the east, which nobody holds: with rules.only_takers_capture blue takes it; off, the
// strongest force decides and nobody does (the al-Omar case of issue 20).
TEST(OperatingCountries, AForceThatCannotTakeGroundDoesNotBlockOneThatCan) {
  std::string toml(kTimeline);
  toml.replace(toml.find("[[actor]]"), 9, "[[bloc]]\nid = \"green\"\n[[actor]]\nid = \"green_army\"\nbloc = \"green\"\ncountries = [\"BB\"]\n[[actor]]");
  toml += "[[force]]\nactor = \"green_army\"\nregion = \"east\"\nstrength = 2000\n"
          "[[force]]\nactor = \"blue_army\"\nregion = \"east\"\nstrength = 500\n";
  auto east_holder = [&](const std::vector<std::string>& overrides) {
    Holding run(toml, overrides);
    run.StepTo(1);
    return run.st.holder[static_cast<std::size_t>(run.engine.scenario().RegionIndex("east"))];
  };
  Holding probe(toml);
  EXPECT_EQ(east_holder({}), probe.engine.scenario().ActorIndex("blue_army"));
  EXPECT_EQ(east_holder({"rules.only_takers_capture=false"}), kNone);
}


// A campaign: blue's offensive on the east opens on 6 Jan 2020 (day 5). Advancing every day,
// blue takes the east (20 km away) on day 1 without it, and not before day 5 with it.
TEST(Campaigns, AnOffensiveOpensOnItsDateAndNotBefore) {
  std::string toml(kTimeline);
  toml += "[[campaign]]\nactor = \"blue_army\"\nregions = [\"east\"]\nopens = \"2020-01-06\"\nnote = \"test\"\n";
  auto day_taken = [&](const std::vector<std::string>& overrides) {
    Deciding run(toml, overrides);
    const Scenario& s = run.engine.scenario();
    for (int day = 1; day <= 10; ++day) {
      run.Play(Action::kAdvance, 1);
      if (run.st.holder[static_cast<std::size_t>(s.RegionIndex("east"))] == s.ActorIndex("blue_army")) return day;
    }
    return -1;
  };
  const std::vector<std::string> base = {"line.strip.enabled=false", "rules.timeline=false"};
  std::vector<std::string> off = base;
  off.push_back("rules.campaigns=false");
  const int with = day_taken(base);
  EXPECT_GE(with, 5);
  EXPECT_LE(with, 7);
  EXPECT_EQ(day_taken(off), 1);
}

}  // namespace
}  // namespace brink
