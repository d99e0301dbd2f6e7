// Struct layouts (size, alignment, packing, fields) read from a parsed TU.
#pragma once

#include <clang-c/Index.h>

#include <string>

#include "arch-data/arch_facts.h"

namespace manaudit::headers {

/// The layout of the struct defined at `decl` (a StructDecl cursor).
/// `header` is where it is defined, relative to the include dir.
archdata::StructLayout measure_struct(CXCursor decl, const std::string& header, bool approximate);

/// A type spelling without clang's "(anonymous at /path:line:col)" locations,
/// so layouts do not depend on where the headers live.
std::string portable_type_spelling(std::string spelling);

}  // namespace manaudit::headers
