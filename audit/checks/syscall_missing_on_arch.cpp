// syscall-missing-on-arch: a syscall the page documents has no number on some
// arches (where x86 has one), and the page does not say so.
#include "audit/checks/syscall_missing_on_arch.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/articles.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/facts_memo.h"
#include "audit/page_memo.h"
#include "audit/page_statements.h"
#include "audit/replacements.h"
#include "audit/syscall_variants.h"
#include "audit/text_scan.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

std::string visible_text(const manpages::Page& page) {
    std::string all;
    for (const auto& b : page.blocks)
        if (is_visible(b)) all += b.tag + "\n" + b.text + "\n";
    return all;
}

int line_of(const manpages::Page& page, const std::string& name) {
    for (const auto& p : page.prototypes)
        if (p.name == name || p.syscall_name == name) return p.line;
    return page.name_line > 0 ? page.name_line : 1;
}

// The name said of the call itself: "umount()" or "umount", not a form of it
// with arguments ("umount(device) was removed" speaks of one use).
bool names_call_itself(std::string_view sentence, const std::string& name) {
    for (auto at = sentence.find(name); at != std::string_view::npos; at = sentence.find(name, at + 1)) {
        auto end = at + name.size();
        bool before_ok = at == 0 || !(std::isalnum(static_cast<unsigned char>(sentence[at - 1])) || sentence[at - 1] == '_');
        if (!before_ok) continue;
        if (end >= sentence.size()) return true;
        char next = sentence[end];
        if (std::isalnum(static_cast<unsigned char>(next)) || next == '_') continue;
        if (next == '(' && end + 1 < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end + 1])))
            continue;
        return true;
    }
    return false;
}

// The page's sentences that say something was removed, gathered once a page:
// most pages have none, and each call of the page looks at the same few.
struct RemovalSentence {
    std::string text;
    bool dates_the_page = false;  // in HISTORY or VERSIONS
};

std::vector<RemovalSentence> removal_sentences(const manpages::Page& page) {
    static constexpr std::string_view kRemoved[] = {
        "removed in linux", "no longer exists", "does not exist anymore", "present only before",
        "present only up until", "only in kernels before", "was removed",
    };
    static const PhraseSet kRemovedPhrases(kRemoved);
    std::vector<RemovalSentence> out;
    for (const auto& b : page.blocks) {
        if (!is_visible(b)) continue;
        const bool dates_the_page = b.section == "HISTORY" || b.section == "VERSIONS";
        for (const auto& sentence : b.sentences)
            if (kRemovedPhrases.found_in(sentence))
                out.push_back({sentence, dates_the_page});
    }
    return out;
}

// Pages saying the call is gone describe history, not an arch gap. Only a
// sentence that says so of this call counts ("The semaphore set was
// removed" speaks of a semaphore set).
bool says_removed(const manpages::Page& page, const std::vector<RemovalSentence>& removals, const std::string& name,
                  bool only_call) {
    // Every prototype of it deprecated (getpgrp has a current one beside the BSD one).
    bool any = false, all_deprecated = true;
    for (const auto& p : page.prototypes) {
        if (p.name != name && p.syscall_name != name) continue;
        any = true;
        if (p.text.find("[[deprecated]]") == std::string::npos) all_deprecated = false;
    }
    if (any && all_deprecated) return true;
    // HISTORY and VERSIONS speak of the page's only call without naming it.
    return std::any_of(removals.begin(), removals.end(), [&](const RemovalSentence& sentence) {
        return names_call_itself(sentence.text, name) ||
               (only_call && (sentence.dates_the_page || contains_ci(sentence.text, "this system call") ||
                              contains_ci(sentence.text, "this call")));
    });
}

