// The C sources the extractor hands to clang (never written to disk).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace manaudit::headers {

/// The uapi headers every probe includes, each only if the sysroot has it.
std::span<const std::string_view> probe_headers();

/// The struct tags whose layouts are recorded.
std::span<const std::string_view> probe_structs();

/// Includes of every probe header, then the kernel-internal structs the man
/// pages show that uapi does not export.
std::string prelude_source();

/// Lines appended to the prelude: for each macro i, one line declaring
/// enumerators __manaudit_v_<i> (its value) and __manaudit_u_<i> (1 if the
/// expression's type is unsigned). Line of macro i is first_line + i.
std::string evaluation_source(const std::vector<std::string>& macros);

/// Number of lines in `text` (for locating evaluation lines).
int count_lines(std::string_view text);

}  // namespace manaudit::headers
