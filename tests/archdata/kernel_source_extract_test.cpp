// Extraction with a kernel source tree (tests/fixtures/kernel): implemented
// calls, reserved slots, multiplexed calls, and values that need more than
// an integer constant expression.
#include <catch2/catch.hpp>

#include <filesystem>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"
#include "parsers/headers/header_extractor.h"
#include "parsers/kernel/kernel_tree.h"

using namespace manaudit;

namespace {

const std::string kKernel = std::string(MANAUDIT_FIXTURES) + "/kernel";

archdata::ArchFacts extract_with_source(const char* arch_id) {
    const archdata::ArchInfo* arch = archdata::find_arch(arch_id);
    REQUIRE(arch);
    Diagnostics diags;
    auto tree = kernel::open_kernel_tree(kKernel + "/tree", diags);
    REQUIRE(tree);
    headers::Source source{kKernel + "/headers/" + std::string(arch->kernel_arch) + "/include", &*tree};
    REQUIRE(std::filesystem::is_directory(source.sysroot));
    headers::ExtractResult r = headers::extract_arch(*arch, source);
    for (const auto& d : r.diags) INFO(format_diagnostic(d));
    REQUIRE(r.facts.has_value());
    CHECK(r.facts->provenance.kernel_source == "Linux 6.12.3");
    return *r.facts;
}

}  // namespace

TEST_CASE("a number whose table entry is sys_ni_syscall or empty is not implemented", "[extract][kernel]") {
    archdata::ArchFacts f = extract_with_source("x86_64");
    REQUIRE(f.syscall("open"));
    CHECK(f.syscall("open")->implemented);
    CHECK(f.syscall("open")->entry == "sys_open");
    REQUIRE(f.syscall("modify_ldt"));
    CHECK_FALSE(f.syscall("modify_ldt")->implemented);
    CHECK_FALSE(f.implemented_syscall("modify_ldt"));
    CHECK_FALSE(f.syscall("afs_syscall")->implemented);
    // A number the table does not list at all has no entry point either.
    CHECK_FALSE(f.syscall("tuxcall")->implemented);
}

TEST_CASE("x32 takes its table's common and x32 rows, offset by the x32 bit", "[extract][kernel]") {
    archdata::ArchFacts f = extract_with_source("x32");
    REQUIRE(f.syscall("rt_sigaction"));
    CHECK(f.syscall("rt_sigaction")->number == 0x40000000 + 512);
    CHECK(f.syscall("rt_sigaction")->entry == "compat_sys_rt_sigaction");
    CHECK(f.syscall("read")->entry == "sys_read");
}

TEST_CASE("calls reached through socketcall and ipc where the ABI implements them", "[extract][kernel]") {
    archdata::ArchFacts i386 = extract_with_source("i386");
    CHECK_FALSE(i386.syscall("accept"));
    const archdata::MultiplexedCall* accept = i386.multiplexed_call("accept");
    REQUIRE(accept);
    CHECK(accept->via == "socketcall");
    CHECK(accept->call == 5);
    CHECK(accept->header == "linux/net.h");
    REQUIRE(i386.multiplexed_call("semtimedop"));
    CHECK(i386.multiplexed_call("semtimedop")->via == "ipc");
    CHECK(i386.multiplexed_call("shmat")->call == 21);
    CHECK_FALSE(i386.multiplexed_call("dipc"));
    CHECK(i386.syscall("write")->compat_entry == "compat_sys_write");

    // x86-64 has neither multiplexer.
    archdata::ArchFacts x86_64 = extract_with_source("x86_64");
    CHECK(x86_64.multiplexed.empty());
}

TEST_CASE("asm-generic ABIs: the shared table, or the headers' __SYSCALL lines before 6.11", "[extract][kernel]") {
    archdata::ArchFacts rv = extract_with_source("riscv64");
    CHECK_FALSE(rv.syscall("nfsservctl")->implemented);
    CHECK(rv.syscall("riscv_flush_icache")->implemented);
    CHECK(rv.syscall("getrlimit")->entry == "sys_getrlimit");

    archdata::ArchFacts arm64 = extract_with_source("arm64");
    CHECK(arm64.syscall("read")->entry == "sys_read");
    CHECK(arm64.syscall("read")->implemented);
    CHECK_FALSE(arm64.syscall("nfsservctl")->implemented);
    // Numbered, but __ARCH_WANT_SYS_CLONE3 is not defined: no entry.
    CHECK_FALSE(arm64.syscall("clone3")->implemented);
}

