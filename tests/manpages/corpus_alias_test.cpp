// Corpus aliases: symlinks and .so redirects fold into their target; loops and dangling aliases are reported.
#include <catch2/catch.hpp>

#include "corpus_fixture.h"
#include "manpages/corpus.h"

using namespace manaudit::manpages;
using namespace corpus_fixture;
using Paths = std::vector<std::string>;

TEST_CASE("symlink aliases resolve to their target, which is read once", "[corpus][alias]") {
    TempDir tmp;
    write_gz(tmp / "man2/open.2.gz", page_text("open"));
    symlink("open.2.gz", tmp.path() / "man2/creat.2.gz");
    symlink("open.2.gz", tmp.path() / "man2/openat.2.gz");
    // A chain: fstat -> stat -> the real page.
    write_gz(tmp / "man2/stat-real.2.gz", page_text("stat"));
    symlink("stat-real.2.gz", tmp.path() / "man2/stat.2.gz");
    symlink("stat.2.gz", tmp.path() / "man2/fstat.2.gz");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man2/stat-real.2"});
    CHECK(find_page(corpus, "man2/open.2")->aliases == Paths{"man2/creat.2", "man2/openat.2"});
    CHECK(find_page(corpus, "man2/stat-real.2")->aliases == Paths{"man2/fstat.2", "man2/stat.2"});
}

TEST_CASE(".so redirect pages are aliases relative to the tree root", "[corpus][alias]") {
    TempDir tmp;
    write_file(tmp / "man2/open.2", page_text("open"));
    write_file(tmp / "man2/creat.2", ".so man2/open.2\n");
    // Comments around the request do not stop it being a redirect.
    write_file(tmp / "man2/openat.2", ".\\\" Copyright notice\n.so man2/open.2\n.\\\" end\n");
    write_file(tmp / "man3type/epoll_data_t.3type", ".so man3type/epoll_event.3type\n");
    write_file(tmp / "man3type/epoll_event.3type", page_text("epoll_event", "3type"));
    // A page that includes another amid its own text is a page, not an alias.
    write_file(tmp / "man2/combined.2", page_text("combined") + ".so man2/open.2\n");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/combined.2", "man2/open.2", "man3type/epoll_event.3type"});
    CHECK(find_page(corpus, "man2/open.2")->aliases == Paths{"man2/creat.2", "man2/openat.2"});
    CHECK(find_page(corpus, "man3type/epoll_event.3type")->aliases == Paths{"man3type/epoll_data_t.3type"});
}

TEST_CASE("a .so redirect to a page outside the selected sections brings that page in", "[corpus][alias]") {
    TempDir tmp;
    write_gz(tmp / "man3/sigval.3type.gz", ".so man7/system_data_types.7\n");
    write_gz(tmp / "man7/system_data_types.7.gz", page_text("system_data_types", "7"));
    write_gz(tmp / "man7/other.7.gz", page_text("other", "7"));
    write_gz(tmp / "man2/open.2.gz", page_text("open"));

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man7/system_data_types.7"});
    CHECK(find_page(corpus, "man7/system_data_types.7")->aliases == Paths{"man3type/sigval.3type"});
    CHECK(find_page(corpus, "man7/system_data_types.7")->reached_by_alias);
}

TEST_CASE("a .so loop is one error naming the file and line, other pages are still read", "[corpus][alias]") {
    TempDir tmp;
    write_file(tmp / "man2/a.2", ".so man2/b.2\n");
    write_file(tmp / "man2/b.2", ".\\\" loops back\n.so man2/a.2\n");
    write_file(tmp / "man2/c.2", ".so man2/a.2\n");  // leads into the loop
    write_file(tmp / "man2/open.2", page_text("open"));

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(messages(corpus)[0] == tmp / "man2/b.2" + ":2: error: alias loop: man2/a.2 -> man2/b.2 -> man2/a.2");
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("a symlink loop is reported once", "[corpus][alias]") {
    TempDir tmp;
    symlink("y.2", tmp.path() / "man2/x.2");
    symlink("x.2", tmp.path() / "man2/y.2");
    write_file(tmp / "man2/open.2", page_text("open"));

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].message == "alias loop: man2/x.2 -> man2/y.2 -> man2/x.2");
    CHECK(corpus.unreadable == 1);
}

TEST_CASE("dangling aliases are reported with the missing target", "[corpus][alias]") {
    TempDir tmp;
    symlink("gone.2.gz", tmp.path() / "man2/old.2.gz");
    write_file(tmp / "man2/moved.2", "\n.so man2/nowhere.2\n");
    write_file(tmp / "man2/escape.2", ".so ../../etc/passwd\n");
    write_file(tmp / "man2/open.2", page_text("open"));

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{
                                  tmp / "man2/escape.2" + ":1: error: .so target ../../etc/passwd is outside the tree",
                                  tmp / "man2/moved.2" + ":2: error: .so target man2/nowhere.2 not found",
                                  tmp / "man2/old.2.gz" + ": error: symlink target man2/gone.2 not found",
                              });
    CHECK(corpus.unreadable == 3);
}

TEST_CASE("a page and its alias given as separate inputs are one page", "[corpus][alias]") {
    TempDir tmp;
    write_gz(tmp / "man2/open.2.gz", page_text("open"));
    symlink("open.2.gz", tmp.path() / "man2/creat.2.gz");

    Corpus corpus = read_corpus({tmp / "man2/creat.2.gz", tmp / "man2/open.2.gz"});

    REQUIRE(corpus.pages.size() == 1);
    CHECK(corpus.pages[0].path == "man2/open.2");
    CHECK(corpus.pages[0].aliases == Paths{"man2/creat.2"});
    CHECK_FALSE(corpus.pages[0].reached_by_alias);  // it was asked for by name too
}

TEST_CASE("in a flat folder of pages a .so redirect finds its target beside it", "[corpus][alias]") {
    TempDir tmp;
    write_file(tmp / "pages/open.2", page_text("open"));
    write_file(tmp / "pages/creat.2", ".so man2/open.2\n");

    Corpus corpus = read_corpus({tmp / "pages"});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"open.2"});
    CHECK(find_page(corpus, "open.2")->aliases == Paths{"creat.2"});
}
