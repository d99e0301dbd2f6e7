// Fixture tests for the struct-layout-differs check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("struct-layout-differs: frob_event.3type", "[audit][struct-layout-differs]") {
    auto page = fixture_page("struct-layout-differs", "frob_event.3type", "man3");
    auto findings = run_check("struct-layout-differs", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("struct-layout-differs: frob_event_documented.3type", "[audit][struct-layout-differs]") {
    auto page = fixture_page("struct-layout-differs", "frob_event_documented.3type", "man3");
    auto findings = run_check("struct-layout-differs", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

