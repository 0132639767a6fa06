// Reading a saved forecast back: the shape every page writer relies on, checked field by field.
#include "report/forecast_document.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "brink/scenario.h"

namespace brink {
namespace {

using nlohmann::json;
using DocLimits = ForecastDocumentLimits;

// Checks one document; the first problem found is kept with the JSON pointer to it.
class Checker {
 public:
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // `key` of `object`, of `type`; a string at most `max_bytes` long.
  const json* Field(const json& object, const std::string& at, const char* key, json::value_t type,
                    std::size_t max_bytes = DocLimits::kMaxNameBytes) {
    if (!ok()) return nullptr;
    auto it = object.find(key);
    const std::string where = at + "/" + key;
    if (it == object.end()) return Fail(where, "is missing");
    if (type == json::value_t::number_unsigned) return Count(*it, where);
    if (type == json::value_t::number_float) return Number(*it, where);
    if (it->type() != type) return Fail(where, fmt::format("should be {}", Name(type)));
    if (type == json::value_t::string && it->get_ref<const std::string&>().size() > max_bytes) {
      return Fail(where, fmt::format("is longer than {} bytes", max_bytes));
    }
    return &*it;
  }
  // A count of runs: far below 2^53, so it converts to int64_t and double exactly.
  const json* Count(const json& value, const std::string& where) {
    if (!value.is_number()) return Fail(where, "should be a whole number >= 0");
    if (value.is_number_float()) {
      const double v = value.get<double>();
      if (std::isfinite(v) && std::fabs(v) > 9e15) return Fail(where, "is too large");
      return Fail(where, "should be a whole number >= 0");
    }
    if (value.is_number_integer() && !value.is_number_unsigned() && value.get<int64_t>() < 0) {
      return Fail(where, "should be a whole number >= 0");
    }
    if (value.get<uint64_t>() > (uint64_t{1} << 53)) return Fail(where, "is too large");
    return &value;
  }
  // A number drawn on a page: finite and of a magnitude a scale can hold.
  const json* Number(const json& value, const std::string& where) {
    if (!value.is_number()) return Fail(where, "should be a number");
    const double v = value.get<double>();
    if (!std::isfinite(v) || std::fabs(v) > DocLimits::kMaxMagnitude) {
      return Fail(where, fmt::format("should be a finite number within ±{:g}", DocLimits::kMaxMagnitude));
    }
    return &value;
  }
  // A probability in [0, 1].
  bool Probability(const json& value, const std::string& where) {
    if (ok() && (!value.is_number() || !(value.get<double>() >= 0 && value.get<double>() <= 1))) {
      Fail(where, "should be a probability (a number from 0 to 1)");
    }
    return ok();
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
      else if (array[i].get_ref<const std::string&>().size() > DocLimits::kMaxIdBytes) {
        Fail(fmt::format("{}/{}", at, i), fmt::format("is longer than {} bytes", DocLimits::kMaxIdBytes));
      }
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

constexpr std::size_t kMaxOutcomes = DocLimits::kMaxOutcomes;
constexpr std::size_t kId = DocLimits::kMaxIdBytes;
constexpr std::size_t kLabel = DocLimits::kMaxLabelBytes;
constexpr auto kString = json::value_t::string;
constexpr auto kCount = json::value_t::number_unsigned;
constexpr auto kNumber = json::value_t::number_float;

void CheckOutcomes(Checker& c, const json& doc) {
  if (const json* binary = c.Array(doc, "", "binary"); binary && c.AtMost(*binary, "/binary", kMaxOutcomes) &&
                                                         c.Objects(*binary, "/binary")) {
    for (std::size_t i = 0; i < binary->size(); ++i) {
      const json& b = (*binary)[i];
      const std::string at = fmt::format("/binary/{}", i);
      c.Field(b, at, "id", kString, kId);
      c.Field(b, at, "label", kString, kLabel);
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
      c.Field(n, at, "id", kString, kId);
      c.Field(n, at, "label", kString, kLabel);
      const json* runs = c.Field(n, at, "runs", kCount);
      if (runs && *runs > 0) {
        for (const char* key : {"mean", "sd", "q05", "q50", "q95"}) c.Field(n, at, key, kNumber);
        // Optional quartiles (the boxes), checked when there.
        for (const char* key : {"q25", "q75"}) {
          if (n.contains(key)) c.Field(n, at, key, kNumber);
        }
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
      c.Probability(p, fmt::format("/war_by_day/{}", d));
    }
  }
  if (const json* regions = c.Array(doc, "", "regions"); regions && c.AtMost(*regions, "/regions", Limits::kMaxRegions) &&
                                                          c.Objects(*regions, "/regions")) {
    for (std::size_t i = 0; i < regions->size(); ++i) {
      const std::string at = fmt::format("/regions/{}", i);
      c.Field((*regions)[i], at, "id", kString, kId);
      const json* held = c.Field((*regions)[i], at, "held_by", json::value_t::object);
      if (held && held->size() > Limits::kMaxBlocs + 1) {
        c.Fail(at + "/held_by", fmt::format("has more than {} blocs", Limits::kMaxBlocs + 1));
      }
      for (auto it = held ? held->begin() : json::const_iterator(); held && it != held->end() && c.ok(); ++it) {
        if (it.key().size() > kId) {
          c.Fail(at + "/held_by", fmt::format("has a bloc id longer than {} bytes", kId));
          break;
        }
        const std::string cell = at + "/held_by/" + it.key();
        if (!it->is_object()) {
          c.Fail(cell, "should be an object");
          break;
        }
        if (const json* p = c.Field(*it, cell, "p", kNumber)) c.Probability(*p, cell + "/p");
        if (const json* ci = c.Array(*it, cell, "ci95"); ci && ci->size() != 2) {
          c.Fail(cell + "/ci95", "should be two numbers");
        } else if (ci && c.Probability((*ci)[0], cell + "/ci95/0") && c.Probability((*ci)[1], cell + "/ci95/1") &&
                   (*ci)[0].get<double>() > (*ci)[1].get<double>()) {
          c.Fail(cell + "/ci95", "should be an interval (low, high)");
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
      c.Field((*blocs)[i], fmt::format("{}/blocs/{}", at, i), "id", kString, kId);
      c.Field((*blocs)[i], fmt::format("{}/blocs/{}", at, i), "name", kString);
    }
  }
  if (const json* regions = c.Array(*map, at, "regions");
      regions && c.AtMost(*regions, at + "/regions", Limits::kMaxRegions) && c.Objects(*regions, at + "/regions")) {
    for (std::size_t i = 0; i < regions->size(); ++i) {
      const std::string where = fmt::format("{}/regions/{}", at, i);
      c.Field((*regions)[i], where, "id", kString, kId);
      c.Field((*regions)[i], where, "name", kString);
      if ((*regions)[i].contains("country")) c.Field((*regions)[i], where, "country", kString);
      for (const char* key : {"lat", "lon"}) c.Field((*regions)[i], where, key, kNumber);
    }
  }
  if (const json* edges = c.Array(*map, at, "edges");
      edges && c.AtMost(*edges, at + "/edges", Limits::kMaxEdges) && c.Objects(*edges, at + "/edges")) {
    for (std::size_t i = 0; i < edges->size(); ++i) {
      for (const char* key : {"from", "to", "kind"}) c.Field((*edges)[i], fmt::format("{}/edges/{}", at, i), key, kString, kId);
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
      c.Field((*zones)[i], where, "bloc", kString, kId);
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
  // Rivers and borders (optional): a name, a kind and a polyline of [latitude, longitude].
  if (map->contains("features")) {
    if (const json* features = c.Array(*map, at, "features");
        features && c.AtMost(*features, at + "/features", Limits::kMaxFeatures) && c.Objects(*features, at + "/features")) {
      for (std::size_t i = 0; i < features->size() && c.ok(); ++i) {
        const std::string where = fmt::format("{}/features/{}", at, i);
        c.Field((*features)[i], where, "name", kString);
        if (const json* kind = c.Field((*features)[i], where, "kind", kString);
            kind && *kind != "river" && *kind != "border") {
          c.Fail(where + "/kind", "should be \"river\" or \"border\"");
        }
        const json* points = c.Array((*features)[i], where, "points");
        if (!points || !c.AtMost(*points, where + "/points", Limits::kMaxListLength)) continue;
        for (std::size_t k = 0; k < points->size() && c.ok(); ++k) {
          const json& point = (*points)[k];
          const std::string p = fmt::format("{}/points/{}", where, k);
          if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number() ||
              !(std::fabs(point[0].get<double>()) <= 90) || !(std::fabs(point[1].get<double>()) <= 180)) {
            c.Fail(p, "should be [latitude, longitude] in degrees");
          }
        }
      }
    }
  }
}

// Before any parse: how deep objects and arrays nest, and how many values there are, so that
// neither the parse nor a recursive walk of the document (dump, compare, destroy) can exhaust
// the stack or memory. Returns the problem with its byte offset, or "" if none.
std::string CheckShape(std::string_view text) {
  int depth = 0;
  std::size_t values = 0;
  bool in_string = false, escaped = false, in_scalar = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (ch == '\\') escaped = true;
      else if (ch == '"') in_string = false;
      continue;
    }
    const bool blank = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
    const bool structural = ch == '{' || ch == '[' || ch == '}' || ch == ']' || ch == ',' || ch == ':';
    if (blank || structural) in_scalar = false;
    if (ch == '{' || ch == '[' || ch == '"' || (!blank && !structural && !in_scalar)) {
      if (++values > DocLimits::kMaxValues) {
        return fmt::format("more than {} values (at byte {})", DocLimits::kMaxValues, i);
      }
    }
    if (ch == '"') {
      in_string = true;
    } else if (ch == '{' || ch == '[') {
      if (++depth > DocLimits::kMaxDepth) {
        return fmt::format("nested deeper than {} levels (at byte {})", DocLimits::kMaxDepth, i);
      }
    } else if (ch == '}' || ch == ']') {
      --depth;
    } else if (!blank && !structural) {
      in_scalar = true;
    }
  }
  return "";
}

}  // namespace

Result<nlohmann::json> ReadForecastDocument(std::string_view text, std::string_view source,
                                            bool need_map) {
  if (text.size() > DocLimits::kMaxBytes) {
    return Status::Error(fmt::format("{}: larger than {} bytes, the most a saved forecast may be", source,
                                     DocLimits::kMaxBytes));
  }
  if (std::string shape = CheckShape(text); !shape.empty()) {
    return Status::Error(fmt::format("{}: not a forecast as 'brink forecast --json' writes it: {}", source, shape));
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return Status::Error(fmt::format("{}: not valid JSON at byte {}; expected a forecast written by "
                                     "'brink forecast --json' ({})", source, e.byte, e.what()));
  } catch (const json::exception& e) {
    // A number too large for a double (1e999): nlohmann names the number, not its place, so
    // the place is that of the number's first appearance.
    const std::string what = e.what();
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    std::string at;
    if (open != std::string::npos && close > open + 1) {
      if (std::size_t byte = text.find(what.substr(open + 1, close - open - 1)); byte != std::string_view::npos) {
        at = fmt::format(" at byte {}", byte);
      }
    }
    return Status::Error(fmt::format("{}: not valid JSON{}; expected a forecast written by "
                                     "'brink forecast --json' ({})", source, at, what));
  }
  if (!doc.is_object()) {
    return Status::Error(fmt::format("{}: expected a JSON object (a forecast written by "
                                     "'brink forecast --json')", source));
  }
  Checker c;
  if (const json* provenance = c.Field(doc, "", "provenance", json::value_t::object)) {
    c.Field(*provenance, "/provenance", "scenario", kString);
    c.Field(*provenance, "/provenance", "runs", kCount);
    if (provenance->contains("days")) c.Field(*provenance, "/provenance", "days", kCount);
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
