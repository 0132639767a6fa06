// TOML -> ObservationSet. The same conventions as the scenario loader: every table read through
// a TableReader, unknown keys rejected, every error as file:line:column: what: message.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <chrono>

#include "brink/score.h"
#include "scenario/toml_reader.h"

namespace brink {
namespace {

constexpr int kMaxObservations = 4096;


// Days from `start` (a validated YYYY-MM-DD) to `text`, or false if `text` is no real date.
bool DayOf(const std::string& start, const std::string& text, int& day) {
  auto parse = [](const std::string& t, std::chrono::sys_days& out) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
      if (t[i] < '0' || t[i] > '9') return false;
    }
    std::chrono::year_month_day date{
        std::chrono::year{std::stoi(t.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(std::stoi(t.substr(5, 2)))},
        std::chrono::day{static_cast<unsigned>(std::stoi(t.substr(8, 2)))}};
    if (!date.ok()) return false;
    out = std::chrono::sys_days{date};
    return true;
  };
  std::chrono::sys_days a, b;
  if (!parse(start, a) || !parse(text, b)) return false;
  day = static_cast<int>((b - a).count());
  return true;
}

class ObservationLoader {
 public:
  ObservationLoader(const toml::table& root, std::string_view source, const Scenario& s)
      : root_(root), source_(source), s_(s) {}

  std::vector<Observation> Load() {
    TableReader top(root_, source_, "top level");
    // A scenario file may carry its observations: then the other tables are the scenario's.
    if (!root_.get("scenario")) {
      top.Allow("observation");
      top.RejectUnknownKeys();
    }
    std::vector<Observation> out;
    const toml::node* node = root_.get("observation");
    if (!node) top.Fail("observation", "no [[observation]] tables; expected at least one");
    const auto* array = node->as_array();
    if (!array)
      top.FailAt(*node, "'observation' must be an array of tables, written [[observation]]");
    if (array->size() > static_cast<std::size_t>(kMaxObservations)) {
      top.FailAt(*node, fmt::format("{} [[observation]] entries, more than the limit of {}",
                                    array->size(), kMaxObservations));
    }
    int index = 0;
    for (const toml::node& item : *array) {
      ++index;
      const auto* table = item.as_table();
      if (!table) top.FailAt(item, "each 'observation' must be a table, written [[observation]]");
      TableReader r(*table, source_, fmt::format("observation #{}", index));
      current_ = table;
      Observation o = LoadOne(r);
      o.position = Position(source_, table->source());
      for (const Observation& earlier : out) {
        if (earlier.id == o.id) r.Fail("id", fmt::format("duplicate observation id '{}'", o.id));
      }
      r.RejectUnknownKeys();
      out.push_back(std::move(o));
    }
    return out;
  }

 private:
  int Date(TableReader& r, const char* key) {
    std::string text = r.Str(key, true);
    int day = 0;
    if (!DayOf(s_.start_date, text, day)) {
      r.Fail(key, fmt::format("'{}' = \"{}\" is not a date; expected YYYY-MM-DD", key, text));
    }
    if (day < 0 || day > s_.horizon_days) {
      r.Fail(key, fmt::format("'{}' = \"{}\" is outside the scenario's days; expected a date from "
                              "{} (day 0) to day {}",
                              key, text, s_.start_date, s_.horizon_days));
    }
    return day;
  }

  Party ReadParty(TableReader& r, const char* key, bool required) {
    Party p;
    std::string id = r.Str(key, required);
    if (id.empty() && !required) return p;
    if (int a = s_.ActorIndex(id); a >= 0) {
      p.actor = static_cast<ActorId>(a);
    } else if (int b = s_.BlocIndex(id); b >= 0) {
      p.bloc = static_cast<BlocId>(b);
    } else {
      r.Fail(key,
             fmt::format("'{}' = \"{}\" is neither an actor nor a bloc of the scenario", key, id));
    }
    return p;
  }

  RegionId ReadRegion(TableReader& r) {
    std::string id = r.Str("region", true);
    int region = s_.RegionIndex(id);
    if (region < 0)
      r.Fail("region", fmt::format("'region' = \"{}\" is not a region of the scenario", id));
    return static_cast<RegionId>(region);
  }

  std::vector<EventKind> ReadEvents(TableReader& r) {
    std::vector<std::string> names = r.StrList("events", true);
    std::vector<EventKind> kinds;
    std::string known;
    for (int k = 0; k < static_cast<int>(EventKind::kCount); ++k) {
      known += (known.empty() ? "" : ", ") + std::string(EventKindName(static_cast<EventKind>(k)));
    }
    if (names.empty()) r.Fail("events", "'events' is empty; expected at least one of: " + known);
    for (const std::string& name : names) {
      bool found = false;
      for (int k = 0; k < static_cast<int>(EventKind::kCount); ++k) {
        if (EventKindName(static_cast<EventKind>(k)) == name) {
          kinds.push_back(static_cast<EventKind>(k));
          found = true;
        }
      }
      if (!found)
        r.Fail("events", fmt::format("unknown event kind '{}'; expected one of: {}", name, known));
    }
    return kinds;
  }

