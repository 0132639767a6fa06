// Differences between two forecasts: Newcombe's intervals for proportions, Welch's and the
// paired t interval for means, and the table of every outcome of both arms.
#include "brink/compare.h"

#include <fmt/format.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <map>

#include "report/forecast_document.h"

namespace brink {
namespace {

constexpr double kZ95 = 1.959963984540054;

// Boost computes in double, not promoted to long double: its long double inverse-erf tables are
// built by a static initialiser that overflows under valgrind's emulation of x87 arithmetic
// (the binary aborted before main under callgrind). Double is ample for a 95% quantile.
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// The two-sided 95% quantile of Student's t with `df` degrees of freedom.
double T95(double df) {
  if (!(df > 0)) return std::numeric_limits<double>::infinity();
  if (df > 1e7) return kZ95;
  return boost::math::quantile(
      boost::math::complement(boost::math::students_t_distribution<double, DoublePolicy>(df), 0.025));
}

}  // namespace

Interval NewcombeDifference(int64_t x1, int64_t n1, int64_t x2, int64_t n2, double z) {
  const double p1 = n1 ? static_cast<double>(x1) / static_cast<double>(n1) : 0.0;
  const double p2 = n2 ? static_cast<double>(x2) / static_cast<double>(n2) : 0.0;
  const Interval w1 = WilsonInterval(x1, n1, z), w2 = WilsonInterval(x2, n2, z);
  // Newcombe (1998), method 10: each arm's Wilson interval gives the distance below and above
  // its estimate; the difference's are the root sums of squares of the opposite sides.
  const double below = std::hypot(p1 - w1.low, w2.high - p2);
  const double above = std::hypot(w1.high - p1, p2 - w2.low);
  return {std::max(-1.0, p1 - p2 - below), std::min(1.0, p1 - p2 + above)};
}

Interval NewcombePairedDifference(int64_t both, int64_t only1, int64_t only2, int64_t neither, double z) {
  const int64_t n = both + only1 + only2 + neither;
  if (n <= 0) return {-1.0, 1.0};
  const int64_t x1 = both + only1, x2 = both + only2;
  const double p1 = static_cast<double>(x1) / static_cast<double>(n);
  const double p2 = static_cast<double>(x2) / static_cast<double>(n);
  const Interval w1 = WilsonInterval(x1, n, z), w2 = WilsonInterval(x2, n, z);
  // phi, the correlation of the two outcomes over the runs (0 when a margin is empty), with
  // Newcombe's correction: a positive AD - BC is reduced by N/2 (and floored at 0), a negative
  // one taken as it is.
  const double margins = static_cast<double>(x1) * static_cast<double>(n - x1) *
                         static_cast<double>(x2) * static_cast<double>(n - x2);
  double cross = static_cast<double>(both) * static_cast<double>(neither) -
                 static_cast<double>(only1) * static_cast<double>(only2);
  if (cross > 0) cross = std::max(0.0, cross - static_cast<double>(n) / 2);
  const double phi = margins > 0 ? cross / std::sqrt(margins) : 0.0;
  // Newcombe (1998b), method 10: as the unpaired hybrid, less twice phi times the cross
  // product of the sides joined (a positive correlation narrows the interval).
  const double l1 = p1 - w1.low, u1 = w1.high - p1, l2 = p2 - w2.low, u2 = w2.high - p2;
  const double below = std::sqrt(std::max(0.0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
  const double above = std::sqrt(std::max(0.0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
  return {std::max(-1.0, p1 - p2 - below), std::min(1.0, p1 - p2 + above)};
}

Interval WelchDifference(double mean1, double sd1, int64_t n1, double mean2, double sd2, int64_t n2) {
  const double d = mean1 - mean2;
  if (n1 < 2 || n2 < 2) return {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  const double v1 = sd1 * sd1 / static_cast<double>(n1), v2 = sd2 * sd2 / static_cast<double>(n2);
  if (v1 + v2 <= 0) return {d, d};
  // Welch-Satterthwaite degrees of freedom.
  const double df = (v1 + v2) * (v1 + v2) /
                    (v1 * v1 / static_cast<double>(n1 - 1) + v2 * v2 / static_cast<double>(n2 - 1));
  const double half = T95(df) * std::sqrt(v1 + v2);
  return {d - half, d + half};
}

Interval PairedMeanInterval(double mean, double sd, int64_t n) {
  if (n < 2) return {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  const double half = T95(static_cast<double>(n - 1)) * sd / std::sqrt(static_cast<double>(n));
  return {mean - half, mean + half};
}

namespace {

// A conditional number that did not happen in a run is NaN (a conditional number may be
// negative: the escalation score of the runs without war).
bool Missing(double value) { return std::isnan(value); }

}  // namespace

PairedRuns::PairedRuns(const Forecast& shape) {
  for (const BinaryOutcome& b : shape.binary) binary_.push_back({b.id});
  for (const NumberOutcome& n : shape.numbers) {
    numbers_.push_back({n.id});
    conditional_.push_back(n.conditional);
  }
}

void PairedRuns::Add(const RunOutcome& a, const RunOutcome& b) {
  for (std::size_t k = 0; k < binary_.size(); ++k) {
    Binary& t = binary_[k];
    const bool x = a.binary[k] != 0, y = b.binary[k] != 0;
    (x && y ? t.both : x ? t.only_a : y ? t.only_b : t.neither) += 1;
  }
  for (std::size_t k = 0; k < numbers_.size(); ++k) {
    // A conditional number pairs only runs where it happened in both arms.
    if (conditional_[k] && (Missing(a.numbers[k]) || Missing(b.numbers[k]))) continue;
    Number& t = numbers_[k];
    const double d = b.numbers[k] - a.numbers[k];
    ++t.n;
    const double delta = d - t.mean;
    t.mean += delta / static_cast<double>(t.n);
    t.m2 += delta * (d - t.mean);
  }
}

double PairedRuns::Number::sd() const { return n > 1 ? std::sqrt(m2 / static_cast<double>(n - 1)) : 0.0; }

namespace {

bool Excludes(const Interval& ci) { return ci.low > 0 || ci.high < 0; }

// The mean's 95% t interval of one arm.
Interval MeanInterval(double mean, double sd, int64_t n) { return PairedMeanInterval(mean, sd, n); }

}  // namespace

Result<Comparison> CompareForecasts(std::string_view a_json, std::string_view a_source,
                                    std::string_view b_json, std::string_view b_source,
                                    const PairedRuns* paired) {
  using nlohmann::json;
  Result<json> a = ReadForecastDocument(a_json, a_source, false);
  if (!a.ok()) return Status::Error(a.message());
  Result<json> b = ReadForecastDocument(b_json, b_source, false);
  if (!b.ok()) return Status::Error(b.message());
  // Outcomes are matched by id, so forecasts of two scenarios (or two horizons) would differ
  // everywhere for reasons that are not the question asked: refused.
  const json& pa = a.value()["provenance"];
  const json& pb = b.value()["provenance"];
  if (pa["scenario"] != pb["scenario"]) {
    return Status::Error(fmt::format("{} is a forecast of scenario '{}' and {} of '{}'; compare forecasts of "
                                     "the same scenario", a_source, pa["scenario"].get<std::string>(), b_source,
                                     pb["scenario"].get<std::string>()));
  }
  if (pa.value("days", json()) != pb.value("days", json())) {
    return Status::Error(fmt::format("{} runs {} days and {} runs {}; compare forecasts over the same horizon",
                                     a_source, pa.value("days", json()).dump(), b_source,
                                     pb.value("days", json()).dump()));
  }
  Comparison c;
  c.a_json = a_json;
  c.b_json = b_json;
  // Outcomes in A's order, then those only B has; matched by id.
  auto rows_of = [&](const char* kind, bool binary) {
    std::map<std::string, const json*> in_b;
    for (const json& item : b.value()[kind]) in_b[item["id"].get<std::string>()] = &item;
    std::map<std::string, bool> seen;
    auto fill = [&](ComparisonRow& row, const json& item, bool is_a) {
      double& value = is_a ? row.a : row.b;
      Interval& ci = is_a ? row.a_ci : row.b_ci;
      int64_t& runs = is_a ? row.a_runs : row.b_runs;
      runs = item["runs"].get<int64_t>();
      if (binary) {
        const int64_t hits = item["hits"].get<int64_t>();
        value = runs ? static_cast<double>(hits) / static_cast<double>(runs) : 0.0;
        ci = WilsonInterval(hits, runs);
      } else if (runs > 0) {
        value = item["mean"].get<double>();
        ci = MeanInterval(value, item["sd"].get<double>(), runs);
      }
    };
    for (const json& item : a.value()[kind]) {
      ComparisonRow row;
      row.id = item["id"].get<std::string>();
      row.label = item["label"].get<std::string>();
      row.binary = binary;
      if (seen[row.id]) continue;  // a duplicated id: the first one counts
      seen[row.id] = true;
      fill(row, item, true);
      auto other = in_b.find(row.id);
      row.in_b = other != in_b.end();
      if (row.in_b) fill(row, *other->second, false);
      c.rows.push_back(row);
    }
    for (const json& item : b.value()[kind]) {
      const std::string id = item["id"].get<std::string>();
      if (seen[id]) continue;
      seen[id] = true;
      ComparisonRow row;
      row.id = id;
      row.label = item["label"].get<std::string>();
      row.binary = binary;
      row.in_a = false;
      fill(row, item, false);
      c.rows.push_back(row);
    }
  };
  rows_of("binary", true);
  rows_of("numbers", false);
  std::map<std::string, const PairedRuns::Binary*> paired_binary;
  std::map<std::string, const PairedRuns::Number*> paired_numbers;
  if (paired) {
    for (const auto& t : paired->binary()) paired_binary[t.id] = &t;
    for (const auto& t : paired->numbers()) paired_numbers[t.id] = &t;
  }
  // Per arm the numbers' runs and sd come from the documents.
  std::map<std::string, std::pair<const json*, const json*>> number_items;
  for (const json& item : a.value()["numbers"]) number_items[item["id"].get<std::string>()].first = &item;
  for (const json& item : b.value()["numbers"]) number_items[item["id"].get<std::string>()].second = &item;
  for (ComparisonRow& row : c.rows) {
    if (!row.in_a || !row.in_b) continue;
    row.difference = row.b - row.a;
    if (row.binary) {
      const int64_t xa = std::llround(row.a * static_cast<double>(row.a_runs));
      const int64_t xb = std::llround(row.b * static_cast<double>(row.b_runs));
      // B - A is the negation of A - B, whose interval Newcombe's formula gives.
      const Interval ab = NewcombeDifference(xa, row.a_runs, xb, row.b_runs);
      row.ci = {-ab.high, -ab.low};
      if (auto it = paired_binary.find(row.id); it != paired_binary.end()) {
        const PairedRuns::Binary& t = *it->second;
        const Interval p = NewcombePairedDifference(t.both, t.only_a, t.only_b, t.neither);
        row.paired_ci = Interval{-p.high, -p.low};
      }
    } else {
      if (row.a_runs == 0 || row.b_runs == 0) {
        row.ci = {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
      } else {
        const auto& [ia, ib] = number_items[row.id];
        row.ci = WelchDifference(row.b, (*ib)["sd"].get<double>(), row.b_runs, row.a,
                                 (*ia)["sd"].get<double>(), row.a_runs);
      }
      // Over all runs the mean of the differences is the difference of the means. A
      // conditional number (day of war) pairs only the runs where it happened in both arms:
      // another quantity, so it has no paired interval.
      if (auto it = paired_numbers.find(row.id); it != paired_numbers.end() &&
                                                 it->second->n == row.a_runs && it->second->n == row.b_runs) {
        const PairedRuns::Number& t = *it->second;
        row.paired_ci = PairedMeanInterval(t.mean, t.sd(), t.n);
      }
    }
    row.differs = Excludes(row.paired_ci ? *row.paired_ci : row.ci);
  }
  return c;
}

}  // namespace brink
