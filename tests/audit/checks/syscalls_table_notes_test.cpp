// Fixture tests for the syscalls-table-notes check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("syscalls-table-notes: syscalls.2", "[audit][syscalls-table-notes]") {
    auto page = fixture_page("syscalls-table-notes", "syscalls.2", "man2");
    auto findings = run_check("syscalls-table-notes", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscalls-table-notes: syscalls_documented.2", "[audit][syscalls-table-notes]") {
    auto page = fixture_page("syscalls-table-notes", "syscalls_documented.2", "man2");
    auto findings = run_check("syscalls-table-notes", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}


TEST_CASE("syscalls-table-notes: each note form contradicted by the facts", "[audit][syscalls-table-notes]") {
    auto page = fixture_page("syscalls-table-notes", "notes_contradicted.2", "man2");
    auto findings = run_check("syscalls-table-notes", page, small_world());
    CHECK(findings.size() == 5);
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscalls-table-notes: each note form true to the facts", "[audit][syscalls-table-notes]") {
    auto page = fixture_page("syscalls-table-notes", "notes_correct.2", "man2");
    auto findings = run_check("syscalls-table-notes", page, small_world());
    CHECK(findings.empty());
    CHECK(compare_with_expected(page, findings) == "");
}
