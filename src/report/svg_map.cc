// The forecast's map as inline SVG: regions at their coordinates on an equirectangular
// projection (longitude scaled by the cosine of the mean latitude, so distances look right at
// the map's latitude), the scenario's rivers and borders, edges by kind, corridors, declared zones and lines, and each region
// coloured by its most likely holder at the end.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "report/html.h"

namespace brink::html {
namespace {

using nlohmann::json;

constexpr double kWidth = 1000, kHeight = 640, kMargin = 48;
constexpr double kKmPerDegree = 111.32;  // of latitude
// Corridor highlights, distinct from the blocs' colours.
constexpr std::array<const char*, 4> kCorridorColours = {"#f2c230", "#8fd14f", "#ff8c69", "#b39ddb"};
constexpr std::size_t kTooltipNameChars = 40;  // a bloc name in a region's tooltip

struct Projection {
  double lon0 = 0, lat_top = 0, x_scale = 1, scale = 1, x_off = 0, y_off = 0;
  double X(double lon) const { return x_off + (lon - lon0) * x_scale * scale; }
  double Y(double lat) const { return y_off + (lat_top - lat) * scale; }
};

Projection Fit(const json& regions) {
  double lat_min = 90, lat_max = -90, lon_min = 180, lon_max = -180;
  for (const json& r : regions) {
    const double lat = std::clamp(r["lat"].get<double>(), -89.0, 89.0);
    const double lon = std::clamp(r["lon"].get<double>(), -180.0, 180.0);
    lat_min = std::min(lat_min, lat), lat_max = std::max(lat_max, lat);
    lon_min = std::min(lon_min, lon), lon_max = std::max(lon_max, lon);
  }
  Projection p;
  if (regions.empty()) return p;
  p.x_scale = std::cos((lat_min + lat_max) / 2 * std::numbers::pi / 180);
  const double w = std::max((lon_max - lon_min) * p.x_scale, 1e-3);
  const double h = std::max(lat_max - lat_min, 1e-3);
  p.scale = std::min((kWidth - 2 * kMargin) / w, (kHeight - 2 * kMargin) / h);
  p.lon0 = lon_min;
  p.lat_top = lat_max;
  p.x_off = (kWidth - w * p.scale) / 2;
  p.y_off = (kHeight - h * p.scale) / 2;
  return p;
}

struct Point {
  double x = 0, y = 0;
};

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

struct Box {
  double x0, y0, x1, y1;
  double Overlap(const Box& o) const {
    const double w = std::min(x1, o.x1) - std::max(x0, o.x0), h = std::min(y1, o.y1) - std::max(y0, o.y0);
    return w > 0 && h > 0 ? w * h : 0;
  }
};

// Places region names where they cover the fewest names already placed and the fewest
// regions: right of the circle, else left, above, below or diagonally (greedy, in the
// regions' order, so the same map always gets the same labels).
class LabelPlacer {
 public:
  void AddObstacle(const Point& p, double r) { taken_.push_back({p.x - r, p.y - r, p.x + r, p.y + r}); }
  // Returns the SVG text element of `name` (escaped) for a circle of radius `r` at `p`.
  std::string Place(const Point& p, double r, const std::string& name, std::size_t chars) {
    constexpr double kCharWidth = 6.1, kHeight = 12;
    const double w = kCharWidth * static_cast<double>(chars);
    struct Spot {
      double dx, dy;
      const char* anchor;
    };
    const Spot spots[] = {{r + 3, 4, "start"},  {-r - 3, 4, "end"},      {0, -r - 4, "middle"},
                          {0, r + 12, "middle"}, {r + 2, -r - 2, "start"}, {r + 2, r + 10, "start"},
                          {-r - 2, -r - 2, "end"}, {-r - 2, r + 10, "end"}};
    double best = -1;
    Box best_box{};
    const Spot* chosen = &spots[0];
    for (const Spot& spot : spots) {
      const double x0 = std::string_view(spot.anchor) == "start" ? p.x + spot.dx
                        : std::string_view(spot.anchor) == "end" ? p.x + spot.dx - w
                                                                 : p.x - w / 2;
      const Box box{x0, p.y + spot.dy - kHeight + 2, x0 + w, p.y + spot.dy + 2};
      double cover = 0;
      for (const Box& t : taken_) cover += t.Overlap(box);
      if (best < 0 || cover < best) best = cover, best_box = box, chosen = &spot;
      if (cover == 0) break;
    }
    taken_.push_back(best_box);
    return fmt::format("<text class=\"halo\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#222\" "
                       "text-anchor=\"{}\">{}</text>\n", p.x + chosen->dx, p.y + chosen->dy, chosen->anchor, name);
  }

