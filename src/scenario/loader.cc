// TOML -> Scenario. Every mistake a person can make is reported once, as
// file:line:column: what: message; expected ..., and the loader never trusts the input's sizes.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <chrono>
#include <cmath>
#include <map>
#include <tuple>
#include <sstream>

#include "brink/parameters.h"
#include "brink/scenario.h"
#include "scenario/overrides.h"
#include "scenario/toml_reader.h"

namespace brink {
namespace {

// The ladder used when a scenario gives none: ordered from calm to war (absorbing, last).
// Severities follow the shape used by published wargame escalation scores: de-escalation
// negative, posturing zero, violent rungs steeply higher (assumption; see docs/model.md).
const Rung kDefaultLadder[] = {
    {"deconflicted", 0.0, -1.0},         {"posturing", 0.5, 0.0},
    {"proxy clashes", 1.5, 1.0},         {"limited direct strikes", 3.0, 3.0},
    {"direct exchanges", 6.0, 6.0},      {"full-scale war", 12.0, 20.0},
};

// Terrain used when a scenario gives none (assumption: defence multipliers after the usual
// 1.0-2.0 range of attrition models; urban and mountain ground favour the defender).
const Terrain kDefaultTerrain[] = {
    {"desert", 1.0, 1.0},   {"steppe", 1.1, 1.0},   {"river_valley", 1.3, 0.8},
    {"urban", 1.8, 0.6},    {"oilfield", 1.2, 0.9}, {"mountain", 1.8, 0.5},
};

// YYYY-MM-DD naming a real calendar day.
bool ValidDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::chrono::year_month_day date{std::chrono::year{std::stoi(text.substr(0, 4))},
                                   std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                   std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  return date.ok();
}

std::chrono::sys_days DateOf(const std::string& text) {
  return std::chrono::sys_days{std::chrono::year_month_day{
      std::chrono::year{std::stoi(text.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}}};
}

class Loader {
 public:
  Loader(const toml::table& root, std::string_view source) : root_(root), source_(source) {}

  Scenario Load() {
    TableReader top(root_, source_, "top level");
    // [[observation]] tables are for `brink score` (src/score/observations.cc), not the scenario.
    for (const char* key : {"scenario", "rules", "bloc", "actor", "faction", "relation", "corridor", "observation",
                            "objective", "terrain", "region", "edge", "force", "exposure", "zone",
                            "ladder", "timeline", "line", "tension", "grievance", "campaign", "feature"}) {
      top.Allow(key);
    }
    top.RejectUnknownKeys();  // a misspelt table is reported first, as what it is
    LoadHeader(top);
    LoadRules();
    Each("bloc", Limits::kMaxBlocs, [&](TableReader& r) { LoadBloc(r); });
    Each("terrain", Limits::kMaxTerrains, [&](TableReader& r) { LoadTerrain(r); });
    if (s_.terrains.empty()) s_.terrains.assign(std::begin(kDefaultTerrain), std::end(kDefaultTerrain));
    Each("actor", Limits::kMaxActors, [&](TableReader& r) { LoadActor(r); });
    Each("region", Limits::kMaxRegions, [&](TableReader& r) { LoadRegion(r); });
    ResolveAims();
    ResolveActorPlaces();
    Each("edge", Limits::kMaxEdges, [&](TableReader& r) { LoadEdge(r); });
    Each("faction", Limits::kMaxFactions, [&](TableReader& r) { LoadFaction(r); });
    Each("relation", Limits::kMaxEntries, [&](TableReader& r) { LoadRelation(r); });
    Each("corridor", Limits::kMaxCorridors, [&](TableReader& r) { LoadCorridor(r); });
    Each("objective", Limits::kMaxEntries, [&](TableReader& r) { LoadObjective(r); });
    Each("force", Limits::kMaxForces, [&](TableReader& r) { LoadForce(r); });
    Each("exposure", Limits::kMaxEntries, [&](TableReader& r) { LoadExposure(r); });
    Each("zone", Limits::kMaxEntries, [&](TableReader& r) { LoadZone(r); });
    Each("ladder", Limits::kMaxLadderRungs, [&](TableReader& r) { LoadRung(r); });
    Each("timeline", Limits::kMaxEntries, [&](TableReader& r) { LoadChange(r); });
    Each("line", Limits::kMaxEntries, [&](TableReader& r) { LoadLine(r); });
    Each("campaign", Limits::kMaxEntries, [&](TableReader& r) { LoadCampaign(r); });
    if (s_.ladder.empty()) s_.ladder.assign(std::begin(kDefaultLadder), std::end(kDefaultLadder));
    Each("tension", Limits::kMaxEntries, [&](TableReader& r) { LoadTension(r); });
    Each("grievance", Limits::kMaxEntries, [&](TableReader& r) { LoadGrievance(r); });
    Each("feature", Limits::kMaxFeatures, [&](TableReader& r) { LoadFeature(r); });
    CheckWhole(top);
    return std::move(s_);
  }

 private:
  template <typename F>
  void Each(const char* key, int limit, F&& load) {
    const toml::node* node = root_.get(key);
    if (!node) return;
    const auto* array = node->as_array();
    TableReader top(root_, source_, "top level");
    if (!array) top.FailAt(*node, fmt::format("'{}' must be an array of tables, written [[{}]]", key, key));
    if (array->size() > static_cast<std::size_t>(limit)) {
      top.FailAt(*node, fmt::format("{} [[{}]] entries, more than the limit of {}", array->size(),
                                    key, limit));
    }
    int index = 0;
    for (const toml::node& item : *array) {
      ++index;
      const auto* table = item.as_table();
      if (!table) top.FailAt(item, fmt::format("each '{}' must be a table, written [[{}]]", key, key));
      TableReader reader(*table, source_, fmt::format("{} #{}", key, index));
      load(reader);
      reader.RejectUnknownKeys();
    }
  }

  const toml::table* SubTable(TableReader& top, const char* key, bool required) {
    const toml::node* node = root_.get(key);
    if (!node) {
      if (required) top.Fail(key, fmt::format("missing table [{}]", key));
      return nullptr;
    }
    const auto* table = node->as_table();
    if (!table) top.FailAt(*node, fmt::format("'{}' must be a table, written [{}]", key, key));
    return table;
  }

  void LoadHeader(TableReader& top) {
    const toml::table* t = SubTable(top, "scenario", true);
    TableReader r(*t, source_, "[scenario]");
    s_.name = r.Str("name", true);
    s_.description = r.Str("description", false);
    s_.start_date = r.Str("start_date", true);
    if (!ValidDate(s_.start_date)) {
      r.Fail("start_date", fmt::format("'start_date' = \"{}\" is not a date; expected YYYY-MM-DD",
                                       s_.start_date));
    }
    s_.horizon_days = r.Int("horizon_days", 1, Limits::kMaxDays, 365, true);
    r.RejectUnknownKeys();
  }

  void LoadRules() {
    TableReader top(root_, source_, "top level");
    const toml::table* t = SubTable(top, "rules", false);
    if (!t) return;
    TableReader r(*t, source_, "[rules]");
    Rules& x = s_.rules;
    for (const ParameterSpec& p : Parameters()) {
      if (p.table != ParameterTable::kRules) continue;
      if (p.rule_integer) {
        x.*(p.rule_integer) = static_cast<int>(r.Parameter(p, x.*(p.rule_integer), p.Key(), s_.uncertain));
      } else {
        x.*(p.rule_number) = r.Parameter(p, x.*(p.rule_number), p.Key(), s_.uncertain);
      }
    }
    x.garrisons = r.Bool("garrisons", x.garrisons);
    x.bounded_fire = r.Bool("bounded_fire", x.bounded_fire);
    x.timeline = r.Bool("timeline", x.timeline);
    x.aims = r.Bool("aims", x.aims);
    x.signalling = r.Bool("signalling", x.signalling);
    x.war_aims = r.Bool("war_aims", x.war_aims);
    x.supply = r.Bool("supply", x.supply);
    x.air_reach = r.Bool("air_reach", x.air_reach);
    x.weapons = r.Bool("weapons", x.weapons);
    x.reprisals_at_war = r.Bool("reprisals_at_war", x.reprisals_at_war);
    x.protection = r.Bool("protection", x.protection);
    x.strike_causes = r.Bool("strike_causes", x.strike_causes);
    x.credible_signals = r.Bool("credible_signals", x.credible_signals);
    x.proxy_restraint = r.Bool("proxy_restraint", x.proxy_restraint);
    x.air_defence = r.Bool("air_defence", x.air_defence);
    x.binding_offers = r.Bool("binding_offers", x.binding_offers);
    x.retaliation_by_harm = r.Bool("retaliation_by_harm", x.retaliation_by_harm);
    x.sieges = r.Bool("sieges", x.sieges);
    x.concentration = r.Bool("concentration", x.concentration);
    x.handover_forces = r.Bool("handover_forces", x.handover_forces);
    x.operating_countries = r.Bool("operating_countries", x.operating_countries);
    x.only_takers_capture = r.Bool("only_takers_capture", x.only_takers_capture);
    x.feud_sized_diversion = r.Bool("feud_sized_diversion", x.feud_sized_diversion);
    x.campaigns = r.Bool("campaigns", x.campaigns);
    x.killed_share_by_actor = r.Bool("killed_share_by_actor", x.killed_share_by_actor);
    r.RejectUnknownKeys();
  }

  template <typename T>
  void Unique(TableReader& r, const std::vector<T>& items, const std::string& id, const char* kind) {
    for (const T& item : items) {
      if (item.id == id) r.Fail("id", fmt::format("duplicate {} id '{}'", kind, id));
    }
  }

  void LoadBloc(TableReader& r) {
    Bloc b;
    b.id = r.Identifier("id");
    Unique(r, s_.blocs, b.id, "bloc");
    b.name = r.Str("name", false, b.id);
    s_.blocs.push_back(std::move(b));
  }

  void LoadTerrain(TableReader& r) {
    Terrain t;
    t.id = r.Identifier("id");
    Unique(r, s_.terrains, t.id, "terrain");
    t.defence = r.Num("defence", 0.1, 10, 1.0);
    t.speed = r.Num("speed", 0.01, 10, 1.0);
    s_.terrains.push_back(std::move(t));
  }

  ActorId ActorRef(TableReader& r, std::string_view key, const std::string& id) {
    int index = s_.ActorIndex(id);
    if (index < 0) r.Fail(key, fmt::format("'{}' = \"{}\" names no actor; expected one of: {}", key, id, Ids(s_.actors)));
    return static_cast<ActorId>(index);
  }

  RegionId RegionRef(TableReader& r, std::string_view key, const std::string& id) {
    int index = s_.RegionIndex(id);
    if (index < 0) r.Fail(key, fmt::format("'{}' names no region \"{}\"", key, id));
    return static_cast<RegionId>(index);
  }

  std::vector<RegionId> RegionList(TableReader& r, std::string_view key, bool required) {
    std::vector<RegionId> out;
    for (const std::string& id : r.StrList(key, required)) out.push_back(RegionRef(r, key, id));
    if (required && out.empty()) r.Fail(key, fmt::format("'{}' must name at least one region", key));
    return out;
  }

  template <typename T>
  static std::string Ids(const std::vector<T>& items) {
    std::string out;
    for (const T& item : items) out += (out.empty() ? "" : ", ") + item.id;
    return out;
  }

  void LoadActor(TableReader& r) {
    Actor a;
    a.id = r.Identifier("id");
    Unique(r, s_.actors, a.id, "actor");
    if (s_.BlocIndex(a.id) >= 0) r.Fail("id", fmt::format("actor id '{}' is also a bloc id", a.id));
    a.name = r.Str("name", false, a.id);
    std::string bloc = r.Identifier("bloc");
    a.bloc = static_cast<BlocId>(s_.BlocIndex(bloc));
    if (a.bloc < 0) r.Fail("bloc", fmt::format("'bloc' = \"{}\" names no bloc; expected one of: {}", bloc, Ids(s_.blocs)));
    for (const ParameterSpec& p : Parameters()) {
      if (p.table == ParameterTable::kActor) {
        a.*(p.actor_number) = r.Parameter(p, a.*(p.actor_number), fmt::format("actor.{}.{}", a.id, p.name), s_.uncertain);
      }
    }
    a.terrorist = r.Bool("terrorist", false);
    a.concentrates = r.Bool("concentrates", false);
    r.Allow("insurgent_ground");  // region ids: read once the regions are known
    a.countries = r.StrList("countries", false);
    for (const std::string& c : a.countries) {
      if (Characters(c) != 2) r.Fail("countries", fmt::format("'countries' has \"{}\"; expected two-letter codes", c));
    }
    a.operates_in = r.StrList("operates_in", false);
    for (const std::string& c : a.operates_in) {
      if (Characters(c) != 2) r.Fail("operates_in", fmt::format("'operates_in' has \"{}\"; expected two-letter codes", c));
    }
    aim_names_.push_back(r.StrList("aims", false));
    // Full-scale war (docs/model.md, "War"). war_aims and bases name regions, which are
    // read after the actors (ResolveActorPlaces).
    r.Allow("war_aims");
    r.Allow("bases");
    // Blocs now; actors (who may come later in the file) once all are read (ResolveAims).
    protect_names_.emplace_back();
    for (const std::string& id : r.StrList("protects", false)) {
      const int bloc = s_.BlocIndex(id);
      if (bloc < 0) {
        protect_names_.back().push_back(id);
        continue;
      }
      if (bloc == a.bloc) r.Fail("protects", fmt::format("'protects' names the actor's own bloc \"{}\"; expected another bloc or an actor", id));
      a.protects.push_back(static_cast<BlocId>(bloc));
    }
    // A name only: the game does not know its players. The name is resolved, and an unknown
    // one reported at this position, where the policies are (CheckPolicies, brink/policy.h).
    a.policy = r.Str("policy", false, "doctrine");
    if (r.Has("policy")) a.policy_given_at = r.Where("policy");
    s_.actors.push_back(std::move(a));
  }

  // Aims name regions, which come after the actors in a file: resolved once regions are read.
  void ResolveAims() {
    for (std::size_t a = 0; a < protect_names_.size(); ++a) {
      if (protect_names_[a].empty()) continue;
      const auto& tables = *root_.get("actor")->as_array();
      TableReader r(*tables[a].as_table(), source_, fmt::format("actor #{}", a + 1));
      for (const std::string& id : protect_names_[a]) {
        const int actor = s_.ActorIndex(id);
        if (actor < 0) {
          r.Fail("protects", fmt::format("'protects' names no bloc or actor \"{}\"; expected one of: {}, {}", id,
                                         Ids(s_.blocs), Ids(s_.actors)));
        }
        if (actor == static_cast<int>(a)) r.Fail("protects", fmt::format("'protects' names the actor itself \"{}\"", id));
        s_.actors[a].protects_actors.push_back(static_cast<ActorId>(actor));
      }
    }
    for (std::size_t a = 0; a < aim_names_.size(); ++a) {
      if (aim_names_[a].empty()) continue;
      const auto& tables = *root_.get("actor")->as_array();
      TableReader r(*tables[a].as_table(), source_, fmt::format("actor #{}", a + 1));
      for (const std::string& id : aim_names_[a]) s_.actors[a].aims.push_back(RegionRef(r, "aims", id));
    }
  }

  // A date on or after the start, as the day it is (the start is day 0).
  int DayOf(TableReader& r, std::string_view key, int first) {
    const std::string text = r.Str(key, false, "");
    if (!ValidDate(text)) r.Fail(key, fmt::format("'{}' = \"{}\" is not a date; expected YYYY-MM-DD", key, text));
    const auto days = (DateOf(text) - DateOf(s_.start_date)).count();
    if (days < first || days > s_.horizon_days) {
      r.Fail(key, fmt::format("'{}' = \"{}\" is day {} of the scenario; expected a date from {} to {} (days {} to {})",
                              key, text, days, first == 0 ? "the start" : "the day after the start",
                              "the horizon", first, s_.horizon_days));
    }
    return static_cast<int>(days);
  }

  void LoadChange(TableReader& r) {
    Change c;
    if (r.Str("date", true).empty()) r.Fail("date", "'date' is empty; expected YYYY-MM-DD");
    c.day = DayOf(r, "date", 1);
    c.note = r.Str("note", false);
    const std::string kind = r.Str("kind", true);
    if (kind == "relation") {
      c.kind = ChangeKind::kRelation;
      const std::string a_id = r.Str("a", true), b_id = r.Str("b", true);
      if (a_id == b_id) r.Fail("b", "a relation must join two different parties");
      const std::vector<ActorId> as = Party(r, "a"), bs = Party(r, "b");
      const std::string relation = r.Str("relation", true);
      static const std::map<std::string, RelationKind, std::less<>> kKinds = {
          {"neutrality", RelationKind::kNeutrality}, {"hostility", RelationKind::kHostility},
          {"rivalry", RelationKind::kRivalry}};
      auto it = kKinds.find(relation);
      if (it == kKinds.end()) {
        r.Fail("relation", fmt::format("'relation' = \"{}\"; expected neutrality, hostility or rivalry "
                                       "(alliances, patronage and feuds do not change on a date)", relation));
      }
      c.relation = it->second;
      for (auto [id, name] : {std::pair{&a_id, &c.a_name}, std::pair{&b_id, &c.b_name}}) {
        const int bloc = s_.BlocIndex(*id);
        *name = bloc >= 0 ? s_.blocs[static_cast<std::size_t>(bloc)].name : s_.actors[static_cast<std::size_t>(s_.ActorIndex(*id))].name;
      }
      CheckParties(r, as, bs, a_id, b_id, relation, "relation");
      for (ActorId a : as) {
        for (ActorId b : bs) {
          if (a == b) r.Fail("b", "a relation must join two different parties");
          const RelationKind before = KindAtStart(a, b);
          if (before == RelationKind::kPatronage || before == RelationKind::kFeud || before == RelationKind::kAlliance) {
            r.Fail("a", fmt::format("'{}' and '{}' are in an alliance, patronage or feud, which does not change on a date",
                                    s_.actors[a].id, s_.actors[b].id));
          }
          c.pairs.emplace_back(a, b);
        }
      }
    } else if (kind == "withdraw") {
      c.kind = ChangeKind::kWithdraw;
      c.actor = ActorRef(r, "actor", r.Str("actor", true));
      // No 'regions' key: every region (it leaves the theatre). An empty list is a mistake,
      // not "everywhere".
      const bool listed = r.Has("regions");
      c.regions = RegionList(r, "regions", listed);
      if (!listed) {
        for (std::size_t i = 0; i < s_.regions.size(); ++i) c.regions.push_back(static_cast<RegionId>(i));
      }
      const std::string to = r.Str("hand_to", false, "");
      c.hand_to = to.empty() ? kNone : ActorRef(r, "hand_to", to);
      if (c.hand_to == c.actor) r.Fail("hand_to", "an actor cannot hand its ground to itself");
    } else if (kind == "exposure") {
      c.kind = ChangeKind::kExposure;
      const std::string id = r.Str("exposure", true);
      for (std::size_t i = 0; i < s_.exposures.size(); ++i) {
        if (s_.exposures[i].id == id) c.exposure = static_cast<int>(i);
      }
      if (c.exposure < 0) {
        r.Fail("exposure", fmt::format("'exposure' = \"{}\" names no [[exposure]]; expected one of: {}", id, Ids(s_.exposures)));
      }
      c.troops = r.Num("troops", 0, 1e7, 0, true);
    } else {
      r.Fail("kind", fmt::format("'kind' = \"{}\"; expected \"relation\", \"withdraw\" or \"exposure\"", kind));
    }
    s_.timeline.push_back(std::move(c));
  }

  BlocId BlocRef(TableReader& r, std::string_view key) {
    const std::string id = r.Str(key, true);
    const int bloc = s_.BlocIndex(id);
    if (bloc < 0) r.Fail(key, fmt::format("'{}' = \"{}\" names no bloc; expected one of: {}", key, id, Ids(s_.blocs)));
    return static_cast<BlocId>(bloc);
  }

  void LoadCampaign(TableReader& r) {
    Campaign c;
    c.actor = ActorRef(r, "actor", r.Str("actor", true));
    c.regions = RegionList(r, "regions", true);
    c.opens_day = DayOf(r, "opens", 0);
    c.note = r.Str("note", false, "");
    s_.campaigns.push_back(std::move(c));
  }

  void LoadLine(TableReader& r) {
    DeconflictionLine l;
    l.id = r.Identifier("id");
    Unique(r, s_.lines, l.id, "line");
    l.name = r.Str("name", false, l.id);
    l.agreed_day = r.Str("agreed", false, "").empty() ? 0 : DayOf(r, "agreed", 0);
    const std::string guarantor = r.Str("guarantor", false, "");
    l.guarantor = guarantor.empty() ? kNone : ActorRef(r, "guarantor", guarantor);
    l.a = BlocRef(r, "a");
    l.b = BlocRef(r, "b");
    if (l.a == l.b) r.Fail("b", "a line must join two different blocs");
    for (auto [key, bloc] : {std::pair{"a", l.a}, std::pair{"b", l.b}}) {
      bool any = false;
      for (const Actor& x : s_.actors) any = any || x.bloc == bloc;
      if (!any) r.Fail(key, fmt::format("bloc '{}' has no actors; expected a bloc that has some", s_.blocs[static_cast<std::size_t>(bloc)].id));
    }
    l.a_regions = RegionList(r, "a_regions", true);
    l.b_regions = RegionList(r, "b_regions", true);
    for (RegionId x : l.a_regions) {
      for (RegionId y : l.b_regions) {
        if (x == y) r.Fail("b_regions", fmt::format("region '{}' is on both sides of the line", s_.regions[x].id));
      }
    }
    l.crossing_tension = r.Num("crossing_tension", 0, 1000, l.crossing_tension);
    l.handover = r.Bool("handover", false);
    l.enabled = r.Bool("enabled", true);
    s_.lines.push_back(std::move(l));
  }

  // Each actor's war_aims (region ids or country codes of the map) and bases (region ids),
  // once the regions are known.
  void ResolveActorPlaces() {
    const toml::node* node = root_.get("actor");
    const toml::array* array = node ? node->as_array() : nullptr;
    if (!array) return;  // Each("actor") has reported any other shape
    for (std::size_t i = 0; i < array->size() && i < s_.actors.size(); ++i) {
      TableReader r(*(*array)[i].as_table(), source_, fmt::format("actor #{}", i + 1));
      Actor& a = s_.actors[i];
      a.war_aims = r.StrList("war_aims", false);
      for (const std::string& aim : a.war_aims) {
        bool known = s_.RegionIndex(aim) >= 0;
        for (const Region& g : s_.regions) known = known || g.country == aim;
        if (!known) {
          r.Fail("war_aims", fmt::format("'war_aims' has \"{}\", which is neither a region nor the country of one", aim));
        }
      }
      for (const std::string& id : r.StrList("bases", false)) a.bases.push_back(RegionRef(r, "bases", id));
      for (const std::string& id : r.StrList("insurgent_ground", false)) a.insurgent_ground.push_back(RegionRef(r, "insurgent_ground", id));
    }
  }

  void LoadRegion(TableReader& r) {
    Region g;
    g.id = r.Identifier("id");
    Unique(r, s_.regions, g.id, "region");
    g.name = r.Str("name", false, g.id);
    g.country = r.Str("country", true);
    if (Characters(g.country) != 2) r.Fail("country", fmt::format("'country' = \"{}\"; expected a two-letter code", g.country));
    g.lat = r.Num("lat", -90, 90, 0, true);
    g.lon = r.Num("lon", -180, 180, 0, true);
    std::string terrain = r.Str("terrain", true);
    g.terrain = -1;
    for (std::size_t i = 0; i < s_.terrains.size(); ++i) {
      if (s_.terrains[i].id == terrain) g.terrain = static_cast<int>(i);
    }
    if (g.terrain < 0) r.Fail("terrain", fmt::format("'terrain' = \"{}\" is unknown; expected one of: {}", terrain, Ids(s_.terrains)));
    g.value = r.Num("value", 0.001, 1000, 1.0, true);
    for (const std::string& flag : r.StrList("flags", false)) {
      static const std::map<std::string, uint8_t, std::less<>> kFlags = {
          {"border_crossing", kBorderCrossing}, {"oil_field", kOilField}, {"city", kCity},
          {"base", kBase}, {"river_crossing", kRiverCrossingFlag}};
      auto it = kFlags.find(flag);
      if (it == kFlags.end()) {
        r.Fail("flags", fmt::format("unknown flag \"{}\"; expected border_crossing, oil_field, city, base or river_crossing", flag));
      }
      g.flags |= it->second;
    }
    std::string holder = r.Str("holder", false, "");
    g.holder = holder.empty() ? kNone : ActorRef(r, "holder", holder);
    s_.regions.push_back(std::move(g));
  }

  void LoadEdge(TableReader& r) {
    Edge e;
    e.from = RegionRef(r, "from", r.Str("from", true));
    e.to = RegionRef(r, "to", r.Str("to", true));
    if (e.from == e.to) r.Fail("to", "an edge must join two different regions");
    std::string kind = r.Str("kind", false, "road");
    if (kind == "road") {
      e.kind = EdgeKind::kRoad;
    } else if (kind == "river_crossing") {
      e.kind = EdgeKind::kRiverCrossing;
    } else {
      r.Fail("kind", fmt::format("'kind' = \"{}\"; expected \"road\" or \"river_crossing\"", kind));
    }
    e.length_km = r.Num("length_km", 0.1, 5000, 0, true);
    for (const Edge& other : s_.edges) {
      if ((other.from == e.from && other.to == e.to) || (other.from == e.to && other.to == e.from)) {
        r.Fail("to", fmt::format("duplicate edge between '{}' and '{}'", s_.regions[e.from].id, s_.regions[e.to].id));
      }
    }
    s_.edges.push_back(e);
  }

  void LoadFaction(TableReader& r) {
    Faction f;
    f.id = r.Identifier("id");
    Unique(r, s_.factions, f.id, "faction");
    f.actor = ActorRef(r, "actor", r.Str("actor", true));
    f.name = r.Str("name", false, f.id);
    const Actor& a = s_.actors[f.actor];
    f.influence = r.Num("influence", 0, 1, 0, true);
    f.aggression = r.Num("aggression", 0, 1, a.aggression);
    f.war_aversion = r.Num("war_aversion", 0, 1, a.war_aversion);
    f.retaliation_belief = r.Num("retaliation_belief", 0, 1, 0.5);
    f.hawkishness = r.Num("hawkishness", -1, 1, 0);
    s_.factions.push_back(std::move(f));
  }

  // An actor id, or a bloc id meaning every actor of that bloc.
  std::vector<ActorId> Party(TableReader& r, std::string_view key) {
    std::string id = r.Str(key, true);
    std::vector<ActorId> out;
    if (int bloc = s_.BlocIndex(id); bloc >= 0) {
      for (std::size_t i = 0; i < s_.actors.size(); ++i) {
        if (s_.actors[i].bloc == bloc) out.push_back(static_cast<ActorId>(i));
      }
      return out;
    }
    int actor = s_.ActorIndex(id);
    if (actor < 0) r.Fail(key, fmt::format("'{}' = \"{}\" names no actor or bloc", key, id));
    out.push_back(static_cast<ActorId>(actor));
    return out;
  }

  // Checks the parties of a relation that fights (hostility, rivalry; or any kind when
  // `kind` is not one): none may be empty, and no pair may be of one bloc or patron and proxy.
  void CheckParties(TableReader& r, const std::vector<ActorId>& as, const std::vector<ActorId>& bs,
                    const std::string& a_id, const std::string& b_id, const std::string& kind,
                    std::string_view kind_key = "kind") {
    // A bloc without actors would make the relation mean nothing, silently.
    for (auto [key, id, party] : {std::tuple{"a", &a_id, &as}, std::tuple{"b", &b_id, &bs}}) {
      if (party->empty()) {
        r.Fail(key, fmt::format("'{}' = \"{}\" names a bloc with no actors; expected a bloc that has some", key, *id));
      }
    }
    if (kind != "hostility" && kind != "rivalry") return;
    for (ActorId a : as) {
      for (ActorId b : bs) {
        const Actor& x = s_.actors[a];
        const Actor& y = s_.actors[b];
        if (x.bloc == y.bloc && a != b) {
          r.Fail(kind_key, fmt::format("a {} between '{}' and '{}', both of bloc '{}': partners of one side "
                                     "who may clash are a feud; expected actors of different blocs",
                                     kind, x.id, y.id, s_.blocs[static_cast<std::size_t>(x.bloc)].id));
        }
        if (Patron(a) == b || Patron(b) == a) {
          r.Fail(kind_key, fmt::format("a {} between '{}' and '{}', patron and proxy: a patron cannot be "
                                     "hostile to the proxy it commands", kind, x.id, y.id));
        }
      }
    }
  }

  void LoadRelation(TableReader& r) {
    std::string a_id = r.Str("a", true), b_id = r.Str("b", true);
    std::vector<ActorId> as = Party(r, "a"), bs = Party(r, "b");
    if (a_id == b_id) r.Fail("b", "a relation must join two different parties");
    std::string kind = r.Str("kind", true);
    static const std::map<std::string, RelationKind, std::less<>> kKinds = {
        {"alliance", RelationKind::kAlliance},   {"patronage", RelationKind::kPatronage},
        {"neutrality", RelationKind::kNeutrality}, {"hostility", RelationKind::kHostility},
        {"rivalry", RelationKind::kRivalry},     {"feud", RelationKind::kFeud}};
    auto it = kKinds.find(kind);
    if (it == kKinds.end()) {
      r.Fail("kind", fmt::format("'kind' = \"{}\"; expected alliance, patronage, neutrality, hostility, rivalry or feud", kind));
    }
    Relation rel;
    rel.kind = it->second;
    bool pairwise = rel.kind == RelationKind::kPatronage || rel.kind == RelationKind::kFeud;
    if (pairwise && (as.size() != 1 || bs.size() != 1 || s_.ActorIndex(a_id) < 0 || s_.ActorIndex(b_id) < 0)) {
      r.Fail("a", fmt::format("a {} relation joins two actors, not blocs", kind));
    }
    if (rel.kind == RelationKind::kHostility || rel.kind == RelationKind::kRivalry) {
      CheckParties(r, as, bs, a_id, b_id, kind);
    }
    if (rel.kind == RelationKind::kPatronage) {
      rel.reliability = r.Num("reliability", 0, 1, 1.0, true);
      if (Patron(bs[0]) != kNone) r.Fail("b", fmt::format("actor '{}' already has a patron", s_.actors[bs[0]].id));
      for (const Relation& earlier : s_.relations) {
        bool same_pair = (earlier.a == as[0] && earlier.b == bs[0]) || (earlier.a == bs[0] && earlier.b == as[0]);
        if (same_pair && (earlier.kind == RelationKind::kHostility || earlier.kind == RelationKind::kRivalry)) {
          r.Fail("kind", fmt::format("patronage between '{}' and '{}', which an earlier relation makes hostile: "
                                     "a patron cannot be hostile to the proxy it commands", a_id, b_id));
        }
      }
      // Whose orders a proxy follows must end somewhere: no patron may be its own proxy's proxy.
      for (ActorId up = as[0]; up != kNone; up = Patron(up)) {
        if (up == bs[0]) {
          r.Fail("b", fmt::format("patronage cycle: '{}' is already, through its patrons, a patron of '{}'",
                                  b_id, a_id));
        }
      }
      patrons_[static_cast<std::size_t>(bs[0])] = as[0];
    }
    if (rel.kind == RelationKind::kFeud) {
      rel.intensity = r.Num("intensity", 0, 1, 0, true);
      rel.diversion = r.Num("diversion", 0, 1, 0);
      rel.front = RegionList(r, "front", true);
    }
    for (ActorId a : as) {
      for (ActorId b : bs) {
        if (a == b) r.Fail("b", "a relation must join two different parties");
        Relation pair = rel;
        pair.a = a;
        pair.b = b;
        s_.relations.push_back(pair);
      }
    }
  }

  uint32_t BlocMask(TableReader& r, std::string_view key) {
    uint32_t mask = 0;
    for (const std::string& id : r.StrList(key, true)) {
      int bloc = s_.BlocIndex(id);
      if (bloc < 0) r.Fail(key, fmt::format("'{}' names no bloc \"{}\"; expected one of: {}", key, id, Ids(s_.blocs)));
      mask |= 1u << bloc;
    }
    if (mask == 0) r.Fail(key, fmt::format("'{}' must name at least one bloc", key));
    return mask;
  }

  void LoadCorridor(TableReader& r) {
    Corridor c;
    c.id = r.Identifier("id");
    Unique(r, s_.corridors, c.id, "corridor");
    c.name = r.Str("name", false, c.id);
    c.from = RegionList(r, "from", true);
    c.to = RegionList(r, "to", true);
    for (RegionId a : c.from) {
      for (RegionId b : c.to) {
        if (a == b) r.Fail("to", fmt::format("region '{}' is on both ends of the corridor", s_.regions[a].id));
      }
    }
    c.open_through_blocs = BlocMask(r, "open_through");
    s_.corridors.push_back(std::move(c));
  }

  void LoadObjective(TableReader& r) {
    Objective o;
    o.actor = ActorRef(r, "actor", r.Str("actor", true));
    std::string kind = r.Str("kind", true);
    o.weight = r.Num("weight", 0, 1000, 1.0, true);
    o.motive = r.Str("motive", false);
    if (kind == "corridor_cut" || kind == "corridor_connect") {
      o.kind = kind == "corridor_cut" ? ObjectiveKind::kCorridorCut : ObjectiveKind::kCorridorConnect;
      std::string id = r.Str("corridor", true);
      for (std::size_t i = 0; i < s_.corridors.size(); ++i) {
        if (s_.corridors[i].id == id) o.corridor = static_cast<int>(i);
      }
      if (o.corridor < 0) r.Fail("corridor", fmt::format("'corridor' = \"{}\" names no corridor", id));
    } else if (kind == "hold") {
      o.kind = ObjectiveKind::kHold;
      o.regions = RegionList(r, "regions", true);
    } else if (kind == "destroy") {
      o.kind = ObjectiveKind::kDestroy;
      o.target = ActorRef(r, "target", r.Str("target", true));
      if (o.target == o.actor) r.Fail("target", "an actor cannot aim to destroy itself");
    } else {
      r.Fail("kind", fmt::format("'kind' = \"{}\"; expected corridor_cut, corridor_connect, hold or destroy", kind));
    }
    s_.objectives.push_back(std::move(o));
  }

  void LoadForce(TableReader& r) {
    ForceSpec f;
    f.actor = ActorRef(r, "actor", r.Str("actor", true));
    f.region = RegionRef(r, "region", r.Str("region", true));
    f.strength = r.Num("strength", 1, 1e7, 0, true);
    if (!r.Str("arrives", false, "").empty()) f.arrives_day = DayOf(r, "arrives", 0);
    s_.forces.push_back(f);
  }

  void LoadExposure(TableReader& r) {
    Exposure e;
    e.id = r.Identifier("id");
    Unique(r, s_.exposures, e.id, "exposure");
    e.name = r.Str("name", false, e.id);
    e.actor = ActorRef(r, "actor", r.Str("actor", true));
    e.troops = r.Num("troops", 0, 1e7, 0, true);
    for (const std::string& id : r.StrList("threatened_by", true)) {
      ActorId a = ActorRef(r, "threatened_by", id);
      if (a == e.actor) r.Fail("threatened_by", "an actor cannot threaten its own exposed forces");
      e.threatened_by |= uint64_t{1} << a;
    }
    e.vulnerability = r.Num("vulnerability", 0, 1, e.vulnerability);
    s_.exposures.push_back(std::move(e));
  }

  void LoadZone(TableReader& r) {
    Zone z;
    z.id = r.Identifier("id");
    Unique(r, s_.zones, z.id, "zone");
    z.name = r.Str("name", false, z.id);
    z.owner = ActorRef(r, "owner", r.Str("owner", true));
    z.regions = RegionList(r, "regions", true);
    z.radius_km = r.Num("radius_km", 0, 10000, 0);
    z.self_defence_strike = r.Num("self_defence_strike", 0, 1, z.self_defence_strike);
    z.incident_reduction = r.Num("incident_reduction", 0, 1, z.incident_reduction);
    z.enabled = r.Bool("enabled", true);
    s_.zones.push_back(std::move(z));
  }

  void LoadRung(TableReader& r) {
    Rung g;
    g.name = r.Str("name", true);
    g.threshold = r.Num("threshold", 0, 1e6, 0, true);
    g.severity = r.Num("severity", -1000, 1000, 0, true);
    if (!s_.ladder.empty() && g.threshold <= s_.ladder.back().threshold) {
      r.Fail("threshold", fmt::format("rung thresholds must rise; expected more than {}", s_.ladder.back().threshold));
    }
    s_.ladder.push_back(std::move(g));
  }

  // Tension built up before the start, below the war rung (a war at the start is not a standoff).
  void LoadTension(TableReader& r) {
    StandingTension t;
    t.a = BlocRef(r, "a");
    t.b = BlocRef(r, "b");
    if (t.a == t.b) r.Fail("b", "'a' and 'b' name the same bloc; expected two blocs");
    for (const StandingTension& other : s_.tensions) {
      if ((other.a == t.a && other.b == t.b) || (other.a == t.b && other.b == t.a)) r.Fail("b", "a second [[tension]] for the same two blocs");
    }
    const double war = s_.ladder.back().threshold;
    t.value = r.Num("value", 0, 1e6, 0, true);
    if (t.value >= war) r.Fail("value", fmt::format("'value' = {} reaches the war rung ({}); expected less", t.value, war));
    // The highest rung reached before the start, by name (below war: a war at the start or
    // one already over is not this format's standoff).
    if (const std::string reached = r.Str("reached", false, ""); !reached.empty()) {
      std::string names;
      for (std::size_t i = 0; i + 1 < s_.ladder.size(); ++i) {
        if (s_.ladder[i].name == reached) t.reached = static_cast<int>(i);
        names += (names.empty() ? "" : ", ") + s_.ladder[i].name;
      }
      if (t.reached < 0) r.Fail("reached", fmt::format("'reached' = \"{}\" names no rung below war; expected one of: {}", reached, names));
    }
    s_.tensions.push_back(t);
  }

  // A grievance held at the start: fire received before it, not yet answered.
  void LoadGrievance(TableReader& r) {
    StandingGrievance g;
    g.actor = ActorRef(r, "actor", r.Str("actor", true));
    g.against = ActorRef(r, "against", r.Str("against", true));
    if (g.actor == g.against) r.Fail("against", "an actor holds no grievance against itself");
    for (const StandingGrievance& other : s_.grievances) {
      if (other.actor == g.actor) r.Fail("actor", "a second [[grievance]] for the same actor (an actor holds one at a time)");
    }
    g.days_left = r.Int("days_left", 1, Limits::kMaxDays, 1, true);
    g.harm = r.Num("harm", 0, 1e7, 0);
    g.signalled = r.Bool("signalled", false);
    s_.grievances.push_back(g);
  }

  // A river or border for the map (the rules do not read it).
  void LoadFeature(TableReader& r) {
    Feature f;
    f.id = r.Identifier("id");
    Unique(r, s_.features, f.id, "feature");
    f.name = r.Str("name", false, f.id);
    const std::string kind = r.Str("kind", true);
    if (kind == "river") {
      f.kind = FeatureKind::kRiver;
    } else if (kind == "border") {
      f.kind = FeatureKind::kBorder;
    } else {
      r.Fail("kind", fmt::format("'kind' = \"{}\"; expected \"river\" or \"border\"", kind));
    }
    f.points = r.Points("points", true);
    f.source = r.Str("source", true);
    if (f.source.empty()) r.Fail("source", "'source' is empty; expected where the line comes from (or \"assumption\")");
    s_.features.push_back(std::move(f));
  }

  void CheckWhole(TableReader& top) {
    if (s_.blocs.size() < 2) top.Fail("bloc", "a scenario needs at least two [[bloc]] entries");
    if (s_.actors.size() < 2) top.Fail("actor", "a scenario needs at least two [[actor]] entries");
    if (s_.regions.empty()) top.Fail("region", "a scenario needs at least one [[region]]");
    if (s_.ladder.size() < 2) top.Fail("ladder", "the ladder needs at least two rungs (the last is full-scale war)");
    if (s_.ladder.front().threshold != 0) top.Fail("ladder", "the first rung's threshold must be 0");
    // Faction influences of one actor sum to 1.
    std::vector<double> sum(s_.actors.size(), 0.0);
    std::vector<int> count(s_.actors.size(), 0);
    for (const Faction& f : s_.factions) {
      sum[f.actor] += f.influence;
      ++count[f.actor];
    }
    for (std::size_t a = 0; a < s_.actors.size(); ++a) {
      if (count[a] > 0 && std::fabs(sum[a] - 1.0) > 1e-6) {
        top.Fail("faction", fmt::format("the influences of the factions of actor '{}' sum to {}; expected 1", s_.actors[a].id, sum[a]));
      }
    }
    // The map must be one connected piece: a corridor or a march cannot cross a gap.
    std::vector<std::vector<RegionId>> adjacent(s_.regions.size());
    for (const Edge& e : s_.edges) {
      adjacent[e.from].push_back(e.to);
      adjacent[e.to].push_back(e.from);
    }
    std::vector<bool> seen(s_.regions.size(), false);
    std::vector<RegionId> stack = {0};
    seen[0] = true;
    while (!stack.empty()) {
      RegionId at = stack.back();
      stack.pop_back();
      for (RegionId next : adjacent[at]) {
        if (!seen[next]) {
          seen[next] = true;
          stack.push_back(next);
        }
      }
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
      if (!seen[i]) {
        const auto& regions = *root_.get("region")->as_array();
        TableReader reader(*regions[i].as_table(), source_, fmt::format("region #{}", i + 1));
        reader.Fail("id", fmt::format("region '{}' cannot be reached from '{}'; the map must be connected (add an [[edge]])",
                                      s_.regions[i].id, s_.regions[0].id));
      }
    }
  }

  const toml::table& root_;
  std::string source_;
  Scenario s_;
  // Each actor's patron as the relations read so far declare it (for checks while loading;
  // FinalizeScenario derives the scenario's own table).
  std::vector<ActorId> patrons_;
  std::vector<std::vector<std::string>> aim_names_;
  std::vector<std::vector<std::string>> protect_names_;  // per actor: names in 'protects' that are no bloc
  // The relation two actors start with, as the file declares it so far (the last one wins).
  RelationKind KindAtStart(ActorId a, ActorId b) const {
    RelationKind kind = s_.actors[a].bloc == s_.actors[b].bloc ? RelationKind::kAlliance : RelationKind::kNeutrality;
    for (const Relation& rel : s_.relations) {
      if ((rel.a == a && rel.b == b) || (rel.a == b && rel.b == a)) kind = rel.kind;
    }
    return kind;
  }  // per actor, until the regions are read
  ActorId Patron(ActorId actor) {
    if (patrons_.size() != s_.actors.size()) patrons_.resize(s_.actors.size(), kNone);
    return patrons_[static_cast<std::size_t>(actor)];
  }
};


}  // namespace

Result<Scenario> LoadScenario(std::string_view toml_text, std::string_view source_name,
                              const std::vector<std::string>& overrides) {
  if (toml_text.size() > Limits::kMaxFileBytes) {
    return Status::Error(fmt::format("{}: the file is {} bytes, more than the limit of {}",
                                     source_name, toml_text.size(), Limits::kMaxFileBytes));
  }
  Scenario scenario;
  try {
    toml::table root = toml::parse(toml_text, source_name);
    OverrideOrigins origins;
    for (const std::string& item : overrides) {
      if (Status status = ApplyOverride(root, item, origins); !status.ok()) return status;
    }
    SetOverrideOrigins(&origins);
    struct Reset {
      ~Reset() { SetOverrideOrigins(nullptr); }
    } reset;
    scenario = Loader(root, source_name).Load();
  } catch (const toml::parse_error& error) {
    return Status::Error(fmt::format("{}: syntax error: {}", Position(source_name, error.source()),
                                     error.description()));
  } catch (const LoadError& error) {
    return Status::Error(error.message);
  }
  scenario.source_name = std::string(source_name);
  scenario.content_hash = ContentHash(toml_text);
  if (Status status = FinalizeScenario(scenario); !status.ok()) return status;
  return scenario;
}

Result<Scenario> LoadScenarioFile(const std::string& path,
                                  const std::vector<std::string>& overrides) {
  Result<std::string> text = ReadInputFile(path, "scenario");
  if (!text.ok()) return Status::Error(text.message());
  return LoadScenario(text.value(), path, overrides);
}

Result<Scenario> LoadDefaultScenario(const std::vector<std::string>& overrides) {
  return LoadScenario(DefaultScenarioText(), fmt::format("<default:{}.toml>", EmbeddedScenarios().front().name), overrides);
}

}  // namespace brink
