// The daily schedule. Each rule lives in src/rules/, one dynamic per file.
#include "brink/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <atomic>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "brink/policy.h"
#include "engine/day.h"
#include "engine/random.h"
#include "rules/rules.h"

namespace brink {

void RefreshRelations(Day& d) {
  const std::size_t actors = d.s.actors.size();
  Workspace& w = d.w;
  w.hostile.assign(actors, ActorSet());
  w.rivals.assign(actors, ActorSet());
  w.rival_to.assign(actors, ActorSet());
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t b = 0; b < actors; ++b) {
      const ActorId x = static_cast<ActorId>(a), y = static_cast<ActorId>(b);
      if (Hostile(d.s, d.st, x, y)) w.hostile[a].insert(y);
      if (Rivals(d.s, d.st, x, y)) {
        w.rivals[a].insert(y);
        w.rival_to[b].insert(x);
      }
    }
  }
  ++w.relations_version;
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

namespace {
// Concentration (docs/model.md, "Insurgent resilience"): the region its actor holds, other than
// `from`, where its own troops are strongest (ties: the lowest index), or kNone.
RegionId StrongestPocket(const Day& d, ActorId actor, RegionId from) {
  RegionId best = kNone;
  float most = 0;
  for (std::size_t r = 0; r < d.s.regions.size(); ++r) {
    if (static_cast<RegionId>(r) == from || d.st.holder[r] != actor) continue;
    const float troops = d.w.index.strength(static_cast<RegionId>(r), actor);  // as at the day's last indexing
    if (troops > most) {
      best = static_cast<RegionId>(r);
      most = troops;
    }
  }
  return best;
}
}  // namespace

RegionId FallBackRegion(const Day& d, const Force& f) {
  const Actor& actor = d.s.actors[static_cast<std::size_t>(f.actor)];
  if (!d.s.rules.concentration || !actor.concentrates) return NearestFriendlyNeighbour(d, f);
  const RegionId pocket = StrongestPocket(d, f.actor, f.region);
  if (pocket == kNone) return NearestFriendlyNeighbour(d, f);
  // The friendly neighbour nearest the pocket by road (the pocket itself when next door).
  RegionId best = kNone;
  float best_km = 0;
  for (auto [next, km] : d.s.tables().adjacency[f.region]) {
    const ActorId h = d.st.holder[next];
    if (h == kNone || d.s.actors[h].bloc != actor.bloc || !d.s.MayStand(f.actor, next)) continue;
    const float to_pocket = next == pocket ? 0.0f : static_cast<float>(d.s.distance(next, pocket));
    if (best == kNone || to_pocket < best_km) {
      best = next;
      best_km = to_pocket;
    }
  }
  return best;
}

