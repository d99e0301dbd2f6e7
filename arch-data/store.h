// Finding and loading arch-data files (the shipped set, or a directory given).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "parsers/diagnostic.h"

namespace manaudit::archdata {

/// The shipped data set's directory (arch-data/linux-6.1): $MANAUDIT_ARCH_DATA
/// if set, else next to the installed binary (../share/manaudit/arch-data/linux-6.1),
/// else the source tree the binary was built from, else the configured
/// install prefix. Empty if none exists.
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

/// Parses arch-data XML held in memory; `path` names it in diagnostics.
std::optional<ArchFacts> parse_arch_xml(const std::string& text, const std::string& path, Diagnostics& diags);

/// An arch given as a table id (read from `dir`, or default_arch_data_dir()
/// when empty) or as the path of an arch-data XML file.
std::optional<ArchFacts> load_arch_operand(const std::string& id_or_path, const std::string& dir,
                                           Diagnostics& diags);

}  // namespace manaudit::archdata
