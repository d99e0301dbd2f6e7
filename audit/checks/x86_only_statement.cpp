// x86-only-statement: a sentence names an x86 arch alone in a claim about a
// syscall's existence that the facts show is also true, or untrue, elsewhere.
#include "audit/checks/x86_only_statement.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/page_memo.h"
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


// The constants a tagged paragraph's tag names, once each, in page order.
std::vector<std::string> constants_in_tag(const manpages::Page& page, std::size_t block) {
    std::vector<std::string> constants;
    for (const auto& ref : page.constants)
        if (ref.in_tag && ref.block == static_cast<int>(block) &&
            std::find(constants.begin(), constants.end(), ref.name) == constants.end())
            constants.push_back(ref.name);
    return constants;
}

// The audited x86 ABIs a sentence scopes something to ("supported only on
// x86"): empty unless it names x86 arches alone, and with "only".
std::set<std::string> x86_abis_the_sentence_limits_to(const std::string& sentence,
                                                      const std::set<std::string>& audited) {
    static constexpr std::string_view kOnly[] = {"only on", "supported only", "only supported", "available only",
                                                 "only available", "implemented only"};
    if (!may_name_x86(sentence)) return {};  // most sentences: a memchr, not a read of every word
    auto mentions = arch_mentions_in(sentence);
    if (mentions.empty() || has_generic_arch_phrase(sentence)) return {};
    if (!std::all_of(mentions.begin(), mentions.end(), [](const auto& m) { return archdata::is_x86_mention(m.mention_id); }))
        return {};
    if (std::none_of(std::begin(kOnly), std::end(kOnly), [&](auto p) { return contains_ci(sentence, p); })) return {};
    std::set<std::string> named;
    for (const auto& m : mentions)
        for (const auto& abi : archdata::abis_of_mention(m.mention_id))
            if (audited.count(abi)) named.insert(abi);
    return named;
}

/// The constants that non-x86 ABIs the sentence does not name define too, and those ABIs.
struct DefinedBeyond {
    std::vector<std::string> constants;
    std::set<std::string> abis;
};

DefinedBeyond defined_beyond(const std::vector<std::string>& constants, const std::set<std::string>& named,
                             std::span<const archdata::ArchFacts> facts) {
    DefinedBeyond beyond;
    for (const auto& name : constants) {
        std::set<std::string> elsewhere;
        for (const auto& f : facts)
            if (f.constant(name) && !named.count(arch_id(f)) && !is_x86_abi(arch_id(f))) elsewhere.insert(arch_id(f));
        if (elsewhere.empty()) continue;
        beyond.constants.push_back(name);
        beyond.abis.insert(elsewhere.begin(), elsewhere.end());
    }
    return beyond;
}

Finding constant_scope_finding(const manpages::Page& page, const manpages::Block& block, const std::string& sentence,
                               const std::set<std::string>& named, const DefinedBeyond& beyond,
                               std::span<const archdata::ArchFacts> facts) {
    const auto& wrong = beyond.constants;
    Finding f;
    f.page = page.path;
    // The line holding the arch name as the sentence spells it.
    std::string spelled = sentence.substr(arch_mentions_in(sentence).front().offset);
    spelled = spelled.substr(0, spelled.find_first_of(" ,.;:)"));
    f.line = source_line_containing(page, block.first_line, block.last_line, spelled);
    if (f.line == 0) f.line = block.first_line;
    f.subject = wrong.front();
    f.message = fmt::format("the page scopes {} to {}, but {} also defined on {}", join_names(wrong), join_ids(named),
                            wrong.size() == 1 ? "it is" : "they are", join_ids(beyond.abis));
    for (const auto& af : facts) f.evidence.push_back(constant_evidence(af, wrong.front()));
    f.edit.line = f.line;
    f.edit.flag_text = fmt::format("{} (as of Linux {})", f.message,
                                   archdata::kernel_series(facts.front().provenance.kernel_version));
    f.edit.summary = fmt::format("Correct the architectures named for {}", wrong.front());
    return f;
}

// "These requests are currently supported only on x86": a tagged paragraph
// whose tag names constants, scoped to x86 alone, against where the headers
// define them.
void report_constant_claims(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                            const std::set<std::string>& audited, std::vector<Finding>& findings) {
    for (std::size_t bi = 0; bi < page.blocks.size(); ++bi) {
        const auto& block = page.blocks[bi];
        if (!is_visible(block) || block.kind != manpages::Block::Kind::tagged) continue;
        const std::vector<std::string> constants = constants_in_tag(page, bi);
        if (constants.empty()) continue;
        for (const auto& sentence : block.sentences) {
            const std::set<std::string> named = x86_abis_the_sentence_limits_to(sentence, audited);
            if (named.empty()) continue;
            const DefinedBeyond beyond = defined_beyond(constants, named, facts);
            if (beyond.constants.empty()) continue;
            findings.push_back(constant_scope_finding(page, block, sentence, named, beyond, facts));
        }
    }
}

