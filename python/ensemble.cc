// Ensembles from Python: forecast, score and compare, each the same computation as the command
// line's (same options in, the same JSON out), run with the GIL released and Ctrl-C checked
// (RunInterruptible). Per-run outcomes come back as NumPy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include "brink/compare.h"
#include "brink/forecast.h"
#include "brink/report.h"
#include "brink/score.h"
#include "python/bindings.h"

namespace brink::python {
namespace {

void CheckCounts(int64_t runs, int threads, int days) {
  if (runs < 1 || runs > CommandLimits::kMaxRuns) {
    Raise(PyExc_ValueError, "runs: expected 1 to " + std::to_string(CommandLimits::kMaxRuns));
  }
  if (threads < 0 || threads > CommandLimits::kMaxThreads) {
    Raise(PyExc_ValueError,
          "threads: expected 0 (all cores) to " + std::to_string(CommandLimits::kMaxThreads));
  }
  if (days < 0 || days > Limits::kMaxDays) {
    Raise(PyExc_ValueError,
          "days: expected 0 (the scenario's horizon) to " + std::to_string(Limits::kMaxDays));
  }
}

// Per-run outcomes, gathered in run order as the ensemble folds them in.
struct PerRun {
  std::size_t n_bin = 0, n_num = 0, n_reg = 0;
  std::vector<uint8_t> binary;
  std::vector<double> numbers;
  std::vector<int8_t> holders;
  void Add(const RunOutcome& run) {
    binary.insert(binary.end(), run.binary, run.binary + n_bin);
    numbers.insert(numbers.end(), run.numbers, run.numbers + n_num);
    holders.insert(holders.end(), run.holders, run.holders + n_reg);
  }
};

template <typename T>
py::array_t<T> Matrix(const std::vector<T>& values, std::size_t columns) {
  const std::size_t rows = columns == 0 ? 0 : values.size() / columns;
  py::array_t<T> out({rows, columns});
  if (!values.empty()) std::memcpy(out.mutable_data(), values.data(), values.size() * sizeof(T));
  return out;
}

// The shape of a scenario's forecast: outcome ids, regions, blocs, key regions.
py::dict Shape(const Scenario& s) {
  const Forecast shape = EmptyForecast(s, 1);
  py::list binary_ids, number_ids, conditional, region_ids, bloc_ids, key;
  for (const BinaryOutcome& b : shape.binary) binary_ids.append(b.id);
  for (const NumberOutcome& n : shape.numbers) {
    number_ids.append(n.id);
    conditional.append(n.conditional);
  }
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    region_ids.append(s.regions[r].id);
    if (KeyRegion(s, r)) key.append(r);
  }
  for (const Bloc& b : s.blocs) bloc_ids.append(b.id);
  py::dict out;
  out["binary_ids"] = binary_ids;
  out["number_ids"] = number_ids;
  out["number_conditional"] = conditional;
  out["region_ids"] = region_ids;
  out["bloc_ids"] = bloc_ids;
  out["key_regions"] = key;
  return out;
}

ForecastOptions OptionsFor(const PyScenario& sc, int64_t runs, uint64_t seed, int threads,
                           int days) {
  CheckCounts(runs, threads, days);
  ForecastOptions options;
  options.scenario = sc.options;
  options.runs = runs;
  options.seed = seed;
  options.threads = threads;
  options.days = days;
  options.progress = false;
  return options;
}

py::dict ForecastPy(const PyScenario& sc, int64_t runs, uint64_t seed, int threads, int days,
                    bool per_run, const py::object& progress) {
  const Scenario& s = *sc.scenario;
  const ForecastOptions options = OptionsFor(sc, runs, seed, threads, days);
  PerRun each;
  each.n_bin = EmptyForecast(s, 1).binary.size();
  each.n_num = EmptyForecast(s, 1).numbers.size();
  each.n_reg = s.regions.size();
  std::atomic<int64_t> done{0};
  std::optional<Result<brink::Forecast>> result;
  ClearPolicyErrors(s);
  RunInterruptible(
      [&](const std::atomic<bool>& cancel) {
        result.emplace(RunForecast(
            s, options, [&](int64_t finished, int64_t) { done.store(finished); }, &cancel,
            per_run ? RunSink([&](const RunOutcome& run) { each.Add(run); }) : RunSink()));
      },
      &done, runs, progress, [&] { return PolicyFailed(s); });
  RaisePolicyError(s);
  if (!result->ok()) Raise(g_error, result->message());
  const brink::Forecast& f = result->value();
  py::dict out = Shape(s);
  out["json"] = ForecastJson(s, f, options);
  out["text"] = ForecastText(s, f);
  out["seconds"] = f.seconds;
  out["seed"] = seed;
  if (per_run) {
    out["binary"] = Matrix(each.binary, each.n_bin);
    out["numbers"] = Matrix(each.numbers, each.n_num);
    out["holders"] = Matrix(each.holders, each.n_reg);
  }
  return out;
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Raise(g_scenario_error, path + ": cannot be read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

py::dict ScorePy(const PyScenario& sc, const std::optional<std::string>& observations_path,
                 const std::optional<std::string>& observations_text, int64_t runs, uint64_t seed,
                 int threads, const py::object& progress) {
  const Scenario& s = *sc.scenario;
  CheckCounts(runs, threads, 0);
  ScoreOptions options;
  options.scenario = sc.options;
  options.runs = runs;
  options.seed = seed;
  options.threads = threads;
  options.progress = false;
  // The observations as `brink score` finds them: the file given, else the scenario's own
  // [[observation]] tables, else (default scenario) its embedded record of 2017.
  Result<ObservationSet> loaded = Status::Error("none");
  if (observations_path && observations_text) {
    Raise(PyExc_ValueError, "give observations (a path) or observations_text, not both");
  } else if (observations_path) {
    options.observations_path = *observations_path;
    loaded = LoadObservationsFile(*observations_path, s);
  } else if (observations_text) {
    loaded = LoadObservations(*observations_text, "<observations>", s);
  } else if (sc.source == PyScenario::Source::kDefault) {
    loaded = LoadDefaultObservations(s);
  } else {
    const std::string text =
        sc.source == PyScenario::Source::kText ? sc.text : ReadWhole(sc.options.scenario_path);
    loaded = LoadObservations(text, s.source_name, s);
  }
  if (!loaded.ok()) Raise(g_scenario_error, loaded.message());
  const ObservationSet& observations = loaded.value();
  std::atomic<int64_t> done{0};
  std::optional<Result<ScoreReport>> result;
  ClearPolicyErrors(s);
  RunInterruptible(
      [&](const std::atomic<bool>& cancel) {
        result.emplace(RunScore(
            s, observations, options, [&](int64_t finished, int64_t) { done.store(finished); },
            &cancel));
      },
      &done, runs, progress, [&] { return PolicyFailed(s); });
  RaisePolicyError(s);
  if (!result->ok()) Raise(g_error, result->message());
  py::dict out;
  out["json"] = ScoreJson(s, observations, result->value(), options);
  out["text"] = ScoreText(s, observations, result->value());
  out["seconds"] = result->value().seconds;
  return out;
}

py::dict ComparisonDict(const Comparison& c) {
  py::list rows;
  for (const ComparisonRow& r : c.rows) {
    py::dict row;
    row["id"] = r.id;
    row["label"] = r.label;
    row["kind"] = r.binary ? "binary" : "number";
    row["a"] = r.in_a ? py::object(py::float_(r.a)) : py::object(py::none());
    row["b"] = r.in_b ? py::object(py::float_(r.b)) : py::object(py::none());
    row["difference"] =
        r.in_a && r.in_b ? py::object(py::float_(r.difference)) : py::object(py::none());
    row["a_low"] = r.a_ci.low;
    row["a_high"] = r.a_ci.high;
    row["b_low"] = r.b_ci.low;
    row["b_high"] = r.b_ci.high;
    row["low"] = r.ci.low;
    row["high"] = r.ci.high;
    row["paired_low"] =
        r.paired_ci ? py::object(py::float_(r.paired_ci->low)) : py::object(py::none());
    row["paired_high"] =
        r.paired_ci ? py::object(py::float_(r.paired_ci->high)) : py::object(py::none());
    row["a_runs"] = r.a_runs;
    row["b_runs"] = r.b_runs;
    row["differs"] = r.differs;
    rows.append(row);
  }
  py::dict out;
  out["a_name"] = c.a_name;
  out["b_name"] = c.b_name;
  out["rows"] = rows;
  out["text"] = ComparisonText(c);
  out["html"] = ComparisonHtml(c);
  out["a_json"] = c.a_json;
  out["b_json"] = c.b_json;
  return out;
}

py::dict CompareSaved(const std::string& a_json, const std::string& b_json,
                      const std::string& a_name, const std::string& b_name) {
  Result<Comparison> c = CompareForecasts(a_json, a_name, b_json, b_name);
  if (!c.ok()) Raise(g_error, c.message());
  return ComparisonDict(c.value());
}

py::dict CompareRun(const PyScenario& a, const PyScenario& b, int64_t runs, uint64_t seed,
                    int threads, int days, const py::object& progress) {
  const ForecastOptions a_options = OptionsFor(a, runs, seed, threads, days);
  const ForecastOptions b_options = OptionsFor(b, runs, seed, threads, days);
  const Scenario& sa = *a.scenario;
  const Scenario& sb = *b.scenario;
  PairedRuns paired(EmptyForecast(sa, 1));
  std::atomic<int64_t> done{0};
  std::optional<Result<ForecastPair>> pair;
  ClearPolicyErrors(sa);
  ClearPolicyErrors(sb);
  RunInterruptible(
      [&](const std::atomic<bool>& cancel) {
        pair.emplace(RunForecastPair(
            sa, a_options, sb, b_options,
            [&](const RunOutcome& x, const RunOutcome& y) { paired.Add(x, y); },
            [&](int64_t finished, int64_t) { done.store(finished); }, &cancel));
      },
      &done, runs, progress, [&] { return PolicyFailed(sa) || PolicyFailed(sb); });
  RaisePolicyError(sa);
  RaisePolicyError(sb);
  if (!pair->ok()) Raise(g_error, pair->message());
  Result<Comparison> c =
      CompareForecasts(ForecastJson(sa, pair->value().a, a_options), "the baseline",
                       ForecastJson(sb, pair->value().b, b_options), "the variant", &paired);
  if (!c.ok()) Raise(g_error, c.message());
  return ComparisonDict(c.value());
}

}  // namespace

void BindEnsemble(py::module_& m) {
  m.def("forecast", &ForecastPy, py::arg("scenario"), py::arg("runs") = 10000, py::arg("seed") = 1,
        py::arg("threads") = 0, py::arg("days") = 0, py::arg("per_run") = true,
        py::arg("progress") = py::none(),
        "The ensemble of `brink forecast` (low level: brink.forecast wraps it).");
  m.def("score", &ScorePy, py::arg("scenario"), py::arg("observations") = std::nullopt,
        py::arg("observations_text") = std::nullopt, py::arg("runs") = 10000, py::arg("seed") = 1,
        py::arg("threads") = 0, py::arg("progress") = py::none(),
        "The scored ensemble of `brink score` (low level: brink.score wraps it).");
  m.def("compare_saved", &CompareSaved, py::arg("a_json"), py::arg("b_json"),
        py::arg("a_name") = "baseline", py::arg("b_name") = "variant",
        "Two forecasts' JSON compared (`brink compare A.json B.json`).");
  m.def("compare_run", &CompareRun, py::arg("a"), py::arg("b"), py::arg("runs") = 10000,
        py::arg("seed") = 1, py::arg("threads") = 0, py::arg("days") = 0,
        py::arg("progress") = py::none(),
        "Two scenarios run with the same seeds and compared with paired intervals (`brink compare "
        "--set`).");
  m.def(
      "forecast_report_html",
      [](const std::string& json) {
        Result<std::string> page = ForecastReportHtml(json, "the forecast");
        if (!page.ok()) Raise(g_error, page.message());
        return page.take();
      },
      py::arg("forecast_json"),
      "The self-contained HTML report of a forecast's JSON (`brink report`).");
}

}  // namespace brink::python
