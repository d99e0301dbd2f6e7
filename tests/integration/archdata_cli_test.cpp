// manaudit extract and archdiff, run as a user runs them.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "arch-data/arch_table.h"

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

// A per-process scratch directory, removed when the tests exit.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("manaudit-archdata-cli-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

fs::path scratch_dir() {
    static const Scratch scratch;
    return scratch.dir;
}

Run run_manaudit(const std::string& args) {
    fs::path out = scratch_dir() / "stdout", err = scratch_dir() / "stderr";
    std::string cmd = std::string(MANAUDIT_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
    int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

std::string shipped(const std::string& id, const std::string& kernel = "6.12") {
    return slurp(fs::path(MANAUDIT_SOURCE_DIR) / "arch-data" / ("linux-" + kernel) / (id + ".xml"));
}

/// The kernel tree scripts/fetch-kernel-source.sh leaves in the cache, if any.
fs::path fetched_kernel_tree(const std::string& version) {
    const char* cache = std::getenv("MANAUDIT_CACHE");
    const char* home = std::getenv("HOME");
    fs::path base = cache && *cache ? fs::path(cache) : fs::path(home ? home : "/root") / ".cache" / "manaudit";
    return base / ("linux-" + version) / "src";
}

}  // namespace

TEST_CASE("regenerating from the kernel source reproduces the shipped files byte for byte", "[cli][extract]") {
    const fs::path tree = fetched_kernel_tree("6.12");
    if (!fs::exists(tree / "Makefile")) {
        WARN("SKIP: no Linux 6.12 source at " << tree << " (scripts/fetch-kernel-source.sh 6.12)");
        return;
    }
    for (const char* id : {"arm64", "mips-o32", "alpha", "loongarch64", "i386"}) {
        INFO(id);
        // The fetch script installs each ARCH's headers in turn; one still missing is not there yet.
        const fs::path headers = tree.parent_path() / "headers" / std::string(::manaudit::archdata::find_arch(id)->kernel_arch);
        if (!fs::exists(headers / "include" / "asm" / "unistd.h")) {
            WARN("SKIP: " << id << ": no installed headers at " << headers);
            continue;
        }
        fs::path file = scratch_dir() / (std::string(id) + ".xml");
        Run r = run_manaudit(std::string("extract --arch ") + id + " --kernel-source " + tree.string() + " -o " +
                         file.string());
        INFO(r.err);
        REQUIRE(r.status == 0);
        std::string made = slurp(file);
        REQUIRE_FALSE(made.empty());
        CHECK(made == shipped(id));
    }
}

TEST_CASE("extraction is deterministic: stdout twice, and --all on 1 or 2 workers", "[cli][extract]") {
    Run first = run_manaudit("extract --arch x86_64");
    Run second = run_manaudit("extract --arch x86_64");
    REQUIRE(first.status == 0);
    CHECK(first.out == second.out);

    fs::path one = scratch_dir() / "j1", two = scratch_dir() / "j2";
    REQUIRE(run_manaudit("extract --all -j 1 -o " + one.string()).status == 0);
    REQUIRE(run_manaudit("extract --all -j 2 -o " + two.string()).status == 0);
    for (const auto& entry : fs::directory_iterator(one)) {
        INFO(entry.path().filename());
        CHECK(slurp(entry.path()) == slurp(two / entry.path().filename()));
    }
}

TEST_CASE("extract: bad input gives a clear error and exit 2", "[cli][extract]") {
    Run unknown = run_manaudit("extract --arch vax");
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("unknown arch id 'vax'") != std::string::npos);

    Run missing = run_manaudit("extract --arch arm64 --sysroot /nonexistent/include");
    CHECK(missing.status == 2);
    CHECK(missing.err.find("/nonexistent/include") != std::string::npos);

    Run broken = run_manaudit(std::string("extract --arch x86_64 --sysroot ") + MANAUDIT_FIXTURES + "/headers/broken");
    CHECK(broken.status == 3);
    CHECK(broken.err.find("asm/unistd.h:3:") != std::string::npos);
    CHECK(broken.err.find("do not compile") != std::string::npos);

    CHECK(run_manaudit("extract").status == 2);
    CHECK(run_manaudit("extract --all").status == 2);  // needs -o DIR
}

TEST_CASE("archdiff x86_64 arm64 from the shipped data", "[cli][archdiff]") {
    Run r = run_manaudit("archdiff x86_64 arm64");
    INFO(r.err);
    CHECK(r.status == 1);  // they differ
    CHECK(r.out.find("syscalls only in x86_64 (") != std::string::npos);
    CHECK(r.out.find("\n  open\n") != std::string::npos);
    CHECK(r.out.find("  read: 0 -> 63\n") != std::string::npos);
    CHECK(r.out.find("  O_DIRECT: 16384 -> 65536\n") != std::string::npos);
    CHECK(r.out.find("  struct epoll_event:\n    size 12 -> 16\n") != std::string::npos);

    Run json = run_manaudit("archdiff x86_64 arm64 --format json");
    CHECK(json.status == 1);
    CHECK(json.out.find("\"a\": \"x86_64\"") != std::string::npos);
    CHECK(json.out.find("\"renumbered\"") != std::string::npos);

    Run same = run_manaudit("archdiff arm64 " + (fs::path(MANAUDIT_SOURCE_DIR) / "arch-data/linux-6.12/arm64.xml").string());
    CHECK(same.status == 0);
}

TEST_CASE("archdiff across kernels: calls added, removed, renumbered", "[cli][archdiff]") {
    Run r = run_manaudit("archdiff linux-6.1/arm64 linux-6.12/arm64");
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.out.find("archdiff linux-6.1/arm64 (A) linux-6.12/arm64 (B)") != std::string::npos);
    CHECK(r.out.find("syscalls added in Linux 6.12 (") != std::string::npos);
    CHECK(r.out.find("\n  cachestat\n") != std::string::npos);
    CHECK(r.out.find("syscalls removed since Linux 6.1 (") != std::string::npos);
    Run unknown = run_manaudit("archdiff linux-5.10/arm64 arm64");
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("no data for Linux 5.10") != std::string::npos);
}

TEST_CASE("archdiff: unknown ids and broken files are errors naming them", "[cli][archdiff]") {
    Run unknown = run_manaudit("archdiff x86_64 vax");
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("vax: error: unknown arch id") != std::string::npos);

    fs::path cut = scratch_dir() / "cut.xml";
    std::string text = shipped("arm64");
    std::ofstream(cut) << text.substr(0, text.size() / 3);
    Run truncated = run_manaudit("archdiff x86_64 " + cut.string());
    CHECK(truncated.status == 2);
    CHECK(truncated.err.find(cut.string() + ":") != std::string::npos);

    Run format = run_manaudit("archdiff x86_64 arm64 --format yaml");
    CHECK(format.status == 2);
}
