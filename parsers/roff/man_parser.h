// Parsing man(7) source into a node tree.
#pragma once

#include <memory>
#include <string_view>

#include "parsers/roff/roff_escape.h"
#include "parsers/roff/roff_node.h"

namespace manaudit::roff {

/// Parses a whole page. Never fails: problems go to `sink` and the tree holds
/// whatever could be read.
std::unique_ptr<Node> parse_man(std::string_view source, DiagnosticSink& sink);

}  // namespace manaudit::roff
