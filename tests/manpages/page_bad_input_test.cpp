// Bad input never crashes or hangs; problems name file and line.
#include <catch2/catch.hpp>

#include <algorithm>

#include "manpages/page_builder.h"
#include "parsers/roff/roff_escape.h"

using namespace manaudit;
using namespace manaudit::manpages;

namespace {

bool has_message(const Diagnostics& diags, const std::string& part, int line = -1) {
    for (const auto& d : diags)
        if (d.message.find(part) != std::string::npos && (line < 0 || d.line == line) && d.file == "man2/bad.2")
            return true;
    return false;
}

}  // namespace

TEST_CASE("an unterminated .nf or .EX is an error and the page is still read", "[page][bad]") {
    Diagnostics diags;
    Page p = build_page("man2/bad.2", ".TH bad 2\n.SH NAME\nbad \\- x\n.SH SYNOPSIS\n.nf\nint bad(int fd);\n", diags);
    CHECK(has_message(diags, "opened with .nf here is not closed", 5));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].level == Severity::error);
    REQUIRE(p.prototypes.size() == 1);
    CHECK(p.prototypes[0].name == "bad");

    Diagnostics ex;
    build_page("man2/bad.2", ".TH bad 2\n.SH EXAMPLES\n.EX\nint x;\n", ex);
    CHECK(has_message(ex, "opened with .EX here is not closed", 3));
    REQUIRE(ex.size() == 1);
    CHECK(ex[0].level == Severity::error);
}

TEST_CASE("a .nf ended by the next heading is a warning and the synopsis is read", "[page][bad]") {
    Diagnostics diags;
    Page p = build_page("man2/bad.2",
                        ".TH bad 2\n.SH NAME\nbad \\- x\n.SH SYNOPSIS\n.nf\nint bad(int fd);\n.SH DESCRIPTION\nText.\n",
                        diags);
    CHECK(has_message(diags, ".SH ends no-fill mode opened at line 5", 7));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].level == Severity::warning);
    REQUIRE(p.prototypes.size() == 1);
    CHECK(p.prototypes[0].name == "bad");
}

TEST_CASE("an unterminated .TS is an error naming its line", "[page][bad]") {
    Diagnostics diags;
    Page p = build_page("man2/bad.2", ".TH bad 2\n.SH NAME\nbad \\- x\n.SH DESCRIPTION\n.TS\nl l.\na\tb\n", diags);
    CHECK(has_message(diags, ".TS", 5));
    CHECK(diags[0].level == Severity::error);
    CHECK(p.names == std::vector<std::string>{"bad"});
}

TEST_CASE("a 10 MB single line is an error, its first MiB and the next lines are read", "[page][bad]") {
    std::string source = ".TH big 2\n.SH DESCRIPTION\n";
    std::string line;
    line.reserve(10 * 1024 * 1024);
    while (line.size() < 10 * 1024 * 1024) line += "x86 \\fBO_FLAG\\fP text. ";
    source += line + "\n.SH NOTES\nAfter the long line.\n";
    Diagnostics diags;
    Page p = build_page("man2/bad.2", source, diags);
    // One error; the cut may also leave a broken escape at its end (a warning).
    CHECK(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.level == Severity::error; }) == 1);
    CHECK(diags.size() <= 2);
    CHECK(has_message(diags, "line of 10485769 bytes is longer than the limit of 1048576", 3));
    REQUIRE(p.blocks.size() == 2);
    // Escapes take bytes in the source but none in the text.
    CHECK(p.blocks[0].text.size() > 700 * 1024);
    CHECK(p.blocks[0].text.size() < 1024 * 1024);
    CHECK(p.blocks[1].text == "After the long line.");
    CHECK(p.blocks[1].section == "NOTES");
    CHECK(p.arch_mentions.size() > 10000);
    CHECK(p.arch_mentions.back().sentence.size() < 1000);
    CHECK(p.source == source);
}

