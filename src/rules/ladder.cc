// The escalation ladder (docs/model.md, Submodel "Ladder"). Tension between two rival blocs
// rises with each violent event and fades by a fixed share a day; the current rung is the
// highest whose threshold the greatest tension reaches. The last rung, full-scale war, is
// reached when tension crosses its threshold, or earlier by a spark: after each direct clash
// between principals, with chance war_spark x (tension / threshold)^2, one side decides to
// fire in earnest. It is absorbing: the two blocs fight on contact for the rest of the run.
// Other pairs of rival blocs keep their standoffs (tension, incidents, strikes), but a run has
// at most one full-scale war: their tension may pass its threshold without starting a second,
// and no spark starts one.
#include "rules/rules.h"

namespace brink::rules {
namespace {

std::size_t Cell(const Day& d, ActorId a, ActorId b) {
  return static_cast<std::size_t>(d.s.actors[a].bloc) * d.blocs() + d.s.actors[b].bloc;
}

void UpdateLevel(Day& d) {
  float highest = 0;
  for (float t : d.st.tension) highest = std::max(highest, t);
  int level = d.st.at_war() ? d.s.war_rung() : std::min(RungFor(d.s, highest), d.s.war_rung());
  if (level != d.st.level) {
    d.st.level = level;
    d.st.max_level = std::max(d.st.max_level, level);
    d.Emit({.kind = EventKind::kLevelChange, .index = static_cast<int16_t>(level)});
  }
}

}  // namespace

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
  if (!d.st.at_war() && d.st.tension[ab] >= d.s.ladder.back().threshold) {
    d.st.war_day = d.st.day;
    d.st.war_a = d.s.actors[a].bloc;
    d.st.war_b = d.s.actors[b].bloc;
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
  const double x = d.st.tension[Cell(d, a, b)] / d.s.ladder.back().threshold;
  if (rng.Bernoulli(d.s.rules.war_spark * x * x)) {
    RaiseTension(d, a, b, d.s.ladder.back().threshold);  // crosses the war threshold
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
  float keep = static_cast<float>(1.0 - d.s.rules.tension_decay);
  const std::size_t blocs = d.blocs();
  for (std::size_t x = 0; x < blocs; ++x) {
    for (std::size_t y = 0; y < blocs; ++y) {
      // The warring pair's tension stands at the war threshold; the other standoffs cool.
      if (!d.st.BlocsAtWar(static_cast<BlocId>(x), static_cast<BlocId>(y))) d.st.tension[x * blocs + y] *= keep;
    }
  }
  UpdateLevel(d);
}

}  // namespace brink::rules
