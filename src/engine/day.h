// One day's working context, shared by the rules: the scenario, the state, the scratch space,
// the random streams and the event sink. Internal to the engine.
#ifndef BRINK_ENGINE_DAY_H_
#define BRINK_ENGINE_DAY_H_

#include <algorithm>
#include <type_traits>
#include <utility>
#include <vector>

#include "brink/actor_set.h"
#include "brink/engine.h"
#include "brink/event.h"
#include "brink/game.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "engine/force_index.h"
#include "engine/random.h"

namespace brink {

// An actor's effective (influence-weighted) aggression, war aversion and belief in its rivals'
// ability to hit back (rules/factions.cc).
struct Stance {
  double aggression, war_aversion, retaliation_belief;
};

// Combat (rules/combat.cc): a region where hostile forces fight today, and one force's share.
struct Battle {
  RegionId region;
  float casualties;  // all sides, today
};
struct Hit {
  int force;
  ActorId by;       // the enemy aiming the most fire at it
  float losses;
  int battle;       // index into Workspace::battles
  bool breaks;      // outgunned: falls back
};

// A rival force an actor could strike, and why (rules/strikes.cc, StrikeCandidates).
struct StrikeCandidate {
  RegionId region;
  ActorId striker, rival;
  uint8_t weight;  // the cause's rank in the choice
  Cause why;
};

// What an actor's strike candidates follow from besides the scenario (PrepareTurn keeps the
// list while they stand): who is present where, the relations, how many lines are agreed,
// each actor's grievance (against whom, while it lasts), the holders, and where forces march.
struct StrikeInputs {
  uint64_t presence_version = ~uint64_t{0};
  uint64_t relations_version = ~uint64_t{0};
  int lines_agreed = -1;
  ActorId grieved_at[Limits::kMaxActors] = {};
  std::vector<ActorId> holder;
  std::vector<ActorSet> heading;
};

// What the regions someone could take follow from (rules/control.cc) besides the holders.
struct CaptureKey {
  uint64_t presence_version = ~uint64_t{0};
  BlocId war_a = kNone, war_b = kNone;
  int relation_phase = -1;
  bool war_ongoing = false;
  bool operator==(const CaptureKey&) const = default;
};

struct Workspace {
  // Who is where (engine/force_index.h): rules read it, and change forces only by its verbs.
  ForceIndex index;
  bool control_changed_at_dawn = true;  // ground changed hands (or war began) since yesterday's decisions
  bool holders_changed = false;         // a region changed hands today, for any cause (ChangeHolder)
  std::vector<int> contested_held;     // per bloc: contested regions held (Control; empty: count again)
  // Regions where a force could take ground (Control), and what the list is for.
  std::vector<RegionId> capture_regions;
  CaptureKey capture_key;
  std::vector<ActorId> capture_holder;
  std::vector<uint8_t> in_contact;    // per actor, at dawn: a force touches a rival
  std::vector<ActorSet> hostile;      // per actor: actors hostile to it today
  std::vector<ActorSet> rivals;       // per actor: actors in a standoff with it today
  std::vector<ActorSet> rival_to;     // per actor b: the actors a with b among rivals[a]
  std::vector<Battle> battles;        // today's, by region
  // Regions where forces hostile to each other stand (Combat), and the presence and relations
  // versions the list is for.
  std::vector<RegionId> fighting;
  uint64_t fighting_presence = ~uint64_t{0}, fighting_relations = ~uint64_t{0};
  std::vector<Hit> hits;              // today's combat losses and breaks, per force under fire
  std::vector<RegionId> queue;        // corridor search, detours
  std::vector<RegionId> first_step;   // detours
  std::vector<uint8_t> seen;
  std::vector<float> hawk_pressure;   // per actor, today: + humiliation or success, - fear
  std::vector<Stance> stance;         // per actor, today (influence moves only at day's end)
  std::vector<float> stance_influence;  // the factions' influence `stance` was worked out from
  std::vector<int> strike_target;     // per actor, at dawn: the force it would strike, or -1
  std::vector<Cause> strike_cause;    // per actor, at dawn: why it would strike that force
  std::vector<ActorSet> heading;      // per region, at dawn: actors with a force marching there
  // At dawn: the rival forces each striker has a cause to strike (StrikeCandidates), the
  // inputs they were listed from, and scratch for StrikeTargets.
  std::vector<StrikeCandidate> strike_candidates;
  StrikeInputs strike_inputs;
  std::vector<StrikeCandidate> candidates_scratch;
  std::vector<float> committed;       // actors x regions, during Move: troops bound there (rules.task_split)
  // Today's fire on actors that others defend from the air (rules/protection.cc): who fired
  // on whom, and where.
  struct Fire {
    ActorId shooter, victim;
    RegionId region;
  };
  std::vector<Fire> fire_on_defended;
  // Per region, the siege length drawn for its battle (rules/combat.cc, SiegeDays) and the
  // battle it was drawn for: the run (seed, run) and the battle's first day.
  struct SiegeLength {
    uint64_t seed = 0, run = 0;
    int start_day = -1;
    double days = 0;
  };
  std::vector<SiegeLength> siege_length;
  // WillToHold by holder (rules/combat.cc), for the holders in `will_holders`: it follows from
  // who holds what alone, so it is worked out again only when a region has changed hands (bit
  // for bit) since; NaN where not yet worked out for those holders.
  std::vector<ActorId> will_holders;
  std::vector<double> will_to_hold;
  int level_at_dawn = 0;
  // Engine::Step keeps the index overnight for the state it stepped; what follows from
  // presence and relations alone is kept while they stand (ForceIndex::presence_version).
  uint64_t relations_version = 0;  // bumped whenever the relations are worked out again
  // The presence and relations versions in_contact is for.
  uint64_t contact_presence = ~uint64_t{0}, contact_relations = ~uint64_t{0};
  std::vector<std::pair<int, RegionId>> moves;  // movement today: (force, the region it
                                                // left), or (force, kNone): a new garrison
  // What this workspace's caches are for. `engine_serial`: the engine that owns them
  // (Engine::Bind clears everything when another engine's run begins). `state_token`: the
  // State::cache_token of the state it last stepped; the index is kept overnight only for a
  // state carrying that token (a copy of it, or itself), never for one met by address.
  uint64_t engine_serial = 0;
  uint64_t state_token = 0;
  // Relations (hostile, rivals) are for the war as it stood when they were computed;
  // they change only when war starts.
  bool relations_valid = false;
  BlocId relations_war_a = kNone, relations_war_b = kNone;
  int relations_phase = 0;
  bool relations_war_ongoing = false;
  // Today's turn (include/brink/game.h): each actor's legal actions, the one for actor a at
  // legal[legal_start[a] .. legal_start[a + 1]), and its decision draw.
  std::vector<LegalAction> legal;
  std::vector<int> legal_start;
  std::vector<double> decision_draw;
  std::vector<double> rival_tension;  // per actor, at dawn: RivalTension
  JointAction joint;                  // today's choices (Engine::Step)
  // The open turn (include/brink/game.h): its stamp (0: none open) and state; the state
  // carries the same stamp in State::cache_token while the turn is open.
  uint64_t turn_stamp = 0;
  const State* turn_state = nullptr;
  State before;                       // the turn's state as it was before Begin
  bool planning = false;              // set by Engine::Fork: turns begun here are look-aheads'
  std::vector<Deliberation>* deliberations = nullptr;  // Engine::RecordDeliberations
  EventLog dawn_events;               // today's timeline events (Begin), for Apply's log
};

struct Day {
  const Scenario& s;
  State& st;
  Workspace& w;
  uint64_t seed;
  uint64_t run;
  EventLog* log;

