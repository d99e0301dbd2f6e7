// Tests of reading values a page states in its text and code.
#include <algorithm>

#include <catch2/catch.hpp>

#include "audit/stated_values.h"
#include "manpages/sentences.h"

using namespace manaudit::audit;
using manaudit::manpages::Block;
using manaudit::manpages::Page;

namespace {

Page page_with_text(std::string text, Block::Kind kind = Block::Kind::paragraph) {
    Block b;
    b.kind = kind;
    b.section = "DESCRIPTION";
    b.text = std::move(text);
    b.first_line = b.last_line = 1;
    manaudit::manpages::index_sentences(b);
    Page p;
    p.blocks.push_back(std::move(b));
    return p;
}

std::vector<std::pair<std::string, long long>> stated(const Page& page) {
    std::vector<std::pair<std::string, long long>> out;
    for (const auto& v : gather_stated_values(page)) out.emplace_back(v.name, v.value);
    std::sort(out.begin(), out.end());
    return out;
}

using Values = std::vector<std::pair<std::string, long long>>;

}  // namespace

TEST_CASE("a constant's value in parentheses after its name", "[audit][stated]") {
    CHECK(stated(page_with_text("It fails with EAGAIN (11) or EFOO_2 (0x1f) here.")) ==
          Values{{"EAGAIN", 11}, {"EFOO_2", 31}});
    // Not a whole upper-case word, too short, or not a number: nothing.
    CHECK(stated(page_with_text("aEAGAIN (11), AB (3), _EAGAIN (4), EAGAIN (x1), EAGAIN (0x)")).empty());
}

TEST_CASE("#define lines state values, up to the end of the line or a comment", "[audit][stated]") {
    CHECK(stated(page_with_text("#define FOO_BAR 0x10\n\n\n#define BAZ (3) /* three */\n#  define QUX 7",
                                Block::Kind::code)) == Values{{"BAZ", 3}, {"FOO_BAR", 16}, {"QUX", 7}});
    CHECK(stated(page_with_text("#define FOO 1 + 2\n#define lower 1\n#define BAR 0x1g\n#defineNOSPACE 1",
                                Block::Kind::code))
              .empty());
}
