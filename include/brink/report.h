// What a person reads and what a program reads of one run.
#ifndef BRINK_REPORT_H_
#define BRINK_REPORT_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "brink/event.h"
#include "brink/game.h"
#include "brink/options.h"
#include "brink/output_file.h"
#include "brink/scenario.h"
#include "brink/state.h"

namespace brink {

// Key regions, shown in end states and forecasts: flagged (border crossing, oil field, city,
// base) or on a corridor's deciding ground.
bool KeyRegion(const Scenario& s, std::size_t region);

// The calendar date `day` days after the scenario's start, as YYYY-MM-DD.
std::string DateOf(const Scenario& s, int day);

// A day-by-day account in plain words: notable days one by one, quiet stretches in one line.
std::string Narrative(const Scenario& s, const EventLog& log, const State& end);

// The same account written as the run goes, so that memory does not grow with the events:
// each day's events are told (or added to the quiet stretch) as they come, and the text goes
// to `sink` in pieces (at the latest when a day is told, and every 1 MB within a day).
class NarrativeWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  NarrativeWriter(const Scenario& s, int days, Sink sink);
  ~NarrativeWriter();
  // The events of one day, in the order they happened.
  void Day(const Event* begin, const Event* end);
  // Closes the last quiet stretch at `last_day` and sends what is left.
  void Finish(int last_day);

 private:
  void FlushQuiet(int until);
  void Drain(bool always);

  const Scenario& s_;
  Sink sink_;
  std::string out_;
  std::map<RegionId, double> fighting_;  // quiet stretch: losses by region
  std::map<ActorId, int> balks_;
  std::map<ActorId, int> air_strikes_;   // in war: routine, told per stretch
  bool at_war_ = false;
  int quiet_from_ = 1;
  int shown_level_ = 0;
  int quiet_level_ = -1;  // the rung reached by decay during a quiet stretch
};
// The end state: ladder, war, corridors, key regions, casualties, clashes by kind.
std::string EndStateText(const Scenario& s, const State& end);
// JSON lines: a header, one line per event, and the end state as the last line.
std::string RunJsonLines(const Scenario& s, const EventLog& log, const State& end, uint64_t seed);
// The same line by line, for writing a run's events as they happen. The header carries what
// reproduces the run: the scenario and its hash, the seed, the days, and every --set and
// --policy of `options`.
std::string RunJsonHeader(const Scenario& s, int days, uint64_t seed,
                          const ScenarioOptions& options = {});
std::string EventJsonLine(const Scenario& s, const Event& e);
// A searched decision (brink run --explain) in plain words: the day, the actor, and each
// alternative with its value, uncertainty and visits, the chosen one marked; and as a JSON line
// ("type": "deliberation").
std::string DeliberationText(const Scenario& s, const Deliberation& d);
std::string DeliberationJsonLine(const Scenario& s, const Deliberation& d);
std::string EndStateJsonLine(const Scenario& s, const State& end);

// The limits on a saved forecast (docs/reports.md, "A saved forecast is untrusted input"). The
// largest forecast a valid scenario gives stays well inside them; together they bound the time,
// memory and size of the pages drawn from a document.
struct SavedForecastLimits {
  // The whole file, in bytes.
  static constexpr std::size_t kMaxBytes = 16 << 20;
  // Objects and arrays nested in one another (a forecast nests 5 deep).
  static constexpr int kMaxDepth = 32;
  // JSON values of any kind in the file (what a parse turns into memory).
  static constexpr std::size_t kMaxValues = 1'000'000;
  // Yes/no outcomes, and numbers, each.
  static constexpr std::size_t kMaxOutcomes = 20'000;
  // An id (outcome, region, bloc), a name (region, bloc, corridor, zone, line, scenario) and an
  // outcome's label, in bytes (a scenario's names are at most 4,096 characters, up to 4 bytes
  // each; a label joins a few names).
  static constexpr std::size_t kMaxIdBytes = 256;
  static constexpr std::size_t kMaxNameBytes = 4 * 4096;
  static constexpr std::size_t kMaxLabelBytes = 4 * kMaxNameBytes;
  // The magnitude of any number drawn (quantiles, means, coordinates, radii).
  static constexpr double kMaxMagnitude = 1e15;
};

// The self-contained HTML report of a forecast (brink report, brink forecast --report): the
// map, the cumulative chance of war, every outcome with its interval and provenance, as inline
// SVG with no script and nothing fetched. `forecast_json` is what ForecastJson writes (with its
// "map" object); `source` names it in errors (bad JSON, or a field missing or of the wrong kind).
Result<std::string> ForecastReportHtml(std::string_view forecast_json, std::string_view source);


}  // namespace brink

#endif  // BRINK_REPORT_H_
