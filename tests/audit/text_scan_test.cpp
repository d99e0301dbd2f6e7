// The text scanners every check leans on: phrase search in any case, arch names.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <random>
#include <span>
#include <string>
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

TEST_CASE("text scan: a prepared phrase set, with windows as long as its shortest phrase", "[text-scan]") {
    static constexpr std::string_view kPhrases[] = {"only on", "x", "-specific"};
    const PhraseSet set(kPhrases);
    CHECK(set.found_in("Available ONLY ON x86"));
    CHECK(set.found_in("ends with x"));           // a one-byte phrase in the last byte
    CHECK(set.found_in("X"));
    CHECK(set.found_in("ARM-specific"));
    CHECK_FALSE(set.found_in("only o"));           // cut short at the end
    CHECK_FALSE(set.found_in("ONLY IN Hurd"));
    CHECK_FALSE(set.found_in(""));
    static constexpr std::string_view kLong[] = {"was removed", "no longer exists", "present only before"};
    const PhraseSet removal(kLong);
    CHECK(removal.found_in("It WAS REMOVED."));
    CHECK(removal.found_in("was removed"));        // the text is the phrase
    CHECK(removal.found_in("This call no longer exists"));  // a phrase ends the text
    CHECK(removal.found_in("present only before Linux 2.6"));  // a phrase starts it
    CHECK_FALSE(removal.found_in("was remove"));   // shorter than the window
    CHECK_FALSE(removal.found_in("it was moved, no longer exist"));
    // An empty phrase is in every text, as before the set was prepared.
    static constexpr std::string_view kWithEmpty[] = {"never", ""};
    CHECK(PhraseSet(kWithEmpty).found_in("anything"));
    CHECK(PhraseSet(kWithEmpty).found_in(""));
    CHECK_FALSE(PhraseSet({}).found_in("anything"));
}

namespace {

// A prepared set's answers against searching for each phrase, on 20000
// random texts of up to `longest` bytes drawn from `bytes`: every answer must
// agree. Returns how many texts held a phrase.
int texts_holding_a_phrase(std::span<const std::string_view> phrases, std::string_view bytes, int longest,
                           unsigned seed) {
    const PhraseSet set(phrases);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> length(0, longest), byte(0, static_cast<int>(bytes.size()) - 1);
    int found = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n) text += bytes[static_cast<std::size_t>(byte(random))];
        const bool any =
            std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return contains_ci(text, p); });
        INFO(text);
        REQUIRE(set.found_in(text) == any);
        found += any;
    }
    return found;
}

}  // namespace

TEST_CASE("text scan: a phrase set finds what searching for each phrase finds", "[text-scan]") {
    // Phrases and texts over a few letters, so that near misses are common.
    static constexpr std::string_view kPhrases[] = {"abab", "bca", "aab", "cabcab", "ba c"};
    const int found = texts_holding_a_phrase(kPhrases, "abcABC ", 24, 13);
    // Both outcomes were tried many times.
    CHECK(found > 2000);
    CHECK(found < 18000);
}

TEST_CASE("text scan: a phrase set of short phrases finds what searching for each finds", "[text-scan]") {
    // Four-byte grams, and bytes that lowering by 0x20 confuses ('@' and
    // '`', NUL and space) beside letters of both cases.
    static constexpr std::string_view kPhrases[] = {"on o", "no on", "o`n", "on n"};
    const int found = texts_holding_a_phrase(kPhrases, std::string_view("oOnN @`\0", 8), 20, 17);
    CHECK(found > 1000);
    CHECK(found < 19000);
}

TEST_CASE("text scan: a phrase set whose phrases all hold digits skips texts without them", "[text-scan]") {
    static constexpr std::string_view kNumbered[] = {"x86", "i386", "ia-32", "x64", "amd64"};
    const PhraseSet numbered(kNumbered);
    // A digit each phrase holds, found greedily: '6' is in four; of ia-32's
    // digits, the lowest.
    CHECK(numbered.required_digits() == "62");
    CHECK(numbered.found_in("on X86 only"));
    CHECK(numbered.found_in("IA-32"));
    CHECK_FALSE(numbered.found_in("on ARM only"));
    CHECK_FALSE(numbered.found_in("digits 1245790 but no phrase"));
    CHECK_FALSE(numbered.found_in("6 and 3, no phrase"));
    // One phrase without a digit: every text is read.
    static constexpr std::string_view kMixed[] = {"x86", "arm"};
    const PhraseSet mixed(kMixed);
    CHECK(mixed.required_digits().empty());
    CHECK(mixed.found_in("on ARM only"));
    // The same answers as searching for each phrase, over texts of digits and letters.
    const int found = texts_holding_a_phrase(kNumbered, "xX86i3a-42", 16, 29);
    CHECK(found > 300);
    CHECK(found < 19000);
}

TEST_CASE("text scan: a text that may name x86, tested before reading its words", "[text-scan]") {
    for (std::string_view text : {"Only on x86-64.", "i386 only", "the x32 ABI", "AMD64", "on x86"}) {
        INFO(text);
        CHECK(may_name_x86(text));
        CHECK_FALSE(arch_mentions_in(text).empty());
    }
    // Never false where an x86 name is: a loose match costs only a closer look.
    CHECK(may_name_x86("prefix-x86"));
    CHECK(arch_mentions_in("prefix-x86").empty());
    CHECK_FALSE(may_name_x86("Only on ARM and MIPS."));
    CHECK_FALSE(may_name_x86(""));
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

TEST_CASE("text scan: a sentence that speaks of where something exists", "[text-scan]") {
    CHECK(speaks_of_existence("This system call does not exist on arm64."));
    CHECK(speaks_of_existence("Only x86 IMPLEMENTS it."));
    CHECK(speaks_of_existence("On alpha, getxpid() is used instead."));
    CHECK(speaks_of_existence("There is no such call on MIPS."));
    // A purpose clause says how, not where.
    CHECK_FALSE(speaks_of_existence("It uses registers in order to implement pipe()."));
    // The vDSO is about speed, whatever the words beside it.
    CHECK_FALSE(speaks_of_existence("The vDSO version is not available on all architectures."));
    CHECK_FALSE(speaks_of_existence("The call returns the process ID."));
    CHECK_FALSE(speaks_of_existence(""));
}
