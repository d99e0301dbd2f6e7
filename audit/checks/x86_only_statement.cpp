// x86-only-statement: a sentence names an x86 arch alone in a claim about a
// syscall's existence that the facts show is also true, or untrue, elsewhere.
#include "audit/checks/x86_only_statement.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "audit/evidence.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

std::string strip(const std::string& s) {
    auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

CheckInfo X86OnlyStatementCheck::info() const {
    return {"x86-only-statement",
            "a sentence names an x86 arch alone where the facts differ on other arches",
            Severity::warning};
}

void X86OnlyStatementCheck::run(const manpages::Page& page, const AuditContext& context,
                                std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    std::set<std::string> audited;
    for (const auto& f : facts) audited.insert(arch_id(f));

    for (const auto& claim : find_x86_existence_claims(page, facts)) {
        // Only judge the x86 ABIs we have facts for. Pages say "x86-64" for
        // both of its ABIs, so x32 is neither named nor contradicted unless
        // spelled out; likewise i386 beside an x86-64 claim is an x86 detail,
        // not what this check is about (x86 against the other arches).
        std::set<std::string> named;
        for (const auto& abi : claim.x86_abis)
            if (audited.count(abi)) named.insert(abi);
        if (named.empty()) continue;
        auto out_of_scope = [&](const std::string& abi) { return is_x86_abi(abi) && !named.count(abi); };
        for (const auto& name : claim.subjects) {
            // Gather the true per-arch sets.
            std::set<std::string> present, absent;
            for (const auto& f : facts) (can_call(f, name) ? present : absent).insert(arch_id(f));
            if (present.empty()) continue;  // no such syscall anywhere: not ours to judge

            // Decide: what the sentence says against what the facts say.
            std::string message, truth;
            std::set<std::string> wrongly_named, also;
            if (claim.kind == X86ExistenceClaim::Kind::absent_on) {
                for (const auto& abi : named)
                    if (present.count(abi)) wrongly_named.insert(abi);
                for (const auto& abi : absent)
                    if (!named.count(abi) && !out_of_scope(abi)) also.insert(abi);
                if (!wrongly_named.empty())
                    message = fmt::format("{} exists on {}, contrary to the page", name, join_ids(wrongly_named));
                else if (!also.empty())
                    message = fmt::format("{} does not exist on {}, and also not on {}", name, join_ids(named),
                                          join_ids(also));
                truth = fmt::format("This system call does not exist on {}.", join_display(absent));
            } else {
                for (const auto& abi : named)
                    if (absent.count(abi)) wrongly_named.insert(abi);
                for (const auto& abi : present)
                    if (!named.count(abi) && !out_of_scope(abi)) also.insert(abi);
                if (!also.empty())
                    message = fmt::format("{} exists on {}, and also on {}", name, join_ids(named), join_ids(also));
                else if (!wrongly_named.empty())
                    message = fmt::format("{} does not exist on {}, contrary to the page", name,
                                          join_ids(wrongly_named));
                truth = fmt::format("This system call exists only on {}.", join_display(present));
            }
            if (message.empty()) continue;

            // Report.
            Finding f;
            f.check_id = "x86-only-statement";
            f.page = page.path;
            f.line = claim.line;
            f.subject = name;
            f.message = message;
            for (const auto& af : facts) f.evidence.push_back(syscall_evidence(af, name));
            f.edit.line = claim.line;
            f.edit.flag_text = fmt::format("{}; as of Linux {}: present on {}; absent on {}", message,
                                           archdata::kernel_series(facts.front().provenance.kernel_version), join_ids(present),
                                           absent.empty() ? std::string("none") : join_ids(absent));
            f.edit.summary = fmt::format("Correct the architectures named for {}()", name);
            // A one-sentence source line can be rewritten in place; otherwise flag only.
            if (claim.subjects.size() == 1 && strip(claim.source_line_text) == claim.sentence) {
                f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
                f.edit.old_text = claim.source_line_text;
                f.edit.new_text = truth;
            }
            findings.push_back(std::move(f));
        }
    }
}

}  // namespace manaudit::audit
