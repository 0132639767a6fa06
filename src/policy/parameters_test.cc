// Every actor parameter moves behaviour across its range (docs/model.md, "Entities"): a small
// world is run with one parameter of blue's at the low and the high end of its range, all else
// equal (same seeds: common random numbers), and the behaviour it governs is counted. Each
// count is a sum over many runs; the test asks for a difference of at least 25% of the larger
// count and 5 Poisson standard errors of the two, far from what chance gives with these seeds.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/scenario.h"

namespace brink {
namespace {

// Blue, rival to red, faces red across a 20 km road (in contact) and wants ground held by a
// terrorist group (black) further on; it must hold its base; it has troops abroad within red's
// reach. Red strikes now and then, so blue has grievances to answer: it needs no cause to (the
// world measures parameters, not the causes of fire, which rules/strikes_test.cc covers).
constexpr std::string_view kWorld = R"(
[scenario]
name = "Parameters"
start_date = "2020-01-01"
horizon_days = 60
[rules]
strike_causes = false
[[bloc]]
id = "blue"
[[bloc]]
id = "red"
[[bloc]]
id = "black"
[[actor]]
id = "blue_army"
bloc = "blue"
effectiveness = 1.0
air_power = 0.5
resolve = 0.5
commitment = 0.5
casualty_aversion = 0.5
war_aversion = 0.5
aggression = 0.5
offensive = 0.5
retaliation_capability = 0.5
rationality = 2.0
signal_propensity = 0.5
territory_weight = 1.0
[[actor]]
id = "red_army"
bloc = "red"
aggression = 0.6
war_aversion = 0.5
offensive = 0.0
[[actor]]
id = "group"
bloc = "black"
terrorist = true
offensive = 0.0
[[relation]]
a = "blue"
b = "red"
kind = "rivalry"
[[relation]]
a = "black"
b = "blue"
kind = "hostility"
[[relation]]
a = "black"
b = "red"
kind = "hostility"
[[region]]
id = "base"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "line"
country = "AA"
lat = 34.0
lon = 38.2
terrain = "desert"
value = 1
holder = "red_army"
[[region]]
id = "valley"
country = "AA"
lat = 34.5
lon = 38.0
terrain = "river_valley"
value = 3
holder = "group"
[[region]]
id = "town"
country = "AA"
lat = 35.0
lon = 38.0
terrain = "urban"
value = 3
holder = "group"
[[edge]]
from = "base"
to = "line"
length_km = 20
[[edge]]
from = "base"
to = "valley"
length_km = 60
[[edge]]
from = "valley"
to = "town"
length_km = 60
[[objective]]
actor = "blue_army"
kind = "hold"
regions = ["base"]
weight = 3
[[objective]]
actor = "blue_army"
kind = "destroy"
target = "group"
weight = 1
[[force]]
actor = "blue_army"
region = "base"
strength = 3000
[[force]]
actor = "red_army"
region = "line"
strength = 2000
[[force]]
actor = "group"
region = "valley"
strength = 800
[[force]]
actor = "group"
region = "town"
strength = 800
[[exposure]]
id = "blue_abroad"
actor = "blue_army"
troops = 5000
threatened_by = ["red_army"]
)";

// What the runs did, summed over them.
struct Counts {
  std::array<double, static_cast<int>(Action::kCount)> chosen{};  // blue's choices, days
  double strikes = 0;          // blue's deliberate strikes
  double signals = 0;          // defensive signals (blue's or red's)
  double group_losses = 0;     // the group's casualties
  double red_losses_by_blue = 0;
  double top_choice = 0;       // days blue chose its most utile action
};

Counts Simulate(const std::vector<std::string>& overrides, int runs = 300) {
  Result<Scenario> loaded = LoadScenario(kWorld, "parameters.toml", overrides);
  if (!loaded.ok()) throw std::runtime_error(loaded.message());
  const Engine engine(loaded.take());
  const Scenario& s = engine.scenario();
  const ActorId blue = static_cast<ActorId>(s.ActorIndex("blue_army"));
  const ActorId red = static_cast<ActorId>(s.ActorIndex("red_army"));
  const ActorId group = static_cast<ActorId>(s.ActorIndex("group"));
  Counts c;
  WorkspacePtr w = engine.NewWorkspace();
  for (int run = 0; run < runs; ++run) {
    State st = engine.Initial();
    while (st.day < s.horizon_days) {
      Turn turn = engine.Begin(st, *w, 7, static_cast<uint64_t>(run));
      const ActionScores scores = DoctrineScores(turn, blue);
      int best = 0;
      for (int a = 0; a < static_cast<int>(Action::kCount); ++a) {
        if (scores.legal[a] && (!scores.legal[best] || scores.utility[a] > scores.utility[best])) best = a;
      }
      JointAction joint = engine.Decide(turn);
      ++c.chosen[static_cast<int>(joint[static_cast<std::size_t>(blue)])];
      if (static_cast<int>(joint[static_cast<std::size_t>(blue)]) == best) ++c.top_choice;
      if (!engine.Apply(turn, joint, nullptr).ok()) throw std::runtime_error("apply");
    }
    c.strikes += st.actors[static_cast<std::size_t>(blue)].deliberate_strikes;
    c.signals += static_cast<double>(st.tally.count(EventKind::kSignal));
    c.group_losses += st.actors[static_cast<std::size_t>(group)].casualties;
    c.red_losses_by_blue += st.inflicted[static_cast<std::size_t>(red) * s.actors.size() + static_cast<std::size_t>(blue)];
  }
  return c;
}

double Days(const Counts& c, Action a) { return c.chosen[static_cast<int>(a)]; }

struct Case {
  const char* parameter;
  const char* low;
  const char* high;
  bool rises;  // the count rises from low to high
  std::function<double(const Counts&)> count;
  const char* what;
};

TEST(Parameters, EveryActorParameterMovesBehaviourAcrossItsRange) {
  const std::vector<Case> cases = {
      {"offensive", "0", "1", true, [](const Counts& c) { return Days(c, Action::kAdvance); }, "days advancing"},
      {"resolve", "0", "1", true, [](const Counts& c) { return Days(c, Action::kAdvance); }, "days advancing"},
      {"territory_weight", "0", "10", true, [](const Counts& c) { return Days(c, Action::kAdvance); }, "days advancing"},
      {"casualty_aversion", "0", "1", false, [](const Counts& c) { return Days(c, Action::kAdvance); }, "days advancing"},
      {"aggression", "0", "1", true, [](const Counts& c) { return c.strikes; }, "deliberate strikes"},
      {"war_aversion", "0", "1", false, [](const Counts& c) { return c.strikes; }, "deliberate strikes"},
      {"commitment", "0", "1", false, [](const Counts& c) { return Days(c, Action::kWithdraw); }, "days withdrawing"},
      {"signal_propensity", "0", "1", true, [](const Counts& c) { return c.signals; }, "defensive signals"},
      {"rationality", "0", "20", true, [](const Counts& c) { return c.top_choice; }, "days on its best action"},
      {"effectiveness", "0.2", "5", true, [](const Counts& c) { return c.group_losses; }, "the group's losses"},
      {"air_power", "0", "1", true, [](const Counts& c) { return c.group_losses; }, "the group's losses"},
      {"retaliation_capability", "0", "1", true, [](const Counts& c) { return c.red_losses_by_blue; },
       "red's losses to blue's fire"},
  };
  for (const Case& x : cases) {
    const std::string key = std::string("actor.blue_army.") + x.parameter;
    // Strikes need the will to strike: the strike-side parameters are read with aggression 1.
    std::vector<std::string> base;
    if (std::string(x.parameter) == "signal_propensity" || std::string(x.parameter) == "retaliation_capability") {
      base.push_back("actor.blue_army.aggression=1");
      base.push_back("actor.blue_army.war_aversion=0");
      base.push_back("rules.tension_decay=1");  // and no war: limited fire only
    }
    // Air power's weight in firepower, made large enough to read past the group's end.
    if (std::string(x.parameter) == "air_power") base.push_back("rules.air_multiplier=4");
    std::vector<std::string> low = base, high = base;
    low.push_back(key + "=" + x.low);
    high.push_back(key + "=" + x.high);
    const double at_low = x.count(Simulate(low)), at_high = x.count(Simulate(high));
    const double larger = std::max(at_low, at_high);
    const double change = x.rises ? at_high - at_low : at_low - at_high;
    EXPECT_GT(change, 0.25 * larger) << x.parameter << ": " << x.what << " " << at_low << " at " << x.low << ", "
                                     << at_high << " at " << x.high;
    EXPECT_GT(change, 5 * std::sqrt(at_low + at_high)) << x.parameter << ": " << x.what;
  }
}

}  // namespace
}  // namespace brink