TEST_CASE("errno names with digits, pointer-cast handlers, time_t-dependent values", "[extract]") {
    archdata::ArchFacts x86_64 = extract_with_source("x86_64");
    REQUIRE(x86_64.errno_value("E2BIG"));
    CHECK(x86_64.errno_value("E2BIG")->value == 7);
    REQUIRE(x86_64.constant("SIG_DFL"));
    CHECK(x86_64.constant("SIG_DFL")->value == 0);
    CHECK(x86_64.constant("SIG_IGN")->value == 1);
    CHECK(x86_64.constant("SIG_ERR")->value == -1);
    REQUIRE(x86_64.constant("SO_RCVTIMEO"));
    CHECK(x86_64.constant("SO_RCVTIMEO")->value == 20);
    CHECK_FALSE(x86_64.constant("SO_RCVTIMEO")->value_time64);

    archdata::ArchFacts i386 = extract_with_source("i386");
    const archdata::Constant* rcvtimeo = i386.constant("SO_RCVTIMEO");
    REQUIRE(rcvtimeo);
    CHECK(rcvtimeo->value == 20);
    REQUIRE(rcvtimeo->value_time64);
    CHECK(*rcvtimeo->value_time64 == 66);
    CHECK(rcvtimeo->has_value(66));
}

TEST_CASE("an arch with a table of its own never falls back to the asm-generic list", "[extract][kernel]") {
    // The fixture tree has no arch/s390: its table is missing, which is said.
    const archdata::ArchInfo* s390x = archdata::find_arch("s390x");
    REQUIRE(s390x);
    Diagnostics diags;
    auto tree = kernel::open_kernel_tree(kKernel + "/tree", diags);
    REQUIRE(tree);
    headers::ExtractResult r = headers::extract_arch(*s390x, headers::Source{kKernel + "/headers/x86/include", &*tree});
    bool said = false;
    for (const auto& d : r.diags) said = said || d.message.find("syscall table not found") != std::string::npos;
    CHECK(said);
    REQUIRE(r.facts);
    for (const auto& [name, s] : r.facts->syscalls) CHECK(s.entry.empty());
}

TEST_CASE("entry-point signatures: the arch's own definition, else syscalls.h under its configuration",
          "[extract][kernel][signatures]") {
    archdata::ArchFacts i386 = extract_with_source("i386");
    // Declared although the arch selects the syscall wrapper.
    const archdata::EntrySignature* read = i386.entry_signature("sys_read");
    REQUIRE(read);
    CHECK(archdata::kernel_params_text(read->params) == "unsigned int fd, char *buf, size_t count");
    CHECK(read->source == "include/linux/syscalls.h");
    // The native definition, not the compat one.
    const archdata::EntrySignature* trunc = i386.entry_signature("sys_ia32_truncate64");
    REQUIRE(trunc);
    CHECK(archdata::kernel_params_text(trunc->params) ==
          "const char *filename, unsigned long offset_low, unsigned long offset_high");
    CHECK(trunc->source == "arch/x86/kernel/sys_ia32.c");
    const archdata::EntrySignature* generic_trunc = i386.generic_signature("truncate64");
    REQUIRE(generic_trunc);
    CHECK(archdata::kernel_params_text(generic_trunc->params) == "const char *path, loff_t length");
    // i386 selects CLONE_BACKWARDS: its sys_clone is not the generic one.
    REQUIRE(i386.entry_signature("sys_clone"));
    CHECK(archdata::kernel_params_text(i386.entry_signature("sys_clone")->params) ==
          "unsigned long, unsigned long, int *, unsigned long, int *");
    REQUIRE(i386.generic_signature("clone"));
    CHECK(archdata::kernel_params_text(i386.generic_signature("clone")->params) ==
          "unsigned long, unsigned long, int *, int *, unsigned long");
    CHECK_FALSE(i386.generic_signature("read"));

    archdata::ArchFacts x86_64 = extract_with_source("x86_64");
    REQUIRE(x86_64.entry_signature("sys_clone"));
    CHECK_FALSE(x86_64.generic_signature("clone"));
    CHECK_FALSE(x86_64.entry_signature("sys_ia32_truncate64"));
    // A reserved slot has no entry point to describe.
    CHECK_FALSE(x86_64.entry_signature("sys_ni_syscall"));

    // Written and read back unchanged.
    Diagnostics diags;
    auto back = archdata::parse_arch_xml(archdata::to_xml(i386), "i386.xml", diags);
    REQUIRE(back);
    CHECK(archdata::to_xml(*back) == archdata::to_xml(i386));
    CHECK(back->entry_signatures.size() == i386.entry_signatures.size());
    CHECK(back->generic_signatures.size() == i386.generic_signatures.size());
}
