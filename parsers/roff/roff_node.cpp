// Node helpers and the textual tree dump.
#include "parsers/roff/roff_node.h"

namespace manaudit::roff {

Node* Node::add(std::unique_ptr<Node> child) {
    child->parent = this;
    children.push_back(std::move(child));
    return children.back().get();
}

std::string_view node_type_name(NodeType type) {
    switch (type) {
        case NodeType::root: return "root";
        case NodeType::section: return "section";
        case NodeType::subsection: return "subsection";
        case NodeType::paragraph: return "paragraph";
        case NodeType::tagged: return "tagged";
        case NodeType::head: return "head";
        case NodeType::body: return "body";
        case NodeType::indent: return "indent";
        case NodeType::macro: return "macro";
        case NodeType::request: return "request";
        case NodeType::text: return "text";
        case NodeType::comment: return "comment";
        case NodeType::table: return "table";
        case NodeType::table_row: return "row";
        case NodeType::table_cell: return "cell";
    }
    return "?";
}

std::string_view font_name(Font font) {
    switch (font) {
        case Font::roman: return "R";
        case Font::bold: return "B";
        case Font::italic: return "I";
        case Font::bold_italic: return "BI";
        case Font::mono: return "CW";
    }
    return "?";
}

namespace {

// Quotes text for the dump so control characters and long lines stay readable.
void append_quoted(std::string& out, std::string_view text) {
    constexpr std::size_t kMaxShown = 200;
    out += '"';
    std::size_t shown = 0;
    for (char c : text) {
        if (shown++ == kMaxShown) {
            out += "...";
            break;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default: out += c;
        }
    }
    out += '"';
}

void dump(const Node& node, int depth, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += node_type_name(node.type);
    if (!node.name.empty()) {
        out += ' ';
        out += node.name;
    }
    if (node.type != NodeType::root) {
        out += ' ';
        out += std::to_string(node.line);
        out += ':';
        out += std::to_string(node.column);
    }
    if (node.generated) out += " generated";
    if (node.nofill && node.type == NodeType::text) out += " nofill";
    if (!node.text.empty() || node.type == NodeType::text) {
        out += ' ';
        append_quoted(out, node.text);
    }
    for (const FontSpan& span : node.spans) {
        out += ' ';
        out += font_name(span.font);
        out += '[' + std::to_string(span.begin) + ',' + std::to_string(span.end) + ')';
    }
    if (node.joins_next) out += " \\c";
    for (const std::string& arg : node.args) {
        out += ' ';
        append_quoted(out, arg);
    }
    out += '\n';
    for (const auto& child : node.children) dump(*child, depth + 1, out);
}

}  // namespace

std::string format_tree(const Node& root) {
    std::string out;
    dump(root, 0, out);
    return out;
}

}  // namespace manaudit::roff
