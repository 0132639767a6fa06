// The doctrine policy (docs/model.md, Submodel "Decisions"). Each day every actor scores its
// legal actions by its faction-aggregated objectives one step ahead and draws one by softmax
// (quantal response) with its rationality lambda: P(action) ~ exp(lambda x utility).
//
// Utilities, with T the tension with its rivals, T_war the war rung's threshold and
// risk(T) = min(1, (T / T_war)^2) the perceived chance that tension T ends in war:
//   hold       0
//   advance    strike_value x 2 x offensive x (0.5 + resolve) x open_share x power_share
//                 - war_aversion x war_cost x [risk(T + tension_incident) - risk(T)] x contact
//   strike     aggression x strike_value x (1 + stake) - war_aversion x strike_cost
//                 - war_aversion x war_cost x [risk(T + tension_strike + p x tension_back) - risk(T)]
//                 - casualty_aversion x p x (exposure_risk_cost x h
//                                            + casualty_cost_per_1000 x exposed losses / 1000)
//   withdraw   war_aversion x war_cost x risk(T) / 2 - commitment x backing_down_cost
//   deescalate (from the third rung up) war_aversion x war_cost x [risk(T) - risk(T - relief)] - commitment x backing_down_cost / 2
//   restrain   intensity x feud_hot_days x diversion x strike_value / 2 (patron of a feuding proxy)
// where open_share is the share of the actor's priority still held by enemies or nobody,
// power_share its share of the firepower between it and its enemies in the theatre,
// contact is 1 when it already touches a rival, stake the share of its corridor objectives'
// weight that the target's region is relevant to, p the believed retaliation chance (retaliation
// belief, cut by its own defensive signal), tension_back the tension a retaliation adds
// (horizontal when exposed: the more exposed troops, the likelier), h that horizontal chance
// for its largest exposure, and exposed losses the expected horizontal casualties among its
// exposed troops.
#include <cmath>

#include "brink/policy.h"
#include "engine/day.h"
#include "rules/rules.h"

namespace brink {
namespace {

double WarRisk(double tension, double war_threshold) {
  double x = std::max(0.0, tension) / war_threshold;
  return std::min(1.0, x * x);
}

double RivalTension(const Day& d, ActorId actor) {
  float highest = 0;
  const std::size_t blocs = d.s.blocs.size();
  const float* row = &d.st.tension[static_cast<std::size_t>(d.s.actors[actor].bloc) * blocs];
  for (std::size_t b = 0; b < blocs; ++b) highest = std::max(highest, row[b]);
  return highest;
}

// The actor's share of the firepower in the theatre between it and its enemies.
double PowerShare(const Day& d, ActorId actor) {
  double own = d.w.actor_firepower[static_cast<std::size_t>(actor)], enemy = 0;
  for (uint64_t rest = d.w.hostile_mask[static_cast<std::size_t>(actor)]; rest; rest &= rest - 1) {
    enemy += d.w.actor_firepower[static_cast<std::size_t>(__builtin_ctzll(rest))];
  }
  return own + enemy > 0 ? own / (own + enemy) : 0;
}

double OpenShare(const Day& d, ActorId actor) {
  const Scenario& s = d.s;
  const float* priority = &s.priority[static_cast<std::size_t>(actor) * s.regions.size()];
  double open = 0, all = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    all += priority[r];
    if (rules::WorthTaking(d, actor, static_cast<RegionId>(r))) open += priority[r];
  }
  return all > 0 ? open / all : 0;
}

}  // namespace

ActionScores ScoreActions(const Day& d, ActorId actor) {
  const Scenario& s = d.s;
  const State& st = d.st;
  const Rules& x = s.rules;
  const Actor& a = s.actors[actor];
  const Stance& stance = d.w.stance[static_cast<std::size_t>(actor)];
  const double t = RivalTension(d, actor);
  const double t_war = s.ladder.back().threshold;
  const double risk = WarRisk(t, t_war);
  const double war_weight = stance.war_aversion * x.war_cost;
  ActionScores out;
  auto set = [&](Action action, double utility) {
    out.legal[static_cast<int>(action)] = true;
    out.utility[static_cast<int>(action)] = utility;
  };
  set(Action::kHold, 0.0);
  const bool has_forces = d.w.actor_firepower[static_cast<std::size_t>(actor)] > 0;
  const bool contact = !st.at_war() && d.w.in_contact[static_cast<std::size_t>(actor)];
  if (has_forces) {
    double gain = x.strike_value * 2 * a.offensive * (0.5 + a.resolve) *
                  st.open_share[static_cast<std::size_t>(actor)] * PowerShare(d, actor);
    double contact_cost = contact ? war_weight * (WarRisk(t + x.tension_incident, t_war) - risk) : 0;
    set(Action::kAdvance, gain - contact_cost);
  }
  if (!st.at_war()) {
    int target = d.w.strike_target[static_cast<std::size_t>(actor)];
    if (target >= 0) {
      double stake = 0, corridor_weight = 0;
      RegionId where = st.forces[target].region;
      for (auto [corridor, weight] : s.corridor_stakes[static_cast<std::size_t>(actor)]) {
        corridor_weight += weight;
        if (s.corridor_relevance[where] >> corridor & 1u) stake += weight;
      }
      stake = corridor_weight > 0 ? stake / corridor_weight : 0;
      double signal = x.signalling ? a.signal_propensity * x.signal_effect : 0;
      double p_back = stance.retaliation_belief * (1.0 - signal);
      double exposed_losses = 0, horizontal = 0;
      for (std::size_t e = 0; e < s.exposures.size(); ++e) {
        if (s.exposures[e].actor != actor) continue;
        double h = rules::HorizontalChance(s, st.exposure_troops[e]);
        horizontal = std::max(horizontal, h);
        exposed_losses += h * st.exposure_troops[e] * s.exposures[e].vulnerability;
      }
      const double exposure_cost =
          a.casualty_aversion * p_back *
          (x.exposure_risk_cost * horizontal + x.casualty_cost_per_1000 * exposed_losses / 1000.0);
      double tension_back = horizontal * x.tension_horizontal + (1 - horizontal) * x.tension_retaliation;
      double escalation = WarRisk(t + x.tension_strike + p_back * tension_back, t_war) - risk;
      double utility = stance.aggression * x.strike_value * (1.0 + stake) -
                       stance.war_aversion * x.strike_cost - war_weight * escalation - exposure_cost;
      set(Action::kStrike, utility);
    }
  }
  const bool principal = a.patron == kNone;  // proxies do not back down or bargain for their side
  if (contact && principal) {
    set(Action::kWithdraw, war_weight * risk / 2 - a.commitment * x.backing_down_cost);
  }
  if (principal && !st.at_war() && s.ladder.size() > 2 && t >= s.ladder[2].threshold) {
    double relief = x.tension_signal_relief * x.tension_strike;
    set(Action::kDeescalate, war_weight * (risk - WarRisk(t - relief, t_war)) -
                                 a.commitment * x.backing_down_cost / 2);
  }
  for (int i : s.proxy_feuds[static_cast<std::size_t>(actor)]) {
    const Relation& r = s.relations[static_cast<std::size_t>(i)];
    if (st.restraint_days[static_cast<std::size_t>(i)] > 0) continue;
    set(Action::kRestrain, r.intensity * x.feud_hot_days * r.diversion * x.strike_value / 2);
  }
  return out;
}

