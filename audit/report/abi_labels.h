// How the report labels an ABI: id, three-letter abbreviation, man-pages spelling.
#pragma once

#include <string>

#include "audit/report/report.h"

namespace manaudit::report {

/// The column for an arch id: the abbreviation from the report's table (the
/// id's first three letters for an id it does not know) and the arch table's
/// display name.
Column make_column(const std::string& arch, const std::string& kernel);

/// A two-letter label, for text tables with more ABIs than three-letter
/// columns fit.
std::string short_abbrev(const std::string& arch);

}  // namespace manaudit::report
