// The patch series on the real release: the installed 6.03 pages laid out as
// an upstream tree by scripts/make_upstream_tree.sh, patched in both modes by
// the manaudit binary, checked with git apply, patch, git am, groff and mandoc.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Output {
    int status = -1;
    std::string text;  ///< stdout and stderr together
};

Output capture(const std::string& command) {
    Output out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
    if (!pipe) return out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0) out.text.append(buf, n);
    int status = pclose(pipe.release());
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The lint messages for one page, without file names and line numbers (which
/// an insertion shifts), counted.
std::map<std::string, int> lint_messages(const fs::path& tree, const std::string& page) {
    std::map<std::string, int> counts;
    std::string file = quote(tree / page);
    Output groff = capture("cd " + quote(tree) + " && groff -t -man -ww -z " + file);
    Output mandoc = capture("cd " + quote(tree) + " && mandoc -Tlint " + file);
    static const std::regex location(R"(^.*?:\d+(:\d+)?: )");
    for (const Output* o : {&groff, &mandoc}) {
        std::size_t start = 0;
        while (start < o->text.size()) {
            std::size_t end = o->text.find('\n', start);
            if (end == std::string::npos) end = o->text.size();
            std::string line = std::regex_replace(o->text.substr(start, end - start), location, "");
            if (!line.empty()) ++counts[line];
            start = end + 1;
        }
    }
    return counts;
}

/// The pages a series changes: every "diff --git a/X b/X".
std::vector<std::string> changed_pages(const fs::path& series_dir) {
    std::set<std::string> pages;
    static const std::regex header(R"(^diff --git a/(\S+) b/\S+$)");
    for (const auto& entry : fs::directory_iterator(series_dir)) {
        std::string text = read_bytes(entry.path());
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::smatch m;
            std::string line = text.substr(start, end - start);
            if (std::regex_match(line, m, header)) pages.insert(m[1]);
            start = end + 1;
        }
    }
    return {pages.begin(), pages.end()};
}

std::vector<fs::path> patch_files(const fs::path& series_dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(series_dir))
        if (entry.path().filename().string().rfind("0000-", 0) != 0) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// A scratch directory removed when the test program ends.
struct ScratchRoot {
    fs::path path = fs::temp_directory_path() / ("manaudit-release-" + std::to_string(getpid()));
    ScratchRoot() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchRoot() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/// One upstream-layout tree (a git repository) for the whole test run.
const fs::path& release_tree() {
    static ScratchRoot root;
    static fs::path tree = [] {
        Output made = capture(std::string(MANAUDIT_SOURCE_DIR) + "/scripts/make_upstream_tree.sh --git " +
                              quote(root.path / "tree"));
        if (made.status != 0) FAIL("make_upstream_tree.sh failed:\n" << made.text);
        return root.path / "tree";
    }();
    return tree;
}

const char* const kGit = "git -c user.name=Tester -c user.email=tester@example.org ";

}  // namespace

TEST_CASE("the laid-out release has the upstream layout", "[integration][patches]") {
    if (!fs::exists("/usr/share/man/man2/readdir.2.gz")) {
        WARN("the man-pages release is not installed; nothing to check");
        return;
    }
    const fs::path& tree = release_tree();
    CHECK(fs::is_regular_file(tree / "man2/readdir.2"));
    CHECK(fs::is_regular_file(tree / "man3type/epoll_event.3type"));
    CHECK(read_bytes(tree / "man2/oldlstat.2") == ".so man2/stat.2\n");
    CHECK(read_bytes(tree / "man3type/epoll_data.3type") == ".so man3type/epoll_event.3type\n");
    CHECK(read_bytes(tree / "man2/readdir.2").rfind(".\\\" Copyright", 0) == 0);
    CHECK(capture("cd " + quote(tree) + " && git status --porcelain").text.empty());
}

