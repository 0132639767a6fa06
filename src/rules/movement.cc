// Movement (docs/model.md, Submodel "Movement"). Forces of an actor that chose to advance head
// for the region that scores best by
//   (priority + weights of destroy objectives against its holder)
//     / (1 + distance_km / 100) / (1 + strength of others there / own strength),
// among regions held by nobody or by an enemy (rival ground is not taken short of war), in
// the actor's countries (Actor::countries) that its roads reach. A
// rival's declared zone is no target for an actor whose war aversion exceeds its aggression. Forces march along their
// actor's shortest roads (through the countries it operates in: Scenario::step_toward)
// at speed_km_per_day x the terrain's speed (river crossings count longer), detouring
// (by fewest regions) around rival-held ground, which they may not cross short of war, and
// never into a country their actor does not operate in (Actor::operates_in). Forces in
// combat are pinned; the first force of an actor leaving a region it holds and must hold, or
// with an enemy next door or a rival in contact, leaves a garrison behind (a quarter of it,
// at most 2 x capture_strength; a force too small to split stays whole); with
// rules.garrison_threat the garrison is also sized to the hostile firepower next door, topping
// up a garrison already there, and a force that cannot spare that much stays whole; diverted
// forces go to their
// feud's front whatever their actor chose. Detour searches share a daily budget
// (kDetourVisitsPerDay); a force that finds it spent keeps its goal and waits for tomorrow.
#include <optional>

#include "rules/rules.h"

