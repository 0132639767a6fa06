// brink as a game, in the spirit of OpenSpiel's Game/State pair: the Scenario is the game (an
// immutable description), the State is a position (it copies with one assignment), and each day
// is one simultaneous move. Engine::Begin opens the day and returns a Turn, which says what
// each actor may do (its legal actions, typed by kind and object) and how the doctrine scores
// each; Engine::Apply takes one joint action (every actor's choice) and plays out the day's
// rules. Engine::Step is "ask each actor's policy, then apply" (include/brink/policy.h).
//
// Each actor's utility of a position, by its own objectives, is ActorUtility below: what a
// search policy maximises and what an analyst reads as "who is ahead".
#ifndef BRINK_GAME_H_
#define BRINK_GAME_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "brink/scenario.h"
#include "brink/state.h"

namespace brink {

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
// reading of its objectives (docs/model.md, Decisions); illegal actions are marked.
struct ActionScores {
  std::array<double, static_cast<int>(Action::kCount)> utility{};
  std::array<bool, static_cast<int>(Action::kCount)> legal{};
};

// One actor's choice for each actor, indexed by ActorId.
using JointAction = std::vector<Action>;

// A day's decision point: the state after dawn (the day counted, forces indexed, stances and
// contacts known), before any actor acts. Valid until the Engine::Apply that closes the day;
// it refers to the State and Workspace given to Engine::Begin.
class Turn {
 public:
  const Scenario& scenario() const;
  const State& state() const;
  // The day being played (State::day, already counted).
  int day() const;
  // The actor's legal actions today, in Action order; holding is always among them.
  std::span<const LegalAction> Legal(ActorId actor) const;
  bool IsLegal(ActorId actor, Action kind) const;
  // The doctrine's scores of the actor's actions today (legal ones only are set).
  ActionScores Scores(ActorId actor) const;
  // The actor's uniform draw in [0, 1) for today's decision, from the run's decision stream:
  // the randomness a policy may use, so a run stays reproducible.
  double Draw(ActorId actor) const;

 private:
  friend class Engine;
  Turn(const Scenario& s, State& st, Workspace& w, uint64_t seed, uint64_t run)
      : s_(&s), st_(&st), w_(&w), seed_(seed), run_(run) {}
  const Scenario* s_;
  State* st_;
  Workspace* w_;
  uint64_t seed_, run_;
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
