// `brink sweep` as a library call: the design's points as ensembles, kept in SQLite
// (include/brink/sweep.h; the schema is in docs/analysis.md, "Sweeps").
#include <fmt/format.h>
#include <sqlite3.h>

#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include "analysis/split_points.h"
#include "brink/analysis.h"
#include "brink/cluster.h"
#include "brink/parameters.h"
#include "brink/sweep.h"

namespace brink {
namespace {

// One row per point and outcome; the parameters' values also one row per point and parameter,
// so that a user can pivot them. A point is keyed by the scenario's hash, its parameters (as
// canonical text, "path=value;..." with every digit of each value), the seed, the runs and
// the days.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS result (
  scenario_hash TEXT NOT NULL,
  parameters    TEXT NOT NULL,
  seed          INTEGER NOT NULL,
  runs          INTEGER NOT NULL,
  days          INTEGER NOT NULL,
  outcome       TEXT NOT NULL,
  value         REAL,
  ci_low        REAL,
  ci_high       REAL,
  PRIMARY KEY (scenario_hash, parameters, seed, runs, days, outcome)
);
CREATE TABLE IF NOT EXISTS point_parameter (
  scenario_hash TEXT NOT NULL,
  parameters    TEXT NOT NULL,
  seed          INTEGER NOT NULL,
  runs          INTEGER NOT NULL,
  days          INTEGER NOT NULL,
  parameter     TEXT NOT NULL,
  value         REAL NOT NULL,
  PRIMARY KEY (scenario_hash, parameters, seed, runs, days, parameter)
);
)sql";

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

Result<Db> Open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOFOLLOW;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return Status::Error(fmt::format("{}: cannot open the database: {}", path, raw ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_busy_timeout(raw, 5000);
  char* error = nullptr;
  if (sqlite3_exec(raw, kSchema, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::Error(fmt::format("{}: not a brink sweep database ({})", path, message));
  }
  return db;
}

Result<Stmt> Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Status::Error(fmt::format("database: {}", sqlite3_errmsg(db)));
  }
  return Stmt(raw);
}

void BindKey(sqlite3_stmt* st, const std::string& hash, const std::string& key, uint64_t seed, int64_t runs, int days) {
  sqlite3_bind_text(st, 1, hash.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, key.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>(seed));
  sqlite3_bind_int64(st, 4, runs);
  sqlite3_bind_int(st, 5, days);
}

Status Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::Error(fmt::format("database: {}", message));
  }
  return {};
}

struct Plan {
  std::vector<ParameterRef> params;
  std::vector<std::string> outcomes;
  std::vector<std::vector<double>> values;  // per point
  std::vector<std::string> keys;            // per point
  int days = 0;
};

Result<Plan> MakePlan(const Scenario& s, const SweepOptions& options) {
  Plan plan;
  Result<std::vector<ParameterRef>> params = SelectParameters(s, options.parameters);
  if (!params.ok()) return Status::Error(params.message());
  plan.params = std::move(params.value());
  if (plan.params.empty()) return Status::Error("--parameter: no parameter to vary");
  Result<std::vector<std::string>> outcomes = AnalysisOutcomes(s, options.outcomes);
  if (!outcomes.ok()) return Status::Error(outcomes.message());
  plan.outcomes = std::move(outcomes.value());
  const int k = static_cast<int>(plan.params.size());
  Points design;
  if (options.design == "grid") {
    if (std::pow(static_cast<double>(options.levels), k) > 1e5) {
      return Status::Error(fmt::format("--design grid: {} levels of {} parameters is more than 100,000 points", options.levels, k));
    }
    design = GridDesign(k, options.levels);
  } else if (options.design == "lhs") {
    design = LatinHypercube(k, options.points, options.seed);
  } else if (options.design == "sobol") {
    design = SobolSequence(k, options.points);
  } else {
    return Status::Error(fmt::format("--design {}: expected grid, lhs or sobol", options.design));
  }
  plan.days = options.days > 0 ? options.days : s.horizon_days;
  for (const auto& u : design) {
    std::vector<double> v;
    std::string key;
    for (std::size_t i = 0; i < plan.params.size(); ++i) {
      v.push_back(plan.params[i].At(u[i]));
      key += fmt::format("{}{}={:.17g}", key.empty() ? "" : ";", plan.params[i].path, v.back());
    }
    plan.values.push_back(std::move(v));
    plan.keys.push_back(std::move(key));
  }
  return plan;
}

// A point's ensemble as the database keeps it: per outcome its value and its interval (NaN
// where it has none: stored as NULL).
Result<std::vector<double>> PointRow(const Scenario& s, const Plan& plan, const ForecastOptions& ensemble,
                                     std::size_t j, const std::atomic<bool>* cancel) {
  Result<Scenario> point = WithValues(s, plan.params, plan.values[j]);
  if (!point.ok()) return Status::Error(point.message());
  Result<Forecast> f = RunForecast(point.value(), ensemble, nullptr, cancel);
  if (!f.ok()) return Status::Error(f.message());
  std::vector<double> row;
  const std::vector<double> values = OutcomeValues(point.value(), f.value(), plan.outcomes);
  for (std::size_t o = 0; o < plan.outcomes.size(); ++o) {
    Interval ci{std::nan(""), std::nan("")};
    for (const BinaryOutcome& b : f.value().binary) {
      if (b.id == plan.outcomes[o]) ci = b.value.Wilson();
    }
    row.insert(row.end(), {values[o], ci.low, ci.high});
  }
  return row;
}

