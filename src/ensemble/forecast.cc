// The ensemble: runs in blocks, in parallel, folded into the statistics in run order.
#include "brink/forecast.h"

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <type_traits>
#include <string>

#include "brink/cluster.h"
#include "brink/engine.h"
#include "brink/parameters.h"
#include "engine/random.h"
#include "ensemble/threads.h"

namespace brink {
namespace {


// Not applicable in this run (a conditional number's value where its condition failed).
constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();

// For each actor, the blocs whose fire can reach it short of a scenario edit: another bloc with
// an actor in rivalry, hostility or feud with it in any relation phase. Killed counts are
// reported for these pairs (victim actor, shooting bloc), in actor then bloc order.
std::vector<std::pair<std::size_t, std::size_t>> FirePairs(const Scenario& s) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t v = 0; v < s.actors.size(); ++v) {
    for (std::size_t b = 0; b < s.blocs.size(); ++b) {
      if (static_cast<std::size_t>(s.actors[v].bloc) == b) continue;
      bool fires = false;
      for (std::size_t x = 0; x < s.actors.size() && !fires; ++x) {
        if (static_cast<std::size_t>(s.actors[x].bloc) != b) continue;
        for (int phase = 0; phase < s.tables().relation_phases && !fires; ++phase) {
          const RelationKind k = s.relation(static_cast<ActorId>(v), static_cast<ActorId>(x), phase);
          fires = k == RelationKind::kRivalry || k == RelationKind::kHostility || k == RelationKind::kFeud;
        }
      }
      if (fires) pairs.emplace_back(v, b);
    }
  }
  return pairs;
}

bool HasInsurgency(const Scenario& s) {
  for (const Actor& a : s.actors) {
    if (a.insurgency > 0) return true;
  }
  return false;
}

bool HasTerrorist(const Scenario& s) {
  for (const Actor& a : s.actors) {
    if (a.terrorist) return true;
  }
  return false;
}

// Writes a run's outcomes in the order of the outcome table.
void Extract(const Scenario& s, const std::vector<OutcomeColumn>& table, const State& end, uint8_t* bin,
             double* num, int8_t* holders) {
  for (const OutcomeColumn& column : table) {
    const double v = column.value(end);
    if (column.binary) {
      *bin++ = v != 0;
    } else {
      *num++ = v;
    }
  }
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    holders[r] = static_cast<int8_t>(HolderBloc(s, end, static_cast<RegionId>(r)));
  }
}

// Brings every rank's share of a block of `count` runs to rank 0, into the block's arrays
// (each rank's share is contiguous and the shares are in rank order).
void GatherBlock(Cluster& cluster, int64_t count, std::size_t n_bin, std::size_t n_num, std::size_t n_reg,
                 std::vector<uint8_t>& bin, std::vector<double>& num, std::vector<int8_t>& holders,
                 std::vector<std::array<uint16_t, 3>>& chains) {
  const int ranks = cluster.size(), rank = cluster.rank();
  auto share = [&](int r) { return std::pair(count * r / ranks, count * (r + 1) / ranks); };
  auto gather = [&](auto& array, std::size_t per_run) {
    using Item = typename std::remove_reference_t<decltype(array)>::value_type;
    std::vector<int> sizes;
    for (int r = 0; r < ranks; ++r) {
      const auto [begin, end] = share(r);
      sizes.push_back(static_cast<int>(static_cast<std::size_t>(end - begin) * per_run * sizeof(Item)));
    }
    const auto [begin, end] = share(rank);
    const std::span<Item> all(array.data(), static_cast<std::size_t>(count) * per_run);
    const std::span<Item> mine = all.subspan(static_cast<std::size_t>(begin) * per_run,
                                             static_cast<std::size_t>(end - begin) * per_run);
    cluster.Gather(std::as_bytes(mine), sizes, std::as_writable_bytes(all), true);
  };
  gather(bin, n_bin);
  gather(num, n_num);
  gather(holders, n_reg);
  gather(chains, 1);
}

}  // namespace

std::string WarCauseChain(const std::array<uint16_t, 3>& chain) {
  std::string out;
  for (uint16_t link : chain) {
    if (link == 0) continue;
    out += fmt::format("{} by a {} on a {} -> ", EventKindName(FireLinkKind(link)), link & 0x100 ? "principal" : "proxy",
                       link & 0x200 ? "principal" : "proxy");
  }
  return out.empty() ? "no fire between the rivals -> war" : out + "war";
}

