// The Python module `brink` (its C++ part, brink._brink): scenarios, one run, and the helpers
// the other files share. The ensembles are in ensemble.cc, the game interface and Python
// policies in game.cc; python/brink/__init__.py adds NumPy and pandas views. docs/python.md
// shows it in use.
#include <pybind11/stl.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "brink/engine.h"
#include "brink/policy.h"
#include "brink/report.h"
#include "python/bindings.h"

namespace brink::python {

PyObject* g_error = nullptr;
PyObject* g_scenario_error = nullptr;

void Raise(PyObject* type, const std::string& message) {
  PyErr_SetString(type, message.c_str());
  throw py::error_already_set();
}

py::object JsonLoads(const std::string& text) {
  static const py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return (*loads)(py::str(text));
}

ActorId ActorOf(const Scenario& s, const py::handle& actor) {
  if (py::isinstance<py::str>(actor)) {
    const std::string id = actor.cast<std::string>();
    const int index = s.ActorIndex(id);
    if (index < 0) {
      std::string known;
      for (const Actor& a : s.actors) known += (known.empty() ? "" : ", ") + a.id;
      PyErr_SetString(PyExc_KeyError,
                      ("the scenario has no actor '" + id + "'; its actors: " + known).c_str());
      throw py::error_already_set();
    }
    return static_cast<ActorId>(index);
  }
  const int64_t index = actor.cast<int64_t>();
  if (index < 0 || index >= static_cast<int64_t>(s.actors.size())) {
    Raise(PyExc_IndexError, "actor index " + std::to_string(index) +
                                " is out of range (the scenario has " +
                                std::to_string(s.actors.size()) + " actors)");
  }
  return static_cast<ActorId>(index);
}

PyScenario LoadPy(PyScenario::Source source, std::string text, std::string source_name,
                  ScenarioOptions options) {
  Result<Scenario> loaded = Status::Error("unset");
  switch (source) {
    case PyScenario::Source::kDefault:
      loaded = LoadDefaultScenario(options.overrides);
      break;
    case PyScenario::Source::kFile:
      loaded = LoadScenarioFile(options.scenario_path, options.overrides);
      break;
    case PyScenario::Source::kText:
      loaded = LoadScenario(text, source_name, options.overrides);
      break;
  }
  if (loaded.ok()) {
    if (Status chosen = ApplyPolicyChoices(loaded.value(), options.policies); !chosen.ok())
      loaded = chosen;
  }
  if (!loaded.ok()) Raise(g_scenario_error, loaded.message());
  PyScenario out;
  out.source = source;
  out.text = std::move(text);
  out.source_name = std::move(source_name);
  out.options = std::move(options);
  out.scenario = std::make_shared<const Scenario>(loaded.take());
  return out;
}

void RunInterruptible(const std::function<void(const std::atomic<bool>& cancel)>& work,
                      const std::atomic<int64_t>* done, int64_t total, const py::object& progress,
                      const std::function<bool()>& failed) {
  std::atomic<bool> cancel{false};
  std::exception_ptr crashed;
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  bool raised = false;  // a Python exception is set on this thread
  int64_t reported = -1;
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      {
        // A Python thread state for this thread, made once: a Python policy called here (all
        // its calls when threads=1) then takes the GIL without making and freeing one per call.
        py::gil_scoped_acquire state;
        py::gil_scoped_release unlocked;
        try {
          work(cancel);
        } catch (...) {
          crashed = std::current_exception();
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      finished = true;
      finished_cv.notify_all();
    });
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex);
        if (finished_cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished; }))
          break;
      }
      if (raised) continue;  // cancelled: waiting for the work to stop
      py::gil_scoped_acquire gil;
      try {
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        if (failed && failed()) cancel.store(true);
        if (done != nullptr && !progress.is_none() && done->load() != reported) {
          reported = done->load();
          progress(reported, total);
        }
      } catch (py::error_already_set& error) {
        error.restore();  // keep it set on this thread until the work has stopped
        raised = true;
        cancel.store(true);
      }
    }
    worker.join();
  }
  if (raised) throw py::error_already_set();
  if (crashed) std::rethrow_exception(crashed);
  if (done != nullptr && !progress.is_none() && done->load() != reported)
    progress(done->load(), total);
}

