// One home for the spatial and relational questions the rules ask of a day (docs/model.md,
// "Queries"): who is where, who is in contact or in reach, inside whose zone, who would take a
// region, and which force is the strongest. Each reads the force index (engine/day.h) and
// today's relations; a new rule asks here rather than deriving its own answer.
#ifndef BRINK_ENGINE_QUERY_H_
#define BRINK_ENGINE_QUERY_H_

#include "engine/day.h"

namespace brink {

// The regions with a force, ascending, as of the index.
inline const std::vector<RegionId>& Occupied(const Day& d) { return d.w.index.occupied(); }
// The actors with a force in the region, as of the index.
inline ActorSet PresentIn(const Day& d, RegionId region) { return d.w.index.present(region); }
// The forces listed in the region, by force index (those killed today still listed: skip them).
inline std::span<const int> ForcesIn(const Day& d, RegionId region) { return d.w.index.forces_in(region); }
// The actors hostile to the actor today (they fight on contact), and its rivals in a standoff.
inline ActorSet HostileTo(const Day& d, ActorId actor) { return d.w.hostile[static_cast<std::size_t>(actor)]; }
inline ActorSet RivalsOf(const Day& d, ActorId actor) { return d.w.rivals[static_cast<std::size_t>(actor)]; }

// The firepower in the region of the actors in `who`, as of the index.
inline double FireIn(const Day& d, RegionId region, ActorSet who) {
  double fire = 0;
  for (ActorId a : PresentIn(d, region) & who) fire += d.w.index.fire(region, a);
  return fire;
}

// Whether an enemy of the actor has a force in the region (a force of the actor there is
// pinned: it fights, it does not march).
inline bool EnemyIn(const Day& d, ActorId actor, RegionId region) {
  return !(PresentIn(d, region) & HostileTo(d, actor)).empty();
}

// Whether the region lies in an enabled declared zone of one of `owners`.
inline bool InZoneOf(const Day& d, ActorSet owners, RegionId region) { return d.s.InZoneOf(owners, region); }
inline bool InOwnZone(const Day& d, ActorId actor, RegionId region) {
  return InZoneOf(d, ActorSet::Of(actor), region);
}
inline bool InRivalZone(const Day& d, ActorId actor, RegionId region) {
  return InZoneOf(d, RivalsOf(d, actor), region);
}

// Whether a force of the actor in the region is in contact with a rival: a rival's force there
// or across a short edge (contact_km), or the region inside a rival's zone.
inline bool InContact(const Day& d, ActorId actor, RegionId region) {
  const std::size_t r = static_cast<std::size_t>(region);
  return !((NearMasks(d)[r] | d.s.tables().zone_owners[r]) & RivalsOf(d, actor)).empty();
}

// Whether the region is closed to the actor today: on one side of an agreed, enabled line
// against the actor's bloc (the two sides not at war), or inside a rival's enabled declared
// zone. Entering closed ground is crossing (Action::kCross; docs/model.md, "Lines and zones").
// The part past the first test, out of line: most regions no line or zone can close, and
// ClosedTo is asked of every goal and every step (half a million times in 40 runs).
[[gnu::noinline]] inline bool ClosedToSlow(const Day& d, ActorId actor, RegionId region) {
  const std::size_t r = static_cast<std::size_t>(region);
  if (InRivalZone(d, actor, region)) return true;
  const BlocId bloc = d.s.actors[static_cast<std::size_t>(actor)].bloc;
  for (auto [line, closed_to] : d.s.tables().line_sides[r]) {
    const DeconflictionLine& l = d.s.lines[static_cast<std::size_t>(line)];
    if (closed_to != bloc || d.st.day < l.agreed_day) continue;
    if (!d.st.BlocsAtWar(bloc, l.a == bloc ? l.b : l.a)) return true;
  }
  return false;
}
inline bool ClosedTo(const Day& d, ActorId actor, RegionId region) {
  return d.s.tables().may_close[static_cast<std::size_t>(region)] && ClosedToSlow(d, actor, region);
}

// The actors that can reach the region with a limited strike: a force there or next door, or
// the region inside their own zone.
inline ActorSet InReachOf(const Day& d, RegionId region) {
  const std::size_t r = static_cast<std::size_t>(region);
  return ReachMasks(d)[r] | d.s.tables().zone_owners[r];
}

// Whether the actor would take this region (nobody's, or an enemy's), by today's relations.
// In full-scale war it takes the ground of the bloc it is at war with only within its war aims
// (docs/model.md, "War"; rules.war_aims).
inline bool WorthTaking(const Day& d, ActorId actor, RegionId region) {
  const ActorId holder = d.st.holder[static_cast<std::size_t>(region)];
  if (holder == kNone) return true;
  if (!HostileTo(d, actor).contains(holder)) return false;
  return !d.s.rules.war_aims || !AtWarBetween(d.s, d.st, actor, holder) || d.s.InWarAims(actor, region);
}

// The strongest force with troops in the region whose actor is among `actors` (of equals, the
// first by index), or -1. It reads the region's list force by force, so it sees today's losses.
inline int StrongestIn(const Day& d, RegionId region, ActorSet actors) {
  int best = -1;
  for (int f : ForcesIn(d, region)) {
    const Force& force = d.st.forces[static_cast<std::size_t>(f)];
    if (force.strength <= 0 || !actors.contains(force.actor)) continue;  // killed today, still listed
    if (best < 0 || force.strength > d.st.forces[static_cast<std::size_t>(best)].strength) best = f;
  }
  return best;
}
// Any actor's.
inline constexpr ActorSet kEveryActor{~uint64_t{0}};

// The actor's strongest force with troops anywhere (of equals, the first), or -1.
inline int StrongestOf(const State& st, ActorId actor) {
  int best = -1;
  for (std::size_t f = 0; f < st.forces.size(); ++f) {
    const Force& force = st.forces[f];
    if (force.actor != actor || force.strength <= 0) continue;
    if (best < 0 || force.strength > st.forces[static_cast<std::size_t>(best)].strength) best = static_cast<int>(f);
  }
  return best;
}

}  // namespace brink

#endif  // BRINK_ENGINE_QUERY_H_
