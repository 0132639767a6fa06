// `brink parameters`: the parameter table (include/brink/parameters.h), with the scenario's
// values and the ranges analyses vary them over.
#include <fmt/format.h>

#include "brink/parameters.h"
#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

int ListParameters(const ScenarioOptions& scenario, const std::vector<std::string>& patterns, bool table) {
  if (table) {
    Out("{}", ParametersMarkdown());
    return FinishStdout("brink parameters", 0);
  }
  Result<Scenario> loaded = LoadFor(scenario);
  if (!loaded.ok()) {
    Err("brink parameters: {}\n", loaded.message());
    return kExitBadInput;
  }
  Result<std::vector<ParameterRef>> params = SelectParameters(loaded.value(), patterns);
  if (!params.ok()) {
    Err("brink parameters: {}\n", params.message());
    return kExitBadInput;
  }
  Out("{:<44} {:>12} {:>12} {:>12}  {}\n", "parameter", "value", "low", "high", "range from");
  for (const ParameterRef& p : params.value()) {
    Out("{:<44} {:>12.6g} {:>12.6g} {:>12.6g}  {}\n", p.path, p.value, p.low, p.high, p.source);
  }
  return FinishStdout("brink parameters", 0);
}

}  // namespace

void AddParametersCommand(CLI::App& app, int& exit_code) {
  struct Args {
    ScenarioOptions scenario;
    std::vector<std::string> patterns;
    bool table = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "parameters", "List the numeric parameters an analysis can vary, with the scenario's values and plausible "
                    "ranges (--table: the whole parameter table as Markdown)");
  AddScenarioOptions(*cmd, args->scenario);
  cmd->add_option("--parameter,-p", args->patterns,
                  "Parameters to list: rules.NAME or actor.ID.NAME, a part may be * (default: every rule "
                  "parameter and every value the scenario gives a range for)");
  cmd->add_flag("--table", args->table, "Print the parameter table (unit, default, valid and plausible range, meaning)");
  cmd->callback([args, &exit_code] { exit_code = ListParameters(args->scenario, args->patterns, args->table); });
}

}  // namespace brink::cli
