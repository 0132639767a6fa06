// The per-run table of an ensemble (--runs-csv): one row per run, written as runs finish.
#include <fmt/format.h>

#include <cmath>

#include "brink/forecast.h"
#include "brink/report.h"

namespace brink {

RunsCsv::RunsCsv(const Scenario& s, const Forecast& shape, uint64_t seed, bool with_arm)
    : seed_(seed), with_arm_(with_arm) {
  for (const BinaryOutcome& b : shape.binary) binary_ids_.push_back(b.id);
  for (const NumberOutcome& n : shape.numbers) {
    number_ids_.push_back(n.id);
    conditional_.push_back(n.conditional);
  }
  for (const Bloc& b : s.blocs) bloc_ids_.push_back(b.id);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    region_ids_.push_back(s.regions[r].id);
    if (KeyRegion(s, r)) key_regions_.push_back(r);
  }
}

std::string RunsCsv::Header() const {
  // Ids are [A-Za-z0-9_.-] (the scenario's identifiers), so no column name needs quoting.
  std::string out = with_arm_ ? "seed,run,arm" : "seed,run";
  for (const std::string& id : binary_ids_) out += "," + id;
  for (const std::string& id : number_ids_) out += "," + id;
  for (std::size_t r : key_regions_) out += ",holder." + region_ids_[r];
  return out + "\n";
}

void RunsCsv::AppendRow(const RunOutcome& run, std::string& out, std::string_view arm) const {
  fmt::format_to(std::back_inserter(out), "{},{}", seed_, run.run);
  if (with_arm_) fmt::format_to(std::back_inserter(out), ",{}", arm);
  for (std::size_t k = 0; k < binary_ids_.size(); ++k) out += run.binary[k] ? ",1" : ",0";
  for (std::size_t k = 0; k < number_ids_.size(); ++k) {
    // A conditional number that did not happen (no war, so no day of war) is NaN: an empty
    // cell, which pandas and R read as missing.
    if (conditional_[k] && std::isnan(run.numbers[k])) {
      out += ",";
    } else {
      fmt::format_to(std::back_inserter(out), ",{}", run.numbers[k]);
    }
  }
  for (std::size_t r : key_regions_) {
    const int8_t h = run.holders[r];
    out += ",";
    out += h >= 0 && static_cast<std::size_t>(h) < bloc_ids_.size() ? bloc_ids_[static_cast<std::size_t>(h)] : "nobody";
  }
  out += "\n";
}

}  // namespace brink
