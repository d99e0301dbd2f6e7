// Evidence builders: one Evidence per audited arch from its ArchFacts, and arch lists.
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "audit/finding.h"

namespace manaudit::audit {

/// A syscall's number; "through socketcall(2), call 5" where only a
/// multiplexer reaches it; a reserved slot is absent with its number shown.
Evidence syscall_evidence(const archdata::ArchFacts& facts, const std::string& name);
/// True when a program on this ABI can make the call: an implemented number,
/// or a multiplexer (socketcall, ipc) that reaches it.
bool can_call(const archdata::ArchFacts& facts, const std::string& name);
Evidence errno_evidence(const archdata::ArchFacts& facts, const std::string& name);
Evidence constant_evidence(const archdata::ArchFacts& facts, const std::string& name);
Evidence struct_evidence(const archdata::ArchFacts& facts, const std::string& name);

/// "size 12, align 4, packed"; layouts that are not the arch's own ABI say
/// why, from the provenance: "(stand-in target)" when the headers were
/// evaluated for another arch's clang target, "(approximate layout)" when the
/// target is the arch's own but its layouts are approximated (m68k).
std::string describe_layout(const archdata::StructLayout& layout, const archdata::Provenance& provenance);

/// The arch id of a facts file.
const std::string& arch_id(const archdata::ArchFacts& facts);

/// True for the x86 ABIs: x86_64, i386, x32.
bool is_x86_abi(const std::string& id);

/// ABI ids joined in table order: "arm64, riscv64, arc".
std::string join_ids(const std::set<std::string>& ids);

/// Names as a sentence lists them, without a serial comma: "a, b and c".
std::string join_names(const std::vector<std::string>& names);

/// Arch names as man-pages spells them, in table order, a family once when
/// all of its ABIs are there ("RISC-V", "PowerPC", "MIPS"):
/// "arm64, RISC-V, and ARC".
std::string join_display(const std::set<std::string>& ids);

/// The names join_display joins.
std::vector<std::string> display_names(const std::set<std::string>& ids);

/// The ids of `ids` in arch-table order.
std::vector<std::string> in_table_order(const std::set<std::string>& ids);

}  // namespace manaudit::audit