// The same service under a kernel's other name (rt_sigaction for sigaction,
// clock_gettime64 for clock_gettime, arm_fadvise64_64): a page that names it
// has told readers which call the kernel provides. A successor with other
// semantics (pipe2, getdents64, eventfd2) is a replacement, not this.
bool is_same_service_variant(const std::string& candidate, const std::string& name) {
    if (candidate == "rt_" + name || candidate == name + "_time64" || candidate == name + "_time32" ||
        candidate == name + "64_64")
        return true;
    auto underscore = candidate.find('_');
    if (underscore == std::string::npos || underscore == 0 || !archdata::find_arch_name(candidate.substr(0, underscore)))
        return false;
    const std::string rest = candidate.substr(underscore + 1);
    return rest == name || is_variant_of(rest, name);
}

// A variant the page names documents the base call's absence only where a
// sentence naming it says the base call is replaced or missing there
// ("eventfd2() is the more recent call" says nothing of where eventfd is not).
bool page_says_variant_replaces(const manpages::Page& page, const std::string& name, const std::string& variant,
                                const std::set<std::string>& missing) {
    for (const auto& b : page.blocks) {
        if (!is_visible(b)) continue;
        // A subsection about the variant that says "some architectures" is
        // the page's account of where it replaces the call.
        if (contains_identifier(b.subsection, variant) && has_generic_arch_phrase(b.text)) return true;
        if (!contains_identifier(b.text, variant)) continue;
        for (const auto& sentence : visible_sentences(b)) {
            // The sentence must speak of both: "fstatat() is called newfstatat() on
            // some architectures" says nothing of where stat() is missing.
            if (!contains_identifier(sentence, variant) || !names_call_itself(sentence, name)) continue;
            if (has_generic_arch_phrase(sentence)) return true;
            auto abis = abis_mentioned_in(sentence);
            auto families = abis_of_word_size_families(sentence);
            abis.insert(families.begin(), families.end());
            if (!missing.empty() && std::includes(abis.begin(), abis.end(), missing.begin(), missing.end()))
                return true;
            // "that system call has been superseded by mmap2()": replaced
            // everywhere, so wherever it is missing too.
            if (contains_ci(sentence, "superseded by") || contains_ci(sentence, "replaced by")) return true;
        }
    }
    return false;
}

// A page whose SYNOPSIS declares nothing and sends the reader to another
// page ("See select(2)") documents its calls there; auditing them here too
// would report one fix twice.
bool synopsis_refers_elsewhere(const manpages::Page& page) {
    if (!page.prototypes.empty()) return false;
    for (const auto& b : page.blocks)
        if (is_visible(b) && b.section == "SYNOPSIS" && !function_refs(b.text).empty() &&
            contains_identifier(b.text, "See"))
            return true;
    return false;
}

// Calls a SYNOPSIS declares side by side as one family: stat, lstat and
// fstat; chown and lchown; utime and utimes. The root is the name the
// others add a letter to.
std::string sibling_root(const std::string& name, const std::vector<std::string>& page_names) {
    auto on_page = [&](const std::string& n) {
        return std::find(page_names.begin(), page_names.end(), n) != page_names.end();
    };
    if (name.size() > 2 && (name[0] == 'l' || name[0] == 'f') && on_page(name.substr(1))) return name.substr(1);
    if (name.size() > 2 && name.back() == 's' && on_page(name.substr(0, name.size() - 1)))
        return name.substr(0, name.size() - 1);
    return name;
}

/// What one call lacks: where it has no number at all, and where only a
/// multiplexer (socketcall, ipc) reaches it.
struct CallGap {
    std::string name;
    std::set<std::string> missing;
    std::set<std::string> multiplexed_only;
    std::set<std::string> present;  ///< where it can be called, when that is the shorter list
    std::string via;  ///< "socketcall" or "ipc"
    std::map<std::string, std::string> instead;  ///< ABI -> the call used there
    std::vector<std::string> shown = {};  ///< the calls a fix text names together
    std::map<std::string, std::string> direct_instead = {};  ///< multiplexed ABI -> a direct call doing the same
    /// The call the page says the C library's wrapper makes instead ("clone"):
    /// the page speaks of the wrapper, not of where the system call is missing.
    std::string wrapper_call = {};
    /// The kernel option the page makes the call depend on: no configuration
    /// provides it where the ABI has no implemented slot.
    std::string kernel_option = {};
};

