// Splitting page bytes into lines that keep their own line endings, so any
// edit can be made without touching a byte it does not mean to change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace manaudit::patches {

/// Splits `text` after each '\n'; every line keeps its ending ("\n", "\r\n",
/// or none for a last line without a newline). Joining them gives `text` back.
std::vector<std::string> split_lines(std::string_view text);

std::string join_lines(const std::vector<std::string>& lines);

/// The line's content without its ending.
std::string_view line_body(std::string_view line);

/// The ending new lines should get: "\r\n" when most lines use it, else "\n".
std::string dominant_line_ending(const std::vector<std::string>& lines);

/// Splits roff text to insert ("a\nb") into lines without endings.
std::vector<std::string> text_to_lines(std::string_view text);

}  // namespace manaudit::patches
