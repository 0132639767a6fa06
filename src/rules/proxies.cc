// Proxies and feuds (docs/model.md, Submodel "Proxies and feuds"). A proxy carries out what
// it chose to do (advance, cross, strike) only with its reliability; otherwise it balks and holds.
// A patron may restrain its proxies (rules.proxy_restraint; Action::kRestrain when one of them
// could fire on a rival): for feud_restraint_days each restrained proxy drops a strike it chose
// with chance its reliability, and its incidents are cut by feud_restraint (incidents.cc).
// (In combat an unreliable proxy also fights below strength and loses deserters: combat.cc.)
// A feud between two partners of one side flares into a clash with a daily chance equal to
// its intensity (cut by feud_restraint while the patron restrains the partner); after a clash
// each force of a feuding proxy away from the front is sent to the front with chance
// `diversion` and marches there, diverted for feud_hot_days from the clash (the march
// included): the proxy is taken away from the main contest. With rules.feud_sized_diversion the
// diversion is sized to the threat: forces go (whole, in list order) only while the proxy has
// less than feud_diversion_ratio times its partner's firepower at the front, and never a home
// garrison (its only force in a region it holds).
#include <algorithm>

#include "rules/rules.h"

namespace brink::rules {

namespace {

// The patronage relation that makes `proxy` a proxy (an index into relations), or -1.
int PatronageOf(const Scenario& s, ActorId proxy) {
  const ActorId patron = s.patron(proxy);
  if (patron == kNone) return -1;
  for (int i : s.tables().patronages[static_cast<std::size_t>(patron)]) {
    if (s.relations[static_cast<std::size_t>(i)].b == proxy) return i;
  }
  return -1;
}

// A patron that chose to restrain holds back each of its proxies not restrained yet; days of
// restraint run out.
void PatronRestraint(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    for (int i : s.tables().patronages[a]) {
      int16_t& days = st.restraint_days[static_cast<std::size_t>(i)];
      if (days > 0) --days;
      if (st.actors[a].action != Action::kRestrain || days > 0) continue;
      days = static_cast<int16_t>(s.rules.feud_restraint_days);
      d.Emit({.kind = EventKind::kRestraint, .actor = static_cast<ActorId>(a), .target = s.relations[static_cast<std::size_t>(i)].b});
    }
  }
}

}  // namespace

bool Restrained(const Day& d, ActorId proxy) {
  if (!d.s.rules.proxy_restraint) return false;
  const int i = PatronageOf(d.s, proxy);
  return i >= 0 && d.st.restraint_days[static_cast<std::size_t>(i)] > 0;
}

void ApplyProxyReliability(Day& d) {
  const Scenario& s = d.s;
  if (s.rules.proxy_restraint) PatronRestraint(d);
  Rng rng = d.rng(Stream::kProxy);
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const ActorId proxy = static_cast<ActorId>(a);
    Action& action = d.st.actors[a].action;
    if (!IsProxy(s, proxy) || (action != Action::kAdvance && action != Action::kStrike && action != Action::kCross)) continue;
    if (!rng.Bernoulli(s.reliability(proxy))) {
      action = Action::kHold;
      d.Emit({.kind = EventKind::kProxyBalk, .actor = proxy, .target = s.patron(proxy)});
      continue;
    }
    // Held back by its patron: it obeys as reliably as it carries out its patron's wishes.
    if (action == Action::kStrike && Restrained(d, proxy)) {
      const bool obeys = rng.Bernoulli(s.reliability(proxy));
      if (obeys) action = Action::kHold;
    }
  }
}

