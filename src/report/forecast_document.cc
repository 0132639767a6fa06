// Reading a saved forecast back: the shape every page writer relies on, checked field by field.
#include "report/forecast_document.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "brink/scenario.h"

namespace brink {
namespace {

using nlohmann::json;

// Checks one document; the first problem found is kept with the JSON pointer to it.
class Checker {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  const json* Field(const json& object, const std::string& at, const char* key, json::value_t type) {
    if (!ok()) return nullptr;
    auto it = object.find(key);
    const std::string where = at + "/" + key;
    if (it == object.end()) return Fail(where, "is missing");
    const bool fits = type == json::value_t::number_float ? it->is_number()
                      : type == json::value_t::number_unsigned ? it->is_number_integer() && *it >= 0
                                                               : it->type() == type;
    if (!fits) return Fail(where, fmt::format("should be {}", Name(type)));
    // Counts are run counts: far below 2^53, so they convert to int64_t and double exactly.
    if (type == json::value_t::number_unsigned && it->get<uint64_t>() > (uint64_t{1} << 53)) {
      return Fail(where, "is too large");
    }
    if (type == json::value_t::number_float && !std::isfinite(it->get<double>())) {
      return Fail(where, "should be a finite number");
    }
    return &*it;
  }
  const json* Array(const json& object, const std::string& at, const char* key) {
    return Field(object, at, key, json::value_t::array);
  }
  // An array no longer than `most` (what a scenario may hold), so no document makes the pages
  // that draw it take quadratic time or unbounded memory.
  bool AtMost(const json& array, const std::string& at, std::size_t most) {
    if (ok() && array.size() > most) Fail(at, fmt::format("has more than {} entries", most));
    return ok();
  }
  // Every element of an array is an object.
  bool Objects(const json& array, const std::string& at) {
    for (std::size_t i = 0; i < array.size() && ok(); ++i) {
      if (!array[i].is_object()) Fail(fmt::format("{}/{}", at, i), "should be an object");
    }
    return ok();
  }
  // Every element of an array is a string (region ids).
  bool Strings(const json& array, const std::string& at) {
    for (std::size_t i = 0; i < array.size() && ok(); ++i) {
      if (!array[i].is_string()) Fail(fmt::format("{}/{}", at, i), "should be a string");
    }
    return ok();
  }
  const json* Fail(const std::string& where, const std::string& what) {
    if (error_.empty()) error_ = fmt::format("{} {}", where.empty() ? "the document" : where, what);
    return nullptr;
  }

