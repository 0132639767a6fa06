// The escalation ladder (docs/model.md, Submodels "Ladder" and "War"). Tension between two
// rival blocs rises with each violent event and fades by a fixed share a day; the current rung
// is the highest whose threshold the greatest tension reaches. The last rung, full-scale war,
// is reached when tension crosses the war threshold, or earlier by a spark: after each direct
// clash between principals, with chance war_spark x (tension / threshold)^2, one side decides
// to fire in earnest. A protector with troops in the theatre (Actor::protects, a great power
// shielding a bloc) raises that threshold by its deterrence. At war the two blocs fight on
// contact until a ceasefire: each day with chance
//   1 - exp(-ceasefire_rate x war aversion x (1 + mediation) x (days / days_scale + losses / losses_scale)),
// after which they are rivals again, their tension reset to ceasefire_tension. A run has at
// most one full-scale war: other pairs' tension may pass the threshold without starting a
// second, no spark starts one, and none follows a ceasefire.
#include <cmath>

#include "rules/rules.h"

namespace brink::rules {
namespace {

std::size_t Cell(const Day& d, ActorId a, ActorId b) {
  return static_cast<std::size_t>(d.s.actors[a].bloc) * d.blocs() + d.s.actors[b].bloc;
}

// Whether the actor has troops in the theatre.
bool InTheatre(const State& st, ActorId actor) {
  for (const Force& f : st.forces) {
    if (f.actor == actor && f.strength > 0) return true;
  }
  return false;
}

// Casualties so far of the actors of the two warring blocs.
double WarLosses(const Day& d) {
  double losses = 0;
  for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
    const BlocId bloc = d.s.actors[a].bloc;
    if (bloc == d.st.war_a || bloc == d.st.war_b) losses += d.st.actors[a].casualties;
  }
  return losses;
}

void UpdateLevel(Day& d) {
  // The highest tension, over four lanes (the same maximum: taking it is exact in any order),
  // so the compiler need not wait on one comparison before the next.
  float lane[4] = {0, 0, 0, 0};
  const std::vector<float>& tension = d.st.tension;
  std::size_t i = 0;
  for (; i + 4 <= tension.size(); i += 4) {
    for (int k = 0; k < 4; ++k) lane[k] = std::max(lane[k], tension[i + static_cast<std::size_t>(k)]);
  }
  for (; i < tension.size(); ++i) lane[0] = std::max(lane[0], tension[i]);
  const float highest = std::max(std::max(lane[0], lane[1]), std::max(lane[2], lane[3]));
  // Short of war (or after its ceasefire) the ladder stops below the war rung.
  int level = d.st.war_ongoing() ? d.s.war_rung() : std::min(RungFor(d.s, highest), d.s.war_rung() - 1);
  if (level != d.st.level) {
    d.st.level = level;
    d.st.max_level = std::max(d.st.max_level, level);
    d.Emit({.kind = EventKind::kLevelChange, .index = static_cast<int16_t>(level)});
  }
}

}  // namespace

double WarThreshold(const Day& d, BlocId a, BlocId b) {
  const double threshold = d.s.ladder.back().threshold;
  if (!d.s.rules.protection) return threshold;
  const ActorSet protectors = d.s.tables().protectors[static_cast<std::size_t>(a)] |
                              d.s.tables().protectors[static_cast<std::size_t>(b)];
  double deterrence = 0;
  for (ActorId p : protectors) {
    const BlocId own = d.s.actors[p].bloc;
    if (own != a && own != b && InTheatre(d.st, p)) deterrence += d.s.actors[p].deterrence;
  }
  return threshold * (1.0 + deterrence);
}

double CeasefireChance(const Day& d) {
  const Scenario& s = d.s;
  const State& st = d.st;
  if (!st.war_ongoing() || s.rules.ceasefire_rate <= 0) return 0;
  // Costs since war began: its days, and the troops both sides have lost.
  const double days = st.day - st.war_day;
  const double losses = std::max(0.0, WarLosses(d) - st.war_losses_at_start);
  // The war aversion of the principals of the two blocs (their faction stance), on average.
  double aversion = 0;
  int principals = 0;
  double mediation = 0;
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    const ActorId actor = static_cast<ActorId>(a);
    const BlocId bloc = s.actors[a].bloc;
    const bool warring = bloc == st.war_a || bloc == st.war_b;
    if (warring && !IsProxy(s, actor)) {
      aversion += d.w.stance[a].war_aversion;
      ++principals;
    }
    // A protector of either side standing outside the war presses both to stop.
    const bool protects = s.tables().protectors[static_cast<std::size_t>(st.war_a)].contains(actor) ||
                          s.tables().protectors[static_cast<std::size_t>(st.war_b)].contains(actor);
    if (s.rules.protection && protects && !warring && InTheatre(st, actor)) mediation += s.actors[a].mediation;
  }
  if (principals > 0) aversion /= principals;
  const double cost = days / s.rules.ceasefire_days_scale + losses / s.rules.ceasefire_losses_scale;
  return 1.0 - std::exp(-s.rules.ceasefire_rate * aversion * (1.0 + mediation) * cost);
}

