// From an audit's pages and findings to the plans of a whole series.
#pragma once

#include <vector>

#include "audit/finding.h"
#include "base/diagnostic.h"
#include "manpages/page.h"
#include "patches/edit_plan.h"

namespace manaudit::patches {

struct PlanAllResult {
    std::vector<PagePlan> plans;  ///< one per page that changes, sorted by path
    int findings = 0;             ///< findings the plans cover
    bool ok = true;               ///< false if any page was refused (see diags)
};

/// Groups `findings` by page and plans each page's change. A finding naming a
/// page not in `pages`, or one that no longer matches its page, refuses that
/// page with an error in `diags` and clears `ok`.
PlanAllResult plan_all(const std::vector<manpages::Page>& pages, const std::vector<audit::Finding>& findings,
                       Mode mode, Diagnostics& diags);

}  // namespace manaudit::patches
