// `brink report`: the HTML report of a forecast saved as JSON.
#include "brink/report.h"
#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

// A forecast's JSON is a few hundred kilobytes for the largest scenario; anything far larger is
// not one, and is refused before it fills memory.
constexpr std::size_t kMaxForecastBytes = 64 << 20;

int Report(const ReportOptions& options) {
  if (Status st = CheckWritable(options.output_path); !st.ok()) {
    Err("brink report: -o {}\n", st.message());
    return kExitBadInput;
  }
  Result<std::string> text = ReadInputFile(options.forecast_path, kMaxForecastBytes);
  if (!text.ok()) {
    Err("brink report: {}\n", text.message());
    return kExitBadInput;
  }
  const std::string source = options.forecast_path == "-" ? "standard input" : options.forecast_path;
  Result<std::string> page = ForecastReportHtml(text.value(), source);
  if (!page.ok()) {
    Err("brink report: {}\n", page.message());
    return kExitBadInput;
  }
  if (Status st = WriteFileAtomically(options.output_path, page.value()); !st.ok()) {
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
