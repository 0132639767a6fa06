// Limited strikes (docs/model.md, Submodels "Strikes and signals" and "Causes of fire"). A
// deliberate strike needs a cause the striker can name (rules.strike_causes): a rival force
// inside its own declared zone, or on its side's ground (or on ground a line closes to the
// rival), fire received from the rival or its proxy, fire on a partner, or the rival standing
// on ground the striker is advancing to take. Among the rival forces it can reach it strikes
// the one with the weightiest cause (a zone intruder first), the strongest of equals. A strike
// removes a share of the target force, raises tension between the blocs, and gives the victim
// a grievance weighed by the harm done. The striker may then call the strike defensive (with
// its signal_propensity, when signalling is allowed): the signal takes back part of the
// tension and marks the grievance, which lowers the victim's chance to retaliate
// (retaliation.cc). With rules.credible_signals the label is believed only when the fire had
// a defensive cause; a false label is believed as far as the shooter's credibility goes, and
// costs it false_signal_cost of that credibility. A strike on a rival force inside the
// striker's own zone is a self-defence strike (kZoneStrike): still the owner's decision,
// which the doctrine values by the zone's self_defence_strike (docs/model.md, Decisions). In
// full-scale war each principal with air power strikes, with a daily chance equal to its air
// power, the strongest enemy force within its air reach (doubly weighted on ground deciding a
// corridor), removing strike_losses x air_power of it, at most its air_sorties x
// kills_per_sortie on average (without sorties given, air_strike_cap_troops x air_power): the
// air campaign (docs/model.md, "War"). Its losses give the enemy a grievance that the enemy may
// answer on the actor's troops outside the theatre (rules.reprisals_at_war).
#include <algorithm>

#include "rules/rules.h"

