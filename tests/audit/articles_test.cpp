// Indefinite articles in generated summaries: "an accept()", "a read()".
#include <catch2/catch.hpp>

#include "audit/articles.h"

using manaudit::audit::indefinite_article;
using manaudit::audit::with_article;

TEST_CASE("articles: vowel sounds take an", "[audit][articles]") {
    for (const char* word : {"accept", "epoll_wait", "ioctl", "open", "unlink", "unshare", "Alpha"}) {
        INFO(word);
        CHECK(indefinite_article(word) == "an");
    }
}

TEST_CASE("articles: names read letter by letter from a vowel-sounding letter take an", "[audit][articles]") {
    for (const char* word : {"fstat", "lseek", "mmap", "mq_open", "rt_sigaction", "sbrk", "nfsservctl", "s390_sthyi"}) {
        INFO(word);
        CHECK(indefinite_article(word) == "an");
    }
}

TEST_CASE("articles: consonant sounds take a", "[audit][articles]") {
    for (const char* word : {"read", "uname", "ustat", "utimensat", "sched_yield", "sync", "flock", "fork", "kill",
                             "stat", "link"}) {
        INFO(word);
        CHECK(indefinite_article(word) == "a");
    }
}

TEST_CASE("articles: with_article joins article and word", "[audit][articles]") {
    CHECK(with_article("accept()") == "an accept()");
    CHECK(with_article("read()") == "a read()");
}
