// Filling Page::layout from the parser's tree.
#pragma once

#include <string_view>

#include "manpages/page.h"
#include "parsers/roff/roff_node.h"

namespace manaudit::manpages {

/// The layout of `source` as the tree parsed from it tells it. Comment texts
/// are moved out of the tree, which is not needed afterwards.
SourceLayout read_source_layout(roff::Node& tree, std::string_view source);

}  // namespace manaudit::manpages
