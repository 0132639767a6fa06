// Scenarios at the documented limits built to be as expensive as possible (issue 15, defect
// 3), for the regression tests that bound their time and memory and for measuring them.
#ifndef BRINK_TESTS_WORST_CASE_H_
#define BRINK_TESTS_WORST_CASE_H_

#include <string>

namespace brink::test {

// 512 regions in a 16 x 32 grid (with random short extra edges up to 4,096) split by a wall of
// rival ground with one gap at the bottom; 2,047 blue forces in the west whose goals, the
// group's ground in the east, lie beyond the wall; they stand against it (the four columns
// before it), so every road they would take is barred and each day's march needs a detour
// search of about the whole map.
std::string BarredRoadsScenario(int horizon_days);

// Two rival actors of 1,024 forces each in one region, with incident_rate 1 and no losses or
// tension from incidents: about a million incidents a day, every day.
std::string IncidentFloodScenario(int horizon_days);

}  // namespace brink::test

#endif  // BRINK_TESTS_WORST_CASE_H_
