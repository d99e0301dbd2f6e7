// Compiler-style rendering of diagnostics.
#include "base/diagnostic.h"

namespace manaudit {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += std::string(": ") + severity_name(d.level) + ": ";
    out += d.message;
    return out;
}

}  // namespace manaudit
