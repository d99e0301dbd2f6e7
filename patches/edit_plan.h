// Planning one page's change: the findings on a page become one coherent edit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "base/diagnostic.h"
#include "manpages/page.h"

namespace manaudit::patches {

enum class Mode {
    flag,  ///< roff comments `.\" FIXME: ...` beside the offending lines
    fix,   ///< user-visible text where man-pages keeps architecture material
};

/// "flag" or "fix"; nullopt for anything else.
std::optional<Mode> parse_mode(const std::string& name);
const char* mode_name(Mode mode);

/// The planned change to one page.
struct PagePlan {
    std::string path;      ///< as in the tree: "man2/readdir.2"
    std::string original;  ///< the audited bytes (Page::source)
    std::string patched;   ///< the bytes after the edit
    Mode mode = Mode::fix;
    std::vector<audit::Finding> findings;  ///< the findings this change covers
    /// Findings that had no user-visible edit to make, flagged with a comment
    /// instead (fix mode only); indices into `findings`.
    std::vector<int> flagged_instead;
    std::string summary;  ///< for the subject: "Document arches lacking readdir"
};

/// Plans the change `findings` (all on `page`) call for, in the page's own
/// idiom (its paragraph macro, its generation's sections). A finding that
/// cannot be written as text (its line no longer holds what it names) is
/// flagged with a FIXME comment instead in fix mode, and one that cannot be
/// placed at all is left out; either way a warning naming it goes to `diags`
/// and the other findings are still planned. Returns nullopt when nothing
/// would change.
std::optional<PagePlan> plan_page(const manpages::Page& page,
                                  const std::vector<audit::Finding>& findings, Mode mode,
                                  Diagnostics& diags);

/// True if `path` is relative and has no "." or ".." component, so joining it
/// to a directory stays inside that directory.
bool is_safe_relative_path(const std::string& path);

}  // namespace manaudit::patches
