// A kernel source tree as a fact source: its version, and each ABI's syscall
// table with the ABI column values and number offset that apply.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "arch-data/arch_table.h"
#include "base/diagnostic.h"
#include "parsers/kernel/syscall_table.h"

namespace manaudit::kernel {

struct KernelTree {
    std::string root;
    std::string version;  ///< "6.12.117", from the top Makefile
    std::string package;  ///< "linux-source-6.12 6.12.117-1" when the tree says (fetch script), else empty
};

/// Opens a kernel source tree; an error names what is missing.
std::optional<KernelTree> open_kernel_tree(const std::string& dir, Diagnostics& diags);

/// Where one ABI's syscall table is in a tree.
struct AbiTable {
    std::string path;            ///< absolute
    std::set<std::string> abis;  ///< ABI column values that apply
    std::int64_t offset = 0;
};

/// The table for `arch` in `tree`. Arches with their own table use the
/// row's path; the asm-generic ones use what the tree's
/// arch/<ARCH>/kernel/Makefile.syscalls says (scripts/syscall.tbl or its own
/// `syscalltbl`, ABIs `common`, the word size and its `syscall_abis_NN`).
/// nullopt when the tree has no table for it: kernels before 6.11 list the
/// asm-generic calls only in include/uapi/asm-generic/unistd.h (read from the
/// headers instead), and an arch the tree does not have.
std::optional<AbiTable> abi_table(const KernelTree& tree, const archdata::ArchInfo& arch);

/// True when the tree has this ABI's architecture at all (arch/<ARCH>/).
bool tree_has_arch(const KernelTree& tree, const archdata::ArchInfo& arch);

/// One ABI's calls from its table: numbers with the offset applied, entries
/// of other ABIs left out. Errors name the table's file and line.
struct AbiSyscall {
    std::int64_t number = 0;
    std::string name;
    std::string entry;
    std::string compat_entry;
};
std::vector<AbiSyscall> read_abi_syscalls(const AbiTable& table, Diagnostics& diags);

}  // namespace manaudit::kernel
