// Fixture tests for the syscall-missing-on-arch check: true findings, and the same facts already documented.
#include <catch2/catch.hpp>

#include "world.h"

using namespace manaudit::audit::testing;

TEST_CASE("syscall-missing-on-arch: frob.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: frob_documented.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob_documented.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: frob_generic.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob_generic.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: wrapped.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "wrapped.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: fadvise.2", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "fadvise.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}


TEST_CASE("syscall-missing-on-arch: a summary takes the article its name is read with",
          "[audit][syscall-missing-on-arch]") {
    std::vector<manaudit::archdata::ArchFacts> world = {FactsBuilder("x86_64").syscall("oddcall", 1).build(),
                                                       FactsBuilder("arm64").syscall("read", 63).build()};
    auto oddcall = fixture_page("syscall-missing-on-arch", "oddcall.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", oddcall, world);
    CHECK(compare_with_expected(oddcall, findings) == "");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].edit.summary == "Note the architectures without an oddcall() system call");

    auto frob = fixture_page("syscall-missing-on-arch", "frob.2", "man2");
    findings = run_check("syscall-missing-on-arch", frob, small_world());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].edit.summary == "Note the architectures without a frob() system call");
}

TEST_CASE("syscall-missing-on-arch: olddir_specific.2, the call said to be specific to 32-bit Intel",
          "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "olddir_specific.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(findings.empty());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: olddir_unrelated.2, a restriction about something else",
          "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "olddir_unrelated.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(findings.size() == 1);
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: a call reached through socketcall is not missing", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "acceptish.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, world_with_kernel_source());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: a reserved slot is not a call", "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "ldtcall.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, world_with_kernel_source());
    CHECK(compare_with_expected(page, findings) == "");
    REQUIRE(findings.size() == 1);
    bool saw_reserved = false;
    for (const auto& e : findings[0].evidence)
        if (e.arch == "arm64") {
            CHECK_FALSE(e.present);
            CHECK(e.value == "reserved slot 154, not implemented");
            saw_reserved = true;
        }
    CHECK(saw_reserved);
}

TEST_CASE("syscall-missing-on-arch: a GNU forward parameter declaration still yields the prototype",
          "[audit][syscall-missing-on-arch][gen6]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob_forward.2", "man2");
    REQUIRE(page.prototypes.size() == 1);
    CHECK(page.prototypes[0].line == 11);
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(compare_with_expected(page, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: a terse STANDARDS naming the architecture documents it",
          "[audit][syscall-missing-on-arch][gen6]") {
    for (const char* file : {"frob_terse.2", "olddir_terse.2"}) {
        INFO(file);
        auto page = fixture_page("syscall-missing-on-arch", file, "man2");
        auto findings = run_check("syscall-missing-on-arch", page, small_world());
        CHECK(findings.empty());
    }
    // A long HISTORY sentence that mentions x86 in passing is not such a statement.
    auto other = fixture_page("syscall-missing-on-arch", "frob_terse_other.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", other, small_world());
    CHECK(compare_with_expected(other, findings) == "");
}

TEST_CASE("syscall-missing-on-arch: a HISTORY removal is not an architecture gap",
          "[audit][syscall-missing-on-arch][gen6]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob_removed.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, small_world());
    CHECK(findings.empty());
}

TEST_CASE("syscall-missing-on-arch: a page saying only that the wrapper uses another call still gets the finding",
          "[audit][syscall-missing-on-arch]") {
    auto said = fixture_page("syscall-missing-on-arch", "fork_wrapper.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", said, generic_world());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.ends_with("it says only that the C library's fork() calls clone()"));
    // "No wrapper" is not a wrapper calling something else.
    auto none = fixture_page("syscall-missing-on-arch", "getdents_no_wrapper.2", "man2");
    findings = run_check("syscall-missing-on-arch", none, generic_world());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.ends_with("and the page does not say so"));
}

TEST_CASE("syscall-missing-on-arch: a kernel option the page names is said not to help where the slot is missing",
          "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "alarm_config.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, generic_world());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].edit.new_text.find("configuring the kernel with\n.B CONFIG_BELLS\ndoes not provide it.") !=
          std::string::npos);
}

TEST_CASE("syscall-missing-on-arch: calls said together name each one's stand-in in the fix text",
          "[audit][syscall-missing-on-arch]") {
    auto page = fixture_page("syscall-missing-on-arch", "pipe_dup_pair.2", "man2");
    auto findings = run_check("syscall-missing-on-arch", page, generic_world());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].edit.new_text.find(".BR pipe2 ()\nand\n.BR dup3 ()\nare used there instead.") != std::string::npos);
}