 private:
  static const char* Name(json::value_t type) {
    switch (type) {
      case json::value_t::object: return "an object";
      case json::value_t::array: return "an array";
      case json::value_t::string: return "a string";
      case json::value_t::boolean: return "true or false";
      case json::value_t::number_unsigned: return "a whole number >= 0";
      default: return "a number";
    }
  }
  std::string error_;
};

// Outcomes per kind: a scenario's are a few per actor, bloc and corridor, far below this.
constexpr std::size_t kMaxOutcomes = 100'000;
constexpr auto kString = json::value_t::string;
constexpr auto kCount = json::value_t::number_unsigned;
constexpr auto kNumber = json::value_t::number_float;

void CheckOutcomes(Checker& c, const json& doc) {
  if (const json* binary = c.Array(doc, "", "binary"); binary && c.AtMost(*binary, "/binary", kMaxOutcomes) &&
                                                         c.Objects(*binary, "/binary")) {
    for (std::size_t i = 0; i < binary->size(); ++i) {
      const json& b = (*binary)[i];
      const std::string at = fmt::format("/binary/{}", i);
      c.Field(b, at, "id", kString);
      c.Field(b, at, "label", kString);
      const json* hits = c.Field(b, at, "hits", kCount);
      const json* runs = c.Field(b, at, "runs", kCount);
      if (hits && runs && *hits > *runs) c.Fail(at + "/hits", "should be at most runs");
    }
  }
  if (const json* numbers = c.Array(doc, "", "numbers"); numbers && c.AtMost(*numbers, "/numbers", kMaxOutcomes) &&
                                                          c.Objects(*numbers, "/numbers")) {
    for (std::size_t i = 0; i < numbers->size(); ++i) {
      const json& n = (*numbers)[i];
      const std::string at = fmt::format("/numbers/{}", i);
      c.Field(n, at, "id", kString);
      c.Field(n, at, "label", kString);
      const json* runs = c.Field(n, at, "runs", kCount);
      if (runs && *runs > 0) {
        for (const char* key : {"mean", "sd", "q05", "q50", "q95"}) c.Field(n, at, key, kNumber);
      }
    }
  }
  // Why wars started (optional: forecasts before it had none): a chain and its runs each.
  if (doc.contains("war_causes")) {
    if (const json* causes = c.Array(doc, "", "war_causes"); causes && c.AtMost(*causes, "/war_causes", Limits::kMaxEntries * 16) &&
                                                              c.Objects(*causes, "/war_causes")) {
      for (std::size_t i = 0; i < causes->size(); ++i) {
        const std::string at = fmt::format("/war_causes/{}", i);
        c.Field((*causes)[i], at, "chain", kString);
        c.Field((*causes)[i], at, "runs", kCount);
      }
    }
  }
  if (const json* war = c.Array(doc, "", "war_by_day"); war && c.AtMost(*war, "/war_by_day", Limits::kMaxDays + 1)) {
    for (std::size_t d = 0; d < war->size() && c.ok(); ++d) {
      const json& p = (*war)[d];
      if (!p.is_number() || p < 0 || p > 1) c.Fail(fmt::format("/war_by_day/{}", d), "should be a probability");
    }
  }
  if (const json* regions = c.Array(doc, "", "regions"); regions && c.AtMost(*regions, "/regions", Limits::kMaxRegions) &&
                                                          c.Objects(*regions, "/regions")) {
    for (std::size_t i = 0; i < regions->size(); ++i) {
      const std::string at = fmt::format("/regions/{}", i);
      c.Field((*regions)[i], at, "id", kString);
      const json* held = c.Field((*regions)[i], at, "held_by", json::value_t::object);
      if (held && held->size() > Limits::kMaxBlocs + 1) {
        c.Fail(at + "/held_by", fmt::format("has more than {} blocs", Limits::kMaxBlocs + 1));
      }
      for (auto it = held ? held->begin() : json::const_iterator(); held && it != held->end() && c.ok(); ++it) {
        const std::string cell = at + "/held_by/" + it.key();
        if (!it->is_object()) {
          c.Fail(cell, "should be an object");
          break;
        }
        c.Field(*it, cell, "p", kNumber);
        if (const json* ci = c.Array(*it, cell, "ci95"); ci && (ci->size() != 2 || !(*ci)[0].is_number() || !(*ci)[1].is_number())) {
          c.Fail(cell + "/ci95", "should be two numbers");
        }
      }
    }
  }
}

void CheckMap(Checker& c, const json& doc) {
  const json* map = c.Field(doc, "", "map", json::value_t::object);
  if (!map) return;
  const std::string at = "/map";
  if (const json* blocs = c.Array(*map, at, "blocs"); blocs && c.AtMost(*blocs, at + "/blocs", Limits::kMaxBlocs) &&
                                                       c.Objects(*blocs, at + "/blocs")) {
    for (std::size_t i = 0; i < blocs->size(); ++i) {
      c.Field((*blocs)[i], fmt::format("{}/blocs/{}", at, i), "id", kString);
      c.Field((*blocs)[i], fmt::format("{}/blocs/{}", at, i), "name", kString);
    }
  }
  if (const json* regions = c.Array(*map, at, "regions");
      regions && c.AtMost(*regions, at + "/regions", Limits::kMaxRegions) && c.Objects(*regions, at + "/regions")) {
    for (std::size_t i = 0; i < regions->size(); ++i) {
      const std::string where = fmt::format("{}/regions/{}", at, i);
      for (const char* key : {"id", "name"}) c.Field((*regions)[i], where, key, kString);
      for (const char* key : {"lat", "lon"}) c.Field((*regions)[i], where, key, kNumber);
    }
  }
  if (const json* edges = c.Array(*map, at, "edges");
      edges && c.AtMost(*edges, at + "/edges", Limits::kMaxEdges) && c.Objects(*edges, at + "/edges")) {
    for (std::size_t i = 0; i < edges->size(); ++i) {
      for (const char* key : {"from", "to", "kind"}) c.Field((*edges)[i], fmt::format("{}/edges/{}", at, i), key, kString);
    }
  }
  if (const json* corridors = c.Array(*map, at, "corridors");
      corridors && c.AtMost(*corridors, at + "/corridors", Limits::kMaxCorridors) &&
      c.Objects(*corridors, at + "/corridors")) {
    for (std::size_t i = 0; i < corridors->size(); ++i) {
      const std::string where = fmt::format("{}/corridors/{}", at, i);
      c.Field((*corridors)[i], where, "name", kString);
      for (const char* key : {"from", "to", "deciding"}) {
        if (const json* list = c.Array((*corridors)[i], where, key);
            list && c.AtMost(*list, where + "/" + key, Limits::kMaxRegions)) {
          c.Strings(*list, where + "/" + key);
        }
      }
    }
  }
  if (const json* zones = c.Array(*map, at, "zones");
      zones && c.AtMost(*zones, at + "/zones", Limits::kMaxEntries) && c.Objects(*zones, at + "/zones")) {
    for (std::size_t i = 0; i < zones->size(); ++i) {
      const std::string where = fmt::format("{}/zones/{}", at, i);
      c.Field((*zones)[i], where, "name", kString);
      c.Field((*zones)[i], where, "bloc", kString);
      c.Field((*zones)[i], where, "radius_km", kNumber);
      c.Field((*zones)[i], where, "enabled", json::value_t::boolean);
      if (const json* list = c.Array((*zones)[i], where, "regions");
          list && c.AtMost(*list, where + "/regions", Limits::kMaxRegions)) {
        c.Strings(*list, where + "/regions");
      }
    }
  }
  // Deconfliction lines (optional): each a name and the regions of its two sides.
  if (map->contains("lines")) {
    if (const json* lines = c.Array(*map, at, "lines");
        lines && c.AtMost(*lines, at + "/lines", Limits::kMaxEntries) && c.Objects(*lines, at + "/lines")) {
      for (std::size_t i = 0; i < lines->size(); ++i) {
        const std::string where = fmt::format("{}/lines/{}", at, i);
        c.Field((*lines)[i], where, "name", kString);
        for (const char* key : {"a_regions", "b_regions"}) {
          if (const json* list = c.Array((*lines)[i], where, key);
              list && c.AtMost(*list, where + "/" + key, Limits::kMaxRegions)) {
            c.Strings(*list, where + "/" + key);
          }
        }
      }
    }
  }
}

}  // namespace

Result<nlohmann::json> ReadForecastDocument(std::string_view text, std::string_view source,
                                            bool need_map) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Status::Error(fmt::format("{}: not valid JSON; expected a forecast written by "
                                     "'brink forecast --json'", source));
  }
  if (!doc.is_object()) {
    return Status::Error(fmt::format("{}: expected a JSON object (a forecast written by "
                                     "'brink forecast --json')", source));
  }
  Checker c;
  if (const json* provenance = c.Field(doc, "", "provenance", json::value_t::object)) {
    c.Field(*provenance, "/provenance", "scenario", kString);
    c.Field(*provenance, "/provenance", "runs", kCount);
  }
  CheckOutcomes(c, doc);
  if (need_map && c.ok() && !doc.contains("map")) {
    return Status::Error(fmt::format("{}: has no \"map\" object (regions with coordinates, edges, "
                                     "corridors, zones); write the forecast again with this "
                                     "version of 'brink forecast --json'", source));
  }
  if (need_map) CheckMap(c, doc);
  if (!c.ok()) {
    return Status::Error(fmt::format("{}: not a forecast as 'brink forecast --json' writes it: {}",
                                     source, c.error()));
  }
  return doc;
}

}  // namespace brink
