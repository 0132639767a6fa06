"""brink from Python: armed standoffs simulated by brink's C++ engine.

    import brink
    sc = brink.load()                                   # the embedded default scenario
    what_if = sc.set("exposure.us_iraq.troops=2000")    # as --set on the command line
    f = brink.forecast(what_if, runs=2000, seed=1)      # the same as `brink forecast --json`
    f.p("war"), f.outcomes()                            # a probability; a pandas table
    f.per_run()                                         # one row per run (pandas), or f.binary ...

Everything runs in the engine with the GIL released; Ctrl-C stops a forecast within a second.
Errors are brink.Error (brink.ScenarioError for a scenario, --set or --policy: the message
names file:line:column). docs/python.md has a worked example.
"""

import json as _json

from brink._brink import (  # noqa: F401  (re-exported)
    Action,
    Error,
    Game,
    LegalAction,
    Scenario,
    ScenarioError,
    State,
    Turn,
    __version__,
    default_scenario_text,
    policy_names,
    register_policy,
    unregister_policy,
)
from brink import _brink

DEFAULT_NAMES = ("default", "eastern-syria-2017")

__all__ = [
    "Action", "Comparison", "Error", "Forecast", "Game", "LegalAction", "Run", "Scenario",
    "ScenarioError", "Score", "State", "Turn", "compare", "default_scenario_text", "forecast",
    "load", "loads", "policy", "policy_names", "register_policy", "run", "score",
    "unregister_policy",
]


def _pandas():
    try:
        import pandas
    except ImportError as error:  # pandas is optional: NumPy views work without it
        raise ImportError("this needs pandas (Debian: apt-get install python3-pandas); "
                          "the NumPy arrays (.binary, .numbers, .holders) do not") from error
    return pandas


def load(source=None, *, set=(), policies=()):
    """Loads a scenario: the embedded default (no argument, "default" or "eastern-syria-2017"),
    another embedded one by name (brink.embedded_scenarios(): "eastern-syria-2018", "idlib-2020")
    or a TOML file by path. `set` items are --set PATH=VALUE overrides, `policies` --policy
    ACTOR=NAME choices. A bad scenario raises brink.ScenarioError naming file:line:column.
    For TOML text, use brink.loads(text)."""
    set, policies = list(_items(set)), list(_items(policies))
    if source is None or source in DEFAULT_NAMES:
        return _brink.load_default(set, policies)
    if isinstance(source, str) and source in _brink.embedded_scenarios():
        return _brink.load_embedded(source, set, policies)
    return _brink.load_file(str(source), set, policies)


def embedded_scenarios():
    """The names of the scenarios embedded in brink, the default first."""
    return list(_brink.embedded_scenarios())


def loads(text, name="<string>", *, set=(), policies=()):
    """Loads a scenario from TOML text; `name` stands for the file in error messages
    ("<string>:12:5: ...")."""
    return _brink.load_text(text, name, list(_items(set)), list(_items(policies)))


def _items(items):
    if isinstance(items, str):
        return [items]
    if isinstance(items, dict):
        return [f"{k}={_value(v)}" for k, v in items.items()]
    return [str(i) for i in items]


def _value(v):
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


def _scenario(scenario):
    if scenario is None:
        return load()
    if isinstance(scenario, Scenario):
        return scenario
    return load(scenario)


class Run:
    """One course of events (`brink run`): .events (a list of dicts), .end (the end state as a
    dict), .header, .narrative and .end_text (what `brink run` prints), .json_lines (what
    `brink run --json` writes, byte for byte)."""

    def __init__(self, raw):
        self.header = raw["header"]
        self.events = raw["events"]
        self.end = raw["end"]
        self.json_lines = raw["json_lines"]
        self.narrative = raw["narrative"]
        self.end_text = raw["end_text"]

    def events_frame(self):
        """The events as a pandas DataFrame, one row each."""
        return _pandas().DataFrame(self.events)

    def __repr__(self):
        return f"<brink.Run: {len(self.events)} events, {self.end.get('days', '?')} days>"


