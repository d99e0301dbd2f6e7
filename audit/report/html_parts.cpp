// The page frame and table pieces shared by the report and archdiff pages.
#include "audit/report/html_parts.h"

#include "audit/report/render.h"

namespace manaudit::report::html {

void page_start(HtmlWriter& w, const std::string& title) {
    w.open("head");
    w.empty("meta", {{"charset", "utf-8"}});
    w.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    w.element("title", title);
    // An empty icon: the browser asks for nothing outside the file.
    w.empty("link", {{"rel", "icon"}, {"href", "data:,"}});
    w.open("style").raw(report_css()).close();
    w.close();
    w.open("body");
}

std::string page_finish(HtmlWriter& w, const std::string& footer) {
    w.element("footer", footer);
    w.open("script").raw(report_script()).close();
    return w.finish();
}

std::string state_class(CellState state) {
    switch (state) {
        case CellState::ok: return "s-ok";
        case CellState::missing: return "s-missing";
        case CellState::other_way: return "s-other";
        case CellState::differs: return "s-differs";
        case CellState::not_applicable: return "s-na";
    }
    return "";
}

void abi_table_head(HtmlWriter& w, std::initializer_list<std::string_view> first, const std::vector<Column>& columns) {
    w.open("thead").open("tr");
    for (auto name : first) w.element("th", name, {{"scope", "col"}});
    for (const auto& c : columns)
        w.element("th", c.arch, {{"scope", "col"}, {"class", "abi"}, {"data-arch", c.arch}, {"title", c.display}});
    w.close().close();
}

void filter_box(HtmlWriter& w, const std::string& table_id, const std::string& placeholder) {
    w.empty("input", {{"type", "search"}, {"data-filter", table_id}, {"placeholder", placeholder},
                      {"aria-label", placeholder}, {"hidden", "hidden"}});
}

}  // namespace manaudit::report::html
