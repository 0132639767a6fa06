#include "scenario/toml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "brink/scenario.h"

namespace brink {

std::string Position(std::string_view source, const toml::source_region& region) {
  return fmt::format("{}:{}:{}", source, region.begin.line, region.begin.column);
}

TableReader::TableReader(const toml::table& table, std::string_view source, std::string what)
    : table_(table), source_(source), what_(std::move(what)) {}

void TableReader::Fail(std::string_view key, const std::string& message) const {
  const toml::node* node = table_.get(key);
  FailAt(node ? *node : static_cast<const toml::node&>(table_), message);
}

namespace {
thread_local const OverrideOrigins* override_origins = nullptr;
}  // namespace

void SetOverrideOrigins(const OverrideOrigins* origins) { override_origins = origins; }

std::string TableReader::Where(std::string_view key) const {
  const toml::node* node = table_.get(key);
  const toml::node& at = node ? *node : static_cast<const toml::node&>(table_);
  if (override_origins) {
    auto it = override_origins->find(&at);
    if (it != override_origins->end()) return fmt::format("--set {}: {}", it->second, what_);
  }
  return fmt::format("{}: {}", Position(source_, at.source()), what_);
}

void TableReader::FailAt(const toml::node& node, const std::string& message) const {
  if (override_origins) {
    auto it = override_origins->find(&node);
    if (it != override_origins->end()) {
      throw LoadError{fmt::format("--set {}: {}: {}", it->second, what_, message)};
    }
  }
  throw LoadError{fmt::format("{}: {}: {}", Position(source_, node.source()), what_, message)};
}

const toml::node* TableReader::Find(std::string_view key, bool required) {
  known_.emplace(key);
  const toml::node* node = table_.get(key);
  if (!node && required) Fail(key, fmt::format("missing key '{}'", key));
  return node;
}

std::string ContentHash(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

Result<std::string> ReadInputFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(fmt::format("{}: cannot open the {} file", path, what));
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > Limits::kMaxFileBytes) {
      return Status::Error(fmt::format("{}: the file is larger than the limit of {} bytes", path,
                                       Limits::kMaxFileBytes));
    }
  }
  if (in.bad()) return Status::Error(fmt::format("{}: cannot read the {} file", path, what));
  return text;
}

std::size_t Characters(std::string_view utf8) {
  // toml++ has checked the text is UTF-8: every character has exactly one byte that is not a
  // continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string TableReader::Str(std::string_view key, bool required, std::string fallback) {
  const toml::node* node = Find(key, required);
  if (!node) return fallback;
  const auto* value = node->as_string();
  if (!value) FailAt(*node, fmt::format("'{}' must be a string", key));
  const std::string& text = value->get();
  if (Characters(text) > static_cast<std::size_t>(Limits::kMaxStringLength)) {
    FailAt(*node, fmt::format("'{}' is longer than the limit of {} characters", key,
                              Limits::kMaxStringLength));
  }
  return text;
}

std::string TableReader::Identifier(std::string_view key) {
  std::string id = Str(key, true);
  bool valid = !id.empty() && id.size() <= 64;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) valid = false;
  }
  if (!valid) {
    Fail(key, fmt::format("'{}' = \"{}\" is not an identifier; expected 1 to 64 characters of "
                          "a-z, 0-9 and _",
                          key, id));
  }
  return id;
}

double TableReader::Num(std::string_view key, double lo, double hi, double fallback,
                        bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return fallback;
  double value = 0;
  if (const auto* f = node->as_floating_point()) {
    value = f->get();
  } else if (const auto* i = node->as_integer()) {
    value = static_cast<double>(i->get());
  } else {
    FailAt(*node, fmt::format("'{}' must be a number in [{}, {}]", key, lo, hi));
  }
  if (!std::isfinite(value) || value < lo || value > hi) {
    FailAt(*node, fmt::format("'{}' = {} is out of range; expected a number in [{}, {}]", key,
                              value, lo, hi));
  }
  return value;
}

int TableReader::Int(std::string_view key, int lo, int hi, int fallback, bool required) {
  const toml::node* node = Find(key, required);
  if (!node) return fallback;
  const auto* i = node->as_integer();
  if (!i) FailAt(*node, fmt::format("'{}' must be an integer in [{}, {}]", key, lo, hi));
  if (i->get() < lo || i->get() > hi) {
    FailAt(*node, fmt::format("'{}' = {} is out of range; expected an integer in [{}, {}]", key,
                              i->get(), lo, hi));
  }
  return static_cast<int>(i->get());
}

