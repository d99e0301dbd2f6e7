// Fixture tests for wrapper-claim: a syscall(SYS_x) SYNOPSIS where the fixture
// C library declares x, and a prototype it declares nowhere, said or not.
#include <catch2/catch.hpp>

#include "libc_world.h"

using namespace manaudit::audit::testing;

TEST_CASE("wrapper-claim: widget_owner.2", "[audit][wrapper-claim]") {
    auto page = fixture_page("wrapper-claim", "widget_owner.2");
    // The C library is probed through every page's headers: widget.h comes
    // from another page, as in a release.
    auto findings = run_libc_check("wrapper-claim", page, {page, fixture_page("prototype-mismatch", "widget.2")});
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("wrapper-claim: widget_reset.2", "[audit][wrapper-claim]") {
    auto page = fixture_page("wrapper-claim", "widget_reset.2");
    auto findings = run_libc_check("wrapper-claim", page, {page});
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("wrapper-claim: widget_reset_documented.2", "[audit][wrapper-claim]") {
    auto page = fixture_page("wrapper-claim", "widget_reset_documented.2");
    auto findings = run_libc_check("wrapper-claim", page, {page});
    CHECK(compare_with_expected(page, findings) == "");
}
