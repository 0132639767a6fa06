// The parameter table (include/brink/parameters.h): one line per parameter.
#include "brink/parameters.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace brink {
namespace {

constexpr ParameterSpec Num(std::string_view name, double Rules::*member, std::string_view unit, double lo,
                            double hi, std::string_view meaning) {
  return {.name = name, .table = ParameterTable::kRules, .unit = unit, .lo = lo, .hi = hi,
          .meaning = meaning, .rule_number = member};
}
constexpr ParameterSpec Int(std::string_view name, int Rules::*member, std::string_view unit, double lo,
                            double hi, std::string_view meaning) {
  return {.name = name, .table = ParameterTable::kRules, .unit = unit, .lo = lo, .hi = hi, .integer = true,
          .meaning = meaning, .rule_integer = member};
}
constexpr ParameterSpec Actor(std::string_view name, double brink::Actor::*member, std::string_view unit,
                              double lo, double hi, std::string_view meaning) {
  return {.name = name, .table = ParameterTable::kActor, .unit = unit, .lo = lo, .hi = hi,
          .meaning = meaning, .actor_number = member};
}

// name, member, unit, valid range, meaning (docs/scenario-format.md's tables are checked against
// these ranges and the members' defaults: tests/parameters_test.cc).
const ParameterSpec kParameters[] = {
    Num("attrition_rate", &Rules::attrition_rate, "0..1", 0, 1,
        "Lanchester coefficient: losses per unit of enemy firepower per day"),
    Num("air_multiplier", &Rules::air_multiplier, "x", 0, 10,
        "firepower gain of full air power: firepower x (1 + air_multiplier x air_power)"),
    Num("speed_km_per_day", &Rules::speed_km_per_day, "km/day", 1, 1000,
        "road march rate of a force"),
    Num("river_crossing_factor", &Rules::river_crossing_factor, "x", 1, 100,
        "a `river_crossing` edge counts as this many times its length"),
    Num("capture_strength", &Rules::capture_strength, "troops", 0, 1e6,
        "troops needed to take an empty region"),
    Num("break_ratio", &Rules::break_ratio, "x", 0.1, 1000,
        "a force breaks when the enemy fire aimed at it exceeds this ratio x (0.5 + resolve) times the firepower of its whole side in the region"),
    Num("contact_km", &Rules::contact_km, "km", 0, 1000,
        "forces in two regions joined by an edge this short or shorter are in contact"),
    Num("incident_rate", &Rules::incident_rate, "0..1", 0, 1,
        "daily chance of an incident per contact at zero tension"),
    Num("incident_tension_factor", &Rules::incident_tension_factor, "x", 0, 100,
        "the incident chance is multiplied by (1 + factor x tension)"),
    Num("deconfliction", &Rules::deconfliction, "0..1", 0, 1,
        "share of incidents the general deconfliction channel prevents"),
    Num("incident_losses", &Rules::incident_losses, "0..1", 0, 1,
        "share of the smaller force lost in an incident (at most; see `bounded_fire`)"),
    Num("strike_losses", &Rules::strike_losses, "0..1", 0, 1,
        "share of the target force lost in a limited strike (at most; see `bounded_fire`)"),
    Num("limited_fire_kills", &Rules::limited_fire_kills, "troops", 0, 1e6,
        "mean troops one act of limited fire kills, for a shooter of `retaliation_capability` 0.5"),
    Num("killed_share", &Rules::killed_share, "0..1", 0, 1,
        "share of casualties killed, the rest wounded (outputs only)"),
    Num("zone_crossing_tension", &Rules::zone_crossing_tension, "tension", 0, 1000,
        "tension a force adds by entering a rival's declared zone (a crossing)"),
    Num("tension_decay", &Rules::tension_decay, "tension", 0, 1,
        "share of tension that fades each day"),
    Num("tension_incident", &Rules::tension_incident, "tension", 0, 1000,
        "tension added by an incident"),
    Num("tension_strike", &Rules::tension_strike, "tension", 0, 1000,
        "tension added by a deliberate strike"),
    Num("tension_retaliation", &Rules::tension_retaliation, "tension", 0, 1000,
        "tension added by a retaliation"),
    Num("tension_horizontal", &Rules::tension_horizontal, "tension", 0, 1000,
        "tension added by a horizontal strike on exposed troops"),
    Num("tension_proxy_clash", &Rules::tension_proxy_clash, "tension", 0, 1000,
        "tension added by a clash between proxies"),
    Num("tension_signal_relief", &Rules::tension_signal_relief, "tension", 0, 1,
        "share of a strike's tension removed when it is called defensive"),
    Num("retaliation_base", &Rules::retaliation_base, "0..1", 0, 1,
        "daily chance a struck actor retaliates (at resolve 0.5)"),
    Int("retaliation_window_days", &Rules::retaliation_window_days, "days", 1, 20000,
        "a grievance lapses after this many days"),
    Num("signal_effect", &Rules::signal_effect, "0..1", 0, 1,
        "share by which a defensive signal cuts the chance of retaliation"),
    Num("repeat_strike_factor", &Rules::repeat_strike_factor, "x", 1, 10,
        "each further strike multiplies the chance of retaliation by this"),
    Num("horizontal_base", &Rules::horizontal_base, "0..1", 0, 1,
        "chance a retaliation goes horizontal, at `horizontal_scale_troops` exposed"),
    Num("horizontal_scale_troops", &Rules::horizontal_scale_troops, "troops", 1, 1e7,
        "exposure at which `horizontal_base` applies"),
    Num("influence_shift", &Rules::influence_shift, "0..1", 0, 1,
        "faction influence moved per unit of event severity"),
    Num("backing_down_cost", &Rules::backing_down_cost, "utility", 0, 1000,
        "utility lost per unit of commitment when withdrawing"),
    Num("war_cost", &Rules::war_cost, "utility", 0, 1e6,
        "utility of full-scale war, before war aversion"),
    Num("casualty_cost_per_1000", &Rules::casualty_cost_per_1000, "utility", 0, 1e6,
        "utility of a thousand own casualties, before casualty aversion"),
    Num("strike_value", &Rules::strike_value, "utility", 0, 1e6,
        "utility of a successful limited strike, before aggression"),
    Num("advance_cost", &Rules::advance_cost, "utility", 0, 1e6,
        "utility cost of a day of offensive operations (advancing or crossing), times the actor's `casualty_aversion`"),
    Num("defence_value", &Rules::defence_value, "x", 0, 100,
        "weight of what advancing or crossing gives up: the defence of threatened ground it holds, mirroring the gain of advancing (0: off)"),
    Num("strike_cost", &Rules::strike_cost, "utility", 0, 1e6,
        "political cost of deliberately firing on a rival, before war aversion"),
    Num("exposure_risk_cost", &Rules::exposure_risk_cost, "utility", 0, 1e6,
        "utility lost per unit chance of a horizontal blow on exposed troops, before casualty aversion"),
    Num("war_spark", &Rules::war_spark, "0..1", 0, 1,
        "chance a direct clash at the war threshold tips into war, scaled by (tension / threshold)²"),
    Num("proxy_fold_rate", &Rules::proxy_fold_rate, "0..1", 0, 1,
        "daily share an unreliable proxy loses in combat"),
    Num("feud_restraint", &Rules::feud_restraint, "0..1", 0, 1,
        "share of feud clashes a patron's restraint prevents"),
    Int("feud_restraint_days", &Rules::feud_restraint_days, "days", 0, 20000,
        "days a patron's restraint lasts"),
    Int("feud_hot_days", &Rules::feud_hot_days, "days", 0, 20000,
        "days a force stays diverted after a feud clash, its march to the front included"),
    Num("air_strike_cap_troops", &Rules::air_strike_cap_troops, "troops", 0, 1e7,
        "most troops one actor's air strike of a day kills on average at air power 1; 0: no cap (a share, `strike_losses` x air power, of the target)"),
    Num("kills_per_sortie", &Rules::kills_per_sortie, "troops", 0, 1e5,
        "mean troops one air-campaign strike kills; an actor's day of air war kills at most its `air_sorties` x this on average"),
    Num("ceasefire_rate", &Rules::ceasefire_rate, "x", 0, 100,
        "daily ceasefire hazard per unit of war cost at war aversion 1; 0: full-scale war is absorbing"),
    Num("ceasefire_days_scale", &Rules::ceasefire_days_scale, "x", 1e-3, 1e5,
        "days of war that make one unit of war cost"),
    Num("ceasefire_losses_scale", &Rules::ceasefire_losses_scale, "x", 1e-3, 1e9,
        "troops lost by the two warring blocs since war began that make one unit"),
    Num("ceasefire_tension", &Rules::ceasefire_tension, "tension", 0, 1e6,
        "tension between the two blocs after a ceasefire"),
    Num("false_signal_cost", &Rules::false_signal_cost, "utility", 0, 1,
        "share of its credibility an actor loses with each false \"defensive\" label"),
    Num("restraint_cost", &Rules::restraint_cost, "utility", 0, 1e6,
        "utility a patron gives up by restraining its proxies, per unit of its commitment"),
    Num("interception_losses", &Rules::interception_losses, "troops", 0, 1e6,
        "mean troops the engaged attacker loses (an aircraft, a drone, a crew)"),
    Num("tension_interception", &Rules::tension_interception, "tension", 0, 1000,
        "tension an interception adds between the two sides"),
    Int("channel_suspension_days", &Rules::channel_suspension_days, "days", 0, 20000,
        "an interception on an actor protected by a third actor of another bloc makes that actor suspend the deconfliction channel this many days (while suspended `deconfliction` prevents no incident); 0: never"),
    Int("offer_days", &Rules::offer_days, "days", 0, 20000,
        "days a de-escalation offer binds the actor that made it"),
    Num("harm_scale_troops", &Rules::harm_scale_troops, "troops", 1e-3, 1e7,
        "troops lost to one actor's fire at which a grievance weighs as one strike did"),
    Num("red_line_factor", &Rules::red_line_factor, "x", 1, 100,
        "the chance to retaliate is multiplied by this once the harm includes a killed soldier (harm x `killed_share` >= 1)"),
    Num("siege_defence", &Rules::siege_defence, "x", 1, 1000,
        "on a battle's first day in a region flagged `city` that their side holds, the defenders' losses are divided by this (on top of the terrain's defence); 1: no siege defence"),
    Num("will_to_hold", &Rules::will_to_hold, "x", 0, 100,
        "a city's extra siege defence is multiplied by (its holder's priority in the ground it holds / that at the start)^this: a group losing its ground loses its will to hold out (0: off)"),
    Num("siege_exponent", &Rules::siege_exponent, "x", 0, 100,
        "shape of the wear: the extra defence is `1 + (siege_defence - 1) x (1 - days / siege_days)^siege_exponent`"),
    Int("siege_days", &Rules::siege_days, "days", 1, 20000,
        "days of battle in the city after which the extra defence is gone; the battle's count starts over after a day without fighting there or a change of hands"),
    Num("siege_spread", &Rules::siege_spread, "x", 0, 2,
        "how much sieges differ in length beyond what the forces explain: each battle's `siege_days` is multiplied by `exp(siege_spread x Z)`, Z standard normal, drawn once per battle (0: every siege as long)"),
    Num("feud_diversion_ratio", &Rules::feud_diversion_ratio, "x", 0, 100,
        "the firepower a proxy wants at a feud's front, as a multiple of its partner's there"),
    // Modelling constants that were written in rule bodies (issue 24).
    Num("success_pressure", &Rules::success_pressure, "pressure", 0, 100,
        "hawk pressure a faction's actor gains per unit of `value` of a region it takes (success emboldens; Factions)"),
    Num("humiliation_pressure", &Rules::humiliation_pressure, "pressure", 0, 100,
        "hawk pressure on the victim of a strike (humiliation; Factions)"),
    Num("corridor_target_weight", &Rules::corridor_target_weight, "x", 1, 100,
        "at war, the air campaign weighs enemy forces on ground deciding a corridor this many times"),
    Num("return_fire_share", &Rules::return_fire_share, "x", 0, 1,
        "in an incident the victim fires back with this share of `incident_losses`"),
    Num("return_fire_kills", &Rules::return_fire_kills, "x", 0, 1,
        "... and this share of its means (`limited_fire_kills`)"),
    Num("retaliation_resolve_gain", &Rules::retaliation_resolve_gain, "x", 0, 10,
        "the chance to retaliate is `retaliation_base` x this x resolve x (1 - `retaliation_war_restraint` x war aversion)"),
    Num("retaliation_war_restraint", &Rules::retaliation_war_restraint, "0..1", 0, 1,
        "how much war aversion holds retaliation back (see `retaliation_resolve_gain`)"),
    Num("capability_floor", &Rules::capability_floor, "x", 0, 10,
        "limited fire, horizontal blows and retaliation strikes harm x (this + the shooter's `retaliation_capability`)"),
    Num("corridor_slack", &Rules::corridor_slack, "x", 1, 10,
        "a region decides a corridor when it lies on a path between its ends at most this many times the shortest"),
    Num("nearness_km", &Rules::nearness_km, "km", 1, 1e5,
        "a goal region's appeal falls with distance as 1 / (1 + km / this)"),
    Num("morale_base", &Rules::morale_base, "x", 0, 10,
        "firepower x (this + `morale_resolve` x resolve)"),
    Num("morale_resolve", &Rules::morale_resolve, "x", 0, 10,
        "how much resolve adds to firepower (see `morale_base`)"),
    Num("cohesion_base", &Rules::cohesion_base, "0..1", 0, 1,
        "a proxy's firepower x (this + (1 - this) x reliability)"),
    Num("garrison_share", &Rules::garrison_share, "0..1", 0, 1,
        "a garrison left behind, or a handover's garrison, is this share of the force ..."),
    Num("garrison_cap", &Rules::garrison_cap, "x", 1, 1000,
        "... at most this many times `capture_strength`"),
    Num("task_split", &Rules::task_split, "x", 0, 100,
        "economy of force: a force bound for a region keeps this many times the hostile firepower there (at least `capture_strength`) and detaches the rest to another goal (0: off)"),
    Num("garrison_threat", &Rules::garrison_threat, "x", 0, 10,
        "a garrison also holds this share of the hostile firepower next door, in its own troops (0: off); a force that cannot spare it stays"),
    Int("retarget_days", &Rules::retarget_days, "days", 1, 365,
        "a force chooses its goal region again every this many days (each on its own day)"),
    Num("insurgency_cap_attacks", &Rules::insurgency_cap_attacks, "attacks", 0, 1e6,
        "most insurgent attacks one actor makes in a day"),
    Actor("effectiveness", &brink::Actor::effectiveness, "x", 0.01, 20,
        "combat power per troop, relative"),
    Actor("air_power", &brink::Actor::air_power, "0..1", 0, 1,
        "air support; multiplies firepower by (1 + air_multiplier x air_power)"),
    Actor("resolve", &brink::Actor::resolve, "0..1", 0, 1,
        "presses on, retaliates, holds under fire"),
    Actor("commitment", &brink::Actor::commitment, "0..1", 0, 1,
        "credibility staked: the cost of backing down"),
    Actor("casualty_aversion", &brink::Actor::casualty_aversion, "0..1", 0, 1,
        "weight of its own losses"),
    Actor("war_aversion", &brink::Actor::war_aversion, "0..1", 0, 1,
        "weight of the cost of full-scale war"),
    Actor("aggression", &brink::Actor::aggression, "0..1", 0, 1,
        "appetite for deliberate strikes on rivals"),
    Actor("offensive", &brink::Actor::offensive, "0..1", 0, 1,
        "propensity to take ground (advance)"),
    Actor("retaliation_capability", &brink::Actor::retaliation_capability, "0..1", 0, 1,
        "how hard it can hit back"),
    Actor("rationality", &brink::Actor::rationality, "x", 0, 50,
        "softmax sharpness (lambda) of its doctrine policy; 0 chooses at random"),
    Actor("signal_propensity", &brink::Actor::signal_propensity, "0..1", 0, 1,
        "chance it calls its own strike \"defensive\""),
    Actor("territory_weight", &brink::Actor::territory_weight, "x", 0, 100,
        "weight of the value of the regions it holds"),
    Actor("dispersal", &brink::Actor::dispersal, "0..1", 0, 1,
        "share of a broken force's fighters that go underground alive instead of fighting on (Insurgent resilience in docs/model.md)"),
    Actor("entrenchment", &brink::Actor::entrenchment, "x", 0, 10,
        "extra defence on ground the actor held at the start: its losses there are divided by (1 + this), on top of the terrain's defence"),
    Actor("killed_share", &brink::Actor::killed_share, "0..1", 0, 1,
        "the share of its casualties that are killed, the rest wounded (outputs, and the red line of retaliation); with `rules.killed_share_by_actor`"),
    Actor("insurgency", &brink::Actor::insurgency, "x", 0, 100,
        "daily attacks per 1,000 of its fighters underground, on hostile forces standing on its insurgent ground"),
    Actor("underground", &brink::Actor::underground, "troops", 0, 1e7,
        "its fighters already underground at the start (a scenario that starts mid-campaign: those who dispersed before it)"),
    Actor("supply_range_km", &brink::Actor::supply_range_km, "km", 0, 1e5,
        "at war its firepower is x 1 / (1 + km to its nearest base / this)"),
    Actor("air_reach_km", &brink::Actor::air_reach_km, "km", 0, 1e5,
        "its air campaign strikes within this many km (over the map's roads) of its bases, its forces or its proxies' forces"),
    Actor("air_sorties", &brink::Actor::air_sorties, "strikes/day", 0, 1e5,
        "strikes a day its air campaign can fly at war: a day's air war kills at most this x `kills_per_sortie` on average (0: `air_strike_cap_troops` x air power)"),
    Actor("fire_range_km", &brink::Actor::fire_range_km, "km", 0, 1e5,
        "stand-off fire (rockets, missiles, drones, aircraft): its strikes and retaliations reach rival forces within this many km in a straight line of its own forces and of its `bases`, so an actor with no troops in the theatre may strike from outside it (docs/model.md, Reach and lethality)"),
    Actor("fire_lethality", &brink::Actor::fire_lethality, "troops", 0, 1e6,
        "mean troops one act of its limited fire costs the target, drawn as Poisson(this x Exp(1)) so that with a small mean most acts cost nothing; 0: `limited_fire_kills` x (0.5 + `retaliation_capability`)"),
    Actor("air_defence", &brink::Actor::air_defence, "0..1", 0, 1,
        "chance it engages a rival that fires on an actor it protects, in a region within its air reach (docs/model.md, Protection); needs `air_power` above 0"),
    Actor("deterrence", &brink::Actor::deterrence, "x", 0, 100,
        "the war threshold between a bloc it protects and a third bloc is x (1 + this)"),
    Actor("mediation", &brink::Actor::mediation, "x", 0, 100,
        "the daily ceasefire chance in a war of a bloc it protects is x (1 + this)"),
    Actor("search_budget", &brink::Actor::search_budget, "simulations", 1, 100000,
        "with `policy = \"search\"`: simulations per searched decision (rounded to a whole number; docs/model.md, Search)"),
    Actor("search_horizon_days", &brink::Actor::search_horizon_days, "days", 1, 365,
        "with `policy = \"search\"`: days each simulation looks ahead (rounded; the scenario's horizon caps it)"),
    Actor("search_course_days", &brink::Actor::search_course_days, "days", 0, 365,
        "with `policy = \"search\"`: 0, a tree over each decision day; above 0, each first action is a course of action held at its decision points this many days (rounded; docs/model.md, Search)"),
};

}  // namespace

