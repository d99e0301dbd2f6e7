// The subcommands of manaudit; each file cli/cmd_<name>.cpp adds one.
#pragma once

#include <CLI/CLI.hpp>

namespace manaudit::cli {

/// Each adds its subcommand to `app`; when the subcommand runs, it stores its
/// exit status (0 clean, 1 findings, 2 usage/configuration, 3 unreadable input)
/// in `exit_code`.
void add_parse_command(CLI::App& app, int& exit_code);
void add_extract_command(CLI::App& app, int& exit_code);
void add_archdiff_command(CLI::App& app, int& exit_code);
void add_audit_command(CLI::App& app, int& exit_code);
void add_patch_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);

}  // namespace manaudit::cli
