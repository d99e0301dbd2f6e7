// Differences between two architectures' facts (syscalls, errnos, constants, layouts).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"

namespace manaudit::archdata {

/// A name whose value (or syscall number) differs between A and B.
struct ValueChange {
    std::string name;
    std::string a;  ///< rendered as the data holds it
    std::string b;
};

/// One struct that exists on both sides with a different layout.
struct LayoutChange {
    std::string name;
    std::vector<std::string> differences;  ///< "size 12 -> 16", "field data: offset 4 -> 8"
};

struct ArchDiff {
    /// "arm64", or "linux-6.1/arm64" when the two sides' kernels differ.
    std::string a_id, b_id;
    std::string a_kernel, b_kernel;  ///< kernel series of each side: "6.1"
    /// True when one ABI is compared across two kernels: then "only in B"
    /// means added, "only in A" removed.
    bool across_kernels = false;
    std::vector<std::string> syscalls_only_a, syscalls_only_b;
    std::vector<ValueChange> syscalls_renumbered;
    std::vector<std::string> errnos_only_a, errnos_only_b;
    std::vector<ValueChange> errnos_changed;
    std::vector<std::string> constants_only_a, constants_only_b;
    std::vector<ValueChange> constants_changed;
    std::vector<std::string> structs_only_a, structs_only_b;
    std::vector<LayoutChange> structs_changed;

    bool empty() const;
};

/// Compares A with B; every list is sorted by name. Syscalls are compared as
/// a program sees them: a reserved slot (not implemented) is not a syscall.
ArchDiff diff_arches(const ArchFacts& a, const ArchFacts& b);

/// A readable report: one section per kind, each with its count.
std::string render_text(const ArchDiff& diff);

}  // namespace manaudit::archdata
