// Helpers shared by the subcommands: loading the scenario the options name.
#ifndef BRINK_CLI_COMMON_H_
#define BRINK_CLI_COMMON_H_

#include <CLI/CLI.hpp>

#include "brink/options.h"
#include "brink/scenario.h"

namespace brink::cli {

// Exit statuses: 0 success, 1 runtime failure (e.g. cannot write), 2 bad input, 130 interrupted.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;
// Stopped by SIGINT or SIGTERM before the end; no output file was written.
inline constexpr int kExitInterrupted = 130;

void AddScenarioOptions(CLI::App& app, ScenarioOptions& options);
// --threads/-j: worker threads, 0 (all cores) to CommandLimits::kMaxThreads, plain digits.
void AddThreadsOption(CLI::App& app, int& threads, const std::string& help);
// Validators of command-line values: plain decimal digits that fit in 64 bits (no sign, no
// 0x, no exponent); a path that is not empty.
const CLI::Validator& DecimalNumber();
const CLI::Validator& NonEmptyPath();
// Loads the scenario (a file, an embedded one by name, or the default) and applies the
// overrides and policy choices.
Result<Scenario> LoadFor(const ScenarioOptions& options);
// The file a --scenario value names: "" for an embedded scenario's name (it is no file).
std::string ScenarioFilePath(const std::string& scenario);

// Reads a whole input file named on the command line ("-": standard input), refusing one
// larger than `max_bytes`; the error names the file.
Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes);

// A path named on the command line, for CheckDistinctPaths.
struct NamedPath {
  const char* flag;  // "--json", "forecast" ...
  std::string path;  // empty: not given
  bool output;
};
// Refuses, before any work, an output that is the same file as another output or as an input
// (`report g.json -o g.json`, `compare --report x --runs-csv x`): one would replace the other.
// Same file: the same inode (so a symlink or a hard link counts), or the same absolute name for a
// file not yet there. Standard input/output ("-"), pipes and devices are not files and pass.
Status CheckDistinctPaths(const std::vector<NamedPath>& paths);

void AddRunCommand(CLI::App& app, int& exit_code);
void AddCheckCommand(CLI::App& app, int& exit_code);
void AddForecastCommand(CLI::App& app, int& exit_code);
void AddBenchCommand(CLI::App& app, int& exit_code);
void AddScoreCommand(CLI::App& app, int& exit_code);
void AddReportCommand(CLI::App& app, int& exit_code);
void AddCompareCommand(CLI::App& app, int& exit_code);
void AddParametersCommand(CLI::App& app, int& exit_code);
void AddSensitivityCommand(CLI::App& app, int& exit_code);
void AddSweepCommand(CLI::App& app, int& exit_code);

}  // namespace brink::cli

#endif  // BRINK_CLI_COMMON_H_
