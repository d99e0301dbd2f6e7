// Splitting roff source into logical lines: control lines with their
// arguments, and text lines.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/roff/diagnostic_sink.h"

namespace manaudit::roff {

/// The longest line read. Longer ones are cut here (with an error), so that
/// an endless line costs time in proportion to the cap, not to the line.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

struct SourceLine {
    int line = 0;                          ///< first physical line
    int last_line = 0;                     ///< last physical line (after `\` continuations)
    std::string_view text;                 ///< the logical line, continuations joined, no newline
    std::unique_ptr<std::string> joined;   ///< what `text` views when lines were joined; else it views the source
};

/// Splits `source` into logical lines, joining lines that end in an
/// unescaped backslash. The lines view `source`, which must outlive them. Never fails: every byte ends up in some line, except
/// what lies past kMaxLineBytes in a longer line.
std::vector<SourceLine> split_lines(std::string_view source);

/// The same, reporting each line cut at kMaxLineBytes to `sink`.
std::vector<SourceLine> split_lines(std::string_view source, DiagnosticSink& sink);

/// A control line (`.XX args` or `'XX args`), split.
struct ControlLine {
    std::string name;               ///< "TP", "BR", "\\\"" for comments; empty for a lone `.`
    int name_column = 1;            ///< 1-based
    std::vector<std::string> args;  ///< unquoted, escapes left raw
    std::vector<int> arg_columns;   ///< 1-based column of each argument
    bool has_comment = false;       ///< a \" after the arguments
    std::string comment;
    int comment_column = 0;
};

bool is_control_line(std::string_view text);

/// Splits a control line; `text` starts with the control character.
ControlLine split_control_line(std::string_view text);

/// Splits a string of arguments the way man(7) macros read them: blanks
/// separate, double quotes group, "" inside quotes is one quote.
void split_arguments(std::string_view text, std::size_t offset, ControlLine& out);

}  // namespace manaudit::roff