def run(scenario=None, seed=1, days=0):
    """One course of events, as `brink run --seed SEED --days DAYS`. Returns a brink.Run."""
    return Run(_brink.run(_scenario(scenario), seed, days))


class Forecast:
    """An ensemble (`brink forecast`).

    .data is the forecast as `brink forecast --json` writes it (parsed), .json the same text
    byte for byte, .text the terminal table. Per run (when per_run=True): .binary (runs x
    yes/no outcomes, bool), .numbers (runs x numbers, float, NaN where a conditional one did not
    happen), .holders (runs x regions: the bloc index holding it at the end, -1 nobody), with
    their column ids in .binary_ids, .number_ids, .region_ids (.bloc_ids names the blocs)."""

    def __init__(self, raw):
        import numpy
        self.json = raw["json"]
        self.data = _json.loads(self.json)
        self.text = raw["text"]
        self.seconds = raw["seconds"]
        self.seed = raw["seed"]
        self.binary_ids = list(raw["binary_ids"])
        self.number_ids = list(raw["number_ids"])
        self.region_ids = list(raw["region_ids"])
        self.bloc_ids = list(raw["bloc_ids"])
        self.key_regions = list(raw["key_regions"])
        self.binary = raw["binary"].astype(bool) if "binary" in raw else None
        self.numbers = raw.get("numbers")
        self.holders = raw.get("holders")
        self.war_by_day = numpy.asarray(self.data.get("war_by_day", []), dtype=float)

    @property
    def runs(self):
        return self.data["provenance"]["runs"]

    def p(self, outcome):
        """The probability of a yes/no outcome by id (e.g. "war")."""
        for b in self.data["binary"]:
            if b["id"] == outcome:
                return b["p"]
        raise KeyError(f"no yes/no outcome '{outcome}'; the outcomes: {', '.join(self.binary_ids)}")

    def outcomes(self):
        """The yes/no outcomes as a pandas DataFrame indexed by id: label, hits, runs, p and
        the 95% Wilson interval (low, high)."""
        rows = [{"id": b["id"], "label": b["label"], "hits": b["hits"], "runs": b["runs"],
                 "p": b["p"], "low": b["ci95"][0], "high": b["ci95"][1]}
                for b in self.data["binary"]]
        return _pandas().DataFrame(rows).set_index("id")

    def number_stats(self):
        """The numbers as a pandas DataFrame indexed by id: mean, sd and quantiles."""
        keys = ["label", "runs", "conditional", "mean", "sd", "q05", "q25", "q50", "q75", "q95"]
        rows = [{"id": n["id"], **{k: n.get(k) for k in keys}} for n in self.data["numbers"]]
        return _pandas().DataFrame(rows).set_index("id")

    def per_run(self):
        """One row per run, as `brink forecast --runs-csv` writes it: seed, run, every yes/no
        outcome (bool), every number, and the bloc holding each key region ("holder.ID")."""
        if self.binary is None:
            raise Error("this forecast was made with per_run=False")
        pandas = _pandas()
        import numpy
        n = self.binary.shape[0]
        columns = {"seed": numpy.full(n, self.seed, dtype=numpy.uint64),
                   "run": numpy.arange(n, dtype=numpy.int64)}
        for k, name in enumerate(self.binary_ids):
            columns[name] = self.binary[:, k]
        for k, name in enumerate(self.number_ids):
            columns[name] = self.numbers[:, k]
        names = numpy.array(self.bloc_ids + ["nobody"], dtype=object)
        for r in self.key_regions:
            columns["holder." + self.region_ids[r]] = pandas.Categorical(names[self.holders[:, r]],
                                                                        categories=list(names))
        return pandas.DataFrame(columns)

    def report_html(self):
        """The self-contained HTML report (`brink forecast --report`)."""
        return _brink.forecast_report_html(self.json)

    def __repr__(self):
        return f"<brink.Forecast: {self.runs} runs, {self.data['provenance']['days']} days, seed {self.seed}>"


