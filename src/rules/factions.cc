// Factions (docs/model.md, Submodel "Factions"). An actor's stance is the influence-weighted
// mean of its factions' aggression, war aversion and belief in the rivals' ability to hit back
// (an actor without factions uses its own values and believes its rivals' true capability).
// Each day influence shifts: pressure = influence_shift x (humiliation + success - fear), where
// humiliation counts strikes suffered, success the value of ground taken (/10), and fear the
// rungs the ladder climbed today; each faction's influence is multiplied by
// exp(pressure x hawkishness) and the actor's influences renormalised to sum to 1.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "rules/rules.h"

namespace brink::rules {

Stance AggregateFactions(const Scenario& s, const State& st, ActorId actor) {
  Stance stance{0, 0, 0};
  double total = 0;
  for (int f : s.tables().actor_factions[static_cast<std::size_t>(actor)]) {
    const Faction& faction = s.factions[static_cast<std::size_t>(f)];
    double w = st.influence[static_cast<std::size_t>(f)];
    total += w;
    stance.aggression += w * faction.aggression;
    stance.war_aversion += w * faction.war_aversion;
    stance.retaliation_belief += w * faction.retaliation_belief;
  }
  if (total > 0) {
    stance.aggression /= total;
    stance.war_aversion /= total;
    stance.retaliation_belief /= total;
    return stance;
  }
  const Actor& a = s.actors[actor];
  return {a.aggression, a.war_aversion, s.tables().rival_capability[static_cast<std::size_t>(actor)]};
}

namespace {

// exp(80) is about 5.5e34: times an influence of at most 1, still well inside float's range.
constexpr double kMaxDirectExponent = 80;

void ShiftInLogSpace(const Scenario& s, State& st, std::size_t actor, double pressure) {
  double top = -std::numeric_limits<double>::infinity();
  for (int f : s.tables().actor_factions[actor]) {
    const double influence = st.influence[static_cast<std::size_t>(f)];
    if (influence > 0) {
      top = std::max(top, std::log(influence) + pressure * s.factions[static_cast<std::size_t>(f)].hawkishness);
    }
  }
  if (!std::isfinite(top)) return;  // no faction has influence left: nothing to share
  double total = 0;
  std::vector<double> weight;
  for (int f : s.tables().actor_factions[actor]) {
    const double influence = st.influence[static_cast<std::size_t>(f)];
    const double hawkishness = s.factions[static_cast<std::size_t>(f)].hawkishness;
    weight.push_back(influence > 0 ? std::exp(std::log(influence) + pressure * hawkishness - top) : 0.0);
    total += weight.back();
  }
  std::size_t i = 0;
  for (int f : s.tables().actor_factions[actor]) st.influence[static_cast<std::size_t>(f)] = static_cast<float>(weight[i++] / total);
}

}  // namespace

void Factions(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  const double fear = std::max(0, st.level - d.w.level_at_dawn);
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    double pressure = s.rules.influence_shift * (d.w.hawk_pressure[a] - fear);
    if (pressure == 0) continue;
    // exp() of a day's pressure can leave float's range (influence_shift = 1 and a capture
    // worth hundreds), making every share inf/inf = NaN or 0/0; then the shares are computed
    // from logarithms, less the largest, which gives the same proportions without overflow.
    // The direct product is kept otherwise, so ordinary runs are unchanged to the bit.
    double steepest = 0;
    for (int f : s.tables().actor_factions[a]) {
      steepest = std::max(steepest, std::fabs(pressure * s.factions[static_cast<std::size_t>(f)].hawkishness));
    }
    if (steepest > kMaxDirectExponent) {
      ShiftInLogSpace(s, st, a, pressure);
      continue;
    }
    double total = 0;
    for (int f : s.tables().actor_factions[a]) {
      float& influence = st.influence[static_cast<std::size_t>(f)];
      influence *= static_cast<float>(std::exp(pressure * s.factions[static_cast<std::size_t>(f)].hawkishness));
      total += influence;
    }
    if (total <= 0) continue;
    for (int f : s.tables().actor_factions[a]) {
      float& influence = st.influence[static_cast<std::size_t>(f)];
      influence = static_cast<float>(influence / total);
    }
  }
}

}  // namespace brink::rules
