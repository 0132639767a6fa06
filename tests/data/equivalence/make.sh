#!/usr/bin/env bash
# Makes the reference per-run outcomes that tests/equivalence_test.cc compares the engine with:
#   tests/data/equivalence/make.sh build/brink
# Run it with the engine whose distribution a change of the draws must keep (built before the
# change), and commit the files saying which commit made them. Each file is `brink forecast
# --runs-csv` of one world at seed 1, less the columns that only split others finer (casualties
# by who inflicted them, strikes by actor, contested ground by bloc at the end, the two halves
# of the escalation score, the war's length): about half the size, no outcome lost.
set -euo pipefail
brink=$(realpath "${1:?usage: make.sh PATH/TO/brink}")
cd "$(dirname "$0")/../../.."
commit=$(git rev-parse --short HEAD)
make_one() {  # name scenario runs
  local name=$1 scenario=$2 runs=$3 out=tests/data/equivalence/$1.csv
  {
    echo "# Per-run outcomes of the world '$name' ($scenario), $runs runs, seed 1, from the engine at commit $commit."
    echo "# Made by tests/data/equivalence/make.sh (brink forecast --scenario $scenario --seed 1 --runs $runs --runs-csv -, some columns dropped)."
    "$brink" forecast --scenario "$scenario" --seed 1 --runs "$runs" --runs-csv - 2>/dev/null |
      awk -F, -v OFS=, '
        NR == 1 { for (i = 1; i <= NF; ++i) keep[i] = $i !~ /^(seed|war_length_days|killed\..*|deliberate_strikes\..*|contested_held\..*|escalation_score\..*)$/ }
        { line = ""; for (i = 1; i <= NF; ++i) if (keep[i]) line = line (line == "" ? "" : ",") $i; print line }'
  } > "$out.tmp"
  mv "$out.tmp" "$out"
}
make_one default eastern-syria-2017 1000
make_one small tests/data/small.toml 2000
make_one idlib idlib-2020 2000
