// Retaliation (docs/model.md, Submodel "Retaliation"). An actor struck by a rival holds a
// grievance for retaliation_window_days. Each day it hits back with chance
//   retaliation_base x 2 x resolve x (1 - 0.5 x war_aversion (faction-weighted))
//                    x (1 - signal_effect if the last strike was called defensive)
//                    x harm factor,
// capped at 1. With rules.retaliation_by_harm the harm factor is (1 + harm) / (1 + harm_scale_troops),
// harm being the troops it lost to that actor's fire while the grievance lasts (a harmless shot
// weighs little), times red_line_factor once that harm includes troops killed (harm x
// killed_share >= 1); without it, repeat_strike_factor^(strikes - 1). Who answers today is
// drawn from the grievances as they stood when the rule began (one draw per actor, in actor
// order), and the blows fall in an order drawn afresh each day: neither the order of the file
// nor a blow struck today decides who answers first, and a blow struck today is answered
// tomorrow at the soonest. The blow goes horizontal, against the striker's exposed forces outside the
// theatre, when the retaliator or one of its bloc can reach them, with chance
//   horizontal_base x 2 x troops / (troops + horizontal_scale_troops);
// otherwise it is a strike in the theatre on the striker's strongest force within the
// retaliator's reach (a force of its there or next door, or inside its zone; with
// rules.bounded_fire off, anywhere), which kills what limited fire kills (LimitedFire, at most
// strike_losses x (0.5 + capability) of the force). With no force of the striker in reach the
// grievance waits (and ages). Either way the striker now holds a grievance in turn: this is how a shot
// climbs the ladder. In full-scale war the theatre belongs to the war (combat, the air
// campaign); with rules.reprisals_at_war a grievance against the enemy (the air campaign's
// losses give one) is still answered, and only horizontally, on the enemy's troops exposed
// outside the theatre (the seed's 8,000 US troops in Iraq); without it, or with nothing of the
// enemy's exposed, war ends the grievance.
#include <array>
#include <utility>

#include "rules/rules.h"

