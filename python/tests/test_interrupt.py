"""Ctrl-C stops a long forecast: a real SIGINT to this process, sent while the ensemble runs."""
import os
import signal
import threading

import pytest

import brink


def _interrupt_soon(seconds=0.5):
    threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT)).start()


def test_ctrl_c_stops_a_long_forecast(default):
    with pytest.raises(KeyboardInterrupt):
        _interrupt_soon()
        brink.forecast(default, runs=100_000_000, per_run=False)  # days of work uninterrupted
    # The module is fine afterwards: the same forecast as before.
    assert brink.forecast(default, runs=30, seed=1, days=50).json == brink.forecast(default, runs=30, seed=1, days=50).json


def test_ctrl_c_stops_a_forecast_with_a_python_policy(default):
    with pytest.raises(KeyboardInterrupt):
        _interrupt_soon()
        brink.forecast(default.with_policies(us="py_doctrine"), runs=100_000_000, per_run=False, threads=2)


def test_ctrl_c_stops_a_score_and_a_comparison(default):
    with pytest.raises(KeyboardInterrupt):
        _interrupt_soon()
        brink.score(default, runs=100_000_000)
    with pytest.raises(KeyboardInterrupt):
        _interrupt_soon()
        brink.compare(default, default.set("rules.signalling=false"), runs=100_000_000)
