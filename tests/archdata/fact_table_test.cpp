// FactTable: a table read in place from its encoding, entry by entry, and
// decoded whole only when walked or changed.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "arch-data/fact_pack.h"
#include "arch-data/fact_pack_codec.h"

using namespace manaudit::archdata;

namespace {

Constant constant(const std::string& name, std::int64_t value) { return Constant{name, value, false, "asm/x.h"}; }

ArchFacts sample_facts(int constants) {
    ArchFacts facts;
    facts.provenance.arch_id = "x86_64";
    for (int i = 0; i < constants; ++i) {
        const std::string name = "C_" + std::to_string(i);
        facts.constants[name] = constant(name, i);
    }
    facts.errnos["EPERM"] = constant("EPERM", 1);
    facts.entry_signatures["sys_openat"] = EntrySignature{"sys_openat", {{"int", "dfd"}}, "fs/open.c"};
    return facts;
}

std::string encoded(const ArchFacts& facts) {
    pack::Encoder e;
    pack::encode(e, facts);
    return e.out;
}

}  // namespace

TEST_CASE("fact table: lookups read the encoded table in place", "[fact-table]") {
    const std::string bytes = encoded(sample_facts(500));
    pack::Decoder d{bytes};
    ArchFacts facts;
    REQUIRE(pack::decode(d, facts));
    CHECK(facts.constants.size() == 500);
    CHECK(facts.errnos.size() == 1);
    const Constant* c = facts.constant("C_321");
    REQUIRE(c);
    CHECK(c->value == 321);
    CHECK(c->header == "asm/x.h");
    CHECK(facts.constant("C_321") == c);  // decoded once, then the same entry
    CHECK_FALSE(facts.constant("C_500"));
    CHECK_FALSE(facts.constant(""));
    CHECK(facts.constants.contains("C_0"));
    CHECK(facts.constants.count("C_499") == 1);
    CHECK_FALSE(facts.constants.contains("EPERM"));
    REQUIRE(facts.errno_value("EPERM"));
    CHECK(facts.errno_value("EPERM")->value == 1);
    REQUIRE(facts.entry_signature("sys_openat"));
    CHECK(facts.entry_signature("sys_openat")->params.at(0).name == "dfd");
}

TEST_CASE("fact table: walking, copying and changing decode it whole", "[fact-table]") {
    const ArchFacts original = sample_facts(40);
    const std::string bytes = encoded(original);
    pack::Decoder d{bytes};
    ArchFacts facts;
    REQUIRE(pack::decode(d, facts));
    const Constant* looked_up = facts.constant("C_7");
    REQUIRE(looked_up);
    int walked = 0;
    for (const auto& [name, c] : facts.constants) walked += name == c.name ? 1 : 0;
    CHECK(walked == 40);
    const ArchFacts copy = facts;
    CHECK(copy.constants.size() == 40);
    CHECK(encoded(copy) == encoded(original));
    REQUIRE(copy.constant("C_39"));
    // A change after a lookup keeps what the lookup gave valid and is seen by later ones.
    facts.constants["C_NEW"] = constant("C_NEW", 99);
    CHECK(looked_up->value == 7);
    REQUIRE(facts.constant("C_NEW"));
    CHECK(facts.constant("C_NEW")->value == 99);
    CHECK(facts.constants.size() == 41);
    // It encodes as it was read: the same bytes again.
    CHECK(encoded(copy) == bytes);
}

TEST_CASE("fact table: lookups from several threads agree", "[fact-table]") {
    const std::string bytes = encoded(sample_facts(2000));
    pack::Decoder d{bytes};
    ArchFacts facts;
    REQUIRE(pack::decode(d, facts));
    std::vector<const Constant*> seen(4 * 2000);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) seen[static_cast<std::size_t>(t * 2000 + i)] = facts.constant("C_" + std::to_string(i));
        });
    for (auto& thread : threads) thread.join();
    for (int i = 0; i < 2000; ++i) {
        INFO(i);
        REQUIRE(seen[static_cast<std::size_t>(i)]);
        CHECK(seen[static_cast<std::size_t>(i)]->value == i);
        for (int t = 1; t < 4; ++t) CHECK(seen[static_cast<std::size_t>(t * 2000 + i)] == seen[static_cast<std::size_t>(i)]);
    }
}

TEST_CASE("fact table: a damaged table is refused or read within its bounds", "[fact-table]") {
    // The pack is part of the program, so damage means a damaged program;
    // still, no byte of it may lead a lookup outside the table (ASan checks).
    const std::string good = encoded(sample_facts(30));
    {
        pack::Decoder d{good};
        ArchFacts facts;
        REQUIRE(pack::decode(d, facts));
    }
    // Every one-byte change of the table layout either decodes or is refused,
    // and what decodes answers lookups without reading outside the bytes.
    int refused = 0, read = 0;
    for (std::size_t at = 0; at < good.size(); ++at) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x5a);
        pack::Decoder d{bad};
        ArchFacts facts;
        if (!pack::decode(d, facts)) {
            ++refused;
            continue;
        }
        ++read;
        for (int i = 0; i < 30; ++i) (void)facts.constant("C_" + std::to_string(i));
        (void)facts.errno_value("EPERM");
        (void)facts.entry_signature("sys_openat");
        std::size_t walked = 0;
        for (const auto& entry : facts.constants.whole()) walked += entry.first.size();
        CHECK(walked <= bad.size());
    }
    // Damage to the tables' structure (lengths, offsets, key order, hash slots) is caught.
    CHECK(refused > 0);
    CHECK(read > 0);
    for (std::size_t cut : {good.size() - 1, good.size() / 2, std::size_t{3}}) {
        pack::Decoder d{std::string_view(good).substr(0, cut)};
        ArchFacts facts;
        CHECK_FALSE(pack::decode(d, facts));
    }
}
