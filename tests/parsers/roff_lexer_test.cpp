// Logical lines and control-line arguments.
#include <catch2/catch.hpp>

#include "parsers/roff/roff_lexer.h"

using namespace manaudit::roff;

TEST_CASE("lines ending in a backslash join the next line", "[roff][lexer]") {
    auto lines = split_lines(".BI \"int f(int \" a \\\n\", int \" b );\nnext\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == ".BI \"int f(int \" a \", int \" b );");
    CHECK(lines[0].line == 1);
    CHECK(lines[0].last_line == 2);
    CHECK(lines[1].text == "next");
    CHECK(lines[1].line == 3);
}

TEST_CASE("an escaped backslash at the end is not a continuation", "[roff][lexer]") {
    auto lines = split_lines("a\\\\\nb\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "a\\\\");
}

TEST_CASE("a backslash inside a comment does not continue the line", "[roff][lexer]") {
    auto lines = split_lines(".\\\" comment \\\ntext\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].text == "text");
}

TEST_CASE("a final line without newline is kept, CR before LF dropped", "[roff][lexer]") {
    auto lines = split_lines("one\r\ntwo");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "one");
    CHECK(lines[1].text == "two");
}

TEST_CASE("control lines split into name and quoted arguments", "[roff][lexer]") {
    ControlLine c = split_control_line(".BI \"int open(const char *\" pathname \", int \" flags );");
    CHECK(c.name == "BI");
    CHECK(c.name_column == 2);
    REQUIRE(c.args.size() == 5);
    CHECK(c.args[0] == "int open(const char *");
    CHECK(c.args[1] == "pathname");
    CHECK(c.args[2] == ", int ");
    CHECK(c.args[4] == ");");
    CHECK(c.arg_columns[1] == 29);
}

TEST_CASE("doubled quotes inside a quoted argument are one quote", "[roff][lexer]") {
    ControlLine c = split_control_line(".B \"say \"\"hi\"\"\" next");
    REQUIRE(c.args.size() == 2);
    CHECK(c.args[0] == "say \"hi\"");
    CHECK(c.args[1] == "next");
}

TEST_CASE("escaped blanks do not split an argument; comments end the arguments", "[roff][lexer]") {
    ControlLine c = split_control_line(".IR a\\ b c \\\" note");
    REQUIRE(c.args.size() == 2);
    CHECK(c.args[0] == "a\\ b");
    CHECK(c.has_comment);
    CHECK(c.comment == " note");
}

TEST_CASE("comment lines and blanks after the control character", "[roff][lexer]") {
    ControlLine comment = split_control_line(".\\\" SPDX");
    CHECK(comment.name == "\\\"");
    CHECK(comment.comment == " SPDX");
    ControlLine spaced = split_control_line(".   TP 4");
    CHECK(spaced.name == "TP");
    CHECK(spaced.name_column == 5);
    REQUIRE(spaced.args.size() == 1);
}
