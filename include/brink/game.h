// brink as a game, in the spirit of OpenSpiel's Game/State pair: the Scenario is the game (an
// immutable description), the State is a position (it copies with one assignment), and each day
// is one simultaneous move. Engine::Begin opens the day and returns a Turn, which says what
// each actor may do (its legal actions, typed by kind and object); Engine::Apply takes one
// joint action (every actor's choice) and plays out the day's rules. Engine::Step is "ask each
// actor's policy, then apply" (include/brink/policy.h). Engine::Child plays a turn's day with a
// joint action into another state, leaving the turn open: the child step a look-ahead needs.
//
// Each actor's utility of a position, by its own objectives, is ActorUtility below: what a
// search policy maximises and what an analyst reads as "who is ahead".
#ifndef BRINK_GAME_H_
#define BRINK_GAME_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "brink/scenario.h"
#include "brink/state.h"

namespace brink {

class Engine;
struct Day;
struct Workspace;

// One thing an actor may do today: the kind of action and its object.
struct LegalAction {
  Action kind = Action::kHold;
  // kStrike: the force it would hit (an index into State::forces; the strongest rival force
  // in reach). kRestrain: a feud relation of its proxies (an index into Scenario::relations),
  // the last in file order not restrained yet; restraint covers every such feud.
  // Otherwise -1: advance, hold and withdraw concern all its forces, de-escalation every rival.
  int target = -1;
};

// Expected utility of each action for an actor today, by the doctrine's one-step-ahead
// reading of its objectives (docs/model.md, Decisions; DoctrineScores in brink/policy.h);
// illegal actions are marked.
struct ActionScores {
  std::array<double, static_cast<int>(Action::kCount)> utility{};
  std::array<bool, static_cast<int>(Action::kCount)> legal{};
};

// One actor's choice for each actor, indexed by ActorId.
using JointAction = std::vector<Action>;

// A policy's account of one choice: the alternatives it weighed, each with its estimated value
// (the change in the actor's utility, ActorUtility, over the look-ahead), that estimate's
// uncertainty (a standard error) and how often it was tried. A planning policy (search) records
// one at each decision it searched, when the run asks for them (Engine::RecordDeliberations).
struct Deliberation {
  struct Alternative {
    LegalAction action;
    // A strike's object, named (the force index means nothing once the day has passed).
    ActorId target_actor = kNone;
    RegionId target_region = kNone;
    double value = 0;
    double uncertainty = 0;
    int visits = 0;
  };
  int day = 0;
  ActorId actor = kNone;
  Action chosen = Action::kHold;
  // What the actor's doctrine chose today (with the same draw): a planning policy's baseline.
  Action baseline = Action::kHold;
  std::string policy;     // the policy's name
  int simulations = 0;    // the budget spent
  int horizon_days = 0;   // how far ahead it looked
  int course_days = 0;    // > 0: each first action was held as a course this many days
  std::vector<Alternative> alternatives;  // in Action order
};

// What an actor faces at dawn (Turn::Facing): the facts a policy reads to tell a day that asks
// for deliberation from a quiet one (the search policy's decision points, docs/model.md,
// Search).
struct Situation {
  // A force of its touches a rival's: in the same region, across a short edge, or inside a
  // rival's zone (a principal may then withdraw).
  bool in_contact = false;
  // A rival force within its reach that it could strike (its strike target), and the cause it
  // would name (kNone when the scenario asks for no cause, rules.strike_causes off).
  bool rival_in_reach = false;
  Cause strike_cause = Cause::kNone;
  // It holds a live grievance: fire received, not yet answered or lapsed.
  bool fire_received = false;
  // Ground it wants, closed to it by an agreed line or a rival's zone, where one of its forces
  // stands or next door: a line it could cross today.
  bool line_in_reach = false;
  // Tension with a rival bloc it is not at war with has reached the third rung.
  bool crisis = false;
};

// A day's decision point: the state after dawn (the day counted, forces indexed, stances and
// contacts known), before any actor acts. It refers to the State and Workspace given to
// Engine::Begin and is stamped with both: it stays valid until the Engine::Apply that closes
// the day, or until anything else begins a day in that workspace or changes that state
// (another Begin, a Step, State::Touch). A turn no longer valid is refused by Apply with a clear
// Status; its Legal() is then empty and its Draw() 0, so nothing reads another state's data.
// (The State and Workspace must outlive the Turn: a Turn cannot tell that memory was freed.)
class Turn {
 public:
  const Engine& engine() const;
  const Scenario& scenario() const;
  const State& state() const;
  // The state as it was before Begin opened this day (a copy kept in the workspace): where a
  // policy that replays the day from scratch starts.
  const State& before() const;
  // The day being played (State::day, already counted).
  int day() const;
  // False once the day was applied, or the workspace or state was used for anything else.
  bool valid() const;
  // True for a turn begun in a planning workspace (one that a child step or Fork used): a
  // policy that looks ahead should not look ahead again inside another's look-ahead.
  bool planning() const;
  // The actor's legal actions today, in Action order; holding is always among them.
  std::span<const LegalAction> Legal(ActorId actor) const;
  bool IsLegal(ActorId actor, Action kind) const;
  // What the actor faces today (all false on a turn no longer valid).
  Situation Facing(ActorId actor) const;
  // The actor's uniform draw in [0, 1) for today's decision, from the run's decision stream:
  // the randomness a policy may use, so a run stays reproducible.
  double Draw(ActorId actor) const;
  // The actor's own random stream for today: a 64-bit key drawn from (seed, run, day, actor)
  // on a stream no rule uses. A policy that samples (a look-ahead's simulations) seeds them
  // with it, so its draws are reproducible and touch nobody else's.
  uint64_t PolicyKey(ActorId actor) const;
  // Keeps a policy's account of its choice today, when the run asked for them
  // (Engine::RecordDeliberations) and this is not a look-ahead's turn; otherwise does nothing.
  void Record(Deliberation deliberation) const;
  bool recording() const;
  // The randomness the day's rules use: (seed, run) of Engine::Begin.
  uint64_t seed() const { return seed_; }
  uint64_t run() const { return run_; }

 private:
  friend class Engine;
  friend struct TurnAccess;  // the engine's own code (engine/turn_access.h)
  Turn(const Engine& e, const Scenario& s, State& st, Workspace& w, uint64_t seed, uint64_t run,
       uint64_t stamp)
      : e_(&e), s_(&s), st_(&st), w_(&w), seed_(seed), run_(run), stamp_(stamp) {}
  const Engine* e_;
  const Scenario* s_;
  State* st_;
  Workspace* w_;
  uint64_t seed_, run_;
  uint64_t stamp_;  // unique per Begin; the workspace and state carry it while the turn is open
};

// The actor's utility of a position by its own objectives, in the doctrine's units
// (docs/model.md, "Utility"):
//   territory_weight x value of the regions it holds
//   + weight of each hold objective whose regions its bloc holds (the share held)
//   + weight of each corridor objective met (cut or connected as it wants)
//   + weight of each destroy objective x the share of the target's troops lost
//   - casualty_aversion x casualty_cost_per_1000 x its casualties / 1000
//   - war_aversion x war_cost when its bloc is at war.
double ActorUtility(const Scenario& s, const State& st, ActorId actor);

}  // namespace brink

#endif  // BRINK_GAME_H_
