// The processes a forecast, a sweep or a sensitivity analysis is split across: the ranks of an
// MPI job when brink runs under mpirun (cli/cluster_mpi.cc), else this process alone (a null
// Cluster* in the options). The engine knows only this interface, never MPI.
//
// Every run is keyed by (seed, run, stream) and every analysis point is a pure function of its
// options, so any rank can compute any run or point; results are combined in run (or point)
// order, and are therefore the same byte for byte whatever the number of ranks.
//
// Every call is collective: each rank makes the same calls in the same order, from the thread
// that started the job. docs/analysis.md, "Across machines (OpenMPI)".
#ifndef BRINK_CLUSTER_H_
#define BRINK_CLUSTER_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "brink/status.h"

namespace brink {

class Cluster {
 public:
  virtual ~Cluster() = default;
  // This process's rank, 0 to size() - 1; rank 0 alone writes output files and the database.
  virtual int rank() const = 0;
  virtual int size() const = 0;
  bool root() const { return rank() == 0; }

  // Each rank passes its part (rank r's part is sizes[r] bytes; every rank passes the same
  // sizes); `all` receives the parts one after another in rank order: on every rank, or on
  // rank 0 only (`to_root_only`, where `all` may be empty elsewhere).
  virtual void Gather(std::span<const std::byte> mine, std::span<const int> sizes, std::span<std::byte> all,
                      bool to_root_only) = 0;
};

// Helpers over Cluster::Gather; a null cluster is one process. All collective.
// True on every rank if `mine` is true on any rank.
bool AnyRank(Cluster* cluster, bool mine);
// The error of the lowest rank that has one (with "rank N: " before it when N is not 0), or
// OK, on every rank: so that all ranks stop together when any of them cannot go on.
Status FirstError(Cluster* cluster, const Status& mine);
// Rank 0's bytes, on every rank (what the others pass is ignored).
std::vector<std::byte> FromRoot(Cluster* cluster, std::vector<std::byte> data);

}  // namespace brink

#endif  // BRINK_CLUSTER_H_
