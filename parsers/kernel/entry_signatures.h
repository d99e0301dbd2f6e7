// The parameters of the entry points an ABI's syscall table names, read from
// the kernel source: the arch's own SYSCALL_DEFINEn definitions and
// declarations under arch/<ARCH>/, and include/linux/syscalls.h.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "arch-data/arch_facts.h"
#include "arch-data/arch_table.h"
#include "base/diagnostic.h"
#include "parsers/kernel/kernel_tree.h"
#include "parsers/kernel/source_conditions.h"

namespace manaudit::kernel {

/// Entry-point names, looked up by string_view without a copy.
using NameSet = std::set<std::string, std::less<>>;

/// One ABI's entry-point signatures.
struct KernelSignatures {
    std::map<std::string, archdata::EntrySignature> entries;  ///< by entry name
    /// The generic `sys_<call>` of include/linux/syscalls.h (no arch's
    /// configuration), by call name, where the ABI's entry is declared otherwise.
    std::map<std::string, archdata::EntrySignature> generic;
};

/// Reads the signatures of `entry_by_call`'s entries (call name -> entry
/// name) for `arch`. An entry the sources do not declare is left out.
KernelSignatures read_kernel_signatures(const KernelTree& tree, const archdata::ArchInfo& arch,
                                        const std::map<std::string, std::string>& entry_by_call, Diagnostics& diags);

/// The declarations in `code` (one file's active text) of the names in
/// `wanted`: `SYSCALL_DEFINEn(x, type, name, ...)` defines sys_x, and
/// `[asmlinkage] long name(...)` declares or defines `name`. A definition
/// replaces a declaration already found; otherwise the first one stays.
void find_signatures(std::string_view code, const std::string& source, const NameSet& wanted,
                     std::map<std::string, archdata::EntrySignature>& found, std::set<std::string>& defined);

/// The configuration `arch` builds its kernel with, as far as signatures
/// depend on it: its Kconfig selects and word size.
SourceConfig arch_source_config(const KernelTree& tree, const archdata::ArchInfo& arch);

}  // namespace manaudit::kernel
