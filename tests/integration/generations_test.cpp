// Every man-pages generation end to end, as maintainers hold it: 6.9.1 in
// today's layout (man/man2 with compat symlinks; fetched by
// scripts/fetch-release.sh), 6.03 laid out the same way from the installed
// release, and a 5.x-style fixture tree. Each is read given at its root, at
// man/ and as a tarball; both patch series must `git am` cleanly and lint no
// worse, in the page's own paragraph idiom.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "audit/baseline.h"
#include "audit/run.h"
#include "manpages/corpus.h"
#include "tree_support.h"

using namespace tree_support;
using manaudit::Severity;

namespace {

const char* const kGit = "git -c user.name=Tester -c user.email=tester@example.org ";

/// The 6.9.1 tree scripts/fetch-release.sh lays out, or empty when absent.
fs::path release_691() {
    if (const char* given = std::getenv("MANAUDIT_MAN_PAGES_691")) return given;
    const char* cache = std::getenv("MANAUDIT_CACHE");
    const char* home = std::getenv("HOME");
    fs::path dir = cache ? fs::path(cache) : fs::path(home ? home : "/tmp") / ".cache/manaudit";
    return dir / "man-pages-6.9.1";
}

ScratchRoot& scratch() {
    static ScratchRoot root("generations");
    return root;
}

/// 6.03 from /usr/share/man in today's upstream layout, made once.
fs::path release_603_man_layout() {
    static fs::path tree = [] {
        fs::path dest = scratch().path / "man-pages-6.03";
        Output made = capture(std::string(MANAUDIT_SOURCE_DIR) + "/scripts/make_upstream_tree.sh --git --man-dir " +
                              quote(dest));
        if (made.status != 0) FAIL("make_upstream_tree.sh failed:\n" << made.text);
        return dest;
    }();
    return tree;
}

/// The 5.x fixture tree as a git checkout whose history names pages "open.2: ...".
fs::path fixture_5x() {
    static fs::path tree = [] {
        fs::path dest = scratch().path / "man-pages-5.x";
        fs::copy(fs::path(MANAUDIT_FIXTURES) / "trees/gen5", dest, fs::copy_options::recursive);
        std::string git = "cd " + quote(dest) + " && " + kGit;
        if (capture(git + "init -q && " + kGit + "add -A && " + kGit + "commit -q -m 'Start of man-pages-5.13'")
                .status != 0)
            FAIL("cannot make the 5.x fixture a git repository");
        std::ofstream(dest / "man2/getdirent.2", std::ios::app) << ".\\\" a later edit\n";
        capture(git + "commit -q -a -m 'getdirent.2: Add a comment'");
        return dest;
    }();
    return tree;
}

/// A tarball of `tree` (without .git), its top folder named after the tree.
fs::path tarball_of(const fs::path& tree) {
    fs::path out = scratch().path / (tree.filename().string() + ".tar.gz");
    if (!fs::exists(out)) {
        Output tar = capture("tar -C " + quote(tree.parent_path()) + " --exclude=.git -czf " + quote(out) + " " +
                             quote(tree.filename()));
        if (tar.status != 0) FAIL("tar failed: " << tar.text);
    }
    return out;
}

/// Every real page file of sections 2* and 3type in the tree (not symlinks,
/// not `.so` redirects), relative to the root: each must be read once.
std::set<std::string> real_page_files(const fs::path& root) {
    std::set<std::string> out;
    for (const fs::path& base : {root, root / "man"}) {
        if (!fs::is_directory(base)) continue;
        for (const auto& dir : fs::directory_iterator(base)) {
            std::string name = dir.path().filename().string();
            if (dir.is_symlink() || !dir.is_directory()) continue;
            if (!(name.rfind("man2", 0) == 0 || name == "man3type")) continue;
            for (const auto& file : fs::directory_iterator(dir.path())) {
                if (file.is_symlink() || !file.is_regular_file()) continue;
                std::string text = read_bytes(file.path());
                if (text.rfind(".so ", 0) == 0 && std::count(text.begin(), text.end(), '\n') <= 1) continue;
                out.insert(file.path().lexically_relative(root).generic_string());
            }
        }
    }
    return out;
}

struct Audited {
    manaudit::audit::RunResult result;
    std::vector<std::string> findings;  ///< "page:line: [check] message"
};

Audited audit(const std::string& input) {
    manaudit::audit::RunInputs inputs;
    inputs.pages = {input};
    inputs.arch_data_dir = std::string(MANAUDIT_SOURCE_DIR) + "/arch-data/linux-6.1";
    Audited a;
    a.result = manaudit::audit::run_audit_on(inputs);
    for (const auto& f : a.result.findings)
        a.findings.push_back(f.page + ":" + std::to_string(f.line) + ": [" + f.check_id + "] " + f.message);
    std::sort(a.findings.begin(), a.findings.end());
    return a;
}

/// Read at the root, at man/ (when the tree has it) and as a tarball: the
/// same pages once each, no parse error, the same findings.
void check_reading(const fs::path& root) {
    Audited at_root = audit(root.string());
    std::vector<std::string> paths;
    for (const auto& page : at_root.result.pages) paths.push_back(page.path);
    std::set<std::string> unique(paths.begin(), paths.end());
    CHECK(unique.size() == paths.size());
    for (const auto& file : real_page_files(root)) {
        INFO("page file " << file);
        CHECK(unique.count(file) == 1);
    }
    for (const auto& d : at_root.result.diagnostics) {
        INFO(manaudit::format_diagnostic(d));
        CHECK(d.level != Severity::error);
    }
    CHECK(at_root.result.unreadable_inputs == 0);
    CHECK_FALSE(at_root.findings.empty());

    std::vector<std::string> forms = {tarball_of(root).string()};
    if (fs::is_directory(root / "man")) forms.push_back((root / "man").string());
    for (const auto& form : forms) {
        INFO("given as " << form);
        Audited other = audit(form);
        CHECK(other.result.pages.size() == at_root.result.pages.size());
        CHECK(other.result.unreadable_inputs == 0);
        CHECK(other.findings == at_root.findings);
    }
}

/// Both series `git am` cleanly on a clone, every patch; no patched page lints
/// worse; no `.PP` is added to a page that uses `.P`. Returns patches per mode.
std::map<std::string, int> check_series(const fs::path& root, const std::string& subject_prefix_example) {
    std::map<std::string, int> applied;
    std::map<std::string, std::map<std::string, int>> lint_before;
    for (const char* mode : {"flag", "fix"}) {
        INFO("mode " << mode);
        fs::path out = scratch().path / (root.filename().string() + "-series-" + mode);
        fs::remove_all(out);
        Output run = capture(std::string(MANAUDIT_BINARY) + " patch " + quote(root) + " --mode " + mode + " -o " +
                             quote(out) + " --from 'Ada Tester <ada@example.org>' -j 2");
        INFO(run.text);
        REQUIRE(run.status == 1);
        auto pages = changed_page_by_patch(out);
        auto patches = patch_files(out);
        REQUIRE(!patches.empty());
        CHECK(pages.size() == patches.size());
        CHECK(read_bytes(patches.front()).find("Subject: [PATCH 1/" + std::to_string(patches.size()) + "] " +
                                               subject_prefix_example) != std::string::npos);

        fs::path copy = scratch().path / (root.filename().string() + "-am-" + mode);
        fs::remove_all(copy);
        REQUIRE(capture("git clone -q " + quote(root) + " " + quote(copy)).status == 0);
        for (const auto& patch : patches) {
            INFO(patch.filename().string());
            Output am = capture("cd " + quote(copy) + " && " + kGit + "am -q " + quote(patch));
            INFO(am.text);
            REQUIRE(am.status == 0);
        }
        CHECK(std::stoi(capture("cd " + quote(copy) + " && git rev-list --count HEAD").text) >=
              int(patches.size()) + 1);
        applied[mode] = int(patches.size());

        for (const auto& [patch, page] : pages) {
            INFO(page);
            std::string original = read_bytes(root / page);
            bool uses_p = original.find("\n.P\n") != std::string::npos;
            bool uses_pp = original.find("\n.PP\n") != std::string::npos;
            if (uses_p && !uses_pp) {
                auto added = added_lines(patch);
                CHECK(std::find(added.begin(), added.end(), ".PP") == added.end());
            }
            if (!lint_before.count(page)) lint_before[page] = lint_messages(root, page);
            auto& before = lint_before[page];
            for (const auto& [message, count] : lint_messages(copy, page)) {
                INFO(message);
                CHECK(count <= before[message]);
            }
        }
        CHECK(capture("cd " + quote(root) + " && git status --porcelain").text.empty());
    }
    return applied;
}

}  // namespace

