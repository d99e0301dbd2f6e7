// Corpus reading of release tarballs in memory: top folder, .so aliases, unsafe entries, damaged archives.
#include <catch2/catch.hpp>

#include "corpus_fixture.h"
#include "manpages/corpus.h"

using namespace manaudit::manpages;
using namespace corpus_fixture;
using Paths = std::vector<std::string>;

namespace {

std::vector<TarEntry> release_entries() {
    return {
        {"man-pages-6.03/", "", ""},
        {"man-pages-6.03/Makefile", "all:\n", ""},
        {"man-pages-6.03/man2/open.2", page_text("open"), ""},
        {"man-pages-6.03/man2/creat.2", ".so man2/open.2\n", ""},
        {"man-pages-6.03/man2/openat.2", "", "open.2"},
        {"man-pages-6.03/man2/mq_open.2", ".so man3/mq_open.3\n", ""},
        {"man-pages-6.03/man3/mq_open.3", page_text("mq_open", "3"), ""},
        {"man-pages-6.03/man3/printf.3", page_text("printf", "3"), ""},
        {"man-pages-6.03/man3type/epoll_event.3type", page_text("epoll_event", "3type"), ""},
    };
}

/// Files below `dir`, to show that reading a tarball wrote nothing.
std::size_t file_count(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(dir);
         it != std::filesystem::recursive_directory_iterator(); ++it)
        ++n;
    return n;
}

}  // namespace

TEST_CASE("a release tarball is read in memory with paths below its top folder", "[corpus][tarball]") {
    for (const char* name : {"man-pages-6.03.tar.gz", "man-pages-6.03.tar.xz"}) {
        TempDir tmp;
        std::string tarball = tmp / name;
        write_tarball(tarball, release_entries());

        Corpus corpus = read_corpus({tarball});

        INFO(name);
        CHECK(corpus.diagnostics.empty());
        CHECK(page_paths(corpus) == Paths{"man2/open.2", "man3/mq_open.3", "man3type/epoll_event.3type"});
        const PageFile* open = find_page(corpus, "man2/open.2");
        CHECK(open->source == page_text("open"));
        CHECK(open->origin == tarball + ":man2/open.2");
        CHECK(open->aliases == Paths{"man2/creat.2", "man2/openat.2"});
        CHECK(find_page(corpus, "man3/mq_open.3")->aliases == Paths{"man2/mq_open.2"});
        CHECK(file_count(tmp.path()) == 1);  // only the tarball: nothing extracted
    }
}

TEST_CASE("a tarball of the newer layout keeps man/ in the paths", "[corpus][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "man-pages-6.10.tar.gz";
    write_tarball(tarball,
                  {
                      {"man-pages-6.10/man/man2/open.2", page_text("open"), ""},
                      {"man-pages-6.10/man/man2/creat.2", ".so man2/open.2\n", ""},
                      {"man-pages-6.10/man/man2const/PR_SET_NAME.2const", page_text("PR_SET_NAME", "2const"), ""},
                  });

    Corpus corpus = read_corpus({tarball});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man/man2/open.2", "man/man2const/PR_SET_NAME.2const"});
    CHECK(find_page(corpus, "man/man2/open.2")->aliases == Paths{"man/man2/creat.2"});
}

TEST_CASE("tarball entries named ../x or /x are errors and never written", "[corpus][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "sub/evil.tar.gz";
    std::filesystem::create_directories(tmp.path() / "sub");
    auto entries = release_entries();
    entries.push_back({"../x.2", page_text("x"), ""});
    entries.push_back({"/tmp/abs.2", page_text("abs"), ""});
    write_tarball(tarball, entries);

    Corpus corpus = read_corpus({tarball});

    CHECK(messages(corpus) ==
          Paths{
              tarball + ": error: unsafe entry name '../x.2': absolute or climbing out of the archive",
              tarball + ": error: unsafe entry name '/tmp/abs.2': absolute or climbing out of the archive",
          });
    CHECK(corpus.unreadable == 2);
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man3/mq_open.3", "man3type/epoll_event.3type"});
    CHECK_FALSE(std::filesystem::exists(tmp.path() / "x.2"));
}