// "The file must contain an x86 kernel" on a page whose call arm64 and
// others have too: a condition stated for x86 as if it held everywhere.
void report_x86_conditions(const manpages::Page& page, const AuditContext& context, std::vector<Finding>& findings) {
    const std::span<const archdata::ArchFacts> facts = context.facts;
    const std::string kernel = archdata::kernel_series(facts.front().provenance.kernel_version);
    for (const auto& condition : find_x86_conditions(page, page_syscall_names(page, context))) {
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


/// Calls of one claim that the facts put on the same ABIs: one sentence, one fix.
struct ClaimedCalls {
    std::vector<std::string> names;
    std::set<std::string> present;  ///< the audited ABIs that have them
    std::set<std::string> absent;   ///< the audited ABIs that do not
};

// The claim's calls grouped by where they exist; a name no ABI has is not
// a syscall this check can judge.
std::vector<ClaimedCalls> group_by_presence(const X86ExistenceClaim& claim, std::span<const archdata::ArchFacts> facts,
                                            const std::set<std::string>& audited) {
    std::vector<ClaimedCalls> groups;
    for (const auto& name : claim.subjects) {
        std::set<std::string> present;
        for (const auto& f : facts)
            if (can_call(f, name)) present.insert(arch_id(f));
        if (present.empty()) continue;
        auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.present == present; });
        if (same != groups.end()) same->names.push_back(name);
        else groups.push_back({{name}, present, {}});
    }
    for (auto& group : groups)
        for (const auto& id : audited)
            if (!group.present.count(id)) group.absent.insert(id);
    return groups;
}

// x86-64 stands for x32 too; but a call said to be only on x86-64 that
// i386 has as well is misdescribed.
bool out_of_scope(const X86ExistenceClaim& claim, const std::set<std::string>& named, const std::string& abi) {
    if (claim.kind == X86ExistenceClaim::Kind::only_on && abi == "i386") return false;
    return is_x86_abi(abi) && !named.count(abi);
}

/// What a claim gets wrong about a group of calls (empty when nothing),
/// and the sentence the facts support.
struct Verdict {
    std::string message;
    std::string truth;
};

/// The ABIs a claim gets wrong: named ones where the facts contradict it, and
/// in-scope ones left unnamed where the facts agree with it.
struct ClaimGaps {
    std::set<std::string> wrongly_named, also;
};

ClaimGaps claim_gaps(const std::set<std::string>& named, const std::set<std::string>& contradicting,
                     const std::set<std::string>& agreeing, const X86ExistenceClaim& claim) {
    ClaimGaps gaps;
    for (const auto& abi : named)
        if (contradicting.count(abi)) gaps.wrongly_named.insert(abi);
    for (const auto& abi : agreeing)
        if (!named.count(abi) && !out_of_scope(claim, named, abi)) gaps.also.insert(abi);
    return gaps;
}

// "foo() does not exist on x86-64": wrong where x86-64 has it, incomplete
// where other ABIs lack it too.
Verdict judge_absence_claim(const std::set<std::string>& named, const ClaimedCalls& calls, const X86ExistenceClaim& claim,
                            const std::string& kernel) {
    const std::string shown = join_names(calls.names);
    const bool plural = calls.names.size() > 1;
    const auto [wrongly_named, also] = claim_gaps(named, calls.present, calls.absent, claim);
    Verdict verdict;
    if (!wrongly_named.empty())
        verdict.message = fmt::format("{} {} on {}, contrary to the page", shown, plural ? "exist" : "exists",
                                      join_ids(wrongly_named));
    else if (!also.empty())
        verdict.message = fmt::format("{} {} not exist on {}, and also not on {}", shown, plural ? "do" : "does",
                                      join_ids(named), join_ids(also));
    // The shorter list reads better: where it is, when that is fewer.
    verdict.truth = calls.present.size() < calls.absent.size()
                        ? fmt::format("As of Linux {}, {} only on {}.", kernel,
                                      plural ? "these system calls exist" : "this system call exists",
                                      join_display(calls.present))
                        : fmt::format("As of Linux {}, {} not exist on {}.", kernel,
                                      plural ? "these system calls do" : "this system call does",
                                      join_display(calls.absent));
    return verdict;
}

