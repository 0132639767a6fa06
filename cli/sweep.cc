// `brink sweep`: a design over chosen parameters, each point an ensemble, into SQLite;
// resumable; --prim finds the parameter box where a condition on an outcome holds.
#include <fmt/format.h>

#include <atomic>
#include <csignal>

#include "brink/cluster.h"
#include "brink/sweep.h"
#include "cli/cluster.h"
#include "cli/common.h"
#include "cli/io.h"
#include "cli/progress.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnSweepSignal(int) { interrupted.store(true); }

int Sweep(SweepOptions options) {
  // Under mpirun the points are split across the ranks; rank 0 alone opens the database.
  Cluster* cluster = SplitAcrossJob(options.progress, {});
  options.cluster = cluster;
  const bool root = cluster == nullptr || cluster->root();
  Result<Scenario> loaded = LoadFor(options.scenario);
  Status checked = loaded.ok() ? Status() : Status::Error(loaded.message());
  if (checked.ok() && options.database.empty()) {
    checked = Status::Error("--db FILE is required (the SQLite database of results)");
  }
  if (checked = FirstError(cluster, checked); !checked.ok()) {
    Err("brink sweep: {}\n", checked.message());
    return kExitBadInput;
  }
  const Scenario& s = loaded.value();
  std::signal(SIGINT, OnSweepSignal);
  std::signal(SIGTERM, OnSweepSignal);
  Progress bar(options.progress, options.progress_always, "brink sweep", "points");
  Result<SweepProgress> done = RunSweep(
      s, options,
      [&](const SweepProgress& p) {
        bar.Update(p.done + p.skipped, p.total, p.skipped,
                   p.skipped > 0 ? fmt::format("({} already in the database)", p.skipped) : "");
      },
      &interrupted);
  if (!done.ok()) {
    if (interrupted.load() || done.message().find("interrupted") != std::string::npos) {
      Err("\nbrink sweep: interrupted; every finished point is in {}: run the same command again to resume\n",
          options.database);
      return kExitInterrupted;
    }
    Err("brink sweep: {}\n", done.message());
    return kExitBadInput;
  }
  if (!root) return 0;
  Out("{} points: {} run now, {} already in {}\n", done.value().total, done.value().done, done.value().skipped,
      options.database);
  if (!options.prim.empty()) {
    Result<std::string> prim = SweepPrim(s, options);
    if (!prim.ok()) {
      Err("brink sweep: {}\n", prim.message());
      return kExitBadInput;
    }
    Out("{}", prim.value());
  }
  return FinishStdout("brink sweep", 0);
}

}  // namespace

void AddSweepCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run a design over chosen parameters (grid, Latin hypercube, Sobol), each point an ensemble, into "
               "an SQLite database; resumable; --prim finds where a condition holds");
  AddScenarioOptions(*cmd, options->scenario);
  cmd->add_option("--parameter,-p", options->parameters,
                  "Parameters swept over their plausible ranges: rules.NAME or actor.ID.NAME, a part may be *")
      ->required();
  cmd->add_option("--outcome,-o", options->outcomes,
                  "Outcomes stored (as for sensitivity; default: war, direct_clash and every corridor_open)");
  cmd->add_option("--design", options->design, "grid, lhs (Latin hypercube) or sobol")
      ->capture_default_str()
      ->check(CLI::IsMember({"grid", "lhs", "sobol"}));
  cmd->add_option("--points", options->points, "Points of an lhs or sobol design")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--levels", options->levels, "Values per parameter of a grid")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  cmd->add_option("--runs,-n", options->runs, "Runs per point (all points share the seed)")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Seed of every point's ensemble (and of the Latin hypercube)")
      ->capture_default_str()
      ->check(DecimalNumber());
  AddThreadsOption(*cmd, options->threads, "Worker threads (default: all cores); results do not depend on it");
  cmd->add_option("--days", options->days, "Days per run (default: the scenario's horizon)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, Limits::kMaxDays));
  cmd->add_option("--db", options->database, "The SQLite database (created if missing; schema in docs/analysis.md)")
      ->check(NonEmptyPath());
  cmd->add_option("--prim", options->prim,
                  "Scenario discovery after the sweep: OUTCOME>VALUE or OUTCOME<VALUE (e.g. war>0.05)");
  AddProgressFlags(*cmd, options->progress, options->progress_always);
  cmd->callback([options, &exit_code] { exit_code = Sweep(*options); });
}

}  // namespace brink::cli
