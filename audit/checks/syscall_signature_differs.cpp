// syscall-signature-differs: a page documents a raw system call (the
// syscall(SYS_x, ...) form, or a prototype of a call glibc does not wrap),
// and on some ABIs the kernel's entry point for it takes the arguments in
// another order, with a padding argument, or in another number than the
// kernel's generic sys_x() (fadvise64_64 on ARM and PowerPC, clone's
// argument order). Calling forms are compared, not spellings: a 64-bit
// argument a 32-bit ABI passes as two halves (offset_low, offset_high) is
// one argument, and names count only where both sides have them.
#include "audit/checks/syscall_signature_differs.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/text_scan.h"

namespace manaudit::audit {

namespace {

/// One argument as the caller passes it.
struct Argument {
    enum class Kind { word, pointer, wide } kind = Kind::word;  ///< wide: a 64-bit integer
    std::string name;
    bool padding = false;
};

bool is_wide_type(const std::string& type) {
    static constexpr std::string_view kWide[] = {"loff_t", "u64", "__u64", "s64", "__s64", "long long",
                                                 "unsigned long long", "__kernel_loff_t", "off64_t"};
    return std::find(std::begin(kWide), std::end(kWide), type) != std::end(kWide);
}

bool is_half_type(const std::string& type) {
    static constexpr std::string_view kHalf[] = {"u32", "__u32", "unsigned int", "unsigned long", "unsigned",
                                                 "int", "long", "s32", "__s32"};
    return std::find(std::begin(kHalf), std::end(kHalf), type) != std::end(kHalf);
}

// An argument only there to align the next pair of registers ("unused",
// "pad", PowerPC's "reg4").
bool is_padding_name(const std::string& name) {
    std::string stem = name;
    while (!stem.empty() && std::isdigit(static_cast<unsigned char>(stem.back()))) stem.pop_back();
    while (stem.starts_with('_')) stem.erase(0, 1);
    return stem == "unused" || stem == "pad" || stem == "padding" || stem == "dummy" ||
           ((stem == "reg" || stem == "r") && stem.size() < name.size());
}

/// "offset_low" + "offset_high" (or _lo/_hi, offset1/offset2, hi_off/lo_off,
/// bare high/low, in either order): two halves of one 64-bit argument, and the
/// name they share (empty for bare halves); nullopt for other pairs.
std::optional<std::string> halves_stem(const std::string& a, const std::string& b) {
    if ((a == "high" && b == "low") || (a == "low" && b == "high")) return std::string();
    // PA-RISC's hi_off, lo_off.
    static const std::pair<std::string_view, std::string_view> kPrefixes[] = {{"hi_", "lo_"}, {"high_", "low_"}};
    for (auto [x, y] : kPrefixes)
        for (int flip = 0; flip < 2; ++flip) {
            std::string_view first = flip ? y : x, second = flip ? x : y;
            if (a.size() > first.size() && b.size() > second.size() && a.starts_with(first) &&
                b.starts_with(second) && a.substr(first.size()) == b.substr(second.size()))
                return a.substr(first.size());
        }
    static const std::pair<std::string_view, std::string_view> kPairs[] = {
        {"_low", "_high"}, {"_lo", "_hi"}, {"1", "2"}, {"_1", "_2"}, {"_a", "_b"}};
    for (auto [x, y] : kPairs)
        for (int flip = 0; flip < 2; ++flip) {
            std::string_view first = flip ? y : x, second = flip ? x : y;
            if (a.size() > first.size() && b.size() > second.size() && a.ends_with(first) && b.ends_with(second) &&
                a.substr(0, a.size() - first.size()) == b.substr(0, b.size() - second.size()))
                return a.substr(0, a.size() - first.size());
        }
    return std::nullopt;
}

std::vector<Argument> calling_form(const std::vector<archdata::KernelParam>& params, int kernel_bits) {
    std::vector<Argument> out;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const archdata::KernelParam& p = params[i];
        Argument a;
        a.name = p.name;
        a.padding = is_padding_name(p.name);
        a.kind = p.type.find('*') != std::string::npos ? Argument::Kind::pointer
                 : is_wide_type(p.type)                 ? Argument::Kind::wide
                                                        : Argument::Kind::word;
        // Halves exist on 32-bit kernels, as 32-bit integers.
        if (kernel_bits == 32 && i + 1 < params.size() && is_half_type(p.type) && is_half_type(params[i + 1].type) &&
            !p.name.empty()) {
            if (std::optional<std::string> stem = halves_stem(p.name, params[i + 1].name)) {
                a.name = *stem;
                a.kind = Argument::Kind::wide;
                ++i;
            }
        }
        // One register holds a 64-bit value on a 64-bit kernel.
        if (kernel_bits == 64 && a.kind == Argument::Kind::wide) a.kind = Argument::Kind::word;
        out.push_back(std::move(a));
    }
    return out;
}

/// How `own` differs from `generic` for a caller, in words; empty when it does not.
std::string difference(const std::vector<Argument>& generic, const std::vector<Argument>& own) {
    auto real = [](const std::vector<Argument>& args) {
        std::vector<Argument> out;
        for (const Argument& a : args)
            if (!a.padding) out.push_back(a);
        return out;
    };
    const std::vector<Argument> g = real(generic), o = real(own);
    const std::size_t own_padding = own.size() - o.size(), generic_padding = generic.size() - g.size();
    if (g.size() != o.size())
        return fmt::format("{} argument{} instead of {}", o.size(), o.size() == 1 ? "" : "s", g.size());
    if (own_padding > generic_padding) return "a padding argument";
    auto named = [](const std::vector<Argument>& args) {
        return std::all_of(args.begin(), args.end(), [](const Argument& a) { return !a.name.empty(); });
    };
    if (named(g) && named(o)) {
        std::vector<std::string> gn, on;
        for (const Argument& a : g) gn.push_back(a.name);
        for (const Argument& a : o) on.push_back(a.name);
        if (std::is_permutation(gn.begin(), gn.end(), on.begin(), on.end()))
            return gn == on ? "" : "the arguments in another order";
    }
    for (std::size_t i = 0; i < g.size(); ++i)
        if (g[i].kind != o[i].kind) return fmt::format("another kind of argument {}", i + 1);
    return {};
}

bool names_word(const std::string& text, const std::string& name) {
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        std::size_t end = at + name.size();
        if ((at == 0 || !ident(text[at - 1])) && (end == text.size() || !ident(text[end]))) return true;
    }
    return false;
}

