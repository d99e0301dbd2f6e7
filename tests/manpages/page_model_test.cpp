// The Page model from the fixture pages of both markup generations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "manpages/page_builder.h"

using namespace manaudit;
using namespace manaudit::manpages;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::filesystem::path(MANAUDIT_FIXTURES) / "pages" / name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Built {
    Page page;
    Diagnostics diags;
};

Built build(const std::string& name) {
    Built b;
    b.page = build_page("man2/" + name, fixture(name), b.diags);
    return b;
}

std::vector<std::string> param_texts(const Prototype& p) {
    std::vector<std::string> out;
    for (const auto& param : p.params) out.push_back(param.type + "|" + param.name);
    return out;
}

}  // namespace

TEST_CASE("5.x markup: title, names, includes, prototypes, feature tests", "[page][gen5]") {
    Built b = build("gen5_style.2");
    const Page& p = b.page;
    CHECK(b.diags.empty());
    CHECK(p.path == "man2/gen5_style.2");
    CHECK(p.title == "DEMOOPEN");
    CHECK(p.section == "2");
    CHECK(p.names == std::vector<std::string>{"demoopen", "demoopenat"});
    CHECK(p.name_line == 4);
    CHECK(p.summary == "open a demo file");
    REQUIRE(p.includes.size() == 2);
    CHECK(p.includes[0].header == "sys/types.h");
    CHECK(p.includes[1].header == "fcntl.h");
    CHECK(p.includes[1].line == 8);
    REQUIRE(p.prototypes.size() == 2);
    CHECK(p.prototypes[0].text == "int demoopen(const char *pathname, int flags);");
    CHECK(p.prototypes[0].line == 10);
    // Split over two .BI lines.
    CHECK(p.prototypes[1].name == "demoopenat");
    CHECK(p.prototypes[1].line == 11);
    CHECK(param_texts(p.prototypes[1]) ==
          std::vector<std::string>{"int|dirfd", "const char *|pathname", "int|flags", "mode_t|mode"});
    CHECK(p.feature_test_macros == std::vector<std::string>{"demoopenat():", "_POSIX_C_SOURCE >= 200809L"});
    CHECK(p.source == fixture("gen5_style.2"));
}

TEST_CASE("5.x markup: ERRORS tags with several names and qualifiers", "[page][gen5]") {
    const Page p = build("gen5_style.2").page;
    REQUIRE(p.errors.size() == 3);
    CHECK(p.errors[0].names == std::vector<std::string>{"EACCES"});
    CHECK(p.errors[0].line == 34);
    CHECK(p.errors[0].text == "Permission denied.");
    CHECK(p.errors[1].names == std::vector<std::string>{"EAGAIN", "EWOULDBLOCK"});
    CHECK(p.errors[2].names == std::vector<std::string>{"EBADF"});
    CHECK(p.errors[2].qualifier == "(demoopenat())");
    const Block& block = p.blocks.at(static_cast<std::size_t>(p.errors[2].block));
    CHECK(block.kind == Block::Kind::tagged);
    CHECK(block.section == "ERRORS");
    CHECK(block.tag == "EBADF");
    CHECK(block.first_line == 40);
    CHECK(block.last_line == 43);
}

TEST_CASE("5.x markup: constants in bold, with their block and tag flag", "[page][gen5]") {
    const Page p = build("gen5_style.2").page;
    auto find = [&](const std::string& name) {
        return std::find_if(p.constants.begin(), p.constants.end(), [&](const ConstantRef& c) { return c.name == name; });
    };
    auto demo = find("O_DEMO");
    REQUIRE(demo != p.constants.end());
    CHECK(demo->line == 25);
    CHECK_FALSE(demo->in_tag);
    auto quick = find("O_QUICK");
    REQUIRE(quick != p.constants.end());
    CHECK(quick->in_tag);
    CHECK(p.blocks.at(static_cast<std::size_t>(quick->block)).tag == "O_QUICK");
    // Italic and roman words are not constants.
    CHECK(find("dirfd") == p.constants.end());
}

TEST_CASE("5.x markup: struct in a code block, #define value, arch mentions", "[page][gen5]") {
    const Page p = build("gen5_style.2").page;
    REQUIRE(p.structs.size() == 1);
    CHECK(p.structs[0].name == "demo_stat");
    CHECK(p.structs[0].line == 49);
    REQUIRE(p.structs[0].fields.size() == 2);
    CHECK(p.structs[0].fields[1].name == "d_name");
    CHECK(p.structs[0].fields[1].array == "[16]");
    CHECK(p.structs[0].fields[1].line == 51);
    CHECK(p.blocks.at(static_cast<std::size_t>(p.structs[0].block)).kind == Block::Kind::code);

    REQUIRE(p.stated_values.size() == 1);
    CHECK(p.stated_values[0].name == "DEMO_MAGIC");
    CHECK(p.stated_values[0].value == 16);
    CHECK(p.stated_values[0].line == 53);

    REQUIRE(p.arch_mentions.size() == 3);
    CHECK(p.arch_mentions[0].mention_id == "x86-64");
    CHECK(p.arch_mentions[0].sentence == "On x86-64, the call is fast.");
    CHECK(p.arch_mentions[0].line == 26);
    CHECK(p.arch_mentions[1].mention_id == "mips");
    CHECK(p.arch_mentions[1].line == 31);
    CHECK(p.arch_mentions[2].mention_id == "alpha");
    CHECK(p.arch_mentions[2].in_comment);
    CHECK(p.arch_mentions[2].line == 56);
}