void BindValue(sqlite3_stmt* st, int index, double value) {
  if (std::isnan(value)) {
    sqlite3_bind_null(st, index);
  } else {
    sqlite3_bind_double(st, index, value);
  }
}

// The database of a sweep, open on rank 0 only.
struct Store {
  Db db;
  Stmt has, add, add_value;
};

Result<Store> OpenStore(const std::string& path) {
  Result<Db> opened = Open(path, true);
  if (!opened.ok()) return Status::Error(opened.message());
  Store store{std::move(opened.value()), nullptr, nullptr, nullptr};
  sqlite3* db = store.db.get();
  Result<Stmt> has = Prepare(db, "SELECT 1 FROM result WHERE scenario_hash=?1 AND parameters=?2 AND seed=?3 AND runs=?4 AND days=?5 LIMIT 1");
  Result<Stmt> add = Prepare(db, "INSERT INTO result VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  Result<Stmt> add_value = Prepare(db, "INSERT INTO point_parameter VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!has.ok() || !add.ok() || !add_value.ok()) return Status::Error(fmt::format("{}: {}", path, sqlite3_errmsg(db)));
  store.has = std::move(has.value());
  store.add = std::move(add.value());
  store.add_value = std::move(add_value.value());
  return store;
}

// Writes point j's rows, as one transaction: the database never holds part of a point.
Status WritePoint(Store& store, const Scenario& s, const SweepOptions& options, const Plan& plan, std::size_t j,
                  const std::vector<double>& row) {
  sqlite3* db = store.db.get();
  if (Status st = Exec(db, "BEGIN IMMEDIATE"); !st.ok()) return st;
  auto failed = [&] {
    std::string message = fmt::format("{}: {}", options.database, sqlite3_errmsg(db));
    Exec(db, "ROLLBACK");
    return Status::Error(message);
  };
  for (std::size_t o = 0; o < plan.outcomes.size(); ++o) {
    sqlite3_stmt* ins = store.add.get();
    sqlite3_reset(ins);
    BindKey(ins, s.content_hash, plan.keys[j], options.seed, options.runs, plan.days);
    sqlite3_bind_text(ins, 6, plan.outcomes[o].c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(ins, 7, row[3 * o]);
    BindValue(ins, 8, row[3 * o + 1]);
    BindValue(ins, 9, row[3 * o + 2]);
    if (sqlite3_step(ins) != SQLITE_DONE) return failed();
  }
  for (std::size_t i = 0; i < plan.params.size(); ++i) {
    sqlite3_stmt* ins = store.add_value.get();
    sqlite3_reset(ins);
    BindKey(ins, s.content_hash, plan.keys[j], options.seed, options.runs, plan.days);
    sqlite3_bind_text(ins, 6, plan.params[i].path.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(ins, 7, plan.values[j][i]);
    if (sqlite3_step(ins) != SQLITE_DONE) return failed();
  }
  return Exec(db, "COMMIT");
}

}  // namespace

Result<SweepProgress> RunSweep(const Scenario& s, const SweepOptions& options, const SweepProgressFn& progress,
                               const std::atomic<bool>* cancel) {
  Result<Plan> planned = MakePlan(s, options);
  if (!planned.ok()) return Status::Error(planned.message());
  const Plan& plan = planned.value();
  Cluster* cluster = options.cluster;
  const bool root = cluster == nullptr || cluster->root();
  // Rank 0 opens the database and finds the points already in it; the others learn which.
  std::optional<Store> store;
  std::vector<std::byte> todo_flags(plan.keys.size(), std::byte{1});
  Status opened;
  if (root) {
    Result<Store> open = OpenStore(options.database);
    if (open.ok()) {
      store.emplace(std::move(open.value()));
      for (std::size_t j = 0; j < plan.keys.size(); ++j) {
        sqlite3_stmt* q = store->has.get();
        sqlite3_reset(q);
        BindKey(q, s.content_hash, plan.keys[j], options.seed, options.runs, plan.days);
        if (sqlite3_step(q) == SQLITE_ROW) todo_flags[j] = std::byte{0};
      }
    } else {
      opened = Status::Error(open.message());
    }
  }
  if (Status st = FirstError(cluster, opened); !st.ok()) return st;
  todo_flags = FromRoot(cluster, std::move(todo_flags));
  std::vector<std::size_t> todo;
  for (std::size_t j = 0; j < plan.keys.size(); ++j) {
    if (todo_flags[j] != std::byte{0}) todo.push_back(j);
  }
  ForecastOptions ensemble;
  ensemble.runs = options.runs;
  ensemble.seed = options.seed;
  ensemble.threads = options.threads;
  ensemble.days = plan.days;
  SweepProgress p;
  p.total = static_cast<int64_t>(plan.keys.size());
  p.skipped = p.total - static_cast<int64_t>(todo.size());
  if (progress && p.skipped > 0) progress(p);
  Status st = EvaluatePoints(
      cluster, static_cast<int64_t>(todo.size()), 3 * plan.outcomes.size(),
      [&](int64_t t) { return PointRow(s, plan, ensemble, todo[static_cast<std::size_t>(t)], cancel); },
      [&](int64_t t, const std::vector<double>& row) -> Status {
        if (store) {
          if (Status written = WritePoint(*store, s, options, plan, todo[static_cast<std::size_t>(t)], row);
              !written.ok()) {
            return written;
          }
        }
        ++p.done;
        if (progress) progress(p);
        return {};
      },
      cancel);
  if (!st.ok()) return st;
  return p;
}

Result<std::string> SweepPrim(const Scenario& s, const SweepOptions& options) {
  const std::size_t op = options.prim.find_first_of("<>");
  if (op == std::string::npos || op == 0 || op + 1 == options.prim.size()) {
    return Status::Error(fmt::format("--prim {}: expected OUTCOME>VALUE or OUTCOME<VALUE, e.g. war>0.05", options.prim));
  }
  const std::string outcome = options.prim.substr(0, op);
  char* end = nullptr;
  const std::string number = options.prim.substr(op + 1);
  const double threshold = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0' || !std::isfinite(threshold)) {
    return Status::Error(fmt::format("--prim {}: '{}' is not a number", options.prim, number));
  }
  SweepOptions with_outcome = options;
  if (std::find(with_outcome.outcomes.begin(), with_outcome.outcomes.end(), outcome) == with_outcome.outcomes.end() &&
      !with_outcome.outcomes.empty()) {
    return Status::Error(fmt::format("--prim {}: '{}' is not one of the sweep's outcomes", options.prim, outcome));
  }
  Result<Plan> planned = MakePlan(s, with_outcome);
  if (!planned.ok()) return Status::Error(planned.message());
  const Plan& plan = planned.value();
  if (std::find(plan.outcomes.begin(), plan.outcomes.end(), outcome) == plan.outcomes.end()) {
    return Status::Error(fmt::format("--prim {}: '{}' is not one of the sweep's outcomes", options.prim, outcome));
  }
  Result<Db> opened = Open(options.database, false);
  if (!opened.ok()) return Status::Error(opened.message());
  Result<Stmt> get = Prepare(opened.value().get(),
                             "SELECT value FROM result WHERE scenario_hash=?1 AND parameters=?2 AND seed=?3 AND runs=?4 "
                             "AND days=?5 AND outcome=?6");
  if (!get.ok()) return Status::Error(get.message());
  Points x;
  std::vector<bool> interest;
  for (std::size_t j = 0; j < plan.keys.size(); ++j) {
    sqlite3_stmt* q = get.value().get();
    sqlite3_reset(q);
    BindKey(q, s.content_hash, plan.keys[j], options.seed, options.runs, plan.days);
    sqlite3_bind_text(q, 6, outcome.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(q) != SQLITE_ROW) continue;
    const double v = sqlite3_column_double(q, 0);
    x.push_back(plan.values[j]);
    interest.push_back(options.prim[op] == '>' ? v > threshold : v < threshold);
  }
  if (x.empty()) return Status::Error("--prim: none of the sweep's points is in the database yet; run the sweep first");
  const std::vector<PrimBox> trajectory = PrimTrajectory(x, interest, {});
  const PrimBox box = PrimChoose(trajectory);
  std::string out = fmt::format("PRIM: where {} ({} of {} points){}\n", options.prim,
                                std::count(interest.begin(), interest.end(), true), x.size(),
                                x.size() < plan.keys.size() ? " (the sweep is not finished)" : "");
  out += fmt::format("  box: coverage {:.2f} (share of those points inside), density {:.2f} (share inside that are), "
                     "mass {:.2f}\n", box.coverage, box.density, box.mass);
  for (std::size_t i = 0; i < plan.params.size(); ++i) {
    const bool low = std::isfinite(box.low[i]) && box.low[i] > plan.params[i].low;
    const bool high = std::isfinite(box.high[i]) && box.high[i] < plan.params[i].high;
    if (!low && !high) continue;
    out += fmt::format("  {:<40} {} to {} (swept {} to {})\n", plan.params[i].path,
                       low ? fmt::format("{:.4g}", box.low[i]) : "-", high ? fmt::format("{:.4g}", box.high[i]) : "-",
                       plan.params[i].low, plan.params[i].high);
  }
  out += "  peeling trajectory (coverage, density):";
  for (std::size_t t = 0; t < trajectory.size(); t += std::max<std::size_t>(1, trajectory.size() / 8)) {
    out += fmt::format(" ({:.2f}, {:.2f})", trajectory[t].coverage, trajectory[t].density);
  }
  return out + "\n";
}

}  // namespace brink
