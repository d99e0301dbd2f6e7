// manaudit's entry point: dispatches to the subcommands.
#include <exception>
#include <thread>

#include <CLI/CLI.hpp>
#ifdef MANAUDIT_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "arch-data/fact_pack.h"
#include "arch-data/pack/embedded_fact_pack.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/help_style.h"

namespace {

int run_command_line(int argc, char** argv) {
    // The shipped data as parsed at build time: files still holding those bytes need no XML parse.
    manaudit::archdata::install_fact_pack(manaudit::archdata::embedded_fact_pack());
    // The name is given, so help says "manaudit" whatever path ran it.
    CLI::App app{"manaudit: audit Linux section-2 man pages against per-architecture kernel headers, "
                 "write man-pages patches and per-architecture reports",
                 "manaudit"};
    app.set_version_flag("-V,--version", std::string("manaudit ") + MANAUDIT_VERSION);
    app.require_subcommand(1);
    app.get_formatter()->column_width(34);

    int exit_code = 0;
    manaudit::cli::add_parse_command(app, exit_code);
    manaudit::cli::add_extract_command(app, exit_code);
    manaudit::cli::add_archdiff_command(app, exit_code);
    manaudit::cli::add_audit_command(app, exit_code);
    manaudit::cli::add_patch_command(app, exit_code);
    manaudit::cli::add_report_command(app, exit_code);
    manaudit::cli::apply_help_style(app);

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
        manaudit::cli::print_error(e.what());
        manaudit::cli::print_diagnostic({"", 0, 0, manaudit::Severity::note, "try 'manaudit --help'"});
        return 2;
    } catch (const std::exception& e) {
        manaudit::cli::print_error(e.what());
        return 2;
    }
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef MANAUDIT_WITH_MIMALLOC
    // Transparent 2 MiB pages for the heap, from every thread's first
    // segment on: loading the facts then takes tens of page faults instead
    // of thousands. The main thread's heap was set up before main() with the
    // defaults, so the command runs on a thread started now.
    mi_option_enable(mi_option_large_os_pages);
    mi_option_set(mi_option_eager_commit_delay, 0);
    int exit_code = 0;
    std::thread([&] { exit_code = run_command_line(argc, argv); }).join();
    return exit_code;
#else
    return run_command_line(argc, argv);
#endif
}
