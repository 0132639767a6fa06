// The forces-by-region index is kept up to date in place (forces that lose troops, march, fall
// back or split off a garrison); in place it must match a rebuild from scratch, field by field.
#include <gtest/gtest.h>

#include "brink/engine.h"
#include "brink/scenario.h"
#include "engine/day.h"

namespace brink {
namespace {

// The index as the rules read it: the lists, presence, firepower, and each present actor's
// troops, firepower and strongest force (ForceIndex::Difference names the first difference).
void ExpectSameIndex(const Workspace& kept, const Workspace& rebuilt, int day) {
  ASSERT_EQ(kept.index.Difference(rebuilt.index), "") << "day " << day;
}

TEST(ForceIndex, KeptInPlaceMatchesARebuild) {
  const Scenario s = LoadDefaultScenario().take();
  const Engine engine(s);
  int compared = 0, moved_days = 0;
  for (uint64_t run = 0; run < 12; ++run) {
    Workspace w;
    State st = engine.Initial();
    while (st.day < s.horizon_days) {
      const std::vector<Force> before = st.forces;
      engine.Step(st, w, 7, run, nullptr);
      if (w.index.stale()) continue;  // a rebuild is due at dawn anyway
      bool moved = before.size() != st.forces.size();
      for (std::size_t i = 0; !moved && i < before.size(); ++i) moved = before[i].region != st.forces[i].region;
      // Bring the kept index up to date as the next dawn would, and compare with a fresh one.
      Workspace kept = w, rebuilt = w;
      State copy = st;
      Day keep_day{s, copy, kept, 7, run, nullptr};
      UpdateIndex(keep_day);
      Day rebuild_day{s, copy, rebuilt, 7, run, nullptr};
      IndexForces(rebuild_day);
      ExpectSameIndex(kept, rebuilt, st.day);
      if (HasFatalFailure()) return;
      ++compared;
      moved_days += moved;
    }
  }
  // Most days, and many days with marches, fall-backs or garrisons, were checked.
  EXPECT_GT(compared, 12 * s.horizon_days / 2);
  EXPECT_GT(moved_days, 500);
}

// capture_strength 0 is in the documented range (0 - 1e6). A garrison is at most twice it, so
// none is split off: the force marches whole. (A garrison of 0 troops was split off, which left
// the kept index unlike a rebuild: debug builds aborted, Release went on with it.)
TEST(CaptureStrength, ZeroNeverSplitsOffAnEmptyForce) {
  const Scenario s = LoadDefaultScenario({"rules.capture_strength=0"}).take();
  const Engine engine(s);
  for (uint64_t run = 0; run < 4; ++run) {
    Workspace w;
    State st = engine.Initial();
    while (st.day < 120) {
      const std::size_t before = st.forces.size();
      engine.Step(st, w, 7, run, nullptr);
      for (std::size_t i = before; i < st.forces.size(); ++i) {
        ASSERT_GT(st.forces[i].strength, 0) << "day " << st.day << " force " << i;
      }
      if (w.index.stale()) continue;
      Workspace kept = w, rebuilt = w;
      State copy = st;
      Day keep_day{s, copy, kept, 7, run, nullptr};
      UpdateIndex(keep_day);
      Day rebuild_day{s, copy, rebuilt, 7, run, nullptr};
      IndexForces(rebuild_day);
      ExpectSameIndex(kept, rebuilt, st.day);
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace brink
