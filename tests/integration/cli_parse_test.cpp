// `manaudit parse` run as a user would: exit status, messages naming bad files, text and JSON output.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../manpages/corpus_fixture.h"

using namespace corpus_fixture;

namespace {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs `manaudit parse ARGS` with stdout and stderr captured in files.
Run run_parse(const TempDir& scratch, const std::string& args) {
    std::string out = scratch / "stdout", err = scratch / "stderr";
    std::string command = std::string("'") + MANAUDIT_BINARY + "' parse " + args + " >'" + out + "' 2>'" + err + "'";
    int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = slurp(out);
    run.err = slurp(err);
    return run;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("parse: one unreadable file gives exit 3, names the file, and the other pages are printed", "[cli][parse]") {
    TempDir tree, scratch;
    write_gz(tree / "man2/open.2.gz", page_text("open"));
    write_gz(tree / "man2/read.2.gz", page_text("read"));
    std::string whole = gzip(page_text("stat") + std::string(5000, 's'));
    write_file(tree / "man2/stat.2.gz", whole.substr(0, whole.size() / 2));

    Run run = run_parse(scratch, "'" + tree.path().string() + "'");

    CHECK(run.status == 3);
    CHECK(contains(run.err, tree / "man2/stat.2.gz" + ": error: truncated gzip data: unexpected end of file"));
    CHECK(contains(run.out, "man2/open.2: open(2)"));
    CHECK(contains(run.out, "man2/read.2: read(2)"));
    CHECK_FALSE(contains(run.out, "man2/stat.2:"));
    CHECK(contains(run.out, "total: 2 pages"));
}

TEST_CASE("parse: a .so loop and a NUL byte are reported with their lines, exit 3", "[cli][parse]") {
    TempDir tree, scratch;
    write_file(tree / "man2/open.2", page_text("open"));
    write_file(tree / "man2/a.2", ".so man2/a.2\n");
    std::string with_nul = page_text("nul");
    with_nul[with_nul.find("DESCRIPTION")] = '\0';
    write_file(tree / "man2/nul.2", with_nul);

    Run run = run_parse(scratch, "'" + tree.path().string() + "'");

    CHECK(run.status == 3);
    CHECK(contains(run.err, tree / "man2/a.2" + ":1: error: alias loop: man2/a.2 -> man2/a.2"));
    CHECK(contains(run.err, tree / "man2/nul.2" + ":8:5: error: NUL byte in page text"));
    CHECK(contains(run.out, "total: 1 pages"));
}

TEST_CASE("parse: a page's own problems name the file it was read from", "[cli][parse]") {
    TempDir tree, scratch;
    write_gz(tree / "man2/open.2.gz", page_text("open"));
    write_gz(tree / "man2/table.2.gz", page_text("table") + ".TS\nl l.\na\tb\n");  // .TS never closed

    Run run = run_parse(scratch, "'" + tree.path().string() + "'");

    CHECK(contains(run.err, tree / "man2/table.2.gz" + ":10:"));
    CHECK(contains(run.out, "man2/table.2: table(2)"));
    CHECK(contains(run.out, "man2/open.2: open(2)"));
}

TEST_CASE("parse: a 10 MB single line is an error naming file and line, the rest is read", "[cli][parse]") {
    TempDir tree, scratch;
    write_file(tree / "man2/open.2", page_text("open"));
    std::string endless(10 * 1024 * 1024, 'x');
    write_file(tree / "man2/long.2", page_text("long") + endless + "\n.SH NOTES\nAfter it.\n");

    Run run = run_parse(scratch, "--format json '" + tree.path().string() + "'");

    CHECK(run.status == 3);
    CHECK(contains(run.err, tree / "man2/long.2" +
                                ":10:1048577: error: line of 10485760 bytes is longer than the limit of 1048576;"
                                " the rest of it is ignored"));
    auto json = nlohmann::json::parse(run.out);
    REQUIRE(json["pages"].size() == 2);
    CHECK(json["totals"]["unreadable"] == 1);
    const auto& long_page = json["pages"][0]["path"] == "man2/long.2" ? json["pages"][0] : json["pages"][1];
    CHECK(long_page["names"] == nlohmann::json::array({"long"}));
    CHECK(long_page["blocks"].back()["section"] == "NOTES");
    CHECK(long_page["blocks"].back()["text"] == "After it.");
}

TEST_CASE("parse: .nf or .EX open at the end of the file is an error at its line, exit 3", "[cli][parse]") {
    TempDir tree, scratch;
    write_file(tree / "man2/open.2", page_text("open"));
    write_file(tree / "man2/nf.2", page_text("nf") + "Before.\n.nf\nint x;\n");
    write_file(tree / "man2/ex.2", page_text("ex") + ".SH EXAMPLES\n.EX\nint main(void);\n");

    Run run = run_parse(scratch, "'" + tree.path().string() + "'");

    CHECK(run.status == 3);
    CHECK(contains(run.err, tree / "man2/nf.2" +
                                ":11:2: error: no-fill mode opened with .nf here is not closed with .fi"
                                " before the end of the file"));
    CHECK(contains(run.err, tree / "man2/ex.2" + ":11:2: error: no-fill mode opened with .EX here is not closed with .EE"));
    CHECK(contains(run.out, "man2/nf.2: nf(2)"));
    CHECK(contains(run.out, "man2/ex.2: ex(2)"));
    CHECK(contains(run.out, "man2/open.2: open(2)"));
    CHECK(contains(run.out, "2 inputs could not be read"));
}

TEST_CASE("parse: .nf ended by the next heading is only a warning, exit 0", "[cli][parse]") {
    TempDir tree, scratch;
    write_file(tree / "man2/open.2", page_text("open") + ".SH NOTES\n.nf\nint x;\n.SH SEE ALSO\nNothing.\n");

    Run run = run_parse(scratch, "'" + tree.path().string() + "'");

    CHECK(run.status == 0);
    CHECK(contains(run.err, tree / "man2/open.2" + ":13:2: warning: .SH ends no-fill mode opened at line 11"));
    CHECK_FALSE(contains(run.err, ": error:"));
    CHECK(contains(run.out, "man2/open.2: open(2)"));
}

TEST_CASE("parse: clean input exits 0 and JSON holds the model with aliases", "[cli][parse]") {
    TempDir tree, scratch;
    write_file(tree / "man2/open.2", page_text("open"));
    write_file(tree / "man2/creat.2", ".so man2/open.2\n");

    Run run = run_parse(scratch, "--format json '" + tree.path().string() + "'");

    CHECK(run.status == 0);
    CHECK(run.err.empty());
    auto json = nlohmann::json::parse(run.out);
    REQUIRE(json["pages"].size() == 1);
    CHECK(json["pages"][0]["path"] == "man2/open.2");
    CHECK(json["pages"][0]["aliases"] == nlohmann::json::array({"man2/creat.2"}));
    CHECK(json["pages"][0]["title"] == "open");
    CHECK(json["totals"]["pages"] == 1);
    CHECK(json["totals"]["aliases"] == 1);
    CHECK(json["totals"]["unreadable"] == 0);
}

TEST_CASE("parse: JSON output survives Latin-1 bytes in a page", "[cli][parse]") {
    TempDir tree, scratch;
    std::string latin1 = page_text("latin") + "Caf\xe9 na\xefve.\n";
    write_file(tree / "man2/latin.2", latin1);

    Run run = run_parse(scratch, "--format json --source '" + tree / "man2/latin.2" + "'");

    CHECK(run.status == 0);
    auto json = nlohmann::json::parse(run.out);
    CHECK(contains(json["pages"][0]["source"].get<std::string>(), "Caf\xef\xbf\xbd"));  // U+FFFD replaces the byte
}

TEST_CASE("parse: --tree prints each page's node tree after its summary", "[cli][parse]") {
    TempDir tree, scratch;
    write_file(tree / "man2/open.2", page_text("open"));

    Run plain = run_parse(scratch, "'" + tree / "man2/open.2" + "'");
    Run with_tree = run_parse(scratch, "--tree '" + tree / "man2/open.2" + "'");

    CHECK(with_tree.status == 0);
    CHECK(contains(with_tree.out, "man2/open.2: open(2)"));
    CHECK(with_tree.out.size() > plain.out.size() + 100);
    CHECK(contains(with_tree.out, "DESCRIPTION"));
}

TEST_CASE("parse: usage errors exit 2", "[cli][parse]") {
    TempDir scratch;
    CHECK(run_parse(scratch, "--format yaml /nonexistent").status == 2);
    CHECK(run_parse(scratch, "--no-such-option").status == 2);
}

TEST_CASE("parse: a missing input exits 3 and names it", "[cli][parse]") {
    TempDir scratch;
    Run run = run_parse(scratch, "/nonexistent/man2/none.2");
    CHECK(run.status == 3);
    CHECK(contains(run.err, "/nonexistent/man2/none.2: error: no such file or directory"));
}

TEST_CASE("parse: the installed release parses with no error", "[cli][parse][release]") {
    TempDir scratch;
    Run run = run_parse(scratch, "");  // no input: the installed release

    CHECK(run.status == 0);
    CHECK_FALSE(contains(run.err, ": error:"));
    CHECK(contains(run.out, "man2/open.2: open(2): 3 names, 2 aliases"));
    CHECK(contains(run.out, "total: "));
}

TEST_CASE("parse --source never prints a file reached through a folder symlink leading out of the tree",
          "[cli][parse]") {
    TempDir scratch, outside, tree;
    write_file(tree / "man2/open.2", page_text("open"));
    write_file(outside / "secret.7", ".TH SECRET 7\n.SH NAME\nsecret \\- OUTSIDE-THE-TREE\n");
    symlink(outside.path().string(), tree.path() / "man7");
    write_file(tree / "man2/leak.2", ".so man7/secret.7\n");
    symlink("../man7/secret.7", tree.path() / "man2/leak2.2");

    for (const std::string& input : {tree.path().string(), tree / "man2/leak.2", tree / "man2/leak2.2"}) {
        INFO(input);
        Run run = run_parse(scratch, "--format json --source '" + input + "'");
        CHECK(run.status == 3);
        CHECK_FALSE(contains(run.out, "OUTSIDE-THE-TREE"));
        CHECK(contains(run.err, "outside the tree"));
    }
}

TEST_CASE("parse: an empty .tar and a text file named .tar.xz are errors, exit 3", "[cli][parse]") {
    TempDir scratch, dir;
    write_tarball(dir / "empty.tar", {});
    write_file(dir / "notes.tar.xz", "a list of pages, not an archive\n");
    for (const char* name : {"empty.tar", "notes.tar.xz"}) {
        INFO(name);
        Run run = run_parse(scratch, "'" + (dir / name) + "'");
        CHECK(run.status == 3);
        CHECK(contains(run.err, dir / name + ": error: "));
    }
}