/// The page says glibc has no wrapper for `name`: its prototype is the raw call.
bool says_no_wrapper(const manpages::Page& page, const std::string& name) {
    static constexpr std::string_view kNoWrapper[] = {"no wrapper", "provide a wrapper"};
    static const PhraseSet kNoWrapperPhrases(kNoWrapper);
    // The rare phrase first: most blocks name the call and say nothing of wrappers.
    return std::any_of(page.blocks.begin(), page.blocks.end(), [&](const manpages::Block& block) {
        return is_visible(block) && kNoWrapperPhrases.found_in(block.text) && names_word(block.text, name);
    });
}

/// The call a prototype documents as the kernel sees it, or empty.
std::string raw_call(const manpages::Page& page, const manpages::Prototype& doc) {
    if (!doc.syscall_name.empty()) return doc.syscall_name;
    if (doc.name != "syscall" && says_no_wrapper(page, doc.name)) return doc.name;
    return {};
}

std::string signature_text(const archdata::EntrySignature& sig) {
    return sig.name + "(" + archdata::kernel_params_text(sig.params) + ")";
}

int kernel_bits_of(const archdata::ArchFacts& facts) {
    const archdata::ArchInfo* info = archdata::find_arch(facts.provenance.arch_id);
    if (info && info->kernel_word_bits) return info->kernel_word_bits;
    return facts.provenance.word_bits;
}

/// True when three or more calls share the entry point: a stub that only
/// says "not implemented" (SPARC's sys_nis_syscall), not the call's own form.
bool is_shared_stub(const archdata::ArchFacts& facts, const std::string& entry) {
    int users = 0;
    for (const auto& [name, s] : facts.syscalls)
        if (s.entry == entry && ++users >= 3) return true;
    return false;
}

struct Differing {
    std::string how;
    const archdata::EntrySignature* entry = nullptr;
};


/// The ABIs whose entry point takes the call's arguments otherwise, and the
/// kernel's generic signature they differ from.
struct EntryDifferences {
    std::map<std::string, Differing> by_abi;
    const archdata::EntrySignature* generic = nullptr;
};