bool f_implemented(std::span<const archdata::ArchFacts> facts, const std::string& abi, const std::string& call) {
    return std::any_of(facts.begin(), facts.end(),
                       [&](const archdata::ArchFacts& f) { return arch_id(f) == abi && f.implemented_syscall(call); });
}

// "accept4 there": the direct call where a multiplexer is the only way to the call itself.
std::string direct_summary(const CallGap& gap) {
    std::set<std::string> calls;
    for (const auto& [abi, call] : gap.direct_instead) calls.insert(call);
    std::string out;
    for (const auto& c : calls) out += (out.empty() ? "" : " or ") + c;
    return out;
}

// ".BR stat ()\nand\n.BR lstat ()": calls as a sentence names them.
std::string roff_calls(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0 && i + 1 == names.size()) out += "and\n";
        out += fmt::format(".BR {} (){}\n", names[i], i + 2 < names.size() ? "," : "");
    }
    return out;
}

// "getresuid32 getresgid32": the stand-ins of a class of calls, one word each.
std::vector<std::string> calls_in(const std::string& list) {
    std::vector<std::string> calls;
    for (std::size_t at = 0; at < list.size();) {
        auto space = list.find(' ', at);
        calls.push_back(list.substr(at, space == std::string::npos ? std::string::npos : space - at));
        at = space == std::string::npos ? list.size() : space + 1;
    }
    return calls;
}

// "openat (arm64, riscv64), statx (riscv32)": which call stands in where.
std::string instead_summary(const CallGap& gap) {
    std::map<std::string, std::set<std::string>> by_call;
    for (const auto& [abi, call] : gap.instead) by_call[call].insert(abi);
    if (by_call.empty()) return {};
    std::string out;
    for (const auto& [call, abis] : by_call) {
        if (!out.empty()) out += ", ";
        const std::vector<std::string> calls = calls_in(call);
        const std::string said = join_names(calls);
        out += by_call.size() == 1 ? said : said + " on " + join_ids(abis);
    }
    return out;
}

// ";\n.BR statx ()\nis used there instead.\n": what the ABIs lacking the
// call use instead, or the end of the sentence when nothing.
std::string used_instead_text(const CallGap& gap) {
    std::map<std::string, std::set<std::string>> by_call;
    for (const auto& [abi, call] : gap.instead)
        if (gap.missing.count(abi)) by_call[call].insert(abi);
    if (by_call.empty()) return ".\n";
    std::string text = ";\n";
    std::size_t i = 0;
    for (const auto& [call, abis] : by_call) {
        if (i > 0) text += i + 1 == by_call.size() ? "and\n" : "";
        const std::vector<std::string> calls = calls_in(call);
        text += roff_calls(calls);
        const char* verb = calls.size() == 1 ? "is" : "are";
        bool last = ++i == by_call.size();
        if (by_call.size() == 1) text += fmt::format("{} used there instead.\n", verb);
        else text += fmt::format("{} used instead on {}{}\n", verb, join_display(abis), last ? "." : ",");
    }
    return text;
}

// Where the calls are: the ABIs having them when fewer, else those lacking
// them and what they use instead.
std::string whereabouts_text(const CallGap& gap, const std::string& kernel) {
    if (!gap.present.empty())
        return fmt::format("As of Linux {},\n{}{} only on {}.\n", kernel, roff_calls(gap.shown),
                           gap.shown.size() == 1 ? "system call exists" : "system calls exist",
                           join_display(gap.present));
    if (gap.missing.empty()) return {};
    std::string text = fmt::format("As of Linux {},\n{}\n{}\n{}{}", kernel, join_display(gap.missing),
                                   gap.missing.size() == 1 ? "has no" : "have no", roff_calls(gap.shown),
                                   gap.shown.size() == 1 ? "system call" : "system calls");
    text += used_instead_text(gap);
    if (!gap.kernel_option.empty())
        text += fmt::format("There, configuring the kernel with\n.B {}\ndoes not provide it.\n", gap.kernel_option);
    return text;
}

