// Incidents (docs/model.md, Submodel "Incidents"): rival actors in contact (one region, or
// two regions joined by an edge no longer than contact_km) may exchange fire
// with no decision behind it, once per pair of actors and pair of regions a day, between
// their strongest forces there (so the work is bounded by actors and regions, not by how
// many forces stand in contact). The daily chance per pair in contact is
//   incident_rate x (1 + incident_tension_factor x tension) x (1 - deconfliction)
//                 x (1 - incident_reduction of an enabled zone of either side there).
// The deconfliction channel prevents none while it is suspended (Protection), and a proxy its
// patron restrains takes part in feud_restraint fewer.
// The side that fires first is drawn in proportion to (faction-weighted) aggression; the other
// side loses what limited fire kills (LimitedFire: at most incident_losses x the smaller force,
// and with bounded_fire no more than the shooter's means allow), the shooter half that. With a proxy on either
// side it is a proxy clash (less tension); otherwise a direct clash between principals.
#include "rules/rules.h"

namespace brink::rules {
namespace {

double ZoneReduction(const Scenario& s, RegionId region, ActorId a, ActorId b) {
  const double* row = &s.tables().zone_reduction[static_cast<std::size_t>(region) * s.actors.size()];
  return std::max(row[a], row[b]);
}

}  // namespace

double IncidentChance(const Scenario& s, double tension, double zone_reduction) {
  const Rules& x = s.rules;
  double p = x.incident_rate * (1.0 + x.incident_tension_factor * tension) *
             (1.0 - x.deconfliction) * (1.0 - zone_reduction);
  return std::min(1.0, p);
}

namespace {

// One pair of rival forces in contact: maybe an incident.
void MaybeIncident(Day& d, Rng& rng, int fa, int fb, RegionId region_a, RegionId region_b) {
  const Scenario& s = d.s;
  State& st = d.st;
  ActorId a = st.forces[fa].actor, b = st.forces[fb].actor;
  if (st.forces[fa].strength <= 0 || st.forces[fb].strength <= 0 ||
      !RivalsOf(d, a).contains(b)) {
    return;
  }
  double tension = st.tension[static_cast<std::size_t>(s.actors[a].bloc) * s.blocs.size() +
                              s.actors[b].bloc];
  double reduction = std::max(ZoneReduction(s, region_a, a, b), ZoneReduction(s, region_b, a, b));
  double p = IncidentChance(s, tension, reduction);
  if (st.channel_suspended_days > 0 && s.rules.deconfliction < 1) p = std::min(1.0, p / (1.0 - s.rules.deconfliction));
  if (Restrained(d, a) || Restrained(d, b)) p *= 1.0 - s.rules.feud_restraint;
  if (!rng.Bernoulli(p)) return;
  double aggr_a = d.w.stance[static_cast<std::size_t>(a)].aggression;
  double aggr_b = d.w.stance[static_cast<std::size_t>(b)].aggression;
  double total = aggr_a + aggr_b;
  bool a_fires = total > 0 ? rng.Uniform() * total < aggr_a : rng.Bernoulli(0.5);
  int shooter_force = a_fires ? fa : fb, victim_force = a_fires ? fb : fa;
  ActorId shooter = st.forces[shooter_force].actor, victim = st.forces[victim_force].actor;
  RegionId where = st.forces[victim_force].region;
  double smaller = std::min(st.forces[fa].strength, st.forces[fb].strength);
  float lost = LimitedFire(d, rng, shooter, victim_force, s.rules.incident_losses, smaller);
  LimitedFire(d, rng, victim, shooter_force, s.rules.return_fire_share * s.rules.incident_losses, smaller,
              s.rules.return_fire_kills);
  bool proxy = IsProxy(s, a) || IsProxy(s, b);
  if (s.tables().zone_area[region_a] || s.tables().zone_area[region_b]) ++st.tally.zone_area_incidents;
  double tension_gain = proxy ? s.rules.tension_proxy_clash : s.rules.tension_incident;
  RaiseTension(d, shooter, victim, tension_gain);
  const EventKind kind = proxy ? EventKind::kProxyClash : EventKind::kIncident;
  d.Emit({.kind = kind, .actor = shooter, .target = victim, .region = where, .casualties = lost});
  NoteFire(d, kind, shooter, victim, where);
  bool signalled = MaybeSignal(d, rng, shooter, victim, where, tension_gain);
  Grieve(d, victim, shooter, signalled, lost);
  MaybeSpark(d, rng, shooter, victim);
}

}  // namespace

void Incidents(Day& d) {
  const Scenario& s = d.s;
  const Workspace& w = d.w;
  Rng rng = d.rng(Stream::kIncident);
  UpdateIndex(d);  // today's strengths: each actor's strongest force in a region
  const std::vector<ActorSet>& near_masks = NearMasks(d);
  ActorSet with_rivals;  // only these can be in contact with a rival
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    if (!RivalsOf(d, static_cast<ActorId>(a)).empty()) with_rivals.insert(static_cast<ActorId>(a));
  }
  for (RegionId region : Occupied(d)) {
    const std::size_t r = static_cast<std::size_t>(region);
    const ActorSet here = PresentIn(d, region);
    const ActorSet near = near_masks[r];  // actors here or across a short edge
    for (ActorId a : here & with_rivals) {
      const ActorSet rivals = RivalsOf(d, a);
      if ((near & rivals).empty()) continue;  // no rival of a here or across a short edge
      const int fa = w.index.strongest(region, a);
      // Same region: each pair of rival actors once (a before b).
      for (ActorId b : here & rivals) {
        if (b <= a) continue;
        MaybeIncident(d, rng, fa, w.index.strongest(region, b), region, region);
      }
      // Across a short edge, each pair of regions once.
      for (RegionId n : s.tables().contact_neighbours[r]) {
        if (n <= region) continue;
        for (ActorId b : PresentIn(d, n) & rivals) {
          MaybeIncident(d, rng, fa, w.index.strongest(n, b), region, n);
        }
      }
    }
  }
}

}  // namespace brink::rules
