// Patches in the page's own idiom (paragraph macro, its generation's
// sections), per-finding fallback in fix mode, T{ } table rows, and subject
// prefixes in the style of the tree's history.
#include <catch2/catch.hpp>

#include "patch_test_support.h"

#include "patches/edit_plan.h"
#include "patches/subject_style.h"
#include "patches/text_lines.h"

using namespace manaudit;
using namespace manaudit::patches;
using namespace manaudit::patches::testing;
using audit::Finding;
using audit::ProposedEdit;

namespace {

Finding note_finding(const std::string& page, int line) {
    Finding f;
    f.check_id = "syscall-missing-on-arch";
    f.page = page;
    f.line = line;
    f.subject = "getdirent";
    f.message = "system call getdirent does not exist on arm64";
    f.evidence = {present("x86_64", "89", "asm/unistd_64.h"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = line;
    f.edit.flag_text = "getdirent() does not exist on arm64";
    f.edit.section = "NOTES";
    f.edit.new_text = "The\n.BR getdirent ()\nsystem call does not exist on arm64.\n";
    f.edit.summary = "Note the architectures without a getdirent() system call";
    return f;
}

Finding stale_rewrite(const std::string& page, int line) {
    Finding f = note_finding(page, line);
    f.check_id = "x86-only-statement";
    f.subject = "getdirent-claim";
    f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
    f.edit.flag_text = "getdirent() is absent on x86-64 and arm64";
    f.edit.old_text = "This sentence is not on the page.";
    f.edit.new_text = "Neither is this one.";
    return f;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& l : split_lines(text)) out.emplace_back(line_body(l));
    return out;
}

}  // namespace

TEST_CASE("a newer page gets .P and its note in VERSIONS, before STANDARDS", "[patches][idiom]") {
    manpages::Page page = fixture_page("getdirent69.2", "man/man2/getdirent.2");
    Diagnostics diags;
    auto plan = plan_page(page, {note_finding(page.path, 14)}, Mode::fix, diags);
    REQUIRE(plan);
    CHECK(diags.empty());
    CHECK(plan->patched.find(".PP") == std::string::npos);
    CHECK(plan->patched.find("\n.SH VERSIONS\nThe\n.BR getdirent ()\nsystem call does not exist on arm64.\n"
                             ".SH STANDARDS\n") != std::string::npos);
}

TEST_CASE("a page using .P gets .P before a note in a section with text", "[patches][idiom]") {
    manpages::Page page = fixture_page("getdirent69.2", "man/man2/getdirent.2");
    Finding f = note_finding(page.path, 14);
    f.edit.section = "DESCRIPTION";
    Diagnostics diags;
    auto plan = plan_page(page, {f}, Mode::fix, diags);
    REQUIRE(plan);
    CHECK(plan->patched.find("It is rarely used.\n.P\nThe\n.BR getdirent ()\n") != std::string::npos);
    CHECK(plan->patched.find(".PP") == std::string::npos);
}

TEST_CASE("a 6.03 page keeps .PP and NOTES", "[patches][idiom]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    Diagnostics diags;
    auto plan = plan_page(page, {note_finding(page.path, 11)}, Mode::fix, diags);
    REQUIRE(plan);
    CHECK(plan->patched.find("This system call does not exist on x86-64.\n.PP\nThe\n.BR getdirent ()\n") !=
          std::string::npos);
}

TEST_CASE("fix mode: a finding that cannot be placed is flagged instead, the others still written",
          "[patches][fallback]") {
    manpages::Page page = fixture_page("getdirent69.2", "man/man2/getdirent.2");
    Diagnostics diags;
    auto plan = plan_page(page, {note_finding(page.path, 14), stale_rewrite(page.path, 18)}, Mode::fix, diags);
    REQUIRE(plan);
    CHECK(plan->findings.size() == 2);
    CHECK(plan->flagged_instead == std::vector<int>{1});
    CHECK(plan->patched.find(".SH VERSIONS\nThe\n") != std::string::npos);
    CHECK(plan->patched.find(".\\\" FIXME: getdirent() is absent on x86-64 and arm64\n.BR getdirent ()\n") !=
          std::string::npos);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].level == Severity::warning);
    CHECK(diags[0].line == 18);
    CHECK(diags[0].message.find("[x86-only-statement] (getdirent-claim) cannot be written as text") !=
          std::string::npos);
    CHECK(diags[0].message.find("flagged with a FIXME comment instead") != std::string::npos);

    // A finding that cannot even be flagged (its line is gone) is left out, with a warning.
    diags.clear();
    auto partial = plan_page(page, {note_finding(page.path, 14), note_finding(page.path, 999)}, Mode::flag, diags);
    REQUIRE(partial);
    CHECK(partial->findings.size() == 1);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("left out of the patch") != std::string::npos);
}

