#include "scenario/overrides.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <vector>

namespace brink {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

constexpr const char* kPathHelp =
    "expected scenario.KEY, rules.KEY, actor.ID.KEY, bloc.ID.KEY (every actor of the bloc), faction.ID.KEY, region.ID.KEY, "
    "exposure.ID.KEY, zone.ID.KEY, line.ID.KEY, terrain.ID.KEY, relation.A.B.KEY, ladder.N.KEY or "
    "objective.N.KEY";

// The [[kind]] entry whose `id` (or, for ladder and objective, 1-based position or rung name)
// is `which`; for relations, the entry joining a and b.
toml::table* FindEntry(toml::table& root, const std::string& kind, const std::string& which,
                       const std::string& other) {
  toml::array* entries = root[kind].as_array();
  if (!entries) return nullptr;
  int position = 0;
  for (toml::node& node : *entries) {
    ++position;
    toml::table* entry = node.as_table();
    if (!entry) continue;
    if (kind == "relation") {
      std::string a = entry->get("a") ? entry->get("a")->value_or(std::string()) : "";
      std::string b = entry->get("b") ? entry->get("b")->value_or(std::string()) : "";
      if ((a == which && b == other) || (a == other && b == which)) return entry;
    } else if (kind == "ladder" || kind == "objective") {
      std::string name = entry->get("name") ? entry->get("name")->value_or(std::string()) : "";
      if (which == std::to_string(position) || (!name.empty() && name == which)) return entry;
    } else {
      const toml::node* id = entry->get("id");
      if (id && id->value_or(std::string()) == which) return entry;
    }
  }
  return nullptr;
}

}  // namespace

Status ApplyOverride(toml::table& root, const std::string& item, OverrideOrigins& origins) {
  std::size_t eq = item.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
    return Status::Error(fmt::format("--set {}: expected PATH=VALUE, e.g. exposure.us_iraq.troops=2000", item));
  }
  const std::string path = item.substr(0, eq), text = item.substr(eq + 1);
  std::vector<std::string> parts = Split(path);
  for (const std::string& part : parts) {
    if (part.empty()) return Status::Error(fmt::format("--set {}: empty part in the path; {}", item, kPathHelp));
  }
  // The value: a TOML number or boolean.
  toml::table parsed;
  try {
    parsed = toml::parse("value = " + text);
  } catch (const toml::parse_error&) {
    return Status::Error(fmt::format("--set {}: '{}' is not a number or true/false", item, text));
  }
  const toml::node* value = parsed.get("value");
  if (!value || parsed.size() != 1 || !(value->is_integer() || value->is_floating_point() || value->is_boolean())) {
    return Status::Error(fmt::format("--set {}: '{}' is not a number or true/false", item, text));
  }
  toml::table* table = nullptr;
  std::string key;
  const std::string& head = parts[0];
  if ((head == "scenario" || head == "rules") && parts.size() == 2) {
    if (!root.contains(head)) root.insert(head, toml::table{});
    table = root[head].as_table();
    key = parts[1];
  } else if (head == "bloc" && parts.size() == 3) {
    // bloc.ID.KEY sets an actor key on every actor of the bloc: "the side's resolve".
    std::vector<std::string> members;
    if (toml::array* actors = root["actor"].as_array()) {
      for (toml::node& node : *actors) {
        toml::table* actor = node.as_table();
        if (!actor || !actor->get("bloc") || actor->get("bloc")->value_or(std::string()) != parts[1]) continue;
        members.push_back(actor->get("id") ? actor->get("id")->value_or(std::string()) : "");
      }
    }
    if (members.empty()) return Status::Error(fmt::format("--set {}: no actor belongs to a bloc '{}'", item, parts[1]));
    for (const std::string& member : members) {
      std::string one = fmt::format("actor.{}.{}={}", member, parts[2], text);
      if (Status status = ApplyOverride(root, one, origins); !status.ok()) return status;
      origins[FindEntry(root, "actor", member, "")->get(parts[2])] = item;
    }
    return {};
  } else if (head == "relation" && parts.size() == 4) {
    table = FindEntry(root, head, parts[1], parts[2]);
    if (!table) return Status::Error(fmt::format("--set {}: no relation between '{}' and '{}'", item, parts[1], parts[2]));
    key = parts[3];
  } else if ((head == "actor" || head == "faction" || head == "region" || head == "exposure" ||
              head == "zone" || head == "terrain" || head == "ladder" || head == "objective" || head == "line") &&
             parts.size() == 3) {
    table = FindEntry(root, head, parts[1], "");
    if (!table) return Status::Error(fmt::format("--set {}: there is no {} '{}'", item, head, parts[1]));
    key = parts[2];
  } else {
    return Status::Error(fmt::format("--set {}: unknown path '{}'; {}", item, path, kPathHelp));
  }
  if (!table) return Status::Error(fmt::format("--set {}: '{}' is not a table in the scenario", item, head));
  // A value given with its plausible range ({ value, low, high, source }): --set replaces the
  // value and keeps the range, which the loader checks still holds it.
  if (toml::table* ranged = table->get(key) ? table->get(key)->as_table() : nullptr; ranged && ranged->contains("value")) {
    table = ranged;
    key = "value";
  }
  if (const toml::node* existing = table->get(key);
      existing && !(existing->is_number() || existing->is_boolean())) {
    return Status::Error(fmt::format("--set {}: '{}' is not a numeric or boolean parameter", item, path));
  }
  if (head == "faction" && key == "influence" && value->is_number()) {
    // Keep the actor's influences summing to 1: scale the others into what is left.
    double wanted = value->value_or(0.0);
    std::string actor = table->get("actor") ? table->get("actor")->value_or(std::string()) : "";
    double others = 0;
    std::vector<toml::table*> siblings;
    for (toml::node& node : *root["faction"].as_array()) {
      toml::table* f = node.as_table();
      if (!f || f == table || !f->get("actor") || f->get("actor")->value_or(std::string()) != actor) continue;
      siblings.push_back(f);
      others += f->get("influence") ? f->get("influence")->value_or(0.0) : 0.0;
    }
    if (std::isfinite(wanted) && wanted >= 0 && wanted <= 1) {
      for (toml::table* f : siblings) {
        double old = f->get("influence") ? f->get("influence")->value_or(0.0) : 0.0;
        double scaled = others > 0 ? old * (1.0 - wanted) / others : (1.0 - wanted) / siblings.size();
        f->insert_or_assign("influence", scaled);
        origins[f->get("influence")] = item;
      }
    }
  }
  if (value->is_boolean()) {
    table->insert_or_assign(key, value->value_or(false));
  } else if (value->is_integer()) {
    table->insert_or_assign(key, value->value_or(int64_t{0}));
  } else {
    table->insert_or_assign(key, value->value_or(0.0));
  }
  origins[table->get(key)] = item;
  return {};
}

}  // namespace brink
