// Insurgency (docs/model.md, Submodel "Insurgent resilience"). Fighters of an actor with
// `dispersal` who go underground when their force breaks (combat.cc) live on: each day they
// mount Poisson(insurgency x underground / 1000) attacks, each on a force hostile to them
// standing on their ground (the actor's insurgent_ground, else the ground it held at the start:
// a random one of those regions with such a force, then its strongest hostile force there).
// A scenario that starts mid-campaign may give fighters already underground (`underground`). An attack is limited fire by the actor
// (LimitedFire at incident_losses of the target, within the actor's means); it costs the
// insurgents nothing in this model, so the pool only grows while forces keep breaking.
#include "rules/rules.h"

namespace brink::rules {

void Insurgency(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  Rng rng = d.rng(Stream::kInsurgency);
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const Actor& actor = s.actors[a];
    if (actor.insurgency <= 0 || st.underground[a] < 1) continue;
    const int attacks = static_cast<int>(std::min(s.rules.insurgency_cap_attacks, rng.Poisson(actor.insurgency * st.underground[a] / 1000.0)));
    if (attacks == 0) continue;
    UpdateIndex(d);
    // The regions the actor held at the start where a force hostile to it stands.
    std::vector<RegionId>& targets = d.w.queue;
    targets.clear();
    const ActorSet enemies = HostileTo(d, static_cast<ActorId>(a));
    for (RegionId r : Occupied(d)) {
      if (s.tables().insurgent_home[static_cast<std::size_t>(r)].contains(static_cast<ActorId>(a)) &&
          !(PresentIn(d, r) & enemies).empty()) {
        targets.push_back(r);
      }
    }
    if (targets.empty()) continue;
    for (int i = 0; i < attacks; ++i) {
      const RegionId where = targets[static_cast<std::size_t>(rng.Below(static_cast<int>(targets.size())))];
      const int target = StrongestIn(d, where, enemies);
      if (target < 0) continue;
      const ActorId victim = st.forces[static_cast<std::size_t>(target)].actor;
      const float lost = LimitedFire(d, rng, static_cast<ActorId>(a), target, s.rules.incident_losses,
                                     st.forces[static_cast<std::size_t>(target)].strength);
      ++st.tally.insurgent_attacks;
      d.Emit({.kind = EventKind::kInsurgentAttack, .actor = static_cast<ActorId>(a), .target = victim, .region = where,
              .casualties = lost});
    }
  }
}

}  // namespace brink::rules
