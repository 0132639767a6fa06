// Shared by the fuzz targets: a short engine run on a scenario that loaded, and checks of the
// State's invariants afterwards (a violated one aborts, so libFuzzer keeps the input).
#ifndef BRINK_FUZZ_FUZZ_RUN_H_
#define BRINK_FUZZ_FUZZ_RUN_H_

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "brink/engine.h"
#include "brink/scenario.h"
#include "brink/state.h"

namespace brink_fuzz {

// Days simulated per input: enough for forces to meet, fight and escalate, short enough that
// the largest scenario the Limits allow stays well inside the run's -timeout.
inline constexpr int kFuzzDays = 30;
// A small scenario (as most fuzz inputs are) runs its whole horizon, up to Limits::kMaxDays:
// what only happens late (war, a defeated group, long sums, a day counter near the end)
// is checked too, at a cost of microseconds per day.
inline constexpr std::size_t kSmallRegions = 64, kSmallForces = 64, kSmallEdges = 256;

[[noreturn]] inline void Violated(const char* what) {
  std::fprintf(stderr, "brink fuzz: state invariant violated: %s\n", what);
  std::abort();
}

inline void CheckState(const brink::Scenario& s, const brink::State& st, int days) {
  const auto actors = static_cast<int>(s.actors.size());
  const auto regions = static_cast<int>(s.regions.size());
  if (st.day != days) Violated("day != days asked for");
  if (st.holder.size() != s.regions.size()) Violated("holder size != regions");
  for (brink::ActorId h : st.holder) {
    if (h < brink::kNone || h >= actors) Violated("region holder out of range");
  }
  for (const brink::Force& f : st.forces) {
    if (f.actor < 0 || f.actor >= actors) Violated("force actor out of range");
    if (f.region < 0 || f.region >= regions) Violated("force region out of range");
    if (f.target < brink::kNone || f.target >= regions) Violated("force target out of range");
    if (!std::isfinite(f.strength) || f.strength < 0) Violated("force strength not finite or < 0");
    if (!std::isfinite(f.progress_km)) Violated("force progress not finite");
  }
  for (const brink::ActorState& a : st.actors) {
    if (!std::isfinite(a.casualties) || a.casualties < 0) Violated("casualties not finite or < 0");
  }
  for (float x : st.influence) {
    if (!std::isfinite(x)) Violated("faction influence not finite");
  }
  for (float x : st.exposure_troops) {
    if (!std::isfinite(x) || x < 0) Violated("exposure troops not finite or < 0");
  }
  for (float x : st.tension) {
    if (!std::isfinite(x)) Violated("tension not finite");
  }
  if (st.level < 0 || st.level >= static_cast<int>(s.ladder.size())) Violated("level off the ladder");
  if (st.max_level < st.level || st.max_level >= static_cast<int>(s.ladder.size())) {
    Violated("max_level off the ladder or below level");
  }
  if (!std::isfinite(st.tally.escalation_score)) Violated("escalation score not finite");
}

// With BRINK_FUZZ_VERBOSE set in the environment, says what LoadScenario made of an input (for
// replaying one input by hand: BRINK_FUZZ_VERBOSE=1 build-fuzz/scenario_fuzzer FILE).
inline void Report(const brink::Result<brink::Scenario>& loaded) {
  static const bool verbose = std::getenv("BRINK_FUZZ_VERBOSE") != nullptr;
  if (!verbose) return;
  if (loaded.ok()) {
    const brink::Scenario& s = loaded.value();
    std::fprintf(stderr, "loaded: %zu blocs, %zu actors, %zu regions, %zu forces, horizon %d\n",
                 s.blocs.size(), s.actors.size(), s.regions.size(), s.forces.size(),
                 s.horizon_days);
  } else {
    std::fprintf(stderr, "error: %s\n", loaded.message().c_str());
  }
}

// Runs the engine (seed 1, run 0) on a scenario that loaded, its whole horizon if it is small
// and kFuzzDays otherwise, and checks the result.
inline void RunBriefly(const brink::Scenario& scenario) {
  brink::Engine engine(scenario);
  const bool small = scenario.regions.size() <= kSmallRegions &&
                     scenario.forces.size() <= kSmallForces && scenario.edges.size() <= kSmallEdges;
  const int days = small ? scenario.horizon_days : std::min(scenario.horizon_days, kFuzzDays);
  brink::State state = engine.Run(1, 0, days, nullptr);
  CheckState(scenario, state, days);
}

// What every target does with a load's result: an error must say what is wrong; a scenario
// that loaded is run briefly and checked.
inline void Exercise(const brink::Result<brink::Scenario>& loaded) {
  Report(loaded);
  if (!loaded.ok()) {
    if (loaded.message().empty()) std::abort();
    return;
  }
  RunBriefly(loaded.value());
}

}  // namespace brink_fuzz

#endif  // BRINK_FUZZ_FUZZ_RUN_H_
