// Splitting visible text into sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "manpages/page.h"

namespace manaudit::manpages {

/// The sentences of a block's visible text ("e.g." and "i.e." do not end one).
std::vector<std::string> split_sentences(std::string_view text);

/// Fills block.sentences and block.tagged_sentences (build_page does it for
/// every block; code making blocks by hand calls it too).
void index_sentences(Block& block);

}  // namespace manaudit::manpages
