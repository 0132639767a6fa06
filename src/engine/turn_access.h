// The engine's own view of a Turn: the day it stands for (engine/day.h), for code inside the
// library that reads the dawn's workspace (the doctrine's scoring, src/policy/doctrine.cc).
// Not part of the public interface.
#ifndef BRINK_ENGINE_TURN_ACCESS_H_
#define BRINK_ENGINE_TURN_ACCESS_H_

#include <span>

#include "brink/game.h"
#include "engine/day.h"

namespace brink {

struct TurnAccess {
  // The turn's day, with no event sink. The turn must be valid (Turn::valid).
  static Day DayOf(const Turn& turn);
  // Turn::Legal and Turn::Draw without asking again whether the turn is valid (it must be).
  static std::span<const LegalAction> LegalOf(const Turn& turn, ActorId actor);
  static double DrawOf(const Turn& turn, ActorId actor);
};

}  // namespace brink

#endif  // BRINK_ENGINE_TURN_ACCESS_H_
