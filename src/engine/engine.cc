// The daily schedule. Each rule lives in src/rules/, one dynamic per file.
#include "brink/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <atomic>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "brink/policy.h"
#include "engine/day.h"
#include "rules/rules.h"

namespace brink {

float Inflict(Day& d, int force, double troops, ActorId by) {
  Force& f = d.st.forces[force];
  float lost = static_cast<float>(std::min<double>(troops, f.strength));
  f.strength -= lost;
  if (f.strength <= 0) {
    d.w.index_stale = true;  // spent: it leaves the lists
  } else if (lost > 0) {
    d.w.touched.push_back(f.region * static_cast<int>(d.s.actors.size()) + f.actor);
    d.w.troops_changed.insert(f.actor);
  }
  d.st.actors[f.actor].casualties += lost;
  d.st.inflicted[static_cast<std::size_t>(f.actor) * d.s.actors.size() + static_cast<std::size_t>(by)] += lost;
  return lost;
}

void IndexForces(Day& d) {
  const std::size_t regions = d.s.regions.size();
  const std::size_t actors = d.s.actors.size();
  Workspace& w = d.w;
  if (w.present.size() != regions || w.actor_strength.size() != regions * actors) {
    w.present.assign(regions, ActorSet());
    w.actor_strength.assign(regions * actors, 0.0f);
    w.actor_fire.assign(regions * actors, 0.0f);
    w.actor_best.assign(regions * actors, -1);
  } else {
    // Clear only the cells the last index filled (an actor's cell is set only where present).
    for (RegionId region : w.occupied) {
      const std::size_t r = static_cast<std::size_t>(region);
      for (ActorId a : w.present[r]) {
        const std::size_t cell = r * actors + static_cast<std::size_t>(a);
        w.actor_strength[cell] = 0.0f;
        w.actor_fire[cell] = 0.0f;
      }
      w.present[r] = ActorSet();
    }
  }
  w.region_start.assign(regions + 1, 0);
  bool spent = false;  // a force without troops is still listed: Dawn drops it
  for (const Force& f : d.st.forces) {
    if (f.strength > 0) {
      ++w.region_start[f.region + 1];
    } else {
      spent = true;
    }
  }
  w.occupied.clear();
  for (std::size_t r = 0; r < regions; ++r) {
    if (w.region_start[r + 1] > 0) w.occupied.push_back(static_cast<RegionId>(r));
    w.region_start[r + 1] += w.region_start[r];
  }
  w.force_index.resize(static_cast<std::size_t>(w.region_start[regions]));
  w.actor_firepower.assign(actors, 0.0f);
  // Fill in force order, so each region's list is sorted by force index (deterministic).
  std::vector<int>& cursor = w.region_start;  // reuse: shift back afterwards
  for (std::size_t i = 0; i < d.st.forces.size(); ++i) {
    const Force& f = d.st.forces[i];
    if (f.strength <= 0) continue;
    w.force_index[static_cast<std::size_t>(cursor[f.region]++)] = static_cast<int>(i);
    const float firepower = Firepower(d.s, f);
    w.actor_firepower[static_cast<std::size_t>(f.actor)] += firepower;
    const std::size_t here = static_cast<std::size_t>(f.region) * actors + static_cast<std::size_t>(f.actor);
    w.actor_strength[here] += f.strength;
    w.actor_fire[here] += firepower;
    ActorSet& present = w.present[static_cast<std::size_t>(f.region)];
    int& strongest = w.actor_best[here];  // the first of equals: forces come in index order
    if (!present.contains(f.actor) || f.strength > d.st.forces[static_cast<std::size_t>(strongest)].strength) {
      strongest = static_cast<int>(i);
    }
    present.insert(f.actor);
  }
  for (std::size_t r = regions; r > 0; --r) cursor[r] = cursor[r - 1];
  cursor[0] = 0;
  w.near_valid = false;
  w.reach_valid = false;
  w.index_stale = spent;
  ++w.index_version;
  w.touched.clear();
  w.troops_changed = ActorSet();
}

void UpdateIndex(Day& d) {
  Workspace& w = d.w;
  if (w.index_stale) {
    IndexForces(d);
    return;
  }
  if (w.touched.empty()) return;
  ++w.index_version;
  // The lists are current: each touched cell is summed again over its region's list, in force
  // order, as IndexForces sums it, and the actor's presence there follows.
  const std::size_t actors = d.s.actors.size();
  bool presence_changed = false;
  // A cell is touched once per loss: each is summed once (the cells are independent).
  std::sort(w.touched.begin(), w.touched.end());
  w.touched.erase(std::unique(w.touched.begin(), w.touched.end()), w.touched.end());
  for (int cell : w.touched) {
    const std::size_t r = static_cast<std::size_t>(cell) / actors;
    const ActorId actor = static_cast<ActorId>(static_cast<std::size_t>(cell) % actors);
    float strength = 0.0f, fire = 0.0f;
    int strongest = -1;
    for (int k = w.region_start[r]; k < w.region_start[r + 1]; ++k) {
      const int i = w.force_index[static_cast<std::size_t>(k)];
      const Force& f = d.st.forces[static_cast<std::size_t>(i)];
      if (f.actor != actor) continue;
      strength += f.strength;
      fire += Firepower(d.s, f);
      if (strongest < 0 || f.strength > d.st.forces[static_cast<std::size_t>(strongest)].strength) strongest = i;
    }
    w.actor_strength[static_cast<std::size_t>(cell)] = strength;
    w.actor_fire[static_cast<std::size_t>(cell)] = fire;
    w.actor_best[static_cast<std::size_t>(cell)] = strongest;
    const ActorSet was = w.present[r];
    w.present[r] = strongest >= 0 ? was | ActorSet::Of(actor) : was - ActorSet::Of(actor);
    presence_changed = presence_changed || w.present[r] != was;
  }
  // An actor's firepower changes with its troops, not with where they stand.
  const ActorSet weaker = w.troops_changed;
  for (ActorId a : weaker) w.actor_firepower[static_cast<std::size_t>(a)] = 0.0f;
  if (weaker) {
    for (const Force& f : d.st.forces) {
      if (f.strength > 0 && weaker.contains(f.actor)) w.actor_firepower[static_cast<std::size_t>(f.actor)] += Firepower(d.s, f);
    }
  }
  w.touched.clear();
  w.troops_changed = ActorSet();
  if (presence_changed) {
    w.occupied.clear();
    for (std::size_t r = 0; r < w.present.size(); ++r) {
      if (!w.present[r].empty()) w.occupied.push_back(static_cast<RegionId>(r));
    }
    w.near_valid = false;
    w.reach_valid = false;
  }
}

void Relocate(Day& d, int force, RegionId from) {
  Workspace& w = d.w;
  const Force& f = d.st.forces[static_cast<std::size_t>(force)];
  const RegionId to = f.region;
  if (w.index_stale || from == to) return;  // a rebuild is due anyway
  ++w.index_version;
  int* list = w.force_index.data();
  int* start = w.region_start.data();
  // Out of `from`'s list and into `to`'s at its place by force index; the lists in between
  // shift by one.
  const int at = static_cast<int>(std::find(list + start[from], list + start[from + 1], force) - list);
  const int into = static_cast<int>(std::upper_bound(list + start[to], list + start[to + 1], force) - list);
  if (from < to) {
    std::copy(list + at + 1, list + into, list + at);
    list[into - 1] = force;
    for (int r = from + 1; r <= to; ++r) --start[r];
  } else {
    std::copy_backward(list + into, list + at, list + at + 1);
    list[into] = force;
    for (int r = to + 1; r <= from; ++r) ++start[r];
  }
  const int actors = static_cast<int>(d.s.actors.size());
  w.touched.push_back(from * actors + f.actor);
  w.touched.push_back(to * actors + f.actor);
}

void Appended(Day& d, int force) {
  Workspace& w = d.w;
  if (w.index_stale) return;
  ++w.index_version;
  const Force& f = d.st.forces[static_cast<std::size_t>(force)];
  // The newest force comes last in its region's list.
  const int end = w.region_start[static_cast<std::size_t>(f.region) + 1];
  w.force_index.insert(w.force_index.begin() + end, force);
  for (std::size_t r = static_cast<std::size_t>(f.region) + 1; r < w.region_start.size(); ++r) ++w.region_start[r];
  w.touched.push_back(f.region * static_cast<int>(d.s.actors.size()) + f.actor);
}

namespace {

RegionId Neighbour(RegionId n) { return n; }
RegionId Neighbour(std::pair<RegionId, float> edge) { return edge.first; }

// Per region, the actors present there or in one of its listed neighbours.
template <typename Lists>
void SpreadPresence(const Workspace& w, const Lists& neighbours, std::vector<ActorSet>& out) {
  out.resize(w.present.size());
  for (std::size_t r = 0; r < w.present.size(); ++r) {
    ActorSet mask = w.present[r];
    for (const auto& n : neighbours[r]) mask |= w.present[static_cast<std::size_t>(Neighbour(n))];
    out[r] = mask;
  }
}

}  // namespace

void ComputeNearMasks(const Day& d) {
  SpreadPresence(d.w, d.s.tables().contact_neighbours, d.w.near);
  d.w.near_valid = true;
}

void ComputeReachMasks(const Day& d) {
  {
    SpreadPresence(d.w, d.s.tables().adjacency, d.w.reach);
    // Stand-off fire: from its bases, and in a straight line from each region it stands in.
    const ScenarioTables& t = d.s.tables();
    if (!t.fire_rangers.empty()) {
      const std::size_t regions = d.s.regions.size();
      for (std::size_t r = 0; r < regions; ++r) d.w.reach[r] |= t.fire_from_bases[r];
      for (RegionId here : d.w.occupied) {
        for (ActorId a : d.w.present[static_cast<std::size_t>(here)] & t.fire_rangers) {
          for (RegionId to : t.fire_reach[static_cast<std::size_t>(a) * regions + static_cast<std::size_t>(here)]) {
            d.w.reach[static_cast<std::size_t>(to)].insert(a);
          }
        }
      }
    }
    d.w.reach_valid = true;
  }
}

void RefreshRelations(Day& d) {
  const std::size_t actors = d.s.actors.size();
  Workspace& w = d.w;
  w.hostile.assign(actors, ActorSet());
  w.rivals.assign(actors, ActorSet());
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t b = 0; b < actors; ++b) {
      const ActorId x = static_cast<ActorId>(a), y = static_cast<ActorId>(b);
      if (Hostile(d.s, d.st, x, y)) w.hostile[a].insert(y);
      if (Rivals(d.s, d.st, x, y)) w.rivals[a].insert(y);
    }
  }
  ++w.index_version;
  w.relations_valid = true;
  w.relations_war_a = d.st.war_a;
  w.relations_war_b = d.st.war_b;
  w.relations_phase = d.st.relation_phase;
  w.relations_war_ongoing = d.st.war_ongoing();
}

