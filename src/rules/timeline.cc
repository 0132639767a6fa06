// The scenario's timeline (docs/model.md, Submodel "Timeline"): at dawn, before anything else
// of the day, the dated changes due today take effect in order: forces arrive where the
// scenario places them, relations change (a new relation phase starts), and actors withdraw
// from regions (their forces there leave the theatre, not as casualties; the ground they held
// there passes to the named actor or to nobody; with rules.handover_forces the receiver's nearest
// force sends a garrison in), and lines take effect (forces standing on
// the other side's ground, not held by their own side, fall back to their side's ground), and
// troops exposed outside the theatre change in number.
// Nothing here draws a random number.
#include <algorithm>

#include "rules/rules.h"

namespace brink::rules {
namespace {

// The region held by an actor of `actor`'s bloc, in a country it operates in, nearest `from` by
// road (ties: the lowest index), or kNone.
RegionId NearestHeldBy(const Day& d, ActorId actor, RegionId from) {
  const BlocId bloc = d.s.actors[static_cast<std::size_t>(actor)].bloc;
  RegionId best = kNone;
  for (std::size_t r = 0; r < d.s.regions.size(); ++r) {
    const ActorId holder = d.st.holder[r];
    if (holder == kNone || d.s.actors[static_cast<std::size_t>(holder)].bloc != bloc) continue;
    if (!d.s.MayStand(actor, static_cast<RegionId>(r))) continue;
    if (best == kNone || d.s.distance(from, static_cast<RegionId>(r)) < d.s.distance(from, best)) best = static_cast<RegionId>(r);
  }
  return best;
}

// Ground handed to `receiver` (rules.handover_forces): unless it already has troops there, a
// force of it sends a garrison in: a quarter of the force, at least capture_strength and at most
// twice that, and at least a match for the firepower of forces hostile to the receiver standing
// there. The nearest force by road that can spare it (keeping as many as it sends) sends it; when
// none can, the nearest force goes whole. Returns whether forces changed.
bool MoveInto(Day& d, ActorId receiver, RegionId region) {
  const Scenario& s = d.s;
  State& st = d.st;
  double hostile_fire = 0;  // read from the forces: the index is not yet today's
  for (const Force& f : st.forces) {
    if (f.strength <= 0) continue;
    if (f.actor == receiver && f.region == region) return false;  // already there
    if (f.region == region && f.actor != receiver && Hostile(s, st, receiver, f.actor)) hostile_fire += Firepower(s, f);
  }
  if (!s.MayStand(receiver, region)) return false;
  const float cap = static_cast<float>(s.rules.capture_strength);
  const double per_troop = s.tables().fire_factor[static_cast<std::size_t>(receiver)];
  const float match = per_troop > 0 ? static_cast<float>(hostile_fire / per_troop) : 0.0f;
  const auto garrison_from = [&](const Force& f) {
    return std::max(match, std::clamp(f.strength * static_cast<float>(s.rules.garrison_share), cap,
                                      static_cast<float>(s.rules.garrison_cap) * cap));
  };
  int nearest = -1, sender = -1;  // the nearest force; the nearest that can spare a garrison
  const auto nearer = [&](std::size_t i, int than) {
    return than < 0 || s.distance(st.forces[i].region, region) < s.distance(st.forces[static_cast<std::size_t>(than)].region, region);
  };
  for (std::size_t i = 0; i < st.forces.size(); ++i) {
    const Force& f = st.forces[i];
    if (f.actor != receiver || f.strength <= 0) continue;
    if (nearer(i, nearest)) nearest = static_cast<int>(i);
    if (f.strength >= 2 * garrison_from(f) && nearer(i, sender)) sender = static_cast<int>(i);
  }
  if (nearest < 0) return false;
  if (sender >= 0 && st.forces.size() < MaxForces(s)) {
    Force& from = st.forces[static_cast<std::size_t>(sender)];
    Force garrison = from;
    garrison.strength = garrison_from(from);
    garrison.region = region;
    garrison.target = kNone;
    garrison.progress_km = 0;
    garrison.diverted_days = 0;
    from.strength -= garrison.strength;
    st.forces.push_back(garrison);
  } else {
    Force& from = st.forces[static_cast<std::size_t>(nearest)];
    from.region = region;
    from.target = kNone;
    from.progress_km = 0;
  }
  return true;
}

}  // namespace


bool ApplyTimeline(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  const auto& schedule = s.tables().schedule;
  bool forces_changed = false;
  while (st.schedule_next < static_cast<int>(schedule.size()) &&
         schedule[static_cast<std::size_t>(st.schedule_next)].day <= st.day) {
    const ScenarioTables::Scheduled& item = schedule[static_cast<std::size_t>(st.schedule_next++)];
    // rules.timeline off: only lines take effect on their dates (they have their own switch).
    if (!s.rules.timeline && item.kind != ScenarioTables::Scheduled::kLineAgreed) continue;
    switch (item.kind) {
      case ScenarioTables::Scheduled::kArrival: {
        const ForceSpec& spec = s.forces[static_cast<std::size_t>(item.index)];
        Force f;
        f.actor = spec.actor;
        f.region = spec.region;
        f.strength = static_cast<float>(spec.strength);
        st.forces.push_back(f);
        forces_changed = true;
        d.Emit({.kind = EventKind::kArrival, .actor = spec.actor, .region = spec.region, .casualties = f.strength});
        break;
      }
      case ScenarioTables::Scheduled::kRelations: {
        st.relation_phase = item.index;
        st.control_changed = true;  // a new enemy's ground may now be worth taking
        for (std::size_t i = 0; i < s.timeline.size(); ++i) {
          const Change& c = s.timeline[i];
          if (c.kind != ChangeKind::kRelation || c.day != item.day || c.pairs.empty()) continue;
          d.Emit({.kind = EventKind::kRelationChange, .actor = c.pairs.front().first,
                  .target = c.pairs.front().second, .index = static_cast<int16_t>(i)});
        }
        break;
      }
      case ScenarioTables::Scheduled::kLineAgreed: {
        // The line is applied: forces standing on the other side's ground, which their own
        // side does not hold, fall back one region to their own side's ground where they can.
        st.control_changed = true;  // ground beyond it is now closed: goals and shares change
        d.Emit({.kind = EventKind::kLineAgreed, .index = static_cast<int16_t>(item.index)});
        const DeconflictionLine& l = s.lines[static_cast<std::size_t>(item.index)];
        if (!l.enabled) break;
        // With a handover, ground of one side held by the other is left to nobody first (so
        // forces that held it fall back to their own side's ground, not to it).
        if (l.handover) {
          for (auto [regions, side] : {std::pair{&l.a_regions, l.a}, std::pair{&l.b_regions, l.b}}) {
            const BlocId other = side == l.a ? l.b : l.a;
            for (RegionId r : *regions) {
              const ActorId holder = st.holder[static_cast<std::size_t>(r)];
              if (holder != kNone && s.actors[static_cast<std::size_t>(holder)].bloc == other) {
                ChangeHolder(d, r, kNone);
                d.Emit({.kind = EventKind::kDeparture, .actor = holder, .region = r, .index = -1});
              }
            }
          }
        }
        for (Force& f : st.forces) {
          const BlocId bloc = s.actors[static_cast<std::size_t>(f.actor)].bloc;
          const bool a_side = bloc == l.a, b_side = bloc == l.b;
          if (f.strength <= 0 || (!a_side && !b_side)) continue;
          const std::vector<RegionId>& closed = a_side ? l.b_regions : l.a_regions;
          if (std::find(closed.begin(), closed.end(), f.region) == closed.end()) continue;
          const ActorId holder = st.holder[static_cast<std::size_t>(f.region)];
          if (!l.handover && holder != kNone && s.actors[static_cast<std::size_t>(holder)].bloc == bloc) continue;
          RegionId back = NearestFriendlyNeighbour(d, f);
          // Under a handover a force with no friendly neighbour goes back all the way: to the
          // nearest ground its side holds (by road), its side of the line included.
          if (back == kNone && l.handover) back = NearestHeldBy(d, f.actor, f.region);
          if (back == kNone) continue;
          f.region = back;
          f.target = kNone;
          f.progress_km = 0;
          forces_changed = true;
        }
        break;
      }
      case ScenarioTables::Scheduled::kWithdrawal: {
        const Change& c = s.timeline[static_cast<std::size_t>(item.index)];
        for (RegionId r : c.regions) {
          float left = 0;
          for (Force& f : st.forces) {
            if (f.actor != c.actor || f.region != r || f.strength <= 0) continue;
            left += f.strength;
            f.strength = 0;  // gone from the theatre; Dawn drops spent forces
            forces_changed = true;
          }
          const bool held = st.holder[static_cast<std::size_t>(r)] == c.actor;
          if (held) ChangeHolder(d, r, c.hand_to);
          // The receiver's forces move in (issue 20: "federal forces move in" at Sinjar).
          if (held && c.hand_to != kNone && s.rules.handover_forces) forces_changed |= MoveInto(d, c.hand_to, r);
          if (left > 0 || held) {  // one event per region it leaves or hands over
            d.Emit({.kind = EventKind::kDeparture, .actor = c.actor, .target = c.hand_to, .region = r,
                    .index = static_cast<int16_t>(item.index), .casualties = left});
          }
        }
        break;
      }
      case ScenarioTables::Scheduled::kExposure: {
        // Troops exposed outside the theatre change (a deployment grows or shrinks): horizontal
        // retaliation weighs and hurts what is there from today.
        const Change& c = s.timeline[static_cast<std::size_t>(item.index)];
        st.exposure_troops[static_cast<std::size_t>(c.exposure)] = static_cast<float>(c.troops);
        d.Emit({.kind = EventKind::kExposureChange, .actor = s.exposures[static_cast<std::size_t>(c.exposure)].actor,
                .index = static_cast<int16_t>(item.index), .casualties = static_cast<float>(c.troops)});
        break;
      }
    }
  }
  // A campaign opening today (docs/model.md, "Campaigns") makes ground worth taking: goals and
  // open shares are recomputed at this dawn, as after a change of hands.
  for (const Campaign& c : s.campaigns) {
    if (s.rules.campaigns && c.opens_day == st.day) st.control_changed = true;
  }
  return forces_changed;
}

}  // namespace brink::rules
