// The force index's verbs and its rebuild (engine/force_index.h): every change to forces that
// the index must follow goes through here.
#include "engine/force_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/day.h"

namespace brink {

float Inflict(Day& d, int force, double troops, ActorId by) {
  Force& f = d.st.forces[force];
  float lost = static_cast<float>(std::min<double>(troops, f.strength));
  f.strength -= lost;
  if (f.strength <= 0) {
    d.w.index.stale_ = true;  // spent: it leaves the lists
  } else if (lost > 0) {
    d.w.index.Touch(f.region, f.actor);
  }
  d.st.actors[f.actor].casualties += lost;
  d.st.inflicted[static_cast<std::size_t>(f.actor) * d.s.actors.size() + static_cast<std::size_t>(by)] += lost;
  return lost;
}

void IndexForces(Day& d) {
  const std::size_t regions = d.s.regions.size();
  const std::size_t actors = d.s.actors.size();
  Workspace& w = d.w;
  w.index.actors_ = actors;
  if (w.index.present_.size() != regions || w.index.actor_strength_.size() != regions * actors) {
    w.index.present_.assign(regions, ActorSet());
    w.index.actor_strength_.assign(regions * actors, 0.0f);
    w.index.actor_fire_.assign(regions * actors, 0.0f);
    w.index.actor_best_.assign(regions * actors, -1);
    w.index.present_before_.clear();  // a first indexing: the presence is new
  } else {
    // Clear only the cells the last index filled (an actor's cell is set only where present).
    w.index.present_before_.assign(w.index.present_.begin(), w.index.present_.end());
    for (RegionId region : w.index.occupied_) {
      const std::size_t r = static_cast<std::size_t>(region);
      for (ActorId a : w.index.present_[r]) {
        const std::size_t cell = r * actors + static_cast<std::size_t>(a);
        w.index.actor_strength_[cell] = 0.0f;
        w.index.actor_fire_[cell] = 0.0f;
      }
      w.index.present_[r] = ActorSet();
    }
  }
  Fill(w.index.region_start_, regions + 1, 0);
  bool spent = false;  // a force without troops is still listed: Dawn drops it
  for (const Force& f : d.st.forces) {
    if (f.strength > 0) {
      ++w.index.region_start_[f.region + 1];
    } else {
      spent = true;
    }
  }
  w.index.occupied_.clear();
  for (std::size_t r = 0; r < regions; ++r) {
    if (w.index.region_start_[r + 1] > 0) w.index.occupied_.push_back(static_cast<RegionId>(r));
    w.index.region_start_[r + 1] += w.index.region_start_[r];
  }
  w.index.force_index_.resize(static_cast<std::size_t>(w.index.region_start_[regions]));
  Fill(w.index.actor_firepower_, actors, 0.0f);
  // Fill in force order, so each region's list is sorted by force index (deterministic).
  std::vector<int>& cursor = w.index.region_start_;  // reuse: shift back afterwards
  for (std::size_t i = 0; i < d.st.forces.size(); ++i) {
    const Force& f = d.st.forces[i];
    if (f.strength <= 0) continue;
    w.index.force_index_[static_cast<std::size_t>(cursor[f.region]++)] = static_cast<int>(i);
    const float firepower = Firepower(d.s, f);
    w.index.actor_firepower_[static_cast<std::size_t>(f.actor)] += firepower;
    const std::size_t here = static_cast<std::size_t>(f.region) * actors + static_cast<std::size_t>(f.actor);
    w.index.actor_strength_[here] += f.strength;
    w.index.actor_fire_[here] += firepower;
    ActorSet& present = w.index.present_[static_cast<std::size_t>(f.region)];
    int& strongest = w.index.actor_best_[here];  // the first of equals: forces come in index order
    if (!present.contains(f.actor) || f.strength > d.st.forces[static_cast<std::size_t>(strongest)].strength) {
      strongest = static_cast<int>(i);
    }
    present.insert(f.actor);
  }
  for (std::size_t r = regions; r > 0; --r) cursor[r] = cursor[r - 1];
  cursor[0] = 0;
  if (w.index.present_ != w.index.present_before_) ++w.index.presence_version_;
  w.index.near_valid_ = false;
  w.index.reach_valid_ = false;
  w.index.stale_ = spent;
  w.index.touched_.clear();
  w.index.troops_changed_ = ActorSet();
  w.index.firepower_stale_ = ActorSet();
}

void UpdateIndex(Day& d) {
  Workspace& w = d.w;
  if (w.index.stale_) {
    IndexForces(d);
    return;
  }
  if (w.index.touched_.empty()) return;
  // The lists are current: each touched cell is summed again over its region's list, in force
  // order, as IndexForces sums it, and the actor's presence there follows.
  const std::size_t actors = d.s.actors.size();
  bool presence_changed = false;
  // A cell is touched once per loss: each is summed once (the cells are independent).
  std::sort(w.index.touched_.begin(), w.index.touched_.end());
  w.index.touched_.erase(std::unique(w.index.touched_.begin(), w.index.touched_.end()), w.index.touched_.end());
  for (int cell : w.index.touched_) {
    const std::size_t r = static_cast<std::size_t>(cell) / actors;
    const ActorId actor = static_cast<ActorId>(static_cast<std::size_t>(cell) % actors);
    float strength = 0.0f, fire = 0.0f;
    int strongest = -1;
    for (int k = w.index.region_start_[r]; k < w.index.region_start_[r + 1]; ++k) {
      const int i = w.index.force_index_[static_cast<std::size_t>(k)];
      const Force& f = d.st.forces[static_cast<std::size_t>(i)];
      if (f.actor != actor) continue;
      strength += f.strength;
      fire += Firepower(d.s, f);
      if (strongest < 0 || f.strength > d.st.forces[static_cast<std::size_t>(strongest)].strength) strongest = i;
    }
    w.index.actor_strength_[static_cast<std::size_t>(cell)] = strength;
    w.index.actor_fire_[static_cast<std::size_t>(cell)] = fire;
    w.index.actor_best_[static_cast<std::size_t>(cell)] = strongest;
    const ActorSet was = w.index.present_[r];
    w.index.present_[r] = strongest >= 0 ? was | ActorSet::Of(actor) : was - ActorSet::Of(actor);
    presence_changed = presence_changed || w.index.present_[r] != was;
  }
  // An actor's firepower changes with its troops, not with where they stand; it is read only
  // by the day's decisions, so it is summed again once, at dawn (UpdateFirepower).
  w.index.firepower_stale_ |= w.index.troops_changed_;
  w.index.touched_.clear();
  w.index.troops_changed_ = ActorSet();
  if (presence_changed) {
    ++w.index.presence_version_;
    w.index.occupied_.clear();
    for (std::size_t r = 0; r < w.index.present_.size(); ++r) {
      if (!w.index.present_[r].empty()) w.index.occupied_.push_back(static_cast<RegionId>(r));
    }
    w.index.near_valid_ = false;
    w.index.reach_valid_ = false;
  }
}

void UpdateFirepower(Day& d) {
  ForceIndex& index = d.w.index;
  const ActorSet weaker = index.firepower_stale_;
  if (!weaker) return;
  for (ActorId a : weaker) index.actor_firepower_[static_cast<std::size_t>(a)] = 0.0f;
  // In force order, as IndexForces sums it.
  for (const Force& f : d.st.forces) {
    if (f.strength > 0 && weaker.contains(f.actor)) index.actor_firepower_[static_cast<std::size_t>(f.actor)] += Firepower(d.s, f);
  }
  index.firepower_stale_ = ActorSet();
}

void Relocate(Day& d, int force, RegionId from) {
  Workspace& w = d.w;
  const Force& f = d.st.forces[static_cast<std::size_t>(force)];
  const RegionId to = f.region;
  if (w.index.stale_ || from == to) return;  // a rebuild is due anyway
  int* list = w.index.force_index_.data();
  int* start = w.index.region_start_.data();
  // Out of `from`'s list and into `to`'s at its place by force index; the lists in between
  // shift by one.
  const int at = static_cast<int>(std::find(list + start[from], list + start[from + 1], force) - list);
  const int into = static_cast<int>(std::upper_bound(list + start[to], list + start[to + 1], force) - list);
  if (from < to) {
    std::copy(list + at + 1, list + into, list + at);
    list[into - 1] = force;
    for (int r = from + 1; r <= to; ++r) --start[r];
  } else {
    std::copy_backward(list + into, list + at, list + at + 1);
    list[into] = force;
    for (int r = to + 1; r <= from; ++r) ++start[r];
  }
  const int actors = static_cast<int>(d.s.actors.size());
  w.index.touched_.push_back(from * actors + f.actor);
  w.index.touched_.push_back(to * actors + f.actor);
}

void Appended(Day& d, int force) {
  Workspace& w = d.w;
  if (w.index.stale_) return;
  const Force& f = d.st.forces[static_cast<std::size_t>(force)];
  // The newest force comes last in its region's list.
  const int end = w.index.region_start_[static_cast<std::size_t>(f.region) + 1];
  w.index.force_index_.insert(w.index.force_index_.begin() + end, force);
  for (std::size_t r = static_cast<std::size_t>(f.region) + 1; r < w.index.region_start_.size(); ++r) ++w.index.region_start_[r];
  w.index.touched_.push_back(f.region * static_cast<int>(d.s.actors.size()) + f.actor);
}

namespace {

RegionId Neighbour(RegionId n) { return n; }
RegionId Neighbour(std::pair<RegionId, float> edge) { return edge.first; }

// Per region, the actors present there or in one of its listed neighbours.
template <typename Lists>
void SpreadPresence(const std::vector<ActorSet>& present, const Lists& neighbours, std::vector<ActorSet>& out) {
  out.resize(present.size());
  for (std::size_t r = 0; r < present.size(); ++r) {
    ActorSet mask = present[r];
    for (const auto& n : neighbours[r]) mask |= present[static_cast<std::size_t>(Neighbour(n))];
    out[r] = mask;
  }
}

}  // namespace

void ComputeNearMasks(const Day& d) {
  SpreadPresence(d.w.index.present_, d.s.tables().contact_neighbours, d.w.index.near_);
  d.w.index.near_valid_ = true;
}

void ComputeReachMasks(const Day& d) {
  ForceIndex& index = d.w.index;
  SpreadPresence(index.present_, d.s.tables().adjacency, index.reach_);
  // Stand-off fire: from its bases, and in a straight line from each region it stands in.
  const ScenarioTables& t = d.s.tables();
  if (!t.fire_rangers.empty()) {
    const std::size_t regions = d.s.regions.size();
    for (std::size_t r = 0; r < regions; ++r) index.reach_[r] |= t.fire_from_bases[r];
    for (RegionId here : index.occupied_) {
      for (ActorId a : index.present_[static_cast<std::size_t>(here)] & t.fire_rangers) {
        for (RegionId to : t.fire_reach[static_cast<std::size_t>(a) * regions + static_cast<std::size_t>(here)]) {
          index.reach_[static_cast<std::size_t>(to)].insert(a);
        }
      }
    }
  }
  index.reach_valid_ = true;
}

float Disperse(Day& d, int force, double troops) {
  Force& f = d.st.forces[static_cast<std::size_t>(force)];
  const float gone = static_cast<float>(std::min<double>(std::floor(troops), f.strength));
  f.strength -= gone;
  if (f.strength <= 0) {
    d.w.index.stale_ = true;
  } else if (gone > 0) {
    d.w.index.Touch(f.region, f.actor);
  }
  d.st.underground[static_cast<std::size_t>(f.actor)] += gone;
  return gone;
}

int SplitGarrison(Day& d, int force, float troops) {
  Force garrison = d.st.forces[static_cast<std::size_t>(force)];
  garrison.strength = troops;
  garrison.target = kNone;
  garrison.progress_km = 0;
  d.st.forces[static_cast<std::size_t>(force)].strength -= troops;
  d.st.forces.push_back(garrison);
  d.w.index.Touch(garrison.region, garrison.actor);
  return static_cast<int>(d.st.forces.size()) - 1;
}

void MergeForces(Day& d, int keep, int other) {
  Force& into = d.st.forces[static_cast<std::size_t>(keep)];
  Force& from = d.st.forces[static_cast<std::size_t>(other)];
  into.strength += from.strength;
  from.strength = 0;
  d.w.index.stale_ = true;  // spent: it leaves the lists
}

std::string ForceIndex::Difference(const ForceIndex& other) const {
  if (region_start_ != other.region_start_ || force_index_ != other.force_index_) return "the forces listed by region";
  if (present_ != other.present_) return "the actors present by region";
  if (occupied_ != other.occupied_) return "the occupied regions";
  if (actor_firepower_ != other.actor_firepower_) return "an actor's firepower";
  if (actor_strength_ != other.actor_strength_) return "the troops of an actor in a region";
  if (actor_fire_ != other.actor_fire_) return "the firepower of an actor in a region";
  for (RegionId r : occupied_) {
    for (ActorId a : present(r)) {
      if (strongest(r, a) != other.strongest(r, a)) return fmt::format("the strongest force of actor {} in region {}", a, r);
    }
  }
  return "";
}

void CheckIndex(const Day& d) {
  // The index kept in place must be the one a rebuild from the forces gives, field by field.
  // The rebuild goes into a scratch workspace kept by the thread (no copy a day); it only
  // reads the state.
  thread_local Workspace rebuilt;
  Day fresh{d.s, const_cast<State&>(d.st), rebuilt, d.seed, d.run, nullptr};
  IndexForces(fresh);
  if (const std::string difference = d.w.index.Difference(rebuilt.index); !difference.empty()) {
    std::fprintf(stderr, "brink: internal error: the force index kept on day %d differs from a rebuild: %s\n",
                 d.st.day, difference.c_str());
    std::abort();
  }
}

void CheckKept(const Day& d, bool same, const char* what) {
  if (same) return;
  std::fprintf(stderr, "brink: internal error: day %d: the %s kept from an earlier day differ from a fresh count\n", d.st.day, what);
  std::abort();
}

}  // namespace brink
