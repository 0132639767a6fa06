// The page frame, escaping, colours and number formats shared by brink's HTML pages.
#include "report/html.h"

#include <fmt/format.h>

#include <array>
#include <vector>
#include <cmath>

namespace brink::html {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters other than tab and line break are not allowed in HTML text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string BlocColour(std::size_t index) {
  // Okabe-Ito's palette, distinguishable with the common colour-vision deficiencies, then
  // darker tones for scenarios with more blocs.
  static constexpr std::array<const char*, 12> kPalette = {
      "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
      "#f0e442", "#7a4a00", "#332288", "#882255", "#117733", "#44aa99"};
  return kPalette[index % kPalette.size()];
}

std::string Clip(std::string_view text, std::size_t max_chars) {
  // Where each code point starts (a UTF-8 continuation byte is 10xxxxxx).
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (max_chars == 0 || starts.size() <= max_chars) return std::string(text);
  return std::string(text.substr(0, starts[max_chars - 1])) + "…";
}

std::string Percent(double p, int decimals) { return fmt::format("{:.{}f}%", 100.0 * p, decimals); }

std::string Amount(double value) {
  if (!std::isfinite(value)) return value > 0 ? "∞" : "−∞";
  const double magnitude = std::fabs(value);
  if (magnitude >= 1000) {
    // Thousands separated by commas.
    std::string digits = fmt::format("{:.0f}", magnitude), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (value < 0 ? "−" : "") + out;
  }
  if (magnitude >= 100 || magnitude == std::floor(magnitude)) return fmt::format("{:.0f}", value);
  if (magnitude >= 10) return fmt::format("{:.1f}", value);
  return fmt::format("{:.2f}", value);
}

std::string Page(std::string_view title, std::string_view body) {
  // Everything inline: no script, font, image or style sheet is fetched, so the page reads the
  // same offline, and prints (figures are not split across pages).
  static constexpr std::string_view kStyle = R"(
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
         color: #1d1d1f; background: #fff; margin: 0 auto; max-width: 1120px; padding: 16px 24px 48px;
         line-height: 1.45; }
  h1 { font-size: 1.6em; margin: 0.4em 0 0.1em; }
  h2 { font-size: 1.2em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
  .subtitle { color: #555; margin: 0 0 1em; }
  figure { margin: 0 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
  figure svg { display: block; width: 100%; height: auto; }
  figcaption, .meaning { color: #444; font-size: 0.92em; max-width: 60em; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 0.88em; margin: 6px 0; }
  .legend span.key { display: inline-block; width: 14px; height: 14px; vertical-align: -2px;
                     margin-right: 5px; border: 1px solid #0004; }
  .legend span.line { display: inline-block; width: 26px; height: 0; vertical-align: 4px; margin-right: 5px; }
  .maps { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
  table { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0 1em; }
  th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #eee; vertical-align: top; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.ci { white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr.differs td { font-weight: 600; }
  svg text { font-family: inherit; }
  .halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
  @media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } }
)";
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      Escape(title), kStyle, body);
}

std::string Figure(std::string_view id, std::string_view heading, std::string_view drawing,
                   std::string_view meaning) {
  return fmt::format("<figure id=\"{}\" class=\"figure\">\n<h2>{}</h2>\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                     Escape(id), Escape(heading), drawing, meaning);
}

std::string WarCausesTable(const nlohmann::json& doc) {
  if (!doc.contains("war_causes") || doc["war_causes"].empty()) return "";
  double wars = 0;
  for (const auto& c : doc["war_causes"]) wars += static_cast<double>(c["runs"].get<uint64_t>());
  if (wars <= 0) return "";
  std::string rows;
  for (const auto& c : doc["war_causes"]) {
    const double runs = static_cast<double>(c["runs"].get<uint64_t>());
    rows += fmt::format("<tr><td>{}</td><td class=\"number\">{}</td><td class=\"number\">{}</td></tr>\n",
                        Escape(c["chain"].get<std::string>()), Amount(runs), Percent(runs / wars));
  }
  return "<table class=\"provenance\">\n<tr><th>the last acts of fire before the war, oldest first</th>"
         "<th>runs</th><th>share of wars</th></tr>\n" + rows + "</table>\n";
}

std::string ProvenanceTable(const nlohmann::json& doc) {
  std::string rows;
  for (const auto& [key, value] : doc["provenance"].items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_array()) {
      for (const auto& item : value) {
        if (!text.empty()) text += "  ";
        text += item.is_string() ? item.get<std::string>()
                                 : item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      if (text.empty()) text = "none";
    } else {
      text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    rows += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", Escape(key), Escape(text));
  }
  return "<table class=\"provenance\">\n" + rows + "</table>\n";
}

}  // namespace brink::html
