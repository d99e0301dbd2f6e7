// Facts the shipped arch-data/linux-*/ files must hold.
#include <catch2/catch.hpp>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"

#include <filesystem>

using namespace manaudit;
using namespace manaudit::archdata;

namespace {

const std::string kRoot = std::string(MANAUDIT_SOURCE_DIR) + "/arch-data";

/// One ABI of one shipped kernel generation ("6.1", "6.12"; default the newest).
const ArchFacts& shipped(const std::string& id, const std::string& kernel = "6.12") {
    static std::map<std::string, ArchFacts> cache;
    const std::string key = kernel + "/" + id;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    Diagnostics diags;
    auto f = read_arch_file(kRoot + "/linux-" + kernel + "/" + id + ".xml", diags);
    for (const auto& d : diags) INFO(format_diagnostic(d));
    REQUIRE(f);
    return cache.emplace(key, std::move(*f)).first->second;
}

std::int64_t value(const Constant* c) {
    REQUIRE(c);
    return c->value;
}

}  // namespace

TEST_CASE("shipped data: both kernel generations, every ABI each kernel has, with provenance", "[shipped]") {
    CHECK(kernel_versions(kRoot) == std::vector<std::string>{"6.1", "6.12"});
    for (const ArchInfo& a : all_arches()) {
        for (const std::string kernel : {"6.1", "6.12"}) {
        // ia64 left the kernel in 6.7.
        if (kernel == "6.12" && a.id == "ia64") {
            CHECK_FALSE(std::filesystem::exists(kRoot + "/linux-6.12/ia64.xml"));
            continue;
        }
        INFO("Linux " << kernel << " " << a.id);
        const ArchFacts& f = shipped(std::string(a.id), kernel);
        CHECK(f.provenance.arch_id == a.id);
        CHECK(f.provenance.kernel_version.starts_with(kernel + "."));
        CHECK(f.provenance.kernel_source.starts_with("linux-source-" + kernel + " "));
        CHECK(f.provenance.package == "linux-source (make headers_install ARCH=" + std::string(a.kernel_arch) + ")");
        CHECK(f.provenance.stand_in == a.stand_in);
        CHECK(f.provenance.word_bits == a.word_bits);
        CHECK(f.syscalls.size() > 250);
        CHECK(f.errnos.size() > 120);
        CHECK(f.layout("stat"));
        for (const auto& [name, layout] : f.structs) CHECK(layout.approximate == (a.stand_in || a.approximate_layouts));
        // Every numbered call has a table entry, or is marked not implemented.
        for (const auto& [name, sc] : f.syscalls)
            if (!sc.arch_private && sc.implemented) CHECK_FALSE(sc.entry.empty());
        }
    }
}

TEST_CASE("shipped data: a number is not a call", "[shipped]") {
    for (const char* id : {"powerpc", "mips-o32"}) {
        INFO(id);
        REQUIRE(shipped(id).syscall("modify_ldt"));
        CHECK_FALSE(shipped(id).syscall("modify_ldt")->implemented);
        CHECK_FALSE(shipped(id).implemented_syscall("modify_ldt"));
    }
    CHECK(shipped("x86_64").implemented_syscall("modify_ldt"));
    CHECK(shipped("i386").implemented_syscall("modify_ldt"));
}

TEST_CASE("shipped data: accept through socketcall on i386, s390x and m68k", "[shipped]") {
    for (const char* id : {"i386", "s390x", "m68k"}) {
        INFO(id);
        CHECK_FALSE(shipped(id).implemented_syscall("accept"));
        const MultiplexedCall* m = shipped(id).multiplexed_call("accept");
        REQUIRE(m);
        CHECK(m->via == "socketcall");
        CHECK(m->call == 5);
    }
    CHECK(shipped("x86_64").implemented_syscall("accept"));
    CHECK_FALSE(shipped("x86_64").multiplexed_call("accept"));
    // SysV IPC through ipc(2) where the ABI has it.
    REQUIRE(shipped("i386").multiplexed_call("semtimedop"));
    CHECK(shipped("i386").multiplexed_call("semtimedop")->via == "ipc");
}

TEST_CASE("shipped data: Linux 6.12 knows calls Linux 6.1 does not", "[shipped]") {
    for (const char* id : {"x86_64", "arm64", "riscv64"}) {
        INFO(id);
        CHECK(shipped(id).implemented_syscall("cachestat"));
        CHECK(shipped(id).implemented_syscall("mseal"));
        CHECK_FALSE(shipped(id, "6.1").syscall("cachestat"));
    }
}

