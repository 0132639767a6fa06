// Work split across a cluster's ranks gives what one process gives, byte for byte: checked with
// ranks that are threads of this process (ThreadCluster), so that it runs in every build, MPI
// or not; tests/mpi_equal_test.sh checks the same through mpirun.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <barrier>
#include <filesystem>
#include <functional>
#include <thread>

#include "brink/analysis.h"
#include "brink/cluster.h"
#include "brink/forecast.h"
#include "brink/sweep.h"
#include "tests/small_scenario.h"

namespace brink {
namespace {

namespace fs = std::filesystem;

// K ranks as K threads sharing one buffer; a gather is three steps between barriers: rank 0
// sizes the buffer, every rank writes its part, every rank (or rank 0) reads the whole.
class ThreadCluster final : public Cluster {
 public:
  struct Shared {
    explicit Shared(int size) : barrier(size) {}
    std::barrier<> barrier;
    std::vector<std::byte> buffer;
  };
  ThreadCluster(Shared& shared, int rank, int size) : shared_(shared), rank_(rank), size_(size) {}
  int rank() const override { return rank_; }
  int size() const override { return size_; }
  void Gather(std::span<const std::byte> mine, std::span<const int> sizes, std::span<std::byte> all,
              bool to_root_only) override {
    std::size_t total = 0, offset = 0;
    for (int r = 0; r < size_; ++r) {
      if (r == rank_) offset = total;
      total += static_cast<std::size_t>(sizes[static_cast<std::size_t>(r)]);
    }
    EXPECT_EQ(mine.size(), static_cast<std::size_t>(sizes[static_cast<std::size_t>(rank_)]));
    if (rank_ == 0) shared_.buffer.assign(total, std::byte{0});
    shared_.barrier.arrive_and_wait();
    std::copy(mine.begin(), mine.end(), shared_.buffer.begin() + static_cast<std::ptrdiff_t>(offset));
    shared_.barrier.arrive_and_wait();
    if (!to_root_only || rank_ == 0) std::copy(shared_.buffer.begin(), shared_.buffer.end(), all.begin());
    shared_.barrier.arrive_and_wait();
  }