namespace brink::rules {
namespace {

// The weight of a cause when choosing among targets: an intruder in its zone first, then fire
// on itself, fire on a partner or an intrusion, then a contested objective.
int Rank(Cause cause) {
  switch (cause) {
    case Cause::kZone: return 4;
    case Cause::kFireReceived: return 3;
    case Cause::kPartnerAttacked:
    case Cause::kIntrusion: return 2;
    case Cause::kObjective: return 1;
    default: return 0;
  }
}

// The rivals against whom the actor holds a grievance: the culprit, and its patron (fire by a
// proxy is laid at its patron's door too).
ActorSet GrievedAgainst(const Scenario& s, const State& st, ActorId actor) {
  const Grievance& g = st.actors[static_cast<std::size_t>(actor)].grievance;
  if (g.days_left <= 0 || g.against == kNone) return ActorSet();
  ActorSet out = ActorSet::Of(g.against);
  if (s.patron(g.against) != kNone) out.insert(s.patron(g.against));
  return out;
}

// What a striker's causes need beyond the region: the rivals it holds a grievance against, and
// those a partner of it does (an actor of its bloc, or one it defends from the air).
struct Grievances {
  ActorSet own, partners;
};

// Every striker's at once (one pass over the actors, whose grievances each count once).
void GrievancesOfAll(const Day& d, ActorSet strikers, Grievances* out) {
  const Scenario& s = d.s;
  ActorSet grieved[Limits::kMaxActors];
  for (std::size_t a = 0; a < s.actors.size(); ++a) grieved[a] = GrievedAgainst(s, d.st, static_cast<ActorId>(a));
  for (ActorId striker : strikers) {
    const std::size_t x = static_cast<std::size_t>(striker);
    out[x] = Grievances{grieved[x], ActorSet()};
    for (ActorId p : s.tables().bloc_mask[x] - ActorSet::Of(striker)) out[x].partners |= grieved[static_cast<std::size_t>(p)];
  }
  for (std::size_t p = 0; p < s.actors.size(); ++p) {
    if (grieved[p].empty()) continue;
    for (ActorId striker : s.tables().defenders[p] & strikers) out[static_cast<std::size_t>(striker)].partners |= grieved[p];
  }
}

Cause CauseGiven(const Day& d, ActorId striker, ActorId rival, RegionId region, const Grievances& grievances) {
  const Scenario& s = d.s;
  const State& st = d.st;
  if (InOwnZone(d, striker, region)) return Cause::kZone;
  if (grievances.own.contains(rival)) return Cause::kFireReceived;
  if (grievances.partners.contains(rival)) return Cause::kPartnerAttacked;
  const ActorId holder = st.holder[static_cast<std::size_t>(region)];
  if ((holder != kNone && s.actors[holder].bloc == s.actors[striker].bloc) || ClosedTo(d, rival, region)) {
    return Cause::kIntrusion;
  }
  if (static_cast<std::size_t>(region) < d.w.heading.size() && d.w.heading[static_cast<std::size_t>(region)].contains(striker) &&
      WorthTaking(d, striker, region)) {
    return Cause::kObjective;
  }
  return Cause::kNone;
}

}  // namespace

Cause StrikeCause(const Day& d, ActorId striker, ActorId rival, RegionId region) {
  Grievances grievances[Limits::kMaxActors];
  GrievancesOfAll(d, ActorSet::Of(striker), grievances);
  return CauseGiven(d, striker, rival, region, grievances[static_cast<std::size_t>(striker)]);
}

void StrikeCandidates(const Day& d, ActorSet strikers, std::vector<StrikeCandidate>& out) {
  const bool need_cause = d.s.rules.strike_causes;
  Grievances grievances[Limits::kMaxActors];
  GrievancesOfAll(d, strikers, grievances);
  out.clear();
  for (RegionId region : Occupied(d)) {
    const ActorSet here = PresentIn(d, region);
    // Only the strikers with a rival here have a candidate in this region.
    ActorSet facing;
    for (ActorId a : here) facing |= d.w.rival_to[static_cast<std::size_t>(a)];
    if ((facing &= strikers).empty()) continue;
    for (ActorId striker : InReachOf(d, region) & facing) {
      for (ActorId rival : here & RivalsOf(d, striker)) {
        const Cause why = CauseGiven(d, striker, rival, region, grievances[striker]);
        if (need_cause && why == Cause::kNone) continue;
        // Without causes only a zone intruder comes first (the rule before causes).
        const int weight = need_cause ? Rank(why) : (why == Cause::kZone ? 1 : 0);
        out.push_back({.region = region, .striker = striker, .rival = rival, .weight = static_cast<uint8_t>(weight), .why = why});
      }
    }
  }
}

void PickStrikeTargets(const Day& d, ActorSet strikers, std::span<const StrikeCandidate> candidates, int* best, Cause* cause) {
  const State& st = d.st;
  int rank[Limits::kMaxActors];  // set for the strikers below (no other is read)
  for (ActorId striker : strikers) {
    best[striker] = -1;
    cause[striker] = Cause::kNone;
    rank[striker] = 0;
  }
  for (const StrikeCandidate& c : candidates) {
    int& chosen = best[c.striker];
    // Each rival actor's strongest force there (the index keeps it).
    const int f = d.w.index.strongest(c.region, c.rival);
    const float strength = st.forces[static_cast<std::size_t>(f)].strength;
    const float strongest = chosen < 0 ? 0.0f : st.forces[static_cast<std::size_t>(chosen)].strength;
    if (chosen < 0 || c.weight > rank[c.striker] ||
        (c.weight == rank[c.striker] && (strength > strongest || (strength == strongest && f < chosen)))) {
      chosen = f;  // the weightiest cause; of those the strongest; of equals, the first force
      rank[c.striker] = c.weight;
      cause[c.striker] = c.why;
    }
  }
}

void StrikeTargets(const Day& d, ActorSet strikers, int* best, Cause* cause) {
  std::vector<StrikeCandidate>& candidates = d.w.candidates_scratch;
  StrikeCandidates(d, strikers, candidates);
  PickStrikeTargets(d, strikers, candidates, best, cause);
}

int StrikeTarget(const Day& d, ActorId striker, Cause* cause) {
  int best[Limits::kMaxActors] = {};
  Cause why[Limits::kMaxActors] = {};
  StrikeTargets(d, ActorSet::Of(striker), best, why);
  if (cause) *cause = why[striker];
  return best[striker];
}

void Grieve(Day& d, ActorId victim, ActorId striker, bool signalled, float harm) {
  Grievance& g = d.st.actors[victim].grievance;
  if (g.against == striker && g.days_left > 0) {
    if (g.strikes < 255) ++g.strikes;
    g.harm += harm;
  } else {
    g.against = striker;
    g.strikes = 1;
    g.harm = harm;
  }
  g.days_left = static_cast<int16_t>(d.s.rules.retaliation_window_days);
  g.signalled = signalled;
  d.w.hawk_pressure[victim] += static_cast<float>(d.s.rules.humiliation_pressure);  // humiliation
}

bool MaybeSignal(Day& d, Rng& rng, ActorId shooter, ActorId victim, RegionId region,
                 double tension, bool defensive) {
  const Scenario& s = d.s;
  if (!s.rules.signalling || AtWarBetween(s, d.st, shooter, victim) || !rng.Bernoulli(s.actors[shooter].signal_propensity)) {
    return false;
  }
  float& credibility = d.st.actors[static_cast<std::size_t>(shooter)].credibility;
  bool believed = true;
  double relief = tension * s.rules.tension_signal_relief;
  if (s.rules.credible_signals && !defensive) {
    // A false label: believed only as far as the shooter is still believed, and it costs
    // credibility for the next time.
    believed = rng.Bernoulli(credibility);
    relief *= credibility;
    credibility *= static_cast<float>(1.0 - s.rules.false_signal_cost);
  }
  LowerTension(d, shooter, victim, relief);
  d.Emit({.kind = EventKind::kSignal, .actor = shooter, .target = victim, .region = region});
  return believed;
}

void NoteFire(Day& d, EventKind kind, ActorId shooter, ActorId victim, RegionId region) {
  if (shooter == kNone || victim == kNone || !RivalsOf(d, shooter).contains(victim)) return;
  State& st = d.st;
  if (!st.at_war()) {
    std::rotate(st.fire_chain.begin(), st.fire_chain.begin() + 1, st.fire_chain.end());
    st.fire_chain.back() = FireLink(kind, !IsProxy(d.s, shooter), !IsProxy(d.s, victim));
  }
  if (region != kNone && !d.s.tables().defenders[static_cast<std::size_t>(victim)].empty()) {
    d.w.fire_on_defended.push_back({shooter, victim, region});
  }
}

bool InAirReach(const Day& d, ActorId actor, RegionId region) {
  const Scenario& s = d.s;
  const std::size_t a = static_cast<std::size_t>(actor);
  const double reach_km = s.rules.air_reach ? s.actors[a].air_reach_km : 0;
  if (reach_km <= 0 || s.tables().air_base_reach[a * s.regions.size() + static_cast<std::size_t>(region)]) return true;
  for (RegionId here : Occupied(d)) {
    for (ActorId own : PresentIn(d, here)) {
      if ((own == actor || s.patron(own) == actor) && s.distance(here, region) <= reach_km) return true;
    }
  }
  return false;
}

float LimitedFire(Day& d, Rng& rng, ActorId shooter, int target, double share, double base,
                  double scale) {
  const Rules& x = d.s.rules;
  double mean = share * base;
  if (x.bounded_fire) {
    // The shooter's means: limited_fire_kills at capability 0.5, times an exponential draw of
    // mean 1 (most acts of fire kill a few, a rare one many).
    // With rules.weapons an actor's own fire_lethality (its weapons' record) replaces that rule.
    const Actor& a = d.s.actors[static_cast<std::size_t>(shooter)];
    const double per_act = x.weapons && a.fire_lethality > 0 ? a.fire_lethality
                                                              : x.limited_fire_kills * (x.capability_floor + a.retaliation_capability);
    const double means = scale * per_act * rng.Exponential();
    mean = std::min(mean, means);
  }
  return Inflict(d, target, rng.Poisson(mean), shooter);
}

void LimitedStrike(Day& d, Rng& rng, ActorId striker, int target, EventKind kind,
                   double losses_share, Cause cause) {
  const Scenario& s = d.s;
  Force& f = d.st.forces[target];
  ActorId victim = f.actor;
  float lost = LimitedFire(d, rng, striker, target, losses_share, f.strength);
  RaiseTension(d, striker, victim, s.rules.tension_strike);
  d.Emit({.kind = kind, .actor = striker, .target = victim, .region = f.region,
          .index = static_cast<int16_t>(cause), .casualties = lost});
  NoteFire(d, kind, striker, victim, f.region);
  bool signalled = MaybeSignal(d, rng, striker, victim, f.region, s.rules.tension_strike, Defensive(cause));
  Grieve(d, victim, striker, signalled, lost);
  MaybeSpark(d, rng, striker, victim);
}

void AirCampaign(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  if (!st.war_ongoing()) return;
  Rng rng = d.rng(Stream::kAir);
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const ActorId actor = static_cast<ActorId>(a);
    const double air = s.actors[a].air_power;
    // A proxy has no air force of its own: its air support is its patron's campaign.
    if (air <= 0 || IsProxy(s, actor) || !rng.Bernoulli(air)) continue;
    // Where its aircraft reach (InAirReach: forces as of the index, so one spent today may
    // still count).
    // The strongest enemy force in the war within reach, preferring ground that decides a
    // corridor.
    int target = -1;
    double best = 0;
    for (std::size_t f = 0; f < st.forces.size(); ++f) {
      const Force& force = st.forces[f];
      if (force.strength <= 0 || !AtWarBetween(s, st, actor, force.actor)) continue;
      double score = force.strength * (s.tables().corridor_relevance[force.region] ? s.rules.corridor_target_weight : 1.0);
      if (score > best && InAirReach(d, actor, force.region)) {
        best = score;
        target = static_cast<int>(f);
      }
    }
    if (target < 0) continue;
    Force& f = st.forces[static_cast<std::size_t>(target)];
    // A day's sorties kill a share of the target, at most the actor's sorties x
    // kills_per_sortie on average; without sorties given, air_strike_cap_troops x air power
    // (no cap when it is 0).
    double mean = s.rules.strike_losses * air * f.strength;
    if (s.actors[a].air_sorties > 0) {
      mean = std::min(mean, s.actors[a].air_sorties * s.rules.kills_per_sortie);
    } else if (s.rules.air_strike_cap_troops > 0) {
      mean = std::min(mean, s.rules.air_strike_cap_troops * air);
    }
    const ActorId victim = f.actor;
    const RegionId where = f.region;
    float lost = Inflict(d, target, rng.Poisson(mean), actor);
    d.Emit({.kind = EventKind::kAirStrike, .actor = actor, .target = victim, .region = where,
            .casualties = lost});
    // The enemy's grievance: answered outside the theatre (Retaliation, rules.reprisals_at_war).
    if (s.rules.reprisals_at_war && lost > 0) Grieve(d, victim, actor, false, lost);
  }
}

void DeliberateStrikes(Day& d) {
  Rng rng = d.rng(Stream::kStrike);
  for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
    if (d.st.actors[a].action != Action::kStrike) continue;
    UpdateIndex(d);  // targets by today's strengths (combat, strikes)
    Cause cause = Cause::kNone;
    int target = StrikeTarget(d, static_cast<ActorId>(a), &cause);
    if (target < 0) continue;
    ++d.st.actors[a].deliberate_strikes;
    LimitedStrike(d, rng, static_cast<ActorId>(a), target, cause == Cause::kZone ? EventKind::kZoneStrike : EventKind::kStrike,
                  d.s.rules.strike_losses, cause);
  }
}

}  // namespace brink::rules
