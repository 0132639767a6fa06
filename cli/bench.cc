// `brink bench`: how fast the engine runs the scenario, in runs per second per core.
#include <fmt/format.h>
#include <tbb/info.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>

#if defined(__linux__)
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "brink/engine.h"
#include "brink/forecast.h"
#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

// Instructions retired by this thread in user space, from the processor's performance counter
// (Linux perf_event_open), where the machine and its settings offer one; otherwise `why` says
// what was missing.
class InstructionCounter {
 public:
  InstructionCounter() {
#if defined(__linux__)
    perf_event_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    fd_ = static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
    if (fd_ < 0) why_ = std::strerror(errno);
#else
    why_ = "not Linux";
#endif
  }
  InstructionCounter(const InstructionCounter&) = delete;
  InstructionCounter& operator=(const InstructionCounter&) = delete;
  ~InstructionCounter() {
#if defined(__linux__)
    if (fd_ >= 0) close(fd_);
#endif
  }
  void Start() {
#if defined(__linux__)
    if (fd_ < 0) return;
    ioctl(fd_, PERF_EVENT_IOC_RESET, 0);
    ioctl(fd_, PERF_EVENT_IOC_ENABLE, 0);
#endif
  }
  // The instructions since Start, or nothing.
  std::optional<double> Stop() {
#if defined(__linux__)
    if (fd_ < 0) return std::nullopt;
    ioctl(fd_, PERF_EVENT_IOC_DISABLE, 0);
    uint64_t count = 0;
    if (read(fd_, &count, sizeof count) != static_cast<ssize_t>(sizeof count)) {
      why_ = "the counter could not be read";
      return std::nullopt;
    }
    return static_cast<double>(count);
#else
    return std::nullopt;
#endif
  }
  const std::string& why() const { return why_; }

 private:
  int fd_ = -1;
  std::string why_;
};

int Bench(const BenchOptions& options) {
  Result<Scenario> loaded = LoadFor(options.scenario);
  if (!loaded.ok()) {
    Err("brink bench: {}\n", loaded.message());
    return kExitBadInput;
  }
  const Scenario& s = loaded.value();
  Engine engine(s);
  auto workspace = engine.NewWorkspace();
  using Clock = std::chrono::steady_clock;
  // One core: whole runs, one after another.
  InstructionCounter counter;
  auto start = Clock::now();
  counter.Start();
  double checksum = 0;
  for (int64_t run = 0; run < options.runs; ++run) {
    State end = engine.Run(options.seed, static_cast<uint64_t>(run), 0, nullptr, *workspace);
    checksum += end.tally.escalation_score;
  }
  const std::optional<double> instructions = counter.Stop();
  double one_core = std::chrono::duration<double>(Clock::now() - start).count();
  // All cores: the forecast's own loop, statistics included.
  ForecastOptions forecast;
  forecast.scenario = options.scenario;
  forecast.seed = options.seed;
  forecast.runs = options.runs * 2;
  Result<Forecast> all = RunForecast(s, forecast);
  const int cores = tbb::info::default_concurrency();
  const double days = static_cast<double>(options.runs) * s.horizon_days;
  Out("{}: {} days a run\n", s.name, s.horizon_days);
  Out("  one core : {:8.0f} runs/s   {:6.0f} ns per simulated day   ({} runs in {:.2f} s)\n",
             options.runs / one_core, one_core / days * 1e9, options.runs, one_core);
  if (instructions) {
    Out("  one core : {:8.0f} instructions per simulated day (user space, performance counter)\n", *instructions / days);
  } else {
    Out("  one core : instructions per simulated day not measured (no performance counter: {})\n", counter.why());
  }
  Out("  {} cores  : {:8.0f} runs/s   {:6.0f} runs/s per core   (forecast of {} runs in {:.2f} s)\n",
             cores, forecast.runs / all.value().seconds, forecast.runs / all.value().seconds / cores,
             forecast.runs, all.value().seconds);
  Out("  (checksum {:.0f})\n", checksum);
  return FinishStdout("brink bench", 0);
}

}  // namespace

void AddBenchCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Measure runs per second (one core and all cores) on the scenario");
  AddScenarioOptions(*cmd, options->scenario);
  cmd->add_option("--runs,-n", options->runs, "Runs timed on one core (twice as many on all)")
      ->capture_default_str()
      ->check(DecimalNumber())
      ->check(CLI::Range(int64_t{1}, CommandLimits::kMaxRuns));
  cmd->add_option("--seed", options->seed, "Random seed")->capture_default_str()->check(DecimalNumber());
  cmd->callback([options, &exit_code] { exit_code = Bench(*options); });
}

}  // namespace brink::cli
