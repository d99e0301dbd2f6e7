// Fixture tests for the errno-missing-on-arch check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("errno-missing-on-arch: frob.2", "[audit][errno-missing-on-arch]") {
    auto page = fixture_page("errno-missing-on-arch", "frob.2", "man2");
    auto findings = run_check("errno-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("errno-missing-on-arch: frob_documented.2", "[audit][errno-missing-on-arch]") {
    auto page = fixture_page("errno-missing-on-arch", "frob_documented.2", "man2");
    auto findings = run_check("errno-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

