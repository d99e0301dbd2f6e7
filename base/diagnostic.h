// Diagnostics: errors as values with a location, shared by every stage.
#pragma once

#include <string>
#include <vector>

namespace manaudit {

/// How bad a problem is: of an input (Diagnostic) or of a page (audit findings).
enum class Severity { note, warning, error };

/// "note", "warning" or "error".
const char* severity_name(Severity severity);

/// A problem with an input, reported as `file:line:col: level: message`.
struct Diagnostic {
    std::string file;
    int line = 0;    ///< 1-based; 0 when the problem is with the whole file
    int column = 0;  ///< 1-based; 0 when unknown
    Severity level = Severity::error;
    std::string message;
};

/// Formats a diagnostic in the compiler style editors already parse.
std::string format_diagnostic(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;

}  // namespace manaudit