int ForceOf(const Day& d, ActorId actor, RegionId region) {
  for (int f : d.w.index.forces_in(region)) {
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

void Dawn(Day& d, bool reindex) {
  Workspace& w = d.w;
  w.level_at_dawn = d.st.level;
  Fill(w.hawk_pressure, d.s.actors.size(), 0.0f);
  w.fire_on_defended.clear();
  if (!w.relations_valid || w.relations_war_a != d.st.war_a || w.relations_war_b != d.st.war_b ||
      w.relations_phase != d.st.relation_phase || w.relations_war_ongoing != d.st.war_ongoing()) {
    RefreshRelations(d);
  }
  // The stances follow from the factions' influence alone: worked out again only when it
  // changed (bit for bit) since they were last worked out in this workspace.
  if (w.stance.size() != d.s.actors.size() || w.stance_influence.size() != d.st.influence.size() ||
      (!d.st.influence.empty() &&  // memcmp must not see the null data of an empty vector
       std::memcmp(w.stance_influence.data(), d.st.influence.data(), d.st.influence.size() * sizeof(float)) != 0)) {
    w.stance.resize(d.s.actors.size());
    for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
      w.stance[a] = rules::AggregateFactions(d.s, d.st, static_cast<ActorId>(a));
    }
    w.stance_influence = d.st.influence;
  }
  if (reindex) {
    // Spent forces leave the list (the others keep their order), so no rule looks at them again.
    std::erase_if(d.st.forces, [](const Force& f) { return f.strength <= 0; });
    IndexForces(d);
  } else {
    UpdateIndex(d);
  }
  UpdateFirepower(d);
#ifdef BRINK_CHECK_INVARIANTS
  CheckIndex(d);
#endif
}

namespace {

// Engines are told apart by a serial, never by address (an address is reused).
std::atomic<uint64_t> next_engine_serial{1};
// State::cache_token values and turn stamps: unique across every engine and thread of the
// process.
std::atomic<uint64_t> next_state_token{1};

}  // namespace

namespace {

// The scenario as the engine runs it: finalized, so that edits made in code take effect and a
// scenario built by hand is checked (FinalizeScenario) before anything indexes it, and every
// actor's policy known (the loader keeps policy names unresolved: they are resolved here).
Status Prepare(Scenario& scenario) {
  if (Status st = FinalizeScenario(scenario); !st.ok()) return st;
  return CheckPolicies(scenario);
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
    if (policy == nullptr) {  // a loaded scenario's name not checked (CheckPolicies) before
      std::fprintf(stderr, "brink: Engine: %s (use Engine::Create for the error as a value)\n",
                   CheckPolicies(*scenario_).message().c_str());
      std::abort();
    }
    policies_.push_back(std::move(policy));
  }
  // A shipped name cannot be registered again (RegisterPolicy), so these are brink's own.
  policies_read_before_ = std::any_of(policies_.begin(), policies_.end(), [](const std::shared_ptr<const Policy>& p) {
    return p->name() != "doctrine" && p->name() != "hold";
  });
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
  for (std::size_t a = 0; a < s.actors.size(); ++a) st.underground[a] = static_cast<float>(s.actors[a].underground);
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
  for (const StandingTension& t : s.tensions) st.max_level = std::max(st.max_level, t.reached);
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
  return Open(st, w, seed, run, true);
}

Turn Engine::Open(State& st, Workspace& w, uint64_t seed, uint64_t run, bool keep_before) const {
  Bind(w);
  // Yesterday's last index still serves if this workspace stepped these very contents (the
  // token says so) and no force has moved or been spent since (most days): only cells whose
  // troops changed are redone.
  const bool same_state = st.cache_token.value != 0 && w.state_token == st.cache_token.value;
  bool index_current = same_state && !w.index.stale();
  // What Control counted for another state does not hold for this one.
  if (!same_state) w.contested_held.clear();
  // A copy of the whole state a day: made only for a turn whose policies may read it.
  if (keep_before) w.before = st;
  // From here on the state is changing: it and the workspace carry the open turn's stamp (a
  // value no state token takes, so the index is never kept for it).
  const uint64_t stamp = next_state_token.fetch_add(1, std::memory_order_relaxed);
  st.cache_token.value = stamp;
  w.state_token = 0;
  w.turn_stamp = stamp;
  w.turn_state = &st;
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
  return Turn(*this, *scenario_, st, w, seed, run, stamp);
}

Result<Turn> Engine::Fork(const Turn& turn, State& copy, Workspace& scratch) const {
  return Fork(turn, copy, scratch, turn.seed_, turn.run_);
}

Result<Turn> Engine::Fork(const Turn& turn, State& copy, Workspace& scratch, uint64_t seed, uint64_t run) const {
  if (turn.e_ != this) return Status::Error("the turn was begun by another engine");
  if (!turn.valid()) return Status::Error("the turn to fork is no longer open (applied, or its workspace or state used since)");
  if (&scratch == turn.w_) return Status::Error("a fork needs a workspace of its own, not the turn's");
  if (&copy == turn.st_) return Status::Error("a fork needs a state of its own, not the turn's");
  copy = *turn.st_;
  scratch = *turn.w_;  // the dawn's index, contacts and legal actions, with no re-indexing
  scratch.planning = true;
  scratch.deliberations = nullptr;
  const uint64_t stamp = next_state_token.fetch_add(1, std::memory_order_relaxed);
  copy.cache_token.value = stamp;
  scratch.turn_stamp = stamp;
  scratch.turn_state = &copy;
  if (seed != turn.seed_ || run != turn.run_) {
    // A sampled day: the actors' decision draws too, as PrepareTurn draws them.
    Rng rng(seed, run, Stream::kDecision, copy.day);
    for (double& u : scratch.decision_draw) u = rng.Uniform();
  }
  return Turn(*this, *scenario_, copy, scratch, seed, run, stamp);
}

Status Engine::Child(const Turn& turn, const JointAction& joint, State& child, Workspace& scratch, EventLog* log) const {
  Result<Turn> fork = Fork(turn, child, scratch);
  if (!fork.ok()) return Status::Error(fork.message());
  return Apply(fork.value(), joint, log);
}

void Engine::RecordDeliberations(Workspace& workspace, std::vector<Deliberation>* sink) const {
  Bind(workspace);
  workspace.deliberations = sink;
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
  if (turn.e_ != this) return Status::Error("the turn was begun by another engine");
  if (!turn.valid()) {
    return Status::Error(
        "the turn is no longer open: it was applied already, or its workspace began another day "
        "(another Begin or Step) or its state was changed (State::Touch) since Begin");
  }
  if (joint.size() != s.actors.size()) {
    return Status::Error(fmt::format("a joint action needs one action per actor ({}), not {}",
                                     s.actors.size(), joint.size()));
  }
  // Turn::IsLegal without asking again whether the turn is open (it is, just checked).
  const Workspace& open = *turn.w_;
  auto legal = [&open](std::size_t a, Action kind) {
    for (int k = open.legal_start[a]; k < open.legal_start[a + 1]; ++k) {
      if (open.legal[static_cast<std::size_t>(k)].kind == kind) return true;
    }
    return false;
  };
  for (std::size_t a = 0; a < joint.size(); ++a) {
    if (!legal(a, joint[a])) {
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
  st.cache_token.value = next_state_token.fetch_add(1, std::memory_order_relaxed);
  w.state_token = st.cache_token.value;
  w.turn_stamp = 0;  // the turn is closed
  w.turn_state = nullptr;
  return Status();
}

void Engine::Step(State& st, Workspace& w, uint64_t seed, uint64_t run, EventLog* log) const {
  Turn turn = Open(st, w, seed, run, policies_read_before_);
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
