// The forces-by-region index: who is where, each actor's troops, firepower and strongest force
// in each region, and the contact and reach masks derived from them (docs/model.md, "Queries").
// It is the one owner of that bookkeeping. Rules read it (query.h asks it for them) and change
// forces only through its verbs, declared in engine/day.h and defined in force_index.cc:
// Inflict and Disperse (troops lost), SplitGarrison and MergeForces, Relocate and Appended (a
// march, a fall-back, a new garrison), UpdateIndex and IndexForces (the day's changes summed).
// Nothing else can write its fields, so a kept index cannot drift from a rebuild by a rule
// forgetting a step; CheckIndex compares the two every dawn in Debug and sanitizer builds.
#ifndef BRINK_ENGINE_FORCE_INDEX_H_
#define BRINK_ENGINE_FORCE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "brink/actor_set.h"
#include "brink/ids.h"

namespace brink {

struct Day;

class ForceIndex {
 public:
  // Regions with a force, ascending.
  const std::vector<RegionId>& occupied() const { return occupied_; }
  // The actors with a force in the region.
  ActorSet present(RegionId region) const { return present_[static_cast<std::size_t>(region)]; }
  // The forces in the region, by force index. Forces killed since the last rebuild stay listed
  // (with no troops) until dawn: readers skip them.
  std::span<const int> forces_in(RegionId region) const {
    const std::size_t r = static_cast<std::size_t>(region);
    const int begin = region_start_[r];
    return std::span<const int>(force_index_.data() + begin, static_cast<std::size_t>(region_start_[r + 1] - begin));
  }
  // The actor's troops in the region (summed in force order), and its firepower there.
  float strength(RegionId region, ActorId actor) const { return actor_strength_[Cell(region, actor)]; }
  float fire(RegionId region, ActorId actor) const { return actor_fire_[Cell(region, actor)]; }
  // Every actor's troops in the region, indexed by actor.
  const float* strengths_in(RegionId region) const { return &actor_strength_[Cell(region, 0)]; }
  // The actor's strongest force in the region (of equals, the first), where it is present.
  int strongest(RegionId region, ActorId actor) const { return actor_best_[Cell(region, actor)]; }
  // The actor's firepower in the whole theatre, as at dawn (the day's decisions read it; the
  // rules that follow do not, and it is summed again at the next dawn: UpdateFirepower).
  float firepower(ActorId actor) const { return actor_firepower_[static_cast<std::size_t>(actor)]; }
  // A force moved, split, merged or was spent since the last rebuild: the next dawn rebuilds.
  bool stale() const { return stale_; }
  // The derived masks (NearMasks, ReachMasks in engine/day.h compute them on first use).
  bool near_valid() const { return near_valid_; }
  const std::vector<ActorSet>& near() const { return near_; }
  bool reach_valid() const { return reach_valid_; }
  const std::vector<ActorSet>& reach() const { return reach_; }
  // Changes whenever the actors present in some region change (a rebuild that finds the same
  // presence keeps it): what follows from presence alone (contact, reach, who may strike whom)
  // stands while it does.
  uint64_t presence_version() const { return presence_version_; }

  // Empty when this index and `other` agree on everything a rule can read; otherwise the
  // first difference, in words.
  std::string Difference(const ForceIndex& other) const;

 private:
  friend void IndexForces(Day& d);
  friend void UpdateIndex(Day& d);
  friend void UpdateFirepower(Day& d);
  friend void Relocate(Day& d, int force, RegionId from);
  friend void Appended(Day& d, int force);
  friend float Inflict(Day& d, int force, double troops, ActorId by);
  friend float Disperse(Day& d, int force, double troops);
  friend int SplitGarrison(Day& d, int force, float troops);
  friend void MergeForces(Day& d, int keep, int other);
  friend void ComputeNearMasks(const Day& d);
  friend void ComputeReachMasks(const Day& d);

  std::size_t Cell(RegionId region, ActorId actor) const {
    return static_cast<std::size_t>(region) * actors_ + static_cast<std::size_t>(actor);
  }
  // A force of `actor` in `region` lost or gained troops: its cell, and the actor's firepower,
  // are summed again by UpdateIndex.
  void Touch(RegionId region, ActorId actor) {
    touched_.push_back(static_cast<int>(Cell(region, actor)));
    troops_changed_.insert(actor);
  }

  std::size_t actors_ = 0;
  // Forces grouped by region: force_index_[region_start_[r] .. region_start_[r + 1]).
  std::vector<int> region_start_;
  std::vector<int> force_index_;
  std::vector<ActorSet> present_;     // per region: the actors with a force there
  std::vector<RegionId> occupied_;    // regions with a force, ascending (present_ != 0)
  std::vector<float> actor_strength_; // regions x actors
  std::vector<float> actor_fire_;     // regions x actors
  std::vector<float> actor_firepower_;  // per actor
  std::vector<int> actor_best_;       // regions x actors: its strongest force there, where present
  std::vector<ActorSet> near_;        // per region: actors there or across a short edge
  bool near_valid_ = false;           // `near_` matches `present_`
  std::vector<ActorSet> reach_;       // per region: actors there, next door, or in fire range
  bool reach_valid_ = false;          // `reach_` matches `present_`
  // The lists are current unless stale_ (a force moved, split, merged or was spent: rebuild);
  // the cells in touched_ (region x actors + actor), and the firepower of troops_changed_, are
  // summed again by UpdateIndex.
  bool stale_ = true;
  uint64_t presence_version_ = 0;
  std::vector<ActorSet> present_before_;  // IndexForces: the presence it replaces
  std::vector<int> touched_;
  ActorSet troops_changed_;
  ActorSet firepower_stale_;  // actors whose theatre firepower UpdateFirepower sums again
};

}  // namespace brink

#endif  // BRINK_ENGINE_FORCE_INDEX_H_
