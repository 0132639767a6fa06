// Policies registered from outside (RegisterPolicy): found by name for scenarios and engines,
// deciding for the actor chosen; shipped and malformed names refused.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "brink/engine.h"
#include "brink/policy.h"

namespace brink {
namespace {

// Holds, counting the decisions it was asked for.
class CountingHold final : public Policy {
 public:
  explicit CountingHold(std::string name) : name_(std::move(name)) {}
  std::string_view name() const override { return name_; }
  Action Choose(const Turn&, ActorId) const override {
    ++calls;
    return Action::kHold;
  }
  mutable std::atomic<int> calls{0};

 private:
  std::string name_;
};

Scenario Small() {
  return LoadScenarioFile(std::string(BRINK_SOURCE_DIR) + "/tests/data/small.toml").take();
}

TEST(PolicyRegistry, RegisteredPolicyDecidesForTheActorChosen) {
  auto counting = std::make_shared<CountingHold>("test_counting_hold");
  ASSERT_TRUE(RegisterPolicy(counting).ok());
  Scenario chosen = Small();
  ASSERT_TRUE(ApplyPolicyChoices(chosen, {"blue_army=test_counting_hold"}).ok());
  Scenario held = Small();
  ASSERT_TRUE(ApplyPolicyChoices(held, {"blue_army=hold"}).ok());
  const State a = Engine(chosen).Run(3, 0, 30, nullptr);
  const State b = Engine(held).Run(3, 0, 30, nullptr);
  // Asked once a day for its one actor, and the run is the shipped hold policy's.
  EXPECT_EQ(counting->calls.load(), 30);
  EXPECT_EQ(a.holder, b.holder);
  EXPECT_EQ(a.tally.events, b.tally.events);
  EXPECT_TRUE(UnregisterPolicy("test_counting_hold"));
  EXPECT_EQ(MakePolicy("test_counting_hold"), nullptr);
}

TEST(PolicyRegistry, UnknownPolicyErrorListsTheRegisteredOnes) {
  ASSERT_TRUE(RegisterPolicy(std::make_shared<CountingHold>("test_listed")).ok());
  Scenario s = Small();
  const Status st = ApplyPolicyChoices(s, {"blue_army=nobody"});
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("\"doctrine\", \"hold\", \"search\", \"test_listed\""), std::string::npos)
      << st.message();
  EXPECT_TRUE(UnregisterPolicy("test_listed"));
  EXPECT_FALSE(UnregisterPolicy("test_listed"));
}

TEST(PolicyRegistry, ShippedAndMalformedNamesAreRefused) {
  EXPECT_FALSE(RegisterPolicy(std::make_shared<CountingHold>("doctrine")).ok());
  EXPECT_FALSE(RegisterPolicy(std::make_shared<CountingHold>("")).ok());
  EXPECT_FALSE(RegisterPolicy(std::make_shared<CountingHold>("has space")).ok());
  EXPECT_FALSE(RegisterPolicy(nullptr).ok());
  EXPECT_NE(MakePolicy("doctrine"), nullptr);
}

TEST(PolicyRegistry, RegisteringAgainReplacesForEnginesMadeAfter) {
  auto first = std::make_shared<CountingHold>("test_replaced");
  auto second = std::make_shared<CountingHold>("test_replaced");
  ASSERT_TRUE(RegisterPolicy(first).ok());
  Scenario s = Small();
  ASSERT_TRUE(ApplyPolicyChoices(s, {"red_army=test_replaced"}).ok());
  const Engine before(s);
  ASSERT_TRUE(RegisterPolicy(second).ok());
  const Engine after(s);
  (void)before.Run(1, 0, 5, nullptr);
  (void)after.Run(1, 0, 7, nullptr);
  EXPECT_EQ(first->calls.load(), 5);
  EXPECT_EQ(second->calls.load(), 7);
  EXPECT_EQ(RegisteredPolicyNames(), std::vector<std::string>{"test_replaced"});
  EXPECT_TRUE(UnregisterPolicy("test_replaced"));
}

}  // namespace
}  // namespace brink
