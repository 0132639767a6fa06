// Forecast reports: the terminal tables, the JSON with provenance, the CSV files.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "brink/forecast.h"
#include "brink/report.h"
#include "report/csv_text.h"

namespace brink {
namespace {

std::string Percent(double p) { return fmt::format("{:5.1f}%", 100.0 * p); }

}  // namespace

std::string ForecastText(const Scenario& s, const Forecast& f) {
  std::string out = fmt::format("{} — forecast of {} runs over {} days from {}\n\n", s.name,
                                f.runs, f.days, s.start_date);
  // Figures first, then the label: the columns stay in line however long a scenario's names
  // make a label (a corridor's full name, "Killed: X by Y").
  out += fmt::format("  {:>6}  {:<17}  {}\n", "P", "95% interval", "Outcome");
  for (const BinaryOutcome& b : f.binary) {
    Interval ci = b.value.Wilson();
    out += fmt::format("  {}  [{} – {}]  {}\n", Percent(b.value.p()), Percent(ci.low), Percent(ci.high),
                       b.label);
  }
  out += fmt::format("\n  {:>9} {:>9} {:>9} {:>9} {:>9}  {}\n", "mean", "sd", "5%", "50%", "95%",
                     "Number");
  for (const NumberOutcome& n : f.numbers) {
    const NumberStats& x = n.value;
    if (x.n() == 0) {
      out += fmt::format("  {:>9} {:39}  {}\n", "never", "", n.label);
      continue;
    }
    out += fmt::format("  {:>9.1f} {:>9.1f} {:>9.0f} {:>9.0f} {:>9.0f}  {}\n", x.mean(), x.sd(),
                       n.Quantile(0.05), n.Quantile(0.5), n.Quantile(0.95), n.label);
  }
  out += "\n  Cumulative chance of full-scale war by day\n  ";
  const int step = std::max(1, f.days / 9);
  for (int d = step; d <= f.days; d += step) out += fmt::format("{:>8}", d);
  if (f.days % step) out += fmt::format("{:>8}", f.days);
  out += "\n  ";
  auto at = [&](int d) { return static_cast<double>(f.war_by_day[static_cast<std::size_t>(d)]) / f.runs; };
  for (int d = step; d <= f.days; d += step) out += fmt::format("{:>8}", Percent(at(d)));
  if (f.days % step) out += fmt::format("{:>8}", Percent(at(f.days)));
  if (!f.war_causes.empty()) {
    int64_t wars = 0;
    for (const WarCause& c : f.war_causes) wars += c.runs;
    out += fmt::format("\n\n  Why wars started: the last acts of fire between the rivals before it ({} runs with war)\n", wars);
    for (const WarCause& c : f.war_causes) {
      out += fmt::format("  {:>7}  {}\n", Percent(static_cast<double>(c.runs) / static_cast<double>(wars)),
                         c.chain);
    }
    out.pop_back();
  }
  out += "\n\n  Key regions: chance of being held by each bloc at the end\n";
  std::size_t width = 12;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (KeyRegion(s, r)) width = std::max(width, s.regions[r].name.size());
  }
  out += fmt::format("  {:<{}}", "region", width);
  for (const Bloc& b : s.blocs) out += fmt::format(" {:>12.12}", b.id);
  out += fmt::format(" {:>12}\n", "nobody");
  const std::size_t columns = s.blocs.size() + 1;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (!KeyRegion(s, r)) continue;
    out += fmt::format("  {:<{}}", s.regions[r].name, width);
    for (std::size_t c = 0; c < columns; ++c) {
      out += fmt::format(" {:>12}", Percent(static_cast<double>(f.holder_counts[r * columns + c]) / f.runs));
    }
    out += "\n";
  }
  return out;
}

