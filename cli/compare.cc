// `brink compare`: two forecasts side by side, outcome by outcome, with each difference and its
// 95% interval; either two saved forecasts, or the scenario as it is against the same with the
// --set and --policy given, both run now with the same seeds.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <filesystem>

#include "brink/compare.h"
#include "brink/forecast.h"
#include "brink/report.h"
#include "cli/common.h"
#include "cli/io.h"
#include "cli/progress.h"
#include "cli/runs_output.h"

namespace brink::cli {
namespace {

constexpr std::size_t kMaxForecastBytes = SavedForecastLimits::kMaxBytes;

std::atomic<bool> interrupted{false};
extern "C" void OnCompareSignal(int) { interrupted.store(true); }

int Finish(const Comparison& c, const CompareOptions& options) {
  // Standard output carries one thing whole: the table unless the page or the runs go there.
  const bool taken = (!options.report_path.empty() && IsStandardOutput(options.report_path)) ||
                     (!options.runs_csv_path.empty() && IsStandardOutput(options.runs_csv_path));
  if (!taken) Out("{}", ComparisonText(c));
  int code = 0;
  if (!options.report_path.empty()) {
    if (Status st = WriteFileAtomically(options.report_path, ComparisonHtml(c), OutputFile::Temp::kUnnamed,
                                        &interrupted);
        !st.ok()) {
      Err("brink compare: {}\n", st.message());
      code = interrupted.load() ? kExitInterrupted : kExitFailure;
    }
  }
  return code;
}

int CompareSaved(const CompareOptions& options) {
  Result<std::string> a = ReadInputFile(options.a_path, kMaxForecastBytes);
  if (!a.ok()) {
    Err("brink compare: {}\n", a.message());
    return kExitBadInput;
  }
  Result<std::string> b = ReadInputFile(options.b_path, kMaxForecastBytes);
  if (!b.ok()) {
    Err("brink compare: {}\n", b.message());
    return kExitBadInput;
  }
  Result<Comparison> c = CompareForecasts(a.value(), options.a_path, b.value(), options.b_path);
  if (!c.ok()) {
    Err("brink compare: {}\n", c.message());
    return kExitBadInput;
  }
  c.value().a_name = std::filesystem::path(options.a_path).filename().string();
  c.value().b_name = std::filesystem::path(options.b_path).filename().string();
  if (c.value().a_name == c.value().b_name) c.value().a_name = "A", c.value().b_name = "B";
  return FinishStdout("brink compare", Finish(c.value(), options));
}

int CompareRun(const CompareOptions& options) {
  ForecastOptions b_options;
  b_options.scenario = options.variant;
  b_options.seed = options.seed;
  b_options.runs = options.runs;
  b_options.threads = options.threads;
  b_options.days = options.days;
  ForecastOptions a_options = b_options;
  a_options.scenario.overrides.clear();
  a_options.scenario.policies.clear();
  Result<Scenario> a = LoadFor(a_options.scenario);
  if (!a.ok()) {
    Err("brink compare: {}\n", a.message());
    return kExitBadInput;
  }
  Result<Scenario> b = LoadFor(b_options.scenario);
  if (!b.ok()) {
    Err("brink compare: {}\n", b.message());
    return kExitBadInput;
  }
  RunsOutput runs_out;
  const Forecast shape = EmptyForecast(a.value(), 1);
  const RunsCsv runs_csv(a.value(), shape, options.seed, /*with_arm=*/true);
  if (Status st = runs_out.Open(options.runs_csv_path, runs_csv.Header()); !st.ok()) {
    Err("brink compare: --runs-csv {}\n", st.message());
    return kExitFailure;
  }
  PairedRuns paired(shape);
  std::signal(SIGINT, OnCompareSignal);
  std::signal(SIGTERM, OnCompareSignal);
  Progress bar(options.progress, options.progress_always, "brink compare", "runs per arm");
  Result<ForecastPair> pair = RunForecastPair(
      a.value(), a_options, b.value(), b_options,
      [&](const RunOutcome& run_a, const RunOutcome& run_b) {
        paired.Add(run_a, run_b);
        if (runs_out.active()) {
          runs_csv.AppendRow(run_a, runs_out.buffer(), "baseline");
          runs_csv.AppendRow(run_b, runs_out.buffer(), "variant");
          runs_out.Flush();
        }
      },
      [&](int64_t done, int64_t total) { bar.Update(done, total); },
      &interrupted);
  if (!pair.ok()) {
    Err("\nbrink compare: {}; no output file was written\n", pair.message());
    return pair.message().starts_with("interrupted") ? kExitInterrupted : kExitBadInput;
  }
  Result<Comparison> c = CompareForecasts(ForecastJson(a.value(), pair.value().a, a_options), "the baseline",
                                          ForecastJson(b.value(), pair.value().b, b_options), "the variant",
                                          &paired);
  if (!c.ok()) {  // a bug: both documents were just written
    Err("brink compare: internal error: {}\n", c.message());
    return kExitFailure;
  }
  int code = Finish(c.value(), options);
  if (Status st = runs_out.Commit(); !st.ok()) {
    Err("brink compare: {}\n", st.message());
    code = kExitFailure;
  }
  return FinishStdout("brink compare", code);
}

int Compare(const CompareOptions& options) {
  const bool saved = !options.a_path.empty();
  const bool changed = !options.variant.overrides.empty() || !options.variant.policies.empty();
  if (options.a_path == "-" && options.b_path == "-") {
    Err("brink compare: standard input can hold only one of the two saved forecasts\n");
    return kExitBadInput;
  }
  if (saved && options.b_path.empty()) {
    Err("brink compare: give two saved forecasts (A.json B.json), or --set/--policy to compare "
        "with the scenario as it is\n");
    return kExitBadInput;
  }
  if (saved && (changed || !options.runs_csv_path.empty() || !options.variant.scenario_path.empty())) {
    Err("brink compare: two saved forecasts are compared as they are: --set, --policy, --scenario "
        "and --runs-csv apply only when the forecasts are run now\n");
    return kExitBadInput;
  }
  if (!saved && !changed) {
    Err("brink compare: nothing to compare: give --set PATH=VALUE or --policy ACTOR=NAME (the "
        "baseline is the scenario without them), or two saved forecasts A.json B.json\n");
    return kExitBadInput;
  }
  for (const auto& [flag, path] : {std::pair{"--report", &options.report_path},
                                    std::pair{"--runs-csv", &options.runs_csv_path}}) {
    if (path->empty()) continue;
    if (Status st = CheckWritable(*path); !st.ok()) {
      Err("brink compare: {} {}\n", flag, st.message());
      return kExitBadInput;
    }
  }
  if (Status st = CheckDistinctPaths({{"A", options.a_path, false},
                                      {"B", options.b_path, false},
                                      {"--scenario", ScenarioFilePath(options.variant.scenario_path), false},
                                      {"--report", options.report_path, true},
                                      {"--runs-csv", options.runs_csv_path, true}});
      !st.ok()) {
    Err("brink compare: {}\n", st.message());
    return kExitBadInput;
  }
  if (!options.report_path.empty() && !options.runs_csv_path.empty() && IsStandardOutput(options.report_path) &&
      IsStandardOutput(options.runs_csv_path)) {
    Err("brink compare: only one of --report and --runs-csv may go to standard output\n");
    return kExitBadInput;
  }
  return saved ? CompareSaved(options) : CompareRun(options);
}

}  // namespace

void AddCompareCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Compare two forecasts outcome by outcome: the scenario as it is against the same "
                 "with --set/--policy (same seeds, paired intervals), or two saved forecasts");
  cmd->add_option("a", options->a_path, "A saved forecast (brink forecast --json): the baseline A")
      ->check(NonEmptyPath());
  cmd->add_option("b", options->b_path, "Another saved forecast: the variant B")->check(NonEmptyPath());
  AddScenarioOptions(*cmd, options->variant);
  cmd->add_option("--runs,-n", options->runs, "Number of runs of each forecast")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed of both forecasts")
      ->capture_default_str()
      ->check(DecimalNumber());
  AddThreadsOption(*cmd, options->threads, "Worker threads of each forecast (default: all cores); results do not depend on it");
  cmd->add_option("--days", options->days, "Days per run (default: the scenario's horizon)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, Limits::kMaxDays));
  cmd->add_option("--report", options->report_path,
                  "Write the comparison as a self-contained HTML page (both maps, the differences)")
      ->check(NonEmptyPath());
  cmd->add_option("--runs-csv", options->runs_csv_path,
                  "Stream one CSV row per run and arm (column arm: baseline or variant), run by run "
                  "('-': standard output)")
      ->check(NonEmptyPath());
  AddProgressFlags(*cmd, options->progress, options->progress_always);
  cmd->callback([options, &exit_code] { exit_code = Compare(*options); });
}

}  // namespace brink::cli
