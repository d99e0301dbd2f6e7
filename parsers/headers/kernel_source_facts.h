// Facts from a kernel source tree, added to what one ABI's headers say:
// entry points, reserved slots, and the calls multiplexers reach.
#pragma once

#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/arch_table.h"
#include "base/diagnostic.h"
#include "parsers/headers/clang_handles.h"
#include "parsers/kernel/kernel_tree.h"

namespace manaudit::headers {

/// Sets each syscall's entry, compat entry and `implemented` from the ABI's
/// table in `tree` (or, for asm-generic ABIs of kernels before 6.11, from the
/// `__SYSCALL` lines of its headers, evaluated with `args`). Numbers the
/// headers define and the table lacks are reported as notes.
void apply_kernel_source(CXIndex index, const archdata::ArchInfo& arch, const std::vector<std::string>& args,
                         const kernel::KernelTree& tree, archdata::ArchFacts& facts, Diagnostics& diags);

/// Records the calls of `calls` whose multiplexer (socketcall, ipc) the ABI
/// implements.
void add_multiplexed_calls(archdata::ArchFacts& facts, const std::vector<archdata::MultiplexedCall>& calls);

}  // namespace manaudit::headers