namespace brink::rules {
namespace {

// With rules.garrison_threat: the troops of the force's actor that hold `garrison_threat` times
// the firepower of hostile forces in the regions next door (docs/model.md, Movement: a defender
// holds against about three times its strength, so 1/3 covers an attack from next door).
// Hostile forces in the region the force marches into are the ones it engages, not a threat
// to the ground it leaves.
float ThreatGarrison(const Day& d, const Force& f) {
  const Scenario& s = d.s;
  const double per_troop = s.tables().fire_factor[static_cast<std::size_t>(f.actor)];
  if (!(s.rules.garrison_threat > 0) || !(per_troop > 0)) return 0;
  const RegionId first_step = f.target != kNone ? s.step_toward(f.actor, f.region, f.target) : kNone;
  double hostile = 0;
  for (auto [next, km] : s.tables().adjacency[f.region]) {
    if (next == first_step) continue;
    hostile += FireIn(d, next, HostileTo(d, f.actor));
  }
  return static_cast<float>(s.rules.garrison_threat * hostile / per_troop);
}

// Economy of force (rules.task_split): the troops of `actor` a goal needs: task_split times the
// hostile firepower there, counted in the actor's troops, and at least capture_strength.
float TaskNeed(const Day& d, ActorId actor, RegionId region) {
  const Scenario& s = d.s;
  const double per_troop = s.tables().fire_factor[static_cast<std::size_t>(actor)];
  const double hostile = FireIn(d, region, HostileTo(d, actor));
  const double need = per_troop > 0 ? s.rules.task_split * hostile / per_troop : 0.0;
  return static_cast<float>(std::max(need, s.rules.capture_strength));
}

// The garrison the force must leave behind if it marches today: nothing when none is due (it
// marches whole), else the troops to split off (the caller keeps the force whole if that is
// too few to hold the region or more than it can spare). A garrison is due when the force is
// the first (by index) of its actor in a region it holds that it must hold (a hold objective),
// or that has an enemy next door or a rival in contact. An earlier force of its actor resting
// there is the garrison already; with rules.garrison_threat the force tops it up to what the
// threat next door needs.
std::optional<float> GarrisonToLeave(const Day& d, int index) {
  const Scenario& s = d.s;
  if (!s.rules.garrisons) return std::nullopt;  // switched off: forces march whole
  const Force& f = d.st.forces[static_cast<std::size_t>(index)];
  // Nobody garrisons ground inside a rival's declared zone: that is what the zone is for.
  if (d.st.holder[f.region] != f.actor || InRivalZone(d, f.actor, f.region)) return std::nullopt;
  float resting = 0;  // earlier forces of the same actor, not on the march: the garrison there
  for (int other : ForcesIn(d, f.region)) {
    const Force& g = d.st.forces[static_cast<std::size_t>(other)];
    if (other < index && g.actor == f.actor && g.strength > 0 && g.target == kNone) resting += g.strength;
  }
  const bool threat_sized = s.rules.garrison_threat > 0;
  if (resting > 0 && !threat_sized) return std::nullopt;
  bool enemy_next_door = false;
  for (auto [next, km] : s.tables().adjacency[f.region]) enemy_next_door = enemy_next_door || EnemyIn(d, f.actor, next);
  bool due = enemy_next_door || s.MustHold(f.actor, f.region);
  for (RegionId next : s.tables().contact_neighbours[f.region]) {
    due = due || !(PresentIn(d, next) & RivalsOf(d, f.actor)).empty();
  }
  if (!due) return std::nullopt;
  if (resting > 0) {  // a garrison rests there already: top it up to what the threat needs
    const float more = enemy_next_door ? ThreatGarrison(d, f) - resting : 0.0f;
    return more > 0 ? std::optional<float>(more) : std::nullopt;
  }
  float kept = std::min(f.strength * static_cast<float>(s.rules.garrison_share),
                        static_cast<float>(s.rules.garrison_cap * s.rules.capture_strength));
  if (threat_sized && enemy_next_door) kept = std::max(kept, ThreatGarrison(d, f));
  return kept;
}

// Whether the actor chose to cross lines and zones today.
bool Crossing(const Day& d, ActorId actor) {
  return d.st.actors[static_cast<std::size_t>(actor)].action == Action::kCross;
}

// Ground a force may cross: not a rival's (short of war), and not closed to it by a line or a
// rival's zone unless its actor chose to cross today.
bool Passable(const Day& d, ActorId actor, RegionId region) {
  if (!d.s.MayStand(actor, region)) return false;  // a country it does not operate in
  ActorId holder = d.st.holder[region];
  if (holder != kNone && RivalsOf(d, actor).contains(holder)) return false;
  return Crossing(d, actor) || !ClosedTo(d, actor, region);
}

// A force entered closed ground: tension with the side it belongs to (a zone's owner, a line's
// other side and its guarantor).
void Crossed(Day& d, ActorId actor, RegionId region) {
  const Scenario& s = d.s;
  const ActorSet zone_rivals = s.tables().zone_owners[static_cast<std::size_t>(region)] & RivalsOf(d, actor);
  if (!zone_rivals.empty()) {
    const ActorId owner = *zone_rivals.begin();
    RaiseTension(d, actor, owner, s.rules.zone_crossing_tension);
    d.Emit({.kind = EventKind::kCrossing, .actor = actor, .target = owner, .region = region, .index = -1});
    return;
  }
  const BlocId bloc = s.actors[static_cast<std::size_t>(actor)].bloc;
  for (auto [line, closed_to] : s.tables().line_sides[static_cast<std::size_t>(region)]) {
    const DeconflictionLine& l = s.lines[static_cast<std::size_t>(line)];
    if (closed_to != bloc || d.st.day < l.agreed_day) continue;
    const BlocId side = l.a == bloc ? l.b : l.a;
    ActorId owner = kNone;
    for (std::size_t a = 0; a < s.actors.size() && owner == kNone; ++a) {
      if (s.actors[a].bloc == side) owner = static_cast<ActorId>(a);
    }
    RaiseTension(d, actor, owner, l.crossing_tension);
    // The guarantor's bloc, when a third one and a rival of the crosser's (tension is kept
    // between rivals only).
    if (l.guarantor != kNone && s.actors[static_cast<std::size_t>(l.guarantor)].bloc != side &&
        s.actors[static_cast<std::size_t>(l.guarantor)].bloc != bloc && RivalsOf(d, actor).contains(l.guarantor)) {
      RaiseTension(d, actor, l.guarantor, l.crossing_tension);
    }
    d.Emit({.kind = EventKind::kCrossing, .actor = actor, .target = owner, .region = region,
            .index = static_cast<int16_t>(line)});
    return;
  }
}

// Detour searches share a budget of region visits (a region and its edges) per day, so that
// a day's marching costs at most this much however many forces find their road barred: at
// the limits (2,048 forces, 512 regions, 4,096 edges) unbounded searches cost about 300 s of
// CPU per run. 2^18 is over ten times what the default scenario could ever use in a day
// (about 100 forces x 46 regions and their edges), so ordinary runs never reach it.
constexpr int64_t kDetourVisitsPerDay = int64_t{1} << 18;

// What a detour search found: a first step, no way through (kNone), or no budget left today.
constexpr RegionId kWaitForBudget = -2;

// The first step of a path to `target` that crosses only passable ground (fewest regions,
// ties to the lower region index), kNone if there is none, or kWaitForBudget if today's
// budget ran out first (`budget` is what is left). Only called when the shortest road is
// barred.
RegionId DetourStep(Day& d, ActorId actor, RegionId from, RegionId target, int64_t& budget) {
  const Scenario& s = d.s;
  std::vector<RegionId>& queue = d.w.queue;
  std::vector<uint8_t>& seen = d.w.seen;
  std::vector<RegionId>& first = d.w.first_step;
  Fill(seen, s.regions.size(), 0);
  Fill(first, s.regions.size(), kNone);
  queue.clear();
  queue.push_back(from);
  seen[static_cast<std::size_t>(from)] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    RegionId at = queue[head];
    budget -= 1 + static_cast<int64_t>(s.tables().adjacency[at].size());
    if (budget < 0) return kWaitForBudget;
    for (auto [next, km] : s.tables().adjacency[at]) {
      if (seen[static_cast<std::size_t>(next)] || !Passable(d, actor, next)) continue;
      seen[static_cast<std::size_t>(next)] = 1;
      first[static_cast<std::size_t>(next)] = at == from ? next : first[static_cast<std::size_t>(at)];
      if (next == target) return first[static_cast<std::size_t>(next)];
      queue.push_back(next);
    }
  }
  return kNone;
}

// Troops bound for a region, per actor (rules.task_split; empty when off).
float& Committed(Day& d, const Force& f) {
  return d.w.committed[static_cast<std::size_t>(f.actor) * d.s.regions.size() + static_cast<std::size_t>(f.target)];
}
void Commit(Day& d, const Force& f, float sign) {
  if (!d.w.committed.empty() && f.target != kNone) Committed(d, f) += sign * f.strength;
}

// Economy of force (rules.task_split): a force at rest that chose a goal keeps what the goal
// needs (TaskNeed) and detaches the rest, at least garrison_cap x capture_strength troops, as
// a new force that chooses a goal of its own at once (it marches from tomorrow).
void DetachSurplus(Day& d, std::size_t i) {
  const Scenario& s = d.s;
  const Force& f = d.st.forces[i];
  if (f.target == kNone || f.progress_km != 0 || EnemyIn(d, f.actor, f.region)) return;
  const float surplus = f.strength - TaskNeed(d, f.actor, f.target);
  if (surplus < s.rules.garrison_cap * s.rules.capture_strength || d.st.forces.size() >= MaxForces(s)) return;
  Commit(d, f, -1);
  const int detached = SplitGarrison(d, static_cast<int>(i), surplus);
  Commit(d, d.st.forces[i], +1);
  d.w.moves.emplace_back(detached, kNone);
  Force& g = d.st.forces[static_cast<std::size_t>(detached)];
  g.target = ChooseTarget(d, g);
  Commit(d, g, +1);
}

}  // namespace

