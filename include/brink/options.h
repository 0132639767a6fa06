// Options of each front-end command. Every field says what it does and its default; the CLI
// only fills these in and calls the library.
#ifndef BRINK_OPTIONS_H_
#define BRINK_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace brink {

class Cluster;  // include/brink/cluster.h

// Options shared by every command that simulates.
struct ScenarioOptions {
  // Path of a scenario file; empty means the embedded default (eastern Syria, June 2017).
  std::string scenario_path;
  // Parameter overrides, each "path=value" (see docs/scenario-format.md, "Overrides").
  std::vector<std::string> overrides;
  // Decision policies by actor, each "ACTOR=NAME" (include/brink/policy.h), replacing the
  // scenario's `policy` keys; e.g. "us=hold".
  std::vector<std::string> policies;
  // For every actor on the search policy (by --policy or the scenario), simulations per searched
  // decision and days each looks ahead, replacing its `search_budget` and
  // `search_horizon_days`; 0 keeps the scenario's.
  int search_budget = 0;
  int search_horizon_days = 0;
  // And the days each first action is held as a course (`search_course_days`; 0: the tree over
  // each decision day); below 0 keeps the scenario's.
  int search_course_days = -1;
};

// `brink run`: one course of events.
struct RunOptions {
  ScenarioOptions scenario;
  // Seed of the counter-based generator; the same seed gives the same run, byte for byte.
  uint64_t seed = 1;
  // Days to simulate; 0 means the scenario's horizon_days.
  int days = 0;
  // If set, the events as JSON lines plus the end state are written here (atomically).
  std::string json_path;
  // Print the narrative (true) or only the end state (false).
  bool narrative = true;
  // At each decision an actor on the search policy searched, tell the alternatives it weighed
  // (value, uncertainty, visits) after the narrative, and write them as "deliberation" lines
  // in the JSON. Costs nothing when no actor searches.
  bool explain = false;
};

// `brink forecast`: an ensemble of independent runs and the odds of each end.
struct ForecastOptions {
  ScenarioOptions scenario;
  // Seed of the ensemble; run i uses the generator keyed by (seed, i).
  uint64_t seed = 1;
  // Number of independent runs. More runs narrow the intervals as 1/sqrt(runs); cost is
  // linear, memory is constant (statistics are accumulated as runs finish).
  int64_t runs = 10000;
  // Worker threads; 0 means all cores. Results do not depend on it.
  int threads = 0;
  // Days per run; 0 means the scenario's horizon_days.
  int days = 0;
  // If set, the forecast with its provenance is written here as JSON (atomically).
  std::string json_path;
  // If set, CSV tables are written into this directory (created if missing).
  std::string csv_dir;
  // If set, one row per run (its seed, index and every outcome) is streamed here as CSV, in
  // run order whatever the threads; memory stays flat. "-" is standard output.
  std::string runs_csv_path;
  // If set, a self-contained HTML report (map, war curve, outcomes, provenance) is written here.
  std::string report_path;
  // Show a progress bar (runs done, the time left) on stderr when it is a terminal; with
  // `progress_always` also when it is not (a line every 10 s: a log, mpirun).
  bool progress = true;
  bool progress_always = false;
  // --uncertain: each run draws the uncertain parameters uniformly from their plausible ranges
  // (include/brink/parameters.h), from its own counter-based stream (so the thread count does
  // not change the result), and the odds are reported beside those at the central values.
  bool uncertain = false;
  // The parameters drawn (patterns as brink parameters takes them); empty: every rule
  // parameter and every value the scenario gives a range for.
  std::vector<std::string> uncertain_parameters;
  // The processes the runs are split across (include/brink/cluster.h: MPI ranks under
  // mpirun); null: this process alone. Rank r computes its share of each block of runs, rank 0
  // folds them in run order: the same statistics, byte for byte, whatever the split. Only rank
  // 0's Forecast holds the statistics, and only rank 0's sink and progress are called.
  Cluster* cluster = nullptr;
};

// `brink report`: the HTML report of a forecast saved as JSON (brink forecast --json).
struct ReportOptions {
  // The saved forecast (JSON written by brink forecast --json); "-" is standard input.
  std::string forecast_path;
  // Where the HTML goes; "-" is standard output.
  std::string output_path;
};

