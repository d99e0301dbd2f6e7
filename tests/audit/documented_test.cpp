// Tests of the shared "already documented" rule and the text helpers it uses.
#include <catch2/catch.hpp>

#include "audit/documented.h"
#include "audit/text_scan.h"
#include "manpages/sentences.h"

using namespace manaudit::audit;
using manaudit::manpages::Block;
using manaudit::manpages::Page;

namespace {

Page page_with(std::vector<Block> blocks) {
    Page p;
    p.blocks = std::move(blocks);
    return p;
}

Block block(std::string section, std::string text, Block::Kind kind = Block::Kind::paragraph,
            std::string subsection = "") {
    Block b;
    b.kind = kind;
    b.section = std::move(section);
    b.subsection = std::move(subsection);
    b.text = std::move(text);
    manaudit::manpages::index_sentences(b);
    return b;
}

}  // namespace

TEST_CASE("arch names are found as whole words, longest first", "[audit][documented]") {
    auto abis = abis_mentioned_in("This system call does not exist on x86-64.");
    CHECK(abis == std::set<std::string>{"x86_64"});
    CHECK(abis_mentioned_in("supported only on Linux/x86-64") == std::set<std::string>{"x86_64"});
    CHECK(abis_mentioned_in("On AArch64 and RISC-V") == std::set<std::string>{"arm64", "riscv32", "riscv64"});
    CHECK(abis_mentioned_in("harmless charming words").empty());
    CHECK(abis_mentioned_in("x86").size() == 3);
}

TEST_CASE("generic phrases say the matter depends on the arch", "[audit][documented]") {
    CHECK(has_generic_arch_phrase("On some architectures, this call does not exist."));
    CHECK(has_generic_arch_phrase("The value is architecture-dependent."));
    CHECK(has_generic_arch_phrase("On most Linux architectures (including x86), there is no such call."));
    CHECK_FALSE(has_generic_arch_phrase("For certain filesystems this is also true."));
}

TEST_CASE("sentences split on full stops but not on abbreviations", "[audit][documented]") {
    auto s = split_sentences("Use it, e.g. for files. It does not exist on x86-64.");
    REQUIRE(s.size() == 2);
    CHECK(s[1] == "It does not exist on x86-64.");
}

TEST_CASE("documented: arch in the same block, a sentence naming the fact, or arch subsection", "[audit][documented]") {
    DocumentedQuery q;
    q.block = 0;
    q.names = {"frob"};
    q.arches = {"arm64"};

    CHECK(already_documented(page_with({block("NOTES", "frob() does not exist on arm64.")}), q));
    // An arch named in another paragraph of the section, about something else, is not about the fact.
    CHECK_FALSE(already_documented(page_with({block("ERRORS", "EFROB"), block("ERRORS", "On arm64, no error.")}), q));
    CHECK(already_documented(
        page_with({block("SYNOPSIS", "int frob(void);"), block("NOTES", "On arm64, frob() is missing.")}), q));
    CHECK(already_documented(page_with({block("SYNOPSIS", "int frob(void);"),
                                        block("NOTES", "frob() is special.", Block::Kind::paragraph,
                                              "Architecture-specific variants")}),
                             q));
    CHECK(already_documented(page_with({block("DESCRIPTION", "On some architectures, frob() differs.")}), q));
}

TEST_CASE("not documented: comments, other facts, arches that do not cover", "[audit][documented]") {
    DocumentedQuery q;
    q.block = 0;
    q.names = {"frob"};
    q.arches = {"arm64", "riscv64"};
    q.any_arch_counts = false;

    CHECK_FALSE(already_documented(
        page_with({block("SYNOPSIS", "int frob(void);"), block("NOTES", "frob() is missing on arm64 and RISC-V.",
                                                                Block::Kind::comment)}),
        q));
    CHECK_FALSE(already_documented(
        page_with({block("SYNOPSIS", "int frob(void);"), block("NOTES", "On some architectures, fstatat() differs.")}),
        q));
    CHECK_FALSE(already_documented(
        page_with({block("SYNOPSIS", "int frob(void);"), block("NOTES", "frob() is slow on i386.")}), q));
    CHECK(already_documented(
        page_with({block("SYNOPSIS", "int frob(void);"), block("NOTES", "frob() is missing on arm64 and RISC-V.")}),
        q));
}
