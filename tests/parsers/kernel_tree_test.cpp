// Syscall tables and kernel trees (tests/fixtures/kernel/tree).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "arch-data/arch_table.h"
#include "parsers/kernel/kernel_tree.h"
#include "parsers/kernel/syscall_table.h"

using namespace manaudit;

namespace {

const std::string kTree = std::string(MANAUDIT_FIXTURES) + "/kernel/tree";

kernel::KernelTree fixture_tree() {
    REQUIRE(std::filesystem::is_directory(kTree));
    Diagnostics diags;
    auto tree = kernel::open_kernel_tree(kTree, diags);
    REQUIRE(tree);
    CHECK(diags.empty());
    return *tree;
}

const archdata::ArchInfo& arch(const char* id) {
    const archdata::ArchInfo* a = archdata::find_arch(id);
    REQUIRE(a);
    return *a;
}

}  // namespace

TEST_CASE("table lines: columns, comments, entry points", "[kernel]") {
    Diagnostics diags;
    auto rows = kernel::parse_syscall_table("# head\n\n0\tcommon\tread\tsys_read\n"
                                            "4  i386 write sys_write compat_sys_write # trailing\n"
                                            "42 common nfsservctl\n"
                                            "60\tcommon\texit\tsys_exit\t-\tnoreturn\n",
                                            "t.tbl", diags);
    CHECK(diags.empty());
    REQUIRE(rows.size() == 4);
    CHECK(rows[3].entry == "sys_exit");
    CHECK(rows[3].compat_entry.empty());
    CHECK(rows[0].number == 0);
    CHECK(rows[0].entry == "sys_read");
    CHECK(rows[1].compat_entry == "compat_sys_write");
    CHECK(rows[1].line == 4);
    CHECK(rows[2].entry.empty());
    CHECK(kernel::is_unimplemented_entry(rows[2].entry));
    CHECK(kernel::is_unimplemented_entry("sys_ni_syscall"));
    CHECK_FALSE(kernel::is_unimplemented_entry("sys_read"));
}

TEST_CASE("a malformed table line is reported with its line and the rest is read", "[kernel]") {
    Diagnostics diags;
    auto rows = kernel::parse_syscall_table("0 common read sys_read\nx common bad\n1 common write sys_write\n",
                                            "arch/t.tbl", diags);
    CHECK(rows.size() == 2);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "arch/t.tbl");
    CHECK(diags[0].line == 2);
}

TEST_CASE("a folder that is not a kernel tree is refused", "[kernel]") {
    Diagnostics diags;
    CHECK_FALSE(kernel::open_kernel_tree(std::string(MANAUDIT_FIXTURES) + "/pages", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("not a kernel source tree") != std::string::npos);
}

TEST_CASE("the tree's version comes from its Makefile", "[kernel]") {
    CHECK(fixture_tree().version == "6.12.3");
}

TEST_CASE("an ABI's table: its ABI values and offset", "[kernel]") {
    kernel::KernelTree tree = fixture_tree();
    auto x32 = kernel::abi_table(tree, arch("x32"));
    REQUIRE(x32);
    CHECK(x32->abis == std::set<std::string>{"common", "x32"});
    Diagnostics diags;
    auto calls = kernel::read_abi_syscalls(*x32, diags);
    REQUIRE(diags.size() == 1);  // the fixture's one malformed line
    CHECK(diags[0].line == 11);
    bool saw_rt_sigaction = false;
    for (const auto& c : calls) {
        CHECK(c.number >= 0x40000000);
        if (c.name == "rt_sigaction") {
            saw_rt_sigaction = true;
            CHECK(c.number == 0x40000000 + 512);
            CHECK(c.entry == "compat_sys_rt_sigaction");
        }
    }
    CHECK(saw_rt_sigaction);
}

TEST_CASE("asm-generic ABIs take their table and ABIs from Makefile.syscalls", "[kernel]") {
    kernel::KernelTree tree = fixture_tree();
    auto rv64 = kernel::abi_table(tree, arch("riscv64"));
    REQUIRE(rv64);
    CHECK(rv64->path.ends_with("scripts/syscall.tbl"));
    CHECK(rv64->abis == std::set<std::string>{"common", "64", "riscv", "rlimit", "memfd_secret"});
    Diagnostics diags;
    std::map<std::string, kernel::AbiSyscall> by_name;
    for (auto& c : kernel::read_abi_syscalls(*rv64, diags)) by_name[c.name] = c;
    CHECK(by_name.count("newfstatat"));
    CHECK_FALSE(by_name.count("fstatat64"));  // the stat64 ABI is not riscv64's
    CHECK(by_name.count("getrlimit"));
    CHECK(by_name.count("riscv_flush_icache"));
    // riscv32 does not take rlimit.
    auto rv32 = kernel::abi_table(tree, arch("riscv32"));
    REQUIRE(rv32);
    CHECK_FALSE(rv32->abis.count("rlimit"));
}

TEST_CASE("no table before Linux 6.11 for asm-generic ABIs, none for arches the tree lacks", "[kernel]") {
    kernel::KernelTree tree = fixture_tree();
    CHECK(kernel::tree_has_arch(tree, arch("arm64")));
    CHECK_FALSE(kernel::abi_table(tree, arch("arm64")));
    CHECK_FALSE(kernel::tree_has_arch(tree, arch("s390x")));
    CHECK_FALSE(kernel::abi_table(tree, arch("s390x")));
}