 private:
  std::vector<Box> taken_;
};

}  // namespace

std::string MapSvg(const json& doc, std::string_view id) {
  const json& map = doc["map"];
  const json& regions = map["regions"];
  const Projection proj = Fit(regions);
  std::map<std::string, Point> at;
  for (const json& r : regions) {
    at[r["id"].get<std::string>()] = {proj.X(std::clamp(r["lon"].get<double>(), -180.0, 180.0)),
                                      proj.Y(std::clamp(r["lat"].get<double>(), -89.0, 89.0))};
  }
  auto find = [&](const json& region_id) -> const Point* {
    auto it = region_id.is_string() ? at.find(region_id.get<std::string>()) : at.end();
    return it == at.end() ? nullptr : &it->second;
  };
  std::map<std::string, std::size_t> bloc_index;
  for (std::size_t b = 0; b < map["blocs"].size(); ++b) bloc_index[map["blocs"][b]["id"].get<std::string>()] = b;
  std::map<std::string, std::string> bloc_name;
  for (const json& b : map["blocs"]) bloc_name[b["id"].get<std::string>()] = b["name"].get<std::string>();

  std::string svg = fmt::format(
      "<svg id=\"{0}\" class=\"map\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
      "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{0}-title\">\n"
      "<title id=\"{0}-title\">Map: each region coloured by its most likely holder at the end</title>\n"
      "<rect width=\"{1}\" height=\"{2}\" fill=\"#f7f5ef\"/>\n",
      Escape(id), kWidth, kHeight);

  // Rivers and borders first, under everything.
  if (map.contains("features")) {
    svg += "<g class=\"features\" fill=\"none\">\n";  // the svg's own frame clips what lies beyond
    for (const json& feature : map["features"]) {
      const bool river = feature["kind"] == "river";
      std::string points;
      for (const json& p : feature["points"]) {
        points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", proj.X(p[1].get<double>()),
                              proj.Y(std::clamp(p[0].get<double>(), -89.0, 89.0)));
      }
      svg += fmt::format("<polyline points=\"{}\" {}><title>{}</title></polyline>\n", points,
                         river ? "stroke=\"#8fbbe3\" stroke-width=\"4\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
                               : "stroke=\"#9c8f80\" stroke-width=\"1.3\" stroke-dasharray=\"8 3 2 3\"",
                         Escape(feature["name"].get<std::string>()));
    }
    svg += "</g>\n";
  }