std::vector<OutcomeColumn> OutcomeTable(const Scenario& s) {
  std::vector<OutcomeColumn> t;
  using Value = std::function<double(const State&)>;
  auto binary = [&](std::string id, std::string label, Value value) {
    t.push_back({std::move(id), std::move(label), true, false, true, std::move(value)});
  };
  auto number = [&](std::string id, std::string label, Value value, bool conditional = false, bool whole = true) {
    t.push_back({std::move(id), std::move(label), false, conditional, whole, std::move(value)});
  };
  binary("war", "Full-scale war", [](const State& e) { return e.at_war(); });
  binary("ceasefire", "Full-scale war ended in a ceasefire", [](const State& e) { return e.ceasefire_day >= 0; });
  binary("direct_clash", "At least one limited direct clash", [](const State& e) { return e.tally.direct_clashes > 0; });
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    const Corridor& k = s.corridors[c];
    binary("corridor_open." + k.id, fmt::format("Corridor '{}' open at the end", k.name),
           [c](const State& e) { return e.corridor_open[c] != 0; });
    binary("corridor_cut." + k.id, fmt::format("Corridor '{}' cut at the end", k.name),
           [c](const State& e) { return e.corridor_open[c] == 0; });
  }
  binary("horizontal_retaliation", "Horizontal retaliation happened",
         [](const State& e) { return e.tally.count(EventKind::kHorizontal) > 0; });
  binary("feud_clash", "Feud clash happened", [](const State& e) { return e.tally.count(EventKind::kFeudClash) > 0; });
  if (HasTerrorist(s)) {
    binary("group_defeated", "Terrorist group lost its last region", [](const State& e) { return e.group_defeated_day >= 0; });
  }

  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    number("casualties." + s.actors[a].id, "Casualties: " + s.actors[a].name,
           [a](const State& e) { return e.actors[a].casualties; });
  }
  const std::size_t actors = s.actors.size();
  for (const auto& pair : FirePairs(s)) {
    const std::size_t v = pair.first, b = pair.second;  // named: clang 14 cannot capture a structured binding
    number(fmt::format("killed.{}.by.{}", s.actors[v].id, s.blocs[b].id),
           fmt::format("Killed: {} by {}", s.actors[v].name, s.blocs[b].name), [&s, v, b, actors](const State& e) {
             double lost = 0;
             for (std::size_t x = 0; x < actors; ++x) {
               if (static_cast<std::size_t>(s.actors[x].bloc) == b) lost += e.inflicted[v * actors + x];
             }
             return lost * s.KilledShare(static_cast<ActorId>(v));
           });
  }
  for (EventKind kind : kClashKinds) {
    number(fmt::format("events.{}", EventKindName(kind)), fmt::format("Count: {}", EventKindName(kind)),
           [kind](const State& e) { return e.tally.count(kind); });
  }
  number("events.defensive_signal", "Count: defensive_signal", [](const State& e) { return e.tally.count(EventKind::kSignal); });
  number("direct_clashes", "Limited direct clashes", [](const State& e) { return e.tally.direct_clashes; });
  number("zone_area_incidents", "Incidents in or next to declared zones",
         [](const State& e) { return e.tally.zone_area_incidents; });
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    if (s.actors[a].dispersal > 0) {
      number("underground." + s.actors[a].id, "Fighters gone underground: " + s.actors[a].name,
             [a](const State& e) { return e.underground[a]; });
    }
  }
  if (HasInsurgency(s)) {
    number("insurgent_attacks", "Insurgent attacks", [](const State& e) { return static_cast<double>(e.tally.insurgent_attacks); });
  }
  number("max_level", fmt::format("Highest ladder rung (0-{})", s.war_rung()), [](const State& e) { return e.max_level; });
  number("war_day", "Day full-scale war broke out (runs with war)",
         [](const State& e) { return e.at_war() ? e.war_day : kNotApplicable; }, true);
  number("war_length_days", "War length in days, to the ceasefire or the end (runs with war)",
         [](const State& e) { return e.war_length_days() >= 0 ? e.war_length_days() : kNotApplicable; }, true);
  if (HasTerrorist(s)) {
    number("group_defeated_day", "Day the group lost its last region (runs where it did)",
           [](const State& e) { return e.group_defeated_day >= 0 ? e.group_defeated_day : kNotApplicable; }, true);
  }
  // Rung severities need not be whole.
  number("escalation_score", "Escalation score", [](const State& e) { return e.tally.escalation_score; }, false, false);
  number("escalation_score.no_war", "Escalation score (runs without war)",
         [](const State& e) { return e.at_war() ? kNotApplicable : e.tally.escalation_score; }, true, false);
  number("escalation_score.war", "Escalation score (runs with war)",
         [](const State& e) { return e.at_war() ? e.tally.escalation_score : kNotApplicable; }, true, false);
  for (std::size_t a = 0; a < s.actors.size(); ++a) {
    number("deliberate_strikes." + s.actors[a].id, "Deliberate strikes by " + s.actors[a].name,
           [a](const State& e) { return e.actors[a].deliberate_strikes; });
  }
  for (std::size_t b = 0; b < s.blocs.size(); ++b) {
    number("contested_held." + s.blocs[b].id, "Regions the group held at start, held by " + s.blocs[b].name + " at the end",
           [&s, b](const State& e) {
             int held = 0;
             for (RegionId r : s.tables().contested) held += HolderBloc(s, e, r) == static_cast<BlocId>(b);
             return held;
           });
  }
  for (std::size_t b = 0; b < s.blocs.size(); ++b) {
    number("contested_days." + s.blocs[b].id, "Region-days of contested ground held by " + s.blocs[b].name,
           [b](const State& e) { return e.contested_days[b]; });
  }
  for (std::size_t c = 0; c < s.corridors.size(); ++c) {
    number("corridor_cut_days." + s.corridors[c].id, fmt::format("Days corridor '{}' was cut", s.corridors[c].name),
           [c](const State& e) { return e.corridor_cut_days[c]; });
  }
  return t;
}

