// The one way every subcommand reports problems: on stderr, prefixed
// `manaudit: `, in the compiler style `FILE:LINE:COL: error: message`.
#pragma once

#include <string>

#include "base/diagnostic.h"

namespace manaudit::cli {

/// `manaudit: FILE:LINE:COL: level: message`, or `manaudit: level: message`
/// when the problem has no file.
std::string diagnostic_line(const Diagnostic& d);
void print_diagnostic(const Diagnostic& d);
/// Every diagnostic at `min_level` or above.
void print_diagnostics(const Diagnostics& diags, Severity min_level = Severity::note);
/// `manaudit: error: message`.
void print_error(const std::string& message);
/// `manaudit: FILE: error: message`.
void print_file_error(const std::string& file, const std::string& message);

}  // namespace manaudit::cli
