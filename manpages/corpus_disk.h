// Internal to corpus reading: page trees on disk (a tree root, a section folder, one file).
#pragma once

#include <filesystem>
#include <memory>

#include "manpages/corpus_tree.h"

namespace manaudit::manpages::detail {

/// A directory: a tree root (man2/, man/man2/, ... below it), a section folder
/// such as man2/ (its parent is the root), or a flat folder of pages.
std::unique_ptr<PageTree> open_directory_tree(const std::filesystem::path& dir, const CorpusOptions& options);

/// The root of the tree holding `dir`: the folder holding man2/ (5.x, 6.0-6.7,
/// Debian), or holding man/man2/ when it is a checkout (a git top level, the
/// project's build files, or compat links such as man2 -> man/man2). Given a
/// section folder or man/, that is a parent. Real paths, symlinks resolved.
std::filesystem::path find_tree_root(const std::filesystem::path& dir);

/// One page file; the root is the parent of its section folder, so its aliases
/// resolve. It is taken whatever its section.
std::unique_ptr<PageTree> open_file_tree(const std::filesystem::path& file, const CorpusOptions& options);

}  // namespace manaudit::manpages::detail
