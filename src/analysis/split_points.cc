// Points split across ranks, in rounds of one point per rank (src/analysis/split_points.h).
#include "analysis/split_points.h"

#include <algorithm>
#include <cstring>

namespace brink {
namespace {

// What a rank sends for its point of a round: whether it has values, then the values.
enum class PointState : int64_t { kValues = 0, kNone = 1, kFailed = 2 };

}  // namespace

Status EvaluatePoints(Cluster* cluster, int64_t points, std::size_t width, const EvaluatePoint& evaluate,
                      const TakePoint& take, const std::atomic<bool>* cancel) {
  auto cancelled = [&] { return cancel != nullptr && cancel->load(); };
  if (cluster == nullptr) {
    for (int64_t j = 0; j < points; ++j) {
      if (cancelled()) return Status::Error("interrupted");
      Result<std::vector<double>> values = evaluate(j);
      if (!values.ok()) return Status::Error(values.message());
      if (Status st = take(j, values.value()); !st.ok()) return st;
    }
    return {};
  }
  const int ranks = cluster->size();
  // One slot per rank: its PointState, then `width` values (doubles, so the slot is aligned).
  const std::size_t slot = (1 + width) * sizeof(double);
  const std::vector<int> sizes(static_cast<std::size_t>(ranks), static_cast<int>(slot));
  std::vector<double> mine(1 + width);
  std::vector<double> all((1 + width) * static_cast<std::size_t>(ranks));
  for (int64_t first = 0; first < points; first += ranks) {
    const int64_t j = first + cluster->rank();
    PointState state = PointState::kNone;
    Status failure;
    std::fill(mine.begin(), mine.end(), 0.0);
    if (cancelled()) {
      state = PointState::kFailed;
      failure = Status::Error("interrupted");
    } else if (j < points) {
      Result<std::vector<double>> values = evaluate(j);
      if (values.ok()) {
        state = PointState::kValues;
        std::copy_n(values.value().begin(), std::min(width, values.value().size()), mine.begin() + 1);
      } else {
        state = PointState::kFailed;
        failure = Status::Error(values.message());
      }
    }
    const auto code = static_cast<int64_t>(state);
    std::memcpy(mine.data(), &code, sizeof code);
    cluster->Gather(std::as_bytes(std::span(mine)), sizes, std::as_writable_bytes(std::span(all)), false);
    bool any_failed = false;
    for (int r = 0; r < ranks; ++r) {
      int64_t theirs = 0;
      std::memcpy(&theirs, &all[static_cast<std::size_t>(r) * (1 + width)], sizeof theirs);
      any_failed = any_failed || theirs == static_cast<int64_t>(PointState::kFailed);
    }
    if (any_failed) return FirstError(cluster, failure);
    for (int r = 0; r < ranks && first + r < points; ++r) {
      const double* at = &all[static_cast<std::size_t>(r) * (1 + width) + 1];
      Status st = take(first + r, std::vector<double>(at, at + width));
      if (st = FirstError(cluster, st); !st.ok()) return st;
    }
  }
  return {};
}

}  // namespace brink
