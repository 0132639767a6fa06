// One day's working context, shared by the rules: the scenario, the state, the scratch space,
// the random streams and the event sink. Internal to the engine.
#ifndef BRINK_ENGINE_DAY_H_
#define BRINK_ENGINE_DAY_H_

#include <vector>

#include "brink/engine.h"
#include "brink/event.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "engine/random.h"

namespace brink {

struct Workspace {
  // Forces grouped by region: force_index[region_start[r] .. region_start[r + 1]).
  std::vector<int> region_start;
  std::vector<int> force_index;
  std::vector<float> bloc_strength;   // regions x blocs
  std::vector<float> bloc_firepower;  // regions x blocs
  std::vector<float> losses;          // per force, today
  std::vector<float> region_losses;   // per region, today's combat losses (-1: no fighting)
  std::vector<uint8_t> breaks;        // per force, today: outgunned, falls back
  std::vector<RegionId> queue;        // corridor search
  std::vector<uint8_t> seen;
  std::vector<float> hawk_pressure;   // per actor, today: + humiliation or success, - fear
  int level_at_dawn = 0;
};

struct Day {
  const Scenario& s;
  State& st;
  Workspace& w;
  uint64_t seed;
  uint64_t run;
  EventLog* log;

  Rng rng(Stream stream) const { return Rng(seed, run, stream, st.day); }
  // Records an event: tallies it, scores it at the current rung, logs it when asked.
  void Emit(Event event);
  std::size_t blocs() const { return s.blocs.size(); }
};

// Relations as they stand today (a rivalry becomes hostility once its blocs are at war).
bool AtWarBetween(const Scenario& s, const State& st, ActorId a, ActorId b);
bool Hostile(const Scenario& s, const State& st, ActorId a, ActorId b);
bool Rivals(const Scenario& s, const State& st, ActorId a, ActorId b);
bool IsProxy(const Scenario& s, ActorId a);
// Firepower of a force: troops x effectiveness x air support x morale x proxy cohesion.
float Firepower(const Scenario& s, const Force& force);
// Removes troops from a force and counts them as the actor's casualties. Returns troops lost.
float Inflict(Day& d, int force, double troops);
// Rebuilds the forces-by-region index and per-region bloc strengths.
void IndexForces(Day& d);
// Forces a run may hold: the scenario's plus garrisons split off on the march.
inline std::size_t MaxForces(const Scenario& s) { return 2 * s.forces.size() + 32; }
// The first force of `actor` in `region`, or -1.
int ForceOf(const Day& d, ActorId actor, RegionId region);

}  // namespace brink

#endif  // BRINK_ENGINE_DAY_H_