  void Window(TableReader& r, Observation& o) {
    o.from = Date(r, "from");
    o.to = Date(r, "to");
    if (o.to < o.from) r.Fail("to", "'to' is before 'from'; expected a window of at least one day");
  }

  bool ObservedBool(TableReader& r) {
    const toml::node* node = Required(r, "observed");
    const auto* b = node->as_boolean();
    if (!b) r.FailAt(*node, "'observed' must be true or false for this kind");
    return b->get();
  }

  // A required key of the current table whose type depends on the kind.
  const toml::node* Required(TableReader& r, const char* key) {
    r.Allow(key);
    const toml::node* node = current_->get(key);
    if (!node) r.Fail(key, fmt::format("missing key '{}'", key));
    return node;
  }

  Observation LoadOne(TableReader& r) {
    Observation o;
    o.id = r.Identifier("id");
    o.source = r.Str("source", true);
    if (o.source.empty()) r.Fail("source", "'source' is empty; every observation names its source");
    o.note = r.Str("note", false);
    o.label = r.Str("label", false);
    std::string kind = r.Str("kind", true);
    return LoadKind(r, o, kind);
  }

  Observation LoadKind(TableReader& r, Observation& o, const std::string& kind);

  const toml::table& root_;
  std::string source_;
  const Scenario& s_;
  const toml::table* current_ = nullptr;  // the [[observation]] being read
};

std::string PartyName(const Scenario& s, const Party& p) {
  if (p.actor != kNone) return s.actors[static_cast<std::size_t>(p.actor)].name;
  if (p.bloc != kNone) return s.blocs[static_cast<std::size_t>(p.bloc)].id;  // names run long
  return "anyone";
}

Observation ObservationLoader::LoadKind(TableReader& r, Observation& o, const std::string& kind) {
  // The observed value's type depends on the kind, so it is read from the table directly.
  if (kind == "held") {
    o.kind = ObservationKind::kHeld;
    o.region = ReadRegion(r);
    o.by = ReadParty(r, "by", true);
    o.day = Date(r, "date");
    o.outcome = ObservedBool(r);
    if (o.label.empty()) {
      o.label = fmt::format("{} held by {}", s_.regions[static_cast<std::size_t>(o.region)].name,
                            PartyName(s_, o.by));
    }
  } else if (kind == "war") {
    o.kind = ObservationKind::kWar;
    std::vector<std::string> blocs = r.StrList("between", false);
    if (!blocs.empty()) {
      if (blocs.size() != 2) r.Fail("between", "'between' must name exactly two blocs");
      for (int i = 0; i < 2; ++i) {
        int b = s_.BlocIndex(blocs[static_cast<std::size_t>(i)]);
        if (b < 0)
          r.Fail("between", fmt::format("'{}' is not a bloc of the scenario",
                                        blocs[static_cast<std::size_t>(i)]));
        o.between[static_cast<std::size_t>(i)] = static_cast<BlocId>(b);
      }
      // War is between two rival blocs; a bloc never fights one with itself.
      if (blocs.size() == 2 && blocs[0] == blocs[1]) r.Fail("between", "a bloc cannot be at war with itself");
    }
    o.day = Date(r, "date");
    o.outcome = ObservedBool(r);
    if (o.label.empty()) o.label = "Full-scale war";
  } else if (kind == "corridor") {
    o.kind = ObservationKind::kCorridor;
    std::string id = r.Str("corridor", true);
    for (std::size_t c = 0; c < s_.corridors.size(); ++c) {
      if (s_.corridors[c].id == id) o.corridor = static_cast<int>(c);
    }
    if (o.corridor == kNone)
      r.Fail("corridor", fmt::format("'corridor' = \"{}\" is not a corridor of the scenario", id));
    o.day = Date(r, "date");
    o.outcome = ObservedBool(r);
    if (o.label.empty())
      o.label = fmt::format("Corridor '{}' open",
                            s_.corridors[static_cast<std::size_t>(o.corridor)].name);
  } else if (kind == "count" || kind == "first_event") {
    o.kind = kind == "count" ? ObservationKind::kCount : ObservationKind::kFirstEvent;
    o.events = ReadEvents(r);
    o.actor = ReadParty(r, "actor", false);
    o.target = ReadParty(r, "target", false);
    std::vector<std::string> blocs = r.StrList("between", false);
    if (!blocs.empty()) {
      if (blocs.size() != 2) r.Fail("between", "'between' must name exactly two blocs");
      if (!o.actor.any() || !o.target.any())
        r.Fail("between", "give either 'between' or 'actor'/'target', not both");
      for (int i = 0; i < 2; ++i) {
        int b = s_.BlocIndex(blocs[static_cast<std::size_t>(i)]);
        if (b < 0)
          r.Fail("between", fmt::format("'{}' is not a bloc of the scenario",
                                        blocs[static_cast<std::size_t>(i)]));
        o.between[static_cast<std::size_t>(i)] = static_cast<BlocId>(b);
      }
    }
    Window(r, o);
    std::string kinds;
    for (EventKind k : o.events) {
      if (!kinds.empty()) kinds += '/';
      kinds += EventKindName(k);
    }
    if (o.kind == ObservationKind::kCount) {
      o.value = r.Num("observed", 0, 1e9, 0, true);
      if (o.label.empty()) o.label = "Count: " + kinds;
    } else if (o.label.empty()) {
      o.label = "First day of " + kinds;
    }
  } else if (kind == "casualties") {
    o.kind = ObservationKind::kCasualties;
    o.by = ReadParty(r, "of", true);
    Window(r, o);
    o.value = r.Num("observed", 0, 1e9, 0, true);
    if (o.label.empty()) o.label = "Casualties of " + PartyName(s_, o.by);
  } else if (kind == "first_held") {
    o.kind = ObservationKind::kFirstHeld;
    o.region = ReadRegion(r);
    o.by = ReadParty(r, "by", true);
    Window(r, o);
    if (o.label.empty()) {
      o.label =
          fmt::format("Day {} taken by {}", s_.regions[static_cast<std::size_t>(o.region)].name,
                      PartyName(s_, o.by));
    }
  } else {
    r.Fail("kind", fmt::format("unknown kind '{}'; expected one of: held, war, corridor, count, "
                               "casualties, first_held, first_event",
                               kind));
  }
  if (o.is_day()) {
    // The day it first happened, or "never" (within the window): counted as the day after it.
    const toml::node* node = Required(r, "observed");
    const auto* text = node->as_string();
    if (!text) r.FailAt(*node, "'observed' must be a date \"YYYY-MM-DD\" or \"never\"");
    if (text->get() == "never") {
      o.value = o.to + 1;
    } else {
      int day = 0;
      if (!DayOf(s_.start_date, text->get(), day) || day < o.from || day > o.to) {
        r.FailAt(*node, fmt::format("'observed' = \"{}\" is not a date inside the window; expected "
                                    "\"YYYY-MM-DD\" from 'from' to 'to', or \"never\"",
                                    text->get()));
      }
      o.value = day;
    }
  }
  return o;
}

}  // namespace

