// Fixture tests for the constant-missing-on-arch check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("constant-missing-on-arch: mapit.2", "[audit][constant-missing-on-arch]") {
    auto page = fixture_page("constant-missing-on-arch", "mapit.2", "man2");
    auto findings = run_check("constant-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("constant-missing-on-arch: mapit_documented.2", "[audit][constant-missing-on-arch]") {
    auto page = fixture_page("constant-missing-on-arch", "mapit_documented.2", "man2");
    auto findings = run_check("constant-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

