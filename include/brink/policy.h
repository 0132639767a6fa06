// Decision policies. Each day Engine::Step asks every actor's policy for one of its legal
// actions (include/brink/game.h) and then applies the joint action. A policy sees only the
// public Turn; it is chosen per actor by the scenario's `policy` key, and from the command line
// by `--policy ACTOR=NAME`. The policies brink ships:
//   doctrine  score every legal action by the actor's faction-aggregated objectives one step
//             ahead and pick by a softmax (quantal response) with the actor's rationality
//             (docs/model.md, Decisions). The default.
//   hold      always hold: never advance, strike, withdraw or bargain. A baseline for
//             analysts: what the others do when this actor does nothing of its own accord
//             (rules still act for it: its forces defend, incidents and zone strikes happen).
//   search    plan: at a decision point, Monte Carlo tree search over the engine for the
//             action that leaves the actor best off by its own objectives some days ahead,
//             the others following their own policies (include/brink/search.h; docs/model.md,
//             Search); the doctrine elsewhere.
#ifndef BRINK_POLICY_H_
#define BRINK_POLICY_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "brink/game.h"
#include "brink/status.h"

namespace brink {

class Policy {
 public:
  virtual ~Policy() = default;
  // The name the scenario and --policy use.
  virtual std::string_view name() const = 0;
  // One of turn.Legal(actor). Must be a function of the turn alone (turn.Draw(actor) and
  // turn.PolicyKey(actor) for chance), so runs stay reproducible; it may look ahead from the
  // turn with turn.engine() (Engine::Fork, Engine::Child), which leaves the turn open. Called
  // from several threads at once in an ensemble: keep no mutable state.
  virtual Action Choose(const Turn& turn, ActorId actor) const = 0;
};

// The policy of that name (shipped or registered), or null when there is none.
std::shared_ptr<const Policy> MakePolicy(std::string_view name);
// The names of the policies brink ships, in order.
std::span<const std::string_view> PolicyNames();

// Policies a front end adds (the Python module registers policies written in Python): the game
// does not know its players, so they register from outside. A policy registered under its
// name() is found by MakePolicy, the scenario's `policy` key and --policy for every scenario
// loaded and engine made afterwards; registering a name again replaces it for those (engines
// made before keep the policy they hold). A shipped name, or a name that is empty or not made
// of letters, digits, '_', '-' and '.', is refused.
Status RegisterPolicy(std::shared_ptr<const Policy> policy);
// Removes a registered policy; false if none had that name.
bool UnregisterPolicy(std::string_view name);
// The names registered, in the order they were first registered.
std::vector<std::string> RegisteredPolicyNames();

// The doctrine's one-step-ahead scores of the actor's legal actions on this turn (docs/model.md,
// Decisions): what the doctrine policy chooses from, and a baseline any policy may read. A turn
// no longer valid has none legal.
ActionScores DoctrineScores(const Turn& turn, ActorId actor);
// The doctrine's softmax choice with rationality lambda from a uniform draw u in [0, 1).
Action ChooseSoftmax(const ActionScores& scores, double rationality, double u);

// Whether every actor's policy names one (shipped or registered): the scenario's loader keeps
// the `policy` key as a name, and it is resolved here, where the game meets its players. An
// unknown name is an error that begins where the name was given (Actor::policy_given_at: the
// file, line and column of the key, or the --set or --policy that gave it; else the actor's
// id) and lists the names known. Engine::Create checks the same.
Status CheckPolicies(const Scenario& scenario);

// Applies "ACTOR=NAME" choices (--policy) to the scenario's actors: an unknown actor or policy
// is an error naming the item and what was expected. Then checks every actor's policy
// (CheckPolicies), so a front end that applies its choices has the scenario's own names
// checked too, even with no choices.
Status ApplyPolicyChoices(Scenario& scenario, const std::vector<std::string>& choices);

}  // namespace brink

#endif  // BRINK_POLICY_H_
