// Facts extracted from the installed cross headers (linux-libc-dev-*-cross).
#include <catch2/catch.hpp>

#include <map>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"
#include "parsers/headers/header_extractor.h"

using namespace manaudit;

namespace {

// One extraction per arch for the whole test run.
const archdata::ArchFacts& real(const std::string& id) {
    static std::map<std::string, archdata::ArchFacts> cache;
    if (auto it = cache.find(id); it != cache.end()) return it->second;
    const archdata::ArchInfo* arch = archdata::find_arch(id);
    REQUIRE(arch);
    headers::ExtractResult r = headers::extract_arch(*arch);
    for (const auto& d : r.diags) INFO(format_diagnostic(d));
    INFO("needs the package linux-libc-dev-" << arch->debian_arch << "-cross");
    REQUIRE(r.facts);
    return cache.emplace(id, std::move(*r.facts)).first->second;
}

std::int64_t value(const archdata::Constant* c) {
    REQUIRE(c);
    return c->value;
}

}  // namespace

TEST_CASE("real headers: EAGAIN and EDEADLK per arch", "[headers]") {
    CHECK(value(real("alpha").errno_value("EAGAIN")) == 35);
    CHECK(value(real("x86_64").errno_value("EAGAIN")) == 11);
    CHECK(value(real("mips-o32").errno_value("EDEADLK")) == 45);
    CHECK(value(real("parisc").errno_value("EDEADLK")) == 45);
    CHECK(value(real("sparc64").errno_value("EDEADLK")) == 78);
    CHECK(value(real("x86_64").errno_value("EDEADLK")) == 35);
}

TEST_CASE("real headers: O_DIRECT and TCGETS per arch", "[headers]") {
    CHECK(value(real("x86_64").constant("O_DIRECT")) == 040000);
    CHECK(value(real("arm64").constant("O_DIRECT")) == 0200000);
    CHECK(value(real("x86_64").constant("TCGETS")) == 0x5401);
    CHECK(value(real("powerpc").constant("TCGETS")) == 0x402c7413);  // _IOR('t', 19, char[44])
    CHECK(value(real("mips-o32").constant("TCGETS")) == 0x540d);
    CHECK(value(real("sparc64").constant("TCGETS")) == 0x40245408);  // _IOR('T', 8, struct termios)
    CHECK(value(real("alpha").constant("TCGETS")) == 0x402c7413);
}

TEST_CASE("real headers: struct epoll_event", "[headers]") {
    const archdata::StructLayout* x = real("x86_64").layout("epoll_event");
    const archdata::StructLayout* a = real("arm64").layout("epoll_event");
    REQUIRE(x);
    REQUIRE(a);
    CHECK(x->size == 12);
    CHECK(x->packed);
    CHECK(a->size == 16);
    CHECK_FALSE(a->packed);
}

TEST_CASE("real headers: syscalls per ABI", "[headers]") {
    for (const char* id : {"arm64", "riscv64"})
        for (const char* name : {"open", "fork", "stat"}) {
            INFO(id << " " << name);
            CHECK_FALSE(real(id).syscall(name));
        }
    REQUIRE(real("arm64").syscall("openat"));
    CHECK(real("arm64").syscall("openat")->number == 56);
    REQUIRE(real("x32").syscall("read"));
    CHECK(real("x32").syscall("read")->number == 0x40000000);
    CHECK(real("x32").syscall("read")->header == "asm/unistd_x32.h");
    CHECK(real("x86_64").syscall("read")->number == 0);
    CHECK(real("mips-o32").syscall("read")->number == 4003);
    CHECK(real("mips64-n64").syscall("read")->number == 5000);
    CHECK(real("arm").syscall("cacheflush")->arch_private);
    CHECK(real("arm").syscall("cacheflush")->number == 0x0f0002);
    CHECK_FALSE(real("arm").syscall("syscalls"));
}

TEST_CASE("real headers: Debian 12's cross headers number every call as the shipped Linux 6.1 data", "[headers]") {
    // sh is left out: 6.1's stable series gave it sync_file_range2 after
    // 6.1.4, the version of Debian 12's cross headers.
    for (const char* id : {"x86_64", "i386", "x32", "arm64", "arm", "powerpc", "s390x", "mips-o32", "alpha", "m68k"}) {
        INFO(id);
        Diagnostics diags;
        auto data = archdata::read_arch_file(std::string(MANAUDIT_SOURCE_DIR) + "/arch-data/linux-6.1/" + id + ".xml",
                                             diags);
        REQUIRE(data);
        const archdata::ArchFacts& headers = real(id);
        CHECK(headers.syscalls.size() == data->syscalls.size());
        for (const auto& [name, s] : headers.syscalls) {
            INFO(name);
            REQUIRE(data->syscall(name));
            CHECK(data->syscall(name)->number == s.number);
        }
    }
}