TEST_CASE("6.x markup: syscall(SYS_x) form, _Nullable, function pointers", "[page][gen6]") {
    Built b = build("gen6_style.2");
    const Page& p = b.page;
    CHECK(b.diags.empty());
    CHECK(p.names == std::vector<std::string>{"demo_readdir"});
    REQUIRE(p.includes.size() == 2);
    CHECK(p.includes[0].header == "sys/syscall.h");
    REQUIRE(p.prototypes.size() == 2);
    CHECK(p.prototypes[0].name == "syscall");
    CHECK(p.prototypes[0].syscall_name == "demo_readdir");
    CHECK(param_texts(p.prototypes[0]) ==
          std::vector<std::string>{"unsigned int|fd", "struct demo_dirent *|dirp", "unsigned int|count"});
    CHECK(p.prototypes[1].variadic);
    CHECK(param_texts(p.prototypes[1]) ==
          std::vector<std::string>{"const char *|path", "char *const[]|argv", "void (*)(int)|cb"});
    CHECK(p.prototypes[1].params[1].text == "char *const _Nullable argv[]");
}

TEST_CASE("6.x markup: .TQ joins tags, escapes resolve, .EX structs", "[page][gen6]") {
    const Page p = build("gen6_style.2").page;
    REQUIRE(p.errors.size() == 2);
    CHECK(p.errors[0].names == std::vector<std::string>{"EAGAIN", "EWOULDBLOCK"});
    CHECK(p.errors[0].line == 34);
    CHECK(p.errors[0].text == "The call would block.");
    auto described = std::find_if(p.blocks.begin(), p.blocks.end(),
                                  [](const Block& b) { return b.section == "DESCRIPTION"; });
    REQUIRE(described != p.blocks.end());
    CHECK(described->text.rfind("It reads \u201cone\u201d entry\u2014at most.", 0) == 0);
    REQUIRE(p.structs.size() == 1);
    CHECK(p.structs[0].name == "demo_dirent");
    CHECK(p.structs[0].line == 27);
    REQUIRE(p.stated_values.size() == 1);
    CHECK(p.stated_values[0].name == "DEMO_LIMIT");
    CHECK(p.stated_values[0].value == 4);
}

TEST_CASE("6.x markup: table rows are blocks, arch mentions in cells and text", "[page][gen6]") {
    const Page p = build("gen6_style.2").page;
    std::vector<const Block*> rows;
    for (const Block& b : p.blocks)
        if (b.kind == Block::Kind::table_row) rows.push_back(&b);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1]->text == "demo_readdir(2)\t1.2\tNot on x86");
    CHECK(rows[2]->text == "demo_other(2)\t2.6\tAArch64 only, see notes");
    CHECK(rows[2]->first_line == 46);
    CHECK(rows[2]->last_line == 49);
    std::vector<std::string> ids;
    for (const auto& m : p.arch_mentions) ids.push_back(m.mention_id + "@" + std::to_string(m.line));
    CHECK(ids == std::vector<std::string>{"x86@45", "arm64@47", "arm64@51"});
    // Only syscalls(2)'s table ("System call" header) fills syscalls_table.
    CHECK(p.syscalls_table.empty());
}

TEST_CASE("the syscalls(2) table: rows with kernel version and notes", "[page]") {
    std::string source =
        ".TH syscalls 2\n.SH DESCRIPTION\n.TS\nl2 le l\n---\nl l l.\n"
        "\\fBSystem call\\fP\t\\fBKernel\\fP\t\\fBNotes\\fP\n\n"
        "\\fBcacheflush\\fP(2)\t1.2\tNot on x86\n"
        ".\\\" a commented-out row\n"
        "\\fBarch_prctl\\fP(2)\t2.6\tT{\nx86_64, x86 since 4.12\nT}\n"
        "\\fBbrk\\fP(2)\t1.0\n.TE\n";
    Diagnostics diags;
    Page p = build_page("man2/syscalls.2", source, diags);
    CHECK(diags.empty());
    REQUIRE(p.syscalls_table.size() == 3);
    CHECK(p.syscalls_table[0].name == "cacheflush");
    CHECK(p.syscalls_table[0].section == "2");
    CHECK(p.syscalls_table[0].kernel == "1.2");
    CHECK(p.syscalls_table[0].notes == "Not on x86");
    CHECK(p.syscalls_table[0].line == 9);
    CHECK(p.syscalls_table[1].notes == "x86_64, x86 since 4.12");
    CHECK(p.syscalls_table[1].line == 11);
    CHECK(p.syscalls_table[2].notes.empty());
}

