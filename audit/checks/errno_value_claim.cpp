// errno-value-claim: the page states an errno's number, and that number is
// not the same on every arch.
#include "audit/checks/errno_value_claim.h"

#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/stated_values.h"

namespace manaudit::audit {

CheckInfo ErrnoValueClaimCheck::info() const {
    return {"errno-value-claim", "a numeric errno value stated in the page differs on some arches",
            Severity::warning};
}

void ErrnoValueClaimCheck::run(const manpages::Page& page, const AuditContext& context,
                               std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    for (const auto& stated : gather_stated_values(page)) {
        // Gather: the arches whose value differs, and whether any agrees.
        const StatedComparison cmp = compare_stated(stated, facts, &archdata::ArchFacts::errno_value);
        // Decide: a number no arch has is likely not this errno's value at all.
        if (!cmp.known || !cmp.agrees || cmp.differing.empty()) continue;
        DocumentedQuery query;
        query.block = stated.block;
        query.names = {stated.name};
        query.arches = cmp.differing;
        if (already_documented(page, query)) continue;
        // Report.
        Finding f;
        f.page = page.path;
        f.line = stated.line;
        f.subject = stated.name;
        f.message = fmt::format("{} is stated as {}, but it is {}", stated.name, stated.value_text, cmp.differing_values);
        for (const auto& af : facts) f.evidence.push_back(errno_evidence(af, stated.name));
        f.edit.kind = ProposedEdit::Kind::add_note;
        f.edit.line = stated.line;
        f.edit.flag_text = f.message;
        f.edit.section = "NOTES";
        f.edit.new_text = fmt::format("The numeric value of\n.B {}\nis architecture-dependent; it differs on {}.\n",
                                      stated.name, join_display(cmp.differing));
        f.edit.summary = fmt::format("Note that the value of {} is architecture-dependent", stated.name);
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