def forecast(scenario=None, runs=10000, seed=1, threads=0, days=0, per_run=True, progress=None):
    """An ensemble of `runs` independent runs, as `brink forecast -n RUNS --seed SEED -j THREADS
    --days DAYS` (with the scenario's --set and --policy): its JSON is the command line's, byte
    for byte, whatever the threads (0: all cores). The GIL is released while it runs; Ctrl-C
    raises KeyboardInterrupt within a second. `progress(done, total)` is called from the calling
    thread as blocks of runs finish. `per_run=False` keeps no per-run arrays (memory flat)."""
    return Forecast(_brink.forecast(_scenario(scenario), runs, seed, threads, days, per_run, progress))


class Score:
    """A scored ensemble (`brink score`): .data as `brink score --json` writes it, .json the
    text, .text the terminal report."""

    def __init__(self, raw):
        self.json = raw["json"]
        self.data = _json.loads(self.json)
        self.text = raw["text"]
        self.seconds = raw["seconds"]

    @property
    def totals(self):
        return self.data["totals"]

    def observations(self):
        """Each observation's forecast and scores as a pandas DataFrame."""
        return _pandas().DataFrame(self.data["observations"])

    def __repr__(self):
        return f"<brink.Score: {len(self.data.get('observations', []))} observations>"


def score(scenario=None, observations=None, observations_text=None, runs=10000, seed=1, threads=0,
          progress=None):
    """Scores an ensemble against observations, as `brink score`: `observations` is a TOML file
    (or give `observations_text`); by default the scenario's own [[observation]] tables, or for
    the default scenario its embedded record of 2017."""
    return Score(_brink.score(_scenario(scenario), observations, observations_text, runs, seed,
                              threads, progress))


class Comparison:
    """Two forecasts outcome by outcome (`brink compare`): .rows (a list of dicts: id, label,
    kind, a, b, difference, its 95% interval low/high, the paired one when both arms were run
    with the same seeds, differs), .text, .html."""

    def __init__(self, raw):
        self.a_name = raw["a_name"]
        self.b_name = raw["b_name"]
        self.rows = raw["rows"]
        self.text = raw["text"]
        self.html = raw["html"]
        self.a = _json.loads(raw["a_json"])
        self.b = _json.loads(raw["b_json"])

    def frame(self):
        """The rows as a pandas DataFrame indexed by outcome id."""
        return _pandas().DataFrame(self.rows).set_index("id")

    def __repr__(self):
        return f"<brink.Comparison {self.a_name} vs {self.b_name}: {sum(r['differs'] for r in self.rows)} differ>"


def compare(a, b, runs=10000, seed=1, threads=0, days=0, progress=None):
    """Compares two forecasts. Given two Scenarios (e.g. sc and sc.set(...)), runs both with the
    same seeds, as `brink compare --set ...`, with paired intervals. Given two brink.Forecasts
    (or their JSON text), compares them as `brink compare A.json B.json`."""
    if isinstance(a, Scenario) and isinstance(b, Scenario):
        return Comparison(_brink.compare_run(a, b, runs, seed, threads, days, progress))
    a_json = a.json if isinstance(a, Forecast) else str(a)
    b_json = b.json if isinstance(b, Forecast) else str(b)
    return Comparison(_brink.compare_saved(a_json, b_json, "a", "b"))


def policy(name):
    """Decorator: registers `choose(turn, actor)` as a policy named `name` (see
    brink.register_policy) and returns it unchanged.

        @brink.policy("cautious")
        def cautious(turn, actor):
            return brink.Action.hold
    """
    def wrap(choose):
        register_policy(name, choose)
        return choose
    return wrap

# `brink sensitivity` and `brink sweep` (and `forecast --uncertain`) are not on main yet. When
# they are, they bind here the way forecast and score do: a C++ function in
# python/ensemble.cc calling the library with the command's Options struct inside
# RunInterruptible, and a Python function and result class here returning the command's JSON
# as Python objects (the sweep's table as a DataFrame).
