// Backing down (docs/model.md, Submodel "Resolve and commitment"). An actor that chose to
// withdraw pulls every force in contact with a rival (same region or across a short edge, or
// inside a rival's zone), except on ground it must hold or inside its own zone,
// back one region toward its own side's ground; one that offered de-escalation takes back
// tension_signal_relief x tension_strike of the tension with each rival. With
// rules.binding_offers the offer is a move with a memory: the relief is x the actor's
// credibility (how far its word is believed), and for offer_days it makes no new offer and fires
// only with a defensive cause (turn.cc: its legal actions). Either way its
// staked credibility (commitment) counts as humiliation for its factions, and the doctrine
// policy charges commitment x backing_down_cost for it, so a committed side presses ahead.
#include "rules/rules.h"

namespace brink::rules {
bool Withdrawals(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  bool any_moved = false;
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const ActorId actor = static_cast<ActorId>(a);
    Action action = st.actors[a].action;
    if (st.actors[a].offer_days > 0) --st.actors[a].offer_days;  // an offer's days run out
    if (action == Action::kWithdraw) {
      bool moved = false;
      for (Force& f : st.forces) {
        if (f.actor != actor || f.strength <= 0 || f.diverted_days > 0 || !InContact(d, actor, f.region)) continue;
        if (s.MustHold(actor, f.region) || InOwnZone(d, actor, f.region)) continue;  // stands firm
        RegionId back = NearestFriendlyNeighbour(d, f);
        if (back == kNone) continue;
        f.region = back;
        f.target = kNone;
        f.progress_km = 0;
        moved = true;
      }
      any_moved = any_moved || moved;
      if (moved) {
        d.w.hawk_pressure[a] += static_cast<float>(s.actors[a].commitment);
        d.Emit({.kind = EventKind::kWithdrawal, .actor = actor});
      }
    } else if (action == Action::kDeescalate) {
      // One offer to each rival bloc (tension is kept per bloc pair).
      uint64_t blocs_done = 0;
      double relief = s.rules.tension_signal_relief * s.rules.tension_strike;
      if (s.rules.binding_offers) {
        relief *= st.actors[a].credibility;
        st.actors[a].offer_days = static_cast<int16_t>(s.rules.offer_days);
      }
      for (std::size_t b = 0; b < s.actors.size(); ++b) {
        const uint64_t bloc_bit = uint64_t{1} << s.actors[b].bloc;
        if (!Rivals(s, st, actor, static_cast<ActorId>(b)) || (blocs_done & bloc_bit)) {
          continue;
        }
        blocs_done |= bloc_bit;
        LowerTension(d, actor, static_cast<ActorId>(b), relief);
      }
      d.w.hawk_pressure[a] += static_cast<float>(s.actors[a].commitment);
      d.Emit({.kind = EventKind::kDeescalation, .actor = actor});
    }
  }
  return any_moved;
}

}  // namespace brink::rules
