// Facts the shipped arch-data/linux-6.1 files must hold.
#include <catch2/catch.hpp>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"

using namespace manaudit;
using namespace manaudit::archdata;

namespace {

const ArchFacts& shipped(const std::string& id) {
    static std::map<std::string, ArchFacts> cache;
    auto it = cache.find(id);
    if (it != cache.end()) return it->second;
    Diagnostics diags;
    std::string path = MANAUDIT_SOURCE_DIR;
    path += "/arch-data/linux-6.1/" + id + ".xml";
    auto f = read_arch_file(path, diags);
    for (const auto& d : diags) INFO(format_diagnostic(d));
    REQUIRE(f);
    return cache.emplace(id, std::move(*f)).first->second;
}

std::int64_t value(const Constant* c) {
    REQUIRE(c);
    return c->value;
}

}  // namespace

TEST_CASE("shipped data: every table arch, with its provenance", "[shipped]") {
    for (const ArchInfo& a : all_arches()) {
        const ArchFacts& f = shipped(std::string(a.id));
        CHECK(f.provenance.arch_id == a.id);
        CHECK(f.provenance.command == "manaudit extract --arch " + std::string(a.id));
        CHECK(f.provenance.package == "linux-libc-dev-" + std::string(a.debian_arch) + "-cross");
        CHECK(f.provenance.kernel_version.starts_with("6.1."));
        CHECK(f.provenance.stand_in == a.stand_in);
        CHECK(f.provenance.word_bits == a.word_bits);
        CHECK(f.syscalls.size() > 250);
        CHECK(f.errnos.size() > 120);
        CHECK(f.layout("stat"));
        for (const auto& [name, layout] : f.structs) CHECK(layout.approximate == (a.stand_in || a.approximate_layouts));
    }
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
