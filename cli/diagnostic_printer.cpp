// The diagnostic printer every subcommand shares.
#include "cli/diagnostic_printer.h"

#include <cstdio>

namespace manaudit::cli {

std::string diagnostic_line(const Diagnostic& d) {
    if (d.file.empty()) {
        Diagnostic located = d;
        located.file = "manaudit";  // format_diagnostic's "FILE: level:" becomes "manaudit: level:"
        return format_diagnostic(located);
    }
    return "manaudit: " + format_diagnostic(d);
}

void print_diagnostic(const Diagnostic& d) { std::fprintf(stderr, "%s\n", diagnostic_line(d).c_str()); }

void print_diagnostics(const Diagnostics& diags, Severity min_level) {
    for (const auto& d : diags)
        if (static_cast<int>(d.level) >= static_cast<int>(min_level)) print_diagnostic(d);
}

void print_error(const std::string& message) { print_diagnostic({"", 0, 0, Severity::error, message}); }

void print_file_error(const std::string& file, const std::string& message) {
    print_diagnostic({file, 0, 0, Severity::error, message});
}

}  // namespace manaudit::cli
