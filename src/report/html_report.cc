// The self-contained HTML report of one forecast: map, war curve, outcomes, numbers,
// provenance, and what each figure means. Drawn from the forecast's JSON alone, so a saved
// forecast gives the same page as the run that made it.
#include <fmt/format.h>

#include "brink/report.h"
#include "report/forecast_document.h"
#include "report/html.h"

namespace brink {
namespace {

using nlohmann::json;

std::string Headline(const json& doc) {
  const json& p = doc["provenance"];
  std::string days = p.contains("days") && p["days"].is_number_integer() ? p["days"].dump() : "?";
  std::string start = doc.contains("map") && doc["map"].contains("start_date") && doc["map"]["start_date"].is_string()
                          ? " from " + doc["map"]["start_date"].get<std::string>() : "";
  return fmt::format("forecast of {} runs over {} days{}",
                     html::Amount(static_cast<double>(p["runs"].get<int64_t>())), days, start);
}

}  // namespace

namespace html {

// The figures of one forecast, each with what it means (shared with the comparison page).
std::string ForecastFigures(const json& doc, std::string_view id_prefix) {
  std::string body;
  const std::string p(id_prefix);
  body += Figure(p + "fig-map", "Map: who holds the ground at the end",
                 MapSvg(doc, p + "map") + MapLegend(doc),
                 "Each circle is a region at its latitude and longitude (larger circles and names: key "
                 "regions, those flagged as crossings, oil fields, cities or bases, or on the ground that "
                 "decides a corridor). Its colour is the bloc most likely to hold it at the end of the "
                 "runs, and the stronger the colour, the likelier: a pale circle is a toss-up. Hover "
                 "over a region (or read its tooltip) for every bloc's chance with its 95% Wilson "
                 "interval. Grey lines are roads, dashed blue lines river crossings; broad coloured "
                 "bands follow a corridor's deciding ground, rings mark its two ends; dashed circles "
                 "are declared zones at their radius.");
  body += Figure(p + "fig-war", "Cumulative chance of full-scale war by day",
                 WarCurveSvg({{&doc, "war", "#b00020"}}),
                 "The share of runs in which full-scale war has broken out by each day: a cumulative "
                 "count, so the curve never falls (a later ceasefire does not lower it). The band is the 95% Wilson interval of that share on each "
                 "day: the uncertainty from running a finite number of runs, not the model's.");
  if (const std::string causes = WarCausesTable(doc); !causes.empty()) {
    body += Figure(p + "fig-war-causes", "Why wars started", causes,
                   "For the runs that ended in full-scale war: the last acts of fire between the rival "
                   "blocs before it broke out (principal or proxy on each side; a war starts on a spark "
                   "after a direct clash, or when tension crosses the war threshold), grouped, with the "
                   "number of runs and their share of all wars. The chains that drive the headline "
                   "chance of war are at the top.");
  }
  body += Figure(p + "fig-binary", "Yes/no outcomes",
                 BinaryBarsSvg(doc),
                 "Each bar is the share of runs in which the outcome happened, the whisker its 95% "
                 "Wilson score interval (Wilson 1927), also given in brackets.");
  body += Figure(p + "fig-casualties", "Casualties by actor",
                 NumberBoxesSvg(doc, "casualties.", {}, true),
                 "Losses of each actor over a run, on one scale: the box spans the middle half of "
                 "the runs (25% to 75%), the dark line is the median, whiskers reach from 5% to 95%, "
                 "and the orange dot is the mean. The numbers on the right are the median, the 5-95% "
                 "range and the mean.");
  // Losses by cause (killed.VICTIM.by.BLOC), when the forecast counts them, on one scale too.
  if (HasNumbers(doc, "killed.")) {
    body += Figure(p + "fig-killed", "Killed, by actor and by the bloc that killed them",
                   NumberBoxesSvg(doc, "killed.", {}, true),
                   "The dead of each actor over a run, by the bloc whose fire killed them, drawn as "
                   "the casualties above.");
  }
  body += Figure(p + "fig-numbers", "Every number's distribution",
                 NumberBoxesSvg(doc, "", {"casualties.", "killed."}, false),
                 "The other numbers a run yields (counts of events by kind, days, the escalation "
                 "score, ground held), each on its own scale (its ends in small grey figures), drawn "
                 "as above. A number marked 'runs with ...' is counted only in the runs where it "
                 "happened; 'never happened' means no run had it.");
  return body;
}

}  // namespace html

Result<std::string> ForecastReportHtml(std::string_view forecast_json, std::string_view source) {
  Result<json> read = ReadForecastDocument(forecast_json, source, true);
  if (!read.ok()) return Status::Error(read.message());
  const json& doc = read.value();
  const std::string scenario = doc["provenance"]["scenario"].get<std::string>();
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n", html::Escape(scenario),
                                 html::Escape(Headline(doc)));
  body += html::ForecastFigures(doc, "");
  if (doc.contains("uncertain") && doc["uncertain"].contains("binary") && doc["uncertain"]["binary"].is_array()) {
    // forecast --uncertain: each outcome at the central values and over the assumptions' ranges.
    const json& u = doc["uncertain"];
    body += fmt::format(
        "<section id=\"uncertain\">\n<h2>Odds over the assumptions' ranges</h2>\n<p class=\"meaning\">Each run of "
        "a second ensemble drew {} parameters uniformly from their plausible ranges, so these odds include what we "
        "do not know about the world; the first column is the forecast above, at the central values.</p>\n"
        "<table><tr><th>outcome</th><th>central [95%]</th><th>over the ranges [95%]</th></tr>\n",
        u.value("parameters", json::array()).size());
    auto cell = [](const json& b) {
      return fmt::format("{} [{}–{}]", html::Percent(b.value("p", 0.0)), html::Percent(b["ci95"][0].get<double>()),
                         html::Percent(b["ci95"][1].get<double>()));
    };
    for (const json& b : doc["binary"]) {
      for (const json& x : u["binary"]) {
        // A saved document is input: a malformed entry is left out, never trusted.
        const bool well_formed = x.is_object() && x.contains("id") && x["id"].is_string() && x.contains("p") &&
                                 x["p"].is_number() && x.contains("ci95") && x["ci95"].is_array() &&
                                 x["ci95"].size() == 2 && x["ci95"][0].is_number() && x["ci95"][1].is_number();
        if (well_formed && x["id"].get<std::string>() == b.value("id", "")) {
          body += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html::Escape(b.value("label", "")),
                              cell(b), cell(x));
        }
      }
    }
    body += "</table>\n</section>\n";
  }
  body += "<section id=\"provenance\">\n<h2>Provenance</h2>\n"
          "<p class=\"meaning\">What reproduces this forecast: the same version, scenario (its hash "
          "identifies the exact text), seed, runs, days, and every --set and --policy give the same "
          "numbers, byte for byte, whatever the number of threads.</p>\n" +
          html::ProvenanceTable(doc) + "</section>\n";
  return html::Page(scenario + " — forecast", body);
}

}  // namespace brink
