// The doctrine policy (docs/model.md, Submodel "Decisions"). Each day every actor scores its
// legal actions by its faction-aggregated objectives one step ahead and draws one by softmax
// (quantal response) with its rationality lambda: P(action) ~ exp(lambda x utility).
//
// Utilities, with T the tension with its rivals, T_war the war rung's threshold and
// risk(T) = min(1, (T / T_war)^2) the perceived chance that tension T ends in war:
//   hold       0
//   advance    strike_value x 2 x offensive x (0.5 + resolve) x open_share x power_share
//                 - war_aversion x war_cost x [risk(T + tension_incident) - risk(T)] x contact
//                 - casualty_aversion x advance_cost - defence
//   strike     aggression x strike_value x (1 + stake) + 2 x enforcement x strike_value
//                 - war_aversion x strike_cost
//                 - war_aversion x war_cost x [risk(T + tension_strike + p x tension_back) - risk(T)]
//                 - casualty_aversion x p x (exposure_risk_cost x h
//                                            + casualty_cost_per_1000 x exposed losses / 1000)
//   withdraw   war_aversion x war_cost x risk(T) / 2 - commitment x backing_down_cost
//   deescalate (from the third rung up) war_aversion x war_cost x [risk(T) - risk(T - relief)] - commitment x backing_down_cost / 2
//   restrain   intensity x feud_hot_days x diversion x strike_value / 2 (patron of a feuding proxy);
//              a patron of proxies that could fire on a rival (rules.proxy_restraint):
//                war_weight x [risk(T + q x tension_strike) - risk(T)] - commitment x restraint_cost,
//              q the sum over those proxies of reliability x aggression (the fire it holds back)
//   cross      strike_value x 2 x offensive x (0.5 + resolve) x cross_share x power_share
//                 - war_weight x [risk(T + crossing tension) - risk(T)] - war_aversion x strike_cost
//                 - casualty_aversion x advance_cost - defence
//              (cross_share: its priority in closed ground held by enemies or nobody; crossing
//              tension: the largest of zone_crossing_tension and its lines' crossing_tension)
// where open_share is the share of the actor's priority still held by enemies or nobody,
// power_share its share of the firepower between it and its enemies in the theatre,
// contact is 1 when it already touches a rival, stake the share of its corridor objectives'
// weight that the target's region is relevant to, enforcement the self_defence_strike of the
// actor's own enabled zone holding the target (0 outside its zones), p the believed retaliation chance (retaliation
// belief, cut by its own defensive signal), tension_back the tension a retaliation adds
// (horizontal when exposed: the more exposed troops, the likelier), h that horizontal chance
// for its largest exposure, and exposed losses the expected horizontal casualties among its
// exposed troops. The value of standing on the defensive, which advancing or crossing gives up
// (rules.defence_value, 0: off), mirrors the gain of advancing:
//   defence    defence_value x strike_value x 2 x (1 - offensive) x (0.5 + resolve) x threatened_share
// where threatened_share is the actor's priority in ground it holds, each region weighted by the
// hostile firepower there and next door as a share of that and its own bloc's firepower there
// (the local counterpart of 1 - power_share), over its priority everywhere: ground its forces
// would strip by marching off.
#include <cmath>

#include "policy/doctrine.h"

#include "engine/day.h"
#include "engine/turn_access.h"
#include "rules/rules.h"

