// `brink check FILE`: load and validate a scenario, print a short summary.
#include <fmt/format.h>

#include "brink/policy.h"
#include "brink/scenario.h"
#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

int Check(const std::string& path) {
  Result<Scenario> loaded = path.empty()                ? LoadDefaultScenario()
                            : FindEmbeddedScenario(path) ? LoadEmbeddedScenario(path)
                                                         : LoadScenarioFile(path);
  if (!loaded.ok()) {
    Err("{}\n", loaded.message());
    return kExitBadInput;
  }
  // The loader keeps policy names as given; they are resolved against the policies known here.
  if (Status policies = CheckPolicies(loaded.value()); !policies.ok()) {
    Err("{}\n", policies.message());
    return kExitBadInput;
  }
  const Scenario& s = loaded.value();
  Out("{}: OK\n", s.source_name);
  Out("  {} — from {}, {} days\n", s.name, s.start_date, s.horizon_days);
  Out("  {} blocs, {} actors, {} factions, {} regions, {} edges, {} forces\n", s.blocs.size(),
             s.actors.size(), s.factions.size(), s.regions.size(), s.edges.size(), s.forces.size());
  Out("  {} corridors, {} objectives, {} exposures, {} zones, {}-rung ladder\n",
             s.corridors.size(), s.objectives.size(), s.exposures.size(), s.zones.size(),
             s.ladder.size());
  for (std::size_t b = 0; b < s.blocs.size(); ++b) {
    std::string members;
    for (const Actor& a : s.actors) {
      if (a.bloc == static_cast<BlocId>(b)) members += (members.empty() ? "" : ", ") + a.id;
    }
    Out("  bloc {}: {}\n", s.blocs[b].id, members);
  }
  return FinishStdout("brink check", 0);
}

}  // namespace

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::string>();
  CLI::App* check = app.add_subcommand(
      "check", "Load and validate a scenario (a file or an embedded one); print a summary (exit 0) or the first "
               "error as file:line:column (exit 2)");
  check->add_option("FILE", *path, "Scenario file, or the name of an embedded scenario (" + EmbeddedScenarioNames() +
                                       "); default: " + std::string(EmbeddedScenarios().front().name))
      ->check(NonEmptyPath());
  check->callback([path, &exit_code] { exit_code = Check(*path); });
}

}  // namespace brink::cli