Forecast EmptyForecast(const Scenario& s, int days) {
  Forecast f;
  f.days = days;
  for (OutcomeColumn& column : OutcomeTable(s)) {
    if (column.binary) {
      f.binary.push_back({std::move(column.id), std::move(column.label), {}});
    } else {
      f.numbers.push_back({std::move(column.id), std::move(column.label), column.conditional, {}, column.whole});
    }
  }
  f.war_by_day.assign(static_cast<std::size_t>(days) + 1, 0);
  f.holder_counts.assign(s.regions.size() * (s.blocs.size() + 1), 0);
  return f;
}

Result<Forecast> RunForecast(const Scenario& s, const ForecastOptions& options,
                             const ProgressFn& progress, const std::atomic<bool>* cancel,
                             const RunSink& each_run) {
  const auto started = std::chrono::steady_clock::now();
  const int days = options.days > 0 ? options.days : s.horizon_days;
  const std::vector<OutcomeColumn> table = OutcomeTable(s);
  Forecast f = EmptyForecast(s, days);
  f.runs = options.runs;
  const std::size_t n_bin = f.binary.size(), n_num = f.numbers.size(), n_reg = s.regions.size();
  // Split across a cluster's ranks, each rank computes about kBlock runs of each block (its
  // share, in rank order) and rank 0 folds the whole block.
  Cluster* cluster = options.cluster;
  const int ranks = cluster != nullptr ? cluster->size() : 1;
  const int rank = cluster != nullptr ? cluster->rank() : 0;
  const bool root = rank == 0;
  const int64_t kBlock = 2048 * static_cast<int64_t>(ranks);
  std::vector<uint8_t> bin(static_cast<std::size_t>(kBlock) * n_bin);
  std::vector<double> num(static_cast<std::size_t>(kBlock) * n_num);
  std::vector<int8_t> holders(static_cast<std::size_t>(kBlock) * n_reg);
  std::vector<std::array<uint16_t, 3>> chains(static_cast<std::size_t>(kBlock));
  std::map<std::string, int64_t> causes;
  Engine engine(s);
  // forecast --uncertain: the parameters each run draws from their plausible ranges.
  std::vector<ParameterRef> uncertain;
  if (options.uncertain) {
    Result<std::vector<ParameterRef>> chosen = SelectParameters(s, options.uncertain_parameters);
    if (!chosen.ok()) return Status::Error(chosen.message());
    uncertain = std::move(chosen.value());
  }
  EnsembleThreads workers(options.threads);
  tbb::task_arena& arena = workers.arena();
  const std::size_t blocs = s.blocs.size();
  std::size_t war_day_index = 0;
  for (std::size_t k = 0; k < n_num; ++k) {
    if (f.numbers[k].id == "war_day") war_day_index = k;
  }
  for (int64_t first = 0; first < options.runs; first += kBlock) {
    if (cluster == nullptr && cancel && cancel->load()) return Status::Error("interrupted before the end");
    const int64_t count = std::min(kBlock, options.runs - first);
    // This rank's share of the block: runs [mine_begin, mine_end) of it.
    const int64_t mine_begin = count * rank / ranks, mine_end = count * (rank + 1) / ranks;
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<int64_t>(mine_begin, mine_end, 8), [&](const auto& range) {
        for (int64_t i = range.begin(); i != range.end(); ++i) {
          // An interruption takes effect within a day of every run in flight, however long
          // a run is; the runs left are skipped and the block is thrown away below.
          if (cancel && cancel->load(std::memory_order_relaxed)) return;
          const Engine* run_engine = &engine;
          const std::vector<OutcomeColumn>* run_table = &table;
          std::optional<Engine> drawn;
          std::vector<OutcomeColumn> drawn_table;
          if (!uncertain.empty()) {
            // The run's own values of the uncertain parameters, uniform over their ranges,
            // from its own stream: the same whatever thread runs it.
            Scenario values = s;
            Rng rng(options.seed, static_cast<uint64_t>(first + i), Stream::kParameters, 0);
            for (const ParameterRef& p : uncertain) p.Set(values, p.At(rng.Uniform()));
            drawn.emplace(std::move(values));
            run_engine = &*drawn;
            drawn_table = OutcomeTable(drawn->scenario());
            run_table = &drawn_table;
          }
          State end = run_engine->Initial();
          // A fresh workspace per run: its caches are tied to the State it stepped.
          WorkspacePtr w = run_engine->NewWorkspace();
          while (end.day < days) {
            if (cancel && cancel->load(std::memory_order_relaxed)) return;
            run_engine->Step(end, *w, options.seed, static_cast<uint64_t>(first + i), nullptr);
          }
          Extract(s, *run_table, end, &bin[static_cast<std::size_t>(i) * n_bin],
                  &num[static_cast<std::size_t>(i) * n_num], &holders[static_cast<std::size_t>(i) * n_reg]);
          chains[static_cast<std::size_t>(i)] = end.fire_chain;
        }
      });
    });
    if (AnyRank(cluster, cancel && cancel->load())) return Status::Error("interrupted before the end");
    if (cluster != nullptr) GatherBlock(*cluster, count, n_bin, n_num, n_reg, bin, num, holders, chains);
    if (!root) continue;
    // Fold in run order: the statistics do not depend on which thread ran what.
    for (int64_t i = 0; i < count; ++i) {
      const uint8_t* b = &bin[static_cast<std::size_t>(i) * n_bin];
      const double* x = &num[static_cast<std::size_t>(i) * n_num];
      const int8_t* h = &holders[static_cast<std::size_t>(i) * n_reg];
      if (each_run) each_run({first + i, b, x, h});
      for (std::size_t k = 0; k < n_bin; ++k) f.binary[k].value.Add(b[k] != 0);
      for (std::size_t k = 0; k < n_num; ++k) {
        if (f.numbers[k].conditional && std::isnan(x[k])) continue;
        f.numbers[k].value.Add(x[k]);
      }
      if (b[0]) {
        ++causes[WarCauseChain(chains[static_cast<std::size_t>(i)])];
        int war_day = static_cast<int>(x[war_day_index]);
        if (war_day >= 0 && war_day <= days) ++f.war_by_day[static_cast<std::size_t>(war_day)];
      }
      for (std::size_t r = 0; r < n_reg; ++r) {
        std::size_t column = h[r] < 0 ? blocs : static_cast<std::size_t>(h[r]);
        ++f.holder_counts[r * (blocs + 1) + column];
      }
    }
    if (progress) progress(first + count, options.runs);  // rank 0 only: the others continued above
  }
  for (std::size_t d = 1; d < f.war_by_day.size(); ++d) f.war_by_day[d] += f.war_by_day[d - 1];
  for (const auto& [chain, runs] : causes) f.war_causes.push_back({chain, runs});
  std::stable_sort(f.war_causes.begin(), f.war_causes.end(),
                   [](const WarCause& a, const WarCause& b) { return a.runs > b.runs; });
  f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return f;
}

}  // namespace brink
