// Combat between hostile forces in one region (docs/model.md, Submodel "Combat"): stochastic
// Lanchester square law. Each day a force loses Poisson(attrition_rate x the firepower aimed
// at it / terrain defence) troops, where the enemy's firepower is shared among its targets in
// proportion to their strength. Air power and effectiveness multiply firepower (Firepower).
// A force heavily outgunned (the enemy fire aimed at it above break_ratio x (0.5 + resolve)
// times its whole side's firepower there) breaks and falls back one region toward friendly
// ground. Only the side holding the region has its losses divided by the terrain's defence.
#include <algorithm>

#include "rules/rules.h"

namespace brink::rules {
namespace {

// Forces counted in one region's battle (the first, by force index): a bound on the work per
// region that no real scenario reaches (at most MaxForces forces in all).
constexpr int kMaxPerRegion = 64;

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
    for (uint64_t here = w.present[r], rest = here; rest; rest &= rest - 1) {
      fighting = fighting || (w.hostile_mask[static_cast<std::size_t>(__builtin_ctzll(rest))] & here);
    }
    if (!fighting) continue;
    w.region_losses[r] = 0;
    const double defence = s.terrains[static_cast<std::size_t>(s.regions[r].terrain)].defence;
    const int n = end - begin;
    // Each shooter's fire is shared among its hostile targets here in proportion to strength.
    float targets_strength[kMaxPerRegion];
    const int counted = std::min(n, kMaxPerRegion);
    for (int j = 0; j < counted; ++j) {
      targets_strength[j] = 0;
      for (int k = 0; k < n; ++k) {
        if (Hostile(s, st, st.forces[ids[j]].actor, st.forces[ids[k]].actor)) {
          targets_strength[j] += st.forces[ids[k]].strength;
        }
      }
    }
    for (int i = 0; i < counted; ++i) {
      const Force& target = st.forces[ids[i]];
      double incoming = 0, own_side = 0;
      for (int j = 0; j < counted; ++j) {
        const Force& shooter = st.forces[ids[j]];
        const double firepower = w.firepower[static_cast<std::size_t>(ids[j])];
        if (Hostile(s, st, target.actor, shooter.actor)) {
          incoming += firepower * target.strength / targets_strength[j];
        } else if (s.actors[shooter.actor].bloc == s.actors[target.actor].bloc) {
          own_side += firepower;
        }
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
