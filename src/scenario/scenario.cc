// Derived tables of a Scenario: the relation of every actor pair and the map's shortest paths.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <limits>
#include <queue>

#include "brink/scenario.h"
#include "scenario/structure.h"

namespace brink {

int Scenario::ActorIndex(std::string_view id) const {
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (actors[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int Scenario::RegionIndex(std::string_view id) const {
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int Scenario::BlocIndex(std::string_view id) const {
  for (std::size_t i = 0; i < blocs.size(); ++i) {
    if (blocs[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Dijkstra from every region over the regions `allowed` (every region when empty; a path may
// start anywhere but enters only allowed regions); the map is small (at most
// Limits::kMaxRegions regions). Fills `distance` (when not null) and `first_step`, n x n.
void ShortestPaths(const ScenarioTables& t, std::size_t n, const uint8_t* allowed, std::vector<float>* distance,
                   std::vector<RegionId>& first_step) {
  const float kFar = std::numeric_limits<float>::infinity();
  std::vector<float> own;
  std::vector<float>& dist_all = distance != nullptr ? *distance : own;
  dist_all.assign(n * n, kFar);
  first_step.assign(n * n, kNone);
  using Item = std::pair<float, RegionId>;
  for (std::size_t source = 0; source < n; ++source) {
    float* dist = &dist_all[source * n];
    RegionId* first = &first_step[source * n];
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    dist[source] = 0;
    first[source] = static_cast<RegionId>(source);
    queue.emplace(0.0f, static_cast<RegionId>(source));
    while (!queue.empty()) {
      auto [d, at] = queue.top();
      queue.pop();
      if (d > dist[at]) continue;
      for (auto [next, km] : t.adjacency[at]) {
        if (allowed != nullptr && !allowed[next]) continue;
        float nd = d + km;
        if (nd < dist[next]) {
          dist[next] = nd;
          first[next] = at == static_cast<RegionId>(source) ? next : first[at];
          queue.emplace(nd, next);
        }
      }
    }
  }
}

// Each actor's roads: the open map's shortest paths, or, for an actor that may stand only in
// some countries (rules.operating_countries), paths through those alone. Actors with the same
// countries share one table.
void Routes(const Scenario& s, ScenarioTables& t) {
  const std::size_t actors = s.actors.size(), regions = s.regions.size();
  t.route.assign(actors, 0);
  t.route_next_hop.resize(regions * regions);  // keep route 0 (the open map, computed first)
  std::vector<std::vector<uint8_t>> rows{std::vector<uint8_t>(regions, 1)};
  std::vector<RegionId> first;
  for (std::size_t a = 0; a < actors; ++a) {
    std::vector<uint8_t> row(t.may_stand.begin() + static_cast<std::ptrdiff_t>(a * regions),
                             t.may_stand.begin() + static_cast<std::ptrdiff_t>((a + 1) * regions));
    const auto known = std::find(rows.begin(), rows.end(), row);
    if (known != rows.end()) {
      t.route[a] = static_cast<int>(known - rows.begin());
      continue;
    }
    t.route[a] = static_cast<int>(rows.size());
    ShortestPaths(t, regions, row.data(), nullptr, first);
    t.route_next_hop.insert(t.route_next_hop.end(), first.begin(), first.end());
    rows.push_back(std::move(row));
  }
}

// Full-scale war (docs/model.md, "War"): each actor's war aims, its supply factor and its air
// reach from its bases, and each bloc's protectors.
void WarTables(const Scenario& s, ScenarioTables& t) {
  const std::size_t actors = s.actors.size(), regions = s.regions.size();
  t.war_aim.assign(actors * regions, 1);
  t.supply.assign(actors * regions, 1.0f);
  t.air_base_reach.assign(actors * regions, 1);
  t.protectors.assign(s.blocs.size(), ActorSet());
  t.defenders.assign(s.actors.size(), ActorSet());
  t.insurgent_home.assign(s.regions.size(), ActorSet());
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      const std::vector<RegionId>& ground = s.actors[a].insurgent_ground;
      const bool home = ground.empty() ? s.regions[r].holder == static_cast<ActorId>(a)
                                       : std::find(ground.begin(), ground.end(), static_cast<RegionId>(r)) != ground.end();
      if (home) t.insurgent_home[r].insert(static_cast<ActorId>(a));
    }
  }
  for (std::size_t a = 0; a < actors; ++a) {
    const Actor& x = s.actors[a];
    uint8_t* aim = &t.war_aim[a * regions];
    if (!x.war_aims.empty()) {
      std::fill(aim, aim + regions, 0);
      // An entry is a region id, or else a country code (the loader checked it names one).
      for (const std::string& entry : x.war_aims) {
        const int region = s.RegionIndex(entry);
        for (std::size_t r = 0; r < regions; ++r) {
          if (region >= 0 ? r == static_cast<std::size_t>(region) : s.regions[r].country == entry) aim[r] = 1;
        }
      }
    }
    for (std::size_t r = 0; r < regions; ++r) {
      float nearest = std::numeric_limits<float>::infinity();  // km to its nearest base
      for (RegionId base : x.bases) nearest = std::min(nearest, s.distance(base, static_cast<RegionId>(r)));
      if (s.rules.supply && !x.bases.empty() && x.supply_range_km > 0) {
        t.supply[a * regions + r] = static_cast<float>(1.0 / (1.0 + nearest / x.supply_range_km));
      }
      if (s.rules.air_reach && x.air_reach_km > 0) {
        t.air_base_reach[a * regions + r] = nearest <= x.air_reach_km;
      }
    }
    for (BlocId b : x.protects) t.protectors[static_cast<std::size_t>(b)].insert(static_cast<ActorId>(a));
    // Air defence of partners: every actor named, and every actor of a bloc named.
    if (s.rules.air_defence && x.air_defence > 0 && x.air_power > 0) {
      for (ActorId p : x.protects_actors) t.defenders[static_cast<std::size_t>(p)].insert(static_cast<ActorId>(a));
      for (std::size_t p = 0; p < s.actors.size(); ++p) {
        for (BlocId b : x.protects) {
          if (s.actors[p].bloc == b) t.defenders[p].insert(static_cast<ActorId>(a));
        }
      }
    }
  }
}

// Great-circle km between two regions' centres (haversine, mean Earth radius 6,371 km).
double StraightKm(const Region& a, const Region& b) {
  constexpr double kRadian = 3.14159265358979323846 / 180.0, kEarthKm = 6371.0;
  const double dlat = (b.lat - a.lat) * kRadian, dlon = (b.lon - a.lon) * kRadian;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRadian) * std::cos(b.lat * kRadian) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// Stand-off fire (docs/model.md, "Reach and lethality"): what each actor with a range reaches
// in a straight line from each region, and from its bases.
void FireTables(const Scenario& s, ScenarioTables& t) {
  const std::size_t actors = s.actors.size(), regions = s.regions.size();
  t.fire_reach.assign(actors * regions, {});
  t.fire_from_bases.assign(regions, ActorSet());
  t.fire_rangers = ActorSet();
  if (!s.rules.weapons) return;
  for (std::size_t a = 0; a < actors; ++a) {
    const double range = s.actors[a].fire_range_km;
    if (range <= 0) continue;
    t.fire_rangers.insert(static_cast<ActorId>(a));
    for (std::size_t from = 0; from < regions; ++from) {
      std::vector<RegionId>& out = t.fire_reach[a * regions + from];
      for (std::size_t to = 0; to < regions; ++to) {
        if (to != from && StraightKm(s.regions[from], s.regions[to]) <= range) out.push_back(static_cast<RegionId>(to));
      }
    }
    for (RegionId base : s.actors[a].bases) {
      t.fire_from_bases[static_cast<std::size_t>(base)].insert(static_cast<ActorId>(a));
      for (RegionId to : t.fire_reach[a * regions + static_cast<std::size_t>(base)]) {
        t.fire_from_bases[static_cast<std::size_t>(to)].insert(static_cast<ActorId>(a));
      }
    }
  }
}

}  // namespace

Status FinalizeScenario(Scenario& s) {
  // A scenario built or edited in code is checked here, not only by the loader.
  if (Status st = CheckStructure(s); !st.ok()) return st;
  ScenarioTables& t = s.tables_;
  t = ScenarioTables();
  const std::size_t actors = s.actors.size();
  t.relation_matrix.assign(actors * actors, RelationKind::kNeutrality);
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t b = 0; b < actors; ++b) {
      if (a != b && s.actors[a].bloc == s.actors[b].bloc) {
        t.relation_matrix[a * actors + b] = RelationKind::kAlliance;
      }
    }
  }
  t.patron.assign(actors, kNone);
  t.reliability.assign(actors, 1.0);
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = s.relations[i];
    t.relation_matrix[static_cast<std::size_t>(r.a) * actors + r.b] = r.kind;
    t.relation_matrix[static_cast<std::size_t>(r.b) * actors + r.a] = r.kind;
    if (r.kind == RelationKind::kPatronage) {  // a is the patron, b its proxy
      t.patron[static_cast<std::size_t>(r.b)] = r.a;
      t.reliability[static_cast<std::size_t>(r.b)] = r.reliability;
    }
  }
  // Relation phases: the start's matrix, then one more for each day on which relation changes
  // take effect, each a copy of the one before with that day's changes.
  std::vector<int> change_days;
  for (const Change& c : s.timeline) {
    if (c.kind == ChangeKind::kRelation) change_days.push_back(c.day);
  }
  std::sort(change_days.begin(), change_days.end());
  change_days.erase(std::unique(change_days.begin(), change_days.end()), change_days.end());
  t.relation_phases = 1 + static_cast<int>(change_days.size());
  const std::size_t cells = actors * actors;
  t.relation_matrix.resize(cells * static_cast<std::size_t>(t.relation_phases));
  for (std::size_t phase = 1; phase < static_cast<std::size_t>(t.relation_phases); ++phase) {
    std::copy_n(t.relation_matrix.begin() + static_cast<std::ptrdiff_t>((phase - 1) * cells), cells,
                t.relation_matrix.begin() + static_cast<std::ptrdiff_t>(phase * cells));
    for (const Change& c : s.timeline) {
      if (c.kind != ChangeKind::kRelation || c.day != change_days[phase - 1]) continue;
      for (auto [a, b] : c.pairs) {
        t.relation_matrix[phase * cells + static_cast<std::size_t>(a) * actors + b] = c.relation;
        t.relation_matrix[phase * cells + static_cast<std::size_t>(b) * actors + a] = c.relation;
      }
    }
  }
  for (std::size_t f = 0; f < s.forces.size(); ++f) {
    if (s.forces[f].arrives_day > 0) {
      t.schedule.push_back({s.forces[f].arrives_day, ScenarioTables::Scheduled::kArrival, static_cast<int>(f)});
    }
  }
  for (std::size_t phase = 1; phase < static_cast<std::size_t>(t.relation_phases); ++phase) {
    t.schedule.push_back({change_days[phase - 1], ScenarioTables::Scheduled::kRelations, static_cast<int>(phase)});
  }
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    if (s.timeline[i].kind == ChangeKind::kWithdraw) {
      t.schedule.push_back({s.timeline[i].day, ScenarioTables::Scheduled::kWithdrawal, static_cast<int>(i)});
    } else if (s.timeline[i].kind == ChangeKind::kExposure) {
      t.schedule.push_back({s.timeline[i].day, ScenarioTables::Scheduled::kExposure, static_cast<int>(i)});
    }
  }
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    if (s.lines[i].enabled && s.lines[i].agreed_day > 0) {
      t.schedule.push_back({s.lines[i].agreed_day, ScenarioTables::Scheduled::kLineAgreed, static_cast<int>(i)});
    }
  }
  std::stable_sort(t.schedule.begin(), t.schedule.end(),
                   [](const auto& x, const auto& y) { return std::tie(x.day, x.kind) < std::tie(y.day, y.kind); });
  t.contact_neighbours.assign(s.regions.size(), {});
  for (const Edge& e : s.edges) {
    if (e.length_km <= s.rules.contact_km) {
      t.contact_neighbours[e.from].push_back(e.to);
      t.contact_neighbours[e.to].push_back(e.from);
    }
  }
  t.zone_area.assign(s.regions.size(), 0);
  for (const Zone& z : s.zones) {
    for (RegionId r : z.regions) {
      t.zone_area[r] = 1;
      for (RegionId n : t.contact_neighbours[r]) t.zone_area[n] = 1;
    }
  }
  t.adjacency.assign(s.regions.size(), {});
  for (const Edge& e : s.edges) {
    float km = static_cast<float>(e.length_km * (e.kind == EdgeKind::kRiverCrossing
                                                     ? s.rules.river_crossing_factor
                                                     : 1.0));
    t.adjacency[e.from].emplace_back(e.to, km);
    t.adjacency[e.to].emplace_back(e.from, km);
  }
  const std::size_t regions = s.regions.size();
  ShortestPaths(t, regions, nullptr, &t.distance_km, t.route_next_hop);  // route 0: the open map
  t.corridor_relevance.assign(regions, 0);
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    const Corridor& corridor = s.corridors[c];
    float shortest = std::numeric_limits<float>::infinity();
    for (RegionId a : corridor.from) {
      for (RegionId b : corridor.to) shortest = std::min(shortest, s.distance(a, b));
    }
    for (std::size_t r = 0; r < regions; ++r) {
      float through = std::numeric_limits<float>::infinity();
      for (RegionId a : corridor.from) {
        for (RegionId b : corridor.to) {
          through = std::min(through, s.distance(a, static_cast<RegionId>(r)) +
                                          s.distance(static_cast<RegionId>(r), b));
        }
      }
      if (through <= static_cast<float>(s.rules.corridor_slack) * shortest) t.corridor_relevance[r] |= uint64_t{1} << c;
    }
  }
  t.priority.assign(actors * regions, 0.0f);
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t r = 0; r < regions; ++r) {
      t.priority[a * regions + r] =
          static_cast<float>(s.regions[r].value * s.actors[a].territory_weight);
    }
  }
  // An actor pursues its own objectives, and a proxy its patron's too, weighted by its
  // reliability (docs/model.md, Movement).
  for (const Objective& o : s.objectives) {
    for (std::size_t a = 0; a < actors; ++a) {
      double weight = static_cast<ActorId>(a) == o.actor ? o.weight
                      : t.patron[a] == o.actor            ? o.weight * t.reliability[a]
                                                         : 0.0;
      if (weight == 0) continue;
      float* row = &t.priority[a * regions];
      if (o.kind == ObjectiveKind::kCorridorCut || o.kind == ObjectiveKind::kCorridorConnect) {
        for (std::size_t r = 0; r < regions; ++r) {
          if (t.corridor_relevance[r] >> o.corridor & 1u) row[r] += static_cast<float>(weight);
        }
      } else if (o.kind == ObjectiveKind::kHold && static_cast<ActorId>(a) == o.actor) {
        for (RegionId r : o.regions) row[r] += static_cast<float>(weight);
      }
    }
  }
  t.destroy_weight.assign(actors * actors, 0.0f);
  t.must_hold.assign(actors * regions, 0);
  for (const Objective& o : s.objectives) {
    if (o.kind == ObjectiveKind::kDestroy) {
      t.destroy_weight[static_cast<std::size_t>(o.actor) * actors + o.target] += static_cast<float>(o.weight);
    } else if (o.kind == ObjectiveKind::kHold) {
      for (RegionId r : o.regions) t.must_hold[static_cast<std::size_t>(o.actor) * regions + r] = 1;
    }
  }
  t.fire_factor.assign(actors, 0.0f);
  for (std::size_t a = 0; a < actors; ++a) {
    const Actor& x = s.actors[a];
    double morale = s.rules.morale_base + s.rules.morale_resolve * x.resolve;
    double cohesion = t.patron[a] != kNone ? s.rules.cohesion_base + (1.0 - s.rules.cohesion_base) * t.reliability[a] : 1.0;
    t.fire_factor[a] = static_cast<float>(x.effectiveness * (1.0 + s.rules.air_multiplier * x.air_power) *
                                          morale * cohesion);
  }
  t.may_take.assign(actors * regions, 1);
  t.may_stand.assign(actors * regions, 1);
  t.campaign_opens.assign(actors * regions, 0);
  for (const Campaign& c : s.campaigns) {
    if (!s.rules.campaigns) break;
    for (RegionId r : c.regions) {
      int& opens = t.campaign_opens[static_cast<std::size_t>(c.actor) * regions + static_cast<std::size_t>(r)];
      opens = std::max(opens, c.opens_day);
    }
  }
  for (std::size_t a = 0; a < actors && s.rules.operating_countries; ++a) {
    const std::vector<std::string>& operates = s.actors[a].operates_in;
    for (std::size_t r = 0; r < regions && !operates.empty(); ++r) {
      t.may_stand[a * regions + r] =
          std::find(operates.begin(), operates.end(), s.regions[r].country) != operates.end();
    }
  }
  for (std::size_t a = 0; a < actors; ++a) {
    const std::vector<std::string>& countries = s.actors[a].countries;
    static const std::vector<RegionId> kAnywhere;
    const std::vector<RegionId>& aims = s.rules.aims ? s.actors[a].aims : kAnywhere;
    for (std::size_t r = 0; r < regions; ++r) {
      const bool in_country = countries.empty() ||
          std::find(countries.begin(), countries.end(), s.regions[r].country) != countries.end();
      const bool aimed = aims.empty() || std::find(aims.begin(), aims.end(), static_cast<RegionId>(r)) != aims.end();
      t.may_take[a * regions + r] = in_country && aimed && t.may_stand[a * regions + r];
    }
  }
  Routes(s, t);
  // Rivals in any phase: an actor whose rivalry starts later still needs its strike options.
  t.has_rival.assign(actors, 0);
  for (std::size_t phase = 0; phase < static_cast<std::size_t>(t.relation_phases); ++phase) {
    for (std::size_t a = 0; a < actors; ++a) {
      for (std::size_t b = 0; b < actors; ++b) {
        if (t.relation_matrix[phase * cells + a * actors + b] == RelationKind::kRivalry) t.has_rival[a] = 1;
      }
    }
  }
  t.start_held.assign(actors, 0.0f);
  for (std::size_t r = 0; r < regions; ++r) {
    const ActorId holder = s.regions[r].holder;
    if (holder != kNone) t.start_held[static_cast<std::size_t>(holder)] += t.priority[static_cast<std::size_t>(holder) * regions + r];
  }
  t.goal_regions.assign(actors, {});
  for (std::size_t a = 0; a < actors; ++a) {
    bool destroys = false;
    for (std::size_t b = 0; b < actors; ++b) destroys = destroys || t.destroy_weight[a * actors + b] > 0;
    for (std::size_t r = 0; r < regions; ++r) {
      if (t.may_take[a * regions + r] && (destroys || t.priority[a * regions + r] > 0)) {
        t.goal_regions[a].push_back(static_cast<RegionId>(r));
      }
    }
  }
  t.nearness.resize(t.distance_km.size());
  for (std::size_t i = 0; i < t.distance_km.size(); ++i) {
    t.nearness[i] = static_cast<float>(1.0 / (1.0 + t.distance_km[i] / s.rules.nearness_km));
  }
  t.max_destroy.assign(actors, 0.0f);
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t b = 0; b < actors; ++b) t.max_destroy[a] = std::max(t.max_destroy[a], t.destroy_weight[a * actors + b]);
  }
  t.goal_order_start.assign(actors * regions + 1, 0);
  t.goal_order.clear();
  for (std::size_t a = 0; a < actors; ++a) {
    const ActorId actor = static_cast<ActorId>(a);
    for (std::size_t from = 0; from < regions; ++from) {
      const RegionId origin = static_cast<RegionId>(from);
      const std::size_t begin = t.goal_order.size();
      t.goal_order.insert(t.goal_order.end(), t.goal_regions[a].begin(), t.goal_regions[a].end());
      std::stable_sort(t.goal_order.begin() + static_cast<std::ptrdiff_t>(begin), t.goal_order.end(),
                       [&](RegionId x, RegionId y) { return s.GoalBound(actor, origin, x) > s.GoalBound(actor, origin, y); });
      t.goal_order_start[a * regions + from + 1] = static_cast<uint32_t>(t.goal_order.size());
    }
  }
  t.bloc_mask.assign(actors, ActorSet());
  for (std::size_t a = 0; a < actors; ++a) {
    for (std::size_t b = 0; b < actors; ++b) {
      if (s.actors[a].bloc == s.actors[b].bloc) t.bloc_mask[a].insert(static_cast<ActorId>(b));
    }
  }
  t.corridor_stakes.assign(actors, {});
  for (const Objective& o : s.objectives) {
    if (o.corridor >= 0) t.corridor_stakes[static_cast<std::size_t>(o.actor)].emplace_back(o.corridor, o.weight);
  }
  t.actor_factions.assign(actors, {});
  for (std::size_t f = 0; f < s.factions.size(); ++f) {
    t.actor_factions[static_cast<std::size_t>(s.factions[f].actor)].push_back(static_cast<int>(f));
  }
  t.proxy_feuds.assign(actors, {});
  t.feuds.clear();
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = s.relations[i];
    if (r.kind != RelationKind::kFeud) continue;
    t.feuds.push_back(static_cast<int>(i));
    for (std::size_t a = 0; a < actors; ++a) {
      if (t.patron[static_cast<std::size_t>(r.a)] == static_cast<ActorId>(a) ||
          t.patron[static_cast<std::size_t>(r.b)] == static_cast<ActorId>(a)) {
        t.proxy_feuds[a].push_back(static_cast<int>(i));
      }
    }
  }
  t.patronages.assign(actors, {});
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = s.relations[i];
    if (r.kind == RelationKind::kPatronage && t.patron[static_cast<std::size_t>(r.b)] == r.a) {
      t.patronages[static_cast<std::size_t>(r.a)].push_back(static_cast<int>(i));
    }
  }
  t.zone_owners.assign(regions, ActorSet());
  t.zone_reduction.assign(regions * actors, 0.0);
  for (const Zone& z : s.zones) {
    if (!z.enabled) continue;
    for (RegionId r : z.regions) {
      t.zone_owners[r].insert(z.owner);
      double& reduction = t.zone_reduction[static_cast<std::size_t>(r) * actors + z.owner];
      reduction = std::max(reduction, z.incident_reduction);
    }
  }
  t.contested.clear();
  for (std::size_t r = 0; r < regions; ++r) {
    ActorId holder = s.regions[r].holder;
    if (holder != kNone && s.actors[holder].terrorist) t.contested.push_back(static_cast<RegionId>(r));
  }
  t.rival_capability.assign(actors, 0.0);
  for (std::size_t phase = 0; phase < static_cast<std::size_t>(t.relation_phases); ++phase) {
    for (std::size_t a = 0; a < actors; ++a) {
      for (std::size_t b = 0; b < actors; ++b) {
        if (t.relation_matrix[phase * cells + a * actors + b] == RelationKind::kRivalry) {
          t.rival_capability[a] = std::max(t.rival_capability[a], s.actors[b].retaliation_capability);
        }
      }
    }
  }
  // Lines and zones: which regions they may close, and to whom.
  t.line_sides.assign(regions, {});
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const DeconflictionLine& l = s.lines[i];
    if (!l.enabled) continue;
    for (RegionId r : l.a_regions) t.line_sides[static_cast<std::size_t>(r)].emplace_back(static_cast<int>(i), l.b);
    for (RegionId r : l.b_regions) t.line_sides[static_cast<std::size_t>(r)].emplace_back(static_cast<int>(i), l.a);
  }
  t.may_close.assign(regions, 0);
  t.may_cross.assign(actors, 0);
  for (std::size_t r = 0; r < regions; ++r) {
    t.may_close[r] = !t.line_sides[r].empty() || !t.zone_owners[r].empty();
    for (std::size_t a = 0; a < actors; ++a) {
      if (!t.may_take[a * regions + r]) continue;
      bool closable = !(t.zone_owners[r] - ActorSet::Of(static_cast<ActorId>(a))).empty();
      for (auto [line, bloc] : t.line_sides[r]) closable = closable || bloc == s.actors[a].bloc;
      if (closable) t.may_cross[a] = 1;
    }
  }
  WarTables(s, t);
  FireTables(s, t);
  return {};
}

}  // namespace brink