RegionId NearestFriendlyNeighbour(const Day& d, const Force& f) {
  RegionId best = kNone;
  float best_km = 0;
  for (auto [next, km] : d.s.tables().adjacency[f.region]) {
    ActorId h = d.st.holder[next];
    if (h == kNone || d.s.actors[h].bloc != d.s.actors[f.actor].bloc) continue;
    if (!d.s.MayStand(f.actor, next)) continue;  // not into a country it does not operate in
    if (best == kNone || km < best_km) {
      best = next;
      best_km = km;
    }
  }
  return best;
}

int ForceOf(const Day& d, ActorId actor, RegionId region) {
  for (int i = d.w.region_start[region]; i < d.w.region_start[region + 1]; ++i) {
    int f = d.w.force_index[static_cast<std::size_t>(i)];
    if (d.st.forces[f].actor == actor && d.st.forces[f].strength > 0) return f;
  }
  return -1;
}

void Day::Emit(Event event) {
  event.day = st.day;
  event.level = static_cast<int8_t>(st.level);
  ++st.tally.events[static_cast<int>(event.kind)];
  switch (event.kind) {
    case EventKind::kIncident:
    case EventKind::kStrike:
    case EventKind::kZoneStrike:
    case EventKind::kRetaliation:
    case EventKind::kHorizontal:
      if (!IsProxy(s, event.actor) && event.target != kNone && !IsProxy(s, event.target)) {
        ++st.tally.direct_clashes;
      }
      [[fallthrough]];
    case EventKind::kInterception:
      // Between principals, or on a proxy its patron defends from the air (its advisers are
      // there): a direct clash.
      if (!IsProxy(s, event.actor) && event.target != kNone &&
          (!IsProxy(s, event.target) || s.tables().defenders[static_cast<std::size_t>(event.target)].contains(s.patron(event.target)))) {
        ++st.tally.direct_clashes;
      }
      [[fallthrough]];
    case EventKind::kProxyClash:
    case EventKind::kFeudClash:
    case EventKind::kAirStrike:
    case EventKind::kWar:
      st.tally.escalation_score += s.ladder[static_cast<std::size_t>(st.level)].severity;
      break;
    case EventKind::kDeescalation:
      // One offer per episode: days of de-escalation in a row score once.
      if (st.actors[static_cast<std::size_t>(event.actor)].previous != Action::kDeescalate) {
        st.tally.escalation_score += s.ladder.front().severity;
      }
      break;
    default:
      break;
  }
  if (log) log->push_back(event);
}

