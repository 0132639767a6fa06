// brink: simulate and analyse armed standoffs between rival coalitions.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <string>
#include <string_view>

#include "cli/cluster.h"
#include "cli/common.h"
#include "cli/io.h"

namespace {

using brink::Status;

// Under mpirun with more than one rank, only the commands that split their work across the
// ranks run; any other would run whole on every rank and write the same files K times.
Status CheckSplit(std::string_view command, int argc, char** argv) {
  const brink::Cluster* cluster = brink::cli::JobCluster();
  if (cluster == nullptr || cluster->size() < 2) return {};
  if (command == "forecast" || command == "sweep" || command == "sensitivity") return {};
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--help" || word == "-h" || word == "--version") return {};
  }
  return Status::Error(fmt::format(
      "'{}' does not split its work across MPI ranks; run it without mpirun (forecast, sweep and sensitivity "
      "do split: docs/analysis.md)",
      command));
}

int Main(int argc, char** argv) {
  CLI::App app{
      "brink " BRINK_VERSION " - simulates armed standoffs between rival coalitions: who fires\n"
      "first, how far a clash escalates, who ends up holding the ground that matters.\n"
      "With no scenario file, the embedded default is used: eastern Syria and western Iraq,\n"
      "mid-June 2017 (see docs/model.md and scenarios/eastern-syria-2017.toml). Embedded\n"
      "scenarios, by name with --scenario NAME: eastern-syria-2017 (the default), eastern-syria-2018\n"
      "(the same theatre from the map of 1 January 2018, for a year) and idlib-2020.",
      "brink"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", BRINK_VERSION);
  int exit_code = 0;
  brink::cli::AddRunCommand(app, exit_code);
  brink::cli::AddCheckCommand(app, exit_code);
  brink::cli::AddForecastCommand(app, exit_code);
  brink::cli::AddScoreCommand(app, exit_code);
  brink::cli::AddReportCommand(app, exit_code);
  brink::cli::AddCompareCommand(app, exit_code);
  brink::cli::AddBenchCommand(app, exit_code);
  brink::cli::AddParametersCommand(app, exit_code);
  brink::cli::AddSensitivityCommand(app, exit_code);
  brink::cli::AddSweepCommand(app, exit_code);
  app.footer("Run 'brink SUBCOMMAND --help' for a subcommand's options. With no subcommand, "
             "'brink' does 'brink run'.");
  // The main command takes no value, so its first word that is not an option names the
  // subcommand. An unknown one is an error even beside --help (CLI11 would print the main
  // help for `brink sensitivity --help` and exit 0, as if the command existed).
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with("-")) continue;
    const CLI::App& main_app = app;
    std::string names;
    bool known = false;
    for (const CLI::App* sub : main_app.get_subcommands([](const CLI::App*) { return true; })) {
      known = known || sub->get_name() == word;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (known) {
      if (Status st = CheckSplit(word, argc, argv); !st.ok()) {
        brink::cli::Err("brink: {}\n", st.message());
        return brink::cli::kExitBadInput;
      }
      break;
    }
    brink::cli::Err("brink: '{}' is not a command; the commands are {} (brink --help)\n", word, names);
    return brink::cli::kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : brink::cli::kExitBadInput;
  }
  if (app.get_subcommands().empty()) {
    if (Status st = CheckSplit("run", argc, argv); !st.ok()) {
      brink::cli::Err("brink: {}\n", st.message());
      return brink::cli::kExitBadInput;
    }
    // No subcommand: the main job, one run of the default scenario.
    return app.get_subcommand("run")->parse(std::vector<std::string>{}), exit_code;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // Errors a user can cause are values; anything thrown this far is a bug or resource
  // exhaustion, reported without a crash.
  brink::cli::GuardStandardStreams();
  // Under mpirun: join the job (ended when `job` goes); rank 0 alone speaks, the other ranks'
  // standard output and error go to /dev/null (every error that stops them reaches rank 0).
  brink::Result<std::unique_ptr<brink::Cluster>> job = brink::cli::JoinMpiJob(argc, argv);
  if (!job.ok()) {
    brink::cli::Err("brink: {}\n", job.message());
    return brink::cli::kExitBadInput;
  }
  brink::cli::SetJobCluster(job.value().get());
  if (job.value() && !job.value()->root()) {
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      close(null);
    }
  }
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    brink::cli::Err("brink: internal error: {}\n", e.what());
  } catch (...) {
    brink::cli::PrintError("brink: internal error\n");
  }
  return brink::cli::kExitFailure;
}
