// The structure of a scenario (counts within the limits, every index in range), checked by
// FinalizeScenario before it derives anything.
#ifndef BRINK_SCENARIO_STRUCTURE_H_
#define BRINK_SCENARIO_STRUCTURE_H_

#include "brink/scenario.h"
#include "brink/status.h"

namespace brink {

Status CheckStructure(const Scenario& s);

}  // namespace brink

#endif  // BRINK_SCENARIO_STRUCTURE_H_