namespace {

// What reproduces a forecast: version, scenario and its hash, seed, runs, days, every option.
nlohmann::json Provenance(const Scenario& s, const Forecast& f, const ForecastOptions& options) {
  nlohmann::json j = {{"brink_version", BRINK_VERSION},
          {"scenario", s.name},
          {"scenario_source", s.source_name},
          {"scenario_hash", s.content_hash},
          {"seed", options.seed},
          {"runs", f.runs},
          {"days", f.days},
          {"set", options.scenario.overrides},
          {"policy", options.scenario.policies},
          {"interval", "Wilson score, 95%"},
          {"quantiles", "exact up to 1,024 distinct values, then DDSketch-style with relative "
                        "accuracy 0.5%; counts, days and troops as whole numbers"}};
  if (options.scenario.search_budget > 0) j["search_budget"] = options.scenario.search_budget;
  if (options.scenario.search_horizon_days > 0) j["search_horizon_days"] = options.scenario.search_horizon_days;
  if (options.scenario.search_course_days >= 0) j["search_course_days"] = options.scenario.search_course_days;
  return j;
}

// What a map of the forecast needs, so that a saved forecast alone can be drawn (brink report):
// blocs, regions with coordinates, edges with their kind, corridors with the ground that
// decides them, declared zones and deconfliction lines.
nlohmann::json MapJson(const Scenario& s) {
  using nlohmann::json;
  json map = {{"start_date", s.start_date}, {"blocs", json::array()}, {"regions", json::array()},
              {"edges", json::array()}, {"corridors", json::array()}, {"zones", json::array()}};
  for (const Bloc& b : s.blocs) map["blocs"].push_back({{"id", b.id}, {"name", b.name}});
  auto id_of = [&](RegionId r) { return s.regions[static_cast<std::size_t>(r)].id; };
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const Region& region = s.regions[r];
    json flags = json::array();
    const std::pair<uint8_t, const char*> names[] = {
        {kBorderCrossing, "border_crossing"}, {kOilField, "oil_field"}, {kCity, "city"},
        {kBase, "base"}, {kRiverCrossingFlag, "river_crossing"}};
    for (const auto& [bit, name] : names) {
      if (region.flags & bit) flags.push_back(name);
    }
    map["regions"].push_back({{"id", region.id}, {"name", region.name},
                              {"country", region.country}, {"lat", region.lat},
                              {"lon", region.lon}, {"key", KeyRegion(s, r)}, {"flags", flags}});
  }
  for (const Edge& e : s.edges) {
    map["edges"].push_back({{"from", id_of(e.from)}, {"to", id_of(e.to)},
                            {"kind", e.kind == EdgeKind::kRiverCrossing ? "river_crossing" : "road"},
                            {"length_km", e.length_km}});
  }
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    const Corridor& corridor = s.corridors[c];
    json item = {{"id", corridor.id}, {"name", corridor.name}, {"from", json::array()},
                 {"to", json::array()}, {"deciding", json::array()}};
    for (RegionId r : corridor.from) item["from"].push_back(id_of(r));
    for (RegionId r : corridor.to) item["to"].push_back(id_of(r));
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      if (c < 64 && (s.tables().corridor_relevance[r] >> c & 1)) item["deciding"].push_back(s.regions[r].id);
    }
    map["corridors"].push_back(item);
  }
  for (const Zone& z : s.zones) {
    const Actor& owner = s.actors[static_cast<std::size_t>(z.owner)];
    json item = {{"id", z.id}, {"name", z.name}, {"owner", owner.id},
                 {"bloc", owner.bloc >= 0 ? s.blocs[static_cast<std::size_t>(owner.bloc)].id : ""},
                 {"regions", json::array()}, {"radius_km", z.radius_km}, {"enabled", z.enabled}};
    for (RegionId r : z.regions) item["regions"].push_back(id_of(r));
    map["zones"].push_back(item);
  }
  map["lines"] = json::array();
  auto bloc_id = [&](BlocId b) { return b >= 0 ? s.blocs[static_cast<std::size_t>(b)].id : std::string(); };
  for (const DeconflictionLine& line : s.lines) {
    json item = {{"id", line.id}, {"name", line.name}, {"a", bloc_id(line.a)}, {"b", bloc_id(line.b)},
                 {"a_regions", json::array()}, {"b_regions", json::array()}, {"agreed_day", line.agreed_day},
                 {"guarantor", line.guarantor >= 0 ? s.actors[static_cast<std::size_t>(line.guarantor)].id : ""},
                 {"enabled", line.enabled}};
    for (RegionId r : line.a_regions) item["a_regions"].push_back(id_of(r));
    for (RegionId r : line.b_regions) item["b_regions"].push_back(id_of(r));
    map["lines"].push_back(item);
  }
  map["features"] = json::array();
  for (const Feature& feature : s.features) {
    json item = {{"id", feature.id}, {"name", feature.name}, {"kind", feature.kind == FeatureKind::kRiver ? "river" : "border"},
                 {"source", feature.source}, {"points", json::array()}};
    for (auto [lat, lon] : feature.points) item["points"].push_back({lat, lon});
    map["features"].push_back(item);
  }
  return map;
}

}  // namespace

