// syscall-missing-on-arch: a syscall the page documents has no number on some
// arches (where x86 has one), and the page does not say so.
#include "audit/checks/syscall_missing_on_arch.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/articles.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/page_statements.h"
#include "audit/replacements.h"
#include "audit/text_scan.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

// Other names the same service goes by on an arch: fstatat64, sync_file_range2,
// arm_fadvise64_64, newfstatat, _llseek.
bool is_variant_of(std::string_view candidate, std::string_view name) {
    // Every variant spells the name inside it: most candidates fail here,
    // with no string built (this runs for every call of every ABI).
    if (candidate.size() <= name.size() || candidate.find(name) == std::string_view::npos) return false;
    static constexpr std::string_view kSuffixes[] = {"64", "2", "64_64", "_time64", "_time32"};
    if (candidate.starts_with(name)) {
        const auto suffix = candidate.substr(name.size());
        for (auto known : kSuffixes)
            if (suffix == known) return true;
    }
    if (candidate.size() == name.size() + 3 && candidate.starts_with("rt_") && candidate.ends_with(name)) return true;
    // An arch prefix: arm_fadvise64_64 for fadvise64_64, riscv_flush_icache.
    auto underscore = candidate.find('_');
    if (underscore != std::string_view::npos && underscore > 0 &&
        archdata::find_arch_name(candidate.substr(0, underscore))) {
        const auto rest = candidate.substr(underscore + 1);
        if (rest == name || is_variant_of(rest, name)) return true;
    }
    return false;
}

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

