// Internal to corpus reading: page trees on disk (a tree root, a section folder, one file).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include "manpages/corpus_tree.h"

namespace manaudit::manpages::detail {

/// Real paths of folders, each resolved once per read: a release given as
/// hundreds of page files shares a handful of folders, and resolving a path
/// takes a system call per component.
class FolderPaths {
public:
    /// std::filesystem::canonical(dir), with its error.
    std::filesystem::path real(const std::filesystem::path& dir, std::error_code& ec);
    /// find_tree_root(dir).
    std::filesystem::path tree_root(const std::filesystem::path& dir);

private:
    std::map<std::string, std::pair<std::filesystem::path, std::error_code>> real_;
    std::map<std::string, std::filesystem::path> roots_;
};

/// A directory: a tree root (man2/, man/man2/, ... below it), a section folder
/// such as man2/ (its parent is the root), or a flat folder of pages.
std::unique_ptr<PageTree> open_directory_tree(const std::filesystem::path& dir, const CorpusOptions& options,
                                              FolderPaths& folders);

/// The root of the tree holding `dir`: the folder holding man2/ (5.x, 6.0-6.7,
/// Debian), or holding man/man2/ when it is a checkout (a git top level, the
/// project's build files, or compat links such as man2 -> man/man2). Given a
/// section folder or man/, that is a parent. Real paths, symlinks resolved.
std::filesystem::path find_tree_root(const std::filesystem::path& dir);

/// One page file; the root is the parent of its section folder, so its aliases
/// resolve. It is taken whatever its section.
std::unique_ptr<PageTree> open_file_tree(const std::filesystem::path& file, const CorpusOptions& options,
                                         FolderPaths& folders);

}  // namespace manaudit::manpages::detail
