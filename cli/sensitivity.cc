// `brink sensitivity`: which parameters the odds depend on (Morris, then Sobol).
#include <fmt/format.h>

#include <atomic>
#include <csignal>

#include "brink/analysis.h"
#include "brink/cluster.h"
#include "brink/output_file.h"
#include "cli/cluster.h"
#include "cli/common.h"
#include "cli/io.h"
#include "cli/progress.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnSensitivitySignal(int) { interrupted.store(true); }

// The outputs checked before any work: each writable, none the same file as another or as the
// scenario.
Status CheckOutputs(const SensitivityOptions& options) {
  for (const auto& [flag, path] : {std::pair{"--json", &options.json_path}, std::pair{"--report", &options.report_path}}) {
    if (path->empty()) continue;
    if (Status st = CheckWritable(*path); !st.ok()) return Status::Error(fmt::format("{} {}", flag, st.message()));
  }
  if (!options.csv_dir.empty()) {
    if (Status st = CheckWritableFileSet(options.csv_dir, SensitivityCsvNames()); !st.ok()) {
      return Status::Error("--csv " + st.message());
    }
  }
  return CheckDistinctPaths({{"--scenario", options.scenario.scenario_path, false},
                             {"--json", options.json_path, true},
                             {"--csv", options.csv_dir, true},
                             {"--report", options.report_path, true}});
}

int Sensitivity(SensitivityOptions options) {
  // Under mpirun the points are split across the ranks; rank 0 alone writes the outputs.
  Cluster* cluster = SplitAcrossJob(options.progress, {&options.json_path, &options.csv_dir, &options.report_path});
  options.cluster = cluster;
  Result<Scenario> loaded = LoadFor(options.scenario);
  Status checked = loaded.ok() ? CheckOutputs(options) : Status::Error(loaded.message());
  // Bad parameters or outcomes are reported before any work.
  if (checked.ok()) {
    if (Result<std::vector<ParameterRef>> p = SelectParameters(loaded.value(), options.parameters); !p.ok()) {
      checked = Status::Error(p.message());
    } else if (Result<std::vector<std::string>> o = AnalysisOutcomes(loaded.value(), options.outcomes); !o.ok()) {
      checked = Status::Error(o.message());
    }
  }
  if (checked = FirstError(cluster, checked); !checked.ok()) {
    Err("brink sensitivity: {}\n", checked.message());
    return kExitBadInput;
  }
  const Scenario& s = loaded.value();
  std::signal(SIGINT, OnSensitivitySignal);
  std::signal(SIGTERM, OnSensitivitySignal);
  Progress bar(options.progress, options.progress_always, "brink sensitivity", "points");
  Result<SensitivityResult> result =
      RunSensitivity(s, options, [&](int64_t done, int64_t total) { bar.Update(done, total); }, &interrupted);
  if (!result.ok()) {
    const bool stopped = interrupted.load() || result.message().find("interrupted") != std::string::npos;
    Err("\nbrink sensitivity: {}; no output file was written\n", stopped ? "interrupted" : result.message());
    return stopped ? kExitInterrupted : kExitBadInput;
  }
  if (cluster != nullptr && !cluster->root()) return 0;
  const SensitivityResult& r = result.value();
  Out("{}", SensitivityText(r));
  int code = 0;
  if (!options.json_path.empty()) {
    if (Status st = WriteFileAtomically(options.json_path, SensitivityJson(s, r, options)); !st.ok()) {
      Err("brink sensitivity: {}\n", st.message());
      code = kExitFailure;
    }
  }
  if (!options.csv_dir.empty()) {
    if (Status st = WriteSensitivityCsv(r, options.csv_dir); !st.ok()) {
      Err("brink sensitivity: {}\n", st.message());
      code = kExitFailure;
    }
  }
  if (!options.report_path.empty()) {
    if (Status st = WriteFileAtomically(options.report_path, SensitivityHtml(s, r)); !st.ok()) {
      Err("brink sensitivity: {}\n", st.message());
      code = kExitFailure;
    }
  }
  return FinishStdout("brink sensitivity", code);
}

}  // namespace

void AddSensitivityCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SensitivityOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sensitivity", "Which parameters the odds depend on: Morris screening, then Sobol indices with intervals");
  AddScenarioOptions(*cmd, options->scenario);
  cmd->add_option("--parameter,-p", options->parameters,
                  "Parameters to vary: rules.NAME or actor.ID.NAME, a part may be * (default: every rule parameter "
                  "and every value the scenario gives a range for; brink parameters lists them)");
  cmd->add_option("--outcome,-o", options->outcomes,
                  "Outcomes: a yes/no outcome id (war, direct_clash, corridor_open.ID ...), a number's id (its "
                  "mean) or held.REGION.BLOC (default: war, direct_clash and every corridor_open)");
  cmd->add_option("--method", options->method, "morris, sobol, or both (Morris over all, Sobol over the top)")
      ->capture_default_str()
      ->check(CLI::IsMember({"morris", "sobol", "both"}));
  cmd->add_option("--trajectories", options->trajectories, "Morris trajectories")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  cmd->add_option("--samples", options->samples, "Sobol base samples N (N x (top + 2) ensembles)")
      ->capture_default_str()
      ->check(CLI::Range(4, 1 << 20));
  cmd->add_option("--top", options->top, "Parameters kept for Sobol after Morris")
      ->capture_default_str()
      ->check(CLI::Range(1, 200));
  cmd->add_option("--bootstrap", options->bootstrap, "Bootstrap resamples for the intervals")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--runs,-n", options->runs, "Runs per point (all points share the seed)")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed of every point's ensemble")
      ->capture_default_str()
      ->check(DecimalNumber());
  AddThreadsOption(*cmd, options->threads, "Worker threads (default: all cores); results do not depend on it");
  cmd->add_option("--days", options->days, "Days per run (default: the scenario's horizon)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, Limits::kMaxDays));
  cmd->add_option("--json", options->json_path, "Write the indices as JSON to this file")->check(NonEmptyPath());
  cmd->add_option("--csv", options->csv_dir, "Write morris.csv and sobol.csv into this directory")->check(NonEmptyPath());
  cmd->add_option("--report", options->report_path, "Write an HTML page with a tornado chart per outcome")
      ->check(NonEmptyPath());
  AddProgressFlags(*cmd, options->progress, options->progress_always);
  cmd->callback([options, &exit_code] { exit_code = Sensitivity(*options); });
}

}  // namespace brink::cli