TEST_CASE("fix mode: a syscalls(2) row held in a T{ } block is replaced whole", "[patches][table]") {
    manpages::Page page = fixture_page("calltable69.2", "man/man2/calltable.2");
    page.syscalls_table = {{"accept", "2", "2.0", "See notes on socketcall(2)", 10},
                           {"arch_prctl", "2", "2.6", "x86_64, x86 since 4.12", 13},
                           {"close", "2", "1.0", "", 16}};
    Finding f;
    f.check_id = "syscalls-table-notes";
    f.page = page.path;
    f.line = 13;
    f.subject = "arch_prctl";
    f.message = "the table says arch_prctl is x86 only";
    f.edit.kind = ProposedEdit::Kind::table_note;
    f.edit.line = 13;
    f.edit.flag_text = f.message;
    f.edit.new_text = "x86-64, x86 since 4.12, x32";
    Diagnostics diags;
    auto plan = plan_page(page, {f}, Mode::fix, diags);
    REQUIRE(plan);
    CHECK(diags.empty());
    auto lines = lines_of(plan->patched);
    CHECK(lines[9] == "\\fBaccept\\fP(2)\t2.0\tT{");
    CHECK(lines[12] == "\\fBarch_prctl\\fP(2)\t2.6\tx86-64, x86 since 4.12, x32");
    CHECK(lines[13] == "\\fBclose\\fP(2)\t1.0");
    CHECK(lines[14] == ".TE");
}

TEST_CASE("subject prefixes follow the tree's history", "[patches][subject]") {
    CHECK(subject_style_of({"man/man2/open.2: Fix typo", "man/man3/printf.3: Tweak", "Makefile: build"}) ==
          SubjectStyle::tree_path);
    CHECK(subject_style_of({"open.2: Fix typo", "printf.3: Tweak", "PR_SET_NAME.2const: New page"}) ==
          SubjectStyle::file_name);
    CHECK(subject_style_of({"man2/open.2, man2/openat.2: Fix", "man3/printf.3: Tweak"}) ==
          SubjectStyle::section_path);
    CHECK(subject_style_of({"Release 6.9", "Start of man-pages-6.10"}) == SubjectStyle::tree_path);
    CHECK(subject_prefix("man/man2/open.2", SubjectStyle::tree_path) == "man/man2/open.2");
    CHECK(subject_prefix("man/man2/open.2", SubjectStyle::section_path) == "man2/open.2");
    CHECK(subject_prefix("man/man2/open.2", SubjectStyle::file_name) == "open.2");
    CHECK(subject_prefix("man2/open.2", SubjectStyle::file_name) == "open.2");

    manpages::Page page = fixture_page("getdirent69.2", "man/man2/getdirent.2");
    Diagnostics diags;
    auto plan = plan_page(page, {note_finding(page.path, 14)}, Mode::fix, diags);
    REQUIRE(plan);
    SeriesOptions options = fixed_options();
    options.subject_style = SubjectStyle::file_name;
    std::string mail = single_patch(*plan, options);
    CHECK(mail.find("Subject: [PATCH 1/1] getdirent.2: Note the architectures") != std::string::npos);
    CHECK(mail.find("--- a/man/man2/getdirent.2") != std::string::npos);
}
