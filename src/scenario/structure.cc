// The structure every derived table and rule relies on, checked when a scenario is finalized:
// a scenario loaded from a file has passed the loader's finer checks already, but one built or
// edited in code has not, and an index out of range there would be a crash far from its cause.
#include "scenario/structure.h"

#include <fmt/format.h>

#include <string>

namespace brink {
namespace {

class Check {
 public:
  // `index` names an entry of a table of `size` entries (kNone allowed if `optional`).
  void Index(int index, std::size_t size, bool optional, std::string_view what, std::string_view table) {
    if (!error_.empty()) return;
    if ((optional && index == kNone) || (index >= 0 && static_cast<std::size_t>(index) < size)) return;
    error_ = fmt::format("{}: {} is not an index of the scenario's {} ({} of them)", what, index, table, size);
  }
  void Count(std::size_t n, std::size_t least, std::size_t most, std::string_view table) {
    if (!error_.empty()) return;
    if (n < least) error_ = fmt::format("the scenario has {} {}; at least {} needed", n, table, least);
    else if (n > most) error_ = fmt::format("the scenario has {} {}; at most {} allowed", n, table, most);
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

}  // namespace

Status CheckStructure(const Scenario& s) {
  Check c;
  const std::size_t blocs = s.blocs.size(), actors = s.actors.size(), regions = s.regions.size();
  c.Count(blocs, 1, Limits::kMaxBlocs, "blocs");
  c.Count(actors, 1, Limits::kMaxActors, "actors");
  c.Count(regions, 1, Limits::kMaxRegions, "regions");
  c.Count(s.edges.size(), 0, Limits::kMaxEdges, "edges");
  c.Count(s.forces.size(), 0, Limits::kMaxForces, "forces");
  c.Count(s.ladder.size(), 2, Limits::kMaxLadderRungs, "ladder rungs");
  c.Count(s.terrains.size(), 1, Limits::kMaxTerrains, "terrains");
  c.Count(s.corridors.size(), 0, Limits::kMaxCorridors, "corridors");
  if (c.error().empty() && (s.horizon_days < 1 || s.horizon_days > Limits::kMaxDays)) {
    return Status::Error(fmt::format("the horizon of {} days is outside 1..{}", s.horizon_days, Limits::kMaxDays));
  }
  for (std::size_t a = 0; a < actors; ++a) {
    const Actor& x = s.actors[a];
    const std::string what = fmt::format("actor '{}'", x.id);
    c.Index(x.bloc, blocs, false, what + " bloc", "blocs");
    for (BlocId b : x.protects) c.Index(b, blocs, false, what + " protects", "blocs");
    for (ActorId p : x.protects_actors) c.Index(p, actors, false, what + " protects_actors", "actors");
  }
  for (const Region& r : s.regions) {
    c.Index(r.holder, actors, true, fmt::format("region '{}' holder", r.id), "actors");
    c.Index(r.terrain, s.terrains.size(), false, fmt::format("region '{}' terrain", r.id), "terrains");
  }
  for (std::size_t e = 0; e < s.edges.size(); ++e) {
    c.Index(s.edges[e].from, regions, false, fmt::format("edge {} from", e), "regions");
    c.Index(s.edges[e].to, regions, false, fmt::format("edge {} to", e), "regions");
  }
  for (std::size_t f = 0; f < s.forces.size(); ++f) {
    c.Index(s.forces[f].actor, actors, false, fmt::format("force {} actor", f), "actors");
    c.Index(s.forces[f].region, regions, false, fmt::format("force {} region", f), "regions");
  }
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    c.Index(s.relations[i].a, actors, false, fmt::format("relation {} a", i), "actors");
    c.Index(s.relations[i].b, actors, false, fmt::format("relation {} b", i), "actors");
    for (RegionId r : s.relations[i].front) c.Index(r, regions, false, fmt::format("relation {} front", i), "regions");
  }
  for (const Corridor& k : s.corridors) {
    for (const auto* list : {&k.from, &k.to}) {
      for (RegionId r : *list) c.Index(r, regions, false, fmt::format("corridor '{}'", k.id), "regions");
    }
  }
  for (const Objective& o : s.objectives) {
    c.Index(o.actor, actors, false, "an objective's actor", "actors");
    c.Index(o.corridor, s.corridors.size(), true, "an objective's corridor", "corridors");
    c.Index(o.target, actors, true, "an objective's target", "actors");
    for (RegionId r : o.regions) c.Index(r, regions, false, "an objective's region", "regions");
  }
  for (const Exposure& x : s.exposures) c.Index(x.actor, actors, false, fmt::format("exposure '{}' actor", x.id), "actors");
  for (const Zone& z : s.zones) {
    c.Index(z.owner, actors, false, fmt::format("zone '{}' owner", z.id), "actors");
    for (RegionId r : z.regions) c.Index(r, regions, false, fmt::format("zone '{}'", z.id), "regions");
  }
  for (const Change& ch : s.timeline) {
    for (auto [a, b] : ch.pairs) {
      c.Index(a, actors, false, "a timeline change's party", "actors");
      c.Index(b, actors, false, "a timeline change's party", "actors");
    }
    c.Index(ch.actor, actors, true, "a timeline change's actor", "actors");
    c.Index(ch.hand_to, actors, true, "a timeline change's hand_to", "actors");
    for (RegionId r : ch.regions) c.Index(r, regions, false, "a timeline change's region", "regions");
  }
  for (const DeconflictionLine& l : s.lines) {
    c.Index(l.a, blocs, false, fmt::format("line '{}' a", l.id), "blocs");
    c.Index(l.b, blocs, false, fmt::format("line '{}' b", l.id), "blocs");
    c.Index(l.guarantor, actors, true, fmt::format("line '{}' guarantor", l.id), "actors");
    for (const auto* list : {&l.a_regions, &l.b_regions}) {
      for (RegionId r : *list) c.Index(r, regions, false, fmt::format("line '{}'", l.id), "regions");
    }
  }
  for (const StandingTension& t : s.tensions) {
    c.Index(t.a, blocs, false, "a standing tension's bloc", "blocs");
    c.Index(t.b, blocs, false, "a standing tension's bloc", "blocs");
  }
  for (const StandingGrievance& g : s.grievances) {
    c.Index(g.actor, actors, false, "a standing grievance's actor", "actors");
    c.Index(g.against, actors, false, "a standing grievance's target", "actors");
  }
  if (!c.error().empty()) return Status::Error(fmt::format("{}: {}", s.source_name.empty() ? "scenario" : s.source_name, c.error()));
  return {};
}

}  // namespace brink
