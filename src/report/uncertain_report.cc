// forecast --uncertain: the odds over the assumptions' ranges beside those at the central values.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "brink/forecast.h"
#include "report/html.h"

namespace brink {

std::string UncertainOddsText(const Forecast& fixed, const Forecast& uncertain, std::size_t parameters) {
  std::string out = fmt::format(
      "\n  Odds at the central values and over the assumptions' ranges ({} parameters drawn per run)\n", parameters);
  out += fmt::format("  {:<52} {:>24} {:>24}\n", "Outcome", "central [95%]", "uncertain [95%]");
  for (std::size_t k = 0; k < fixed.binary.size() && k < uncertain.binary.size(); ++k) {
    const Proportion& a = fixed.binary[k].value;
    const Proportion& b = uncertain.binary[k].value;
    const Interval ia = a.Wilson(), ib = b.Wilson();
    out += fmt::format("  {:<52.52} {:>6} [{:>6}-{:>6}] {:>6} [{:>6}-{:>6}]\n", fixed.binary[k].label,
                       html::Percent(a.p()), html::Percent(ia.low), html::Percent(ia.high), html::Percent(b.p()),
                       html::Percent(ib.low), html::Percent(ib.high));
  }
  return out;
}

std::string WithUncertainOdds(const std::string& forecast_json, const Forecast& uncertain,
                              const std::vector<std::string>& paths, const std::vector<std::pair<double, double>>& ranges) {
  nlohmann::json j = nlohmann::json::parse(forecast_json);
  nlohmann::json u;
  u["runs"] = uncertain.runs;
  u["parameters"] = nlohmann::json::array();
  for (std::size_t i = 0; i < paths.size(); ++i) {
    u["parameters"].push_back({{"path", paths[i]}, {"low", ranges[i].first}, {"high", ranges[i].second}});
  }
  for (const BinaryOutcome& b : uncertain.binary) {
    const Interval ci = b.value.Wilson();
    u["binary"].push_back({{"id", b.id}, {"hits", b.value.hits}, {"runs", b.value.n}, {"p", b.value.p()},
                           {"ci95", {ci.low, ci.high}}});
  }
  j["uncertain"] = u;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace brink
