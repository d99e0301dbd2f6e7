// manaudit(1) and the shell completions: lint-clean, covering every command
// and option the program has, installed by `cmake --install`.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string output;  // stdout and stderr together
};

Run shell(const std::string& command) {
    Run r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.output.append(buf, n);
    int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool have(const char* tool) { return shell(std::string("command -v ") + tool + " >/dev/null").status == 0; }

const std::string kManual = std::string(MANAUDIT_SOURCE_DIR) + "/docs/manaudit.1";
const char* const kCommands[] = {"audit", "report", "patch", "archdiff", "parse", "extract"};

// The long options a subcommand's --help lists.
std::set<std::string> long_options(const std::string& command) {
    Run help = shell(std::string(MANAUDIT_BINARY) + " " + command + " --help");
    std::set<std::string> out;
    std::regex option("--[a-z][a-z-]+");
    for (auto it = std::sregex_iterator(help.output.begin(), help.output.end(), option); it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    out.erase("--help");
    return out;
}

}  // namespace

TEST_CASE("manaudit(1) passes mandoc -Tlint and groff -ww with no message", "[report][manual]") {
    if (!have("mandoc") || !have("groff")) {
        WARN("SKIP: mandoc or groff not installed (scripts/install-deps.sh installs them)");
        return;
    }
    Run mandoc = shell("mandoc -Tlint " + kManual);
    INFO(mandoc.output);
    CHECK(mandoc.status == 0);
    CHECK(mandoc.output.empty());
    Run groff = shell("groff -man -ww -z " + kManual);
    INFO(groff.output);
    CHECK(groff.status == 0);
    CHECK(groff.output.empty());
}

TEST_CASE("manaudit audit finds nothing wrong with manaudit(1)", "[report][manual]") {
    Run audit = shell(std::string(MANAUDIT_BINARY) + " audit " + kManual);
    INFO(audit.output);
    CHECK(audit.status == 0);
    CHECK(audit.output.find("warning:") == std::string::npos);
    CHECK(audit.output.find("error:") == std::string::npos);
    CHECK(audit.output.find("manaudit: 0 findings") != std::string::npos);
}

TEST_CASE("manaudit(1) and the completions cover every command and option", "[report][manual]") {
    const std::string manual = slurp(kManual);
    const std::string bash = slurp(std::string(MANAUDIT_SOURCE_DIR) + "/docs/completion/manaudit.bash");
    const std::string zsh = slurp(std::string(MANAUDIT_SOURCE_DIR) + "/docs/completion/_manaudit");
    for (const char* section : {".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", ".B NO_COLOR",
                                ".B MANAUDIT_ARCH_DATA"})
        CHECK(manual.find(section) != std::string::npos);
    for (const char* command : kCommands) {
        INFO(command);
        CHECK(std::regex_search(manual, std::regex("\n\\.B[RI]? \"?" + std::string(command) + "[ \"\n]")));
        CHECK(bash.find(command) != std::string::npos);
        CHECK(zsh.find(std::string("'") + command + ":") != std::string::npos);
        const auto options = long_options(command);
        CHECK(options.size() >= 3);
        for (const auto& option : options) {
            INFO(option);
            std::string roff = std::regex_replace(option, std::regex("-"), "\\-");
            CHECK(manual.find(roff) != std::string::npos);
            CHECK(bash.find(option) != std::string::npos);
            CHECK(zsh.find(option) != std::string::npos);
        }
    }
    if (have("bash")) CHECK(shell("bash -n " + std::string(MANAUDIT_SOURCE_DIR) + "/docs/completion/manaudit.bash").status == 0);
    if (have("zsh")) CHECK(shell("zsh -n " + std::string(MANAUDIT_SOURCE_DIR) + "/docs/completion/_manaudit").status == 0);
}

TEST_CASE("cmake --install puts the binary, manual, completions and arch data in place", "[report][install]") {
    fs::path prefix = fs::temp_directory_path() / ("manaudit-install-" + std::to_string(::getpid()));
    fs::remove_all(prefix);
    Run install = shell("cmake --install " + std::string(MANAUDIT_BUILD_DIR) + " --prefix " + prefix.string());
    INFO(install.output);
    REQUIRE(install.status == 0);
    for (const char* file : {"bin/manaudit", "share/man/man1/manaudit.1", "share/bash-completion/completions/manaudit",
                             "share/zsh/site-functions/_manaudit", "share/manaudit/arch-data/linux-6.1/x86_64.xml",
                             "share/manaudit/arch-data/linux-6.1/arc.xml"}) {
        INFO(file);
        CHECK(fs::is_regular_file(prefix / file));
    }
    // The installed binary finds the installed data, and man reads the installed page.
    Run diff = shell((prefix / "bin/manaudit").string() + " archdiff amd64 aarch64 --only-missing");
    CHECK(diff.status == 1);
    CHECK(diff.output.find("only in arm64") != std::string::npos);
    if (have("man")) {
        Run man = shell("MANPATH=" + (prefix / "share/man").string() + " man -P cat manaudit");
        CHECK(man.output.find("EXIT STATUS") != std::string::npos);
    }
    fs::remove_all(prefix);
}
