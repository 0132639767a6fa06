// What a person reads and what a program reads of one run.
#ifndef BRINK_REPORT_H_
#define BRINK_REPORT_H_

#include <string>

#include "brink/event.h"
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
// The end state: ladder, war, corridors, key regions, casualties, clashes by kind.
std::string EndStateText(const Scenario& s, const State& end);
// JSON lines: a header, one line per event, and the end state as the last line.
std::string RunJsonLines(const Scenario& s, const EventLog& log, const State& end, uint64_t seed);
// The same line by line, for writing a run's events as they happen.
std::string RunJsonHeader(const Scenario& s, int days, uint64_t seed);
std::string EventJsonLine(const Scenario& s, const Event& e);
std::string EndStateJsonLine(const Scenario& s, const State& end);


}  // namespace brink

#endif  // BRINK_REPORT_H_