// Where only a multiplexer reaches the calls, and a direct call there if one.
std::string multiplexed_text(const CallGap& gap) {
    if (gap.multiplexed_only.empty()) return {};
    std::string text = fmt::format("On {},\n{}{} reached only through\n.BR {} (2)", join_display(gap.multiplexed_only),
                                   roff_calls(gap.shown), gap.shown.size() == 1 ? "is" : "are", gap.via);
    if (auto direct = direct_summary(gap); !direct.empty() && direct.find(' ') == std::string::npos &&
                                                  gap.direct_instead.size() == gap.multiplexed_only.size())
        text += fmt::format(";\n.BR {} ()\nis a direct system call there.\n", direct);
    else
        text += ".\n";
    return text;
}

// The roff for readers: what the ABIs lack and what they use instead.
std::string fix_text(const std::vector<CallGap>& gaps, const std::string& kernel) {
    std::string text;
    for (const auto& gap : gaps) text += whereabouts_text(gap, kernel) + multiplexed_text(gap);
    return text;
}


// What the page does say instead, so that a reader of the finding sees why
// it still stands: "; it says only that the C library's fork() calls clone()".
std::string what_the_page_says(const std::vector<CallGap>& gaps) {
    std::map<std::string, std::vector<std::string>> by_wrapper_call, by_option;
    for (const auto& gap : gaps) {
        if (!gap.wrapper_call.empty()) by_wrapper_call[gap.wrapper_call].push_back(gap.name);
        if (!gap.kernel_option.empty()) by_option[gap.kernel_option].push_back(gap.name);
    }
    std::string out;
    for (const auto& [call, names] : by_wrapper_call) {
        std::vector<std::string> calls;
        for (const auto& n : names) calls.push_back(n + "()");
        out += fmt::format("; it says only that the C library's {} {} {}()", join_names(calls),
                           names.size() == 1 ? "calls" : "call", call);
    }
    for (const auto& [option, names] : by_option)
        out += fmt::format("; it makes {} depend on {}, which does not provide {} there", join_names(names), option,
                           names.size() == 1 ? "it" : "them");
    return out;
}

/// A sentence that says every ABI of a word size has the call ("On modern
/// 64-bit systems, life is simpler: there is a single stat() system call"),
/// with the source line holding the family's words.
struct UniversalClaim {
    int line = 0;
    std::string source_line;  ///< exact text of that line
    std::string family;       ///< as written: "64-bit systems"
    std::set<std::string> abis;  ///< the ABIs the family stands for
};

std::optional<UniversalClaim> universal_claim(const manpages::Page& page, const std::string& name) {
    static constexpr std::string_view kOneCall[] = {"there is a single", "there is one", "there is only one"};
    for (const auto& b : page.blocks) {
        if (!is_visible(b) || b.kind == manpages::Block::Kind::code) continue;
        for (const auto& sentence : b.sentences) {
            if (!names_call_itself(sentence, name)) continue;
            if (std::none_of(std::begin(kOneCall), std::end(kOneCall), [&](auto p) { return contains_ci(sentence, p); }))
                continue;
            auto abis = abis_of_word_size_families(sentence);
            if (abis.empty()) continue;
            for (std::string_view noun : {"64-bit systems", "64-bit architectures", "64-bit platforms",
                                          "32-bit systems", "32-bit architectures", "32-bit platforms"}) {
                std::string text;
                int line = source_line_containing(page, b.first_line, b.last_line, std::string(noun), &text);
                if (line == 0) continue;
                return UniversalClaim{line, text, std::string(noun), abis};
            }
        }
    }
    return std::nullopt;
}

