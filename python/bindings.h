// Shared by the Python module's files (python/*.cc): the scenario as Python holds it, the
// long calls that keep Ctrl-C working, and each file's part of the module.
#ifndef BRINK_PYTHON_BINDINGS_H_
#define BRINK_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "brink/options.h"
#include "brink/scenario.h"
#include "brink/status.h"

namespace brink::python {

namespace py = pybind11;

// A loaded scenario and what reproduces it: where it came from and every --set and --policy,
// so that a forecast's provenance is the command line's. Immutable: set() and with_policies()
// load a new one.
struct PyScenario {
  enum class Source { kDefault, kFile, kText };
  Source source = Source::kDefault;
  std::string text;         // kText: the TOML
  std::string source_name;  // kText: how errors name it
  ScenarioOptions options;  // path (kFile), overrides, policies
  std::shared_ptr<const Scenario> scenario;
};

// Loads (or reloads with other options) a scenario; a bad one raises brink.ScenarioError with
// brink's message (file:line:column and what was expected).
PyScenario LoadPy(PyScenario::Source source, std::string text, std::string source_name,
                  ScenarioOptions options);

// The exception classes of the module (set up by the module's init).
extern PyObject* g_error;           // brink.Error: base of them all (a RuntimeError)
extern PyObject* g_scenario_error;  // brink.ScenarioError: a scenario, override or policy choice

// Raises `type` with the message (the Python exception is set and pybind11's
// error_already_set thrown).
[[noreturn]] void Raise(PyObject* type, const std::string& message);

// Runs `work` on a thread of its own with the GIL released (so other Python threads and any
// Python policy run meanwhile), while the calling thread wakes every 50 ms to check for
// Ctrl-C (PyErr_CheckSignals: Python runs signal handlers only on its main thread) and to
// report progress. On KeyboardInterrupt (or an exception from `progress` or `failed`) it sets
// the cancel flag that the engine polls every simulated day, waits for the work to stop and
// raises. `done` and `total` feed `progress(done, total)` (None: no progress). `failed`
// returns true when the work should be cancelled for a reason of its own (a Python policy
// raised); it is asked with the GIL held.
void RunInterruptible(const std::function<void(const std::atomic<bool>& cancel)>& work,
                      const std::atomic<int64_t>* done, int64_t total, const py::object& progress,
                      const std::function<bool()>& failed = nullptr);

// Python policies (game.cc): after a forecast, raises the first exception one of the
// scenario's Python policies raised, if any; before it, forgets old ones.
void ClearPolicyErrors(const Scenario& s);
bool PolicyFailed(const Scenario& s);
void RaisePolicyError(const Scenario& s);

// The actor named by an id ("us") or an index.
ActorId ActorOf(const Scenario& s, const py::handle& actor);

// Parses JSON text with Python's json module.
py::object JsonLoads(const std::string& text);

void BindGame(py::module_& m);      // game.cc: State, Turn, Game, register_policy
void BindEnsemble(py::module_& m);  // ensemble.cc: forecast, score, compare

}  // namespace brink::python

#endif  // BRINK_PYTHON_BINDINGS_H_
