// Tests for reading every man-pages generation as maintainers hold it: the
// tree root found from any folder, compat symlinks read once, nothing read
// outside the tree, inputs that are not what they claim.
#include <catch2/catch.hpp>

#include "corpus_fixture.h"

using namespace manaudit::manpages;
using namespace corpus_fixture;
using Paths = std::vector<std::string>;

namespace {

/// Today's upstream checkout: pages under man/, compat links man2 -> man/man2.
void write_newer_checkout(const fs::path& root) {
    write_file(root / "man/man2/open.2", page_text("open"));
    write_file(root / "man/man2/creat.2", ".so man2/open.2\n");
    write_file(root / "man/man2const/PR_SET_NAME.2const", page_text("PR_SET_NAME", "2const"));
    write_file(root / "man/man3type/epoll_event.3type", page_text("epoll_event", "3type"));
    write_file(root / "man/man7/signal.7", page_text("signal", "7"));
    fs::create_directories(root / ".git");
    for (const char* dir : {"man2", "man2const", "man3type", "man7"}) symlink(std::string("man/") + dir, root / dir);
}

const Paths kNewerPages = {"man/man2/open.2", "man/man2const/PR_SET_NAME.2const", "man/man3type/epoll_event.3type"};

}  // namespace

TEST_CASE("a checkout with compat symlinks is read once, given at the root", "[corpus][generations]") {
    TempDir tmp;
    write_newer_checkout(tmp.path());

    Corpus corpus = read_corpus({tmp.path().string()});

    INFO(messages(corpus).size());
    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == kNewerPages);
    CHECK(find_page(corpus, "man/man2/open.2")->aliases == Paths{"man/man2/creat.2"});
}

TEST_CASE("the same checkout given at man/, a section folder or a compat link keeps root-relative paths",
          "[corpus][generations]") {
    TempDir tmp;
    write_newer_checkout(tmp.path());

    CHECK(page_paths(read_corpus({tmp / "man"})) == kNewerPages);
    CHECK(page_paths(read_corpus({tmp / "man/"})) == kNewerPages);
    CHECK(page_paths(read_corpus({tmp / "man/man2"})) == Paths{"man/man2/open.2"});
    CHECK(page_paths(read_corpus({tmp / "man2"})) == Paths{"man/man2/open.2"});
    CHECK(page_paths(read_corpus({tmp / "man2/open.2"})) == Paths{"man/man2/open.2"});
    CHECK(tree_root_of(tmp / "man") == fs::canonical(tmp.path()).string());
    // Given twice, through both spellings, still once.
    CHECK(page_paths(read_corpus({tmp.path().string(), tmp / "man"})) == kNewerPages);
}

TEST_CASE("without git or compat links a folder named man is a tree root (Debian's /usr/share/man)",
          "[corpus][generations]") {
    TempDir tmp;
    write_gz(tmp / "share/man/man2/open.2.gz", page_text("open"));

    Corpus corpus = read_corpus({tmp / "share/man"});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
}

TEST_CASE("a 5.x tree: man2/, man3/ and man7/ at the root", "[corpus][generations]") {
    TempDir tmp;
    write_file(tmp / "man2/open.2", page_text("open"));
    write_file(tmp / "man2/creat.2", ".so man2/open.2\n");
    write_file(tmp / "man3/printf.3", page_text("printf", "3"));
    write_file(tmp / "man7/signal.7", page_text("signal", "7"));
    fs::create_directories(tmp.path() / ".git");

    Corpus corpus = read_corpus({tmp / "man2"});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(find_page(corpus, "man2/open.2")->aliases == Paths{"man2/creat.2"});
}

TEST_CASE("a .so through a folder symlink leading out of the tree reads nothing there", "[corpus][generations]") {
    TempDir tmp;
    fs::path tree = tmp.path() / "tree";
    write_file(tree / "man2/open.2", page_text("open"));
    write_file(tmp.path() / "elsewhere/secret.7", "SECRET CONTENT\n");
    symlink("../elsewhere", tree / "man7");
    write_file(tree / "man2/leak.2", ".so man7/secret.7\n");
    symlink("../man7/secret.7", tree / "man2/leak2.2");

    Corpus corpus = read_corpus({tree.string()});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    for (const auto& page : corpus.pages) CHECK(page.source.find("SECRET") == std::string::npos);
    CHECK(corpus.unreadable == 2);
    for (const auto& message : messages(corpus)) {
        INFO(message);
        CHECK(message.find("outside the tree") != std::string::npos);
    }
    // Given by name, the link is refused too.
    Corpus direct = read_corpus({(tree / "man2/leak2.2").string()});
    CHECK(direct.pages.empty());
    CHECK(direct.unreadable == 1);
}

