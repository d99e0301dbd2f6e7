// The Page model on the installed man-pages release (/usr/share/man).
#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "manpages/corpus.h"
#include "manpages/page_builder.h"

using namespace manaudit;
using namespace manaudit::manpages;

namespace {

const std::filesystem::path kMan = "/usr/share/man";

std::string gunzip(const std::filesystem::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    std::string out;
    char buffer[1 << 16];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    gzclose(file);
    return out;
}

struct Built {
    Page page;
    Diagnostics diags;
    std::string source;
};

Built build(const std::string& relative) {
    Built b;
    b.source = gunzip(kMan / (relative + ".gz"));
    b.page = build_page(relative, b.source, b.diags);
    return b;
}

std::vector<std::string> lines_of(const std::string& source) {
    std::vector<std::string> lines;
    std::istringstream in(source);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> params(const Prototype& p) {
    std::vector<std::string> out;
    for (const auto& param : p.params) out.push_back(param.type + " " + param.name);
    return out;
}

}  // namespace

TEST_CASE("open.2: NAME, SYNOPSIS prototypes with exact parameters", "[release][open]") {
    Built b = build("man2/open.2");
    const Page& p = b.page;
    CHECK(p.title == "open");
    CHECK(p.section == "2");
    CHECK(p.names == std::vector<std::string>{"open", "openat", "creat"});
    CHECK(p.source == b.source);
    REQUIRE(p.includes.size() == 1);
    CHECK(p.includes[0].header == "fcntl.h");

    std::vector<std::string> texts;
    for (const auto& proto : p.prototypes) texts.push_back(proto.text);
    CHECK(texts == std::vector<std::string>{
                       "int open(const char *pathname, int flags);",
                       "int open(const char *pathname, int flags, mode_t mode);",
                       "int creat(const char *pathname, mode_t mode);",
                       "int openat(int dirfd, const char *pathname, int flags);",
                       "int openat(int dirfd, const char *pathname, int flags, mode_t mode);",
                       "int openat2(int dirfd, const char *pathname, const struct open_how *how, size_t size);",
                   });
    REQUIRE(p.prototypes.size() == 6);
    CHECK(params(p.prototypes[1]) == std::vector<std::string>{"const char * pathname", "int flags", "mode_t mode"});
    CHECK(params(p.prototypes[4]) ==
          std::vector<std::string>{"int dirfd", "const char * pathname", "int flags", "mode_t mode"});
    CHECK(params(p.prototypes[5]) == std::vector<std::string>{"int dirfd", "const char * pathname",
                                                              "const struct open_how * how", "size_t size"});
    for (const auto& proto : p.prototypes) {
        CHECK(proto.return_type == "int");
        CHECK_FALSE(proto.variadic);
    }
    // The line of each prototype holds its name in the source.
    auto lines = lines_of(b.source);
    for (const auto& proto : p.prototypes)
        CHECK(lines.at(static_cast<std::size_t>(proto.line - 1)).find(proto.name + "(") != std::string::npos);
}

TEST_CASE("open.2: every ERRORS tag with its line", "[release][open]") {
    Built b = build("man2/open.2");
    // Independently: in ERRORS, the line after each .TP is a tag.
    auto lines = lines_of(b.source);
    std::vector<int> expected_lines;
    bool in_errors = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind(".SH", 0) == 0) in_errors = lines[i] == ".SH ERRORS";
        else if (in_errors && lines[i] == ".TP") expected_lines.push_back(static_cast<int>(i) + 2);
    }
    // 42 tags, counted with: zcat open.2.gz | sed -n '/^.SH ERRORS/,/^.SH VERSIONS/p' | grep -c '^.TP'
    REQUIRE(expected_lines.size() == 42);
    std::vector<int> lines_found;
    for (const auto& e : b.page.errors) lines_found.push_back(e.line);
    CHECK(lines_found == expected_lines);
    for (const auto& e : b.page.errors) {
        REQUIRE(e.names.size() == 1);
        CHECK(lines.at(static_cast<std::size_t>(e.line - 1)) == ".B " + e.names[0]);
        CHECK_FALSE(e.text.empty());
        CHECK(b.page.blocks.at(static_cast<std::size_t>(e.block)).section == "ERRORS");
    }
    CHECK(b.page.errors.front().names[0] == "EACCES");
    CHECK(b.page.errors.back().names[0] == "EWOULDBLOCK");
    auto ebadf = std::find_if(b.page.errors.begin(), b.page.errors.end(),
                              [](const ErrnoTag& e) { return e.names[0] == "EBADF"; });
    REQUIRE(ebadf != b.page.errors.end());
    CHECK(ebadf->qualifier == "(openat())");
}

