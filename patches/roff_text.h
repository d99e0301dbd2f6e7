// Writing roff source lines the way man-pages keeps them: FIXME comments and
// text lines within 80 bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace manaudit::patches {

/// man-pages keeps source lines within 80 bytes (mandoc -Tlint says so).
constexpr std::size_t kMaxTextLine = 80;

/// The lines of a `.\" FIXME: ...` comment for `text`, wrapped before 80 columns.
std::vector<std::string> fixme_comment(const std::string& text);

/// Breaks a roff text line longer than kMaxTextLine, after a comma where
/// possible (a clause per line), else at a space; a continuation never starts
/// with a control character. Control lines, table rows and comments are
/// returned as they are.
std::vector<std::string> wrap_text_line(const std::string& line);

}  // namespace manaudit::patches
