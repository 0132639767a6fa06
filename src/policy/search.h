// The search policy (include/brink/search.h, src/policy/search.cc), for the registry.
#ifndef BRINK_POLICY_SEARCH_H_
#define BRINK_POLICY_SEARCH_H_

#include <memory>

#include "brink/policy.h"
#include "brink/search.h"

namespace brink {

std::shared_ptr<const Policy> SearchPolicy();

}  // namespace brink

#endif  // BRINK_POLICY_SEARCH_H_
