// `brink bench`: how fast the engine runs the scenario, in runs per second per core.
#include <fmt/format.h>
#include <tbb/info.h>

#include <chrono>

#include "brink/engine.h"
#include "brink/forecast.h"
#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

int Bench(const BenchOptions& options) {
  Result<Scenario> loaded = LoadFor(options.scenario);
  if (!loaded.ok()) {
    Err("brink bench: {}\n", loaded.message());
    return kExitBadInput;
  }
  const Scenario& s = loaded.value();
  Engine engine(s);
  auto workspace = engine.NewWorkspace();
  using Clock = std::chrono::steady_clock;
  // One core: whole runs, one after another.
  auto start = Clock::now();
  double checksum = 0;
  for (int64_t run = 0; run < options.runs; ++run) {
    State end = engine.Run(options.seed, static_cast<uint64_t>(run), 0, nullptr, *workspace);
    checksum += end.tally.escalation_score;
  }
  double one_core = std::chrono::duration<double>(Clock::now() - start).count();
  // All cores: the forecast's own loop, statistics included.
  ForecastOptions forecast;
  forecast.scenario = options.scenario;
  forecast.seed = options.seed;
  forecast.runs = options.runs * 2;
  Result<Forecast> all = RunForecast(s, forecast);
  const int cores = tbb::info::default_concurrency();
  const double days = static_cast<double>(options.runs) * s.horizon_days;
  Out("{}: {} days a run\n", s.name, s.horizon_days);
  Out("  one core : {:8.0f} runs/s   {:6.0f} ns per simulated day   ({} runs in {:.2f} s)\n",
             options.runs / one_core, one_core / days * 1e9, options.runs, one_core);
  Out("  {} cores  : {:8.0f} runs/s   {:6.0f} runs/s per core   (forecast of {} runs in {:.2f} s)\n",
             cores, forecast.runs / all.value().seconds, forecast.runs / all.value().seconds / cores,
             forecast.runs, all.value().seconds);
  Out("  (checksum {:.0f})\n", checksum);
  return FinishStdout("brink bench", 0);
}

}  // namespace

void AddBenchCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Measure runs per second (one core and all cores) on the scenario");
  AddScenarioOptions(*cmd, options->scenario);
  cmd->add_option("--runs,-n", options->runs, "Runs timed on one core (twice as many on all)")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed")->capture_default_str()->check(DecimalNumber());
  cmd->callback([options, &exit_code] { exit_code = Bench(*options); });
}

}  // namespace brink::cli
