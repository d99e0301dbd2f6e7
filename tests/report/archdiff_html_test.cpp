// archdiff's HTML page and the arch aliases users type.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "arch-data/arch_aliases.h"
#include "arch-data/archdiff.h"
#include "audit/report/render.h"
#include "report_fixture.h"

using namespace manaudit;
using namespace manaudit::report::testing;

TEST_CASE("archdiff html: missing calls first, with the call used instead", "[report][archdiff]") {
    auto facts = four_abis();
    auto diff = archdata::diff_arches(facts[0], facts[2]);  // x86_64, arm64
    std::string html = report::render_archdiff_html(diff, facts[0], facts[2], "0.0.0");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype));
    auto rows = doc.select_nodes("//table[@id='only-a']/tbody/tr");
    REQUIRE(rows.size() == 1);
    CHECK(std::string(rows[0].node().child("th").text().get()) == "open");
    CHECK(std::string(rows[0].node().select_node("td[2]").node().text().get()) == "openat");
    CHECK(doc.select_nodes("//table[@id='renumbered']/tbody/tr").size() == 2);  // openat, read
    // The summary table comes before the lists.
    CHECK(html.find("archdiff-summary") < html.find("only-a"));
}

TEST_CASE("arch aliases: Debian, GNU and uname names give the table id", "[report][alias]") {
    CHECK(archdata::resolve_arch_alias("amd64") == "x86_64");
    CHECK(archdata::resolve_arch_alias("x86-64") == "x86_64");
    CHECK(archdata::resolve_arch_alias("aarch64") == "arm64");
    CHECK(archdata::resolve_arch_alias("AArch64") == "arm64");
    CHECK(archdata::resolve_arch_alias("ppc64el") == "powerpc64le");
    CHECK(archdata::resolve_arch_alias("ppc64le") == "powerpc64le");
    CHECK(archdata::resolve_arch_alias("armhf") == "arm");
    CHECK(archdata::resolve_arch_alias("i686") == "i386");
    CHECK(archdata::resolve_arch_alias("mips64el") == "mips64-n64");
    CHECK(archdata::resolve_arch_alias("hppa") == "parisc");
    CHECK(archdata::resolve_arch_alias("sh4") == "sh");
    CHECK(archdata::resolve_arch_alias("loong64") == "loongarch64");
    CHECK(archdata::resolve_arch_alias("mips-o32") == "mips-o32");
    CHECK(archdata::resolve_arch_alias("vax") == "vax");
}