std::string ForecastJson(const Scenario& s, const Forecast& f, const ForecastOptions& options) {
  using nlohmann::json;
  json j;
  j["provenance"] = Provenance(s, f, options);
  for (const BinaryOutcome& b : f.binary) {
    Interval ci = b.value.Wilson();
    j["binary"].push_back({{"id", b.id}, {"label", b.label}, {"hits", b.value.hits},
                           {"runs", b.value.n}, {"p", b.value.p()}, {"ci95", {ci.low, ci.high}}});
  }
  for (const NumberOutcome& n : f.numbers) {
    const NumberStats& x = n.value;
    json item = {{"id", n.id}, {"label", n.label}, {"runs", x.n()}, {"conditional", n.conditional}};
    if (x.n() > 0) {
      item["mean"] = x.mean();
      item["sd"] = x.sd();
      item["q05"] = n.Quantile(0.05);
      item["q25"] = n.Quantile(0.25);
      item["q50"] = n.Quantile(0.5);
      item["q75"] = n.Quantile(0.75);
      item["q95"] = n.Quantile(0.95);
    }
    j["numbers"].push_back(item);
  }
  for (std::size_t d = 0; d < f.war_by_day.size(); ++d) {
    j["war_by_day"].push_back(static_cast<double>(f.war_by_day[d]) / f.runs);
  }
  j["war_causes"] = json::array();
  for (const WarCause& c : f.war_causes) j["war_causes"].push_back({{"chain", c.chain}, {"runs", c.runs}});
  const std::size_t columns = s.blocs.size() + 1;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    json region = {{"id", s.regions[r].id}, {"name", s.regions[r].name},
                   {"lat", s.regions[r].lat}, {"lon", s.regions[r].lon}};
    for (std::size_t c = 0; c < columns; ++c) {
      int64_t hits = f.holder_counts[r * columns + c];
      Interval ci = WilsonInterval(hits, f.runs);
      region["held_by"][c < s.blocs.size() ? s.blocs[c].id : "nobody"] = {
          {"p", static_cast<double>(hits) / f.runs}, {"ci95", {ci.low, ci.high}}};
    }
    j["regions"].push_back(region);
  }
  j["map"] = MapJson(s);
  // The scenario's path and names need not be valid UTF-8: see EventJsonLine.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Status WriteForecastCsv(const Scenario& s, const Forecast& f, const ForecastOptions& options,
                        const std::string& dir) {
  std::string binary = "id,label,hits,runs,p,ci95_low,ci95_high\n";
  for (const BinaryOutcome& b : f.binary) {
    Interval ci = b.value.Wilson();
    binary += fmt::format("{},{},{},{},{:.6f},{:.6f},{:.6f}\n", b.id, CsvText(b.label), b.value.hits,
                          b.value.n, b.value.p(), ci.low, ci.high);
  }
  std::string numbers = "id,label,runs,mean,sd,q05,q50,q95\n";
  for (const NumberOutcome& n : f.numbers) {
    const NumberStats& x = n.value;
    if (x.n() == 0) {  // a conditional outcome that never happened: no value, not zero
      numbers += fmt::format("{},{},0,,,,,\n", n.id, CsvText(n.label));
      continue;
    }
    numbers += fmt::format("{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}\n", n.id, CsvText(n.label),
                           x.n(), x.mean(), x.sd(), n.Quantile(0.05), n.Quantile(0.5),
                           n.Quantile(0.95));
  }
  std::string war = "day,p_war_by_day\n";
  for (std::size_t d = 0; d < f.war_by_day.size(); ++d) {
    war += fmt::format("{},{:.6f}\n", d, static_cast<double>(f.war_by_day[d]) / f.runs);
  }
  std::string regions = "region,name,lat,lon,holder_bloc,p,ci95_low,ci95_high\n";
  const std::size_t columns = s.blocs.size() + 1;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      int64_t hits = f.holder_counts[r * columns + c];
      Interval ci = WilsonInterval(hits, f.runs);
      regions += fmt::format("{},{},{},{},{},{:.6f},{:.6f},{:.6f}\n", s.regions[r].id,
                             CsvText(s.regions[r].name), s.regions[r].lat, s.regions[r].lon,
                             c < s.blocs.size() ? s.blocs[c].id : "nobody",
                             static_cast<double>(hits) / f.runs, ci.low, ci.high);
    }
  }
  std::string provenance = "key,value\n";  // lists as JSON arrays
  const nlohmann::json about = Provenance(s, f, options);
  for (const auto& [key, value] : about.items()) {
    const std::string text = value.is_string()
                                 ? value.get<std::string>()
                                 : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    provenance += fmt::format("{},{}\n", key, CsvText(text));
  }
  return WriteFileSet(dir, {{"binary.csv", binary}, {"numbers.csv", numbers},
                           {"war_by_day.csv", war}, {"regions.csv", regions},
                           {"provenance.csv", provenance}});
}

std::vector<std::string> ForecastCsvNames() {
  return {"binary.csv", "numbers.csv", "war_by_day.csv", "regions.csv", "provenance.csv"};
}

}  // namespace brink