/// What every call of a page is audited with, gathered once a page.
struct PageScope {
    std::span<const archdata::ArchFacts> facts;
    std::unique_ptr<FactsMemo> own_memo;    ///< when the engine made none
    const FactsMemo* memo = nullptr;        ///< variants of calls per ABI
    std::vector<std::string> page_names;    ///< the page's calls
    bool have_x86 = false;
    /// The rest reads the page's text, so it is gathered only for a page
    /// with a call some ABI lacks (see read_text_of).
    bool text_read = false;
    std::string page_text;                  ///< the visible text, for the names the page mentions
    std::set<std::string> claimed;          ///< left to x86-only-statement
    std::vector<RemovalSentence> removals;
};

PageScope gather_page_scope(const manpages::Page& page, const AuditContext& context) {
    const std::span<const archdata::ArchFacts> facts = context.facts;
    PageScope scope;
    scope.facts = facts;
    scope.memo = &facts_memo(context, scope.own_memo);
    scope.have_x86 = std::any_of(facts.begin(), facts.end(), [](const auto& f) { return is_x86_abi(arch_id(f)); });
    scope.page_names = page_syscall_names(page, context);
    return scope;
}

void read_text_of(const manpages::Page& page, const AuditContext& context, PageScope& scope) {
    if (scope.text_read) return;
    scope.text_read = true;
    scope.page_text = visible_text(page);
    for (const auto& claim : x86_existence_claims(page, context))
        scope.claimed.insert(claim.subjects.begin(), claim.subjects.end());
    scope.removals = removal_sentences(page);
}

// A call every ABI has a number of its own for has no gap, whatever the page says.
bool implemented_everywhere(const PageScope& scope, const std::string& name) {
    const auto row = scope.memo->call_presence(name);
    if (row.empty()) return scope.facts.empty();
    return std::all_of(row.begin(), row.end(), [](std::uint8_t how) { return (how & FactsMemo::kCallImplemented) != 0; });
}

// The same scheme for a sibling (a page explains stat64 and says "similar
// remarks apply for fstat()"): fstat64 is documented with it.
bool sibling_shares_scheme(const std::string& variant, const std::string& name, const PageScope& scope) {
    return std::any_of(scope.page_names.begin(), scope.page_names.end(), [&](const std::string& sibling) {
        return sibling != name && variant.starts_with(name) &&
               contains_identifier(scope.page_text, sibling + variant.substr(name.size()));
    });
}

// Where the call has no number of its own, the ABI may provide it under a
// header's other spelling, or under a variant the page names.
bool provided_as_documented_variant(std::size_t abi, const std::string& name, const PageScope& scope) {
    const SyscallVariants& variants = scope.memo->syscall_variants(abi);
    if (!variants.renames_of(name).empty()) return true;
    const auto candidates = variants.variants_of(name);
    return std::any_of(candidates.begin(), candidates.end(), [&](std::string_view v) {
        const std::string other(v);
        return sibling_shares_scheme(other, name, scope) ||
               (is_same_service_variant(other, name) && contains_identifier(scope.page_text, other));
    });
}

/// Where a call can be made, and whether an x86 ABI is among those.
struct CallPresence {
    std::set<std::string> present;
    bool on_x86 = false;
};

// Sorts each ABI into: has the call, reaches it only through a multiplexer,
// or lacks it (a documented variant there is not a gap).
CallPresence locate_call(const PageScope& scope, CallGap& gap) {
    CallPresence where;
    for (std::size_t i = 0; i < scope.facts.size(); ++i) {
        const archdata::ArchFacts& f = scope.facts[i];
        const std::string& abi = arch_id(f);
        if (f.implemented_syscall(gap.name)) {
            where.on_x86 = where.on_x86 || is_x86_abi(abi);
            where.present.insert(abi);
            continue;
        }
        if (const auto* m = f.multiplexed_call(gap.name)) {
            where.on_x86 = where.on_x86 || is_x86_abi(abi);
            where.present.insert(abi);
            gap.multiplexed_only.insert(abi);
            gap.via = m->via;
            continue;
        }
        if (!provided_as_documented_variant(i, gap.name, scope)) gap.missing.insert(abi);
    }
    return where;
}

