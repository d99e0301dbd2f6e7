// Reading a man-pages release: directories, .gz pages, tarballs, aliases.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace manaudit::manpages {

/// One page's bytes, as found in a corpus. Aliases (symlinks, `.so` redirects)
/// are folded into the page they resolve to and never read twice.
struct PageFile {
    std::string path;    ///< relative to the tree root, without .gz: "man2/open.2"
    std::string origin;  ///< where it was read: "/usr/share/man/man2/open.2.gz", "x.tar.gz:man2/open.2"
    std::string source;  ///< decompressed bytes, exact
    std::vector<std::string> aliases;  ///< relative paths of aliases: "man2/creat.2"
    /// Not in the selected sections itself: read only because an alias there
    /// resolves to it (man2/mq_open.2 -> man3/mq_open.3).
    bool reached_by_alias = false;
};

struct CorpusOptions {
    /// Which sections to take from a tree: man2 and the 3type pages by default.
    bool section2 = true;
    bool section3type = true;
    /// A page inflating to more than this is refused (a .gz bomb or not a page).
    std::size_t max_page_bytes = std::size_t{64} << 20;
};

struct Corpus {
    std::vector<PageFile> pages;  ///< sorted by path
    Diagnostics diagnostics;      ///< unreadable inputs, loops, bad entries
    int unreadable = 0;           ///< inputs that could not be read
};

/// Reads each input: a page file (plain or .gz), a directory (a tree root such
/// as /usr/share/man or a release checkout, or a man2/ folder), or a release
/// tarball (.tar.gz, .tar.xz; read in memory). The run goes on past bad inputs.
Corpus read_corpus(const std::vector<std::string>& inputs, const CorpusOptions& options = {});

/// The tree root an input folder or page file belongs to (real path; see
/// find_tree_root), which page paths are relative to; empty for a tarball
/// or an input that does not exist.
std::string tree_root_of(const std::string& input);

/// The installed release: /usr/share/man.
std::string installed_release_root();

}  // namespace manaudit::manpages
