#!/usr/bin/env bash
# brink's one-step set-up: installs the Debian 12 packages that are missing (needs root for
# that), builds in ./build, and then either runs the main job or the whole test suite.
#
#   ./setup.sh run     # install, build, and `brink run` on the embedded default scenario
#   ./setup.sh test    # install, build, and run every test (ctest)
#   ./setup.sh build   # install and build only
#
# Environment: BUILD_DIR (default build), BUILD_TYPE (default Release), JOBS (default: cores),
# CMAKE_ARGS (extra arguments to cmake, e.g. -DBRINK_SANITIZE=ON).
set -euo pipefail

mode=${1:-run}
case "$mode" in run|test|build) ;; *) echo "usage: $0 run|test|build" >&2; exit 2 ;; esac
cd "$(dirname "$0")"

packages=(cmake ninja-build g++ clang libtomlplusplus-dev librandom123-dev libcli11-dev libfmt-dev
          nlohmann-json3-dev libtbb-dev libboost-math-dev libboost-dev libsqlite3-dev libgtest-dev libgmock-dev
          libbenchmark-dev pybind11-dev python3-dev python3-numpy openmpi-bin libopenmpi-dev)
# The tests also render the HTML report in a headless browser (tests/report_browser_test.cc) and
# run the Python module's tests (pytest) with its optional pandas and matplotlib views.
if [ "$mode" = test ]; then packages+=(chromium python3-pytest python3-pandas python3-matplotlib); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" ${CMAKE_ARGS:-}
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
  run) exec "$build_dir/brink" run ;;
  test) cd "$build_dir" && exec ctest --output-on-failure -j "$jobs" --timeout 900 ;;
  build) ;;
esac
