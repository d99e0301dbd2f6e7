// The man(7) node tree: one node per macro, text line, comment and table part.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace manaudit::roff {

enum class NodeType : std::uint8_t {
    root,       ///< the whole document
    section,    ///< .SH block; `text` is its title
    subsection, ///< .SS block; `text` is its title
    paragraph,  ///< .PP/.P/.LP/.HP, or generated for text outside any paragraph
    tagged,     ///< .TP/.TQ/.IP: children are one head and one body
    head,       ///< the tag of a tagged paragraph
    body,       ///< the body of a tagged paragraph
    indent,     ///< .RS ... .RE
    macro,      ///< a man(7) macro that does not open a block (.B, .BR, .nf, .sp, .UR, ...)
    request,    ///< a roff request tolerated but not interpreted (.if, .de, .ds, .nr, .so, ...)
    text,       ///< one input line of visible text
    comment,    ///< a roff comment (.\" or \"); `text` is the comment without its marker
    table,      ///< .TS ... .TE; `args` holds the options and format lines
    table_row,  ///< one data row of a table
    table_cell, ///< one cell of a row; children are its text lines
};

enum class Font : std::uint8_t { roman, bold, italic, bold_italic, mono };

/// A run of `text` in a font other than roman, as byte offsets.
struct FontSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    Font font = Font::roman;
};

struct Node {
    NodeType type = NodeType::root;
    std::string name;               ///< macro or request name ("TP", "BR", "if"); empty otherwise
    int line = 0;                   ///< 1-based source line
    int column = 0;                 ///< 1-based byte column
    int last_line = 0;              ///< last source line it covers (continuations, table blocks, an indent's .RE)
    std::string section;            ///< enclosing .SH title
    bool generated = false;         ///< made by the parser, not read (implicit paragraphs)
    bool nofill = false;            ///< text read in no-fill mode (.nf/.EX)
    bool joins_next = false;        ///< ends in \c: the next text continues without a space
    std::string text;               ///< visible text (text nodes), comment text, block titles
    std::vector<FontSpan> spans;    ///< non-roman runs of `text`
    std::vector<std::string> args;  ///< raw arguments of macros and requests
    std::vector<std::unique_ptr<Node>> children;
    Node* parent = nullptr;

    Node* add(std::unique_ptr<Node> child);

    // A page makes and drops tens of thousands of nodes, too many for
    // malloc's small per-thread caches; nodes are recycled per thread instead
    // (node_pool.cpp).
    static void* operator new(std::size_t size);
    static void operator delete(void* node, std::size_t size) noexcept;
};

std::string_view node_type_name(NodeType type);
std::string_view font_name(Font font);

/// The tree, one node per line with line:col, like `mandoc -T tree`.
std::string format_tree(const Node& root);

}  // namespace manaudit::roff
