// The doctrine policy's parts the engine and tests use (include/brink/policy.h has the policy).
#ifndef BRINK_POLICY_DOCTRINE_H_
#define BRINK_POLICY_DOCTRINE_H_

#include <memory>
#include <span>

#include "brink/game.h"
#include "brink/policy.h"

namespace brink {

struct Day;

// The doctrine's utility of each of the actor's legal actions today. Needs the day prepared
// by Dawn and PrepareTurn (engine/day.h).
ActionScores ScoreActions(const Day& d, ActorId actor, std::span<const LegalAction> legal);
std::shared_ptr<const Policy> DoctrinePolicy();

}  // namespace brink

#endif  // BRINK_POLICY_DOCTRINE_H_
