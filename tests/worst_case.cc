#include "worst_case.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <utility>

namespace brink::test {
namespace {

std::string Header(const std::string& name, int horizon_days) {
  return fmt::format("[scenario]\nname = \"{}\"\nstart_date = \"2020-01-01\"\nhorizon_days = {}\n\n",
                     name, horizon_days);
}

}  // namespace

std::string BarredRoadsScenario(int horizon_days) {
  constexpr int kRows = 16, kColumns = 32, kWall = 16;
  std::string out = Header("Worst case: barred roads", horizon_days);
  out += "[[bloc]]\nid = \"blue\"\n[[bloc]]\nid = \"red\"\n[[bloc]]\nid = \"black\"\n";
  out += "[[actor]]\nid = \"blue_army\"\nbloc = \"blue\"\naggression = 0.9\nwar_aversion = 0.1\n";
  out += "[[actor]]\nid = \"red_army\"\nbloc = \"red\"\n";
  out += "[[actor]]\nid = \"group\"\nbloc = \"black\"\nterrorist = true\n";
  out += "[[relation]]\na = \"blue\"\nb = \"red\"\nkind = \"rivalry\"\n";
  out += "[[relation]]\na = \"black\"\nb = \"blue\"\nkind = \"hostility\"\n";
  out += "[[relation]]\na = \"black\"\nb = \"red\"\nkind = \"hostility\"\n";
  auto id = [](int row, int column) { return fmt::format("r{}_{}", row, column); };
  for (int row = 0; row < kRows; ++row) {
    for (int column = 0; column < kColumns; ++column) {
      const char* holder = column < kWall                             ? "blue_army"
                           : column == kWall && row != kRows - 1      ? "red_army"
                           : column > kWall                           ? "group"
                                                                      : nullptr;
      out += fmt::format("[[region]]\nid = \"{}\"\ncountry = \"AA\"\nlat = {:.2f}\nlon = {:.2f}\n"
                         "terrain = \"steppe\"\nvalue = {}\n",
                         id(row, column), 30 + row * 0.1, 30 + column * 0.1, column > kWall ? 3 : 1);
      if (holder) out += fmt::format("holder = \"{}\"\n", holder);
    }
  }
  std::set<std::pair<int, int>> edges;
  auto add = [&](int a_row, int a_column, int b_row, int b_column) {
    int a = a_row * kColumns + a_column, b = b_row * kColumns + b_column;
    if (a != b) edges.insert({std::min(a, b), std::max(a, b)});
  };
  for (int row = 0; row < kRows; ++row) {
    for (int column = 0; column < kColumns; ++column) {
      if (column + 1 < kColumns) add(row, column, row, column + 1);
      if (row + 1 < kRows) add(row, column, row + 1, column);
    }
  }
  // Extra short edges on either side of the wall (never across it) up to the limit, from a
  // fixed generator so the scenario is always the same.
  uint64_t state = 1;
  auto next = [&](int n) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(n));
  };
  while (edges.size() < 4096) {
    const bool west = next(2) == 0;
    const int first = west ? 0 : kWall + 1, width = west ? kWall : kColumns - kWall - 1;
    const int a_row = next(kRows), a_column = first + next(width);
    const int b_row = next(kRows), b_column = first + next(width);
    if (std::abs(a_row - b_row) + std::abs(a_column - b_column) <= 3) add(a_row, a_column, b_row, b_column);
  }
  for (auto [a, b] : edges) {
    out += fmt::format("[[edge]]\nfrom = \"{}\"\nto = \"{}\"\nlength_km = 200\n", id(a / kColumns, a % kColumns),
                       id(b / kColumns, b % kColumns));
  }
  for (int i = 0; i < 2047; ++i) {
    out += fmt::format("[[force]]\nactor = \"blue_army\"\nregion = \"{}\"\nstrength = 1000\n",
                       id(i % (kRows - 1), kWall - 1 - (i / (kRows - 1)) % 4));
  }
  out += fmt::format("[[force]]\nactor = \"red_army\"\nregion = \"{}\"\nstrength = 1000\n", id(0, kWall));
  return out;
}

std::string IncidentFloodScenario(int horizon_days) {
  std::string out = Header("Worst case: incident flood", horizon_days);
  out += "[rules]\nincident_rate = 1\nincident_losses = 0\ntension_incident = 0\n"
         "tension_proxy_clash = 0\n\n";
  out += "[[bloc]]\nid = \"blue\"\n[[bloc]]\nid = \"red\"\n";
  out += "[[actor]]\nid = \"blue_army\"\nbloc = \"blue\"\n[[actor]]\nid = \"red_army\"\nbloc = \"red\"\n";
  out += "[[relation]]\na = \"blue\"\nb = \"red\"\nkind = \"rivalry\"\n";
  out += "[[region]]\nid = \"field\"\ncountry = \"AA\"\nlat = 30\nlon = 30\nterrain = \"steppe\"\nvalue = 1\n";
  for (int i = 0; i < 2048; ++i) {
    out += fmt::format("[[force]]\nactor = \"{}\"\nregion = \"field\"\nstrength = 1000\n",
                       i % 2 ? "red_army" : "blue_army");
  }
  return out;
}

}  // namespace brink::test
