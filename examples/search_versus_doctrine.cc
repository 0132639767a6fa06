// An actor on the search policy against the same actor on its doctrine, in the default
// scenario: the mean of its utility by its own objectives at the end (ActorUtility) with a 95%
// interval, and the headline odds, over independent runs. The figures in docs/model.md, Search
// (the model at e74486b):
//   search_versus_doctrine 400 none 0 0         Syrian army 54.75 ± 0.22, US 2.19 ± 0.11
//   search_versus_doctrine 400 us 30 10         US 2.19 ± 0.11: search by days, no better
//   search_versus_doctrine 400 us 30 30 30      US 2.70 ± 0.16: 30-day courses, better
//   search_versus_doctrine 100 syria 30 30 30   Syrian army 62.21 ± 1.10: better
// Arguments: runs, the actor to put on search ("none": all on their doctrine), simulations per
// decision, horizon in days, and optionally the days each first action is kept up as a course
// (search_course_days; 0, the default: the tree over days). Seed 1, runs 0 .. runs - 1, one
// thread.
#include <brink/engine.h>
#include <brink/policy.h>
#include <brink/scenario.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "running_mean.h"

int main(int argc, char** argv) {
  if (argc != 5 && argc != 6) {
    std::fprintf(stderr,
                 "usage: search_versus_doctrine RUNS ACTOR|none SIMULATIONS HORIZON_DAYS [COURSE_DAYS]\n");
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  const std::string actor = argv[2];
  brink::Scenario s = brink::LoadDefaultScenario({}).take();
  if (actor != "none") {
    if (brink::Status chosen = brink::ApplyPolicyChoices(s, {actor + "=search"}); !chosen.ok()) {
      std::fprintf(stderr, "search_versus_doctrine: %s\n", chosen.message().c_str());
      return 2;
    }
    brink::Actor& a = s.actors[static_cast<std::size_t>(s.ActorIndex(actor))];
    a.search_budget = std::atof(argv[3]);
    a.search_horizon_days = std::atof(argv[4]);
    if (argc == 6) a.search_course_days = std::atof(argv[5]);
  }
  brink::Result<brink::Engine> engine = brink::Engine::Create(std::move(s));
  if (!engine.ok() || runs < 2) {
    std::fprintf(stderr, "search_versus_doctrine: %s\n",
                 engine.ok() ? "at least 2 runs" : engine.message().c_str());
    return 2;
  }
  const brink::Scenario& scenario = engine.value().scenario();
  const auto us = static_cast<brink::ActorId>(scenario.ActorIndex("us"));
  const auto syria = static_cast<brink::ActorId>(scenario.ActorIndex("syria"));
  RunningMean us_utility, syria_utility, war, clash, link_open;
  brink::WorkspacePtr workspace = engine.value().NewWorkspace();
  const auto start = std::chrono::steady_clock::now();
  for (int run = 0; run < runs; ++run) {
    const brink::State end =
        engine.value().Run(1, static_cast<uint64_t>(run), 0, nullptr, *workspace);
    us_utility.Add(brink::ActorUtility(scenario, end, us));
    syria_utility.Add(brink::ActorUtility(scenario, end, syria));
    war.Add(end.at_war());
    clash.Add(end.tally.direct_clashes > 0);
    link_open.Add(end.corridor_open.empty() ? 0 : end.corridor_open.front());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%s on search (%s simulations of %s days), %d runs: US %.3f ± %.3f, Syrian army %.3f ± %.3f; "
      "war %.3f, a direct clash %.3f, land link open %.3f; %.3f s a run\n",
      actor.c_str(), argv[3], argv[4], runs, us_utility.value(), us_utility.half_width(),
      syria_utility.value(), syria_utility.half_width(), war.value(), clash.value(),
      link_open.value(), seconds / runs);
  return 0;
}
