// constant-missing-on-arch with the C library's view: a constant glibc
// defines on an ABI is defined there, whatever the kernel headers say.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit;
using namespace manaudit::audit::testing;

namespace {

archdata::LibcFacts libc_defining(const std::string& arch, const std::string& name, std::int64_t value) {
    archdata::LibcFacts libc;
    libc.provenance.arch_id = arch;
    libc.provenance.libc_version = "2.36";
    libc.constants[name] = {name, value, false, "bits/mman-linux.h"};
    return libc;
}

std::vector<audit::Finding> run_with_libc(const manpages::Page& page, const std::vector<archdata::LibcFacts>& libc) {
    const auto facts = small_world();
    std::vector<audit::Finding> findings;
    for (const auto& check : audit::make_all_checks())
        if (check->info().id == "constant-missing-on-arch") check->run(page, audit::AuditContext{facts, libc}, findings);
    return findings;
}

}  // namespace

TEST_CASE("constant-missing-on-arch: the C library's definition counts", "[audit][constant-missing-on-arch]") {
    auto page = fixture_page("constant-missing-on-arch", "mapit.2");
    auto without = run_with_libc(page, {});
    REQUIRE(without.size() == 1);
    CHECK(without[0].message == "MAP_FROB is not defined on arm64, riscv64");

    auto with = run_with_libc(page, {libc_defining("arm64", "MAP_FROB", 0x40)});
    REQUIRE(with.size() == 1);
    CHECK(with[0].message == "MAP_FROB is not defined on riscv64");
    REQUIRE(with[0].evidence.size() == 4);
    CHECK(with[0].evidence[2].present);
    CHECK(with[0].evidence[2].header == "bits/mman-linux.h");

    CHECK(run_with_libc(page, {libc_defining("arm64", "MAP_FROB", 0x40), libc_defining("riscv64", "MAP_FROB", 0x40)})
              .empty());
}

TEST_CASE("constant-missing-on-arch: a constant only the C library defines is not the check's",
          "[audit][constant-missing-on-arch]") {
    // MAP_LIBCONLY is in no kernel facts: ABIs without C-library facts are not "missing" it.
    manaudit::Diagnostics diags;
    auto page = manpages::build_page("man2/libconly.2",
                                     ".TH libconly 2 2024-01-01\n.SH NAME\nlibconly \\- x\n.SH DESCRIPTION\n.TP\n"
                                     ".B MAP_LIBCONLY\nA flag.\n",
                                     diags);
    CHECK(run_with_libc(page, {libc_defining("x86_64", "MAP_LIBCONLY", 1)}).empty());
}
