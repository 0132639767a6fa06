// Test helper: two States are the same, field by field (every field a run's results read).
#ifndef BRINK_TESTS_STATE_TESTING_H_
#define BRINK_TESTS_STATE_TESTING_H_

#include <gtest/gtest.h>

#include <cstddef>

#include "brink/state.h"

namespace brink {

namespace testing_internal {
// Converts to any field's type, to count an aggregate's fields: T{AnyField{} x N} compiles
// exactly for N up to the number of fields.
struct AnyField {
  template <typename T>
  operator T() const;  // NOLINT: implicit by design; never defined (unevaluated only)
};
template <typename T, typename... Fields>
constexpr std::size_t FieldCount() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; }) {
    return FieldCount<T, Fields..., AnyField>();
  } else {
    return sizeof...(Fields);
  }
}
}  // namespace testing_internal

// The number of fields of each struct that ExpectSameState compares (State::cache_token is
// counted but deliberately not compared: it names contents for caches, and two equal states
// stepped apart carry different tokens). A field added to one of these structs fails the
// static_asserts below until it is compared in ExpectSameState and its count raised here.
inline constexpr std::size_t kComparedForceFields = 6;
inline constexpr std::size_t kComparedGrievanceFields = 5;
inline constexpr std::size_t kComparedActorStateFields = 7;
inline constexpr std::size_t kComparedTallyFields = 5;
inline constexpr std::size_t kComparedStateFields = 33;
static_assert(testing_internal::FieldCount<Force>() == kComparedForceFields,
              "Force has a field ExpectSameState does not compare");
static_assert(testing_internal::FieldCount<Grievance>() == kComparedGrievanceFields,
              "Grievance has a field ExpectSameState does not compare");
static_assert(testing_internal::FieldCount<ActorState>() == kComparedActorStateFields,
              "ActorState has a field ExpectSameState does not compare");
static_assert(testing_internal::FieldCount<Tally>() == kComparedTallyFields,
              "Tally has a field ExpectSameState does not compare");
static_assert(testing_internal::FieldCount<State>() == kComparedStateFields,
              "State has a field ExpectSameState does not compare");

// Every field of two states is equal, floats bit for bit. (A field added to State belongs here:
// the static_asserts above say so.)
inline void ExpectSameState(const State& a, const State& b) {
  EXPECT_EQ(a.day, b.day);
  EXPECT_EQ(a.holder, b.holder);
  ASSERT_EQ(a.forces.size(), b.forces.size());
  for (std::size_t i = 0; i < a.forces.size(); ++i) {
    const Force &x = a.forces[i], &y = b.forces[i];
    EXPECT_EQ(x.actor, y.actor) << "force " << i;
    EXPECT_EQ(x.region, y.region) << "force " << i;
    EXPECT_EQ(x.target, y.target) << "force " << i;
    EXPECT_EQ(x.strength, y.strength) << "force " << i;
    EXPECT_EQ(x.progress_km, y.progress_km) << "force " << i;
    EXPECT_EQ(x.diverted_days, y.diverted_days) << "force " << i;
  }
  ASSERT_EQ(a.actors.size(), b.actors.size());
  for (std::size_t i = 0; i < a.actors.size(); ++i) {
    const ActorState &x = a.actors[i], &y = b.actors[i];
    EXPECT_EQ(x.action, y.action) << "actor " << i;
    EXPECT_EQ(x.previous, y.previous) << "actor " << i;
    EXPECT_EQ(x.casualties, y.casualties) << "actor " << i;
    EXPECT_EQ(x.grievance.against, y.grievance.against) << "actor " << i;
    EXPECT_EQ(x.grievance.days_left, y.grievance.days_left) << "actor " << i;
    EXPECT_EQ(x.grievance.strikes, y.grievance.strikes) << "actor " << i;
    EXPECT_EQ(x.grievance.signalled, y.grievance.signalled) << "actor " << i;
    EXPECT_EQ(x.grievance.harm, y.grievance.harm) << "actor " << i;
    EXPECT_EQ(x.deliberate_strikes, y.deliberate_strikes) << "actor " << i;
    EXPECT_EQ(x.credibility, y.credibility) << "actor " << i;
    EXPECT_EQ(x.offer_days, y.offer_days) << "actor " << i;
  }
  EXPECT_EQ(a.influence, b.influence);
  EXPECT_EQ(a.exposure_troops, b.exposure_troops);
  EXPECT_EQ(a.inflicted, b.inflicted);
  EXPECT_EQ(a.underground, b.underground);
  EXPECT_EQ(a.tension, b.tension);
  EXPECT_EQ(a.corridor_open, b.corridor_open);
  EXPECT_EQ(a.corridor_cut_days, b.corridor_cut_days);
  EXPECT_EQ(a.restraint_days, b.restraint_days);
  EXPECT_EQ(a.channel_suspended_days, b.channel_suspended_days);
  EXPECT_EQ(a.fire_chain, b.fire_chain);
  EXPECT_EQ(a.level, b.level);
  EXPECT_EQ(a.max_level, b.max_level);
  EXPECT_EQ(a.war_day, b.war_day);
  EXPECT_EQ(a.war_a, b.war_a);
  EXPECT_EQ(a.war_b, b.war_b);
  EXPECT_EQ(a.ceasefire_day, b.ceasefire_day);
  EXPECT_EQ(a.war_losses_at_start, b.war_losses_at_start);
  EXPECT_EQ(a.group_defeated_day, b.group_defeated_day);
  EXPECT_EQ(a.relation_phase, b.relation_phase);
  EXPECT_EQ(a.schedule_next, b.schedule_next);
  EXPECT_EQ(a.open_share, b.open_share);
  EXPECT_EQ(a.cross_share, b.cross_share);
  EXPECT_EQ(a.has_goal, b.has_goal);
  EXPECT_EQ(a.control_changed, b.control_changed);
  EXPECT_EQ(a.tally.events, b.tally.events);
  EXPECT_EQ(a.tally.direct_clashes, b.tally.direct_clashes);
  EXPECT_EQ(a.tally.zone_area_incidents, b.tally.zone_area_incidents);
  EXPECT_EQ(a.tally.insurgent_attacks, b.tally.insurgent_attacks);
  EXPECT_EQ(a.tally.escalation_score, b.tally.escalation_score);
  EXPECT_EQ(a.contested_days, b.contested_days);
  EXPECT_EQ(a.battle_start_day, b.battle_start_day);
  EXPECT_EQ(a.battle_last_day, b.battle_last_day);
}

}  // namespace brink

#endif  // BRINK_TESTS_STATE_TESTING_H_
