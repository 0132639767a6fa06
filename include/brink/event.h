// What happened in a run: one record per notable event, in the order the rules produced them.
#ifndef BRINK_EVENT_H_
#define BRINK_EVENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "brink/scenario.h"

namespace brink {

enum class EventKind : uint8_t {
  kCapture,            // a region changed hands
  kBattle,             // a day's fighting in one region (casualties: both sides' losses)
  kIncident,           // rival forces in contact exchanged fire without a decision
  kProxyClash,         // an incident in which a proxy took part
  kStrike,             // a deliberate limited strike on a rival's force
  kZoneStrike,         // a strike on a rival force inside the striker's declared zone
  kAirStrike,          // an air strike in full-scale war, within the striker's air reach
  kSignal,             // the striker called its strike defensive
  kRetaliation,        // a struck actor hit back in the theatre
  kHorizontal,         // a struck actor hit back against the striker's exposed forces
  kFeudClash,          // two feuding partners of one side fought
  kDiversion,          // a proxy sent forces to its feud's front
  kProxyBalk,          // a proxy did not carry out what it was asked
  kWithdrawal,         // an actor pulled its forces out of contact (backing down)
  kRestraint,          // a patron restrained a feuding partner
  kDeescalation,       // an actor offered de-escalation
  kLevelChange,        // the escalation ladder moved to another rung
  kWar,                // full-scale war broke out (one a run; it may end in a ceasefire)
  kCorridorOpened,
  kCorridorCut,
  kGroupDefeated,      // the terrorist group lost its last region
  kArrival,            // a force entered the theatre on its date (the scenario's timeline)
  kRelationChange,     // two actors' relation changed on its date (index: the timeline entry)
  kDeparture,          // an actor left regions on its date (index: the timeline entry)
  kLineAgreed,         // a deconfliction line took effect (index: the line)
  kCrossing,           // a force entered ground closed to it (index: the line, -1 a zone)
  kDispersal,          // fighters of a broken force went underground (casualties: how many)
  kInsurgentAttack,    // fighters underground struck a force on the ground their side held
  kCeasefire,          // the full-scale war ended in a ceasefire: the two blocs are rivals again
  kInterception,       // a protector engaged a rival that fired on an actor it protects (index: Cause)
  kChannelSuspended,   // the deconfliction channel was suspended after an interception (index: days)
  kExposureChange,     // the troops an actor has exposed outside the theatre changed on their date (index: the timeline entry)
  kCount
};

std::string_view EventKindName(EventKind kind);

// The kinds of clash counted in end states and forecasts, in display order.
inline constexpr EventKind kClashKinds[] = {
    EventKind::kIncident,    EventKind::kProxyClash, EventKind::kStrike,    EventKind::kZoneStrike,
    EventKind::kRetaliation, EventKind::kHorizontal, EventKind::kFeudClash, EventKind::kAirStrike,
    EventKind::kInterception,
};

// Why an actor fired by decision (docs/model.md, "Causes of fire"): recorded with each
// deliberate strike and interception in Event::index. Without one (rules.strike_causes) the
// doctrine may not strike. The first four are defensive: only they make a "the fire was
// defensive" signal credible (rules.credible_signals).
enum class Cause : uint8_t {
  kNone,
  kZone,             // a rival force inside its own declared zone
  kIntrusion,        // a rival force on its side's ground, or on ground a line closes to the rival
  kFireReceived,     // the rival (or its proxy) fired on it and the grievance stands
  kPartnerAttacked,  // the rival (or its proxy) fired on an actor of its side or one it protects
  kObjective,        // the rival stands on ground it is advancing to take
  kCount
};
std::string_view CauseName(Cause cause);
inline bool Defensive(Cause cause) {
  return cause != Cause::kNone && cause != Cause::kObjective;
}

// One act of fire in a run's chain of fire before war (State::fire_chain): its kind and whether
// the shooter and the target were principals (not proxies).
inline uint16_t FireLink(EventKind kind, bool shooter_principal, bool target_principal) {
  return static_cast<uint16_t>((static_cast<int>(kind) + 1) | (shooter_principal ? 0x100 : 0) |
                               (target_principal ? 0x200 : 0));
}
inline EventKind FireLinkKind(uint16_t link) { return static_cast<EventKind>((link & 0xff) - 1); }

struct Event {
  int day = 0;
  EventKind kind = EventKind::kCapture;
  ActorId actor = kNone;    // who acted
  ActorId target = kNone;   // to whom
  RegionId region = kNone;  // where (kNone: outside the theatre or nowhere in particular)
  int16_t index = kNone;    // the corridor, exposure or rung concerned, by kind
  int8_t level = 0;         // the ladder rung after the event
  float casualties = 0;     // troops lost by the target
};

// Receives events as they happen. A null sink costs nothing: forecasts use counters instead.
using EventLog = std::vector<Event>;

}  // namespace brink

#endif  // BRINK_EVENT_H_
