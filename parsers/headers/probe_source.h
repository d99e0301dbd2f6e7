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

/// Like evaluation_source, for macros that are not integer constant
/// expressions as written: a pointer cast (SIG_DFL is `((__sighandler_t)0)`)
/// is read as the integer it holds, and the macro is taken as signed.
/// `time_t` is declared first as `time_t_type`, for values the C library's
/// time_t decides (SO_RCVTIMEO). Each macro is still on one line.
std::string retry_evaluation_source(const std::vector<std::string>& macros, std::string_view time_t_type);

/// A probe for the asm-generic syscall list (include/uapi/asm-generic/unistd.h
/// before Linux 6.11): every `__SYSCALL(nr, entry)` the arch's headers expand
/// becomes an enumerator `__manaudit_sc_<counter>_<entry>` whose value is nr.
std::string generic_syscalls_source();

/// Number of lines in `text` (for locating evaluation lines).
int count_lines(std::string_view text);

}  // namespace manaudit::headers