// A variant the page names as what those ABIs use instead documents them.
void forget_gaps_a_named_variant_fills(const manpages::Page& page, const PageScope& scope, CallGap& gap) {
    std::set<std::string> variants;
    for (const auto& [abi, call] : gap.instead) variants.insert(call);
    for (const auto& variant : variants)
        if (contains_identifier(scope.page_text, variant) &&
            page_says_variant_replaces(page, gap.name, variant, gap.missing))
            gap.missing.clear();
}

// Whether the page already says where the call is missing, in the block
// that declares it or anywhere about this call alone.
bool page_states_absence(const manpages::Page& page, const PageScope& scope, const CallGap& gap,
                         const std::set<std::string>& present) {
    const bool only_call = scope.page_names.size() == 1;
    DocumentedQuery query;
    query.block = block_at_line(page, line_of(page, gap.name));
    query.names = {gap.name};
    if (only_call) query.phrases = {"this system call", "these system calls", "this call", "these calls"};
    query.arches = gap.missing;
    // Naming every arch that has it documents an arch-specific call; for
    // a call most arches have, such mentions are about something else.
    if (present.size() < gap.missing.size()) query.present = present;
    query.any_arch_counts = false;
    query.about_existence = true;
    query.only_subject = only_call;
    return already_documented(page, query);
}

// What the page says in place of the gap (a wrapper's other call, a kernel
// option), which the finding quotes.
void note_what_the_page_says(const manpages::Page& page, const PageScope& scope, CallGap& gap) {
    std::set<std::string> stand_ins;
    for (const auto& [abi, call] : gap.instead) stand_ins.insert(call);
    gap.wrapper_call = wrapper_call_for(page, gap.name, stand_ins);
    gap.kernel_option = kernel_option_for_call(page, gap.name, scope.page_names.size() == 1);
}

// The call's gaps the page does not document, or nothing when none is left.
std::optional<CallGap> undocumented_gap(const manpages::Page& page, const PageScope& scope, const std::string& name) {
    CallGap gap;
    gap.name = name;
    const CallPresence where = locate_call(scope, gap);
    if (scope.have_x86 && !where.on_x86) return std::nullopt;  // not an x86 assumption: the page documents another arch's call
    if (gap.missing.size() == scope.facts.size()) return std::nullopt;
    gap.instead = replacements_for(name, gap.missing, scope.facts);
    forget_gaps_a_named_variant_fills(page, scope, gap);
    if (!gap.missing.empty() && page_states_absence(page, scope, gap, where.present)) gap.missing.clear();
    // Where only a multiplexer reaches it, a direct stand-in may exist.
    for (const auto& [abi, call] : replacements_for(name, gap.multiplexed_only, scope.facts))
        if (f_implemented(scope.facts, abi, call)) gap.direct_instead[abi] = call;
    // A call few ABIs have is said by where it is.
    if (where.present.size() < gap.missing.size()) gap.present = where.present;
    if (!gap.missing.empty()) note_what_the_page_says(page, scope, gap);
    // A multiplexer the page names is documented.
    if (!gap.multiplexed_only.empty() && contains_identifier(scope.page_text, gap.via)) gap.multiplexed_only.clear();
    if (gap.missing.empty() && gap.multiplexed_only.empty()) return std::nullopt;
    return gap;
}

// Siblings: the calls of one SYNOPSIS paragraph, else by name.
std::string sibling_group_key(const manpages::Page& page, const std::string& name,
                              const std::vector<std::string>& page_names) {
    const int synopsis_block = block_at_line(page, line_of(page, name));
    return synopsis_block >= 0 && page.blocks[synopsis_block].section == "SYNOPSIS"
               ? "block " + std::to_string(synopsis_block)
               : sibling_root(name, page_names);
}

