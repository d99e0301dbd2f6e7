// Internal to corpus reading: a release tarball read in memory.
#pragma once

#include <memory>
#include <string>

#include "manpages/corpus_tree.h"

namespace manaudit::manpages::detail {

/// Whether `name` is a tarball by its suffix (.tar, .tar.gz, .tgz, .tar.xz, ...).
bool is_tarball_name(const std::string& name);

/// Reads the tarball's page entries into memory (nothing is written to disk).
/// Paths are relative to its top folder ("man-pages-6.03/"). Unsafe entry
/// names and read errors go to `out`; what could be read is still served.
std::unique_ptr<PageTree> open_tarball_tree(const std::string& tarball, const CorpusOptions& options, Corpus& out);

}  // namespace manaudit::manpages::detail