  // Declared zones next, under the rest: a circle of the zone's radius around each of its
  // regions, in the owner's bloc colour (grey and dotted when switched off).
  svg += "<g class=\"zones\">\n";
  for (const json& z : map["zones"]) {
    const bool enabled = z["enabled"].get<bool>();
    auto b = bloc_index.find(z["bloc"].get<std::string>());
    const std::string colour = enabled && b != bloc_index.end() ? BlocColour(b->second) : std::string(kNobodyColour);
    const double radius = std::max(10.0, z["radius_km"].get<double>() / kKmPerDegree * proj.scale);
    svg += fmt::format("<g><title>{}{}: declared zone, radius {} km</title>\n", Escape(z["name"].get<std::string>()),
                       enabled ? "" : " (switched off)", Amount(z["radius_km"].get<double>()));
    for (const json& r : z["regions"]) {
      if (const Point* p = find(r)) {
        svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.08\" "
                           "stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"{}\"/>\n",
                           p->x, p->y, radius, colour, colour, enabled ? "6 4" : "2 4");
      }
    }
    svg += "</g>\n";
  }
  svg += "</g>\n";

  // Corridors: a broad band along every edge between two regions of the ground that decides
  // the corridor, and rings around its two ends.
  // An edge is banded once, by the first corridor whose ground it joins, so that the page
  // grows with the edges and the corridors' lists, not with their product.
  std::vector<bool> banded(map["edges"].size(), false);
  svg += "<g class=\"corridors\">\n";
  for (std::size_t c = 0; c < map["corridors"].size(); ++c) {
    const json& corridor = map["corridors"][c];
    const char* colour = kCorridorColours[c % kCorridorColours.size()];
    std::map<std::string, bool> deciding;
    for (const json& r : corridor["deciding"]) deciding[r.get<std::string>()] = true;
    for (const json& r : corridor["from"]) deciding[r.get<std::string>()] = true;
    for (const json& r : corridor["to"]) deciding[r.get<std::string>()] = true;
    svg += fmt::format("<g><title>Corridor: {}</title>\n", Escape(corridor["name"].get<std::string>()));
    for (std::size_t k = 0; k < map["edges"].size(); ++k) {
      const json& e = map["edges"][k];
      const Point *a = find(e["from"]), *b = find(e["to"]);
      if (banded[k] || !a || !b || !deciding.count(e["from"].get<std::string>()) ||
          !deciding.count(e["to"].get<std::string>())) {
        continue;
      }
      banded[k] = true;
      svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
                         "stroke-width=\"{}\" stroke-opacity=\"0.55\" stroke-linecap=\"round\"/>\n",
                         a->x, a->y, b->x, b->y, colour, 14 - 4 * static_cast<int>(c % 3));
    }
    for (const char* end : {"from", "to"}) {
      for (const json& r : corridor[end]) {
        if (const Point* p = find(r)) {
          svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"15\" fill=\"none\" stroke=\"{}\" "
                             "stroke-width=\"4\"/>\n", p->x, p->y, colour);
        }
      }
    }
    svg += "</g>\n";
  }
  svg += "</g>\n";

  // Edges: roads solid grey, river crossings dashed blue.
  svg += "<g class=\"edges\">\n";
  for (const json& e : map["edges"]) {
    const Point *a = find(e["from"]), *b = find(e["to"]);
    if (!a || !b) continue;
    const bool river = e["kind"].get<std::string>() == "river_crossing";
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" {}/>\n", a->x, a->y, b->x,
                       b->y,
                       river ? "stroke=\"#1f6fd1\" stroke-width=\"2.2\" stroke-dasharray=\"5 3\""
                             : "stroke=\"#7d7d7d\" stroke-width=\"1.3\"");
  }
  svg += "</g>\n";

  // Deconfliction lines, when the scenario has them: each side's regions closed to the other
  // get a dotted ring, and every edge that joins the two sides a bar across it where the line
  // cuts it (grey when the line is switched off).
  if (map.contains("lines")) {
    // Each edge gets at most one bar, from the first line that cuts it (as for corridors).
    std::vector<bool> barred(map["edges"].size(), false);
    svg += "<g class=\"lines\">\n";
    for (const json& line : map["lines"]) {
      const bool enabled = !line.contains("enabled") || !line["enabled"].is_boolean() || line["enabled"].get<bool>();
      const char* colour = enabled ? "#b00020" : "#9a9a9a";
      std::map<std::string, int> side;  // region id -> 1 (side a) or 2 (side b)
      for (const char* key : {"a_regions", "b_regions"}) {
        for (const json& r : line[key]) side[r.get<std::string>()] |= key[0] == 'a' ? 1 : 2;
      }
      std::string agreed;
      if (line.contains("agreed_day") && line["agreed_day"].is_number_integer()) {
        agreed = fmt::format(", agreed on day {}", line["agreed_day"].get<int64_t>());
      }
      svg += fmt::format("<g><title>Deconfliction line: {}{}{}</title>\n", Escape(line["name"].get<std::string>()),
                         agreed, enabled ? "" : " (switched off)");
      for (const auto& [region, which] : side) {
        if (const Point* p = find(json(region))) {
          svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"12\" fill=\"none\" stroke=\"{}\" "
                             "stroke-width=\"1.6\" stroke-dasharray=\"2 2\"/>\n", p->x, p->y, colour);
        }
      }
      for (std::size_t k = 0; k < map["edges"].size(); ++k) {
        const json& e = map["edges"][k];
        const Point *a = find(e["from"]), *b = find(e["to"]);
        if (barred[k] || !a || !b) continue;
        const int from = side.count(e["from"].get<std::string>()) ? side[e["from"].get<std::string>()] : 0;
        const int to = side.count(e["to"].get<std::string>()) ? side[e["to"].get<std::string>()] : 0;
        if (!((from & 1 && to & 2) || (from & 2 && to & 1))) continue;
        barred[k] = true;
        // A bar 20 px long across the edge at its middle.
        const double dx = b->x - a->x, dy = b->y - a->y, length = std::max(std::hypot(dx, dy), 1e-9);
        const double mx = (a->x + b->x) / 2, my = (a->y + b->y) / 2, nx = -dy / length * 10, ny = dx / length * 10;
        svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
                           "stroke-width=\"4\" stroke-linecap=\"round\"/>\n",
                           mx - nx, my - ny, mx + nx, my + ny, colour);
      }
      svg += "</g>\n";
    }
    svg += "</g>\n";
  }

  // Regions: the most likely holder's colour, stronger the likelier; the tooltip gives every
  // bloc's chance with its interval.
  std::map<std::string, const json*> outcomes;
  for (const json& r : doc["regions"]) outcomes[r["id"].get<std::string>()] = &r;
  svg += "<g class=\"regions\">\n";
  std::string labels;
  LabelPlacer placer;
  for (const json& r : regions) {
    const bool key = r.contains("key") && r["key"].is_boolean() && r["key"].get<bool>();
    placer.AddObstacle(at[r["id"].get<std::string>()], key ? 8 : 5.5);
  }
  for (const json& r : regions) {
    const std::string rid = r["id"].get<std::string>();
    const Point& p = at[rid];
    const bool key = r.contains("key") && r["key"].is_boolean() && r["key"].get<bool>();
    std::string best = "nobody", odds;
    double best_p = -1;
    if (auto it = outcomes.find(rid); it != outcomes.end()) {
      std::vector<std::pair<double, std::string>> held;
      for (const auto& [bloc, cell] : (*it->second)["held_by"].items()) {
        held.emplace_back(cell["p"].get<double>(), bloc);
        if (cell["p"].get<double>() > best_p) best_p = cell["p"].get<double>(), best = bloc;
      }
      std::stable_sort(held.begin(), held.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      for (const auto& [prob, bloc] : held) {
        const json& cell = (*it->second)["held_by"][bloc];
        // Names are cut here (the legend gives them whole, once), so the tooltips of many
        // regions do not repeat long names: the page stays proportional to the forecast.
        const std::string name = Clip(bloc_name.count(bloc) ? bloc_name[bloc] : bloc, kTooltipNameChars);
        odds += fmt::format("\n  {}: {} [{} – {}]", name, Percent(prob), Percent(cell["ci95"][0].get<double>()),
                            Percent(cell["ci95"][1].get<double>()));
      }
    }
    auto b = bloc_index.find(best);
    const std::string colour = b != bloc_index.end() ? BlocColour(b->second) : std::string(kNobodyColour);
    const double strength = best_p < 0 ? 0.3 : 0.15 + 0.85 * best_p;
    const std::string name = r["name"].get<std::string>();
    svg += fmt::format(
        "<g class=\"region\" data-region=\"{}\"><title>{}{}\nHeld at the end (95% interval):{}</title>"
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\" fill-opacity=\"{:.2f}\" stroke=\"{}\" "
        "stroke-width=\"1.5\"/></g>\n",
        Escape(rid), Escape(name), r.contains("country") && r["country"].is_string() && !r["country"].get<std::string>().empty()
                                       ? " (" + Escape(r["country"].get<std::string>()) + ")" : "",
        Escape(odds.empty() ? std::string("\n  not in this forecast") : odds), p.x, p.y, key ? 8 : 5.5,
        colour, strength, colour);
    if (key) {
      const std::string shown = Clip(name, 34);
      labels += placer.Place(p, 8, Escape(shown), CodePoints(shown));
    }
  }
  svg += "</g>\n<g class=\"labels\" pointer-events=\"none\">\n" + labels + "</g>\n";
  // A scale bar of 100 km at the map's latitude.
  const double bar = 100 / kKmPerDegree * proj.scale;
  svg += fmt::format("<g class=\"scale\"><line x1=\"20\" y1=\"{0:.1f}\" x2=\"{1:.1f}\" y2=\"{0:.1f}\" stroke=\"#333\" "
                     "stroke-width=\"2\"/><text x=\"20\" y=\"{2:.1f}\" font-size=\"11\">100 km</text></g>\n",
                     kHeight - 16, 20 + bar, kHeight - 22);
  return svg + "</svg>\n";
}

