#include "cli/common.h"

#include <fmt/format.h>

#include "brink/policy.h"


namespace brink::cli {

void AddScenarioOptions(CLI::App& app, ScenarioOptions& options) {
  app.add_option("--scenario", options.scenario_path,
                 "Scenario file (TOML, see docs/scenario-format.md); default: the embedded "
                 "eastern-Syria-2017 scenario");
  app.add_option("--set", options.overrides,
                 "Override a scenario parameter, PATH=VALUE, e.g. "
                 "exposure.us_iraq.troops=2000 or rules.signalling=false (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--policy", options.policies,
                 "Decide for an actor by another policy, ACTOR=NAME, e.g. us=hold (repeatable); "
                 "policies: doctrine (the default), hold (always holds: a baseline)")
      ->allow_extra_args(false);
}

Result<Scenario> LoadFor(const ScenarioOptions& options) {
  Result<Scenario> loaded = options.scenario_path.empty()
                                ? LoadDefaultScenario(options.overrides)
                                : LoadScenarioFile(options.scenario_path, options.overrides);
  if (!loaded.ok()) return loaded;
  if (Status chosen = ApplyPolicyChoices(loaded.value(), options.policies); !chosen.ok()) return chosen;
  return loaded;
}

}  // namespace brink::cli
