// Issue 23's claim on the default scenario (docs/model.md, Search, "Courses of action"): the US
// and the Syrian army, each on the search policy over courses of action (30 simulations of 30
// days per decision, each first action kept up as a course for 30 days), end better off by
// their own objectives (ActorUtility) than on their doctrine, the two 95% intervals apart. Seed
// 1, runs 0 .. N-1, two threads (each run is a function of its seed and number alone).
// Long: about 2 minutes of CPU in Release, several times that under the sanitizers (label
// "long", the Claims.* filter in CMakeLists.txt). The doctrine's runs are cheap (about 2 ms), so
// its intervals are made narrow with many runs; the searched runs (about 0.5 s each) are as few
// as keep the gap between the intervals several standard errors wide.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "brink/compare.h"
#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/scenario.h"

namespace brink {
namespace {

struct Interval95 {
  double mean = 0, half = 0;
  double low() const { return mean - half; }
  double high() const { return mean + half; }
};

// The actor's utility at the end, mean and 95% half-width over `runs` runs, with the actor on
// `policy` (course search: 30 simulations of 30 days, 30-day courses).
Interval95 Utility(const std::string& actor, const std::string& policy, int runs) {
  Result<Scenario> loaded = LoadDefaultScenario({});
  EXPECT_TRUE(loaded.ok()) << loaded.message();
  Scenario s = loaded.take();
  EXPECT_TRUE(ApplyPolicyChoices(s, {actor + "=" + policy}).ok());
  Actor& a = s.actors[static_cast<std::size_t>(s.ActorIndex(actor))];
  a.search_budget = 30;
  a.search_horizon_days = 30;
  a.search_course_days = 30;
  const Engine engine(std::move(s));
  const auto id = static_cast<ActorId>(engine.scenario().ActorIndex(actor));
  std::vector<double> utility(static_cast<std::size_t>(runs));
  std::vector<std::thread> workers;
  for (int t = 0; t < 2; ++t) {
    workers.emplace_back([&, t] {
      WorkspacePtr w = engine.NewWorkspace();
      for (int run = t; run < runs; run += 2) {
        const State end = engine.Run(1, static_cast<uint64_t>(run), 0, nullptr, *w);
        utility[static_cast<std::size_t>(run)] = ActorUtility(engine.scenario(), end, id);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  double sum = 0, squares = 0;
  for (double u : utility) {
    sum += u;
    squares += u * u;
  }
  const double n = runs, mean = sum / n;
  // Student's t (the searched samples are small): the library's interval of a mean of n values.
  const double sd = std::sqrt((squares - sum * sum / n) / (n - 1));
  const double half = mean - PairedMeanInterval(mean, sd, runs).low;
  std::printf("  %s on %s, %d runs: %.3f ± %.3f\n", actor.c_str(), policy.c_str(), runs, mean, half);
  return {mean, half};
}

// Measured on 1edb740 (t intervals): US 2.249 ± 0.031 (doctrine, 2,000 runs) and 2.555 ± 0.105
// (search, 300 runs), a gap of about three standard errors of the searched mean; Syrian army
// 54.90 ± 0.09 (doctrine, 2,000 runs) and 61.9 ± 1.7 (search, 40 runs), six.
TEST(Claims, PlanningPrincipalsBeatTheirDoctrine) {
  const Interval95 us_doctrine = Utility("us", "doctrine", 2000), us_search = Utility("us", "search", 300);
  EXPECT_LT(us_doctrine.high(), us_search.low());
  const Interval95 syria_doctrine = Utility("syria", "doctrine", 2000),
                   syria_search = Utility("syria", "search", 40);
  EXPECT_LT(syria_doctrine.high(), syria_search.low());
}

}  // namespace
}  // namespace brink
