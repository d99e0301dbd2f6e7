// The replacement table: one row per legacy call, the calls that stand in for
// it in the order the kernel's ABIs prefer them. The asm-generic syscall list
// (arm64, RISC-V, LoongArch, ARC, C-SKY, ...) leaves out the calls its
// __ARCH_WANT_* switches keep for older ABIs; each row names what a C library
// calls there instead. Variants the facts show directly (clock_gettime64 for
// clock_gettime on 32-bit ABIs) need no row.
#include "audit/replacements.h"

#include <algorithm>
#include <string_view>

#include "audit/evidence.h"

namespace manaudit::audit {

namespace {

struct ReplacementRow {
    std::string_view call;
    std::string_view instead;  ///< space-separated, in order of preference
};

constexpr ReplacementRow kReplacements[] = {
    {"open", "openat"},                    // path calls: the *at() form with AT_FDCWD
    {"creat", "openat"},                   // creat(p, m) is open(p, O_CREAT|O_WRONLY|O_TRUNC, m)
    {"access", "faccessat faccessat2"},
    {"chmod", "fchmodat fchmodat2"},
    {"chown", "fchownat"},
    {"lchown", "fchownat"},                // with AT_SYMLINK_NOFOLLOW
    {"link", "linkat"},
    {"unlink", "unlinkat"},
    {"rmdir", "unlinkat"},                 // with AT_REMOVEDIR
    {"symlink", "symlinkat"},
    {"readlink", "readlinkat"},
    {"rename", "renameat renameat2"},      // RISC-V and LoongArch have only renameat2
    {"mkdir", "mkdirat"},
    {"mknod", "mknodat"},
    {"futimesat", "utimensat utimensat_time64"},
    {"utime", "utimensat utimensat_time64"},
    {"utimes", "utimensat utimensat_time64"},
    {"stat", "newfstatat fstatat64 statx"},    // 64-bit ABIs, 32-bit ABIs, RV32
    {"lstat", "newfstatat fstatat64 statx"},
    {"fstat", "fstat64 statx"},
    {"getdents", "getdents64"},
    {"pipe", "pipe2"},
    {"dup2", "dup3"},
    {"poll", "ppoll ppoll_time64"},
    {"select", "pselect6 pselect6_time64"},
    {"epoll_create", "epoll_create1"},
    {"epoll_wait", "epoll_pwait"},
    {"eventfd", "eventfd2"},
    {"signalfd", "signalfd4"},
    {"inotify_init", "inotify_init1"},
    {"fork", "clone"},                     // with SIGCHLD as the exit signal
    {"vfork", "clone"},                    // with CLONE_VM | CLONE_VFORK
    {"pause", "rt_sigsuspend"},            // an empty-handed sigsuspend(2)
    {"alarm", "setitimer"},                // ITIMER_REAL
    {"time", "clock_gettime clock_gettime64"},  // CLOCK_REALTIME, in the vDSO where there is one
    {"signal", "rt_sigaction sigaction"},  // with SA_RESTART, as the C library's signal() does
    {"getrlimit", "prlimit64"},
    {"setrlimit", "prlimit64"},
    {"nice", "setpriority"},
    {"getpgrp", "getpgid"},                // getpgid(0)
    {"accept", "accept4"},                 // with no flags
    {"semop", "semtimedop semtimedop_time64"},  // with no timeout
    {"send", "sendto"},                    // with a null address
    {"recv", "recvfrom"},                  // with a null address
    {"wait4", "waitid"},                   // RV32 has waitid alone
    {"lseek", "llseek _llseek"},           // 32-bit asm-generic ABIs take a 64-bit offset in two halves
    {"umount", "umount2"},
};

constexpr std::string_view kVariantSuffixes[] = {"_time64", "64", "2", "4", "1", "32"};

// The first candidate the ABI numbers itself, else the first a multiplexer reaches.
std::string first_implemented(std::string_view candidates, const archdata::ArchFacts& facts) {
    for (bool direct : {true, false}) {
        std::string_view rest = candidates;
        while (!rest.empty()) {
            auto space = rest.find(' ');
            std::string candidate(rest.substr(0, space));
            if (!candidate.empty() && (direct ? facts.implemented_syscall(candidate) != nullptr : can_call(facts, candidate)))
                return candidate;
            rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        }
    }
    return {};
}

}  // namespace

std::map<std::string, std::string> replacements_for(const std::string& name, const std::set<std::string>& abis,
                                                    std::span<const archdata::ArchFacts> facts) {
    const ReplacementRow* row = nullptr;
    for (const auto& r : kReplacements)
        if (r.call == name) row = &r;
    std::map<std::string, std::string> out;
    for (const auto& f : facts) {
        if (!abis.count(arch_id(f))) continue;
        std::string instead = row ? first_implemented(row->instead, f) : std::string();
        for (auto suffix = std::begin(kVariantSuffixes); instead.empty() && !row && suffix != std::end(kVariantSuffixes); ++suffix)
            if (can_call(f, name + std::string(*suffix))) instead = name + std::string(*suffix);
        if (!instead.empty()) out[arch_id(f)] = instead;
    }
    return out;
}

}  // namespace manaudit::audit