TEST_CASE("man-pages 6.9.1 in today's layout: read once whichever way given, series apply", "[integration][gen]") {
    fs::path root = release_691();
    if (!fs::exists(root / "man/man2/open.2")) {
        WARN("SKIP: man-pages 6.9.1 not fetched (run scripts/fetch-release.sh, or set MANAUDIT_MAN_PAGES_691)");
        return;
    }
    CHECK(fs::is_symlink(root / "man2"));
    check_reading(root);
    auto applied = check_series(root, "man/man2/");
    CHECK(applied["flag"] > 0);
    CHECK(applied["fix"] > 0);
}

TEST_CASE("man-pages 6.9.1: the dangling .so lines resolve to the one page of that name", "[integration][gen]") {
    fs::path root = release_691();
    if (!fs::exists(root / "man/man2/open.2")) {
        WARN("SKIP: man-pages 6.9.1 not fetched (run scripts/fetch-release.sh, or set MANAUDIT_MAN_PAGES_691)");
        return;
    }
    manaudit::manpages::Corpus corpus = manaudit::manpages::read_corpus({root.string()});
    std::vector<std::string> warnings;
    for (const auto& d : corpus.diagnostics) warnings.push_back(manaudit::format_diagnostic(d));
    auto aliases_of = [&](const std::string& path) {
        for (const auto& page : corpus.pages)
            if (page.path == path) return page.aliases;
        return std::vector<std::string>{};
    };
    auto mpx = aliases_of("man/man2/PR_MPX_ENABLE_MANAGEMENT.2");
    CHECK(std::find(mpx.begin(), mpx.end(), "man/man2const/PR_MPX_DISABLE_MANAGEMENT.2const") != mpx.end());
    auto perf = aliases_of("man/man2/PR_TASK_PERF_EVENTS_DISABLE.2");
    CHECK(std::find(perf.begin(), perf.end(), "man/man2const/PR_TASK_PERF_EVENTS_ENABLE.2const") != perf.end());
    CHECK(corpus.unreadable == 0);
    CHECK(std::count_if(warnings.begin(), warnings.end(), [](const std::string& w) {
              return w.find("warning: .so target man2const/") != std::string::npos;
          }) == 2);
}