TEST_CASE("syscalls.2: table rows with kernel versions and notes", "[release][syscalls]") {
    Built b = build("man2/syscalls.2");
    const auto& rows = b.page.syscalls_table;
    REQUIRE(rows.size() > 400);
    auto row = [&](const std::string& name) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const SyscallsTableRow& r) { return r.name == name; });
        REQUIRE(it != rows.end());
        return *it;
    };
    SyscallsTableRow cacheflush = row("cacheflush");
    CHECK(cacheflush.section == "2");
    CHECK(cacheflush.kernel == "1.2");
    CHECK(cacheflush.notes == "Not on x86");
    auto lines = lines_of(b.source);
    CHECK(lines.at(static_cast<std::size_t>(cacheflush.line - 1)).rfind("\\fBcacheflush\\fP(2)", 0) == 0);
    SyscallsTableRow arch_prctl = row("arch_prctl");
    CHECK(arch_prctl.kernel == "2.6");
    CHECK(arch_prctl.notes == "x86_64, x86 since 4.12");
    CHECK(row("_llseek").notes.empty());
    CHECK(row("accept").notes == "See notes on socketcall(2)");
    // A row commented out in the source is not a row.
    CHECK(std::none_of(rows.begin(), rows.end(), [](const SyscallsTableRow& r) { return r.name == "cmpxchg"; }));
    CHECK(std::none_of(rows.begin(), rows.end(), [](const SyscallsTableRow& r) { return r.name == "System call"; }));
}

TEST_CASE("readdir.2: the syscall(SYS_readdir, ...) form and its x86-64 mention", "[release][readdir]") {
    Built b = build("man2/readdir.2");
    REQUIRE(b.page.prototypes.size() == 1);
    const Prototype& proto = b.page.prototypes[0];
    CHECK(proto.name == "syscall");
    CHECK(proto.syscall_name == "readdir");
    CHECK(params(proto) == std::vector<std::string>{"unsigned int fd", "struct old_linux_dirent * dirp",
                                                    "unsigned int count"});
    auto x86_64 = std::find_if(b.page.arch_mentions.begin(), b.page.arch_mentions.end(),
                               [](const ArchMention& m) { return m.mention_id == "x86-64" && !m.in_comment; });
    REQUIRE(x86_64 != b.page.arch_mentions.end());
    CHECK(x86_64->sentence == "This system call does not exist on x86-64.");
    CHECK(lines_of(b.source).at(static_cast<std::size_t>(x86_64->line - 1)).find("x86-64") != std::string::npos);
}

TEST_CASE("epoll_event.3type: struct epoll_event with its fields", "[release][epoll_event]") {
    Built b = build("man3/epoll_event.3type");
    CHECK(b.page.section == "3type");
    REQUIRE(!b.page.structs.empty());
    const CodeStruct& s = b.page.structs[0];
    CHECK(s.name == "epoll_event");
    REQUIRE(s.fields.size() == 2);
    CHECK(s.fields[0].type == "uint32_t");
    CHECK(s.fields[0].name == "events");
    CHECK(s.fields[1].type == "epoll_data_t");
    CHECK(s.fields[1].name == "data");
    CHECK(lines_of(b.source).at(static_cast<std::size_t>(s.line - 1)) == ".B struct epoll_event {");
    CHECK(b.page.includes.at(0).header == "sys/epoll.h");
}

TEST_CASE("all 276 page files of man2 build with no error", "[release][all]") {
    int files = 0;
    int with_prototypes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kMan / "man2")) {
        if (!entry.is_regular_file() || entry.is_symlink() || entry.path().extension() != ".gz") continue;
        ++files;
        std::string relative = "man2/" + entry.path().stem().string();
        Diagnostics diags;
        Page page = build_page(relative, gunzip(entry.path()), diags);
        for (const auto& d : diags) {
            INFO(format_diagnostic(d));
            CHECK(d.level != Severity::error);
        }
        with_prototypes += !page.prototypes.empty();
    }
    CHECK(files == 276);
    // All but .so redirects and the few overview pages have a prototype.
    CHECK(with_prototypes > 200);
}

TEST_CASE("landlock_restrict_self.2: the .nf its DESCRIPTION ends is a warning, not an error", "[release][nofill]") {
    Built b = build("man2/landlock_restrict_self.2");
    REQUIRE(b.diags.size() == 1);
    CHECK(b.diags[0].level == Severity::warning);
    CHECK(b.diags[0].message == ".SH ends no-fill mode opened at line 14");
    CHECK(lines_of(b.source).at(static_cast<std::size_t>(b.diags[0].line - 1)) == ".SH DESCRIPTION");
    REQUIRE(b.page.prototypes.size() == 1);
    CHECK(b.page.prototypes[0].name == "syscall");
    CHECK(b.page.prototypes[0].syscall_name == "landlock_restrict_self");
}

TEST_CASE("pages read through the corpus build with no error", "[release][page]") {
    Corpus corpus = read_corpus({(kMan / "man2").string()});
    REQUIRE(corpus.pages.size() > 200);
    int errors = 0;
    for (const PageFile& file : corpus.pages) {
        Diagnostics diags;
        Page page = build_page(file.path, file.source, diags);
        for (const auto& d : diags) errors += d.level == Severity::error;
        CHECK(page.source == file.source);
    }
    CHECK(errors == 0);
}