double ParameterSpec::Default() const {
  if (rule_number) return Rules{}.*rule_number;
  if (rule_integer) return Rules{}.*rule_integer;
  return brink::Actor{}.*actor_number;
}

std::string ParameterSpec::Key() const {
  return fmt::format("{}.{}", table == ParameterTable::kRules ? "rules" : "actor", name);
}

std::span<const ParameterSpec> Parameters() { return kParameters; }

const ParameterSpec* FindParameter(ParameterTable table, std::string_view name) {
  for (const ParameterSpec& p : kParameters) {
    if (p.table == table && p.name == name) return &p;
  }
  return nullptr;
}

double ParameterRef::Get(const Scenario& s) const {
  if (spec->rule_number) return s.rules.*(spec->rule_number);
  if (spec->rule_integer) return s.rules.*(spec->rule_integer);
  return s.actors[static_cast<std::size_t>(actor)].*(spec->actor_number);
}

void ParameterRef::Set(Scenario& s, double v) const {
  v = std::clamp(v, spec->lo, spec->hi);
  if (spec->rule_number) {
    s.rules.*(spec->rule_number) = v;
  } else if (spec->rule_integer) {
    s.rules.*(spec->rule_integer) = static_cast<int>(std::lround(v));
  } else {
    s.actors[static_cast<std::size_t>(actor)].*(spec->actor_number) = v;
  }
}

