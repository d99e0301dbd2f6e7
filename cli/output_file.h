// Writing an output file atomically, with an error that says what went wrong.
#pragma once

#include <string>

namespace manaudit::cli {

/// Writes `text` to `path` through a temporary file in the same directory,
/// renamed into place, so a reader never sees half a file and a failure
/// leaves nothing behind (an existing file at `path` stays as it was). On
/// failure returns false and sets `error`: "directory 'out' does not exist",
/// "cannot create a file in 'out': Permission denied", ...
bool write_output_file(const std::string& path, const std::string& text, std::string& error);

}  // namespace manaudit::cli
