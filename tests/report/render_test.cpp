// The report's renderings: well-formed HTML with one column per ABI and the
// audit's counts, a text table within 100 columns, JSON with the same counts.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "arch-data/arch_table.h"
#include "audit/report/html_writer.h"
#include "audit/report/render.h"
#include "report_fixture.h"

using namespace manaudit;
using namespace manaudit::report;
using namespace manaudit::report::testing;

namespace {

pugi::xml_document parse_html(const std::string& html) {
    pugi::xml_document doc;
    pugi::xml_parse_result ok = doc.load_buffer(html.data(), html.size(), pugi::parse_default | pugi::parse_doctype);
    INFO(ok.description() << " at byte " << ok.offset << ": "
                          << html.substr(static_cast<std::size_t>(std::max<std::ptrdiff_t>(ok.offset - 80, 0)), 160));
    REQUIRE(ok);
    return doc;
}

std::size_t count(const pugi::xml_document& doc, const char* xpath) { return doc.select_nodes(xpath).size(); }

}  // namespace

TEST_CASE("report html is well-formed, one column per ABI, counts equal the findings", "[report][html]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    const std::string html = render_html(r);
    CHECK(html.starts_with("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""));
    auto doc = parse_html(html);

    // Every ABI table has one header per ABI, in order.
    for (const char* table : {"page-matrix", "syscall-matrix", "constant-matrix", "layout-matrix"}) {
        INFO(table);
        auto heads = doc.select_nodes((std::string("//table[@id='") + table + "']/thead/tr/th[@data-arch]").c_str());
        REQUIRE(heads.size() == facts.size());
        for (std::size_t i = 0; i < facts.size(); ++i)
            CHECK(std::string(heads[i].node().attribute("data-arch").value()) == facts[i].provenance.arch_id);
    }
    // Counts: the header total, each check's count, the finding list, the matrix rows.
    CHECK(doc.select_node("//dd[@id='total-findings']").node().attribute("data-count").as_int() == 3);
    for (const auto& c : r.checks) {
        auto cell = doc.select_node(("//table[@id='check-summary']//tr[@data-check='" + c.id + "']/td[@data-count]").c_str());
        REQUIRE(cell);
        CHECK(cell.node().attribute("data-count").as_int() == c.findings);
    }
    CHECK(count(doc, "//li[@class='finding']") == 3);
    CHECK(count(doc, "//table[@id='page-matrix']/tbody/tr") == 2);
    CHECK(count(doc, "//table[@id='page-matrix']//td[@data-state='missing']") == 1);
    CHECK(count(doc, "//table[@id='page-matrix']//td[@data-state='differs']") == 2);
    CHECK(count(doc, "//table[@id='page-matrix']//td[@data-state='not applicable']") == 1);
    // A cell names its state in words and symbol, not by colour alone.
    auto missing = doc.select_node("//td[@data-state='missing']/details/summary").node();
    CHECK(std::string(missing.child("span").text().get()) == "\u2717");
    CHECK(std::string(missing.child("span").next_sibling("span").text().get()) == "missing");
}

TEST_CASE("report html loads nothing from elsewhere", "[report][html]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    auto doc = parse_html(render_html(sample_report(facts, pages)));
    CHECK(count(doc, "//*[@src]") == 0);
    for (auto link : doc.select_nodes("//*[@href]")) {
        std::string href = link.node().attribute("href").value();
        INFO(href);
        CHECK((href.starts_with("#") || href == "data:,"));
    }
    CHECK(count(doc, "//style") == 1);
    CHECK(count(doc, "//script") == 1);
    CHECK(std::string(report_script()).find_first_of("<&") == std::string::npos);
    CHECK(std::string(report_css()).find_first_of("<&") == std::string::npos);
}

TEST_CASE("report html shows reserved slots and multiplexed calls as the data says", "[report][html]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    REQUIRE_FALSE(r.syscalls.empty());
    r.syscalls[0].cells[1] = {SyscallState::multiplexed, 0, "socketcall", ""};
    r.syscalls[0].cells[3] = {SyscallState::not_implemented, 45, "", "openat"};
    auto doc = parse_html(render_html(r));
    auto cells = doc.select_nodes("//table[@id='syscall-matrix']/tbody/tr[1]/td");
    REQUIRE(cells.size() == 5);  // the page, then four ABIs
    CHECK(std::string(cells[2].node().text().get()) == "\u21aa via socketcall");
    CHECK(std::string(cells[2].node().attribute("class").value()) == "s-other");
    CHECK(std::string(cells[4].node().text().get()) == "\u2717 not implemented (45): openat");
    CHECK(std::string(cells[3].node().text().get()) == "\u2717 absent: openat");
}

TEST_CASE("report html stays well-formed with bytes pages may hold", "[report][html]") {
    CHECK(xml_escape("a<b & \"c\"") == "a&lt;b &amp; \"c\"");
    CHECK(xml_escape("\"x\"", true) == "&quot;x&quot;");
    CHECK(xml_escape("caf\xe9 \x01ok") == "caf\uFFFD ok");
    CHECK(xml_escape("\xe2\x9c\x93") == "\u2713");
    auto facts = four_abis();
    auto pages = sample_pages();
    Report r = sample_report(facts, pages);
    r.findings[0].message = "Latin-1 \xe9, ]]> and <b>tags</b> & \x07" "bell";
    parse_html(render_html(r));
}

TEST_CASE("report html with two kernel generations has the kernel diff", "[report][html]") {
    auto old_facts = four_abis();
    auto new_facts = old_facts;
    for (auto& f : new_facts) f.provenance.kernel_version = "6.12";
    new_facts[2].syscalls["cachestat"] = {"cachestat", 451, "asm/unistd.h", false};
    auto pages = sample_pages();
    auto doc = parse_html(render_html(sample_report(old_facts, pages, new_facts)));
    CHECK(count(doc, "//table[@id='kernel-diff']/tbody/tr") == 4);
    auto arm64 = doc.select_node("//table[@id='kernel-diff']/tbody/tr[@data-arch='arm64']/td[1]//p").node();
    CHECK(std::string(arm64.text().get()) == "cachestat");
}

TEST_CASE("report text fits 100 columns with every table ABI, with a legend", "[report][text]") {
    std::vector<archdata::ArchFacts> facts;
    for (const auto& arch : archdata::all_arches())
        facts.push_back(FactsBuilder(std::string(arch.id)).syscall("open", 2).syscall("openat", 3).build());
    facts[3].syscalls.erase("open");  // arm64
    auto pages = sample_pages();
    pages[0].path = "man2/a_page_with_a_really_long_name_that_must_be_cut.2";
    ReportInputs in;
    in.pages = pages;
    in.facts = facts;
    audit::Finding f = sample_findings()[0];
    f.page = pages[0].path;
    f.evidence.clear();
    for (const auto& af : facts) f.evidence.push_back({af.provenance.arch_id, af.syscall("open") != nullptr, "", ""});
    in.findings = {f};
    const std::string text = render_text(build_report(std::move(in)));
    std::istringstream lines(text);
    int n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        INFO(line);
        // Width in characters: UTF-8 continuation bytes take no column.
        std::size_t width = 0;
        for (unsigned char c : line) width += (c & 0xC0) != 0x80;
        CHECK(width <= 100);
    }
    CHECK(n > 20);
    // Every ABI of the table is too many for three-letter columns: two letters.
    CHECK(text.find("a6=arm64") != std::string::npos);
    CHECK(text.find("m6=mips64-n64") != std::string::npos);
    CHECK(text.find("X missing") != std::string::npos);
    CHECK(text.find("instead: openat [a6]") != std::string::npos);
}

TEST_CASE("report json has every section and the audit's counts", "[report][json]") {
    auto facts = four_abis();
    auto pages = sample_pages();
    auto j = nlohmann::json::parse(render_json(sample_report(facts, pages)));
    CHECK(j["abis"].size() == 4);
    CHECK(j["findings"].size() == 3);
    CHECK(j["pages"].size() == 2);
    CHECK(j["pages"][0]["cells"]["arm64"] == "missing");
    CHECK(j["syscalls"][0]["abis"]["arm64"]["state"] == "absent");
    CHECK(j["syscalls"][0]["abis"]["arm64"]["replacement"] == "openat");
    CHECK(j["constants"].size() == 3);
    CHECK(j["layouts"][0]["abis"]["x86_64"]["packed"] == true);
    CHECK(j["kernel_diff"].is_null());
    int total = 0;
    for (const auto& c : j["checks"]) total += c["findings"].get<int>();
    CHECK(total == 3);
}
