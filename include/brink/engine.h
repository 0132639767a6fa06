// The engine: a Scenario's initial State and the daily step, which applies the rules in a
// fixed order (the model's schedule, docs/model.md "Process overview and scheduling").
#ifndef BRINK_ENGINE_H_
#define BRINK_ENGINE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "brink/event.h"
#include "brink/game.h"
#include "brink/scenario.h"
#include "brink/state.h"
#include "brink/status.h"

namespace brink {

struct Workspace;  // scratch buffers reused from day to day, one per thread
struct WorkspaceDeleter {
  void operator()(Workspace* workspace) const;
};
using WorkspacePtr = std::unique_ptr<Workspace, WorkspaceDeleter>;

class Policy;

// Runs a scenario. The engine owns (or shares) its scenario, so it never outlives it, and
// holds each actor's policy (by the scenario's `policy` key). It keeps no state of its own
// between calls: runs may share one engine across threads, each thread with its workspace.
class Engine {
 public:
  // Finalizes (FinalizeScenario) its copy of `scenario`, so a scenario edited in code runs as
  // edited, and resolves each actor's policy by name (CheckPolicies, brink/policy.h: the loader
  // keeps names unresolved). A scenario that does not validate, or names a policy not known,
  // stops the program with the error's message: use Create to have it as a value.
  explicit Engine(Scenario scenario);
  static Result<Engine> Create(Scenario scenario);
  // Shares a scenario already finalized (as LoadScenario returns it, or after FinalizeScenario).
  // Its policy names must be known (CheckPolicies, or ApplyPolicyChoices, which checks them),
  // else the program stops with the error's message.
  explicit Engine(std::shared_ptr<const Scenario> scenario);

  const Scenario& scenario() const { return *scenario_; }
  State Initial() const;

  // The day as a game (include/brink/game.h): Begin counts the day and prepares it (dawn: the
  // force index, stances, contacts, legal actions); Apply plays out one joint action. The Turn
  // refers to `state` and `workspace` until Apply. Apply refuses a turn that is no longer valid
  // (Turn::valid: applied already, or its workspace or state used since), a joint action of the
  // wrong size or with an illegal action; the state is then unchanged since Begin.
  Turn Begin(State& state, Workspace& workspace, uint64_t seed, uint64_t run) const;
  Status Apply(Turn& turn, const JointAction& joint, EventLog* log) const;
  // A copy of an open turn in another state and workspace (`copy`, `scratch`, which must be
  // neither the turn's): the same day at the same dawn, forces index and all, as a planning
  // turn (Turn::planning) open until its own Apply; the original stays open. With `seed` and
  // `run`, the copy draws the day's chance and its actors' decision draws afresh from them (a
  // sampled day, for a look-ahead that must not see the run's own dice) instead of sharing
  // the original's. Costs two State copies and a workspace copy, no re-indexing.
  Result<Turn> Fork(const Turn& turn, State& copy, Workspace& scratch) const;
  Result<Turn> Fork(const Turn& turn, State& copy, Workspace& scratch, uint64_t seed, uint64_t run) const;
  // The child step (state, joint action) -> next state, usable inside a policy's Choose:
  // `child` becomes exactly what Apply(turn, joint) would make of the turn's state, and the
  // turn stays open. Fork, then Apply; `scratch` then holds the child's index, so stepping the
  // child on in it costs what a step in place costs.
  Status Child(const Turn& turn, const JointAction& joint, State& child, Workspace& scratch,
               EventLog* log) const;
  // Sends the accounts policies give of their choices on turns begun in `workspace` (Turn::Record:
  // the search policy's alternatives, values and visits) to `sink`, or stops when null.
  // Look-ahead turns (Fork) never record.
  void RecordDeliberations(Workspace& workspace, std::vector<Deliberation>* sink) const;
  // Every actor's choice by its policy for this turn.
  JointAction Decide(const Turn& turn) const;

  // Advances `state` by one day: Begin, Decide, Apply. A joint action Apply refuses (a bug, as
  // policies choose among the legal actions) stops the program with its message in every build. Randomness comes only from (seed, run,
  // stream, day). A workspace keeps what it derived for the state it last stepped (the force
  // index) and uses it again only for that very state: any other State, a copy from elsewhere
  // or one assigned into the same variable, gets a fresh index.
  void Step(State& state, Workspace& workspace, uint64_t seed, uint64_t run, EventLog* log) const;
  // Runs from the initial state for `days` days (the scenario's horizon when <= 0); stops early
  // only at the horizon. `log` may be null.
  State Run(uint64_t seed, uint64_t run, int days, EventLog* log) const;
  // The same, reusing a thread's scratch space (no allocation per day).
  State Run(uint64_t seed, uint64_t run, int days, EventLog* log, Workspace& workspace) const;
  WorkspacePtr NewWorkspace() const;

  const Policy& policy(ActorId actor) const { return *policies_[actor]; }

 private:
  void Bind(Workspace& workspace) const;
  void DecideInto(const Turn& turn, JointAction& joint) const;
  // Begin, copying the state into Turn::before() only when `keep_before` (Step skips the copy
  // when no actor's policy can read it).
  Turn Open(State& state, Workspace& workspace, uint64_t seed, uint64_t run, bool keep_before) const;
  std::shared_ptr<const Scenario> scenario_;
  std::vector<std::shared_ptr<const Policy>> policies_;  // per actor
  // Some actor's policy may read Turn::before() (any but the shipped doctrine and hold, which
  // never do): Step keeps the copy of the state before each day only then.
  bool policies_read_before_ = true;
  uint64_t serial_;  // tells this engine's workspaces from another's
};

// Outcome helpers shared by the report and the ensemble.
// The bloc holding a region, or kNone.
BlocId HolderBloc(const Scenario& s, const State& st, RegionId region);

}  // namespace brink

#endif  // BRINK_ENGINE_H_