float Disperse(Day& d, int force, double troops) {
  Force& f = d.st.forces[static_cast<std::size_t>(force)];
  const float gone = static_cast<float>(std::min<double>(std::floor(troops), f.strength));
  f.strength -= gone;
  if (f.strength <= 0) {
    d.w.index_stale = true;
  } else if (gone > 0) {
    d.w.touched.push_back(f.region * static_cast<int>(d.s.actors.size()) + f.actor);
    d.w.troops_changed.insert(f.actor);
  }
  d.st.underground[static_cast<std::size_t>(f.actor)] += gone;
  return gone;
}

void Dawn(Day& d, bool reindex) {
  Workspace& w = d.w;
  w.level_at_dawn = d.st.level;
  w.hawk_pressure.assign(d.s.actors.size(), 0.0f);
  w.fire_on_defended.clear();
  if (!w.relations_valid || w.relations_war_a != d.st.war_a || w.relations_war_b != d.st.war_b ||
      w.relations_phase != d.st.relation_phase || w.relations_war_ongoing != d.st.war_ongoing()) {
    RefreshRelations(d);
  }
  w.stance.resize(d.s.actors.size());
  for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
    w.stance[a] = rules::AggregateFactions(d.s, d.st, static_cast<ActorId>(a));
  }
  if (reindex) {
    // Spent forces leave the list (the others keep their order), so no rule looks at them again.
    std::erase_if(d.st.forces, [](const Force& f) { return f.strength <= 0; });
    IndexForces(d);
  } else {
    UpdateIndex(d);
  }
