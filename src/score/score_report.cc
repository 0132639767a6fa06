// Score reports: the terminal tables, JSON with provenance, CSV files (written atomically).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "brink/report.h"
#include "brink/score.h"
#include "report/csv_text.h"

namespace brink {
namespace {

std::string When(const Scenario& s, const Observation& o) {
  if (o.binary()) return DateOf(s, o.day);
  return DateOf(s, o.from) + ".." + DateOf(s, o.to);
}

// A number as observed or forecast: days as dates ("never" past the window), others plain.
std::string Value(const Scenario& s, const Observation& o, double v) {
  if (o.is_day()) return v > o.to ? "never" : DateOf(s, static_cast<int>(std::lround(v)));
  if (o.kind == ObservationKind::kCasualties) return fmt::format("{:.0f}", v);
  return fmt::format("{:g}", v);
}

std::string Signed(double v) { return std::isnan(v) ? "n/a" : fmt::format("{:+.3f}", v); }

nlohmann::json Provenance(const Scenario& s, const ObservationSet& set, const ScoreReport& r,
                          const ScoreOptions& options) {
  return {{"brink_version", BRINK_VERSION},
          {"scenario", s.name},
          {"scenario_source", s.source_name},
          {"scenario_hash", s.content_hash},
          {"observations_source", set.source_name},
          {"observations_hash", set.content_hash},
          {"seed", options.seed},
          {"runs", r.runs},
          {"days", r.days},
          {"set", options.scenario.overrides},
          {"log_score_floor", 1.0 / (2.0 * static_cast<double>(r.runs))},
          {"quantiles", "DDSketch-style, relative accuracy 0.01%"},
          {"crps_spread", "from the quantile sketch; error bound per observation in crps_bound"}};
}

}  // namespace

std::string ScoreText(const Scenario& s, const ObservationSet& set, const ScoreReport& r) {
  const ScoreTotals& t = r.totals;
  std::string out = fmt::format("{} — scored against {} ({} observations), {} runs over {} days\n",
                                s.name, set.source_name, set.observations.size(), r.runs, r.days);
  // Figures first, then the label: the columns stay in line and no label is cut short.
  if (t.binary > 0) {
    out +=
        fmt::format("\n  {:>10} {:>9} {:>6} {:>7} {:>6} {:>7} {:>6}  {}\n", "date", "forecast", "seen",
                    "Brier", "log", "persist", "uninf", "Yes/no observation");
    for (std::size_t k = 0; k < set.observations.size(); ++k) {
      const Observation& o = set.observations[k];
      if (!o.binary()) continue;
      const ObservationScore& sc = r.scores[k];
      out += fmt::format("  {:>10} {:>8.1f}% {:>6} {:>7.3f} {:>6.2f} {:>7.0f} {:>6.2f}  {}\n", When(s, o),
                         100 * sc.p, o.outcome ? "yes" : "no", sc.brier, sc.log_score == 0 ? 0.0 : sc.log_score,
                         sc.p_persistence, sc.p_uninformed, o.label);
    }
  }
  if (t.numbers > 0) {
    out += fmt::format("\n  {:>22} {:>10} {:>25} {:>10} {:>8} {:>3} {:>3}  {}\n", "window", "median",
                       "90% interval", "observed", "CRPS", "50", "90", "Number");
    for (std::size_t k = 0; k < set.observations.size(); ++k) {
      const Observation& o = set.observations[k];
      if (o.binary()) continue;
      const ObservationScore& sc = r.scores[k];
      out += fmt::format("  {:>22} {:>10} {:>25} {:>10} {:>8.2f} {:>3} {:>3}  {}\n", When(s, o),
                         Value(s, o, sc.median), Value(s, o, sc.q05) + " – " + Value(s, o, sc.q95),
                         Value(s, o, o.value), sc.crps, sc.in50 ? "in" : "out", sc.in90 ? "in" : "out",
                         o.label);
    }
    out += "  (CRPS of days in days; 'never' counts as the day after the window)\n";
  }
  out += "\n  Totals\n";
  if (t.binary > 0) {
    out += fmt::format("    {} yes/no: mean Brier {:.3f} (persistence {:.3f}, uninformed {:.3f})\n",
                       t.binary, t.brier, t.brier_persistence, t.brier_uninformed);
    out += fmt::format("    Brier skill score: {} against persistence, {} against uninformed\n",
                       Signed(t.bss_persistence), Signed(t.bss_uninformed));
    out += fmt::format(
        "    mean log score {:.3f} (persistence {:.3f}, uninformed {:.3f}; "
        "probabilities floored at 1/(2 runs))\n",
        t.log_score, t.log_persistence, t.log_uninformed);
  }
  if (t.numbers > 0) {
    out += fmt::format(
        "    {} numbers: mean CRPS {:.2f} (persistence {:.2f}, skill {}); inside "
        "50% interval {:.0f}%, inside 90% interval {:.0f}%\n",
        t.numbers, t.crps, t.crps_persistence, Signed(t.crpss_persistence), 100 * t.coverage50,
        100 * t.coverage90);
  }
  if (t.binary > 0) {
    out += "\n  Reliability of the yes/no forecasts\n";
    out += fmt::format("    {:<10} {:>5} {:>14} {:>10}\n", "forecast", "count", "mean forecast",
                       "happened");
    for (std::size_t b = 0; b < t.reliability.size(); ++b) {
      const ReliabilityBin& bin = t.reliability[b];
      if (bin.count == 0) continue;
      out += fmt::format("    {:>3}–{:>3}%   {:>5} {:>13.1f}% {:>9.0f}%\n", 10 * b, 10 * (b + 1),
                         bin.count, 100 * bin.sum_p / bin.count, 100.0 * bin.hits / bin.count);
    }
    // The worst forecasts first: what the model gets most wrong.
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < set.observations.size(); ++k) {
      if (set.observations[k].binary()) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return r.scores[a].brier > r.scores[b].brier;
    });
    out += "\n  Most wrong (highest Brier)\n";
    for (std::size_t i = 0; i < order.size() && i < 5; ++i) {
      const Observation& o = set.observations[order[i]];
      out += fmt::format("    {:<52} forecast {:5.1f}%, {} (Brier {:.3f})\n", o.label,
                         100 * r.scores[order[i]].p, o.outcome ? "happened" : "did not happen",
                         r.scores[order[i]].brier);
    }
  }
  return out;
}

