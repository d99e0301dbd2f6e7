// `manaudit report` and the GNU-style CLI, run as a user runs them.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <pugixml.hpp>

#include "../audit/checks/world.h"
#include "arch-data/store.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("manaudit-report-cli-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const fs::path& scratch() {
    static const Scratch s;
    return s.dir;
}

Run run_manaudit(const std::string& args) {
    fs::path out = scratch() / "stdout", err = scratch() / "stderr";
    std::string cmd = std::string(MANAUDIT_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
    int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

// The four-ABI test world as arch-data files, and the options that select it.
std::string world_options() {
    static const std::string options = [] {
        fs::path dir = scratch() / "world";
        fs::create_directories(dir);
        manaudit::Diagnostics diags;
        for (const auto& facts : manaudit::audit::testing::small_world())
            manaudit::archdata::write_arch_file(facts, (dir / (facts.provenance.arch_id + ".xml")).string(), diags);
        return "--arch-data " + dir.string() + " --arch x86_64,i386,aarch64,riscv64 ";
    }();
    return options;
}

std::string fixture(const std::string& rel) { return std::string(MANAUDIT_FIXTURES) + "/audit/" + rel; }

// Files in `dir` whose names start with `prefix` (temporaries left behind).
int files_starting(const fs::path& dir, const std::string& prefix) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().starts_with(prefix);
    return n;
}

}  // namespace

TEST_CASE("report -o FILE writes a well-formed page with the audit's findings", "[report][cli]") {
    fs::path out = scratch() / "report.html";
    Run r = run_manaudit("report " + world_options() + fixture("syscall-missing-on-arch/frob.2") + " -o " + out.string());
    INFO(r.err);
    CHECK(r.status == 1);  // findings, as audit says
    Run audit = run_manaudit("audit --format json " + world_options() + fixture("syscall-missing-on-arch/frob.2"));
    std::size_t findings = 0;
    for (std::size_t pos = 0; (pos = audit.out.find("\"check\":", pos)) != std::string::npos; ++pos) ++findings;
    REQUIRE(findings > 0);

    pugi::xml_document doc;
    REQUIRE(doc.load_file(out.c_str(), pugi::parse_default | pugi::parse_doctype));
    CHECK(doc.select_nodes("//li[@class='finding']").size() == findings);
    auto heads = doc.select_nodes("//table[@id='page-matrix']/thead/tr/th[@data-arch]");
    REQUIRE(heads.size() == 4);
    CHECK(std::string(heads[2].node().attribute("data-arch").value()) == "arm64");  // typed as aarch64
    CHECK(files_starting(scratch(), ".report.html.") == 0);

    Run exit_zero = run_manaudit("report --exit-zero --format text " + world_options() + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(exit_zero.status == 0);
    CHECK(exit_zero.out.find("Pages x ABIs") != std::string::npos);
}

TEST_CASE("report --other-kernel adds the syscalls each ABI gained, lost or renumbered", "[report][cli]") {
    fs::path newer = scratch() / "newer";
    fs::create_directories(newer);
    manaudit::Diagnostics diags;
    for (auto facts : manaudit::audit::testing::small_world()) {
        facts.provenance.kernel_version = "6.12";
        if (facts.provenance.arch_id == "arm64") facts.syscalls["cachestat"] = {"cachestat", 451, "asm/unistd.h", false};
        if (facts.provenance.arch_id == "i386") facts.syscalls.erase("olddir");
        REQUIRE(manaudit::archdata::write_arch_file(facts, (newer / (facts.provenance.arch_id + ".xml")).string(), diags));
    }
    Run r = run_manaudit("report --exit-zero --format text --other-kernel " + newer.string() + " " + world_options() +
                         fixture("syscall-missing-on-arch/frob.2"));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("Syscalls from Linux 6.1 to Linux 6.12:\n") != std::string::npos);
    CHECK(r.out.find("  arm64: 1 added, 0 removed, 0 renumbered\n    added: cachestat\n") != std::string::npos);
    CHECK(r.out.find("  i386: 0 added, 1 removed, 0 renumbered\n    removed: olddir\n") != std::string::npos);

    Run missing = run_manaudit("report --other-kernel /nonexistent " + world_options() + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(missing.status == 2);
    CHECK(missing.err.find("/nonexistent") != std::string::npos);
}

TEST_CASE("report: an output folder that is missing or unwritable is a clear error, nothing written",
          "[report][cli]") {
    fs::path missing = scratch() / "no-such-dir" / "report.html";
    Run r = run_manaudit("report " + world_options() + fixture("syscall-missing-on-arch/frob.2") + " -o " + missing.string());
    CHECK(r.status == 2);
    CHECK(r.err == "manaudit: " + missing.string() + ": error: directory '" + missing.parent_path().string() +
                       "' does not exist\n");
    CHECK_FALSE(fs::exists(missing.parent_path()));
    CHECK(r.out.empty());

    // A folder no one may create files in, root included.
    Run proc = run_manaudit("report " + world_options() + fixture("syscall-missing-on-arch/frob.2") + " -o /proc/report.html");
    CHECK(proc.status == 2);
    CHECK(proc.err.find("manaudit: /proc/report.html: error: ") == 0);
    CHECK_FALSE(fs::exists("/proc/report.html"));

    // A directory given as the file.
    Run dir = run_manaudit("report " + world_options() + fixture("syscall-missing-on-arch/frob.2") + " -o " + scratch().string());
    CHECK(dir.status == 2);
    CHECK(dir.err.find("is a directory") != std::string::npos);

    // Not root: a read-only folder keeps the old report untouched and no temporary.
    if (::geteuid() != 0) {
        fs::path ro = scratch() / "ro";
        fs::create_directories(ro);
        std::ofstream(ro / "report.html") << "old";
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        Run denied = run_manaudit("report " + world_options() + fixture("syscall-missing-on-arch/frob.2") + " -o " +
                              (ro / "report.html").string());
        fs::permissions(ro, fs::perms::owner_all);
        CHECK(denied.status == 2);
        CHECK(denied.err.find("Permission denied") != std::string::npos);
        CHECK(slurp(ro / "report.html") == "old");
        CHECK(files_starting(ro, ".report.html.") == 0);
    }
}

TEST_CASE("help names the program, shows placeholders, defaults and exit statuses", "[report][cli]") {
    Run top = run_manaudit("--help");
    CHECK(top.status == 0);
    CHECK(top.out.find("Usage: manaudit ") != std::string::npos);
    CHECK(top.out.find(MANAUDIT_BINARY) == std::string::npos);
    CHECK(top.out.find("report") != std::string::npos);
    CHECK(top.out.find("Exit status:") != std::string::npos);

    Run report = run_manaudit("report --help");
    CHECK(report.status == 0);
    CHECK(report.out.find("Usage: manaudit report") != std::string::npos);
    CHECK(report.out.find("-o,--output FILE") != std::string::npos);
    CHECK(report.out.find("--arch LIST") != std::string::npos);
    CHECK(report.out.find("--arch-data DIR") != std::string::npos);
    CHECK(report.out.find("--format FORMAT") != std::string::npos);
    CHECK(report.out.find("=html") != std::string::npos);  // the default
    CHECK(report.out.find("2  usage or configuration error") != std::string::npos);
    CHECK(report.out.find(" TEXT") == std::string::npos);  // no generic placeholder left

    Run patch = run_manaudit("patch --help");
    CHECK(patch.out.find("-o,--output DIR") != std::string::npos);
    Run extract = run_manaudit("extract --help");
    CHECK(extract.out.find("--arch ID") != std::string::npos);
    Run archdiff = run_manaudit("archdiff --help");
    CHECK(archdiff.out.find("ID|FILE") != std::string::npos);
}

TEST_CASE("the version flags print the version first", "[report][cli]") {
    for (const char* flag : {"--version", "-V"}) {
        Run r = run_manaudit(flag);
        CHECK(r.status == 0);
        CHECK(r.out.starts_with("manaudit 0."));
    }
}

TEST_CASE("usage errors go to stderr in the one diagnostic format, exit 2", "[report][cli]") {
    Run r = run_manaudit("report --format yaml");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("manaudit: error: "));
    Run unknown = run_manaudit("report --arch vax " + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("manaudit: error: unknown architecture 'vax'") != std::string::npos);
}

