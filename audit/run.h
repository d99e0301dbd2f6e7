// Auditing a corpus end to end: read pages, load arch data, run the checks.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "audit/engine.h"
#include "audit/finding.h"
#include "manpages/page.h"
#include "parsers/diagnostic.h"

namespace manaudit::audit {

struct RunInputs {
    std::vector<std::string> pages;  ///< files, trees, tarballs; empty = the installed release
    std::string arch_data_dir;       ///< empty = the shipped data set
    std::vector<std::string> arches; ///< ABI ids; empty = every arch in the table
};

struct RunResult {
    std::vector<manpages::Page> pages;
    std::vector<archdata::ArchFacts> facts;  ///< in table order
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
