// Two ensembles in step, run i of one beside run i of the other, for paired comparisons.
//
// Each arm is an ordinary RunForecast on its own thread; arm A's runs wait in a queue (copied
// out of its block) until arm B's run of the same index arrives. A waits when the queue holds
// two blocks, so memory does not grow with the runs; either arm stopping releases the other.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "brink/forecast.h"

namespace brink {
namespace {

struct StoredRun {
  int64_t run = 0;
  std::vector<uint8_t> binary;
  std::vector<double> numbers;
  std::vector<int8_t> holders;
};

}  // namespace

Result<ForecastPair> RunForecastPair(const Scenario& a, const ForecastOptions& a_options,
                                     const Scenario& b, const ForecastOptions& b_options,
                                     const PairSink& each_pair, const ProgressFn& progress,
                                     const std::atomic<bool>* cancel) {
  const Forecast a_shape = EmptyForecast(a, 1), b_shape = EmptyForecast(b, 1);
  const std::size_t n_bin = a_shape.binary.size(), n_num = a_shape.numbers.size(), n_reg = a.regions.size();
  if (b_shape.binary.size() != n_bin || b_shape.numbers.size() != n_num || b.regions.size() != n_reg) {
    return Status::Error("the two forecasts do not have the same outcomes; they cannot be paired");
  }
  constexpr std::size_t kMaxQueued = 4096;  // two blocks of RunForecast
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<StoredRun> queue;
  std::vector<StoredRun> spare;  // reused buffers: no allocation per run once warm
  bool a_done = false, b_done = false;
  // Stops the other arm when one stops early (interrupted), so neither waits for ever.
  std::atomic<bool> stop{false};
  auto stopped = [&] { return stop.load() || (cancel && cancel->load()); };
  std::atomic<bool> cancel_both{false};

  std::optional<Result<Forecast>> a_result;
  std::thread a_thread([&] {
    ForecastOptions options = a_options;
    options.progress = false;
    a_result.emplace(RunForecast(a, options, nullptr, &cancel_both, [&](const RunOutcome& run) {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return queue.size() < kMaxQueued || b_done || stop.load(); });
      if (b_done || stop.load()) return;
      StoredRun stored;
      if (!spare.empty()) {
        stored = std::move(spare.back());
        spare.pop_back();
      }
      stored.run = run.run;
      stored.binary.assign(run.binary, run.binary + n_bin);
      stored.numbers.assign(run.numbers, run.numbers + n_num);
      stored.holders.assign(run.holders, run.holders + n_reg);
      queue.push_back(std::move(stored));
      changed.notify_all();
    }));
    std::lock_guard lock(mutex);
    a_done = true;
    if (!a_result->ok()) stop.store(true);
    changed.notify_all();
  });
  // B's ensemble runs on this thread; a watcher turns the caller's cancel or a stopped arm
  // into a cancel of both.
  std::thread watcher([&] {
    std::unique_lock lock(mutex);
    while (!(a_done && b_done)) {
      if (stopped()) cancel_both.store(true);
      changed.wait_for(lock, std::chrono::milliseconds(50));
    }
  });
  ForecastOptions options = b_options;
  options.progress = false;
  Result<Forecast> b_result = RunForecast(b, options, progress, &cancel_both, [&](const RunOutcome& run) {
    StoredRun mine;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !queue.empty() || a_done || stop.load(); });
      if (queue.empty()) {
        stop.store(true);  // A stopped early: B's pairs cannot be completed
        return;
      }
      mine = std::move(queue.front());
      queue.pop_front();
      changed.notify_all();
    }
    if (mine.run == run.run && each_pair) {
      each_pair({mine.run, mine.binary.data(), mine.numbers.data(), mine.holders.data()}, run);
    }
    std::lock_guard lock(mutex);
    spare.push_back(std::move(mine));
  });
  {
    std::lock_guard lock(mutex);
    b_done = true;
    if (!b_result.ok()) stop.store(true);
    changed.notify_all();
  }
  a_thread.join();
  {
    std::lock_guard lock(mutex);
    changed.notify_all();
  }
  watcher.join();
  if (!b_result.ok()) return Status::Error(b_result.message());
  if (!a_result->ok()) return Status::Error(a_result->message());
  if (stop.load()) return Status::Error("interrupted before the end");
  return ForecastPair{a_result->take(), b_result.take()};
}

}  // namespace brink