std::string ScoreJson(const Scenario& s, const ObservationSet& set, const ScoreReport& r,
                      const ScoreOptions& options) {
  using nlohmann::json;
  json j;
  j["provenance"] = Provenance(s, set, r, options);
  j["observations"] = json::array();
  for (std::size_t k = 0; k < set.observations.size(); ++k) {
    const Observation& o = set.observations[k];
    const ObservationScore& sc = r.scores[k];
    json item = {{"id", o.id},
                 {"kind", ObservationKindName(o.kind)},
                 {"label", o.label},
                 {"source", o.source},
                 {"note", o.note}};
    if (o.binary()) {
      item.update({{"date", DateOf(s, o.day)},
                   {"observed", o.outcome},
                   {"p", sc.p},
                   {"hits", sc.hits},
                   {"brier", sc.brier},
                   {"log_score", sc.log_score},
                   {"p_persistence", sc.p_persistence},
                   {"p_uninformed", sc.p_uninformed}});
    } else {
      item.update({{"from", DateOf(s, o.from)},
                   {"to", DateOf(s, o.to)},
                   {"observed", o.value},
                   {"mean", sc.mean},
                   {"q05", sc.q05},
                   {"q25", sc.q25},
                   {"q50", sc.median},
                   {"q75", sc.q75},
                   {"q95", sc.q95},
                   {"crps", sc.crps},
                   {"crps_bound", sc.crps_bound},
                   {"crps_persistence", sc.crps_persistence},
                   {"in50", sc.in50},
                   {"in90", sc.in90}});
    }
    j["observations"].push_back(item);
  }
  const ScoreTotals& t = r.totals;
  auto number = [](double v) { return std::isnan(v) ? json(nullptr) : json(v); };
  // A mean over no observation of its kind is null, not 0.
  j["totals"] = {{"binary", t.binary},
                 {"numbers", t.numbers},
                 {"mean_brier", number(t.brier)},
                 {"mean_log_score", number(t.log_score)},
                 {"mean_brier_persistence", number(t.brier_persistence)},
                 {"mean_brier_uninformed", number(t.brier_uninformed)},
                 {"mean_log_score_persistence", number(t.log_persistence)},
                 {"mean_log_score_uninformed", number(t.log_uninformed)},
                 {"brier_skill_persistence", number(t.bss_persistence)},
                 {"brier_skill_uninformed", number(t.bss_uninformed)},
                 {"mean_crps", number(t.crps)},
                 {"mean_crps_persistence", number(t.crps_persistence)},
                 {"crps_skill_persistence", number(t.crpss_persistence)},
                 {"coverage50", number(t.coverage50)},
                 {"coverage90", number(t.coverage90)}};
  for (std::size_t b = 0; b < t.reliability.size(); ++b) {
    const ReliabilityBin& bin = t.reliability[b];
    j["reliability"].push_back(
        {{"bin", {b / 10.0, (b + 1) / 10.0}},
         {"count", bin.count},
         {"mean_p", bin.count ? bin.sum_p / bin.count : 0.0},
         {"observed_frequency", bin.count ? 1.0 * bin.hits / bin.count : 0.0}});
  }
  return j.dump(2) + "\n";
}

