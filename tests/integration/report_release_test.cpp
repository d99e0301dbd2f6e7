// The report made from the installed release against every ABI: well-formed,
// one column per ABI, counts equal to the audit's findings, under 5 MB.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include "audit/report/build_report.h"
#include "audit/report/render.h"
#include "audit/run.h"

using namespace manaudit;

TEST_CASE("release report: well-formed, every ABI, the audit's counts", "[integration][report]") {
    audit::RunInputs inputs;
    inputs.arch_data_dir = std::string(MANAUDIT_SOURCE_DIR) + "/arch-data/linux-6.1";
    audit::AuditOptions options;
    options.jobs = 2;
    audit::RunResult result = audit::run_audit_on(inputs, options);
    if (result.pages.empty()) {
        WARN("SKIP: no man-pages release under /usr/share/man");
        return;
    }
    REQUIRE_FALSE(result.config_error);
    const std::size_t findings = result.findings.size();
    std::map<std::string, int> per_check;
    for (const auto& f : result.findings) ++per_check[f.check_id];

    report::ReportInputs in;
    in.corpus = "/usr/share/man";
    in.generated = "2026-01-01";
    in.tool_version = "test";
    in.pages = result.pages;
    in.facts = result.facts;
    in.findings = result.findings;
    const std::string html = report::render_html(report::build_report(std::move(in)));
    CHECK(html.size() < 5u * 1024 * 1024);

    pugi::xml_document doc;
    auto ok = doc.load_buffer(html.data(), html.size(), pugi::parse_default | pugi::parse_doctype);
    INFO(ok.description() << " at " << ok.offset);
    REQUIRE(ok);
    auto heads = doc.select_nodes("//table[@id='page-matrix']/thead/tr/th[@data-arch]");
    REQUIRE(heads.size() == result.facts.size());
    CHECK(heads.size() == 30);  // Linux 6.1: every ABI of the table
    for (std::size_t i = 0; i < heads.size(); ++i)
        CHECK(std::string(heads[i].node().attribute("data-arch").value()) == result.facts[i].provenance.arch_id);
    CHECK(doc.select_node("//dd[@id='total-findings']").node().attribute("data-count").as_ullong() == findings);
    CHECK(doc.select_nodes("//li[@class='finding']").size() == findings);
    for (const auto& [check, n] : per_check) {
        INFO(check);
        auto cell = doc.select_node(("//tr[@data-check='" + check + "']/td[@data-count]").c_str());
        REQUIRE(cell);
        CHECK(cell.node().attribute("data-count").as_int() == n);
    }
    // Every page row has a cell per ABI, and every finding sits in some row.
    std::size_t in_rows = 0;
    for (auto row : doc.select_nodes("//table[@id='page-matrix']/tbody/tr")) {
        CHECK(row.node().select_nodes("td").size() == result.facts.size());
        ++in_rows;
    }
    CHECK(in_rows > 0);
    CHECK(in_rows <= findings);
    // open is missing on arm64 in the syscall table, with openat in its place.
    auto open_arm64 = doc.select_node("//table[@id='syscall-matrix']/tbody/tr[th='open']/td[5]");
    REQUIRE(open_arm64);
    CHECK(std::string(open_arm64.node().text().get()) == "\u2717 absent: openat");
}
