// Auditing a corpus end to end: read pages, load arch data, run the checks.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/libc_facts.h"
#include "audit/engine.h"
#include "audit/finding.h"
#include "base/diagnostic.h"
#include "manpages/page.h"

namespace manaudit::audit {

struct RunInputs {
    std::vector<std::string> pages;  ///< files, trees, tarballs; empty = the installed release
    std::string arch_data_dir;       ///< a data set or a root of them; empty = the shipped root
    std::string kernel;              ///< "6.1": which root data set; empty = the newest
    std::vector<std::string> arches; ///< ABI ids; empty = every arch in the table
    /// The C-library data set (a glibc-<version>/ folder); empty = the shipped
    /// one when present; "none" = audit without the C library's view.
    std::string libc_data_dir;
};

struct RunResult {
    std::vector<manpages::Page> pages;
    std::vector<archdata::ArchFacts> facts;  ///< in table order
    std::vector<archdata::LibcFacts> libc;   ///< the audited ABIs that have a C library, in table order
    std::string kernel_version;  ///< of the facts: "6.12" (the data set's), for every output
    std::vector<Finding> findings;
    Diagnostics diagnostics;     ///< unreadable pages, parse problems, arch-data errors
    int unreadable_inputs = 0;   ///< inputs that could not be read (exit status 3)
    bool config_error = false;   ///< unknown arch or check, arch data missing or malformed (exit 2)
};

/// Reads the inputs, builds every page, loads the facts and audits. Never
/// throws for bad input: problems are in `diagnostics`, and a configuration
/// problem sets `config_error` and returns before auditing.
RunResult run_audit_on(const RunInputs& inputs, const AuditOptions& options = {});

}  // namespace manaudit::audit
