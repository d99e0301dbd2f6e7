// TEMPORARY placeholder: replaced by the real 'extract' subcommand.
#include <cstdio>
#include "cli/commands.h"
namespace manaudit::cli {
void add_extract_command(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("extract", "(not yet available)");
    sub->callback([&exit_code] { std::fputs("manaudit: 'extract' is not available yet\n", stderr); exit_code = 2; });
}
}  // namespace manaudit::cli
