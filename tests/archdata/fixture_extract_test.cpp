// The extractor on the hand-written header tree in tests/fixtures/headers.
#include <catch2/catch.hpp>

#include "arch-data/arch_table.h"
#include "parsers/headers/header_extractor.h"

using namespace manaudit;

namespace {

const std::string kSysroot = std::string(MANAUDIT_FIXTURES) + "/headers/include";

archdata::ArchFacts extract_fixture(const char* arch_id) {
    const archdata::ArchInfo* arch = archdata::find_arch(arch_id);
    REQUIRE(arch);
    headers::ExtractResult r = headers::extract_arch(*arch, kSysroot);
    for (const auto& d : r.diags) INFO(format_diagnostic(d));
    REQUIRE(r.facts.has_value());
    return *r.facts;
}

}  // namespace

TEST_CASE("syscalls follow __ARCH_WANT_* and __BITS_PER_LONG as the target sees them", "[extract]") {
    archdata::ArchFacts f64 = extract_fixture("x86_64");
    REQUIRE(f64.syscall("read"));
    CHECK(f64.syscall("read")->number == 63);
    CHECK(f64.syscall("read")->header == "asm-generic/unistd.h");
    CHECK(f64.syscall("renameat"));  // __ARCH_WANT_RENAMEAT is defined
    CHECK(f64.syscall("renameat")->number == 38);
    CHECK_FALSE(f64.syscall("fork"));  // __ARCH_WANT_SYS_FORK is not
    REQUIRE(f64.syscall("fstat"));
    CHECK(f64.syscall("fstat")->number == 80);
    CHECK_FALSE(f64.syscall("fstat64"));
    CHECK(f64.syscall("cacheflush")->number == 259);
    // Aliases sharing a number are kept.
    CHECK(f64.syscall("pread")->number == 63);

    archdata::ArchFacts f32 = extract_fixture("i386");
    CHECK_FALSE(f32.syscall("fstat"));
    REQUIRE(f32.syscall("fstat64"));
    CHECK(f32.syscall("fstat64")->number == 80);
}

TEST_CASE("syscall pseudo names are left out", "[extract]") {
    archdata::ArchFacts f = extract_fixture("x86_64");
    CHECK_FALSE(f.syscall("syscalls"));
    CHECK_FALSE(f.syscall("arch_specific_syscall"));
    CHECK_FALSE(f.syscall("unused109"));
    CHECK_FALSE(f.syscall("NR3264_fstat"));
    CHECK(f.syscalls.size() == 6);  // read write renameat fstat cacheflush pread
}

TEST_CASE("errnos take their final value after #undef and redefinition", "[extract]") {
    archdata::ArchFacts f = extract_fixture("x86_64");
    REQUIRE(f.errno_value("EAGAIN"));
    CHECK(f.errno_value("EAGAIN")->value == 35);
    CHECK(f.errno_value("EAGAIN")->header == "asm/errno.h");
    CHECK(f.errno_value("EDEADLK")->value == 11);
    CHECK(f.errno_value("EPERM")->value == 1);
    CHECK(f.errno_value("EPERM")->header == "asm-generic/errno-base.h");
    CHECK(f.errno_value("EWOULDBLOCK")->value == 35);
    CHECK(f.errnos.size() == 4);
}

TEST_CASE("constants are evaluated by the compiler, with their signedness", "[extract]") {
    archdata::ArchFacts f = extract_fixture("x86_64");
    REQUIRE(f.constant("O_DIRECT"));
    CHECK(f.constant("O_DIRECT")->value == 040000);
    CHECK_FALSE(f.constant("O_DIRECT")->is_unsigned);
    CHECK(f.constant("O_DIRECT")->header == "asm/fcntl.h");
    CHECK(f.constant("AT_FDCWD")->value == -100);
    CHECK(f.constant("TCGETS")->value == 0x5401);
    // _IOR('T', 0x2A, struct termios2): 2U << 30 | sizeof 24 << 16 | 'T' << 8 | 0x2A
    REQUIRE(f.constant("TCGETS2"));
    CHECK(f.constant("TCGETS2")->value == 0x8018542A);
    CHECK(f.constant("TCGETS2")->is_unsigned);
    CHECK(f.constant("TCGETS2")->text() == "0x8018542a");
    CHECK(f.constant("EPOLLET")->value == 0x80000000);
    CHECK(f.constant("EPOLLET")->is_unsigned);
    // Strings, pointers, function-like macros and other families are not recorded.
    CHECK_FALSE(f.constant("O_NAME_STRING"));
    // A pointer cast is read as the integer it holds, as SIG_DFL's must be.
    REQUIRE(f.constant("O_POINTER"));
    CHECK(f.constant("O_POINTER")->value == 0);
    CHECK_FALSE(f.constant("O_FUNCTION_LIKE"));
    CHECK_FALSE(f.constant("NOT_A_FAMILY"));
    CHECK_FALSE(f.constant("EPOLL_PACKED"));
}