namespace brink::rules {

double RetaliationChance(const Scenario& s, const State& st, ActorId victim, const Grievance& g) {
  if (g.days_left <= 0 || g.against == kNone) return 0;
  const Rules& x = s.rules;
  const Actor& a = s.actors[victim];
  const double war_aversion = AggregateFactions(s, st, victim).war_aversion;
  double p = x.retaliation_base * x.retaliation_resolve_gain * a.resolve * (1.0 - x.retaliation_war_restraint * war_aversion);
  if (g.signalled) p *= 1.0 - x.signal_effect;
  if (x.retaliation_by_harm) {
    p *= (1.0 + g.harm) / (1.0 + x.harm_scale_troops);
    if (g.harm * s.KilledShare(victim) >= 1.0) p *= x.red_line_factor;
  } else {
    for (int i = 1; i < g.strikes; ++i) p *= x.repeat_strike_factor;
  }
  return std::min(1.0, p);
}

double HorizontalChance(const Scenario& s, double troops) {
  if (troops <= 0) return 0;
  const Rules& x = s.rules;
  return std::min(1.0, x.horizontal_base * 2.0 * troops / (troops + x.horizontal_scale_troops));
}

namespace {

// The strongest force of `striker` (of equals, the first) in a region `retaliator` can reach
// with limited fire, or -1. Reads the index, brought up to date first.
int StrongestInReach(Day& d, ActorId retaliator, ActorId striker) {
  UpdateIndex(d);
  int best = -1;
  for (RegionId region : Occupied(d)) {
    if (!PresentIn(d, region).contains(striker) || !InReachOf(d, region).contains(retaliator)) continue;
    const int f = StrongestIn(d, region, ActorSet::Of(striker));
    if (f >= 0 && (best < 0 || d.st.forces[static_cast<std::size_t>(f)].strength > d.st.forces[static_cast<std::size_t>(best)].strength ||
                   (d.st.forces[static_cast<std::size_t>(f)].strength == d.st.forces[static_cast<std::size_t>(best)].strength && f < best))) {
      best = f;
    }
  }
  return best;
}

// An exposure of `striker` that `retaliator` or one of its bloc can reach, and who strikes it.
std::pair<int, ActorId> ReachableExposure(const Scenario& s, const State& st, ActorId striker,
                                          ActorId retaliator) {
  for (std::size_t e = 0; e < s.exposures.size(); ++e) {
    const Exposure& x = s.exposures[e];
    if (x.actor != striker || st.exposure_troops[e] <= 0) continue;
    if (x.threatened_by >> retaliator & 1u) return {static_cast<int>(e), retaliator};
    for (std::size_t a = 0; a < s.actors.size(); ++a) {
      if ((x.threatened_by >> a & 1u) && s.actors[a].bloc == s.actors[retaliator].bloc) {
        return {static_cast<int>(e), static_cast<ActorId>(a)};
      }
    }
  }
  return {-1, kNone};
}

}  // namespace

void Retaliation(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  Rng rng = d.rng(Stream::kRetaliation);
  // Who answers today, and whom: decided before any blow falls.
  std::array<std::pair<ActorId, ActorId>, Limits::kMaxActors> answers;
  int count = 0;
  for (std::size_t v = 0; v < s.actors.size(); ++v) {
    Grievance& g = st.actors[v].grievance;
    if (g.days_left <= 0) continue;
    const ActorId victim = static_cast<ActorId>(v), striker = g.against;
    if (st.at_war() && AtWarBetween(s, st, victim, striker) &&
        (!s.rules.reprisals_at_war || ReachableExposure(s, st, striker, victim).first < 0)) {
      g.days_left = 0;  // war has its own violence in the theatre; nothing of the enemy's exposed outside it
      continue;
    }
    if (!rng.Bernoulli(RetaliationChance(s, st, victim, g))) {
      --g.days_left;
      continue;
    }
    answers[static_cast<std::size_t>(count++)] = {victim, striker};
  }
  // The order the blows fall in: a fresh shuffle (Fisher-Yates) each day.
  for (int i = count - 1; i > 0; --i) std::swap(answers[static_cast<std::size_t>(i)], answers[static_cast<std::size_t>(rng.Below(i + 1))]);
  for (int i = 0; i < count; ++i) {
    const auto [victim, striker] = answers[static_cast<std::size_t>(i)];
    const std::size_t v = static_cast<std::size_t>(victim);
    Grievance& g = st.actors[v].grievance;
    const double capability = s.actors[v].retaliation_capability;
    auto [exposure, by] = ReachableExposure(s, st, striker, victim);
    int target = -1;  // in the theatre, when the blow does not go horizontal
    // At war the theatre is the war's (combat, the air campaign): a reprisal goes outside it.
    const bool at_war = AtWarBetween(s, st, victim, striker);
    const bool horizontal = exposure >= 0 && (at_war || rng.Bernoulli(HorizontalChance(s, st.exposure_troops[exposure])));
    if (!horizontal) {
      target = s.rules.bounded_fire ? StrongestInReach(d, victim, striker) : StrongestOf(st, striker);
      if (target < 0) {
        if (g.days_left > 0) --g.days_left;  // nothing of the striker's in reach: the grievance waits, and ages
        continue;
      }
    }
    g.days_left = 0;
    if (horizontal) {
      float& troops = st.exposure_troops[static_cast<std::size_t>(exposure)];
      float lost = static_cast<float>(std::min<double>(
          troops, rng.Poisson(troops * s.exposures[exposure].vulnerability * (s.rules.capability_floor + capability))));
      troops -= lost;
      st.actors[striker].casualties += lost;
      st.inflicted[static_cast<std::size_t>(striker) * s.actors.size() + static_cast<std::size_t>(by)] += lost;
      RaiseTension(d, by, striker, s.rules.tension_horizontal);
      d.Emit({.kind = EventKind::kHorizontal, .actor = by, .target = striker,
              .index = static_cast<int16_t>(exposure), .casualties = lost});
      NoteFire(d, EventKind::kHorizontal, by, striker, kNone);
      Grieve(d, striker, by, false, lost);
      MaybeSpark(d, rng, by, striker);
      continue;
    }
    float lost = LimitedFire(d, rng, victim, target, s.rules.strike_losses * (s.rules.capability_floor + capability),
                             st.forces[static_cast<std::size_t>(target)].strength);
    RaiseTension(d, victim, striker, s.rules.tension_retaliation);
    const RegionId where = st.forces[static_cast<std::size_t>(target)].region;
    d.Emit({.kind = EventKind::kRetaliation, .actor = victim, .target = striker, .region = where, .casualties = lost});
    NoteFire(d, EventKind::kRetaliation, victim, striker, where);
    Grieve(d, striker, victim, false, lost);
    MaybeSpark(d, rng, victim, striker);
  }
}

}  // namespace brink::rules
