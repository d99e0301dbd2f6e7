// Capped reporting of one file's problems.
#include "parsers/roff/diagnostic_sink.h"

namespace manaudit::roff {

void DiagnosticSink::report(Severity level, int line, int column, std::string message) {
    if (level == Severity::error) ++errors_;
    ++reported_;
    if (reported_ > kMaxPerFile) return;
    if (reported_ == kMaxPerFile) {
        out_.push_back({file_, line, column, Severity::note, "too many problems, further ones not shown"});
        return;
    }
    out_.push_back({file_, line, column, level, std::move(message)});
}

}  // namespace manaudit::roff