// "foo() is available only on i386": incomplete where other ABIs have it,
// wrong where a named ABI lacks it.
Verdict judge_only_on_claim(const std::set<std::string>& named, const ClaimedCalls& calls, const X86ExistenceClaim& claim,
                            const std::string& kernel) {
    const std::string shown = join_names(calls.names);
    const bool plural = calls.names.size() > 1;
    const auto [wrongly_named, also] = claim_gaps(named, calls.absent, calls.present, claim);
    Verdict verdict;
    if (!also.empty())
        verdict.message = fmt::format("{} {} on {}, and also on {}", shown, plural ? "exist" : "exists",
                                      join_ids(named), join_ids(also));
    else if (!wrongly_named.empty())
        verdict.message = fmt::format("{} {} not exist on {}, contrary to the page", shown, plural ? "do" : "does",
                                      join_ids(wrongly_named));
    verdict.truth = fmt::format("As of Linux {}, {} only on {}.", kernel,
                                plural ? "these system calls exist" : "this system call exists",
                                join_display(calls.present));
    return verdict;
}

// Evidence per arch: the call itself, or each call of the group.
std::vector<Evidence> calls_evidence(std::span<const archdata::ArchFacts> facts, const ClaimedCalls& calls) {
    std::vector<Evidence> evidence;
    for (const auto& af : facts) {
        if (calls.names.size() == 1) {
            evidence.push_back(syscall_evidence(af, calls.names.front()));
            continue;
        }
        Evidence e;
        e.arch = arch_id(af);
        e.present = calls.present.count(e.arch) > 0;
        for (const auto& n : calls.names) {
            Evidence one = syscall_evidence(af, n);
            e.value += (e.value.empty() ? "" : "; ") + n + " " + (one.present ? one.value : "absent");
            if (e.header.empty()) e.header = one.header;
        }
        evidence.push_back(std::move(e));
    }
    return evidence;
}

Finding claim_finding(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                      const X86ExistenceClaim& claim, const ClaimedCalls& calls, const Verdict& verdict,
                      const std::string& kernel) {
    Finding f;
    f.page = page.path;
    f.line = claim.line;
    f.subject = calls.names.front();
    f.message = verdict.message;
    f.evidence = calls_evidence(facts, calls);
    f.edit.line = claim.line;
    f.edit.flag_text = fmt::format("{}; as of Linux {}: present on {}; absent on {}", verdict.message, kernel,
                                   join_ids(calls.present),
                                   calls.absent.empty() ? std::string("none") : join_ids(calls.absent));
    f.edit.summary = fmt::format("Correct the architectures named for {}()", calls.names.front());
    // A one-sentence source line can be rewritten in place; otherwise flag only.
    if (claim.subjects.size() == calls.names.size() && strip(claim.source_line_text) == claim.sentence) {
        f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
        f.edit.old_text = claim.source_line_text;
        f.edit.new_text = verdict.truth;
    }
    return f;
}

// Each existence claim against the facts: what the sentence says of its
// calls against where they are.
void report_existence_claims(const manpages::Page& page, const AuditContext& context,
                             const std::set<std::string>& audited, std::vector<Finding>& findings) {
    const std::span<const archdata::ArchFacts> facts = context.facts;
    const std::string kernel = archdata::kernel_series(facts.front().provenance.kernel_version);
    for (const auto& claim : x86_existence_claims(page, context)) {
        // Only judge the x86 ABIs we have facts for. Pages say "x86-64" for
        // both of its ABIs, so x32 is neither named nor contradicted unless
        // spelled out; likewise i386 beside an x86-64 claim is an x86 detail,
        // not what this check is about (x86 against the other arches).
        std::set<std::string> named;
        for (const auto& abi : claim.x86_abis)
            if (audited.count(abi)) named.insert(abi);
        if (named.empty()) continue;
        for (const auto& calls : group_by_presence(claim, facts, audited)) {
            const Verdict verdict = claim.kind == X86ExistenceClaim::Kind::absent_on
                                        ? judge_absence_claim(named, calls, claim, kernel)
                                        : judge_only_on_claim(named, calls, claim, kernel);
            if (verdict.message.empty()) continue;
            findings.push_back(claim_finding(page, facts, claim, calls, verdict, kernel));
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
    report_existence_claims(page, context, audited, findings);
    report_constant_claims(page, facts, audited, findings);
    report_x86_conditions(page, context, findings);
}

}  // namespace manaudit::audit