TEST_CASE("shipped data: LoongArch has no open, and the stat family of its 6.12 headers", "[shipped]") {
    const ArchFacts& la = shipped("loongarch64");
    CHECK_FALSE(la.syscall("open"));
    CHECK(la.implemented_syscall("openat"));
    CHECK(la.implemented_syscall("statx"));
    // Linux 6.11 gave LoongArch fstat and newfstatat back (syscall_abis_64 = common 64),
    // and the 6.1 stable series took that over.
    CHECK(la.implemented_syscall("fstat"));
    CHECK(la.implemented_syscall("newfstatat"));
}

TEST_CASE("shipped data: E2BIG, signal handler values, time_t-dependent socket options", "[shipped]") {
    for (const char* id : {"x86_64", "alpha", "mips-o32"}) {
        INFO(id);
        CHECK(shipped(id).errno_value("E2BIG"));
        REQUIRE(shipped(id).constant("SIG_DFL"));
        CHECK(shipped(id).constant("SIG_DFL")->value == 0);
        CHECK(shipped(id).constant("SIG_ERR")->value == -1);
    }
    const Constant* rcvtimeo = shipped("i386").constant("SO_RCVTIMEO");
    REQUIRE(rcvtimeo);
    REQUIRE(rcvtimeo->value_time64);
    CHECK(rcvtimeo->value == 20);
    CHECK(*rcvtimeo->value_time64 == 66);
}

TEST_CASE("shipped data: errnos that differ by arch", "[shipped]") {
    CHECK(value(shipped("alpha").errno_value("EAGAIN")) == 35);
    CHECK(value(shipped("x86_64").errno_value("EAGAIN")) == 11);
    CHECK(value(shipped("mips-o32").errno_value("EDEADLK")) == 45);
    CHECK(value(shipped("parisc").errno_value("EDEADLK")) == 45);
    CHECK(value(shipped("sparc64").errno_value("EDEADLK")) == 78);
}

TEST_CASE("shipped data: constants and ioctls that differ by arch", "[shipped]") {
    CHECK(value(shipped("x86_64").constant("O_DIRECT")) != value(shipped("arm64").constant("O_DIRECT")));
    std::int64_t tcgets = value(shipped("x86_64").constant("TCGETS"));
    CHECK(tcgets == 0x5401);
    for (const char* id : {"powerpc", "mips-o32", "sparc64", "alpha"})
        CHECK(value(shipped(id).constant("TCGETS")) != tcgets);
}

TEST_CASE("shipped data: ioctls sized by libc types are evaluated", "[shipped]") {
    // _IOW('s', 8, pid_t) on mips, alpha and sh; _IOR('f', 128, loff_t) on powerpc.
    CHECK(value(shipped("mips-o32").constant("SIOCSPGRP")) == 0x80047308);
    CHECK(value(shipped("alpha").constant("SIOCSPGRP")) == 0x80047308);
    CHECK(value(shipped("sh").constant("TIOCGSID")) == 0x80045429);
    CHECK(value(shipped("powerpc").constant("FIOQSIZE")) == 0x40086680);
    CHECK(value(shipped("x86_64").constant("SIOCSPGRP")) == 0x8902);
}

TEST_CASE("shipped data: epoll_event is packed on x86-64 only", "[shipped]") {
    const StructLayout* x = shipped("x86_64").layout("epoll_event");
    const StructLayout* a = shipped("arm64").layout("epoll_event");
    REQUIRE(x);
    REQUIRE(a);
    CHECK(x->size == 12);
    CHECK(x->packed);
    CHECK(a->size == 16);
    CHECK_FALSE(a->packed);
}

TEST_CASE("shipped data: syscalls arm64 and riscv64 lack, x32's numbering", "[shipped]") {
    for (const char* id : {"arm64", "riscv64"})
        for (const char* name : {"open", "fork", "stat"}) {
            INFO(id << " " << name);
            CHECK_FALSE(shipped(id).syscall(name));
        }
    CHECK(shipped("x86_64").syscall("open"));
    REQUIRE(shipped("x32").syscall("read"));
    CHECK(shipped("x32").syscall("read")->number == 0x40000000);
    // x32 sees only the x32 list: every number carries __X32_SYSCALL_BIT.
    for (const auto& [name, s] : shipped("x32").syscalls) CHECK((s.number & 0x40000000) != 0);
    CHECK(shipped("mips-o32").syscall("read")->number == 4003);
    CHECK(shipped("mips64-n64").syscall("read")->number == 5000);
    REQUIRE(shipped("arm").syscall("set_tls"));
    CHECK(shipped("arm").syscall("set_tls")->arch_private);
}
