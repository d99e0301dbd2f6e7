// TEMPORARY placeholder: replaced by the real 'audit' subcommand.
#include <cstdio>
#include "cli/commands.h"
namespace manaudit::cli {
void add_audit_command(CLI::App& app, int& exit_code) {
    auto* sub = app.add_subcommand("audit", "(not yet available)");
    sub->callback([&exit_code] { std::fputs("manaudit: 'audit' is not available yet\n", stderr); exit_code = 2; });
}
}  // namespace manaudit::cli
