// Reading a whole file, and writing one atomically, with an error that says what went wrong.
#pragma once

#include <optional>
#include <string>

namespace manaudit {

/// Writes `text` to `path` through a temporary file in the same directory,
/// renamed into place, so a reader never sees half a file and a failure
/// leaves nothing behind (an existing file at `path` stays as it was). On
/// failure returns false and sets `error`: "directory 'out' does not exist",
/// "cannot create a file in 'out': Permission denied", ...
bool write_output_file(const std::string& path, const std::string& text, std::string& error);

/// The bytes of the file at `path`, or nothing with `error` set.
std::optional<std::string> read_text_file(const std::string& path, std::string& error);

}  // namespace manaudit