double ParameterRef::At(double u) const {
  const double v = low + u * (high - low);
  return spec->integer ? std::round(v) : v;
}

namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.emplace_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

ParameterRef MakeRef(const Scenario& s, const ParameterSpec& spec, int actor) {
  ParameterRef ref;
  ref.spec = &spec;
  ref.actor = actor;
  ref.path = actor < 0 ? fmt::format("rules.{}", spec.name)
                       : fmt::format("actor.{}.{}", s.actors[static_cast<std::size_t>(actor)].id, spec.name);
  ref.value = ref.Get(s);
  for (const UncertainValue& u : s.uncertain) {
    if (u.path == ref.path) {
      ref.low = u.low;
      ref.high = u.high;
      ref.source = u.source;
      return ref;
    }
  }
  // A negative value is a "not set" marker (an actor's killed_share): nothing to vary.
  const double v = std::max(ref.value, 0.0);
  ref.low = std::clamp(v * (1 - spec.spread), spec.lo, spec.hi);
  ref.high = std::clamp(v * (1 + spec.spread), spec.lo, spec.hi);
  if (ref.value < 0) ref.low = ref.high = ref.value;
  if (spec.integer) {
    ref.low = std::ceil(ref.low);
    ref.high = std::floor(ref.high);
  }
  ref.source = fmt::format("table: value x (1 +- {})", spec.spread);
  return ref;
}

}  // namespace

