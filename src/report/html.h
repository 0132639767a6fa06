// The pieces of brink's HTML pages: escaping, colours, the page frame and the figures, drawn as
// inline SVG from a forecast document (report/forecast_document.h). Nothing here names a
// scenario's outcome, region or bloc: every figure draws whatever the document holds.
#ifndef BRINK_REPORT_HTML_H_
#define BRINK_REPORT_HTML_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace brink::html {

// Text made safe inside an element or a quoted attribute: & < > " ' escaped.
std::string Escape(std::string_view text);

// The colour of the bloc at `index` in the document's bloc list (a fixed palette, told apart
// in print too), and of "nobody".
std::string BlocColour(std::size_t index);
inline constexpr std::string_view kNobodyColour = "#9a9a9a";

// A whole page: <!DOCTYPE html>, inline style, `title`, and `body`.
std::string Page(std::string_view title, std::string_view body);
// A figure: <figure id=ID class="figure"> with a heading, the drawing and what it means.
std::string Figure(std::string_view id, std::string_view heading, std::string_view drawing,
                   std::string_view meaning);

// The map: every region at its coordinates, coloured by its most likely holder at the end
// (strength by the probability), edges by kind, corridors, declared zones and lines, with
// each region's odds in its tooltip. `id` prefixes the SVG's element ids.
std::string MapSvg(const nlohmann::json& doc, std::string_view id);
// The map's legend (blocs, edge kinds, corridors, zones), as HTML.
std::string MapLegend(const nlohmann::json& doc);

// One curve of the cumulative chance of war by day.
struct WarCurve {
  const nlohmann::json* doc;
  std::string name, colour;
};
// The cumulative chance of war by day with its 95% band, one curve per forecast.
std::string WarCurveSvg(const std::vector<WarCurve>& curves);
// The yes/no outcomes as bars with their 95% intervals.
std::string BinaryBarsSvg(const nlohmann::json& doc);
// Numbers as boxes (quartiles, 5-95% whiskers, mean), those whose id starts with `prefix`
// (all when empty) and with none of `exclude`, each on its own scale or on one.
std::string NumberBoxesSvg(const nlohmann::json& doc, std::string_view prefix,
                           const std::vector<std::string>& exclude, bool one_scale);
// Whether the forecast has a number whose id starts with `prefix`.
bool HasNumbers(const nlohmann::json& doc, std::string_view prefix);
// The figures of one forecast (map, war curve, outcomes, casualties, numbers), each with what
// it means; `id_prefix` keeps element ids unique when a page shows two forecasts.
std::string ForecastFigures(const nlohmann::json& doc, std::string_view id_prefix);
// Why wars started: each chain of fire before a war, its runs and its share of the wars, as a
// table (empty when the forecast has no war or no chains).
std::string WarCausesTable(const nlohmann::json& doc);
// The provenance as a table of keys and values.
std::string ProvenanceTable(const nlohmann::json& doc);

// At most `max_chars` characters (code points) of `text`, with "…" when cut: labels that fit.
std::string Clip(std::string_view text, std::size_t max_chars);

// Numbers formatted for people: 12.3%, 1,234, 0.52.
std::string Percent(double p, int decimals = 1);
std::string Amount(double value);

}  // namespace brink::html

#endif  // BRINK_REPORT_HTML_H_