TEST_CASE("bad pages inside a tarball name the entry", "[corpus][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "man-pages-6.03.tar.gz";
    auto entries = release_entries();
    std::string whole = gzip(page_text("stat") + std::string(3000, 'y'));
    entries.push_back({"man-pages-6.03/man2/stat.2.gz", whole.substr(0, whole.size() / 2), ""});
    entries.push_back({"man-pages-6.03/man2/loop.2", ".so man2/loop.2\n", ""});
    write_tarball(tarball, entries);

    Corpus corpus = read_corpus({tarball});

    CHECK(messages(corpus) == Paths{
                                  tarball + ":man2/loop.2:1: error: alias loop: man2/loop.2 -> man2/loop.2",
                                  tarball + ":man2/stat.2.gz: error: truncated gzip data: unexpected end of file",
                              });
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man3/mq_open.3", "man3type/epoll_event.3type"});
}

TEST_CASE("a truncated tarball keeps the pages read before the damage", "[corpus][tarball]") {
    TempDir tmp;
    std::string whole_path = tmp / "whole.tar";
    auto entries = release_entries();
    entries.push_back({"man-pages-6.03/man2/zzz.2", std::string(20000, 'z'), ""});
    write_tarball(whole_path, entries);
    std::ifstream in(whole_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string tarball = tmp / "cut.tar";
    write_file(tarball, bytes.substr(0, bytes.size() - 15000));

    Corpus corpus = read_corpus({tarball});

    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].file == tarball + ":man-pages-6.03/man2/zzz.2");
    CHECK_THAT(corpus.diagnostics[0].message, Catch::StartsWith("cannot read entry: "));
    CHECK(corpus.unreadable == 1);
    CHECK(find_page(corpus, "man2/open.2") != nullptr);
}

TEST_CASE("a file that is not an archive is one error", "[corpus][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "fake.tar.gz";
    write_file(tarball, "this is not a tarball\n");

    Corpus corpus = read_corpus({tarball});

    CHECK(corpus.pages.empty());
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].file == tarball);
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("an oversized tarball entry is skipped with an error, a link out of the archive is refused",
          "[corpus][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "man-pages-6.03.tar.gz";
    auto entries = release_entries();
    entries.push_back({"man-pages-6.03/man2/huge.2", std::string(3 << 20, 'h'), ""});
    entries.push_back({"man-pages-6.03/man2/passwd.2", "", "../../../etc/passwd.2"});
    write_tarball(tarball, entries);
    CorpusOptions options;
    options.max_page_bytes = std::size_t{1} << 20;

    Corpus corpus = read_corpus({tarball}, options);

    CHECK(messages(corpus) == Paths{
                                  tarball + ":man-pages-6.03/man2/huge.2: error: entry is larger than 1 MiB",
                                  tarball + ":man-pages-6.03/man2/passwd.2: error: symlink target "
                                            "'../../../etc/passwd.2' is outside the archive",
                              });
    CHECK(corpus.unreadable == 2);
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man3/mq_open.3", "man3type/epoll_event.3type"});
}

TEST_CASE("a hard link entry is an alias of the entry it links to", "[corpus][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "man-pages-6.03.tar";
    auto entries = release_entries();
    entries.push_back({"man-pages-6.03/man2/open64.2", "", "", "man-pages-6.03/man2/open.2"});
    write_tarball(tarball, entries);

    Corpus corpus = read_corpus({tarball});

    CHECK(corpus.diagnostics.empty());
    CHECK(find_page(corpus, "man2/open.2")->aliases == Paths{"man2/creat.2", "man2/open64.2", "man2/openat.2"});
    CHECK(find_page(corpus, "man2/open64.2") == nullptr);
}

// A gzip stream that holds no tar archive: libarchive fails with no message,
// which once reached fmt as a null string (found by fuzz_corpus).
TEST_CASE("a compressed file that is not a tar archive and has no library message is one error",
          "[corpus][tarball]") {
    const std::string input = std::string(MANAUDIT_SOURCE_DIR) +
                              "/tests/fixtures/fuzz/fuzz_corpus/gzip-not-tar-no-message.bin";
    REQUIRE(std::filesystem::exists(input));
    TempDir tmp;
    std::string tarball = tmp / "release.tar.gz";
    std::filesystem::copy_file(input, tarball);

    Corpus corpus = read_corpus({tarball});

    CHECK(corpus.pages.empty());
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].file == tarball);
    CHECK_FALSE(corpus.diagnostics[0].message.empty());
}
