// The small four-arch world the check tests audit against.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "../audit_fixture.h"

namespace manaudit::audit::testing {

/// x86_64, i386, arm64 and riscv64, with the few facts the fixtures use.
inline std::vector<archdata::ArchFacts> small_world() {
    auto common = [](FactsBuilder b) {
        return b.syscall("read", 0).syscall("newcall", 500).errno_value("ENOENT", 2).errno_value("EAGAIN", 11)
            .constant("MAP_PLAIN", 1).constant("FROB_MAGIC", 0x10);
    };
    return {
        common(FactsBuilder("x86_64")).syscall("frob", 1).syscall("fadvise", 2).errno_value("EFROB", 200)
            .constant("MAP_FROB", 0x40).layout("frob_event", 12, 1, true).build(),
        common(FactsBuilder("i386")).syscall("frob", 2).syscall("olddir", 89).syscall("fadvise", 3)
            .errno_value("EFROB", 200).constant("MAP_FROB", 0x40).layout("frob_event", 12, 4, false).build(),
        common(FactsBuilder("arm64")).syscall("frobat", 3).syscall("arm_fadvise", 4)
            .layout("frob_event", 16, 8, false).build(),
        common(FactsBuilder("riscv64")).syscall("frobat", 3).syscall("arm_fadvise", 4)
            .layout("frob_event", 16, 8, false).build(),
    };
}

/// The small world plus an Alpha whose numbers differ.
inline std::vector<archdata::ArchFacts> world_with_alpha() {
    auto facts = small_world();
    facts.push_back(FactsBuilder("alpha").syscall("read", 3).syscall("frob", 9).errno_value("ENOENT", 2)
                        .errno_value("EAGAIN", 35).constant("MAP_PLAIN", 1).constant("FROB_MAGIC", 0x20).build());
    return facts;
}

/// The small world with what kernel sources add: a call i386 reaches only
/// through socketcall, and one that arm64 and riscv64 number as a reserved slot.
inline std::vector<archdata::ArchFacts> world_with_kernel_source() {
    auto facts = small_world();
    for (auto& f : facts) {
        const std::string& id = f.provenance.arch_id;
        if (id == "i386") f.multiplexed["acceptish"] = {"acceptish", "socketcall", 5, "linux/net.h"};
        else f.syscalls["acceptish"] = {"acceptish", 43, "asm/unistd.h", false};
        f.syscalls["ldtcall"] = {"ldtcall", 154, "asm/unistd.h", false};
        if (id == "arm64" || id == "riscv64") f.syscalls["ldtcall"].implemented = false;
    }
    return facts;
}

/// x86-64 with the call, arm64 with only read: a two-arch world.
inline std::vector<archdata::ArchFacts> world_x86_64_and_arm64() {
    return {FactsBuilder("x86_64").syscall("oddcall", 1).build(), FactsBuilder("arm64").syscall("read", 63).build()};
}

/// Seven ABIs with the shapes real syscall tables have: the asm-generic
/// ABIs (arm64, riscv64) without the legacy calls, a socketcall-only
/// accept on i386, s390x and m68k, ipc-only semop on i386, x86-only calls.
inline std::vector<archdata::ArchFacts> generic_world() {
    const std::vector<std::string> ids = {"x86_64", "i386", "arm64", "riscv64", "s390x", "m68k", "mips-o32"};
    auto is = [](const std::string& id, std::initializer_list<const char*> set) {
        return std::find(set.begin(), set.end(), id) != set.end();
    };
    std::vector<archdata::ArchFacts> world;
    for (const auto& id : ids) {
        FactsBuilder b(id);
        std::int64_t n = 1;
        auto call = [&](const char* name) { b.syscall(name, n++); };
        // Everywhere.
        for (const char* name : {"read", "openat", "pipe2", "dup3", "eventfd2", "signalfd4", "fstat", "statx",
                                 "clone", "accept4", "pselect6", "ppoll", "epoll_pwait", "getdents64", "renameat2",
                                 "faccessat", "inotify_init1", "setitimer", "gettimeofday", "newcall", "mmap",
                                 "ptrace", "kexec_load", "vfork_like"})
            call(name);
        const bool legacy = !is(id, {"arm64", "riscv64"});
        if (legacy)
            for (const char* name : {"open", "pipe", "dup2", "eventfd", "signalfd", "stat", "lstat", "fork", "vfork",
                                     "poll", "epoll_wait", "getdents", "rename", "access", "inotify_init", "alarm",
                                     "time"})
                call(name);
        if (is(id, {"arm64", "riscv64", "s390x", "x86_64"})) call("newfstatat");
        else call("fstatat64");
        if (is(id, {"i386", "s390x", "m68k"})) b.multiplexed("accept", "socketcall", 5);
        else call("accept");
        if (id == "i386") b.multiplexed("semop", "ipc", 1);
        else call("semop");
        if (is(id, {"x86_64", "i386"})) call("select");
        if (id == "mips-o32") call("_newselect");
        if (is(id, {"i386", "m68k", "mips-o32"})) call("readdir");
        if (is(id, {"x86_64", "i386"})) {
            call("arch_prctl");
            call("ioperm");
            call("modify_ldt");
            call("set_thread_area");
        } else {
            b.reserved("modify_ldt", 900);
        }
        if (id == "i386") call("vm86");
        if (id == "m68k") call("cacheflush_like");
        if (is(id, {"mips-o32", "m68k"})) call("set_thread_area");
        if (is(id, {"x86_64", "i386", "s390x", "m68k"})) call("sgetmask_like");
        b.errno_value("ENOENT", 2);
        b.constant("MAP_PLAIN", 1);
        if (is(id, {"x86_64", "i386", "arm64", "s390x"})) b.constant("PTRACE_SYSEMU", 31);
        if (is(id, {"x86_64", "arm64", "s390x"})) call("kexec_file_load");
        world.push_back(b.build());
    }
    return world;
}

/// Five ABIs numbering calls the way the unified tables do: a call listed
/// late (400), an older one left out (300), one added after the table (500),
/// and the 64-bit time variants of two listed calls on the 32-bit ABIs.
inline std::vector<archdata::ArchFacts> table_world() {
    std::vector<archdata::ArchFacts> world;
    for (const char* id : {"x86_64", "i386", "arm64", "riscv64", "arm"}) {
        FactsBuilder b(id);
        b.syscall("read", 63).syscall("clock_gettime", 113).syscall("timer_gettime", 108);
        b.syscall("listed_late", 400).syscall("unlisted_old", 300).syscall("brand_new", 500);
        if (std::string(id) == "i386" || std::string(id) == "arm")
            b.syscall("clock_gettime64", 403).syscall("timer_gettime64", 408);
        world.push_back(b.build());
    }
    return world;
}

/// Five ABIs with the kernel entry points of two raw calls: arm takes
/// frob_advise's advice second, i386 passes its 64-bit offset as two halves
/// (the same calling form), powerpc pads before frob_trunc's 64-bit length,
/// and the 64-bit ABIs use the generic entry points.
inline std::vector<archdata::ArchFacts> signature_world() {
    const std::string advise = "int fd, loff_t offset, loff_t len, int advice";
    const std::string trunc = "const char *path, loff_t length";
    std::vector<archdata::ArchFacts> world;
    for (const char* id : {"x86_64", "i386", "arm64", "arm", "powerpc"}) {
        FactsBuilder b(id);
        b.syscall("read", 63).syscall("frob_advise", 223).syscall("frob_trunc", 193).syscall("frob_mask", 126);
        b.entry("read", "sys_read", "unsigned int fd, char *buf, size_t count");
        const std::string which = id;
        if (which == "arm") {
            b.entry("frob_advise", "sys_arm_frob_advise", "int fd, int advice, loff_t offset, loff_t len",
                    "arch/arm/kernel/sys_arm.c");
            b.generic("frob_advise", advise);
        } else if (which == "i386") {
            b.entry("frob_advise", "sys_ia32_frob_advise",
                    "int fd, __u32 offset_low, __u32 offset_high, __u32 len_low, __u32 len_high, int advice",
                    "arch/x86/kernel/sys_ia32.c");
            b.generic("frob_advise", advise);
        } else {
            b.entry("frob_advise", "sys_frob_advise", advise);
        }
        if (which == "powerpc") {
            b.entry("frob_trunc", "sys_ppc_frob_trunc",
                    "const char *path, u32 reg4, unsigned long len1, unsigned long len2",
                    "arch/powerpc/kernel/sys_ppc32.c");
            b.generic("frob_trunc", trunc);
        } else {
            b.entry("frob_trunc", "sys_frob_trunc", trunc);
        }
        // arm and powerpc pass frob_ahead's 64-bit offset as halves: the same form.
        b.syscall("frob_ahead", 225);
        if (which == "arm") {
            b.entry("frob_ahead", "arm_frob_ahead", "int fd, unsigned int high, unsigned int low, size_t count",
                    "arch/arm/kernel/sys_arm.c");
            b.generic("frob_ahead", "int fd, loff_t offset, size_t count");
        } else if (which == "powerpc") {
            b.entry("frob_ahead", "ppc_frob_ahead", "int fd, u32 hi_offset, u32 lo_offset, size_t count",
                    "arch/powerpc/kernel/sys_ppc32.c");
            b.generic("frob_ahead", "int fd, loff_t offset, size_t count");
        } else {
            b.entry("frob_ahead", "sys_frob_ahead", "int fd, loff_t offset, size_t count");
        }
        // powerpc routes frob_mask and two other calls to a stub that only
        // says "not implemented": not a signature of frob_mask.
        if (which == "powerpc") {
            b.syscall("frob_old1", 300).syscall("frob_old2", 301);
            for (const char* call : {"frob_mask", "frob_old1", "frob_old2"}) b.entry(call, "sys_nis_stub", "");
            b.generic("frob_mask", "int how, unsigned long *set, unsigned long *oset");
        } else {
            b.entry("frob_mask", "sys_frob_mask", "int how, unsigned long *set, unsigned long *oset");
        }
        world.push_back(b.build());
    }
    return world;
}

}  // namespace manaudit::audit::testing