#ifdef BRINK_CHECK_INVARIANTS
  CheckIndex(d);
#endif
}

void CheckIndex(const Day& d) {
  // The index kept in place must be the one a rebuild from the forces gives, field by field.
  // The rebuild goes into a scratch workspace kept by the thread (no copy a day); it only
  // reads the state.
  thread_local Workspace rebuilt;
  Day fresh{d.s, const_cast<State&>(d.st), rebuilt, d.seed, d.run, nullptr};
  IndexForces(fresh);
  const Workspace& w = d.w;
  bool same = w.region_start == rebuilt.region_start && w.force_index == rebuilt.force_index &&
              w.present == rebuilt.present && w.occupied == rebuilt.occupied &&
              w.actor_firepower == rebuilt.actor_firepower;
  const std::size_t actors = d.s.actors.size();
  for (std::size_t r = 0; same && r < w.present.size(); ++r) {
    for (ActorId a : w.present[r]) {
      const std::size_t cell = r * actors + static_cast<std::size_t>(a);
      same = same && w.actor_strength[cell] == rebuilt.actor_strength[cell] &&
             w.actor_fire[cell] == rebuilt.actor_fire[cell] && w.actor_best[cell] == rebuilt.actor_best[cell];
    }
  }
  if (!same) {
    std::fprintf(stderr, "brink: internal error: the force index kept on day %d differs from a rebuild\n", d.st.day);
    std::abort();
  }
}

namespace {

// Engines are told apart by a serial, never by address (an address is reused).
std::atomic<uint64_t> next_engine_serial{1};
// State::cache_token values: unique across every engine and thread of the process.
std::atomic<uint64_t> next_state_token{1};

}  // namespace

namespace {

// The scenario as the engine runs it: finalized, so that edits made in code take effect and a
// scenario built by hand is checked (FinalizeScenario) before anything indexes it, and every
// actor's policy known.
Status Prepare(Scenario& scenario) {
  if (Status st = FinalizeScenario(scenario); !st.ok()) return st;
  for (const Actor& a : scenario.actors) {
    if (MakePolicy(a.policy) == nullptr) return Status::Error(fmt::format("actor '{}': no policy '{}'", a.id, a.policy));
  }
  return Status();
}

std::shared_ptr<const Scenario> Finalized(Scenario scenario) {
  if (Status st = Prepare(scenario); !st.ok()) {
    std::fprintf(stderr, "brink: Engine: the scenario is not valid (use Engine::Create for the error as a value): %s\n",
                 st.message().c_str());
    std::abort();
  }
  return std::make_shared<const Scenario>(std::move(scenario));
}

}  // namespace

