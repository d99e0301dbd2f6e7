// Fixture tests for header-missing-on-arch: a header only x86_64's fixture
// C library has, reported for i386 unless the page says where it exists.
#include <catch2/catch.hpp>

#include "libc_world.h"

using namespace manaudit::audit::testing;

TEST_CASE("header-missing-on-arch: widget_port.2", "[audit][header-missing-on-arch]") {
    auto page = fixture_page("header-missing-on-arch", "widget_port.2");
    auto findings = run_libc_check("header-missing-on-arch", page, {page});
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("header-missing-on-arch: widget_port_documented.2", "[audit][header-missing-on-arch]") {
    auto page = fixture_page("header-missing-on-arch", "widget_port_documented.2");
    auto findings = run_libc_check("header-missing-on-arch", page, {page});
    CHECK(compare_with_expected(page, findings) == "");
}
