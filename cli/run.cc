// `brink run`: one course of events, told day by day, then the end state.
#include <fmt/format.h>

#include <atomic>
#include <csignal>

#include "brink/engine.h"
#include "brink/report.h"
#include "cli/common.h"
#include "cli/io.h"

namespace brink::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void OnRunSignal(int) { interrupted.store(true); }

int Run(const RunOptions& options) {
  Result<Scenario> loaded = LoadFor(options.scenario);
  if (!loaded.ok()) {
    Err("brink run: {}\n", loaded.message());
    return kExitBadInput;
  }
  const bool json = !options.json_path.empty();
  if (json) {
    if (Status status = CheckWritable(options.json_path); !status.ok()) {
      Err("brink run: --json {}\n", status.message());
      return kExitBadInput;
    }
  }
  const Scenario& scenario = loaded.value();
  const int days = options.days > 0 ? options.days : scenario.horizon_days;
  OutputFile out;
  if (json) {
    Status opened = out.Open(options.json_path);
    if (opened.ok()) opened = out.Write(RunJsonHeader(scenario, days, options.seed, options.scenario));
    if (!opened.ok()) {
      Err("brink run: --json {}\n", opened.message());
      return kExitFailure;
    }
  }
  // JSON on standard output is the whole of it, so that a program can read it.
  const bool text = !out.to_stdout();
  const bool narrative = text && options.narrative;
  std::signal(SIGINT, OnRunSignal);
  std::signal(SIGTERM, OnRunSignal);
  // Day by day, so that events are told and written as they happen: memory does not grow
  // with them.
  Engine engine(scenario);
  WorkspacePtr workspace = engine.NewWorkspace();
  std::vector<Deliberation> today_deliberations, deliberations;
  if (options.explain) engine.RecordDeliberations(*workspace, &today_deliberations);
  State end = engine.Initial();
  EventLog today;
  std::string lines;
  NarrativeWriter teller(scenario, days, [](std::string_view piece) { PrintOut(piece); });
  bool json_failed = false;  // a full disk: no point simulating to the end (Commit says why)
  while (end.day < days && !interrupted.load() && !json_failed) {
    today.clear();
    today_deliberations.clear();
    engine.Step(end, *workspace, options.seed, 0, json || narrative ? &today : nullptr);
    if (json) {
      for (const Deliberation& d : today_deliberations) lines += DeliberationJsonLine(scenario, d);
    }
    if (text) deliberations.insert(deliberations.end(), today_deliberations.begin(), today_deliberations.end());
    if (json && (!today.empty() || !lines.empty())) {
      // In pieces of about 1 MB: a day can hold a million events.
      for (const Event& e : today) {
        lines += EventJsonLine(scenario, e);
        if (lines.size() >= (1u << 20)) {
          json_failed = json_failed || !out.Write(lines).ok();
          lines.clear();
        }
      }
      json_failed = json_failed || !out.Write(lines).ok();
      lines.clear();
    }
    if (narrative) teller.Day(today.data(), today.data() + today.size());
  }
  if (interrupted.load()) {
    Err("brink run: interrupted before the end; no output file was written\n");
    return kExitInterrupted;
  }
  if (json_failed) {
    Err("brink run: {}\n", out.Commit().message());
    return FinishStdout("brink run", kExitFailure);
  }
  if (narrative) {
    teller.Finish(end.day);
    Out("\n");
  }
  if (text && options.explain) {
    if (deliberations.empty()) {
      Out("No decision was searched (an actor searches with --policy ACTOR=search, at its decision points).\n\n");
    } else {
      Out("Searched decisions:\n");
      for (const Deliberation& d : deliberations) Out("{}", DeliberationText(scenario, d));
      Out("\n");
    }
  }
  if (text) Out("{}", EndStateText(scenario, end));
  int code = 0;
  if (json) {
    (void)out.Write(EndStateJsonLine(scenario, end));
    if (Status status = out.Commit(); !status.ok()) {
      Err("brink run: {}\n", status.message());
      code = kExitFailure;
    }
  }
  return FinishStdout("brink run", code);
}

}  // namespace

void AddRunCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand(
      "run", "Simulate one course of events and tell it day by day, then the end state");
  AddScenarioOptions(*run, options->scenario);
  run->add_option("--seed", options->seed, "Random seed; the same seed gives the same run")
      ->capture_default_str()
      ->check(DecimalNumber());
  run->add_option("--days", options->days, "Days to simulate (default: the scenario's horizon)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1, Limits::kMaxDays));
  run->add_option("--json", options->json_path,
                  "Write the events as JSON lines, then the end state, to this file ('-': to "
                  "standard output, instead of the text)")
      ->check(NonEmptyPath());
  run->add_flag("!--no-narrative", options->narrative, "Print only the end state");
  run->add_flag("--explain", options->explain,
                "At each decision an actor on the search policy searched, tell the alternatives it "
                "weighed: value, uncertainty and visits (and write them to --json)");
  run->callback([options, &exit_code] { exit_code = Run(*options); });
}

}  // namespace brink::cli
