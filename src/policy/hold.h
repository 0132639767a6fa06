// The hold policy (hold.cc): always hold.
#ifndef BRINK_POLICY_HOLD_H_
#define BRINK_POLICY_HOLD_H_

#include <memory>

#include "brink/policy.h"

namespace brink {

std::shared_ptr<const Policy> HoldPolicy();

}  // namespace brink

#endif  // BRINK_POLICY_HOLD_H_
