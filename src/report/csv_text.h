// A text cell of the CSV tables brink writes (forecast --csv, score --csv): quoted, and made
// safe to open in a spreadsheet. A cell that starts with = + - @ (or a tab or carriage return,
// which some tools strip first) is a formula to Excel, LibreOffice and Google Sheets, so a
// label such as =HYPERLINK(...) from a scenario or an observations file would run when the
// table is opened. As OWASP's advice on CSV injection says, such a cell is prefixed with a
// single quote (shown by those tools as text) and the whole cell is double-quoted.
#ifndef BRINK_REPORT_CSV_TEXT_H_
#define BRINK_REPORT_CSV_TEXT_H_

#include <string>
#include <string_view>

namespace brink {

// `text` as one quoted CSV cell ("" for a quote inside), neutralised as above.
std::string CsvText(std::string_view text);

}  // namespace brink

#endif  // BRINK_REPORT_CSV_TEXT_H_
