#include "brink/event.h"
#include "brink/state.h"

namespace brink {

std::string_view EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kCapture: return "capture";
    case EventKind::kBattle: return "battle";
    case EventKind::kIncident: return "incident";
    case EventKind::kProxyClash: return "proxy_clash";
    case EventKind::kStrike: return "strike";
    case EventKind::kZoneStrike: return "zone_strike";
    case EventKind::kAirStrike: return "air_strike";
    case EventKind::kSignal: return "defensive_signal";
    case EventKind::kRetaliation: return "retaliation";
    case EventKind::kHorizontal: return "horizontal_retaliation";
    case EventKind::kFeudClash: return "feud_clash";
    case EventKind::kDiversion: return "diversion";
    case EventKind::kProxyBalk: return "proxy_balk";
    case EventKind::kWithdrawal: return "withdrawal";
    case EventKind::kRestraint: return "restraint";
    case EventKind::kDeescalation: return "deescalation";
    case EventKind::kLevelChange: return "level_change";
    case EventKind::kWar: return "war";
    case EventKind::kCorridorOpened: return "corridor_opened";
    case EventKind::kCorridorCut: return "corridor_cut";
    case EventKind::kGroupDefeated: return "group_defeated";
    case EventKind::kArrival: return "arrival";
    case EventKind::kRelationChange: return "relation_change";
    case EventKind::kDeparture: return "departure";
    case EventKind::kLineAgreed: return "line_agreed";
    case EventKind::kCrossing: return "crossing";
    case EventKind::kDispersal: return "dispersal";
    case EventKind::kInsurgentAttack: return "insurgent_attack";
    case EventKind::kCeasefire: return "ceasefire";
    case EventKind::kInterception: return "interception";
    case EventKind::kChannelSuspended: return "channel_suspended";
    case EventKind::kExposureChange: return "exposure_change";
    case EventKind::kCount: break;
  }
  return "unknown";
}

std::string_view CauseName(Cause cause) {
  switch (cause) {
    case Cause::kNone: return "none";
    case Cause::kZone: return "intruder_in_zone";
    case Cause::kIntrusion: return "intruder_on_its_ground";
    case Cause::kFireReceived: return "fire_received";
    case Cause::kPartnerAttacked: return "partner_attacked";
    case Cause::kObjective: return "contested_objective";
    case Cause::kCount: break;
  }
  return "unknown";
}

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kHold: return "hold";
    case Action::kAdvance: return "advance";
    case Action::kStrike: return "strike";
    case Action::kWithdraw: return "withdraw";
    case Action::kRestrain: return "restrain";
    case Action::kCross: return "cross";
    case Action::kDeescalate: return "deescalate";
    case Action::kCount: break;
  }
  return "unknown";
}

}  // namespace brink
