// constant-value-differs: the page states a constant's number (text, table or
// code block), and other arches define it differently.
#include "audit/checks/constant_value_differs.h"

#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/stated_values.h"

namespace manaudit::audit {

CheckInfo ConstantValueDiffersCheck::info() const {
    return {"constant-value-differs", "a constant value stated in the page differs on other arches",
            Severity::warning};
}

void ConstantValueDiffersCheck::run(const manpages::Page& page, const AuditContext& context,
                                    std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    std::set<std::string> reported;
    for (const auto& stated : gather_stated_values(page)) {
        if (reported.count(stated.name)) continue;
        // Gather.
        bool is_errno = false;
        for (const auto& f : facts) is_errno = is_errno || f.errno_value(stated.name);
        const StatedComparison cmp = compare_stated(stated, facts, &archdata::ArchFacts::constant);
        // Decide: a number no arch has is probably not this constant's value.
        if (is_errno || !cmp.known || !cmp.agrees || cmp.differing.empty()) continue;
        DocumentedQuery query;
        query.block = stated.block;
        query.names = {stated.name};
        query.arches = cmp.differing;
        if (already_documented(page, query)) continue;

        // Report.
        reported.insert(stated.name);
        Finding f;
        f.page = page.path;
        f.line = stated.line;
        f.subject = stated.name;
        f.message = fmt::format("{} is shown as {}, but it is {}", stated.name, stated.value_text, cmp.differing_values);
        for (const auto& af : facts) f.evidence.push_back(constant_evidence(af, stated.name));
        f.edit.kind = ProposedEdit::Kind::add_note;
        f.edit.line = stated.line;
        f.edit.flag_text = f.message;
        f.edit.section = "NOTES";
        f.edit.new_text = fmt::format("The value of\n.B {}\nis architecture-dependent; it differs on {}.\n",
                                      stated.name, join_display(cmp.differing));
        f.edit.summary = fmt::format("Note that the value of {} is architecture-dependent", stated.name);
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
