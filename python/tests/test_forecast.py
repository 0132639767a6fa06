"""Forecasts from Python: the command line's JSON byte for byte, whatever the threads, with
per-run outcomes as NumPy arrays and pandas tables."""
import json

import numpy
import pytest

import brink
from conftest import cli


def test_forecast_is_the_command_lines_json_byte_for_byte(default):
    what_if = default.set("exposure.us_iraq.troops=2000").with_policies(us="hold")
    f = brink.forecast(what_if, runs=300, seed=7, days=200)
    assert f.json.encode() == cli("forecast", "--json", "-", "-n", "300", "--seed", "7", "--days", "200",
                                  "--set", "exposure.us_iraq.troops=2000", "--policy", "us=hold", "--no-progress")
    assert f.data == json.loads(f.json)
    assert f.data["provenance"]["set"] == ["exposure.us_iraq.troops=2000"]


def test_forecast_does_not_depend_on_the_threads(small):
    one = brink.forecast(small, runs=500, seed=3, threads=1)
    three = brink.forecast(small, runs=500, seed=3, threads=3)
    assert one.json == three.json
    assert numpy.array_equal(one.numbers, three.numbers, equal_nan=True)


def test_per_run_arrays_agree_with_the_summary(small):
    f = brink.forecast(small, runs=400, seed=11)
    assert f.binary.shape == (400, len(f.binary_ids)) and f.binary.dtype == bool
    assert f.numbers.shape == (400, len(f.number_ids))
    assert f.holders.shape == (400, len(f.region_ids))
    for k, outcome in enumerate(f.data["binary"]):
        assert int(f.binary[:, k].sum()) == outcome["hits"], outcome["id"]
    for k, number in enumerate(f.data["numbers"]):
        values = f.numbers[:, k]
        values = values[~numpy.isnan(values)]
        assert len(values) == number["runs"]
        if len(values):
            assert values.mean() == pytest.approx(number["mean"], rel=1e-9, abs=1e-9)
    assert f.p("war") == f.data["binary"][0]["p"]
    with pytest.raises(KeyError, match="no yes/no outcome"):
        f.p("peace_in_our_time")


def test_per_run_table_is_the_runs_csv(small):
    pandas = pytest.importorskip("pandas")
    import io
    f = brink.forecast(small, runs=200, seed=4)
    table = f.per_run()
    csv = pandas.read_csv(io.BytesIO(cli("forecast", "--scenario", small.source, "-n", "200", "--seed", "4",
                                         "--runs-csv", "-", "--no-progress")))
    assert list(table.columns) == list(csv.columns)
    for column in f.binary_ids:
        assert (table[column].astype(int) == csv[column]).all(), column
    for column in f.number_ids:
        assert numpy.allclose(table[column], csv[column], equal_nan=True, rtol=1e-12), column
    for column in [c for c in csv.columns if c.startswith("holder.")]:
        assert (table[column].astype(str) == csv[column]).all(), column
    outcomes = f.outcomes()
    assert outcomes.loc["war", "p"] == f.p("war")
    assert set(f.number_stats().index) == set(f.number_ids)


def test_forecast_without_per_run_arrays(small):
    f = brink.forecast(small, runs=50, per_run=False)
    assert f.binary is None
    with pytest.raises(brink.Error, match="per_run=False"):
        f.per_run()


def test_progress_is_reported_from_the_calling_thread(small):
    seen = []
    brink.forecast(small, runs=5000, seed=1, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (5000, 5000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_bad_counts_are_value_errors(small):
    with pytest.raises(ValueError, match="runs: expected 1"):
        brink.forecast(small, runs=0)
    with pytest.raises(ValueError, match="threads"):
        brink.forecast(small, runs=10, threads=-1)


def test_report_html_is_drawn(small):
    page = brink.forecast(small, runs=50).report_html()
    assert page.startswith("<!DOCTYPE html>") or page.startswith("<!doctype html>")
