// A scenario that starts mid-crisis (docs/scenario-format.md, "[[tension]] and [[grievance]]",
// "[[actor]]", "[[timeline]]"; issue 20, "A forecast from 1 January 2018"): the rung reached
// before the start, fighters already underground and the ground they strike, and troops exposed
// outside the theatre that change on a date. Each in tests/data/small.toml with one block added.
#include <fstream>
#include <sstream>

#include "rules/test_world.h"

namespace brink {
namespace {

std::string Small(std::string_view replace_from = {}, std::string_view replace_to = {}) {
  std::ifstream in(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!replace_from.empty()) {
    const std::size_t at = text.find(replace_from);
    if (at == std::string::npos) throw std::runtime_error("small.toml has no " + std::string(replace_from));
    text.replace(at, replace_from.size(), replace_to);
  }
  return text;
}

TEST(StartState, TheRungReachedBeforeTheStartIsRemembered) {
  const std::string text = Small() + "\n[[tension]]\na = \"blue\"\nb = \"red\"\nvalue = 0.2\nreached = \"limited direct strikes\"\n";
  World world(text);
  EXPECT_EQ(world.initial.level, 0);      // 0.2 is 'deconflicted' today
  EXPECT_EQ(world.initial.max_level, 3);  // but the crisis had reached 'limited direct strikes'
  World without(Small() + "\n[[tension]]\na = \"blue\"\nb = \"red\"\nvalue = 0.2\n");
  EXPECT_EQ(without.initial.max_level, 0);
  // The war rung is not a rung a standoff has reached.
  Result<Scenario> war = LoadScenario(Small() + "\n[[tension]]\na = \"blue\"\nb = \"red\"\nvalue = 0.2\nreached = \"full-scale war\"\n", "t.toml");
  ASSERT_FALSE(war.ok());
  EXPECT_NE(war.message().find("'reached' = \"full-scale war\" names no rung below war; expected one of: deconflicted, posturing"),
            std::string::npos) << war.message();
}

// Fighters underground at the start strike where the scenario says, not only where their actor
// held ground at the start (it holds the valley and the town; its ground here is the west).
TEST(StartState, FightersUndergroundAtTheStartStrikeTheirGround) {
  const std::string group = "id = \"group\"\n";
  const std::string text = Small(group, group + "insurgency = 50\nunderground = 2000\ninsurgent_ground = [\"south\"]\n");
  World world(text);
  EXPECT_FLOAT_EQ(world.initial.underground[world.actor("group")], 2000.0f);
  EventLog log;
  int attacks = 0, in_south = 0;
  for (uint64_t run = 0; run < 200; ++run) {
    log.clear();
    Day d = world.Fresh(run, &log);
    rules::Insurgency(d);
    for (const Event& e : log) {
      if (e.kind != EventKind::kInsurgentAttack) continue;
      ++attacks;
      in_south += e.region == world.region("south");
    }
  }
  // 50 a day per 1,000 underground: Poisson(100) attacks a day, all on the blue forces in the south.
  EXPECT_GT(attacks, 200 * 90);
  EXPECT_EQ(in_south, attacks);
  // Without insurgent_ground they strike the ground the group held at the start, where no
  // hostile force stands on day 1: no attack.
  World home(Small(group, group + "insurgency = 50\nunderground = 2000\n"));
  log.clear();
  Day d = home.Fresh(0, &log);
  rules::Insurgency(d);
  for (const Event& e : log) EXPECT_NE(e.kind, EventKind::kInsurgentAttack);
}

TEST(StartState, ExposedTroopsChangeOnTheirDate) {
  const std::string text = Small() +
                           "\n[[timeline]]\ndate = \"2020-01-11\"\nkind = \"exposure\"\nexposure = \"blue_abroad\"\n"
                           "troops = 1200\nnote = \"a drawdown\"\n";
  World world(text);
  EXPECT_FLOAT_EQ(world.initial.exposure_troops[0], 5000.0f);
  Engine engine(world.s);
  State st = engine.Initial();
  Workspace workspace;
  EventLog log;
  for (int day = 1; day <= 12; ++day) {
    engine.Step(st, workspace, kSeed, 0, &log);
    EXPECT_FLOAT_EQ(st.exposure_troops[0], day < 10 ? 5000.0f : 1200.0f) << "day " << day;
  }
  int changes = 0;
  for (const Event& e : log) {
    if (e.kind != EventKind::kExposureChange) continue;
    ++changes;
    EXPECT_EQ(e.day, 10);
    EXPECT_FLOAT_EQ(e.casualties, 1200.0f);
  }
  EXPECT_EQ(changes, 1);
  // A change of an exposure the scenario does not have is refused, naming the ones it has.
  Result<Scenario> bad = LoadScenario(Small() + "\n[[timeline]]\ndate = \"2020-01-11\"\nkind = \"exposure\"\n"
                                                "exposure = \"blue_home\"\ntroops = 1\n", "t.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("'exposure' = \"blue_home\" names no [[exposure]]; expected one of: blue_abroad"),
            std::string::npos) << bad.message();
}

}  // namespace
}  // namespace brink