std::string MapLegend(const json& doc) {
  const json& map = doc["map"];
  std::string out = "<div class=\"legend\">\n";
  for (std::size_t b = 0; b < map["blocs"].size(); ++b) {
    out += fmt::format("<span><span class=\"key\" style=\"background:{}\"></span>{}</span>\n", BlocColour(b),
                       Escape(map["blocs"][b]["name"].get<std::string>()));
  }
  out += fmt::format("<span><span class=\"key\" style=\"background:{}\"></span>nobody</span>\n", kNobodyColour);
  out += "<span><span class=\"line\" style=\"border-top:2px solid #7d7d7d\"></span>road</span>\n";
  out += "<span><span class=\"line\" style=\"border-top:2px dashed #1f6fd1\"></span>river crossing</span>\n";
  bool rivers = false, borders = false;
  if (map.contains("features")) {
    for (const json& feature : map["features"]) (feature["kind"] == "river" ? rivers : borders) = true;
  }
  if (rivers) out += "<span><span class=\"line\" style=\"border-top:4px solid #8fbbe3\"></span>river</span>\n";
  if (borders) out += "<span><span class=\"line\" style=\"border-top:2px dashed #9c8f80\"></span>border</span>\n";
  for (std::size_t c = 0; c < map["corridors"].size(); ++c) {
    out += fmt::format("<span><span class=\"line\" style=\"border-top:8px solid {}\"></span>corridor: {}</span>\n",
                       kCorridorColours[c % kCorridorColours.size()],
                       Escape(map["corridors"][c]["name"].get<std::string>()));
  }
  for (const json& z : map["zones"]) {
    out += fmt::format("<span><span class=\"key\" style=\"border:2px dashed #555;border-radius:50%;background:none\">"
                       "</span>zone: {}{}</span>\n", Escape(z["name"].get<std::string>()),
                       z["enabled"].get<bool>() ? "" : " (switched off)");
  }
  if (map.contains("lines")) {
    for (const json& line : map["lines"]) {
      const bool enabled = !line.contains("enabled") || !line["enabled"].is_boolean() || line["enabled"].get<bool>();
      out += fmt::format("<span><span class=\"key\" style=\"border:2px dotted {};border-radius:50%;background:none\">"
                         "</span>deconfliction line: {}{} (bars: where it cuts a road; dotted rings: ground "
                         "closed to the other side)</span>\n", enabled ? "#b00020" : "#9a9a9a",
                         Escape(line["name"].get<std::string>()), enabled ? "" : " (switched off)");
    }
  }
  return out + "</div>\n";
}

}  // namespace brink::html
