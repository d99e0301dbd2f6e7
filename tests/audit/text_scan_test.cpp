// The text scanners every check leans on: phrase search in any case, arch names.
#include <catch2/catch.hpp>

#include <array>
#include <string_view>

#include "audit/text_scan.h"

using namespace manaudit::audit;

TEST_CASE("text scan: any of several lower-case phrases, in any case, anywhere", "[text-scan]") {
    static constexpr std::string_view kPhrases[] = {"was removed", "no longer exists", "removed in linux"};
    CHECK(contains_any_lowercase("This call WAS REMOVED in 2.6.", kPhrases));
    CHECK(contains_any_lowercase("It no longer exists", kPhrases));             // at the very end
    CHECK(contains_any_lowercase("Removed in Linux 2.6.12.", kPhrases));         // at the very start
    CHECK_FALSE(contains_any_lowercase("It was remove", kPhrases));              // cut short
    CHECK_FALSE(contains_any_lowercase("wasremoved", kPhrases));
    CHECK_FALSE(contains_any_lowercase("", kPhrases));
    CHECK_FALSE(contains_any_lowercase("anything", std::span<const std::string_view>{}));
    // Phrases sharing a first letter are each tried.
    static constexpr std::string_view kSameStart[] = {"rather than", "replace", "removed"};
    CHECK(contains_any_lowercase("It REPLACES the old one", kSameStart));
    CHECK(contains_any_lowercase("r removed", kSameStart));
    // More phrases than the one-pass table holds still work.
    std::array<std::string, 70> many;
    std::array<std::string_view, 70> views;
    for (std::size_t i = 0; i < many.size(); ++i) {
        many[i] = "phrase" + std::to_string(i);
        views[i] = many[i];
    }
    CHECK(contains_any_lowercase("a PHRASE69 here", views));
    CHECK_FALSE(contains_any_lowercase("a phrase, no number", views));
}

TEST_CASE("text scan: a prepared phrase set, by its first two bytes", "[text-scan]") {
    static constexpr std::string_view kPhrases[] = {"only on", "x", "-specific"};
    const PhraseSet set(kPhrases);
    CHECK(set.found_in("Available ONLY ON x86"));
    CHECK(set.found_in("ends with x"));           // a one-byte phrase in the last byte
    CHECK(set.found_in("X"));
    CHECK(set.found_in("ARM-specific"));
    CHECK_FALSE(set.found_in("only o"));           // cut short at the end
    CHECK_FALSE(set.found_in("ONLY IN Hurd"));    // right first byte, wrong second
    CHECK_FALSE(set.found_in(""));
    // An empty phrase is in every text, as before the set was prepared.
    static constexpr std::string_view kWithEmpty[] = {"never", ""};
    CHECK(PhraseSet(kWithEmpty).found_in("anything"));
    CHECK(PhraseSet(kWithEmpty).found_in(""));
}

TEST_CASE("text scan: arch names at word starts, longest first", "[text-scan]") {
    auto ids = [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& m : arch_mentions_in(text)) out.push_back(m.mention_id + "@" + std::to_string(m.offset));
        return out;
    };
    CHECK(ids("Only on x86-64 and i386.").size() == 2);
    CHECK(ids("the x86_64 port").size() == 1);
    CHECK(ids("prefix-x86 and ax86").empty());   // inside a word or after '-'
    CHECK(ids("").empty());
    const auto two = arch_mentions_in("On x86-64, unlike x86, ...");
    REQUIRE(two.size() == 2);
    CHECK(two[0].offset == 3);
    CHECK(two[1].offset == 18);
    CHECK(two[0].mention_id != two[1].mention_id);
}
