// constant-missing-on-arch: a constant the page documents is undefined on some
// arches (while x86 defines it), and the page does not say which.
#include "audit/checks/constant_missing_on_arch.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/facts_memo.h"
#include "audit/libc_view.h"
#include "audit/page_memo.h"
#include "audit/page_statements.h"
#include "audit/text_scan.h"
#include "audit/x86_claims.h"

namespace manaudit::audit {

namespace {

// Ioctl request codes built with _IOR(..., pid_t) and similar need a type the
// uapi header does not declare on every arch; their absence from the facts
// may be an evaluation gap rather than a missing definition, so stay quiet.
bool is_ioctl_request(const std::string& name) {
    static constexpr std::string_view kPrefixes[] = {"TIOC", "SIOC", "FIO", "TCGET", "TCSET"};
    for (auto prefix : kPrefixes)
        if (name.starts_with(prefix)) return true;
    return false;
}


// A page about an arch-specific syscall (arch_prctl, s390_sthyi) documents
// constants of that arch: only arches where the syscall exists can lack them.
// By position in `facts`; empty when the page's calls exist nowhere (no such scope).
std::vector<bool> abis_of_page_calls(const manpages::Page& page, const AuditContext& context, const FactsMemo& memo) {
    std::vector<bool> abis;
    for (const auto& name : page_syscall_names(page, context)) {
        const auto row = memo.call_presence(name);
        for (std::size_t i = 0; i < row.size(); ++i)
            if (FactsMemo::callable(row[i])) {
                abis.resize(row.size());
                abis[i] = true;
            }
    }
    return abis;
}

// The constants the page documents: those that head a tagged paragraph. A
// constant named in passing ("may be mapped with MAP_SYNC") is documented on
// its own page, which is where a note belongs.
std::map<std::string, const manpages::ConstantRef*> documented_constants(const manpages::Page& page) {
    std::map<std::string, const manpages::ConstantRef*> refs;
    for (const auto& ref : page.constants) {
        if (!ref.in_tag) continue;
        // A cross-reference in SEE ALSO documents nothing about the constant.
        if (ref.block >= 0 && ref.block < static_cast<int>(page.blocks.size()) &&
            page.blocks[ref.block].section == "SEE ALSO")
            continue;
        auto it = refs.find(ref.name);
        if (it == refs.end() || (ref.in_tag && !it->second->in_tag)) refs[ref.name] = &ref;
    }
    return refs;
}

/// Where the headers and the C library leave a constant undefined, on
/// arches where the page's calls exist. Empty when there is nothing to
/// report whatever the other arches say: x86 lacks the constant too (when
/// x86 is audited), no header defines it, or it is an errno.
std::set<std::string> constant_gap(const AuditContext& context, const std::string& name,
                                   const std::vector<bool>& page_abis, bool have_x86) {
    // The x86 ABIs first: a constant their headers lack is no x86
    // assumption, and most constants the headers lack are the C library's.
    const auto facts = context.facts;
    auto defines = [&](std::size_t i) { return facts[i].constant(name) != nullptr; };
    bool on_x86 = false, anywhere = false;
    for (std::size_t i = 0; i < facts.size() && !on_x86; ++i)
        if (is_x86_abi(arch_id(facts[i])) && defines(i)) on_x86 = anywhere = true;
    if (have_x86 && !on_x86) return {};
    std::set<std::string> missing;
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (defines(i)) {
            anywhere = true;
        } else if ((page_abis.empty() || page_abis[i]) && !libc_defines(context, arch_id(facts[i]), name)) {
            // The reader's view: where the C library defines it, it is defined.
            missing.insert(arch_id(facts[i]));
        }
    }
    if (!anywhere || missing.empty()) return {};
    const bool is_errno =
        std::any_of(facts.begin(), facts.end(), [&](const archdata::ArchFacts& f) { return f.errno_value(name); });
    return is_errno ? std::set<std::string>{} : missing;
}

// A paragraph that defers to a call missing wherever the constant is
// ("similar to get_thread_area(2)") is scoped by that call already.
bool scoped_by_a_call(const std::string& text, std::span<const archdata::ArchFacts> facts,
                      const std::set<std::string>& missing) {
    bool scoped_by_call = false;
    for (const auto& call : function_refs(text)) {
        bool somewhere = false, missing_with_it = true;
        for (const auto& af : facts) {
            if (can_call(af, call)) somewhere = true;
            if (missing.count(arch_id(af)) && can_call(af, call)) missing_with_it = false;
        }
        scoped_by_call = scoped_by_call || (somewhere && missing_with_it);
    }
    return scoped_by_call;
}

// Whether the page already accounts for the gap: says where the constant is
// missing, leaves it to the C library, or scopes its paragraph by a call.
bool page_accounts_for_gap(const manpages::Page& page, std::span<const archdata::ArchFacts> facts,
                           const std::string& name, const std::set<std::string>& missing, int block) {
    DocumentedQuery query;
    query.block = block;
    query.names = {name};
    query.arches = missing;
    if (already_documented(page, query)) return true;
    // A flag the page says applications do not use is the C library's
    // business, architecture by architecture.
    const std::string text = block >= 0 ? page.blocks[block].text : std::string();
    if (contains_ci(text, "not intended for application use")) return true;
    return scoped_by_a_call(text, facts, missing);
}

// Per arch: the kernel headers' definition, else the C library's.
std::vector<Evidence> constant_evidence_with_libc(const AuditContext& context, const std::string& name) {
    std::vector<Evidence> evidence;
    for (const auto& af : context.facts) {
        evidence.push_back(constant_evidence(af, name));
        const archdata::LibcFacts* libc = libc_of(context, arch_id(af));
        if (const archdata::Constant* c = libc ? libc->constant(name) : nullptr; c && !evidence.back().present)
            evidence.back() = {arch_id(af), true, c->text(), c->header};
    }
    return evidence;
}

Finding missing_constant_finding(const manpages::Page& page, const AuditContext& context,
                                 const manpages::ConstantRef& ref, const std::set<std::string>& missing, int block) {
    const std::string& name = ref.name;
    Finding f;
    f.page = page.path;
    f.line = ref.line;
    f.subject = name;
    f.message = fmt::format("{} is not defined on {}", name, join_ids(missing));
    // A paragraph making the constant depend on a kernel option leaves the
    // reader to think configuring the kernel is enough; there it is not.
    const std::string option = kernel_option_in_item(page, block);
    if (!option.empty())
        f.message += fmt::format("; the page makes it depend on {}, which does not define it there", option);
    f.evidence = constant_evidence_with_libc(context, name);
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = ref.line;
    f.edit.flag_text = f.message;
    f.edit.section = "NOTES";
    f.edit.new_text = fmt::format(".B {}\nis not defined on {}.\n", name, join_display(missing));
    if (!option.empty())
        f.edit.new_text += fmt::format("There, configuring the kernel with\n.B {}\ndoes not provide it.\n", option);
    f.edit.summary = fmt::format("Note the architectures without {}", name);
    return f;
}

}  // namespace

CheckInfo ConstantMissingOnArchCheck::info() const {
    return {"constant-missing-on-arch", "a documented constant is not defined on some arches",
            Severity::warning};
}

void ConstantMissingOnArchCheck::run(const manpages::Page& page, const AuditContext& context,
                                     std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    const bool have_x86 = std::any_of(facts.begin(), facts.end(), [](const auto& f) { return is_x86_abi(arch_id(f)); });
    std::unique_ptr<FactsMemo> own_memo;
    const std::vector<bool> page_abis = abis_of_page_calls(page, context, facts_memo(context, own_memo));
    for (const auto& [name, ref] : documented_constants(page)) {
        if (is_ioctl_request(name)) continue;
        const std::set<std::string> missing = constant_gap(context, name, page_abis, have_x86);
        if (missing.empty()) continue;
        const int block = ref->block >= 0 ? ref->block : block_at_line(page, ref->line);
        if (page_accounts_for_gap(page, facts, name, missing, block)) continue;
        findings.push_back(missing_constant_finding(page, context, *ref, missing, block));
    }
}

}  // namespace manaudit::audit
