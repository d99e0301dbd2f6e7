// Rendering the report: a self-contained HTML page, a 100-column text table, JSON.
#pragma once

#include <string>
#include <string_view>

#include "arch-data/archdiff.h"
#include "audit/report/report.h"

namespace manaudit::report {

/// One HTML file, inline CSS and a little inline script (filter and sort; the
/// page reads the same without it); nothing loaded from anywhere.
std::string render_html(const Report& report);

/// The same content for a terminal: no line longer than `width` columns, ABIs
/// abbreviated with a legend.
std::string render_text(const Report& report, std::size_t width = 100);

std::string render_json(const Report& report);

/// `archdiff --format html`: A against B, syscalls missing on either side
/// first (with the call used there instead), then renumberings, errnos,
/// constants and layouts.
std::string render_archdiff_html(const archdata::ArchDiff& diff, const archdata::ArchFacts& a,
                                 const archdata::ArchFacts& b, const std::string& tool_version);

/// The stylesheet and script every page embeds (report_assets.cpp). Neither
/// holds '<' or '&', so they stay well-formed inside the XHTML.
std::string_view report_css();
std::string_view report_script();

}  // namespace manaudit::report
