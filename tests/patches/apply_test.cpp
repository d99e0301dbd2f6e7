// Tests for applying plans to a tree in place.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "patch_test_support.h"
#include "patches/apply.h"

using namespace manaudit;
using namespace manaudit::patches;
using namespace manaudit::patches::testing;

namespace {

PagePlan plan_for(const std::string& file, const std::string& path) {
    audit::Finding f;
    f.check_id = "x86-only-statement";
    f.page = path;
    f.line = 3;
    f.message = "x86-64 named alone";
    f.edit.kind = audit::ProposedEdit::Kind::add_note;
    f.edit.section = "NOTES";
    f.edit.new_text = "It also does not exist on arm64.";
    Diagnostics diags;
    auto plan = plan_page(fixture_page(file, path), {f}, Mode::fix, diags);
    REQUIRE(plan);
    return *plan;
}

std::size_t entries(const std::filesystem::path& dir) {
    return std::size_t(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST_CASE("apply writes the patched pages and keeps their permissions", "[patches][apply]") {
    auto tree = temp_dir("apply");
    std::vector<PagePlan> plans = {plan_for("getdirent.2", "man2/getdirent.2"), plan_for("crlf.2", "man2/crlf.2")};
    std::filesystem::create_directories(tree / "man2");
    for (const auto& p : plans) write_bytes(tree / p.path, p.original);
    chmod((tree / "man2/crlf.2").c_str(), 0640);

    Diagnostics diags;
    REQUIRE(apply_plans(plans, tree.string(), diags));
    for (const auto& p : plans) CHECK(read_bytes(tree / p.path) == p.patched);
    struct stat st{};
    REQUIRE(stat((tree / "man2/crlf.2").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(entries(tree / "man2") == 2);  // no temporary files left
    std::filesystem::remove_all(tree);
}

TEST_CASE("apply refuses a page changed since the audit and writes nothing", "[patches][apply][bad]") {
    auto tree = temp_dir("apply");
    std::vector<PagePlan> plans = {plan_for("getdirent.2", "man2/getdirent.2"), plan_for("crlf.2", "man2/crlf.2")};
    std::filesystem::create_directories(tree / "man2");
    write_bytes(tree / plans[0].path, plans[0].original);
    write_bytes(tree / plans[1].path, plans[1].original + "edited later\n");

    Diagnostics diags;
    CHECK_FALSE(apply_plans(plans, tree.string(), diags));
    REQUIRE(diags.size() == 1);
    CHECK(format_diagnostic(diags[0]).find("man2/crlf.2") != std::string::npos);
    CHECK(diags[0].message.find("changed since it was audited") != std::string::npos);
    // The page that did match is untouched too.
    CHECK(read_bytes(tree / plans[0].path) == plans[0].original);
    CHECK(entries(tree / "man2") == 2);
    std::filesystem::remove_all(tree);
}

TEST_CASE("apply refuses pages missing, symlinked or outside the tree", "[patches][apply][bad]") {
    auto root = temp_dir("apply");
    auto tree = root / "tree";
    std::filesystem::create_directories(tree / "man2");
    PagePlan plan = plan_for("getdirent.2", "man2/getdirent.2");
    Diagnostics diags;
    CHECK_FALSE(apply_plans({plan}, tree.string(), diags));  // missing

    write_bytes(root / "outside.2", plan.original);
    std::filesystem::create_symlink(root / "outside.2", tree / "man2/getdirent.2");
    diags.clear();
    CHECK_FALSE(apply_plans({plan}, tree.string(), diags));
    CHECK(diags.at(0).message.find("symbolic link") != std::string::npos);
    CHECK(read_bytes(root / "outside.2") == plan.original);

    PagePlan escaping = plan;
    escaping.path = "../outside.2";
    diags.clear();
    CHECK_FALSE(apply_plans({escaping}, tree.string(), diags));
    CHECK(read_bytes(root / "outside.2") == plan.original);
    std::filesystem::remove_all(root);
}

TEST_CASE("an apply killed during the renames is completed by the next run", "[patches][apply][bad]") {
    auto tree = temp_dir("apply");
    std::vector<PagePlan> plans = {plan_for("getdirent.2", "man2/getdirent.2"), plan_for("crlf.2", "man2/crlf.2")};
    std::filesystem::create_directories(tree / "man2");
    for (const auto& p : plans) write_bytes(tree / p.path, p.original);

    Diagnostics diags;
    CHECK_FALSE(apply_plans(plans, tree.string(), diags, 1));  // as if killed after one rename
    CHECK(read_bytes(tree / plans[0].path) == plans[0].patched);
    CHECK(read_bytes(tree / plans[1].path) == plans[1].original);
    CHECK(std::filesystem::exists(tree / kApplyJournalName));

    ApplyRecovery recovery = recover_interrupted_apply(tree.string(), diags);
    CHECK(recovery.ok);
    CHECK(recovery.pages_completed == 1);
    for (const auto& p : plans) CHECK(read_bytes(tree / p.path) == p.patched);
    CHECK_FALSE(std::filesystem::exists(tree / kApplyJournalName));
    CHECK(entries(tree / "man2") == 2);
    CHECK(entries(tree) == 1);
    CHECK(diags.empty());
    std::filesystem::remove_all(tree);
}

TEST_CASE("an apply killed before its commit leaves pages as they were, and its files are removed",
          "[patches][apply][bad]") {
    auto tree = temp_dir("apply");
    std::vector<PagePlan> plans = {plan_for("getdirent.2", "man2/getdirent.2"), plan_for("crlf.2", "man2/crlf.2")};
    std::filesystem::create_directories(tree / "man2");
    for (const auto& p : plans) write_bytes(tree / p.path, p.original);
    // What a kill while writing the new pages leaves: temporaries, no journal.
    write_bytes(tree / "man2/.crlf.2.manaudit-Ab12Cd", plans[1].patched);
    write_bytes(tree / "man2/.getdirent.2.manaudit-xYz789", "half");
    write_bytes(tree / "man2/.keep.manaudit-notes", "not ours");  // not the temporary-file pattern

    Diagnostics diags;
    ApplyRecovery recovery = recover_interrupted_apply(tree.string(), diags);
    CHECK(recovery.pages_completed == 0);
    CHECK(recovery.temporaries_removed == 2);
    for (const auto& p : plans) CHECK(read_bytes(tree / p.path) == p.original);
    CHECK(entries(tree / "man2") == 3);

    // A whole apply afterwards works and leaves no journal behind.
    REQUIRE(apply_plans(plans, tree.string(), diags));
    for (const auto& p : plans) CHECK(read_bytes(tree / p.path) == p.patched);
    CHECK(entries(tree) == 1);
    std::filesystem::remove_all(tree);
}

TEST_CASE("apply on a tree of compressed pages says so", "[patches][apply][bad]") {
    auto tree = temp_dir("apply");
    PagePlan plan = plan_for("getdirent.2", "man2/getdirent.2");
    std::filesystem::create_directories(tree / "man2");
    write_bytes(tree / "man2/getdirent.2.gz", "\x1f\x8b compressed");
    Diagnostics diags;
    CHECK_FALSE(apply_plans({plan}, tree.string(), diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("compressed (.gz)") != std::string::npos);
    CHECK(entries(tree / "man2") == 1);
    std::filesystem::remove_all(tree);
}
