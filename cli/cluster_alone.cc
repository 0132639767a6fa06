// brink built without MPI (BRINK_MPI off; cli/cluster.h): always one process.
#include "cli/cluster.h"

namespace brink::cli {
namespace {

}  // namespace

Result<std::unique_ptr<Cluster>> JoinMpiJob(int& /*argc*/, char**& /*argv*/) {
  if (StartedByMpiLauncher()) {
    return Status::Error(
        "started by an MPI launcher (mpirun), but this brink was built without MPI: install Debian's "
        "libopenmpi-dev and rebuild (BRINK_MPI=ON), or run it without mpirun");
  }
  return std::unique_ptr<Cluster>();
}

}  // namespace brink::cli
