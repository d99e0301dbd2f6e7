// Pieces the report page and the archdiff page share.
#pragma once

#include <string>

#include "audit/report/html_writer.h"
#include "audit/report/report.h"

namespace manaudit::report::html {

/// <head> with title, inline style; opens <body>.
void page_start(HtmlWriter& w, const std::string& title);
/// The script and closing tags.
std::string page_finish(HtmlWriter& w, const std::string& footer);

/// The CSS class of a cell state: "s-ok", "s-missing", ...
std::string state_class(CellState state);

/// A sortable table's head: `first` columns, then one vertical header per ABI.
void abi_table_head(HtmlWriter& w, std::initializer_list<std::string_view> first,
                    const std::vector<Column>& columns);

/// A search box that filters the rows of table `table_id` (shown by the script).
void filter_box(HtmlWriter& w, const std::string& table_id, const std::string& placeholder);

// The fact sections of the report (render_html_facts.cpp).
void syscall_section(HtmlWriter& w, const Report& r);
void constant_section(HtmlWriter& w, const Report& r);
void layout_section(HtmlWriter& w, const Report& r);
void kernel_section(HtmlWriter& w, const Report& r);

}  // namespace manaudit::report::html
