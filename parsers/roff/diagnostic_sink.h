// Where the roff lexer and parser report problems with one file.
#pragma once

#include <string>

#include "base/diagnostic.h"

namespace manaudit::roff {

/// Reports problems at a place in one file, with a cap so that a
/// pathological input (a 10 MB line of NULs) yields a few messages, not millions.
class DiagnosticSink {
public:
    DiagnosticSink(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}
    void report(Severity level, int line, int column, std::string message);
    const std::string& file() const { return file_; }
    bool has_errors() const { return errors_ > 0; }

private:
    static constexpr int kMaxPerFile = 50;
    std::string file_;
    Diagnostics& out_;
    int reported_ = 0;
    int errors_ = 0;
};

}  // namespace manaudit::roff