double TableReader::Parameter(const ParameterSpec& spec, double fallback, const std::string& path,
                              std::vector<UncertainValue>& ranges) {
  const std::string key(spec.name);
  const toml::node* node = table_.get(key);
  const toml::table* inline_table = node ? node->as_table() : nullptr;
  if (!inline_table) {
    return spec.integer ? Int(key, static_cast<int>(spec.lo), static_cast<int>(spec.hi), static_cast<int>(fallback))
                        : Num(key, spec.lo, spec.hi, fallback);
  }
  known_.emplace(key);
  TableReader r(*inline_table, source_, fmt::format("{} '{}'", what_, key));
  double value = 0, low = 0, high = 0;
  if (spec.integer) {
    const int lo = static_cast<int>(spec.lo), hi = static_cast<int>(spec.hi);
    value = r.Int("value", lo, hi, 0, true);
    low = r.Int("low", lo, hi, 0, true);
    high = r.Int("high", lo, hi, 0, true);
  } else {
    value = r.Num("value", spec.lo, spec.hi, 0, true);
    low = r.Num("low", spec.lo, spec.hi, 0, true);
    high = r.Num("high", spec.lo, spec.hi, 0, true);
  }
  std::string source = r.Str("source", true);
  if (source.empty()) r.Fail("source", "'source' is empty; expected where the range comes from, or \"assumption\"");
  r.RejectUnknownKeys();
  if (!(low <= value && value <= high)) {
    r.Fail("low", fmt::format("the range {} to {} does not hold the value {}; expected low <= value <= high", low,
                              high, value));
  }
  ranges.push_back({path, low, high, std::move(source)});
  return value;
}

bool TableReader::Bool(std::string_view key, bool fallback) {
  const toml::node* node = Find(key, false);
  if (!node) return fallback;
  const auto* b = node->as_boolean();
  if (!b) FailAt(*node, fmt::format("'{}' must be true or false", key));
  return b->get();
}

std::vector<std::string> TableReader::StrList(std::string_view key, bool required) {
  std::vector<std::string> out;
  const toml::node* node = Find(key, required);
  if (!node) return out;
  const auto* array = node->as_array();
  if (!array) FailAt(*node, fmt::format("'{}' must be an array of strings", key));
  if (array->size() > static_cast<std::size_t>(Limits::kMaxListLength)) {
    FailAt(*node, fmt::format("'{}' has {} items, more than the limit of {}", key, array->size(),
                              Limits::kMaxListLength));
  }
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (!s) FailAt(item, fmt::format("'{}' must hold only strings", key));
    out.push_back(s->get());
  }
  return out;
}

std::vector<std::pair<double, double>> TableReader::Points(std::string_view key, bool required) {
  std::vector<std::pair<double, double>> out;
  const toml::node* node = Find(key, required);
  if (!node) return out;
  const auto* array = node->as_array();
  const std::string expected = "an array of [latitude, longitude] pairs, e.g. [[35.3, 40.1], [35.0, 40.4]]";
  if (!array) FailAt(*node, fmt::format("'{}' must be {}", key, expected));
  if (array->size() < 2 || array->size() > static_cast<std::size_t>(Limits::kMaxListLength)) {
    FailAt(*node, fmt::format("'{}' has {} points; expected 2 to {}", key, array->size(), Limits::kMaxListLength));
  }
  for (const toml::node& item : *array) {
    const auto* pair = item.as_array();
    if (!pair || pair->size() != 2) FailAt(item, fmt::format("each point of '{}' must be [latitude, longitude]", key));
    double value[2] = {0, 0};
    for (std::size_t i = 0; i < 2; ++i) {
      const toml::node& number = (*pair)[i];
      if (const auto* f = number.as_floating_point()) {
        value[i] = f->get();
      } else if (const auto* n = number.as_integer()) {
        value[i] = static_cast<double>(n->get());
      } else {
        FailAt(number, fmt::format("each point of '{}' must be two numbers, [latitude, longitude]", key));
      }
      const double bound = i == 0 ? 90 : 180;
      if (!std::isfinite(value[i]) || value[i] < -bound || value[i] > bound) {
        FailAt(number, fmt::format("{} {} in '{}' is out of range; expected [{}, {}]", i == 0 ? "latitude" : "longitude",
                                   value[i], key, -bound, bound));
      }
    }
    out.emplace_back(value[0], value[1]);
  }
  return out;
}

void TableReader::RejectUnknownKeys() const {
  for (const auto& [key, node] : table_) {
    if (!known_.contains(key.str())) {
      std::string expected;
      for (const std::string& k : known_) expected += (expected.empty() ? "" : ", ") + k;
      FailAt(node, fmt::format("unknown key '{}'; expected one of: {}", key.str(), expected));
    }
  }
}

}  // namespace brink
