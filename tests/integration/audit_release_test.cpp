// The audit on the installed man-pages release against the shipped arch data:
// the known truths are found and the known non-findings stay silent.
#include <catch2/catch.hpp>

#include <algorithm>

#include "audit/run.h"

using namespace manaudit::audit;

namespace {

const RunResult& release_audit() {
    static const RunResult result = [] {
        RunInputs inputs;
        inputs.arch_data_dir = std::string(MANAUDIT_SOURCE_DIR) + "/arch-data/linux-6.1";
        AuditOptions options;
        options.jobs = 2;
        return run_audit_on(inputs, options);
    }();
    return result;
}

const Finding* find(const std::string& check, const std::string& page, const std::string& subject) {
    const auto& all = release_audit().findings;
    auto it = std::find_if(all.begin(), all.end(), [&](const Finding& f) {
        return f.check_id == check && f.page == page && f.subject == subject;
    });
    return it == all.end() ? nullptr : &*it;
}

bool absent_on(const Finding& f, const std::string& arch) {
    return std::any_of(f.evidence.begin(), f.evidence.end(),
                       [&](const Evidence& e) { return e.arch == arch && !e.present; });
}

}  // namespace

TEST_CASE("release audit runs on every page with all arches", "[integration][audit]") {
    const auto& r = release_audit();
    REQUIRE_FALSE(r.config_error);
    CHECK(r.facts.size() == 30);  // Linux 6.1: every ABI of the table
    CHECK(r.pages.size() > 300);
    CHECK_FALSE(r.findings.empty());
}

TEST_CASE("release: readdir.2's x86-64 statement is found", "[integration][audit]") {
    const Finding* f = find("x86-only-statement", "man2/readdir.2", "readdir");
    REQUIRE(f);
    CHECK(f->line == 113);
    CHECK(f->message.find("arm64") != std::string::npos);
    CHECK(f->message.find("riscv64") != std::string::npos);
    CHECK(f->edit.kind == ProposedEdit::Kind::rewrite_sentence);
    CHECK(f->edit.old_text == "This system call does not exist on x86-64.");
}

TEST_CASE("release: open, stat and fork syscalls missing on arm64 and riscv64 are found", "[integration][audit]") {
    for (auto [page, name] : {std::pair{"man2/open.2", "open"}, {"man2/stat.2", "stat"}, {"man2/fork.2", "fork"}}) {
        INFO(page);
        const Finding* f = find("syscall-missing-on-arch", page, name);
        REQUIRE(f);
        CHECK(absent_on(*f, "arm64"));
        CHECK(absent_on(*f, "riscv64"));
        CHECK_FALSE(absent_on(*f, "x86_64"));
    }
}

TEST_CASE("release: epoll_event's packed layout on x86-64 is found", "[integration][audit]") {
    const Finding* f = find("struct-layout-differs", "man3type/epoll_event.3type", "struct epoll_event");
    REQUIRE(f);
    CHECK(f->message.find("packed on x86_64") != std::string::npos);
}

TEST_CASE("release: known non-findings stay silent", "[integration][audit]") {
    for (const auto& f : release_audit().findings) {
        INFO(f.page << ":" << f.line << ": " << f.message);
        // arch_prctl's constants are x86's own; only its "x86-64 only" sentence is wrong (i386 has it too).
        CHECK_FALSE((f.page == "man2/arch_prctl.2" && f.check_id != "x86-only-statement"));
        CHECK_FALSE(f.page.starts_with("man2/s390_"));
        CHECK_FALSE((f.page == "man2/mmap.2" && f.subject == "MAP_32BIT"));
    }
}

TEST_CASE("release: findings a maintainer fixes once", "[integration][audit]") {
    const auto& all = release_audit().findings;
    auto count = [&](auto pred) { return std::count_if(all.begin(), all.end(), pred); };
    // arch_prctl's "supported only on Linux/x86-64": i386 has it since 4.12.
    const Finding* arch_prctl = find("x86-only-statement", "man2/arch_prctl.2", "arch_prctl");
    REQUIRE(arch_prctl);
    CHECK(arch_prctl->message.find("also on i386") != std::string::npos);
    // accept is a socketcall(2) subcall on i386, and the page never says so.
    const Finding* accept = find("syscall-missing-on-arch", "man2/accept.2", "accept");
    REQUIRE(accept);
    CHECK(accept->message.find("reached only through socketcall(2) on i386") != std::string::npos);
    // A generic phrase elsewhere on the page no longer silences vfork and time.
    CHECK(find("syscall-missing-on-arch", "man2/vfork.2", "vfork"));
    CHECK(find("syscall-missing-on-arch", "man2/time.2", "time"));
    // One sentence, one finding; one SYNOPSIS paragraph, one finding.
    CHECK(count([](const Finding& f) { return f.page == "man2/sgetmask.2"; }) == 1);
    CHECK(count([](const Finding& f) { return f.page == "man2/stat.2" && f.line < 100; }) == 1);
    // A page whose SYNOPSIS refers to another page repeats nothing.
    CHECK(count([](const Finding& f) { return f.page == "man2/select_tut.2"; }) == 0);
    // The table's 64-bit time variants are one gap; calls after its cut-off (5.14) are none.
    CHECK(count([](const Finding& f) {
              return f.page == "man2/syscalls.2" && f.message.find("_time64") != std::string::npos;
          }) == 1);
    CHECK_FALSE(find("syscalls-table-notes", "man2/syscalls.2", "futex_waitv"));
    CHECK_FALSE(find("syscalls-table-notes", "man2/syscalls.2", "process_mrelease"));
}
