// The forces-by-region index is kept up to date in place (forces that lose troops, march, fall
// back or split off a garrison); in place it must match a rebuild from scratch, field by field.
#include <gtest/gtest.h>

#include "brink/engine.h"
#include "brink/scenario.h"
#include "engine/day.h"

namespace brink {
namespace {

// The index as the rules read it; cells only where the actor is present (elsewhere zero).
void ExpectSameIndex(const Scenario& s, const Workspace& kept, const Workspace& rebuilt, int day) {
  SCOPED_TRACE(testing::Message() << "day " << day);
  ASSERT_EQ(kept.region_start, rebuilt.region_start);
  ASSERT_EQ(kept.force_index, rebuilt.force_index);
  ASSERT_EQ(kept.present, rebuilt.present);
  ASSERT_EQ(kept.occupied, rebuilt.occupied);
  ASSERT_EQ(kept.actor_firepower, rebuilt.actor_firepower);
  const std::size_t actors = s.actors.size();
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    for (std::size_t a = 0; a < actors; ++a) {
      const std::size_t cell = r * actors + a;
      ASSERT_EQ(kept.actor_strength[cell], rebuilt.actor_strength[cell]) << "region " << r << " actor " << a;
      ASSERT_EQ(kept.actor_fire[cell], rebuilt.actor_fire[cell]) << "region " << r << " actor " << a;
      if (rebuilt.present[r].contains(static_cast<ActorId>(a))) {
        ASSERT_EQ(kept.actor_best[cell], rebuilt.actor_best[cell]);
      }
    }
  }
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
      if (w.index_stale) continue;  // a rebuild is due at dawn anyway
      bool moved = before.size() != st.forces.size();
      for (std::size_t i = 0; !moved && i < before.size(); ++i) moved = before[i].region != st.forces[i].region;
      // Bring the kept index up to date as the next dawn would, and compare with a fresh one.
      Workspace kept = w, rebuilt = w;
      State copy = st;
      Day keep_day{s, copy, kept, 7, run, nullptr};
      UpdateIndex(keep_day);
      Day rebuild_day{s, copy, rebuilt, 7, run, nullptr};
      IndexForces(rebuild_day);
      ExpectSameIndex(s, kept, rebuilt, st.day);
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
      if (w.index_stale) continue;
      Workspace kept = w, rebuilt = w;
      State copy = st;
      Day keep_day{s, copy, kept, 7, run, nullptr};
      UpdateIndex(keep_day);
      Day rebuild_day{s, copy, rebuilt, 7, run, nullptr};
      IndexForces(rebuild_day);
      ExpectSameIndex(s, kept, rebuilt, st.day);
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace brink
