// The MPI ranks as a brink Cluster (cli/cluster.h): built when BRINK_MPI is on.
#include <mpi.h>

#include <vector>

#include "cli/cluster.h"

namespace brink::cli {
namespace {

class MpiCluster final : public Cluster {
 public:
  MpiCluster() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiCluster() override { MPI_Finalize(); }
  MpiCluster(const MpiCluster&) = delete;
  MpiCluster& operator=(const MpiCluster&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }

  void Gather(std::span<const std::byte> mine, std::span<const int> sizes, std::span<std::byte> all,
              bool to_root_only) override {
    std::vector<int> offsets(sizes.size());
    int offset = 0;
    for (std::size_t r = 0; r < sizes.size(); ++r) {
      offsets[r] = offset;
      offset += sizes[r];
    }
    // MPI forbids a send buffer inside the receive buffer (a rank's share of a block is gathered
    // into the same block): send a copy then.
    std::vector<std::byte> copy;
    const std::byte* send = mine.data();
    if (!mine.empty() && !all.empty() && mine.data() >= all.data() && mine.data() < all.data() + all.size()) {
      copy.assign(mine.begin(), mine.end());
      send = copy.data();
    }
    const int count = static_cast<int>(mine.size());
    if (to_root_only) {
      MPI_Gatherv(send, count, MPI_BYTE, all.data(), sizes.data(), offsets.data(), MPI_BYTE, 0, MPI_COMM_WORLD);
    } else {
      MPI_Allgatherv(send, count, MPI_BYTE, all.data(), sizes.data(), offsets.data(), MPI_BYTE, MPI_COMM_WORLD);
    }
  }

 private:
  int rank_ = 0, size_ = 1;
};

}  // namespace

Result<std::unique_ptr<Cluster>> JoinMpiJob(int& argc, char**& argv) {
  if (!StartedByMpiLauncher()) return std::unique_ptr<Cluster>();
  // Only the main thread calls MPI; the ensemble's worker threads never do.
  int provided = 0;
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    return Status::Error("MPI_Init failed: this process cannot join the MPI job");
  }
  return std::unique_ptr<Cluster>(std::make_unique<MpiCluster>());
}

}  // namespace brink::cli