  Rng rng(Stream stream) const { return Rng(seed, run, stream, st.day); }
  // Records an event: tallies it, scores it at the current rung, logs it when asked.
  void Emit(Event event);
  std::size_t blocs() const { return s.blocs.size(); }
};

// Relations as they stand today (a rivalry becomes hostility once its blocs are at war).
// Inline: they sit in the innermost loops of every rule.
inline bool AtWarBetween(const Scenario& s, const State& st, ActorId a, ActorId b) {
  if (!st.war_ongoing()) return false;
  BlocId x = s.actors[a].bloc, y = s.actors[b].bloc;
  return (x == st.war_a && y == st.war_b) || (x == st.war_b && y == st.war_a);
}
inline bool Hostile(const Scenario& s, const State& st, ActorId a, ActorId b) {
  RelationKind kind = s.relation(a, b, st.relation_phase);
  return kind == RelationKind::kHostility ||
         (kind == RelationKind::kRivalry && AtWarBetween(s, st, a, b));
}
inline bool Rivals(const Scenario& s, const State& st, ActorId a, ActorId b) {
  return s.relation(a, b, st.relation_phase) == RelationKind::kRivalry && !AtWarBetween(s, st, a, b);
}
inline bool IsProxy(const Scenario& s, ActorId a) { return s.patron(a) != kNone; }
// Firepower of a force: troops x effectiveness x air support x morale x proxy cohesion
// (Scenario::fire_factor; docs/model.md, Combat).
inline float Firepower(const Scenario& s, const Force& force) {
  return force.strength * s.tables().fire_factor[static_cast<std::size_t>(force.actor)];
}
// Sets `v` to `n` copies of `value`, as std::vector::assign does, with a fill the compiler
// inlines (assign takes a generic out-of-line path): for the scratch the rules reset daily.
template <typename T>
void Fill(std::vector<T>& v, std::size_t n, const std::type_identity_t<T>& value) {
  v.resize(n);
  std::fill(v.begin(), v.end(), value);
}
// The force index's verbs (engine/force_index.cc): the only ways a rule changes forces.
// Removes troops from a force and counts them as the actor's casualties, inflicted by `by`.
// Returns troops lost.
float Inflict(Day& d, int force, double troops, ActorId by);
// Removes troops from a force alive, underground (not casualties: Insurgency). Returns them.
float Disperse(Day& d, int force, double troops);
// Splits `troops` (> 0, fewer than it has) off force `force` as a new force in its region with
// no goal, appended to the state's forces (the caller tells the index with Appended once the
// day's marches are done). Returns the new force's index.
int SplitGarrison(Day& d, int force, float troops);
// Force `other` joins force `keep` (same actor, same region): its troops move over, it is spent.
void MergeForces(Day& d, int keep, int other);
// Prepares a day before its rules: no hawk pressure yet, the ladder as it stood at dawn, today's
// relations and stances, the forces indexed by region.
// `reindex` false keeps the index, bringing touched cells up to date (Engine::Step, when no
// force moved or was spent since).
void Dawn(Day& d, bool reindex = true);
// After Dawn, what the day's decisions read: each actor's open share and goals (when ground
// changed), its contact with rivals and its strike target, its legal actions and its draw.
void PrepareTurn(Day& d);
// The highest tension between the actor's bloc and another bloc it is not at war with.
double RivalTension(const Day& d, ActorId actor);
// Rebuilds the forces-by-region index: per region and actor, strength, firepower and the
// strongest force; the actors present in each region.
void IndexForces(Day& d);
// Aborts with a message unless the index equals a rebuild from the forces (its invariants).
// Dawn calls it in builds with BRINK_CHECK_INVARIANTS (Debug and sanitizer builds).
void CheckIndex(const Day& d);
// In those builds, each list a rule keeps from day to day (strike candidates, regions at war,
// regions open to capture) is compared with a fresh one every day: unless `same`, this aborts
// naming `what` was kept wrongly.
void CheckKept(const Day& d, bool same, const char* what);
// A list of regions a rule keeps from day to day: listed again by `list(d, regions)` unless
// `current` (what it follows from has not changed since it was listed), and in the checking
// builds compared with a fresh listing every day. Returns the list.
template <typename Lister>
const std::vector<RegionId>& KeptRegions(const Day& d, std::vector<RegionId>& regions, bool current, Lister list,
                                         const char* what) {
  if (!current) list(d, regions);
#ifdef BRINK_CHECK_INVARIANTS
  std::vector<RegionId> fresh;
  list(d, fresh);
  CheckKept(d, fresh == regions, what);
#else
  (void)what;
#endif
  return regions;
}
// Brings the index up to date: rebuilt when forces were spent (or merged), otherwise only the
// touched cells are summed again (the same sums, in the same order, as a rebuild). Each
// actor's theatre firepower waits for UpdateFirepower.
void UpdateIndex(Day& d);
// Sums again the theatre firepower of the actors whose troops changed since it was last
// summed (Dawn, after UpdateIndex: only the day's decisions read it).
void UpdateFirepower(Day& d);
// Tells the index that force `force` moved from region `from` to its present region: its
// entry changes lists now, its cells are touched (UpdateIndex finishes the job).
void Relocate(Day& d, int force, RegionId from);
// Tells the index that force `force` was just appended (a garrison split off).
void Appended(Day& d, int force);
// The neighbour held by the force's own bloc nearest its region (where a broken or
// withdrawing force falls back), or kNone.
RegionId NearestFriendlyNeighbour(const Day& d, const Force& f);
// Where a broken force falls back: for an actor that concentrates (Actor::concentrates, with
// rules.concentration), the friendly neighbour nearest by road to the region its actor holds
// with the most of its troops; otherwise NearestFriendlyNeighbour.
RegionId FallBackRegion(const Day& d, const Force& f);
// Forces a run may hold: the scenario's plus garrisons split off on the march.
inline std::size_t MaxForces(const Scenario& s) { return 2 * s.forces.size() + 32; }
// Recomputes who is hostile to whom and who is in a standoff (when a run starts, and when war
// starts).
void RefreshRelations(Day& d);
// Per region, the actors with a force there or across a short edge (contact), as of the
// index; computed on first use (inline: the rules' innermost loops ask it, mostly valid).
void ComputeNearMasks(const Day& d);
inline const std::vector<ActorSet>& NearMasks(const Day& d) {
  if (!d.w.index.near_valid()) ComputeNearMasks(d);
  return d.w.index.near();
}
// Per region, the actors with a force there or in a neighbouring region, likewise.
void ComputeReachMasks(const Day& d);
inline const std::vector<ActorSet>& ReachMasks(const Day& d) {
  if (!d.w.index.reach_valid()) ComputeReachMasks(d);
  return d.w.index.reach();
}
// The first force of `actor` in `region` that still has troops, or -1.
int ForceOf(const Day& d, ActorId actor, RegionId region);

}  // namespace brink

#endif  // BRINK_ENGINE_DAY_H_