TEST_CASE("NUL bytes and invalid UTF-8 are reported once per line", "[page][bad]") {
    const char head[] = ".TH bad 2\n.SH NAME\nbad \\- x\0y\n";
    std::string source(head, sizeof head - 1);
    source += "caf\xe9 \xff\n";
    Diagnostics diags;
    Page p = build_page("man2/bad.2", source, diags);
    CHECK(has_message(diags, "NUL", 3));
    CHECK(has_message(diags, "UTF-8", 4));
    CHECK(p.names == std::vector<std::string>{"bad"});
    CHECK(p.source == source);
}

TEST_CASE("binary garbage and broken escapes give bounded diagnostics", "[page][bad]") {
    std::string source;
    for (int i = 0; i < 200000; ++i) source += static_cast<char>((i * 7919) % 256);
    source += "\n\\f\n\\[\n\\*(\n.TS\n";
    Diagnostics diags;
    Page p = build_page("man2/bad.2", source, diags);
    CHECK(!diags.empty());
    CHECK(diags.size() <= 50);
    CHECK(p.source.size() == source.size());
}

TEST_CASE("a page that is only a .so redirect yields an empty model", "[page][bad]") {
    Diagnostics diags;
    Page p = build_page("man2/creat.2", ".so man2/open.2\n", diags);
    CHECK(diags.empty());
    CHECK(p.names.empty());
    CHECK(p.prototypes.empty());
}

TEST_CASE("an empty page and a page without newline", "[page][bad]") {
    Diagnostics diags;
    CHECK(build_page("man2/bad.2", "", diags).blocks.empty());
    Page p = build_page("man2/bad.2", ".TH x 2\n.SH NAME\nx \\- y", diags);
    CHECK(p.names == std::vector<std::string>{"x"});
    CHECK(diags.empty());
}

TEST_CASE("nested .ds strings stop at the page's expansion budget with one error", "[page][bad]") {
    // Ten references to itself, nine levels deep: 10^9 expansions without a budget.
    std::string source = ".TH bomb 2\n.SH NAME\nbomb \\- x\n.SH DESCRIPTION\n.ds x ";
    for (int i = 0; i < 10; ++i) source += "\\*x";
    source += "\n\\*x\n.PP\nAfter the bomb on x86.\n";
    Diagnostics diags;
    Page p = build_page("man2/bad.2", source, diags);
    CHECK(has_message(diags, "string expansion exceeds", 6));
    CHECK(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.level == Severity::error; }) == 1);
    CHECK(p.names == std::vector<std::string>{"bomb"});
    REQUIRE(!p.blocks.empty());
    CHECK(p.blocks.back().text == "After the bomb on x86.");

    // The budget is per page: the next page expands its strings as usual.
    Diagnostics next;
    Page q = build_page("man2/bad.2", ".TH ok 2\n.SH NAME\nok \\- x\n.ds v version\n.SH DESCRIPTION\nA \\*v.\n", next);
    CHECK(next.empty());
    REQUIRE(!q.blocks.empty());
    CHECK(q.blocks.back().text == "A version.");
}

TEST_CASE("wide nested .ds strings stay within bounded memory", "[page][bad]") {
    // Each level holds ten references to the one below: 10^8 copies of a
    // 1000-byte string (100 GB) without a budget.
    std::string source = ".TH wide 2\n.SH DESCRIPTION\n.ds s0 ";
    source.append(1000, 'a');
    source += '\n';
    for (int level = 1; level <= 8; ++level) {
        source += ".ds s" + std::to_string(level) + " ";
        for (int i = 0; i < 10; ++i) source += "\\*[s" + std::to_string(level - 1) + "]";
        source += "\n";
    }
    source += "\\*[s8]\n";
    Diagnostics diags;
    Page p = build_page("man2/bad.2", source, diags);
    CHECK(has_message(diags, "string expansion exceeds", 12));
    REQUIRE(!p.blocks.empty());
    CHECK(p.blocks.back().text.size() <= roff::kStringExpansionBudget);
}