Result<Engine> Engine::Create(Scenario scenario) {
  if (Status st = Prepare(scenario); !st.ok()) return st;
  return Engine(std::make_shared<const Scenario>(std::move(scenario)));
}

Engine::Engine(Scenario scenario) : Engine(Finalized(std::move(scenario))) {}

Engine::Engine(std::shared_ptr<const Scenario> scenario)
    : scenario_(std::move(scenario)), serial_(next_engine_serial.fetch_add(1)) {
  assert(scenario_ != nullptr);
  policies_.reserve(scenario_->actors.size());
  for (const Actor& a : scenario_->actors) {
    std::shared_ptr<const Policy> policy = MakePolicy(a.policy);
    assert(policy != nullptr);  // the loader accepts only known policies
    policies_.push_back(std::move(policy));
  }
}

void WorkspaceDeleter::operator()(Workspace* workspace) const { delete workspace; }
WorkspacePtr Engine::NewWorkspace() const { return WorkspacePtr(new Workspace()); }

void Engine::Bind(Workspace& w) const {
  if (w.engine_serial == serial_) return;
  w = Workspace();  // another engine's caches: nothing of them holds here
  w.engine_serial = serial_;
}

State Engine::Initial() const {
  const Scenario& s = *scenario_;
  State st;
  st.holder.reserve(s.regions.size());
  for (const Region& r : s.regions) st.holder.push_back(r.holder);
  // Room for garrisons split off during the run (movement.cc), so a run from here never
  // reallocates (a copied State keeps only its size; its first split may reallocate).
  st.forces.reserve(MaxForces(s));
  for (const ForceSpec& spec : s.forces) {
    if (spec.arrives_day > 0 && s.rules.timeline) continue;  // enters later (rules/timeline.cc)
    Force f;
    f.actor = spec.actor;
    f.region = spec.region;
    f.strength = static_cast<float>(spec.strength);
    st.forces.push_back(f);
  }
  st.actors.assign(s.actors.size(), ActorState{});
  st.inflicted.assign(s.actors.size() * s.actors.size(), 0.0f);
  st.underground.assign(s.actors.size(), 0.0f);
  for (const Faction& f : s.factions) st.influence.push_back(static_cast<float>(f.influence));
  for (const Exposure& e : s.exposures) st.exposure_troops.push_back(static_cast<float>(e.troops));
  st.tension.assign(s.blocs.size() * s.blocs.size(), 0.0f);
  // A crisis under way at the start: its tension (the rung follows) and its grievances.
  for (const StandingTension& t : s.tensions) {
    st.tension[static_cast<std::size_t>(t.a) * s.blocs.size() + static_cast<std::size_t>(t.b)] = static_cast<float>(t.value);
    st.tension[static_cast<std::size_t>(t.b) * s.blocs.size() + static_cast<std::size_t>(t.a)] = static_cast<float>(t.value);
    st.level = std::max(st.level, std::min(rules::RungFor(s, t.value), s.war_rung() - 1));
  }
  st.max_level = st.level;
  for (const StandingGrievance& g : s.grievances) {
    st.actors[static_cast<std::size_t>(g.actor)].grievance =
        Grievance{.against = g.against, .days_left = static_cast<int16_t>(std::min(g.days_left, 32767)), .strikes = 1,
                  .signalled = g.signalled, .harm = static_cast<float>(g.harm)};
  }
  st.contested_days.assign(s.blocs.size(), 0);
  st.battle_start_day.assign(s.regions.size(), -1);
  st.battle_last_day.assign(s.regions.size(), -1);
  st.restraint_days.assign(s.relations.size(), 0);
  Workspace w;
  st.corridor_open.resize(s.corridors.size());
  st.corridor_cut_days.assign(s.corridors.size(), 0);
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    st.corridor_open[c] = rules::CorridorOpen(s, st, static_cast<int>(c), w);
  }
  return st;
}

