// Grouping findings by page and planning every page of a series.
#include "patches/plan_all.h"

#include <map>

namespace manaudit::patches {

PlanAllResult plan_all(const std::vector<manpages::Page>& pages, const std::vector<audit::Finding>& findings,
                       Mode mode, Diagnostics& diags) {
    std::map<std::string, const manpages::Page*> by_path;
    for (const auto& p : pages) by_path.emplace(p.path, &p);
    std::map<std::string, std::vector<audit::Finding>> grouped;  // sorted by path
    for (const auto& f : findings) grouped[f.page].push_back(f);

    PlanAllResult result;
    for (const auto& [path, page_findings] : grouped) {
        auto it = by_path.find(path);
        if (it == by_path.end()) {
            diags.push_back({path, page_findings.front().line, 0, Severity::error,
                             "finding [" + page_findings.front().check_id + "] names a page that was not read"});
            result.ok = false;
            continue;
        }
        auto plan = plan_page(*it->second, page_findings, mode, diags);
        if (!plan) {
            // Nothing to change is fine; a refusal has already said why.
            bool refused = false;
            for (const auto& d : diags) refused = refused || (d.file == path && d.level == Severity::error);
            if (refused) result.ok = false;
            continue;
        }
        result.findings += int(plan->findings.size());
        result.plans.push_back(std::move(*plan));
    }
    return result;
}

}  // namespace manaudit::patches
