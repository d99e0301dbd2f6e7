// Corpus bad input: each bad file is one error naming it (and its line when known); the rest is still read.
#include <catch2/catch.hpp>

#include "corpus_fixture.h"
#include "manpages/corpus.h"

using namespace manaudit::manpages;
using namespace corpus_fixture;
using Paths = std::vector<std::string>;

namespace {

/// A tree with one good page beside the bad file `name`.
struct TreeWithOneBadFile {
    TempDir tmp;
    TreeWithOneBadFile(const std::string& name, const std::string& bytes) {
        write_gz(tmp / "man2/open.2.gz", page_text("open"));
        write_file(tmp / ("man2/" + name), bytes);
    }
    Corpus read(const CorpusOptions& options = {}) { return read_corpus({tmp.path().string()}, options); }
};

}  // namespace

TEST_CASE("a truncated .gz page is an error, not an empty page", "[corpus][bad]") {
    std::string whole = gzip(page_text("stat") + std::string(4000, 'x'));
    TreeWithOneBadFile tree("stat.2.gz", whole.substr(0, whole.size() / 2));

    Corpus corpus = tree.read();

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) ==
          Paths{tree.tmp / "man2/stat.2.gz" + ": error: truncated gzip data: unexpected end of file"});
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("a .gz page with corrupt data is an error", "[corpus][bad]") {
    std::string data = gzip(page_text("stat"));
    for (std::size_t i = 12; i < data.size() - 8; ++i) data[i] = static_cast<char>(0xff);
    TreeWithOneBadFile tree("stat.2.gz", data);

    Corpus corpus = tree.read();

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].file == tree.tmp / "man2/stat.2.gz");
    CHECK_THAT(corpus.diagnostics[0].message, Catch::StartsWith("corrupt gzip data: "));
}

TEST_CASE("a binary file named like a page is an error", "[corpus][bad]") {
    std::string elf(
        "\x7f"
        "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0",
        24);
    TreeWithOneBadFile tree("blob.2", elf + std::string(200, '\0'));

    Corpus corpus = tree.read();

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{tree.tmp / "man2/blob.2" + ": error: binary data, not a man page"});
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("control bytes pages use are text, DEL and other controls in number are binary", "[corpus][bad]") {
    // Tabs, form feeds, vertical tabs, backspace overstrike, escapes and CRs, many of them.
    std::string text = ".TH BLOB 2\n.SH NAME\nblob \\- b\n";
    for (int i = 0; i < 40; ++i) text += "a\tb\fc\vd_\bd\x1b[1me\r\n";
    TreeWithOneBadFile fine("blob.2", text);
    CHECK(messages(fine.read()).empty());

    TreeWithOneBadFile deleted("blob.2", ".TH BLOB 2\n" + std::string(64, '\x7f') + "\n");
    CHECK(messages(deleted.read()) == Paths{deleted.tmp / "man2/blob.2" + ": error: binary data, not a man page"});
    TreeWithOneBadFile bells("blob.2", ".TH BLOB 2\n" + std::string(64, '\a') + "\n");
    CHECK(messages(bells.read()) == Paths{bells.tmp / "man2/blob.2" + ": error: binary data, not a man page"});
}

TEST_CASE("a NUL byte in a text page is an error at its line and column", "[corpus][bad]") {
    std::string text = page_text("nul");
    text.insert(text.find("It does") + 3, 1, '\0');
    TreeWithOneBadFile tree("nul.2.gz", gzip(text));

    Corpus corpus = tree.read();

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{tree.tmp / "man2/nul.2.gz" + ":9:4: error: NUL byte in page text"});
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("a page inflating past the size cap is refused", "[corpus][bad]") {
    TreeWithOneBadFile tree("huge.2.gz", gzip(std::string(3 << 20, 'a')));
    CorpusOptions options;
    options.max_page_bytes = std::size_t{1} << 20;

    Corpus corpus = tree.read(options);

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{tree.tmp / "man2/huge.2.gz" + ": error: page inflates to more than 1 MiB"});
}

TEST_CASE("an alias to an unreadable page reports the page once", "[corpus][bad]") {
    std::string whole = gzip(page_text("stat") + std::string(4000, 'x'));
    TreeWithOneBadFile tree("stat.2.gz", whole.substr(0, 40));
    symlink("stat.2.gz", tree.tmp.path() / "man2/fstat.2.gz");
    symlink("stat.2.gz", tree.tmp.path() / "man2/lstat.2.gz");

    Corpus corpus = tree.read();

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) ==
          Paths{tree.tmp / "man2/stat.2.gz" + ": error: truncated gzip data: unexpected end of file"});
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("a missing input is an error and the other inputs are still read", "[corpus][bad]") {
    TempDir tmp;
    write_file(tmp / "man2/open.2", page_text("open"));

    Corpus corpus = read_corpus({tmp / "man2/nonexistent.2", tmp / "man2/open.2"});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{tmp / "man2/nonexistent.2" + ": error: no such file or directory"});
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("a man page that is a directory is an error", "[corpus][bad]") {
    TempDir tmp;
    write_file(tmp / "man2/open.2", page_text("open"));
    std::filesystem::create_directories(tmp.path() / "man2/odd.2");
    symlink("odd.2", tmp.path() / "man2/alias.2");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{tmp / "man2/odd.2" + ": error: not a regular file"});
}
