// The probe translation units: uapi includes, then one enum per macro.
#include "parsers/headers/probe_source.h"

#include <algorithm>

namespace manaudit::headers {

namespace {

// Headers declaring the syscall numbers, errnos, constant families and
// structs section-2 pages document. Order matters where uapi headers expect
// their dependencies first.
constexpr std::string_view kHeaders[] = {
    "asm/unistd.h", "asm/errno.h", "linux/types.h", "linux/version.h",
    "linux/fcntl.h", "asm/fcntl.h", "linux/stat.h", "asm/stat.h", "asm/statfs.h",
    "linux/mman.h", "asm/mman.h", "linux/memfd.h",
    "linux/signal.h", "asm/signal.h", "asm/siginfo.h",
    "linux/eventpoll.h", "linux/poll.h", "asm/poll.h",
    "linux/resource.h", "asm/resource.h",
    "asm/socket.h", "linux/socket.h", "asm/sockios.h", "linux/sockios.h", "linux/net.h",
    // linux/shm.h includes libc's <unistd.h>; asm/shmbuf.h has shmid64_ds.
    "linux/ipc.h", "linux/msg.h", "linux/sem.h", "asm/msgbuf.h", "asm/sembuf.h", "asm/shmbuf.h",
    "asm/ioctls.h", "asm/ioctl.h", "asm/termbits.h", "linux/termios.h",
    "linux/fs.h", "linux/mount.h", "linux/sched.h", "linux/sched/types.h", "linux/prctl.h",
    "linux/futex.h", "linux/time.h", "linux/time_types.h", "linux/uio.h", "linux/sysinfo.h",
    "linux/openat2.h", "linux/wait.h", "linux/limits.h", "linux/falloc.h", "linux/inotify.h",
    "linux/eventfd.h", "linux/timerfd.h", "linux/signalfd.h", "linux/xattr.h", "linux/random.h",
    "linux/membarrier.h", "linux/ptrace.h", "linux/reboot.h", "linux/keyctl.h",
    "linux/mempolicy.h", "linux/close_range.h", "linux/ioprio.h", "linux/personality.h",
    "linux/aio_abi.h", "linux/seccomp.h", "linux/kcmp.h", "linux/fadvise.h",
    "linux/capability.h", "linux/utsname.h",
};

// Struct tags recorded when the headers define them.
constexpr std::string_view kStructs[] = {
    "stat", "stat64", "statx", "statfs", "statfs64", "flock", "flock64",
    "epoll_event", "sigaction", "siginfo", "sigaltstack", "timespec", "__kernel_timespec",
    "timeval", "__kernel_old_timeval", "itimerspec", "itimerval", "__kernel_itimerspec",
    "termios", "termios2", "termio", "winsize", "sysinfo", "rlimit", "rlimit64", "rusage",
    "msqid64_ds", "semid64_ds", "shmid64_ds", "msqid_ds", "semid_ds", "ipc64_perm", "sembuf",
    "linux_dirent64", "iovec", "pollfd", "open_how", "clone_args", "sched_attr", "sched_param",
    "new_utsname", "mount_attr", "file_handle", "ucred", "timezone",
};

// struct linux_dirent64 is kernel-internal (include/linux/dirent.h) yet
// getdents(2) shows it; its definition, field for field.
constexpr std::string_view kKernelInternal = R"(
struct linux_dirent64 {
    __u64 d_ino;
    __s64 d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};
)";

// Some arches' ioctl numbers name libc types (mips, alpha and sh:
// SIOCSPGRP is _IOW('s', 8, pid_t); powerpc: FIOQSIZE is _IOR('f', 128, loff_t)).
// User space compiles them with libc's definitions, which are the kernel's.
constexpr std::string_view kLibcTypes = R"(
typedef __kernel_pid_t pid_t;
typedef __kernel_loff_t loff_t;
)";

}  // namespace

std::span<const std::string_view> probe_headers() { return kHeaders; }
std::span<const std::string_view> probe_structs() { return kStructs; }

std::string prelude_source() {
    std::string out;
    for (std::string_view h : kHeaders) {
        out += "#if __has_include(<";
        out += h;
        out += ">)\n#include <";
        out += h;
        out += ">\n#endif\n";
    }
    out += "#if __has_include(<linux/types.h>)";
    out += kKernelInternal;
    out += kLibcTypes;
    out += "#endif\n";
    return out;
}

std::string evaluation_source(const std::vector<std::string>& macros, const std::vector<std::string>& retry) {
    std::string out;
    out.reserve((macros.size() + 2 * retry.size()) * 96);
    for (std::size_t i = 0; i < macros.size(); ++i) {
        const std::string n = std::to_string(i);
        // (x) * 0 - 1 wraps to a positive value exactly when x's type is unsigned.
        out.append("enum { __manaudit_v_").append(n).append(" = (").append(macros[i]).append("), __manaudit_u_");
        out.append(n).append(" = (((").append(macros[i]).append(") * 0 - 1) > 0) };\n");
    }
    auto retry_block = [&](std::string_view function, std::string_view time_t_type, char slot) {
        out += "void " + std::string(function) + "(void) { typedef " + std::string(time_t_type) + " time_t;\n";
        for (std::size_t j = 0; j < retry.size(); ++j)
            out += std::string("enum { __manaudit_") + slot + "_" + std::to_string(j) + " = (__INTPTR_TYPE__)(" +
                   retry[j] + ") };\n";
        out += "}\n";
    };
    if (retry.empty()) return out;
    retry_block("__manaudit_time32", "__kernel_long_t", 'a');
    retry_block("__manaudit_time64", "long long", 'b');
    return out;
}

std::string generic_syscalls_source() {
    // The entry is pasted into the enumerator's name; the counter keeps
    // repeated entries (sys_ni_syscall) apart. Including asm/unistd.h after
    // these definitions makes its __SYSCALL lines expand, as the kernel's
    // own syscall table does.
    return R"(#define __manaudit_sc3(c, nr, entry) enum { __manaudit_sc_##c##_##entry = (nr) };
#define __manaudit_sc2(c, nr, entry) __manaudit_sc3(c, nr, entry)
#define __SYSCALL(nr, entry) __manaudit_sc2(__COUNTER__, nr, entry)
#include <asm/unistd.h>
)";
}

int count_lines(std::string_view text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace manaudit::headers
