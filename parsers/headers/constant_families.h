// Which macro names are syscalls, errnos or documented constants.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace manaudit::headers {

enum class MacroKind {
    syscall,
    arch_private_syscall,
    errno_value,
    constant,
    socketcall_call,  ///< SYS_ACCEPT in linux/net.h: a call number socketcall(2) takes
    ipc_call,         ///< SEMOP in linux/ipc.h: a call number ipc(2) takes
};

/// What a macro defined in the kernel headers is, from its name and the
/// header that defines it (relative to the include dir); nullopt when it is
/// none of the things arch data records (including syscall pseudo names).
std::optional<MacroKind> classify_macro(std::string_view name, std::string_view header);

/// The call a multiplexer call number stands for: SYS_ACCEPT4 -> "accept4",
/// SEMTIMEDOP -> "semtimedop".
std::string multiplexed_call_name(std::string_view macro);

/// The syscall name a __NR_x / __ARM_NR_x macro stands for ("x").
std::string syscall_name(std::string_view macro);

/// True for the __NR_* names that are bookkeeping, not syscalls
/// (__NR_syscalls, __NR_Linux, *_SYSCALL_BASE, unusedNN, reservedNN, ...).
bool is_syscall_pseudo_name(std::string_view macro);

}  // namespace manaudit::headers
