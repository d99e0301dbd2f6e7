// Finding and loading arch-data files (the shipped set, or a directory given).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "base/diagnostic.h"

namespace manaudit::archdata {

/// The shipped arch data's root, the folder holding one data set per kernel
/// (linux-6.1/, linux-6.12/): next to the installed binary
/// (../share/manaudit/arch-data), else the source tree the binary was built
/// from, else the configured install prefix. Empty if none exists.
std::string shipped_arch_data_root();

/// The kernel versions with a data set under `root`, oldest first
/// ("6.1", "6.12"): its linux-<version>/ folders.
std::vector<std::string> kernel_versions(const std::string& root);

/// The data set to read for `kernel` (the newest when empty) from `dir`,
/// which is either a root of data sets or one data set (a folder of
/// <arch>.xml files, taken as it is). Empty when `dir` is a root without
/// that kernel.
std::string resolve_data_set(const std::string& dir, const std::string& kernel);

/// The data set used when none is given: $MANAUDIT_ARCH_DATA (a root or a
/// set) if set, else the shipped root; for `kernel`, or the newest.
std::string default_arch_data_dir(const std::string& kernel = {});

/// Compares dotted version numbers numerically ("6.1" < "6.12").
bool version_less(const std::string& a, const std::string& b);

/// Reads one arch-data XML file. Errors (missing, malformed, truncated) go to
/// `diags` naming the file and line; returns nullopt then.
std::optional<ArchFacts> read_arch_file(const std::string& path, Diagnostics& diags);

/// Writes one file atomically (temporary file, then rename). Deterministic output.
bool write_arch_file(const ArchFacts& facts, const std::string& path, Diagnostics& diags);
std::string to_xml(const ArchFacts& facts);

/// Loads `<dir>/<id>.xml` for each id, in the order given; with `ids` empty,
/// every table arch that has a file in `dir`, in table order. Arches that
/// fail are reported in `diags` and left out.
std::vector<ArchFacts> load_arch_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags);

/// Parses arch-data XML held in memory; `path` names it in diagnostics.
std::optional<ArchFacts> parse_arch_xml(const std::string& text, const std::string& path, Diagnostics& diags);

/// An arch given as a table id or an alias users type (amd64, aarch64),
/// read from `dir` (or default_arch_data_dir() when empty); as
/// `linux-<version>/<id>`, a data set of the shipped root (or of `dir` when
/// it is a root); or as the path of an arch-data XML file.
std::optional<ArchFacts> load_arch_operand(const std::string& id_or_path, const std::string& dir,
                                           Diagnostics& diags);

}  // namespace manaudit::archdata
