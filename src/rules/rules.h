// The rules of the daily step, one dynamic per file (docs/model.md, "Submodels").
#ifndef BRINK_RULES_RULES_H_
#define BRINK_RULES_RULES_H_

#include "engine/day.h"
#include "engine/query.h"

namespace brink::rules {

bool ApplyTimeline(Day& d);           // timeline.cc: dated arrivals, relation changes, withdrawals; true if forces changed
void ApplyProxyReliability(Day& d);  // proxies.cc: a proxy may not carry out its patron's wish
bool Move(Day& d);                   // movement.cc; true if a force changed region or split (the index follows)
// movement.cc: the region an advancing force heads for, or kNone (docs/model.md, Movement).
RegionId ChooseTarget(const Day& d, const Force& f);
bool Combat(Day& d);                 // combat.cc: stochastic Lanchester attrition; true if a force fell back (the index follows)
// combat.cc: the extra defence of a city's defenders on day `battle_days` of a battle (Sieges).
double SiegeDefence(const Scenario& s, int battle_days);
// The same for a battle whose siege lasts `siege_days` (SiegeDays).
double SiegeDefence(const Scenario& s, int battle_days, double siege_days);
// The share of a siege's extra defence its holder still fights for: (its priority in the ground it
// holds / that at the start)^will_to_hold, at most 1; 1 when the switch is off.
double WillToHold(const Day& d, ActorId holder);
// This battle's siege length in region `r`: rules.siege_days, times exp(siege_spread x Z) with
// Z drawn once per battle (from the battle's region and first day, so no state is kept).
double SiegeDays(const Day& d, std::size_t r);
void DeliberateStrikes(Day& d);      // strikes.cc
void AirCampaign(Day& d);            // strikes.cc: in full-scale war, air power strikes anywhere
void Incidents(Day& d);              // incidents.cc
void Retaliation(Day& d);            // retaliation.cc: in theatre or horizontal
void Feuds(Day& d);                  // proxies.cc: feud clashes and diversion
void Insurgency(Day& d);             // insurgency.cc: attacks by fighters underground
void Control(Day& d);                // control.cc: captures, corridors, the group's defeat
// control.cc: the one way a region changes hands (a capture, a withdrawal, a line's handover):
// goals, shares and corridors are recomputed after any of them.
void ChangeHolder(Day& d, RegionId region, ActorId to);
void Factions(Day& d);               // factions.cc: influence shifts
bool Withdrawals(Day& d);            // resolve.cc: backing down and its cost; true if forces moved
void Ceasefire(Day& d);              // ladder.cc: a full-scale war may end in a ceasefire
void LadderDecay(Day& d);            // ladder.cc

// ladder.cc: adds tension between the blocs of a and b and moves the ladder; may start war.
void RaiseTension(Day& d, ActorId a, ActorId b, double amount);
void LowerTension(Day& d, ActorId a, ActorId b, double amount);
// ladder.cc: after a direct clash between principals, the chance it tips into war:
// war_spark x (tension / war threshold)^2. Starts the war when the draw says so.
void MaybeSpark(Day& d, Rng& rng, ActorId a, ActorId b);
int RungFor(const Scenario& s, double tension);
// ladder.cc: the tension at which full-scale war breaks out between two blocs today: the last
// rung's threshold x (1 + the deterrence of the protectors of either bloc with troops in the
// theatre, not themselves of either bloc).
double WarThreshold(const Day& d, BlocId a, BlocId b);
// ladder.cc: today's chance that the war ends in a ceasefire (0 when there is none).
double CeasefireChance(const Day& d);

// strikes.cc: limited fire (a strike, a retaliation, an incident, a feud clash) by `shooter` on
// force `target`: Poisson of share x base troops, and with rules.bounded_fire at most
// scale x limited_fire_kills x (0.5 + the shooter's retaliation_capability) x Exp(1), its
// means. Counts the losses as inflicted by the shooter; returns them.
float LimitedFire(Day& d, Rng& rng, ActorId shooter, int target, double share, double base,
                  double scale = 1.0);
// strikes.cc: a limited strike by `striker` on force `target` for `cause`; may be called
// defensive.
void LimitedStrike(Day& d, Rng& rng, ActorId striker, int target, EventKind kind,
                   double losses_share, Cause cause);
// strikes.cc: the shooter may call its fire defensive; returns whether the victim believes it
// (with rules.credible_signals a label without a defensive cause is believed only as far as the
// shooter's credibility goes, and costs it credibility).
bool MaybeSignal(Day& d, Rng& rng, ActorId shooter, ActorId victim, RegionId region,
                 double tension, bool defensive = true);
// strikes.cc: gives `victim` a grievance against `striker` (or renews it), adding the troops
// it lost (`harm`).
void Grieve(Day& d, ActorId victim, ActorId striker, bool signalled, float harm);
// strikes.cc: notes fire of `kind` by `shooter` on `victim` between rival blocs: in the chain of
// fire before war (State::fire_chain) and, at `region` in the theatre, for the actors that
// defend the victim from the air (Protection).
void NoteFire(Day& d, EventKind kind, ActorId shooter, ActorId victim, RegionId region);
// protection.cc: protectors engage the rivals that fired today on the actors they defend.
void Protection(Day& d);
// strikes.cc: whether `actor`'s aircraft reach the region: within air_reach_km of its bases, of
// its own forces or of its proxies' (rules.air_reach; anywhere without a reach).
bool InAirReach(const Day& d, ActorId actor, RegionId region);
// proxies.cc: whether a patron's restraint holds the proxy today (rules.proxy_restraint).
bool Restrained(const Day& d, ActorId proxy);
// strikes.cc: why `striker` would fire on a force of `rival` in `region` today (Cause::kNone: no
// reason it could name; docs/model.md, "Causes of fire").
Cause StrikeCause(const Day& d, ActorId striker, ActorId rival, RegionId region);
// strikes.cc: the rival force `striker` would strike today, or -1: among the forces it can
// reach, those with the weightiest cause (an intruder in its zone first, then fire received, a
// partner attacked or an intrusion, then a contested objective; with rules.strike_causes off,
// an intruder in its zone and then any), the strongest (ties to the lowest index). Its cause
// goes to *cause when given.
int StrikeTarget(const Day& d, ActorId striker, Cause* cause = nullptr);
// strikes.cc: the same for every actor in the mask `strikers` at once, into best[actor] and
// cause[actor]. Both read the force index, which must be current (no losses since the last
// UpdateIndex), and Workspace::heading (PrepareTurn).
void StrikeTargets(const Day& d, ActorSet strikers, int* best, Cause* cause);
// strikes.cc: StrikeTargets in two steps. The first lists each rival a striker could strike
// and its cause, in the order the choice meets them: it reads presence, reach, relations,
// holders, grievances, lines and Workspace::heading, not troops. The second picks each
// striker's target among its candidates by today's troops, so a list kept while those inputs
// stand (PrepareTurn) picks what StrikeTargets would.
void StrikeCandidates(const Day& d, ActorSet strikers, std::vector<StrikeCandidate>& out);
void PickStrikeTargets(const Day& d, ActorSet strikers, std::span<const StrikeCandidate> candidates, int* best, Cause* cause);
// incidents.cc: the daily chance of an incident between one pair of rival forces in contact.
double IncidentChance(const Scenario& s, double tension, double zone_reduction);
// retaliation.cc: the chance that a struck actor retaliates today.
double RetaliationChance(const Scenario& s, const State& st, ActorId victim,
                         const Grievance& grievance);
// retaliation.cc: the chance a retaliation goes horizontal against this many exposed troops.
double HorizontalChance(const Scenario& s, double troops);
// factions.cc: the actor's effective (influence-weighted) aggression, war aversion and belief
// in its rivals' ability to hit back (Stance, engine/day.h). The rules read today's copy in
// Workspace::stance.
using ::brink::Stance;
Stance AggregateFactions(const Scenario& s, const State& st, ActorId actor);
// control.cc: whether the corridor is open over the current holders.
bool CorridorOpen(const Scenario& s, const State& st, int corridor, Workspace& w);

}  // namespace brink::rules

#endif  // BRINK_RULES_RULES_H_
