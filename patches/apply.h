// Applying planned edits to a man-pages tree in place.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "patches/edit_plan.h"

namespace manaudit::patches {

/// Writes each plan's patched bytes to `<tree>/<plan.path>`. All pages are
/// checked first: a page that is missing, compressed, a symlink, outside the
/// tree, or whose bytes differ from what was audited refuses the whole run and
/// nothing is written. The change is all-or-nothing across pages: every new
/// page is written beside its original, then a journal listing them is
/// committed by one rename, then each page is replaced by rename and the
/// journal removed. If the run is killed, recover_interrupted_apply() (which
/// this calls first) completes a committed change, or removes the temporary
/// files of one that was not. `stop_after_renames` exists for tests: it stops
/// as a kill would, after that many pages are replaced.
bool apply_plans(const std::vector<PagePlan>& plans, const std::string& tree, Diagnostics& diags,
                 std::size_t stop_after_renames = static_cast<std::size_t>(-1));

/// What recovery found in a tree.
struct ApplyRecovery {
    std::size_t pages_completed = 0;     ///< replaced from a committed journal
    std::size_t temporaries_removed = 0; ///< left by a run that had not committed
    bool ok = true;
};

/// Completes or undoes an apply that was interrupted in `tree`. Run it before
/// auditing a tree that is to be changed, so the audit sees the pages as they
/// will stay. Problems (a journal naming a path outside the tree, a rename
/// that fails) go to `diags`.
ApplyRecovery recover_interrupted_apply(const std::string& tree, Diagnostics& diags);

/// The journal's file name inside the tree.
inline constexpr const char* kApplyJournalName = ".manaudit-apply-journal";

}  // namespace manaudit::patches