RegionId ChooseTarget(const Day& d, const Force& f) {
  // Nowhere left to take (known once decisions have run).
  if (!d.st.has_goal.empty() && !d.st.has_goal[static_cast<std::size_t>(f.actor)]) return kNone;
  const Scenario& s = d.s;
  const bool crossing = Crossing(d, f.actor);
  RegionId best = kNone;
  double best_score = 0;  // a region scoring 0 (wanted for nothing) is never a goal
  const float* nearness = &s.tables().nearness[static_cast<std::size_t>(f.region) * s.regions.size()];
  const ActorSet own_bloc = s.tables().bloc_mask[static_cast<std::size_t>(f.actor)];
  const double per_own_troop = 1.0 / std::max(1.0f, f.strength);
  // Goals come by descending best possible appeal: once that cannot match the best found, no
  // later one can. Equal scores go to the lower region index, as in a scan in index order.
  const std::size_t list = static_cast<std::size_t>(f.actor) * s.regions.size() + static_cast<std::size_t>(f.region);
  for (uint32_t k = s.tables().goal_order_start[list]; k < s.tables().goal_order_start[list + 1]; ++k) {
    const RegionId r = s.tables().goal_order[k];
    // Ground it would not take is passed over before its bound is worked out: skipping it
    // cannot change the goal (were the bound too low, every later one's would be too).
    if (!WorthTaking(d, f.actor, r)) continue;
    if (s.GoalBound(f.actor, f.region, r) < best_score) break;
    const std::size_t i = static_cast<std::size_t>(r);
    if (d.st.day < s.CampaignOpens(f.actor, r)) continue;  // its offensive there has not opened
    double priority = s.Priority(f.actor, r);
    ActorId holder = d.st.holder[r];
    if (holder != kNone) priority += s.DestroyWeight(f.actor, holder);
    const double near_value = priority * nearness[i];
    if (near_value < best_score) continue;  // troops there could only lower it
    if (!crossing && ClosedTo(d, f.actor, r)) continue;  // across a line, or in a rival's zone
    if (s.step_toward(f.actor, f.region, r) == kNone) continue;  // no road to it through its countries
    // Economy of force: a goal its actor's other forces are bound for in strength enough is taken
    // care of.
    if (!d.w.committed.empty() && d.w.committed[static_cast<std::size_t>(f.actor) * s.regions.size() + i] >= TaskNeed(d, f.actor, r)) {
      continue;
    }
    double others = 0;  // troops of other blocs there
    for (ActorId other : PresentIn(d, r) - own_bloc) {
      others += d.w.index.strength(r, other);
    }
    const double score = near_value / (1.0 + others * per_own_troop);
    if (score > best_score || (score == best_score && best != kNone && r < best)) {
      best_score = score;
      best = r;
    }
  }
  return best;
}

