// Combat between hostile forces in one region (docs/model.md, Submodel "Combat"): stochastic
// Lanchester square law. Each day a force loses Poisson(attrition_rate x the firepower aimed
// at it / terrain defence) troops, where the enemy's firepower is shared among its targets in
// proportion to their strength. Air power and effectiveness multiply firepower (Firepower).
// A force heavily outgunned (the enemy fire aimed at it above break_ratio x (0.5 + resolve)
// times its whole side's firepower there) breaks and falls back one region toward friendly
// ground. Only the side holding the region has its losses divided by the terrain's defence.
// During a full-scale war the forces of the two warring blocs fight at their supply factor,
// 1 / (1 + km to the actor's nearest base / its supply_range_km) (docs/model.md, "War").
// Sieges (docs/model.md, "Sieges"): in a city its side holds, a defender's losses are further
// divided by 1 + (siege_defence - 1) x (1 - days / siege_days)^siege_exponent, days being the
// length of the battle there so far, and it breaks only under that much more fire: street fighting holds for weeks and wears down (Raqqa,
// 6 Jun - 17 Oct 2017; Mosul, Oct 2016 - Jul 2017). With rules.siege_spread each battle's
// siege_days is drawn once, lognormal around it (SiegeDays). With rules.will_to_hold the extra
// defence shrinks as the holder loses the ground it held at the start (WillToHold).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "rules/rules.h"

namespace brink::rules {

double SiegeDefence(const Scenario& s, int battle_days) { return SiegeDefence(s, battle_days, s.rules.siege_days); }

double SiegeDefence(const Scenario& s, int battle_days, double siege_days) {
  const Rules& x = s.rules;
  if (!x.sieges || x.siege_defence <= 1.0 || battle_days >= siege_days) return 1.0;
  const double left = 1.0 - static_cast<double>(std::max(0, battle_days)) / siege_days;
  return 1.0 + (x.siege_defence - 1.0) * std::pow(left, x.siege_exponent);
}

double WillToHold(const Day& d, ActorId holder) {
  const Scenario& s = d.s;
  const double k = s.rules.will_to_hold;
  const double start = s.tables().start_held[static_cast<std::size_t>(holder)];
  if (!(k > 0) || !(start > 0)) return 1.0;
  const float* priority = &s.tables().priority[static_cast<std::size_t>(holder) * s.regions.size()];
  double held = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (d.st.holder[r] == holder) held += priority[r];
  }
  return std::pow(std::min(1.0, held / start), k);
}

double SiegeDays(const Day& d, std::size_t r) {
  const Rules& x = d.s.rules;
  if (x.siege_spread <= 0) return x.siege_days;
  Rng rng(d.seed, d.run, Stream::kSiege, d.st.battle_start_day[r] * Limits::kMaxRegions + static_cast<int>(r));
  const double u1 = 1.0 - rng.Uniform(), u2 = rng.Uniform();  // Box-Muller: u1 in (0, 1]
  const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  return x.siege_days * std::exp(x.siege_spread * z);
}

namespace {

// SiegeDays, drawn once per battle: kept in the workspace for the battle it was drawn for
// (seed, run, region, first day), so the lognormal is not drawn again every day of a siege.
// The key is all the draw depends on: a kept value can never disagree with a fresh draw.
double BattleSiegeDays(Day& d, std::size_t r) {
  if (d.s.rules.siege_spread <= 0) return d.s.rules.siege_days;
  std::vector<Workspace::SiegeLength>& kept = d.w.siege_length;
  if (kept.size() != d.s.regions.size()) kept.assign(d.s.regions.size(), Workspace::SiegeLength{});
  Workspace::SiegeLength& k = kept[r];
  if (k.seed != d.seed || k.run != d.run || k.start_day != d.st.battle_start_day[r]) {
    k = {.seed = d.seed, .run = d.run, .start_day = d.st.battle_start_day[r], .days = SiegeDays(d, r)};
  }
  return k.days;
}

// WillToHold, kept in the workspace while no region changes hands (it reads only the holders):
// a siege lasts weeks, and the sum over every region each day of it was a fifth of combat's work.
double KeptWillToHold(Day& d, ActorId holder) {
  Workspace& w = d.w;
  if (w.will_holders != d.st.holder) {
    w.will_holders = d.st.holder;
    w.will_to_hold.assign(d.s.actors.size(), std::numeric_limits<double>::quiet_NaN());
  }
  double& will = w.will_to_hold[static_cast<std::size_t>(holder)];
  if (std::isnan(will)) will = WillToHold(d, holder);
  return will;
}

// The regions where forces hostile to each other stand, ascending.
void ListFighting(const Day& d, std::vector<RegionId>& out) {
  out.clear();
  for (RegionId region : Occupied(d)) {
    const ActorSet here = PresentIn(d, region);
    bool fighting = false;
    for (ActorId a : here) fighting = fighting || !(HostileTo(d, a) & here).empty();
    if (fighting) out.push_back(region);
  }
}

}  // namespace

