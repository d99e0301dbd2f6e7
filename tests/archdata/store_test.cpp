// Finding the shipped arch data and resolving archdiff operands.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "arch-data/store.h"

using namespace manaudit;
using namespace manaudit::archdata;

TEST_CASE("the shipped data is found from the build tree, and MANAUDIT_ARCH_DATA overrides it", "[store]") {
    ::unsetenv("MANAUDIT_ARCH_DATA");
    std::string dir = default_arch_data_dir();
    REQUIRE_FALSE(dir.empty());
    CHECK(std::filesystem::exists(std::filesystem::path(dir) / "x86_64.xml"));
    ::setenv("MANAUDIT_ARCH_DATA", "/some/where", 1);
    CHECK(default_arch_data_dir() == "/some/where");
    ::unsetenv("MANAUDIT_ARCH_DATA");
}

TEST_CASE("arch operands: ids, files, unknown ids", "[store]") {
    Diagnostics diags;
    auto x = load_arch_operand("x86_64", "", diags);
    REQUIRE(x);
    CHECK(x->provenance.arch_id == "x86_64");
    auto file = load_arch_operand(default_arch_data_dir() + "/arm64.xml", "", diags);
    REQUIRE(file);
    CHECK(file->provenance.arch_id == "arm64");
    CHECK(diags.empty());
    CHECK_FALSE(load_arch_operand("vax", "", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "vax");
    CHECK(diags[0].message.find("unknown arch id") != std::string::npos);
}

TEST_CASE("load_arch_data reads every table arch in table order", "[store]") {
    Diagnostics diags;
    auto all = load_arch_data(default_arch_data_dir(), {}, diags);
    CHECK(diags.empty());
    REQUIRE(all.size() == 29);  // Linux 6.12: every ABI of the table but ia64
    CHECK(all.front().provenance.arch_id == "x86_64");
    CHECK(all.back().provenance.arch_id == "parisc64");
    auto some = load_arch_data(default_arch_data_dir(), {"alpha", "nosuch"}, diags);
    CHECK(some.size() == 1);
    CHECK(diags.size() == 1);
}