Result<ParameterRef> FindParameterRef(const Scenario& s, std::string_view path) {
  const std::vector<std::string> parts = SplitPath(path);
  if (parts.size() == 2 && parts[0] == "rules") {
    if (const ParameterSpec* p = FindParameter(ParameterTable::kRules, parts[1])) return MakeRef(s, *p, -1);
    return Status::Error(fmt::format("'{}': no numeric rule parameter '{}' (brink parameters lists them)", path, parts[1]));
  }
  if (parts.size() == 3 && parts[0] == "actor") {
    const int a = s.ActorIndex(parts[1]);
    if (a < 0) return Status::Error(fmt::format("'{}': there is no actor '{}'", path, parts[1]));
    if (const ParameterSpec* p = FindParameter(ParameterTable::kActor, parts[2])) return MakeRef(s, *p, a);
    return Status::Error(fmt::format("'{}': no numeric actor parameter '{}' (brink parameters lists them)", path, parts[2]));
  }
  return Status::Error(fmt::format("'{}': expected rules.NAME or actor.ID.NAME", path));
}

Result<std::vector<ParameterRef>> SelectParameters(const Scenario& s, const std::vector<std::string>& patterns) {
  std::vector<ParameterRef> out;
  std::set<std::string> seen;
  auto add = [&](ParameterRef ref) {
    if (ref.high > ref.low && seen.insert(ref.path).second) out.push_back(std::move(ref));
  };
  auto match = [](const std::string& pattern, const std::string& part) { return pattern == "*" || pattern == part; };
  if (patterns.empty()) {
    for (const ParameterSpec& p : kParameters) {
      if (p.table == ParameterTable::kRules) add(MakeRef(s, p, -1));
    }
    for (const UncertainValue& u : s.uncertain) {
      Result<ParameterRef> ref = FindParameterRef(s, u.path);
      if (ref.ok()) add(ref.value());
    }
    return out;
  }
  for (const std::string& pattern : patterns) {
    const std::vector<std::string> parts = SplitPath(pattern);
    const std::size_t before = out.size();
    bool well_formed = false;
    if (parts.size() == 2 && parts[0] == "rules") {
      well_formed = true;
      for (const ParameterSpec& p : kParameters) {
        if (p.table == ParameterTable::kRules && match(parts[1], std::string(p.name))) add(MakeRef(s, p, -1));
      }
    } else if (parts.size() == 3 && parts[0] == "actor") {
      well_formed = true;
      for (const ParameterSpec& p : kParameters) {
        if (p.table != ParameterTable::kActor || !match(parts[2], std::string(p.name))) continue;
        for (std::size_t a = 0; a < s.actors.size(); ++a) {
          if (match(parts[1], s.actors[a].id)) add(MakeRef(s, p, static_cast<int>(a)));
        }
      }
    }
    if (!well_formed) {
      return Status::Error(fmt::format("--parameter {}: expected rules.NAME or actor.ID.NAME, where a part may be *", pattern));
    }
    if (out.size() == before && pattern.find('*') == std::string::npos) {
      Result<ParameterRef> ref = FindParameterRef(s, pattern);
      if (!ref.ok()) return Status::Error(fmt::format("--parameter {}", ref.message()));
      return Status::Error(fmt::format("--parameter {}: its plausible range is the single value {} (nothing to vary)",
                                       pattern, ref.value().value));
    }
  }
  return out;
}

Result<Scenario> WithValues(const Scenario& s, const std::vector<ParameterRef>& params,
                            const std::vector<double>& values) {
  Scenario copy = s;
  for (std::size_t i = 0; i < params.size(); ++i) params[i].Set(copy, values[i]);
  if (Status st = FinalizeScenario(copy); !st.ok()) return st;
  return copy;
}

std::string ParametersMarkdown() {
  std::string out = "| key | unit | default | valid range | plausible range | meaning |\n|---|---|---|---|---|---|\n";
  for (const ParameterSpec& p : kParameters) {
    const double d = p.Default();
    out += fmt::format("| `{}` | {} | {} | {} - {} | {} | {} |\n", p.Key(), p.unit,
                       d < p.lo ? std::string("(unset)") : fmt::format("{}", d), p.lo, p.hi,
                       fmt::format("value x (1 +- {})", p.spread), p.meaning);
  }
  return out;
}

}  // namespace brink
