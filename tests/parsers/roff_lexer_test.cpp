// Logical lines and control-line arguments.
#include <catch2/catch.hpp>

#include "parsers/roff/roff_lexer.h"

using namespace manaudit;
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

TEST_CASE("a line longer than the cap is cut there, reported, and the next lines are read", "[roff][lexer]") {
    std::string endless(kMaxLineBytes * 10, 'x');
    Diagnostics diags;
    DiagnosticSink sink("t.7", diags);
    std::string source = "first\n" + endless + "\nafter\n";
    auto lines = split_lines(source, sink);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].text.size() == kMaxLineBytes);
    CHECK(lines[1].line == 2);
    CHECK(lines[2].text == "after");
    CHECK(lines[2].line == 3);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].level == Severity::error);
    CHECK(diags[0].file == "t.7");
    CHECK(diags[0].line == 2);
    CHECK(diags[0].column == static_cast<int>(kMaxLineBytes) + 1);
    CHECK(diags[0].message == "line of 10485760 bytes is longer than the limit of 1048576; the rest of it is ignored");
}

TEST_CASE("a line at the cap is read whole and not reported", "[roff][lexer]") {
    std::string full(kMaxLineBytes, 'y');
    Diagnostics diags;
    DiagnosticSink sink("t.7", diags);
    std::string source = full + "\n";
    auto lines = split_lines(source, sink);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text.size() == kMaxLineBytes);
    CHECK(diags.empty());
}

TEST_CASE("continued lines count together against the cap, reported where they cross it", "[roff][lexer]") {
    std::string half(kMaxLineBytes / 2, 'z');
    std::string source = half + "\\\n" + half + "\\\n" + half + "\\\n" + half + "\nafter\n";
    Diagnostics diags;
    DiagnosticSink sink("t.7", diags);
    auto lines = split_lines(source, sink);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text.size() == kMaxLineBytes);
    CHECK(lines[0].line == 1);
    CHECK(lines[0].last_line == 4);
    CHECK(lines[1].text == "after");
    CHECK(lines[1].line == 5);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].line == 3);
    CHECK(diags[0].column == 1);
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

TEST_CASE("escaped blanks do not split an argument, comments end the arguments", "[roff][lexer]") {
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