TEST_CASE("both modes give series that apply, git am cleanly and lint no worse", "[integration][patches]") {
    if (!fs::exists("/usr/share/man/man2/readdir.2.gz")) {
        WARN("the man-pages release is not installed; nothing to check");
        return;
    }
    const fs::path& tree = release_tree();
    const fs::path root = tree.parent_path();

    for (const char* mode : {"flag", "fix"}) {
        DYNAMIC_SECTION("mode " << mode) {
            fs::path out = root / (std::string("series-") + mode);
            fs::remove_all(out);
            Output run = capture(std::string(MANAUDIT_BINARY) + " patch " + quote(tree) + " --mode " + mode +
                                 " -o " + quote(out) + " --from 'Ada Tester <ada@example.org>' -j 2");
            INFO(run.text);
            // 1: findings, written as patches.
            REQUIRE(run.status == 1);
            std::vector<fs::path> patches = patch_files(out);
            REQUIRE(patches.size() >= 3);
            CHECK(fs::exists(out / "0000-cover-letter.patch"));
            std::vector<std::string> pages = changed_pages(out);
            CHECK(pages.size() == patches.size());
            CHECK(std::find(pages.begin(), pages.end(), "man2/readdir.2") != pages.end());
            CHECK(std::find(pages.begin(), pages.end(), "man3type/epoll_event.3type") != pages.end());

            for (const auto& p : patches) {
                INFO(p.filename().string());
                CHECK(capture("cd " + quote(tree) + " && git apply --check " + quote(p)).status == 0);
                CHECK(capture("cd " + quote(tree) + " && patch -p1 --dry-run -s < " + quote(p)).status == 0);
                std::string text = read_bytes(p);
                CHECK(text.find("\nSigned-off-by:") == std::string::npos);
                CHECK(text.rfind("From ", 0) == 0);
            }

            // The whole series on a copy of the repository.
            fs::path copy = root / (std::string("am-") + mode);
            fs::remove_all(copy);
            REQUIRE(capture("git clone -q " + quote(tree) + " " + quote(copy)).status == 0);
            std::string files;
            for (const auto& p : patches) files += " " + quote(p);
            Output am = capture("cd " + quote(copy) + " && " + kGit + "am -q" + files);
            INFO(am.text);
            REQUIRE(am.status == 0);
            Output log = capture("cd " + quote(copy) + " && git rev-list --count HEAD");
            CHECK(std::stoi(log.text) == int(patches.size()) + 1);

            // No page lints worse than before.
            for (const auto& page : pages) {
                auto before = lint_messages(tree, page);
                auto after = lint_messages(copy, page);
                for (const auto& [message, count] : after) {
                    INFO(page << ": " << message);
                    CHECK(count <= before[message]);
                }
            }
            // The original tree is untouched.
            CHECK(capture("cd " + quote(tree) + " && git status --porcelain").text.empty());
        }
    }
}

TEST_CASE("patch refuses a used output directory and --apply a changed page", "[integration][patches]") {
    if (!fs::exists("/usr/share/man/man2/readdir.2.gz")) {
        WARN("the man-pages release is not installed; nothing to check");
        return;
    }
    const fs::path& tree = release_tree();
    const fs::path root = tree.parent_path();
    const std::string binary = MANAUDIT_BINARY;

    // A directory with a file in it: refused, and left as it was.
    fs::path used = root / "used";
    fs::create_directories(used);
    std::ofstream(used / "keep.txt") << "mine";
    Output refused = capture(binary + " patch " + quote(tree / "man2/readdir.2") + " -o " + quote(used) +
                             " --from 'A <a@example.org>'");
    CHECK(refused.status == 2);
    CHECK(refused.text.find("not empty") != std::string::npos);
    CHECK(std::distance(fs::directory_iterator(used), {}) == 1);

    // --apply on a copy whose page differs from the audited one: nothing changes.
    fs::path copy = root / "apply-copy";
    fs::remove_all(copy);
    REQUIRE(capture("git clone -q " + quote(tree) + " " + quote(copy)).status == 0);
    {
        std::ofstream edit(copy / "man2/readdir.2", std::ios::app);
        edit << ".\\\" a local edit\n";
    }
    std::string edited = read_bytes(copy / "man2/readdir.2");
    Output apply = capture(binary + " patch " + quote(tree / "man2/readdir.2") + " --apply " + quote(copy) +
                           " --from 'A <a@example.org>'");
    CHECK(apply.status == 2);
    CHECK(apply.text.find("changed since it was audited") != std::string::npos);
    CHECK(read_bytes(copy / "man2/readdir.2") == edited);

    // --apply on a clean copy changes exactly the patched page.
    REQUIRE(capture("cd " + quote(copy) + " && git checkout -q -- .").status == 0);
    Output applied = capture(binary + " patch " + quote(tree / "man2/readdir.2") + " --apply " + quote(copy) +
                             " --from 'A <a@example.org>'");
    INFO(applied.text);
    CHECK(applied.status == 1);
    Output changed = capture("cd " + quote(copy) + " && git status --porcelain");
    CHECK(changed.text == " M man2/readdir.2\n");
}

TEST_CASE("a series made from the installed release applies to the upstream tree, 3type pages too",
          "[integration][patches]") {
    if (!fs::exists("/usr/share/man/man3/epoll_event.3type.gz")) {
        WARN("the man-pages release is not installed; nothing to check");
        return;
    }
    const fs::path& tree = release_tree();
    fs::path out = tree.parent_path() / "series-installed";
    fs::remove_all(out);
    // The installed release keeps the 3type pages in man3/; the series must name them as upstream does.
    Output run = capture(std::string(MANAUDIT_BINARY) +
                         " patch /usr/share/man/man2/epoll_wait.2.gz /usr/share/man/man3/epoll_event.3type.gz"
                         " --mode fix -o " + quote(out) + " --from 'Ada Tester <ada@example.org>'");
    INFO(run.text);
    REQUIRE(run.status == 1);
    std::vector<std::string> pages = changed_pages(out);
    CHECK(std::find(pages.begin(), pages.end(), "man3type/epoll_event.3type") != pages.end());
    for (const auto& page : pages) CHECK(page.rfind("man3/", 0) != 0);
    for (const auto& p : patch_files(out)) {
        INFO(p.filename().string());
        CHECK(capture("cd " + quote(tree) + " && git apply --check " + quote(p)).status == 0);
    }
}