namespace {

RegionId NearestFront(const Scenario& s, const Relation& feud, RegionId from) {
  RegionId best = feud.front.front();
  for (RegionId r : feud.front) {
    if (s.distance(from, r) < s.distance(from, best)) best = r;
  }
  return best;
}

// Whether the force is its actor's only force (with troops) in a region its actor holds: a
// home garrison, which a diversion does not strip.
bool HomeGarrison(const State& st, const Force& f) {
  if (st.holder[static_cast<std::size_t>(f.region)] != f.actor) return false;
  int here = 0;
  for (const Force& g : st.forces) here += g.actor == f.actor && g.region == f.region && g.strength > 0;
  return here == 1;
}

// With rules.feud_sized_diversion, the troops the proxy needs at the front: enough for
// feud_diversion_ratio times the firepower its feud partner has there, less what it has there
// already (<= 0: none).
double TroopsNeeded(const Day& d, const Relation& feud, ActorId proxy) {
  const Scenario& s = d.s;
  const ActorId partner = feud.a == proxy ? feud.b : feud.a;
  double theirs = 0, ours = 0;
  for (const Force& f : d.st.forces) {
    if (f.strength <= 0 || std::find(feud.front.begin(), feud.front.end(), f.region) == feud.front.end()) continue;
    if (f.actor == partner) theirs += Firepower(s, f);
    if (f.actor == proxy) ours += Firepower(s, f);
  }
  const double per_troop = s.tables().fire_factor[static_cast<std::size_t>(proxy)];
  return per_troop > 0 ? (s.rules.feud_diversion_ratio * theirs - ours) / per_troop : 0.0;
}

void Divert(Day& d, Rng& rng, const Relation& feud, ActorId proxy) {
  const Scenario& s = d.s;
  float diverted = 0;
  const bool sized = s.rules.feud_sized_diversion;
  const double needed = sized ? TroopsNeeded(d, feud, proxy) : 0.0;
  if (sized && needed <= 0) return;  // strong enough at the front already
  for (Force& f : d.st.forces) {
    if (f.actor != proxy || f.strength <= 0 || f.diverted_days > 0) continue;
    if (sized && (diverted >= needed || HomeGarrison(d.st, f))) continue;
    bool at_front = false;
    for (RegionId r : feud.front) at_front = at_front || f.region == r;
    if (at_front || !rng.Bernoulli(feud.diversion)) continue;
    f.diverted_days = static_cast<int16_t>(s.rules.feud_hot_days);
    f.target = NearestFront(s, feud, f.region);
    diverted += f.strength;
  }
  if (diverted > 0) {
    d.Emit({.kind = EventKind::kDiversion, .actor = proxy, .region = feud.front.front(),
            .casualties = diverted});
  }
}

}  // namespace

void Feuds(Day& d) {
  const Scenario& s = d.s;
  State& st = d.st;
  Rng rng = d.rng(Stream::kFeud);
  // Only the feuds (of some forty relations in the default scenario, one or two).
  for (const int f : s.tables().feuds) {
    const std::size_t i = static_cast<std::size_t>(f);
    const Relation& feud = s.relations[i];
    for (ActorId side : {feud.a, feud.b}) {
      ActorId patron = s.patron(side);
      if (patron != kNone && st.actors[patron].action == Action::kRestrain &&
          st.restraint_days[i] == 0) {
        st.restraint_days[i] = static_cast<int16_t>(s.rules.feud_restraint_days);
        // With proxy restraint the patron's restraint of its proxies has been told already.
        if (!s.rules.proxy_restraint) d.Emit({.kind = EventKind::kRestraint, .actor = patron, .target = side});
      }
    }
    double p = feud.intensity;
    if (st.restraint_days[i] > 0) {
      p *= 1.0 - s.rules.feud_restraint;
      --st.restraint_days[i];
    }
    if (!rng.Bernoulli(p)) continue;
    RegionId front = feud.front[static_cast<std::size_t>(rng.Below(static_cast<int>(feud.front.size())))];
    int fa = ForceOf(d, feud.a, front), fb = ForceOf(d, feud.b, front);
    float lost = 0;
    if (fa >= 0 && fb >= 0) {
      double smaller = std::min(st.forces[fa].strength, st.forces[fb].strength);
      lost = LimitedFire(d, rng, feud.a, fb, s.rules.incident_losses, smaller);
      LimitedFire(d, rng, feud.b, fa, s.rules.incident_losses, smaller);
    }
    d.Emit({.kind = EventKind::kFeudClash, .actor = feud.a, .target = feud.b, .region = front,
            .casualties = lost});
    for (ActorId side : {feud.a, feud.b}) {
      if (IsProxy(s, side)) Divert(d, rng, feud, side);
    }
  }
}

}  // namespace brink::rules
