// Protection from the air (docs/model.md, Submodel "Protection"). An actor with air power may
// defend named partners (Actor::protects: actors, and every actor of a bloc named) with its
// air_defence: when a rival of a partner fires on it (a strike, a retaliation, an incident) in a
// region within the protector's air reach, the protector engages the shooter with chance
// air_defence (a shoot-down, or a strike on the attacking force): the shooter's strongest force
// in or next to that region loses Poisson(interception_losses) troops, tension between the two
// sides rises by tension_interception, the shooter holds a grievance against the protector, and
// the protector may call it defensive (it is). A protector that is a rival of the shooter makes
// it a direct clash that may spark war; one that is not (a great power guarding an ally) does
// it on its partner's behalf. When the engaged shooter is itself protected by a third actor of
// another bloc, that actor suspends the deconfliction channel for channel_suspension_days
// (while suspended, `deconfliction` prevents no incident: incidents.cc). A protector at war
// with the shooter has its air campaign instead.
#include "rules/rules.h"

namespace brink::rules {
namespace {

// The shooter's strongest force in the region or next door (where it fired from), or -1.
int AttackingForce(const Day& d, ActorId shooter, RegionId region) {
  int best = StrongestIn(d, region, ActorSet::Of(shooter));
  for (auto [next, km] : d.s.tables().adjacency[static_cast<std::size_t>(region)]) {
    (void)km;
    const int f = StrongestIn(d, next, ActorSet::Of(shooter));
    if (f >= 0 && (best < 0 || d.st.forces[static_cast<std::size_t>(f)].strength > d.st.forces[static_cast<std::size_t>(best)].strength)) {
      best = f;
    }
  }
  return best;
}

void Intercept(Day& d, Rng& rng, ActorId protector, const Workspace::Fire& fire) {
  const Scenario& s = d.s;
  State& st = d.st;
  UpdateIndex(d);  // today's strengths
  const int force = AttackingForce(d, fire.shooter, fire.region);
  const float lost = force >= 0 ? Inflict(d, force, rng.Poisson(s.rules.interception_losses), protector) : 0.0f;
  RaiseTension(d, fire.victim, fire.shooter, s.rules.tension_interception);
  d.Emit({.kind = EventKind::kInterception, .actor = protector, .target = fire.shooter, .region = fire.region,
          .index = static_cast<int16_t>(Cause::kPartnerAttacked), .casualties = lost});
  NoteFire(d, EventKind::kInterception, protector, fire.shooter, fire.region);
  const bool signalled = MaybeSignal(d, rng, protector, fire.shooter, fire.region, s.rules.tension_interception);
  Grieve(d, fire.shooter, protector, signalled, lost);
  if (RivalsOf(d, protector).contains(fire.shooter)) MaybeSpark(d, rng, protector, fire.shooter);
  // The shooter's own protector, of another bloc, suspends the channel.
  if (s.rules.channel_suspension_days <= 0 || st.channel_suspended_days > 0) return;
  for (ActorId other : s.tables().defenders[static_cast<std::size_t>(fire.shooter)]) {
    if (s.actors[other].bloc == s.actors[protector].bloc) continue;
    st.channel_suspended_days = s.rules.channel_suspension_days;
    d.Emit({.kind = EventKind::kChannelSuspended, .actor = other, .target = protector,
            .index = static_cast<int16_t>(std::min(s.rules.channel_suspension_days, 32767))});
    break;
  }
}

}  // namespace

void Protection(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  Workspace& w = d.w;
  if (st.channel_suspended_days > 0) --st.channel_suspended_days;
  if (w.fire_on_defended.empty()) return;
  Rng rng = d.rng(Stream::kProtection);
  // Fire noted today; an interception's own fire is not answered by another today.
  const std::size_t noted = w.fire_on_defended.size();
  for (std::size_t i = 0; i < noted; ++i) {
    const Workspace::Fire fire = w.fire_on_defended[i];
    for (ActorId protector : s.tables().defenders[static_cast<std::size_t>(fire.victim)]) {
      if (protector == fire.shooter || s.actors[protector].bloc == s.actors[fire.shooter].bloc) continue;
      if (AtWarBetween(s, st, protector, fire.shooter)) continue;
      if (!InAirReach(d, protector, fire.region)) continue;
      if (rng.Bernoulli(s.actors[protector].air_defence)) Intercept(d, rng, protector, fire);
    }
  }
  w.fire_on_defended.clear();
}

}  // namespace brink::rules
