// Corpus reading of each tree layout: Debian's, upstream 6.03, the newer man/ layout, bare folders, single files.
#include <catch2/catch.hpp>

#include "corpus_fixture.h"
#include "manpages/corpus.h"

using namespace manaudit::manpages;
using namespace corpus_fixture;
using Paths = std::vector<std::string>;

TEST_CASE("Debian layout: man2 pages and the 3type pages of man3, gzipped", "[corpus]") {
    TempDir tmp;
    write_gz(tmp / "man2/open.2.gz", page_text("open"));
    write_gz(tmp / "man2/read.2.gz", page_text("read"));
    write_gz(tmp / "man2/open_how.2type.gz", page_text("open_how", "2type"));
    write_gz(tmp / "man3/epoll_event.3type.gz", page_text("epoll_event", "3type"));
    write_gz(tmp / "man3/printf.3.gz", page_text("printf", "3"));
    write_gz(tmp / "man7/signal.7.gz", page_text("signal", "7"));
    write_file(tmp / "man2/README", "not a page\n");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(corpus.unreadable == 0);
    // Debian folds man2type/ into man2/ and man3type/ into man3/; paths name the upstream folders.
    CHECK(page_paths(corpus) ==
          Paths{"man2/open.2", "man2/read.2", "man2type/open_how.2type", "man3type/epoll_event.3type"});
    const PageFile* open = find_page(corpus, "man2/open.2");
    REQUIRE(open);
    CHECK(open->source == page_text("open"));  // inflated, byte for byte
    CHECK(open->origin == tmp / "man2/open.2.gz");
    CHECK_FALSE(open->reached_by_alias);
}

TEST_CASE("Debian layout: a 3type page and its alias get upstream paths, the origin stays real", "[corpus]") {
    TempDir tmp;
    write_gz(tmp / "man2/epoll_wait.2.gz", page_text("epoll_wait"));
    write_gz(tmp / "man3/epoll_event.3type.gz", page_text("epoll_event", "3type"));
    symlink("epoll_event.3type.gz", tmp.path() / "man3/epoll_data_t.3type.gz");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/epoll_wait.2", "man3type/epoll_event.3type"});
    const PageFile* event = find_page(corpus, "man3type/epoll_event.3type");
    REQUIRE(event);
    CHECK(event->origin == tmp / "man3/epoll_event.3type.gz");
    CHECK(event->aliases == Paths{"man3type/epoll_data_t.3type"});
    CHECK(event->source == page_text("epoll_event", "3type"));
}

TEST_CASE("a single Debian-layout 3type file given by name gets its upstream path", "[corpus]") {
    TempDir tmp;
    write_gz(tmp / "man3/epoll_event.3type.gz", page_text("epoll_event", "3type"));

    Corpus corpus = read_corpus({tmp / "man3/epoll_event.3type.gz"});

    CHECK(page_paths(corpus) == Paths{"man3type/epoll_event.3type"});
}

TEST_CASE("upstream 6.03 layout: man2/ and man3type/ with plain pages", "[corpus]") {
    TempDir tmp;
    write_file(tmp / "man2/open.2", page_text("open"));
    write_file(tmp / "man3type/epoll_event.3type", page_text("epoll_event", "3type"));
    write_file(tmp / "man3/printf.3", page_text("printf", "3"));
    write_file(tmp / "Makefile", "all:\n");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man3type/epoll_event.3type"});
}