namespace {

std::vector<std::string> Strings(const py::handle& items, const char* what) {
  std::vector<std::string> out;
  if (items.is_none()) return out;
  if (py::isinstance<py::str>(items)) return {items.cast<std::string>()};
  for (const py::handle& item : items) {
    if (!py::isinstance<py::str>(item))
      Raise(PyExc_TypeError, std::string(what) + ": expected strings");
    out.push_back(item.cast<std::string>());
  }
  return out;
}

// set("a=1", b=2) and with_policies(us="hold") as the command line's PATH=VALUE, ACTOR=NAME.
std::string ValueText(const py::handle& value) {
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>() ? "true" : "false";
  return py::str(value).cast<std::string>();
}

std::vector<std::string> Assignments(const py::args& items, const py::kwargs& named,
                                     const char* what) {
  std::vector<std::string> out;
  for (const py::handle& item : items) {
    if (py::isinstance<py::dict>(item)) {
      for (const auto& [key, value] : item.cast<py::dict>()) {
        out.push_back(py::str(key).cast<std::string>() + "=" + ValueText(value));
      }
    } else {
      for (std::string& s : Strings(item, what)) out.push_back(std::move(s));
    }
  }
  for (const auto& [key, value] : named) {
    out.push_back(py::str(key).cast<std::string>() + "=" + ValueText(value));
  }
  return out;
}

py::list ActorsList(const Scenario& s) {
  py::list out;
  for (const Actor& a : s.actors) {
    py::dict d;
    d["id"] = a.id;
    d["name"] = a.name;
    d["bloc"] = a.bloc >= 0 ? py::object(py::str(s.blocs[static_cast<std::size_t>(a.bloc)].id))
                            : py::object(py::none());
    d["policy"] = a.policy;
    d["rationality"] = a.rationality;
    out.append(d);
  }
  return out;
}

py::dict RunOne(const PyScenario& sc, uint64_t seed, int days) {
  const Scenario& s = *sc.scenario;
  const int horizon = days > 0 ? days : s.horizon_days;
  if (horizon > Limits::kMaxDays)
    Raise(PyExc_ValueError, "days: at most " + std::to_string(Limits::kMaxDays));
  Engine engine(sc.scenario);
  WorkspacePtr workspace = engine.NewWorkspace();
  State end = engine.Initial();
  EventLog log, today;
  std::string lines = RunJsonHeader(s, horizon, seed, sc.options);
  ClearPolicyErrors(s);
  // A run takes milliseconds to a few seconds: the GIL is kept (a Python policy needs it
  // anyway), and Ctrl-C is checked every simulated day.
  while (end.day < horizon) {
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    today.clear();
    engine.Step(end, *workspace, seed, 0, &today);
    if (PolicyFailed(s)) RaisePolicyError(s);
    for (const Event& e : today) lines += EventJsonLine(s, e);
    log.insert(log.end(), today.begin(), today.end());
  }
  lines += EndStateJsonLine(s, end);
  py::list events;
  std::istringstream in(lines);
  std::string line;
  py::dict header, end_state;
  for (bool first = true; std::getline(in, line); first = false) {
    py::object item = JsonLoads(line);
    if (first) {
      header = item;
    } else if (item.cast<py::dict>().contains("type") &&
               py::str(item["type"]).cast<std::string>() == "end_state") {
      end_state = item;
    } else {
      events.append(item);
    }
  }
  py::dict out;
  out["header"] = header;
  out["events"] = events;
  out["end"] = end_state;
  out["json_lines"] = lines;
  out["narrative"] = Narrative(s, log, end);
  out["end_text"] = EndStateText(s, end);
  return out;
}

}  // namespace

