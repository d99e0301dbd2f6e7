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
        CHECK(f.page != "man2/arch_prctl.2");
        CHECK_FALSE(f.page.starts_with("man2/s390_"));
        CHECK_FALSE((f.page == "man2/mmap.2" && f.subject == "MAP_32BIT"));
    }
}
