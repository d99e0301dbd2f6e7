// The C-library extractor on Debian's installed glibc headers (libc6-dev and
// the libc6-dev-<arch>-cross packages), and the shipped glibc-2.36 data.
#include <catch2/catch.hpp>

#include <map>

#include "arch-data/arch_table.h"
#include "arch-data/libc_store.h"
#include "parsers/headers/libc_extractor.h"

using namespace manaudit;

namespace {

archdata::LibcWanted wanted() {
    archdata::LibcWanted w;
    w.functions = {"open", "ioperm", "close_range", "lseek", "cacheflush"};
    w.headers = {"fcntl.h", "unistd.h", "sys/io.h", "sys/vm86.h", "sys/cachectl.h", "asm/ldt.h"};
    w.typedefs = {"size_t", "off_t"};
    w.constants = {"O_DIRECT", "O_NOT_A_FLAG"};
    return w;
}

/// The facts of one ABI from its installed headers; nullopt (the test then
/// skips) when its glibc package is not installed.
std::optional<archdata::LibcFacts> real(const std::string& id) {
    static std::map<std::string, std::optional<archdata::LibcFacts>> cache;
    if (auto it = cache.find(id); it != cache.end()) return it->second;
    const archdata::ArchInfo* arch = archdata::find_arch(id);
    REQUIRE(arch);
    std::optional<archdata::LibcFacts> facts;
    if (auto source = headers::default_libc_source(*arch)) {
        headers::LibcExtractResult r = headers::extract_libc(*arch, *source, wanted());
        for (const auto& d : r.diags) UNSCOPED_INFO(format_diagnostic(d));
        REQUIRE(r.facts);
        facts = std::move(r.facts);
    }
    return cache.emplace(id, std::move(facts)).first->second;
}

}  // namespace

TEST_CASE("real glibc: x86_64 and arm64 declarations, headers and constants", "[integration][libc]") {
    auto x64 = real("x86_64");
    auto a64 = real("arm64");
    if (!x64 || !a64) {
        WARN("SKIP: glibc headers for x86_64 or arm64 not installed (scripts/install-deps.sh installs them)");
        return;
    }
    CHECK(x64->provenance.libc_version == "2.36");
    CHECK(a64->provenance.package == "libc6-dev-arm64-cross");
    for (const auto* f : {&*x64, &*a64}) {
        const archdata::LibcFunction* open = f->function("open");
        REQUIRE(open);
        CHECK(open->variadic);
        CHECK(open->params.size() == 2);
        CHECK(open->header == "fcntl.h");
        REQUIRE(f->function("close_range"));
        CHECK(f->function("close_range")->params[2].canonical == "int");
        CHECK(f->has_header("asm/ldt.h") == (f == &*x64));
        CHECK(f->has_header("sys/io.h") == (f == &*x64));
        CHECK_FALSE(f->constant("O_NOT_A_FLAG"));
    }
    CHECK(x64->function("ioperm"));
    CHECK_FALSE(a64->function("ioperm"));
    // <sys/vm86.h> is installed on x86_64 but stops with #error there.
    CHECK(x64->has_header("sys/vm86.h") == false);
    REQUIRE(x64->constant("O_DIRECT"));
    REQUIRE(a64->constant("O_DIRECT"));
    CHECK(x64->constant("O_DIRECT")->value == 0x4000);
    CHECK(a64->constant("O_DIRECT")->value == 0x10000);
}

TEST_CASE("real glibc: i386's off_t and lseek with _FILE_OFFSET_BITS=64", "[integration][libc]") {
    auto x86 = real("i386");
    if (!x86) {
        WARN("SKIP: libc6-dev-i386-cross not installed (scripts/install-deps.sh installs it)");
        return;
    }
    CHECK(*x86->typedef_canonical("off_t", false) == "long");
    CHECK(*x86->typedef_canonical("off_t", true) == "long long");
    CHECK(*x86->typedef_canonical("size_t", true) == "unsigned int");
    REQUIRE(x86->function("lseek", true));
    CHECK(x86->function("lseek", false)->result.canonical == "long");
    CHECK(x86->function("lseek", true)->result.canonical == "long long");
    CHECK(x86->has_header("sys/vm86.h") == true);
}

TEST_CASE("shipped glibc-2.36 data: every ABI Debian ships glibc for, with provenance", "[integration][libc]") {
    const std::string dir = std::string(MANAUDIT_SOURCE_DIR) + "/arch-data/glibc-2.36";
    std::vector<std::string> ids;
    for (const archdata::ArchInfo& a : archdata::all_arches()) ids.emplace_back(a.id);
    Diagnostics diags;
    std::vector<archdata::LibcFacts> all = archdata::load_libc_data(dir, ids, diags);
    CHECK(diags.empty());
    REQUIRE(all.size() == 17);
    for (const archdata::LibcFacts& f : all) {
        INFO(f.provenance.arch_id);
        CHECK(f.provenance.libc_version == "2.36");
        CHECK(f.provenance.package != "unknown");
        CHECK(f.function("open"));
        CHECK(f.has_header("fcntl.h") == true);
        CHECK(f.constant("O_CREAT"));
    }
}
