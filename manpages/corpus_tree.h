// Internal to corpus reading: a page tree seen through one interface, on disk or in a tarball.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "manpages/corpus.h"

namespace manaudit::manpages::detail {

/// What one path (relative to the tree root, without .gz) holds in a tree.
struct TreeEntry {
    enum class Kind { page, link, missing, unreadable };
    Kind kind = Kind::missing;
    std::string origin;       ///< where it was read: a file path, "x.tar.gz:man2/open.2"
    std::string source;       ///< page: the decoded bytes
    std::string link_target;  ///< link: the target, relative to the tree root, without .gz
    Diagnostic problem;       ///< unreadable: why
};

/// A tree of pages: which paths to take, and what each path holds.
class PageTree {
public:
    virtual ~PageTree() = default;
    /// The paths to read (relative to the root, without .gz), sorted, unique.
    virtual std::vector<std::string> selected_paths() const = 0;
    /// What `path` holds. A symlink is reported as a link, not followed.
    virtual TreeEntry load(const std::string& path) = 0;
};

/// Resolves the aliases of `tree` and appends its pages and problems to `out`.
void resolve_tree(PageTree& tree, Corpus& out);

// ---- path rules shared by the trees ----

/// "open.2.gz" -> "open.2"; other names unchanged.
std::string strip_gz(std::string_view name);

/// The section a page file name carries: "open.2" -> "2", "epoll_event.3type" ->
/// "3type"; empty when the name is not a page's ("Makefile", "README.md").
std::string page_section(std::string_view name);

/// A folder holding one section's pages: "man2", "man2type", "man3type".
bool is_section_dir(std::string_view name);

/// The path a page has in the upstream man-pages tree, which patches and
/// diagnostics are made against. Debian installs man3type/*.3type pages into
/// man3/ and man2type/*.2type into man2/: a page whose section extends its
/// folder's ("man3/epoll_event.3type") moves to its own section's folder
/// ("man3type/epoll_event.3type"). Other paths are unchanged.
std::string upstream_page_path(std::string_view path);

/// Whether the options take pages of `section` from a tree.
bool section_selected(std::string_view section, const CorpusOptions& options);

/// Lexically normalized relative path ("man2/../man3/x.3" -> "man3/x.3");
/// nullopt when it is absolute, empty, or climbs above the root.
std::optional<std::string> normalize_relative(std::string_view path);

/// The folder that `.so` paths are relative to: the parent of the page's
/// section folder ("man/man2/open.2" -> "man", "man2/open.2" -> "").
std::string man_root_of(std::string_view path);

/// The folder part of a relative path ("man2/open.2" -> "man2", "x.2" -> "").
std::string dir_of(std::string_view path);

/// Joins relative paths, skipping an empty `dir`.
std::string join_path(std::string_view dir, std::string_view name);

/// A `.so` redirect page: nothing but comments and one `.so target` line.
struct SoRedirect {
    std::string target;  ///< as written: "man2/open.2"
    int line = 0;
};
std::optional<SoRedirect> find_so_redirect(std::string_view source);

// ---- bytes to page text ----

/// A page's text, or why the bytes are not one.
struct DecodedPage {
    std::string text;
    std::optional<Diagnostic> problem;
};

/// Inflates gzip data (any other bytes pass through) and rejects binary
/// data, NUL bytes and pages larger than `max_bytes`. `origin` names the file
/// in the problem.
DecodedPage decode_page(std::string raw, const std::string& origin, std::size_t max_bytes);

}  // namespace manaudit::manpages::detail