TEST_CASE("struct layouts: packing, target alignment, anonymous members", "[extract]") {
    archdata::ArchFacts x86 = extract_fixture("x86_64");
    const archdata::StructLayout* ev = x86.layout("epoll_event");
    REQUIRE(ev);
    CHECK(ev->size == 12);
    CHECK(ev->align == 1);
    CHECK(ev->packed);
    CHECK_FALSE(ev->approximate);
    REQUIRE(ev->fields.size() == 2);
    CHECK(ev->fields[1].name == "data");
    CHECK(ev->fields[1].offset == 4);

    archdata::ArchFacts arm64 = extract_fixture("arm64");
    ev = arm64.layout("epoll_event");
    REQUIRE(ev);
    CHECK(ev->size == 16);
    CHECK_FALSE(ev->packed);
    CHECK(ev->fields[1].offset == 8);

    archdata::ArchFacts i386 = extract_fixture("i386");
    CHECK(i386.layout("epoll_event")->size == 12);  // long long is 4-aligned in i386 structs
    CHECK_FALSE(i386.layout("epoll_event")->packed);

    const archdata::StructLayout* st = x86.layout("stat");
    REQUIRE(st);
    CHECK(st->size == 32);
    REQUIRE(st->fields.size() == 5);
    CHECK(st->fields[2].name == "st_size");
    CHECK(st->fields[2].offset == 16);
    CHECK(st->fields[3].name == "st_flags");  // from the anonymous union
    CHECK(st->fields[3].offset == 24);
    CHECK(st->fields[4].offset == 24);
    CHECK(i386.layout("stat")->size == 20);
    CHECK(i386.layout("stat")->fields[2].offset == 8);
}

TEST_CASE("a stand-in target marks layouts approximate and says so in the provenance", "[extract]") {
    archdata::ArchFacts f = extract_fixture("alpha");
    CHECK(f.provenance.stand_in);
    CHECK(f.provenance.approximate_layouts);
    CHECK(f.provenance.clang_target == "x86_64-linux-gnu");
    CHECK(f.provenance.command == "manaudit extract --arch alpha --sysroot " + kSysroot);
    REQUIRE(f.layout("stat"));
    CHECK(f.layout("stat")->approximate);
    // The stand-in undefines __x86_64__, so the fixture's x86-only packing is off.
    CHECK_FALSE(f.layout("epoll_event")->packed);
    CHECK(f.provenance.package == "unknown");
    CHECK(f.provenance.kernel_version == "unknown");
}

TEST_CASE("a missing sysroot is an error naming it", "[extract]") {
    const archdata::ArchInfo* arch = archdata::find_arch("arm64");
    headers::ExtractResult r = headers::extract_arch(*arch, "/nonexistent/include");
    CHECK_FALSE(r.facts);
    REQUIRE_FALSE(r.diags.empty());
    CHECK(r.diags[0].file == "/nonexistent/include");
    CHECK(r.diags[0].level == Severity::error);
}

TEST_CASE("headers that do not compile fail with the header and line", "[extract]") {
    const archdata::ArchInfo* arch = archdata::find_arch("x86_64");
    headers::ExtractResult r = headers::extract_arch(*arch, std::string(MANAUDIT_FIXTURES) + "/headers/broken");
    CHECK_FALSE(r.facts);
    REQUIRE(r.diags.size() >= 2);
    CHECK(r.diags[0].file.ends_with("asm/unistd.h"));
    CHECK(r.diags[0].line == 3);
}

TEST_CASE("extracting several arches: table order kept, one failure does not stop the others", "[extract]") {
    const archdata::ArchInfo missing{"bogus", "bogus", "no-such-triple", "x86_64-linux-gnu", false, 64, false,
                                     "", "Bogus"};
    std::vector<const archdata::ArchInfo*> arches = {&missing, archdata::find_arch("x86_64"), &missing};
    auto results = headers::extract_arches(arches, 2);
    REQUIRE(results.size() == 3);
    CHECK(results[0].arch_id == "bogus");
    CHECK_FALSE(results[0].facts);
    REQUIRE_FALSE(results[0].diags.empty());
    CHECK(results[0].diags[0].file == "/usr/no-such-triple/include");
    CHECK(results[1].arch_id == "x86_64");
    INFO("needs linux-libc-dev-amd64-cross");
    REQUIRE(results[1].facts);
    CHECK(results[1].facts->syscall("read"));
    CHECK_FALSE(results[2].facts);
}
