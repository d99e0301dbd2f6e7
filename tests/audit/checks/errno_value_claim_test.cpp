// Fixture tests for the errno-value-claim check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("errno-value-claim: frob.2", "[audit][errno-value-claim]") {
    auto page = fixture_page("errno-value-claim", "frob.2", "man2");
    auto findings = run_check("errno-value-claim", page, world_with_alpha());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("errno-value-claim: frob_documented.2", "[audit][errno-value-claim]") {
    auto page = fixture_page("errno-value-claim", "frob_documented.2", "man2");
    auto findings = run_check("errno-value-claim", page, world_with_alpha());
    CHECK(compare_with_expected(page, findings) == "");
}

