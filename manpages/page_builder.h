// Builds the Page model from a page's roff source.
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "manpages/page.h"

namespace manaudit::manpages {

/// Parses `source` (exact bytes of the page) as man(7) and extracts the model.
/// `path` is the page's path relative to its tree root ("man2/open.2"), used
/// in diagnostics and kept in Page::path. Problems go to `diags`; a page with
/// errors still yields whatever could be read.
Page build_page(const std::string& path, std::string source, Diagnostics& diags);

/// The node tree of `source`, one node per line with line:col, like `mandoc -T tree`.
std::string dump_tree(const std::string& path, std::string_view source, Diagnostics& diags);

}  // namespace manaudit::manpages
