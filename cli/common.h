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
// Validators of command-line values: plain decimal digits that fit in 64 bits (no sign, no
// 0x, no exponent); a path that is not empty.
const CLI::Validator& DecimalNumber();
const CLI::Validator& NonEmptyPath();
// Loads the scenario (file or default) and applies the overrides; prints the error on failure.
Result<Scenario> LoadFor(const ScenarioOptions& options);

// Reads a whole input file named on the command line ("-": standard input), refusing one
// larger than `max_bytes`; the error names the file.
Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes);

void AddRunCommand(CLI::App& app, int& exit_code);
void AddCheckCommand(CLI::App& app, int& exit_code);
void AddForecastCommand(CLI::App& app, int& exit_code);
void AddBenchCommand(CLI::App& app, int& exit_code);
void AddScoreCommand(CLI::App& app, int& exit_code);
void AddReportCommand(CLI::App& app, int& exit_code);
void AddCompareCommand(CLI::App& app, int& exit_code);

}  // namespace brink::cli

#endif  // BRINK_CLI_COMMON_H_