TEST_CASE("blocks carry section, subsection, kind and lines", "[page]") {
    Diagnostics diags;
    Page p = build_page("man7/p.7", fixture("paragraphs.man"), diags);
    auto tagged = std::find_if(p.blocks.begin(), p.blocks.end(), [](const Block& b) { return b.tag == "TAG_ONE, TAG_TWO"; });
    // .TQ after a tag with a body starts its own paragraph.
    CHECK(tagged == p.blocks.end());
    auto inner = std::find_if(p.blocks.begin(), p.blocks.end(), [](const Block& b) { return b.tag == "inner"; });
    REQUIRE(inner != p.blocks.end());
    CHECK(inner->subsection == "A subsection");
    CHECK(inner->section == "DESCRIPTION");
    CHECK(inner->text == "Nested tagged paragraph.");
    // Text after .RE belongs to the outer tag again.
    auto back = std::find_if(p.blocks.begin(), p.blocks.end(),
                             [](const Block& b) { return b.text == "Back in the outer body."; });
    REQUIRE(back != p.blocks.end());
    CHECK(back->tag == "Quoted tag");
    CHECK(back->first_line == 30);
}

TEST_CASE("tables: numbers beside names are stated values, bold in T{ blocks is a constant", "[page]") {
    Diagnostics diags;
    Page p = build_page("man7/tables.7", fixture("tables.man"), diags);
    CHECK(diags.empty());
    REQUIRE(p.stated_values.size() == 2);
    CHECK(p.stated_values[0].name == "FOO_ONE");
    CHECK(p.stated_values[0].value == 1);
    CHECK(p.stated_values[0].line == 10);
    CHECK(p.stated_values[1].name == "FOO_TWO");
    CHECK(p.stated_values[1].value_text == "0x2");
    CHECK(p.stated_values[1].value == 2);
    REQUIRE(p.constants.size() == 1);
    CHECK(p.constants[0].name == "BOLD_NAME");
    CHECK(p.constants[0].line == 14);
    CHECK(p.blocks.at(static_cast<std::size_t>(p.constants[0].block)).kind == Block::Kind::table_row);
    // The comment between rows is a comment block of its own.
    auto comment = std::find_if(p.blocks.begin(), p.blocks.end(), [](const Block& b) { return b.kind == Block::Kind::comment; });
    REQUIRE(comment != p.blocks.end());
    CHECK(comment->first_line == 11);
}

TEST_CASE("6.9 markup: a man2const page documents the constant it is named for", "[page][gen6]") {
    std::string source = ".TH PR_SET_NAME 2const 2024-06-15 \"Linux man-pages 6.9.1\"\n"
                         ".SH NAME\n"
                         "PR_SET_NAME, PR_GET_NAME \\- operations on a process or thread\n"
                         ".SH SYNOPSIS\n"
                         ".nf\n"
                         ".BR \"#include <linux/prctl.h>\" \"  /* Definition of \" PR_* \" constants */\"\n"
                         ".B #include <sys/prctl.h>\n"
                         ".P\n"
                         ".BI \"int prctl(PR_SET_NAME, char \" name [16]);\n"
                         ".fi\n"
                         ".SH DESCRIPTION\n"
                         "Set the name of the calling thread.\n";
    Diagnostics diags;
    Page page = build_page("man/man2const/PR_SET_NAME.2const", source, diags);
    CHECK(page.section == "2const");
    CHECK(page.names == std::vector<std::string>{"PR_SET_NAME", "PR_GET_NAME"});
    std::vector<std::string> constants;
    for (const auto& c : page.constants)
        if (c.line == 3) constants.push_back(c.name);
    CHECK(constants == std::vector<std::string>{"PR_SET_NAME", "PR_GET_NAME"});
}

TEST_CASE("6.9 markup: forward parameter declarations and [[deprecated]] in SYNOPSIS", "[page][gen6]") {
    std::string source = ".TH read 2 2024-06-15 \"Linux man-pages 6.9.1\"\n"
                         ".SH NAME\n"
                         "read \\- read from a file descriptor\n"
                         ".SH SYNOPSIS\n"
                         ".nf\n"
                         ".B #include <unistd.h>\n"
                         ".P\n"
                         ".BI \"ssize_t read(size_t \" count ;\n"
                         ".BI \"             int \" fd \", void \" buf [ count \"], size_t \" count );\n"
                         ".P\n"
                         ".B [[deprecated]] int sgetmask(void);\n"
                         ".fi\n"
                         ".SH DESCRIPTION\n"
                         "Reads.\n";
    Diagnostics diags;
    Page page = build_page("man/man2/read.2", source, diags);
    REQUIRE(page.prototypes.size() == 2);
    CHECK(page.prototypes[0].name == "read");
    CHECK(page.prototypes[0].line == 8);
    CHECK(param_texts(page.prototypes[0]) == std::vector<std::string>{"int|fd", "void[count]|buf", "size_t|count"});
    CHECK_FALSE(page.prototypes[0].deprecated);
    CHECK(page.prototypes[1].name == "sgetmask");
    CHECK(page.prototypes[1].deprecated);
}