std::string_view ObservationKindName(ObservationKind kind) {
  switch (kind) {
    case ObservationKind::kHeld:
      return "held";
    case ObservationKind::kWar:
      return "war";
    case ObservationKind::kCorridor:
      return "corridor";
    case ObservationKind::kCount:
      return "count";
    case ObservationKind::kCasualties:
      return "casualties";
    case ObservationKind::kFirstHeld:
      return "first_held";
    case ObservationKind::kFirstEvent:
      return "first_event";
  }
  return "unknown";
}

bool Party::Matches(const Scenario& s, ActorId a) const {
  if (actor != kNone) return a == actor;
  if (bloc != kNone) return a != kNone && s.actors[static_cast<std::size_t>(a)].bloc == bloc;
  return true;
}

int ObservationSet::last_day() const {
  int last = 0;
  for (const Observation& o : observations) last = std::max(last, o.last_day());
  return last;
}

Result<ObservationSet> LoadObservations(std::string_view toml_text, std::string_view source_name,
                                        const Scenario& scenario) {
  if (toml_text.size() > Limits::kMaxFileBytes) {
    return Status::Error(fmt::format("{}: the file is {} bytes, more than the limit of {}",
                                     source_name, toml_text.size(), Limits::kMaxFileBytes));
  }
  ObservationSet set;
  try {
    toml::table root = toml::parse(toml_text, source_name);
    ObservationLoader loader(root, source_name, scenario);
    set.observations = loader.Load();
  } catch (const toml::parse_error& error) {
    return Status::Error(fmt::format("{}: syntax error: {}", Position(source_name, error.source()),
                                     error.description()));
  } catch (const LoadError& error) {
    return Status::Error(error.message);
  }
  set.source_name = std::string(source_name);
  set.content_hash = ContentHash(toml_text);
  return set;
}

Result<ObservationSet> LoadObservationsFile(const std::string& path, const Scenario& scenario) {
  Result<std::string> text = ReadInputFile(path, "observations");
  if (!text.ok()) return Status::Error(text.message());
  return LoadObservations(text.value(), path, scenario);
}

Result<ObservationSet> LoadDefaultObservations(const Scenario& scenario) {
  return LoadObservations(DefaultObservationsText(),
                          "<default:eastern-syria-2017-observations.toml>", scenario);
}

}  // namespace brink