bool Combat(Day& d) {
  const Scenario& s = d.s;
  bool fell_back = false;
  State& st = d.st;
  Workspace& w = d.w;
  Rng rng = d.rng(Stream::kCombat);
  w.hits.clear();
  w.battles.clear();
  // Where enemies stand together: it follows from presence and the relations alone, so the
  // list stands while they do (most days).
  const bool current = w.fighting_presence == w.index.presence_version() && w.fighting_relations == w.relations_version;
  w.fighting_presence = w.index.presence_version();
  w.fighting_relations = w.relations_version;
  for (RegionId region : KeptRegions(d, w.fighting, current, ListFighting, "regions where enemies stand together")) {
    const std::size_t r = static_cast<std::size_t>(region);
    const std::span<const int> listed = ForcesIn(d, region);
    const ActorSet here = PresentIn(d, region);
    w.battles.push_back({static_cast<RegionId>(r), 0.0f});
    const double defence = s.terrains[static_cast<std::size_t>(s.regions[r].terrain)].defence;
    // The battle here: begun today unless fought yesterday too (a change of hands ends it).
    if (st.battle_last_day[r] != st.day - 1) st.battle_start_day[r] = st.day;
    st.battle_last_day[r] = st.day;
    double siege = (s.regions[r].flags & kCity) ? SiegeDefence(s, st.day - st.battle_start_day[r], BattleSiegeDays(d, r)) : 1.0;
    if (siege > 1.0 && st.holder[r] != kNone) siege = 1.0 + (siege - 1.0) * KeptWillToHold(d, st.holder[r]);
    // Work per actor present, not per force: each shooting actor's fire is shared among the
    // troops hostile to it here, so the fire aimed at a force is fire-per-troop x its troops.
    const float* strength = w.index.strengths_in(region);
    double fire[Limits::kMaxActors];  // each actor's firepower here today, supply included
    for (ActorId a : here) {
      const BlocId bloc = s.actors[static_cast<std::size_t>(a)].bloc;
      const bool warring = st.war_ongoing() && (bloc == st.war_a || bloc == st.war_b);
      fire[a] = w.index.fire(region, a) * (warring ? s.Supply(a, region) : 1.0f);
    }
    double fire_per_troop[Limits::kMaxActors];  // set for the actors present
    double side_fire[Limits::kMaxActors];
    ActorId main_enemy[Limits::kMaxActors];     // who aims the most fire at each actor's troops
    for (ActorId a : here) {
      fire_per_troop[a] = 0;
      side_fire[a] = 0;
      main_enemy[a] = kNone;
      double most = -1;
      for (ActorId b : here) {
        if (HostileTo(d, a).contains(b)) {
          double targets = 0;  // troops hostile to b here
          for (ActorId t : here & HostileTo(d, b)) targets += strength[t];
          fire_per_troop[a] += fire[b] / targets;
          if (fire[b] / targets > most) {
            most = fire[b] / targets;
            main_enemy[a] = b;
          }
        } else if (s.actors[static_cast<std::size_t>(b)].bloc == s.actors[static_cast<std::size_t>(a)].bloc) {
          side_fire[a] += fire[b];
        }
      }
    }
    const ActorId holder = st.holder[r];
    for (const int i : listed) {
      const Force& target = st.forces[static_cast<std::size_t>(i)];
      const double incoming = fire_per_troop[target.actor] * target.strength;
      if (incoming <= 0) continue;
      const Actor& actor = s.actors[static_cast<std::size_t>(target.actor)];
      const bool defending = holder != kNone && s.actors[holder].bloc == actor.bloc;
      double mean = s.rules.attrition_rate * incoming / (defending ? defence * siege : 1.0);
      // Prepared ground: the actor's own start ground, held by its side, defended from works
      // built over the years it held it.
      if (defending && s.regions[r].holder == target.actor) mean /= 1.0 + actor.entrenchment;
      if (IsProxy(s, target.actor)) {
        mean += s.rules.proxy_fold_rate * (1.0 - s.reliability(target.actor)) * target.strength;
      }
      w.hits.push_back({i, main_enemy[target.actor], static_cast<float>(rng.Poisson(mean)), static_cast<int>(w.battles.size()) - 1,
                        incoming / (defending ? siege : 1.0) > side_fire[target.actor] * s.rules.break_ratio * (0.5 + actor.resolve)});
    }
  }
  // Losses are taken, and broken forces fall back, after every force's fire is counted.
  for (const Hit& hit : w.hits) {
    const std::size_t f = static_cast<std::size_t>(hit.force);
    if (hit.losses > 0) w.battles[static_cast<std::size_t>(hit.battle)].casualties += Inflict(d, hit.force, hit.losses, hit.by);
    if (hit.breaks && st.forces[f].strength > 0) {
      // Some of a broken force's fighters go underground rather than fight on (dispersal).
      const double dispersal = s.actors[static_cast<std::size_t>(st.forces[f].actor)].dispersal;
      if (dispersal > 0) {
        const float gone = Disperse(d, hit.force, dispersal * st.forces[f].strength);
        if (gone > 0) {
          d.Emit({.kind = EventKind::kDispersal, .actor = st.forces[f].actor, .region = st.forces[f].region,
                  .casualties = gone});
        }
        fell_back = true;  // the index follows the force's new strength below
        if (st.forces[f].strength <= 0) continue;
      }
      RegionId back = FallBackRegion(d, st.forces[f]);
      if (back != kNone) {
        const RegionId from = st.forces[f].region;
        st.forces[f].region = back;
        Relocate(d, hit.force, from);
        st.forces[f].target = kNone;
        st.forces[f].progress_km = 0;
        fell_back = true;
      }
    }
  }
  if (fell_back) UpdateIndex(d);  // the losses as well
  for (const Battle& battle : w.battles) {
    d.Emit({.kind = EventKind::kBattle, .region = battle.region, .casualties = battle.casualties});
  }
  return fell_back;
}

}  // namespace brink::rules
