// brink's State: everything that changes during a run, as flat vectors indexed by small ids.
// A State copies with one assignment (a few short vectors) and holds no names.
#ifndef BRINK_STATE_H_
#define BRINK_STATE_H_

#include <array>
#include <cstdint>
#include <vector>

#include "brink/event.h"
#include "brink/scenario.h"

namespace brink {

// kCross: advance, crossing into ground a deconfliction line or a rival's declared zone closes
// to the actor (docs/model.md, "Lines and zones"); kAdvance keeps out of it.
enum class Action : uint8_t { kHold, kAdvance, kStrike, kWithdraw, kRestrain, kDeescalate, kCross, kCount };
std::string_view ActionName(Action action);

struct Force {
  ActorId actor = kNone;
  RegionId region = kNone;
  RegionId target = kNone;   // where it is heading, kNone when holding
  float strength = 0;        // troops
  float progress_km = 0;     // along the edge toward the next region on its path
  int16_t diverted_days = 0; // sent to a feud front for this many more days
  bool operator==(const Force&) const = default;
};

// A struck actor's wish to hit back, and what shapes it.
struct Grievance {
  ActorId against = kNone;
  int16_t days_left = 0;
  uint8_t strikes = 0;     // strikes by the same actor while the grievance lasts
  bool signalled = false;  // the last strike was called defensive (credibly)
  float harm = 0;          // troops lost to that actor's fire while the grievance lasts
  bool operator==(const Grievance&) const = default;
};

struct ActorState {
  Action action = Action::kHold;
  Action previous = Action::kHold;  // yesterday's action (a de-escalation offer scores once per episode)
  float casualties = 0;
  Grievance grievance;
  int deliberate_strikes = 0;  // strikes it chose (C1)
  float credibility = 1;       // 0..1: how far its "the fire was defensive" is believed
  int16_t offer_days = 0;      // days its last de-escalation offer still binds it (rules.binding_offers)
  bool operator==(const ActorState&) const = default;
};

// Clashes by kind over the run (the forecast's counters; no event log needed). 64-bit: a
// scenario within the limits can produce more than 2^31 incidents in a run.
struct Tally {
  std::array<int64_t, static_cast<int>(EventKind::kCount)> events{};
  int64_t direct_clashes = 0;  // incidents, strikes and retaliations between principals
  int64_t zone_area_incidents = 0;  // incidents (direct or proxy) in or next to a declared zone
  int64_t insurgent_attacks = 0;    // attacks by fighters underground
  double escalation_score = 0;
  int64_t count(EventKind kind) const { return events[static_cast<int>(kind)]; }
  bool operator==(const Tally&) const = default;
};

// State::cache_token's type: compares equal to every other token, so that two states with the
// same contents are equal (operator==) whatever caches they were stepped with.
struct CacheToken {
  uint64_t value = 0;
  friend bool operator==(const CacheToken&, const CacheToken&) { return true; }
};

struct State {
  int day = 0;  // days simulated so far
  std::vector<ActorId> holder;         // per region
  std::vector<Force> forces;
  std::vector<ActorState> actors;
  std::vector<float> influence;        // per faction
  std::vector<float> exposure_troops;  // per exposure
  // Casualties by cause: troops of actor v lost to fire of actor b at [v x actors + b]
  // (combat losses go to the enemy that aimed the most fire at the force; a proxy folding
  // under fire, to that enemy too). Sums to each actor's casualties.
  std::vector<float> inflicted;
  // Per actor: fighters who dispersed from broken forces and live on underground (Insurgency).
  std::vector<float> underground;
  std::vector<float> tension;          // blocs x blocs, symmetric, rivals only
  std::vector<uint8_t> corridor_open;  // per corridor
  std::vector<int> corridor_cut_days;  // per corridor: days it ended cut
  std::vector<int16_t> restraint_days; // per relation: a feud, or a patron's proxy, restrained this many more days
  int channel_suspended_days = 0;      // the deconfliction channel is suspended this many more days
  // The last acts of fire between rival blocs, oldest first (FireLink codes, 0: none), kept
  // until full-scale war breaks out and frozen then: what led to the war (the forecast's "why
  // wars start").
  std::array<uint16_t, 3> fire_chain{};
  int level = 0;                       // current ladder rung
  int max_level = 0;
  int war_day = -1;                    // day full-scale war broke out, -1 if never
  BlocId war_a = kNone, war_b = kNone;  // the two blocs of that war (kept after a ceasefire)
  int ceasefire_day = -1;              // day that war ended in a ceasefire, -1 if it has not
  float war_losses_at_start = 0;       // casualties of the two warring blocs when war broke out
  int group_defeated_day = -1;         // day the terrorist group lost its last region
  int relation_phase = 0;              // which of the scenario's relation phases holds today
  int schedule_next = 0;               // the first timeline entry not applied yet
  // Per actor, the share of its priority it could still take (held by enemies or nobody);
  // recomputed only when ground changes hands or war starts (control_changed).
  std::vector<float> open_share;
  // Per actor, the share of its priority it could take only by crossing a line or into a
  // rival's zone (closed ground held by enemies or nobody); recomputed with open_share.
  std::vector<float> cross_share;
  // Per actor, whether any of its goal regions (Scenario::goal_regions) is still open to it;
  // recomputed with open_share. An actor with none has nowhere to advance to.
  std::vector<uint8_t> has_goal;
  bool control_changed = true;
  Tally tally;
  // Per bloc, region-days of holding ground the terrorist group held at the start (the
  // contested ground), summed over the run: who held it, and for how long.
  std::vector<int> contested_days;
  // Per region, the battle there (Combat, "Sieges"): the day it began and the last day fought;
  // a day without fighting or a change of hands ends it (-1: none).
  std::vector<int> battle_start_day;
  std::vector<int> battle_last_day;

  // Names these contents for the caches a Workspace keeps overnight (Engine::Step): the engine
  // sets it to a value no state has carried before at the end of every step; a copy carries it,
  // being the same contents, so stepping a copy in the workspace that stepped its original
  // keeps the index. While a turn is open on the state it carries the turn's stamp. Code that
  // changes a State's fields by hand between steps calls Touch(), and the next step derives
  // everything afresh (an open turn on it is then refused by Apply).
  CacheToken cache_token;
  void Touch() { cache_token.value = 0; }

  // Every field equal (floats by value: 0 equals -0, a NaN equals nothing), the cache token
  // aside.
  bool operator==(const State&) const = default;

  // Whether full-scale war broke out in this run (it may since have ended in a ceasefire).
  bool at_war() const { return war_day >= 0; }
  // Whether that war is still being fought today.
  bool war_ongoing() const { return war_day >= 0 && ceasefire_day < 0; }
  // The days it lasted, or has lasted so far (to `day`), or -1 if none broke out.
  int war_length_days() const { return war_day < 0 ? -1 : (ceasefire_day >= 0 ? ceasefire_day : day) - war_day; }
  // Whether two blocs are fighting a full-scale war with each other today.
  bool BlocsAtWar(BlocId a, BlocId b) const {
    return war_ongoing() && ((a == war_a && b == war_b) || (a == war_b && b == war_a));
  }
};

}  // namespace brink

#endif  // BRINK_STATE_H_
