// Fixture tests for the syscall-missing-on-arch check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("syscall-missing-on-arch: frob.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: frob_documented.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob_documented.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: frob_generic.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob_generic.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: wrapped.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "wrapped.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: fadvise.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "fadvise.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