TEST_CASE("man-pages 6.03 laid out as today: read once whichever way given, series apply", "[integration][gen]") {
    if (!fs::exists("/usr/share/man/man2/readdir.2.gz")) {
        WARN("SKIP: the man-pages release is not installed in /usr/share/man");
        return;
    }
    fs::path root = release_603_man_layout();
    check_reading(root);
    auto applied = check_series(root, "man/man2/");
    CHECK(applied["fix"] > 0);
}

TEST_CASE("a 5.x-style tree: read once whichever way given, series apply with its history's subjects",
          "[integration][gen]") {
    fs::path root = fixture_5x();
    check_reading(root);
    // Its history names pages "getdirent.2: ...", and so do the patches.
    auto applied = check_series(root, "getdirent.2: ");
    CHECK(applied["fix"] == 2);
    CHECK(applied["flag"] == 2);
}

TEST_CASE("a baseline from one layout matches the same findings in another", "[integration][gen][baseline]") {
    if (!fs::exists("/usr/share/man/man2/readdir.2.gz")) {
        WARN("SKIP: the man-pages release is not installed in /usr/share/man");
        return;
    }
    // Debian's installed layout (man2/, 3type pages in man3/) against today's (man/man2, man/man3type).
    Audited installed = audit("/usr/share/man");
    Audited moved = audit(release_603_man_layout().string());
    REQUIRE(!installed.result.findings.empty());
    manaudit::Diagnostics diags;
    auto baseline =
        manaudit::audit::parse_baseline(manaudit::audit::baseline_json(installed.result.findings), "b.json", diags);
    REQUIRE(baseline);
    auto findings = moved.result.findings;
    CHECK(manaudit::audit::apply_baseline(findings, *baseline) == moved.result.findings.size());
    for (const auto& f : findings) INFO(f.page << ": " << f.message);
    CHECK(findings.empty());
}
