"""Shared by the Python module's tests (run by CTest: see python/CMakeLists.txt, which sets
PYTHONPATH to the built package, BRINK_CLI to the command-line tool and BRINK_SOURCE_DIR)."""
import math
import os
import subprocess

import pytest

import brink

SOURCE_DIR = os.environ.get("BRINK_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("BRINK_CLI", os.path.join(SOURCE_DIR, "build", "brink"))
SMALL = os.path.join(SOURCE_DIR, "tests", "data", "small.toml")


def cli(*args):
    """Runs the command-line tool; returns its standard output (bytes), failing on an error."""
    done = subprocess.run([CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def python_doctrine(turn, actor):
    """The doctrine written in Python from the public Turn: the softmax of the doctrine's scores
    with the actor's rationality and its draw (src/policy/doctrine.cc ChooseSoftmax), step for
    step, so its runs are the C++ doctrine's."""
    scores = turn.scores(actor)
    if len(scores) == 1:
        return next(iter(scores))
    best = max(scores.values())
    rationality = RATIONALITY[actor]
    weights = {k: 1.0 if u - best == 0 else math.exp(rationality * (u - best)) for k, u in scores.items()}
    pick = turn.draw(actor) * sum(weights.values())
    last = brink.Action.hold
    for kind, w in weights.items():
        last = kind
        if pick < w:
            return kind
        pick -= w
    return last


RATIONALITY = {a["id"]: a["rationality"] for a in brink.load().actors}
brink.register_policy("py_doctrine", python_doctrine)


@pytest.fixture(scope="session")
def default():
    return brink.load()


@pytest.fixture(scope="session")
def small():
    return brink.load(SMALL)
