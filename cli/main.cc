#include <fmt/format.h>
#include "brink/engine.h"
int main() {
  auto r = brink::LoadDefaultScenario();
  if (!r.ok()) { fmt::print(stderr, "{}\n", r.message()); return 2; }
  brink::Engine e(r.value());
  brink::EventLog log;
  auto st = e.Run(1, 0, 0, &log);
  for (auto& ev : log) fmt::print("{} {} {} {} {}\n", ev.day, brink::EventKindName(ev.kind), ev.actor, ev.target, ev.region);
  fmt::print("level {} war {}\n", st.max_level, st.war_day);
}
