// TEMPORARY placeholder: replaced by the real 'archdiff' subcommand.
#include <cstdio>
#include "cli/commands.h"
namespace manaudit::cli {
void add_archdiff_command(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("archdiff", "(not yet available)");
    sub->callback([&exit_code] { std::fputs("manaudit: 'archdiff' is not available yet\n", stderr); exit_code = 2; });
}
}  // namespace manaudit::cli
