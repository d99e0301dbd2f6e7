// The report's data: cell states, counts, fact tables and the kernel diff.
#include <catch2/catch.hpp>

#include "audit/report/syscall_status.h"
#include "report_fixture.h"

using namespace manaudit;
using namespace manaudit::report;
using namespace manaudit::report::testing;

namespace {

const PageRow& row_of(const Report& r, const std::string& page) {
    for (const auto& row : r.pages)
        if (row.page == page) return row;
    FAIL("no row for " << page);
    return r.pages.front();
}

std::size_t column_of(const Report& r, const std::string& arch) {
    for (std::size_t i = 0; i < r.columns.size(); ++i)
        if (r.columns[i].arch == arch) return i;
    FAIL("no column " << arch);
    return 0;
}

}  // namespace

TEST_CASE("report: one column per ABI, in the facts' order", "[report]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    REQUIRE(r.columns.size() == 4);
    CHECK(r.columns[0].arch == "x86_64");
    CHECK(r.columns[0].abbrev == "x64");
    CHECK(r.columns[2].display == "arm64");
    CHECK(r.columns[3].abbrev == "alp");
    CHECK(r.kernel == "6.1");
}

TEST_CASE("report: page cells say missing, differs, ok or not applicable", "[report]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    REQUIRE(r.pages.size() == 2);
    const PageRow& open = row_of(r, "man2/open.2");
    CHECK(open.line == 41);
    CHECK(open.findings.size() == 2);
    // arm64 lacks open (missing outranks its differing O_DIRECT); alpha's O_DIRECT differs.
    CHECK(open.cells[column_of(r, "arm64")].state == CellState::missing);
    CHECK(open.cells[column_of(r, "arm64")].findings.size() == 2);
    CHECK(open.cells[column_of(r, "alpha")].state == CellState::differs);
    CHECK(open.cells[column_of(r, "x86_64")].state == CellState::ok);
    CHECK(open.cells[column_of(r, "i386")].state == CellState::ok);

    const PageRow& read = row_of(r, "man2/read.2");
    CHECK(read.cells[column_of(r, "alpha")].state == CellState::differs);
    CHECK(read.cells[column_of(r, "arm64")].state == CellState::not_applicable);
}

TEST_CASE("report: counts per check and per ABI add up to the findings", "[report]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    CHECK(r.findings.size() == 3);
    int total = 0;
    for (const auto& c : r.checks) {
        total += c.findings;
        if (c.id == "syscall-missing-on-arch") CHECK(c.findings == 1);
        if (c.id == "constant-value-differs") CHECK((c.findings == 1 && c.pages == 1));
    }
    CHECK(total == 3);
    CHECK(r.abi_summary[column_of(r, "arm64")].findings == 2);
    CHECK(r.abi_summary[column_of(r, "arm64")].pages_missing == 1);
    CHECK(r.abi_summary[column_of(r, "alpha")].pages_differ == 2);
    CHECK(r.abi_summary[column_of(r, "x86_64")].findings == 0);
}

TEST_CASE("report: checks not run are not listed", "[report]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    ReportInputs in;
    in.pages = pages;
    in.facts = facts;
    in.checks_run = {"syscall-missing-on-arch"};
    Report r = build_report(std::move(in));
    REQUIRE(r.checks.size() == 1);
    CHECK(r.checks[0].id == "syscall-missing-on-arch");
}

TEST_CASE("report: the syscall table gives numbers and the call used instead", "[report]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    REQUIRE(r.syscalls.size() == 3);  // open, openat, read
    CHECK(r.syscalls[0].name == "open");
    CHECK(r.syscalls[0].page == "man2/open.2");
    const SyscallCell& arm64 = r.syscalls[0].cells[column_of(r, "arm64")];
    CHECK(arm64.state == SyscallState::absent);
    CHECK(arm64.replacement == "openat");
    CHECK(r.syscalls[0].cells[0].state == SyscallState::available);
    CHECK(r.syscalls[0].cells[0].number == 2);
}

TEST_CASE("report: replacements follow the regular schemes, then the successor table", "[report]") {
    auto arm64 = FactsBuilder("arm64").syscall("openat", 56).syscall("pipe2", 59).syscall("clone", 220)
                     .syscall("rt_sigaction", 134).syscall("newfstatat", 79).build();
    CHECK(replacement_for(arm64, "open") == "openat");
    CHECK(replacement_for(arm64, "pipe") == "pipe2");
    CHECK(replacement_for(arm64, "fork") == "clone");
    CHECK(replacement_for(arm64, "sigaction") == "rt_sigaction");
    CHECK(replacement_for(arm64, "stat") == "newfstatat");
    CHECK(replacement_for(arm64, "uselib").empty());
}

TEST_CASE("report: constants and layouts that differ, and only those", "[report]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    // EAGAIN (35 on alpha), MAP_FROB (undefined on arm64), O_DIRECT (three values).
    REQUIRE(r.constants.size() == 3);
    CHECK(r.constants[0].name == "EAGAIN");
    CHECK(r.constants[0].values[3] == std::optional<std::string>("35"));
    CHECK(r.constants[1].name == "MAP_FROB");
    CHECK_FALSE(r.constants[1].values[2].has_value());
    CHECK(r.constants[2].name == "O_DIRECT");
    REQUIRE(r.layouts.size() == 1);
    CHECK(r.layouts[0].name == "frob_event");
    CHECK(r.layouts[0].cells[0].packed);
    CHECK(r.layouts[0].cells[2].size == 16);

    // The same value everywhere is not listed.
    auto same = facts;
    for (auto& f : same) f.constants["O_DIRECT"].value = 1, f.constants["O_DIRECT"].name = "O_DIRECT";
    Report r2 = sample_report(same, pages);
    for (const auto& row : r2.constants) CHECK(row.name != "O_DIRECT");
}

TEST_CASE("report: the kernel diff lists syscalls added, removed and renumbered per ABI", "[report]") {
    auto old_facts = four_abis();
    std::vector<archdata::ArchFacts> new_facts;
    for (auto f : old_facts) {
        f.provenance.kernel_version = "6.12";
        new_facts.push_back(std::move(f));
    }
    new_facts[2].syscalls["cachestat"] = {"cachestat", 451, "asm/unistd.h", false};
    new_facts[3].syscalls.erase("open");
    new_facts[0].syscalls["read"].number = 7;
    auto pages = sample_pages();
    // Given newest first, the versions still decide which is older.
    Report r = sample_report(new_facts, pages, old_facts);
    REQUIRE(r.kernel_diff);
    CHECK(r.kernel_diff->from_kernel == "6.1");
    CHECK(r.kernel_diff->to_kernel == "6.12");
    CHECK(r.kernel == "6.1 and 6.12");
    REQUIRE(r.kernel_diff->arches.size() == 4);
    CHECK(r.kernel_diff->arches[2].added == std::vector<std::string>{"cachestat"});
    CHECK(r.kernel_diff->arches[3].removed == std::vector<std::string>{"open"});
    REQUIRE(r.kernel_diff->arches[0].renumbered.size() == 1);
    CHECK(r.kernel_diff->arches[0].renumbered[0].from == 0);
    CHECK(r.kernel_diff->arches[0].renumbered[0].to == 7);
    CHECK(r.kernel_diff->arches[1].added.empty());

    CHECK(kernel_older("6.1", "6.12"));
    CHECK(kernel_older("6.9", "6.12"));
    CHECK_FALSE(kernel_older("6.12", "6.1"));
}
