// The hold policy: the actor always holds. Written against the public interface alone
// (include/brink/policy.h, game.h), as any user's policy would be. A baseline for analysts:
// what the others do when this actor never advances, strikes, withdraws or bargains of its own
// accord. The rules still act for it: its forces defend, and incidents and zone strikes happen.
#include "policy/hold.h"

namespace brink {
namespace {

class Hold final : public Policy {
 public:
  std::string_view name() const override { return "hold"; }
  Action Choose(const Turn&, ActorId) const override { return Action::kHold; }
};

}  // namespace

std::shared_ptr<const Policy> HoldPolicy() { return std::make_shared<const Hold>(); }

}  // namespace brink