Turn Engine::Begin(State& st, Workspace& w, uint64_t seed, uint64_t run) const {
  Bind(w);
  // Yesterday's last index still serves if this workspace stepped these very contents (the
  // token says so) and no force has moved or been spent since (most days): only cells whose
  // troops changed are redone.
  bool index_current = st.cache_token != 0 && w.state_token == st.cache_token && !w.index_stale;
  st.cache_token = 0;  // from here on the state is changing
  w.state_token = 0;
  ++st.day;
  Day d{*scenario_, st, w, seed, run, nullptr};
  // The timeline's changes due today come first (a force that arrives is indexed at dawn);
  // their events wait in the workspace for Apply's log.
  w.dawn_events.clear();
  w.holders_changed = false;  // today's changes of hands, from the timeline on (ChangeHolder)
  d.log = &w.dawn_events;
  if (rules::ApplyTimeline(d)) index_current = false;
  d.log = nullptr;
  Dawn(d, !index_current);
  PrepareTurn(d);
  return Turn(*scenario_, st, w, seed, run);
}

JointAction Engine::Decide(const Turn& turn) const {
  JointAction joint;
  DecideInto(turn, joint);
  return joint;
}

void Engine::DecideInto(const Turn& turn, JointAction& joint) const {
  joint.resize(scenario_->actors.size());
  for (std::size_t a = 0; a < joint.size(); ++a) {
    joint[a] = policies_[a]->Choose(turn, static_cast<ActorId>(a));
  }
}

Status Engine::Apply(Turn& turn, const JointAction& joint, EventLog* log) const {
  const Scenario& s = *scenario_;
  if (turn.s_ != scenario_.get()) return Status::Error("the turn was begun by another engine");
  if (joint.size() != s.actors.size()) {
    return Status::Error(fmt::format("a joint action needs one action per actor ({}), not {}",
                                     s.actors.size(), joint.size()));
  }
  for (std::size_t a = 0; a < joint.size(); ++a) {
    if (!turn.IsLegal(static_cast<ActorId>(a), joint[a])) {
      return Status::Error(fmt::format("actor '{}' cannot {} on day {}", s.actors[a].id,
                                       ActionName(joint[a]), turn.day()));
    }
  }
  State& st = *turn.st_;
  Workspace& w = *turn.w_;
  for (std::size_t a = 0; a < joint.size(); ++a) {
    st.actors[a].previous = st.actors[a].action;
    st.actors[a].action = joint[a];
  }
  Day d{s, st, w, turn.seed_, turn.run_, log};
  if (log) log->insert(log->end(), w.dawn_events.begin(), w.dawn_events.end());
  rules::ApplyProxyReliability(d);
  if (rules::Withdrawals(d)) IndexForces(d);
  rules::Move(d);
  // Broken forces fell back. Forces killed today may stay listed until dawn: every rule after
  // combat skips forces without troops.
  rules::Combat(d);
  rules::DeliberateStrikes(d);
  rules::AirCampaign(d);
  rules::Incidents(d);
  rules::Retaliation(d);
  rules::Protection(d);
  rules::Feuds(d);
  rules::Insurgency(d);
  rules::Control(d);
  rules::Factions(d);
  rules::Ceasefire(d);
  rules::LadderDecay(d);
  st.cache_token = next_state_token.fetch_add(1, std::memory_order_relaxed);
  w.state_token = st.cache_token;
  return Status();
}

void Engine::Step(State& st, Workspace& w, uint64_t seed, uint64_t run, EventLog* log) const {
  Turn turn = Begin(st, w, seed, run);
  DecideInto(turn, w.joint);  // the workspace's buffer: no allocation a day
  // The shipped policies choose among the legal actions, so a refusal is a bug in the engine
  // or a policy: it stops every build with its message, rather than skipping the day in Release.
  if (Status applied = Apply(turn, w.joint, log); !applied.ok()) {
    std::fprintf(stderr, "brink: internal error: day %d of run %llu: %s\n", st.day,
                 static_cast<unsigned long long>(run), applied.message().c_str());
    std::abort();
  }
}

State Engine::Run(uint64_t seed, uint64_t run, int days, EventLog* log) const {
  Workspace w;
  return Run(seed, run, days, log, w);
}

State Engine::Run(uint64_t seed, uint64_t run, int days, EventLog* log, Workspace& w) const {
  State st = Initial();
  int horizon = days > 0 ? days : scenario_->horizon_days;
  while (st.day < horizon) Step(st, w, seed, run, log);
  return st;
}

BlocId HolderBloc(const Scenario& s, const State& st, RegionId region) {
  ActorId holder = st.holder[region];
  return holder == kNone ? kNone : s.actors[holder].bloc;
}


}  // namespace brink
