// TEMPORARY placeholder: replaced by the real 'parse' subcommand.
#include <cstdio>
#include "cli/commands.h"
namespace manaudit::cli {
void add_parse_command(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("parse", "(not yet available)");
    sub->callback([&exit_code] { std::fputs("manaudit: 'parse' is not available yet\n", stderr); exit_code = 2; });
}
}  // namespace manaudit::cli
