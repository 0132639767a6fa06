// brink's Scenario: the immutable description of a standoff (the "Game" of OpenSpiel's pair).
//
// A Scenario is loaded from a TOML file (docs/scenario-format.md), validated, and then never
// changes while runs are simulated. Everything the rules need is here, as flat vectors indexed
// by small integer ids; names live here and nowhere in the State.
#ifndef BRINK_SCENARIO_H_
#define BRINK_SCENARIO_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "brink/actor_set.h"
#include "brink/ids.h"
#include "brink/status.h"

namespace brink {


// Hard limits on what a scenario may ask for, so no input can exhaust memory or time.
struct Limits {
  static constexpr int kMaxActors = 64;
  static constexpr int kMaxBlocs = 16;
  static constexpr int kMaxRegions = 512;
  static constexpr int kMaxEdges = 4096;
  static constexpr int kMaxForces = 2048;
  static constexpr int kMaxFactions = 128;
  static constexpr int kMaxEntries = 256;  // objectives, zones, exposures, relations
  static constexpr int kMaxCorridors = 64;
  static constexpr int kMaxLadderRungs = 16;
  static constexpr int kMaxTerrains = 32;
  static constexpr int kMaxFeatures = 64;
  static constexpr int kMaxDays = 20000;
  static constexpr int kMaxStringLength = 4096;
  static constexpr int kMaxListLength = 512;
  static constexpr std::size_t kMaxFileBytes = 4 << 20;
};


enum class RelationKind : uint8_t {
  kNeutrality,  // no fighting, no cooperation
  kAlliance,    // same side
  kPatronage,   // a patron and its proxy
  kHostility,   // fight on contact
  kRivalry,     // the standoff: in contact, fire only by decision or by incident
  kFeud,        // nominally one side, may clash
};

enum class EdgeKind : uint8_t { kRoad, kRiverCrossing };

enum RegionFlag : uint8_t {
  kBorderCrossing = 1 << 0,
  kOilField = 1 << 1,
  kCity = 1 << 2,
  kBase = 1 << 3,
  kRiverCrossingFlag = 1 << 4,
};

struct Bloc {
  std::string id, name;
};

// A state, army or armed group. Every 0..1 number is a propensity or share.
struct Actor {
  std::string id, name;
  BlocId bloc = kNone;
  double effectiveness = 1.0;           // combat power per troop, relative
  double air_power = 0.0;               // 0..1, multiplies firepower by (1 + air_multiplier * it)
  double resolve = 0.5;                 // 0..1, presses on, retaliates, holds under fire
  double commitment = 0.0;              // 0..1, credibility staked: cost of backing down
  double casualty_aversion = 0.5;       // 0..1
  double war_aversion = 0.5;            // 0..1
  double aggression = 0.2;              // 0..1, appetite for deliberate strikes on rivals
  double offensive = 0.5;               // 0..1, propensity to take ground (advance)
  double retaliation_capability = 0.5;  // 0..1, how hard it can hit back
  double rationality = 2.0;             // softmax lambda of the doctrine policy
  double signal_propensity = 0.5;       // 0..1, chance it calls its own strike "defensive"
  double territory_weight = 1.0;        // weight of held regions' value
  bool terrorist = false;               // its loss of its last region is tracked
  bool concentrates = false;            // a broken force falls back toward its strongest pocket, not the nearest ground (rules.concentration)
  double dispersal = 0.0;               // 0..1, share of a broken force that goes underground alive
  double entrenchment = 0.0;            // >= 0, extra defence on ground it held at the start
  double insurgency = 0.0;              // >= 0, daily attacks per 1,000 fighters underground
  double underground = 0.0;             // >= 0, its fighters underground at the start (a start mid-campaign)
  std::vector<RegionId> insurgent_ground; // where its fighters underground strike; empty: the ground it holds at the start
  double killed_share = -1;             // 0..1, share of its casualties killed (-1: rules.killed_share)
  std::vector<std::string> countries;   // where it may take ground (two-letter codes); empty: anywhere
  std::vector<std::string> operates_in; // where its forces may stand (two-letter codes); empty: anywhere
  std::vector<RegionId> aims;           // the only regions it may take; empty: any in its countries
  // Full-scale war (docs/model.md, "War"). What it would fight to take from the bloc it is at
  // war with: region ids or two-letter country codes, as written; empty: anywhere it may take.
  std::vector<std::string> war_aims;
  std::vector<RegionId> bases;          // where its supply and air power start from; empty: none
  double supply_range_km = 0;           // at war, firepower x 1 / (1 + km to its nearest base / this); 0: no fade
  double fire_range_km = 0;             // >= 0: stand-off fire (rockets, missiles, drones, aircraft) reaches this straight-line distance from its forces and bases; 0: there or next door
  double fire_lethality = 0;            // >= 0: mean troops one act of its limited fire costs the target; 0: limited_fire_kills x (0.5 + retaliation_capability)
  double air_sorties = 0;               // >= 0: strikes a day its air campaign can fly at war; bounds its kills (x kills_per_sortie); 0: rules.air_strike_cap_troops
  double air_reach_km = 0;              // its air campaign reaches this far from its bases and its own or its proxies' forces; 0: anywhere
  std::vector<BlocId> protects;         // blocs it shields from war with a third bloc while its troops are in theatre
  std::vector<ActorId> protects_actors; // the actors it defends from the air (those named, and every actor of a bloc named)
  double air_defence = 0;               // 0..1: chance it engages a rival that fires on an actor it protects, within its air reach
  double deterrence = 0;                // >= 0: the war threshold between a bloc it protects and that bloc's rivals x (1 + this)
  double mediation = 0;                 // >= 0: the daily ceasefire chance in a war of a bloc it protects x (1 + this)
  std::string policy = "doctrine";      // decision policy, by name (include/brink/policy.h)
  // Where `policy` was given, as an error about it begins ("FILE:LINE:COLUMN: actor #2",
  // "--set ...", "--policy us=NAME"); empty when it was not given or was set in code. The
  // loader keeps the name unresolved: CheckPolicies (brink/policy.h) reports an unknown one here.
  std::string policy_given_at;
  double search_budget = 200;           // policy "search": simulations per searched decision
  double search_horizon_days = 10;      // policy "search": days each simulation looks ahead
  double search_course_days = 0;        // policy "search": > 0, each first action held as a course this many days (SearchSettings::course_days)
};

struct Faction {
  std::string id, name;
  ActorId actor = kNone;
  double influence = 0.0;            // share of the actor's choice, the actor's factions sum to 1
  double aggression = 0.2;           // replaces the actor's value, influence-weighted
  double war_aversion = 0.5;         // idem
  double retaliation_belief = 0.5;   // 0..1, how hard it believes the rival can hit back
  double hawkishness = 0.0;          // -1..1, +1 gains influence when struck, -1 when tension rises
};

struct Relation {
  ActorId a = kNone, b = kNone;       // for bloc-level relations, expanded to every actor pair
  RelationKind kind = RelationKind::kNeutrality;
  double reliability = 1.0;           // patronage
  double intensity = 0.0;             // feud: daily chance of a clash
  double diversion = 0.0;             // feud: share of the proxy's forces sent to the front
  std::vector<RegionId> front;        // feud
};

struct Corridor {
  std::string id, name;
  std::vector<RegionId> from, to;
  uint32_t open_through_blocs = 0;  // bit mask of BlocIds whose ground counts as open
};

enum class ObjectiveKind : uint8_t { kCorridorCut, kCorridorConnect, kHold, kDestroy };

struct Objective {
  ActorId actor = kNone;
  ObjectiveKind kind = ObjectiveKind::kHold;
  int corridor = kNone;
  std::vector<RegionId> regions;
  ActorId target = kNone;
  double weight = 1.0;
  std::string motive;
};

struct Terrain {
  std::string id;
  double defence = 1.0;  // divides the losses of the side holding the region
  double speed = 1.0;    // movement speed multiplier
};

struct Region {
  std::string id, name, country;
  double lat = 0, lon = 0;
  int terrain = 0;
  double value = 1.0;
  uint8_t flags = 0;
  ActorId holder = kNone;
};

// A geographic feature drawn on the report's map under the regions (a river, a border): a
// polyline of [latitude, longitude] points. The rules do not read it.
enum class FeatureKind : uint8_t { kRiver, kBorder };
struct Feature {
  std::string id, name, source;
  FeatureKind kind = FeatureKind::kRiver;
  std::vector<std::pair<double, double>> points;  // latitude, longitude in degrees
};

struct Edge {
  RegionId from = kNone, to = kNone;
  EdgeKind kind = EdgeKind::kRoad;
  double length_km = 1.0;
};

struct ForceSpec {
  ActorId actor = kNone;
  RegionId region = kNone;
  double strength = 0;  // troops
  int arrives_day = 0;  // enters the theatre at dawn of this day (0: there from the start)
};

// A dated change (docs/model.md, "Timeline"): at dawn of `day` some pairs of actors change
// relation, or an actor pulls its forces out of some regions (they leave the theatre, their
// ground passes to `hand_to` or to nobody). Force arrivals are the forces' own `arrives_day`.
enum class ChangeKind : uint8_t { kRelation, kWithdraw, kExposure };
struct Change {
  int day = 1;
  ChangeKind kind = ChangeKind::kRelation;
  std::vector<std::pair<ActorId, ActorId>> pairs;  // kRelation: every pair it names
  RelationKind relation = RelationKind::kNeutrality;
  ActorId actor = kNone;         // kWithdraw
  std::vector<RegionId> regions; // kWithdraw
  ActorId hand_to = kNone;       // kWithdraw
  int exposure = -1;             // kExposure: index in Scenario::exposures
  double troops = 0;             // kExposure: the troops exposed from that day
  std::string a_name, b_name;    // kRelation: the parties as written (actor or bloc names)
  std::string note;              // what happened, for the narrative
};

struct Exposure {
  std::string id, name;
  ActorId actor = kNone;
  double troops = 0;
  uint64_t threatened_by = 0;  // bit mask of ActorIds able to strike it
  double vulnerability = 0.003;  // share of troops lost in one horizontal strike, x (0.5 + the retaliator's capability)
};

struct Zone {
  std::string id, name;
  ActorId owner = kNone;
  std::vector<RegionId> regions;
  double radius_km = 0;
  double self_defence_strike = 0.5;  // daily chance the owner strikes a rival force inside
  double incident_reduction = 0.5;   // share by which incidents inside are reduced
  bool enabled = true;
};

// A deconfliction line agreed between two blocs (docs/model.md, "Lines and zones"): from the
// day agreed, each side's regions are closed to the other side short of war. Entering them is
// a decision (Action::kCross) that raises tension with the side whose ground it is (and with
// the guarantor's bloc).
// A dated offensive (docs/model.md, "Campaigns"): an outside decision that opens an actor's
// offensive on named regions on a date; before it, the actor neither targets nor takes them.
struct Campaign {
  ActorId actor = kNone;
  std::vector<RegionId> regions;
  int opens_day = 0;
  std::string note;
};

struct DeconflictionLine {
  std::string id, name;
  int agreed_day = 0;
  ActorId guarantor = kNone;
  BlocId a = kNone, b = kNone;
  std::vector<RegionId> a_regions, b_regions;  // closed to b, and to a
  double crossing_tension = 1.0;
  bool handover = false;  // on the day agreed, each side leaves the other side's ground it holds
  bool enabled = true;
};

// The crisis as it stands when a scenario starts mid-crisis (docs/model.md, "Initial state"):
// tension already built up between two blocs, and grievances already held (fire received
// before the start, not yet answered).
struct StandingTension {
  BlocId a = kNone, b = kNone;
  double value = 0;
  int reached = -1;  // the highest rung reached before the start (ladder index), -1: the current one
};
struct StandingGrievance {
  ActorId actor = kNone, against = kNone;
  int days_left = 1;      // days the grievance still has to run at the start
  double harm = 0;        // troops it lost to that fire
  bool signalled = false; // the fire was credibly called defensive
};

// A value the scenario gives a plausible range for, beside the value (docs/scenario-format.md,
// "Uncertain values"): what sensitivity analysis and `forecast --uncertain` vary it over.
struct UncertainValue {
  std::string path;    // as --set names it: "rules.war_spark", "actor.us.resolve"
  double low = 0, high = 0;
  std::string source;  // where the range comes from, or "assumption"
};

struct Rung {
  std::string name;
  double threshold = 0;  // tension at or above which this rung is current
  double severity = 0;   // weight of an event at this rung in the escalation score
};

// Rule parameters, all with documented defaults (docs/model.md, section "Details").
struct Rules {
  double attrition_rate = 0.02;          // Lanchester coefficient, losses per unit firepower per day
  double air_multiplier = 1.0;           // firepower gain of full air power
  double speed_km_per_day = 40;          // road march rate of a force
  double river_crossing_factor = 3.0;    // a river crossing counts as this many times its length
  double capture_strength = 50;          // troops needed to take an empty region
  bool garrisons = true;                 // marching forces leave garrisons (Movement)
  double break_ratio = 3.0;              // a force breaks when outgunned by this x (0.5 + resolve)
  double contact_km = 30;                // forces in regions joined by an edge this short are in contact
  double incident_rate = 0.01;           // daily chance of an incident per contact at zero tension
  double incident_tension_factor = 0.5;  // incident chance multiplied by (1 + factor * tension)
  double deconfliction = 0.5;            // 0..1, general channel: share of incidents prevented
  double incident_losses = 0.01;         // share of the smaller force lost in an incident
  double strike_losses = 0.06;           // share of the target force lost in a limited strike (at most)
  bool bounded_fire = true;              // limited fire kills by the shooter's means and hits only within reach
  bool timeline = true;                  // dated changes apply (off: every force there from the start, no changes)
  bool aims = true;                      // actors take only ground in their aims (off: anywhere in their countries)
  double limited_fire_kills = 8.0;       // mean troops one limited strike kills, shooter of retaliation_capability 0.5
  double killed_share = 0.25;            // share of casualties killed (the rest wounded)
  double zone_crossing_tension = 1.0;    // tension a force adds entering a rival's declared zone
  double tension_decay = 0.03;           // share of tension that fades each day
  double tension_incident = 0.5;
  double tension_strike = 1.0;
  double tension_retaliation = 1.5;
  double tension_horizontal = 2.5;
  double tension_proxy_clash = 0.2;
  double tension_signal_relief = 0.5;    // share of a strike's tension removed by a defensive signal
  double retaliation_base = 0.25;        // daily chance a struck actor retaliates (resolve 0.5)
  int retaliation_window_days = 10;      // a grievance lapses after this many days
  double signal_effect = 0.6;            // share by which a defensive signal cuts that chance
  bool signalling = true;                // actors may call their strikes defensive
  double repeat_strike_factor = 1.5;     // each further strike multiplies the chance
  double horizontal_base = 0.5;          // chance a retaliation goes horizontal, at scale troops
  double horizontal_scale_troops = 5000; // exposure at which horizontal_base applies
  double influence_shift = 0.04;         // influence moved per unit of event severity
  double backing_down_cost = 1.0;        // utility lost per unit commitment when withdrawing
  double war_cost = 20.0;                // utility of full-scale war, before war aversion
  double casualty_cost_per_1000 = 1.0;   // utility of a thousand own casualties, before aversion
  double strike_value = 2.0;             // utility of a successful limited strike, before aggression
  double advance_cost = 1.0;             // utility cost of a day of offensive operations, before casualty aversion
  double defence_value = 0;              // doctrine.cc: weight of the defensive value an advance gives up (0: off)
  double strike_cost = 3.0;              // political cost of deliberately firing on a rival, before war aversion
  double exposure_risk_cost = 10.0;      // utility lost per unit chance of a horizontal blow on exposed troops, before casualty aversion
  double war_spark = 0.3;                // chance a direct clash at the war threshold tips into war, scaled by (tension / threshold)^2
  double proxy_fold_rate = 0.02;         // daily share lost by an unreliable proxy in combat
  double feud_restraint = 0.7;           // share of feud clashes a patron's restraint prevents
  int feud_restraint_days = 30;
  int feud_hot_days = 20;                // a feud clash keeps diverted forces at the front this long
  // Full-scale war (docs/model.md, "War"). Each mechanism has a switch or a neutral value.
  bool war_aims = true;                  // at war, enemy ground is taken only within an actor's war_aims
  bool supply = true;                    // at war, firepower fades with distance from the actor's bases
  double air_strike_cap_troops = 0;      // most troops an air strike kills on average at air power 1; 0: no cap
  bool weapons = true;                   // actors' fire_range_km and fire_lethality apply (off: reach next door, one kill rule for all)
  double kills_per_sortie = 1.0;         // mean troops one air-campaign strike kills (Actor::air_sorties)
  bool reprisals_at_war = true;          // at war, grievances against the enemy are answered on its troops outside the theatre
  bool air_reach = true;                 // the air campaign reaches only within an actor's air_reach_km
  double ceasefire_rate = 0;             // daily ceasefire hazard per unit of war cost at war aversion 1; 0: war is absorbing
  double ceasefire_days_scale = 30;      // days of war that add one unit of war cost
  double ceasefire_losses_scale = 1000;  // troops lost by the two sides since war began that add one unit
  double ceasefire_tension = 3.0;        // tension between the two blocs after a ceasefire
  bool protection = true;                // protectors (Actor::protects) raise the war threshold and mediate
  // Why anyone fires (docs/model.md, "Causes of fire"). Each mechanism has a switch.
  bool strike_causes = true;             // a deliberate strike needs a cause the striker can name (Cause)
  bool credible_signals = true;          // calling fire without a defensive cause "defensive" costs credibility
  double false_signal_cost = 0.5;        // share of its credibility an actor loses with each false "defensive" label
  bool proxy_restraint = true;           // a patron may restrain its proxies' fire on rivals (Action::kRestrain)
  double restraint_cost = 0.5;           // utility a patron gives up restraining its proxies, per unit of its commitment
  bool air_defence = true;               // protectors engage rivals that fire on the actors they protect
  double interception_losses = 1.0;      // mean troops the engaged attacker loses (an aircraft, a drone, a crew)
  double tension_interception = 1.0;     // tension an interception adds
  int channel_suspension_days = 0;       // an interception on a protected actor suspends the deconfliction channel this long
  bool binding_offers = true;            // a de-escalation offer binds: offer_days without fire that has no defensive cause, no new offer; relief x credibility
  int offer_days = 14;                   // days an offer binds the actor that made it
  bool retaliation_by_harm = true;       // the urge to hit back grows with the harm received, not the count of strikes
  double harm_scale_troops = 8.0;        // harm (troops lost) at which a grievance weighs as one strike did
  double red_line_factor = 2.0;          // retaliation chance x this once the grievance includes killed troops
  // The campaign on the ground (docs/model.md, "Sieges", issue 20). Each has a switch.
  bool sieges = true;                    // a city's defenders hold under a defence that the battle wears down
  bool concentration = true;             // actors that concentrate fall back toward their strongest pocket (Actor::concentrates)
  double siege_defence = 1.0;            // defenders' losses / this on a battle's first day in a city their side holds (1: none)
  double siege_exponent = 2.0;           // shape of the wear: the extra defence falls as (1 - days / siege_days)^this
  int siege_days = 120;                  // days of battle after which a city's extra defence is gone
  double will_to_hold = 0;              // combat.cc: a city's extra siege defence x (holder's held priority / at the start)^this (0: off)
  double siege_spread = 0.0;             // sigma of a lognormal factor on siege_days, drawn once per battle (0: every siege as long)
  bool handover_forces = true;           // ground handed over by a withdrawal gets a garrison of the receiver's nearest force
  bool operating_countries = true;       // an actor's forces enter only the countries it operates in (Actor::operates_in)
  bool only_takers_capture = true;       // a force whose actor may not take a region neither takes nor blocks it
  bool feud_sized_diversion = true;      // a feud diversion sends only what the front needs and keeps home garrisons
  double feud_diversion_ratio = 1.5;     // the firepower a proxy wants at a feud's front, times its partner's there
  bool campaigns = true;                 // [[campaign]] dates hold an actor's offensive on named regions until they open
  bool killed_share_by_actor = true;     // an actor's own killed_share, where it gives one, replaces rules.killed_share
  // Modelling constants that were written in rule bodies (issue 24), named so that the
  // parameter table and the analyses reach them. Their meanings are in src/scenario/parameters.cc.
  double success_pressure = 0.1;         // control.cc: hawk pressure per unit value of a region taken
  double humiliation_pressure = 1.0;     // strikes.cc: hawk pressure on the victim of a strike
  double corridor_target_weight = 2.0;   // strikes.cc: air war prefers forces on corridor ground by this
  double return_fire_share = 0.5;        // incidents.cc: the victim's return fire, share of incident_losses
  double return_fire_kills = 0.5;        // incidents.cc: ... and of the shooter's means
  double retaliation_resolve_gain = 2.0; // retaliation.cc: chance x this x resolve ...
  double retaliation_war_restraint = 0.5;// ... x (1 - this x war aversion)
  double capability_floor = 0.5;         // strikes/retaliation.cc: harm x (this + retaliation_capability)
  double corridor_slack = 1.25;          // scenario.cc: corridor ground lies on paths within this x the shortest
  double nearness_km = 100;              // scenario.cc: a goal's appeal x 1 / (1 + km / this)
  double morale_base = 0.75;             // scenario.cc: firepower x (this + morale_resolve x resolve)
  double morale_resolve = 0.5;
  double cohesion_base = 0.5;            // scenario.cc: a proxy's firepower x (this + (1 - this) x reliability)
  double garrison_share = 0.25;          // movement.cc, timeline.cc: a garrison is this share of the force ...
  double garrison_cap = 2.0;             // ... at most this x capture_strength
  double task_split = 0;                 // movement.cc: a force keeps this x the hostile firepower at its goal and detaches the rest (0: off)
  double garrison_threat = 0;            // movement.cc: a garrison also covers this x the hostile firepower next door (0: off)
  int retarget_days = 10;                // movement.cc: a force chooses its goal again every this many days
  double insurgency_cap_attacks = 1000;  // insurgency.cc: most insurgent attacks of one actor in a day
};

// Tables derived from a scenario's input by FinalizeScenario (shortest paths, priorities, goal
// orders, patrons, ...): what the rules read in their inner loops. Nobody else writes them;
// they are recomputed in one place whenever the input changes.
struct ScenarioTables {
  // The relation between every pair of actors, the map's adjacency and shortest paths,
  // faction ranges per actor.
  std::vector<RelationKind> relation_matrix;  // actors x actors
  std::vector<std::vector<std::pair<RegionId, float>>> adjacency;  // neighbour, effective km
  std::vector<float> distance_km;       // regions x regions, shortest effective distance
  // Per actor, its roads (an index into route_next_hop's tables): 0 for the open map; an actor
  // that may stand only in some countries gets paths through those alone (kNone: no way).
  std::vector<int> route;
  std::vector<RegionId> route_next_hop;  // routes x regions x regions, first step on a shortest path
  // Regions inside a declared zone (enabled or not) or in contact with one: its area.
  std::vector<uint8_t> zone_area;
  // Neighbours close enough for forces to be in contact (edge length <= rules.contact_km).
  std::vector<std::vector<RegionId>> contact_neighbours;
  // Regions on a near-shortest path between a corridor's ends (within 25% of the shortest),
  // one bit per corridor: the ground that decides it.
  std::vector<uint64_t> corridor_relevance;
  // How much each actor wants each region, from its objectives (docs/model.md, Movement):
  // value x territory_weight + weights of corridor objectives the region is relevant to
  // (a proxy adds its patron's, times its reliability) + weights of hold objectives naming
  // it. Actors x regions.
  std::vector<float> priority;
  // Per actor: its priority summed over the regions it holds at the start (rules.will_to_hold).
  std::vector<float> start_held;
  // Firepower per troop of each actor: effectiveness x (1 + air_multiplier x air_power)
  // x morale (0.75 + 0.5 x resolve) x proxy cohesion (0.5 + 0.5 x reliability, proxies only).
  std::vector<float> fire_factor;
  // Weight of the actor's destroy objectives against each actor (actors x actors).
  std::vector<float> destroy_weight;
  // Whether the actor has a hold objective on the region (actors x regions).
  std::vector<uint8_t> must_hold;
  // Whether the actor may take the region (its country is among the actor's countries).
  std::vector<uint8_t> may_take;  // actors x regions
  std::vector<uint8_t> may_stand; // actors x regions: in a country it operates in (rules.operating_countries)
  std::vector<int> campaign_opens; // actors x regions: the day its campaign there opens (0: open; rules.campaigns)
  // Whether the actor has any rival (a rivalry relation): else it never strikes or signals.
  std::vector<uint8_t> has_rival;
  // Per actor: the regions it may take and could want (a positive priority, or any destroy
  // objective, which may make a region's holder a target), in index order.
  std::vector<std::vector<RegionId>> goal_regions;
  // 1 / (1 + distance_km / 100), regions x regions: how a goal's appeal falls with distance.
  std::vector<float> nearness;
  // Per actor, the largest weight of its destroy objectives against any one actor.
  std::vector<float> max_destroy;
  // Per actor and region marched from (actors x regions lists, the one for (a, r) at
  // goal_order[goal_order_start[a x regions + r] .. goal_order_start[a x regions + r + 1])):
  // its goal regions by descending best possible appeal, (priority + max_destroy) x nearness,
  // ties by region index. Goal choice stops at the first that cannot beat the best so far.
  std::vector<uint32_t> goal_order_start;
  std::vector<RegionId> goal_order;
  // Per actor: bit mask of the actors of its bloc (itself included).
  std::vector<ActorSet> bloc_mask;
  // Per actor: its corridor objectives as (corridor, weight), in the objectives' order.
  std::vector<std::vector<std::pair<int, double>>> corridor_stakes;
  // Per actor: its factions (indices into factions), in order.
  std::vector<std::vector<int>> actor_factions;
  // Per actor: the feud relations (indices into relations) with one side its proxy.
  std::vector<std::vector<int>> proxy_feuds;
  // The feud relations (indices into relations), in file order: what Feuds walks each day.
  std::vector<int> feuds;
  // Per actor: the patronage relations (indices into relations) in which it is the patron.
  std::vector<std::vector<int>> patronages;
  // Per region: bit mask of the owners of enabled zones that contain it.
  std::vector<ActorSet> zone_owners;
  // Per region and owner (regions x actors): the largest incident_reduction of the owner's
  // enabled zones containing the region, 0 if none.
  std::vector<double> zone_reduction;
  // Regions the terrorist group held at the start (the contested ground), in index order.
  std::vector<RegionId> contested;
  // Per actor: the largest retaliation_capability among its rivals (what an actor without
  // factions believes its rivals can do).
  std::vector<double> rival_capability;
  // Per actor: its patron when it is a proxy (kNone otherwise), and the reliability of that
  // patronage (1 for principals): from the patronage relations.
  std::vector<ActorId> patron;
  std::vector<double> reliability;
  // The timeline in order of day (ties: arrivals, then relation changes, then withdrawals, each
  // in input order): what Engine::Begin applies at dawn (rules/timeline.cc).
  struct Scheduled {
    int day;
    enum Kind : uint8_t { kArrival, kRelations, kWithdrawal, kLineAgreed, kExposure } kind;
    int index;  // the force, the relation phase that starts, the change (withdrawal, exposure), or the line
  };
  std::vector<Scheduled> schedule;
  // relation_matrix holds one actors x actors matrix per relation phase: phase 0 from the
  // start, phase k from the k-th day on which relation changes take effect.
  int relation_phases = 1;
  // Per region: the enabled lines whose sides include it, as (line, the bloc it is closed to).
  std::vector<std::vector<std::pair<int, BlocId>>> line_sides;
  // Per region: the owners of enabled zones containing it (zone_owners above) close it to
  // their rivals; whether any line or zone could close the region at all.
  std::vector<uint8_t> may_close;
  // Per actor: whether any region it may take could be closed to it (by a line against its
  // bloc, or by a zone of another actor): only then is crossing ever a choice.
  std::vector<uint8_t> may_cross;
  // Full-scale war (docs/model.md, "War"), actors x regions: whether the region is in the
  // actor's war aims (every region when it lists none); its supply factor at war,
  // 1 / (1 + km to its nearest base / supply_range_km) (1 when it has no bases or range, or
  // rules.supply is off); whether the region lies within air_reach_km of one of its bases.
  std::vector<uint8_t> war_aim;
  std::vector<float> supply;
  std::vector<uint8_t> air_base_reach;
  // Per bloc: the actors that protect it (Actor::protects).
  std::vector<ActorSet> protectors;
  // Per actor: the actors that defend it from the air (Actor::protects_actors, with air_defence
  // above 0 and rules.air_defence on).
  std::vector<ActorSet> defenders;
  // Per region: the actors whose fighters underground strike there (Actor::insurgent_ground,
  // else the ground each held at the start).
  std::vector<ActorSet> insurgent_home;
  // Stand-off fire (Actor::fire_range_km, rules.weapons), actors x regions: the other regions
  // within the actor's range in a straight line of a force of its in the region (empty lists for
  // an actor without a range); and per region, the actors that reach it from their bases.
  std::vector<std::vector<RegionId>> fire_reach;
  std::vector<ActorSet> fire_from_bases;
  // Actors with a stand-off range.
  ActorSet fire_rangers;
};

struct Scenario {
  std::string name, description, start_date, source_name;
  int horizon_days = 365;
  Rules rules;
  std::vector<Bloc> blocs;
  std::vector<Actor> actors;
  std::vector<Faction> factions;
  std::vector<Relation> relations;
  std::vector<Corridor> corridors;
  std::vector<Objective> objectives;
  std::vector<Terrain> terrains;
  std::vector<Region> regions;
  std::vector<Edge> edges;
  std::vector<ForceSpec> forces;
  std::vector<Exposure> exposures;
  std::vector<Zone> zones;
  std::vector<Rung> ladder;
  std::vector<Change> timeline;  // in input order
  std::vector<DeconflictionLine> lines;
  std::vector<Campaign> campaigns;
  std::vector<StandingTension> tensions;      // at the start
  std::vector<StandingGrievance> grievances;  // at the start
  std::vector<Feature> features;              // for the map only
  std::vector<UncertainValue> uncertain;      // plausible ranges given beside values

