#include "tests/equivalence.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "brink/forecast.h"

namespace brink {
namespace {

std::vector<std::string> SplitCells(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    cells.emplace_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return cells;
    start = comma + 1;
  }
}

std::vector<std::string> Column(const RunsTable& table, std::size_t k) {
  std::vector<std::string> out;
  out.reserve(table.rows.size());
  for (const std::vector<std::string>& row : table.rows) out.push_back(k < row.size() ? row[k] : "");
  return out;
}

// The numbers of a column, its empty cells left out; a cell that is not a number throws.
std::vector<double> Numbers(const std::vector<std::string>& cells) {
  std::vector<double> out;
  for (const std::string& c : cells) {
    if (c.empty()) continue;
    std::size_t used = 0;
    const double x = std::stod(c, &used);
    if (used != c.size()) throw std::runtime_error("not a number: " + c);
    out.push_back(x);
  }
  return out;
}

bool AllNumbers(const std::vector<std::string>& cells) {
  for (const std::string& c : cells) {
    if (c.empty()) continue;
    char* end = nullptr;
    std::strtod(c.c_str(), &end);
    if (end != c.c_str() + c.size()) return false;
  }
  return true;
}

}  // namespace

RunsTable ParseRunsCsv(std::string_view text) {
  RunsTable table;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line.front() == '#') continue;
    if (table.columns.empty()) {
      table.columns = SplitCells(line);
    } else {
      table.rows.push_back(SplitCells(line));
    }
  }
  return table;
}

RunsTable RunsOf(const Scenario& s, uint64_t seed, int64_t runs) {
  ForecastOptions options;
  options.seed = seed;
  options.runs = runs;
  options.progress = false;
  const RunsCsv csv(s, EmptyForecast(s, 1), seed);
  std::string text = csv.Header();
  Result<Forecast> forecast = RunForecast(s, options, nullptr, nullptr, [&](const RunOutcome& run) { csv.AppendRow(run, text); });
  if (!forecast.ok()) throw std::runtime_error(forecast.message());
  return ParseRunsCsv(text);
}

std::vector<ColumnComparison> Compare(const RunsTable& reference, const RunsTable& fresh) {
  std::vector<ColumnComparison> out;
  for (std::size_t k = 0; k < reference.columns.size(); ++k) {
    const std::string& name = reference.columns[k];
    if (name == "seed" || name == "run") continue;
    const auto found = std::find(fresh.columns.begin(), fresh.columns.end(), name);
    if (found == fresh.columns.end()) throw std::runtime_error("the fresh runs have no column " + name);
    const std::vector<std::string> a = Column(reference, k);
    const std::vector<std::string> b = Column(fresh, static_cast<std::size_t>(found - fresh.columns.begin()));
    std::set<std::string> values(a.begin(), a.end());
    values.insert(b.begin(), b.end());
    ColumnComparison c;
    c.column = name;
    c.categorical = values.size() <= kMaxCategories || !AllNumbers(a) || !AllNumbers(b);
    if (values.size() < 2) {
      out.push_back(c);  // constant in both: nothing to compare
      continue;
    }
    if (c.categorical) {
      std::map<std::string, std::size_t> index;
      for (const std::string& v : values) index.emplace(v, index.size());
      std::vector<int64_t> count_a(index.size()), count_b(index.size());
      for (const std::string& v : a) ++count_a[index[v]];
      for (const std::string& v : b) ++count_b[index[v]];
      c.result = ChiSquareHomogeneity(count_a, count_b);
      c.tested = c.result.df > 0;
    } else {
      const std::vector<double> x = Numbers(a), y = Numbers(b);
      if (x.size() >= kMinValues && y.size() >= kMinValues) {
        c.result = KolmogorovSmirnov(x, y);
        c.tested = true;
      }
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace brink
