// --set PATH=VALUE: overriding a scenario's numeric or boolean parameter by its path, applied
// to the parsed TOML before validation so the loader checks it like any value in the file.
//
// Paths:  scenario.KEY  rules.KEY
//         actor.ID.KEY  bloc.ID.KEY (sets the actor key on every actor of the bloc)
//         faction.ID.KEY  region.ID.KEY  exposure.ID.KEY  zone.ID.KEY
//         terrain.ID.KEY  relation.A.B.KEY  ladder.N.KEY  objective.N.KEY  (N counts from 1)
// Setting faction.ID.influence rescales the actor's other factions so influences still sum to 1.
#ifndef BRINK_SCENARIO_OVERRIDES_H_
#define BRINK_SCENARIO_OVERRIDES_H_

#include <toml++/toml.h>

#include <string>

#include "brink/status.h"
#include "scenario/toml_reader.h"

namespace brink {

Status ApplyOverride(toml::table& root, const std::string& item, OverrideOrigins& origins);

}  // namespace brink

#endif  // BRINK_SCENARIO_OVERRIDES_H_
