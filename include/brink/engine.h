// The engine: a Scenario's initial State and the daily step, which applies the rules in a
// fixed order (the model's schedule, docs/model.md "Process overview and scheduling").
#ifndef BRINK_ENGINE_H_
#define BRINK_ENGINE_H_

#include <cstdint>
#include <memory>

#include "brink/event.h"
#include "brink/scenario.h"
#include "brink/state.h"

namespace brink {

struct Workspace;  // scratch buffers reused from day to day, one per thread
struct WorkspaceDeleter {
  void operator()(Workspace* workspace) const;
};
using WorkspacePtr = std::unique_ptr<Workspace, WorkspaceDeleter>;

class Engine {
 public:
  explicit Engine(const Scenario& scenario);

  const Scenario& scenario() const { return scenario_; }
  State Initial() const;
  // Advances `state` by one day. Randomness comes only from (seed, run, stream, day). The
  // workspace remembers the state it stepped: to change a State by hand between steps, step it
  // with a fresh workspace.
  void Step(State& state, Workspace& workspace, uint64_t seed, uint64_t run, EventLog* log) const;
  // Runs from the initial state for `days` days (the scenario's horizon when <= 0); stops early
  // only at the horizon. `log` may be null.
  State Run(uint64_t seed, uint64_t run, int days, EventLog* log) const;
  // The same, reusing a thread's scratch space (no allocation per day).
  State Run(uint64_t seed, uint64_t run, int days, EventLog* log, Workspace& workspace) const;
  WorkspacePtr NewWorkspace() const;

 private:
  const Scenario& scenario_;
};

// Outcome helpers shared by the report and the ensemble.
// The bloc holding a region, or kNone.
BlocId HolderBloc(const Scenario& s, const State& st, RegionId region);

}  // namespace brink

#endif  // BRINK_ENGINE_H_
