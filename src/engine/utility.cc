// Each actor's utility of a position by its own objectives (include/brink/game.h,
// docs/model.md "Utility"): what the doctrine weighs one step ahead, summed over the position.
#include "brink/game.h"
#include "rules/rules.h"

namespace brink {
namespace {

double Troops(const State& st, ActorId actor) {
  double troops = 0;
  for (const Force& f : st.forces) {
    if (f.actor == actor && f.strength > 0) troops += f.strength;
  }
  return troops;
}

double InitialTroops(const Scenario& s, ActorId actor) {
  double troops = 0;
  for (const ForceSpec& f : s.forces) {
    if (f.actor == actor) troops += f.strength;
  }
  return troops;
}

}  // namespace

double ActorUtility(const Scenario& s, const State& st, ActorId actor) {
  const Actor& a = s.actors[actor];
  const Rules& x = s.rules;
  double utility = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (st.holder[r] == actor) utility += a.territory_weight * s.regions[r].value;
  }
  for (const Objective& o : s.objectives) {
    if (o.actor != actor) continue;
    switch (o.kind) {
      case ObjectiveKind::kHold: {
        int held = 0;
        for (RegionId r : o.regions) {
          const ActorId h = st.holder[r];
          held += h != kNone && s.actors[h].bloc == a.bloc;
        }
        if (!o.regions.empty()) utility += o.weight * held / static_cast<double>(o.regions.size());
        break;
      }
      case ObjectiveKind::kCorridorCut:
        utility += st.corridor_open[static_cast<std::size_t>(o.corridor)] ? 0.0 : o.weight;
        break;
      case ObjectiveKind::kCorridorConnect:
        utility += st.corridor_open[static_cast<std::size_t>(o.corridor)] ? o.weight : 0.0;
        break;
      case ObjectiveKind::kDestroy: {
        const double start = InitialTroops(s, o.target);
        if (start > 0) utility += o.weight * (1.0 - Troops(st, o.target) / start);
        break;
      }
    }
  }
  utility -= a.casualty_aversion * x.casualty_cost_per_1000 * st.actors[actor].casualties / 1000.0;
  if (st.war_ongoing() && (a.bloc == st.war_a || a.bloc == st.war_b)) {
    utility -= rules::AggregateFactions(s, st, actor).war_aversion * x.war_cost;
  }
  return utility;
}

}  // namespace brink
