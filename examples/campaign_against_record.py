"""The default scenario's 2017 campaign against the record, run by run.

    PYTHONPATH=build/python /usr/bin/python3 examples/campaign_against_record.py [RUNS]
        [--scenario FILE] [--set PATH=VALUE ...]

Steps RUNS single runs (seeds 1..RUNS) of the embedded eastern-syria-2017 scenario (or FILE, a
version of it) to 31 Dec 2017
and prints, beside ../shared/data/record-2017.md (as quoted in docs/model.md):
  - the day each key town fell to the side that took it in 2017 (median, share of runs within
    30 days of the record's day, share of runs where it fell at all);
  - who holds the Hajin-Baghuz pocket, Khasham and the rear (al-Shaddadi, al-Hasakah, Sinjar,
    Mosul) on 31 Dec 2017;
  - the killed in the windows the sourced tolls cover (the government's eastern campaign of
    14 Sep-17 Dec 2017; the Raqqa battle to 6 Oct 2017), median and 90% range over the runs.
This is the measurement behind issue 20's tables (docs/model.md, "The campaign against the record").
"""
import statistics
import sys

import brink

RESISTANCE = {"syria", "hezbollah", "iran", "russia", "pmf"}  # the bloc that took the west bank
GOVERNMENT = {"syria", "hezbollah", "iran", "russia"}  # its actors in Syria (the tolls' "pro-government")
# Region, the actors that took it in 2017, the record's day (day 0 = 15 Jun 2017).
CAPTURES = [
    ("raqqa", {"sdf"}, 124),
    ("mayadin", RESISTANCE, 121),
    ("albu_kamal", RESISTANCE, 157),
    ("al_qaim", {"iraq_gov"}, 141),
    ("conoco", {"sdf"}, 100),
    ("al_omar", {"sdf"}, 129),
]
HOLDERS = [  # (label, region, holders that count, record: held on 31 Dec 2017)
    ("Hajin held by ISIS", "hajin", {"isis"}, True),
    ("al-Baghuz held by ISIS", "baghuz", {"isis"}, True),
    ("Khasham held by the government side", "khasham", RESISTANCE, True),
    ("al-Shaddadi held by ISIS", "shaddadi", {"isis"}, False),
    ("al-Hasakah held by ISIS", "hasakah", {"isis"}, False),
    ("Sinjar held by ISIS", "sinjar", {"isis"}, False),
    ("Mosul held by ISIS", "mosul", {"isis"}, False),
]
# (label, first day, last day, victims, shooters, the sourced toll)
TOLLS = [
    ("Government side killed by ISIS, 14 Sep-17 Dec 2017", 91, 185, GOVERNMENT, {"isis"},
     "601+ (Wikipedia, 'Eastern Syria campaign', M)"),
    ("ISIS killed by the government side, 14 Sep-17 Dec 2017", 91, 185, {"isis"}, GOVERNMENT,
     "985+ (same source)"),
    ("SDF killed by ISIS, 15 Jun-6 Oct 2017 (all fronts)", 0, 113, {"sdf"}, {"isis"},
     "about 2,100 fighters of both sides in the Raqqa battle, 5 Jun-6 Oct (SOHR, 6 Oct 2017, M)"),
    ("ISIS killed by the SDF and the US, 15 Jun-6 Oct 2017", 0, 113, {"isis"}, {"sdf", "us"}, "(as above)"),
]
END_DAY = 199  # 31 Dec 2017


def killed(state, victims, shooters):
    return sum(c["killed"] for c in state.to_dict()["casualties_by_cause"]
               if c["victim"] in victims and c["by"] in shooters)


def one_run(game, seed):
    """Capture days, end holders and the killed at each toll's window ends for one run."""
    state = game.initial_state()
    taken, at_day = {}, {}
    marks = {day for _, first, last, *_ in TOLLS for day in (first, last)}
    while state.day < END_DAY:
        day = state.day
        if day in marks:
            at_day[day] = state.copy()
        for event in game.step(state, seed=seed, run=0):
            if event["kind"] == "capture":
                for region, takers, _ in CAPTURES:
                    if event["region"] == region and event["actor"] in takers and region not in taken:
                        taken[region] = event["day"]
    for day in marks:
        at_day.setdefault(day, state)
    return taken, state.holders, at_day


def main(argv):
    runs = int(argv[0]) if argv and not argv[0].startswith("--") else 300
    sets = [argv[i + 1] for i, a in enumerate(argv) if a == "--set"]
    files = [argv[i + 1] for i, a in enumerate(argv) if a == "--scenario"]
    scenario = brink.load(files[0]) if files else brink.load()
    if sets:
        scenario = scenario.set(*sets)
    game = brink.Game(scenario)
    results = [one_run(game, seed) for seed in range(1, runs + 1)]

    print(f"{runs} runs of {files[0] if files else 'the default scenario'} to 31 Dec 2017 (seeds 1-{runs})\n")
    print(f"{'taken':12s} {'fell':>5s} {'median day':>10s} {'record':>6s} {'within 30 days':>15s}")
    for region, _, record in CAPTURES:
        days = [taken.get(region, END_DAY + 1) for taken, _, _ in results]
        fell = sum(d <= END_DAY for d in days) / runs
        near = sum(abs(d - record) <= 30 for d in days) / runs
        median = statistics.median(days)
        shown = f"{median:.0f}" if median <= END_DAY else "never"
        print(f"{region:12s} {fell:5.0%} {shown:>10s} {record:6d} {near:15.0%}")
    print()
    for label, region, holders, record in HOLDERS:
        share = sum(h[region] in holders for _, h, _ in results) / runs
        print(f"{label:40s} {share:6.1%}   record: {'yes' if record else 'no'}")
    both = sum(h["hajin"] == "isis" and h["baghuz"] == "isis" for _, h, _ in results) / runs
    print(f"{'Hajin and al-Baghuz both held by ISIS':40s} {both:6.1%}   record: yes")
    print()
    for label, first, last, victims, shooters, source in TOLLS:
        values = sorted(killed(at[last], victims, shooters) - killed(at[first], victims, shooters)
                        for _, _, at in results)
        low, high = values[int(0.05 * runs)], values[max(0, int(0.95 * runs) - 1)]
        print(f"{label:58s} median {statistics.median(values):6.0f}  90% [{low:.0f}, {high:.0f}]  record {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
