// Who holds the ground (docs/model.md, Submodels "Control" and "Corridors"). A region changes
// hands when the strongest single force present has at least rules.capture_strength troops, no
// force hostile to it remains, and the current holder is hostile to it or nobody. Rival ground
// cannot be taken short of war, nor ground closed to the taker (a line, a rival's zone) unless
// its actor crosses that day. Corridors are searched exactly over held regions, on each day
// ground changes hands for any cause (a capture, a dated withdrawal, a line's handover: every
// change goes through ChangeHolder), since only then can they open or close.
#include "rules/rules.h"

namespace brink::rules {

bool CorridorOpen(const Scenario& s, const State& st, int corridor, Workspace& w) {
  const Corridor& c = s.corridors[static_cast<std::size_t>(corridor)];
  auto open = [&](RegionId r) {
    ActorId h = st.holder[r];
    return h != kNone && (c.open_through_blocs >> s.actors[h].bloc & 1u);
  };
  Fill(w.seen, s.regions.size(), 0);
  w.queue.clear();
  for (RegionId r : c.from) {
    if (open(r) && !w.seen[r]) {
      w.seen[r] = 1;
      w.queue.push_back(r);
    }
  }
  for (std::size_t head = 0; head < w.queue.size(); ++head) {
    RegionId at = w.queue[head];
    for (auto [next, km] : s.tables().adjacency[at]) {
      if (!w.seen[next] && open(next)) {
        w.seen[next] = 1;
        w.queue.push_back(next);
      }
    }
  }
  for (RegionId r : c.to) {
    if (w.seen[r]) return true;
  }
  return false;
}

void ChangeHolder(Day& d, RegionId region, ActorId to) {
  ActorId& holder = d.st.holder[static_cast<std::size_t>(region)];
  if (holder == to) return;
  holder = to;
  d.st.battle_last_day[static_cast<std::size_t>(region)] = -1;  // a new holder: any siege starts over
  d.st.control_changed = true;  // goals and open shares at the next dawn
  d.w.holders_changed = true;   // corridors and the group's defeat in today's Control
}

namespace {

// The regions with a force of another actor than the holder, and, where held, of one hostile
// to the holder (no other can take it), ascending.
void ListOpenToCapture(const Day& d, std::vector<RegionId>& out) {
  const Scenario& s = d.s;
  const State& st = d.st;
  out.clear();
  for (RegionId region : Occupied(d)) {
    const std::size_t r = static_cast<std::size_t>(region);
    const ActorSet holders = st.holder[r] == kNone ? ActorSet() : ActorSet::Of(st.holder[r]);
    if ((PresentIn(d, region) - holders).empty()) continue;  // only the holder's forces, or none
    if (st.holder[r] != kNone) {
      bool hostile_here = false;
      for (ActorId a : PresentIn(d, region) - holders) hostile_here = hostile_here || Hostile(s, st, a, st.holder[r]);
      if (!hostile_here) continue;
    }
    out.push_back(region);
  }
}

}  // namespace

void Control(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  // Positions have not changed since the index after combat; strengths are read directly.
  // Forces of one actor resting in one region (no goal, not diverted) join up, so garrisons
  // and arrivals do not multiply the forces the rules must look at.
  for (RegionId region : Occupied(d)) {
    const std::span<const int> listed = ForcesIn(d, region);
    if (listed.size() < 2) continue;
    // One pass first: only a region with two resting forces of one actor has anything to join.
    ActorSet resting, twice;
    for (const int i : listed) {
      const Force& f = st.forces[static_cast<std::size_t>(i)];
      if (f.strength <= 0 || f.target != kNone || f.diverted_days > 0) continue;
      if (resting.contains(f.actor)) twice.insert(f.actor);
      resting.insert(f.actor);
    }
    if (twice.empty()) continue;
    for (std::size_t i = 0; i < listed.size(); ++i) {
      const Force& keep = st.forces[static_cast<std::size_t>(listed[i])];
      if (keep.strength <= 0 || keep.target != kNone || keep.diverted_days > 0) continue;
      for (std::size_t j = i + 1; j < listed.size(); ++j) {
        const Force& other = st.forces[static_cast<std::size_t>(listed[j])];
        if (other.actor != keep.actor || other.strength <= 0 || other.target != kNone ||
            other.diverted_days > 0) {
          continue;
        }
        MergeForces(d, listed[i], listed[j]);
      }
    }
  }
  // The regions someone could take: a force of another actor than the holder there, and, where
  // the region is held, of one hostile to the holder. That follows from presence, holders and
  // the relations alone, so the list stands while they do (most days); a capture below changes
  // only its own region's holder, which no later region's test reads.
  Workspace& w = d.w;
  const CaptureKey key{.presence_version = w.index.presence_version(), .war_a = st.war_a, .war_b = st.war_b,
                       .relation_phase = st.relation_phase, .war_ongoing = st.war_ongoing()};
  const bool current = w.capture_key == key && w.capture_holder == st.holder;
  if (!current) {
    w.capture_key = key;
    w.capture_holder = st.holder;
  }
  for (RegionId region : KeptRegions(d, w.capture_regions, current, ListOpenToCapture, "regions open to capture")) {
    const std::size_t r = static_cast<std::size_t>(region);
    // With only_takers_capture, a force whose actor may not take the region (another country,
    // outside its aims) neither takes it nor stands in the way of one that may (issue 20).
    ActorSet takers = kEveryActor;
    if (s.rules.only_takers_capture) {
      takers = ActorSet();
      for (ActorId a : PresentIn(d, region)) {
        if (s.MayTake(a, region) && st.day >= s.CampaignOpens(a, region)) takers.insert(a);
      }
    }
    const int best = StrongestIn(d, region, takers);
    if (best < 0 || st.forces[best].strength < s.rules.capture_strength) continue;
    ActorId taker = st.forces[best].actor, holder = st.holder[r];
    if (holder == taker || !s.MayTake(taker, static_cast<RegionId>(r))) continue;
    if (st.day < s.CampaignOpens(taker, static_cast<RegionId>(r))) continue;  // not before its offensive opens
    if (holder != kNone && !Hostile(s, st, taker, holder)) continue;
    // Ground a line or a rival's zone closes to it is taken only on a day it crosses.
    if (st.actors[static_cast<std::size_t>(taker)].action != Action::kCross && ClosedTo(d, taker, region)) continue;
    bool contested = false;
    for (int i : ForcesIn(d, region)) {
      const Force& other = st.forces[static_cast<std::size_t>(i)];
      if (other.strength > 0 && Hostile(s, st, taker, other.actor)) contested = true;
    }
    if (contested) continue;
    ChangeHolder(d, static_cast<RegionId>(r), taker);
    d.w.hawk_pressure[taker] += static_cast<float>(s.rules.success_pressure * s.regions[r].value);  // success emboldens
    d.Emit({.kind = EventKind::kCapture, .actor = taker, .target = holder,
            .region = static_cast<RegionId>(r)});
  }
  // Each bloc's count of contested regions held changes only when ground changes hands (for any
  // cause, today): counted again only then, and added up every day.
  if (w.holders_changed || w.contested_held.size() != s.blocs.size()) {
    w.contested_held.assign(s.blocs.size(), 0);
    for (RegionId r : s.tables().contested) {
      if (st.holder[r] != kNone) ++w.contested_held[static_cast<std::size_t>(s.actors[st.holder[r]].bloc)];
    }
  }
  for (std::size_t b = 0; b < s.blocs.size(); ++b) st.contested_days[b] += w.contested_held[b];
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    // A corridor changes only when ground changes hands (for any cause, today).
    bool open = d.w.holders_changed ? CorridorOpen(s, st, static_cast<int>(c), d.w) : st.corridor_open[c] != 0;
    if (open != static_cast<bool>(st.corridor_open[c])) {
      st.corridor_open[c] = open;
      d.Emit({.kind = open ? EventKind::kCorridorOpened : EventKind::kCorridorCut,
              .index = static_cast<int16_t>(c)});
    }
    if (!open) ++st.corridor_cut_days[c];
  }
  if (st.group_defeated_day < 0 && (d.w.holders_changed || st.day <= 1)) {  // ground changed hands today
    // The terrorist group is defeated on the first day none of its actors holds ground
    // (docs/model.md, Control); the event names its first actor.
    ActorId group = kNone;
    bool holds = false;
    for (std::size_t a = 0; a < s.actors.size() && !holds; ++a) {
      if (!s.actors[a].terrorist) continue;
      if (group == kNone) group = static_cast<ActorId>(a);
      for (ActorId h : st.holder) holds = holds || h == static_cast<ActorId>(a);
    }
    if (group != kNone && !holds) {
      st.group_defeated_day = st.day;
      d.Emit({.kind = EventKind::kGroupDefeated, .actor = group});
    }
  }
}

}  // namespace brink::rules