void Ceasefire(Day& d) {
  if (!d.st.war_ongoing()) return;
  Rng rng = d.rng(Stream::kCeasefire);
  if (!rng.Bernoulli(CeasefireChance(d))) return;
  State& st = d.st;
  st.ceasefire_day = st.day;
  // Back to the standoff, still tense: the war is recorded (war_day, war_a, war_b stay).
  const std::size_t blocs = d.blocs();
  const std::size_t ab = static_cast<std::size_t>(st.war_a) * blocs + static_cast<std::size_t>(st.war_b);
  const std::size_t ba = static_cast<std::size_t>(st.war_b) * blocs + static_cast<std::size_t>(st.war_a);
  st.tension[ab] = st.tension[ba] = static_cast<float>(d.s.rules.ceasefire_tension);
  st.control_changed = true;  // the enemy's ground is no longer worth taking
  RefreshRelations(d);
  ActorId a = kNone, b = kNone;  // the first actor of each bloc names it in the event
  for (std::size_t x = 0; x < d.s.actors.size(); ++x) {
    if (a == kNone && d.s.actors[x].bloc == st.war_a) a = static_cast<ActorId>(x);
    if (b == kNone && d.s.actors[x].bloc == st.war_b) b = static_cast<ActorId>(x);
  }
  d.Emit({.kind = EventKind::kCeasefire, .actor = a, .target = b, .index = static_cast<int16_t>(st.day - st.war_day)});
  UpdateLevel(d);
}

int RungFor(const Scenario& s, double tension) {
  int rung = 0;
  for (std::size_t i = 0; i < s.ladder.size(); ++i) {
    if (tension >= s.ladder[i].threshold) rung = static_cast<int>(i);
  }
  return rung;
}

void RaiseTension(Day& d, ActorId a, ActorId b, double amount) {
  if (AtWarBetween(d.s, d.st, a, b)) return;  // war has no ladder left to climb
  std::size_t ab = Cell(d, a, b), ba = Cell(d, b, a);
  d.st.tension[ab] += static_cast<float>(amount);
  d.st.tension[ba] = d.st.tension[ab];
  // One full-scale war a run: a second pair of blocs past the threshold stays short of it.
  if (!d.st.at_war() &&
      d.st.tension[ab] >= WarThreshold(d, d.s.actors[a].bloc, d.s.actors[b].bloc)) {
    d.st.war_day = d.st.day;
    d.st.war_a = d.s.actors[a].bloc;
    d.st.war_b = d.s.actors[b].bloc;
    d.st.war_losses_at_start = WarLosses(d);
    d.st.control_changed = true;  // enemies' ground is now worth taking
    RefreshRelations(d);
    UpdateLevel(d);
    d.Emit({.kind = EventKind::kWar, .actor = a, .target = b});
    return;
  }
  UpdateLevel(d);
}

void MaybeSpark(Day& d, Rng& rng, ActorId a, ActorId b) {
  if (d.st.at_war() || IsProxy(d.s, a) || IsProxy(d.s, b)) return;
  const double threshold = WarThreshold(d, d.s.actors[a].bloc, d.s.actors[b].bloc);
  const double x = d.st.tension[Cell(d, a, b)] / threshold;
  if (rng.Bernoulli(d.s.rules.war_spark * x * x)) {
    RaiseTension(d, a, b, threshold);  // crosses the war threshold
  }
}

void LowerTension(Day& d, ActorId a, ActorId b, double amount) {
  if (AtWarBetween(d.s, d.st, a, b)) return;
  std::size_t ab = Cell(d, a, b), ba = Cell(d, b, a);
  d.st.tension[ab] = std::max(0.0f, d.st.tension[ab] - static_cast<float>(amount));
  d.st.tension[ba] = d.st.tension[ab];
  UpdateLevel(d);
}

void LadderDecay(Day& d) {
  const float keep = static_cast<float>(1.0 - d.s.rules.tension_decay);
  const std::size_t blocs = d.blocs();
  if (!d.st.war_ongoing()) {  // no warring pair: every standoff cools
    for (float& t : d.st.tension) t *= keep;
  } else {
    for (std::size_t x = 0; x < blocs; ++x) {
      for (std::size_t y = 0; y < blocs; ++y) {
        // The warring pair's tension stands at the war threshold; the other standoffs cool.
        if (!d.st.BlocsAtWar(static_cast<BlocId>(x), static_cast<BlocId>(y))) d.st.tension[x * blocs + y] *= keep;
      }
    }
  }
  UpdateLevel(d);
}

}  // namespace brink::rules
