// The C sources the extractor hands to clang (never written to disk).
#pragma once

#include <cstddef>
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

/// Lines appended to the prelude, so that one parse reads every value.
/// Macro i gets one line at file scope declaring __manaudit_v_<i> (its
/// value) and __manaudit_u_<i> (1 if the expression's type is unsigned).
/// Then each macro retry[j] is read again as a pointer-sized integer (SIG_DFL
/// is `((__sighandler_t)0)`), once inside a function whose block-scope
/// `time_t` is the kernel's long (__manaudit_a_<j>) and once inside one where
/// it is 64-bit (__manaudit_b_<j>): values the C library's time_t decides
/// (SO_RCVTIMEO) come out both ways. Every enumerator is alone on its line
/// (see EvaluationLines), so an error's line says which one failed. With no
/// retries there are no functions either.
std::string evaluation_source(const std::vector<std::string>& macros, const std::vector<std::string>& retry);

/// Where evaluation_source puts each enumerator, relative to its first line.
struct EvaluationLines {
    std::size_t macros = 0;
    std::size_t retries = 0;
    /// Line offset of macro i, or of retry j in the 32-bit / 64-bit block.
    std::size_t of_macro(std::size_t i) const { return i; }
    std::size_t of_time32(std::size_t j) const { return macros + 1 + j; }
    std::size_t of_time64(std::size_t j) const { return macros + retries + 3 + j; }
};

/// A probe for the asm-generic syscall list (include/uapi/asm-generic/unistd.h
/// before Linux 6.11): every `__SYSCALL(nr, entry)` the arch's headers expand
/// becomes an enumerator `__manaudit_sc_<counter>_<entry>` whose value is nr.
std::string generic_syscalls_source();

/// Number of lines in `text` (for locating evaluation lines).
int count_lines(std::string_view text);

}  // namespace manaudit::headers
