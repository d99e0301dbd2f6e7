// Syscall availability per ABI, and the call an ABI offers instead of a missing one.
#include "audit/report/syscall_status.h"

#include <string_view>

namespace manaudit::report {

namespace {

// Newer calls that took an older one's place under another scheme of names;
// the regular schemes (openat for open, pipe2 for pipe) are tried first.
struct Successor {
    std::string_view old_name;
    std::string_view candidates;  ///< space-separated, first present wins
};
constexpr Successor kSuccessors[] = {
    {"fork", "clone"},
    {"vfork", "clone"},
    {"creat", "openat"},
    {"rmdir", "unlinkat"},
    {"rename", "renameat2"},
    {"stat", "newfstatat fstatat64"},
    {"lstat", "newfstatat fstatat64"},
    {"fstat", "newfstat fstat64"},
    {"time", "clock_gettime"},
    {"alarm", "setitimer"},
    {"pause", "ppoll"},
    {"poll", "ppoll"},
    {"select", "pselect6"},
    {"utime", "utimensat"},
    {"utimes", "utimensat"},
    {"futimesat", "utimensat"},
    {"getpgrp", "getpgid"},
    {"epoll_wait", "epoll_pwait"},
    {"getdents", "getdents64"},
    {"dup2", "dup3"},
    {"sigaction", "rt_sigaction"},
    {"signal", "rt_sigaction"},
    {"sigprocmask", "rt_sigprocmask"},
    {"sigpending", "rt_sigpending"},
    {"sigsuspend", "rt_sigsuspend"},
    {"sigreturn", "rt_sigreturn"},
    {"ustat", "statfs"},
    {"getrlimit", "prlimit64"},
    {"setrlimit", "prlimit64"},
};

// Regular schemes: name + suffix, prefix + name.
constexpr std::string_view kSuffixes[] = {"at", "64", "2", "3", "4", "1", "at2", "64_64"};
constexpr std::string_view kPrefixes[] = {"rt_", "new"};

}  // namespace

std::string replacement_for(const archdata::ArchFacts& facts, const std::string& name) {
    for (auto suffix : kSuffixes)
        if (facts.implemented_syscall(name + std::string(suffix))) return name + std::string(suffix);
    for (auto prefix : kPrefixes)
        if (facts.implemented_syscall(std::string(prefix) + name)) return std::string(prefix) + name;
    for (const auto& s : kSuccessors) {
        if (s.old_name != name) continue;
        std::string_view rest = s.candidates;
        while (!rest.empty()) {
            auto space = rest.find(' ');
            std::string candidate(rest.substr(0, space));
            if (facts.implemented_syscall(candidate)) return candidate;
            rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
        }
    }
    return {};
}

SyscallCell syscall_status(const archdata::ArchFacts& facts, const std::string& name) {
    SyscallCell cell;
    const auto* s = facts.syscall(name);
    if (s && s->implemented) {
        cell.state = SyscallState::available;
        cell.number = s->number;
        return cell;
    }
    if (const auto* m = facts.multiplexed_call(name)) {
        cell.state = SyscallState::multiplexed;
        cell.via = m->via;
        cell.number = m->call;
        return cell;
    }
    cell.state = s ? SyscallState::not_implemented : SyscallState::absent;
    if (s) cell.number = s->number;
    cell.replacement = replacement_for(facts, name);
    return cell;
}

}  // namespace manaudit::report
