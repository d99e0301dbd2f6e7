// The hash index the fact lookups use: the same answers as the map it
// indexes, and never an answer from another table.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>

#include "arch-data/name_index.h"
#include "arch-data/store.h"

using namespace manaudit;
using namespace manaudit::archdata;

namespace {

std::map<std::string, int> numbered(int n) {
    std::map<std::string, int> table;
    for (int i = 0; i < n; ++i) table["NAME_" + std::to_string(i)] = i;
    return table;
}

}  // namespace

TEST_CASE("an index finds every name its table holds and none it lacks", "[name_index]") {
    const auto table = numbered(1000);
    NameIndex<int> index;
    index.build(table);
    for (const auto& [name, value] : table) {
        const int* found = index.find(table, name);
        REQUIRE(found);
        CHECK(found == &table.at(name));  // the map's own value, not a copy
    }
    CHECK_FALSE(index.find(table, "NAME_1000"));
    CHECK_FALSE(index.find(table, ""));
    CHECK_FALSE(index.find(table, "NAME_"));
}

TEST_CASE("an index answers only for the table it was built from", "[name_index]") {
    auto table = numbered(50);
    NameIndex<int> index;
    index.build(table);

    // Another table of the same size: the index must not answer from the first.
    auto other = numbered(50);
    other.erase("NAME_7");
    other["OTHER"] = -1;
    CHECK(index.find(other, "OTHER"));
    CHECK(*index.find(other, "OTHER") == -1);
    CHECK_FALSE(index.find(other, "NAME_7"));

    // The table grown since: still right.
    table["LATE"] = 99;
    REQUIRE(index.find(table, "LATE"));
    CHECK(*index.find(table, "LATE") == 99);

    // A copied index starts empty and walks its own table.
    NameIndex<int> copy = index;
    CHECK(*copy.find(other, "OTHER") == -1);
}

TEST_CASE("facts moved after indexing keep their index, and copies answer right too", "[name_index]") {
    Diagnostics diags;
    auto loaded = load_arch_operand("arm64", "", diags);
    REQUIRE(loaded);
    ArchFacts moved = std::move(*loaded);
    REQUIRE(moved.constant("O_DIRECT"));
    CHECK(moved.constant("O_DIRECT") == &moved.constants.at("O_DIRECT"));
    CHECK(moved.errno_value("ENOSYS") == &moved.errnos.at("ENOSYS"));
    CHECK(moved.implemented_syscall("openat"));
    CHECK_FALSE(moved.syscall("open"));  // arm64 has only openat

    ArchFacts copy = moved;
    copy.constants.erase("O_DIRECT");
    copy.constants["O_INVENTED"] = Constant{"O_INVENTED", 1, false, "x.h"};
    CHECK_FALSE(copy.constant("O_DIRECT"));
    CHECK(copy.constant("O_INVENTED"));
    CHECK(moved.constant("O_DIRECT"));
}