Action ChooseSoftmax(const ActionScores& scores, double rationality, double u) {
  double best = -1e300;
  int legal = 0, only = 0;
  for (int i = 0; i < static_cast<int>(Action::kCount); ++i) {
    if (!scores.legal[i]) continue;
    best = std::max(best, scores.utility[i]);
    ++legal;
    only = i;
  }
  if (legal == 1) return static_cast<Action>(only);  // no choice (the draw below would agree)
  std::array<double, static_cast<int>(Action::kCount)> weight{};
  double total = 0;
  for (int i = 0; i < static_cast<int>(Action::kCount); ++i) {
    if (!scores.legal[i]) continue;
    const double gap = scores.utility[i] - best;
    weight[i] = gap == 0 ? 1.0 : std::exp(rationality * gap);
    total += weight[i];
  }
  double pick = u * total;
  int last = 0;
  for (int i = 0; i < static_cast<int>(Action::kCount); ++i) {
    if (!scores.legal[i]) continue;
    last = i;
    if (pick < weight[i]) return static_cast<Action>(i);
    pick -= weight[i];
  }
  return static_cast<Action>(last);
}

void DecideAll(Day& d) {
  State& st = d.st;
  d.w.control_changed_at_dawn = st.control_changed || st.day <= 1;
  if (st.control_changed || st.open_share.size() != d.s.actors.size()) {
    st.open_share.resize(d.s.actors.size());
    st.has_goal.assign(d.s.actors.size(), 0);
    for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
      const ActorId actor = static_cast<ActorId>(a);
      st.open_share[a] = static_cast<float>(OpenShare(d, actor));
      for (RegionId r : d.s.goal_regions[a]) {
        if (rules::WorthTaking(d, actor, r)) {
          st.has_goal[a] = 1;
          break;
        }
      }
    }
    st.control_changed = false;
  }
  // Which actors have a force in contact with a rival (here, across a short edge, or inside a
  // rival's zone), and the force each would strike: both follow from the index and the
  // relations alone, so they stand while those do (quiet days).
  if (d.w.contact_version != d.w.index_version) {
    d.w.in_contact.assign(d.s.actors.size(), 0);
    const std::vector<uint64_t>& near = NearMasks(d);
    for (RegionId region : d.w.occupied) {
      const std::size_t r = static_cast<std::size_t>(region);
      const uint64_t around = near[r] | d.s.zone_owners[r];
      for (uint64_t rest = d.w.present[r]; rest; rest &= rest - 1) {
        const int a = __builtin_ctzll(rest);
        if (around & d.w.rival_mask[static_cast<std::size_t>(a)]) d.w.in_contact[static_cast<std::size_t>(a)] = 1;
      }
    }
    d.w.strike_target.assign(d.s.actors.size(), -1);
    if (!st.at_war()) {
      uint64_t strikers = 0;  // every actor with a rival
      for (std::size_t a = 0; a < d.s.actors.size(); ++a) strikers |= uint64_t{d.s.has_rival[a] != 0} << a;
      rules::StrikeTargets(d, strikers, d.w.strike_target.data());
    }
    d.w.contact_version = d.w.index_version;
  }
  Rng rng = d.rng(Stream::kDecision);
  for (std::size_t a = 0; a < d.s.actors.size(); ++a) {
    ActorId actor = static_cast<ActorId>(a);
    double u = rng.Uniform();  // drawn for every actor, so one actor's legal set never shifts another's draw
    d.st.actors[a].action = ChooseSoftmax(ScoreActions(d, actor), d.s.actors[a].rationality, u);
  }
}

}  // namespace brink
