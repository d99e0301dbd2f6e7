// The page's visible text in blocks, gathered from the node tree, with what
// the extractors need beside it (line maps, bold words, comments, tables).
#pragma once

#include <string>
#include <vector>

#include "manpages/page.h"
#include "parsers/roff/roff_node.h"

namespace manaudit::manpages {

/// Where each input line's text starts in a block's text.
struct TextRun {
    std::size_t offset = 0;
    int line = 0;
};

/// What the extractors know about a block beyond Page::blocks.
struct BlockInfo {
    std::vector<TextRun> runs;  ///< in offset order; code blocks have one run per line
    int tag_line = 0;           ///< line of the tag's first text (tagged blocks)
    bool continued = false;     ///< more body text of a tag after nested blocks
};

/// A word shown in bold (or bold italic).
struct BoldWord {
    std::string text;
    int line = 0;
    int block = -1;
    bool in_tag = false;
};

struct CommentLine {
    std::string text;
    int line = 0;
    int block = -1;
};

struct TableRowText {
    std::vector<std::string> cells;
    int line = 0;
    int block = -1;
};

struct TableText {
    int line = 0;
    std::vector<TableRowText> rows;
};

struct PageText {
    std::string title;    ///< .TH first argument
    std::string section;  ///< .TH second argument
    int title_line = 0;
    std::vector<Block> blocks;
    std::vector<BlockInfo> infos;  ///< parallel to blocks
    std::vector<BoldWord> bold_words;
    std::vector<CommentLine> comments;
    std::vector<TableText> tables;

    /// The source line of byte `offset` of block `block`'s text.
    int line_at(int block, std::size_t offset) const;
};

/// Walks the tree into blocks.
PageText collect_text(const roff::Node& root);

}  // namespace manaudit::manpages
