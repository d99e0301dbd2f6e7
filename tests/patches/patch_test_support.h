// Shared test inputs for patches/: fixture pages, findings and arch facts.
#pragma once

#include <cstdlib>
#include <sys/wait.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "arch-data/arch_facts.h"
#include "audit/finding.h"
#include "manpages/page.h"
#include "manpages/page_builder.h"
#include "patches/edit_plan.h"
#include "patches/series.h"

namespace manaudit::patches::testing {

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline std::filesystem::path fixture_dir() { return std::filesystem::path(MANAUDIT_FIXTURES) / "patches"; }

/// The Page the page builder gives for a fixture page (its source bytes and
/// layout among the rest).
inline manpages::Page fixture_page(const std::string& file, const std::string& tree_path) {
    const auto path = fixture_dir() / "pages" / file;
    REQUIRE(std::filesystem::exists(path));  // a missing fixture fails
    Diagnostics diags;
    return manpages::build_page(tree_path, read_bytes(path), diags);
}

inline audit::Evidence present(const std::string& arch, const std::string& value, const std::string& header) {
    return {arch, true, value, header};
}
inline audit::Evidence absent(const std::string& arch) { return {arch, false, "", ""}; }

/// Facts with provenance only: what the mail bodies quote.
inline std::vector<archdata::ArchFacts> two_arch_facts() {
    std::vector<archdata::ArchFacts> facts(2);
    facts[0].provenance.arch_id = "x86_64";
    facts[0].provenance.kernel_version = "6.1";
    facts[0].provenance.package = "linux-libc-dev-amd64-cross";
    facts[0].provenance.package_version = "6.1.4-1cross1";
    facts[1].provenance.arch_id = "arm64";
    facts[1].provenance.kernel_version = "6.1";
    facts[1].provenance.package = "linux-libc-dev-arm64-cross";
    facts[1].provenance.package_version = "6.1.4-1cross1";
    return facts;
}

inline SeriesOptions fixed_options() {
    SeriesOptions o;
    o.from = {"Ada Tester", "ada@example.org"};
    o.date = 1700000000;  // Tue, 14 Nov 2023 22:13:20 +0000
    o.trailer = "manaudit test";
    return o;
}

/// The mail of the first patch of a one-page series.
inline std::string single_patch(const PagePlan& plan, const SeriesOptions& options = fixed_options()) {
    Series s = build_series({plan}, two_arch_facts(), options);
    return s.files.at(1).content;
}

/// Compares with tests/fixtures/patches/golden/<name>; MANAUDIT_UPDATE_GOLDEN=1
/// rewrites the golden file instead (review the diff before keeping it).
inline std::string golden(const std::string& name, const std::string& actual) {
    auto path = fixture_dir() / "golden" / name;
    if (std::getenv("MANAUDIT_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(path.parent_path());
        write_bytes(path, actual);
    }
    return read_bytes(path);
}

/// A fresh empty directory under the system temp dir.
inline std::filesystem::path temp_dir(const std::string& tag) {
    std::string pattern = (std::filesystem::temp_directory_path() / ("manaudit-" + tag + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) return {};
    return pattern;
}

/// Runs a shell command, returns its exit status.
inline int run(const std::string& command) {
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace manaudit::patches::testing
