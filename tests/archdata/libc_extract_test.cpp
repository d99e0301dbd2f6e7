// The C-library extractor on the fixture C library (tests/fixtures/libc), and
// the XML form of its facts: round trip and bad input.
#include <catch2/catch.hpp>

#include "arch-data/arch_table.h"
#include "arch-data/libc_store.h"
#include "parsers/headers/libc_extractor.h"

using namespace manaudit;

namespace {

std::string fixture(const std::string& dir) { return std::string(MANAUDIT_FIXTURES) + "/libc/" + dir; }

archdata::LibcWanted widget_wanted() {
    archdata::LibcWanted w;
    w.functions = {"widget_open", "widget_read", "widget_describe", "widget_port", "widget_missing"};
    w.headers = {"widget.h", "sys/widget_io.h", "linux/widget.h"};
    w.typedefs = {"size_t", "ssize_t", "no_such_t"};
    w.constants = {"WIDGET_FAST", "WIDGET_SLOW", "WIDGET_NONE"};
    return w;
}

archdata::LibcFacts extract(const char* id, std::vector<std::string> dirs) {
    headers::LibcExtractResult r = headers::extract_libc(*archdata::find_arch(id), {std::move(dirs), false},
                                                         widget_wanted());
    for (const auto& d : r.diags) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(r.facts);
    return std::move(*r.facts);
}

}  // namespace

TEST_CASE("libc extract: declarations as the target resolves them", "[extract][libc]") {
    archdata::LibcFacts x64 = extract("x86_64", {fixture("x86_64"), fixture("common")});
    archdata::LibcFacts x86 = extract("i386", {fixture("common")});
    CHECK(x64.provenance.libc_version == "2.36");
    CHECK(x64.provenance.defines == "_GNU_SOURCE");

    const archdata::LibcFunction* open = x64.function("widget_open");
    REQUIRE(open);
    CHECK(open->variadic);
    REQUIRE(open->params.size() == 2);
    CHECK(open->params[0].canonical == "const char *");
    CHECK(open->header == "widget.h");
    CHECK(open->line > 0);

    const archdata::LibcFunction* read64 = x64.function("widget_read");
    const archdata::LibcFunction* read32 = x86.function("widget_read");
    REQUIRE(read64);
    REQUIRE(read32);
    CHECK_FALSE(read64->variadic);
    CHECK(read64->params[2].spelled == "size_t");
    CHECK(read64->params[2].canonical == "unsigned long");
    CHECK(read32->params[2].canonical == "unsigned int");
    CHECK(read64->result.canonical == "long");
    CHECK(read32->result.canonical == "int");
    CHECK_FALSE(x64.function("widget_missing"));

    CHECK(x64.typedefs.at("ssize_t") == "long");
    CHECK(x86.typedefs.at("ssize_t") == "int");
    CHECK_FALSE(x64.typedef_canonical("no_such_t"));
}

TEST_CASE("libc extract: headers per ABI, kernel headers looked for but not included", "[extract][libc]") {
    archdata::LibcFacts x64 = extract("x86_64", {fixture("x86_64"), fixture("common")});
    archdata::LibcFacts x86 = extract("i386", {fixture("common")});
    CHECK(x64.has_header("sys/widget_io.h") == true);
    CHECK(x86.has_header("sys/widget_io.h") == false);
    CHECK(x64.has_header("linux/widget.h") == false);
    CHECK_FALSE(x64.has_header("stdio.h").has_value());  // not asked for
    CHECK(x64.function("widget_port"));
    CHECK_FALSE(x86.function("widget_port"));
}

TEST_CASE("libc extract: constants evaluated, undefined ones absent", "[extract][libc]") {
    archdata::LibcFacts x64 = extract("x86_64", {fixture("x86_64"), fixture("common")});
    REQUIRE(x64.constant("WIDGET_SLOW"));
    CHECK(x64.constant("WIDGET_SLOW")->value == 0x20);
    CHECK(x64.constant("WIDGET_SLOW")->header == "widget.h");
    CHECK_FALSE(x64.constant("WIDGET_NONE"));
}

TEST_CASE("libc extract: a missing include dir is an error naming it", "[extract][libc]") {
    headers::LibcExtractResult r =
        headers::extract_libc(*archdata::find_arch("arm64"), {{fixture("no-such-dir")}, false}, widget_wanted());
    CHECK_FALSE(r.facts);
    REQUIRE_FALSE(r.diags.empty());
    CHECK(r.diags[0].file == fixture("no-such-dir"));
}

TEST_CASE("libc data: XML round trip", "[libc][xml]") {
    archdata::LibcFacts x64 = extract("x86_64", {fixture("x86_64"), fixture("common")});
    const std::string xml = archdata::to_xml(x64);
    Diagnostics diags;
    auto back = archdata::parse_libc_xml(xml, "x86_64.xml", diags);
    REQUIRE(back);
    CHECK(diags.empty());
    CHECK(archdata::to_xml(*back) == xml);
    CHECK(back->function("widget_open")->variadic);
    CHECK(back->constant("WIDGET_FAST")->value == 0x10);
}

TEST_CASE("libc data: a truncated list is an error with file and line", "[libc][xml]") {
    const std::string xml = R"(<?xml version="1.0"?>
<libc-data format="1" arch="arm64" libc="glibc" version="2.36">
  <provenance package="p" package-version="1" command="c" clang-target="t"/>
  <headers count="2">
    <header name="fcntl.h" exists="yes"/>
  </headers>
  <typedefs count="0"/>
  <functions count="0"/>
  <constants count="0"/>
</libc-data>
)";
    Diagnostics diags;
    CHECK_FALSE(archdata::parse_libc_xml(xml, "arm64.xml", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "arm64.xml");
    CHECK(diags[0].line == 4);
    CHECK(diags[0].message.find("count=2") != std::string::npos);
}

TEST_CASE("libc data: a function without its result is an error", "[libc][xml]") {
    const std::string xml = R"(<?xml version="1.0"?>
<libc-data format="1" arch="arm64" libc="glibc" version="2.36">
  <provenance package="p" package-version="1" command="c" clang-target="t"/>
  <headers count="0"/>
  <typedefs count="0"/>
  <functions count="1">
    <function name="open" header="fcntl.h" line="3" variadic="maybe"/>
  </functions>
  <constants count="0"/>
</libc-data>
)";
    Diagnostics diags;
    CHECK_FALSE(archdata::parse_libc_xml(xml, "arm64.xml", diags));
    REQUIRE_FALSE(diags.empty());
    CHECK(diags[0].line == 7);
}
