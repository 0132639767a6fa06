// Combat between hostile forces in one region (docs/model.md, Submodel "Combat"): stochastic
// Lanchester square law. Each day a force loses Poisson(attrition_rate x the firepower aimed
// at it / terrain defence) troops, where the enemy's firepower is shared among its targets in
// proportion to their strength. Air power and effectiveness multiply firepower (Firepower).
// A force heavily outgunned (enemy firepower above break_ratio x (0.5 + resolve) times its
// side's) breaks and falls back one region toward friendly ground.
#include <algorithm>

#include "rules/rules.h"

namespace brink::rules {
namespace {

// The neighbour held by the force's own side nearest its position, or kNone.
RegionId FallBack(const Day& d, const Force& f) {
  RegionId best = kNone;
  float best_km = 0;
  for (auto [next, km] : d.s.adjacency[f.region]) {
    ActorId h = d.st.holder[next];
    if (h == kNone || d.s.actors[h].bloc != d.s.actors[f.actor].bloc) continue;
    if (best == kNone || km < best_km) {
      best = next;
      best_km = km;
    }
  }
  return best;
}

}  // namespace

void Combat(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  Workspace& w = d.w;
  Rng rng = d.rng(Stream::kCombat);
  w.losses.assign(st.forces.size(), 0.0f);
  w.breaks.assign(st.forces.size(), 0);
  w.region_losses.assign(s.regions.size(), -1.0f);  // -1: no fighting there today
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const int begin = w.region_start[r], end = w.region_start[r + 1];
    if (end - begin < 2) continue;
    const int* ids = &w.force_index[static_cast<std::size_t>(begin)];
    bool fighting = false;
    for (int i = 0; i < end - begin; ++i) {
      for (int j = i + 1; j < end - begin; ++j) {
        fighting = fighting || Hostile(s, st, st.forces[ids[i]].actor, st.forces[ids[j]].actor);
      }
    }
    if (!fighting) continue;
    w.region_losses[r] = 0;
    const double defence = s.terrains[static_cast<std::size_t>(s.regions[r].terrain)].defence;
    for (int i = 0; i < end - begin; ++i) {
      const Force& target = st.forces[ids[i]];
      double incoming = 0, own_side = 0;
      for (int j = 0; j < end - begin; ++j) {
        const Force& shooter = st.forces[ids[j]];
        if (!Hostile(s, st, target.actor, shooter.actor)) {
          if (s.actors[shooter.actor].bloc == s.actors[target.actor].bloc) {
            own_side += Firepower(s, shooter);
          }
          continue;
        }
        double targets_strength = 0;  // the shooter's hostile targets here
        for (int k = 0; k < end - begin; ++k) {
          if (Hostile(s, st, shooter.actor, st.forces[ids[k]].actor)) {
            targets_strength += st.forces[ids[k]].strength;
          }
        }
        incoming += Firepower(s, shooter) * target.strength / targets_strength;
      }
      if (incoming <= 0) continue;
      ActorId holder = st.holder[r];
      bool defending = holder != kNone && s.actors[holder].bloc == s.actors[target.actor].bloc;
      double mean = s.rules.attrition_rate * incoming / (defending ? defence : 1.0);
      const Actor& actor = s.actors[target.actor];
      if (actor.patron != kNone) {
        mean += s.rules.proxy_fold_rate * (1.0 - actor.reliability) * target.strength;
      }
      w.losses[static_cast<std::size_t>(ids[i])] = static_cast<float>(rng.Poisson(mean));
      w.breaks[static_cast<std::size_t>(ids[i])] =
          incoming > own_side * s.rules.break_ratio * (0.5 + actor.resolve);
    }
  }
  for (std::size_t f = 0; f < st.forces.size(); ++f) {
    if (w.losses[f] > 0) w.region_losses[st.forces[f].region] += Inflict(d, static_cast<int>(f), w.losses[f]);
    if (w.breaks[f] && st.forces[f].strength > 0) {
      RegionId back = FallBack(d, st.forces[f]);
      if (back != kNone) {
        st.forces[f].region = back;
        st.forces[f].target = kNone;
        st.forces[f].progress_km = 0;
      }
    }
  }
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (w.region_losses[r] >= 0) {
      d.Emit({.kind = EventKind::kBattle, .region = static_cast<RegionId>(r),
              .casualties = w.region_losses[r]});
    }
  }
}

}  // namespace brink::rules
