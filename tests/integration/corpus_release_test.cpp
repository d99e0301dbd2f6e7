// The corpus on the installed man-pages 6.03 release (manpages-dev): every man2 file read, every alias resolved.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "../manpages/corpus_fixture.h"
#include "manpages/corpus.h"

using namespace manaudit::manpages;
using corpus_fixture::find_page;
namespace fs = std::filesystem;

namespace {

const fs::path release_root = installed_release_root();

struct Man2Listing {
    std::vector<std::string> regular;             ///< "man2/open.2"
    std::map<std::string, std::string> symlinks;  ///< "man2/creat.2" -> "man2/open.2" (the file it reaches)
};

/// What man2 holds, read with the filesystem alone, to compare the corpus with.
Man2Listing list_man2() {
    Man2Listing listing;
    for (const auto& entry : fs::directory_iterator(release_root / "man2")) {
        std::string name = "man2/" + entry.path().filename().string();
        if (name.ends_with(".gz")) name.resize(name.size() - 3);
        if (entry.is_symlink()) {
            std::string target = fs::canonical(entry.path()).lexically_relative(fs::canonical(release_root)).string();
            if (target.ends_with(".gz")) target.resize(target.size() - 3);
            listing.symlinks[name] = target;
        } else if (entry.is_regular_file()) {
            listing.regular.push_back(name);
        }
    }
    return listing;
}

/// The upstream path of an installed page: Debian puts man2type/ pages in man2/
/// ("man2/open_how.2type" is upstream's "man2type/open_how.2type").
std::string upstream_path(const std::string& installed) {
    auto slash = installed.find('/');
    auto dot = installed.rfind('.');
    std::string folder = installed.substr(0, slash);
    std::string section = installed.substr(dot + 1);
    if (section.size() > 1 && folder == "man" + section.substr(0, 1))
        return "man" + section + installed.substr(slash);
    return installed;
}

bool has_alias(const PageFile* page, const std::string& alias) {
    return page && std::find(page->aliases.begin(), page->aliases.end(), alias) != page->aliases.end();
}

}  // namespace

TEST_CASE("the installed release: all 276 man2 page files are read and all 225 aliases resolve", "[release][corpus]") {
    REQUIRE(fs::is_directory(release_root / "man2"));
    Man2Listing listing = list_man2();
    REQUIRE(listing.regular.size() == 276);  // man-pages 6.03 as packaged by Debian 12
    REQUIRE(listing.symlinks.size() == 225);

    Corpus corpus = read_corpus({release_root.string()});

    CHECK(corpus.diagnostics.empty());
    CHECK(corpus.unreadable == 0);
    for (const auto& path : listing.regular) {
        const PageFile* page = find_page(corpus, upstream_path(path));
        INFO(path);
        REQUIRE(page);
        CHECK(page->origin == (release_root / (path + ".gz")).string());
        CHECK(page->source.find("\n.TH ") != std::string::npos);  // inflated roff, not gzip bytes
        CHECK_FALSE(page->reached_by_alias);
    }
    for (const auto& [alias, target] : listing.symlinks) {
        INFO(alias << " -> " << target);
        CHECK(has_alias(find_page(corpus, upstream_path(target)), upstream_path(alias)));
        CHECK(find_page(corpus, upstream_path(alias)) == nullptr);  // never read twice
    }
}

TEST_CASE("the installed release: open.2 carries creat.2 and openat.2, man3 targets come in", "[release][corpus]") {
    Corpus corpus = read_corpus({release_root.string()});

    const PageFile* open = find_page(corpus, "man2/open.2");
    REQUIRE(open);
    CHECK(has_alias(open, "man2/creat.2"));
    CHECK(has_alias(open, "man2/openat.2"));
    CHECK(open->source.find(".TH open 2") != std::string::npos);

    const PageFile* mq_open = find_page(corpus, "man3/mq_open.3");
    REQUIRE(mq_open);
    CHECK(has_alias(mq_open, "man2/mq_open.2"));
    CHECK(mq_open->reached_by_alias);
}

TEST_CASE("the installed release: the 3type pages of man3, including .so redirects", "[release][corpus]") {
    Corpus corpus = read_corpus({release_root.string()});

    // Installed in man3/, named by their upstream folder man3type/.
    CHECK_FALSE(find_page(corpus, "man3/epoll_event.3type"));
    const PageFile* epoll_event = find_page(corpus, "man3type/epoll_event.3type");
    REQUIRE(epoll_event);
    CHECK(epoll_event->origin == (release_root / "man3/epoll_event.3type.gz").string());
    CHECK(epoll_event->source.find("struct epoll_event {") != std::string::npos);
    CHECK(has_alias(epoll_event, "man3type/epoll_data_t.3type"));
    // Debian keeps these four as .so pages rather than symlinks.
    const PageFile* types = find_page(corpus, "man7/system_data_types.7");
    REQUIRE(types);
    for (const char* alias :
         {"man3type/sigevent.3type", "man3type/siginfo_t.3type", "man3type/sigset_t.3type", "man3type/sigval.3type"})
        CHECK(has_alias(types, alias));

    std::size_t type_pages = 0;
    CHECK(find_page(corpus, "man2type/open_how.2type"));
    for (const auto& page : corpus.pages) {
        type_pages += page.path.ends_with(".3type");
        if (page.path.ends_with(".3type")) CHECK(page.path.starts_with("man3type/"));
    }
    CHECK(type_pages >= 30);
}

TEST_CASE("the installed release read from a tarball gives the same pages and aliases as the directory",
          "[release][corpus][tarball]") {
    // The installed pages as stored (gzipped) in a man-pages-6.03/ tarball, symlinks kept as symlinks:
    // man2, and man3 and man7 whose pages the aliases lead to.
    corpus_fixture::TempDir tmp;
    std::vector<corpus_fixture::TarEntry> entries;
    for (const std::string section : {"man2", "man3", "man7"}) {
        for (const auto& entry : fs::directory_iterator(release_root / section)) {
            std::string name = entry.path().filename().string();
            corpus_fixture::TarEntry tar_entry{"man-pages-6.03/" + section + "/" + name, "", ""};
            if (entry.is_symlink()) {
                tar_entry.symlink_target = fs::read_symlink(entry.path()).string();
            } else {
                std::ifstream in(entry.path(), std::ios::binary);
                tar_entry.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            }
            entries.push_back(std::move(tar_entry));
        }
    }
    std::string tarball = tmp / "man-pages-6.03.tar.gz";
    corpus_fixture::write_tarball(tarball, entries);

    Corpus from_dir = read_corpus({release_root.string()});
    Corpus from_tarball = read_corpus({tarball});

    CHECK(corpus_fixture::messages(from_tarball) == std::vector<std::string>{});
    REQUIRE(from_tarball.pages.size() == from_dir.pages.size());
    for (std::size_t i = 0; i < from_dir.pages.size(); ++i) {
        INFO(from_dir.pages[i].path);
        CHECK(from_tarball.pages[i].path == from_dir.pages[i].path);
        CHECK(from_tarball.pages[i].aliases == from_dir.pages[i].aliases);
        CHECK(from_tarball.pages[i].source == from_dir.pages[i].source);
    }
}