Status WriteScoreCsv(const Scenario& s, const ObservationSet& set, const ScoreReport& r,
                     const ScoreOptions& options, const std::string& dir) {
  std::string obs =
      "id,kind,label,date_or_from,to,observed,p,brier,log_score,p_persistence,p_uninformed,"
      "q05,q25,q50,q75,q95,crps,crps_bound,in50,in90,source\n";
  for (std::size_t k = 0; k < set.observations.size(); ++k) {
    const Observation& o = set.observations[k];
    const ObservationScore& sc = r.scores[k];
    if (o.binary()) {
      obs += fmt::format("{},{},{},{},,{},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},,,,,,,,,,{}\n", o.id,
                         ObservationKindName(o.kind), CsvText(o.label), DateOf(s, o.day),
                         int{o.outcome}, sc.p, sc.brier, sc.log_score, sc.p_persistence,
                         sc.p_uninformed, CsvText(o.source));
    } else {
      obs += fmt::format(
          "{},{},{},{},{},{:.6g},,,,,,{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6f},{:.6f},{},{},{}\n",
          o.id, ObservationKindName(o.kind), CsvText(o.label), DateOf(s, o.from), DateOf(s, o.to),
          o.value, sc.q05, sc.q25, sc.median, sc.q75, sc.q95, sc.crps, sc.crps_bound, int{sc.in50},
          int{sc.in90}, CsvText(o.source));
    }
  }
  const ScoreTotals& t = r.totals;
  std::string totals = "measure,value\n";
  for (auto [name, value] : std::initializer_list<std::pair<const char*, double>>{
           {"mean_brier", t.brier},
           {"mean_log_score", t.log_score},
           {"mean_brier_persistence", t.brier_persistence},
           {"mean_brier_uninformed", t.brier_uninformed},
           {"brier_skill_persistence", t.bss_persistence},
           {"brier_skill_uninformed", t.bss_uninformed},
           {"mean_crps", t.crps},
           {"mean_crps_persistence", t.crps_persistence},
           {"crps_skill_persistence", t.crpss_persistence},
           {"coverage50", t.coverage50},
           {"coverage90", t.coverage90}}) {
    // No yes/no (or no number) observation: no mean, an empty cell rather than 0.
    totals += std::isnan(value) ? fmt::format("{},\n", name) : fmt::format("{},{:.6f}\n", name, value);
  }
  // Provenance as rows of the same table, so the file stays plain CSV.
  totals += fmt::format(
      "brink_version,{}\nscenario_hash,{}\nobservations_hash,{}\nseed,{}\nruns,{}\n"
      "days,{}\nset,{}\n",
      BRINK_VERSION, s.content_hash, set.content_hash, options.seed, r.runs, r.days,
      CsvText(fmt::format("{}", fmt::join(options.scenario.overrides, ";"))));
  std::string reliability = "bin_low,bin_high,count,mean_p,observed_frequency\n";
  for (std::size_t b = 0; b < t.reliability.size(); ++b) {
    const ReliabilityBin& bin = t.reliability[b];
    reliability += fmt::format("{:.1f},{:.1f},{},{:.6f},{:.6f}\n", b / 10.0, (b + 1) / 10.0,
                               bin.count, bin.count ? bin.sum_p / bin.count : 0.0,
                               bin.count ? 1.0 * bin.hits / bin.count : 0.0);
  }
  // The three tables belong together: replaced as one set, as forecast --csv's are.
  return WriteFileSet(dir, {{"observations.csv", obs}, {"totals.csv", totals}, {"reliability.csv", reliability}});
}

std::vector<std::string> ScoreCsvNames() { return {"observations.csv", "totals.csv", "reliability.csv"}; }

}  // namespace brink