  // What FinalizeScenario derived from the input above.
  const ScenarioTables& tables() const { return tables_; }
  ActorId patron(ActorId a) const { return tables_.patron[static_cast<std::size_t>(a)]; }
  double reliability(ActorId a) const { return tables_.reliability[static_cast<std::size_t>(a)]; }
  // Whether the actor's forces may enter the region (its country is among the actor's
  // operates_in, or it lists none, or rules.operating_countries is off).
  bool MayStand(ActorId a, RegionId r) const {
    return tables_.may_stand[static_cast<std::size_t>(a) * regions.size() + r] != 0;
  }
  // The share of the actor's casualties that are killed (Casualties by cause).
  double KilledShare(ActorId a) const {
    const double own = actors[static_cast<std::size_t>(a)].killed_share;
    return rules.killed_share_by_actor && own >= 0 ? own : rules.killed_share;
  }
  // The day the actor's offensive on the region opens ([[campaign]]); 0 when it is open from the
  // start or rules.campaigns is off.
  int CampaignOpens(ActorId a, RegionId r) const {
    return tables_.campaign_opens[static_cast<std::size_t>(a) * regions.size() + r];
  }
  bool MayTake(ActorId a, RegionId r) const {
    return tables_.may_take[static_cast<std::size_t>(a) * regions.size() + r] != 0;
  }
  // The best appeal a goal region could have for the actor marching from `from`.
  double GoalBound(ActorId a, RegionId from, RegionId goal) const {
    return (static_cast<double>(Priority(a, goal)) + tables_.max_destroy[static_cast<std::size_t>(a)]) *
           tables_.nearness[static_cast<std::size_t>(from) * regions.size() + goal];
  }
  bool InZoneOf(ActorSet owners, RegionId r) const {
    return !(tables_.zone_owners[static_cast<std::size_t>(r)] & owners).empty();
  }
  float DestroyWeight(ActorId a, ActorId target) const {
    return tables_.destroy_weight[static_cast<std::size_t>(a) * actors.size() + target];
  }
  bool InWarAims(ActorId a, RegionId r) const {
    return tables_.war_aim[static_cast<std::size_t>(a) * regions.size() + r] != 0;
  }
  float Supply(ActorId a, RegionId r) const {
    return tables_.supply[static_cast<std::size_t>(a) * regions.size() + r];
  }
  bool MustHold(ActorId a, RegionId r) const {
    return tables_.must_hold[static_cast<std::size_t>(a) * regions.size() + r] != 0;
  }
  float Priority(ActorId a, RegionId r) const {
    return tables_.priority[static_cast<std::size_t>(a) * regions.size() + r];
  }
  // The relation of two actors in a relation phase (State::relation_phase; 0: the start's).
  RelationKind relation(ActorId a, ActorId b, int phase = 0) const {
    const std::size_t n = actors.size();
    return tables_.relation_matrix[(static_cast<std::size_t>(phase) * n + static_cast<std::size_t>(a)) * n + b];
  }
  float distance(RegionId a, RegionId b) const {
    return tables_.distance_km[static_cast<std::size_t>(a) * regions.size() + b];
  }
  // The first step of the actor's shortest road from `from` to `to`, through the countries it
  // may stand in (kNone when there is no such road).
  RegionId step_toward(ActorId a, RegionId from, RegionId to) const {
    const std::size_t n = regions.size();
    return tables_.route_next_hop[(static_cast<std::size_t>(tables_.route[static_cast<std::size_t>(a)]) * n +
                                   static_cast<std::size_t>(from)) * n + static_cast<std::size_t>(to)];
  }
  int ActorIndex(std::string_view id) const;
  int RegionIndex(std::string_view id) const;
  int BlocIndex(std::string_view id) const;
  int war_rung() const { return static_cast<int>(ladder.size()) - 1; }
  // A short stable hash of the scenario's source text (FNV-1a 64, hex), for provenance.
  std::string content_hash;

