// Compiler-style rendering of diagnostics.
#include "diagnostic.h"

namespace manaudit {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    switch (d.level) {
        case Level::note: out += ": note: "; break;
        case Level::warning: out += ": warning: "; break;
        case Level::error: out += ": error: "; break;
    }
    out += d.message;
    return out;
}

}  // namespace manaudit
