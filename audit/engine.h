// Running the checks over pages and arch facts.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/libc_facts.h"
#include "audit/check.h"
#include "audit/finding.h"
#include "manpages/page.h"

namespace manaudit::audit {

struct AuditOptions {
    std::vector<std::string> checks;  ///< check ids to run; empty = all
    int jobs = 1;
    /// Called after each page is audited (from worker threads; must be thread-safe).
    std::function<void(const std::string& page_path)> on_page_done;
};

/// Runs one check over one page and stamps what it appends with the check's
/// id and severity (a check never spells its own id).
void run_check(const Check& check, const CheckInfo& info, const manpages::Page& page, const AuditContext& context,
               std::vector<Finding>& findings);

/// Runs the selected checks over every page against `facts` (one per arch, in
/// table order). Findings are sorted by page, line, check id.
std::vector<Finding> run_audit(const std::vector<manpages::Page>& pages,
                               const std::vector<archdata::ArchFacts>& facts,
                               const AuditOptions& options = {});
/// The same with the C library's facts for the audited ABIs that have one.
std::vector<Finding> run_audit(const std::vector<manpages::Page>& pages,
                               const std::vector<archdata::ArchFacts>& facts,
                               const std::vector<archdata::LibcFacts>& libc, const AuditOptions& options = {});

}  // namespace manaudit::audit