 private:
  friend Status FinalizeScenario(Scenario& scenario);
  ScenarioTables tables_;
};

// Loads and validates a scenario. `source_name` names it in messages (a path, or "<default>").
// `overrides` are "path=value" items (e.g. "exposure.us_iraq.troops=2000") applied to the
// file's values before validation, so an override is checked like the file itself
// (docs/scenario-format.md, "Overrides").
Result<Scenario> LoadScenario(std::string_view toml_text, std::string_view source_name,
                              const std::vector<std::string>& overrides = {});
Result<Scenario> LoadScenarioFile(const std::string& path,
                                  const std::vector<std::string>& overrides = {});
// The scenarios embedded in the binary, selectable by name (`--scenario eastern-syria-2018`);
// the first is the default. `observations` is the record `brink score` checks it against
// (empty when it has none: a forecast of the future, such as eastern-syria-2018).
struct EmbeddedScenario {
  std::string_view name, text, observations;
};
std::span<const EmbeddedScenario> EmbeddedScenarios();
// The embedded scenario of that name, or null.
const EmbeddedScenario* FindEmbeddedScenario(std::string_view name);
// The names, comma-separated, for help texts and messages.
std::string EmbeddedScenarioNames();
// Loads an embedded scenario by name (an error lists the names when there is none).
Result<Scenario> LoadEmbeddedScenario(std::string_view name, const std::vector<std::string>& overrides = {});
// The name an embedded scenario's messages give as its source, "<NAME.toml>".
std::string EmbeddedSourceName(std::string_view name);

// The embedded default scenario: eastern Syria and western Iraq, mid-June 2017.
std::string_view DefaultScenarioText();
Result<Scenario> LoadDefaultScenario(const std::vector<std::string>& overrides = {});

// Recomputes the derived tables after a change to the scenario's fields (e.g. by --set).
Status FinalizeScenario(Scenario& scenario);

}  // namespace brink

#endif  // BRINK_SCENARIO_H_
