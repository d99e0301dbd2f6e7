// Page::layout from the tree: each node tells what its lines are. Only the
// line starts are read from the bytes; what a line is comes from the parser.
#include "manpages/source_layout.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "parsers/roff/man_macros.h"

namespace manaudit::manpages {

namespace {

using roff::Node;
using roff::NodeType;

// When two nodes claim a line, the one that says most about it wins: a
// control line keeps its kind though its arguments are text and may end in a
// comment; a text line keeps its kind though it ends in a comment.
int claim_strength(LineKind kind) {
    switch (kind) {
        case LineKind::empty_request: return 0;
        case LineKind::table_layout: return 1;
        case LineKind::continuation: return 2;
        case LineKind::comment: return 3;
        case LineKind::text: return 4;
        case LineKind::control: return 5;
        case LineKind::blank: return 6;  // no node makes an empty line anything else
    }
    return 0;
}

class LayoutReader {
public:
    explicit LayoutReader(std::string_view source) {
        layout_.macro_names.emplace_back();
        const char* at = source.data();
        const char* end = at + source.size();
        while (at < end) {
            SourceLineInfo info;
            info.offset = static_cast<std::uint32_t>(at - source.data());
            const void* newline = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
            const char* line_end = newline ? static_cast<const char*>(newline) : end;
            std::size_t length = static_cast<std::size_t>(line_end - at);
            if (length == 0 || (length == 1 && *at == '\r')) info.kind = LineKind::blank;
            layout_.lines.push_back(info);
            at = newline ? line_end + 1 : end;
        }
    }

    void read(Node& node) {
        visit(node);
        for (auto& child : node.children) read(*child);
        if (node.type == NodeType::table) table_end(node);
    }

    SourceLayout finish() {
        // Comments of a control line are added after its node's children.
        std::stable_sort(layout_.comments.begin(), layout_.comments.end(),
                         [](const SourceComment& a, const SourceComment& b) { return a.line < b.line; });
        return std::move(layout_);
    }

private:
    SourceLineInfo* line_info(int line) {
        if (line < 1 || line > layout_.line_count()) return nullptr;
        return &layout_.lines[static_cast<std::size_t>(line - 1)];
    }

    void claim(int line, LineKind kind) {
        if (SourceLineInfo* info = line_info(line); info && claim_strength(kind) > claim_strength(info->kind)) info->kind = kind;
    }

    void claim_control(int line, std::string_view name, bool binds_next = false) {
        SourceLineInfo* info = line_info(line);
        if (!info || claim_strength(LineKind::control) <= claim_strength(info->kind)) return;
        info->kind = LineKind::control;
        info->macro = intern(name);
        info->binds_next = binds_next;
    }

    // A macro or request, and the lines it reads beyond its own.
    void claim_control(const Node& node) {
        claim_control(node.line, node.name, binds_next_line(node));
        for (int l = node.line + 1; l <= node.last_line; ++l) claim(l, LineKind::continuation);
    }

    // A table's last line is its .TE, unless the table is not closed and
    // ends with a row.
    void table_end(const Node& table) {
        if (table.last_line > table.line && line_info(table.last_line) &&
            layout_.at(table.last_line).kind == LineKind::table_layout)
            claim_control(table.last_line, "TE");
    }

    std::uint32_t intern(std::string_view name) {
        auto& names = layout_.macro_names;
        // Macro names are a byte or two, and a page uses a few dozen: the
        // last one interned per first byte and size is nearly always it.
        const std::size_t slot = name.empty() ? 0
                                              : std::size_t{static_cast<unsigned char>(name[0])} * kLengths +
                                                    std::min(name.size(), kLengths) - 1;
        if (const std::uint32_t known = recent_[slot]; known < names.size() && names[known] == name) return known;
        std::uint32_t index = 0;
        while (index < names.size() && names[index] != name) ++index;
        if (index == names.size()) names.emplace_back(name);
        recent_[slot] = index;
        return index;
    }

