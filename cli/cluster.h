// The MPI job a brink process belongs to (include/brink/cluster.h). brink joins one only when an
// MPI launcher started it (mpirun, or srun with PMI/PMIx: found by the environment variables
// they set); started alone it does not start MPI at all, although OpenMPI's singleton start
// works, because that start costs about a third of a second per command. Built without MPI
// (BRINK_MPI off), a process started by a launcher refuses to run rather than have every rank
// do the whole work and write the same files. docs/analysis.md, "Across machines (OpenMPI)".
#ifndef BRINK_CLI_CLUSTER_H_
#define BRINK_CLI_CLUSTER_H_

#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>

#include "brink/cluster.h"
#include "brink/status.h"

namespace brink::cli {

// True when an MPI launcher started this process.
inline bool StartedByMpiLauncher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

// Joins the MPI job (MPI_Init) when a launcher started this process; null when it runs alone.
// The job ends (MPI_Finalize) when the returned object is destroyed.
Result<std::unique_ptr<Cluster>> JoinMpiJob(int& argc, char**& argv);

// The job's cluster for the commands that split their work (forecast, sweep, sensitivity);
// null when alone.
Cluster* JobCluster();
void SetJobCluster(Cluster* cluster);

// For a command that splits its work: the job's cluster (null alone). Rank 0 alone writes the
// output files and shows progress: on the other ranks the `outputs` paths are emptied and
// `progress` is turned off.
Cluster* SplitAcrossJob(bool& progress, std::initializer_list<std::string*> outputs);

}  // namespace brink::cli

#endif  // BRINK_CLI_CLUSTER_H_