TEST_CASE("a .so naming a page renamed to another suffix of its section is resolved with a warning",
          "[corpus][generations]") {
    TempDir tmp;
    write_file(tmp / "man2/PR_MPX_ENABLE_MANAGEMENT.2", page_text("PR_MPX_ENABLE_MANAGEMENT"));
    write_file(tmp / "man2const/PR_MPX_DISABLE_MANAGEMENT.2const", ".so man2const/PR_MPX_ENABLE_MANAGEMENT.2const\n");
    // Two candidates: ambiguous, so it stays an error.
    write_file(tmp / "man2/TWICE.2", page_text("TWICE"));
    write_file(tmp / "man2type/TWICE.2type", page_text("TWICE", "2type"));
    write_file(tmp / "man2const/OTHER.2const", ".so man2const/TWICE.2const\n");

    Corpus corpus = read_corpus({tmp.path().string()});

    const PageFile* page = find_page(corpus, "man2/PR_MPX_ENABLE_MANAGEMENT.2");
    REQUIRE(page);
    CHECK(page->aliases == Paths{"man2const/PR_MPX_DISABLE_MANAGEMENT.2const"});
    CHECK(corpus.unreadable == 1);
    CHECK(messages(corpus) ==
          Paths{tmp / "man2const/OTHER.2const" + ":1: error: .so target man2const/TWICE.2const not found",
                tmp / "man2const/PR_MPX_DISABLE_MANAGEMENT.2const" +
                    ":1: warning: .so target man2const/PR_MPX_ENABLE_MANAGEMENT.2const not found; using "
                    "man2/PR_MPX_ENABLE_MANAGEMENT.2, the only page of that name in section 2"});
}

TEST_CASE("an empty folder, or one without section 2 pages, is an input that could not be read",
          "[corpus][generations][bad]") {
    TempDir tmp;
    fs::create_directories(tmp.path() / "empty");
    write_file(tmp / "only3/man3/printf.3", page_text("printf", "3"));
    write_file(tmp / "only3/man3type/pid_t.3type", page_text("pid_t", "3type"));

    Corpus empty = read_corpus({tmp / "empty"});
    CHECK(empty.unreadable == 1);
    CHECK(messages(empty) ==
          Paths{tmp / "empty" + ": error: no section 2 pages found (not a man page tree or release?)"});

    Corpus only3 = read_corpus({tmp / "only3"});
    CHECK(only3.unreadable == 1);
    CHECK(messages(only3) == Paths{tmp / "only3" + ": error: no section 2 pages found, only other sections"});
}

TEST_CASE("archives that are not what they claim are errors", "[corpus][generations][tarball][bad]") {
    TempDir tmp;
    write_file(tmp / "text.tar.xz", "man2/open.2\nthis is a list of names, not an archive\n");
    write_file(tmp / "zero.tar", "");
    write_tarball(tmp / "empty.tar", {});
    write_tarball(tmp / "other.tar.gz", {{"project/README", "hello\n", ""}});

    for (const char* name : {"text.tar.xz", "zero.tar", "empty.tar", "other.tar.gz"}) {
        INFO(name);
        Corpus corpus = read_corpus({tmp / name});
        CHECK(corpus.pages.empty());
        CHECK(corpus.unreadable == 1);
        REQUIRE(corpus.diagnostics.size() == 1);
        CHECK(corpus.diagnostics[0].level == manaudit::Severity::error);
        CHECK(corpus.diagnostics[0].file == tmp / name);
    }
    CHECK(messages(read_corpus({tmp / "empty.tar"})) ==
          Paths{tmp / "empty.tar" + ": error: the archive holds no entries (empty, or not a tar archive)"});
}

TEST_CASE("a tarball's duplicate names are reported and the later entry wins, as tar extracts",
          "[corpus][generations][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "dup.tar.gz";
    write_tarball(tarball, {{"mp/man2/open.2", page_text("open"), ""},
                            {"mp/man2/open.2", page_text("open") + "Second copy.\n", ""}});

    Corpus corpus = read_corpus({tarball});

    REQUIRE(corpus.pages.size() == 1);
    CHECK(corpus.pages[0].source.find("Second copy.") != std::string::npos);
    CHECK(messages(corpus) == Paths{tarball + ":mp/man2/open.2: warning: duplicate entry: this later one replaces "
                                              "the earlier, as tar would extract it"});
}

TEST_CASE("an absolute symlink inside a tarball says so", "[corpus][generations][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "abs.tar.gz";
    write_tarball(tarball, {{"mp/man2/open.2", page_text("open"), ""},
                            {"mp/man2/creat.2", "", "/usr/share/man/man2/open.2.gz"}});

    Corpus corpus = read_corpus({tarball});

    CHECK(page_paths(corpus) == Paths{"man2/open.2"});
    CHECK(messages(corpus) == Paths{tarball + ":man2/creat.2: error: symlink target "
                                              "'/usr/share/man/man2/open.2.gz' is absolute: an archive's links "
                                              "must be relative to stay inside it"});
}

TEST_CASE("a tarball of the newer layout with compat symlinks reads every page once",
          "[corpus][generations][tarball]") {
    TempDir tmp;
    std::string tarball = tmp / "man-pages.tar.gz";
    write_tarball(tarball, {{"man-pages/man/man2/open.2", page_text("open"), ""},
                            {"man-pages/man/man2/creat.2", ".so man2/open.2\n", ""},
                            {"man-pages/man2", "", "man/man2"},
                            {"man-pages/man/man3type/epoll_event.3type", page_text("epoll_event", "3type"), ""},
                            {"man-pages/man3type", "", "man/man3type"}});

    Corpus corpus = read_corpus({tarball});

    CHECK(corpus.diagnostics.empty());
    CHECK(page_paths(corpus) == Paths{"man/man2/open.2", "man/man3type/epoll_event.3type"});
    CHECK(find_page(corpus, "man/man2/open.2")->aliases == Paths{"man/man2/creat.2"});
}
