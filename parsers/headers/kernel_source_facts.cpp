// Merging a kernel tree's syscall tables into an ABI's header facts.
#include "parsers/headers/kernel_source_facts.h"

#include <map>

#include "parsers/headers/clang_parse.h"
#include "parsers/headers/probe_source.h"
#include "parsers/kernel/entry_signatures.h"
#include "parsers/kernel/syscall_table.h"

namespace manaudit::headers {

namespace {

using SyscallsByNumber = std::map<std::int64_t, kernel::AbiSyscall>;

struct GenericVisit {
    SyscallsByNumber* out;
};

// Enumerators named __manaudit_sc_<counter>_<entry> with the number as value.
CXChildVisitResult visit_generic(CXCursor c, CXCursor, CXClientData data) {
    auto* visit = static_cast<GenericVisit*>(data);
    if (libclang().clang_getCursorKind(c) == CXCursor_EnumDecl) return CXChildVisit_Recurse;
    if (libclang().clang_getCursorKind(c) != CXCursor_EnumConstantDecl) return CXChildVisit_Continue;
    std::string name = take_string(libclang().clang_getCursorSpelling(c));
    constexpr std::string_view prefix = "__manaudit_sc_";
    if (name.compare(0, prefix.size(), prefix) != 0) return CXChildVisit_Continue;
    std::size_t underscore = name.find('_', prefix.size());
    if (underscore == std::string::npos) return CXChildVisit_Continue;
    kernel::AbiSyscall s;
    s.number = libclang().clang_getEnumConstantDeclValue(c);
    s.entry = name.substr(underscore + 1);
    // A later __SYSCALL for the same number replaces an earlier one, as in
    // the kernel's table initialiser.
    (*visit->out)[s.number] = std::move(s);
    return CXChildVisit_Continue;
}

/// The asm-generic table as the arch's headers expand it.
SyscallsByNumber generic_syscalls(CXIndex index, const std::vector<std::string>& args, Diagnostics& diags) {
    SyscallsByNumber out;
    TranslationUnit tu;
    std::string error;
    if (!parse(index, args, generic_syscalls_source(), CXTranslationUnit_SkipFunctionBodies, tu, error)) {
        diags.push_back({kProbeFile, 0, 0, Severity::error, error});
        return out;
    }
    for (Diagnostic& d : errors_of(tu.get())) diags.push_back(std::move(d));
    GenericVisit visit{&out};
    libclang().clang_visitChildren(libclang().clang_getTranslationUnitCursor(tu.get()), visit_generic, &visit);
    return out;
}

}  // namespace

void apply_kernel_source(CXIndex index, const archdata::ArchInfo& arch, const std::vector<std::string>& args,
                         const kernel::KernelTree& tree, archdata::ArchFacts& facts, Diagnostics& diags) {
    SyscallsByNumber table;
    std::string table_name;
    if (auto where = kernel::abi_table(tree, arch)) {
        for (kernel::AbiSyscall& s : kernel::read_abi_syscalls(*where, diags)) table[s.number] = std::move(s);
        table_name = where->path;
    } else if (!arch.syscall_table.empty()) {
        // An arch with a table of its own never falls back to asm-generic.
        diags.push_back({tree.root + "/" + std::string(arch.syscall_table), 0, 0, Severity::error,
                         "syscall table not found; implemented calls of " + std::string(arch.id) + " unknown"});
        return;
    } else {
        table = generic_syscalls(index, args, diags);
        table_name = "asm-generic/unistd.h";
    }
    if (table.empty()) {
        diags.push_back({table_name, 0, 0, Severity::error,
                         "no syscall table entries for " + std::string(arch.id) + "; implemented calls unknown"});
        return;
    }
    for (auto& [name, s] : facts.syscalls) {
        if (s.arch_private) continue;  // __ARM_NR_* are outside the table
        auto it = table.find(s.number);
        if (it == table.end()) {
            // A number beyond the table: no entry point, so no call.
            s.implemented = false;
            continue;
        }
        s.entry = it->second.entry;
        s.compat_entry = it->second.compat_entry;
        s.implemented = !kernel::is_unimplemented_entry(s.entry);
    }
    std::map<std::string, std::string> entry_by_call;
    for (const auto& [name, s] : facts.syscalls)
        if (s.implemented && !s.entry.empty()) entry_by_call[name] = s.entry;
    kernel::KernelSignatures signatures = kernel::read_kernel_signatures(tree, arch, entry_by_call, diags);
    facts.entry_signatures = std::move(signatures.entries);
    facts.generic_signatures = std::move(signatures.generic);
}

void add_multiplexed_calls(archdata::ArchFacts& facts, const std::vector<archdata::MultiplexedCall>& calls) {
    for (const archdata::MultiplexedCall& call : calls)
        if (facts.implemented_syscall(call.via)) facts.multiplexed[call.name] = call;
}

}  // namespace manaudit::headers
