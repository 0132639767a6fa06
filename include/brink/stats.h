// Statistics for ensembles: proportions with Wilson intervals, and numbers with mean, standard
// deviation and quantiles from a bounded-memory sketch. All are accumulated as runs finish.
#ifndef BRINK_STATS_H_
#define BRINK_STATS_H_

#include <cstdint>
#include <map>
#include <vector>

namespace brink {

struct Interval {
  double low, high;
};

// The Wilson score interval for `hits` successes in `n` trials at normal quantile z
// (1.959964 for 95%). Better than the normal approximation near 0 and 1 (Wilson 1927).
Interval WilsonInterval(int64_t hits, int64_t n, double z = 1.959963984540054);

struct Proportion {
  int64_t hits = 0, n = 0;
  void Add(bool hit) {
    hits += hit;
    ++n;
  }
  double p() const { return n ? static_cast<double>(hits) / static_cast<double>(n) : 0.0; }
  Interval Wilson() const { return WilsonInterval(hits, n); }
};

// A quantile sketch with relative accuracy (DDSketch-style, Masson et al. 2019): values are
// counted in logarithmic buckets of ratio (1 + a) / (1 - a), so any quantile it returns is
// within a relative error `a` of a value at that rank; |v| below `min_magnitude` counts as 0.
// Memory grows with the logarithm of the values' range, not with their number. While the values
// seen take at most kExactValues distinct values (counts, days, whole troops mostly do), every
// quantile is exact: they are also counted value by value, a bounded table dropped for good at
// the first value too many. After that, a bucket that holds one distinct value still gives it
// exactly, and the others their representative.
class QuantileSketch {
 public:
  explicit QuantileSketch(double relative_accuracy = 0.005, double min_magnitude = 1e-3);
  void Add(double value);
  // The value of rank ceil(q x n) (1-based, inverse of the empirical distribution).
  double Quantile(double q) const;
  int64_t count() const { return count_; }
  static constexpr std::size_t kExactValues = 1024;
  // Whether quantiles are still exact (no more than kExactValues distinct values seen).
  bool exact() const { return exact_ok_; }
  // Calls f(value, count) for each non-empty bucket in increasing order of value; `value` is
  // the bucket's representative, within the relative accuracy of every value counted in it
  // (values below min_magnitude are represented by 0).
  template <typename F>
  void ForEachBucket(F&& f) const {
    for (auto it = negative_.rbegin(); it != negative_.rend(); ++it) f(-Value(it->first), it->second.count);
    if (zeros_ > 0) f(0.0, zeros_);
    for (const auto& [index, bucket] : positive_) f(Value(index), bucket.count);
  }
  double min_magnitude() const { return min_magnitude_; }
  std::size_t buckets() const { return positive_.size() + negative_.size(); }

 private:
  struct Bucket {
    int64_t count = 0;
    double least = 0, greatest = 0;  // of the magnitudes counted
  };
  int Index(double magnitude) const;
  double Value(int index) const;
  // The bucket's value: exact when it holds one distinct value.
  double Value(int index, const Bucket& bucket) const {
    return bucket.least == bucket.greatest ? bucket.least : Value(index);
  }
  static void Count(Bucket& bucket, double magnitude);
  double gamma_, log_gamma_, min_magnitude_;
  int64_t count_ = 0, zeros_ = 0;
  std::map<int, Bucket> positive_, negative_;
  std::map<double, int64_t> exact_;  // value (tiny ones as 0) -> count, while exact_ok_
  bool exact_ok_ = true;
};

// Mean and standard deviation (Welford) plus quantiles of one number over the runs.
class NumberStats {
 public:
  void Add(double value);
  int64_t n() const { return n_; }
  double mean() const { return mean_; }
  double sd() const;
  double Quantile(double q) const { return sketch_.Quantile(q); }

 private:
  int64_t n_ = 0;
  double mean_ = 0, m2_ = 0;
  QuantileSketch sketch_;
};

}  // namespace brink

#endif  // BRINK_STATS_H_