 private:
  Shared& shared_;
  int rank_, size_;
};

// Runs `work(cluster)` on `ranks` threads, one rank each.
void OnRanks(int ranks, const std::function<void(Cluster&)>& work) {
  ThreadCluster::Shared shared(ranks);
  std::vector<std::thread> threads;
  for (int r = 0; r < ranks; ++r) {
    threads.emplace_back([&, r] {
      ThreadCluster cluster(shared, r, ranks);
      work(cluster);
    });
  }
  for (std::thread& t : threads) t.join();
}

using testing::FileBytes;

Scenario Small() { return testing::SmallScenario(); }

// 3 ranks, 7,000 runs: blocks of 6,144, so the second block is short and unevenly shared; the
// runs also each draw two uncertain parameters. Rank 0's forecast and its per-run rows equal
// one process's.
TEST(Cluster, ForecastOnThreeRanksEqualsOneProcess) {
  const Scenario s = Small();
  ForecastOptions options;
  options.runs = 7000;
  options.days = 20;
  options.threads = 1;
  options.uncertain = true;
  options.uncertain_parameters = {"rules.incident_rate", "rules.war_spark"};
  const RunsCsv rows(s, EmptyForecast(s, 1), options.seed);
  std::string alone_rows, split_rows;
  Result<Forecast> alone = RunForecast(s, options, nullptr, nullptr,
                                       [&](const RunOutcome& run) { rows.AppendRow(run, alone_rows); });
  ASSERT_TRUE(alone.ok()) << alone.message();
  std::string split_json;
  OnRanks(3, [&](Cluster& cluster) {
    ForecastOptions mine = options;
    mine.cluster = &cluster;
    int64_t sunk = 0;
    Result<Forecast> f = RunForecast(s, mine, nullptr, nullptr, [&](const RunOutcome& run) {
      ++sunk;
      if (cluster.root()) rows.AppendRow(run, split_rows);
    });
    ASSERT_TRUE(f.ok()) << f.message();
    EXPECT_EQ(sunk, cluster.root() ? options.runs : 0) << "rank " << cluster.rank();
    if (cluster.root()) split_json = ForecastJson(s, f.value(), options);
  });
  EXPECT_EQ(split_json, ForecastJson(s, alone.value(), options));
  EXPECT_EQ(split_rows, alone_rows);
}

// A sweep on 2 ranks (5 points: rank 1 idles in the last round) writes the same database, byte
// for byte, as one process; only rank 0 opens it.
TEST(Cluster, SweepOnTwoRanksWritesTheSameDatabase) {
  const fs::path dir = testing::FreshDirectory("brink-cluster-test");
  const Scenario s = Small();
  SweepOptions options;
  options.parameters = {"rules.incident_rate", "rules.war_spark"};
  options.outcomes = {"war", "direct_clash", "direct_clashes"};
  options.points = 5;
  options.runs = 30;
  options.days = 30;
  options.threads = 1;
  options.database = (dir / "alone.sqlite").string();
  ASSERT_TRUE(RunSweep(s, options, nullptr, nullptr).ok());
  OnRanks(2, [&](Cluster& cluster) {
    SweepOptions mine = options;
    mine.cluster = &cluster;
    mine.database = cluster.root() ? (dir / "split.sqlite").string() : (dir / "never.sqlite").string();
    Result<SweepProgress> p = RunSweep(s, mine, nullptr, nullptr);
    ASSERT_TRUE(p.ok()) << p.message();
    EXPECT_EQ(p.value().done, 5);
  });
  EXPECT_EQ(FileBytes(dir / "split.sqlite"), FileBytes(dir / "alone.sqlite"));
  EXPECT_FALSE(fs::exists(dir / "never.sqlite"));
  // A database rank 0 cannot open stops both ranks with rank 0's error.
  OnRanks(2, [&](Cluster& cluster) {
    SweepOptions mine = options;
    mine.cluster = &cluster;
    mine.database = (dir / "missing-dir" / "x.sqlite").string();
    Result<SweepProgress> p = RunSweep(s, mine, nullptr, nullptr);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.message().find("cannot open the database"), std::string::npos) << p.message();
  });
  fs::remove_all(dir);
}

// Sensitivity on 2 ranks: every rank's result equals one process's.
TEST(Cluster, SensitivityOnTwoRanksEqualsOneProcess) {
  const Scenario s = Small();
  SensitivityOptions options;
  options.parameters = {"rules.incident_rate", "rules.war_spark", "rules.insurgency_cap_attacks"};
  options.outcomes = {"direct_clash", "events.incident"};
  options.trajectories = 2;
  options.samples = 4;
  options.top = 2;
  options.bootstrap = 20;
  options.runs = 20;
  options.days = 30;
  options.threads = 1;
  Result<SensitivityResult> alone = RunSensitivity(s, options);
  ASSERT_TRUE(alone.ok()) << alone.message();
  const std::string expected = SensitivityJson(s, alone.value(), options);
  OnRanks(2, [&](Cluster& cluster) {
    SensitivityOptions mine = options;
    mine.cluster = &cluster;
    Result<SensitivityResult> r = RunSensitivity(s, mine);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(SensitivityJson(s, r.value(), options), expected) << "rank " << cluster.rank();
  });
}

// The first error of any rank reaches every rank, named by its rank; no error is OK everywhere.
TEST(Cluster, FirstErrorReachesEveryRank) {
  OnRanks(3, [](Cluster& cluster) {
    const Status mine = cluster.rank() >= 1 ? Status::Error(fmt::format("disk {} full", cluster.rank())) : Status();
    const Status first = FirstError(&cluster, mine);
    EXPECT_EQ(first.message(), "rank 1: disk 1 full");
    EXPECT_TRUE(FirstError(&cluster, Status()).ok());
    EXPECT_TRUE(AnyRank(&cluster, cluster.rank() == 2));
    EXPECT_FALSE(AnyRank(&cluster, false));
    std::vector<std::byte> data;
    if (cluster.root()) data = {std::byte{4}, std::byte{2}};
    EXPECT_EQ(FromRoot(&cluster, data), (std::vector<std::byte>{std::byte{4}, std::byte{2}}));
  });
}

}  // namespace
}  // namespace brink
