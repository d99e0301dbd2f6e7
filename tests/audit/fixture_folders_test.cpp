// One test per fixture page, generated from the folders under
// tests/fixtures/audit/: the folder names the check, the page's
// `.\" CHECK-MESSAGE: [id] text` markers name the findings expected on the
// line above them, and every other line must stay quiet. A page may choose
// the facts it is audited against with `.\" FACTS: <world>` (default: small;
// `libc` adds the C library's facts extracted from tests/fixtures/libc).
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>

#include "checks/libc_world.h"
#include "checks/world.h"

using namespace manaudit::audit::testing;

namespace {

struct FixtureCase {
    std::string test_name;
    std::string check_id;  ///< the folder's name
    std::string file;      ///< empty for a folder that names no check
};

std::deque<FixtureCase>& fixture_cases() {
    static std::deque<FixtureCase> cases;
    return cases;
}

// The worlds a fixture can ask for by name; an unknown name fails the test.
std::vector<manaudit::archdata::ArchFacts> world_named(const std::string& name) {
    static const std::map<std::string, std::function<std::vector<manaudit::archdata::ArchFacts>()>> worlds = {
        {"small", small_world},
        {"alpha", world_with_alpha},
        {"kernel-source", world_with_kernel_source},
        {"x86-64-and-arm64", world_x86_64_and_arm64},
        {"generic", generic_world},
        {"table", table_world},
        {"signatures", signature_world},
    };
    auto it = worlds.find(name);
    if (it == worlds.end()) throw std::runtime_error("no facts world named '" + name + "'");
    return it->second();
}

std::string world_of(const std::string& source) {
    static const std::regex marker(R"(^\.\\" FACTS: ([a-z0-9-]+)\s*$)");
    std::istringstream in(source);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_match(line, m, marker)) return m[1].str();
    }
    return "small";
}

// The tree folder a page sits in: man2 for .2, man3type for .3type.
std::string tree_dir_of(const std::string& file) {
    auto dot = file.find('.');
    return "man" + (dot == std::string::npos ? std::string("2") : file.substr(dot + 1));
}

// The C-library world is extracted from the fixture headers for every page
// that asks for it, as a release's pages are probed together.
std::vector<manaudit::manpages::Page> libc_world_pages() {
    std::vector<manaudit::manpages::Page> pages;
    for (const FixtureCase& c : fixture_cases()) {
        if (c.file.empty()) continue;
        auto page = fixture_page(c.check_id, c.file, tree_dir_of(c.file));
        if (world_of(page.source) == "libc") pages.push_back(std::move(page));
    }
    return pages;
}

void run_current_fixture() {
    const std::string name = Catch::getResultCapture().getCurrentTestName();
    const auto& cases = fixture_cases();
    auto it = std::find_if(cases.begin(), cases.end(), [&](const FixtureCase& c) { return c.test_name == name; });
    REQUIRE(it != cases.end());
    {
        INFO("no check has the id '" << it->check_id << "' (the folder's name)");
        REQUIRE(is_check_id(it->check_id));
    }
    {
        INFO("the folder " << it->check_id << " holds no fixture page");
        REQUIRE_FALSE(it->file.empty());
    }
    auto page = fixture_page(it->check_id, it->file, tree_dir_of(it->file));
    for (const auto& expected : expected_findings(page.source)) {
        INFO("line " << expected.line << " expects [" << expected.check_id << "]");
        CHECK(expected.check_id == it->check_id);
    }
    const std::string world = world_of(page.source);
    auto findings = world == "libc" ? run_libc_check(it->check_id, page, libc_world_pages())
                                    : run_check(it->check_id, page, world_named(world));
    CHECK(compare_with_expected(page, findings) == "");
}

void register_fixture_tests() {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(MANAUDIT_FIXTURES) / "audit";
    std::vector<fs::path> folders;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory()) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.is_regular_file()) files.push_back(entry.path().filename().string());
        std::sort(files.begin(), files.end());
        const std::string check_id = folder.filename().string();
        // A folder with no pages still gets a test, which fails: it audits nothing.
        if (files.empty()) files.emplace_back();
        for (const auto& file : files)
            fixture_cases().push_back({"fixture: " + check_id + "/" + file, check_id, file});
    }
    for (const auto& c : fixture_cases()) {
        const std::string tags = "[audit][fixture][" + c.check_id + "]";
        Catch::AutoReg(Catch::makeTestInvoker(&run_current_fixture), CATCH_INTERNAL_LINEINFO,
                       Catch::StringRef(), Catch::NameAndTags{c.test_name, tags});
    }
}

const bool registered = (register_fixture_tests(), true);

}  // namespace

TEST_CASE("fixture folders: there are fixture pages to run", "[audit][fixture]") {
    CHECK(registered);
    CHECK(fixture_cases().size() >= 30);
}
