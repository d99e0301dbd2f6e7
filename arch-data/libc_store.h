// The C-library facts on disk: one folder per C library release
// (glibc-2.36/), one <arch>.xml per ABI, beside the kernel data sets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "arch-data/libc_facts.h"
#include "base/diagnostic.h"

namespace manaudit::archdata {

/// The C-library data set used when none is given: $MANAUDIT_LIBC_DATA if
/// set, else the newest glibc-<version>/ folder of the shipped arch-data
/// root. Empty when there is none.
std::string default_libc_data_dir();

/// The glibc releases with a data set under `root`, oldest first.
std::vector<std::string> libc_versions(const std::string& root);

std::string to_xml(const LibcFacts& facts);
std::optional<LibcFacts> parse_libc_xml(const std::string& text, const std::string& path, Diagnostics& diags);
std::optional<LibcFacts> read_libc_file(const std::string& path, Diagnostics& diags);
/// Writes atomically (temporary file, then rename).
bool write_libc_file(const LibcFacts& facts, const std::string& path, Diagnostics& diags);

/// Loads `<dir>/<id>.xml` for each id that has one, in the order given
/// (ABIs without a C library are simply absent); errors go to `diags`.
std::vector<LibcFacts> load_libc_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags);

}  // namespace manaudit::archdata
