// Sanity checks on arch data read from a file, before anything trusts it.
#pragma once

#include <string>

#include "arch-data/arch_facts.h"
#include "base/diagnostic.h"

namespace manaudit::archdata {

/// Checks what no real ABI can have: an arch id the table does not know, or
/// one that contradicts the file's name (`riscv64.xml` holding x86_64); a word
/// size, byte order, syscall number, errno, struct size, alignment or field
/// placement out of range. Each problem goes to `diags` naming `path`; true
/// if there was none.
bool validate_arch_facts(const ArchFacts& facts, const std::string& path, Diagnostics& diags);

}  // namespace manaudit::archdata