// Each call's undocumented gaps, sibling calls together, the groups in the
// order the page first names them.
std::vector<std::vector<CallGap>> undocumented_gaps_by_sibling_group(const manpages::Page& page,
                                                                     const AuditContext& context, PageScope& scope) {
    std::vector<std::vector<CallGap>> groups;
    std::map<std::string, std::size_t> group_of_key;
    for (const auto& name : scope.page_names) {
        if (implemented_everywhere(scope, name)) continue;
        read_text_of(page, context, scope);
        if (scope.claimed.count(name) || says_removed(page, scope.removals, name, scope.page_names.size() == 1))
            continue;
        auto gap = undocumented_gap(page, scope, name);
        if (!gap) continue;
        const auto [it, added] = group_of_key.try_emplace(sibling_group_key(page, name, scope.page_names), groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(std::move(*gap));
    }
    return groups;
}

/// Calls of a group with the same gaps: their names, and the gap of the first.
using GapClass = std::pair<std::vector<std::string>, const CallGap*>;

// Calls with the same gaps are said together.
std::vector<GapClass> classes_of_same_gaps(const std::vector<CallGap>& gaps) {
    std::vector<GapClass> classes;
    for (const auto& gap : gaps) {
        auto same = std::find_if(classes.begin(), classes.end(), [&](const auto& c) {
            return c.second->missing == gap.missing && c.second->multiplexed_only == gap.multiplexed_only &&
                   c.second->present == gap.present;
        });
        if (same != classes.end()) same->first.push_back(gap.name);
        else classes.push_back({{gap.name}, &gap});
    }
    return classes;
}

// Each class as one gap: what stands in on an ABI is every one of its
// calls' stand-ins ("getresuid32 getresgid32").
std::vector<CallGap> merge_classes(const std::vector<GapClass>& classes, const std::vector<CallGap>& gaps) {
    std::vector<CallGap> merged_gaps;
    for (const auto& [names, gap] : classes) {
        CallGap merged = *gap;
        merged.shown = names;
        for (auto& [abi, calls] : merged.instead)
            for (const auto& other : gaps) {
                if (&other == gap || std::find(names.begin(), names.end(), other.name) == names.end()) continue;
                auto it = other.instead.find(abi);
                if (it != other.instead.end() && !contains_identifier(calls, it->second)) calls += " " + it->second;
            }
        merged_gaps.push_back(merged);
    }
    return merged_gaps;
}

// "system calls stat and lstat do not exist on arm64 (statx instead)": one
// class of calls, as the finding's message says it.
std::string describe_class(const std::vector<std::string>& names, const CallGap& gap) {
    const bool plural = names.size() > 1;
    std::string part = fmt::format("{} {}", plural ? "system calls" : "system call", join_names(names));
    if (!gap.present.empty())
        part += fmt::format(" {} only on {}", plural ? "exist" : "exists", join_ids(gap.present));
    else if (!gap.missing.empty())
        part += fmt::format(" {} not exist on {}", plural ? "do" : "does", join_ids(gap.missing));
    if (!gap.multiplexed_only.empty()) {
        part += fmt::format("{} {} reached only through {}(2) on {}", gap.missing.empty() ? "" : ", and",
                            plural ? "are" : "is", gap.via, join_ids(gap.multiplexed_only));
        if (auto direct = direct_summary(gap); !direct.empty())
            part += fmt::format(" ({} there is a direct call)", direct);
    }
    if (auto instead = instead_summary(gap); !instead.empty() && !gap.missing.empty() && gap.present.empty())
        part += fmt::format(" ({} instead)", instead);
    return part;
}

// Evidence per arch: the call itself, or each sibling where the group has several.
std::vector<Evidence> group_evidence(std::span<const archdata::ArchFacts> facts, const std::vector<CallGap>& gaps) {
    std::vector<Evidence> evidence;
    for (const auto& af : facts) {
        if (gaps.size() == 1) {
            evidence.push_back(syscall_evidence(af, gaps.front().name));
            continue;
        }
        Evidence e;
        e.arch = arch_id(af);
        e.present = true;
        for (const auto& gap : gaps) {
            Evidence one = syscall_evidence(af, gap.name);
            e.present = e.present && one.present && !gap.multiplexed_only.count(e.arch);
            if (!e.value.empty()) e.value += "; ";
            e.value += gap.name + " " + (one.present ? one.value : "absent");
            if (e.header.empty()) e.header = one.header;
        }
        evidence.push_back(std::move(e));
    }
    return evidence;
}

// A sentence saying a whole word size has the call, where ABIs of that word
// size lack it, is corrected in place: the first such call of the group.
std::optional<Finding> word_size_claim_finding(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                                               const std::vector<CallGap>& gaps) {
    for (const auto& gap : gaps) {
        auto claim = universal_claim(page, gap.name);
        if (!claim) continue;
        std::set<std::string> contradicting;
        for (const auto& abi : gap.missing)
            if (claim->abis.count(abi)) contradicting.insert(abi);
        if (contradicting.empty()) continue;
        Finding u;
        u.page = page.path;
        u.line = claim->line;
        u.subject = gap.name;
        u.message = fmt::format("the page says {} have a single {} system call, but {} have none", claim->family,
                                gap.name, join_ids(contradicting));
        for (const auto& af : facts) u.evidence.push_back(syscall_evidence(af, gap.name));
        u.edit.kind = ProposedEdit::Kind::rewrite_sentence;
        u.edit.line = claim->line;
        u.edit.old_text = claim->source_line;
        std::string corrected = claim->source_line;
        corrected.replace(corrected.find(claim->family), claim->family.size(),
                          claim->family + " other than " + join_display(contradicting));
        u.edit.new_text = corrected;
        u.edit.flag_text = u.message;
        u.edit.summary = fmt::format("Correct the word-size claim about {}()", gap.name);
        return u;
    }
    return std::nullopt;
}

// One finding for a sibling group: what each class of its calls lacks, with
// a note for NOTES that says it.
Finding group_finding(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                      const std::vector<CallGap>& gaps, const std::string& kernel) {
    const auto classes = classes_of_same_gaps(gaps);
    const auto merged = merge_classes(classes, gaps);
    std::string message;
    for (std::size_t k = 0; k < classes.size(); ++k)
        message += (message.empty() ? "" : "; ") + describe_class(classes[k].first, merged[k]);
    message += ", and the page does not say so" + what_the_page_says(gaps);

    Finding f;
    f.page = page.path;
    f.line = line_of(page, gaps.front().name);
    f.subject = gaps.front().name;
    f.message = message;
    f.evidence = group_evidence(facts, gaps);
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = f.line;
    f.edit.flag_text = fmt::format("{} (as of Linux {})", message.substr(0, message.find(", and the page")), kernel);
    f.edit.section = "NOTES";
    f.edit.subsection = "C library/kernel differences";
    f.edit.new_text = fix_text(merged, kernel);
    f.edit.summary = gaps.size() == 1 && gaps.front().multiplexed_only.empty()
                         ? fmt::format("Note the architectures without {}() system call", with_article(gaps.front().name))
                         : fmt::format("Note how each architecture provides {}()", gaps.front().name);
    return f;
}
}  // namespace

CheckInfo SyscallMissingOnArchCheck::info() const {
    return {"syscall-missing-on-arch",
            "a documented syscall has no number on some arches and the page does not say so",
            Severity::warning};
}

void SyscallMissingOnArchCheck::run(const manpages::Page& page, const AuditContext& context,
                                    std::vector<Finding>& findings) const {
    if (page.section != "2") return;
    // Pages about syscalls that are not implemented say so as a whole.
    if (contains_ci(page.summary, "unimplemented")) return;
    if (synopsis_refers_elsewhere(page)) return;
    const auto facts = context.facts;
    const std::string kernel = archdata::kernel_series(facts.front().provenance.kernel_version);
    // Report: one finding per sibling group, after its word-size claim if any.
    PageScope scope = gather_page_scope(page, context);
    for (const auto& gaps : undocumented_gaps_by_sibling_group(page, context, scope)) {
        if (auto claim = word_size_claim_finding(page, facts, gaps)) findings.push_back(std::move(*claim));
        findings.push_back(group_finding(page, facts, gaps, kernel));
    }
}

}  // namespace manaudit::audit
