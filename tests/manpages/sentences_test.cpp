// Splitting a block's text into sentences: what each sentence holds, and
// the same answers as the rule written out byte by byte.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "manpages/sentences.h"

using manaudit::manpages::split_sentences;

namespace {

// The rule, one byte at a time: a newline is a space, a space after a space
// (or before anything else) is dropped, and a sentence ends at '.', '?' or
// '!' before a space or the end, unless the last four bytes in lower case
// end an abbreviation. Sentences lose their outer spaces.
std::vector<std::string> split_by_the_rule(std::string_view text) {
    auto abbreviation = [](const std::string& sentence) {
        std::string last = sentence.substr(sentence.size() > 4 ? sentence.size() - 4 : 0);
        for (char& c : last)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        for (std::string_view a : {"e.g.", "i.e.", "etc.", "vs.", "cf."})
            if (last.ends_with(a)) return true;
        return false;
    };
    auto trimmed = [](std::string s) {
        s.erase(0, s.find_first_not_of(' ') == std::string::npos ? s.size() : s.find_first_not_of(' '));
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
    };
    std::vector<std::string> out;
    std::string sentence;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] == '\n' ? ' ' : text[i];
        if (c == ' ' && (sentence.empty() || sentence.back() == ' ')) continue;
        sentence += c;
        const bool next_is_space = i + 1 == text.size() || std::string_view(" \t\n\v\f\r").find(text[i + 1]) != std::string_view::npos;
        if ((c == '.' || c == '?' || c == '!') && next_is_space && !abbreviation(sentence)) {
            if (!trimmed(sentence).empty()) out.push_back(trimmed(sentence));
            sentence.clear();
        }
    }
    if (!trimmed(sentence).empty()) out.push_back(trimmed(sentence));
    return out;
}

}  // namespace

TEST_CASE("sentences: full stops, abbreviations, newlines and spaces", "[sentences]") {
    CHECK(split_sentences("Use it, e.g. for files. It does not exist on x86-64.") ==
          std::vector<std::string>{"Use it, e.g. for files.", "It does not exist on x86-64."});
    CHECK(split_sentences("  One\nline,  two   spaces.\n\nNext?  Yes!") ==
          std::vector<std::string>{"One line, two spaces.", "Next?", "Yes!"});
    CHECK(split_sentences("Version 2.6.16 and I.E. more. Done") ==
          std::vector<std::string>{"Version 2.6.16 and I.E. more.", "Done"});
    CHECK(split_sentences("x86 vs. arm; cf. mips etc. and so on.") ==
          std::vector<std::string>{"x86 vs. arm; cf. mips etc. and so on."});
    CHECK(split_sentences("a.\tb") == std::vector<std::string>{"a.", "\tb"});
    CHECK(split_sentences("").empty());
    CHECK(split_sentences(" \n  ").empty());
}

TEST_CASE("sentences: the same as the rule written out byte by byte", "[sentences]") {
    std::mt19937 random(41);
    std::uniform_int_distribution<int> length(0, 40), byte(0, 15);
    constexpr std::string_view kBytes = "ab E.g. ?!\n\tiCfv";
    for (int i = 0; i < 30000; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n) text += kBytes[static_cast<std::size_t>(byte(random))];
        INFO('"' << text << '"');
        REQUIRE(split_sentences(text) == split_by_the_rule(text));
    }
}

TEST_CASE("sentences: a tag and its text read as one, without splitting the text twice", "[sentences]") {
    using manaudit::manpages::Block;
    using manaudit::manpages::index_sentences;
    std::mt19937 random(43);
    std::uniform_int_distribution<int> length(0, 14), byte(0, 15);
    constexpr std::string_view kBytes = "ab E.g. ?!\n\tiCfv";
    auto random_text = [&] {
        std::string text;
        for (int n = length(random); n > 0; --n) text += kBytes[static_cast<std::size_t>(byte(random))];
        return text;
    };
    int joined = 0;
    for (int i = 0; i < 30000; ++i) {
        Block block;
        block.kind = Block::Kind::tagged;
        block.tag = random_text();
        block.text = random_text();
        if (block.tag.empty()) block.tag = "x";
        index_sentences(block);
        INFO("tag \"" << block.tag << "\", text \"" << block.text << '"');
        const auto expected = split_by_the_rule(block.tag + "\n" + block.text);
        REQUIRE(block.tagged_sentences == expected);
        REQUIRE(block.sentences == split_by_the_rule(block.text));
        joined += expected.size() < split_by_the_rule(block.tag).size() + block.sentences.size();
    }
    // The tag's open sentence ran on into the text's first many times.
    CHECK(joined > 3000);
}
