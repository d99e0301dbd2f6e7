// Help output in the GNU style: real placeholders, defaults, exit statuses.
#pragma once

#include <CLI/CLI.hpp>

namespace manaudit::cli {

/// The exit statuses, as every --help ends.
extern const char* const kExitStatusHelp;

/// Gives every option of `app` and its subcommands its placeholder (FILE,
/// DIR, LIST, ID, N) from one table, shows defaults, and ends each help with
/// the exit statuses.
void apply_help_style(CLI::App& app);

}  // namespace manaudit::cli
