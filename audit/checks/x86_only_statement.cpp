// x86-only-statement: a sentence names an x86 arch alone in a claim about a
// syscall's existence that the facts show is also true, or untrue, elsewhere.
#include "audit/checks/x86_only_statement.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/text_scan.h"
#include "audit/x86_claims.h"
#include "audit/x86_conditions.h"

namespace manaudit::audit {

namespace {

std::string strip(const std::string& s) {
    auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}


// "These requests are currently supported only on x86": a tagged paragraph
// whose tag names constants, scoped to x86 alone, against where the headers
// define them.
void report_constant_claims(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                            const std::set<std::string>& audited, std::vector<Finding>& findings) {
    static constexpr std::string_view kOnly[] = {"only on", "supported only", "only supported", "available only",
                                                 "only available", "implemented only"};
    for (std::size_t bi = 0; bi < page.blocks.size(); ++bi) {
        const auto& block = page.blocks[bi];
        if (!is_visible(block) || block.kind != manpages::Block::Kind::tagged) continue;
        std::vector<std::string> constants;
        for (const auto& ref : page.constants)
            if (ref.in_tag && ref.block == static_cast<int>(bi) &&
                std::find(constants.begin(), constants.end(), ref.name) == constants.end())
                constants.push_back(ref.name);
        if (constants.empty()) continue;
        for (const auto& sentence : block.sentences) {
            auto mentions = arch_mentions_in(sentence);
            if (mentions.empty() || has_generic_arch_phrase(sentence)) continue;
            if (!std::all_of(mentions.begin(), mentions.end(), [](const auto& m) { return archdata::is_x86_mention(m.mention_id); }))
                continue;
            if (std::none_of(std::begin(kOnly), std::end(kOnly), [&](auto p) { return contains_ci(sentence, p); })) continue;
            std::set<std::string> named;
            for (const auto& m : mentions)
                for (const auto& abi : archdata::abis_of_mention(m.mention_id))
                    if (audited.count(abi)) named.insert(abi);
            if (named.empty()) continue;
            std::vector<std::string> wrong;
            std::set<std::string> also;
            for (const auto& name : constants) {
                std::set<std::string> elsewhere;
                for (const auto& f : facts)
                    if (f.constant(name) && !named.count(arch_id(f)) && !is_x86_abi(arch_id(f))) elsewhere.insert(arch_id(f));
                if (elsewhere.empty()) continue;
                wrong.push_back(name);
                also.insert(elsewhere.begin(), elsewhere.end());
            }
            if (wrong.empty()) continue;
            std::string shown;
            for (std::size_t i = 0; i < wrong.size(); ++i)
                shown += (i == 0 ? "" : i + 1 == wrong.size() ? " and " : ", ") + wrong[i];
            Finding f;
            f.page = page.path;
            std::string spelled = sentence.substr(mentions.front().offset);
            spelled = spelled.substr(0, spelled.find_first_of(" ,.;:)"));
            f.line = source_line_containing(page, block.first_line, block.last_line, spelled);
            if (f.line == 0) f.line = block.first_line;
            f.subject = wrong.front();
            f.message = fmt::format("the page scopes {} to {}, but {} also defined on {}", shown, join_ids(named),
                                    wrong.size() == 1 ? "it is" : "they are", join_ids(also));
            for (const auto& af : facts) f.evidence.push_back(constant_evidence(af, wrong.front()));
            f.edit.line = f.line;
            f.edit.flag_text = fmt::format("{} (as of Linux {})", f.message,
                                           archdata::kernel_series(facts.front().provenance.kernel_version));
            f.edit.summary = fmt::format("Correct the architectures named for {}", wrong.front());
            findings.push_back(std::move(f));
        }
    }
}

// "The file must contain an x86 kernel" on a page whose call arm64 and
// others have too: a condition stated for x86 as if it held everywhere.
void report_x86_conditions(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                           std::vector<Finding>& findings) {
    const std::string kernel = archdata::kernel_series(facts.front().provenance.kernel_version);
    for (const auto& condition : find_x86_conditions(page, facts)) {
        for (const auto& name : condition.subjects) {
            std::set<std::string> elsewhere;
            for (const auto& f : facts)
                if (can_call(f, name) && !is_x86_abi(arch_id(f))) elsewhere.insert(arch_id(f));
            if (elsewhere.empty()) continue;
            Finding f;
            f.page = page.path;
            f.line = condition.line;
            f.subject = name;
            f.message = fmt::format("{}the page asks for {} as if always, but {} also exists on {}",
                                    condition.tag.empty() ? "" : condition.tag + ": ", condition.spelled, name,
                                    join_ids(elsewhere));
            for (const auto& af : facts) f.evidence.push_back(syscall_evidence(af, name));
            f.edit.line = f.line;
            f.edit.flag_text = fmt::format("{} (as of Linux {}): say which architectures this applies to",
                                           f.message, kernel);
            f.edit.summary = fmt::format("Say where the x86 condition of {}() applies", name);
            findings.push_back(std::move(f));
        }
    }
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
        // x86-64 stands for x32 too; but a call said to be only on x86-64
        // that i386 has as well is misdescribed.
        auto out_of_scope = [&](const std::string& abi) {
            if (claim.kind == X86ExistenceClaim::Kind::only_on && abi == "i386") return false;
            return is_x86_abi(abi) && !named.count(abi);
        };
        // The sentence's calls with the same facts are one finding: one sentence, one fix.
        std::vector<std::pair<std::vector<std::string>, std::set<std::string>>> groups;
        for (const auto& name : claim.subjects) {
            std::set<std::string> present;
            for (const auto& f : facts)
                if (can_call(f, name)) present.insert(arch_id(f));
            if (present.empty()) continue;  // no such syscall anywhere: not ours to judge
            auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.second == present; });
            if (same != groups.end()) same->first.push_back(name);
            else groups.push_back({{name}, present});
        }
        for (const auto& [names, present] : groups) {
            std::set<std::string> absent;
            for (const auto& id : audited)
                if (!present.count(id)) absent.insert(id);
            std::string shown;
            for (std::size_t i = 0; i < names.size(); ++i)
                shown += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
            const bool plural = names.size() > 1;

            // Decide: what the sentence says against what the facts say.
            std::string message, truth;
            const std::string kernel = archdata::kernel_series(facts.front().provenance.kernel_version);
            std::set<std::string> wrongly_named, also;
            if (claim.kind == X86ExistenceClaim::Kind::absent_on) {
                for (const auto& abi : named)
                    if (present.count(abi)) wrongly_named.insert(abi);
                for (const auto& abi : absent)
                    if (!named.count(abi) && !out_of_scope(abi)) also.insert(abi);
                if (!wrongly_named.empty())
                    message = fmt::format("{} {} on {}, contrary to the page", shown, plural ? "exist" : "exists",
                                          join_ids(wrongly_named));
                else if (!also.empty())
                    message = fmt::format("{} {} not exist on {}, and also not on {}", shown, plural ? "do" : "does",
                                          join_ids(named), join_ids(also));
                // The shorter list reads better: where it is, when that is fewer.
                truth = present.size() < absent.size()
                            ? fmt::format("As of Linux {}, {} only on {}.", kernel,
                                          plural ? "these system calls exist" : "this system call exists",
                                          join_display(present))
                            : fmt::format("As of Linux {}, {} not exist on {}.", kernel,
                                          plural ? "these system calls do" : "this system call does",
                                          join_display(absent));
            } else {
                for (const auto& abi : named)
                    if (absent.count(abi)) wrongly_named.insert(abi);
                for (const auto& abi : present)
                    if (!named.count(abi) && !out_of_scope(abi)) also.insert(abi);
                if (!also.empty())
                    message = fmt::format("{} {} on {}, and also on {}", shown, plural ? "exist" : "exists",
                                          join_ids(named), join_ids(also));
                else if (!wrongly_named.empty())
                    message = fmt::format("{} {} not exist on {}, contrary to the page", shown, plural ? "do" : "does",
                                          join_ids(wrongly_named));
                truth = fmt::format("As of Linux {}, {} only on {}.", kernel,
                                    plural ? "these system calls exist" : "this system call exists", join_display(present));
            }
            if (message.empty()) continue;

            // Report.
            Finding f;
            f.page = page.path;
            f.line = claim.line;
            f.subject = names.front();
            f.message = message;
            for (const auto& af : facts) {
                if (names.size() == 1) {
                    f.evidence.push_back(syscall_evidence(af, names.front()));
                    continue;
                }
                Evidence e;
                e.arch = arch_id(af);
                e.present = present.count(e.arch) > 0;
                for (const auto& n : names) {
                    Evidence one = syscall_evidence(af, n);
                    e.value += (e.value.empty() ? "" : "; ") + n + " " + (one.present ? one.value : "absent");
                    if (e.header.empty()) e.header = one.header;
                }
                f.evidence.push_back(std::move(e));
            }
            f.edit.line = claim.line;
            f.edit.flag_text = fmt::format("{}; as of Linux {}: present on {}; absent on {}", message, kernel,
                                           join_ids(present), absent.empty() ? std::string("none") : join_ids(absent));
            f.edit.summary = fmt::format("Correct the architectures named for {}()", names.front());
            // A one-sentence source line can be rewritten in place; otherwise flag only.
            if (claim.subjects.size() == names.size() && strip(claim.source_line_text) == claim.sentence) {
                f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
                f.edit.old_text = claim.source_line_text;
                f.edit.new_text = truth;
            }
            findings.push_back(std::move(f));
        }
    }
    report_constant_claims(page, facts, audited, findings);
    report_x86_conditions(page, facts, findings);
}

}  // namespace manaudit::audit
