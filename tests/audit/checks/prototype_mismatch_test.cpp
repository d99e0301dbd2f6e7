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

TEST_CASE("prototype-mismatch: evidence tells an ABI without C-library data from one without the function",
          "[audit][prototype-mismatch]") {
    auto page = fixture_page("prototype-mismatch", "widget.2");
    auto libc = libc_world({page});
    libc.pop_back();  // i386 now has no C library data
    auto facts = libc_world_arches();
    std::vector<manaudit::audit::Finding> findings;
    for (const auto& check : manaudit::audit::make_all_checks())
        if (check->info().id == "prototype-mismatch") check->run(page, {facts, libc}, findings);
    REQUIRE_FALSE(findings.empty());
    for (const auto& f : findings) {
        CHECK(f.message.find("i386") == std::string::npos);
        REQUIRE(f.evidence.size() == 2);
        CHECK(f.evidence[0].present);
        CHECK_FALSE(f.evidence[1].present);
        CHECK(f.evidence[1].value == "no C library data");
    }
}

TEST_CASE("prototype-mismatch: quiet without C-library facts", "[audit][prototype-mismatch]") {
    auto page = fixture_page("prototype-mismatch", "widget.2");
    CHECK(run_check("prototype-mismatch", page, libc_world_arches()).empty());
}

TEST_CASE("prototype-mismatch: a SYNOPSIS defining _FILE_OFFSET_BITS 64 reads off_t as 64-bit",
          "[audit][prototype-mismatch]") {
    auto wide = fixture_page("prototype-mismatch", "widget_copy.2");
    auto plain = fixture_page("prototype-mismatch", "widget_copy_32.2");
    CHECK(compare_with_expected(wide, run_libc_check("prototype-mismatch", wide, {wide})) == "");
    CHECK(compare_with_expected(plain, run_libc_check("prototype-mismatch", plain, {plain})) == "");
}

TEST_CASE("prototype-mismatch: a usage form with a request name is not a declaration",
          "[audit][prototype-mismatch]") {
    manaudit::Diagnostics diags;
    auto page = manaudit::manpages::build_page(
        "man2/widget_req.2",
        ".TH widget_req 2 2024-01-01\n.SH NAME\nwidget_req \\- ask\n.SH SYNOPSIS\n.nf\n.B #include <widget.h>\n"
        ".BI \"int widget_close(int \" fd \"[1], WIDGET_FAST);\"\n.fi\n",
        diags);
    REQUIRE(page.prototypes.size() == 1);
    CHECK(run_libc_check("prototype-mismatch", page, {page}).empty());
}

TEST_CASE("prototype-mismatch: integers declared wider on a few ABIs are not a mismatch",
          "[audit][prototype-mismatch]") {
    auto page = fixture_page("prototype-mismatch", "widget_port.2");
    auto libc = libc_world({page});
    REQUIRE(libc.size() == 2);
    // Three ABIs declare the page's types (copies of i386's facts), one wider.
    auto facts = libc_world_arches();
    for (const char* id : {"arm", "m68k"}) {
        auto copy = libc[1];
        copy.provenance.arch_id = id;
        libc.push_back(copy);
        facts.push_back(FactsBuilder(id).build());
    }
    std::vector<manaudit::audit::Finding> findings;
    for (const auto& check : manaudit::audit::make_all_checks())
        if (check->info().id == "prototype-mismatch") check->run(page, {facts, libc}, findings);
    CHECK(findings.empty());
    // The same widening on every ABI audited is the page's mistake: one
    // finding per prototype, as for any prototype wrong everywhere.
    libc.erase(libc.begin() + 1, libc.end());
    facts.erase(facts.begin() + 1, facts.end());
    findings.clear();
    for (const auto& check : manaudit::audit::make_all_checks())
        if (check->info().id == "prototype-mismatch") check->run(page, {facts, libc}, findings);
    CHECK(findings.size() == 2);
}

TEST_CASE("prototype-mismatch: a form the function's own page shows among its forms is the release's choice",
          "[audit][prototype-mismatch]") {
    auto home = fixture_page("prototype-mismatch", "widget_control.2");
    auto user = fixture_page("prototype-mismatch", "widget_control_frob.2");
    const std::vector<manaudit::manpages::Page> release = {home, user};
    const auto facts = libc_world_arches();
    const auto libc = libc_world(release);
    auto audit_in = [&](std::span<const manaudit::manpages::Page> pages) {
        std::vector<manaudit::audit::Finding> findings;
        for (const auto& check : manaudit::audit::make_all_checks())
            if (check->info().id == "prototype-mismatch") check->run(user, {facts, libc, pages}, findings);
        return findings;
    };
    CHECK(audit_in(release).empty());
    // Without the home page the form is judged on its own.
    CHECK(audit_in(std::span(release).subspan(1)).size() == 1);
}