namespace brink {
namespace {

double WarRisk(double tension, double war_threshold) {
  double x = std::max(0.0, tension) / war_threshold;
  return std::min(1.0, x * x);
}

// The actor's share of the firepower in the theatre between it and its enemies.
double PowerShare(const Day& d, ActorId actor) {
  double own = d.w.index.firepower(actor), enemy = 0;
  for (ActorId other : HostileTo(d, actor)) enemy += d.w.index.firepower(other);
  return own + enemy > 0 ? own / (own + enemy) : 0;
}

// Hostile firepower in a region and next door, and its share against that and the firepower
// of the actor's bloc holding the region: how far the ground is threatened, 0 to 1.
double LocalThreat(const Day& d, RegionId region, ActorSet hostile, ActorSet own_bloc) {
  double threat = FireIn(d, region, hostile);
  for (auto [next, km] : d.s.tables().adjacency[region]) threat += FireIn(d, next, hostile);
  if (!(threat > 0)) return 0;
  return threat / (threat + FireIn(d, region, own_bloc));
}

// The actor's priority in ground it holds, each region weighted by how far it is threatened
// (LocalThreat), as a share of its priority everywhere: what its forces would leave exposed by
// marching off.
double ThreatenedShare(const Day& d, ActorId actor) {
  const Scenario& s = d.s;
  const float* priority = &s.tables().priority[static_cast<std::size_t>(actor) * s.regions.size()];
  const ActorSet hostile = HostileTo(d, actor);
  const ActorSet own_bloc = s.tables().bloc_mask[static_cast<std::size_t>(actor)];
  double threatened = 0, all = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    all += priority[r];
    if (priority[r] <= 0 || d.st.holder[r] != actor) continue;
    threatened += priority[r] * LocalThreat(d, static_cast<RegionId>(r), hostile, own_bloc);
  }
  return all > 0 ? threatened / all : 0;
}

// What advancing or crossing gives up: the value of standing on the defensive (the formula above).
double DefenceValue(const Day& d, ActorId actor) {
  const Rules& x = d.s.rules;
  const Actor& a = d.s.actors[actor];
  if (!(x.defence_value > 0) || !(a.offensive < 1)) return 0;
  return x.defence_value * x.strike_value * 2 * (1 - a.offensive) * (0.5 + a.resolve) * ThreatenedShare(d, actor);
}

// The utility of one legal action (the formulas above).
double Utility(const Day& d, ActorId actor, const LegalAction& option, double t, double risk,
               double war_weight) {
  const Scenario& s = d.s;
  const State& st = d.st;
  const Rules& x = s.rules;
  const Actor& a = s.actors[actor];
  const Stance& stance = d.w.stance[static_cast<std::size_t>(actor)];
  const double t_war = s.ladder.back().threshold;
  switch (option.kind) {
    case Action::kHold:
      return 0.0;
    case Action::kAdvance: {
      const bool contact = d.w.in_contact[static_cast<std::size_t>(actor)];
      double gain = x.strike_value * 2 * a.offensive * (0.5 + a.resolve) *
                    st.open_share[static_cast<std::size_t>(actor)] * PowerShare(d, actor);
      double contact_cost = contact ? war_weight * (WarRisk(t + x.tension_incident, t_war) - risk) : 0;
      return gain - contact_cost - a.casualty_aversion * x.advance_cost - DefenceValue(d, actor);
    }
    case Action::kStrike: {
      double stake = 0, corridor_weight = 0;
      RegionId where = st.forces[static_cast<std::size_t>(option.target)].region;
      for (auto [corridor, weight] : s.tables().corridor_stakes[static_cast<std::size_t>(actor)]) {
        corridor_weight += weight;
        if (s.tables().corridor_relevance[where] >> corridor & 1u) stake += weight;
      }
      stake = corridor_weight > 0 ? stake / corridor_weight : 0;
      double signal = x.signalling ? a.signal_propensity * x.signal_effect : 0;
      const Cause cause = d.w.strike_cause.empty() ? Cause::kNone : d.w.strike_cause[static_cast<std::size_t>(actor)];
      if (x.credible_signals && !Defensive(cause)) signal *= st.actors[static_cast<std::size_t>(actor)].credibility;
      const ActorId victim = st.forces[static_cast<std::size_t>(option.target)].actor;
      double intercept = 0;
      for (ActorId p : s.tables().defenders[static_cast<std::size_t>(victim)]) {
        if (s.actors[p].bloc != a.bloc) intercept = std::max(intercept, s.actors[p].air_defence);
      }
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
      double escalation =
          WarRisk(t + x.tension_strike + p_back * tension_back + intercept * x.tension_interception, t_war) - risk;
      // Enforcing its own declared zone on an intruder: worth strike_value x 2 x the zone's
      // self_defence_strike (the largest of its zones there), whatever its aggression.
      double enforcement = 0;
      for (const Zone& z : s.zones) {
        if (!z.enabled || z.owner != actor) continue;
        for (RegionId r : z.regions) {
          if (r == where) enforcement = std::max(enforcement, z.self_defence_strike);
        }
      }
      return stance.aggression * x.strike_value * (1.0 + stake) + 2.0 * enforcement * x.strike_value -
             stance.war_aversion * x.strike_cost - war_weight * escalation - exposure_cost;
    }
    case Action::kWithdraw:
      return war_weight * risk / 2 - a.commitment * x.backing_down_cost;
    case Action::kDeescalate: {
      double relief = x.tension_signal_relief * x.tension_strike;
      return war_weight * (risk - WarRisk(t - relief, t_war)) - a.commitment * x.backing_down_cost / 2;
    }
    case Action::kCross: {
      // Advancing into closed ground: its value, less the tension the crossing adds (as a
      // risk of war), the political cost of breaking an agreement, and the day's effort.
      double tension = x.zone_crossing_tension;
      for (const DeconflictionLine& l : s.lines) {
        if (l.enabled && (l.a == a.bloc || l.b == a.bloc)) tension = std::max(tension, l.crossing_tension);
      }
      double gain = x.strike_value * 2 * a.offensive * (0.5 + a.resolve) *
                    st.cross_share[static_cast<std::size_t>(actor)] * PowerShare(d, actor);
      return gain - war_weight * (WarRisk(t + tension, t_war) - risk) - stance.war_aversion * x.strike_cost -
             a.casualty_aversion * x.advance_cost - DefenceValue(d, actor);
    }
    case Action::kRestrain: {
      const Relation& r = s.relations[static_cast<std::size_t>(option.target)];
      if (r.kind == RelationKind::kFeud) return r.intensity * x.feud_hot_days * r.diversion * x.strike_value / 2;
      double held = 0;  // the proxies' fire it would hold back
      for (int i : s.tables().patronages[static_cast<std::size_t>(actor)]) {
        const ActorId proxy = s.relations[static_cast<std::size_t>(i)].b;
        if (st.restraint_days[static_cast<std::size_t>(i)] == 0 && d.w.strike_target[static_cast<std::size_t>(proxy)] >= 0) {
          held += s.reliability(proxy) * d.w.stance[static_cast<std::size_t>(proxy)].aggression;
        }
      }
      return war_weight * (WarRisk(t + held * x.tension_strike, t_war) - risk) - a.commitment * x.restraint_cost;
    }
    case Action::kCount:
      break;
  }
  return 0.0;
}

}  // namespace