TEST_CASE("audit text ends with a summary line, and --brief prints one line per finding", "[report][cli]") {
    Run full = run_manaudit("audit " + world_options() + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(full.status == 1);
    CHECK(full.out.find("    note: ") != std::string::npos);
    CHECK(full.out.find("\nmanaudit: ") != std::string::npos);
    CHECK(full.out.find("syscall-missing-on-arch 1) on 1 of 1 pages, 4 ABIs, Linux 6.1 facts\n") != std::string::npos);

    Run brief = run_manaudit("audit --brief " + world_options() + fixture("syscall-missing-on-arch/frob.2"));
    CHECK(brief.status == 1);
    CHECK(brief.out.find("note:") == std::string::npos);
    std::istringstream lines(brief.out);
    int warnings = 0, summaries = 0;
    for (std::string line; std::getline(lines, line);) {
        warnings += line.find(": warning: ") != std::string::npos;
        summaries += line.starts_with("manaudit: ");
    }
    CHECK(warnings == 1);
    CHECK(summaries == 1);
}

TEST_CASE("archdiff: aliases, --only-missing, a summary first, and html", "[report][cli][archdiff]") {
    Run r = run_manaudit("archdiff amd64 aarch64 --only-missing");
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.out.starts_with("summary "));
    // Renumberings are left out: the "differ" column says 0.
    CHECK(std::regex_search(r.out, std::regex("\n  syscalls +[1-9][0-9]* +0 +0\n")));
    CHECK(r.out.find("\n  open\n") != std::string::npos);
    CHECK(r.out.find("numbered differently (0)") != std::string::npos);
    CHECK(r.out.find("read: 0 -> 63") == std::string::npos);

    fs::path out = scratch() / "archdiff.html";
    Run html = run_manaudit("archdiff ppc64el armhf --format html -o " + out.string());
    CHECK(html.status == 1);
    pugi::xml_document doc;
    REQUIRE(doc.load_file(out.c_str(), pugi::parse_default | pugi::parse_doctype));
    CHECK(std::string(doc.select_node("//h1").node().text().get()).find("powerpc64le") != std::string::npos);
    CHECK(doc.select_nodes("//table[@id='archdiff-summary']/tbody/tr").size() == 4);
}
