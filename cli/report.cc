// `brink report`: the HTML report of a forecast saved as JSON.
#include "brink/report.h"

#include <atomic>
#include <csignal>

#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnReportSignal(int) { interrupted.store(true); }

// Anything larger than a saved forecast may be is refused before it fills memory.
constexpr std::size_t kMaxForecastBytes = SavedForecastLimits::kMaxBytes;

int Report(const ReportOptions& options) {
  if (Status st = CheckWritable(options.output_path); !st.ok()) {
    Err("brink report: -o {}\n", st.message());
    return kExitBadInput;
  }
  if (Status st = CheckDistinctPaths({{"forecast", options.forecast_path, false}, {"-o", options.output_path, true}});
      !st.ok()) {
    Err("brink report: {}\n", st.message());
    return kExitBadInput;
  }
  Result<std::string> text = ReadInputFile(options.forecast_path, kMaxForecastBytes);
  if (!text.ok()) {
    Err("brink report: {}\n", text.message());
    return kExitBadInput;
  }
  const std::string source = options.forecast_path == "-" ? "standard input" : options.forecast_path;
  // Ctrl-C while a large page is drawn or written: exit 130, and the file is not replaced.
  std::signal(SIGINT, OnReportSignal);
  std::signal(SIGTERM, OnReportSignal);
  Result<std::string> page = ForecastReportHtml(text.value(), source);
  if (!page.ok()) {
    Err("brink report: {}\n", page.message());
    return kExitBadInput;
  }
  Status st = interrupted.load() ? Status()
                                 : WriteFileAtomically(options.output_path, page.value(), OutputFile::Temp::kUnnamed,
                                                       &interrupted);
  if (interrupted.load()) {
    Err("brink report: interrupted; no output file was written\n");
    return kExitInterrupted;
  }
  if (!st.ok()) {
    Err("brink report: {}\n", st.message());
    return kExitFailure;
  }
  return FinishStdout("brink report", 0);
}

}  // namespace

void AddReportCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write the self-contained HTML report (map, chance of war, outcomes) of a forecast "
                "saved with 'brink forecast --json'");
  cmd->add_option("forecast", options->forecast_path, "The saved forecast (JSON; '-': standard input)")
      ->required()
      ->check(NonEmptyPath());
  cmd->add_option("-o,--output", options->output_path, "The HTML file to write ('-': standard output)")
      ->required()
      ->check(NonEmptyPath());
  cmd->callback([options, &exit_code] { exit_code = Report(*options); });
}

}  // namespace brink::cli
