// Issue 15, defect 3: no scenario within the documented limits may exhaust memory, and a day's
// work is bounded. The scenarios of tests/worst_case.h are run by the command-line tool as a
// user would, and their peak memory (the child's own, from wait4) is bounded; none of these
// tests measures time, so they do not depend on the machine's speed.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "worst_case.h"

extern char** environ;

// Peak memory allowed for a run or forecast at the limits (measured: 12 MB). AddressSanitizer
// adds shadow memory and redzones to every allocation, about 30 times that at startup.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kPeakLimitKb = 1024 * 1024;
#else
constexpr long kPeakLimitKb = 256 * 1024;
#endif

using namespace brink::test;  // NOLINT: the helpers are this file's vocabulary

namespace {

struct Usage {
  int status = -1;
  long max_rss_kb = 0;
};

// Runs brink with `args`, standard output to /dev/null, and returns its exit status and peak
// resident memory.
Usage RunMeasured(const std::vector<std::string>& args) {
  std::vector<std::string> all = {BRINK_CLI};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  // Under AddressSanitizer, freed memory is held in quarantine (256 MB by default), which would
  // count as growth: the child keeps none, so only what it really holds is measured.
  std::vector<std::string> env_text;
  std::string asan = "ASAN_OPTIONS=quarantine_size_mb=0:thread_local_quarantine_size_kb=0";
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (entry.rfind("ASAN_OPTIONS=", 0) == 0) {
      asan = entry + ":quarantine_size_mb=0:thread_local_quarantine_size_kb=0";
    } else {
      env_text.push_back(entry);
    }
  }
  env_text.push_back(asan);
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  Usage usage;
  if (posix_spawn(&pid, BRINK_CLI, &actions, nullptr, argv.data(), envp.data()) != 0) return usage;
  posix_spawn_file_actions_destroy(&actions);
  int raw = 0;
  rusage r{};
  if (wait4(pid, &raw, 0, &r) == pid && WIFEXITED(raw)) usage.status = WEXITSTATUS(raw);
  usage.max_rss_kb = r.ru_maxrss;
  return usage;
}

fs::path Write(const ScratchDir& scratch, const std::string& name, const std::string& text) {
  fs::path path = scratch.path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(WorstCase, IncidentFloodRunDoesNotGrowWithEvents) {
  // About a million incidents a day. brink run kept every event: about 32 MB more per day
  // even with --no-narrative, and std::bad_alloc after about 100 days. Now events are told
  // and written as they happen: more days must cost (almost) no more memory.
  ScratchDir scratch;
  const fs::path scenario = Write(scratch, "flood.toml", IncidentFloodScenario(20000));
  // (The rivals drift into war on about day 5, which ends the incidents: the days compared
  // are before it.)
  Usage few = RunMeasured({"run", "--no-narrative", "--days", "1", "--scenario", scenario.string()});
  Usage more = RunMeasured({"run", "--no-narrative", "--days", "4", "--scenario", scenario.string()});
  ASSERT_EQ(few.status, 0);
  ASSERT_EQ(more.status, 0);
  EXPECT_LT(more.max_rss_kb - few.max_rss_kb, 16 * 1024) << few.max_rss_kb << " KB after 1 day, "
                                                          << more.max_rss_kb << " KB after 4";
  // The narrative tells every incident, but as the run goes, not from a log kept to the end.
  Usage told_few = RunMeasured({"run", "--days", "1", "--scenario", scenario.string()});
  Usage told_more = RunMeasured({"run", "--days", "4", "--scenario", scenario.string()});
  ASSERT_EQ(told_few.status, 0);
  ASSERT_EQ(told_more.status, 0);
  EXPECT_LT(told_more.max_rss_kb - told_few.max_rss_kb, 16 * 1024)
      << told_few.max_rss_kb << " KB after 1 day, " << told_more.max_rss_kb << " KB after 4";
  // The same with the events written to a file, line by line.
  Usage json = RunMeasured({"run", "--no-narrative", "--days", "4", "--scenario", scenario.string(),
                            "--json", (scratch.path() / "events.jsonl").string()});
  ASSERT_EQ(json.status, 0);
  EXPECT_LT(json.max_rss_kb - few.max_rss_kb, 64 * 1024) << json.max_rss_kb << " KB";
}

TEST(WorstCase, BarredRoadsRunAndForecastStayWithinMemory) {
  // The map, forces and edges at their limits, every march needing a detour search.
  ScratchDir scratch;
  const fs::path scenario = Write(scratch, "barred.toml", BarredRoadsScenario(60));
  Usage run = RunMeasured({"run", "--no-narrative", "--scenario", scenario.string()});
  ASSERT_EQ(run.status, 0);
  EXPECT_LT(run.max_rss_kb, kPeakLimitKb);
  Usage forecast = RunMeasured({"forecast", "-n", "4", "-j", "1", "--no-progress", "--scenario",
                                scenario.string()});
  ASSERT_EQ(forecast.status, 0);
  EXPECT_LT(forecast.max_rss_kb, kPeakLimitKb);
}

}  // namespace
