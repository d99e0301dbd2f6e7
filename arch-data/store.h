// Finding and loading arch-data files (the shipped set, or a directory given).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "parsers/diagnostic.h"

namespace manaudit::archdata {

/// The shipped data set's directory (arch-data/linux-6.1): next to the
/// installed binary (../share/manaudit/arch-data/linux-6.1), else the source
/// tree the binary was built from. Empty if neither exists.
std::string default_arch_data_dir();

/// Reads one arch-data XML file. Errors (missing, malformed, truncated) go to
/// `diags` naming the file and line; returns nullopt then.
std::optional<ArchFacts> read_arch_file(const std::string& path, Diagnostics& diags);

/// Writes one file atomically (temporary file, then rename). Deterministic output.
bool write_arch_file(const ArchFacts& facts, const std::string& path, Diagnostics& diags);
std::string to_xml(const ArchFacts& facts);

/// Loads `<dir>/<id>.xml` for each id (all table arches if `ids` is empty), in
/// table order. Arches that fail are reported in `diags` and left out.
std::vector<ArchFacts> load_arch_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags);

}  // namespace manaudit::archdata
