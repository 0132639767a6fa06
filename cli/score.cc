// `brink score`: an ensemble scored against dated observations of what happened.
#include "brink/score.h"

#include <fmt/format.h>

#include <atomic>
#include <csignal>

#include "brink/policy.h"
#include "brink/report.h"
#include "cli/common.h"
#include "cli/io.h"
#include "cli/progress.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnScoreSignal(int) { interrupted.store(true); }

// The scenario and its observations. A scenario file is read once (it may be a FIFO or
// <(cat file)), and its text serves both the scenario and its own [[observation]] tables.
struct Inputs {
  Scenario scenario;
  ObservationSet observations;
};

Result<Inputs> LoadInputs(const ScoreOptions& options) {
  Inputs in;
  std::string scenario_text;
  const EmbeddedScenario* embedded = FindEmbeddedScenario(options.scenario.scenario_path);
  if (options.scenario.scenario_path.empty() || embedded) {
    Result<Scenario> loaded = LoadFor(options.scenario);
    if (!loaded.ok()) return Status::Error("brink score: " + loaded.message());
    in.scenario = std::move(loaded.value());
  } else {
    Result<std::string> text = ReadInputFile(options.scenario.scenario_path, Limits::kMaxFileBytes);
    if (!text.ok()) return Status::Error("brink score: " + text.message());
    scenario_text = std::move(text.value());
    Result<Scenario> loaded = LoadScenario(scenario_text, options.scenario.scenario_path, options.scenario.overrides);
    if (!loaded.ok()) return Status::Error("brink score: " + loaded.message());
    in.scenario = std::move(loaded.value());
    if (Status chosen = ApplyPolicyChoices(in.scenario, options.scenario.policies); !chosen.ok()) {
      return Status::Error("brink score: " + chosen.message());
    }
  }
  // The observations: the file given ("-": standard input), else the scenario file's own
  // [[observation]] tables, else (default scenario) the embedded record of 2017.
  Result<ObservationSet> observations = Status::Error("none");
  if (!options.observations_path.empty()) {
    Result<std::string> text = ReadInputFile(options.observations_path, Limits::kMaxFileBytes);
    if (!text.ok()) return Status::Error("brink score: " + text.message());
    const bool from_stdin = options.observations_path == "-";
    observations = LoadObservations(text.value(), from_stdin ? "standard input" : options.observations_path,
                                    in.scenario);
  } else if (options.scenario.scenario_path.empty()) {
    observations = LoadDefaultObservations(in.scenario);
  } else if (embedded) {
    if (embedded->observations.empty()) {
      return Status::Error(fmt::format("brink score: the embedded scenario '{}' has no record to score against (a forecast "
                                       "of what was still to come); give --observations FILE", embedded->name));
    }
    observations = LoadObservations(embedded->observations, fmt::format("<{}-observations.toml>", embedded->name),
                                    in.scenario);
  } else {
    observations = LoadObservations(scenario_text, options.scenario.scenario_path, in.scenario);
    if (!observations.ok() && observations.message().find("no [[observation]] tables") != std::string::npos) {
      return Status::Error(fmt::format("{}: the scenario has no [[observation]] tables; give --observations FILE",
                                       options.scenario.scenario_path));
    }
  }
  if (!observations.ok()) return Status::Error(observations.message());
  in.observations = std::move(observations.value());
  return in;
}

// Output paths, checked before any work: each writable, no two the same file, none an input.
Status CheckOutputs(const ScoreOptions& options) {
  if (!options.json_path.empty()) {
    if (Status st = CheckWritable(options.json_path); !st.ok()) return Status::Error("--json " + st.message());
  }
  if (!options.csv_dir.empty()) {
    if (Status st = CheckWritableFileSet(options.csv_dir, ScoreCsvNames()); !st.ok()) {
      return Status::Error("--csv " + st.message());
    }
  }
  return CheckDistinctPaths({{"--scenario", ScenarioFilePath(options.scenario.scenario_path), false},
                             {"--observations", options.observations_path, false},
                             {"--json", options.json_path, true},
                             {"--csv", options.csv_dir, true}});
}

int Score(const ScoreOptions& options) {
  if (Status st = CheckOutputs(options); !st.ok()) {
    Err("brink score: {}\n", st.message());
    return kExitBadInput;
  }
  Result<Inputs> inputs = LoadInputs(options);
  if (!inputs.ok()) {
    Err("{}\n", inputs.message());
    return kExitBadInput;
  }
  const Scenario& scenario = inputs.value().scenario;
  const ObservationSet& observations = inputs.value().observations;
  std::signal(SIGINT, OnScoreSignal);
  std::signal(SIGTERM, OnScoreSignal);
  Progress bar(options.progress, options.progress_always, "brink score", "runs");
  Result<ScoreReport> result = RunScore(
      scenario, observations, options,
      [&](int64_t done, int64_t total) { bar.Update(done, total); },
      &interrupted);
  if (!result.ok()) {
    Err("\nbrink score: {}; no output file was written\n", result.message());
    return kExitInterrupted;
  }
  const ScoreReport& r = result.value();
  auto stopped = [&] {
    if (!interrupted.load()) return false;
    Err("brink score: interrupted; no output file was written\n");
    return true;
  };
  if (stopped()) return kExitInterrupted;
  // Standard output carries one thing whole: the JSON alone when it goes there.
  if (options.json_path.empty() || !IsStandardOutput(options.json_path)) {
    Out("{}", ScoreText(scenario, observations, r));
    Out("\n  {} runs in {:.2f} s\n", r.runs, r.seconds);
  }
  // The files asked for are written even if standard output failed.
  int code = 0;
  if (!options.json_path.empty()) {
    if (Status st = WriteFileAtomically(options.json_path, ScoreJson(scenario, observations, r, options),
                                        OutputFile::Temp::kUnnamed, &interrupted);
        !st.ok()) {
      if (stopped()) return kExitInterrupted;
      Err("brink score: {}\n", st.message());
      code = kExitFailure;
    }
  }
  if (!options.csv_dir.empty()) {
    if (stopped()) return kExitInterrupted;
    if (Status st = WriteScoreCsv(scenario, observations, r, options, options.csv_dir); !st.ok()) {
      Err("brink score: {}\n", st.message());
      code = kExitFailure;
    }
  }
  return FinishStdout("brink score", code);
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
                  "Observations file (TOML, see docs/scenario-format.md; '-': standard input); "
                  "default: the scenario's own [[observation]] tables, or the embedded 2017 record")
      ->check(NonEmptyPath());
  cmd->add_option("--runs,-n", options->runs, "Number of independent runs")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed of the ensemble")
      ->capture_default_str()
      ->check(DecimalNumber());
  AddThreadsOption(*cmd, options->threads, "Worker threads (default: all cores); results do not depend on it");
  cmd->add_option("--json", options->json_path,
                  "Write the scores and their provenance as JSON to this file ('-': standard "
                  "output, instead of the tables)")
      ->check(NonEmptyPath());
  cmd->add_option("--csv", options->csv_dir,
                  "Write the CSV tables (observations, totals, reliability) as a set into this "
                  "directory, replaced as a whole (it may hold nothing else)")
      ->check(NonEmptyPath());
  AddProgressFlags(*cmd, options->progress, options->progress_always);
  cmd->callback([options, &exit_code] { exit_code = Score(*options); });
}

}  // namespace brink::cli
