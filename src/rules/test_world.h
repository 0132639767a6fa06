// Test worlds for the rules' tests (src/rules/*_test.cc), one suite per dynamic
// (docs/model.md, "Submodels"). Each test builds its whole world as TOML text, loads it with
// LoadScenario, and drives one rule directly through a Day over the State from
// Engine::Initial(), prepared as Engine::Step prepares it (Dawn: the ladder at dawn, no hawk
// pressure yet, relations, stances, the forces indexed).
//
// Statistical tests use fixed seeds (the Rng is counter-based, so every number here is
// reproducible) and margins of 5 standard errors of the estimate they check: a correct rule
// lands outside them with probability below 1e-6, a wrong formula lands far outside.
#ifndef BRINK_RULES_TEST_WORLD_H_
#define BRINK_RULES_TEST_WORLD_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "brink/engine.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "engine/day.h"
#include "engine/random.h"
#include "rules/rules.h"

namespace brink {


constexpr uint64_t kSeed = 20170615;

// A world that does not load fails the test that builds it (gtest reports the exception).
inline Scenario Load(std::string_view toml, const std::vector<std::string>& overrides) {
  Result<Scenario> loaded = LoadScenario(toml, "test.toml", overrides);
  if (!loaded.ok()) throw std::runtime_error(loaded.message());
  return loaded.take();
}

// A scenario, its initial state and scratch space, driven one rule at a time.
class World {
 public:
  explicit World(std::string_view toml, const std::vector<std::string>& overrides = {})
      : s(Load(toml, overrides)), initial(Engine(s).Initial()), st(initial) {}

  // Begins day `day` of run `run` from the current state, as Engine::Step does before its
  // rules (Dawn).
  Day Today(int day = 1, uint64_t run = 0, EventLog* log = nullptr, uint64_t seed = kSeed) {
    st.day = day;
    Day d{s, st, w, seed, run, log};
    Dawn(d);
    return d;
  }
  // The same, from the initial state (each run an independent draw of the same day).
  Day Fresh(uint64_t run = 0, EventLog* log = nullptr, int day = 1) {
    st = initial;
    return Today(day, run, log);
  }

  ActorId actor(std::string_view id) const {
    int index = s.ActorIndex(id);
    if (index < 0) throw std::runtime_error("no actor " + std::string(id));
    return static_cast<ActorId>(index);
  }
  RegionId region(std::string_view id) const {
    int index = s.RegionIndex(id);
    if (index < 0) throw std::runtime_error("no region " + std::string(id));
    return static_cast<RegionId>(index);
  }
  int corridor(std::string_view id) const {
    for (std::size_t c = 0; c < s.corridors.size(); ++c) {
      if (s.corridors[c].id == id) return static_cast<int>(c);
    }
    throw std::runtime_error("no corridor " + std::string(id));
  }
  // The first force of `actor` in `region` in `state`.
  static int ForceIn(const State& state, ActorId actor, RegionId region) {
    for (std::size_t f = 0; f < state.forces.size(); ++f) {
      if (state.forces[f].actor == actor && state.forces[f].region == region)
        return static_cast<int>(f);
    }
    throw std::runtime_error("no such force");
  }
  int force(std::string_view actor_id, std::string_view region_id) const {
    return ForceIn(st, actor(actor_id), region(region_id));
  }
  float tension(ActorId a, ActorId b) const {
    return st
        .tension[static_cast<std::size_t>(s.actors[a].bloc) * s.blocs.size() + s.actors[b].bloc];
  }

  Scenario s;
  State initial;
  State st;
  Workspace w;
};

// 5 standard errors of the mean of `runs` Poisson draws with mean `mean`.
inline double PoissonMargin(double mean, int runs) { return 5.0 * std::sqrt(mean / runs); }
// 5 standard errors of a share of `runs` Bernoulli draws with chance `p`.
inline double ShareMargin(double p, int runs) { return 5.0 * std::sqrt(p * (1.0 - p) / runs); }


// The standoff: blue and red are rivals. Blue holds a base inside its declared zone, and a red
// force has come into the base; red holds an outpost 20 km away (within contact_km 30). Blue
// has 20,000 troops exposed abroad within red's reach. Blue never calls its strikes defensive
// unless a test says so.
constexpr std::string_view kStandoff = R"(
[scenario]
name = "Standoff"
start_date = "2020-01-01"
horizon_days = 30

[[bloc]]
id = "blue"
[[bloc]]
id = "red"

[[actor]]
id = "blue_army"
bloc = "blue"
resolve = 0.8
war_aversion = 0.4
signal_propensity = 0.0
[[actor]]
id = "red_army"
bloc = "red"
resolve = 1.0
war_aversion = 0.0
signal_propensity = 0.0

[[relation]]
a = "blue"
b = "red"
kind = "rivalry"

[[region]]
id = "base"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "outpost"
country = "AA"
lat = 34.0
lon = 38.2
terrain = "desert"
value = 1
holder = "red_army"

[[edge]]
from = "base"
to = "outpost"
length_km = 20

[[force]]
actor = "blue_army"
region = "base"
strength = 1000
[[force]]
actor = "red_army"
region = "base"
strength = 500

[[zone]]
id = "base_zone"
owner = "blue_army"
regions = ["base"]
self_defence_strike = 1.0
incident_reduction = 0.5

[[exposure]]
id = "blue_abroad"
actor = "blue_army"
troops = 20000
threatened_by = ["red_army"]
)";


// Three blocs, every pair rivals; no two regions are in contact (100 km apart). Blue and green
// face each other at "north", red and green at "south".
constexpr std::string_view kThreeRivals = R"(
[scenario]
name = "Three rivals"
start_date = "2020-01-01"
horizon_days = 30
[rules]
incident_rate = 0.2
deconfliction = 0
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
[[relation]]
a = "red"
b = "green"
kind = "rivalry"
[[region]]
id = "north"
country = "AA"
lat = 34.0
lon = 38.0
terrain = "desert"
value = 1
holder = "blue_army"
[[region]]
id = "south"
country = "AA"
lat = 33.0
lon = 38.0
terrain = "desert"
value = 1
holder = "red_army"
[[edge]]
from = "north"
to = "south"
length_km = 100
[[force]]
actor = "blue_army"
region = "north"
strength = 1000
[[force]]
actor = "green_army"
region = "north"
strength = 1000
[[force]]
actor = "red_army"
region = "south"
strength = 1000
[[force]]
actor = "green_army"
region = "south"
strength = 1000
)";

}  // namespace brink

#endif  // BRINK_RULES_TEST_WORLD_H_
