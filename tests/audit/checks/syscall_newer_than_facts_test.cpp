// Fixture tests for the syscall-newer-than-facts check.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("syscall-newer-than-facts: brandnew.2", "[audit][syscall-newer-than-facts]") {
    auto page = fixture_page("syscall-newer-than-facts", "brandnew.2", "man2");
    auto findings = run_check("syscall-newer-than-facts", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == manaudit::audit::Severity::note);
}

TEST_CASE("syscall-newer-than-facts: a name the page dates before the facts is quiet", "[audit][syscall-newer-than-facts]") {
    auto page = fixture_page("syscall-newer-than-facts", "libcish.2", "man2");
    CHECK(compare_with_expected(page, run_check("syscall-newer-than-facts", page, small_world())) == "");
}

TEST_CASE("syscall-newer-than-facts: a call the facts know is quiet", "[audit][syscall-newer-than-facts]") {
    auto page = fixture_page("syscall-newer-than-facts", "known.2", "man2");
    CHECK(compare_with_expected(page, run_check("syscall-newer-than-facts", page, small_world())) == "");
}
