// Decision policies. Each actor's policy is set in the scenario; today only "doctrine":
// score every legal action by the actor's faction-aggregated objectives one step ahead and
// pick by a softmax (quantal response) with the actor's rationality (docs/model.md, Decisions).
#ifndef BRINK_POLICY_H_
#define BRINK_POLICY_H_

#include <array>

#include "brink/state.h"

namespace brink {

struct Day;

// Expected utility of each action for an actor today; illegal actions are marked.
struct ActionScores {
  std::array<double, static_cast<int>(Action::kCount)> utility{};
  std::array<bool, static_cast<int>(Action::kCount)> legal{};
};

// Needs the day prepared by Dawn (stances, the force index) and DecideAll (contacts, open shares,
// strike targets); DecideAll calls it.
ActionScores ScoreActions(const Day& d, ActorId actor);
// Softmax choice with rationality lambda from uniform draw u in [0, 1).
Action ChooseSoftmax(const ActionScores& scores, double rationality, double u);
// Sets every actor's action for today.
void DecideAll(Day& d);

}  // namespace brink

#endif  // BRINK_POLICY_H_
