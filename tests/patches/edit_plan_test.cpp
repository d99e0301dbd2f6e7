// Tests for edit planning: one fixture per edit kind, each with its exact
// expected patch under tests/fixtures/patches/golden/.
#include <catch2/catch.hpp>

#include "patch_test_support.h"
#include <initializer_list>

#include "patches/edit_plan.h"
#include "patches/roff_text.h"
#include "patches/text_lines.h"

using namespace manaudit;
using namespace manaudit::patches;
using namespace manaudit::patches::testing;
using audit::Finding;
using audit::ProposedEdit;

namespace {

Finding missing_syscall_finding(int line) {
    Finding f;
    f.check_id = "syscall-missing-on-arch";
    f.page = "man2/getdirent.2";
    f.line = line;
    f.subject = "getdirent";
    f.message = "the getdirent() system call does not exist on arm64";
    f.evidence = {present("x86_64", "89", "asm/unistd_64.h"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = line;
    f.edit.flag_text = "the getdirent() system call does not exist on arm64 (Linux 6.1 headers)";
    f.edit.section = "NOTES";
    f.edit.new_text = "The\n.BR getdirent ()\nsystem call does not exist on arm64.\n";
    f.edit.summary = "Note the architectures without a getdirent() system call";
    return f;
}

Finding x86_claim_finding() {
    Finding f;
    f.check_id = "x86-only-statement";
    f.page = "man2/getdirent.2";
    f.line = 33;
    f.subject = "getdirent";
    f.message = "the page says getdirent() does not exist on x86-64, but it is also missing on arm64";
    f.evidence = {absent("x86_64"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
    f.edit.line = 33;
    f.edit.flag_text = "getdirent() is absent on x86-64 and arm64, not only x86-64";
    f.edit.old_text = "This system call does not exist on x86-64.";
    f.edit.new_text = "This system call does not exist on x86-64 or arm64.";
    f.edit.summary = "Correct the architectures named for getdirent()";
    return f;
}

Finding struct_finding(const std::string& page) {
    Finding f;
    f.check_id = "struct-layout-differs";
    f.page = page;
    f.line = 9;
    f.subject = "struct pollpair";
    f.message = "struct pollpair is packed on x86_64 (size 12) but not on arm64 (size 16)";
    f.evidence = {present("x86_64", "size 12, align 4, packed", "linux/pollpair.h"),
                  present("arm64", "size 16, align 8", "linux/pollpair.h")};
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = 9;
    f.edit.flag_text = f.message;
    f.edit.section = "NOTES";
    f.edit.new_text = "On x86-64, this structure is packed;\nits size is 12 bytes rather than 16.\n";
    f.edit.summary = "Note that struct pollpair is packed on x86_64";
    return f;
}

Finding table_finding(int line, const std::string& name, const std::string& note) {
    Finding f;
    f.check_id = "syscalls-table-notes";
    f.page = "man2/calltable.2";
    f.line = line;
    f.subject = name;
    f.message = "the table says \"Not on x86\" for " + name + ", but x86_64 defines it";
    f.evidence = {present("x86_64", "123", "asm/unistd_64.h"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::table_note;
    f.edit.line = line;
    f.edit.flag_text = f.message;
    f.edit.new_text = note;
    f.edit.summary = "Correct the notes for " + name;
    return f;
}

manpages::Page calltable_page() {
    manpages::Page page = fixture_page("calltable.2", "man2/calltable.2");
    page.syscalls_table = {{"access", "2", "1.0", "", 12},
                           {"cacheflush", "2", "1.2", "Not on x86", 13},
                           {"chown", "2", "2.2", "See chown(2) for version details", 14},
                           {"close", "2", "1.0", "", 18}};
    return page;
}

// Appends in place: GCC 12 misreads `std::string(n, c) + "..."` under -Warray-bounds.
std::string joined(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
}

PagePlan plan_or_fail(const manpages::Page& page, const std::vector<Finding>& findings, Mode mode) {
    Diagnostics diags;
    auto plan = plan_page(page, findings, mode, diags);
    for (const auto& d : diags) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(plan);
    return *plan;
}

// Lines of `before` that do not appear in `after`, and the reverse, must be
// exactly the ones named: nothing else drifts.
std::size_t changed_line_count(const std::string& before, const std::string& after) {
    auto a = split_lines(before);
    auto b = split_lines(after);
    std::size_t same = 0;
    while (same < a.size() && same < b.size() && a[same] == b[same]) ++same;
    std::size_t tail = 0;
    while (tail < a.size() - same && tail < b.size() - same && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    return (a.size() - same - tail) + (b.size() - same - tail);
}

}  // namespace

TEST_CASE("flag mode: a FIXME comment goes above the offending line", "[patches][plan][flag]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    PagePlan plan = plan_or_fail(page, {x86_claim_finding()}, Mode::flag);
    CHECK(plan.summary == "Flag architecture-specific statements about getdirent");
    CHECK(changed_line_count(plan.original, plan.patched) == 1);
    CHECK(single_patch(plan) == golden("flag_comment.patch", single_patch(plan)));
}

TEST_CASE("flag mode: a comment never separates .TP from its tag", "[patches][plan][flag]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    Finding f = missing_syscall_finding(20);  // the ".B EBADF" tag under ".TP"
    PagePlan plan = plan_or_fail(page, {f}, Mode::flag);
    auto lines = split_lines(plan.patched);
    CHECK(line_body(lines[18]) == ".\\\" FIXME: the getdirent() system call does not exist on arm64 (Linux 6.1");
    CHECK(line_body(lines[19]) == ".\\\" headers)");
    CHECK(line_body(lines[20]) == ".TP");
    CHECK(line_body(lines[21]) == ".B EBADF");
}

TEST_CASE("fix mode: a note goes at the end of the existing NOTES section", "[patches][plan][add_note]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    PagePlan plan = plan_or_fail(page, {missing_syscall_finding(11)}, Mode::fix);
    CHECK(plan.summary == "Note the architectures without a getdirent() system call");
    CHECK(single_patch(plan) == golden("add_note_existing_notes.patch", single_patch(plan)));
}

TEST_CASE("fix mode: NOTES is created in the conventional place when missing", "[patches][plan][add_note]") {
    manpages::Page page = fixture_page("pollpair.3type", "man3type/pollpair.3type");
    PagePlan plan = plan_or_fail(page, {struct_finding(page.path)}, Mode::fix);
    std::string p = plan.patched;
    // After STANDARDS, before SEE ALSO, with no .PP right after the heading.
    CHECK(p.find(".SH STANDARDS\nLinux.\n.SH NOTES\nOn x86-64, this structure is packed;\n"
                 "its size is 12 bytes rather than 16.\n.SH SEE ALSO\n") != std::string::npos);
    CHECK(single_patch(plan) == golden("add_note_new_section.patch", single_patch(plan)));
}

TEST_CASE("fix mode: a note is not put inside an unrelated subsection", "[patches][plan][add_note]") {
    manpages::Page page = fixture_page("pollpair_notes.3type", "man3type/pollpair.3type");
    PagePlan plan = plan_or_fail(page, {struct_finding(page.path)}, Mode::fix);
    CHECK(plan.patched.find(".SH NOTES\nOn x86-64, this structure is packed;\nits size is 12 bytes rather than 16.\n"
                            ".SS C library/kernel differences\n") != std::string::npos);
}

TEST_CASE("fix mode: the page's Architecture-specific subsection is preferred", "[patches][plan][add_note]") {
    manpages::Page page = fixture_page("tunables.2", "man2/tunables.2");
    Finding f;
    f.check_id = "constant-missing-on-arch";
    f.page = page.path;
    f.line = 7;
    f.subject = "TUNE_FAST";
    f.message = "TUNE_FAST is not defined on arm64";
    f.evidence = {present("x86_64", "1", "asm/tune.h"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = 7;
    f.edit.section = "NOTES";
    f.edit.new_text = ".B TUNE_FAST\nis not defined on arm64.\n";
    f.edit.summary = "Note the architectures without TUNE_FAST";
    PagePlan plan = plan_or_fail(page, {f}, Mode::fix);
    CHECK(plan.patched.find(".SS Architecture-specific details\nOn Alpha, the tunables are numbered differently.\n"
                            ".PP\n.B TUNE_FAST\nis not defined on arm64.\n.SS C library/kernel differences\n") !=
          std::string::npos);
    CHECK(single_patch(plan) == golden("add_note_arch_subsection.patch", single_patch(plan)));
}

TEST_CASE("fix mode: an x86-only sentence is rewritten in place", "[patches][plan][rewrite]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    PagePlan plan = plan_or_fail(page, {x86_claim_finding()}, Mode::fix);
    CHECK(changed_line_count(plan.original, plan.patched) == 2);
    CHECK(single_patch(plan) == golden("rewrite_sentence.patch", single_patch(plan)));
}

TEST_CASE("fix mode: the syscalls(2) table's Notes cell is set", "[patches][plan][table]") {
    manpages::Page page = calltable_page();
    PagePlan plan = plan_or_fail(page,
                                 {table_finding(12, "access", "x86-64 and arm64 use faccessat(2) instead"),
                                  table_finding(13, "cacheflush", "Not on x86-64 or arm64"),
                                  table_finding(14, "chown", "Not on arm64")},
                                 Mode::fix);
    auto lines = split_lines(plan.patched);
    CHECK(line_body(lines[11]) == "\\fBaccess\\fP(2)\t1.0\tT{");
    CHECK(line_body(lines[12]) == "x86-64 and arm64 use faccessat(2) instead");
    CHECK(line_body(lines[13]) == "T}");
    CHECK(line_body(lines[14]) == "\\fBcacheflush\\fP(2)\t1.2\tNot on x86-64 or arm64");
    CHECK(line_body(lines[15]) == "\\fBchown\\fP(2)\t2.2\tNot on arm64");
    CHECK(line_body(lines[16]) == "\\fBclose\\fP(2)\t1.0");
    CHECK(plan.summary == "Document architecture differences for access, cacheflush and 1 more");
    CHECK(single_patch(plan) == golden("table_note.patch", single_patch(plan)));
}

TEST_CASE("several findings on one page make one change, duplicates merge", "[patches][plan][merge]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    Finding constant = missing_syscall_finding(11);
    constant.check_id = "constant-missing-on-arch";
    constant.subject = "GETDIRENT_MAGIC";
    constant.edit.new_text = ".B GETDIRENT_MAGIC\nis not defined on arm64.\n";
    PagePlan plan = plan_or_fail(
        page, {missing_syscall_finding(11), missing_syscall_finding(11), constant, x86_claim_finding()}, Mode::fix);
    CHECK(plan.findings.size() == 4);
    // One paragraph for both notes, the duplicate once, the rewrite in place.
    CHECK(plan.patched.find("does not exist on x86-64 or arm64.\n.PP\nThe\n.BR getdirent ()\n"
                            "system call does not exist on arm64.\n.B GETDIRENT_MAGIC\nis not defined on arm64.\n"
                            ".SH SEE ALSO\n") != std::string::npos);
    CHECK(plan.summary == "Document architecture differences for getdirent and GETDIRENT_MAGIC");
}

TEST_CASE("fix mode: a finding with no wording is flagged instead", "[patches][plan]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    Finding f = missing_syscall_finding(33);
    f.edit.kind = ProposedEdit::Kind::none;
    PagePlan plan = plan_or_fail(page, {f}, Mode::fix);
    REQUIRE(plan.flagged_instead == std::vector<int>{0});
    CHECK(plan.patched.find(".\\\" FIXME: the getdirent() system call") != std::string::npos);
}

TEST_CASE("CRLF pages keep CRLF, and a missing final newline stays missing", "[patches][plan][bytes]") {
    manpages::Page page = fixture_page("crlf.2", "man2/crlf.2");
    Finding f = x86_claim_finding();
    f.line = f.edit.line = 6;
    f.edit.old_text = "This call does not exist on x86-64.";
    f.edit.new_text = "This call does not exist on x86-64\nor arm64.";
    PagePlan plan = plan_or_fail(page, {f}, Mode::fix);
    std::string expected = page.source;
    expected.replace(expected.find("This call"), 35, "This call does not exist on x86-64\r\nor arm64.");
    CHECK(plan.patched == expected);

    Finding note = missing_syscall_finding(6);
    PagePlan flagged = plan_or_fail(page, {note}, Mode::fix);
    // NOTES is created before SEE ALSO with CRLF endings; the last byte is still ')'.
    CHECK(flagged.patched.find("\r\n.SH NOTES\r\nThe\r\n.BR getdirent ()\r\n") != std::string::npos);
    CHECK(flagged.patched.back() == ')');
}

TEST_CASE("Latin-1 bytes pass through untouched", "[patches][plan][bytes]") {
    manpages::Page page = fixture_page("latin1.2", "man2/latin1.2");
    Finding f = x86_claim_finding();
    f.line = f.edit.line = 7;
    f.edit.old_text = "This call does not exist on x86-64.";
    PagePlan plan = plan_or_fail(page, {f}, Mode::fix);
    CHECK(plan.patched.find("Andr\xe9 wrote it.\n") != std::string::npos);
    CHECK(plan.patched.find("Copyright \xa9 nobody.\n") != std::string::npos);
    CHECK(changed_line_count(plan.original, plan.patched) == 2);
    CHECK(single_patch(plan) == golden("latin1_rewrite.patch", single_patch(plan)));
}

TEST_CASE("a finding whose line no longer matches is flagged instead, the rest still planned",
          "[patches][plan][bad]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    Diagnostics diags;

    Finding moved = x86_claim_finding();
    moved.line = moved.edit.line = 31;
    auto plan = plan_page(page, {missing_syscall_finding(11), moved}, Mode::fix, diags);
    REQUIRE(plan);
    CHECK(plan->flagged_instead == std::vector<int>{1});
    REQUIRE(diags.size() == 1);
    CHECK(format_diagnostic(diags[0]).find("man2/getdirent.2:31") != std::string::npos);
    CHECK(diags[0].message.find("no longer matches") != std::string::npos);

    diags.clear();
    CHECK_FALSE(plan_page(page, {missing_syscall_finding(99)}, Mode::flag, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("the page has 35 lines") != std::string::npos);
    CHECK(diags[0].message.find("left out of the patch") != std::string::npos);

    diags.clear();
    auto table = plan_page(calltable_page(), {table_finding(15, "chown", "x")}, Mode::fix, diags);
    REQUIRE(table);
    CHECK(table->flagged_instead == std::vector<int>{0});
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("not a row of the system call table") != std::string::npos);
}

TEST_CASE("page paths that leave the tree are refused", "[patches][plan][bad]") {
    CHECK(is_safe_relative_path("man2/open.2"));
    CHECK(is_safe_relative_path("man/man2/open.2"));
    CHECK_FALSE(is_safe_relative_path("../man2/open.2"));
    CHECK_FALSE(is_safe_relative_path("man2/../../x"));
    CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(is_safe_relative_path("man2//open.2"));
    manpages::Page page = fixture_page("getdirent.2", "../getdirent.2");
    Diagnostics diags;
    CHECK_FALSE(plan_page(page, {x86_claim_finding()}, Mode::flag, diags));
    CHECK(diags.size() == 1);
}

TEST_CASE("a page whose layout is not that of its source is refused", "[patches][plan][bad]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    page.source += ".\\\" a line the layout has never seen\n";
    Diagnostics diags;
    CHECK_FALSE(plan_page(page, {x86_claim_finding()}, Mode::flag, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].level == Severity::error);
    CHECK(diags[0].message.find("layout does not match") != std::string::npos);
}

TEST_CASE("fixme comments wrap before 80 columns", "[patches][plan][flag]") {
    auto lines = fixme_comment(joined({std::string(30, 'a'), " ", std::string(30, 'b'), " ", std::string(30, 'c')}));
    REQUIRE(lines.size() == 2);
    for (const auto& l : lines) CHECK(l.size() <= 78);
    CHECK(lines[0].rfind(".\\\" FIXME: aaa", 0) == 0);
    CHECK(lines[1] == ".\\\" " + std::string(30, 'c'));
}

TEST_CASE("a system call missing from the table is flagged where its row belongs", "[patches][plan][table]") {
    manpages::Page page = calltable_page();
    Finding missing = table_finding(12, "chmod", "");
    missing.edit.kind = ProposedEdit::Kind::none;
    missing.edit.flag_text = "chmod exists on x86_64 but is not in the table";
    Finding last = missing;
    last.subject = "zzz";
    last.edit.flag_text = "zzz exists on arm64 but is not in the table";
    PagePlan plan = plan_or_fail(page, {missing, last}, Mode::flag);
    auto lines = split_lines(plan.patched);
    // Between cacheflush and chown, and before .TE after the last row.
    CHECK(line_body(lines[13]) == ".\\\" FIXME: chmod exists on x86_64 but is not in the table");
    CHECK(line_body(lines[14]) == "\\fBchown\\fP(2)\t2.2\tT{");
    CHECK(line_body(lines[19]) == ".\\\" FIXME: zzz exists on arm64 but is not in the table");
    CHECK(line_body(lines[20]) == ".TE");
}

TEST_CASE("new text lines stay within 80 bytes, broken after a comma", "[patches][plan][rewrite]") {
    manpages::Page page = fixture_page("getdirent.2", "man2/getdirent.2");
    Finding f = x86_claim_finding();
    f.edit.new_text =
        "This system call does not exist on x86-64, x32, arm64, ARM, RISC-V, MIPS n64, Alpha, PA-RISC, and ARC.";
    PagePlan plan = plan_or_fail(page, {f}, Mode::fix);
    auto lines = split_lines(plan.patched);
    CHECK(line_body(lines[32]) == "This system call does not exist on x86-64, x32, arm64, ARM, RISC-V, MIPS n64,");
    CHECK(line_body(lines[33]) == "Alpha, PA-RISC, and ARC.");
    CHECK(line_body(lines[34]) == ".SH SEE ALSO");

    // No comma to break at: a space; a continuation never starts with a control character.
    Finding g = x86_claim_finding();
    g.edit.new_text = joined({std::string(69, 'a'), " bbbbbbbbbb .cccc"});
    PagePlan spaced = plan_or_fail(page, {g}, Mode::fix);
    auto l2 = split_lines(spaced.patched);
    CHECK(line_body(l2[32]) == joined({std::string(69, 'a'), " bbbbbbbbbb"}));
    CHECK(line_body(l2[33]) == "\\&.cccc");
}
