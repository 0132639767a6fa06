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
  kCount
};

std::string_view EventKindName(EventKind kind);

// The kinds of clash counted in end states and forecasts, in display order.
inline constexpr EventKind kClashKinds[] = {
    EventKind::kIncident,    EventKind::kProxyClash, EventKind::kStrike,    EventKind::kZoneStrike,
    EventKind::kRetaliation, EventKind::kHorizontal, EventKind::kFeudClash, EventKind::kAirStrike,
};

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
