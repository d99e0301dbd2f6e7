// Tests of baseline files: round trip, filtering, and files that do not parse.
#include <catch2/catch.hpp>

#include "audit/baseline.h"

using namespace manaudit::audit;

namespace {

Finding finding(const std::string& page, const std::string& subject, int line) {
    Finding f;
    f.check_id = "syscall-missing-on-arch";
    f.page = page;
    f.subject = subject;
    f.line = line;
    f.message = "system call " + subject + " does not exist on arm64";
    return f;
}

}  // namespace

TEST_CASE("a written baseline filters exactly the findings it holds", "[audit][baseline]") {
    std::vector<Finding> old_run = {finding("man2/open.2", "open", 41), finding("man2/fork.2", "fork", 29)};
    manaudit::Diagnostics diags;
    auto baseline = parse_baseline(baseline_json(old_run), "baseline.json", diags);
    REQUIRE(baseline);
    CHECK(diags.empty());

    // The same findings moved by an edit above them, plus one new finding.
    std::vector<Finding> new_run = {finding("man2/open.2", "open", 45), finding("man2/fork.2", "fork", 30),
                                    finding("man2/stat.2", "stat", 29)};
    CHECK(apply_baseline(new_run, *baseline) == 2);
    REQUIRE(new_run.size() == 1);
    CHECK(new_run[0].subject == "stat");
}

TEST_CASE("baseline output is sorted and stable", "[audit][baseline]") {
    std::vector<Finding> a = {finding("man2/open.2", "open", 41), finding("man2/fork.2", "fork", 29)};
    std::vector<Finding> b = {a[1], a[0]};
    CHECK(baseline_json(a) == baseline_json(b));
}

TEST_CASE("a baseline that does not parse is an error naming file and line", "[audit][baseline]") {
    manaudit::Diagnostics diags;
    CHECK_FALSE(parse_baseline("{\n  \"findings\": [\n    {\"fingerprint\": }\n  ]\n}\n", "b.json", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "b.json");
    CHECK(diags[0].line == 3);

    diags.clear();
    CHECK_FALSE(parse_baseline("{\"findings\": [{\"check\": \"x\"}]}", "b.json", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("fingerprint") != std::string::npos);

    diags.clear();
    CHECK_FALSE(parse_baseline("[]", "b.json", diags));
    CHECK(diags.size() == 1);
}

TEST_CASE("a missing baseline file is an error", "[audit][baseline]") {
    manaudit::Diagnostics diags;
    CHECK_FALSE(read_baseline("/nonexistent/baseline.json", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "/nonexistent/baseline.json");
}

TEST_CASE("a baseline matches the same finding on a moved or re-laid-out page", "[audit][baseline][gen6]") {
    Finding old_layout = finding("man2/open.2", "open", 41);
    old_layout.evidence = {{"x86_64", true, "2", "asm/unistd_64.h"}, {"arm64", false, "", ""}};
    manaudit::Diagnostics diags;
    auto baseline = parse_baseline(baseline_json({old_layout}), "baseline.json", diags);
    REQUIRE(baseline);

    Finding moved = old_layout;
    moved.page = "man/man2/open.2";  // today's layout
    moved.line = 57;                  // re-wrapped
    moved.message = "system call open does not exist on arm64, and the page does not say so";
    Finding debian = old_layout;
    debian.page = "man2/open.2.gz";
    std::vector<Finding> run = {moved, debian};
    CHECK(apply_baseline(run, *baseline) == 2);

    // The same subject absent on another set of architectures is a new finding.
    Finding wider = moved;
    wider.evidence.push_back({"riscv64", false, "", ""});
    // Another page of the same name in another section is another page.
    Finding other_section = moved;
    other_section.page = "man/man3/open.3";
    std::vector<Finding> fresh = {wider, other_section};
    CHECK(apply_baseline(fresh, *baseline) == 0);
    CHECK(fresh.size() == 2);
}

TEST_CASE("a version 1 baseline, keyed by path-bound fingerprints, still applies", "[audit][baseline]") {
    Finding f = finding("man2/open.2", "open", 41);
    std::string v1 = "{\"tool\": \"manaudit\", \"version\": 1, \"findings\": [{\"fingerprint\": \"" + f.fingerprint() +
                     "\"}]}";
    manaudit::Diagnostics diags;
    auto baseline = parse_baseline(v1, "old.json", diags);
    REQUIRE(baseline);
    std::vector<Finding> run = {f, finding("man2/fork.2", "fork", 3)};
    CHECK(apply_baseline(run, *baseline) == 1);
    CHECK(run.size() == 1);
    CHECK_FALSE(parse_baseline("{\"version\": 7, \"findings\": []}", "future.json", diags));
}
