// TEMPORARY placeholder: replaced by the real 'patch' subcommand.
#include <cstdio>
#include "cli/commands.h"
namespace manaudit::cli {
void add_patch_command(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("patch", "(not yet available)");
    sub->callback([&exit_code] { std::fputs("manaudit: 'patch' is not available yet\n", stderr); exit_code = 2; });
}
}  // namespace manaudit::cli
