#!/usr/bin/env bash
# `mpirun -n 2 brink forecast|sweep|sensitivity` writes the same files, byte for byte, as one
# process (docs/analysis.md, "Across machines (OpenMPI)"); under mpirun an error stops every
# rank cleanly, and a command that does not split its work is refused.
#
#   tests/mpi_equal_test.sh BRINK MPIRUN SOURCE_DIR
#
# Small on purpose (seconds in Release): the small scenario, 30 days a run. The forecast has
# more runs than one block of two ranks (4,096), so blocks are gathered more than once; the
# sweep's second design holds the first's points, so it resumes; the sensitivity study has an
# odd number of points, so a rank idles in the last round.
set -euo pipefail
brink=$1 mpirun=$2 source=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# The test may run as root (CI, containers), which mpirun refuses unless told; a machine with
# one core needs --oversubscribe for two ranks.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
one() { timeout 300 "$brink" "$@"; }
two() { timeout 300 "$mpirun" --oversubscribe -n 2 "$brink" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
same() { cmp "one/$1" "two/$1" || fail "$1 differs between one process and two ranks"; }
small=(--scenario "$source/tests/data/small.toml" --days 30 --no-progress)

for n in one two; do
  mkdir "$n"
  $n forecast "${small[@]}" -n 5000 --seed 7 --uncertain --uncertain-parameter rules.incident_rate \
    --uncertain-parameter rules.war_spark --json "$n/f.json" --csv "$n/csv" --runs-csv "$n/runs.csv" \
    --report "$n/report.html" > "$n/forecast.txt"
  for levels in 2 3; do
    $n sweep "${small[@]}" -p rules.incident_rate -p rules.war_spark --design grid --levels $levels -n 40 \
      --db "$n/sweep.sqlite" > "$n/sweep-$levels.txt"
  done
  $n sensitivity "${small[@]}" -p rules.incident_rate -p rules.war_spark -p rules.insurgency_cap_attacks \
    --trajectories 2 --samples 4 --top 2 -n 30 --bootstrap 50 --json "$n/s.json" --csv "$n/scsv" > "$n/s.txt"
done
for f in f.json runs.csv report.html sweep.sqlite s.json; do same "$f"; done
for f in one/csv/* one/scsv/*; do same "${f#one/}"; done
# Rank 0 alone prints: the table once; the resumed sweep skipped the 4 points of the first.
[ "$(grep -c 'forecast of 5000 runs' two/forecast.txt)" = 1 ] || fail "the forecast's table is not printed exactly once"
grep -q '9 points: 5 run now, 4 already in' two/sweep-3.txt || fail "the sweep did not resume: $(cat two/sweep-3.txt)"

# An error on rank 0 alone (its output cannot be written) stops both ranks, said once.
set +e
two forecast "${small[@]}" -n 100 --json /nonexistent-brink-dir/f.json 2> err.txt
status=$?
set -e
[ $status = 2 ] || fail "a bad --json under mpirun exited $status, not 2"
[ "$(grep -c 'brink forecast: --json' err.txt)" = 1 ] || fail "the error is not said exactly once: $(cat err.txt)"
# A command that does not split its work is refused rather than run twice.
set +e
two run "${small[@]}" > /dev/null 2> err.txt
status=$?
set -e
[ $status = 2 ] || fail "brink run under mpirun exited $status, not 2"
grep -q 'does not split its work across MPI ranks' err.txt || fail "no reason given: $(cat err.txt)"
echo "mpirun -n 2 equals one process"
