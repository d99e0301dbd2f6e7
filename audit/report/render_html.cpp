// The report page: header, summaries, the page × ABI matrix and the findings.
#include <fmt/format.h>

#include "audit/output.h"
#include "audit/report/html_parts.h"
#include "audit/report/render.h"

namespace manaudit::report {

namespace {

using html::state_class;

std::string finding_anchor(std::size_t index) { return "f" + std::to_string(index + 1); }

void header(HtmlWriter& w, const Report& r) {
    w.open("header");
    w.element("h1", "manaudit: section-2 pages against per-architecture kernel facts");
    w.open("dl", {{"class", "meta"}});
    w.element("dt", "Pages").element("dd", r.release.empty() ? r.corpus : r.corpus + " (" + r.release + ")");
    w.element("dt", "Kernel facts").element("dd", "Linux " + r.kernel + " uapi headers");
    std::string abis;
    for (const auto& c : r.columns) abis += (abis.empty() ? "" : ", ") + c.arch;
    w.element("dt", "ABIs").element("dd", fmt::format("{}: {}", r.columns.size(), abis));
    w.element("dt", "Generated").element("dd", r.generated + " by manaudit " + r.tool_version);
    w.element("dt", "Findings")
        .element("dd", fmt::format("{} on {} of {} pages", r.findings.size(), r.pages.size(), r.pages_audited),
                 {{"id", "total-findings"}, {"data-count", std::to_string(r.findings.size())}});
    w.close();
    w.open("nav");
    for (auto [id, title] : {std::pair{"summary", "Summary"}, {"matrix", "Pages \u00d7 ABIs"},
                             {"syscalls", "Syscalls"}, {"constants", "Constants"}, {"layouts", "Struct layouts"},
                             {"kernels", "Kernel versions"}, {"findings", "Findings"}})
        w.element("a", title, {{"href", std::string("#") + id}});
    w.close();
    w.close();
}

void summary(HtmlWriter& w, const Report& r) {
    w.open("section", {{"id", "summary"}});
    w.element("h2", "Summary");
    w.open("div", {{"class", "side-by-side"}});
    w.open("table", {{"id", "check-summary"}, {"class", "sortable"}});
    w.open("thead").open("tr");
    for (auto h : {"Check", "Finds", "Findings", "Pages"}) w.element("th", h, {{"scope", "col"}});
    w.close().close().open("tbody");
    for (const auto& c : r.checks) {
        w.open("tr", {{"data-check", c.id}});
        w.element("th", c.id, {{"scope", "row"}}).element("td", c.description, {{"class", "wrap"}});
        w.element("td", std::to_string(c.findings), {{"class", "num"}, {"data-count", std::to_string(c.findings)}});
        w.element("td", std::to_string(c.pages), {{"class", "num"}});
        w.close();
    }
    w.close().close();

    // Per ABI, one column each like the matrix below, so the two read alike.
    w.open("table", {{"id", "abi-summary"}, {"class", "matrix"}});
    html::abi_table_head(w, {"Per ABI"}, r.columns);
    w.open("tbody");
    auto row = [&](const char* title, auto value) {
        w.open("tr").element("th", title, {{"scope", "row"}});
        for (const auto& s : r.abi_summary) w.element("td", std::to_string(value(s)), {{"class", "num"}});
        w.close();
    };
    row("findings", [](const AbiSummary& s) { return s.findings; });
    row("pages missing", [](const AbiSummary& s) { return s.pages_missing; });
    row("pages differing", [](const AbiSummary& s) { return s.pages_differ; });
    row("pages reached another way", [](const AbiSummary& s) { return s.pages_other_way; });
    w.close().close().close().close();
}

void legend(HtmlWriter& w) {
    w.open("p", {{"class", "legend"}});
    for (auto s : {CellState::ok, CellState::missing, CellState::differs, CellState::other_way,
                   CellState::not_applicable})
        w.element("span", cell_state_symbol(s) + " " + cell_state_name(s), {{"class", state_class(s)}});
    w.close();
}

void matrix(HtmlWriter& w, const Report& r) {
    w.open("section", {{"id", "matrix"}});
    w.element("h2", "Pages \u00d7 ABIs");
    w.element("p", fmt::format("{} pages with findings; a cell names what is wrong for that ABI, its finding "
                               "one click away. Pages without findings are not listed.", r.pages.size()));
    legend(w);
    html::filter_box(w, "page-matrix", "filter pages");
    w.open("table", {{"id", "page-matrix"}, {"class", "matrix sortable"}});
    html::abi_table_head(w, {"Page"}, r.columns);
    w.open("tbody");
    for (const auto& row : r.pages) {
        w.open("tr");
        w.open("th", {{"scope", "row"}});
        w.element("a", fmt::format("{}:{}", row.page, row.line), {{"href", "#" + finding_anchor(row.findings.front())}});
        w.close();
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const PageCell& cell = row.cells[c];
            // Symbol over a short word keeps 17 and more columns within a laptop's width.
            auto label = [&] {
                w.element("span", cell_state_symbol(cell.state), {{"class", "sym"}});
                w.element("span", cell_state_word(cell.state), {{"class", "word"}});
            };
            w.open("td", {{"class", state_class(cell.state) + " cell"}, {"data-state", cell_state_name(cell.state)},
                          {"title", r.columns[c].arch + ": " + cell_state_name(cell.state)}});
            if (cell.findings.empty()) {
                label();
            } else {
                w.open("details").open("summary");
                label();
                w.close().open("ul");
                for (std::size_t i : cell.findings) {
                    const auto& f = r.findings[i];
                    w.open("li");
                    w.element("a", fmt::format("line {}", f.line), {{"href", "#" + finding_anchor(i)}});
                    w.text(": " + f.message + " [" + f.check_id + "]");
                    w.close();
                }
                w.close().close();
            }
            w.close();
        }
        w.close();
    }
    w.close().close().close();
}

void findings(HtmlWriter& w, const Report& r) {
    w.open("section", {{"id", "findings"}});
    w.element("h2", fmt::format("Findings ({})", r.findings.size()));
    w.open("ol", {{"class", "findings"}});
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        w.open("li", {{"id", finding_anchor(i)}, {"class", "finding"}, {"data-check", f.check_id}});
        w.element("code", fmt::format("{}:{}:{}", f.page, f.line, f.column));
        w.text(fmt::format(": {}: {} [{}]", manaudit::severity_name(f.severity), f.message, f.check_id));
        w.open("details").element("summary", "evidence");
        w.open("table", {{"class", "evidence"}}).open("tbody");
        for (const auto& e : f.evidence) {
            w.open("tr").element("th", e.arch, {{"scope", "row"}});
            w.element("td", e.present ? e.value : "absent", {{"class", e.present ? "s-ok" : "s-missing"}});
            w.element("td", e.header);
            w.close();
        }
        w.close().close().close();
        w.close();
    }
    w.close().close();
}

}  // namespace

std::string render_html(const Report& r) {
    HtmlWriter w;
    html::page_start(w, "manaudit report: " + (r.release.empty() ? r.corpus : r.release));
    header(w, r);
    w.open("main");
    summary(w, r);
    matrix(w, r);
    html::syscall_section(w, r);
    html::constant_section(w, r);
    html::layout_section(w, r);
    html::kernel_section(w, r);
    findings(w, r);
    w.close();
    return html::page_finish(w, "Made by manaudit " + r.tool_version + " from the pages and the shipped arch data; "
                                "no part of this page is loaded from elsewhere.");
}

}  // namespace manaudit::report