EntryDifferences entry_differences(std::span<const archdata::ArchFacts> all_facts, const std::string& call) {
    EntryDifferences found;
    for (const archdata::ArchFacts& facts : all_facts) {
        const archdata::Syscall* s = facts.implemented_syscall(call);
        if (!s || s->entry.empty()) continue;
        const archdata::EntrySignature* g = facts.generic_signature(call);
        const archdata::EntrySignature* own = facts.entry_signature(s->entry);
        if (!g || !own) continue;
        const int bits = kernel_bits_of(facts);
        std::string how = difference(calling_form(g->params, bits), calling_form(own->params, bits));
        if (how.empty() || is_shared_stub(facts, s->entry)) continue;
        found.by_abi[arch_id(facts)] = {how, own};
        if (!found.generic) found.generic = g;
    }
    return found;
}

// Whether the page already says how those ABIs take the arguments, naming
// the call, its wrapper or an arch's entry point.
bool argument_order_documented(const manpages::Page& page, const manpages::Prototype& doc, const std::string& call,
                               const std::map<std::string, Differing>& differing) {
    DocumentedQuery query;
    query.block = block_at_line(page, doc.line);
    query.names = {call};
    if (doc.name != "syscall" && doc.name != call) query.names.push_back(doc.name);
    for (const auto& [id, d] : differing) {
        query.names.push_back(d.entry->name);
        query.arches.insert(id);
    }
    query.any_arch_counts = false;
    query.about_arguments = true;
    return already_documented(page, query);
}

// Per arch: the entry point's signature, or its name when unknown.
std::vector<Evidence> entry_evidence(std::span<const archdata::ArchFacts> all_facts, const std::string& call) {
    std::vector<Evidence> evidence;
    for (const archdata::ArchFacts& facts : all_facts) {
        Evidence e;
        e.arch = arch_id(facts);
        const archdata::Syscall* s = facts.implemented_syscall(call);
        const archdata::EntrySignature* own = s ? facts.entry_signature(s->entry) : nullptr;
        if (own) {
            e.present = true;
            e.value = signature_text(*own);
            e.header = own->source;
        } else if (s) {
            e.present = true;
            e.value = s->entry;
        }
        evidence.push_back(std::move(e));
    }
    return evidence;
}

Finding signature_finding(const manpages::Page& page, std::span<const archdata::ArchFacts> all_facts,
                          const manpages::Prototype& doc, const std::string& call, const EntryDifferences& found) {
    std::set<std::string> arches;
    for (const auto& [id, d] : found.by_abi) arches.insert(id);
    Finding f;
    f.page = page.path;
    f.line = doc.line;
    f.subject = call;
    std::string per_arch;
    for (const std::string& id : in_table_order(arches)) {
        const Differing& d = found.by_abi.at(id);
        per_arch += fmt::format("{}{} ({}: {})", per_arch.empty() ? "" : ", ", id, d.entry->name, d.how);
    }
    f.message = fmt::format("the raw {} call takes its arguments otherwise than the kernel's generic {} on {}", call,
                            signature_text(*found.generic), per_arch);
    f.evidence = entry_evidence(all_facts, call);
    f.edit.kind = ProposedEdit::Kind::none;
    f.edit.line = doc.line;
    f.edit.flag_text = f.message;
    f.edit.summary = fmt::format("Flag how the raw {} call takes its arguments on some arches", call);
    return f;
}

}  // namespace

CheckInfo SyscallSignatureDiffersCheck::info() const {
    return {"syscall-signature-differs",
            "a raw system call's kernel entry point takes its arguments in another order, number or with padding "
            "on some arches",
            Severity::warning};
}

void SyscallSignatureDiffersCheck::run(const manpages::Page& page, const AuditContext& context,
                                       std::vector<Finding>& findings) const {
    if (page.section != "2") return;
    std::set<std::string> done;
    for (const manpages::Prototype& doc : page.prototypes) {
        const std::string call = raw_call(page, doc);
        if (call.empty() || !done.insert(call).second) continue;
        const EntryDifferences found = entry_differences(context.facts, call);
        if (found.by_abi.empty()) continue;
        // The page shows some other form than the kernel's generic one:
        // which ABIs it fits is not for this check to guess.
        if (doc.params.size() != found.generic->params.size()) continue;
        if (argument_order_documented(page, doc, call, found.by_abi)) continue;
        findings.push_back(signature_finding(page, context.facts, doc, call, found));
    }
}

}  // namespace manaudit::audit
