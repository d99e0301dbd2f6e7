// The constant families section-2 pages document, one row each.
#include "parsers/headers/constant_families.h"

#include <cctype>

namespace manaudit::headers {

namespace {

// Prefixes (or whole names) of the constants arch data records. A name is
// recorded when it starts with one of these.
constexpr std::string_view kFamilies[] = {
    "O_", "AT_", "F_", "FD_", "LOCK_", "SEEK_", "RENAME_", "RESOLVE_",  // files (open, fcntl, flock)
    "S_I", "STATX_", "UTIME_",                                          // stat, statx, utimensat
    "MAP_", "PROT_", "MADV_", "MCL_", "MLOCK_", "MREMAP_", "MFD_", "MS_",  // mmap, madvise, mlock, msync
    "MNT_", "MOUNT_ATTR_", "MOVE_MOUNT_", "FSMOUNT_", "FSOPEN_", "OPEN_TREE_", "UMOUNT_",  // mount
    "SA_", "SIG", "SI_", "SS_", "MINSIGSTKSZ", "_NSIG", "SFD_",         // signals
    "EPOLL", "POLL", "EFD_", "TFD_", "IN_",                             // event notification
    "RLIMIT_", "RLIM_", "RUSAGE_", "PRIO_",                             // resources
    "SO_", "SOL_", "SCM_", "SOCK_", "MSG_", "SIOC",                     // sockets
    "IPC_", "SHM_", "SEM_", "GETPID", "GETVAL", "GETALL", "GETNCNT", "GETZCNT", "SETVAL", "SETALL",
    "TC", "TIOC", "FIO", "FICLONE", "FS_IOC_", "NCCS",                  // ioctls, termios
    "CLONE_", "CSIGNAL", "PR_", "FUTEX_", "SCHED_", "MEMBARRIER_",      // processes, threads
    "WNOHANG", "WUNTRACED", "WSTOPPED", "WEXITED", "WCONTINUED", "WNOWAIT",
    "__WALL", "__WCLONE", "__WNOTHREAD", "P_ALL", "P_PID", "P_PGID", "P_PIDFD",
    "CLOCK_", "TIMER_ABSTIME", "ITIMER_",                               // time
    "GRND_", "PTRACE_", "LINUX_REBOOT_", "CLOSE_RANGE_", "XATTR_", "FALLOC_FL_", "POSIX_FADV_",
    "SYNC_FILE_RANGE_", "IOPRIO_", "KEYCTL_", "KEY_SPEC_", "MPOL_", "SECCOMP_", "KCMP_", "IOCB_",
    "RWF_", "SPLICE_F_", "PER_", "ADDR_",
    "NAME_MAX", "PATH_MAX", "PIPE_BUF", "ARG_MAX", "NGROUPS_MAX", "XATTR_",  // limits
};

// The call numbers ipc(2) takes (linux/ipc.h); DIPC and IPCCALL are not calls.
constexpr std::string_view kIpcCalls[] = {"SEMOP", "SEMGET", "SEMCTL", "SEMTIMEDOP", "MSGSND", "MSGRCV",
                                          "MSGGET", "MSGCTL", "SHMAT", "SHMDT", "SHMGET", "SHMCTL"};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_errno_header(std::string_view header) {
    return header.find("errno") != std::string_view::npos;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

bool is_syscall_pseudo_name(std::string_view macro) {
    if (starts_with(macro, "__NR3264_")) return true;
    std::string name = syscall_name(macro);
    std::string_view n = name;
    if (n == "syscalls" || n == "arch_specific_syscall" || n == "BASE" || n == "Linux" ||
        n == "Linux_syscalls" || starts_with(n, "O32_") || starts_with(n, "N32_") ||
        starts_with(n, "64_") || n.ends_with("SYSCALL_BASE") || n.ends_with("_Linux") ||
        n.ends_with("_Linux_syscalls"))
        return true;
    if (starts_with(n, "unused") && all_digits(n.substr(6))) return true;
    if (starts_with(n, "reserved") && all_digits(n.substr(8))) return true;
    return macro.ends_with("SYSCALL_BASE");
}

std::string multiplexed_call_name(std::string_view macro) {
    if (starts_with(macro, "SYS_")) macro.remove_prefix(4);
    std::string out(macro);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string syscall_name(std::string_view macro) {
    if (starts_with(macro, "__ARM_NR_")) return std::string(macro.substr(9));
    if (starts_with(macro, "__NR_")) return std::string(macro.substr(5));
    return std::string(macro);
}

std::optional<MacroKind> classify_macro(std::string_view name, std::string_view header) {
    if (starts_with(name, "__NR_") || starts_with(name, "__NR3264_") || starts_with(name, "__ARM_NR_")) {
        if (is_syscall_pseudo_name(name)) return std::nullopt;
        if (starts_with(name, "__NR3264_")) return std::nullopt;
        return starts_with(name, "__ARM_NR_") ? MacroKind::arch_private_syscall : MacroKind::syscall;
    }
    if (header == "linux/net.h" && starts_with(name, "SYS_")) return MacroKind::socketcall_call;
    if (header == "linux/ipc.h")
        for (std::string_view call : kIpcCalls)
            if (name == call) return MacroKind::ipc_call;
    if (is_errno_header(header)) {
        // E2BIG: the second character may be a digit.
        if (name.size() > 1 && name[0] == 'E' &&
            (std::isupper(static_cast<unsigned char>(name[1])) || std::isdigit(static_cast<unsigned char>(name[1]))))
            return MacroKind::errno_value;
        return std::nullopt;
    }
    for (std::string_view family : kFamilies)
        if (starts_with(name, family)) return MacroKind::constant;
    return std::nullopt;
}

}  // namespace manaudit::headers
