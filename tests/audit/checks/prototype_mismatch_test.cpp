// Fixture tests for prototype-mismatch: facts extracted from the fixture C
// library; a matching prototype, a variadic function documented as two
// prototypes, a wrong parameter type, a missing parameter, a wrong return
// type, and a typedef that differs by ABI.
#include <catch2/catch.hpp>

#include "libc_world.h"

using namespace manaudit::audit::testing;

TEST_CASE("prototype-mismatch: widget.2", "[audit][prototype-mismatch]") {
    auto page = fixture_page("prototype-mismatch", "widget.2");
    REQUIRE(page.prototypes.size() == 9);
    auto findings = run_libc_check("prototype-mismatch", page, {page});
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("prototype-mismatch: a typedef that differs by ABI is judged per ABI", "[audit][prototype-mismatch]") {
    auto page = fixture_page("prototype-mismatch", "widget.2");
    auto libc = libc_world({page});
    REQUIRE(libc.size() == 2);
    CHECK(*libc[0].typedef_canonical("size_t") == "unsigned long");
    CHECK(*libc[1].typedef_canonical("size_t") == "unsigned int");
    auto findings = run_libc_check("prototype-mismatch", page, {page});
    for (const auto& f : findings)
        if (f.subject == "widget_write") {
            CHECK(f.message.find("x86_64") == std::string::npos);
            REQUIRE(f.evidence.size() == 2);
            CHECK(f.evidence[1].value == "ssize_t (int, const void *, size_t)");
        }
}

TEST_CASE("prototype-mismatch: quiet without C-library facts", "[audit][prototype-mismatch]") {
    auto page = fixture_page("prototype-mismatch", "widget.2");
    CHECK(run_check("prototype-mismatch", page, libc_world_arches()).empty());
}
