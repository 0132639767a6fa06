// Limited strikes (docs/model.md, Submodel "Strikes and signals"). A strike removes a share of
// the target force, raises tension between the blocs, and gives the victim a grievance. The
// striker may then call the strike defensive (with its signal_propensity, when signalling is
// allowed): the signal takes back part of the tension and marks the grievance, which lowers
// the victim's chance to retaliate (retaliation.cc). Zones: a rival force inside an actor's
// enabled declared zone is the first target of its strikes (the strongest such intruder), and
// a strike on it is a self-defence strike (kZoneStrike): still the owner's decision, which the
// doctrine values by the zone's self_defence_strike (docs/model.md, Decisions). In
// full-scale war each principal with air power strikes, with a daily chance equal to its air
// power, the strongest enemy force within its air reach (doubly weighted on ground deciding a
// corridor), removing strike_losses x air_power of it, at most air_strike_cap_troops x
// air_power on average: the air campaign (docs/model.md, "War").
#include <algorithm>

#include "rules/rules.h"

namespace brink::rules {

void StrikeTargets(const Day& d, ActorSet strikers, int* best) {
  const State& st = d.st;
  const std::size_t actors = d.s.actors.size();
  for (ActorId striker : strikers) best[striker] = -1;
  for (RegionId region : d.w.occupied) {
    const std::size_t r = static_cast<std::size_t>(region);
    const ActorSet here = PresentIn(d, region);
    for (ActorId striker : InReachOf(d, region) & strikers) {
      int& chosen = best[striker];
      // An intruder in its own zone comes first; then the strongest; of equals, the first force.
      const bool intruder = InOwnZone(d, striker, region);
      if (chosen >= 0 && !intruder && InOwnZone(d, striker, st.forces[static_cast<std::size_t>(chosen)].region)) continue;
      // Each rival actor's strongest force here (the index keeps it).
      for (ActorId rival : here & RivalsOf(d, striker)) {
        const int f = d.w.actor_best[r * actors + static_cast<std::size_t>(rival)];
        const float strength = st.forces[static_cast<std::size_t>(f)].strength;
        const bool replaces_outsider =
            intruder && chosen >= 0 && !InOwnZone(d, striker, st.forces[static_cast<std::size_t>(chosen)].region);
        const float strongest = chosen < 0 ? 0.0f : st.forces[static_cast<std::size_t>(chosen)].strength;
        if (chosen < 0 || replaces_outsider || strength > strongest || (strength == strongest && f < chosen)) {
          chosen = f;  // the strongest; of equals, the first force
        }
      }
    }
  }
}

int StrikeTarget(const Day& d, ActorId striker) {
  int best[Limits::kMaxActors] = {};
  StrikeTargets(d, ActorSet::Of(striker), best);
  return best[striker];
}

void Grieve(Day& d, ActorId victim, ActorId striker, bool signalled) {
  Grievance& g = d.st.actors[victim].grievance;
  if (g.against == striker && g.days_left > 0) {
    if (g.strikes < 255) ++g.strikes;
  } else {
    g.against = striker;
    g.strikes = 1;
  }
  g.days_left = static_cast<int16_t>(d.s.rules.retaliation_window_days);
  g.signalled = signalled;
  d.w.hawk_pressure[victim] += 1.0f;  // humiliation
}

bool MaybeSignal(Day& d, Rng& rng, ActorId shooter, ActorId victim, RegionId region,
                 double tension) {
  const Scenario& s = d.s;
  if (!s.rules.signalling || AtWarBetween(s, d.st, shooter, victim) || !rng.Bernoulli(s.actors[shooter].signal_propensity)) {
    return false;
  }
  LowerTension(d, shooter, victim, tension * s.rules.tension_signal_relief);
  d.Emit({.kind = EventKind::kSignal, .actor = shooter, .target = victim, .region = region});
  return true;
}

float LimitedFire(Day& d, Rng& rng, ActorId shooter, int target, double share, double base,
                  double scale) {
  const Rules& x = d.s.rules;
  double mean = share * base;
  if (x.bounded_fire) {
    // The shooter's means: limited_fire_kills at capability 0.5, times an exponential draw of
    // mean 1 (most acts of fire kill a few, a rare one many).
    const double means = scale * x.limited_fire_kills *
                         (0.5 + d.s.actors[static_cast<std::size_t>(shooter)].retaliation_capability) * rng.Exponential();
    mean = std::min(mean, means);
  }
  return Inflict(d, target, rng.Poisson(mean), shooter);
}

void LimitedStrike(Day& d, Rng& rng, ActorId striker, int target, EventKind kind,
                   double losses_share) {
  const Scenario& s = d.s;
  Force& f = d.st.forces[target];
  ActorId victim = f.actor;
  float lost = LimitedFire(d, rng, striker, target, losses_share, f.strength);
  RaiseTension(d, striker, victim, s.rules.tension_strike);
  d.Emit({.kind = kind, .actor = striker, .target = victim, .region = f.region, .casualties = lost});
  bool signalled = MaybeSignal(d, rng, striker, victim, f.region, s.rules.tension_strike);
  Grieve(d, victim, striker, signalled);
  MaybeSpark(d, rng, striker, victim);
}

void AirCampaign(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  if (!st.war_ongoing()) return;
  Rng rng = d.rng(Stream::kAir);
  const std::size_t regions = s.regions.size();
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const ActorId actor = static_cast<ActorId>(a);
    const double air = s.actors[a].air_power;
    // A proxy has no air force of its own: its air support is its patron's campaign.
    if (air <= 0 || IsProxy(s, actor) || !rng.Bernoulli(air)) continue;
    // Where its aircraft reach: within air_reach_km of its bases, of its own forces or of its
    // proxies' (the road distance over the map; forces as of the index, so one spent today
    // may still count), or anywhere without a reach.
    const double reach_km = s.rules.air_reach ? s.actors[a].air_reach_km : 0;
    const uint8_t* from_bases = &s.tables().air_base_reach[a * regions];
    auto in_reach = [&](RegionId region) {
      if (reach_km <= 0 || from_bases[region]) return true;
      for (RegionId here : d.w.occupied) {
        for (ActorId own : PresentIn(d, here)) {
          if ((own == actor || s.patron(own) == actor) && s.distance(here, region) <= reach_km) return true;
        }
      }
      return false;
    };
    // The strongest enemy force in the war within reach, preferring ground that decides a
    // corridor.
    int target = -1;
    double best = 0;
    for (std::size_t f = 0; f < st.forces.size(); ++f) {
      const Force& force = st.forces[f];
      if (force.strength <= 0 || !AtWarBetween(s, st, actor, force.actor)) continue;
      double score = force.strength * (s.tables().corridor_relevance[force.region] ? 2.0 : 1.0);
      if (score > best && in_reach(force.region)) {
        best = score;
        target = static_cast<int>(f);
      }
    }
    if (target < 0) continue;
    Force& f = st.forces[static_cast<std::size_t>(target)];
    // A day's sorties kill a share of the target, at most air_strike_cap_troops x air power on
    // average (no cap when it is 0).
    double mean = s.rules.strike_losses * air * f.strength;
    if (s.rules.air_strike_cap_troops > 0) mean = std::min(mean, s.rules.air_strike_cap_troops * air);
    float lost = Inflict(d, target, rng.Poisson(mean), actor);
    d.Emit({.kind = EventKind::kAirStrike, .actor = actor, .target = f.actor, .region = f.region,
            .casualties = lost});
  }
}

void DeliberateStrikes(Day& d) {
  Rng rng = d.rng(Stream::kStrike);
  for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
    if (d.st.actors[a].action != Action::kStrike) continue;
    UpdateIndex(d);  // targets by today's strengths (combat, strikes)
    int target = StrikeTarget(d, static_cast<ActorId>(a));
    if (target < 0) continue;
    ++d.st.actors[a].deliberate_strikes;
    const bool self_defence = InOwnZone(d, static_cast<ActorId>(a), d.st.forces[static_cast<std::size_t>(target)].region);
    LimitedStrike(d, rng, static_cast<ActorId>(a), target, self_defence ? EventKind::kZoneStrike : EventKind::kStrike,
                  d.s.rules.strike_losses);
  }
}

}  // namespace brink::rules
