// archdiff on small hand-built facts.
#include <catch2/catch.hpp>

#include "arch-data/archdiff.h"

using namespace manaudit::archdata;

namespace {

ArchFacts facts(const char* id) {
    ArchFacts f;
    f.provenance.arch_id = id;
    return f;
}

}  // namespace

TEST_CASE("archdiff lists syscalls, errnos, constants and layouts that differ", "[archdiff]") {
    ArchFacts a = facts("a"), b = facts("b");
    a.syscalls["open"] = {"open", 2, "", false};
    a.syscalls["read"] = {"read", 0, "", false};
    a.syscalls["openat"] = {"openat", 257, "", false};
    b.syscalls["read"] = {"read", 63, "", false};
    b.syscalls["openat"] = {"openat", 257, "", false};
    b.syscalls["renameat2"] = {"renameat2", 276, "", false};
    a.errnos["EAGAIN"] = {"EAGAIN", 11, false, ""};
    b.errnos["EAGAIN"] = {"EAGAIN", 35, false, ""};
    a.constants["O_DIRECT"] = {"O_DIRECT", 0x4000, false, ""};
    b.constants["O_DIRECT"] = {"O_DIRECT", 0x10000, false, ""};
    a.constants["O_SAME"] = {"O_SAME", 1, false, ""};
    b.constants["O_SAME"] = {"O_SAME", 1, false, ""};
    a.structs["epoll_event"] = {"epoll_event", 12, 1, true, false, "", {{"events", "u32", 0, 4, -1}, {"data", "u64", 4, 8, -1}}};
    b.structs["epoll_event"] = {"epoll_event", 16, 8, false, false, "", {{"events", "u32", 0, 4, -1}, {"data", "u64", 8, 8, -1}}};
    a.structs["same"] = {"same", 4, 4, false, false, "", {{"x", "int", 0, 4, -1}}};
    b.structs["same"] = a.structs["same"];

    ArchDiff d = diff_arches(a, b);
    CHECK(d.syscalls_only_a == std::vector<std::string>{"open"});
    CHECK(d.syscalls_only_b == std::vector<std::string>{"renameat2"});
    REQUIRE(d.syscalls_renumbered.size() == 1);
    CHECK(d.syscalls_renumbered[0].name == "read");
    CHECK(d.syscalls_renumbered[0].a == "0");
    CHECK(d.syscalls_renumbered[0].b == "63");
    REQUIRE(d.errnos_changed.size() == 1);
    CHECK(d.errnos_changed[0].b == "35");
    REQUIRE(d.constants_changed.size() == 1);
    CHECK(d.constants_changed[0].name == "O_DIRECT");
    REQUIRE(d.structs_changed.size() == 1);
    CHECK(d.structs_changed[0].differences ==
          std::vector<std::string>{"size 12 -> 16", "align 1 -> 8", "packed yes -> no", "field data: offset 4 -> 8"});

    std::string text = render_text(d);
    CHECK(text.find("syscalls only in a (1):\n  open\n") != std::string::npos);
    CHECK(text.find("syscalls numbered differently (1):\n  read: 0 -> 63\n") != std::string::npos);
    CHECK(text.find("errnos valued differently (1):\n  EAGAIN: 11 -> 35\n") != std::string::npos);
    CHECK(text.find("struct layouts that differ (1):\n  struct epoll_event:\n    size 12 -> 16\n") !=
          std::string::npos);
    CHECK_FALSE(d.empty());
    CHECK(diff_arches(a, a).empty());
}
