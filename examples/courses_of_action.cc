// Brute force over an actor's fixed courses of action, against its doctrine, in the default
// scenario (docs/model.md, Search: "Is the US's doctrine already near its best?"). A course is
// a rule kept for the whole run: "at each of its decision points (IsDecisionPoint) do X when
// X is legal, else what the doctrine chooses", "do X every day it is legal", or "advance every
// day for the first D days, then the doctrine". Each course is played on the same runs (seed 1,
// runs 0 .. RUNS - 1) as the doctrine, so besides each mean with its 95% interval the program
// prints the paired difference from the doctrine, run by run (the same dice: a far tighter
// reading of which course is better than the two intervals).
//   courses_of_action RUNS ACTOR [THREADS]     e.g. courses_of_action 2000 us 2
#include <brink/engine.h>
#include <brink/policy.h>
#include <brink/scenario.h>
#include <brink/search.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "running_mean.h"

namespace {

brink::Action Doctrine(const brink::Turn& turn, brink::ActorId actor) {
  return brink::ChooseSoftmax(brink::DoctrineScores(turn, actor),
                              turn.scenario().actors[actor].rationality, turn.Draw(actor));
}

// One course: when it applies (at decision points, every day, or the first `days` days) and
// what it does then (X when legal, else the doctrine's choice).
class Course final : public brink::Policy {
 public:
  enum class When { kDecisionPoints, kEveryDay, kFirstDays };
  Course(std::string name, When when, brink::Action action, int days = 0)
      : name_(std::move(name)), when_(when), action_(action), days_(days) {}
  std::string_view name() const override { return name_; }
  brink::Action Choose(const brink::Turn& turn, brink::ActorId actor) const override {
    const bool applies = when_ == When::kEveryDay ||
                         (when_ == When::kFirstDays && turn.day() <= days_) ||
                         (when_ == When::kDecisionPoints && brink::IsDecisionPoint(turn, actor));
    if (applies && turn.IsLegal(actor, action_)) return action_;
    return Doctrine(turn, actor);
  }

 private:
  std::string name_;
  When when_;
  brink::Action action_;
  int days_;
};

// The actor's utility at the end of each run, with `policy` for the actor.
std::vector<double> Utilities(const std::string& actor, const std::string& policy, int runs,
                              int threads) {
  brink::Scenario s = brink::LoadDefaultScenario({}).take();
  if (brink::Status chosen = brink::ApplyPolicyChoices(s, {actor + "=" + policy}); !chosen.ok()) {
    std::fprintf(stderr, "courses_of_action: %s\n", chosen.message().c_str());
    std::exit(2);
  }
  const brink::Engine engine = brink::Engine::Create(std::move(s)).take();
  const auto id = static_cast<brink::ActorId>(engine.scenario().ActorIndex(actor));
  std::vector<double> utility(static_cast<std::size_t>(runs));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      brink::WorkspacePtr workspace = engine.NewWorkspace();
      for (int run = t; run < runs; run += threads) {
        const brink::State end = engine.Run(1, static_cast<uint64_t>(run), 0, nullptr, *workspace);
        utility[static_cast<std::size_t>(run)] = brink::ActorUtility(engine.scenario(), end, id);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return utility;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::atoi(argv[1]) < 2) {
    std::fprintf(stderr, "usage: courses_of_action RUNS ACTOR [THREADS]\n");
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  const std::string actor = argv[2];
  const int threads = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;
  using When = Course::When;
  std::vector<std::shared_ptr<const brink::Policy>> courses;
  for (int a = 0; a < static_cast<int>(brink::Action::kCount); ++a) {
    const auto action = static_cast<brink::Action>(a);
    const std::string name(brink::ActionName(action));
    courses.push_back(std::make_shared<Course>("decisions-" + name, When::kDecisionPoints, action));
    courses.push_back(std::make_shared<Course>("always-" + name, When::kEveryDay, action));
  }
  for (int days : {30, 90, 180}) {
    courses.push_back(std::make_shared<Course>("advance-first-" + std::to_string(days) + "-days",
                                               When::kFirstDays, brink::Action::kAdvance, days));
  }
  for (const auto& course : courses) {
    if (brink::Status registered = brink::RegisterPolicy(course); !registered.ok()) {
      std::fprintf(stderr, "courses_of_action: %s\n", registered.message().c_str());
      return 1;
    }
  }
  const std::vector<double> doctrine = Utilities(actor, "doctrine", runs, threads);
  RunningMean base;
  for (double u : doctrine) base.Add(u);
  std::printf("%s, %d runs (seed 1): utility at the end by its own objectives, mean ± 95%% half-width\n",
              actor.c_str(), runs);
  std::printf("  %-28s %8.3f ± %.3f\n", "doctrine", base.value(), base.half_width());
  for (const auto& course : courses) {
    const std::vector<double> utility = Utilities(actor, std::string(course->name()), runs, threads);
    RunningMean mean, difference;
    for (std::size_t r = 0; r < utility.size(); ++r) {
      mean.Add(utility[r]);
      difference.Add(utility[r] - doctrine[r]);
    }
    std::printf("  %-28s %8.3f ± %.3f   paired difference from the doctrine %+.3f ± %.3f\n",
                std::string(course->name()).c_str(), mean.value(), mean.half_width(),
                difference.value(), difference.half_width());
  }
  return 0;
}
