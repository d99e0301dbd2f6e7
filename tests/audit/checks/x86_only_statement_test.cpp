// Fixture tests for the x86-only-statement check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("x86-only-statement: olddir.2", "[audit][x86-only-statement]") {
    auto page = fixture_page("x86-only-statement", "olddir.2", "man2");
    auto findings = run_check("x86-only-statement", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("x86-only-statement: olddir_documented.2", "[audit][x86-only-statement]") {
    auto page = fixture_page("x86-only-statement", "olddir_documented.2", "man2");
    auto findings = run_check("x86-only-statement", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("x86-only-statement: newcall.2", "[audit][x86-only-statement]") {
    auto page = fixture_page("x86-only-statement", "newcall.2", "man2");
    auto findings = run_check("x86-only-statement", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

