// syscall-missing-on-arch: a syscall the page documents has no number on some
// arches (where x86 has one), and the page does not say so.
#include "audit/checks/syscall_missing_on_arch.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/articles.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/text_scan.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

// Other names the same service goes by on an arch: fstatat64, sync_file_range2,
// arm_fadvise64_64, newfstatat, _llseek.
bool is_variant_of(const std::string& candidate, const std::string& name) {
    if (candidate == name) return false;
    static constexpr std::string_view kSuffixes[] = {"64", "2", "64_64", "_time64", "_time32"};
    for (auto suffix : kSuffixes)
        if (candidate == name + std::string(suffix)) return true;
    if (candidate == "rt_" + name) return true;
    // An arch prefix: arm_fadvise64_64 for fadvise64_64, riscv_flush_icache.
    auto underscore = candidate.find('_');
    if (underscore != std::string::npos && underscore > 0 &&
        archdata::find_arch_name(candidate.substr(0, underscore))) {
        std::string rest = candidate.substr(underscore + 1);
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
bool is_rename_of(const std::string& candidate, const std::string& name) {
    return candidate == "new" + name || candidate == "_new" + name || candidate == "_" + name ||
           candidate == "u" + name;
}

// Pages saying the call is gone describe history, not an arch gap.
bool says_removed(const manpages::Page& page, const std::string& name) {
    // Every prototype of it deprecated (getpgrp has a current one beside the BSD one).
    bool any = false, all_deprecated = true;
    for (const auto& p : page.prototypes) {
        if (p.name != name && p.syscall_name != name) continue;
        any = true;
        if (p.text.find("[[deprecated]]") == std::string::npos) all_deprecated = false;
    }
    if (any && all_deprecated) return true;
    static constexpr std::string_view kRemoved[] = {
        "removed in linux", "no longer exists", "does not exist anymore", "present only before",
        "present only up until", "only in kernels before", "was removed",
    };
    for (const auto& b : page.blocks) {
        if (!is_visible(b)) continue;
        for (auto phrase : kRemoved)
            if (contains_ci(b.text, phrase)) return true;
    }
    return false;
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
    const auto facts = context.facts;
    bool have_x86 = std::any_of(facts.begin(), facts.end(), [](const auto& f) { return is_x86_abi(arch_id(f)); });
    const std::string page_text = visible_text(page);
    const auto page_names = page_syscall_names(page, facts);
    std::set<std::string> claimed;  // left to x86-only-statement
    for (const auto& claim : find_x86_existence_claims(page, facts))
        claimed.insert(claim.subjects.begin(), claim.subjects.end());

    for (const auto& name : page_names) {
        if (claimed.count(name) || says_removed(page, name)) continue;
        // Gather: where it exists, where it does not, and which variants stand in.
        std::set<std::string> missing, present, undocumented_variants;
        bool on_x86 = false;
        for (const auto& f : facts) {
            if (can_call(f, name)) {
                if (is_x86_abi(arch_id(f))) on_x86 = true;
                present.insert(arch_id(f));
                continue;
            }
            bool variant_documented = false;
            for (const auto& [other, sc] : f.syscalls) {
                if (!sc.implemented) continue;
                if (is_rename_of(other, name)) variant_documented = true;
                if (!is_variant_of(other, name)) continue;
                // The page names this variant, or the same scheme for a sibling
                // (stat.2 explains stat64 and says "similar remarks apply for fstat()").
                bool same_scheme = std::any_of(page_names.begin(), page_names.end(), [&, &variant = other](const std::string& sibling) {
                    return variant.starts_with(name) && contains_identifier(page_text, sibling + variant.substr(name.size()));
                });
                if (contains_identifier(page_text, other) || same_scheme) variant_documented = true;
                else undocumented_variants.insert(other);
            }
            if (!variant_documented) missing.insert(arch_id(f));
        }
        // Decide.
        if (missing.empty()) continue;
        if (have_x86 && !on_x86) continue;  // not an x86 assumption: the page documents another arch's call
        if (missing.size() == facts.size()) continue;
        const int line = line_of(page, name);
        DocumentedQuery query;
        query.block = block_at_line(page, line);
        query.names = {name};
        query.phrases = {"this system call", "these system calls", "this call", "these calls"};
        query.arches = missing;
        // Naming every arch that has it documents an arch-specific call; for
        // a call most arches have, such mentions are about something else.
        if (present.size() < missing.size()) query.present = present;
        query.any_arch_counts = false;
        if (already_documented(page, query)) continue;

        // Report.
        Finding f;
        f.check_id = "syscall-missing-on-arch";
        f.page = page.path;
        f.line = line;
        f.subject = name;
        f.message = fmt::format("system call {} does not exist on {}, and the page does not say so", name,
                                join_ids(missing));
        if (!undocumented_variants.empty())
            f.message += fmt::format(" (only under another name: {})", join_ids(undocumented_variants));
        for (const auto& af : facts) f.evidence.push_back(syscall_evidence(af, name));
        f.edit.kind = ProposedEdit::Kind::add_note;
        f.edit.line = f.line;
        f.edit.flag_text = fmt::format("the {}() system call does not exist on {} (as of Linux {})", name,
                                       join_ids(missing),
                                       archdata::kernel_series(facts.front().provenance.kernel_version));
        f.edit.section = "NOTES";
        f.edit.new_text = fmt::format("The\n.BR {} ()\nsystem call does not exist on {}.\n", name,
                                      join_display(missing));
        f.edit.summary = fmt::format("Note the architectures without {}() system call", with_article(name));
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
