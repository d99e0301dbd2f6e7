// Applying planned edits to a man-pages tree in place.
#pragma once

#include <string>
#include <vector>

#include "parsers/diagnostic.h"
#include "patches/edit_plan.h"

namespace manaudit::patches {

/// Writes each plan's patched bytes to `<tree>/<plan.path>`. All pages are
/// checked first: a page that is missing, a symlink, outside the tree, or whose
/// bytes differ from what was audited refuses the whole run and nothing is
/// written. Each page is then replaced atomically (temporary file in the same
/// directory, same permissions, then rename).
bool apply_plans(const std::vector<PagePlan>& plans, const std::string& tree, Diagnostics& diags);

}  // namespace manaudit::patches
