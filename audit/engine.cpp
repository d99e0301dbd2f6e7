// Running the selected checks over pages, in parallel over pages when asked.
#include "audit/engine.h"

#include <algorithm>

#include "audit/facts_memo.h"
#include "audit/page_memo.h"
#include "audit/registry.h"
#include "base/parallel_for.h"

namespace manaudit::audit {

namespace {

std::vector<std::unique_ptr<Check>> selected_checks(const AuditOptions& options) {
    auto checks = make_all_checks();
    if (options.checks.empty()) return checks;
    std::erase_if(checks, [&](const auto& c) {
        return std::find(options.checks.begin(), options.checks.end(), c->info().id) == options.checks.end();
    });
    return checks;
}

}  // namespace

void run_check(const Check& check, const CheckInfo& info, const manpages::Page& page, const AuditContext& context,
               std::vector<Finding>& findings) {
    const std::size_t first = findings.size();
    check.run(page, context, findings);
    for (std::size_t i = first; i < findings.size(); ++i) {
        findings[i].check_id = info.id;
        findings[i].severity = info.severity;
    }
}

std::vector<Finding> run_audit(const std::vector<manpages::Page>& pages,
                               const std::vector<archdata::ArchFacts>& facts, const AuditOptions& options) {
    return run_audit(pages, facts, {}, options);
}

std::vector<Finding> run_audit(const std::vector<manpages::Page>& pages,
                               const std::vector<archdata::ArchFacts>& facts,
                               const std::vector<archdata::LibcFacts>& libc, const AuditOptions& options) {
    if (facts.empty()) return {};
    const auto checks = selected_checks(options);
    std::vector<CheckInfo> infos;
    infos.reserve(checks.size());
    for (const auto& check : checks) infos.push_back(check->info());
    const FactsMemo facts_memo(facts);
    AuditContext context{facts, libc, pages};
    context.facts_memo = &facts_memo;

    // One findings list per page, so workers never share one.
    std::vector<std::vector<Finding>> per_page(pages.size());
    const std::vector<std::size_t> order =
        largest_first(pages.size(), [&](std::size_t i) { return pages[i].source.size(); });
    parallel_for(pages.size(), options.jobs, [&](std::size_t k) {
        const std::size_t i = order[k];
        const PageMemo memo(pages[i], facts, &facts_memo);
        AuditContext page_context = context;
        page_context.page_memo = &memo;
        for (std::size_t c = 0; c < checks.size(); ++c)
            run_check(*checks[c], infos[c], pages[i], page_context, per_page[i]);
        if (options.on_page_done) options.on_page_done(pages[i].path);
    });

    std::vector<Finding> all;
    for (auto& list : per_page)
        for (auto& f : list) all.push_back(std::move(f));
    std::stable_sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
        if (a.page != b.page) return a.page < b.page;
        if (a.line != b.line) return a.line < b.line;
        if (a.check_id != b.check_id) return a.check_id < b.check_id;
        return a.subject < b.subject;
    });
    return all;
}

}  // namespace manaudit::audit
