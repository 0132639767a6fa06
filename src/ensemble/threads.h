// The worker threads of an ensemble, as asked for: all cores by default, and exactly the number
// asked otherwise, more than the cores included (results never depend on it). oneTBB caps its
// workers at the cores unless told otherwise, and would warn and silently use fewer.
#ifndef BRINK_ENSEMBLE_THREADS_H_
#define BRINK_ENSEMBLE_THREADS_H_

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <memory>

namespace brink {

class EnsembleThreads {
 public:
  // `requested` 0 means all cores.
  explicit EnsembleThreads(int requested)
      : threads_(requested > 0 ? requested : tbb::info::default_concurrency()),
        allow_(threads_ > tbb::info::default_concurrency()
                   ? std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                           static_cast<std::size_t>(threads_))
                   : nullptr),
        arena_(threads_) {}
  int threads() const { return threads_; }
  tbb::task_arena& arena() { return arena_; }

 private:
  int threads_;
  std::unique_ptr<tbb::global_control> allow_;  // lifts the cap while this ensemble runs
  tbb::task_arena arena_;
};

}  // namespace brink

#endif  // BRINK_ENSEMBLE_THREADS_H_
