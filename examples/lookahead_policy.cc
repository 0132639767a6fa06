// A policy written outside brink, against its installed headers only (include/brink): on each
// day, the actor plays every one of its legal actions one day ahead in a child step, the other
// actors choosing by their own policies on a sampled copy of the day, and takes the action
// that leaves it best off by its own objectives (ActorUtility). Registered by name, it is then
// chosen like a shipped policy (--policy us=lookahead, or `policy = "lookahead"`).
//
// The program runs the default scenario for 60 days with the US on this policy and prints what
// it chose. Built by the test suite against a freshly installed package (examples/CMakeLists.txt).
#include <brink/engine.h>
#include <brink/policy.h>
#include <brink/scenario.h>

#include <atomic>
#include <cstdio>
#include <memory>

namespace {

class LookAhead final : public brink::Policy {
 public:
  std::string_view name() const override { return "lookahead"; }

  brink::Action Choose(const brink::Turn& turn, brink::ActorId actor) const override {
    const auto legal = turn.Legal(actor);
    // Inside another's look-ahead, or with nothing to weigh, do as the doctrine does.
    if (turn.planning() || legal.size() < 2) return Doctrine(turn, actor);
    const brink::Engine& engine = turn.engine();
    brink::WorkspacePtr scratch = engine.NewWorkspace();
    brink::State child;
    brink::Action best = brink::Action::kHold;
    double best_value = 0;
    for (std::size_t i = 0; i < legal.size(); ++i) {
      // A sampled copy of today, from this actor's own random stream: the day's dice are not
      // the run's, so the choice cannot peek at them.
      brink::Result<brink::Turn> fork =
          engine.Fork(turn, child, *scratch, turn.PolicyKey(actor), 0);
      if (!fork.ok()) return Doctrine(turn, actor);
      brink::JointAction joint = engine.Decide(fork.value());
      joint[actor] = legal[i].kind;
      if (!engine.Apply(fork.value(), joint, nullptr).ok()) return Doctrine(turn, actor);
      const double value = brink::ActorUtility(turn.scenario(), child, actor);
      if (i == 0 || value > best_value) {
        best = legal[i].kind;
        best_value = value;
      }
    }
    looked_ahead_.fetch_add(1, std::memory_order_relaxed);
    return best;
  }

  int looked_ahead() const { return looked_ahead_.load(); }

 private:
  static brink::Action Doctrine(const brink::Turn& turn, brink::ActorId actor) {
    return brink::ChooseSoftmax(brink::DoctrineScores(turn, actor),
                                turn.scenario().actors[actor].rationality, turn.Draw(actor));
  }
  mutable std::atomic<int> looked_ahead_{0};
};

}  // namespace

int main() {
  auto policy = std::make_shared<LookAhead>();
  if (brink::Status registered = brink::RegisterPolicy(policy); !registered.ok()) {
    std::fprintf(stderr, "lookahead_policy: %s\n", registered.message().c_str());
    return 1;
  }
  brink::Result<brink::Scenario> scenario = brink::LoadDefaultScenario({});
  if (!scenario.ok()) {
    std::fprintf(stderr, "lookahead_policy: %s\n", scenario.message().c_str());
    return 1;
  }
  if (brink::Status chosen = brink::ApplyPolicyChoices(scenario.value(), {"us=lookahead"});
      !chosen.ok()) {
    std::fprintf(stderr, "lookahead_policy: %s\n", chosen.message().c_str());
    return 1;
  }
  brink::Result<brink::Engine> engine = brink::Engine::Create(scenario.take());
  if (!engine.ok()) {
    std::fprintf(stderr, "lookahead_policy: %s\n", engine.message().c_str());
    return 1;
  }
  const brink::ActorId us = static_cast<brink::ActorId>(engine.value().scenario().ActorIndex("us"));
  const brink::State end = engine.value().Run(1, 0, 60, nullptr);
  std::printf("lookahead_policy: us chose by look-ahead on %d days; its utility on day %d: %.3f\n",
              policy->looked_ahead(), end.day,
              brink::ActorUtility(engine.value().scenario(), end, us));
  return policy->looked_ahead() > 0 ? 0 : 1;
}
