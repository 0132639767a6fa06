// `brink run`: one course of events, told day by day, then the end state.
#include <fmt/format.h>

#include "brink/engine.h"
#include "brink/report.h"
#include "cli/common.h"

namespace brink::cli {
namespace {

int Run(const RunOptions& options) {
  Result<Scenario> loaded = LoadFor(options.scenario);
  if (!loaded.ok()) {
    fmt::print(stderr, "brink run: {}\n", loaded.message());
    return kExitBadInput;
  }
  if (!options.json_path.empty()) {
    if (Status status = CheckWritable(options.json_path); !status.ok()) {
      fmt::print(stderr, "brink run: --json {}\n", status.message());
      return kExitBadInput;
    }
  }
  const Scenario& scenario = loaded.value();
  Engine engine(scenario);
  EventLog log;
  State end = engine.Run(options.seed, 0, options.days, &log);
  std::string text;
  if (options.narrative) text += Narrative(scenario, log, end) + "\n";
  text += EndStateText(scenario, end);
  fmt::print("{}", text);
  if (!options.json_path.empty()) {
    if (Status status = WriteFileAtomically(options.json_path,
                                            RunJsonLines(scenario, log, end, options.seed));
        !status.ok()) {
      fmt::print(stderr, "brink run: {}\n", status.message());
      return kExitFailure;
    }
  }
  return 0;
}

}  // namespace

void AddRunCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand(
      "run", "Simulate one course of events and tell it day by day, then the end state");
  AddScenarioOptions(*run, options->scenario);
  run->add_option("--seed", options->seed, "Random seed; the same seed gives the same run")
      ->capture_default_str();
  run->add_option("--days", options->days, "Days to simulate (default: the scenario's horizon)")
      ->check(CLI::Range(1, Limits::kMaxDays));
  run->add_option("--json", options->json_path,
                  "Write the events as JSON lines, then the end state, to this file");
  run->add_flag("!--no-narrative", options->narrative, "Print only the end state");
  run->callback([options, &exit_code] { exit_code = Run(*options); });
}

}  // namespace brink::cli
