// One table of option placeholders for all subcommands, so help reads alike.
#include "cli/help_style.h"

#include <string_view>

namespace manaudit::cli {

const char* const kExitStatusHelp =
    "Exit status:\n"
    "  0  nothing found (or the requested output written)\n"
    "  1  findings reported (or patches written); --exit-zero makes this 0\n"
    "  2  usage or configuration error\n"
    "  3  some inputs could not be read; the rest was still audited\n"
    "\n"
    "Environment: NO_COLOR disables colour; MANAUDIT_ARCH_DATA names the arch-data directory.\n"
    "See manaudit(1) for the full manual.";

namespace {

struct Placeholder {
    std::string_view command;  ///< subcommand name, or "*" for any
    std::string_view option;   ///< long option or positional name
    std::string_view type;
};

// The first row that matches wins: subcommand-specific rows come first.
constexpr Placeholder kPlaceholders[] = {
    {"patch", "--output", "DIR"},
    {"extract", "--output", "FILE|DIR"},
    {"extract", "--arch", "ID"},
    {"archdiff", "A", "ID|FILE"},
    {"archdiff", "B", "ID|FILE"},
    {"*", "pages", "PAGE|DIR|TARBALL"},
    {"*", "inputs", "PAGE|DIR|TARBALL"},
    {"*", "--output", "FILE"},
    {"*", "--arch", "LIST"},
    {"*", "--check", "LIST"},
    {"*", "--arch-data", "DIR"},
    {"*", "--other-kernel", "DIR"},
    {"*", "--sysroot", "DIR"},
    {"*", "--jobs", "N"},
    {"*", "--format", "FORMAT"},
    {"*", "--baseline", "FILE"},
    {"*", "--write-baseline", "FILE"},
    {"*", "--color", "WHEN"},
    {"*", "--mode", "MODE"},
    {"*", "--signoff", "'NAME <MAIL>'"},
    {"*", "--from", "'NAME <MAIL>'"},
    {"*", "--apply", "TREE"},
    {"*", "--release", "NAME"},
};

void style(CLI::App& sub, std::string_view command) {
    for (CLI::Option* opt : sub.get_options()) {
        std::string name = opt->get_name();
        if (name == "--help" || name == "--version") continue;
        for (const auto& p : kPlaceholders) {
            if ((p.command == "*" || p.command == command) && p.option == name) {
                opt->type_name(std::string(p.type));
                break;
            }
        }
        if (opt->get_type_size() == 0) continue;  // a flag: no value, no default
        opt->capture_default_str();
        const std::string& shown = opt->get_default_str();
        // Empty lists and "0 = automatic" are not defaults worth showing.
        if (shown == "[]" || shown == "{}" || shown == "0") opt->default_str("");
    }
    sub.footer(kExitStatusHelp);
}

}  // namespace

void apply_help_style(CLI::App& app) {
    style(app, "");
    for (CLI::App* sub : app.get_subcommands({})) style(*sub, sub->get_name());
}

}  // namespace manaudit::cli
