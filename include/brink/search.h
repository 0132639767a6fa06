// The search policy's parts a program can call directly (docs/model.md, "Search"): Monte Carlo
// tree search over the engine from one turn, for one actor, with the alternatives it weighed.
// The policy itself is chosen by name ("search": the scenario's `policy` key or --policy), its
// budget and horizon by the actor's `search_budget` and `search_horizon_days`.
#ifndef BRINK_SEARCH_H_
#define BRINK_SEARCH_H_

#include "brink/game.h"
#include "brink/policy.h"
#include "brink/status.h"

namespace brink {

struct SearchSettings {
  // Simulations of the days ahead (each about horizon_days steps of the engine).
  int simulations = 200;
  // Days each simulation plays, today included; the scenario's horizon caps it.
  int horizon_days = 10;
  // The doctrine's choice for the day is kept unless the most visited action beats it, world by
  // world over the simulations both played, by more than this many standard errors of the
  // difference (0: any positive mean difference).
  double confidence = 2.0;
  // Courses of action (docs/model.md, Search, "Courses"): when above 0, each first-day action
  // is a course held for this many days, chosen again at each of the actor's decision points
  // within them where it is legal (else the routine), and the routine after them; no tree over
  // the later decisions. 0: the tree (open-loop UCT) over each decision day.
  int course_days = 0;
};

// Whether the actor faces a decision worth searching today (Turn::Facing): more than one
// legal action and fire received (a live grievance), a rival force in reach with a cause to
// fire (strike is legal), a line or rival zone it could cross where its forces stand or next
// door, or a crisis (tension at the third rung: de-escalation is legal). Contact alone, with no
// cause to fire, is not one. Elsewhere the search policy follows the doctrine.
bool IsDecisionPoint(const Turn& turn, ActorId actor);

// Searches the actor's choice on an open turn, leaving the turn open and untouched: the
// alternatives (every legal action) with their values, uncertainties and visits, the doctrine's
// choice (Deliberation::baseline) and the one chosen: the doctrine's, unless the most visited
// action beats it by `confidence` standard errors. Deterministic: a function of the turn (its state, seed, run and day) and the settings.
Result<Deliberation> RunSearch(const Turn& turn, ActorId actor, const SearchSettings& settings);

}  // namespace brink

#endif  // BRINK_SEARCH_H_