PYBIND11_MODULE(_brink, m) {
  m.doc() =
      "brink's engine (C++): scenarios, runs, forecasts, scores, comparisons and the game "
      "interface.";
  m.attr("__version__") = BRINK_VERSION;
  g_error =
      PyErr_NewExceptionWithDoc("brink.Error", "An error brink reports; its message is brink's.",
                                PyExc_RuntimeError, nullptr);
  g_scenario_error = PyErr_NewExceptionWithDoc(
      "brink.ScenarioError",
      "A scenario, override (--set) or policy choice brink refuses; the message names "
      "file:line:column and what was expected.",
      g_error, nullptr);
  m.attr("Error") = py::handle(g_error);
  m.attr("ScenarioError") = py::handle(g_scenario_error);

  py::class_<PyScenario>(m, "Scenario", R"(A loaded, validated scenario (immutable).

Make one with brink.load(); set() and with_policies() return a new one. It remembers where it
came from and every override and policy choice, so a forecast's provenance is what
`brink forecast --set ... --policy ...` writes.)")
      .def_property_readonly("name", [](const PyScenario& p) { return p.scenario->name; })
      .def_property_readonly("description",
                             [](const PyScenario& p) { return p.scenario->description; })
      .def_property_readonly(
          "source", [](const PyScenario& p) { return p.scenario->source_name; },
          "Where it came from: a path, '<default:...>' or the name given to a TOML string.")
      .def_property_readonly("content_hash",
                             [](const PyScenario& p) { return p.scenario->content_hash; })
      .def_property_readonly("start_date",
                             [](const PyScenario& p) { return p.scenario->start_date; })
      .def_property_readonly("horizon_days",
                             [](const PyScenario& p) { return p.scenario->horizon_days; })
      .def_property_readonly(
          "overrides", [](const PyScenario& p) { return p.options.overrides; },
          "The --set items applied, in order.")
      .def_property_readonly(
          "policies", [](const PyScenario& p) { return p.options.policies; },
          "The --policy items applied, in order.")
      .def_property_readonly(
          "actors", [](const PyScenario& p) { return ActorsList(*p.scenario); },
          "The actors: id, name, bloc and policy of each, in file order.")
      .def_property_readonly(
          "blocs",
          [](const PyScenario& p) {
            py::list out;
            for (const Bloc& b : p.scenario->blocs)
              out.append(py::dict(py::arg("id") = b.id, py::arg("name") = b.name));
            return out;
          },
          "The blocs (sides): id and name.")
      .def_property_readonly(
          "regions",
          [](const PyScenario& p) {
            py::list out;
            const Scenario& s = *p.scenario;
            for (const Region& r : s.regions)
              out.append(py::dict(py::arg("id") = r.id, py::arg("name") = r.name,
                                  py::arg("country") = r.country));
            return out;
          },
          "The regions of the map: id, name and country.")
      .def(
          "set",
          [](const PyScenario& p, const py::args& items, const py::kwargs& named) {
            ScenarioOptions options = p.options;
            for (std::string& item : Assignments(items, named, "set"))
              options.overrides.push_back(std::move(item));
            return LoadPy(p.source, p.text, p.source_name, options);
          },
          R"(A new scenario with parameters overridden, as `--set PATH=VALUE` on the command line.

    sc.set("exposure.us_iraq.troops=2000")
    sc.set({"faction.us_hawks.influence": 0.8}, **{"rules.signalling": False})

Each item is checked like the file itself; a bad one raises brink.ScenarioError.)")
      .def(
          "with_policies",
          [](const PyScenario& p, const py::args& items, const py::kwargs& named) {
            ScenarioOptions options = p.options;
            for (std::string& item : Assignments(items, named, "with_policies"))
              options.policies.push_back(std::move(item));
            return LoadPy(p.source, p.text, p.source_name, options);
          },
          R"(A new scenario with actors decided by other policies, as `--policy ACTOR=NAME`.

    sc.with_policies(us="hold")          # or "us=hold"
    sc.with_policies(us="my_policy")     # a policy registered with brink.register_policy)")
      .def(
          "check", [](const PyScenario&) { return true; },
          "True: a Scenario exists only once it has validated.")
      .def("__repr__", [](const PyScenario& p) {
        return "<brink.Scenario '" + p.scenario->name + "' from " + p.scenario->source_name + ", " +
               std::to_string(p.options.overrides.size()) + " set, " +
               std::to_string(p.options.policies.size()) + " policy>";
      });

  m.def(
      "load_default",
      [](const std::vector<std::string>& set, const std::vector<std::string>& policies) {
        ScenarioOptions options;
        options.overrides = set;
        options.policies = policies;
        return LoadPy(PyScenario::Source::kDefault, {}, {}, options);
      },
      py::arg("set") = std::vector<std::string>{}, py::arg("policies") = std::vector<std::string>{},
      "The embedded default scenario (eastern Syria, June 2017), with --set and --policy items.");
  m.def(
      "load_file",
      [](const std::string& path, const std::vector<std::string>& set,
         const std::vector<std::string>& policies) {
        if (path.empty()) Raise(g_scenario_error, "the scenario path is empty");
        ScenarioOptions options;
        options.scenario_path = path;
        options.overrides = set;
        options.policies = policies;
        return LoadPy(PyScenario::Source::kFile, {}, {}, options);
      },
      py::arg("path"), py::arg("set") = std::vector<std::string>{},
      py::arg("policies") = std::vector<std::string>{},
      "A scenario file (TOML, docs/scenario-format.md), with --set and --policy items.");
  m.def(
      "load_text",
      [](const std::string& text, const std::string& name, const std::vector<std::string>& set,
         const std::vector<std::string>& policies) {
        ScenarioOptions options;
        options.overrides = set;
        options.policies = policies;
        return LoadPy(PyScenario::Source::kText, text, name, options);
      },
      py::arg("text"), py::arg("name") = "<string>", py::arg("set") = std::vector<std::string>{},
      py::arg("policies") = std::vector<std::string>{},
      "A scenario given as TOML text; `name` names it in error messages (name:line:column).");
  m.def(
      "load_embedded",
      [](const std::string& name, const std::vector<std::string>& set, const std::vector<std::string>& policies) {
        const EmbeddedScenario* e = FindEmbeddedScenario(name);
        if (!e) {
          Raise(g_scenario_error, "no embedded scenario named '" + name + "'; expected one of: " + EmbeddedScenarioNames());
        }
        ScenarioOptions options;
        options.overrides = set;
        options.policies = policies;
        return LoadPy(PyScenario::Source::kText, std::string(e->text), EmbeddedSourceName(name), options);
      },
      py::arg("name"), py::arg("set") = std::vector<std::string>{}, py::arg("policies") = std::vector<std::string>{},
      "An embedded scenario by name (embedded_scenarios()), with --set and --policy items.");
  m.def(
      "embedded_scenarios",
      [] {
        std::vector<std::string> names;
        for (const EmbeddedScenario& e : EmbeddedScenarios()) names.emplace_back(e.name);
        return names;
      },
      "The names of the scenarios embedded in brink, the default first.");
  m.def(
      "default_scenario_text", [] { return std::string(DefaultScenarioText()); },
      "The TOML of the embedded default scenario.");

  m.def("run", &RunOne, py::arg("scenario"), py::arg("seed") = 1, py::arg("days") = 0,
        R"(One course of events, as `brink run --json`: a dict with 'header', 'events' (a list of
dicts, one per event), 'end' (the end state), 'json_lines' (the same as `brink run --json`
writes, byte for byte), 'narrative' and 'end_text' (what `brink run` prints).)");

  BindGame(m);
  BindEnsemble(m);
}

}  // namespace brink::python
