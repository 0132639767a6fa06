// Comparing two forecasts of one scenario that differ in options ("what if"): each outcome
// side by side with the difference and its 95% interval.
//
// Yes/no outcomes: the difference of proportions B - A with Newcombe's hybrid score interval
// (Newcombe 1998, Statistics in Medicine 17:873-890, method 10), built from the two Wilson
// intervals. Numbers: the difference of means with Welch's t interval. When both arms were run
// now with the same seeds (common random numbers), run i of A and run i of B share their
// random streams, and the paired intervals use that: Newcombe's method 10 for paired
// proportions (Newcombe 1998, Statistics in Medicine 17:2635-2650), and the t interval of the
// mean of the per-run differences.
#ifndef BRINK_COMPARE_H_
#define BRINK_COMPARE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brink/forecast.h"
#include "brink/stats.h"
#include "brink/status.h"

namespace brink {

// p1 - p2 for x1/n1 and x2/n2 (independent samples), Newcombe's method 10.
Interval NewcombeDifference(int64_t x1, int64_t n1, int64_t x2, int64_t n2,
                            double z = 1.959963984540054);
// p1 - p2 for paired yes/no outcomes: `both` yes in both, `only1` yes only in the first,
// `only2` yes only in the second, `neither`. Newcombe's paired method 10 (Wilson intervals
// joined with the phi correlation of the 2x2 table).
Interval NewcombePairedDifference(int64_t both, int64_t only1, int64_t only2, int64_t neither,
                                  double z = 1.959963984540054);
// mean1 - mean2 of two independent samples: Welch's t interval at 95%.
Interval WelchDifference(double mean1, double sd1, int64_t n1, double mean2, double sd2, int64_t n2);
// The mean of n paired differences with standard deviation sd: the t interval at 95%.
Interval PairedMeanInterval(double mean, double sd, int64_t n);

// Per-run outcomes of two arms run with the same seeds, accumulated pair by pair.
class PairedRuns {
 public:
  // `shape` gives the outcomes (EmptyForecast of the scenario; both arms share it).
  explicit PairedRuns(const Forecast& shape);
  void Add(const RunOutcome& a, const RunOutcome& b);

  struct Binary {
    std::string id;
    int64_t both = 0, only_a = 0, only_b = 0, neither = 0;
  };
  struct Number {
    std::string id;
    int64_t n = 0;            // pairs where both arms have a value
    double mean = 0, m2 = 0;  // Welford, of B - A
    double sd() const;
  };
  const std::vector<Binary>& binary() const { return binary_; }
  const std::vector<Number>& numbers() const { return numbers_; }

 private:
  std::vector<Binary> binary_;
  std::vector<Number> numbers_;
  std::vector<uint8_t> conditional_;
};

// One outcome of both arms.
struct ComparisonRow {
  std::string id, label;
  bool binary = true;
  bool in_a = true, in_b = true;         // an outcome only one forecast has is shown alone
  double a = 0, b = 0, difference = 0;   // B - A (proportions, or means)
  Interval a_ci{0, 0}, b_ci{0, 0};       // 95%: Wilson, or the mean's t interval
  Interval ci{0, 0};                     // of the difference, arms independent
  std::optional<Interval> paired_ci;     // of the difference, runs paired (common random numbers)
  int64_t a_runs = 0, b_runs = 0;
  // The interval used for the verdict (the paired one when there is one) excludes zero.
  bool differs = false;
};

struct Comparison {
  std::string a_name = "baseline", b_name = "variant";
  std::string a_json, b_json;  // the two forecasts as brink forecast --json writes them
  std::vector<ComparisonRow> rows;
};

// Compares two forecasts given as their JSON (what brink forecast --json writes); `a_source`
// and `b_source` name them in errors. `paired` adds the paired intervals.
Result<Comparison> CompareForecasts(std::string_view a_json, std::string_view a_source,
                                    std::string_view b_json, std::string_view b_source,
                                    const PairedRuns* paired = nullptr);
// The comparison as a terminal table.
std::string ComparisonText(const Comparison& c);
// The comparison as a self-contained HTML page: both maps, the differences with intervals.
std::string ComparisonHtml(const Comparison& c);

}  // namespace brink

#endif  // BRINK_COMPARE_H_
