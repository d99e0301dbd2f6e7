// Fixture tests for the constant-value-differs check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("constant-value-differs: frob.2", "[audit][constant-value-differs]") {
    auto page = fixture_page("constant-value-differs", "frob.2", "man2");
    auto findings = run_check("constant-value-differs", page, world_with_alpha());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("constant-value-differs: frob_documented.2", "[audit][constant-value-differs]") {
    auto page = fixture_page("constant-value-differs", "frob_documented.2", "man2");
    auto findings = run_check("constant-value-differs", page, world_with_alpha());
    CHECK(compare_with_expected(page, findings) == "");
}

