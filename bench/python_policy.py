"""Runs per second of a forecast with policies written in Python against the C++ doctrine.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_policy.py [RUNS]

One thread each (a Python policy runs under the GIL, so more threads do not help it). The
Python doctrine is the C++ doctrine's softmax written in Python over the same scores and draws:
its forecast is the same, so the difference is the price of deciding in Python.
"""
import math
import sys
import time

import brink

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
sc = brink.load()
RATIONALITY = {a["id"]: a["rationality"] for a in sc.actors}


@brink.policy("py_hold")
def py_hold(turn, actor):
    return brink.Action.hold


@brink.policy("py_doctrine")
def py_doctrine(turn, actor):
    scores = turn.scores(actor)
    if len(scores) == 1:
        return next(iter(scores))
    best = max(scores.values())
    weights = {k: 1.0 if u == best else math.exp(RATIONALITY[actor] * (u - best)) for k, u in scores.items()}
    pick = turn.draw(actor) * sum(weights.values())
    last = brink.Action.hold
    for kind, w in weights.items():
        last = kind
        if pick < w:
            return kind
        pick -= w
    return last


def measure(label, scenario, reference=None):
    started = time.perf_counter()
    f = brink.forecast(scenario, runs=RUNS, seed=1, threads=1, per_run=False)
    seconds = time.perf_counter() - started
    same = "" if reference is None else ("  (same forecast as the C++ doctrine)" if f.data["binary"] == reference.data["binary"]
                                           and f.data["numbers"] == reference.data["numbers"] else "  (differs)")
    print(f"{label:52s} {RUNS / seconds:8.1f} runs/s{same}")
    return f


cpp = measure("C++ doctrine, every actor", sc)
measure("C++ hold for the US", sc.with_policies(us="hold"))
measure("Python hold for the US", sc.with_policies(us="py_hold"))
measure("Python doctrine for the US", sc.with_policies(us="py_doctrine"), cpp)
measure("Python doctrine for every actor", sc.with_policies(*[f"{a['id']}=py_doctrine" for a in sc.actors]), cpp)
