// A set of actors (at most 64, Limits::kMaxActors), one bit each, iterated in id order:
//   for (ActorId a : present & rivals) ...
// It compiles to the bit loops it replaces and reads like the model.
#ifndef BRINK_ACTOR_SET_H_
#define BRINK_ACTOR_SET_H_

#include <cstdint>

#include "brink/ids.h"

namespace brink {

class ActorSet {
 public:
  constexpr ActorSet() = default;
  constexpr explicit ActorSet(uint64_t bits) : bits_(bits) {}
  static constexpr ActorSet Of(ActorId actor) { return ActorSet(uint64_t{1} << actor); }

  constexpr bool contains(ActorId actor) const { return (bits_ >> actor & 1u) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr uint64_t bits() const { return bits_; }
  int size() const { return __builtin_popcountll(bits_); }

  constexpr ActorSet& insert(ActorId actor) { bits_ |= uint64_t{1} << actor; return *this; }
  constexpr ActorSet& erase(ActorId actor) { bits_ &= ~(uint64_t{1} << actor); return *this; }
  constexpr ActorSet& operator|=(ActorSet other) { bits_ |= other.bits_; return *this; }
  constexpr ActorSet& operator&=(ActorSet other) { bits_ &= other.bits_; return *this; }
  friend constexpr ActorSet operator|(ActorSet a, ActorSet b) { return ActorSet(a.bits_ | b.bits_); }
  friend constexpr ActorSet operator&(ActorSet a, ActorSet b) { return ActorSet(a.bits_ & b.bits_); }
  // The actors of `a` not in `b`.
  friend constexpr ActorSet operator-(ActorSet a, ActorSet b) { return ActorSet(a.bits_ & ~b.bits_); }
  friend constexpr bool operator==(ActorSet a, ActorSet b) { return a.bits_ == b.bits_; }

  class iterator {
   public:
    constexpr explicit iterator(uint64_t rest) : rest_(rest) {}
    ActorId operator*() const { return static_cast<ActorId>(__builtin_ctzll(rest_)); }
    constexpr iterator& operator++() { rest_ &= rest_ - 1; return *this; }
    constexpr bool operator!=(const iterator& other) const { return rest_ != other.rest_; }

   private:
    uint64_t rest_;
  };
  constexpr iterator begin() const { return iterator(bits_); }
  constexpr iterator end() const { return iterator(0); }

 private:
  uint64_t bits_ = 0;
};

}  // namespace brink

#endif  // BRINK_ACTOR_SET_H_