    static bool is_font_macro(const Node& node) {
        if (node.type != NodeType::macro) return false;
        const roff::MacroInfo* info = roff::find_macro(node.name);
        return info && info->is_font_macro();
    }

    // Text or a font macro right under a heading is the title it took from
    // the line after it; anything else under it is in a paragraph.
    static bool took_title_from_next_line(const Node& heading) {
        for (const auto& child : heading.children)
            if (child->type == NodeType::text || is_font_macro(*child)) return true;
        return false;
    }

    static bool has_text_on_own_line(const Node& node) {
        for (const auto& child : node.children)
            if (child->type == NodeType::text && child->line == node.line) return true;
        return false;
    }

    static bool binds_next_line(const Node& node) {
        switch (node.type) {
            case NodeType::section:
            case NodeType::subsection:
                // The title came from the next line, or the heading is still waiting for one.
                return node.text.empty() || took_title_from_next_line(node);
            case NodeType::tagged:
                // .TP and .TQ take their tag from the next line; .IP from its argument.
                return node.name != "IP";
            case NodeType::macro: return is_font_macro(node) && !has_text_on_own_line(node);
            default: return false;
        }
    }

    void visit(Node& node) {
        switch (node.type) {
            case NodeType::root:
            case NodeType::head:
            case NodeType::body:
            case NodeType::table_cell: return;
            case NodeType::paragraph:
            case NodeType::macro:
                if (node.generated) return;  // implicit paragraphs, blank lines
                claim_control(node);
                return;
            case NodeType::section:
            case NodeType::subsection:
                claim_control(node);
                layout_.headings.push_back({node.line, node.type == NodeType::subsection, node.text});
                return;
            case NodeType::indent:
                // An indent runs from its .RS to its .RE, if it has one.
                claim_control(node.line, node.name);
                if (node.last_line > node.line) claim_control(node.last_line, "RE");
                return;
            case NodeType::tagged:
            case NodeType::request: claim_control(node); return;
            case NodeType::table:
                // What no row, comment or request inside claims is the table's layout.
                claim_control(node.line, node.name);
                for (int l = node.line + 1; l <= node.last_line; ++l) claim(l, LineKind::table_layout);
                return;
            case NodeType::table_row: claim(node.line, LineKind::text); return;
            case NodeType::text:
                claim(node.line, LineKind::text);
                for (int l = node.line + 1; l <= node.last_line; ++l) claim(l, LineKind::continuation);
                return;
            case NodeType::comment:
                claim(node.line, LineKind::comment);
                if (SourceLineInfo* info = line_info(node.line)) info->has_comment = true;
                layout_.comments.push_back({node.line, std::move(node.text)});
                return;
        }
    }

    SourceLayout layout_;
    /// By a name's first byte and size (kLengths for longer ones): the index
    /// of the name last interned with them.
    static constexpr std::size_t kLengths = 4;
    std::array<std::uint32_t, std::size_t{256} * kLengths> recent_ = {};
};

}  // namespace

const SourceComment* SourceLayout::comment_on(int line) const {
    auto it = std::lower_bound(comments.begin(), comments.end(), line,
                               [](const SourceComment& c, int l) { return c.line < l; });
    return it != comments.end() && it->line == line ? &*it : nullptr;
}

std::string_view source_line(const Page& page, int line) {
    const auto& lines = page.layout.lines;
    const std::size_t begin = lines[static_cast<std::size_t>(line - 1)].offset;
    std::size_t end = page.source.size();
    if (line < page.layout.line_count()) end = lines[static_cast<std::size_t>(line)].offset - 1;
    else if (end > begin && page.source[end - 1] == '\n') --end;
    return std::string_view(page.source).substr(begin, end - begin);
}

SourceLayout read_source_layout(roff::Node& tree, std::string_view source) {
    LayoutReader reader(source);
    reader.read(tree);
    return reader.finish();
}

}  // namespace manaudit::manpages
