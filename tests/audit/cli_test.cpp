// Tests of `manaudit audit` as a program: exit statuses and bad input.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "arch-data/store.h"
#include "checks/world.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string output;  // stdout and stderr together
};

Run run(const std::string& args) {
    std::string command = std::string(MANAUDIT_BINARY) + " audit " + args + " 2>&1";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.output.append(buf, n);
    int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

/// A fresh scratch directory for one test.
fs::path scratch_dir() {
    fs::path dir = fs::temp_directory_path() / ("manaudit-audit-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

std::string fixture(const std::string& rel) { return std::string(MANAUDIT_FIXTURES) + "/audit/" + rel; }

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p);
    out << text;
}

}  // namespace

TEST_CASE("audit --list-checks prints every check", "[audit][cli]") {
    Run r = run("--list-checks");
    CHECK(r.status == 0);
    CHECK(r.output.find("syscall-missing-on-arch") != std::string::npos);
    CHECK(r.output.find("syscalls-table-notes") != std::string::npos);
}

TEST_CASE("audit: an unknown check is a usage error", "[audit][cli]") {
    Run r = run("--check no-such-check " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 2);
    CHECK(r.output.find("no-such-check") != std::string::npos);
}

TEST_CASE("audit: an unknown arch is a usage error", "[audit][cli]") {
    Run r = run("--arch x86_64,vax " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 2);
    CHECK(r.output.find("vax") != std::string::npos);
}

TEST_CASE("audit: a bad --format or --color is a usage error", "[audit][cli]") {
    CHECK(run("--format xml " + fixture("syscall-missing-on-arch/frob.2")).status == 2);
    CHECK(run("--color sometimes " + fixture("syscall-missing-on-arch/frob.2")).status == 2);
}

TEST_CASE("audit: a missing arch-data directory is a configuration error", "[audit][cli]") {
    Run r = run("--arch-data /nonexistent/arch-data " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 2);
    CHECK(r.output.find("/nonexistent/arch-data") != std::string::npos);
}

TEST_CASE("audit: a missing or malformed arch-data file is a configuration error", "[audit][cli]") {
    fs::path dir = scratch_dir();
    // No x86_64.xml at all.
    Run missing = run("--arch-data " + dir.string() + " --arch x86_64 " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(missing.status == 2);
    CHECK(missing.output.find("x86_64.xml") != std::string::npos);

    // A truncated file.
    write(dir / "x86_64.xml", "<?xml version=\"1.0\"?>\n<arch-data format=\"1\" arch=\"x86_64\">\n  <syscalls>\n");
    Run broken = run("--arch-data " + dir.string() + " --arch x86_64 " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(broken.status == 2);
    CHECK(broken.output.find("x86_64.xml") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("audit: a baseline that does not parse is a configuration error", "[audit][cli]") {
    fs::path dir = scratch_dir();
    write(dir / "baseline.json", "{ \"findings\": [ oops ] }\n");
    Run r = run("--baseline " + (dir / "baseline.json").string() + " " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 2);
    CHECK(r.output.find("baseline.json") != std::string::npos);
    fs::remove_all(dir);
}

namespace {

/// The four-arch test world written as arch-data files; returns the --arch-data/--arch options.
std::string small_world_options(const fs::path& dir) {
    manaudit::Diagnostics diags;
    for (const auto& facts : manaudit::audit::testing::small_world())
        REQUIRE(manaudit::archdata::write_arch_file(facts, (dir / (facts.provenance.arch_id + ".xml")).string(), diags));
    return "--arch-data " + dir.string() + " --arch x86_64,i386,arm64,riscv64 ";
}

}  // namespace

TEST_CASE("audit: findings exit 1, --exit-zero exits 0", "[audit][cli]") {
    fs::path dir = scratch_dir();
    std::string opts = small_world_options(dir);
    Run r = run(opts + "--color never " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 1);
    CHECK(r.output.find("frob.2:8:1: warning: system call frob does not exist on arm64, riscv64") != std::string::npos);
    CHECK(r.output.find("    note: arm64: absent") != std::string::npos);
    CHECK(r.output.find('\033') == std::string::npos);
    CHECK(run(opts + "--exit-zero " + fixture("syscall-missing-on-arch/frob.2")).status == 0);
    CHECK(run(opts + fixture("syscall-missing-on-arch/frob_documented.2")).status == 0);
    fs::remove_all(dir);
}

TEST_CASE("audit: a written baseline silences the same findings", "[audit][cli]") {
    fs::path dir = scratch_dir();
    std::string opts = small_world_options(dir);
    std::string page = fixture("syscall-missing-on-arch/frob.2");
    std::string baseline = (dir / "accepted.json").string();
    CHECK(run(opts + "--write-baseline " + baseline + " " + page).status == 1);
    REQUIRE(fs::exists(baseline));
    CHECK(run(opts + "--baseline " + baseline + " " + page).status == 0);
    // A finding the baseline does not hold still fails.
    CHECK(run(opts + "--baseline " + baseline + " " + page + " " + fixture("x86-only-statement/olddir.2")).status == 1);
    fs::remove_all(dir);
}

TEST_CASE("audit: SARIF to a file", "[audit][cli][sarif]") {
    fs::path dir = scratch_dir();
    std::string opts = small_world_options(dir);
    std::string out = (dir / "out.sarif").string();
    Run r = run(opts + "--format sarif -o " + out + " " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 1);
    std::ifstream in(out);
    auto doc = nlohmann::json::parse(in);
    CHECK(doc["version"] == "2.1.0");
    REQUIRE(doc["runs"][0]["results"].size() == 1);
    CHECK(doc["runs"][0]["results"][0]["ruleId"] == "syscall-missing-on-arch");
    fs::remove_all(dir);
}

TEST_CASE("audit: an unreadable input exits 3, the rest still audited", "[audit][cli]") {
    fs::path dir = scratch_dir();
    std::string opts = small_world_options(dir);
    Run r = run(opts + "/nonexistent/page.2 " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 3);
    CHECK(r.output.find("/nonexistent/page.2") != std::string::npos);
    CHECK(r.output.find("system call frob does not exist") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("audit: a page of nested strings gets one error, the others are still audited", "[audit][cli]") {
    fs::path dir = scratch_dir();
    std::string opts = small_world_options(dir);
    std::string bomb = ".TH bomb 2\n.SH NAME\nbomb \\- x\n.SH DESCRIPTION\n.ds x ";
    for (int i = 0; i < 10; ++i) bomb += "\\*x";
    bomb += "\n\\*x\n";
    write(dir / "bomb.2", bomb);
    Run r = run(opts + "--color never " + (dir / "bomb.2").string() + " " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(r.status == 1);
    CHECK(r.output.find("bomb.2:6:") != std::string::npos);
    CHECK(r.output.find("string expansion exceeds") != std::string::npos);
    CHECK(r.output.find("system call frob does not exist") != std::string::npos);
    fs::remove_all(dir);
}
