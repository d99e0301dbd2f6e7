// Building the report's data from an audit's findings and the arch facts.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "audit/finding.h"
#include "audit/report/report.h"
#include "manpages/page.h"

namespace manaudit::report {

struct ReportInputs {
    std::string corpus;        ///< what was read, for the header
    std::string release;       ///< package or tarball name and version; may be empty
    std::string generated;     ///< date shown in the header
    std::string tool_version;
    std::span<const manpages::Page> pages;
    std::span<const archdata::ArchFacts> facts;         ///< one per ABI, in table order
    std::span<const archdata::ArchFacts> other_kernel;  ///< another kernel generation's facts; may be empty
    std::vector<audit::Finding> findings;               ///< as the audit returned them
    std::vector<std::string> checks_run;                ///< check ids; empty = every registered check
};

Report build_report(ReportInputs inputs);

/// The state of one finding's cell on the ABI of `facts`: existence checks
/// say missing where the fact is absent (reached another way for a syscall
/// behind a multiplexer); value checks say differs where the value is not
/// x86_64's (the value pages assume), or the most common one without x86_64.
CellState finding_cell_state(const audit::Finding& finding, const archdata::ArchFacts& facts,
                             std::span<const archdata::ArchFacts> all_facts);

// The fact tables (fact_tables.cpp).
std::vector<SyscallRow> syscall_rows(std::span<const manpages::Page> pages,
                                     std::span<const archdata::ArchFacts> facts);
std::vector<ConstantRow> constant_rows(std::span<const manpages::Page> pages,
                                       std::span<const archdata::ArchFacts> facts);
std::vector<LayoutRow> layout_rows(std::span<const manpages::Page> pages,
                                   std::span<const archdata::ArchFacts> facts);

/// Syscalls added, removed and renumbered from the older generation to the
/// newer, for each ABI both have (kernel_diff.cpp). The order of the two
/// arguments does not matter: the kernel versions decide.
KernelDiff kernel_diff(std::span<const archdata::ArchFacts> one, std::span<const archdata::ArchFacts> other);

/// "6.1" < "6.12" < "6.2": numeric per dot-separated part.
bool kernel_older(const std::string& a, const std::string& b);

}  // namespace manaudit::report
