// Sweeps: designs over chosen parameters (grid, Latin hypercube, Sobol sequence), each point an
// ensemble with the same seed (common random numbers), results kept in an SQLite database that
// a sweep resumes from (docs/analysis.md, "Sweeps"); and PRIM scenario discovery over them.
#ifndef BRINK_SWEEP_H_
#define BRINK_SWEEP_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "brink/cluster.h"
#include "brink/options.h"
#include "brink/scenario.h"
#include "brink/sensitivity.h"
#include "brink/status.h"

namespace brink {

// Designs in [0, 1]^k. A grid of `levels` values per input (0, 1/(levels-1), ..., 1; the last
// input varies fastest); a Latin hypercube of n points (each input's n strata used once, a
// point uniform in its stratum); the first n points of a k-dimensional Sobol sequence after
// the origin.
Points GridDesign(int k, int levels);
Points LatinHypercube(int k, int n, uint64_t seed);
Points SobolSequence(int k, int n);

// PRIM (Friedman and Fisher 1999): peels the box holding the points, a share `alpha` of the
// points at a time from one side of one input, keeping the peel that raises the density of
// points of interest most, until the box holds fewer than `min_mass` of the points.
struct PrimBox {
  std::vector<double> low, high;  // per input
  double coverage = 0;  // share of all points of interest inside the box
  double density = 0;   // share of the points inside the box that are of interest
  double mass = 0;      // share of all points inside the box
};
struct PrimOptions {
  double alpha = 0.05;
  double min_mass = 0.05;
};
// The peeling trajectory, from the whole space to the last box.
std::vector<PrimBox> PrimTrajectory(const Points& x, const std::vector<bool>& interest, const PrimOptions& options);
// The box reported: the first on the trajectory whose density reaches 90% of the highest
// density along it (so as much coverage as possible for nearly the best density).
PrimBox PrimChoose(const std::vector<PrimBox>& trajectory);

struct SweepOptions {
  ScenarioOptions scenario;
  std::vector<std::string> parameters;  // paths or patterns (include/brink/parameters.h)
  std::vector<std::string> outcomes;    // as SensitivityOptions::outcomes
  std::string design = "lhs";           // grid, lhs or sobol
  int points = 100;                     // lhs and sobol
  int levels = 5;                       // grid: values per parameter
  int64_t runs = 1000;                  // runs per point
  uint64_t seed = 1;                    // the same for every point; also the LHS's seed
  int threads = 0;
  int days = 0;
  std::string database;                 // SQLite file (created if missing)
  // --prim OUTCOME>VALUE (or <): scenario discovery over this sweep's points.
  std::string prim;
  // Progress (points done, the time left) on stderr, as ForecastOptions::progress says.
  bool progress = true;
  bool progress_always = false;
  // The processes the points are split across (include/brink/cluster.h); null: this process
  // alone. Only rank 0 opens the database; the result is the same whatever the split.
  Cluster* cluster = nullptr;
};

struct SweepProgress {
  int64_t done = 0, skipped = 0, total = 0;
};
using SweepProgressFn = std::function<void(const SweepProgress&)>;

// Runs the points not yet in the database (a finished point is never run again), each as one
// transaction: an interrupted sweep leaves only whole points and resumes where it stopped.
Result<SweepProgress> RunSweep(const Scenario& s, const SweepOptions& options, const SweepProgressFn& progress,
                               const std::atomic<bool>* cancel);
// PRIM over the sweep's points in the database (those of this scenario, seed, runs and days
// for the options' parameters), for the condition in options.prim: the box, as text.
Result<std::string> SweepPrim(const Scenario& s, const SweepOptions& options);

}  // namespace brink

#endif  // BRINK_SWEEP_H_
