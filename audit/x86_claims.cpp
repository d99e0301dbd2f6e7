// Finding sentences that name x86 alone in a claim about a syscall's existence.
#include "audit/x86_claims.h"

#include <algorithm>
#include <optional>

#include "arch-data/arch_table.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/facts_memo.h"
#include "audit/text_scan.h"

namespace manaudit::audit {

namespace {

constexpr std::string_view kAbsentPhrases[] = {
    "does not exist", "do not exist", "doesn't exist", "is not available", "are not available",
    "not provided", "there is no", "is absent", "are absent", "is not present", "not implemented",
};
constexpr std::string_view kOnlyPhrases[] = {
    "only on", "only available on", "only exists on", "exists only on", "exist only on",
    "available only on", "provided only on", "implemented only on", "supported only on", "only supported on",
    "specific to", "-specific",
};
constexpr std::string_view kThisSyscallPhrases[] = {
    "this system call", "these system calls", "the system call", "this call", "this syscall",
};

bool is_syscall_somewhere(std::span<const archdata::ArchFacts> facts, const std::string& name) {
    return std::any_of(facts.begin(), facts.end(), [&](const auto& f) { return can_call(f, name); });
}

// "x86-64 only", "i386 only": the arch name, then "only".
bool names_arch_then_only(std::string_view sentence, const std::vector<ArchMentionInText>& mentions) {
    for (const auto& m : mentions) {
        auto end = sentence.find_first_of(" ,.;)", m.offset);
        if (end != std::string_view::npos && sentence.substr(end).starts_with(" only")) return true;
    }
    return false;
}

// The page's names, then its SYNOPSIS syscall(SYS_x) names, once each, those
// `is_syscall` takes.
template <typename IsSyscall>
std::vector<std::string> names_that_are_syscalls(const manpages::Page& page, IsSyscall&& is_syscall) {
    std::vector<std::string> names;
    auto add = [&](const std::string& n) {
        if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end() && is_syscall(n))
            names.push_back(n);
    };
    for (const auto& n : page.names) add(n);
    for (const auto& p : page.prototypes) add(p.syscall_name);
    return names;
}

}  // namespace

std::vector<std::string> page_syscall_names(const manpages::Page& page,
                                            std::span<const archdata::ArchFacts> facts) {
    return names_that_are_syscalls(page, [&](const std::string& n) { return is_syscall_somewhere(facts, n); });
}

std::vector<std::string> page_syscall_names(const manpages::Page& page, const FactsMemo& memo) {
    return names_that_are_syscalls(page, [&](const std::string& n) {
        const auto row = memo.call_presence(n);
        return std::any_of(row.begin(), row.end(), FactsMemo::callable);
    });
}

int source_line_containing(const manpages::Page& page, int first, int last, const std::string& needle,
                           std::string* line_text) {
    const manpages::SourceLayout& layout = page.layout;
    for (int line = std::max(first, 1); line <= std::min(last, layout.line_count()); ++line) {
        if (layout.kind(line) == manpages::LineKind::comment) continue;
        std::string_view text = manpages::source_line(page, line);
        if (text.find(needle) != std::string_view::npos) {
            if (line_text) *line_text = std::string(text);
            return line;
        }
    }
    return 0;
}

namespace {

// A block that also names other arches, or says "some architectures", is
// not naming x86 alone.
bool names_x86_alone(const manpages::Block& block) {
    if (!may_name_x86(block.text)) return false;
    const auto mentions = arch_mentions_in(block.text);
    if (mentions.empty() || has_generic_arch_phrase(block.text)) return false;
    return std::all_of(mentions.begin(), mentions.end(),
                       [](const auto& m) { return archdata::is_x86_mention(m.mention_id); });
}

// The claim a sentence of such a block makes about the page's own syscalls,
// if it says where they exist.
std::optional<X86ExistenceClaim> claim_in_sentence(const manpages::Page& page, std::size_t bi,
                                                   const std::string& sentence,
                                                   const std::vector<std::string>& own_syscalls) {
    static const PhraseSet kAbsent(kAbsentPhrases), kOnly(kOnlyPhrases), kThisSyscall(kThisSyscallPhrases);
    const auto& block = page.blocks[bi];
    auto mentions = arch_mentions_in(sentence);
    if (mentions.empty()) return std::nullopt;
    X86ExistenceClaim claim;
    if (kAbsent.found_in(sentence)) claim.kind = X86ExistenceClaim::Kind::absent_on;
    else if (kOnly.found_in(sentence) || names_arch_then_only(sentence, mentions))
        claim.kind = X86ExistenceClaim::Kind::only_on;
    else return std::nullopt;
    // Only the page's own syscalls: a sentence naming others ("glibc
    // calls uname(2) instead") makes no claim about them.
    for (const auto& ref : function_refs(sentence))
        if (std::find(own_syscalls.begin(), own_syscalls.end(), ref) != own_syscalls.end())
            claim.subjects.push_back(ref);
    if (claim.subjects.empty() && kThisSyscall.found_in(sentence)) claim.subjects = own_syscalls;
    if (claim.subjects.empty()) return std::nullopt;
    for (const auto& m : mentions)
        for (const auto& abi : archdata::abis_of_mention(m.mention_id)) claim.x86_abis.insert(abi);
    claim.sentence = sentence;
    claim.block = static_cast<int>(bi);
    // Locate the sentence by the arch name as written.
    std::string spelled = sentence.substr(mentions.front().offset);
    auto stop = spelled.find_first_of(" ,.;:)");
    spelled = spelled.substr(0, stop);
    claim.line = source_line_containing(page, block.first_line, block.last_line, spelled, &claim.source_line_text);
    if (claim.line == 0) claim.line = block.first_line;
    return claim;
}

}  // namespace

std::vector<X86ExistenceClaim> find_x86_existence_claims(const manpages::Page& page,
                                                         std::span<const archdata::ArchFacts> facts) {
    return find_x86_existence_claims(page, page_syscall_names(page, facts));
}

std::vector<X86ExistenceClaim> find_x86_existence_claims(const manpages::Page& page,
                                                         const std::vector<std::string>& own_syscalls) {
    std::vector<X86ExistenceClaim> claims;
    for (std::size_t bi = 0; bi < page.blocks.size(); ++bi) {
        const auto& block = page.blocks[bi];
        if (!is_visible(block) || block.kind == manpages::Block::Kind::code || !names_x86_alone(block)) continue;
        for (const auto& sentence : block.sentences)
            if (auto claim = claim_in_sentence(page, bi, sentence, own_syscalls)) claims.push_back(std::move(*claim));
    }
    return claims;
}

}  // namespace manaudit::audit