// The same call under a header's other spelling (_newselect for select,
// ugetrlimit for getrlimit, newfstatat for fstatat): not a gap on that arch.
bool is_rename_of(std::string_view candidate, std::string_view name) {
    if (!candidate.ends_with(name)) return false;
    const auto prefix = candidate.substr(0, candidate.size() - name.size());
    return prefix == "new" || prefix == "_new" || prefix == "_" || prefix == "u";
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
    std::vector<RemovalSentence> out;
    for (const auto& b : page.blocks) {
        if (!is_visible(b)) continue;
        const bool dates_the_page = b.section == "HISTORY" || b.section == "VERSIONS";
        for (const auto& sentence : b.sentences)
            if (contains_any_lowercase(sentence, kRemoved))
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

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
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

// The roff for readers: what the ABIs lack and what they use instead.
std::string fix_text(const std::vector<CallGap>& gaps, const std::string& kernel) {
    std::string text;
    for (const auto& gap : gaps) {
        if (!gap.present.empty()) {
            text += fmt::format("As of Linux {},\n{}{} only on {}.\n", kernel, roff_calls(gap.shown),
                                gap.shown.size() == 1 ? "system call exists" : "system calls exist",
                                join_display(gap.present));
        } else if (!gap.missing.empty()) {
            text += fmt::format("As of Linux {},\n{}\n{}\n{}{}", kernel, join_display(gap.missing),
                                gap.missing.size() == 1 ? "has no" : "have no", roff_calls(gap.shown),
                                gap.shown.size() == 1 ? "system call" : "system calls");
            std::map<std::string, std::set<std::string>> by_call;
            for (const auto& [abi, call] : gap.instead)
                if (gap.missing.count(abi)) by_call[call].insert(abi);
            if (by_call.empty()) {
                text += ".\n";
            } else {
                text += ";\n";
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
            }
            if (!gap.kernel_option.empty())
                text += fmt::format("There, configuring the kernel with\n.B {}\ndoes not provide it.\n", gap.kernel_option);
        }
        if (!gap.multiplexed_only.empty()) {
            text += fmt::format("On {},\n{}{} reached only through\n.BR {} (2)", join_display(gap.multiplexed_only),
                                roff_calls(gap.shown), gap.shown.size() == 1 ? "is" : "are", gap.via);
            if (auto direct = direct_summary(gap); !direct.empty() && direct.find(' ') == std::string::npos &&
                                                          gap.direct_instead.size() == gap.multiplexed_only.size())
                text += fmt::format(";\n.BR {} ()\nis a direct system call there.\n", direct);
            else
                text += ".\n";
        }
    }
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
    bool have_x86 = std::any_of(facts.begin(), facts.end(), [](const auto& f) { return is_x86_abi(arch_id(f)); });
    const std::string page_text = visible_text(page);
    const auto page_names = page_syscall_names(page, facts);
    std::set<std::string> claimed;  // left to x86-only-statement
    for (const auto& claim : find_x86_existence_claims(page, facts))
        claimed.insert(claim.subjects.begin(), claim.subjects.end());
    const std::string kernel = archdata::kernel_series(facts.front().provenance.kernel_version);

    // Gather each call's gaps, already documented parts left out.
    std::map<std::string, std::vector<CallGap>> by_root;  // sibling calls together
    std::vector<std::string> root_order;
    const auto removals = removal_sentences(page);
    for (const auto& name : page_names) {
        if (claimed.count(name) || says_removed(page, removals, name, page_names.size() == 1)) continue;
        CallGap gap;
        gap.name = name;
        std::set<std::string> present;
        bool on_x86 = false;
        for (const auto& f : facts) {
            if (f.implemented_syscall(name)) {
                on_x86 = on_x86 || is_x86_abi(arch_id(f));
                present.insert(arch_id(f));
                continue;
            }
            if (const auto* m = f.multiplexed_call(name)) {
                on_x86 = on_x86 || is_x86_abi(arch_id(f));
                present.insert(arch_id(f));
                gap.multiplexed_only.insert(arch_id(f));
                gap.via = m->via;
                continue;
            }
            bool variant_documented = false;
            for (const auto& [other, sc] : f.syscalls) {
                if (!sc.implemented) continue;
                if (is_rename_of(other, name)) variant_documented = true;
                if (!is_variant_of(other, name)) continue;
                // The same scheme for a sibling (a page explains stat64 and
                // says "similar remarks apply for fstat()").
                bool same_scheme = std::any_of(page_names.begin(), page_names.end(), [&, &variant = other](const std::string& sibling) {
                    return sibling != name && variant.starts_with(name) &&
                           contains_identifier(page_text, sibling + variant.substr(name.size()));
                });
                if (same_scheme || (is_same_service_variant(other, name) && contains_identifier(page_text, other)))
                    variant_documented = true;
            }
            if (!variant_documented) gap.missing.insert(arch_id(f));
        }
        if (have_x86 && !on_x86) continue;  // not an x86 assumption: the page documents another arch's call
        if (gap.missing.size() == facts.size()) continue;
        // A variant the page names as what those ABIs use instead documents them.
        gap.instead = replacements_for(name, gap.missing, facts);
        std::set<std::string> variants;
        for (const auto& [abi, call] : gap.instead) variants.insert(call);
        for (const auto& variant : variants)
            if (contains_identifier(page_text, variant) && page_says_variant_replaces(page, name, variant, gap.missing))
                gap.missing.clear();

        const int line = line_of(page, name);
        if (!gap.missing.empty()) {
            DocumentedQuery query;
            query.block = block_at_line(page, line);
            query.names = {name};
            if (page_names.size() == 1)
                query.phrases = {"this system call", "these system calls", "this call", "these calls"};
            query.arches = gap.missing;
            // Naming every arch that has it documents an arch-specific call; for
            // a call most arches have, such mentions are about something else.
            if (present.size() < gap.missing.size()) query.present = present;
            query.any_arch_counts = false;
            query.about_existence = true;
            query.only_subject = page_names.size() == 1;
            if (already_documented(page, query)) gap.missing.clear();
        }
        // Where only a multiplexer reaches it, a direct stand-in may exist.
        for (const auto& [abi, call] : replacements_for(name, gap.multiplexed_only, facts))
            if (f_implemented(facts, abi, call)) gap.direct_instead[abi] = call;
        // A call few ABIs have is said by where it is.
        if (present.size() < gap.missing.size()) gap.present = present;
        if (!gap.missing.empty()) {
            std::set<std::string> stand_ins;
            for (const auto& [abi, call] : gap.instead) stand_ins.insert(call);
            gap.wrapper_call = wrapper_call_for(page, name, stand_ins);
            gap.kernel_option = kernel_option_for_call(page, name, page_names.size() == 1);
        }
        // A multiplexer the page names is documented.
        if (!gap.multiplexed_only.empty() && contains_identifier(page_text, gap.via)) gap.multiplexed_only.clear();
        if (gap.missing.empty() && gap.multiplexed_only.empty()) continue;
        // Siblings: the calls of one SYNOPSIS paragraph, else by name.
        const int synopsis_block = block_at_line(page, line);
        const std::string root = synopsis_block >= 0 && page.blocks[synopsis_block].section == "SYNOPSIS"
                                     ? "block " + std::to_string(synopsis_block)
                                     : sibling_root(name, page_names);
        if (!by_root.count(root)) root_order.push_back(root);
        by_root[root].push_back(std::move(gap));
    }

    // Report: one finding per sibling group.
    for (const auto& root : root_order) {
        const auto& gaps = by_root[root];
        // Calls with the same gaps are said together.
        std::vector<std::pair<std::vector<std::string>, const CallGap*>> classes;
        for (const auto& gap : gaps) {
            auto same = std::find_if(classes.begin(), classes.end(), [&](const auto& c) {
                return c.second->missing == gap.missing && c.second->multiplexed_only == gap.multiplexed_only &&
                       c.second->present == gap.present;
            });
            if (same != classes.end()) same->first.push_back(gap.name);
            else classes.push_back({{gap.name}, &gap});
        }
        // Each class as one gap: what stands in on an ABI is every one of
        // its calls' stand-ins ("getresuid32 getresgid32").
        std::vector<CallGap> ordered;
        for (const auto& [names, gap] : classes) {
            CallGap merged = *gap;
            merged.shown = names;
            for (auto& [abi, calls] : merged.instead)
                for (const auto& other : gaps) {
                    if (&other == gap || std::find(names.begin(), names.end(), other.name) == names.end()) continue;
                    auto it = other.instead.find(abi);
                    if (it != other.instead.end() && !contains_identifier(calls, it->second)) calls += " " + it->second;
                }
            ordered.push_back(merged);
        }
        std::vector<std::string> parts;
        for (std::size_t k = 0; k < classes.size(); ++k) {
            const auto& names = classes[k].first;
            const CallGap* gap = &ordered[k];
            const bool plural = names.size() > 1;
            std::string part = fmt::format("{} {}", plural ? "system calls" : "system call", join_names(names));
            if (!gap->present.empty())
                part += fmt::format(" {} only on {}", plural ? "exist" : "exists", join_ids(gap->present));
            else if (!gap->missing.empty())
                part += fmt::format(" {} not exist on {}", plural ? "do" : "does", join_ids(gap->missing));
            if (!gap->multiplexed_only.empty()) {
                part += fmt::format("{} {} reached only through {}(2) on {}", gap->missing.empty() ? "" : ", and",
                                    plural ? "are" : "is", gap->via, join_ids(gap->multiplexed_only));
                if (auto direct = direct_summary(*gap); !direct.empty())
                    part += fmt::format(" ({} there is a direct call)", direct);
            }
            if (auto instead = instead_summary(*gap); !instead.empty() && !gap->missing.empty() && gap->present.empty())
                part += fmt::format(" ({} instead)", instead);
            parts.push_back(part);
        }
        std::string message;
        for (const auto& part : parts) message += (message.empty() ? "" : "; ") + part;
        message += ", and the page does not say so" + what_the_page_says(gaps);

        Finding f;
        f.page = page.path;
        f.line = line_of(page, gaps.front().name);
        f.subject = gaps.front().name;
        f.message = message;
        // Evidence per arch: the call itself, or each sibling where the group has several.
        for (const auto& af : facts) {
            if (gaps.size() == 1) {
                f.evidence.push_back(syscall_evidence(af, gaps.front().name));
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
            f.evidence.push_back(std::move(e));
        }
        f.edit.kind = ProposedEdit::Kind::add_note;
        f.edit.line = f.line;
        f.edit.flag_text = fmt::format("{} (as of Linux {})", message.substr(0, message.find(", and the page")), kernel);
        f.edit.section = "NOTES";
        f.edit.subsection = "C library/kernel differences";
        f.edit.new_text = fix_text(ordered, kernel);
        // A sentence saying a whole word size has the call is corrected in place.
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
            findings.push_back(std::move(u));
            break;
        }
        f.edit.summary = gaps.size() == 1 && gaps.front().multiplexed_only.empty()
                             ? fmt::format("Note the architectures without {}() system call", with_article(gaps.front().name))
                             : fmt::format("Note how each architecture provides {}()", gaps.front().name);
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