TEST_CASE("newer layout: man/man2, man/man2const, man/man2type, man/man3type", "[corpus]") {
    TempDir tmp;
    write_file(tmp / "man/man2/open.2", page_text("open"));
    write_file(tmp / "man/man2const/PR_SET_NAME.2const", page_text("PR_SET_NAME", "2const"));
    write_file(tmp / "man/man2type/open_how.2type", page_text("open_how", "2type"));
    write_file(tmp / "man/man3type/epoll_event.3type", page_text("epoll_event", "3type"));
    write_file(tmp / "man/man3/printf.3", page_text("printf", "3"));
    // In this layout .so paths stay relative to man/, not to the checkout root.
    write_file(tmp / "man/man2/creat.2", ".so man2/open.2\n");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man/man2/open.2", "man/man2const/PR_SET_NAME.2const",
                                      "man/man2type/open_how.2type", "man/man3type/epoll_event.3type"});
    CHECK(find_page(corpus, "man/man2/open.2")->aliases == Paths{"man/man2/creat.2"});
}

TEST_CASE("a bare man2/ folder keeps man2/ in its paths and resolves aliases beside it", "[corpus]") {
    TempDir tmp;
    write_gz(tmp / "man2/open.2.gz", page_text("open"));
    symlink("open.2.gz", tmp.path() / "man2/creat.2.gz");
    write_gz(tmp / "man3/mq_open.3.gz", page_text("mq_open", "3"));
    symlink("../man3/mq_open.3.gz", tmp.path() / "man2/mq_open.2.gz");

    Corpus corpus = read_corpus({tmp / "man2/"});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man3/mq_open.3"});
    CHECK(find_page(corpus, "man2/open.2")->aliases == Paths{"man2/creat.2"});
    const PageFile* mq_open = find_page(corpus, "man3/mq_open.3");
    CHECK(mq_open->aliases == Paths{"man2/mq_open.2"});
    CHECK(mq_open->reached_by_alias);  // not a section-2 page, but man2/mq_open.2 shows it
}

TEST_CASE("single page files, plain and gzipped, are taken whatever their section", "[corpus]") {
    TempDir tmp;
    write_gz(tmp / "man2/open.2.gz", page_text("open"));
    write_file(tmp / "man7/signal.7", page_text("signal", "7"));
    write_file(tmp / "loose/mypage.2", page_text("mypage"));

    Corpus corpus = read_corpus({tmp / "man7/signal.7", tmp / "man2/open.2.gz", tmp / "loose/mypage.2"});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2", "man7/signal.7", "mypage.2"});
    CHECK(find_page(corpus, "man2/open.2")->source == page_text("open"));
}

TEST_CASE("options choose the sections taken from a tree", "[corpus]") {
    TempDir tmp;
    write_file(tmp / "man2/open.2", page_text("open"));
    write_file(tmp / "man3type/epoll_event.3type", page_text("epoll_event", "3type"));

    CorpusOptions only_2;
    only_2.section3type = false;
    CHECK(page_paths(read_corpus({tmp.path().string()}, only_2)) == Paths{"man2/open.2"});
    CorpusOptions only_3type;
    only_3type.section2 = false;
    CHECK(page_paths(read_corpus({tmp.path().string()}, only_3type)) == Paths{"man3type/epoll_event.3type"});
}

TEST_CASE("pages come out sorted by path whatever the order of inputs", "[corpus]") {
    TempDir tmp;
    for (const char* name : {"write", "close", "open", "accept"})
        write_file(tmp / ("man2/" + std::string(name) + ".2"), page_text(name));

    Corpus corpus = read_corpus({tmp / "man2/write.2", tmp / "man2/accept.2", tmp.path().string()});

    CHECK(page_paths(corpus) == Paths{"man2/accept.2", "man2/close.2", "man2/open.2", "man2/write.2"});
}

TEST_CASE("a directory without pages is an input that could not be read", "[corpus]") {
    TempDir tmp;
    write_file(tmp / "notes.txt", "nothing here\n");

    Corpus corpus = read_corpus({tmp.path().string()});

    CHECK(corpus.pages.empty());
    CHECK(corpus.unreadable == 1);
    REQUIRE(corpus.diagnostics.size() == 1);
    CHECK(corpus.diagnostics[0].level == manaudit::Severity::error);
    CHECK(corpus.diagnostics[0].file == tmp.path().string());
}