ActionScores ScoreActions(const Day& d, ActorId actor, std::span<const LegalAction> legal) {
  const Scenario& s = d.s;
  const double t = d.w.rival_tension[static_cast<std::size_t>(actor)];  // RivalTension at dawn
  const double risk = WarRisk(t, s.ladder.back().threshold);
  const double war_weight = d.w.stance[static_cast<std::size_t>(actor)].war_aversion * s.rules.war_cost;
  ActionScores out;
  for (const LegalAction& option : legal) {
    const int i = static_cast<int>(option.kind);
    out.legal[i] = true;
    out.utility[i] = Utility(d, actor, option, t, risk, war_weight);
  }
  return out;
}

ActionScores DoctrineScores(const Turn& turn, ActorId actor) {
  if (!turn.valid()) return ActionScores();  // nothing legal: a closed turn has no options
  return ScoreActions(TurnAccess::DayOf(turn), actor, turn.Legal(actor));
}

Action ChooseSoftmax(const ActionScores& scores, double rationality, double u) {
  // The legal actions in order, gathered once (the loops below then skip nothing).
  constexpr int kActions = static_cast<int>(Action::kCount);
  int legal[kActions];
  int n = 0;
  double best = -1e300;
  for (int i = 0; i < kActions; ++i) {
    if (!scores.legal[i]) continue;
    best = std::max(best, scores.utility[i]);
    legal[n++] = i;
  }
  if (n == 0) return static_cast<Action>(0);
  if (n == 1) return static_cast<Action>(legal[0]);  // no choice (the draw below would agree)
  double weight[kActions];
  double total = 0;
  for (int k = 0; k < n; ++k) {
    const double gap = scores.utility[legal[k]] - best;
    weight[k] = gap == 0 ? 1.0 : std::exp(rationality * gap);
    total += weight[k];
  }
  double pick = u * total;
  for (int k = 0; k < n; ++k) {
    if (pick < weight[k]) return static_cast<Action>(legal[k]);
    pick -= weight[k];
  }
  return static_cast<Action>(legal[n - 1]);
}

namespace {

class Doctrine final : public Policy {
 public:
  std::string_view name() const override { return "doctrine"; }
  Action Choose(const Turn& turn, ActorId actor) const override {
    const double rationality = turn.scenario().actors[actor].rationality;
    if (!turn.valid()) return ChooseSoftmax(ActionScores(), rationality, 0.0);  // nothing legal: hold
    // Asked once whether the turn is open, not again by each accessor.
    const std::span<const LegalAction> legal = TurnAccess::LegalOf(turn, actor);
    if (legal.size() == 1) return legal.front().kind;  // no choice: the softmax picks it whatever the scores
    return ChooseSoftmax(ScoreActions(TurnAccess::DayOf(turn), actor, legal), rationality, TurnAccess::DrawOf(turn, actor));
  }
};

}  // namespace

std::shared_ptr<const Policy> DoctrinePolicy() { return std::make_shared<const Doctrine>(); }

}  // namespace brink
