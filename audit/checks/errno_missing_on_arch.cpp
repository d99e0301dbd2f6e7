// errno-missing-on-arch: an errno named in ERRORS that some arch does not
// define (while x86 does), with the page silent about which.
#include "audit/checks/errno_missing_on_arch.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"

namespace manaudit::audit {

CheckInfo ErrnoMissingOnArchCheck::info() const {
    return {"errno-missing-on-arch", "an errno named in ERRORS is not defined on some arches",
            Severity::warning};
}

void ErrnoMissingOnArchCheck::run(const manpages::Page& page, const AuditContext& context,
                                  std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    bool have_x86 = std::any_of(facts.begin(), facts.end(), [](const auto& f) { return is_x86_abi(arch_id(f)); });
    std::set<std::string> reported;
    for (const auto& tag : page.errors) {
        for (const auto& name : tag.names) {
            if (reported.count(name)) continue;
            // Gather.
            std::set<std::string> missing;
            bool on_x86 = false, anywhere = false;
            for (const auto& f : facts) {
                if (f.errno_value(name)) {
                    anywhere = true;
                    on_x86 = on_x86 || is_x86_abi(arch_id(f));
                } else {
                    missing.insert(arch_id(f));
                }
            }
            // Decide.
            if (missing.empty() || !anywhere || (have_x86 && !on_x86)) continue;
            DocumentedQuery query;
            query.block = tag.block >= 0 ? tag.block : block_at_line(page, tag.line);
            query.names = {name};
            query.arches = missing;
            if (already_documented(page, query)) continue;
            // Report.
            reported.insert(name);
            Finding f;
            f.page = page.path;
            f.line = tag.line;
            f.subject = name;
            f.message = fmt::format("{} is not defined on {}", name, join_ids(missing));
            for (const auto& af : facts) f.evidence.push_back(errno_evidence(af, name));
            f.edit.kind = ProposedEdit::Kind::add_note;
            f.edit.line = tag.line;
            f.edit.flag_text = fmt::format("{} is not defined on {}", name, join_ids(missing));
            f.edit.section = "NOTES";
            f.edit.new_text = fmt::format("The error\n.B {}\nis not defined on {}.\n", name, join_display(missing));
            f.edit.summary = fmt::format("Note the architectures without {}", name);
            findings.push_back(std::move(f));
        }
    }
}

}  // namespace manaudit::audit
