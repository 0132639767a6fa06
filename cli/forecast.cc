// `brink forecast`: the odds of each end over many runs.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <optional>

#include "brink/cluster.h"
#include "brink/forecast.h"
#include "brink/parameters.h"
#include "brink/report.h"
#include "cli/cluster.h"
#include "cli/common.h"
#include "cli/io.h"
#include "cli/progress.h"
#include "cli/runs_output.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnSignal(int) { interrupted.store(true); }

// The options' outputs checked before any work: each writable, none the same file as another or
// as the scenario, at most one on standard output (counted in `to_stdout`).
Status CheckOutputs(const ForecastOptions& options, int& to_stdout) {
  if (!options.json_path.empty()) {
    if (Status st = CheckWritable(options.json_path); !st.ok()) return Status::Error("--json " + st.message());
  }
  if (!options.csv_dir.empty()) {
    if (Status st = CheckWritableFileSet(options.csv_dir, ForecastCsvNames()); !st.ok()) {
      return Status::Error("--csv " + st.message());
    }
  }
  for (const auto& [flag, path] : {std::pair{"--report", &options.report_path},
                                    std::pair{"--runs-csv", &options.runs_csv_path}}) {
    if (path->empty()) continue;
    if (Status st = CheckWritable(*path); !st.ok()) return Status::Error(fmt::format("{} {}", flag, st.message()));
  }
  if (Status st = CheckDistinctPaths({{"--scenario", ScenarioFilePath(options.scenario.scenario_path), false},
                                      {"--json", options.json_path, true},
                                      {"--csv", options.csv_dir, true},
                                      {"--report", options.report_path, true},
                                      {"--runs-csv", options.runs_csv_path, true}});
      !st.ok()) {
    return st;
  }
  // Standard output carries one thing whole, so that a program can read it.
  to_stdout = 0;
  for (const std::string* path : {&options.json_path, &options.report_path, &options.runs_csv_path}) {
    to_stdout += !path->empty() && IsStandardOutput(*path);
  }
  if (to_stdout > 1) return Status::Error("only one of --json, --report and --runs-csv may go to standard output");
  return {};
}

int Forecast(ForecastOptions options) {
  // Under mpirun the runs are split across the ranks; rank 0 alone writes (and checks) the outputs.
  Cluster* cluster = SplitAcrossJob(
      options.progress, {&options.json_path, &options.csv_dir, &options.report_path, &options.runs_csv_path});
  options.cluster = cluster;
  Result<Scenario> loaded = LoadFor(options.scenario);
  int to_stdout = 0;
  Status checked = loaded.ok() ? CheckOutputs(options, to_stdout) : Status::Error(loaded.message());
  if (checked.ok() && !options.uncertain_parameters.empty() && !options.uncertain) {
    checked = Status::Error("--uncertain-parameter needs --uncertain");
  }
  if (checked.ok() && options.uncertain) {
    if (Result<std::vector<ParameterRef>> p = SelectParameters(loaded.value(), options.uncertain_parameters); !p.ok()) {
      checked = Status::Error(p.message());
    }
  }
  // Every rank stops here if any cannot go on.
  if (checked = FirstError(cluster, checked); !checked.ok()) {
    Err("brink forecast: {}\n", checked.message());
    return kExitBadInput;
  }
  const Scenario& scenario = loaded.value();
  // The per-run table is opened before the runs and filled as they finish.
  RunsOutput runs_out;
  const RunsCsv runs_csv(scenario, EmptyForecast(scenario, 1), options.seed);
  if (Status st = FirstError(cluster, runs_out.Open(options.runs_csv_path, runs_csv.Header())); !st.ok()) {
    Err("brink forecast: --runs-csv {}\n", st.message());
    return kExitFailure;
  }
  RunSink each_run;
  if (runs_out.active()) {
    each_run = [&](const RunOutcome& run) {
      runs_csv.AppendRow(run, runs_out.buffer());
      runs_out.Flush();
    };
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Progress bar(options.progress, options.progress_always, "brink forecast", "runs");
  ForecastOptions fixed = options;
  fixed.uncertain = false;
  Result<brink::Forecast> result = RunForecast(
      scenario, fixed, [&](int64_t done, int64_t total) { bar.Update(done, total); }, &interrupted, each_run);
  if (!result.ok()) {
    Err("\nbrink forecast: {}; no output file was written\n", result.message());
    return kExitInterrupted;
  }
  const brink::Forecast& f = result.value();
  // --uncertain: a second ensemble, the same seeds, each run drawing the uncertain parameters.
  std::optional<brink::Forecast> drawn;
  std::vector<std::string> paths;
  std::vector<std::pair<double, double>> ranges;
  if (options.uncertain) {
    Progress second_bar(options.progress, options.progress_always, "brink forecast --uncertain", "runs");
    Result<brink::Forecast> u = RunForecast(
        scenario, options, [&](int64_t done, int64_t total) { second_bar.Update(done, total); }, &interrupted);
    if (!u.ok()) {
      Err("\nbrink forecast: {}; no output file was written\n", u.message());
      return interrupted.load() ? kExitInterrupted : kExitBadInput;
    }
    drawn = std::move(u.value());
    const Result<std::vector<ParameterRef>> chosen = SelectParameters(scenario, options.uncertain_parameters);
    for (const ParameterRef& p : chosen.value()) {
      paths.push_back(p.path);
      ranges.emplace_back(p.low, p.high);
    }
  }
  // The other ranks' work is done: rank 0 has every run.
  if (cluster != nullptr && !cluster->root()) return 0;
  // From here Ctrl-C still counts: an output not yet committed is discarded (a large report
  // takes a while to draw), and nothing partial is left.
  auto stopped = [&] {
    if (!interrupted.load()) return false;
    Err("brink forecast: interrupted; no output file was written\n");
    return true;
  };
  if (stopped()) return kExitInterrupted;
  if (to_stdout == 0) {
    Out("{}", ForecastText(scenario, f));
    Out("\n  {} runs in {:.2f} s ({:.0f} runs/s)\n", f.runs, f.seconds, f.runs / f.seconds);
    if (drawn) {
      Out("{}", UncertainOddsText(f, *drawn, paths.size()));
      Out("\n  {} runs over the ranges in {:.2f} s\n", drawn->runs, drawn->seconds);
    }
  }
  // The JSON (and the report drawn from it) carries the odds over the ranges too.
  auto forecast_json = [&] {
    std::string text = ForecastJson(scenario, f, options);
    return drawn ? WithUncertainOdds(text, *drawn, paths, ranges) : text;
  };
  // The files asked for are written even if standard output failed.
  int code = 0;
  if (!options.json_path.empty()) {
    if (Status st = WriteFileAtomically(options.json_path, forecast_json()); !st.ok()) {
      Err("brink forecast: {}\n", st.message());
      code = kExitFailure;
    }
  }
  if (!options.csv_dir.empty()) {
    if (Status st = WriteForecastCsv(scenario, f, options, options.csv_dir); !st.ok()) {
      Err("brink forecast: {}\n", st.message());
      code = kExitFailure;
    }
  }
  if (!options.report_path.empty()) {
    // The report is drawn from the forecast's JSON, as `brink report` draws a saved one.
    Result<std::string> page = ForecastReportHtml(forecast_json(), "the forecast");
    if (stopped()) return kExitInterrupted;
    Status st = page.ok() ? WriteFileAtomically(options.report_path, page.value(), OutputFile::Temp::kUnnamed,
                                                &interrupted)
                          : Status::Error(page.message());
    if (stopped()) return kExitInterrupted;
    if (!st.ok()) {
      Err("brink forecast: {}\n", st.message());
      code = kExitFailure;
    }
  }
  if (stopped()) return kExitInterrupted;
  if (Status st = runs_out.Commit(); !st.ok()) {
    Err("brink forecast: {}\n", st.message());
    code = kExitFailure;
  }
  return FinishStdout("brink forecast", code);
}

}  // namespace

void AddForecastCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ForecastOptions>();
  CLI::App* cmd = app.add_subcommand(
      "forecast", "Run an ensemble and report the odds of each end with 95% intervals");
  AddScenarioOptions(*cmd, options->scenario);
  cmd->add_option("--runs,-n", options->runs, "Number of independent runs")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed of the ensemble")
      ->capture_default_str()
      ->check(DecimalNumber());
  AddThreadsOption(*cmd, options->threads, "Worker threads (default: all cores); results do not depend on it");
  cmd->add_option("--days", options->days, "Days per run (default: the scenario's horizon)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, Limits::kMaxDays));
  cmd->add_option("--json", options->json_path,
                  "Write the forecast and its provenance as JSON to this file ('-': to standard "
                  "output, instead of the tables)")
      ->check(NonEmptyPath());
  cmd->add_option("--csv", options->csv_dir,
                  "Write the CSV tables as a set into this directory, replaced as a whole (it "
                  "may hold nothing else)")
      ->check(NonEmptyPath());
  cmd->add_option("--report", options->report_path,
                  "Write a self-contained HTML report (map, chance of war by day, every outcome, "
                  "provenance) to this file")
      ->check(NonEmptyPath());
  cmd->add_option("--runs-csv", options->runs_csv_path,
                  "Stream one CSV row per run (seed, run, every outcome, key regions' holders) to "
                  "this file, in run order whatever the threads ('-': standard output)")
      ->check(NonEmptyPath());
  AddProgressFlags(*cmd, options->progress, options->progress_always);
  cmd->add_flag("--uncertain", options->uncertain,
                "Also run the ensemble with each run drawing the uncertain parameters from their plausible ranges, "
                "and report those odds beside the central ones (brink parameters lists the ranges)");
  cmd->add_option("--uncertain-parameter", options->uncertain_parameters,
                  "With --uncertain: the parameters drawn, rules.NAME or actor.ID.NAME, a part may be * (default: "
                  "every rule parameter and every value the scenario gives a range for)");
  cmd->callback([options, &exit_code] { exit_code = Forecast(*options); });
}

}  // namespace brink::cli
