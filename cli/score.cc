// `brink score`: an ensemble scored against dated observations of what happened.
#include "brink/score.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "brink/report.h"
#include "cli/common.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnScoreSignal(int) { interrupted.store(true); }

// The observations: the file given, else the scenario file's own [[observation]] tables, else
// (default scenario) the embedded record of 2017.
Result<ObservationSet> LoadObservationsFor(const ScoreOptions& options, const Scenario& scenario) {
  if (!options.observations_path.empty()) {
    return LoadObservationsFile(options.observations_path, scenario);
  }
  if (options.scenario.scenario_path.empty()) return LoadDefaultObservations(scenario);
  std::ifstream in(options.scenario.scenario_path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  Result<ObservationSet> own =
      LoadObservations(text.str(), options.scenario.scenario_path, scenario);
  if (!own.ok() && own.message().find("no [[observation]] tables") != std::string::npos) {
    return Status::Error(
        fmt::format("{}: the scenario has no [[observation]] tables; give "
                    "--observations FILE",
                    options.scenario.scenario_path));
  }
  return own;
}

int Score(const ScoreOptions& options) {
  Result<Scenario> loaded = LoadFor(options.scenario);
  if (!loaded.ok()) {
    fmt::print(stderr, "brink score: {}\n", loaded.message());
    return kExitBadInput;
  }
  const Scenario& scenario = loaded.value();
  Result<ObservationSet> observations = LoadObservationsFor(options, scenario);
  if (!observations.ok()) {
    fmt::print(stderr, "{}\n", observations.message());
    return kExitBadInput;
  }
  if (!options.json_path.empty()) {
    if (Status st = CheckWritable(options.json_path); !st.ok()) {
      fmt::print(stderr, "brink score: --json {}\n", st.message());
      return kExitBadInput;
    }
  }
  std::signal(SIGINT, OnScoreSignal);
  std::signal(SIGTERM, OnScoreSignal);
  const bool bar = options.progress && isatty(STDERR_FILENO);
  Result<ScoreReport> result = RunScore(
      scenario, observations.value(), options,
      [&](int64_t done, int64_t total) {
        if (bar) fmt::print(stderr, "\r{:3.0f}% of {} runs ", 100.0 * done / total, total);
        if (bar && done == total) fmt::print(stderr, "\r{:<40}\r", "");
      },
      &interrupted);
  if (!result.ok()) {
    fmt::print(stderr, "\nbrink score: {}; no output file was written\n", result.message());
    return 130;
  }
  const ScoreReport& r = result.value();
  fmt::print("{}", ScoreText(scenario, observations.value(), r));
  fmt::print("\n  {} runs in {:.2f} s\n", r.runs, r.seconds);
  if (!options.json_path.empty()) {
    if (Status st = WriteFileAtomically(options.json_path,
                                        ScoreJson(scenario, observations.value(), r, options));
        !st.ok()) {
      fmt::print(stderr, "brink score: {}\n", st.message());
      return kExitFailure;
    }
  }
  if (!options.csv_dir.empty()) {
    if (Status st = WriteScoreCsv(scenario, observations.value(), r, options, options.csv_dir);
        !st.ok()) {
      fmt::print(stderr, "brink score: {}\n", st.message());
      return kExitFailure;
    }
  }
  return 0;
}

}  // namespace

void AddScoreCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand(
      "score",
      "Score an ensemble against dated observations of what happened (Brier, log "
      "score, CRPS, interval coverage, skill against persistence and uninformed "
      "forecasts); with no arguments, the default scenario against the 2017 record");
  AddScenarioOptions(*cmd, options->scenario);
  cmd->add_option("--observations", options->observations_path,
                  "Observations file (TOML, see docs/scenario-format.md); default: the "
                  "scenario's own [[observation]] tables, or the embedded 2017 record");
  cmd->add_option("--runs,-n", options->runs, "Number of independent runs")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed of the ensemble")->capture_default_str();
  cmd->add_option("--threads,-j", options->threads,
                  "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(0, CommandLimits::kMaxThreads));
  cmd->add_option("--json", options->json_path, "Write the scores and their provenance as JSON");
  cmd->add_option("--csv", options->csv_dir, "Write CSV tables into this directory");
  cmd->add_flag("!--no-progress", options->progress, "No progress indicator on stderr");
  cmd->callback([options, &exit_code] { exit_code = Score(*options); });
}

}  // namespace brink::cli
