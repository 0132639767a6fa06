// The narrative's words agree with its counts: "1 troop ... melts away", "1,200 troops ... melt
// away" (it printed "1 troops" before).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "brink/engine.h"
#include "brink/report.h"
#include "brink/scenario.h"

namespace brink {
namespace {

TEST(Narrative, CountsOfTroopsAgreeWithTheirWords) {
  const Scenario s = LoadDefaultScenario().take();
  const Engine engine(s);
  ASSERT_GE(s.ActorIndex("isis"), 0);
  const ActorId isis = static_cast<ActorId>(s.ActorIndex("isis"));
  const EventLog log = {
      {.day = 5, .kind = EventKind::kDispersal, .actor = isis, .region = 0, .casualties = 1},
      {.day = 5, .kind = EventKind::kDispersal, .actor = isis, .region = 1, .casualties = 1200},
      {.day = 6, .kind = EventKind::kArrival, .actor = isis, .region = 2, .casualties = 1},
      {.day = 6, .kind = EventKind::kArrival, .actor = isis, .region = 3, .casualties = 40},
  };
  const std::string text = Narrative(s, log, engine.Initial());
  EXPECT_NE(text.find("1 troop of Islamic State melts away from " + s.regions[0].name + " and goes underground."), std::string::npos) << text;
  EXPECT_NE(text.find("1,200 troops of Islamic State melt away from " + s.regions[1].name + " and go underground."), std::string::npos) << text;
  EXPECT_NE(text.find("1 troop of Islamic State arrives at " + s.regions[2].name + "."), std::string::npos) << text;
  EXPECT_NE(text.find("40 troops of Islamic State arrive at " + s.regions[3].name + "."), std::string::npos) << text;
  EXPECT_FALSE(std::regex_search(text, std::regex("(^|[^0-9,.])1 troops"))) << text;
}

}  // namespace
}  // namespace brink
