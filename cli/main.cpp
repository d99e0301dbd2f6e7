// manaudit's entry point: dispatches to the subcommands.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
    CLI::App app{"manaudit: audit Linux section-2 man pages against per-architecture kernel headers"};
    app.set_version_flag("--version", std::string("manaudit ") + MANAUDIT_VERSION);
    app.require_subcommand(1);

    int exit_code = 0;
    manaudit::cli::add_parse_command(app, exit_code);
    manaudit::cli::add_extract_command(app, exit_code);
    manaudit::cli::add_archdiff_command(app, exit_code);
    manaudit::cli::add_audit_command(app, exit_code);
    manaudit::cli::add_patch_command(app, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 uses 100-127 for parse errors; manaudit's usage error is 2.
        app.exit(e);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "manaudit: error: %s\n", e.what());
        return 2;
    }
    return exit_code;
}
