// The options `audit` and `patch` share: which pages, arches, checks and data.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "audit/engine.h"
#include "audit/run.h"

namespace manaudit::cli {

struct AuditSelection {
    std::vector<std::string> pages;
    std::string arches;  ///< comma-separated ABI ids
    std::string checks;  ///< comma-separated check ids
    std::string arch_data;
    std::string kernel;  ///< "6.1"; empty = the newest data set
    std::string libc_data;  ///< C-library data set; "none" for none
    int jobs = 0;  ///< 0: one per core

    /// Adds the positional pages and --arch, --check, --arch-data, -j to `sub`.
    void add_options(CLI::App* sub);
    audit::RunInputs run_inputs() const;
    audit::AuditOptions audit_options() const;
};

}  // namespace manaudit::cli
