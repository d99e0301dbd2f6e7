// FactsMemo: what checks work out from the facts once a run.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "arch-data/fact_pack_codec.h"
#include "audit/evidence.h"
#include "audit/facts_memo.h"
#include "audit_fixture.h"

using namespace manaudit;
using namespace manaudit::audit;
using manaudit::audit::testing::FactsBuilder;

namespace {

std::vector<int> presence(const FactsMemo& memo, std::string_view name) {
    const std::span<const char> row = memo.errno_presence(name);
    return {row.begin(), row.end()};
}

}  // namespace

TEST_CASE("facts memo: which ABIs define an errno", "[facts-memo]") {
    const std::vector<archdata::ArchFacts> facts = {
        FactsBuilder("x86_64").errno_value("EPERM", 1).errno_value("EDEADLOCK", 35).build(),
        FactsBuilder("mips-o32").errno_value("EPERM", 1).errno_value("EDEADLOCK", 56).errno_value("EINIT", 141).build(),
        FactsBuilder("arm64").errno_value("EPERM", 1).build(),
    };
    const FactsMemo memo(facts);
    CHECK(presence(memo, "EPERM") == std::vector<int>{1, 1, 1});
    CHECK(presence(memo, "EDEADLOCK") == std::vector<int>{1, 1, 0});
    CHECK(presence(memo, "EINIT") == std::vector<int>{0, 1, 0});
    CHECK(memo.errno_presence("ENOSUCH").empty());
    CHECK(memo.errno_presence("").empty());
    CHECK(memo.errno_presence("eperm").empty());  // names are exact
    // The same ABI given twice answers twice.
    const std::vector<archdata::ArchFacts> twice = {facts[2], facts[2]};
    CHECK(presence(FactsMemo(twice), "EPERM") == std::vector<int>{1, 1});
}

TEST_CASE("facts memo: errno names come from packed tables without decoding them", "[facts-memo]") {
    // Facts as the shipped data gives them: tables standing on the pack's bytes.
    archdata::pack::Encoder encoder;
    archdata::pack::encode(encoder, FactsBuilder("arm").errno_value("EAGAIN", 11).errno_value("ENOSYS", 38).build());
    const std::string bytes = encoder.out;
    archdata::pack::Decoder decoder{bytes};
    std::vector<archdata::ArchFacts> facts(2);
    REQUIRE(archdata::pack::decode(decoder, facts[0]));
    facts[1] = FactsBuilder("x86_64").errno_value("ENOSYS", 38).build();
    const FactsMemo memo(facts);
    CHECK(presence(memo, "EAGAIN") == std::vector<int>{1, 0});
    CHECK(presence(memo, "ENOSYS") == std::vector<int>{1, 1});
    CHECK(memo.errno_presence("EPERM").empty());
    REQUIRE(facts[0].errno_value("ENOSYS"));
    CHECK(facts[0].errno_value("ENOSYS")->value == 38);
}

TEST_CASE("facts memo: how each ABI provides a call", "[facts-memo]") {
    const std::vector<archdata::ArchFacts> facts = {
        FactsBuilder("x86_64").syscall("accept", 43).syscall("getpid", 39).build(),
        FactsBuilder("i386").multiplexed("accept", "socketcall", 5).reserved("accept4", 364).syscall("getpid", 20).build(),
        FactsBuilder("arm64").syscall("accept", 202).syscall("getpid", 172).build(),
    };
    const FactsMemo memo(facts);
    constexpr std::uint8_t kNumbered = FactsMemo::kCallNumbered, kImplemented = FactsMemo::kCallImplemented,
                           kMultiplexed = FactsMemo::kCallMultiplexed;
    auto row = [&](std::string_view name) {
        const auto r = memo.call_presence(name);
        return std::vector<int>(r.begin(), r.end());
    };
    CHECK(row("getpid") == std::vector<int>(3, kNumbered | kImplemented));
    CHECK(row("accept") == std::vector<int>{kNumbered | kImplemented, kMultiplexed, kNumbered | kImplemented});
    CHECK(row("accept4") == std::vector<int>{0, kNumbered, 0});  // a reserved slot: numbered, not callable
    CHECK(memo.call_presence("nosuchcall").empty());
    // callable answers as evidence's can_call does, ABI by ABI.
    for (std::string_view name : {"getpid", "accept", "accept4", "nosuchcall"})
        for (std::size_t abi = 0; abi < facts.size(); ++abi) {
            INFO(name << " on " << facts[abi].provenance.arch_id);
            const auto presence = memo.call_presence(name);
            const bool callable = !presence.empty() && FactsMemo::callable(presence[abi]);
            CHECK(callable == can_call(facts[abi], std::string(name)));
        }
}