bool Move(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  bool moved = false;
  d.w.moves.clear();
  const std::size_t marching = st.forces.size();  // garrisons split off today stay put
  int64_t detour_budget = kDetourVisitsPerDay;
  // phase = (day + i) mod retarget_days: each force retargets on its own day of those.
  d.w.committed.clear();
  if (s.rules.task_split > 0) {
    Fill(d.w.committed, s.actors.size() * s.regions.size(), 0.0f);
    for (const Force& f : st.forces) {
      if (f.strength > 0 && f.diverted_days == 0) Commit(d, f, +1);
    }
  }
  // The actors that chose to march today (advance or cross): the others' forces stay put
  // unless diverted, and are passed over at the cost of one test.
  ActorSet marching_actors;
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const Action action = st.actors[a].action;
    if (action == Action::kAdvance || action == Action::kCross) marching_actors.insert(static_cast<ActorId>(a));
  }
  const auto retarget = static_cast<std::size_t>(s.rules.retarget_days);
  for (std::size_t i = 0; i < marching; ++i) {
    const bool diverted = st.forces[i].diverted_days > 0;
    // Most forces on most days: not diverted, and their actor holds.
    if ((!diverted && !marching_actors.contains(st.forces[i].actor)) || st.forces[i].strength <= 0) continue;
    const std::size_t phase = (static_cast<std::size_t>(st.day) + i) % retarget;
    if (diverted) {
      --st.forces[i].diverted_days;
    } else {
      Force& f = st.forces[i];
      const Action action = st.actors[f.actor].action;
      // Retarget when the goal is gone (or closed to it today), every ten days to follow the
      // front, and, for a force with no goal, when ground has changed hands.
      if ((f.target != kNone && !WorthTaking(d, f.actor, f.target)) ||
          (f.target != kNone && action != Action::kCross && ClosedTo(d, f.actor, f.target)) ||
          (f.target == kNone && d.w.control_changed_at_dawn) ||
          phase == 0) {
        Commit(d, f, -1);
        f.target = ChooseTarget(d, f);
        Commit(d, f, +1);
        if (!d.w.committed.empty()) DetachSurplus(d, i);
      }
    }
    Force& f = st.forces[i];  // a detachment may have been appended
    if (f.target == kNone || f.target == f.region || EnemyIn(d, f.actor, f.region)) continue;
    const std::optional<float> garrison =
        f.progress_km == 0 && !diverted ? GarrisonToLeave(d, static_cast<int>(i)) : std::nullopt;
    if (garrison) {
      // Split off a garrison (a quarter, at most twice capture_strength, or what the threat next
      // door needs) while the number of forces stays under MaxForces (Initial reserves that
      // much: no reallocation; Dawn drops spent forces). A garrison of no troops, one too small
      // to hold the region, or one the force cannot spare: the force stays whole today.
      const float kept = *garrison;
      if (!(kept > 0) || kept < s.rules.capture_strength || kept >= f.strength ||
          st.forces.size() >= MaxForces(s)) {
        continue;
      }
      moved = true;
      d.w.moves.emplace_back(SplitGarrison(d, static_cast<int>(i), kept), kNone);
    }
    Force& f2 = st.forces[i];
    RegionId next = s.step_toward(f2.actor, f2.region, f2.target);
    if (!Passable(d, f2.actor, next)) {
      if (detour_budget < 0) continue;  // spent today: keep the goal, try tomorrow
      next = DetourStep(d, f2.actor, f2.region, f2.target, detour_budget);
      if (next == kWaitForBudget) continue;
    }
    if (next == kNone) {
      Commit(d, f2, -1);
      f2.target = kNone;  // no way through: choose another goal tomorrow
      continue;
    }
    float km = 0;
    for (auto [neighbour, edge_km] : s.tables().adjacency[f2.region]) {
      if (neighbour == next) km = edge_km;
    }
    f2.progress_km += static_cast<float>(s.rules.speed_km_per_day *
                                         s.terrains[static_cast<std::size_t>(s.regions[next].terrain)].speed);
    if (f2.progress_km >= km) {
      if (!diverted && Crossing(d, f2.actor) && ClosedTo(d, f2.actor, next)) Crossed(d, f2.actor, next);
      d.w.moves.emplace_back(static_cast<int>(i), f2.region);
      f2.region = next;
      f2.progress_km = 0;
      moved = true;
      if (next == f2.target && !diverted) {
        Commit(d, f2, -1);
        f2.target = kNone;
      }
    }
  }
  // The index followed the day's start throughout; now it learns where forces went.
  for (auto [force, from] : d.w.moves) {
    if (from == kNone) {
      Appended(d, force);
    } else {
      Relocate(d, force, from);
    }
  }
  if (moved) UpdateIndex(d);
  return moved;
}

}  // namespace brink::rules
