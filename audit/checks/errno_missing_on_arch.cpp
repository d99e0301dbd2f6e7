// errno-missing-on-arch: an errno named in ERRORS that some arch does not
// define (while x86 does), with the page silent about which.
#include "audit/checks/errno_missing_on_arch.h"

#include <algorithm>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/facts_memo.h"

namespace manaudit::audit {

CheckInfo ErrnoMissingOnArchCheck::info() const {
    return {"errno-missing-on-arch", "an errno named in ERRORS is not defined on some arches",
            Severity::warning};
}

void ErrnoMissingOnArchCheck::run(const manpages::Page& page, const AuditContext& context,
                                  std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    std::unique_ptr<FactsMemo> own_memo;
    const FactsMemo& memo = facts_memo(context, own_memo);
    bool have_x86 = std::any_of(facts.begin(), facts.end(), [](const auto& f) { return is_x86_abi(arch_id(f)); });
    std::set<std::string> reported;
    for (const auto& tag : page.errors) {
        for (const auto& name : tag.names) {
            if (reported.count(name)) continue;
            // Gather.
            const std::span<const char> defined = memo.errno_presence(name);
            if (defined.empty()) continue;  // no ABI has it: not an arch gap
            if (std::all_of(defined.begin(), defined.end(), [](char d) { return d != 0; })) continue;
            std::set<std::string> missing;
            bool on_x86 = false, anywhere = false;
            for (std::size_t abi = 0; abi < facts.size(); ++abi) {
                if (defined[abi]) {
                    anywhere = true;
                    on_x86 = on_x86 || is_x86_abi(arch_id(facts[abi]));
                } else {
                    missing.insert(arch_id(facts[abi]));
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
