// The fact pack: the shipped XML parsed at build time, taken only for the very
// bytes it was made from.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "arch-data/fact_pack.h"
#include "arch-data/libc_store.h"
#include "arch-data/pack/embedded_fact_pack.h"
#include "arch-data/store.h"
#include "base/output_file.h"

using namespace manaudit;
using namespace manaudit::archdata;
namespace fs = std::filesystem;

namespace {

const fs::path kDataRoot = fs::path(MANAUDIT_SOURCE_DIR) / "arch-data";

struct ShippedDataFile {
    fs::path path;
    bool libc;
    std::string bytes;
};

// Every shipped data file: the kernel sets and the C-library sets.
std::vector<ShippedDataFile> shipped_data_files() {
    std::vector<ShippedDataFile> out;
    for (const auto& set : fs::directory_iterator(kDataRoot)) {
        std::string name = set.path().filename().string();
        bool libc = name.starts_with("glibc-");
        if (!set.is_directory() || (!libc && !name.starts_with("linux-"))) continue;
        for (const auto& file : fs::directory_iterator(set.path())) {
            if (file.path().extension() != ".xml") continue;
            std::string error;
            auto bytes = read_text_file(file.path().string(), error);
            REQUIRE(bytes);
            out.push_back({file.path(), libc, std::move(*bytes)});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

// Uninstalls whatever a test installed, so other tests read XML as before.
struct PackGuard {
    ~PackGuard() { install_fact_pack({}); }
};

}  // namespace

TEST_CASE("fact pack: every shipped file comes back as its XML says", "[fact-pack]") {
    const auto files = shipped_data_files();
    REQUIRE(files.size() >= 40);  // 6.1: 30 ABIs, 6.12: 29, glibc: 17
    FactPackWriter writer;
    std::vector<std::string> expected;
    for (const auto& f : files) {
        Diagnostics diags;
        if (f.libc) {
            auto facts = parse_libc_xml(f.bytes, f.path.string(), diags);
            REQUIRE(facts);
            writer.add(f.path.filename().string(), f.bytes, *facts);
            expected.push_back(to_xml(*facts));
        } else {
            auto facts = parse_arch_xml(f.bytes, f.path.string(), diags);
            REQUIRE(facts);
            writer.add(f.path.filename().string(), f.bytes, *facts);
            expected.push_back(to_xml(*facts));
        }
    }
    const std::string pack = writer.bytes();
    PackGuard guard;
    install_fact_pack(pack);
    REQUIRE(installed_pack_files() == files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        INFO(files[i].path);
        const std::string name = files[i].path.filename().string();
        if (files[i].libc) {
            auto packed = packed_libc_facts(name, files[i].bytes);
            REQUIRE(packed);
            CHECK(to_xml(*packed) == expected[i]);
        } else {
            auto packed = packed_arch_facts(name, files[i].bytes);
            REQUIRE(packed);
            CHECK(to_xml(*packed) == expected[i]);
        }
    }
}

TEST_CASE("fact pack: other bytes or another name are read as XML", "[fact-pack]") {
    const auto files = shipped_data_files();
    auto x86 = std::find_if(files.begin(), files.end(), [](const auto& f) {
        return f.path.parent_path().filename() == "linux-6.12" && f.path.filename() == "x86_64.xml";
    });
    REQUIRE(x86 != files.end());
    Diagnostics diags;
    auto facts = parse_arch_xml(x86->bytes, x86->path.string(), diags);
    REQUIRE(facts);
    FactPackWriter writer;
    writer.add("x86_64.xml", x86->bytes, *facts);
    const std::string pack = writer.bytes();
    PackGuard guard;
    install_fact_pack(pack);
    REQUIRE(installed_pack_files() == 1);

    CHECK(packed_arch_facts("x86_64.xml", x86->bytes));
    // One byte changed (same size): not the packed file.
    std::string edited = x86->bytes;
    edited[edited.size() / 2] ^= 1;
    CHECK_FALSE(packed_arch_facts("x86_64.xml", edited));
    CHECK_FALSE(packed_arch_facts("x86_64.xml", x86->bytes + "\n"));
    // x86_64's data under riscv64's name is not taken from the pack, so the
    // XML reader sees it and rejects the mismatch.
    CHECK_FALSE(packed_arch_facts("riscv64.xml", x86->bytes));
    CHECK_FALSE(packed_libc_facts("x86_64.xml", x86->bytes));
    fs::path dir = fs::temp_directory_path() / "manaudit-fact-pack-test";
    fs::create_directories(dir);
    std::string error;
    REQUIRE(write_output_file((dir / "riscv64.xml").string(), x86->bytes, error));
    Diagnostics mismatch;
    CHECK_FALSE(read_arch_file((dir / "riscv64.xml").string(), mismatch));
    CHECK_FALSE(mismatch.empty());
    fs::remove_all(dir);
}

TEST_CASE("fact pack: a damaged pack installs nothing", "[fact-pack]") {
    const auto files = shipped_data_files();
    auto kernel_file = std::find_if(files.begin(), files.end(), [](const auto& f) { return !f.libc; });
    REQUIRE(kernel_file != files.end());
    Diagnostics diags;
    auto facts = parse_arch_xml(kernel_file->bytes, kernel_file->path.string(), diags);
    REQUIRE(facts);
    FactPackWriter writer;
    writer.add(kernel_file->path.filename().string(), kernel_file->bytes, *facts);
    const std::string good = writer.bytes();
    PackGuard guard;
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, good.size() / 2, good.size() - 1}) {
        const std::string truncated = good.substr(0, cut);
        install_fact_pack(truncated);
        CHECK(installed_pack_files() == 0);
    }
    install_fact_pack("not a pack at all");
    CHECK(installed_pack_files() == 0);
    install_fact_pack(good);
    CHECK(installed_pack_files() == 1);
}

TEST_CASE("fact pack: the one this build links in holds every shipped file as it is", "[fact-pack]") {
    const auto files = shipped_data_files();
    PackGuard guard;
    install_fact_pack(embedded_fact_pack());
    // A file missing here was edited after the build, or failed to parse when it ran.
    CHECK(installed_pack_files() == files.size());
    for (const auto& f : files) {
        INFO(f.path);
        const std::string name = f.path.filename().string();
        CHECK((f.libc ? packed_libc_facts(name, f.bytes).has_value() : packed_arch_facts(name, f.bytes).has_value()));
    }
}

TEST_CASE("fact pack: a fingerprint given in pieces is the one of the whole", "[fact-pack]") {
    std::string bytes;
    for (int i = 0; i < 300; ++i) bytes += static_cast<char>(i * 37 + 11);
    for (std::size_t size : {std::size_t{0}, std::size_t{7}, std::size_t{31}, std::size_t{32}, std::size_t{33},
                             std::size_t{64}, std::size_t{71}, bytes.size()}) {
        const std::string_view whole = std::string_view(bytes).substr(0, size);
        for (std::size_t piece : {std::size_t{1}, std::size_t{5}, std::size_t{32}, std::size_t{45}, std::size_t{1000}}) {
            INFO("size " << size << ", pieces of " << piece);
            ContentFingerprint fingerprint(size);
            for (std::size_t at = 0; at < size; at += piece) fingerprint.add(whole.substr(at, piece));
            CHECK(fingerprint.result() == content_fingerprint(whole));
        }
    }
    CHECK(content_fingerprint("abc") != content_fingerprint("abd"));
}

TEST_CASE("fact pack: a file is taken from the pack only with the packed bytes", "[fact-pack]") {
    const auto files = shipped_data_files();
    auto x86 = std::find_if(files.begin(), files.end(), [](const auto& f) {
        return f.path.parent_path().filename() == "linux-6.12" && f.path.filename() == "x86_64.xml";
    });
    auto libc = std::find_if(files.begin(), files.end(), [](const auto& f) { return f.libc; });
    REQUIRE(x86 != files.end());
    REQUIRE(libc != files.end());
    PackGuard guard;
    install_fact_pack(embedded_fact_pack());
    auto packed = packed_arch_facts_of_file(x86->path.string());
    REQUIRE(packed);
    CHECK(packed->provenance.arch_id == "x86_64");
    CHECK(packed->implemented_syscall("openat"));
    CHECK(packed_libc_facts_of_file(libc->path.string()));
    // Not as the other kind, nor when missing.
    CHECK_FALSE(packed_libc_facts_of_file(x86->path.string()));
    CHECK_FALSE(packed_arch_facts_of_file((x86->path.parent_path() / "no-such.xml").string()));

    // One byte changed, the size the same: read as XML, and still right.
    fs::path dir = fs::temp_directory_path() / "manaudit-fact-pack-file-test";
    fs::create_directories(dir);
    const fs::path edited = dir / "x86_64.xml";
    std::string bytes = x86->bytes;
    const std::size_t comment = bytes.find("<!--");
    REQUIRE(comment != std::string::npos);
    bytes[comment + 5] = bytes[comment + 5] == 'x' ? 'y' : 'x';
    std::string error;
    REQUIRE(write_output_file(edited.string(), bytes, error));
    CHECK_FALSE(packed_arch_facts_of_file(edited.string()));
    Diagnostics diags;
    auto from_xml = read_arch_file(edited.string(), diags);
    CHECK(diags.empty());
    REQUIRE(from_xml);
    CHECK(from_xml->implemented_syscall("openat"));
    fs::remove_all(dir);
}
