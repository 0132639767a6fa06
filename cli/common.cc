#include "cli/common.h"

#include <fmt/format.h>


namespace brink::cli {

void AddScenarioOptions(CLI::App& app, ScenarioOptions& options) {
  app.add_option("--scenario", options.scenario_path,
                 "Scenario file (TOML, see docs/scenario-format.md); default: the embedded "
                 "eastern-Syria-2017 scenario");
  app.add_option("--set", options.overrides,
                 "Override a scenario parameter, PATH=VALUE, e.g. "
                 "exposure.us_iraq.troops=2000 or rules.signalling=false (repeatable)")
      ->allow_extra_args(false);
}

Result<Scenario> LoadFor(const ScenarioOptions& options) {
  return options.scenario_path.empty() ? LoadDefaultScenario(options.overrides)
                                       : LoadScenarioFile(options.scenario_path, options.overrides);
}

}  // namespace brink::cli