// `brink compare`: two forecasts of one scenario that differ in options, outcome by outcome.
// Either two saved forecasts (`a_path`, `b_path`), or a baseline (the scenario without the
// --set/--policy of `variant`) and the variant run now with the same seeds (common random
// numbers), which also gives paired intervals.
struct CompareOptions {
  // The variant's scenario, --set and --policy; the baseline drops the --set and --policy.
  ScenarioOptions variant;
  // Saved forecasts to compare instead of running (both or neither).
  std::string a_path, b_path;
  // Seed of both ensembles; run i of each uses the generator keyed by (seed, i).
  uint64_t seed = 1;
  // Runs per arm.
  int64_t runs = 10000;
  // Worker threads per arm; 0 means all cores. Results do not depend on it.
  int threads = 0;
  // Days per run; 0 means the scenario's horizon_days.
  int days = 0;
  // If set, the comparison as HTML (both maps, the differences) is written here.
  std::string report_path;
  // If set, one row per run and arm (column `arm`: baseline or variant) is streamed here.
  std::string runs_csv_path;
  // Progress (runs done, the time left) on stderr, as ForecastOptions::progress says.
  bool progress = true;
  bool progress_always = false;
};

// `brink score`: an ensemble scored against dated observations of what happened.
struct ScoreOptions {
  ScenarioOptions scenario;
  // Observations file (TOML, docs/scenario-format.md "Observations"); empty means the
  // scenario's own [[observation]] tables, or, for the default scenario, its embedded record.
  std::string observations_path;
  // Seed of the ensemble; run i uses the generator keyed by (seed, i), as in forecast.
  uint64_t seed = 1;
  // Number of independent runs; log scores floor probabilities at 1 / (2 runs).
  int64_t runs = 10000;
  // Worker threads; 0 means all cores. Results do not depend on it.
  int threads = 0;
  // If set, the scores with their provenance are written here as JSON (atomically).
  std::string json_path;
  // If set, CSV tables are written into this directory (created if missing).
  std::string csv_dir;
  // Progress (runs done, the time left) on stderr, as ForecastOptions::progress says.
  bool progress = true;
  bool progress_always = false;
};

// `brink bench`: runs per second on one core and on all, for the scenario.
struct BenchOptions {
  ScenarioOptions scenario;
  // Runs timed on each pass.
  int64_t runs = 2000;
  uint64_t seed = 1;
};

// `brink sensitivity`: which parameters the chosen outcomes depend on. Morris elementary effects
// screen every parameter chosen; Sobol indices (Saltelli sampling, Jansen estimators, bootstrap
// intervals) then measure the `top` that matter most. Every point is an ensemble of `runs` runs
// with the same seed (common random numbers), so differences between points come from the
// parameters, not from the draws.
struct SensitivityOptions {
  ScenarioOptions scenario;
  // Parameter patterns (rules.NAME, actor.ID.NAME, a part may be *); empty: every rule
  // parameter and every value the scenario gives a range for (include/brink/parameters.h).
  std::vector<std::string> parameters;
  // Outcome ids: a yes/no outcome of the forecast (its probability), a number's id (its
  // mean), or held.REGION.BLOC (the chance the bloc holds the region at the end). Empty: war,
  // direct_clash and every corridor's corridor_open.ID.
  std::vector<std::string> outcomes;
  // "morris", "sobol" or "both" (Morris over all, then Sobol over the top).
  std::string method = "both";
  // Morris trajectories: cost trajectories x (parameters + 1) ensembles.
  int trajectories = 10;
  // Sobol base samples N: cost N x (top + 2) ensembles.
  int samples = 64;
  // Parameters kept for Sobol after Morris (by their largest mu* over the outcomes, each
  // outcome's mu* scaled by its largest).
  int top = 6;
  // Bootstrap resamples for the Sobol intervals.
  int bootstrap = 500;
  // Runs per point, seed (the same for every point), threads, days per run.
  int64_t runs = 200;
  uint64_t seed = 1;
  int threads = 0;
  int days = 0;
  // Outputs: the indices as JSON, as CSV files in a directory, and an HTML page with a tornado
  // chart.
  std::string json_path, csv_dir, report_path;
  // Progress (points done, the time left) on stderr, as ForecastOptions::progress says.
  bool progress = true;
  bool progress_always = false;
  // The processes the points are split across (include/brink/cluster.h), each point a whole
  // ensemble on one rank; null: this process alone. Every rank gets every point's outcomes, so
  // every rank's result is the same, whatever the split.
  Cluster* cluster = nullptr;
};

// Hard limits on what a command line may ask for.
struct CommandLimits {
  static constexpr int64_t kMaxRuns = 100'000'000;
  static constexpr int kMaxThreads = 1024;
};

}  // namespace brink

#endif  // BRINK_OPTIONS_H_
