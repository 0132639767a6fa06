// A saved forecast (the JSON brink forecast --json writes), read back and checked, for
// brink report and brink compare. Untrusted input: every field the pages use is checked here,
// so the writers below may rely on its shape; an error names the file and the field.
#ifndef BRINK_REPORT_FORECAST_DOCUMENT_H_
#define BRINK_REPORT_FORECAST_DOCUMENT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "brink/report.h"
#include "brink/status.h"

namespace brink {

using ForecastDocumentLimits = SavedForecastLimits;  // include/brink/report.h

// Parses and checks `text`; `source` names it in errors. `need_map`: the "map" object (regions
// with coordinates, edges, corridors, zones, blocs) must be there, as a report draws it.
Result<nlohmann::json> ReadForecastDocument(std::string_view text, std::string_view source,
                                            bool need_map);

}  // namespace brink

#endif  // BRINK_REPORT_FORECAST_DOCUMENT_H_
