#include "report/csv_text.h"

namespace brink {

std::string CsvText(std::string_view text) {
  std::string out = "\"";
  if (!text.empty()) {
    switch (text.front()) {
      case '=': case '+': case '-': case '@': case '\t': case '\r':
        out += '\'';
        break;
      default:
        break;
    }
  }
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace brink
